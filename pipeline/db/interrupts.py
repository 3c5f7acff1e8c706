"""Ctrl-C and SIGTERM stop a run between two database calls, never inside one.

Python raises KeyboardInterrupt wherever the main thread happens to be. Raised inside the
driver, or while SQLAlchemy rolls back and returns a connection, it can leave that
connection checked out mid-transaction; on SQLite its lock then keeps the run from writing
`interrupted` in its own ledger. So the load marks its database calls `uninterrupted`: a
signal that arrives during one is held until the call has committed or rolled back, then
raised. A second signal does not wait (a call stuck on a lock can still be stopped).
"""
from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

_SIGNALS = (signal.SIGINT, signal.SIGTERM)
_held = {"depth": 0, "pending": False}


def _interrupt(_signum, _frame) -> None:
    if _held["depth"] and not _held["pending"]:
        _held["pending"] = True
        return
    raise KeyboardInterrupt


@contextmanager
def stop_between_calls() -> Iterator[None]:
    """Install the handler for Ctrl-C and SIGTERM for the duration of a run."""
    previous = {signum: signal.signal(signum, _interrupt) for signum in _SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        _held.update(depth=0, pending=False)


@contextmanager
def uninterrupted(call: AbstractContextManager):
    """`with uninterrupted(engine.begin()) as conn:` — a signal waits for the call's end."""
    _held["depth"] += 1
    try:
        with call as value:
            yield value
    finally:
        _held["depth"] -= 1
        if not _held["depth"] and _held["pending"]:
            _held["pending"] = False
            raise KeyboardInterrupt
