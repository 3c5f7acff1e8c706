"""`solieu run --dask ADDRESS`: extraction on a Dask cluster, the data merged in one transaction.

PostgreSQL only (the workers write to the database over the network). The input is cut into
partitions; for each, the client looks up what is stored (one query) and sends the documents
to extract to a worker. The worker extracts them and, in one transaction that first deletes
the partition's earlier rows (so a retried partition is harmless), COPYs their documents and
figures into staged_documents and staged_figures, tagged by run and partition. When every
partition is in, one transaction in the client merges the staging rows into documents and
figures, re-attaches the reviews, records the failures and the ledger's counters, and deletes
the staging rows. A run that dies before that leaves documents, figures and the ledger's
counters as they were. A partition the merge refuses is merged again document by document
(savepoints), so a bad document fails alone.

Imported only for `--dask`: distributed is an optional extra (`pip install solieu[dask]`).
"""
from __future__ import annotations

import dataclasses
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import sqlalchemy as sa

from pipeline.db import bulk
from pipeline.db.engine import make_engine
from pipeline.db.load import (Counts, Extract, Rows, RunReport, _document_row, _now, _REFUSED,
                              _Run, batches, locked_run)
from pipeline.db.interrupts import uninterrupted
from pipeline.db.models import DocumentErrorRow, ReviewRow, StagedDocumentRow
from pipeline.documents import Document, DocumentError
from pipeline.parallel import extract_one
from pipeline.review.attach import reattach

PARTITION = 200  # documents a task: enough tasks to keep every worker busy
_DOCUMENT_FIELDS = ("path", "url", "title", "published", "province", "encoding", "sha256",
                    "rules_version", "text")
_STAGED_DOCUMENTS = ("run_id", "part", "ord", "kind", *_DOCUMENT_FIELDS)
_STAGED_FIGURES = ("run_id", "part", "ord", "path", *bulk.COLUMNS)
_ERRORS = DocumentErrorRow.__table__
_REVIEWS = ReviewRow.__table__
_STAGED = StagedDocumentRow.__table__


class NeedsPostgres(Exception):
    """--dask was given a database the workers cannot share."""


def load_on_dask(engine: sa.Engine, items: Iterable[Document | DocumentError], *, client,
                 extract: Extract, rules_version: str, full_refresh: bool = False,
                 wait: float = 0, partition: int = PARTITION) -> RunReport:
    """Load `items` as pipeline.db.load.load does, extracting on the cluster of `client`
    (a distributed.Client)."""
    if engine.dialect.name != "postgresql":
        raise NeedsPostgres(f"--dask needs PostgreSQL: the workers write to the database, "
                            f"and {engine.dialect.name} is a file on this machine")
    run = _DaskRun(engine, extract, rules_version, full_refresh, client=client,
                   partition=partition)
    return locked_run(engine, run, items, wait)


@contextmanager
def connect(address: str) -> Iterator:
    """A distributed.Client for `address`: tcp://host:port, or `local` for a LocalCluster
    on this machine's cores (closed with the client)."""
    from distributed import Client, LocalCluster

    if address != "local":
        with Client(address, timeout=30) as client:
            yield client
        return
    with LocalCluster() as cluster, Client(cluster) as client:
        yield client


class _DaskRun(_Run):
    def __init__(self, engine: sa.Engine, extract: Extract, rules_version: str,
                 full_refresh: bool, *, client, partition: int):
        super().__init__(engine, extract, rules_version, full_refresh, batch=partition)
        self._client = client
        self._url = engine.url.render_as_string(hide_password=False)

    def _each_batch(self, items: Iterable[Document | DocumentError]) -> None:
        planned, failures, kinds = Counts(), [], Counter()
        threads = sum(self._client.nthreads().values()) or 1
        in_flight: deque = deque()

        def collect(part: int, future) -> None:
            result = future.result()
            kinds.update(result["kinds"])
            failures.extend(((part, index), DocumentError(*error))
                            for index, error in result["failures"])

        for part, batch in enumerate(batches(items, self._batch)):
            plan = self.plan(batch)
            planned = planned.plus(**dataclasses.asdict(plan.counts))
            failures.extend(((part, i), error) for i, error in plan.failures.items())
            if plan.todo:
                work = [(todo.index, todo.doc, todo.kind) for todo in plan.todo]
                in_flight.append((part, self._client.submit(
                    stage_partition, self._url, self._run_id, part, work, self._rules_version,
                    self._rows, self._extract, key=f"solieu-stage-{self._run_id}-{part}",
                    pure=False, retries=2)))
            while len(in_flight) > 2 * threads:
                collect(*in_flight.popleft())
        while in_flight:
            collect(*in_flight.popleft())
        failed = [error for _, error in sorted(failures, key=lambda f: f[0])]
        self._merge(planned, kinds, failed)

    def _merge(self, planned: Counts, kinds: Counter, failed: list[DocumentError]) -> None:
        """The one transaction that publishes the run's staging rows."""
        parameters = {"run_id": self._run_id, "rules_version": self._rules_version,
                      "now": _now()}
        with uninterrupted(self._engine.begin()) as conn:
            try:
                with conn.begin_nested():
                    changes = _merge_staged(conn, parameters, "TRUE")
            except _REFUSED:
                changes, refused = self._one_by_one(conn, parameters)
                for path, kind, error in refused:
                    kinds[kind] -= 1
                    failed.append(error)
            staged = sa.select(_STAGED.c.path).where(_STAGED.c.run_id == self._run_id)
            for path in conn.execute(sa.select(_REVIEWS.c.document_path).distinct().where(
                    _REVIEWS.c.document_path.in_(staged))).scalars().all():
                reattach(conn, path, self._run_id)
            if failed:
                conn.execute(_ERRORS.insert(), [
                    {"run_id": self._run_id, "path": e.path, "stage": e.stage,
                     "message": e.message, "line": e.line, "recorded_at": parameters["now"]}
                    for e in failed])
            counts = planned.plus(**{k: v for k, v in kinds.items() if v},
                                  documents_failed=len(failed),
                                  figures_inserted=changes.inserted,
                                  figures_updated=changes.updated,
                                  figures_deleted=changes.deleted)
            self._write_counts(conn, counts)
            for table in ("staged_figures", "staged_documents"):
                conn.exec_driver_sql(f"DELETE FROM {table} WHERE run_id = %(run_id)s",
                                     {"run_id": self._run_id})
        self._counts = counts
        self._failures.extend(failed)

    def _one_by_one(self, conn: sa.Connection, parameters: dict):
        """Merge each staged document under a savepoint of its own; returns the changes and
        the documents refused, as (path, kind, DocumentError)."""
        changes, refused = bulk.Changes(), []
        staged = conn.exec_driver_sql(
            "SELECT part, ord, path, kind FROM staged_documents WHERE run_id = %(run_id)s "
            "ORDER BY part, ord", parameters).all()
        for part, ord_, path, kind in staged:
            try:
                with conn.begin_nested():
                    done = _merge_staged(conn, {**parameters, "part": part, "ord": ord_,
                                                "path": path},
                                         "{t}.part = %(part)s AND {t}.path = %(path)s")
            except _REFUSED as error:
                message = str(getattr(error, "orig", None) or error).strip()
                refused.append((path, kind, DocumentError(path, "load", message)))
                continue
            changes = bulk.Changes(changes.inserted + done.inserted,
                                   changes.updated + done.updated,
                                   changes.deleted + done.deleted)
        return changes, refused


