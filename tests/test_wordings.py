"""The named wordings extraction reads beyond the rules, against their own examples."""
from __future__ import annotations

import pytest

from pipeline.wordings import WORDINGS

CASES = [pytest.param(w, text, True, id=f"{w.name}-{i}") for w in WORDINGS for i, text in enumerate(w.examples)]
CASES += [pytest.param(w, text, False, id=f"{w.name}-not-{i}") for w in WORDINGS for i, text in enumerate(w.counter_examples)]


@pytest.mark.parametrize("wording, text, found", CASES)
def test_wording_finds_its_examples_and_not_its_counter_examples(wording, text, found):
    assert wording.finds(text) is found


def test_every_wording_says_why_and_has_examples():
    assert all(w.why and w.examples and w.use in ("search", "match") for w in WORDINGS)
    assert len({w.name for w in WORDINGS}) == len(WORDINGS)
