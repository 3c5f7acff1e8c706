"""Pre-Unicode Vietnamese font encodings (TCVN3/ABC and VNI-Windows) and a detector.

No maintained PyPI package decodes these, so the mapping tables live here as data. Both
are 8-bit font encodings that reuse Latin-1 code points, so a byte string decodes
"successfully" under every candidate; the detector picks the candidate whose decoding is
made of valid Vietnamese syllables and refuses when no candidate clearly wins.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

import regex

# TCVN3 (ABC, ".VnTime" fonts): one byte per letter. Only lower-case toned vowels exist;
# capitals with tone marks were drawn by a separate all-caps font (".VnTimeH") from the
# same bytes, so they decode to lower case here.
TCVN3: Mapping[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}

# VNI-Windows: a base letter followed by a mark byte (read here as its cp1252 character),
# plus a few single-byte letters (ơ, ư, đ and the i/y forms).
_VNI_TONES = {"ø": "\u0300", "ù": "\u0301", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_CIRCUMFLEX = {
    "â": "", "à": "\u0300", "á": "\u0301", "å": "\u0309", "ã": "\u0303", "ä": "\u0323",
}
_VNI_BREVE = {"ê": "", "è": "\u0300", "é": "\u0301", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_SINGLE = {
    "ô": "ơ", "ö": "ư", "ñ": "đ", "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
}


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for upper in (False, True):
        case = str.upper if upper else str
        for mark, uni in _VNI_SINGLE.items():
            table[case(mark)] = case(uni)
        for base in ("a", "e", "o", "u", "y", "ơ", "ư"):
            for mark, tone in _VNI_TONES.items():
                key = ("ô" if base == "ơ" else "ö" if base == "ư" else base) + mark
                table[case(key)] = case(_nfc(base + tone))
        for base in ("a", "e", "o"):
            for mark, tone in _VNI_CIRCUMFLEX.items():
                table[case(base + mark)] = case(_nfc(base + "\u0302" + tone))
        for mark, tone in _VNI_BREVE.items():
            table[case("a" + mark)] = case(_nfc("a\u0306" + tone))
    return table


VNI: Mapping[str, str] = _vni_table()
"""VNI-Windows sequences (bytes read as cp1252) → Unicode letters."""

_VNI_SEQUENCE = regex.compile("|".join(sorted(map(regex.escape, VNI), key=len, reverse=True)))
_TCVN3_DECODE = {
    byte: TCVN3.get(byte) or bytes([byte]).decode("cp1252", errors="replace")
    for byte in range(0x80, 0x100)
}

# A word in a decoding: anything between spaces, ASCII punctuation/digits and the
# General Punctuation block. Latin-1 symbols (µ ¸ ¨ …) stay inside words on purpose:
# that is how a wrong decoding shows.
_WORD = regex.compile(r"[^\s!-@\[-`{-~\u2010-\u206f]+")
_TONES = regex.compile("[\u0300\u0301\u0303\u0309\u0323]")
_SYLLABLE = regex.compile(
    r"""(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?
    (?:a(?:ch|nh|ng|[cmnptiouy])?|ă(?:ng|[cmnpt])|â(?:ng|[cmnptuy])
      |e(?:ng|[cmnpto])?|ê(?:ch|nh|[mnptu])?
      |i(?:ch|nh|[mnptua])?|iê(?:ng|[cmnptu])|yê(?:ng|[mntu])|y
      |o(?:ng|[cmnpti])?|oo(?:ng|c)|oa(?:ch|nh|ng|[cmnptioy])?|oă(?:ng|[cmnpt])|oe[not]?
      |ô(?:ng|[cmnpti])?|ơ[mnpti]?
      |u(?:ng|[cmnptia])?|uâ(?:ng|[nty])|uê(?:ch|nh)?|uy(?:ch|nh|ên|êt|[anptu])?
      |uô(?:ng|[cmnti])|uơ|ư(?:ng|[cmntiua])?|ươ(?:ng|[cmnptiu]))""",
    regex.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Guess:
    """A candidate decoding; `score` is the share of its `words` that are Vietnamese syllables."""

    encoding: str
    text: str
    score: float
    words: int


def decode_tcvn3(data: bytes) -> str:
    """Bytes outside the table keep their cp1252 meaning (quotes, dashes)."""
    return data.decode("latin-1").translate(_TCVN3_DECODE)


def decode_vni(data: bytes) -> str:
    text = data.decode("cp1252", errors="replace")
    return _VNI_SEQUENCE.sub(lambda m: VNI[m.group()], text)


def decode_cp1258(data: bytes) -> str:
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


_DECODERS = {"cp1258": decode_cp1258, "tcvn3": decode_tcvn3, "vni": decode_vni}
CANDIDATES = tuple(_DECODERS)


def is_syllable(word: str) -> bool:
    """A word with ordinary casing, at most one tone mark and a Vietnamese syllable shape."""
    if not (word.islower() or word.isupper() or word.istitle()):
        return False
    bare = unicodedata.normalize("NFD", word.lower())
    toneless, tones = _TONES.subn("", bare)
    return tones <= 1 and _SYLLABLE.fullmatch(unicodedata.normalize("NFC", toneless)) is not None


def _guess(encoding: str, text: str) -> Guess:
    """Only words with non-ASCII characters are scored: plain ASCII reads the same in all."""
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    share = sum(map(is_syllable, words)) / len(words) if words else 0.0
    return Guess(encoding, text, share, len(words))


def score(text: str) -> float:
    """The share of a decoded text's non-ASCII words that are Vietnamese syllables."""
    return _guess("", text).score


def guesses(data: bytes) -> list[Guess]:
    """Every candidate decoding of `data`, best first."""
    found = [_guess(name, decode(data)) for name, decode in _DECODERS.items()]
    return sorted(found, key=lambda g: g.score, reverse=True)


# Measured on the development texts re-encoded: right decodings score 0.94–1.0 on whole
# texts (0.82 on a 60-character head), wrong ones 0.0–0.25.
MIN_SCORE = 0.8
MIN_MARGIN = 0.3
MIN_WORDS = 5


def detect(data: bytes) -> Guess | None:
    """The clearly best candidate decoding, or None when none is good, ahead and well attested."""
    best, runner_up, *_ = guesses(data)
    clear = best.score >= MIN_SCORE and best.score - runner_up.score >= MIN_MARGIN
    return best if clear and best.words >= MIN_WORDS else None


def decode_glyphs(encoding: str, glyphs: list[str]) -> list[str]:
    """Decode a run of characters drawn in a legacy font (PDF glyphs, Word runs) one glyph each.

    The result has one string per glyph, so it can be written back onto the glyphs it came
    from; a VNI letter made of two glyphs lands on the first and leaves the second empty.
    """
    if encoding == "tcvn3":
        return [_TCVN3_DECODE.get(_cp1252_byte(g), g) if len(g) == 1 else g for g in glyphs]
    decoded, i = [], 0
    while i < len(glyphs):
        pair = "".join(glyphs[i:i + 2])
        if len(glyphs[i:i + 2]) == 2 and pair in VNI:
            decoded += [VNI[pair], ""]
            i += 2
            continue
        decoded.append(VNI.get(glyphs[i], glyphs[i]))
        i += 1
    return decoded


def _cp1252_byte(char: str) -> int:
    try:
        return char.encode("cp1252")[0]
    except UnicodeEncodeError:
        return -1


def font_encoding(font_name: str | None) -> str | None:
    """The legacy encoding a font name implies: `.VnTime`/`.VnArial` → TCVN3, `VNI-Times` → VNI."""
    name = (font_name or "").split("+", 1)[-1].lower()
    if name.startswith((".vn", "vn3")) or "vntime" in name or "vnarial" in name:
        return "tcvn3"
    if name.startswith("vni") or "vni-" in name:
        return "vni"
    return None
