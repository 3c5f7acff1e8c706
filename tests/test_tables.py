"""Report tables: rows, their units and the year and kind of each column (pipeline.tables)."""
from __future__ import annotations

import pytest

from pipeline.tables import COUNTER_EXAMPLES, EXAMPLES, find_rows


@pytest.mark.parametrize("text, expected", EXAMPLES)
def test_rows_and_columns(text, expected):
    rows = find_rows(text)
    assert len(rows) == len(expected)
    for row, (label, unit, cells) in zip(rows, expected):
        assert row.label.startswith(label) and text[row.label_start:].startswith(row.label)
        assert row.unit == unit
        assert [(text[c.start:c.end], c.column.year, c.column.planned, c.column.estimate) for c in row.cells] == cells


@pytest.mark.parametrize("text", COUNTER_EXAMPLES)
def test_text_that_is_not_a_table(text):
    assert find_rows(text) == []
