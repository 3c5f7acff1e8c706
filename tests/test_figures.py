"""The figure record: its JSON contract and its identity."""
from dataclasses import replace
from datetime import date
from decimal import Decimal

from pipeline.figures import Figure

FIGURE = Figure(indicator="grdp_growth", value=Decimal("7.22"), unit="percent", start=10, end=14, line=3,
                quote="GRDP đạt 7,22%", rule="grdp.growth", province="Lạng Sơn", province_code="20",
                period_start=date(2022, 1, 1), period_end=date(2022, 12, 31), period_grain="year",
                of_total=None, document="seeds/002.txt")


def test_json_has_the_spec_keys_and_types():
    row = FIGURE.to_json()
    assert {"document", "indicator", "value", "unit", "province", "province_code", "scope", "locality",
            "period_start", "period_end", "status", "estimate", "basis", "of_total", "start", "end", "line",
            "quote", "rule"} <= set(row)
    assert row["value"] == 7.22 and row["period_start"] == "2022-01-01" and row["estimate"] is False


def test_whole_numbers_are_json_integers():
    assert replace(FIGURE, value=Decimal("20792000000000")).to_json()["value"] == 20792000000000
    assert isinstance(replace(FIGURE, of_total=Decimal(158)).to_json()["of_total"], int)


def test_identity_is_document_span_and_indicator_only():
    assert replace(FIGURE, value=Decimal("7.3"), quote="x", period_start=None).key == FIGURE.key
    assert replace(FIGURE, start=11).key != FIGURE.key
    assert replace(FIGURE, indicator="grdp_value").key != FIGURE.key
    assert replace(FIGURE, document="seeds/003.txt").key != FIGURE.key
