"""The indicator catalogue (seeds/indicators.csv): what each indicator is, in one place.

Every module that needs to know whether an indicator is a stock, a part of a total, a rank
of another indicator, a rate capped at 100 or a headline asks here rather than keeping its
own list of codes; adding an indicator is one line of the CSV.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parents[1] / "seeds" / "indicators.csv"

KINDS = ("amount", "rate", "growth", "rank", "stock", "count", "per_capita")
"""amount: money summed over a period (VND); rate: a percentage of something (a share, a
percent of the estimate); growth: a percentage change; rank: a place among provinces;
stock: a count on a day (members, organisations); count: things counted over a period;
per_capita: money per person."""

# Dollars per person have one unit, per year or not (`3.400 USD/người`, `USD/người/năm`).
_IN_USD = {"VND": "USD", "VND_per_person": "USD_per_person", "VND_per_person_year": "USD_per_person"}


class CatalogueError(ValueError):
    """A row of the catalogue that does not make sense; the message names file and line."""


@dataclass(frozen=True, slots=True)
class Indicator:
    """One catalogue row.

    `part_of` names the indicator this one is a part of (resolved complaints of those in
    jurisdiction); `rank_of` the indicator this one ranks; `rate_of` the part whose share of
    its total this rate is. `of_total` says a denominator written with the number
    (`149/158`, `16/20 cuộc`, `31/63 tỉnh`) is the figure's total. `min_value`/`max_value`
    bound a plausible value in the catalogue's unit (None: unbounded); `headline` marks the
    columns of the `province_year_headlines` view; `additive` says figures of several
    provinces (or districts) can be summed: amounts and counts, never rates, growth, ranks
    or per-capita values.
    """

    code: str
    family: str
    unit: str
    name_vi: str
    name_en: str
    example: str
    kind: str
    part_of: str | None = None
    rank_of: str | None = None
    rate_of: str | None = None
    of_total: bool = False
    min_value: Decimal | None = None
    max_value: Decimal | None = None
    headline: bool = False
    additive: bool = False

    def in_bounds(self, value: Decimal) -> bool:
        return ((self.min_value is None or value >= self.min_value)
                and (self.max_value is None or value <= self.max_value))


def _flag(text: str, where: str) -> bool:
    if text not in ("true", "false"):
        raise CatalogueError(f"{where}: expected true or false, got {text!r}")
    return text == "true"


def _bound(text: str, where: str) -> Decimal | None:
    if not text:
        return None
    try:
        return Decimal(text)
    except ArithmeticError:
        raise CatalogueError(f"{where}: not a number: {text!r}") from None


def _row(row: dict[str, str], where: str) -> Indicator:
    if row["kind"] not in KINDS:
        raise CatalogueError(f"{where}: kind {row['kind']!r} is not one of {', '.join(KINDS)}")
    return Indicator(
        code=row["code"], family=row["family"], unit=row["unit"], name_vi=row["name_vi"],
        name_en=row["name_en"], example=row["typical wording"], kind=row["kind"],
        part_of=row["part_of"] or None, rank_of=row["rank_of"] or None, rate_of=row["rate_of"] or None,
        of_total=_flag(row["of_total"], f"{where}, of_total"),
        min_value=_bound(row["min_value"], f"{where}, min_value"),
        max_value=_bound(row["max_value"], f"{where}, max_value"),
        headline=_flag(row["headline"], f"{where}, headline"),
        additive=_flag(row["additive"], f"{where}, additive"),
    )


def read_catalogue(path: Path) -> dict[str, Indicator]:
    """Read and check a catalogue file: every reference names a row of the same file."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = {}
        for row in reader:
            where = f"{path}:{reader.line_num}"
            if None in row or None in row.values():
                raise CatalogueError(f"{where}: expected {len(reader.fieldnames or ())} fields")
            rows[row["code"]] = (_row(row, where), where)
    for item, where in rows.values():
        for field in ("part_of", "rank_of", "rate_of"):
            target = getattr(item, field)
            if target is not None and target not in rows:
                raise CatalogueError(f"{where}: {field} names {target!r}, which is not in the catalogue")
    return {code: item for code, (item, _) in rows.items()}


@cache
def catalogue() -> dict[str, Indicator]:
    """Every indicator of seeds/indicators.csv by code."""
    return read_catalogue(CATALOGUE)


def indicators() -> dict[str, Indicator]:
    """The catalogue by code (the name older callers use)."""
    return catalogue()


def indicator(code: str) -> Indicator:
    """The catalogue row of `code`; KeyError names a code the catalogue does not have."""
    try:
        return catalogue()[code]
    except KeyError:
        raise KeyError(f"indicator {code!r} is not in the catalogue {CATALOGUE}") from None


def indicator_unit(code: str, written_in: str | None = None) -> str:
    """The unit a figure of `code` is stored in. Money stays in the currency it is written in:
    pass the quantity's unit (`numbers.Quantity.unit`), and `grdp_per_capita` read from
    `3.400 USD` is `USD_per_person`; any other unit leaves the catalogue's."""
    unit = indicator(code).unit
    if written_in != "USD":
        return unit
    if unit not in _IN_USD:
        raise ValueError(f"{code} is measured in {unit}, not money: it has no value in USD")
    return _IN_USD[unit]


def is_part_of_total(code: str) -> bool:
    """A number written over a denominator (`149/158 đơn`, `thứ 31/63`) keeps it as of_total."""
    return indicator(code).of_total


def is_stock(code: str) -> bool:
    """Counted on a day (`hiện có 58 tổ chức`), not over a period."""
    return indicator(code).kind == "stock"


def ranked(code: str) -> str | None:
    """The indicator `code` is a rank of (grdp_growth_rank -> grdp_growth), else None."""
    return indicator(code).rank_of


def total_of(code: str) -> str | None:
    """The indicator `code` is a part of (complaints_resolved -> complaints_in_jurisdiction), else None."""
    return indicator(code).part_of


def rate_part(code: str) -> str | None:
    """The part whose share of its total the rate `code` is (complaint_resolution_rate -> complaints_resolved)."""
    return indicator(code).rate_of


def headlines() -> tuple[str, ...]:
    """The headline indicators, in catalogue order: one column each in province_year_headlines."""
    return tuple(code for code, item in catalogue().items() if item.headline)
