"""The load: documents and their figures into the database, incrementally and idempotently.

The input is read in batches. For each batch the stored rows of just its paths are looked up
(one query: memory stays flat however long the corpus), the new and changed documents are
extracted on every core (pipeline.parallel), and the batch is written in one transaction: its
documents, their figures in bulk (pipeline.db.bulk), the re-attached reviews, its failures and
the run ledger's counters. So the database never holds half a document and the ledger never
disagrees with the data. A batch the database refuses is written again document by document,
so a bad document fails alone. A document whose text, metadata and rules version are
unchanged is not even extracted. Figures are matched on their identity (document + span +
indicator): an unchanged figure is not touched and keeps its id.
"""
from __future__ import annotations

import dataclasses
import os
import socket
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from importlib import metadata

import sqlalchemy as sa

from pipeline.db import bulk, reference
from pipeline.db.engine import ensure_current, require_current
from pipeline.db.interrupts import uninterrupted
from pipeline.db.locking import RunRefused, exclusive_run
from pipeline.db.models import (ERAS, DocumentErrorRow, DocumentRow, IndicatorRow, ProvinceRow,
                                ReviewRow, RunRow, StagedDocumentRow, StagedFigureRow)
from pipeline.documents import Document, DocumentError
from pipeline.figures import Figure
from pipeline.parallel import Extractor
from pipeline.review.attach import reattach

Extract = Callable[[Document], list[Figure]]

# Documents per transaction. Each commit rewrites the index pages the batch touched (SQLite's
# WAL), so small batches cost: 500 loads SQLite at ~43 % of a raw executemany, 2,000 at ~50 %.
# A killed run loses at most one batch; TEXT_PER_BATCH bounds its memory when texts are long.
BATCH = 2000
MAX_BATCH = 10_000  # a batch's paths are one IN (...) list: SQLite takes 32,766 parameters
TEXT_PER_BATCH = 32_000_000  # characters

_DOCUMENTS = DocumentRow.__table__
_RUNS = RunRow.__table__
_ERRORS = DocumentErrorRow.__table__
_REVIEWS = ReviewRow.__table__
_STAGED = (StagedFigureRow.__table__, StagedDocumentRow.__table__)
_DOCUMENT_FIELDS = ("url", "title", "published", "province", "encoding")
_CHANGE_FIELDS = ("sha256", "rules_version", *_DOCUMENT_FIELDS)
_ERA_CHANGE = date(2025, 7, 1)
_UNKNOWN_CODE = "province_code_unknown"
_REFUSED = (sa.exc.IntegrityError, sa.exc.DataError, bulk.Refused)


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


def load(engine: sa.Engine, items: Iterable[Document | DocumentError], *,
         extract: Extract | None = None,
         rules_version: str, full_refresh: bool = False, dry_run: bool = False,
         wait: float = 0, workers: int = 1, batch: int = BATCH) -> RunReport:
    """Load `items` (what pipeline.reading yields) and return what the run did.

    `workers` processes extract with `extract` (default: pipeline.extraction, imported only
    when a document needs extracting); this one writes, `batch` documents a transaction. A dry run reads the database and reports what a real run would
    write, writing nothing. Raises RunRefused when another run holds the database beyond
    `wait` seconds, and SchemaNotCurrent when the schema needs a migration this code does not
    run by itself.
    """
    run = _Run(engine, extract, rules_version, full_refresh, batch=batch)
    with Extractor(workers, extract) as pool:
        run.pool = pool
        if dry_run:
            require_current(engine)
            return run.over(items)
        return locked_run(engine, run, items, wait)


def locked_run(engine: sa.Engine, run: _Run, items: Iterable[Document | DocumentError],
               wait: float) -> RunReport:
    """Take the run lock, bring the schema up to date, open the ledger's row, then load."""
    try:
        with exclusive_run(engine, wait):
            ensure_current(engine)
            run.start()
            return run.over(items)
    except RunRefused as refused:
        raise RunRefused(f"{refused}{_holder(engine)}") from None


@dataclass
class _Pending:
    """A document extracted and validated, waiting for its batch's transaction."""

    row: dict
    stored: Mapping | None
    kind: str
    figures: list[tuple]


@dataclass
class Todo:
    """A document of a batch to extract: its place in the batch, its row, what is stored."""

    index: int
    doc: Document
    row: dict
    stored: Mapping | None
    kind: str


