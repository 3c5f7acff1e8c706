"""Runs the tests start, kill and read back, by database URL, as cron would leave them."""
from __future__ import annotations

import os
import signal
import time
from collections.abc import Sequence

import sqlalchemy as sa

from pipeline.cli import main
from pipeline.db.engine import make_engine

AFTER_A_BATCH = "after a batch"


def query(url: str, sql: str) -> list[tuple]:
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = [tuple(row) for row in conn.execute(sa.text(sql))]
    engine.dispose()
    return rows


def forked_run(url: str, args: Sequence[str], kill_after: float | str | None) -> float:
    """`solieu run ARGS --db URL` forked from this (already imported) process: SIGKILLed after
    `kill_after` seconds, or once a batch is written (AFTER_A_BATCH), or waited for. Returns
    the seconds it ran."""
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: run the command, never return into pytest
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        try:
            # --wait: the workers of the run killed before die with it, but an instant later,
            # and hold the lock they inherited until then
            main(["run", *args, "--db", url, "--wait", "30"], standalone_mode=False)
        finally:
            os._exit(0)
    if kill_after == AFTER_A_BATCH:
        if _until_a_batch_is_written(url, pid):
            return time.monotonic() - started  # the run ended first: nothing to kill
        os.kill(pid, signal.SIGKILL)
    elif kill_after is not None:
        time.sleep(kill_after)
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return time.monotonic() - started


def _until_a_batch_is_written(url: str, pid: int) -> bool:
    """Wait until the running run's ledger shows a written batch, so a kill lands between two
    batches however slow or busy the machine is; True when the run ended first (reaped)."""
    engine = make_engine(url)
    try:
        while os.waitpid(pid, os.WNOHANG) == (0, 0):
            with engine.connect() as conn:
                written = conn.execute(sa.text(
                    "SELECT documents_changed FROM runs WHERE status = 'running'")).scalar()
            if written:
                return False
            time.sleep(0.002)
        return True
    finally:
        engine.dispose()
