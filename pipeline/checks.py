"""Consistency checks: doubts are kept as flags on the figure, never silent drops."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from pipeline.figures import Figure
from pipeline.indicators import Indicator, indicator

_HUNDRED = Decimal(100)
_RATE_TOLERANCE = Decimal("0.6")


def _out_of_bounds(item: Indicator, value: Decimal) -> str | None:
    """The catalogue's bounds: a share above 100 %, a growth out of its band, a negative count."""
    if item.in_bounds(value):
        return None
    if item.kind == "rate" and item.max_value is not None and value > item.max_value:
        return f"rate_over_{item.max_value}"
    return "growth_out_of_band" if item.kind == "growth" else "out_of_bounds"


def _flags(f: Figure, by_key: dict[tuple, Figure], neighbours: list[Figure]) -> tuple[str, ...]:
    flags = list(f.flags)
    item = indicator(f.indicator)
    if bound := _out_of_bounds(item, f.value):
        flags.append(bound)
    if f.of_total is not None and item.kind != "rank" and f.value > f.of_total:
        flags.append("part_exceeds_total")
    if item.rate_of is not None:
        part = next((n for n in neighbours if n.indicator == item.rate_of and n.end <= f.start), None)
        total = part.of_total if part else None
        if part is not None and total is None:
            whole = next((n for n in neighbours if n.indicator == indicator(part.indicator).part_of), None)
            total = whole.value if whole else None
        if part is not None and total:
            stated = part.value * _HUNDRED / total
            if abs(stated - f.value) > _RATE_TOLERANCE:
                flags.append(f"rate_mismatch:{stated.quantize(Decimal('0.1'))}")
    if f.scope == "district" and item.additive:
        province = by_key.get((f.indicator, f.period_start, f.period_end))
        if province is not None and province.unit == f.unit and f.value > province.value:
            flags.append("district_exceeds_province")
    return tuple(dict.fromkeys(flags))


def check(figures: list[Figure]) -> list[Figure]:
    """Flag each figure against its neighbours in the same quote and the province's figures."""
    by_key = {(f.indicator, f.period_start, f.period_end): f for f in figures if f.scope == "province"}
    by_quote: dict[tuple[int, str], list[Figure]] = {}
    for f in figures:
        by_quote.setdefault((f.line, f.quote), []).append(f)
    out = []
    for f in figures:
        flags = _flags(f, by_key, by_quote[(f.line, f.quote)])
        out.append(replace(f, flags=flags) if flags != f.flags else f)
    return out