@dataclass
class Plan:
    counts: Counts
    failures: dict[int, DocumentError]
    todo: list[Todo]


@dataclass
class Rows:
    """Figures into rows (pipeline.db.bulk), checked against the catalogue and the provinces:
    small enough to ship to the processes or Dask workers that extract."""

    indicators: set[str]
    provinces: set[tuple[str, str]]

    @classmethod
    def of(cls, engine: sa.Engine) -> Rows:
        with uninterrupted(engine.connect()) as conn:
            return cls(set(conn.execute(sa.select(IndicatorRow.code)).scalars()),
                       {tuple(row) for row in conn.execute(
                           sa.select(ProvinceRow.code, ProvinceRow.era))})

    def __call__(self, doc: Document, figures: list[Figure]) -> list[tuple]:
        """The rows of `doc`'s figures; DocumentError when one cannot be stored."""
        rows = [self.row(doc, figure) for figure in figures]
        _check_unique(doc.path, rows)
        return rows

    def row(self, doc: Document, figure: Figure) -> tuple:
        if figure.indicator not in self.indicators:
            raise DocumentError(doc.path, "validate", f"indicator {figure.indicator!r} is not in "
                                "the catalogue (seeds/indicators.csv)", figure.line)
        if figure.document != doc.path:
            figure = dataclasses.replace(figure, document=doc.path)
        era, flags = self._era(figure, doc), list(figure.flags)
        if doc.ocr:
            flags.append("ocr")  # read by OCR from a scanned PDF: worth a second look
        if figure.province_code is not None and era is None:
            flags.append(_UNKNOWN_CODE)
        fields = (figure.key, figure.indicator, figure.value, figure.unit, figure.province,
                  figure.province_code, era, figure.scope, figure.locality,
                  figure.period_start, figure.period_end, figure.period_grain, figure.status,
                  figure.estimate, figure.basis, figure.of_total, figure.bound,
                  ",".join(flags) or None, figure.start, figure.end, figure.line,
                  figure.quote, figure.rule)
        return (*fields, bulk.digest(fields))

    def _era(self, figure: Figure, doc: Document) -> str | None:
        """The era the figure carries: the extractor resolved its unit by name and markers
        (pipeline.provinces.resolve_unit), so the code is never re-read in another era. None
        when that (code, era) is not in provinces. A figure built without an era (not by the
        extractor) gets that of its period's end, else of its publication; undated, the
        newest era that has the code."""
        if figure.province_code is None:
            return None
        if figure.province_era is not None:
            known = (figure.province_code, figure.province_era) in self.provinces
            return figure.province_era if known else None
        when = figure.period_end or doc.published
        eras = ERAS[::-1] if when is None else ("2008" if when < _ERA_CHANGE else "2025",)
        return next((era for era in eras if (figure.province_code, era) in self.provinces), None)



