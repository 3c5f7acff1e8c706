"""The load: incremental, idempotent, one transaction per document, failures quarantined.

Figures are built here by hand (the extractor has its own tests); the end-to-end runs over
the seeds with the real extractor are in test_db_commands.py.
"""
from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa

from pipeline.db import engine as schema
from pipeline.db.load import load
from pipeline.documents import Document, DocumentError
from pipeline.figures import Figure

LANG_SON = ("Năm 2022, tốc độ tăng trưởng kinh tế (GRDP) của tỉnh Lạng Sơn đạt 7,1%; "
            "thu nội địa đạt 6.140 tỷ đồng.")
QUANG_NAM = "Năm 2022, tổng thu ngân sách nhà nước trên địa bàn tỉnh Quảng Nam là 25.000 tỷ đồng."
YEAR_2022 = {"period_start": date(2022, 1, 1), "period_end": date(2022, 12, 31),
             "period_grain": "year"}


def figure(doc: Document, number: str, indicator: str, value: str, unit: str, **fields) -> Figure:
    """A figure read from the first occurrence of `number` in the document."""
    start = doc.text.index(number)
    fields = {"province": doc.province, "province_code": {"Lạng Sơn": "20", "Quảng Nam": "49"}
              .get(doc.province), **YEAR_2022, **fields}
    return Figure(indicator=indicator, value=Decimal(value), unit=unit, start=start,
                  end=start + len(number), line=1, quote=doc.text, rule="test",
                  document=doc.path, **fields)


class Extractor:
    """Hands out the figures listed for each document, and counts the documents it read."""

    def __init__(self, figures: dict[str, list[Figure]]):
        self.figures, self.read = figures, []

    def __call__(self, doc: Document) -> list[Figure]:
        self.read.append(doc.path)
        return self.figures[doc.path]


@pytest.fixture
def docs() -> dict[str, Document]:
    return {
        "ls": Document("ls.txt", LANG_SON, province="Lạng Sơn", published=date(2023, 1, 10)),
        "qn": Document("qn.txt", QUANG_NAM, province="Quảng Nam", published=date(2023, 2, 1)),
    }


@pytest.fixture
def extractor(docs) -> Extractor:
    ls, qn = docs["ls"], docs["qn"]
    return Extractor({
        ls.path: [figure(ls, "7,1", "grdp_growth", "7.1", "percent"),
                  figure(ls, "6.140", "budget_revenue_domestic", "6140000000000", "VND")],
        qn.path: [figure(qn, "25.000", "budget_revenue_total", "25000000000000", "VND")],
    })


def _figures(engine: sa.Engine) -> dict[str, tuple]:
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT key, id, digest, run_id, rules_version, value "
                                    "FROM figures")).all()
    return {row[0]: (*row[1:5], Decimal(str(row[5]))) for row in rows}


def _scalar(engine: sa.Engine, sql: str):
    with engine.connect() as conn:
        return conn.execute(sa.text(sql)).scalar_one()


def _counts(report) -> dict[str, int]:
    return {k: v for k, v in dataclasses.asdict(report.counts).items() if v}


def test_first_load_inserts_and_the_ledger_agrees(db_engine, docs, extractor):
    report = load(db_engine, docs.values(), extract=extractor, rules_version="r1")
    assert report.status == "completed"
    assert _counts(report) == {"documents_seen": 2, "documents_new": 2, "figures_inserted": 3}
    with db_engine.connect() as conn:
        run = conn.execute(sa.text("SELECT * FROM runs")).mappings().one()
    assert run["status"] == "completed" and run["finished_at"] is not None
    assert {k: run[k] for k in _counts(report)} == _counts(report)
    assert _scalar(db_engine, "SELECT count(*) FROM published_figures") == 3


def test_second_load_writes_nothing(db_engine, docs, extractor):
    load(db_engine, docs.values(), extract=extractor, rules_version="r1")
    before = _figures(db_engine)
    report = load(db_engine, docs.values(), extract=extractor, rules_version="r1")
    assert _counts(report) == {"documents_seen": 2, "documents_unchanged": 2}
    assert report.counts.wrote_nothing
    assert extractor.read == ["ls.txt", "qn.txt"], "unchanged documents must not be re-extracted"
    assert _figures(db_engine) == before


