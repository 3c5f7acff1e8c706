"""Reports as governments publish them, PDF and DOCX, turned into the text the rules read.

Tables become one line a row, cells joined by ` | ` (`Chỉ tiêu | KH 2023 | TH 2023`), in
their place among the paragraphs, so a figure's offsets index the stored text like any
other. Glyphs drawn in legacy Vietnamese fonts (`.VnTime` → TCVN3, `VNI-Times` → VNI) go
through pipeline.legacy_encodings. A PDF without a text layer is refused with one clear
message, or read by Tesseract OCR when `tesseract` (with its `vie` data) is installed.
"""
from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from pipeline import legacy_encodings
from pipeline.documents import DocumentError

CELL_SEPARATOR = " | "
_OCR_DPI = 300
_PARAGRAPH_ENDS = (".", ":", ";", "!", "?", "…")
_BULLETS = ("-", "+", "•", "–", "*")
_WRAP_SLACK = 0.2  # a wrapped line ends within this share of the text width from the margin
_INDENT = 0.02  # a line starting further in than this share of the width is a new paragraph


@dataclass(frozen=True, slots=True)
class Extracted:
    """Text read out of a binary report, and how it was read (`pdf`, `pdf:ocr`, `docx`…)."""

    text: str
    encoding: str
    ocr: bool = False


def _row(cells) -> str:
    return CELL_SEPARATOR.join(" ".join((cell or "").split()) for cell in cells)


# --- PDF ---------------------------------------------------------------------------------

def read_pdf(data: bytes, shown: str) -> Extracted:
    """Text of a PDF: pdfplumber first, pypdfium2 when pdfplumber cannot parse the file."""
    try:
        text, legacy = _pdfplumber_text(data)
        encoding = f"pdf:{legacy}" if legacy else "pdf"
    except DocumentError:
        raise
    except Exception as first:  # pdfminer raises many types on broken files
        try:
            text, encoding = _pypdfium2_text(data), "pdf:pypdfium2"
        except Exception:
            raise DocumentError(shown, "read", f"not a readable PDF ({type(first).__name__}: "
                                f"{first})".replace("\n", " ")) from None
    if text.strip():
        return Extracted(text, encoding)
    if shutil.which("tesseract"):
        return Extracted(_ocr(data, shown), "pdf:ocr", ocr=True)
    raise DocumentError(shown, "read", "scanned PDF: no text layer, and OCR is not installed "
                        "(apt-get install tesseract-ocr tesseract-ocr-vie)")


def _pdfplumber_text(data: bytes) -> tuple[str, str | None]:
    """Paragraphs of every page; one cut by a page break is joined again."""
    import pdfplumber

    blocks: list[_Block] = []
    legacy = None
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            legacy = _decode_legacy_glyphs(page.chars) or legacy
            for number, block in enumerate(_page_blocks(page)):
                if number == 0 and blocks and blocks[-1].wrapped and block.at_margin:
                    blocks[-1] = _Block(0, f"{blocks[-1].text} {block.text}", True, block.wrapped)
                else:
                    blocks.append(block)
    return "\n".join(b.text for b in blocks), legacy


def _decode_legacy_glyphs(chars: list[dict]) -> str | None:
    """Rewrite, in place, glyphs drawn in a legacy-encoded font; returns the encoding met.

    A VNI letter drawn as a base glyph and a mark glyph becomes one character on the base
    glyph, which takes over the mark's width; the emptied mark glyph is dropped, so no gap
    is read as a space.
    """
    met, run, kind = None, [], None
    for char in [*chars, None]:
        this = legacy_encodings.font_encoding(char["fontname"]) if char else None
        if this != kind and run:
            decoded = legacy_encodings.decode_glyphs(kind, [c["text"] for c in run])
            for previous, glyph, text in zip([None, *run], run, decoded):
                glyph["text"] = text
                if not text and previous is not None:
                    previous["x1"] = max(previous["x1"], glyph["x1"])
                    previous["width"] = previous["x1"] - previous["x0"]
            run = []
        kind = this
        if this:
            met = this
            run.append(char)
    if met:
        chars[:] = [char for char in chars if char["text"]]
    return met


@dataclass(frozen=True, slots=True)
class _Block:
    """A paragraph or a table on a page; `at_margin`: its first line starts at the left
    margin, `wrapped`: its last line runs to the right margin (so it may go on overleaf)."""

    top: float
    text: str
    at_margin: bool
    wrapped: bool