class _Run:
    """One pass over the input; `run_id` None (never started) makes it a dry run."""

    pool: Extractor | None = None

    def __init__(self, engine: sa.Engine, extract: Extract, rules_version: str,
                 full_refresh: bool, *, batch: int = BATCH):
        self._engine, self._extract, self._rules_version = engine, extract, rules_version
        self._full_refresh, self._batch = full_refresh, min(max(1, batch), MAX_BATCH)
        self._run_id: int | None = None
        self._counts = Counts()
        self._failures: list[DocumentError] = []
        self._figures = bulk.writer(engine.dialect)

    def start(self) -> None:
        with uninterrupted(self._engine.begin()) as conn:
            reference.sync(conn)
            _close_dead_runs(conn)
            for staged in _STAGED:  # what a killed --dask run staged; we hold the lock
                conn.execute(staged.delete())
            self._run_id = _start_run(conn, self._rules_version, self._full_refresh)

    def over(self, items: Iterable[Document | DocumentError]) -> RunReport:
        started = time.monotonic()
        try:
            self._rows = Rows.of(self._engine)
            self._each_batch(items)
        except KeyboardInterrupt:
            self._close("interrupted", "stopped by Ctrl-C or SIGTERM")
            raise
        except Exception as error:
            self._close("failed", f"{type(error).__name__}: {error}")
            raise
        status = self._close("completed", None)
        return RunReport(self._run_id, status, self._counts, tuple(self._failures),
                         time.monotonic() - started)

    def _each_batch(self, items: Iterable[Document | DocumentError]) -> None:
        """Plan each batch, extract what it needs, write it. One stream of documents feeds the
        pool across batches, so the workers extract the next batch while this one is written
        (paths never repeat across batches: planning ahead reads nothing a write changes)."""
        planned: deque[Plan] = deque()

        def to_extract() -> Iterator[Document]:
            for batch in batches(items, self._batch):
                plan = self.plan(batch)
                planned.append(plan)
                yield from (todo.doc for todo in plan.todo)

        results = self.pool.map(to_extract())
        early: deque = deque()  # results pulled while waiting for the next batch's plan
        while True:
            if not planned:
                result = next(results, None)
                if result is None and not planned:
                    return
                if result is not None:
                    early.append(result)
            plan = planned.popleft()
            extracted = [early.popleft() if early else next(results) for _ in plan.todo]
            self._one_batch(plan, extracted)

    def plan(self, items: list[Document | DocumentError]) -> Plan:
        """Which documents of a batch need extracting: one lookup of what is stored."""
        docs = [item for item in items if isinstance(item, Document)]
        stored = self.stored(doc.path for doc in docs)
        plan = Plan(Counts(documents_seen=len(items)), {
            i: item for i, item in enumerate(items) if isinstance(item, DocumentError)}, [])
        unchanged = 0
        for i, item in enumerate(items):
            if isinstance(item, DocumentError):
                continue
            row = _document_row(item, self._rules_version)
            old = stored.get(item.path)
            kind = ("documents_new" if old is None
                    else "documents_unchanged" if all(old[k] == row[k] for k in _CHANGE_FIELDS)
                    else "documents_changed")
            if kind == "documents_unchanged" and not self._full_refresh:
                unchanged += 1
            else:
                plan.todo.append(Todo(i, item, row, old, kind))
        plan.counts = plan.counts.plus(documents_unchanged=unchanged)
        return plan

    def _one_batch(self, plan: Plan, extracted: list) -> None:
        failures = plan.failures
        pending: list[_Pending] = []
        for (doc, result), todo in zip(extracted, plan.todo, strict=True):
            try:
                if isinstance(result, DocumentError):
                    raise result
                figures = self._rows(doc, result)
            except DocumentError as error:
                failures[todo.index] = error
                continue
            pending.append(_Pending(todo.row, todo.stored, todo.kind, figures))
        failed = [failures[i] for i in sorted(failures)]
        counts = plan.counts.plus(documents_failed=len(failed))
        if self._run_id is None:
            self._dry(pending, counts, failed)
            return
        try:
            with uninterrupted(self._engine.begin()) as conn:
                counts = self._write(conn, pending, failed, counts)
        except _REFUSED:
            self._one_by_one(pending, failed, counts)
            return
        self._counts = counts
        self._failures.extend(failed)

    def stored(self, paths: Iterable[str]) -> dict[str, Mapping]:
        """What the database holds for `paths`: one query a batch, never the whole corpus."""
        paths = list(paths)
        if not paths:
            return {}
        with uninterrupted(self._engine.connect()) as conn:
            return {row["path"]: row for row in conn.execute(
                sa.select(_DOCUMENTS.c.id, _DOCUMENTS.c.path,
                          *(_DOCUMENTS.c[f] for f in _CHANGE_FIELDS))
                .where(_DOCUMENTS.c.path.in_(paths))).mappings()}

    def _dry(self, pending: list[_Pending], counts: Counts, failed: list[DocumentError]) -> None:
        with uninterrupted(self._engine.connect()) as conn:
            stored = bulk.stored_digests(conn, [p.stored["id"] for p in pending if p.stored])
        for p in pending:
            written = bulk.Written(p.stored["id"] if p.stored else 0, p.stored is not None,
                                   p.figures)
            inserts, updates, _ = bulk.diff(stored, [written])
            counts = counts.plus(**{p.kind: 1}, figures_inserted=len(inserts),
                                 figures_updated=len(updates))
        counts = counts.plus(figures_deleted=len(stored))
        self._counts = self._counts.plus(**dataclasses.asdict(counts))
        self._failures.extend(failed)

    def _write(self, conn: sa.Connection, pending: list[_Pending],
               failed: list[DocumentError], counts: Counts) -> Counts:
        """Write one batch (or one document of it) on `conn`; returns the run's new counts."""
        now = _now()
        new = [p for p in pending if p.stored is None]
        ids: dict[str, int] = {p.row["path"]: p.stored["id"] for p in pending if p.stored}

        def columns(p: _Pending) -> tuple:
            return tuple({**p.row, "run_id": self._run_id, "loaded_at": now}[c]
                         for c in bulk.DOCUMENT_COLUMNS)

        ids.update(self._figures.documents(
            conn, [columns(p) for p in new],
            [(p.stored["id"], columns(p)) for p in pending if p.kind == "documents_changed"]))
        written = [bulk.Written(ids[p.row["path"]], p.stored is not None, p.figures)
                   for p in pending]
        changes = self._figures.write(conn, written, self._run_id, self._rules_version)
        if pending:
            reviewed = conn.execute(sa.select(_REVIEWS.c.document_path).distinct().where(
                _REVIEWS.c.document_path.in_(list(ids)))).scalars().all()
            for path in reviewed:
                reattach(conn, path, self._run_id)
        if failed:
            conn.execute(_ERRORS.insert(), [
                {"run_id": self._run_id, "path": e.path, "stage": e.stage, "message": e.message,
                 "line": e.line, "recorded_at": now} for e in failed])
        counts = counts.plus(**Counter(p.kind for p in pending))
        counts = self._counts.plus(**dataclasses.asdict(counts)).plus(
            figures_inserted=changes.inserted, figures_updated=changes.updated,
            figures_deleted=changes.deleted)
        self._write_counts(conn, counts)
        return counts

    def _one_by_one(self, pending: list[_Pending], failed: list[DocumentError],
                    counts: Counts) -> None:
        """The database refused the batch: write its failures, then each document in a
        transaction of its own, so only the document it refuses is lost."""
        with uninterrupted(self._engine.begin()) as conn:
            self._counts = self._write(conn, [], failed, counts)
        self._failures.extend(failed)
        for p in pending:
            try:
                with uninterrupted(self._engine.begin()) as conn:
                    self._counts = self._write(conn, [p], [], Counts())
            except _REFUSED as error:
                message = str(getattr(error, "orig", None) or error).strip()
                self._fail(DocumentError(p.row["path"], "load", message))

    def _write_counts(self, conn: sa.Connection, counts: Counts, **more) -> None:
        conn.execute(_RUNS.update().where(_RUNS.c.id == self._run_id)
                     .values(**dataclasses.asdict(counts), **more))

    def _fail(self, error: DocumentError) -> None:
        counts = self._counts.plus(documents_failed=1)
        if self._run_id is not None:
            with uninterrupted(self._engine.begin()) as conn:
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
            with uninterrupted(self._engine.begin()) as conn:
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


