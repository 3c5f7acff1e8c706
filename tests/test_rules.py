"""Each rule family against its own corpus: what it must read, and what it must leave alone."""
import pytest

from pipeline import extract
from pipeline.indicators import indicators
from pipeline.rules import FAMILIES, RULES


# A figure of no province is never emitted: the corpus is read as a provincial paper's, so that
# a counter-example yields nothing because of its wording, not for want of a province.
HOME = "Quảng Nam"


def _pairs(expected):
    return list(expected.items()) if isinstance(expected, dict) else list(expected)


EXAMPLES = [pytest.param(sentence, _pairs(expected), id=f"{family.__name__.rsplit('.', 1)[1]}-{i}")
            for family in FAMILIES for i, (sentence, expected) in enumerate(family.EXAMPLES)]
COUNTER = [pytest.param(sentence, id=f"{family.__name__.rsplit('.', 1)[1]}-not-{i}")
           for family in FAMILIES for i, sentence in enumerate(family.COUNTER_EXAMPLES)]


@pytest.mark.parametrize("sentence, expected", EXAMPLES)
def test_rule_reads_example(sentence, expected):
    figures = extract(sentence, province=HOME)
    got = [(sentence[f.start:f.end], f.indicator) for f in figures]
    assert got == expected


@pytest.mark.parametrize("sentence", COUNTER)
def test_rule_leaves_counter_example_alone(sentence):
    assert [(sentence[f.start:f.end], f.indicator) for f in extract(sentence, province=HOME)] == []


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.__name__.rsplit(".", 1)[1])
def test_each_family_has_a_corpus(family):
    assert len(family.EXAMPLES) >= 10
    assert len(family.COUNTER_EXAMPLES) >= 5


def test_rules_cover_the_catalogue():
    assert {r.indicator for r in RULES} == set(indicators())


def test_rule_ids_are_unique():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("sentence, number, value", [
    ("Thu ngân sách đạt 457.500 tỷ đồng, vượt 18,4% dự toán được giao.", "18,4", "118.4"),
    ("Thu ngân sách tăng 4% so với dự toán HĐND tỉnh.", "4", "104"),
    ("Tỉnh thu ngân sách đạt 35.440 tỷ đồng, bằng 91% so với cùng kỳ.", "91", "-9"),
    ("Tổng thu ngân sách đạt 44.123 tỷ đồng, giảm 20,9% so với cùng kỳ.", "20,9", "-20.9"),
    ("Thu nội địa đạt 8.000 tỷ đồng, bằng 112,3% so với cùng kỳ 2021.", "112,3", "12.3"),
    ("Thu nội địa đạt 8.000 tỷ đồng, đạt 87% dự toán.", "87", "87"),
    ("Tăng trưởng kinh tế giảm 1,5%.", "1,5", "-1.5"),
    ("Tổng thu ngân sách đạt 10.250 tỷ đồng, vượt dự toán 12%.", "12", "112"),
    ("Tổng thu ngân sách đạt 10.250 tỷ đồng, giảm so với cùng kỳ 3,5%.", "3,5", "-3.5"),
    ("Tổng thu ngân sách đạt 10.250 tỷ đồng, bằng so với cùng kỳ 95%.", "95", "-5"),
])
def test_written_percentages_become_catalogue_values(sentence, number, value):
    from decimal import Decimal

    [figure] = [f for f in extract(sentence, province=HOME) if sentence[f.start:f.end] == number]
    assert figure.value == Decimal(value)