def test_editing_one_document_replaces_only_its_figures(db_engine, docs, extractor):
    load(db_engine, docs.values(), extract=extractor, rules_version="r1")
    before = _figures(db_engine)
    edited = dataclasses.replace(docs["ls"], text=LANG_SON.replace("7,1%; thu nội địa đạt",
                                                                  "7,3%; tỷ lệ hộ nghèo còn"))
    edited = dataclasses.replace(edited, text=edited.text.replace("6.140 tỷ đồng", "5,2%"))
    extractor.figures[edited.path] = [figure(edited, "7,3", "grdp_growth", "7.3", "percent"),
                                      figure(edited, "5,2", "poverty_rate", "5.2", "percent")]

    report = load(db_engine, [edited, docs["qn"]], extract=extractor, rules_version="r1")

    assert _counts(report) == {"documents_seen": 2, "documents_changed": 1,
                               "documents_unchanged": 1, "figures_inserted": 1,
                               "figures_updated": 1, "figures_deleted": 1}
    after = _figures(db_engine)
    qn_key, = (f.key for f in extractor.figures["qn.txt"])
    assert after[qn_key] == before[qn_key], "the other document's figure is untouched"
    growth_key = extractor.figures["ls.txt"][0].key
    assert after[growth_key][0] == before[growth_key][0], "an updated figure keeps its id"
    assert after[growth_key][4] == Decimal("7.3")
    assert _scalar(db_engine, "SELECT text FROM documents WHERE path = 'ls.txt'") == edited.text


def test_new_rules_re_extract_but_leave_equal_figures_alone(db_engine, docs, extractor):
    load(db_engine, docs.values(), extract=extractor, rules_version="r1")
    before = _figures(db_engine)
    report = load(db_engine, docs.values(), extract=extractor, rules_version="r2")
    assert _counts(report) == {"documents_seen": 2, "documents_changed": 2}
    assert _figures(db_engine) == before
    assert _scalar(db_engine, "SELECT min(rules_version) FROM documents") == "r2"


def test_full_refresh_re_extracts_every_document(db_engine, docs, extractor):
    load(db_engine, docs.values(), extract=extractor, rules_version="r1")
    before = _figures(db_engine)
    report = load(db_engine, docs.values(), extract=extractor, rules_version="r1",
                  full_refresh=True)
    assert extractor.read == ["ls.txt", "qn.txt"] * 2
    assert _counts(report) == {"documents_seen": 2, "documents_unchanged": 2}
    assert _figures(db_engine) == before


def _bad_unit(doc: Document) -> list[Figure]:
    return [figure(doc, "25.000", "budget_revenue_total", "25000000000000", "furlong")]


def _twice(doc: Document) -> list[Figure]:
    return [figure(doc, "25.000", "budget_revenue_total", "25000000000000", "VND")] * 2


def _unknown_indicator(doc: Document) -> list[Figure]:
    return [figure(doc, "25.000", "budget_revenue_forecast", "25000000000000", "VND")]


def _crash(doc: Document) -> list[Figure]:
    raise ValueError("rule blew up")


@pytest.mark.parametrize("failing, stage, message", [
    (_bad_unit, "load", "unit"),
    (_twice, "validate", "two figures share the span"),
    (_unknown_indicator, "validate", "budget_revenue_forecast"),
    (_crash, "extract", "ValueError: rule blew up"),
])
def test_a_failing_document_is_quarantined_and_the_run_goes_on(db_engine, docs, extractor,
                                                                failing, stage, message):
    report = load(db_engine, docs.values(), rules_version="r1",
                  extract=lambda doc: failing(doc) if doc.path == "qn.txt" else extractor(doc))
    assert report.status == "completed"
    assert _counts(report) == {"documents_seen": 2, "documents_new": 1, "documents_failed": 1,
                               "figures_inserted": 2}
    with db_engine.connect() as conn:
        error = conn.execute(sa.text("SELECT * FROM document_errors")).mappings().one()
        paths = conn.execute(sa.text("SELECT path FROM documents")).scalars().all()
    assert (error["path"], error["stage"]) == ("qn.txt", stage)
    assert message.lower() in error["message"].lower()
    assert paths == ["ls.txt"], "nothing of the failed document is stored"


def test_an_unreadable_document_is_quarantined(db_engine, docs, extractor):
    unreadable = DocumentError("broken.txt", "decode", "not UTF-8", 3)
    report = load(db_engine, [unreadable, docs["ls"]], extract=extractor, rules_version="r1")
    assert report.failures == (unreadable,)
    assert _counts(report)["documents_failed"] == 1
    with db_engine.connect() as conn:
        row = conn.execute(sa.text("SELECT path, stage, line FROM document_errors")).one()
    assert tuple(row) == ("broken.txt", "decode", 3)


def test_a_document_that_fails_again_keeps_its_last_good_load(db_engine, docs, extractor):
    load(db_engine, docs.values(), extract=extractor, rules_version="r1")
    before = _figures(db_engine)
    edited = dataclasses.replace(docs["qn"], text=QUANG_NAM + " Hết.")
    report = load(db_engine, [edited], extract=_crash, rules_version="r1")
    assert report.counts.documents_failed == 1
    assert _figures(db_engine) == before
    assert _scalar(db_engine, "SELECT text FROM documents WHERE path = 'qn.txt'") == QUANG_NAM


