"""Auditors' verdicts: review users, the append-only reviews table, where each review is attached.

`chosen_values` is replaced so that a correction beats any other figure and a rejected figure
is never chosen; it keeps its columns and gains `review`, `extracted_value` and `review_id`.
The views that read it (value_conflicts, province_year_headlines) are dropped and recreated
unchanged around it. Column descriptions live in pipeline/db/dictionary.py.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 16:40:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

_CALENDAR_YEAR = {
    "sqlite": "CASE WHEN strftime('%m-%d', {start}) = '01-01' "
              "AND {end} = date({start}, '+1 year', '-1 day') "
              "THEN CAST(strftime('%Y', {start}) AS INTEGER) END",
    "postgresql": "CASE WHEN {start} = CAST(date_trunc('year', {start}) AS date) "
                  "AND {end} = CAST({start} + INTERVAL '1 year - 1 day' AS date) "
                  "THEN CAST(EXTRACT(YEAR FROM {start}) AS INTEGER) END",
}

_APPEND_ONLY = {
    "sqlite": [
        f"CREATE TRIGGER reviews_no_{action.lower()} BEFORE {action} ON reviews "
        "BEGIN SELECT RAISE(ABORT, 'reviews is append-only: record a new review instead'); END"
        for action in ("UPDATE", "DELETE")
    ],
    "postgresql": [
        "CREATE FUNCTION reviews_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "RAISE EXCEPTION 'reviews is append-only: record a new review instead'; END $$",
        "CREATE TRIGGER reviews_append_only BEFORE UPDATE OR DELETE ON reviews "
        "FOR EACH ROW EXECUTE FUNCTION reviews_append_only()",
    ],
}
_DROP_APPEND_ONLY = {
    "sqlite": ["DROP TRIGGER reviews_no_update", "DROP TRIGGER reviews_no_delete"],
    "postgresql": ["DROP TRIGGER reviews_append_only ON reviews",
                   "DROP FUNCTION reviews_append_only()"],
}

_FIGURE_REVIEWS = """
WITH latest AS (
    SELECT l.figure_id, MAX(l.review_id) AS review_id
    FROM review_links l
    WHERE l.figure_id IS NOT NULL AND l.attachment IN ('exact', 'carried', 'stale')
    GROUP BY l.figure_id
)
SELECT latest.figure_id, r.id AS review_id, r.verdict, l.attachment,
       r.reviewer, r.reviewed_at, r.note,
       r.corrected_value, r.corrected_period_start, r.corrected_period_end,
       r.corrected_province, r.corrected_province_code
FROM latest
JOIN reviews r ON r.id = latest.review_id
JOIN review_links l ON l.review_id = latest.review_id
"""

_KEY = "province, scope, locality, indicator, period_start, period_end"

_CHOSEN_VALUES = """
WITH reviewed AS (
    SELECT p.figure_id, p.document_id, p.document_path, p.document_url, p.published, p.quote,
           COALESCE(v.corrected_province, p.province) AS province,
           CASE WHEN v.corrected_province IS NULL THEN p.province_code
                ELSE v.corrected_province_code END AS province_code,
           p.scope, p.locality, p.indicator, p.indicator_name_en,
           COALESCE(v.corrected_value, p.value) AS value, p.value AS extracted_value, p.unit,
           COALESCE(v.corrected_period_start, p.period_start) AS period_start,
           COALESCE(v.corrected_period_end, p.period_end) AS period_end,
           CASE WHEN v.corrected_period_start IS NULL THEN p.period_grain
                ELSE 'corrected' END AS period_grain,
           CASE WHEN v.corrected_period_start IS NULL THEN p.calendar_year
                ELSE {corrected_year} END AS calendar_year,
           p.status, p.estimate, p.basis, p.of_total, p.bound,
           CASE v.verdict WHEN 'correct' THEN 'corrected' WHEN 'approve' THEN 'approved' END
               AS review,
           v.review_id
    FROM published_figures p
    LEFT JOIN figure_reviews v ON v.figure_id = p.figure_id AND v.attachment <> 'stale'
    WHERE v.verdict IS NULL OR v.verdict <> 'reject'
),
ranked AS (
    SELECT reviewed.*,
           ROW_NUMBER() OVER (PARTITION BY {key}
                              ORDER BY CASE review WHEN 'corrected' THEN 0
                                                   WHEN 'approved' THEN 1 ELSE 2 END,
                                       CASE status WHEN 'actual' THEN 0 ELSE 1 END,
                                       estimate,
                                       published DESC NULLS LAST,
                                       document_id DESC,
                                       figure_id) AS preference,
           COUNT(*) OVER (PARTITION BY {key}) AS candidates
    FROM reviewed
    WHERE period_start IS NOT NULL AND period_end IS NOT NULL
)
SELECT province, province_code, scope, locality,
       indicator, indicator_name_en, value, unit,
       period_start, period_end, period_grain, calendar_year,
       status, estimate, basis, of_total, bound,
       candidates, figure_id, document_id, document_path, document_url, published, quote,
       review, extracted_value, review_id
