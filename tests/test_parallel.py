"""The process pool: the same figures, in the same order, whatever the number of workers."""
from __future__ import annotations

import fcntl
import json
import os
import signal
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import parallel
from pipeline.cli import main
from pipeline.documents import Document, DocumentError
from pipeline.parallel import Extractor
from pipeline.reading import iter_documents

ROOT = Path(__file__).resolve().parents[1]
DEV = [ROOT.parent / "shared" / name / "docs" for name in ("dev", "dev2")]


def _documents() -> list[Document]:
    folders = [ROOT / "seeds", *(d for d in DEV if d.exists())]
    return [d for d in iter_documents(folders) if isinstance(d, Document)]


def _figures(workers: int, docs: list[Document]) -> list[tuple[str, list[dict]]]:
    with Extractor(workers) as pool:
        return [(doc.path, [f.to_json() for f in result]) for doc, result in pool.map(docs)]


def test_two_workers_give_the_figures_of_one_in_input_order():
    docs = _documents()
    serial = _figures(1, docs)
    assert sum(len(figures) for _, figures in serial) >= 40
    assert _figures(2, docs) == serial
    assert _figures(3, docs[::-1]) == serial[::-1]


def _fails_on_two(doc: Document):
    if doc.path.endswith("002.txt"):
        raise ValueError("a rule bug")
    return [doc.path]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_document_costs_only_itself(workers):
    docs = [Document(path=f"x/{i:03}.txt", text="…") for i in range(1, 6)]
    with Extractor(workers, extract=_fails_on_two) as pool:
        results = list(pool.map(docs))
    assert [doc.path for doc, _ in results] == [doc.path for doc in docs]
    error = results[1][1]
    assert isinstance(error, DocumentError)
    assert (error.path, error.stage) == ("x/002.txt", "extract") and "a rule bug" in error.message
    assert [r for _, r in results[2:]] == [[d.path] for d in docs[2:]]


def test_the_input_is_read_only_a_window_ahead():
    """Memory stays flat in corpus size: the pool never holds more than a window of documents."""
    pulled = 0

    def endless():
        nonlocal pulled
        for i in range(100_000):
            pulled += 1
            yield Document(path=f"x/{i}.txt", text="")

    with Extractor(2, extract=lambda doc: []) as pool:
        results = pool.map(endless())
        for _ in range(10):
            next(results)
        results.close()
    assert pulled <= 10 + 2 * parallel._AHEAD + parallel._CHUNK


def test_extract_workers_prints_what_one_worker_prints():
    runner = CliRunner()
    outputs = [runner.invoke(main, ["extract", str(ROOT / "seeds"), "--format", "jsonl",
                                    "--workers", str(n)]) for n in (1, 2)]
    assert [o.exit_code for o in outputs] == [0, 0]
    rows = [[json.loads(line) for line in o.output.splitlines()] for o in outputs]
    assert len(rows[0]) >= 40 and rows[0] == rows[1]


def _slow(doc: Document):
    Path(doc.path).touch()  # tells the test a worker is busy
    time.sleep(5)
    return []


def test_a_run_killed_with_9_takes_its_workers_and_its_lock_along(tmp_path):
    """Workers inherit the run's lock file (and on PostgreSQL its sessions): were they to
    outlive a run killed with -9, finishing a long document first, the next run would be
    refused the lock."""
    lock, started = tmp_path / "db.lock", tmp_path / "started"
    pid = os.fork()
    if pid == 0:  # the run: holds the lock, extracts with two workers, never returns
        try:
            handle = open(lock, "a")
            fcntl.flock(handle, fcntl.LOCK_EX)
            docs = (Document(path=str(started), text="") for _ in range(100_000))
            with Extractor(2, extract=_slow) as pool:
                for _ in pool.map(docs):
                    pass
        finally:
            os._exit(0)
    deadline = time.monotonic() + 30
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert started.exists(), "the workers never started"
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    with open(lock, "a") as handle:
        deadline = time.monotonic() + 1
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                assert time.monotonic() < deadline, "a worker outlived its run and holds the lock"
                time.sleep(0.01)
