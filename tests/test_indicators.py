"""The catalogue: what each indicator is, read from seeds/indicators.csv and checked."""
from __future__ import annotations

import csv
from decimal import Decimal

import pytest

from pipeline.figures import UNITS
from pipeline.indicators import (CATALOGUE, KINDS, CatalogueError, catalogue, headlines, indicator,
                                 indicator_unit, is_part_of_total, is_stock, ranked, rate_part,
                                 read_catalogue, total_of)

SPEC = CATALOGUE.parents[2] / "shared" / "spec" / "indicators.csv"


@pytest.mark.parametrize(("code", "kind", "additive"), [
    ("budget_revenue_total", "amount", True),
    ("recovery_recommended", "amount", True),
    ("budget_revenue_total_pct_of_estimate", "rate", False),
    ("poverty_rate", "rate", False),
    ("budget_revenue_domestic_yoy_growth", "growth", False),
    ("grdp_growth", "growth", False),
    ("grdp_growth_rank", "rank", False),
    ("grdp_per_capita", "per_capita", False),
    ("income_per_capita", "per_capita", False),
    ("party_members", "stock", True),
    ("party_organizations", "stock", True),
    ("party_resolutions_issued", "count", True),
    ("citizens_received", "count", True),
])
def test_kind_and_additivity(code, kind, additive):
    assert (indicator(code).kind, indicator(code).additive) == (kind, additive)


@pytest.mark.parametrize(("code", "part_of_total", "total", "rank_of", "stock"), [
    ("complaints_resolved", True, "complaints_in_jurisdiction", None, False),
    ("admin_dossiers_on_time", True, "admin_dossiers_received", None, False),
    ("inspections_completed", True, None, None, False),
    ("grdp_growth_rank", True, None, "grdp_growth", False),
    ("grdp_growth_rank_region", True, None, "grdp_growth", False),
    ("party_members_admitted", False, None, None, False),
    ("party_members", False, None, None, True),
    ("complaints_in_jurisdiction", False, None, None, False),
])
def test_helpers_for_extraction(code, part_of_total, total, rank_of, stock):
    assert (is_part_of_total(code), total_of(code), ranked(code), is_stock(code)) == (
        part_of_total, total, rank_of, stock)


@pytest.mark.parametrize(("code", "value", "inside"), [
    ("poverty_rate", Decimal("49.72"), True),
    ("poverty_rate", Decimal("100.1"), False),
    ("poverty_rate", Decimal("-1"), False),
    ("budget_revenue_total_pct_of_estimate", Decimal("262"), True),
    ("grdp_growth", Decimal("-29"), True),
    ("grdp_growth", Decimal("72.5"), False),
    ("budget_revenue_total_yoy_growth", Decimal("174"), True),
    ("grdp_growth_rank", Decimal("0"), False),
    ("grdp_growth_rank", Decimal("63"), True),
    ("party_members", Decimal("-3"), False),
])
def test_bounds(code, value, inside):
    assert indicator(code).in_bounds(value) is inside


@pytest.mark.parametrize(("code", "written_in", "unit"), [
    ("grdp_per_capita", None, "VND_per_person"),
    ("grdp_per_capita", "VND", "VND_per_person"),
    ("grdp_per_capita", "USD", "USD_per_person"),
    ("income_per_capita", "USD", "USD_per_person"),
    ("grdp_value", "USD", "USD"),
    ("poverty_rate", "percent", "percent"),
    ("party_members", "count", "count"),
    ("grdp_growth_rank", "rank", "rank"),
])
def test_unit_follows_the_currency_money_is_written_in(code, written_in, unit):
    assert indicator_unit(code, written_in) == unit


@pytest.mark.parametrize("code", ["poverty_rate", "party_members"])
def test_no_dollar_unit_for_what_is_not_money(code):
    with pytest.raises(ValueError, match=f"{code} is measured in"):
        indicator_unit(code, "USD")


@pytest.mark.parametrize(("code", "part"), [
    ("complaint_resolution_rate", "complaints_resolved"),
    ("admin_on_time_rate", "admin_dossiers_on_time"),
    ("poverty_rate", None),
])
def test_the_part_a_rate_is_the_share_of(code, part):
    assert rate_part(code) == part


def test_unknown_code_is_named():
    with pytest.raises(KeyError, match="no_such_code"):
        indicator("no_such_code")


def test_the_eight_headlines():
    assert set(headlines()) == {"grdp_growth", "grdp_value", "grdp_per_capita", "budget_revenue_total",
                                "budget_revenue_domestic", "budget_expenditure_local", "income_per_capita",
                                "poverty_rate"}


@pytest.mark.parametrize("code", sorted(catalogue()))
def test_every_row_is_coherent(code):
    item = catalogue()[code]
    assert item.kind in KINDS and item.unit in UNITS
    assert not item.additive or item.kind in ("amount", "count", "stock")
    assert item.rank_of is None or item.kind == "rank"
    assert item.part_of is None or (item.of_total and catalogue()[item.part_of].unit == item.unit)
    assert item.rate_of is None or (item.kind == "rate" and catalogue()[item.rate_of].part_of is not None)
    assert item.min_value is None or item.max_value is None or item.min_value < item.max_value


def test_the_spec_codes_keep_their_names():
    if not SPEC.exists():
        pytest.skip(f"spec catalogue absent: {SPEC}")
    with SPEC.open(encoding="utf-8", newline="") as f:
        spec = {row["code"]: row["unit"] for row in csv.DictReader(f)}
    assert {code: catalogue()[code].unit for code in spec} == spec


@pytest.mark.parametrize(("edit", "message"), [
    (lambda row: {**row, "kind": "ratio"}, "kind 'ratio'"),
    (lambda row: {**row, "additive": "yes"}, "additive: expected true or false"),
    (lambda row: {**row, "min_value": "zero"}, "min_value: not a number"),
    (lambda row: {**row, "part_of": "nowhere"}, "part_of names 'nowhere'"),
])
def test_a_bad_row_is_named_by_file_and_line(tmp_path, edit, message):
    with CATALOGUE.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows, fields = list(reader), reader.fieldnames
    rows[2] = edit(rows[2])
    path = tmp_path / "indicators.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(CatalogueError, match=f"indicators.csv:4.*{message}"):
        read_catalogue(path)