FROM ranked
WHERE preference = 1
"""

# Revision 0002's chosen_values, restored by the downgrade.
_CHOSEN_VALUES_0002 = f"""
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

# Unchanged from revision 0002; recreated because they read chosen_values.
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

_DEPENDENT_VIEWS = ("province_year_headlines", "value_conflicts", "chosen_values")


def _recreate_chosen_values(chosen_values: str) -> None:
    for name in _DEPENDENT_VIEWS:
        op.execute(f"DROP VIEW {name}")
    op.execute(f"CREATE VIEW chosen_values AS {chosen_values}")
    op.execute(f"CREATE VIEW value_conflicts AS {_VALUE_CONFLICTS}")
    op.execute(f"CREATE VIEW province_year_headlines AS {_PROVINCE_YEAR_HEADLINES}")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_table('review_users',
    sa.Column('name', sa.Text(), nullable=False, comment='Login name.'),
    sa.Column('role', sa.Text(), nullable=False, comment='reviewer (may record verdicts) or viewer (read only).'),
    sa.Column('password_hash', sa.Text(), nullable=False, comment='Salted scrypt hash: scrypt$n$r$p$salt$hash (hex); never the password.'),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False, comment='When the user was added (UTC).'),
    sa.CheckConstraint("role IN ('reviewer', 'viewer')", name=op.f('ck_review_users_role')),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_review_users')),
    comment='People who may open the review app (`solieu review user add`): reviewers record verdicts, viewers only read.'
    )
    op.create_table('reviews',
    sa.Column('id', sa.Integer(), nullable=False, comment='Surrogate key; a later review of the same figure has a larger id and wins.'),
    sa.Column('reviewer', sa.Text(), nullable=False, comment='Who recorded it (review_users.name).'),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=False, comment='When (UTC).'),
    sa.Column('verdict', sa.Text(), nullable=False, comment='approve, reject (note gives the reason) or correct (corrected_* columns).'),
    sa.Column('note', sa.Text(), nullable=True, comment="The reviewer's reason or remark."),
    sa.Column('corrected_value', sa.Numeric(), nullable=True, comment='For a correction: the right value, in base units.'),
    sa.Column('corrected_period_start', sa.Date(), nullable=True, comment='For a correction: the right first day of the period.'),
    sa.Column('corrected_period_end', sa.Date(), nullable=True, comment='For a correction: the right last day of the period.'),
    sa.Column('corrected_province', sa.Text(), nullable=True, comment='For a correction: the right province (canonical name).'),
    sa.Column('corrected_province_code', sa.Text(), nullable=True, comment='Official code of corrected_province.'),
    sa.Column('figure_key', sa.Text(), nullable=False, comment='figures.key of the judged figure.'),
    sa.Column('document_path', sa.Text(), nullable=False, comment='Path of the document the figure was read from.'),
    sa.Column('document_sha256', sa.Text(), nullable=False, comment="SHA-256 of that document's text when it was judged."),
    sa.Column('indicator', sa.Text(), nullable=False, comment='Indicator of the judged figure.'),
    sa.Column('value', sa.Numeric(), nullable=False, comment='Value of the judged figure, as extracted.'),
    sa.Column('quote', sa.Text(), nullable=False, comment='Source sentence of the judged figure, verbatim.'),
    sa.Column('start_offset', sa.Integer(), nullable=False, comment='Offset of the number in the text that was judged.'),
    sa.Column('end_offset', sa.Integer(), nullable=False, comment='Offset just after the number in the text that was judged.'),
    sa.Column('number_text', sa.Text(), nullable=False, comment='The characters text[start_offset:end_offset] that were judged.'),
    sa.CheckConstraint("verdict IN ('approve', 'reject', 'correct')", name=op.f('ck_reviews_verdict')),
    sa.CheckConstraint("verdict <> 'reject' OR length(note) > 0", name=op.f('ck_reviews_reject_reason')),
    sa.CheckConstraint("verdict <> 'correct' OR corrected_value IS NOT NULL OR corrected_period_start IS NOT NULL OR corrected_province IS NOT NULL", name=op.f('ck_reviews_correction')),
    sa.CheckConstraint('corrected_period_start <= corrected_period_end', name=op.f('ck_reviews_corrected_period')),
    sa.ForeignKeyConstraint(['reviewer'], ['review_users.name'], name=op.f('fk_reviews_reviewer_review_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reviews')),
    comment='Auditors\' verdicts on figures, append-only (triggers refuse UPDATE and DELETE). Each keeps the evidence it judged, so it can be re-attached after the figure is reloaded.'
    )
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reviews_document_path'), ['document_path'], unique=False)

    op.create_table('review_links',
    sa.Column('review_id', sa.Integer(), nullable=False, comment='The review (reviews.id).'),
    sa.Column('figure_id', sa.Integer(), nullable=True, comment='The figure it is attached to now (figures.id); NULL when orphaned.'),
    sa.Column('attachment', sa.Text(), nullable=False, comment='exact (same figure), carried (same quote and value, the text moved), stale (the figure changed: needs re-review) or orphaned (gone).'),
    sa.Column('run_id', sa.Integer(), nullable=True, comment='The run that last re-attached it; NULL when set by the review itself.'),
    sa.Column('checked_at', sa.DateTime(timezone=True), nullable=False, comment='When the attachment was last decided (UTC).'),
    sa.CheckConstraint("attachment IN ('exact', 'carried', 'stale', 'orphaned')", name=op.f('ck_review_links_attachment')),
    sa.ForeignKeyConstraint(['figure_id'], ['figures.id'], name=op.f('fk_review_links_figure_id_figures'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['review_id'], ['reviews.id'], name=op.f('fk_review_links_review_id_reviews')),
    sa.ForeignKeyConstraint(['run_id'], ['runs.id'], name=op.f('fk_review_links_run_id_runs')),
    sa.PrimaryKeyConstraint('review_id', name=op.f('pk_review_links')),
    comment='Where each review stands after the latest load: which figure it is attached to and how.'
    )
    with op.batch_alter_table('review_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_links_figure_id'), ['figure_id'], unique=False)

    for statement in _APPEND_ONLY[dialect]:
        op.execute(statement)
    op.execute(f"CREATE VIEW figure_reviews AS {_FIGURE_REVIEWS}")
    corrected_year = _CALENDAR_YEAR[dialect].format(start="v.corrected_period_start",
                                                    end="v.corrected_period_end")
    _recreate_chosen_values(_CHOSEN_VALUES.format(key=_KEY, corrected_year=corrected_year))


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    _recreate_chosen_values(_CHOSEN_VALUES_0002)
    op.execute("DROP VIEW figure_reviews")
    for statement in _DROP_APPEND_ONLY[dialect]:
        op.execute(statement)
    with op.batch_alter_table('review_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_links_figure_id'))
    op.drop_table('review_links')
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reviews_document_path'))
    op.drop_table('reviews')
    op.drop_table('review_users')
