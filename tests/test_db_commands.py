"""`solieu run | db | export` end to end, with the real reader and extractor over the seeds.

The crash and concurrency tests run `python -m pipeline run` in subprocesses and kill them
for real.
"""
from __future__ import annotations

import csv
import io
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from run_helpers import query
from pipeline.cli import main
from pipeline.db.engine import make_engine
from pipeline.db.models import FigureRow
from pipeline.extraction import extract_document
from pipeline.reading import iter_documents

REPO = Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
FIGURES = FigureRow.__table__


def _corpus(folder: Path, copies: int) -> Path:
    folder.mkdir()
    for n in range(copies):
        for seed in SEEDS:
            shutil.copy(seed, folder / f"{n:03d}_{seed.name}")
    return folder


def _expected_keys(*paths: str) -> set[str]:
    return {f.key for doc in iter_documents(paths) for f in extract_document(doc)}


def _solieu(*args: str, env: dict | None = None):
    result = CliRunner().invoke(main, list(args), env=env)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def _spawn(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline", *args], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _snapshot(url: str) -> set[tuple]:
    """Every figure by identity and values (values compared as Decimals on both databases)."""
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(sa.select(FIGURES.c.key, FIGURES.c.digest, FIGURES.c.indicator,
                                      FIGURES.c.value, FIGURES.c.start_offset,
                                      FIGURES.c.end_offset, FIGURES.c.period_end)).all()
    engine.dispose()
    return {(*row[:3], row[3].normalize(), *row[4:]) for row in rows}


def test_run_loads_the_seeds_and_a_second_run_writes_nothing(db_url):
    first = _solieu("run", "seeds", "--db", db_url)
    assert first.exit_code == 0, first.stderr
    assert first.stdout == ""
    expected = _expected_keys("seeds")
    assert expected and {key for key, in query(db_url, "SELECT key FROM figures")} == expected
    assert f"{len(expected)} inserted, 0 updated, 0 deleted" in first.stderr

    second = _solieu("run", "seeds", "--db", db_url)
    assert second.exit_code == 0, second.stderr
    assert "5 unchanged" in second.stderr
    assert "0 inserted, 0 updated, 0 deleted" in second.stderr
    assert "no changes" in second.stderr


def test_solieu_database_url_is_honoured(db_url):
    assert _solieu("run", "seeds", env={"SOLIEU_DATABASE_URL": db_url}).exit_code == 0
    assert query(db_url, "SELECT count(*) FROM documents") == [(len(SEEDS),)]


def test_editing_one_document_replaces_only_its_figures(db_url, tmp_path):
    corpus = _corpus(tmp_path / "docs", copies=1)
    assert _solieu("run", str(corpus), "--db", db_url).exit_code == 0
    sql = ("SELECT d.path, f.key, f.id, f.run_id, f.digest FROM figures f "
           "JOIN documents d ON d.id = f.document_id")
    before = query(db_url, sql)
    edited = corpus / f"000_{SEEDS[0].name}"
    text = edited.read_text(encoding="utf-8")
    assert "20.792 tỷ đồng" in text
    edited.write_text(text.replace("20.792 tỷ đồng", "21.792 tỷ đồng"), encoding="utf-8")

    result = _solieu("run", str(corpus), "--db", db_url)

    assert result.exit_code == 0, result.stderr
    assert "1 changed, 4 unchanged" in result.stderr
    after = query(db_url, sql)
    assert [r for r in after if r[0] != f"docs/{edited.name}"] == [r for r in before if r[0] != f"docs/{edited.name}"]
    changed = set(after) - set(before)
    # the new value and the new quote of its sentence's figures: updated in place, ids kept
    assert f"0 inserted, {len(changed)} updated, 0 deleted" in result.stderr
    assert {r[:3] for r in changed} <= {r[:3] for r in before}
    assert query(db_url, "SELECT count(*) FROM figures WHERE value = 21792000000000") == [(1,)]


def test_a_document_that_cannot_be_read_makes_exit_status_1(db_url, tmp_path):
    corpus = _corpus(tmp_path / "docs", copies=1)
    (corpus / "broken.txt").write_bytes(b"\x00\x01binary")
    result = _solieu("run", str(corpus), "--db", db_url)
    assert result.exit_code == 1
    assert "1 failed" in result.stderr and "broken.txt" in result.stderr
    assert query(db_url, "SELECT count(*) FROM document_errors") == [(1,)]
    assert query(db_url, "SELECT count(*) FROM documents") == [(len(SEEDS),)]


@pytest.mark.parametrize("args, message", [
    (["run"], "give documents as PATH"),
    (["run", "seeds", "--db", "not a url"], "bad database URL"),
    (["run", "seeds", "--db", "nosuchdb://x"], "unsupported database URL"),
    (["run", "seeds", "--db", "postgresql://postgres@127.0.0.1:1/test"], "unreachable"),
    (["run", "no/such/folder"], "does not exist"),
    (["export", "no_such_view"], "no_such_view"),
])
def test_could_not_run_is_exit_status_2(args, message):
    result = _solieu(*args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_dry_run_writes_nothing(db_url):
    refused = _solieu("run", "seeds", "--db", db_url, "--dry-run")
    assert refused.exit_code == 2 and "no solieu schema" in refused.stderr
    assert _solieu("db", "upgrade", "--db", db_url).exit_code == 0
    dry = _solieu("run", "seeds", "--db", db_url, "--dry-run")
    assert dry.exit_code == 0
    assert "nothing was written" in dry.stderr and "5 new" in dry.stderr
    assert query(db_url, "SELECT count(*) FROM runs") == [(0,)]
    assert query(db_url, "SELECT count(*) FROM figures") == [(0,)]


def test_full_refresh_re_extracts_and_changes_nothing(db_url):
    assert _solieu("run", "seeds", "--db", db_url).exit_code == 0
    before = _snapshot(db_url)
    result = _solieu("run", "seeds", "--db", db_url, "--full-refresh")
    assert result.exit_code == 0 and "0 inserted, 0 updated, 0 deleted" in result.stderr
    assert _snapshot(db_url) == before


def test_db_commands_move_the_schema(db_url):
    empty = _solieu("db", "current", "--db", db_url)
    assert empty.stdout.startswith("none") or "no database at" in empty.stderr
    assert _solieu("db", "upgrade", "--db", db_url).exit_code == 0
    assert _solieu("db", "current", "--db", db_url).stdout == "0008 (head)\n"
    assert _solieu("db", "downgrade", "0001", "--db", db_url).exit_code == 0
    assert _solieu("db", "current", "--db", db_url).stdout == "0001 (behind head 0008)\n"
    refused = _solieu("run", "seeds", "--db", db_url)
    assert refused.exit_code == 2 and "solieu db upgrade" in refused.stderr
    assert _solieu("db", "downgrade", "base", "--db", db_url).exit_code == 0
    assert _solieu("db", "current", "--db", db_url).stdout.startswith("none")


@pytest.mark.parametrize("view", ["published_figures", "chosen_values", "value_conflicts",
                                  "province_year_headlines"])
def test_export_writes_every_row_of_a_view(db_url, view):
    assert _solieu("run", "seeds", "--db", db_url).exit_code == 0
    (count,), = query(db_url, f"SELECT count(*) FROM {view}")
    csv_out = _solieu("export", view, "--format", "csv", "--db", db_url)
    jsonl_out = _solieu("export", view, "--format", "jsonl", "--db", db_url)
    assert csv_out.exit_code == jsonl_out.exit_code == 0
    assert len(csv_out.stdout.splitlines()) == count + 1
    records = [json.loads(line) for line in jsonl_out.stdout.splitlines()]
    assert len(records) == count
    assert all(set(r) == set(csv_out.stdout.splitlines()[0].split(",")) for r in records)


def test_export_csv_neutralises_formula_cells(db_url, tmp_path):
    (tmp_path / "injected.txt").write_text(
        "- Năm 2021, tỉnh Quảng Nam thu ngân sách đạt 23.773 tỷ đồng.\n", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(json.dumps(
        {"path": "injected.txt", "url": "=HYPERLINK(\"http://evil\")"}) + "\n", encoding="utf-8")
    assert _solieu("run", "--manifest", str(tmp_path / "manifest.jsonl"), "--db", db_url).exit_code == 0
    out = _solieu("export", "published_figures", "--format", "csv", "--db", db_url).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(row["quote"].startswith("'- Năm 2021") for row in rows)
    assert all(row["document_url"] == "'=HYPERLINK(\"http://evil\")" for row in rows)


def test_export_of_an_empty_database_is_refused(db_url):
    result = _solieu("export", "chosen_values", "--db", db_url)
    assert result.exit_code == 2
    assert "no solieu schema" in result.stderr or "no database at" in result.stderr


@pytest.mark.parametrize("args", [
    ["run", "seeds"], ["export", "chosen_values"], ["db", "current"], ["db", "downgrade", "base"],
    ["runs", "list"], ["runs", "check", "--max-age", "26h"],
])
@pytest.mark.parametrize("url, message", [
    ("sqlite:///{tmp}/no/such/folder/x.db", "does not exist"),
    ("postgresql://u@h:notaport/db", "bad database URL"),
    ("mysql://x/y", "unsupported database URL"),
    ("postgresql+psycopg2://x/y", "unsupported database URL"),
    ("sqlite:///{tmp}/passwd", "is not a SQLite database"),
])
def test_a_bad_url_is_one_line_and_creates_no_file(tmp_path, args, url, message):
    (tmp_path / "passwd").write_text("root:x:0:0:root:/root:/bin/bash\n")
    done = _solieu(*args, "--db", url.format(tmp=tmp_path))
    assert done.exit_code == 2 and done.stdout == ""
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["passwd"]


@pytest.mark.parametrize("args", [["export", "chosen_values", "-o", "{tmp}/out.csv"],
                                  ["db", "current"], ["runs", "list"]])
def test_reading_commands_never_create_a_mistyped_sqlite_file(tmp_path, args):
    args = [a.format(tmp=tmp_path) for a in args]
    result = _solieu(*args, "--db", f"sqlite:///{tmp_path / 'typo.db'}")
    assert result.exit_code == 2 and "no database at" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("output, reason", [("{tmp}/no/such/folder/out.csv", "No such file or directory"),
                                            ("{tmp}", "Is a directory")])
def test_an_export_to_a_bad_output_path_is_one_line(db_url, tmp_path, output, reason):
    assert _solieu("run", "seeds", "--db", db_url).exit_code == 0
    result = _solieu("export", "chosen_values", "-o", output.format(tmp=tmp_path), "--db", db_url)
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"solieu: error: cannot write {output.format(tmp=tmp_path)}: {reason}"]


def test_the_lock_is_the_same_through_a_symlinked_path(tmp_path):
    real = tmp_path / "real.db"
    (tmp_path / "link.db").symlink_to(real)
    assert _solieu("run", "seeds", "--db", f"sqlite:///{real}").exit_code == 0
    assert _solieu("run", "seeds", "--db", f"sqlite:///{tmp_path / 'link.db'}").exit_code == 0
    assert sorted(p.name for p in tmp_path.glob("*.lock")) == ["real.db.lock"]


def _bad_corpus(tmp_path: Path) -> Path:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.txt").write_bytes(b"\x00\x01binary")
    (bad / "b.pdf").write_bytes(b"%PDF-1.4 nothing")
    return bad


@pytest.mark.parametrize("case, outcome, status, said", [
    ("seeds", "loaded", 0, None),
    ("seeds twice", "nothing_new", 0, "no changes"),
    ("bad", "all_failed", 1, "every one of the 2 documents failed"),
    ("seeds and bad", "partial", 1, None),
    ("empty", "empty_input", 1, "the input held no documents"),
])
def test_the_summary_tells_nothing_new_from_everything_failed(db_url, tmp_path, case, outcome,
                                                              status, said):
    (tmp_path / "empty").mkdir()
    bad = str(_bad_corpus(tmp_path))
    paths = {"seeds": ["seeds"], "seeds twice": ["seeds"], "bad": [bad],
             "seeds and bad": ["seeds", bad], "empty": [str(tmp_path / "empty")]}[case]
    if case == "seeds twice":
        assert _solieu("run", *paths, "--db", db_url).exit_code == 0
    result = _solieu("run", *paths, "--db", db_url, "--summary", "json")
    record = json.loads(result.stdout)
    assert (result.exit_code, record["outcome"], record["exit_status"]) == (status, outcome, status)
    assert record["documents_seen"] == record["documents_new"] + record["documents_changed"] + \
        record["documents_unchanged"] + record["documents_failed"]
    if said:
        assert said in result.stderr
    if outcome != "nothing_new":
        assert "no changes" not in result.stderr


def test_a_dry_run_with_failing_documents_exits_1(db_url, tmp_path):
    assert _solieu("db", "upgrade", "--db", db_url).exit_code == 0
    result = _solieu("run", "seeds", str(_bad_corpus(tmp_path)), "--db", db_url, "--dry-run",
                     "--summary", "json")
    assert result.exit_code == 1 and json.loads(result.stdout)["outcome"] == "dry_run"
    assert query(db_url, "SELECT count(*) FROM runs") == [(0,)]


def test_log_format_json_is_one_object_a_line(db_url, tmp_path):
    result = _solieu("run", "seeds", str(_bad_corpus(tmp_path)), "--db", db_url,
                     "--log-format", "json")
    assert result.exit_code == 1 and result.stdout == ""
    events = [json.loads(line) for line in result.stderr.splitlines()]
    failed = [e for e in events if e["event"] == "document_failed"]
    assert sorted(e["path"] for e in failed) == ["bad/a.txt", "bad/b.pdf"]
    assert all({"time", "level", "stage", "reason"} <= set(e) for e in failed)
    (finished,) = [e for e in events if e["event"] == "run_finished"]
    assert finished["outcome"] == "partial" and finished["documents_failed"] == 2


def _progress(url: str) -> int:
    try:
        rows = query(url, "SELECT documents_new FROM runs WHERE status = 'running'")
    except sa.exc.DatabaseError:      # the schema is still being created
        return 0
    return rows[0][0] if rows else 0


def test_a_run_killed_with_sigkill_is_finished_by_the_next(db_url, tmp_path):
    corpus = _corpus(tmp_path / "docs", copies=40)
    documents = 40 * len(SEEDS)
    clean = f"sqlite:///{tmp_path / 'clean.db'}"
    assert _solieu("run", str(corpus), "--db", clean).exit_code == 0

    victim = _spawn("run", str(corpus), "--db", db_url, "--batch", "5")  # commits often
    deadline = time.monotonic() + 120
    while _progress(db_url) < 10 and victim.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    victim.send_signal(signal.SIGKILL)
    victim.communicate()
    (status, loaded), = query(db_url, "SELECT status, documents_new FROM runs")
    assert status == "running" and 0 < loaded < documents, "the run was not killed mid-way"

    rerun = _solieu("run", str(corpus), "--db", db_url, "--wait", "30")  # its workers die too

    assert rerun.exit_code == 0, rerun.stderr
    assert _snapshot(db_url) == _snapshot(clean)
    assert query(db_url, "SELECT id, status, resumed_by FROM runs ORDER BY id") == [
        (1, "interrupted", 2), (2, "completed", None)]
    assert query(db_url, "SELECT count(*) FROM published_figures") == \
        query(db_url, "SELECT count(*) FROM figures")


def test_sigterm_stops_a_run_cleanly(db_url, tmp_path):
    corpus = _corpus(tmp_path / "docs", copies=40)
    victim = _spawn("run", str(corpus), "--db", db_url, "--batch", "5")
    deadline = time.monotonic() + 120
    while _progress(db_url) < 10 and victim.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    victim.send_signal(signal.SIGTERM)
    _, stderr = victim.communicate()
    assert victim.returncode == 2 and "interrupted" in stderr
    assert query(db_url, "SELECT status FROM runs") == [("interrupted",)]


def _assert_loaded_once(url: str, corpus: Path) -> None:
    expected = _expected_keys(str(corpus))
    assert query(url, "SELECT count(*), count(DISTINCT key) FROM figures") == [
        (len(expected), len(expected))]
    assert query(url, "SELECT sum(figures_inserted) FROM runs") == [(len(expected),)]


def test_two_runs_started_at_once_never_duplicate_a_figure(db_url, tmp_path):
    corpus = _corpus(tmp_path / "docs", copies=8)
    runs = [_spawn("run", str(corpus), "--db", db_url, "--wait", "300") for _ in range(2)]
    outcomes = [(run.wait(timeout=300), run.communicate()[1]) for run in runs]
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    _assert_loaded_once(db_url, corpus)
    assert sorted(query(db_url, "SELECT documents_new FROM runs")) == [(0,), (8 * len(SEEDS),)]


def test_a_second_run_exits_with_a_clear_message_while_the_first_loads(db_url, tmp_path):
    corpus = _corpus(tmp_path / "docs", copies=40)
    first = _spawn("run", str(corpus), "--db", db_url, "--batch", "5")
    deadline = time.monotonic() + 120
    while _progress(db_url) < 1 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    second = _solieu("run", str(corpus), "--db", db_url)
    assert first.wait(timeout=300) == 0, first.communicate()[1]
    assert second.exit_code == 2
    assert "another solieu run is loading this database (run 1, pid" in second.stderr
    _assert_loaded_once(db_url, corpus)
