"""Vietnamese text written in the legacy encodings solieu must read: the tests' fixtures."""
from __future__ import annotations

import unicodedata

from pipeline import legacy_encodings

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def tcvn3(text: str) -> bytes:
    table = {char: bytes([byte]) for byte, char in legacy_encodings.TCVN3.items()}
    return b"".join(table.get(char) or char.encode("ascii") for char in text)


def vni(text: str) -> bytes:
    table = {char: sequence.encode("cp1252") for sequence, char in legacy_encodings.VNI.items()}
    return b"".join(table.get(char) or char.encode("ascii") for char in text)


def cp1258(text: str) -> bytes:
    """Windows-1258 as Word wrote it: base letter (with ^, breve or horn), then the tone."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append((base + "".join(c for c in parts if c in _TONES)).encode("cp1258"))
    return b"".join(out)
