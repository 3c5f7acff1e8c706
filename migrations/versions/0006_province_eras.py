"""Provinces across the 2025 merger: partial successors and the roll-up to the 34 new units.

`province_2025_values` files every chosen province-scope value under its era-2025 unit: a
figure about a new unit as reported; the figures of an unchanged unit's sole predecessor as
they are; and, for a merged unit, the sum over its predecessors of an additive indicator
(indicators.additive: VND amounts, counts) — a value only when every predecessor has the
figure for the period (`complete`), with the parts listed. Rates, ranks and growth of a
merged unit are never summed. `province_year_headlines_2025` is the wide headline table of
the same. Column descriptions live in pipeline/db/dictionary.py.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 16:40:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

_LISTS = {
    "sqlite": {"names": "group_concat(part_name, ', ')",
               "ids": "group_concat(CAST(figure_id AS TEXT), ', ')"},
    "postgresql": {"names": "string_agg(part_name, ', ' ORDER BY part_code)",
                   "ids": "string_agg(CAST(figure_id AS TEXT), ', ' ORDER BY part_code)"},
}

# SQLite's group_concat keeps the order rows arrive in: `eligible` is read sorted by part.
_ROLLUP = """
WITH parts AS (
    SELECT c.figure_id, c.indicator, c.value, c.unit, c.period_start, c.period_end,
           c.period_grain, c.calendar_year, c.status, c.estimate, c.published,
           pr.code AS part_code, pr.era AS part_era, pr.name AS part_name,
           CASE pr.era WHEN '2025' THEN pr.code ELSE pr.successor_code END AS unit_code
    FROM chosen_values c
    JOIN figures f ON f.id = c.figure_id
    JOIN provinces pr ON pr.code = c.province_code AND pr.era = f.province_era
    WHERE c.scope = 'province'
),
predecessors AS (
    SELECT successor_code AS unit_code, COUNT(*) AS predecessors_count
    FROM provinces WHERE era = '2008' GROUP BY successor_code
),
eligible AS (
    SELECT p.*, n.predecessors_count
    FROM parts p
    JOIN predecessors n ON n.unit_code = p.unit_code
    JOIN indicators i ON i.code = p.indicator
    WHERE p.part_era = '2008' AND (n.predecessors_count = 1 OR i.additive = {true})
),
sums AS (
    SELECT unit_code, indicator, period_start, period_end, status,
           MIN(period_grain) AS period_grain, MIN(calendar_year) AS calendar_year,
           MIN(unit) AS unit, SUM(value) AS total,
           MAX(CASE WHEN estimate THEN 1 ELSE 0 END) AS any_estimate, MAX(published) AS published,
           COUNT(*) AS parts_count, MAX(predecessors_count) AS predecessors_count,
           {names} AS parts, {ids} AS figure_ids
    FROM (SELECT * FROM eligible ORDER BY unit_code, part_code) e
    GROUP BY unit_code, indicator, period_start, period_end, status
),
candidates AS (
    SELECT unit_code, indicator, period_start, period_end, period_grain, calendar_year, status,
           CASE WHEN parts_count = predecessors_count THEN total END AS value, unit,
           (any_estimate = 1) AS estimate, (parts_count = predecessors_count) AS complete,
           CASE WHEN predecessors_count = 1 THEN 'predecessor' ELSE 'sum' END AS source,
           parts, parts_count, predecessors_count, figure_ids, published, 1 AS source_rank
    FROM sums
    UNION ALL
    SELECT p.unit_code, p.indicator, p.period_start, p.period_end, p.period_grain,
           p.calendar_year, p.status, p.value, p.unit, p.estimate, (1 = 1) AS complete,
           'reported' AS source, p.part_name AS parts, 1 AS parts_count, n.predecessors_count,
           CAST(p.figure_id AS TEXT) AS figure_ids, p.published, 0 AS source_rank
    FROM parts p
    JOIN predecessors n ON n.unit_code = p.unit_code
    WHERE p.part_era = '2025'
),
ranked AS (
    SELECT c.*, ROW_NUMBER() OVER (
               PARTITION BY unit_code, indicator, period_start, period_end, status
               ORDER BY source_rank) AS preference
    FROM candidates c
)
SELECT u.name AS province, r.unit_code AS province_code, r.indicator,
       r.period_start, r.period_end, r.period_grain, r.calendar_year, r.status,
       r.value, r.unit, r.estimate, r.complete, r.source, r.parts, r.parts_count,
       r.predecessors_count, r.figure_ids, r.published
FROM ranked r
JOIN provinces u ON u.code = r.unit_code AND u.era = '2025'
WHERE r.preference = 1
"""

_HEADLINES = ("grdp_growth", "grdp_value", "grdp_per_capita", "budget_revenue_total",
              "budget_revenue_domestic", "budget_expenditure_local", "income_per_capita",
              "poverty_rate")

_HEADLINES_2025 = """
SELECT province, province_code, calendar_year AS year,
       {columns}
FROM province_2025_values
WHERE status = 'actual' AND calendar_year IS NOT NULL
GROUP BY province, province_code, calendar_year
""".format(columns=",\n       ".join(
    f"MAX(CASE WHEN indicator = '{code}' THEN value END) AS {code}" for code in _HEADLINES))


_ERA_0001 = ("Era of province_code; NULL when the code is not in provinces "
             "(then flags has province_code_unknown).")
_ERA = ("Era of the unit the figure is about (2008 or 2025), resolved from its name and markers "
        "such as (mới)/(cũ), never from the code alone; NULL when (province_code, era) is not in "
        "provinces (then flags has province_code_unknown).")


def _era_comment(comment: str, previous: str) -> None:
    """figures.province_era now means the unit's era (SQLite keeps no comments)."""
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("figures", "province_era", comment=comment, existing_comment=previous,
                        existing_type=sa.Text(), existing_nullable=True)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    _era_comment(_ERA, _ERA_0001)
    op.add_column("provinces", sa.Column(
            "partial_successor_codes", sa.Text(), nullable=True,
            comment="For an era-2008 unit split across the merger, the codes of the other "
                    "era-2025 units that received part of it, separated by ';'; NULL when whole."))
    true = "TRUE" if dialect == "postgresql" else "1"
    op.execute("CREATE VIEW province_2025_values AS "
               + _ROLLUP.format(true=true, **_LISTS[dialect]))
    op.execute(f"CREATE VIEW province_year_headlines_2025 AS {_HEADLINES_2025}")


def downgrade() -> None:
    op.execute("DROP VIEW province_year_headlines_2025")
    op.execute("DROP VIEW province_2025_values")
    # native on both (SQLite >= 3.35): a batch rebuild would drop a table figures reference
    op.execute("ALTER TABLE provinces DROP COLUMN partial_successor_codes")
    _era_comment(_ERA_0001, _ERA)
