"""A series as an inline SVG chart, computed on the server: no chart library, no script.

Points sit in the middle of their period, on a band per calendar year; the line joins the values chosen_values reports, so
a point far off the line (a decimal comma read as a thousands mark, a wrong year) stands out.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pipeline.review.store import Point

WIDTH, HEIGHT = 760, 320
LEFT, RIGHT, TOP, BOTTOM = 92, 20, 16, 40


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    figure_id: int
    kind: str  # chosen, other, conflict, rejected, corrected, stale
    label: str


@dataclass(frozen=True)
class Tick:
    at: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    dots: list[Dot]
    line: str
    y_ticks: list[Tick]
    x_ticks: list[Tick]
    plot: tuple[int, int, int, int]  # left, top, right, bottom


def compact(value: Decimal | float, unit: str | None) -> str:
    """A value as an axis or tooltip shows it: money in tỷ (10^9) or triệu (10^6)."""
    v = float(value)
    if unit and unit.startswith("VND"):
        if abs(v) >= 1e9:
            return f"{v / 1e9:,.6g} tỷ"
        if abs(v) >= 1e6:
            return f"{v / 1e6:,.6g} triệu"
    return f"{v:,.6g}"


def _nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    if low == high:
        low, high = low - 1, high + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    return [first + i * step for i in range(count + 3) if first + i * step <= high + step * 0.999]


def _kind(point: Point) -> str:
    state = point.figure.state
    if state == "rejected":
        return "rejected"
    if state == "needs re-review":
        return "stale"
    if state == "corrected":
        return "corrected"
    if point.conflict:
        return "conflict"
    return "chosen" if point.chosen else "other"


def _shown_value(point: Point) -> Decimal:
    verdict = point.figure.verdict
    if point.figure.state == "corrected" and verdict and verdict.corrected_value is not None:
        return verdict.corrected_value
    return point.figure.value


def chart(points: list[Point], unit: str | None) -> Chart | None:
    if not points:
        return None
    right, bottom = WIDTH - RIGHT, HEIGHT - BOTTOM
    days = [(p.figure.period_start.toordinal() + p.figure.period_end.toordinal()) // 2
            if p.figure.period_start else p.figure.period_end.toordinal() for p in points]
    values = [float(_shown_value(p)) for p in points]
    ticks = _nice_ticks(min(values), max(values))
    low, high = ticks[0], ticks[-1]
    first_year = min(date.fromordinal(d).year for d in days)
    last_year = max(date.fromordinal(d).year for d in days)
    first, last = date(first_year, 1, 1).toordinal(), date(last_year + 1, 1, 1).toordinal()

    def x(day: int) -> float:
        return round(LEFT + (day - first) / (last - first) * (right - LEFT), 1)

    def y(value: float) -> float:
        return round(bottom - (value - low) / (high - low) * (bottom - TOP), 1)

    dots = []
    for point, day, value in zip(points, days, values):
        f = point.figure
        label = (f"{compact(value, unit)} · {f.period} · {f.status}"
                 f"{' · estimate' if f.estimate else ''} · {f.state} · {f.document_path}")
        dots.append(Dot(x(day), y(value), f.id, _kind(point), label))
    chosen = sorted((day, value) for point, day, value in zip(points, days, values)
                    if point.chosen)
    line = " ".join(f"{x(d)},{y(v)}" for d, v in chosen)
    x_ticks = [Tick(x(date(year, 1, 1).toordinal()), str(year))
               for year in range(first_year, last_year + 2)]
    y_ticks = [Tick(y(t), compact(t, unit)) for t in ticks]
    return Chart(WIDTH, HEIGHT, dots, line, y_ticks, x_ticks, (LEFT, TOP, right, bottom))
