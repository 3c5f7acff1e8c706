"""PDF and DOCX reports read into the same text, and so the same figures, as a plain file.

Fixtures are written here by fpdf2 and python-docx, with the DejaVu font the machine ships
(fonts-dejavu-core), so no binary file comes from outside.
"""
from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from fpdf import FPDF

from pipeline import legacy_encodings, report_files
from pipeline.cli import main
from pipeline.documents import Document, DocumentError
from pipeline.extraction import extract_document
from pipeline.reading import iter_documents, read_document

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
pytestmark = pytest.mark.skipif(not FONT.exists(), reason=f"{FONT} (fonts-dejavu-core) absent")

PARAGRAPHS = [
    "Năm 2021, tổng thu ngân sách nhà nước trên địa bàn tỉnh Quảng Nam đạt 20.792 tỷ đồng, "
    "vượt 12% dự toán, tăng 15,2% so với cùng kỳ.",
    "Tăng trưởng kinh tế (GRDP) của tỉnh Quảng Nam năm 2021 đạt 6,8%, đứng thứ 12 cả nước.",
    "Đảng bộ tỉnh đã kết nạp 1.234 đảng viên mới trong năm 2021.",
]
TABLE = [("Chỉ tiêu", "KH 2023", "TH 2023"), ("Tăng trưởng GRDP (%)", "7,5", "8,1"),
         ("Thu ngân sách (tỷ đồng)", "22.000", "23.773")]
ROWS = [" | ".join(row) for row in TABLE]


def _pdf(paragraphs=PARAGRAPHS, table=TABLE, font_name: str | None = None) -> bytes:
    pdf = FPDF()
    pdf.set_compression(font_name is None)
    pdf.add_page()
    pdf.add_font("body", fname=str(FONT))
    pdf.set_font("body", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph)
        pdf.ln(3)
    if table:
        with pdf.table(first_row_as_headings=False) as grid:
            for cells in table:
                row = grid.row()
                for cell in cells:
                    row.cell(cell)
    data = bytes(pdf.output())
    if font_name is not None:  # the name a legacy-font report carries, same length
        data = data.replace(b"DejaVuSans", font_name.encode("ascii").ljust(10, b"x")[:10])
    return data


def _docx(paragraphs=PARAGRAPHS, table=TABLE, font_name: str | None = None) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        run = document.add_paragraph().add_run(paragraph)
        if font_name:
            run.font.name = font_name
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for i, cells in enumerate(table):
            for j, cell in enumerate(cells):
                grid.cell(i, j).text = cell
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _key(figure):
    return (figure.indicator, figure.value, figure.period_start, figure.period_end, figure.status)


