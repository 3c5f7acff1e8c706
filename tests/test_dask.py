"""`solieu run --dask`: partitions extracted on a Dask cluster (an in-process LocalCluster here)
and staged with COPY, then merged in one transaction, leave what a plain run leaves."""
from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.db.engine import make_engine
from distributed import Client, LocalCluster
from pipeline.db.dask_run import load_on_dask, stage_partition
from pipeline.db.load import Rows, load
from pipeline.documents import Document, DocumentError
from pipeline.extraction import extract_document

REPO = Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
ENDING = "Năm 2021, tỉnh Quảng Nam thu ngân sách đạt {},5 tỷ đồng.\n"
COUNTERS = ("documents_seen", "documents_new", "documents_changed", "documents_unchanged",
            "documents_failed", "figures_inserted", "figures_updated", "figures_deleted")


def _documents(version: int, edited: int) -> list[Document]:
    docs = []
    for n in range(4):
        for seed in SEEDS:
            text = seed.read_text(encoding="utf-8")
            if len(docs) < edited:
                text = text.rstrip("\n") + "\n" + ENDING.format(version + 10)
            docs.append(Document(f"{n}/{seed.name}", text))
    return docs


RUNS = [(_documents(0, 0), "r1"), (_documents(1, 7), "r1"), (_documents(2, 3), "r2")]


def _state(engine: sa.Engine) -> dict:
    with engine.connect() as conn:
        documents = {tuple(r) for r in conn.execute(sa.text(
            "SELECT id, path, sha256, rules_version, run_id, text FROM documents"))}
        figures = {(*r[:-1], Decimal(str(r[-1])).normalize()) for r in conn.execute(sa.text(
            "SELECT f.id, d.path, f.key, f.digest, f.run_id, f.rules_version, f.indicator, "
            "f.period_end, f.value FROM figures f JOIN documents d ON d.id = f.document_id"))}
        runs = [tuple(r) for r in conn.execute(sa.text(
            f"SELECT id, status, {', '.join(COUNTERS)} FROM runs ORDER BY id"))]
        errors = [tuple(r) for r in conn.execute(sa.text(
            "SELECT run_id, path, stage FROM document_errors ORDER BY id"))]
        staged = conn.execute(sa.text(
            "SELECT (SELECT count(*) FROM staged_documents) "
            "+ (SELECT count(*) FROM staged_figures)")).scalar_one()
    return {"documents": documents, "figures": figures, "runs": runs, "errors": errors,
            "staged": staged}


