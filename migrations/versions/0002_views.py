"""Views for BI: published figures, the chosen value per key, conflicts, headlines by year.

Their columns are described in pipeline/db/dictionary.py; a later change to a view is a new
migration that replaces it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 02:10:00
"""
from __future__ import annotations

from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_CALENDAR_YEAR = {
    "sqlite": "CASE WHEN strftime('%m-%d', f.period_start) = '01-01' "
              "AND f.period_end = date(f.period_start, '+1 year', '-1 day') "
              "THEN CAST(strftime('%Y', f.period_start) AS INTEGER) END",
    "postgresql": "CASE WHEN f.period_start = CAST(date_trunc('year', f.period_start) AS date) "
                  "AND f.period_end = CAST(f.period_start + INTERVAL '1 year - 1 day' AS date) "
                  "THEN CAST(EXTRACT(YEAR FROM f.period_start) AS INTEGER) END",
}

_PUBLISHED_FIGURES = """
SELECT f.id AS figure_id, f.key AS figure_key,
       f.indicator, f.value, f.unit,
       i.name_vi AS indicator_name_vi, i.name_en AS indicator_name_en, i.family,
       f.province, f.province_code, f.scope, f.locality,
       f.period_start, f.period_end, f.period_grain, {calendar_year} AS calendar_year,
       f.status, f.estimate, f.basis, f.of_total, f.bound, f.flags,
       f.document_id, d.path AS document_path, d.url AS document_url, d.published,
       d.title AS document_title, f.quote,
       f.start_offset, f.end_offset, f.line, f.rule, f.run_id
FROM figures f
JOIN documents d ON d.id = f.document_id
JOIN indicators i ON i.code = f.indicator
JOIN runs r ON r.id = f.run_id
WHERE r.status = 'completed' OR r.resumed_by IS NOT NULL
"""

_KEY = "province, scope, locality, indicator, period_start, period_end"

_CHOSEN_VALUES = f"""
WITH ranked AS (
    SELECT p.*,
           ROW_NUMBER() OVER (PARTITION BY {_KEY}
                              ORDER BY CASE status WHEN 'actual' THEN 0 ELSE 1 END,
                                       estimate,
                                       published DESC NULLS LAST,
                                       document_id DESC,
                                       figure_id) AS preference,
           COUNT(*) OVER (PARTITION BY {_KEY}) AS candidates
    FROM published_figures p
    WHERE period_start IS NOT NULL AND period_end IS NOT NULL
)
SELECT province, province_code, scope, locality,
       indicator, indicator_name_en, value, unit,
       period_start, period_end, period_grain, calendar_year,
       status, estimate, basis, of_total, bound,
       candidates, figure_id, document_id, document_path, document_url, published, quote
FROM ranked
WHERE preference = 1
"""

_VALUE_CONFLICTS = f"""
WITH spread AS (
    SELECT p.*,
           MIN(value) OVER (PARTITION BY {_KEY}, status) AS low,
           MAX(value) OVER (PARTITION BY {_KEY}, status) AS high
    FROM published_figures p
    WHERE period_start IS NOT NULL AND period_end IS NOT NULL
)
SELECT s.province, s.province_code, s.scope, s.locality, s.indicator,
       s.period_start, s.period_end, s.period_grain, s.calendar_year,
       s.status, s.value, s.unit, s.estimate,
       s.figure_id, s.document_id, s.document_path, s.document_url, s.published, s.quote,
       (c.figure_id IS NOT NULL) AS is_chosen
FROM spread s
LEFT JOIN chosen_values c ON c.figure_id = s.figure_id
WHERE s.low <> s.high
"""

_HEADLINES = ("grdp_growth", "grdp_value", "grdp_per_capita", "budget_revenue_total",
              "budget_revenue_domestic", "budget_expenditure_local", "income_per_capita",
              "poverty_rate")

_PROVINCE_YEAR_HEADLINES = """
SELECT province, province_code, calendar_year AS year,
       {columns}
FROM chosen_values
WHERE scope = 'province' AND status = 'actual' AND calendar_year IS NOT NULL
GROUP BY province, province_code, calendar_year
""".format(columns=",\n       ".join(
    f"MAX(CASE WHEN indicator = '{code}' THEN value END) AS {code}" for code in _HEADLINES))


def upgrade() -> None:
    calendar_year = _CALENDAR_YEAR[op.get_bind().dialect.name]
    views = (
        ("published_figures", _PUBLISHED_FIGURES.format(calendar_year=calendar_year)),
        ("chosen_values", _CHOSEN_VALUES),
        ("value_conflicts", _VALUE_CONFLICTS),
        ("province_year_headlines", _PROVINCE_YEAR_HEADLINES),
    )
    for name, select in views:
        op.execute(f"CREATE VIEW {name} AS {select}")


def downgrade() -> None:
    for name in ("province_year_headlines", "value_conflicts", "chosen_values",
                 "published_figures"):
        op.execute(f"DROP VIEW {name}")
