"""The batched write path: a batch is one transaction, yet the database ends as a load
document by document would leave it; extraction on several processes changes nothing; a bad
document fails alone; the stored rows are looked up a batch at a time; kills are harmless."""
from __future__ import annotations

import dataclasses
import random
from decimal import Decimal
from pathlib import Path

import sqlalchemy as sa
from click.testing import CliRunner

from pipeline.cli import main
from run_helpers import AFTER_A_BATCH, forked_run
from pipeline.db.engine import make_engine
from pipeline.db.load import batches, load
from pipeline.documents import Document, DocumentError
from pipeline.extraction import extract_document

REPO = Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
ENDING = "Năm 2021, tỉnh Quảng Nam thu ngân sách đạt {},5 tỷ đồng.\n"
COUNTERS = ("documents_seen", "documents_new", "documents_changed", "documents_unchanged",
            "documents_failed", "figures_inserted", "figures_updated", "figures_deleted")


def _documents(copies: int, version: int = 0, edited: int = 0) -> list[Document]:
    """The seeds `copies` times; the first `edited` of them end on a figure of `version`."""
    docs = []
    for n in range(copies):
        for seed in SEEDS:
            text = seed.read_text(encoding="utf-8")
            if len(docs) < edited:
                text = text.rstrip("\n") + "\n" + ENDING.format(version + 10)
            docs.append(Document(f"{n:02d}/{seed.name}", text))
    return docs


def _state(engine: sa.Engine) -> dict:
    """Documents, figures (with their ids and runs) and the ledger, as comparable values."""
    with engine.connect() as conn:
        documents = {tuple(r) for r in conn.execute(sa.text(
            "SELECT id, path, sha256, rules_version, run_id FROM documents"))}
        figures = {(*r[:-1], Decimal(str(r[-1])).normalize()) for r in conn.execute(sa.text(
            "SELECT f.id, d.path, f.key, f.digest, f.run_id, f.start_offset, f.indicator, "
            "f.value FROM figures f JOIN documents d ON d.id = f.document_id"))}
        runs = [tuple(r) for r in conn.execute(sa.text(
            f"SELECT id, status, {', '.join(COUNTERS)} FROM runs ORDER BY id"))]
        errors = [tuple(r) for r in conn.execute(sa.text(
            "SELECT run_id, path, stage FROM document_errors ORDER BY id"))]
    return {"documents": documents, "figures": figures, "runs": runs, "errors": errors}


def _three_runs(engine: sa.Engine, batch: int, workers: int = 1) -> list:
    """A first load, a load with edits (figures updated, inserted and deleted) and new rules."""
    reports = []
    for docs, rules in ((_documents(6), "r1"), (_documents(6, 1, edited=13), "r1"),
                        (_documents(6, 2, edited=4), "r2")):
        reports.append(load(engine, docs, extract=extract_document, rules_version=rules,
                            batch=batch, workers=workers))
    return reports


def _engine(url: str, name: str) -> sa.Engine:
    """A second database of the same kind as `url`: a SQLite file beside it, or a schema."""
    if url.startswith("sqlite"):
        return make_engine(url.replace("solieu.db", f"{name}.db"))
    parsed = sa.make_url(url)
    schema = f"{parsed.query['options'].split('=')[1]}_{name}"
    engine = make_engine(parsed)
    with engine.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    engine.dispose()
    return make_engine(parsed.update_query_dict({"options": f"-csearch_path={schema}"}))


def _drop(engine: sa.Engine) -> None:
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            schema = conn.exec_driver_sql("SELECT current_schema()").scalar_one()
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    engine.dispose()


