"""The BI views: the chosen value per key, the conflicts, the wide headline table."""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

from pipeline.db.load import load
from pipeline.documents import Document
from pipeline.figures import Figure

CODES = {"Lạng Sơn": "20", "Quảng Nam": "49", "Điện Biên": "11"}
YEAR_2022 = (date(2022, 1, 1), date(2022, 12, 31))


def _publish(engine: sa.Engine, reports: list[dict]) -> None:
    """Load each report as a one-sentence document carrying one figure."""
    docs, figures = [], {}
    for n, report in enumerate(reports):
        value = report["value"]
        text = f"Theo báo cáo, chỉ tiêu đạt {value.replace('.', ',')} trong kỳ."
        doc = Document(f"doc{n:02d}.txt", text, published=report.get("published"))
        start = text.index(value.replace(".", ","))
        period = report.get("period", YEAR_2022)
        figures[doc.path] = [Figure(
            indicator=report.get("indicator", "grdp_growth"), value=Decimal(value),
            unit=report.get("unit", "percent"), start=start, end=start + len(value), line=1,
            quote=text, rule="test", province=report["province"],
            province_code=CODES[report["province"]], scope=report.get("scope", "province"),
            locality=report.get("locality"), period_start=period[0], period_end=period[1],
            status=report.get("status", "actual"), estimate=report.get("estimate", False),
            document=doc.path)]
        docs.append(doc)
    load(engine, docs, extract=lambda doc: figures[doc.path], rules_version="r1")


def _rows(engine: sa.Engine, sql: str) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(Decimal(str(v)) if isinstance(v, float) else v for v in row)
                for row in conn.execute(sa.text(sql))]


@pytest.mark.parametrize("competitors, chosen, disagreeing", [
    pytest.param([("7.1", "actual", False, date(2023, 1, 10)),
                  ("8.0", "planned", False, date(2023, 3, 1))], "7.1", set(),
                 id="actual beats a later plan; a plan is no conflict"),
    pytest.param([("7.0", "actual", True, date(2023, 3, 1)),
                  ("7.2", "actual", False, date(2023, 1, 5))], "7.2", {"7.0", "7.2"},
                 id="a final figure beats a later estimate"),
    pytest.param([("7.2", "actual", False, date(2023, 1, 5)),
                  ("7.4", "actual", False, date(2023, 6, 1))], "7.4", {"7.2", "7.4"},
                 id="a later publication beats an earlier one"),
    pytest.param([("7.1", "actual", False, None),
                  ("7.3", "actual", False, date(2023, 1, 5))], "7.3", {"7.1", "7.3"},
                 id="a dated publication beats an undated one"),
    pytest.param([("7.1", "actual", False, date(2023, 1, 5)),
                  ("7.1", "actual", False, date(2023, 2, 5))], "7.1", set(),
                 id="agreeing sources are no conflict"),
])
def test_chosen_value_and_conflicts(db_engine, competitors, chosen, disagreeing):
    _publish(db_engine, [{"province": "Lạng Sơn", "value": value, "status": status,
                          "estimate": estimate, "published": published}
                         for value, status, estimate, published in competitors])
    rows = _rows(db_engine, "SELECT value, candidates FROM chosen_values")
    assert rows == [(Decimal(chosen), len(competitors))]
    conflicts = _rows(db_engine, "SELECT value, is_chosen FROM value_conflicts")
    assert {value for value, _ in conflicts} == {Decimal(v) for v in disagreeing}
    assert all(bool(is_chosen) == (value == Decimal(chosen)) for value, is_chosen in conflicts)


def test_grdp_growth_of_every_province_in_2022_in_one_select(db_engine):
    _publish(db_engine, [
        {"province": "Lạng Sơn", "value": "7.1"},
        {"province": "Quảng Nam", "value": "8.0"},
        {"province": "Quảng Nam", "value": "8.5", "status": "planned"},
        {"province": "Điện Biên", "value": "6.5"},
        {"province": "Điện Biên", "value": "9.0", "scope": "district", "locality": "Tuần Giáo"},
        {"province": "Lạng Sơn", "value": "5.4", "period": (date(2022, 1, 1), date(2022, 6, 30))},
        {"province": "Lạng Sơn", "value": "6.0", "period": (date(2021, 1, 1), date(2021, 12, 31))},
        {"province": "Lạng Sơn", "value": "6140", "indicator": "grdp_value", "unit": "VND"},
    ])
    expected = [("Lạng Sơn", Decimal("7.1")), ("Quảng Nam", Decimal("8.0")),
                ("Điện Biên", Decimal("6.5"))]
    assert sorted(_rows(db_engine, """
        SELECT province, value FROM chosen_values
        WHERE indicator = 'grdp_growth' AND scope = 'province' AND calendar_year = 2022
    """)) == sorted(expected)
    assert sorted(_rows(db_engine, """
        SELECT province, grdp_growth FROM province_year_headlines WHERE year = 2022
    """)) == sorted(expected)


