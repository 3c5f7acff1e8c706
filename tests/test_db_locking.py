"""One run at a time per database: a second holder is refused, or waits for the first."""
from __future__ import annotations

import threading
import time

import pytest

from pipeline.db.engine import make_engine
from pipeline.db.locking import RunRefused, exclusive_run


@pytest.fixture
def two_engines(db_url):
    engines = make_engine(db_url), make_engine(db_url)
    yield engines
    for engine in engines:
        engine.dispose()


def test_a_second_run_is_refused_while_the_first_holds_the_lock(two_engines):
    first, second = two_engines
    with exclusive_run(first):
        with pytest.raises(RunRefused, match="another solieu run"):
            with exclusive_run(second):
                pass
    with exclusive_run(second):
        pass


def test_waiting_gives_up_after_the_wait(two_engines):
    first, second = two_engines
    with exclusive_run(first):
        started = time.monotonic()
        with pytest.raises(RunRefused, match=r"waited 0\.5 s"):
            with exclusive_run(second, wait=0.5):
                pass
        assert time.monotonic() - started >= 0.5


def test_a_waiting_run_goes_ahead_once_the_first_releases(two_engines):
    first, second = two_engines
    acquired = []

    def wait_for_lock():
        with exclusive_run(second, wait=30):
            acquired.append(time.monotonic())

    with exclusive_run(first):
        waiter = threading.Thread(target=wait_for_lock)
        waiter.start()
        time.sleep(0.5)
        assert acquired == []
        released = time.monotonic()
    waiter.join(timeout=30)
    assert acquired and acquired[0] >= released
