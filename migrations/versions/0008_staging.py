"""Staging tables for `solieu run --dask`: each partition of the input, extracted on a Dask
worker, COPYs its documents and figures here, tagged by run and partition (a retried partition
deletes its own rows first); the run's final transaction merges them into documents and
figures and deletes them. Empty between runs; the views do not read them. Column descriptions
live in pipeline/db/dictionary.py.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 18:50:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('staged_documents',
    sa.Column('kind', sa.Text(), nullable=False, comment='What the run found stored: documents_new, documents_changed or documents_unchanged (re-extracted by --full-refresh).'),
    sa.Column('path', sa.Text(), nullable=False, comment="Identity: the resolved path relative to its input root (a folder's name and the path inside it, or the path inside a manifest's folder)."),
    sa.Column('url', sa.Text(), nullable=True, comment='Web address of the source, when known.'),
    sa.Column('title', sa.Text(), nullable=True, comment='Title, from the manifest or the text.'),
    sa.Column('published', sa.Date(), nullable=True, comment='Publication date, from the manifest or the text.'),
    sa.Column('province', sa.Text(), nullable=True, comment='Province the source covers, from the manifest.'),
    sa.Column('encoding', sa.Text(), nullable=True, comment='How the text was read: utf-8, cp1258, tcvn3, vni, html:…, pdf, pdf:ocr, docx, docx:tcvn3 ….'),
    sa.Column('sha256', sa.Text(), nullable=False, comment='SHA-256 of text (UTF-8); a changed hash means a changed document.'),
    sa.Column('rules_version', sa.Text(), nullable=False, comment='Version of the extraction rules that last read the document.'),
    sa.Column('text', sa.Text(), nullable=False, comment='The stored text: decoded, NFC; figures.start_offset/end_offset index it.'),
    sa.Column('run_id', sa.Integer(), nullable=False, comment='The run whose staging row this is (runs.id); its rows are deleted when it merges.'),
    sa.Column('part', sa.Integer(), nullable=False, comment='The partition of the input that staged the row: a retried partition replaces its own rows.'),
    sa.Column('ord', sa.Integer(), nullable=False, comment='Position of the row in its partition (the order of the input).'),
    sa.PrimaryKeyConstraint('run_id', 'part', 'ord', name=op.f('pk_staged_documents')),
    comment="Staging for `solieu run --dask`: documents extracted on a worker, waiting for the run's final transaction to merge them into documents. Empty between runs."
    )
    op.create_table('staged_figures',
    sa.Column('path', sa.Text(), nullable=False, comment="Path of the figure's document (documents.path)."),
    sa.Column('key', sa.Text(), nullable=False, comment='Identity hash of document path + span + indicator (pipeline Figure.key).'),
    sa.Column('indicator', sa.Text(), nullable=False, comment='Catalogue code of the indicator (indicators.code).'),
    sa.Column('value', sa.Numeric(), nullable=False, comment='The value in base units: VND for money, the percent number for rates.'),
    sa.Column('unit', sa.Text(), nullable=False, comment='Unit of value (VND, USD, percent, count, visits, rank, VND_per_person, USD_per_person, ...).'),
    sa.Column('province', sa.Text(), nullable=True, comment='Canonical Vietnamese name of the province the value is about.'),
    sa.Column('province_code', sa.Text(), nullable=True, comment='Official code of that province (see provinces.code).'),
    sa.Column('province_era', sa.Text(), nullable=True, comment='Era of the unit the figure is about (2008 or 2025), resolved from its name and markers such as (mới)/(cũ), never from the code alone; NULL when (province_code, era) is not in provinces (then flags has province_code_unknown).'),
    sa.Column('scope', sa.Text(), nullable=False, comment='province; district/organization for a unit inside the province; level for a total over one level of government.'),
    sa.Column('locality', sa.Text(), nullable=True, comment='Name of the district or organization, or the level (cấp tỉnh, cấp huyện, cấp xã), when scope is not province.'),
    sa.Column('period_start', sa.Date(), nullable=True, comment='First day of the period the value covers (inclusive).'),
    sa.Column('period_end', sa.Date(), nullable=True, comment='Last day of the period the value covers (inclusive).'),
    sa.Column('period_grain', sa.Text(), nullable=True, comment='How the period was stated (year, quarter, month, year to date, term, day).'),
    sa.Column('status', sa.Text(), nullable=False, comment='actual, or planned for targets and announced plans.'),
    sa.Column('estimate', sa.Boolean(), nullable=False, comment='True when the text calls the value an estimate (ước, dự ước).'),
    sa.Column('basis', sa.Text(), nullable=True, comment='What a percentage is measured against (dự toán, cùng kỳ, kế hoạch).'),
    sa.Column('of_total', sa.Numeric(), nullable=True, comment='Denominator stated with the value (149 of 158 petitions, rank 31 of 63).'),
    sa.Column('bound', sa.Text(), nullable=True, comment='Qualifier on the value when the text gives a bound (over, nearly, at least).'),
    sa.Column('flags', sa.Text(), nullable=True, comment='Comma-separated warnings about the figure, NULL when none.'),
    sa.Column('start_offset', sa.Integer(), nullable=False, comment='Code-point offset in documents.text where the number starts.'),
    sa.Column('end_offset', sa.Integer(), nullable=False, comment='Code-point offset in documents.text just after the number.'),
    sa.Column('line', sa.Integer(), nullable=False, comment='1-based line of the number in documents.text.'),
    sa.Column('quote', sa.Text(), nullable=False, comment='The source sentence, verbatim.'),
    sa.Column('rule', sa.Text(), nullable=False, comment='Id of the extraction rule that produced the figure.'),
    sa.Column('digest', sa.Text(), nullable=False, comment="Fingerprint of the figure's values; the load compares it to detect updates."),
    sa.Column('run_id', sa.Integer(), nullable=False, comment='The run whose staging row this is (runs.id); its rows are deleted when it merges.'),
    sa.Column('part', sa.Integer(), nullable=False, comment='The partition of the input that staged the row: a retried partition replaces its own rows.'),
    sa.Column('ord', sa.Integer(), nullable=False, comment='Position of the row in its partition (the order of the input).'),
    sa.PrimaryKeyConstraint('run_id', 'part', 'ord', name=op.f('pk_staged_figures')),
    comment="Staging for `solieu run --dask`: figures extracted on a worker and written with COPY, waiting for the run's final transaction to merge them into figures. Empty between runs."
    )


def downgrade() -> None:
    op.drop_table('staged_figures')
    op.drop_table('staged_documents')