def test_headlines_put_each_indicator_in_its_column(db_engine):
    _publish(db_engine, [
        {"province": "Lạng Sơn", "value": "7.1"},
        {"province": "Lạng Sơn", "value": "6140", "indicator": "grdp_value", "unit": "VND"},
        {"province": "Lạng Sơn", "value": "5.2", "indicator": "poverty_rate"},
        {"province": "Lạng Sơn", "value": "6.0", "period": (date(2021, 1, 1), date(2021, 12, 31))},
    ])
    rows = _rows(db_engine, "SELECT year, grdp_growth, grdp_value, poverty_rate, "
                            "budget_revenue_total FROM province_year_headlines ORDER BY year")
    assert rows == [(2021, Decimal("6.0"), None, None, None),
                    (2022, Decimal("7.1"), Decimal("6140"), Decimal("5.2"), None)]


def test_a_figure_without_a_period_is_published_but_not_chosen(db_engine):
    _publish(db_engine, [{"province": "Lạng Sơn", "value": "7.1", "period": (None, None)}])
    assert _rows(db_engine, "SELECT count(*) FROM published_figures") == [(1,)]
    assert _rows(db_engine, "SELECT count(*) FROM chosen_values") == [(0,)]


@pytest.mark.parametrize("start, end, year", [
    (date(2022, 1, 1), date(2022, 12, 31), 2022),
    (date(2024, 1, 1), date(2024, 12, 31), 2024),   # leap year
    (date(2022, 1, 1), date(2022, 9, 30), None),    # nine months
    (date(2020, 1, 1), date(2025, 12, 31), None),   # a term
    (date(2022, 4, 1), date(2023, 3, 31), None),    # a year, not a calendar year
])
def test_calendar_year(db_engine, start, end, year):
    _publish(db_engine, [{"province": "Lạng Sơn", "value": "7.1", "period": (start, end)}])
    assert _rows(db_engine, "SELECT calendar_year FROM published_figures") == [(year,)]


# --- the roll-up to the 34 era-2025 units ----------------------------------------------

# (code, era, name) of the units used below: Phú Thọ (era 2025) was formed from Hòa Bình,
# Phú Thọ and Vĩnh Phúc; Lạng Sơn continues a single predecessor.
UNITS = {"Hòa Bình": ("17", "2008"), "Phú Thọ": ("25", "2008"), "Vĩnh Phúc": ("26", "2008"),
         "Phú Thọ (mới)": ("25", "2025"), "Lạng Sơn": ("20", "2008"), "Lạng Sơn (mới)": ("20", "2025"),
         "Yên Bái": ("15", "2008")}
YEAR = {year: (date(year, 1, 1), date(year, 12, 31)) for year in (2023, 2024, 2025)}
BILLION = 10**9


def _publish_units(engine: sa.Engine, reports: list[tuple[str, str, int, str]]) -> None:
    """(unit, indicator, year, value) -> one document a figure, filed under that unit's era."""
    docs, figures = [], {}
    for n, (unit, indicator, year, value) in enumerate(reports):
        code, era = UNITS[unit]
        text = f"Theo báo cáo, chỉ tiêu đạt {value} trong kỳ."
        doc = Document(f"unit{n:02d}.txt", text, published=date(year + 1, 1, 20))
        start = text.index(value)
        figures[doc.path] = [Figure(
            indicator=indicator, value=Decimal(value), unit="percent" if "growth" in indicator else "VND",
            start=start, end=start + len(value), line=1, quote=text, rule="test",
            province=unit.removesuffix(" (mới)"), province_code=code, province_era=era,
            period_start=YEAR[year][0], period_end=YEAR[year][1], document=doc.path)]
        docs.append(doc)
    load(engine, docs, extract=lambda doc: figures[doc.path], rules_version="r1")


ROLL_UP_CORPUS = [
    ("Phú Thọ", "budget_revenue_total", 2024, "10000"),
    ("Vĩnh Phúc", "budget_revenue_total", 2024, "35000"),
    ("Hòa Bình", "budget_revenue_total", 2024, "5000"),
    ("Phú Thọ (mới)", "budget_revenue_total", 2025, "52000"),
    ("Phú Thọ", "budget_revenue_total", 2023, "9000"),          # Vĩnh Phúc, Hòa Bình missing
    ("Vĩnh Phúc", "budget_revenue_total", 2023, "33000"),
    ("Phú Thọ", "grdp_growth", 2024, "7"),                      # growth: never summed
    ("Vĩnh Phúc", "grdp_growth", 2024, "6"),
    ("Hòa Bình", "grdp_growth", 2024, "8"),
    ("Lạng Sơn", "grdp_growth", 2024, "5"),                     # one predecessor: carried over
    ("Lạng Sơn (mới)", "grdp_growth", 2025, "6"),
]