def test_a_batched_load_leaves_what_a_load_document_by_document_leaves(db_url, db_engine):
    one_by_one = _engine(db_url, "single")
    try:
        single = _three_runs(one_by_one, batch=1)
        batched = _three_runs(db_engine, batch=7)
        assert [r.counts for r in batched] == [r.counts for r in single]
        assert batched[1].counts.figures_inserted
        assert batched[2].counts.figures_updated and batched[2].counts.figures_deleted
        assert batched[2].counts.documents_changed == 6 * len(SEEDS)
        assert _state(db_engine) == _state(one_by_one)
        expected = {(f.key, f.value.normalize()) for doc in _documents(6, 2, edited=4)
                    for f in extract_document(doc)}
        assert {(key, value) for *_, key, _, _, _, _, value in _state(db_engine)["figures"]} \
            == expected, "the database holds the figures of the last texts"
    finally:
        _drop(one_by_one)


def test_two_workers_load_what_one_loads(db_url, db_engine):
    other = _engine(db_url, "one")
    try:
        _three_runs(other, batch=4, workers=1)
        _three_runs(db_engine, batch=4, workers=2)
        assert _state(db_engine) == _state(other)
    finally:
        _drop(other)


def _furlong(doc: Document):
    """Figures the database refuses (unit not allowed): only a write can find out."""
    return [dataclasses.replace(f, unit="furlong") for f in extract_document(doc)]


def test_a_document_the_database_refuses_fails_alone_in_its_batch(db_engine):
    docs = _documents(2)
    bad = docs[3].path
    report = load(db_engine, docs, rules_version="r1", batch=len(docs),
                  extract=lambda doc: _furlong(doc) if doc.path == bad else extract_document(doc))
    assert report.status == "completed"
    assert [(e.path, e.stage) for e in report.failures] == [(bad, "load")]
    assert "unit" in report.failures[0].message
    state = _state(db_engine)
    assert {path for _, path, *_ in state["documents"]} == {d.path for d in docs} - {bad}
    assert state["errors"] == [(report.run_id, bad, "load")]
    (run,) = state["runs"]
    assert run[2:] == tuple(dataclasses.asdict(report.counts).values())
    assert report.counts.documents_new == len(docs) - 1 and report.counts.documents_failed == 1
    assert report.counts.figures_inserted == len(state["figures"])


def test_failures_of_every_kind_share_a_batch_with_good_documents(db_engine):
    docs = _documents(1)
    unreadable = DocumentError("gone.txt", "decode", "not UTF-8", 2)

    def extract(doc: Document):
        if doc.path == docs[1].path:
            raise ValueError("rule blew up")
        if doc.path == docs[2].path:
            return extract_document(doc) * 2   # two figures on one span: refused before writing
        return extract_document(doc)

    report = load(db_engine, [docs[0], unreadable, *docs[1:]], extract=extract,
                  rules_version="r1", batch=10)
    assert [(e.path, e.stage) for e in report.failures] == [
        ("gone.txt", "decode"), (docs[1].path, "extract"), (docs[2].path, "validate")]
    state = _state(db_engine)
    assert len(state["documents"]) == len(docs) - 2
    assert [path for _, path, _ in state["errors"]] == [e.path for e in report.failures]