@pytest.fixture(scope="module")
def client():
    with LocalCluster(processes=False, n_workers=2, threads_per_worker=1,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


@pytest.fixture
def plain(postgres_server, db_url):
    """A second PostgreSQL schema, for the plain run to compare with."""
    parsed = sa.make_url(db_url)
    schema = f"{parsed.query['options'].split('=')[1]}_plain"
    admin = make_engine(parsed)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    engine = make_engine(parsed.update_query_dict({"options": f"-csearch_path={schema}"}))
    yield engine
    engine.dispose()
    with admin.begin() as conn:
        conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    admin.dispose()


def _bad(doc: Document):
    """A document the catalogue accepts but the database refuses (its unit)."""
    if doc.path == "1/" + SEEDS[0].name:
        return [dataclasses.replace(f, unit="furlong") for f in extract_document(doc)]
    if doc.path == "2/" + SEEDS[1].name:
        raise ValueError("rule blew up")
    return extract_document(doc)


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_a_dask_run_leaves_what_a_plain_run_leaves(client, db_engine, plain):
    for docs, rules in RUNS:
        expected = load(plain, docs, extract=extract_document, rules_version=rules, batch=3)
        report = load_on_dask(db_engine, docs, client=client, extract=extract_document,
                              rules_version=rules, partition=3)
        assert report.counts == expected.counts
    assert report.counts.figures_updated and report.counts.figures_deleted
    assert _state(db_engine) == _state(plain)
    assert _state(db_engine)["staged"] == 0, "the staging rows are gone once merged"


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_failing_documents_fail_alone_on_dask(client, db_engine, plain):
    docs = [*_documents(0, 0), DocumentError("gone.txt", "decode", "not UTF-8")]
    expected = load(plain, docs, extract=_bad, rules_version="r1", batch=3)
    report = load_on_dask(db_engine, docs, client=client, extract=_bad, rules_version="r1",
                          partition=3)
    assert report.counts == expected.counts and report.counts.documents_failed == 3
    assert sorted((e.path, e.stage) for e in report.failures) == \
        sorted((e.path, e.stage) for e in expected.failures)
    state, other = _state(db_engine), _state(plain)
    assert sorted(state.pop("errors")) == sorted(other.pop("errors"))
    for kept in (state, other):   # a refused merge spent sequence values: ids may differ
        kept["documents"] = {row[1:] for row in kept["documents"]}
        kept["figures"] = {row[1:] for row in kept["figures"]}
    assert state == other


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_a_retried_partition_replaces_its_own_staging_rows(db_url, db_engine):
    load(db_engine, [], extract=extract_document, rules_version="r1")   # the schema
    docs = _documents(0, 0)[:3]
    work = [(i, doc, "documents_new") for i, doc in enumerate(docs)]
    rows = Rows.of(db_engine)
    for _ in range(2):
        result = stage_partition(db_url, 7, 0, work, "r1", rows, extract_document)
    stage_partition(db_url, 7, 1, work[:1], "r1", rows, extract_document)
    assert result == {"kinds": {"documents_new": 3}, "failures": []}
    with db_engine.connect() as conn:
        staged = conn.execute(sa.text("SELECT part, count(*) FROM staged_documents "
                                      "GROUP BY part ORDER BY part")).all()
        figures = conn.execute(sa.text("SELECT count(*) FROM staged_figures "
                                       "WHERE part = 0")).scalar_one()
    assert [tuple(r) for r in staged] == [(0, 3), (1, 1)]
    assert figures == sum(len(extract_document(doc)) for doc in docs)


def test_dask_refuses_sqlite_in_one_line(tmp_path):
    result = CliRunner().invoke(main, ["run", "seeds", "--db",
                                       f"sqlite:///{tmp_path / 'solieu.db'}", "--dask", "local"])
    assert result.exit_code == 2
    assert "--dask needs PostgreSQL" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "solieu.db").exists()


class _Breaks(Rows):
    """Rows whose partition holding `path` fails on the worker, every retry."""

    def __call__(self, doc, figures):
        if doc.path == "3/" + SEEDS[4].name:
            raise RuntimeError("worker lost")
        return super().__call__(doc, figures)


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_a_dask_run_that_fails_before_its_merge_changes_nothing(client, db_engine, monkeypatch):
    load_on_dask(db_engine, _documents(0, 0), client=client, extract=extract_document,
                 rules_version="r1", partition=3)
    before = _state(db_engine)
    broken = _Breaks.of(db_engine)
    monkeypatch.setattr(Rows, "of", classmethod(lambda cls, engine: broken))
    with pytest.raises(RuntimeError, match="worker lost"):
        load_on_dask(db_engine, _documents(1, 20), client=client, extract=extract_document,
                     rules_version="r2", partition=3)
    monkeypatch.undo()
    after = _state(db_engine)
    assert after["staged"] > 0, "the partitions that succeeded were staged"
    assert (after["documents"], after["figures"]) == (before["documents"], before["figures"])
    assert after["runs"][-1][1:] == ("failed", *[0] * len(COUNTERS))

    report = load(db_engine, _documents(1, 20), extract=extract_document, rules_version="r2")
    assert report.counts.documents_changed == len(_documents(0, 0))
    assert _state(db_engine)["staged"] == 0, "the next run clears what the failed one staged"