def _merge_staged(conn: sa.Connection, parameters: dict, where: str) -> bulk.Changes:
    """Staged documents, then their figures, of the run (and `where`, on alias {t})."""
    staged_documents = f"s.run_id = %(run_id)s AND {where.format(t='s')}"
    fields = ", ".join(_DOCUMENT_FIELDS)
    conn.exec_driver_sql(
        f"INSERT INTO documents ({fields}, run_id, loaded_at) "
        f"SELECT {', '.join(f's.{n}' for n in _DOCUMENT_FIELDS)}, %(run_id)s, %(now)s "
        f"FROM staged_documents s WHERE {staged_documents} AND s.kind = 'documents_new' "
        f"ORDER BY s.part, s.ord", parameters)
    conn.exec_driver_sql(
        f"UPDATE documents d SET {', '.join(f'{n} = s.{n}' for n in _DOCUMENT_FIELDS[1:])}, "
        f"run_id = %(run_id)s, loaded_at = %(now)s FROM staged_documents s "
        f"WHERE {staged_documents} AND s.kind = 'documents_changed' AND d.path = s.path",
        parameters)
    staged = (f"(SELECT g.*, d.id AS document_id FROM staged_figures g "
              f"JOIN documents d ON d.path = g.path "
              f"WHERE g.run_id = %(run_id)s AND {where.format(t='g')})")
    replaced = (f"f.document_id IN (SELECT d.id FROM documents d JOIN staged_documents s "
                f"ON s.path = d.path WHERE {staged_documents} "
                f"AND s.kind <> 'documents_new')")
    statements = bulk.merge_sql(staged, replaced, order="s.part, s.ord")
    return bulk.merge(conn, statements, [], **parameters)


_ENGINES: dict[str, sa.Engine] = {}


def stage_partition(url: str, run_id: int, part: int, work: list[tuple[int, Document, str]],
                    rules_version: str, rows: Rows, extract: Extract) -> dict:
    """On a worker: extract a partition's documents and stage them, replacing whatever an
    earlier attempt at the same partition staged. Returns the kinds of documents staged
    and the failures, by their place in the partition."""
    documents, figures, failures, kinds = [], [], [], Counter()
    for index, doc, kind in work:
        result = extract_one(doc, extract)
        try:
            if isinstance(result, DocumentError):
                raise result
            figure_rows = rows(doc, result)
        except DocumentError as error:
            failures.append((index, (error.path, error.stage, error.message, error.line)))
            continue
        row = _document_row(doc, rules_version)
        documents.append((run_id, part, index, kind, *(row[f] for f in _DOCUMENT_FIELDS)))
        figures.extend((run_id, part, len(figures), doc.path, *figure) for figure in figure_rows)
        kinds[kind] += 1
    engine = _ENGINES.get(url) or _ENGINES.setdefault(url, make_engine(url))
    with engine.begin() as conn:  # on a Dask worker: no signal handler of ours there
        for table in ("staged_figures", "staged_documents"):
            conn.exec_driver_sql(f"DELETE FROM {table} WHERE run_id = %(run_id)s "
                                 f"AND part = %(part)s", {"run_id": run_id, "part": part})
        bulk.copy_rows(conn, "staged_documents", _STAGED_DOCUMENTS, documents)
        bulk.copy_rows(conn, "staged_figures", _STAGED_FIGURES, figures)
    return {"kinds": dict(kinds), "failures": failures}
