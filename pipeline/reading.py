"""Paths and manifests in, Document records out: confinement, decoding, HTML, PDF, DOCX.

The text is normalized here, once (NFC, `\\n` line ends): every figure offset downstream
indexes exactly this string. A file that cannot be read becomes a DocumentError naming
it, and iteration goes on with the next one. Nothing is skipped in silence: a manifest
path outside the manifest's folder, a symbolic link out of a walked folder, a FIFO or
device, a file over the size limit each become a DocumentError.

Identity: a document is its resolved path relative to its input root. A folder given on
the command line is the root's child (`seeds/001.txt` however `seeds` was spelled); a
file given alone is named with its folder (`seeds/001.txt`); a manifest's root is its
own folder (`docs/001.txt`). The manifest's `url` is stored, not used as identity.
"""
from __future__ import annotations

import codecs
import json
import os
import stat
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import regex
import trafilatura

from pipeline import legacy_encodings, report_files
from pipeline.documents import Document, DocumentError
from pipeline.metadata import find_published, find_title
from pipeline.provinces import lookup_province

HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = (".txt", *HTML_SUFFIXES, ".pdf", ".docx")
DEFAULT_MAX_BYTES = 20_000_000

_LINE_END = regex.compile(r"\r\n?")
_META_CHARSET = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", regex.IGNORECASE)
_MANIFEST_TEXT_FIELDS = ("url", "title", "province")
_UNICODE_MARKS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_BOMS = tuple(bom for bom, _, _ in _UNICODE_MARKS)


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    """One manifest line; `path` is as written, `file` resolved against the manifest's folder,
    `identity` the document's name (its resolved path relative to that folder)."""

    path: str
    file: Path
    line: int
    identity: str = ""
    url: str | None = None
    title: str | None = None
    published: date | None = None
    province: str | None = None


def _normalize(text: str) -> str:
    return unicodedata.normalize("NFC", _LINE_END.sub("\n", text))