@pytest.mark.parametrize("suffix, make", [(".pdf", _pdf), (".docx", _docx)])
def test_a_report_yields_the_figures_of_its_text(tmp_path, suffix, make):
    (tmp_path / f"report{suffix}").write_bytes(make())
    (tmp_path / "report.txt").write_text("\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    report, text = (read_document(tmp_path / f"report{suffix}"), read_document(tmp_path / "report.txt"))
    assert report.text.split("\n")[:3] == PARAGRAPHS
    figures = [_key(f) for f in extract_document(report)]
    assert figures and set(figures) >= {_key(f) for f in extract_document(text)}
    assert report.encoding == suffix[1:]


@pytest.mark.parametrize("suffix, make", [(".pdf", _pdf), (".docx", _docx)])
def test_tables_become_rows_in_place_with_offsets_into_the_text(tmp_path, suffix, make):
    path = tmp_path / f"report{suffix}"
    path.write_bytes(make(paragraphs=[PARAGRAPHS[0]], table=TABLE) if suffix == ".docx"
                     else make(paragraphs=[PARAGRAPHS[0]]))
    document = read_document(path)
    assert document.text.split("\n") == [PARAGRAPHS[0], *ROWS]
    start = document.text.index("23.773")
    assert document.text[start:start + 6] == "23.773"


LEGACY = "Tổng thu ngân sách nhà nước đạt 20.792 tỷ đồng, vượt 12% dự toán."
# TCVN3 writes ư as byte 0xAD, a soft hyphen to fpdf2, which drops it when laying out
LEGACY_PDF = "Tổng thu ngân sách đạt 20.792 tỷ đồng, bằng 112% dự toán, tăng 15,2%."


@pytest.mark.parametrize("suffix, make, font, encoding, sample", [
    (".pdf", _pdf, ".VnTime", "tcvn3", LEGACY_PDF),
    (".pdf", _pdf, "VNI-Times", "vni", LEGACY),
    (".docx", _docx, ".VnTime", "tcvn3", LEGACY),
    (".docx", _docx, "VNI-Times", "vni", LEGACY),
])
def test_legacy_font_glyphs_are_decoded(tmp_path, suffix, make, font, encoding, sample):
    glyphs = _legacy(sample, encoding)
    (tmp_path / f"legacy{suffix}").write_bytes(make(paragraphs=[glyphs], table=None, font_name=font))
    document = read_document(tmp_path / f"legacy{suffix}")
    assert document.text == sample
    assert document.encoding == f"{suffix[1:]}:{encoding}"


def _legacy(text: str, encoding: str) -> str:
    """The text as a legacy font draws it: each byte shown as its cp1252 character."""
    if encoding == "tcvn3":
        table = {char: bytes([byte]).decode("cp1252") for byte, char in legacy_encodings.TCVN3.items()}
    else:
        table = {char: seq for seq, char in legacy_encodings.VNI.items()}
    return "".join(table.get(char, char) for char in text)


def test_a_scanned_pdf_gets_one_clear_error_or_ocr(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf(paragraphs=[], table=None))
    result = next(iter_documents([path]))
    if isinstance(result, Document):
        assert result.ocr and result.encoding == "pdf:ocr"
    else:
        assert result.stage in ("read", "ocr") and "scanned PDF" in result.message


@pytest.mark.parametrize("suffix, data, reason", [
    (".pdf", b"%PDF-1.4\nnot really a pdf", "not a readable PDF"),
    (".pdf", b"\x89PNG\r\n\x1a\n" + bytes(64), "not a readable PDF"),
    (".docx", b"PK\x03\x04 broken zip", "not a readable DOCX"),
    (".docx", b"plain text", "not a readable DOCX"),
])
def test_broken_reports_are_refused_naming_the_file(tmp_path, suffix, data, reason):
    (tmp_path / f"broken{suffix}").write_bytes(data)
    with pytest.raises(DocumentError) as caught:
        read_document(tmp_path / f"broken{suffix}")
    assert reason in caught.value.message and str(tmp_path) in str(caught.value)


def test_a_docx_zip_bomb_is_refused_before_inflating(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b" " * 5_000_000)
    with pytest.raises(DocumentError, match="unpacks to"):
        report_files.read_docx(out.getvalue(), "bomb.docx", max_bytes=100_000)


def _scanned(lines: list[str]) -> bytes:
    """A PDF holding only a picture of the text, as a scanner makes it."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), 40)
    image = Image.new("L", (2000, 60 + 70 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(lines):
        draw.text((20, 20 + 70 * number), line, font=font, fill=0)
    png = io.BytesIO()
    image.save(png, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(png, x=10, y=10, w=190)
    return bytes(pdf.output())


@pytest.mark.skipif(shutil.which("tesseract") is None,
                    reason="tesseract-ocr not installed: the scanned-PDF refusal is tested instead")
def test_a_scanned_pdf_is_read_by_ocr_and_its_figures_are_flagged(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_scanned(["Năm 2021, tổng thu ngân sách nhà nước trên địa bàn",
                               "tỉnh Quảng Nam đạt 20.792 tỷ đồng, vượt 12% dự toán."]))
    result = CliRunner().invoke(main, ["extract", str(path), "--format", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 0
    assert ("budget_revenue_total", 20792000000000) in {(r["indicator"], r["value"]) for r in rows}
    assert all("ocr" in r["flags"] for r in rows)


SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_a_folder_of_reports_yields_the_figures_of_their_texts(tmp_path, seed):
    """Each seed written as a multi-page PDF and as a DOCX: same paragraphs, same figures."""
    paragraphs = [line for line in seed.read_text(encoding="utf-8").split("\n") if line.strip()]
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "report.pdf").write_bytes(_pdf(paragraphs=paragraphs, table=None))
    (tmp_path / "reports" / "report.docx").write_bytes(_docx(paragraphs=paragraphs, table=None))
    text = read_document(seed)
    pdf, word = iter_documents([tmp_path / "reports"])
    assert [" ".join(p.split()) for p in pdf.text.split("\n")] == [" ".join(p.split()) for p in paragraphs]
    expected = sorted(_key(f) for f in extract_document(text))
    assert sorted(_key(f) for f in extract_document(pdf)) == expected
    assert sorted(_key(f) for f in extract_document(word)) == expected
