"""Consistency checks: doubts are kept as flags on the figure, never silent drops."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from pipeline.figures import Figure

_HUNDRED = Decimal(100)
# Rates that cannot exceed 100 %: shares and completion rates (a % of estimate can).
_SHARES = frozenset({"poverty_rate", "complaint_resolution_rate", "admin_on_time_rate"})
_GROWTH = frozenset({"grdp_growth", "grdp_per_capita_yoy_growth"})
_GROWTH_BAND = (Decimal(-30), Decimal(40))
_PARTS = {"complaint_resolution_rate": "complaints_resolved", "admin_on_time_rate": "admin_dossiers_on_time"}
_WHOLES = {"complaints_resolved": "complaints_in_jurisdiction", "admin_dossiers_on_time": "admin_dossiers_received"}
_RATE_TOLERANCE = Decimal("0.6")


def _flags(f: Figure, by_key: dict[tuple, Figure], neighbours: list[Figure]) -> tuple[str, ...]:
    flags = list(f.flags)
    if f.indicator in _SHARES and f.value > _HUNDRED:
        flags.append("rate_over_100")
    if f.indicator in _GROWTH and not (_GROWTH_BAND[0] <= f.value <= _GROWTH_BAND[1]):
        flags.append("growth_out_of_band")
    if f.of_total is not None and f.unit != "rank" and f.value > f.of_total:
        flags.append("part_exceeds_total")
    if f.indicator in _PARTS:
        part = next((n for n in neighbours if n.indicator == _PARTS[f.indicator] and n.end <= f.start), None)
        total = part.of_total if part else None
        if part is not None and total is None:
            whole = next((n for n in neighbours if n.indicator == _WHOLES[part.indicator]), None)
            total = whole.value if whole else None
        if part is not None and total:
            stated = part.value * _HUNDRED / total
            if abs(stated - f.value) > _RATE_TOLERANCE:
                flags.append(f"rate_mismatch:{stated.quantize(Decimal('0.1'))}")
    if f.scope == "district":
        province = by_key.get((f.indicator, f.period_start, f.period_end))
        if province is not None and f.unit not in ("percent", "rank", "VND_per_person", "VND_per_person_year") and f.value > province.value:
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
