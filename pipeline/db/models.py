"""The tables, as SQLAlchemy models: what Alembic's autogenerate compares the migrations to.

Comments come from pipeline.db.dictionary, so every column is documented or import fails.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from pipeline.db import dictionary
from pipeline.figures import SCOPES, STATUSES, UNITS
from pipeline.indicators import KINDS

ERAS = ("2008", "2025")
RUN_STATUSES = ("running", "completed", "interrupted", "failed")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    })


class ProvinceRow(Base):
    __tablename__ = "provinces"
    __table_args__ = (sa.CheckConstraint(_one_of("era", ERAS), name="era"),)

    code: Mapped[str] = mapped_column(sa.Text, primary_key=True)
    era: Mapped[str] = mapped_column(sa.Text, primary_key=True)
    name: Mapped[str] = mapped_column(sa.Text)
    kind: Mapped[str | None] = mapped_column(sa.Text)
    successor_code: Mapped[str | None] = mapped_column(sa.Text)
    aliases: Mapped[str | None] = mapped_column(sa.Text)
    partial_successor_codes: Mapped[str | None] = mapped_column(sa.Text)


class DistrictRow(Base):
    __tablename__ = "districts"
    __table_args__ = (
        sa.ForeignKeyConstraint(["province_code", "province_era"],
                                ["provinces.code", "provinces.era"]),
        sa.CheckConstraint("province_era = '2008'", name="province_era"),
    )

    code: Mapped[str] = mapped_column(sa.Text, primary_key=True)
    name: Mapped[str] = mapped_column(sa.Text)
    kind: Mapped[str | None] = mapped_column(sa.Text)
    province_code: Mapped[str] = mapped_column(sa.Text)
    province_era: Mapped[str] = mapped_column(sa.Text, server_default="2008")
    aliases: Mapped[str | None] = mapped_column(sa.Text)


class IndicatorRow(Base):
    __tablename__ = "indicators"
    __table_args__ = (
        sa.CheckConstraint(_one_of("unit", UNITS), name="unit"),
        sa.CheckConstraint(_one_of("kind", KINDS), name="kind"),
    )

    code: Mapped[str] = mapped_column(sa.Text, primary_key=True)
    family: Mapped[str] = mapped_column(sa.Text)
    unit: Mapped[str] = mapped_column(sa.Text)
    name_vi: Mapped[str] = mapped_column(sa.Text)
    name_en: Mapped[str] = mapped_column(sa.Text)
    example: Mapped[str | None] = mapped_column(sa.Text)
    kind: Mapped[str | None] = mapped_column(sa.Text)
    part_of: Mapped[str | None] = mapped_column(sa.Text)
    rank_of: Mapped[str | None] = mapped_column(sa.Text)
    rate_of: Mapped[str | None] = mapped_column(sa.Text)
    of_total: Mapped[bool] = mapped_column(sa.Boolean, server_default=sa.false())
    min_value: Mapped[Decimal | None] = mapped_column(sa.Numeric)
    max_value: Mapped[Decimal | None] = mapped_column(sa.Numeric)
    headline: Mapped[bool] = mapped_column(sa.Boolean, server_default=sa.false())
    additive: Mapped[bool] = mapped_column(sa.Boolean, server_default=sa.false())


class RunRow(Base):
    __tablename__ = "runs"
    __table_args__ = (sa.CheckConstraint(_one_of("status", RUN_STATUSES), name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    status: Mapped[str] = mapped_column(sa.Text)
    code_version: Mapped[str] = mapped_column(sa.Text)
    rules_version: Mapped[str] = mapped_column(sa.Text)
    full_refresh: Mapped[bool] = mapped_column(sa.Boolean)
    pid: Mapped[int | None] = mapped_column(sa.Integer)
    host: Mapped[str | None] = mapped_column(sa.Text)
    documents_seen: Mapped[int] = mapped_column(sa.Integer, server_default="0")
    documents_new: Mapped[int] = mapped_column(sa.Integer, server_default="0")
    documents_changed: Mapped[int] = mapped_column(sa.Integer, server_default="0")
    documents_unchanged: Mapped[int] = mapped_column(sa.Integer, server_default="0")
    documents_failed: Mapped[int] = mapped_column(sa.Integer, server_default="0")
    figures_inserted: Mapped[int] = mapped_column(sa.Integer, server_default="0")
    figures_updated: Mapped[int] = mapped_column(sa.Integer, server_default="0")
    figures_deleted: Mapped[int] = mapped_column(sa.Integer, server_default="0")
    resumed_by: Mapped[int | None] = mapped_column(sa.ForeignKey("runs.id"))
    message: Mapped[str | None] = mapped_column(sa.Text)


class _DocumentFields:
    """What a document is and where it came from: the columns `documents` and its staging
    share."""

    url: Mapped[str | None] = mapped_column(sa.Text)
    title: Mapped[str | None] = mapped_column(sa.Text)
    published: Mapped[date | None] = mapped_column(sa.Date)
    province: Mapped[str | None] = mapped_column(sa.Text)
    encoding: Mapped[str | None] = mapped_column(sa.Text)
    sha256: Mapped[str] = mapped_column(sa.Text)
    rules_version: Mapped[str] = mapped_column(sa.Text)
    text: Mapped[str] = mapped_column(sa.Text)


class DocumentRow(_DocumentFields, Base):
    __tablename__ = "documents"
    __table_args__ = (sa.CheckConstraint("length(sha256) = 64", name="sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(sa.Text, unique=True)
    run_id: Mapped[int] = mapped_column(sa.ForeignKey("runs.id"))
    loaded_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))


class _FigureFields:
    """What a figure says and where it stands: the columns `figures` and its staging share."""

    value: Mapped[Decimal] = mapped_column(sa.Numeric)
    unit: Mapped[str] = mapped_column(sa.Text)
    province: Mapped[str | None] = mapped_column(sa.Text)
    province_code: Mapped[str | None] = mapped_column(sa.Text)
    province_era: Mapped[str | None] = mapped_column(sa.Text)
    scope: Mapped[str] = mapped_column(sa.Text)
    locality: Mapped[str | None] = mapped_column(sa.Text)
    period_start: Mapped[date | None] = mapped_column(sa.Date)
    period_end: Mapped[date | None] = mapped_column(sa.Date)
    period_grain: Mapped[str | None] = mapped_column(sa.Text)
    status: Mapped[str] = mapped_column(sa.Text)
    estimate: Mapped[bool] = mapped_column(sa.Boolean)
    basis: Mapped[str | None] = mapped_column(sa.Text)
    of_total: Mapped[Decimal | None] = mapped_column(sa.Numeric)
    bound: Mapped[str | None] = mapped_column(sa.Text)
    flags: Mapped[str | None] = mapped_column(sa.Text)
    start_offset: Mapped[int] = mapped_column(sa.Integer)
    end_offset: Mapped[int] = mapped_column(sa.Integer)
    line: Mapped[int] = mapped_column(sa.Integer)
    quote: Mapped[str] = mapped_column(sa.Text)
    rule: Mapped[str] = mapped_column(sa.Text)


class FigureRow(_FigureFields, Base):
    __tablename__ = "figures"
    __table_args__ = (
        sa.UniqueConstraint("document_id", "start_offset", "end_offset", "indicator"),
        sa.ForeignKeyConstraint(["province_code", "province_era"],
                                ["provinces.code", "provinces.era"]),
        sa.CheckConstraint(_one_of("unit", UNITS), name="unit"),
        sa.CheckConstraint(_one_of("status", STATUSES), name="status"),
        sa.CheckConstraint(_one_of("scope", SCOPES), name="scope"),
        sa.CheckConstraint("0 <= start_offset AND start_offset < end_offset", name="span"),
        sa.CheckConstraint("line >= 1", name="line"),
        sa.CheckConstraint("period_start <= period_end", name="period"),
        sa.Index(None, "indicator", "province", "period_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(sa.Text, unique=True)
    document_id: Mapped[int] = mapped_column(sa.ForeignKey("documents.id", ondelete="CASCADE"))
    indicator: Mapped[str] = mapped_column(sa.ForeignKey("indicators.code"))
    rules_version: Mapped[str] = mapped_column(sa.Text)
    run_id: Mapped[int] = mapped_column(sa.ForeignKey("runs.id"), index=True)
    digest: Mapped[str] = mapped_column(sa.Text)


class DocumentErrorRow(Base):
    __tablename__ = "document_errors"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(sa.ForeignKey("runs.id"), index=True)
    path: Mapped[str] = mapped_column(sa.Text)
    stage: Mapped[str] = mapped_column(sa.Text)
    message: Mapped[str] = mapped_column(sa.Text)
    line: Mapped[int | None] = mapped_column(sa.Integer)
    recorded_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))


class _Staged:
    """Columns every staging row has: `solieu run --dask` partitions write them, the run's
    final transaction merges and deletes them (pipeline.db.dask_run)."""

    run_id: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    part: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    ord: Mapped[int] = mapped_column(sa.Integer, primary_key=True)


class StagedDocumentRow(_DocumentFields, _Staged, Base):
    __tablename__ = "staged_documents"

    kind: Mapped[str] = mapped_column(sa.Text)
    path: Mapped[str] = mapped_column(sa.Text)


class StagedFigureRow(_FigureFields, _Staged, Base):
    __tablename__ = "staged_figures"

    path: Mapped[str] = mapped_column(sa.Text)
    key: Mapped[str] = mapped_column(sa.Text)
    indicator: Mapped[str] = mapped_column(sa.Text)
    digest: Mapped[str] = mapped_column(sa.Text)


REVIEW_ROLES = ("reviewer", "viewer")
VERDICTS = ("approve", "reject", "correct")
ATTACHMENTS = ("exact", "carried", "stale", "orphaned")


class ReviewUserRow(Base):
    __tablename__ = "review_users"
    __table_args__ = (sa.CheckConstraint(_one_of("role", REVIEW_ROLES), name="role"),)

    name: Mapped[str] = mapped_column(sa.Text, primary_key=True)
    role: Mapped[str] = mapped_column(sa.Text)
    password_hash: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))


class ReviewRow(Base):
    __tablename__ = "reviews"
    __table_args__ = (
        sa.CheckConstraint(_one_of("verdict", VERDICTS), name="verdict"),
        sa.CheckConstraint("verdict <> 'reject' OR length(note) > 0", name="reject_reason"),
        sa.CheckConstraint("verdict <> 'correct' OR corrected_value IS NOT NULL "
                           "OR corrected_period_start IS NOT NULL "
                           "OR corrected_province IS NOT NULL", name="correction"),
        sa.CheckConstraint("corrected_period_start <= corrected_period_end",
                           name="corrected_period"),
        sa.Index(None, "document_path"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reviewer: Mapped[str] = mapped_column(sa.ForeignKey("review_users.name"))
    reviewed_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    verdict: Mapped[str] = mapped_column(sa.Text)
    note: Mapped[str | None] = mapped_column(sa.Text)
    corrected_value: Mapped[Decimal | None] = mapped_column(sa.Numeric)
    corrected_period_start: Mapped[date | None] = mapped_column(sa.Date)
    corrected_period_end: Mapped[date | None] = mapped_column(sa.Date)
    corrected_province: Mapped[str | None] = mapped_column(sa.Text)
    corrected_province_code: Mapped[str | None] = mapped_column(sa.Text)
    figure_key: Mapped[str] = mapped_column(sa.Text)
    document_path: Mapped[str] = mapped_column(sa.Text)
    document_sha256: Mapped[str] = mapped_column(sa.Text)
    indicator: Mapped[str] = mapped_column(sa.Text)
    value: Mapped[Decimal] = mapped_column(sa.Numeric)
    quote: Mapped[str] = mapped_column(sa.Text)
    start_offset: Mapped[int] = mapped_column(sa.Integer)
    end_offset: Mapped[int] = mapped_column(sa.Integer)
    number_text: Mapped[str] = mapped_column(sa.Text)


class ReviewLinkRow(Base):
    __tablename__ = "review_links"
    __table_args__ = (sa.CheckConstraint(_one_of("attachment", ATTACHMENTS), name="attachment"),)

    review_id: Mapped[int] = mapped_column(sa.ForeignKey("reviews.id"), primary_key=True)
    figure_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("figures.id", ondelete="SET NULL"), index=True)
    attachment: Mapped[str] = mapped_column(sa.Text)
    run_id: Mapped[int | None] = mapped_column(sa.ForeignKey("runs.id"))
    checked_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))


class DictionaryRow(Base):
    __tablename__ = "data_dictionary"

    object_name: Mapped[str] = mapped_column(sa.Text, primary_key=True)
    column_name: Mapped[str] = mapped_column(sa.Text, primary_key=True)
    kind: Mapped[str] = mapped_column(sa.Text)
    description: Mapped[str] = mapped_column(sa.Text)


for _table in Base.metadata.tables.values():
    _entry = dictionary.ENTRIES[_table.name]
    _table.comment = _entry.description
    for _column in _table.columns:
        _column.comment = _entry.columns[_column.name]