def test_the_roll_up_equals_a_hand_sum(db_engine):
    _publish_units(db_engine, ROLL_UP_CORPUS)
    rows = _rows(db_engine, """
        SELECT province, province_code, indicator, calendar_year, value, complete, source, parts,
               parts_count, predecessors_count
        FROM province_2025_values ORDER BY province_code, indicator, calendar_year""")
    rows = [(*row[:5], bool(row[5]), *row[6:]) for row in rows]
    assert rows == [
        ("Lạng Sơn", "20", "grdp_growth", 2024, Decimal("5"), True, "predecessor", "Lạng Sơn", 1, 1),
        ("Lạng Sơn", "20", "grdp_growth", 2025, Decimal("6"), True, "reported", "Lạng Sơn", 1, 1),
        ("Phú Thọ", "25", "budget_revenue_total", 2023, None, False, "sum", "Phú Thọ, Vĩnh Phúc", 2, 3),
        ("Phú Thọ", "25", "budget_revenue_total", 2024, Decimal(10000 + 35000 + 5000), True, "sum",
         "Hòa Bình, Phú Thọ, Vĩnh Phúc", 3, 3),
        ("Phú Thọ", "25", "budget_revenue_total", 2025, Decimal("52000"), True, "reported", "Phú Thọ", 1, 3),
    ]


def test_the_headlines_of_the_2025_units(db_engine):
    _publish_units(db_engine, ROLL_UP_CORPUS)
    rows = _rows(db_engine, "SELECT province, year, budget_revenue_total, grdp_growth "
                            "FROM province_year_headlines_2025 ORDER BY province_code, year")
    assert rows == [("Lạng Sơn", 2024, None, Decimal("5")), ("Lạng Sơn", 2025, None, Decimal("6")),
                    ("Phú Thọ", 2023, None, None), ("Phú Thọ", 2024, Decimal("50000"), None),
                    ("Phú Thọ", 2025, Decimal("52000"), None)]


def _readme_query() -> str:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    (query,) = re.findall(r"```sql\n(-- Phú Thọ's 2025 budget.*?)```", readme, re.S)
    return query


def test_the_readme_compares_phu_tho_2025_with_its_three_old_units(db_engine):
    _publish_units(db_engine, ROLL_UP_CORPUS)
    rows = _rows(db_engine, _readme_query())
    assert [(year, value, bool(complete), parts) for year, value, complete, _, parts in rows] == [
        (2024, Decimal("50000"), True, "Hòa Bình, Phú Thọ, Vĩnh Phúc"),
        (2025, Decimal("52000"), True, "Phú Thọ")]


def test_a_figure_about_an_old_unit_stays_in_its_era(db_engine):
    """Yên Bái (15, era 2008) after the merger is not Lào Cai (15, era 2025)."""
    _publish_units(db_engine, [("Yên Bái", "budget_revenue_total", 2025, "3000")])
    assert _rows(db_engine, "SELECT p.name, f.province_era, p.successor_code FROM figures f "
                            "JOIN provinces p ON p.code = f.province_code AND p.era = f.province_era"
                            ) == [("Yên Bái", "2008", "15")]
    rows = _rows(db_engine, "SELECT province, value, complete, parts FROM province_2025_values")
    assert [(name, value, bool(complete), parts) for name, value, complete, parts in rows] == [
        ("Lào Cai", None, False, "Yên Bái")]


def test_old_and_new_units_of_one_name_do_not_compete(db_engine):
    """Old and new Phú Thọ share code 25: chosen_values and the headlines keep them apart by era."""
    _publish_units(db_engine, [("Phú Thọ", "budget_revenue_total", 2025, "4000"),
                               ("Phú Thọ (mới)", "budget_revenue_total", 2025, "9000")])
    rows = _rows(db_engine, "SELECT province_era, value FROM chosen_values "
                            "WHERE province = 'Phú Thọ' ORDER BY province_era")
    assert [(era, int(value)) for era, value in rows] == [("2008", 4000), ("2025", 9000)]
    headlines = _rows(db_engine, "SELECT province_era, budget_revenue_total FROM province_year_headlines "
                                 "WHERE province = 'Phú Thọ' ORDER BY province_era")
    assert [(era, int(value)) for era, value in headlines] == [("2008", 4000), ("2025", 9000)]


def test_a_value_in_dollars_does_not_compete_with_one_in_dong(db_engine):
    _publish(db_engine, [
        {"province": "Lạng Sơn", "indicator": "grdp_per_capita", "unit": "VND_per_person", "value": "70200000"},
        {"province": "Lạng Sơn", "indicator": "grdp_per_capita", "unit": "USD_per_person", "value": "2873"},
    ])
    rows = _rows(db_engine, "SELECT unit, value, candidates FROM chosen_values WHERE indicator = 'grdp_per_capita' "
                            "ORDER BY unit")
    assert [(unit, int(value), candidates) for unit, value, candidates in rows] == [
        ("USD_per_person", 2873, 1), ("VND_per_person", 70200000, 1)]
    assert _rows(db_engine, "SELECT COUNT(*) FROM value_conflicts WHERE indicator = 'grdp_per_capita'") == [(0,)]
