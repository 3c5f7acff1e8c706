"""A value is a unit's in an era and in a unit of measure: the views key on both.

Since the 2025 merger, old and new Phú Thọ share the code 25 and the name; and GRDP per head
may be written in VND or in US dollars. Keyed on name alone, such figures competed for one row
of chosen_values (and one cell of province_year_headlines). The views now carry
`province_era` and key on it and on `unit`. The SQL of each view stays in the revision that
made it; this one rewrites the key and the columns on top of it.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 18:10:00
"""
from __future__ import annotations

from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

_ORDER = ("province_year_headlines_2025", "province_2025_values", "province_year_headlines",
          "value_conflicts", "chosen_values", "published_figures")


def _module(rev: str):
    return op.get_context().script.get_revision(rev).module


def _views(keyed: bool) -> dict[str, str]:
    """Every view that reads published_figures, as revisions 0002, 0005 and 0006 made them
    (`keyed`: with province_era in their columns and era and unit in their keys)."""
    v2, v5, v6 = _module("0002"), _module("0005"), _module("0006")
    dialect = op.get_bind().dialect.name
    published = v2._PUBLISHED_FIGURES.format(calendar_year=v2._CALENDAR_YEAR[dialect])
    key, conflicts, headlines = v5._KEY, v5._VALUE_CONFLICTS, v5._PROVINCE_YEAR_HEADLINES
    chosen = v5._CHOSEN_VALUES
    if keyed:
        published = published.replace("f.province, f.province_code,", "f.province, f.province_code, f.province_era,")
        chosen = chosen.replace("                ELSE v.corrected_province_code END AS province_code,\n",
                                "                ELSE v.corrected_province_code END AS province_code,\n"
                                "           p.province_era,\n")
        chosen = chosen.replace("SELECT province, province_code, scope,", "SELECT province, province_code, province_era, scope,")
        conflicts = conflicts.replace(key, _KEY).replace("s.province, s.province_code,",
                                                         "s.province, s.province_code, s.province_era,")
        headlines = headlines.replace("SELECT province, province_code,", "SELECT province, province_code, province_era,")
        headlines = headlines.replace("GROUP BY province, province_code,", "GROUP BY province, province_code, province_era,")
        key = _KEY
    corrected_year = v5._CALENDAR_YEAR[dialect].format(start="v.corrected_period_start", end="v.corrected_period_end")
    true = "TRUE" if dialect == "postgresql" else "1"
    return {
        "published_figures": published,
        "chosen_values": chosen.format(key=key, corrected_year=corrected_year),
        "value_conflicts": conflicts,
        "province_year_headlines": headlines,
        "province_2025_values": v6._ROLLUP.format(true=true, **v6._LISTS[dialect]),
        "province_year_headlines_2025": v6._HEADLINES_2025,
    }


_KEY = "province, province_era, scope, locality, indicator, unit, period_start, period_end"


def _recreate(keyed: bool) -> None:
    views = _views(keyed)
    for name in _ORDER:
        op.execute(f"DROP VIEW {name}")
    for name in reversed(_ORDER):
        op.execute(f"CREATE VIEW {name} AS {views[name]}")


def upgrade() -> None:
    _recreate(keyed=True)


def downgrade() -> None:
    _recreate(keyed=False)
