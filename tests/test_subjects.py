"""Whose figure: the province each number of a sentence is written with (pipeline.subjects)."""
from __future__ import annotations

import pytest

from pipeline.numbers import find_quantities
from pipeline.provinces import find_places
from pipeline.subjects import COUNTER_EXAMPLES, EXAMPLES, LIST_EXAMPLES, continued_list, subjects


def _subjects(sentence: str) -> dict[str, str]:
    places = [(p.start, p.end, p.province.name) for p in find_places(sentence) if p.kind == "province"]
    numbers = [(q.num_start, q.num_end, q.quantity.unit) for q in find_quantities(sentence)]
    found = subjects(sentence, places, numbers)
    written = {q.num_start: sentence[q.num_start:q.num_end] for q in find_quantities(sentence)}
    return {written[start]: name for start, name in found.items()}


@pytest.mark.parametrize("sentence, expected", EXAMPLES)
def test_each_value_goes_to_the_name_it_is_written_with(sentence, expected):
    got = _subjects(sentence)
    assert {k: got.get(k) for k in expected} == {k: v.replace("thành phố ", "") for k, v in expected.items()}


@pytest.mark.parametrize("sentence", COUNTER_EXAMPLES)
def test_no_value_is_written_with_a_province(sentence):
    assert _subjects(sentence) == {}


@pytest.mark.parametrize("sentence, number, names", LIST_EXAMPLES)
def test_a_list_of_units_continues_the_figure_before_it(sentence, number, names):
    quantity = next(q for q in find_quantities(sentence) if sentence[q.num_start:q.num_end] == number)
    items = continued_list(sentence, quantity.end)
    assert [name for name, *_ in items] == names
    for name, start, end, written, _ in items:
        assert written.startswith(sentence[start:end])
