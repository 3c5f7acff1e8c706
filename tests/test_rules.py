"""Each rule family against its own corpus: what it must read, and what it must leave alone."""
import pytest

from pipeline import extract
from pipeline.indicators import indicators
from pipeline.rules import FAMILIES, RULES


def _pairs(expected):
    return list(expected.items()) if isinstance(expected, dict) else list(expected)


EXAMPLES = [pytest.param(sentence, _pairs(expected), id=f"{family.__name__.rsplit('.', 1)[1]}-{i}")
            for family in FAMILIES for i, (sentence, expected) in enumerate(family.EXAMPLES)]
COUNTER = [pytest.param(sentence, id=f"{family.__name__.rsplit('.', 1)[1]}-not-{i}")
           for family in FAMILIES for i, sentence in enumerate(family.COUNTER_EXAMPLES)]


@pytest.mark.parametrize("sentence, expected", EXAMPLES)
def test_rule_reads_example(sentence, expected):
    figures = extract(sentence)
    got = [(sentence[f.start:f.end], f.indicator) for f in figures]
    assert got == expected


@pytest.mark.parametrize("sentence", COUNTER)
def test_rule_leaves_counter_example_alone(sentence):
    assert [(sentence[f.start:f.end], f.indicator) for f in extract(sentence)] == []


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.__name__.rsplit(".", 1)[1])
def test_each_family_has_a_corpus(family):
    assert len(family.EXAMPLES) >= 10
    assert len(family.COUNTER_EXAMPLES) >= 5


def test_rules_cover_the_catalogue():
    assert {r.indicator for r in RULES} == set(indicators())


def test_rule_ids_are_unique():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
