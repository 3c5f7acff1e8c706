"""A hostile corpus, as a nightly job meets it, loaded on SQLite and PostgreSQL.

Good inputs in every encoding and format yield their figures; each bad input is one
`document_failed` line and a row in document_errors; the run exits 1 without a traceback,
and a rerun changes nothing. The chaos test kills the loader at random points and checks
that the database ends exactly as one clean run leaves it.
"""
from __future__ import annotations

import io
import json
import os
import random
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from legacy_bytes import cp1258, tcvn3, vni
from run_helpers import AFTER_A_BATCH, forked_run, query
from pipeline.cli import main
from pipeline.db.engine import make_engine
from pipeline.db.models import DocumentRow, FigureRow

REPO = Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
FIGURES = FigureRow.__table__
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

SAMPLE = ("Năm 2021, tổng thu ngân sách nhà nước trên địa bàn tỉnh Quảng Nam đạt 20.792 tỷ đồng, "
          "vượt 12% dự toán.\nĐảng bộ tỉnh Quảng Nam đã kết nạp 1.234 đảng viên mới trong năm 2021.\n")
_LAUGHS = '<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">' for i in range(1, 10))


def _docx(text: str) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("body", fname=str(FONT))
    pdf.set_font("body", size=11)
    for line in text.splitlines():
        pdf.multi_cell(0, 6, line)
        pdf.ln(3)
    return bytes(pdf.output())


def _scanned_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 40, style="F")
    return bytes(pdf.output())


