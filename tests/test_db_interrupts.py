"""A signal during a database call waits for the call's end; a second one does not wait."""
from __future__ import annotations

import os
import signal
from contextlib import nullcontext

import pytest

from pipeline.db.interrupts import stop_between_calls, uninterrupted


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_during_a_call_is_raised_when_the_call_ends(signum):
    finished = []
    with stop_between_calls():
        with pytest.raises(KeyboardInterrupt):
            with uninterrupted(nullcontext()):
                with uninterrupted(nullcontext()):  # nested calls: raised at the outermost end
                    os.kill(os.getpid(), signum)
                    finished.append("inner")
                finished.append("outer")
        finished.append("after")
    assert finished == ["inner", "outer", "after"]


def test_a_second_signal_does_not_wait():
    finished = []
    with stop_between_calls():
        with pytest.raises(KeyboardInterrupt):
            with uninterrupted(nullcontext()):
                os.kill(os.getpid(), signal.SIGTERM)
                os.kill(os.getpid(), signal.SIGTERM)
                finished.append("call")
    assert finished == []


def test_outside_a_call_a_signal_stops_at_once_and_handlers_are_restored():
    before = signal.getsignal(signal.SIGTERM)
    with stop_between_calls():
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGTERM)
    assert signal.getsignal(signal.SIGTERM) is before
