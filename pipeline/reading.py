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
import dataclasses
import json
import os
import stat
import unicodedata
from collections.abc import Iterator, Sequence
from typing import BinaryIO
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import regex

from pipeline import legacy_encodings, report_files
from pipeline.documents import Document, DocumentError
from pipeline.input_options import DEFAULT_MAX_BYTES
from pipeline.metadata import find_published, find_title, url_date
from pipeline.provinces import lookup_province

HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = (".txt", *HTML_SUFFIXES, ".pdf", ".docx")

_LINE_END = regex.compile(r"\r\n?")
_META_CHARSET = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", regex.IGNORECASE)
_MANIFEST_TEXT_FIELDS = ("url", "title", "province")
_MANIFEST_MAX_BYTES = 100_000_000_000  # streamed; still a regular file (a FIFO would hang)
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
    """Unicode marks and UTF-8 first, then the page's declared charset, then the detector.

    A declared charset is not trusted blindly: when a Vietnamese legacy encoding reads the
    bytes as clearly better Vietnamese than the declared one, the page's claim was wrong
    and the encoding says so (`tcvn3, declared windows-1252`).
    """
    codec = _declared_codec(data)
    if codec and not data.startswith(_BOMS):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                pass
            else:
                better = legacy_encodings.detect(data)
                declared = legacy_encodings.score(text)
                if better is not None and better.encoding != codec and \
                        better.score - declared >= legacy_encodings.MIN_MARGIN:
                    return better.text, f"{better.encoding}, declared {codec}"
                return text, codec
    return _decode(data, shown)


def _html_document(html: str, shown: str) -> tuple[str, str | None, date | None]:
    """Article text (line breaks kept), title and publication date of an HTML page."""
    import trafilatura  # 0.3 s to import: only when a page is read

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
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read one file; `title`/`published` given here win over what the text says."""
    shown = display_path if display_path is not None else str(path)
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise DocumentError(shown, "read", f"unsupported file type {suffix or '(no extension)'!r}:"
                            f" solieu reads {', '.join(SUFFIXES)}")
    data = _read_bytes(path, shown, max_bytes)
    ocr = False
    if suffix in HTML_SUFFIXES:
        html, encoding = _decode_html(data, shown)
        body, page_title, page_date = _html_document(html, shown)
        text, encoding = _normalize(body), f"html:{encoding}"
        title = title or (unicodedata.normalize("NFC", page_title) if page_title else None)
        published = published or page_date
    elif suffix == ".pdf":
        extracted = report_files.read_pdf(data, shown)
        text, encoding, ocr = _normalize(extracted.text), extracted.encoding, extracted.ocr
    elif suffix == ".docx":
        extracted = report_files.read_docx(data, shown, max_bytes)
        text, encoding = _normalize(extracted.text), extracted.encoding
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
        published=published or find_published(text) or url_date(url),
        province=province,
        encoding=encoding,
        ocr=ocr,
    )


_FILE_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
               (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
               (stat.S_ISSOCK, "a socket"))


def _read_bytes(path: str | Path, shown: str, max_bytes: int) -> bytes:
    """The file's bytes, refusing what is not a regular file or is over `max_bytes`."""
    with _open_regular(path, shown, max_bytes) as handle:
        try:
            # read(n) allocates n bytes up front: ask for the file's size, not the limit
            size = min(os.fstat(handle.fileno()).st_size, max_bytes)
            data = handle.read(size + 1)
            if size < len(data) <= max_bytes:  # the file grew since it was measured
                data += handle.read(max_bytes + 1 - len(data))
        except OSError as error:
            raise DocumentError(shown, "read", error.strerror or str(error)) from None
    if len(data) > max_bytes:
        raise DocumentError(shown, "read", f"over the limit of {max_bytes} bytes "
                            "(raise it with --max-bytes)")
    if not data:
        raise DocumentError(shown, "read", "empty file")
    return data