def test_dry_run_reports_without_writing(db_engine, docs, extractor):
    load(db_engine, [docs["ls"]], extract=extractor, rules_version="r1")
    before = _figures(db_engine)
    report = load(db_engine, docs.values(), extract=extractor, rules_version="r1", dry_run=True)
    assert report.run_id is None
    assert _counts(report) == {"documents_seen": 2, "documents_new": 1, "documents_unchanged": 1,
                               "figures_inserted": 1}
    assert _figures(db_engine) == before
    assert _scalar(db_engine, "SELECT count(*) FROM runs") == 1


def test_dry_run_needs_a_schema(db_engine, docs, extractor):
    with pytest.raises(schema.SchemaNotCurrent, match="no solieu schema"):
        load(db_engine, docs.values(), extract=extractor, rules_version="r1", dry_run=True)


@pytest.mark.parametrize("code, period_end, published, era, flagged", [
    ("20", date(2022, 12, 31), None, "2008", False),       # Lạng Sơn before the merger
    ("20", date(2025, 12, 31), None, "2025", False),       # Lạng Sơn kept its code
    ("49", date(2025, 12, 31), None, None, True),          # Quảng Nam merged into Đà Nẵng
    ("20", None, date(2024, 5, 1), "2008", False),         # no period: the publication date
    ("99", date(2022, 12, 31), None, None, True),          # no such province
    ("77", None, None, "2008", False),                     # undated: the era that has it
    ("20", None, None, "2025", False),                     # undated, in both: the newer
    (None, date(2022, 12, 31), None, None, False),         # no province code, no era
])
def test_province_code_is_resolved_in_its_era(db_engine, code, period_end, published, era,
                                              flagged):
    doc = Document("p.txt", LANG_SON, province="Lạng Sơn", published=published)
    start = date(period_end.year, 1, 1) if period_end else None
    fig = figure(doc, "7,1", "grdp_growth", "7.1", "percent", province_code=code,
                 period_start=start, period_end=period_end, flags=("bound_guessed",))
    load(db_engine, [doc], extract=lambda _: [fig], rules_version="r1")
    with db_engine.connect() as conn:
        row = conn.execute(sa.text("SELECT province_code, province_era, flags FROM figures")).one()
    assert row.province_code == code and row.province_era == era
    assert row.flags == ("bound_guessed,province_code_unknown" if flagged else "bound_guessed")


def _interrupted_after_first(items):
    yield items[0]
    raise KeyboardInterrupt


def test_an_interrupted_run_is_hidden_until_a_later_run_completes(db_engine, docs, extractor):
    with pytest.raises(KeyboardInterrupt):
        load(db_engine, _interrupted_after_first(list(docs.values())), extract=extractor,
             rules_version="r1", batch=1)  # a batch of one: the first document is committed
    assert _scalar(db_engine, "SELECT status FROM runs") == "interrupted"
    assert _scalar(db_engine, "SELECT count(*) FROM figures") == 2
    assert _scalar(db_engine, "SELECT count(*) FROM published_figures") == 0

    report = load(db_engine, docs.values(), extract=extractor, rules_version="r1")

    assert _counts(report) == {"documents_seen": 2, "documents_new": 1, "documents_unchanged": 1,
                               "figures_inserted": 1}
    assert _scalar(db_engine, "SELECT resumed_by FROM runs WHERE id = 1") == report.run_id
    assert _scalar(db_engine, "SELECT count(*) FROM published_figures") == 3


def test_a_run_left_running_is_marked_interrupted_by_the_next(db_engine, docs, extractor):
    load(db_engine, [docs["ls"]], extract=extractor, rules_version="r1")
    with db_engine.begin() as conn:   # what a run killed with SIGKILL leaves behind
        conn.execute(sa.text("UPDATE runs SET status = 'running', finished_at = NULL"))
    report = load(db_engine, docs.values(), extract=extractor, rules_version="r1")
    with db_engine.connect() as conn:
        first = conn.execute(sa.text(
            "SELECT status, resumed_by, message FROM runs WHERE id = 1")).one()
    assert (first.status, first.resumed_by) == ("interrupted", report.run_id)
    assert "killed" in first.message


@pytest.mark.parametrize("ocr, flags", [(False, None), (True, "ocr")])
def test_figures_of_a_document_read_by_ocr_are_flagged(db_engine, docs, extractor, ocr, flags):
    scanned = dataclasses.replace(docs["qn"], ocr=ocr)
    load(db_engine, [scanned], extract=extractor, rules_version="r1")
    assert _scalar(db_engine, "SELECT flags FROM figures") == flags
