"""The indicator catalogue (seeds/indicators.csv): codes, families, units, names."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parents[1] / "seeds" / "indicators.csv"


@dataclass(frozen=True, slots=True)
class Indicator:
    code: str
    family: str
    unit: str
    name_vi: str
    name_en: str
    example: str


@cache
def indicators() -> dict[str, Indicator]:
    with CATALOGUE.open(encoding="utf-8", newline="") as f:
        return {row["code"]: Indicator(row["code"], row["family"], row["unit"], row["name_vi"],
                                       row["name_en"], row["typical wording"]) for row in csv.DictReader(f)}


def indicator_unit(code: str) -> str:
    return indicators()[code].unit