def batches(items: Iterable[Document | DocumentError], size: int,
            text: int = TEXT_PER_BATCH) -> Iterator[list]:
    """`size` items at a time, or fewer holding `text` characters; a path met again starts a
    new batch, so its second reading is decided against what the first one wrote."""
    batch: list = []
    paths: set[str] = set()
    held = 0
    for item in items:
        path = item.path if isinstance(item, Document) else None
        if path in paths:
            yield batch
            batch, paths, held = [], set(), 0
        batch.append(item)
        if path is not None:
            paths.add(path)
            held += len(item.text)
        if len(batch) >= size or held >= text:
            yield batch
            batch, paths, held = [], set(), 0
    if batch:
        yield batch


def _document_row(doc: Document, rules_version: str) -> dict:
    return {"path": doc.path, "sha256": doc.sha256, "rules_version": rules_version,
            "text": doc.text, **{f: getattr(doc, f) for f in _DOCUMENT_FIELDS}}


def _check_unique(path: str, rows: list[tuple]) -> None:
    seen: set[str] = set()
    for row in rows:
        if row[bulk.KEY] in seen:
            span = f"{row[bulk.START]}-{row[bulk.END]}"
            raise DocumentError(path, "validate", f"two figures share the span {span} and "
                                f"indicator {row[bulk.INDICATOR]!r}", row[bulk.LINE])
        seen.add(row[bulk.KEY])


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
        with uninterrupted(engine.connect()) as conn:
            run = conn.execute(sa.select(_RUNS).where(_RUNS.c.status == "running")
                               .order_by(_RUNS.c.id.desc()).limit(1)).first()
    except sa.exc.SQLAlchemyError:
        return ""
    if run is None:
        return ""
    return (f" (run {run.id}, pid {run.pid} on {run.host}, "
            f"started {run.started_at:%Y-%m-%d %H:%M:%S} UTC)")
