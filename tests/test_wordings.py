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


@pytest.mark.parametrize("wording", [w for w in WORDINGS if w.literals], ids=lambda w: w.name)
def test_the_cheap_test_never_hides_a_match(wording):
    """Every example holds one of the wording's literals, as every match must."""
    for text in wording.examples:
        match = wording.pattern.search(text) if wording.use == "search" else wording.pattern.match(text)
        assert any(literal in match.group(0).lower() for literal in wording.literals), text
