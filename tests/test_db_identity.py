"""Migration 0004: documents loaded under several spellings of one path become one document."""
from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.db.load import load
from pipeline.extraction import extract_document, rules_version
from pipeline.figures import Figure
from pipeline.reading import iter_documents

REPO = Path(__file__).resolve().parents[1]
_SPEC = importlib.util.spec_from_file_location(
    "identity_0004", REPO / "migrations" / "versions" / "0004_document_identity.py")
MIGRATION = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(MIGRATION)


@pytest.mark.parametrize("stored, known, expected", [
    ("seeds/a.txt", set(), "seeds/a.txt"),
    ("./seeds/a.txt", set(), "seeds/a.txt"),
    ("seeds//a.txt", set(), "seeds/a.txt"),
    ("seeds/../seeds/a.txt", set(), "seeds/a.txt"),
    ("/home/etl/work/seeds/a.txt", set(), "seeds/a.txt"),
    ("/home/etl/corpus/sub/a.txt", {"corpus/sub/a.txt"}, "corpus/sub/a.txt"),
    ("../main/seeds/a.txt", {"seeds/a.txt"}, "seeds/a.txt"),
])
def test_a_stored_path_maps_to_the_identity_reading_gives(stored, known, expected):
    assert MIGRATION.identity(stored, known) == expected


def _spellings(doc):
    name = doc.path.split("/", 1)[1]
    return [doc.path, f"./seeds/{name}", f"seeds//{name}", f"{REPO}/seeds/{name}"]


def test_the_migration_merges_spellings_without_duplicating_figures(db_engine, db_url, monkeypatch):
    monkeypatch.chdir(REPO)
    docs = list(iter_documents(["seeds"]))
    spelled = [dataclasses.replace(doc, path=path) for doc in docs for path in _spellings(doc)]
    report = load(db_engine, spelled, extract=extract_document, rules_version=rules_version())
    assert report.counts.documents_new == 4 * len(docs)

    with db_engine.begin() as conn, Operations.context(MigrationContext.configure(conn)):
        MIGRATION.upgrade()

    with db_engine.connect() as conn:
        paths = sorted(conn.execute(sa.text("SELECT path FROM documents")).scalars())
        figures = conn.execute(sa.text(
            "SELECT d.path, f.key, f.start_offset, f.end_offset, f.indicator "
            "FROM figures f JOIN documents d ON d.id = f.document_id")).all()
    assert paths == sorted(doc.path for doc in docs)
    expected = sum(len(extract_document(doc)) for doc in docs)
    assert len(figures) == expected
    assert all(key == _key(path, start, end, indicator) for path, key, start, end, indicator in figures)

    rerun = CliRunner().invoke(main, ["run", "seeds", "--db", db_url])
    assert rerun.exit_code == 0, rerun.stderr
    assert f"{len(docs)} unchanged" in rerun.stderr and "0 inserted, 0 updated, 0 deleted" in rerun.stderr


def _key(path, start, end, indicator) -> str:
    return Figure(indicator, 0, "count", start, end, 1, "", "", document=path).key
