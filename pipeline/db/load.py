"""The load: documents and their figures into the database, incrementally and idempotently.

One transaction per document carries its text, the changes to its figures and the run
ledger's counters, so the database never holds half a document and the ledger never
disagrees with the data. A document whose text, metadata and rules version are unchanged
is not even extracted. Figures are matched on their identity (document + span +
indicator): an unchanged figure is not touched and keeps its id.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import socket
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal
from importlib import metadata

import sqlalchemy as sa

from pipeline.db import reference
from pipeline.db.engine import ensure_current, require_current
from pipeline.db.locking import RunRefused, exclusive_run
from pipeline.db.models import (ERAS, DocumentErrorRow, DocumentRow, FigureRow, IndicatorRow,
                                ProvinceRow, RunRow)
from pipeline.documents import Document, DocumentError
from pipeline.figures import Figure
from pipeline.review.attach import reattach

Extract = Callable[[Document], list[Figure]]

_DOCUMENTS = DocumentRow.__table__
_FIGURES = FigureRow.__table__
_RUNS = RunRow.__table__
_ERRORS = DocumentErrorRow.__table__
_DOCUMENT_FIELDS = ("url", "title", "published", "province", "encoding")
_CHANGE_FIELDS = ("sha256", "rules_version", *_DOCUMENT_FIELDS)
_ERA_CHANGE = date(2025, 7, 1)
_UNKNOWN_CODE = "province_code_unknown"


@dataclass(frozen=True)
class Counts:
    documents_seen: int = 0
    documents_new: int = 0
    documents_changed: int = 0
    documents_unchanged: int = 0
    documents_failed: int = 0
    figures_inserted: int = 0
    figures_updated: int = 0
    figures_deleted: int = 0

    def plus(self, **more: int) -> Counts:
        return dataclasses.replace(self, **{k: getattr(self, k) + v for k, v in more.items()})

    @property
    def wrote_nothing(self) -> bool:
        return not (self.documents_new or self.documents_changed or self.figures_inserted
                    or self.figures_updated or self.figures_deleted)


@dataclass(frozen=True)
class RunReport:
    run_id: int | None
    status: str
    counts: Counts
    failures: tuple[DocumentError, ...]
    seconds: float


def load(engine: sa.Engine, items: Iterable[Document | DocumentError], *, extract: Extract,
         rules_version: str, full_refresh: bool = False, dry_run: bool = False,
         wait: float = 0) -> RunReport:
    """Load `items` (what pipeline.reading yields) and return what the run did.

    A dry run reads the database and reports what a real run would write, writing nothing.
    Raises RunRefused when another run holds the database beyond `wait` seconds, and
    SchemaNotCurrent when the schema needs a migration this code does not run by itself.
    """
    if dry_run:
        require_current(engine)
        return _Run(engine, extract, rules_version, full_refresh, None).over(items)
    try:
        with exclusive_run(engine, wait):
            ensure_current(engine)
            with engine.begin() as conn:
                reference.sync(conn)
                _close_dead_runs(conn)
                run_id = _start_run(conn, rules_version, full_refresh)
            return _Run(engine, extract, rules_version, full_refresh, run_id).over(items)
    except RunRefused as refused:
        raise RunRefused(f"{refused}{_holder(engine)}") from None


class _Run:
    """One pass over the input. What is stored is read once up front, so deciding to skip
    an unchanged document costs no query; `run_id` None makes it a dry run."""

    def __init__(self, engine: sa.Engine, extract: Extract, rules_version: str,
                 full_refresh: bool, run_id: int | None):
        self._engine, self._extract, self._rules_version = engine, extract, rules_version
        self._full_refresh, self._run_id = full_refresh, run_id
        self._counts = Counts()
        self._failures: list[DocumentError] = []
        with engine.connect() as conn:
            self._stored: dict[str, Mapping] = {row["path"]: row for row in conn.execute(
                sa.select(_DOCUMENTS.c.id, _DOCUMENTS.c.path,
                          *(_DOCUMENTS.c[f] for f in _CHANGE_FIELDS))).mappings()}
            self._indicators = set(conn.execute(sa.select(IndicatorRow.code)).scalars())
            self._provinces = {tuple(row) for row in conn.execute(
                sa.select(ProvinceRow.code, ProvinceRow.era))}

    def over(self, items: Iterable[Document | DocumentError]) -> RunReport:
        started = time.monotonic()
        try:
            for item in items:
                self._counts = self._counts.plus(documents_seen=1)
                if isinstance(item, DocumentError):
                    self._fail(item)
                else:
                    self._document(item)
        except KeyboardInterrupt:
            self._close("interrupted", "stopped by Ctrl-C or SIGTERM")
            raise
        except Exception as error:
            self._close("failed", f"{type(error).__name__}: {error}")
            raise
        status = self._close("completed", None)
        return RunReport(self._run_id, status, self._counts, tuple(self._failures),
                         time.monotonic() - started)

    def _document(self, doc: Document) -> None:
        stored = self._stored.get(doc.path)
        row = _document_row(doc, self._rules_version)
        kind = ("documents_new" if stored is None
                else "documents_unchanged" if all(stored[k] == row[k] for k in _CHANGE_FIELDS)
                else "documents_changed")
        if kind == "documents_unchanged" and not self._full_refresh:
            self._counts = self._counts.plus(documents_unchanged=1)
            return
        try:
            figures = self._extract(doc)
        except Exception as error:  # a rule bug costs one document, not the night's run
            self._fail(DocumentError(doc.path, "extract", f"{type(error).__name__}: {error}"))
            return
        try:
            rows = [self._figure_row(doc, figure) for figure in figures]
            _check_unique(doc.path, rows)
        except DocumentError as error:
            self._fail(error)
            return
        if self._run_id is None:
            with self._engine.connect() as conn:
                diff = _Diff.of(_existing(conn, stored), rows)
            self._counts = self._counts.plus(**{kind: 1}, **diff.counts())
            return
        try:
            with self._engine.begin() as conn:
                document_id = self._write_document(conn, stored, row, kind)
                diff = _Diff.of(_existing(conn, stored), rows)
                self._write_figures(conn, document_id, diff)
                reattach(conn, row["path"], self._run_id)
                counts = self._counts.plus(**{kind: 1}, **diff.counts())
                self._write_counts(conn, counts)
        except (sa.exc.IntegrityError, sa.exc.DataError) as error:
            self._fail(DocumentError(doc.path, "load", str(error.orig).strip()))
            return
        self._counts = counts
        self._stored[doc.path] = {**{f: row[f] for f in _CHANGE_FIELDS}, "id": document_id}

    def _figure_row(self, doc: Document, figure: Figure) -> dict:
        if figure.indicator not in self._indicators:
            raise DocumentError(doc.path, "validate", f"indicator {figure.indicator!r} is not in "
                                "the catalogue (seeds/indicators.csv)", figure.line)
        if figure.document != doc.path:
            figure = dataclasses.replace(figure, document=doc.path)
        era, flags = self._era(figure, doc), list(figure.flags)
        if doc.ocr:
            flags.append("ocr")  # read by OCR from a scanned PDF: worth a second look
        if figure.province_code is not None and era is None:
            flags.append(_UNKNOWN_CODE)
        row = {
            "key": figure.key, "indicator": figure.indicator, "value": figure.value,
            "unit": figure.unit, "province": figure.province,
            "province_code": figure.province_code, "province_era": era,
            "scope": figure.scope, "locality": figure.locality,
            "period_start": figure.period_start, "period_end": figure.period_end,
            "period_grain": figure.period_grain, "status": figure.status,
            "estimate": figure.estimate, "basis": figure.basis, "of_total": figure.of_total,
            "bound": figure.bound, "flags": ",".join(flags) or None,
            "start_offset": figure.start, "end_offset": figure.end, "line": figure.line,
            "quote": figure.quote, "rule": figure.rule,
        }
        row["digest"] = hashlib.sha1(json.dumps(
            [_plain(v) for v in row.values()], ensure_ascii=False).encode()).hexdigest()
        return row

    def _era(self, figure: Figure, doc: Document) -> str | None:
        """The era the figure carries: the extractor resolved its unit by name and markers
        (pipeline.provinces.resolve_unit), so the code is never re-read in another era. None
        when that (code, era) is not in provinces. A figure built without an era (not by the
        extractor) gets that of its period's end, else of its publication; undated, the
        newest era that has the code."""
        if figure.province_code is None:
            return None
        if figure.province_era is not None:
            known = (figure.province_code, figure.province_era) in self._provinces
            return figure.province_era if known else None
        when = figure.period_end or doc.published
        eras = ERAS[::-1] if when is None else ("2008" if when < _ERA_CHANGE else "2025",)
        return next((era for era in eras if (figure.province_code, era) in self._provinces), None)

    def _write_document(self, conn: sa.Connection, stored: Mapping | None, row: dict,
                        kind: str) -> int:
        values = {**row, "run_id": self._run_id, "loaded_at": _now()}
        if stored is None:
            return conn.execute(
                _DOCUMENTS.insert().values(values).returning(_DOCUMENTS.c.id)).scalar_one()
        if kind == "documents_changed":
            conn.execute(_DOCUMENTS.update().where(_DOCUMENTS.c.id == stored["id"]).values(values))
        return stored["id"]

    def _write_figures(self, conn: sa.Connection, document_id: int, diff: _Diff) -> None:
        written = {"run_id": self._run_id, "rules_version": self._rules_version}
        if diff.deletes:
            conn.execute(_FIGURES.delete().where(_FIGURES.c.id.in_(diff.deletes)))
        if diff.updates:
            conn.execute(_FIGURES.update().where(_FIGURES.c.id == sa.bindparam("figure_id")),
                         [{**row, **written, "figure_id": i} for i, row in diff.updates])
        if diff.inserts:
            conn.execute(_FIGURES.insert(),
                         [{**row, **written, "document_id": document_id} for row in diff.inserts])

    def _write_counts(self, conn: sa.Connection, counts: Counts, **more) -> None:
        conn.execute(_RUNS.update().where(_RUNS.c.id == self._run_id)
                     .values(**dataclasses.asdict(counts), **more))

    def _fail(self, error: DocumentError) -> None:
        counts = self._counts.plus(documents_failed=1)
        if self._run_id is not None:
            with self._engine.begin() as conn:
                conn.execute(_ERRORS.insert().values(
                    run_id=self._run_id, path=error.path, stage=error.stage,
                    message=error.message, line=error.line, recorded_at=_now()))
                self._write_counts(conn, counts)
        self._counts = counts
        self._failures.append(error)

    def _close(self, status: str, message: str | None) -> str:
        """Close the ledger row; a completed run also publishes what unfinished runs left."""
        if self._run_id is None:
            return "dry run"
        try:
            with self._engine.begin() as conn:
                self._write_counts(conn, self._counts, status=status, finished_at=_now(),
                                   message=message)
                if status == "completed":
                    conn.execute(_RUNS.update()
                                 .where(_RUNS.c.status.in_(("interrupted", "failed")),
                                        _RUNS.c.resumed_by.is_(None))
                                 .values(resumed_by=self._run_id))
        except sa.exc.SQLAlchemyError:
            if status == "completed":
                raise
            # the database is what failed: the next run finds this run unfinished and says so
        return status



@dataclass(frozen=True)
class _Diff:
    inserts: list[dict]
    updates: list[tuple[int, dict]]
    deletes: list[int]

    @classmethod
    def of(cls, existing: dict[str, tuple[int, str]], rows: list[dict]) -> _Diff:
        new = {row["key"]: row for row in rows}
        return cls(
            inserts=[row for key, row in new.items() if key not in existing],
            updates=[(existing[key][0], row) for key, row in new.items()
                     if key in existing and existing[key][1] != row["digest"]],
            deletes=[i for key, (i, _) in existing.items() if key not in new],
        )

    def counts(self) -> dict[str, int]:
        return {"figures_inserted": len(self.inserts), "figures_updated": len(self.updates),
                "figures_deleted": len(self.deletes)}


def _existing(conn: sa.Connection, stored: Mapping | None) -> dict[str, tuple[int, str]]:
    if stored is None:
        return {}
    rows = conn.execute(sa.select(_FIGURES.c.key, _FIGURES.c.id, _FIGURES.c.digest)
                        .where(_FIGURES.c.document_id == stored["id"]))
    return {key: (i, digest) for key, i, digest in rows}


def _document_row(doc: Document, rules_version: str) -> dict:
    return {"path": doc.path, "sha256": doc.sha256, "rules_version": rules_version,
            "text": doc.text, **{f: getattr(doc, f) for f in _DOCUMENT_FIELDS}}


def _check_unique(path: str, rows: list[dict]) -> None:
    seen: dict[str, dict] = {}
    for row in rows:
        twin = seen.setdefault(row["key"], row)
        if twin is not row:
            span = f"{row['start_offset']}-{row['end_offset']}"
            raise DocumentError(path, "validate", f"two figures share the span {span} and "
                                f"indicator {row['indicator']!r}", row["line"])


def _plain(value):
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _code_version() -> str:
    try:
        return metadata.version("solieu")
    except metadata.PackageNotFoundError:
        return "unknown (not installed)"


def _close_dead_runs(conn: sa.Connection) -> None:
    """Runs still marked running while we hold the lock were killed: say so in the ledger."""
    conn.execute(_RUNS.update().where(_RUNS.c.status == "running").values(
        status="interrupted", message="the process ended without closing the run (killed?)"))


def _start_run(conn: sa.Connection, rules_version: str, full_refresh: bool) -> int:
    return conn.execute(_RUNS.insert().values(
        started_at=_now(), status="running", code_version=_code_version(),
        rules_version=rules_version, full_refresh=full_refresh, pid=os.getpid(),
        host=socket.gethostname()).returning(_RUNS.c.id)).scalar_one()


def _holder(engine: sa.Engine) -> str:
    """Who holds the lock, from the ledger, when the ledger can say."""
    try:
        with engine.connect() as conn:
            run = conn.execute(sa.select(_RUNS).where(_RUNS.c.status == "running")
                               .order_by(_RUNS.c.id.desc()).limit(1)).first()
    except sa.exc.SQLAlchemyError:
        return ""
    if run is None:
        return ""
    return (f" (run {run.id}, pid {run.pid} on {run.host}, "
            f"started {run.started_at:%Y-%m-%d %H:%M:%S} UTC)")