def _page_blocks(page) -> list[_Block]:
    """Paragraphs and table rows, top to bottom; a table's words are not repeated."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        return obj.get("object_type") != "char" or not any(
            x0 <= obj["x0"] and obj["x1"] <= x1 and top <= obj["top"] and obj["bottom"] <= bottom
            for x0, top, x1, bottom in boxes)

    blocks = _paragraphs(page.filter(outside).extract_text_lines(return_chars=False))
    for table in tables:
        rows = [_row(cells) for cells in table.extract() if any(c and c.strip() for c in cells)]
        if rows:
            blocks.append(_Block(table.bbox[1], "\n".join(rows), False, False))
    return sorted(blocks, key=lambda block: block.top)


def _paragraphs(lines: list[dict]) -> list[_Block]:
    """Lines wrapped inside a paragraph joined again: the rules read a paragraph a line.

    A line continues the previous one when that one was wrapped: it runs to the right
    margin and the line follows closely below it, starting at the left margin (not
    indented as a paragraph's first line). A short line (a heading, a paragraph's last)
    ends its paragraph, so a wrapped `- 2025` is joined while a bullet after a finished
    line starts its own.
    """
    lines = [line for line in lines if line["text"].strip()]
    if not lines:
        return []
    left, right = min(line["x0"] for line in lines), max(line["x1"] for line in lines)
    full, indent = right - _WRAP_SLACK * (right - left), left + _INDENT * (right - left)
    paragraphs: list[list] = []  # top, text, last line's bottom, top and x1, first line's x0
    for line in lines:
        text = line["text"].strip()
        last = paragraphs[-1] if paragraphs else None
        if (last is not None and last[4] >= full and line["x0"] <= indent
                and line["top"] - last[2] < 0.8 * (last[2] - last[3])):
            last[1:5] = [f"{last[1]} {text}", line["bottom"], line["top"], line["x1"]]
        else:
            paragraphs.append([line["top"], text, line["bottom"], line["top"], line["x1"],
                               line["x0"]])
    return [_Block(top, text, x0 <= indent, x1 >= full)
            for top, text, _, _, x1, x0 in paragraphs]


def _pypdfium2_text(data: bytes) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def _ocr(data: bytes, shown: str) -> str:
    """Each page rendered by pdfium at 300 dpi, read by Tesseract in Vietnamese."""
    import pypdfium2

    pdf, pages = pypdfium2.PdfDocument(data), []
    try:
        with tempfile.TemporaryDirectory() as folder:
            for number, page in enumerate(pdf, start=1):
                image = Path(folder) / f"{number}.png"
                page.render(scale=_OCR_DPI / 72).to_pil().save(image)
                done = subprocess.run(["tesseract", str(image), "stdout", "-l", "vie"],
                                      capture_output=True, text=True)
                if done.returncode != 0:
                    raise DocumentError(shown, "ocr", f"tesseract failed on page {number}: "
                                        f"{done.stderr.strip().splitlines()[-1:]}")
                pages.append(done.stdout)
    finally:
        pdf.close()
    text = "\n".join(_ocr_paragraphs(page) for page in pages)
    if not text.strip():
        raise DocumentError(shown, "ocr", "scanned PDF: OCR found no text")
    return text


def _ocr_paragraphs(page: str) -> str:
    """Tesseract separates paragraphs by a blank line; its lines inside one are rejoined."""
    paragraphs = []
    for block in page.split("\n\n"):
        lines: list[str] = []
        for line in (part.strip() for part in block.splitlines()):
            if not line:
                continue
            if lines and not lines[-1].endswith(_PARAGRAPH_ENDS) and not line.startswith(_BULLETS):
                lines[-1] = f"{lines[-1]} {line}"
            else:
                lines.append(line)
        paragraphs.extend(lines)
    return "\n".join(paragraphs)


# --- DOCX --------------------------------------------------------------------------------

def read_docx(data: bytes, shown: str, max_bytes: int) -> Extracted:
    """Paragraphs and table rows of a Word document, in document order."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    _check_zip(data, shown, max_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:
        raise DocumentError(shown, "read", f"not a readable DOCX ({type(error).__name__}: "
                            f"{error})".replace("\n", " ")) from None
    lines, legacy = [], None
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text, met = _paragraph_text(block)
            legacy = met or legacy
            lines.append(text)
        elif isinstance(block, Table):
            lines.extend(_table_rows(block))
    text = "\n".join(lines)
    return Extracted(text, f"docx:{legacy}" if legacy else "docx")


def _paragraph_text(paragraph) -> tuple[str, str | None]:
    from docx.text.run import Run

    parts, met = [], None
    for item in paragraph.iter_inner_content():
        runs = [item] if isinstance(item, Run) else list(getattr(item, "runs", []))
        for run in runs:
            kind = legacy_encodings.font_encoding(run.font.name)
            if kind:
                met = kind
                parts.extend(legacy_encodings.decode_glyphs(kind, list(run.text)))
            else:
                parts.append(run.text)
    return "".join(parts), met


def _table_rows(table) -> list[str]:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) not in seen:  # a merged cell is listed once per column it spans
                seen.add(id(cell._tc))
                cells.append(cell.text)
        if any(c.strip() for c in cells):
            rows.append(_row(cells))
    return rows


def _check_zip(data: bytes, shown: str, max_bytes: int) -> None:
    """Refuse a zip bomb before any XML is inflated."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise DocumentError(shown, "read", "not a readable DOCX (not a zip archive)") from None
    if unpacked > max_bytes * 10:
        raise DocumentError(shown, "read", f"DOCX unpacks to {unpacked} bytes, over 10 × the "
                            f"limit of {max_bytes} (--max-bytes)")