def _laughs_docx() -> bytes:
    """A Word file whose document.xml defines the billion-laughs entities."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_docx("Năm 2021 LAUGH"))) as zin, \
            zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"?>", f"?><!DOCTYPE w:document [{_LAUGHS}]>".encode(), 1)
                data = data.replace(b"LAUGH", b"&lol9;")
            zout.writestr(info, data)
    return out.getvalue()


GOOD = {
    "utf8.txt": lambda: SAMPLE.encode("utf-8"),
    "nfd.txt": lambda: unicodedata.normalize("NFD", SAMPLE).encode("utf-8"),
    "cp1258.txt": lambda: cp1258(SAMPLE),
    "tcvn3.txt": lambda: tcvn3(SAMPLE),
    "vni.txt": lambda: vni(SAMPLE),
    "utf16.txt": lambda: SAMPLE.encode("utf-16"),
    "report.docx": lambda: _docx(SAMPLE),
    "report.pdf": lambda: _pdf(SAMPLE),
    "scripts.html": lambda: (
        "<html><head><script>document.write('Năm 2021 thu 99.999 tỷ đồng')</script></head>"
        "<body><script>alert(1)</script><article>"
        + "".join(f"<p>{line}</p>" for line in SAMPLE.splitlines())
        + "</article><script>var x = 1;</script></body></html>").encode("utf-8"),
    "laughs.html": lambda: (
        f'<?xml version="1.0"?><!DOCTYPE html [{_LAUGHS}]><html><body><article>'
        + "".join(f"<p>{line} &lol9;</p>" for line in SAMPLE.splitlines())
        + "</article></body></html>").encode("utf-8"),
}
# (file, reason) for each input that must be refused, and how to make it
BAD = {
    "binary.txt": (lambda p: p.write_bytes(b"\x00\x01\x02binary" * 10), "binary"),
    "empty.txt": (lambda p: p.write_bytes(b""), "empty"),
    "png.txt": (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40)), "binary"),
    "scan.pdf": (lambda p: p.write_bytes(_scanned_pdf()), "scanned PDF"),
    "junk.docx": (lambda p: p.write_bytes(b"not a zip at all"), "not a readable DOCX"),
    "laughs.docx": (lambda p: p.write_bytes(_laughs_docx()), "not a readable DOCX"),
    "leak.txt": (lambda p: p.symlink_to("/etc/passwd"), "outside"),
    "dangling.txt": (lambda p: p.symlink_to(p.parent / "nowhere.txt"), "dangling"),
    "pipe.txt": (lambda p: os.mkfifo(p), "FIFO"),
    "loop": (lambda p: p.symlink_to(p.parent), "loop"),
}
MANIFEST = [
    ({"path": "extra/doc.txt", "url": "https://baoquangnam.vn/a"}, None),
    ({"path": "../../../../etc/passwd"}, "outside the manifest's folder"),
    ({"path": "/etc/hostname"}, "outside the manifest's folder"),
    ({"path": "./extra//doc.txt"}, "line 1"),
]
LONG_LINE_BYTES = 10_000_000


def _hostile(tmp_path: Path) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, make in GOOD.items():
        (corpus / name).write_bytes(make())
    for name, (make, _) in BAD.items():
        make(corpus / name)
    word = "phát triển bền vững "
    (corpus / "long.txt").write_text((word * (LONG_LINE_BYTES // len(word.encode())))[:-1],
                                     encoding="utf-8")
    (tmp_path / "extra").mkdir()
    (tmp_path / "extra" / "doc.txt").write_text(SAMPLE, encoding="utf-8")
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text("".join(json.dumps(entry) + "\n" for entry, _ in MANIFEST))
    return corpus, manifest


def _solieu(*args: str):
    result = CliRunner().invoke(main, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def _snapshot(url: str) -> set[tuple]:
    """Every figure by document, identity and value (as Decimals on both databases)."""
    documents = DocumentRow.__table__
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(sa.select(documents.c.path, FIGURES.c.key, FIGURES.c.digest,
                                      FIGURES.c.indicator, FIGURES.c.value, FIGURES.c.start_offset)
                            .join(documents, documents.c.id == FIGURES.c.document_id)).all()
    engine.dispose()
    return {(*row[:4], row[4].normalize(), row[5]) for row in rows}


@pytest.mark.skipif(not FONT.exists(), reason=f"{FONT} (fonts-dejavu-core) absent")
def test_the_hostile_corpus_loads_the_good_and_reports_each_bad_input_once(db_url, tmp_path):
    corpus, manifest = _hostile(tmp_path)
    args = ("run", str(corpus), "--manifest", str(manifest), "--db", db_url,
            "--log-format", "json", "--summary", "json")

    first = _solieu(*args)

    assert first.exit_code == 1 and "Traceback" not in first.stderr
    events = [json.loads(line) for line in first.stderr.splitlines()]
    failed = [e for e in events if e["event"] == "document_failed"]
    walked = {e["path"]: e["reason"] for e in failed if e["path"].startswith("corpus/")}
    assert walked.keys() == {f"corpus/{name}" for name in BAD}
    assert all(reason in walked[f"corpus/{name}"] for name, (_, reason) in BAD.items())
    in_manifest = [(e["line"], e["reason"]) for e in failed if e["path"] == str(manifest)]
    assert [line for line, _ in in_manifest] == [2, 3, 4]
    assert all(reason in message for (_, message), (_, reason) in zip(in_manifest, MANIFEST[1:]))
    summary = json.loads(first.stdout)
    assert summary["outcome"] == "partial"
    assert summary["documents_failed"] == len(BAD) + 3
    assert summary["documents_new"] == len(GOOD) + 2  # + long.txt and extra/doc.txt

    figures = _snapshot(db_url)
    by_document: dict[str, set] = {}
    for path, _key, _digest, indicator, value, _start in figures:
        by_document.setdefault(path, set()).add((indicator, value))
    reference = by_document["extra/doc.txt"]
    assert reference and len(reference) >= 2
    for name in GOOD:
        assert by_document.get(f"corpus/{name}") == reference, name
    assert all(value != 99_999_000_000_000 for *_, value, _ in figures)  # script text not read

    errors = query(db_url, "SELECT count(*) FROM document_errors")
    assert errors == [(len(BAD) + 3,)]

    rerun = _solieu(*args)
    assert rerun.exit_code == 1
    assert json.loads(rerun.stdout)["figures_inserted"] == 0
    assert json.loads(rerun.stdout)["documents_unchanged"] == len(GOOD) + 2
    assert _snapshot(db_url) == figures


KILLS = 20


def _corpus_version(corpus: Path, version: int) -> None:
    """The seeds four times over, each ending on a figure that changes with `version`, so
    every run has every document to re-extract and rewrite."""
    for n in range(4):
        for seed in SEEDS:
            text = seed.read_text(encoding="utf-8").rstrip("\n")
            (corpus / f"{n}_{seed.name}").write_text(
                f"{text}\nNăm 2021, tỉnh Quảng Nam thu ngân sách đạt {version + 10},5 tỷ đồng.\n",
                encoding="utf-8")


def _forked_run(url: str, corpus: Path, kill_after: float | str | None) -> float:
    """`solieu run --batch 3`, killed or waited for (run_helpers.forked_run)."""
    return forked_run(url, [str(corpus), "--batch", "3"], kill_after)


def test_chaos_kills_at_random_points_leave_what_one_clean_run_leaves(db_url, tmp_path):
    corpus = tmp_path / "docs"
    corpus.mkdir()
    final = KILLS + 1
    _corpus_version(corpus, final)
    clean = f"sqlite:///{tmp_path / 'clean.db'}"
    assert _solieu("run", str(corpus), "--db", clean).exit_code == 0
    # The schema is created first: on SQLite a kill while `run` creates it leaves a partial
    # schema (pysqlite commits each DDL statement), which is pipeline.db.engine's to fix.
    assert _solieu("db", "upgrade", "--db", db_url).exit_code == 0
    _corpus_version(corpus, 0)
    duration = _forked_run(db_url, corpus, None)  # how long a run that rewrites everything takes
    chance = random.Random(11)

    for version in range(1, KILLS + 1):
        _corpus_version(corpus, version)
        # half the kills wait for a written batch, so one lands mid-load however busy the machine
        _forked_run(db_url, corpus,
                    AFTER_A_BATCH if version % 2 else chance.uniform(0, duration))

    _corpus_version(corpus, final)
    last = _solieu("run", str(corpus), "--db", db_url, "--wait", "30")
    assert last.exit_code == 0, last.stderr
    assert _snapshot(db_url) == _snapshot(clean)
    runs = query(db_url, "SELECT status, documents_changed FROM runs ORDER BY id")
    assert runs[-1][0] == "completed" and "running" not in {status for status, _ in runs}
    cut = [changed for status, changed in runs if status == "interrupted" and changed]
    assert cut, f"no kill landed mid-load, so nothing was tested: {runs}"
    assert query(db_url, "SELECT count(*) FROM published_figures") == \
        query(db_url, "SELECT count(*) FROM figures")
