"""`solieu runs list|show|errors|check`: the ledger as an operator reads it."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.db.engine import make_engine


def _solieu(*args: str):
    result = CliRunner().invoke(main, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.fixture
def ledger(db_url, tmp_path):
    """Two runs: the seeds loaded, then a folder where every document fails."""
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.txt").write_bytes(b"\x00binary")
    (bad / "b.docx").write_bytes(b"not a zip")
    assert _solieu("run", "seeds", "--db", db_url).exit_code == 0
    assert _solieu("run", str(bad), "--db", db_url).exit_code == 1
    return db_url


def test_list_shows_the_runs_newest_first(ledger):
    rows = [json.loads(line) for line in
            _solieu("runs", "list", "--format", "json", "--db", ledger).stdout.splitlines()]
    assert [(r["id"], r["documents_new"], r["documents_failed"]) for r in rows] == [(2, 0, 2), (1, 5, 0)]
    table = _solieu("runs", "list", "--db", ledger).stdout.splitlines()
    assert table[0].split()[:4] == ["id", "started_at", "finished_at", "status"] and len(table) == 3


def test_show_and_errors_read_one_run(ledger):
    shown = json.loads(_solieu("runs", "show", "2", "--format", "json", "--db", ledger).stdout)
    assert (shown["status"], shown["errors"], shown["documents_seen"]) == ("completed", 2, 2)
    lines = _solieu("runs", "errors", "2", "--db", ledger).stdout.splitlines()
    assert lines == ["bad/a.txt: decode: binary data (NUL bytes), not a text file",
                     "bad/b.docx: read: not a readable DOCX (not a zip archive)"]
    missing = _solieu("runs", "errors", "9", "--db", ledger)
    assert missing.exit_code == 2 and "no run 9" in missing.stderr


def _finished(url: str, run_id: int, hours_ago: float) -> None:
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE runs SET finished_at = :t WHERE id = :i"),
                     {"t": datetime.now(timezone.utc) - timedelta(hours=hours_ago), "i": run_id})
    engine.dispose()


@pytest.mark.parametrize("last, hours_ago, max_age, ok, problem", [
    ("good", 1, "26h", True, None),
    ("good", 30, "26h", False, "more than 26h"),
    ("good", 30, "2d", True, None),
    ("bad", 1, "26h", False, "all 2 documents failed"),
])
def test_check_fails_on_a_stale_or_empty_last_run(ledger, tmp_path, last, hours_ago, max_age, ok,
                                                  problem):
    if last == "good":
        assert _solieu("run", "seeds", "--db", ledger).exit_code == 0
    last_id = 3 if last == "good" else 2
    _finished(ledger, last_id, hours_ago)
    result = _solieu("runs", "check", "--max-age", max_age, "--format", "json", "--db", ledger)
    record = json.loads(result.stdout)
    assert (result.exit_code == 0, record["ok"], record["run_id"]) == (ok, ok, last_id)
    if problem:
        assert any(problem in p for p in record["problems"])


def test_check_without_any_completed_run_fails(db_url):
    assert _solieu("db", "upgrade", "--db", db_url).exit_code == 0
    result = _solieu("runs", "check", "--max-age", "26h", "--db", db_url)
    assert result.exit_code == 1 and "no completed run" in result.stderr


def test_check_refuses_a_malformed_age(db_url):
    result = _solieu("runs", "check", "--max-age", "soon", "--db", db_url)
    assert result.exit_code == 2 and "26h" in result.stderr
