"""The period precedence, run over its examples (pipeline.dating.EXAMPLES)."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.dating import EXAMPLES, document_periods, figure_period
from pipeline.frame import document_frame
from pipeline.segments import paragraphs, sentences


def _dated(marked: str, published: date | None, title: str | None):
    at = marked.index("«")
    text = marked.replace("«", "").replace("»", "")
    frame = document_frame(text, title=title, published=published)
    periods = document_periods(text, frame.reference)
    sentence = next(s for s in sentences(text) if s.start <= at < s.end)
    paragraph = next(p for p in paragraphs(text) if p.start <= at < p.end)
    return figure_period(text, periods, frame, at=at, sentence=(sentence.start, sentence.end),
                         paragraph=(paragraph.start, paragraph.end))


@pytest.mark.parametrize("marked, published, title, expected, step", EXAMPLES)
def test_period_precedence(marked, published, title, expected, step):
    dated = _dated(marked, published, title)
    got = (dated.period.start.isoformat(), dated.period.end.isoformat()) if dated.period else None
    assert (got, dated.source) == (expected, step)


def test_a_stock_is_counted_on_the_period_end_or_today():
    text = "Năm 2022, toàn tỉnh hiện có 4.883 đảng viên."
    frame = document_frame(text, published=date(2023, 2, 1))
    periods = document_periods(text, frame.reference)
    dated = figure_period(text, periods, frame, at=text.index("4.883"), sentence=(0, len(text)),
                          paragraph=(0, len(text)), stock=True)
    assert dated.period.start == dated.period.end == date(2023, 2, 1)


def test_only_an_n_folds_to_the_start_of_nhiem_ky():
    """Periods.of tries its `nhiệm kỳ` regex only where the text has an n or N: no other
    character's case folding starts with n."""
    assert {chr(c) for c in range(0x110000) if chr(c).casefold().startswith("n")} == {"n", "N"}