def test_the_stored_rows_are_looked_up_one_batch_at_a_time(db_engine):
    """No whole-corpus dictionary: each lookup of documents names at most a batch of paths."""
    docs = _documents(5)
    load(db_engine, docs, extract=extract_document, rules_version="r1", batch=4)
    lookups: list[int] = []

    def watch(_conn, _cursor, statement, parameters, _context, _many):
        if statement.lstrip().startswith("SELECT documents.id, documents.path"):
            lookups.append(len(parameters) if isinstance(parameters, (tuple, list))
                           else sum(len(v) if isinstance(v, (list, tuple)) else 1
                                    for v in parameters.values()))

    sa.event.listen(db_engine, "before_cursor_execute", watch)
    try:
        report = load(db_engine, docs, extract=extract_document, rules_version="r1", batch=4)
    finally:
        sa.event.remove(db_engine, "before_cursor_execute", watch)
    assert report.counts.documents_unchanged == len(docs)
    assert len(lookups) == -(-len(docs) // 4)
    assert max(lookups) <= 4


def test_a_path_given_twice_starts_a_new_batch():
    a, b = Document("a.txt", "x"), Document("b.txt", "y")
    error = DocumentError("bad.txt", "decode", "no")
    assert list(batches([a, error, error, b, a, b], 3)) == [[a, error, error], [b, a], [b]]
    assert list(batches([], 3)) == []
    long = Document("long.txt", "x" * 10)
    assert list(batches([a, long, b, a], 100, text=10)) == [[a, long], [b, a]]


def test_a_document_given_twice_in_one_run_is_written_once_then_unchanged(db_engine):
    docs = _documents(1)
    report = load(db_engine, [*docs, docs[0]], extract=extract_document, rules_version="r1",
                  batch=100)
    assert (report.counts.documents_new, report.counts.documents_unchanged) == (len(docs), 1)


# --- kills: a batched run on several processes, SIGKILLed at random points ---

KILLS = 6


def _corpus(folder: Path, version: int) -> None:
    for n in range(6):
        for seed in SEEDS:
            text = seed.read_text(encoding="utf-8").rstrip("\n")
            (folder / f"{n}_{seed.name}").write_text(f"{text}\n{ENDING.format(version + 10)}",
                                                     encoding="utf-8")


def _forked_run(url: str, corpus: Path, kill_after: float | str | None) -> float:
    """`solieu run --workers 2 --batch 4`, killed or waited for (run_helpers.forked_run)."""
    return forked_run(url, [str(corpus), "--workers", "2", "--batch", "4"], kill_after)


def _figures(url: str) -> set[tuple]:
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = {(*r[:-1], Decimal(str(r[-1])).normalize()) for r in conn.execute(sa.text(
            "SELECT d.path, f.key, f.digest, f.indicator, f.value FROM figures f "
            "JOIN documents d ON d.id = f.document_id"))}
    engine.dispose()
    return rows


def _ledger(url: str) -> tuple:
    """What the ledger says the tables hold, and what they hold."""
    engine = make_engine(url)
    with engine.connect() as conn:
        said = conn.execute(sa.text(
            "SELECT sum(documents_new), sum(figures_inserted) - sum(figures_deleted) "
            "FROM runs")).one()
        held = conn.execute(sa.text(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM figures)")).one()
        statuses = [s for (s,) in conn.execute(sa.text("SELECT status FROM runs ORDER BY id"))]
    engine.dispose()
    return tuple(said), tuple(held), statuses


def test_kills_of_a_batched_parallel_run_leave_what_one_clean_run_leaves(db_url, tmp_path):
    corpus = tmp_path / "docs"
    corpus.mkdir()
    _corpus(corpus, KILLS + 1)
    clean = f"sqlite:///{tmp_path / 'clean.db'}"
    assert CliRunner().invoke(main, ["run", str(corpus), "--db", clean]).exit_code == 0
    assert CliRunner().invoke(main, ["db", "upgrade", "--db", db_url]).exit_code == 0
    _corpus(corpus, 0)
    duration = _forked_run(db_url, corpus, None)
    chance = random.Random(7)
    for version in range(1, KILLS + 1):
        _corpus(corpus, version)
        _forked_run(db_url, corpus, AFTER_A_BATCH if version % 2 else
                    chance.uniform(0.1, duration))
        said, held, _ = _ledger(db_url)
        assert said == held, "after a kill the ledger must still agree with the data"

    _corpus(corpus, KILLS + 1)
    last = CliRunner().invoke(main, ["run", str(corpus), "--db", db_url, "--batch", "4",
                                     "--wait", "30"])
    assert last.exit_code == 0, last.stderr
    assert _figures(db_url) == _figures(clean)
    said, held, statuses = _ledger(db_url)
    assert said == held and statuses[-1] == "completed" and "running" not in statuses
    engine = make_engine(db_url)
    with engine.connect() as conn:
        cut = conn.execute(sa.text("SELECT count(*) FROM runs WHERE status = 'interrupted' "
                                   "AND documents_changed > 0 AND documents_changed < :all"),
                           {"all": 6 * len(SEEDS)}).scalar_one()
    engine.dispose()
    assert cut, "no kill landed between two batches of a run, so nothing was tested"
