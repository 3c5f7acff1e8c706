"""The records that cross module boundaries: a figure and its grounding."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

UNITS = ("VND", "percent", "count", "visits", "rank", "VND_per_person", "VND_per_person_year", "USD",
         "USD_per_person")
STATUSES = ("actual", "planned")
SCOPES = ("province", "district", "organization", "level")


@dataclass(frozen=True, slots=True)
class Figure:
    """One catalogue figure, grounded to the exact characters it was read from.

    `start`/`end` are code-point offsets of the number in the stored document text, so an
    auditor can check `text[start:end]`; `quote` is the whole source sentence.
    """

    indicator: str
    value: Decimal
    unit: str
    start: int
    end: int
    line: int
    quote: str
    rule: str
    province: str | None = None
    province_code: str | None = None
    province_era: str | None = None  # "2008" or "2025": codes were reused across the 2025 merger
    scope: str = "province"
    locality: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    period_grain: str | None = None
    status: str = "actual"
    estimate: bool = False
    basis: str | None = None
    of_total: Decimal | None = None
    bound: str | None = None
    flags: tuple[str, ...] = ()
    document: str | None = None

    @property
    def key(self) -> str:
        """Stable identity across reruns: document + span + indicator."""
        raw = f"{self.document}\x1f{self.start}\x1f{self.end}\x1f{self.indicator}"
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]

    def to_json(self) -> dict:
        """The spec's figure format (values as JSON numbers, dates as ISO strings)."""
        def num(d: Decimal | None):
            if d is None:
                return None
            return int(d) if d == d.to_integral_value() else float(d)

        return {
            "document": self.document,
            "indicator": self.indicator,
            "value": num(self.value),
            "unit": self.unit,
            "province": self.province,
            "province_code": self.province_code,
            "province_era": self.province_era,
            "scope": self.scope,
            "locality": self.locality,
            "period_start": self.period_start.isoformat() if self.period_start else None,
            "period_end": self.period_end.isoformat() if self.period_end else None,
            "period_grain": self.period_grain,
            "status": self.status,
            "estimate": self.estimate,
            "basis": self.basis,
            "of_total": num(self.of_total),
            "bound": self.bound,
            "flags": list(self.flags),
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "quote": self.quote,
            "rule": self.rule,
        }
