"""The series chart's geometry: values to pixels, kinds of points, axis labels."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pipeline.review.chart import HEIGHT, chart, compact
from pipeline.review.store import FigureRecord, Point


def _point(figure_id: int, value: str, year: int, *, state="unreviewed", chosen=False,
           conflict=False) -> Point:
    figure = FigureRecord(
        id=figure_id, key=str(figure_id), document_id=1, document_path="a.txt",
        indicator="grdp_growth", value=Decimal(value), unit="percent", province="Lạng Sơn",
        province_code="20", province_era="2008", scope="province", locality=None,
        period_start=date(year, 1, 1), period_end=date(year, 12, 31), period_grain="year",
        status="actual", estimate=False, basis=None, of_total=None, bound=None, flags=(),
        start=0, end=3, line=1, quote="", rule="r", state=state)
    return Point(figure, chosen, conflict)


def test_a_slipped_decimal_comma_stands_far_off_the_line():
    drawn = chart([_point(1, "6.5", 2021, chosen=True), _point(2, "7.1", 2022, chosen=True),
                   _point(3, "71", 2022, conflict=True)], "percent")
    by_id = {d.figure_id: d for d in drawn.dots}
    assert by_id[3].y < by_id[2].y - 100  # higher on screen by far
    assert abs(by_id[1].y - by_id[2].y) < 10
    assert by_id[2].x == by_id[3].x > by_id[1].x
    assert drawn.line.count(",") == 2
    assert [t.label for t in drawn.x_ticks] == ["2021", "2022", "2023"]


@pytest.mark.parametrize("point, kind", [
    (_point(1, "7", 2022, chosen=True), "chosen"),
    (_point(1, "7", 2022), "other"),
    (_point(1, "7", 2022, conflict=True, chosen=True), "conflict"),
    (_point(1, "7", 2022, state="rejected", conflict=True), "rejected"),
    (_point(1, "7", 2022, state="needs re-review"), "stale"),
    (_point(1, "7", 2022, state="corrected"), "corrected"),
])
def test_each_point_says_what_it_is(point, kind):
    assert chart([point], "percent").dots[0].kind == kind


def test_every_point_lies_inside_the_plot():
    drawn = chart([_point(i, str(v), 2015 + i) for i, v in enumerate([-3, 0, 12.5, 40])],
                  "percent")
    left, top, right, bottom = drawn.plot
    assert all(left <= d.x <= right and top <= d.y <= bottom <= HEIGHT for d in drawn.dots)


@pytest.mark.parametrize("value, unit, text", [
    (Decimal("7500000000000"), "VND", "7,500 tỷ"),
    (Decimal("45000000"), "VND_per_person", "45 triệu"),
    (Decimal("7.1"), "percent", "7.1"),
    (Decimal("4883"), "count", "4,883"),
])
def test_compact_values(value, unit, text):
    assert compact(value, unit) == text


def test_no_points_no_chart():
    assert chart([], "percent") is None