def _open_regular(path: str | Path, shown: str, max_bytes: int) -> BinaryIO:
    """The file opened for reading, refusing what is not a regular file or is over `max_bytes`.

    Opened non-blocking and checked on the open descriptor, so a FIFO cannot hang the run
    and a file swapped for another between check and read is still checked.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except FileNotFoundError:
        reason = "dangling symbolic link" if os.path.islink(path) else "no such file"
        raise DocumentError(shown, "read", reason) from None
    except OSError as error:
        reason = ("symbolic link loop" if error.errno == 40
                  else error.strerror or str(error))
        raise DocumentError(shown, "read", reason) from None
    handle = os.fdopen(fd, "rb")
    mode = os.fstat(fd).st_mode
    kind = next((name for test, name in _FILE_KINDS if test(mode)), None)
    if kind or not stat.S_ISREG(mode):
        handle.close()
        raise DocumentError(shown, "read", f"not a regular file: {kind or 'special file'}")
    size = os.fstat(fd).st_size
    if size > max_bytes:
        handle.close()
        raise DocumentError(shown, "read", f"{size} bytes, over the limit of {max_bytes} "
                            "(raise it with --max-bytes)")
    return handle


def _manifest_items(manifest: str | Path, allow_outside: bool = False
                    ) -> Iterator[ManifestEntry | DocumentError]:
    """The manifest's entries, streamed line by line: a crawl's manifest of millions of lines
    costs the memory of one line (and of the set of names seen, to refuse duplicates)."""
    shown, folder = str(manifest), Path(manifest).parent
    try:
        handle = _open_regular(manifest, shown, _MANIFEST_MAX_BYTES)
    except DocumentError as error:
        yield DocumentError(shown, "manifest", error.message)
        return
    root, first_line = folder.resolve(), {}
    with handle:
        number = 0
        for raw in handle:
            try:
                text = raw.decode("utf-8-sig" if number == 0 else "utf-8")
            except UnicodeDecodeError as error:
                yield DocumentError(shown, "manifest", f"cannot read: not UTF-8 ({error.reason})",
                                    number + 1)
                return
            for line in text.splitlines():
                number += 1
                if not line.strip():
                    continue
                try:
                    entry = _manifest_entry(line, folder, number)
                    identity = _manifest_identity(entry, root, allow_outside)
                except ValueError as error:
                    yield DocumentError(shown, "manifest", str(error), number)
                    continue
                if identity in first_line:
                    yield DocumentError(shown, "manifest", f"duplicate: {entry.path!r} is the "
                                        f"same document as line {first_line[identity]}", number)
                    continue
                first_line[identity] = number
                yield dataclasses.replace(entry, identity=identity)


def _manifest_identity(entry: ManifestEntry, root: Path, allow_outside: bool) -> str:
    """The entry's resolved path relative to the manifest's folder; outside it, refused."""
    try:
        resolved = entry.file.resolve()
    except (OSError, RuntimeError):
        raise ValueError(f"{entry.path!r}: symbolic link loop") from None
    if resolved.is_relative_to(root):
        return resolved.relative_to(root).as_posix()
    if allow_outside:
        return resolved.as_posix()
    raise ValueError(f"{entry.path!r} resolves to {resolved}, outside the manifest's folder "
                     f"{root}: refused (--allow-outside reads it)")


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


def read_manifest(path: str | Path, *, allow_outside: bool = False) -> list[ManifestEntry]:
    """All entries of a JSON Lines manifest; the first bad line raises, naming file and line."""
    entries = []
    for item in _manifest_items(path, allow_outside):
        if isinstance(item, DocumentError):
            raise item
        entries.append(item)
    return entries


def _walk(folder: Path) -> Iterator[tuple[Path, str] | DocumentError]:
    """(file, identity) for every supported file under `folder`, sorted; hidden ones skipped.

    Symbolic links are not followed out of the tree: a link to a file inside it is read as
    its target, a link pointing outside, a dangling link, a link loop, a FIFO or a device
    each become a DocumentError; so does a folder that cannot be listed.
    """
    root = folder.resolve()
    prefix = root.name
    errors: list[OSError] = []
    found: list[tuple[str, Path | DocumentError]] = []
    for here, dirs, files in os.walk(root, onerror=errors.append):
        base = Path(here)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in dirs:
            if (base / name).is_symlink():
                error = _symlinked_folder(base / name, root, prefix)
                if error is not None:
                    found.append((error.path, error))
        for name in files:
            if name.startswith(".") or Path(name).suffix.lower() not in SUFFIXES:
                continue
            file = base / name
            relative = _identity(prefix, file.relative_to(root))
            if file.is_symlink():
                try:
                    target = file.resolve(strict=True)
                except FileNotFoundError:
                    found.append((relative, DocumentError(relative, "read", "dangling symbolic link")))
                    continue
                except (OSError, RuntimeError):
                    found.append((relative, DocumentError(relative, "read", "symbolic link loop")))
                    continue
                if not target.is_relative_to(root):
                    found.append((relative, DocumentError(
                        relative, "read", f"symbolic link to {target}, outside {root}: not read")))
                    continue
                file, relative = target, _identity(prefix, target.relative_to(root))
            found.append((relative, file))
    for error in errors:
        where = Path(error.filename or root)
        shown = prefix if where == root else _identity(prefix, where.relative_to(root))
        found.append((shown, DocumentError(shown, "read", f"cannot list folder: "
                                           f"{error.strerror or error}")))
    for relative, item in sorted(found, key=lambda pair: pair[0].split("/")):
        yield item if isinstance(item, DocumentError) else (item, relative)


def _symlinked_folder(link: Path, root: Path, prefix: str) -> DocumentError | None:
    """A symbolic link to a folder is never followed; it is an error unless its target is
    already inside the tree (and so walked there)."""
    shown = _identity(prefix, link.relative_to(root))
    try:
        target = link.resolve(strict=True)
    except FileNotFoundError:
        return DocumentError(shown, "read", "dangling symbolic link")
    except (OSError, RuntimeError):
        return DocumentError(shown, "read", "symbolic link loop")
    if link.parent.resolve().is_relative_to(target):
        return DocumentError(shown, "read", f"symbolic link loop (to its own ancestor {target})")
    if not target.is_relative_to(root):
        return DocumentError(shown, "read", f"symbolic link to {target}, outside {root}: not followed")
    return None


def _identity(prefix: str, relative: Path) -> str:
    return f"{prefix}/{relative.as_posix()}" if prefix else relative.as_posix()


def _read(path: str | Path, **given) -> Document | DocumentError:
    try:
        return read_document(path, **given)
    except DocumentError as error:
        return error


def _path_items(path: str | Path) -> Iterator[tuple[Path, str] | DocumentError]:
    """What a command-line PATH names: a folder's files, or the file itself."""
    given = Path(path)
    try:
        resolved = given.resolve(strict=True)
    except FileNotFoundError:
        reason = "dangling symbolic link" if given.is_symlink() else "no such file or folder"
        yield DocumentError(str(path), "read", reason)
        return
    except (OSError, RuntimeError):
        yield DocumentError(str(path), "read", "symbolic link loop")
        return
    if resolved.is_dir():
        yield from _walk(resolved)
    else:
        yield resolved, _identity(resolved.parent.name, Path(resolved.name))


def iter_documents(
    paths: Sequence[str | Path] = (),
    manifest: str | Path | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_outside: bool = False,
) -> Iterator[Document | DocumentError]:
    """Files, folders (recursively) and manifest entries, in that order; errors are yielded.

    A file reached twice from the command line (`seeds` and `seeds/a.txt`) is read once.
    """
    seen: set[str] = set()
    for path in paths:
        for item in _path_items(path):
            if isinstance(item, DocumentError):
                yield item
            elif item[1] not in seen:
                seen.add(item[1])
                yield _read(item[0], display_path=item[1], max_bytes=max_bytes)
    if manifest is not None:
        for item in _manifest_items(manifest, allow_outside):
            if isinstance(item, DocumentError):
                yield item
            else:
                yield _read(
                    item.file,
                    display_path=item.identity,
                    url=item.url,
                    title=item.title,
                    published=item.published,
                    province=item.province,
                    max_bytes=max_bytes,
                )
