"""Units in US dollars (USD, USD_per_person), the catalogue's semantics columns, scope `level`.

Money stated in US dollars stays in dollars, so the unit CHECKs of figures and indicators
take two more units; the indicators table gets what each indicator is (kind, part_of,
rank_of, rate_of, of_total, bounds, headline, additive), filled by `solieu db upgrade` from
seeds/indicators.csv.

A figure may also be a total over one level of government (scope `level`, locality `cấp
huyện`, `cấp xã`): neither the province's nor one district's.

SQLite rebuilds a table to change a CHECK (batch mode). Two things stand in the way and are
moved aside for the rebuild: the views of 0002, which name the tables (a rebuilt table is
renamed into place, and SQLite refuses the rename while a view names the missing table),
and the figures, which reference indicators (with foreign keys enforced, a referenced table
cannot be dropped, and the pragma cannot be turned off inside the migration's transaction).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 16:40:00
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

_UNITS_0002 = ('VND', 'percent', 'count', 'visits', 'rank', 'VND_per_person', 'VND_per_person_year')
_DOLLARS = ('USD', 'USD_per_person')
_SCOPES_0002 = ('province', 'district', 'organization')
_LEVEL = ('level',)
_KINDS = ('amount', 'rate', 'growth', 'rank', 'stock', 'count', 'per_capita')
_ASIDE = '_figures_0003'


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _columns() -> list[sa.Column]:
    return [
        sa.Column('kind', sa.Text(), nullable=True, comment='What the indicator is: amount, rate, growth, rank, stock (a count on a day), count (over a period) or per_capita.'),
        sa.Column('part_of', sa.Text(), nullable=True, comment='The indicator this one is a part of (complaints_resolved of complaints_in_jurisdiction).'),
        sa.Column('rank_of', sa.Text(), nullable=True, comment='The indicator this one ranks (grdp_growth_rank ranks grdp_growth).'),
        sa.Column('rate_of', sa.Text(), nullable=True, comment='For a share: the part whose share of its total it is (complaint_resolution_rate of complaints_resolved).'),
        sa.Column('of_total', sa.Boolean(), server_default=sa.false(), nullable=False, comment='True when a denominator written with the number (149/158, 31/63) is the figure\'s total, kept in figures.of_total.'),
        sa.Column('min_value', sa.Numeric(), nullable=True, comment='Lowest plausible value in the catalogue unit; below it the figure is flagged. NULL: unbounded.'),
        sa.Column('max_value', sa.Numeric(), nullable=True, comment='Highest plausible value (100 for shares); above it the figure is flagged. NULL: unbounded.'),
        sa.Column('headline', sa.Boolean(), server_default=sa.false(), nullable=False, comment='True for the indicators that are columns of province_year_headlines.'),
        sa.Column('additive', sa.Boolean(), server_default=sa.false(), nullable=False, comment='True when figures of several provinces or districts can be summed: amounts and counts, never rates, growth, ranks or per-capita values.'),
    ]


def _views():
    """Revision 0002's module: its upgrade creates the views, its downgrade drops them."""
    return op.get_context().script.get_revision('0002').module


@contextmanager
def _rebuildable() -> Iterator[bool]:
    """On SQLite, take the views and the figures out of the way of the table rebuilds."""
    sqlite = op.get_context().dialect.name == 'sqlite'
    if sqlite:
        _views().downgrade()
        op.execute(f'CREATE TABLE {_ASIDE} AS SELECT * FROM figures')
        op.execute('DELETE FROM figures')
    yield sqlite
    if sqlite:
        op.execute(f'INSERT INTO figures SELECT * FROM {_ASIDE}')
        op.execute(f'DROP TABLE {_ASIDE}')
        _views().upgrade()


_UNIT_COMMENTS = {
    'indicators': ('Unit every figure of this indicator is stated in.',
                   'Unit figures of this indicator are stated in; money written in US dollars stays in dollars (USD, USD_per_person).'),
    'figures': ('Unit of value (VND, percent, count, visits, rank, VND_per_person, ...).',
                'Unit of value (VND, USD, percent, count, visits, rank, VND_per_person, USD_per_person, ...).'),
}


def _units(table: str, units: tuple[str, ...], batch_op) -> None:
    """The unit CHECK of `table`, and the unit column's comment, for `units`."""
    old, new = _UNIT_COMMENTS[table]
    comment, existing = (old, new) if units == _UNITS_0002 else (new, old)
    batch_op.drop_constraint(op.f(f'ck_{table}_unit'), type_='check')
    batch_op.create_check_constraint(op.f(f'ck_{table}_unit'), _one_of('unit', units))
    batch_op.alter_column('unit', existing_type=sa.Text(), existing_nullable=False, comment=comment,
                          existing_comment=existing)


def upgrade() -> None:
    with _rebuildable():
        with op.batch_alter_table('indicators', schema=None) as batch_op:
            _units('indicators', _UNITS_0002 + _DOLLARS, batch_op)
            for column in _columns():
                batch_op.add_column(column)
            batch_op.create_check_constraint(op.f('ck_indicators_kind'), _one_of('kind', _KINDS))
        with op.batch_alter_table('figures', schema=None) as batch_op:
            _units('figures', _UNITS_0002 + _DOLLARS, batch_op)
            _scopes(_SCOPES_0002 + _LEVEL, batch_op)


_SCOPE_COMMENTS = {
    'scope': ('province, or district/organization for a unit inside the province.',
              'province; district/organization for a unit inside the province; level for a total over one level of government.'),
    'locality': ('Name of the district or organization when scope is not province.',
                 'Name of the district or organization, or the level (cấp tỉnh, cấp huyện, cấp xã), when scope is not province.'),
}


def _scopes(scopes: tuple[str, ...], batch_op) -> None:
    """The scope CHECK of figures for `scopes`, and the comments of scope and locality."""
    batch_op.drop_constraint(op.f('ck_figures_scope'), type_='check')
    batch_op.create_check_constraint(op.f('ck_figures_scope'), _one_of('scope', scopes))
    for column, (old, new) in _SCOPE_COMMENTS.items():
        comment, existing = (old, new) if scopes == _SCOPES_0002 else (new, old)
        batch_op.alter_column(column, existing_type=sa.Text(), existing_nullable=column == 'locality',
                              comment=comment, existing_comment=existing)


def downgrade() -> None:
    # Revision 0002 has no unit for dollars and no scope `level`: its schema cannot hold those figures.
    op.execute(f"DELETE FROM figures WHERE {_one_of('unit', _DOLLARS)} OR {_one_of('scope', _LEVEL)}")
    with _rebuildable():
        with op.batch_alter_table('figures', schema=None) as batch_op:
            _units('figures', _UNITS_0002, batch_op)
            _scopes(_SCOPES_0002, batch_op)
        with op.batch_alter_table('indicators', schema=None) as batch_op:
            batch_op.drop_constraint(op.f('ck_indicators_kind'), type_='check')
            for column in reversed(_columns()):
                batch_op.drop_column(column.name)
            _units('indicators', _UNITS_0002, batch_op)
