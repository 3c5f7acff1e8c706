"""Tables: reference data, documents, figures, the run ledger, quarantine, dictionary.

Revision ID: 0001
Revises:
Create Date: 2026-11-22 01:57:15.682145
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('data_dictionary',
    sa.Column('object_name', sa.Text(), nullable=False, comment='Table or view name.'),
    sa.Column('column_name', sa.Text(), nullable=False, comment='Column name; empty for the table or view itself.'),
    sa.Column('kind', sa.Text(), nullable=False, comment='table or view.'),
    sa.Column('description', sa.Text(), nullable=False, comment='What it holds.'),
    sa.PrimaryKeyConstraint('object_name', 'column_name', name=op.f('pk_data_dictionary')),
    comment='Descriptions of every table, view and column (the same text as the PostgreSQL COMMENTs).'
    )
    op.create_table('indicators',
    sa.Column('code', sa.Text(), nullable=False, comment='Stable indicator code used by figures.indicator.'),
    sa.Column('family', sa.Text(), nullable=False, comment='Group of related indicators (budget, grdp, complaints, ...).'),
    sa.Column('unit', sa.Text(), nullable=False, comment='Unit every figure of this indicator is stated in.'),
    sa.Column('name_vi', sa.Text(), nullable=False, comment='Vietnamese name.'),
    sa.Column('name_en', sa.Text(), nullable=False, comment='English name.'),
    sa.Column('example', sa.Text(), nullable=True, comment='A typical wording in the sources.'),
    sa.CheckConstraint("unit IN ('VND', 'percent', 'count', 'visits', 'rank', 'VND_per_person', 'VND_per_person_year')", name=op.f('ck_indicators_unit')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_indicators')),
    comment='The indicator catalogue: what a figure measures, seeded from seeds/indicators.csv.'
    )
    op.create_table('provinces',
    sa.Column('code', sa.Text(), nullable=False, comment='Official administrative code; reused across eras, so unique with era.'),
    sa.Column('era', sa.Text(), nullable=False, comment='2008 for the units in force until 2025-06-30, 2025 for those from 2025-07-01.'),
    sa.Column('name', sa.Text(), nullable=False, comment='Canonical Vietnamese name.'),
    sa.Column('kind', sa.Text(), nullable=True, comment='Kind of unit (tỉnh or thành phố trực thuộc trung ương).'),
    sa.Column('successor_code', sa.Text(), nullable=True, comment='For an era-2008 unit, the code of the era-2025 unit it became part of.'),
    sa.Column('aliases', sa.Text(), nullable=True, comment="Other spellings and abbreviations, separated by ';'."),
    sa.CheckConstraint("era IN ('2008', '2025')", name=op.f('ck_provinces_era')),
    sa.PrimaryKeyConstraint('code', 'era', name=op.f('pk_provinces')),
    comment='Provinces and centrally governed cities, before (era 2008, 63 units) and after (era 2025, 34 units) the July 2025 merger.'
    )
    op.create_table('runs',
    sa.Column('id', sa.Integer(), nullable=False, comment='Run number.'),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False, comment='Start time (UTC).'),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True, comment='End time (UTC); NULL while running or when the run was killed.'),
    sa.Column('status', sa.Text(), nullable=False, comment='running, completed, interrupted (stopped or killed) or failed (aborted).'),
    sa.Column('code_version', sa.Text(), nullable=False, comment='Version of the solieu code.'),
    sa.Column('rules_version', sa.Text(), nullable=False, comment='Version of the extraction rules.'),
    sa.Column('full_refresh', sa.Boolean(), nullable=False, comment='True when every document was re-extracted regardless of changes.'),
    sa.Column('pid', sa.Integer(), nullable=True, comment='Process id of the run.'),
    sa.Column('host', sa.Text(), nullable=True, comment='Machine the run ran on.'),
    sa.Column('documents_seen', sa.Integer(), server_default='0', nullable=False, comment='Documents read in the run (loaded, skipped or failed).'),
    sa.Column('documents_new', sa.Integer(), server_default='0', nullable=False, comment='Documents loaded for the first time.'),
    sa.Column('documents_changed', sa.Integer(), server_default='0', nullable=False, comment='Documents whose text, metadata or rules version changed; reloaded.'),
    sa.Column('documents_unchanged', sa.Integer(), server_default='0', nullable=False, comment='Documents skipped because nothing changed since their last load.'),
    sa.Column('documents_failed', sa.Integer(), server_default='0', nullable=False, comment='Documents sent to document_errors.'),
    sa.Column('figures_inserted', sa.Integer(), server_default='0', nullable=False, comment='Figures added.'),
    sa.Column('figures_updated', sa.Integer(), server_default='0', nullable=False, comment='Figures whose identity was kept but whose values changed.'),
    sa.Column('figures_deleted', sa.Integer(), server_default='0', nullable=False, comment='Figures removed because a changed document no longer yields them.'),
    sa.Column('resumed_by', sa.Integer(), nullable=True, comment='For an interrupted or failed run, the completed run that finished its work; its figures are published from then on.'),
    sa.Column('message', sa.Text(), nullable=True, comment='Why the run stopped, when it did not complete.'),
    sa.CheckConstraint("status IN ('running', 'completed', 'interrupted', 'failed')", name=op.f('ck_runs_status')),
    sa.ForeignKeyConstraint(['resumed_by'], ['runs.id'], name=op.f('fk_runs_resumed_by_runs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_runs')),
    comment='The run ledger: one row per `solieu run`, committed together with the data it wrote.'
    )
    op.create_table('districts',
    sa.Column('code', sa.Text(), nullable=False, comment='Official district code.'),
    sa.Column('name', sa.Text(), nullable=False, comment='Canonical Vietnamese name.'),
    sa.Column('kind', sa.Text(), nullable=True, comment='Kind of unit (huyện, thị xã, quận, thành phố).'),
    sa.Column('province_code', sa.Text(), nullable=False, comment='Code of the province the district belongs to.'),
    sa.Column('province_era', sa.Text(), server_default='2008', nullable=False, comment='Era of that province; always 2008 (districts were abolished in 2025).'),
    sa.Column('aliases', sa.Text(), nullable=True, comment="Other spellings, separated by ';'."),
    sa.CheckConstraint("province_era = '2008'", name=op.f('ck_districts_province_era')),
    sa.ForeignKeyConstraint(['province_code', 'province_era'], ['provinces.code', 'provinces.era'], name=op.f('fk_districts_province_code_province_era_provinces')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_districts')),
    comment='Districts (huyện, thị xã, thành phố thuộc tỉnh) of the era-2008 provinces.'
    )
    op.create_table('document_errors',
    sa.Column('id', sa.Integer(), nullable=False, comment='Surrogate key.'),
    sa.Column('run_id', sa.Integer(), nullable=False, comment='The run that met the error (runs.id).'),
    sa.Column('path', sa.Text(), nullable=False, comment='Path of the document.'),
    sa.Column('stage', sa.Text(), nullable=False, comment='Where it failed (read, decode, extract, validate, load, ...).'),
    sa.Column('message', sa.Text(), nullable=False, comment='What went wrong.'),
    sa.Column('line', sa.Integer(), nullable=True, comment='Line of the document the error is about, when known.'),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False, comment='When the error was recorded (UTC).'),
    sa.ForeignKeyConstraint(['run_id'], ['runs.id'], name=op.f('fk_document_errors_run_id_runs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_errors')),
    comment='The quarantine: documents that could not be read, extracted or loaded, per run.'
    )
    with op.batch_alter_table('document_errors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_errors_run_id'), ['run_id'], unique=False)

    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False, comment='Surrogate key.'),
    sa.Column('path', sa.Text(), nullable=False, comment='Path as given to `solieu run` or in the manifest; identifies the document.'),
    sa.Column('url', sa.Text(), nullable=True, comment='Web address of the source, when known.'),
    sa.Column('title', sa.Text(), nullable=True, comment='Title, from the manifest or the text.'),
    sa.Column('published', sa.Date(), nullable=True, comment='Publication date, from the manifest or the text.'),
    sa.Column('province', sa.Text(), nullable=True, comment='Province the source covers, from the manifest.'),
    sa.Column('encoding', sa.Text(), nullable=True, comment='Encoding the file was decoded from.'),
    sa.Column('sha256', sa.Text(), nullable=False, comment='SHA-256 of text (UTF-8); a changed hash means a changed document.'),
    sa.Column('rules_version', sa.Text(), nullable=False, comment='Version of the extraction rules that last read the document.'),
    sa.Column('text', sa.Text(), nullable=False, comment='The stored text: decoded, NFC; figures.start_offset/end_offset index it.'),
    sa.Column('run_id', sa.Integer(), nullable=False, comment='The run that last wrote the document (runs.id).'),
    sa.Column('loaded_at', sa.DateTime(timezone=True), nullable=False, comment='When that run wrote it (UTC).'),
    sa.CheckConstraint('length(sha256) = 64', name=op.f('ck_documents_sha256')),
    sa.ForeignKeyConstraint(['run_id'], ['runs.id'], name=op.f('fk_documents_run_id_runs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sa.UniqueConstraint('path', name=op.f('uq_documents_path')),
    comment='Every loaded source document with the exact text figure offsets index.'
    )
    op.create_table('figures',
    sa.Column('id', sa.Integer(), nullable=False, comment="Surrogate key; stable across reruns while the figure's identity holds."),
    sa.Column('key', sa.Text(), nullable=False, comment='Identity hash of document path + span + indicator (pipeline Figure.key).'),
    sa.Column('document_id', sa.Integer(), nullable=False, comment='The source document (documents.id).'),
    sa.Column('indicator', sa.Text(), nullable=False, comment='Catalogue code of the indicator (indicators.code).'),
    sa.Column('value', sa.Numeric(), nullable=False, comment='The value in base units: VND for money, the percent number for rates.'),
    sa.Column('unit', sa.Text(), nullable=False, comment='Unit of value (VND, percent, count, visits, rank, VND_per_person, ...).'),
    sa.Column('province', sa.Text(), nullable=True, comment='Canonical Vietnamese name of the province the value is about.'),
    sa.Column('province_code', sa.Text(), nullable=True, comment='Official code of that province (see provinces.code).'),
    sa.Column('province_era', sa.Text(), nullable=True, comment='Era of province_code; NULL when the code is not in provinces (then flags has province_code_unknown).'),
    sa.Column('scope', sa.Text(), nullable=False, comment='province, or district/organization for a unit inside the province.'),
    sa.Column('locality', sa.Text(), nullable=True, comment='Name of the district or organization when scope is not province.'),
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
    sa.Column('rules_version', sa.Text(), nullable=False, comment='Version of the extraction rules that wrote the figure.'),
    sa.Column('run_id', sa.Integer(), nullable=False, comment='The run that last wrote the figure (runs.id).'),
    sa.Column('digest', sa.Text(), nullable=False, comment="Fingerprint of the figure's values; the load compares it to detect updates."),
    sa.CheckConstraint("scope IN ('province', 'district', 'organization')", name=op.f('ck_figures_scope')),
    sa.CheckConstraint("status IN ('actual', 'planned')", name=op.f('ck_figures_status')),
    sa.CheckConstraint("unit IN ('VND', 'percent', 'count', 'visits', 'rank', 'VND_per_person', 'VND_per_person_year')", name=op.f('ck_figures_unit')),
    sa.CheckConstraint('0 <= start_offset AND start_offset < end_offset', name=op.f('ck_figures_span')),
    sa.CheckConstraint('line >= 1', name=op.f('ck_figures_line')),
    sa.CheckConstraint('period_start <= period_end', name=op.f('ck_figures_period')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_figures_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['indicator'], ['indicators.code'], name=op.f('fk_figures_indicator_indicators')),
    sa.ForeignKeyConstraint(['province_code', 'province_era'], ['provinces.code', 'provinces.era'], name=op.f('fk_figures_province_code_province_era_provinces')),
    sa.ForeignKeyConstraint(['run_id'], ['runs.id'], name=op.f('fk_figures_run_id_runs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_figures')),
    sa.UniqueConstraint('document_id', 'start_offset', 'end_offset', 'indicator', name=op.f('uq_figures_document_id_start_offset_end_offset_indicator')),
    sa.UniqueConstraint('key', name=op.f('uq_figures_key')),
    comment='Every figure extracted from the documents, grounded to the characters it was read from. Prefer the published_figures view: it hides figures of unfinished runs.'
    )
    with op.batch_alter_table('figures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_figures_indicator_province_period_start'), ['indicator', 'province', 'period_start'], unique=False)
        batch_op.create_index(batch_op.f('ix_figures_run_id'), ['run_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('figures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_figures_run_id'))
        batch_op.drop_index(batch_op.f('ix_figures_indicator_province_period_start'))

    op.drop_table('figures')
    op.drop_table('documents')
    with op.batch_alter_table('document_errors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_errors_run_id'))

    op.drop_table('document_errors')
    op.drop_table('districts')
    op.drop_table('runs')
    op.drop_table('provinces')
    op.drop_table('indicators')
    op.drop_table('data_dictionary')