def _decode(data: bytes, shown: str) -> tuple[str, str]:
    """Text and encoding name of a plain-text file's bytes, or a DocumentError saying why not."""
    for bom, codec, name in _UNICODE_MARKS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as error:
                message = f"{name} byte order mark but {error.reason}"
                raise DocumentError(shown, "decode", message) from None
    if b"\0" in data:
        raise DocumentError(shown, "decode", "binary data (NUL bytes), not a text file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    guess = legacy_encodings.detect(data)
    if guess is None:
        tried = ", ".join(f"{g.encoding} {g.score:.0%}" for g in legacy_encodings.guesses(data))
        line = data.count(b"\n", 0, utf8_error.start) + 1
        raise DocumentError(
            shown,
            "decode",
            f"not UTF-8 (byte 0x{data[utf8_error.start]:02x}) and not a recognisable "
            f"Vietnamese legacy encoding (tried {tried} valid syllables)",
            line,
        )
    return guess.text, guess.encoding


def _declared_codec(data: bytes) -> str | None:
    declared = _META_CHARSET.search(data[:4096])
    try:
        return codecs.lookup(declared.group(1).decode("ascii")).name if declared else None
    except LookupError:
        return None


def _decode_html(data: bytes, shown: str) -> tuple[str, str]:
    """Unicode marks and UTF-8 first, then the page's declared charset, then the detector."""
    codec = _declared_codec(data)
    if codec and not data.startswith(_BOMS):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                pass
    return _decode(data, shown)


def _html_document(html: str, shown: str) -> tuple[str, str | None, date | None]:
    """Article text (line breaks kept), title and publication date of an HTML page."""
    extracted = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = extracted.text if extracted is not None else None
    if not text or not text.strip():
        raise DocumentError(shown, "extract", "no article text found in the HTML page")
    published = date.fromisoformat(extracted.date) if extracted.date else None
    return text, extracted.title, published


def read_document(
    path: str | Path,
    *,
    display_path: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: date | None = None,
    province: str | None = None,
) -> Document:
    """Read one file; `title`/`published` given here win over what the text says."""
    shown = display_path if display_path is not None else str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise DocumentError(shown, "read", "no such file") from None
    except OSError as error:
        raise DocumentError(shown, "read", error.strerror or str(error)) from None
    if not data:
        raise DocumentError(shown, "read", "empty file")
    is_html = Path(path).suffix.lower() in HTML_SUFFIXES
    if is_html:
        html, encoding = _decode_html(data, shown)
        body, page_title, page_date = _html_document(html, shown)
        text, encoding = _normalize(body), f"html:{encoding}"
        title = title or (unicodedata.normalize("NFC", page_title) if page_title else None)
        published = published or page_date
    else:
        decoded, encoding = _decode(data, shown)
        text = _normalize(decoded)
    if "\0" in text:
        raise DocumentError(shown, "decode", "binary data (NUL characters), not a text file")
    if not text.strip():
        raise DocumentError(shown, "read", "empty (no text)")
    return Document(
        path=shown,
        text=text,
        url=url,
        title=title or find_title(text),
        published=published or find_published(text),
        province=province,
        encoding=encoding,
    )


def _manifest_items(manifest: str | Path) -> Iterator[ManifestEntry | DocumentError]:
    shown, folder = str(manifest), Path(manifest).parent
    try:
        lines = Path(manifest).read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        yield DocumentError(shown, "manifest", "no such file")
        return
    except (OSError, UnicodeDecodeError) as error:
        yield DocumentError(shown, "manifest", f"cannot read: {error}")
        return
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                yield _manifest_entry(line, folder, number)
            except ValueError as error:
                yield DocumentError(shown, "manifest", str(error), number)


def _manifest_entry(line: str, folder: Path, number: int) -> ManifestEntry:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON: {error.msg} at column {error.colno}") from None
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    path = record.get("path")
    if not isinstance(path, str) or not path:
        raise ValueError('no "path" string')
    fields = {}
    for key in _MANIFEST_TEXT_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f'"{key}" must be a string or null')
        fields[key] = value or None
    published = record.get("published")
    if published is not None:
        if not isinstance(published, str):
            raise ValueError('"published" must be an ISO date string or null')
        try:
            published = date.fromisoformat(published)
        except ValueError:
            raise ValueError(f'"published" is not an ISO date: {published!r}') from None
    if fields["province"] and lookup_province(fields["province"], published) is None:
        raise ValueError(f'unknown province {fields["province"]!r}')
    return ManifestEntry(path=path, file=folder / path, line=number, published=published, **fields)


def read_manifest(path: str | Path) -> list[ManifestEntry]:
    """All entries of a JSON Lines manifest; the first bad line raises, naming file and line."""
    entries = []
    for item in _manifest_items(path):
        if isinstance(item, DocumentError):
            raise item
        entries.append(item)
    return entries


def _folder_files(folder: Path) -> list[Path]:
    """Readable files under `folder`, relative to it, sorted; hidden files and folders skipped."""
    return sorted(
        file.relative_to(folder)
        for file in folder.rglob("*")
        if file.suffix.lower() in SUFFIXES
        and file.is_file()
        and not any(part.startswith(".") for part in file.relative_to(folder).parts)
    )


def _read(path: str | Path, **given) -> Document | DocumentError:
    try:
        return read_document(path, **given)
    except DocumentError as error:
        return error


def iter_documents(
    paths: Sequence[str | Path] = (), manifest: str | Path | None = None
) -> Iterator[Document | DocumentError]:
    """Files, folders (recursively) and manifest entries, in that order; errors are yielded."""
    for path in paths:
        if Path(path).is_dir():
            for relative in _folder_files(Path(path)):
                shown = os.path.join(str(path), relative.as_posix())
                yield _read(Path(path) / relative, display_path=shown)
        else:
            yield _read(path)
    if manifest is not None:
        for item in _manifest_items(manifest):
            if isinstance(item, DocumentError):
                yield item
            else:
                yield _read(
                    item.file,
                    display_path=item.path,
                    url=item.url,
                    title=item.title,
                    published=item.published,
                    province=item.province,
                )
