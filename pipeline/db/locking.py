"""One run at a time per database.

PostgreSQL: a session advisory lock keyed on the schema. SQLite: flock on a file beside the
database, named after its real path, so a symlink or another spelling of the path is the
same lock. Both vanish with the process that held them, kill -9 included, so a crashed run
never leaves a stale lock behind.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext

import sqlalchemy as sa

_POLL_SECONDS = 0.2


class RunRefused(Exception):
    """Another run holds the database."""


@contextmanager
def exclusive_run(engine: sa.Engine, wait: float = 0) -> Iterator[None]:
    """Hold the database's run lock, waiting up to `wait` seconds for it."""
    backend = engine.url.get_backend_name()
    if backend == "postgresql":
        lock = _advisory_lock(engine, wait)
    elif backend == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        lock = _file_lock(f"{os.path.realpath(engine.url.database)}.lock", wait)
    else:
        lock = nullcontext()
    with lock:
        yield


def _until(acquire, wait: float) -> None:
    deadline = time.monotonic() + wait
    while not acquire():
        if time.monotonic() >= deadline:
            raise RunRefused(f"another solieu run is loading this database"
                             f"{f' (waited {wait:g} s)' if wait else ''}")
        time.sleep(_POLL_SECONDS)


@contextmanager
def _advisory_lock(engine: sa.Engine, wait: float) -> Iterator[None]:
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        schema = conn.execute(sa.text("SELECT current_schema()")).scalar_one()
        key = int.from_bytes(hashlib.sha256(f"solieu:{schema}".encode()).digest()[:8],
                             "big", signed=True)
        try_lock = sa.text("SELECT pg_try_advisory_lock(:key)").bindparams(key=key)
        _until(lambda: conn.execute(try_lock).scalar_one(), wait)
        try:
            yield
        finally:
            conn.execute(sa.text("SELECT pg_advisory_unlock(:key)").bindparams(key=key))


@contextmanager
def _file_lock(path: str, wait: float) -> Iterator[None]:
    with open(path, "a") as handle:
        def acquire() -> bool:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
            return True

        _until(acquire, wait)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
