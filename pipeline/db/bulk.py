"""Writing a batch's documents and figures in bulk, inside the caller's transaction.

A figure row is a tuple in the order of FIELDS, its digest last. SQLite takes plain
`executemany` (the sqlite3 module runs it in C). PostgreSQL takes `COPY`: the figures of new
documents straight into figures; those of documents stored before into a temporary staging
table, then three set-based statements delete the vanished figures, update the changed and
insert the new. (SQLAlchemy's executemany through psycopg 3 sends a statement per row.)

An unchanged figure (same key, same digest) is not touched and keeps its id and run.
"""
from __future__ import annotations

import dataclasses
import hashlib
import marshal
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from pipeline.db.models import DocumentRow, FigureRow

FIELDS = ("key", "indicator", "value", "unit", "province", "province_code", "province_era",
          "scope", "locality", "period_start", "period_end", "period_grain", "status",
          "estimate", "basis", "of_total", "bound", "flags", "start_offset", "end_offset",
          "line", "quote", "rule")
COLUMNS = (*FIELDS, "digest")
KEY, INDICATOR, START, END, LINE = (FIELDS.index(f) for f in
                                    ("key", "indicator", "start_offset", "end_offset", "line"))
_AS_TEXT = tuple(FIELDS.index(f) for f in ("value", "period_start", "period_end", "of_total"))
_WRITTEN = ("run_id", "rules_version")
_IN_LIST = 500  # ids per IN (...) list: far below SQLite's limit on parameters
_FIGURES = FigureRow.__table__
_DOCUMENTS = DocumentRow.__table__
DOCUMENT_COLUMNS = ("path", "url", "title", "published", "province", "encoding", "sha256",
                    "rules_version", "text", "run_id", "loaded_at")


def digest(fields: tuple) -> str:
    """The fingerprint of a figure's values that says whether a reload changed it: SHA-1 of
    the fields, Decimals and dates as text, serialized by marshal version 2 (C, and without
    the object references of later versions, so equal fields give equal bytes). A third of
    what JSON cost, and most of what the load spends per figure before the database."""
    plain = list(fields)
    for i in _AS_TEXT:
        if plain[i] is not None:
            plain[i] = str(plain[i])
    return hashlib.sha1(marshal.dumps(plain, 2)).hexdigest()


@dataclass(frozen=True)
class Written:
    """What a document's figures became: its id in documents, whether it had figures stored
    before (a new document has none to compare), and its rows."""

    document_id: int
    stored: bool
    rows: list[tuple]


@dataclass(frozen=True)
class Changes:
    inserted: int = 0
    updated: int = 0
    deleted: int = 0


class Refused(Exception):
    """The database refused a row the driver sent outside SQLAlchemy (COPY): the batch fails
    as an IntegrityError or DataError would."""


def writer(dialect: sa.Dialect) -> FigureWriter:
    return PostgresFigures() if dialect.name == "postgresql" else SqliteFigures(dialect)


class FigureWriter:
    def write(self, conn: sa.Connection, written: Sequence[Written], run_id: int,
              rules_version: str) -> Changes:
        raise NotImplementedError

    def documents(self, conn: sa.Connection, new: Sequence[tuple],
                  changed: Sequence[tuple[int, tuple]]) -> dict[str, int]:
        """Insert `new` and update `changed` (id, row) documents, rows in the order of
        DOCUMENT_COLUMNS; returns the new documents' ids by path."""
        raise NotImplementedError


def _ids(conn: sa.Connection, paths: list[str]) -> dict[str, int]:
    found = {}
    for i in range(0, len(paths), _IN_LIST):
        found.update((path, i) for i, path in conn.execute(
            sa.select(_DOCUMENTS.c.id, _DOCUMENTS.c.path)
            .where(_DOCUMENTS.c.path.in_(paths[i:i + _IN_LIST]))))
    return found


def stored_digests(conn: sa.Connection, document_ids: Iterable[int]) -> dict[str, tuple[int, str]]:
    """key → (id, digest) of the figures stored for `document_ids`, a few queries at most."""
    ids, found = list(document_ids), {}
    for i in range(0, len(ids), _IN_LIST):
        found.update((key, (fid, dig)) for key, fid, dig in conn.execute(
            sa.select(_FIGURES.c.key, _FIGURES.c.id, _FIGURES.c.digest)
            .where(_FIGURES.c.document_id.in_(ids[i:i + _IN_LIST]))))
    return found


def diff(stored: dict[str, tuple[int, str]], written: Sequence[Written]):
    """(inserts as (document_id, row), updates as (id, row), deleted ids): what turns the
    stored figures of the written documents into their new rows. Consumes `stored`."""
    inserts, updates = [], []
    for doc in written:
        for row in doc.rows:
            old = stored.pop(row[KEY], None)
            if old is None:
                inserts.append((doc.document_id, row))
            elif old[1] != row[-1]:
                updates.append((old[0], row))
    return inserts, updates, [fid for fid, _ in stored.values()]


class SqliteFigures(FigureWriter):
    """executemany of plain tuples, converted as SQLAlchemy would store them (dates as ISO
    text, Decimals as floats), so readers through SQLAlchemy see the same values."""

    def __init__(self, dialect: sa.Dialect):
        self._convert = [(i, _fast(_FIGURES.c[name].type) or processor)
                         for i, name in enumerate(COLUMNS)
                         if (processor := _FIGURES.c[name].type._cached_bind_processor(dialect))]
        names = (*COLUMNS, "document_id", *_WRITTEN)
        self._insert = (f"INSERT INTO figures ({', '.join(names)}) "
                        f"VALUES ({', '.join('?' * len(names))})")
        assignments = ", ".join(f"{n} = ?" for n in (*COLUMNS[1:], *_WRITTEN))
        self._update = f"UPDATE figures SET {assignments} WHERE id = ?"
        self._document = [(i, processor) for i, name in enumerate(DOCUMENT_COLUMNS)
                          if (processor := _DOCUMENTS.c[name].type._cached_bind_processor(dialect))]
        self._insert_document = (f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}) "
                                 f"VALUES ({', '.join('?' * len(DOCUMENT_COLUMNS))})")
        self._update_document = (f"UPDATE documents SET "
                                 f"{', '.join(f'{n} = ?' for n in DOCUMENT_COLUMNS)} WHERE id = ?")

    def _plain_document(self, row: tuple) -> list:
        row = list(row)
        for i, processor in self._document:
            row[i] = processor(row[i])
        return row

    def documents(self, conn, new, changed) -> dict[str, int]:
        if changed:
            conn.exec_driver_sql(self._update_document,
                                 [(*self._plain_document(row), i) for i, row in changed])
        if not new:
            return {}
        conn.exec_driver_sql(self._insert_document, [tuple(self._plain_document(row))
                                                     for row in new])
        return _ids(conn, [row[0] for row in new])

    def _plain(self, row: tuple) -> list:
        row = list(row)
        for i, processor in self._convert:
            if row[i] is not None:
                row[i] = processor(row[i])
        return row

    def write(self, conn, written, run_id, rules_version) -> Changes:
        stored = stored_digests(conn, [w.document_id for w in written if w.stored])
        inserts, updates, deletes = diff(stored, written)
        for i in range(0, len(deletes), _IN_LIST):
            chunk = deletes[i:i + _IN_LIST]
            conn.exec_driver_sql(f"DELETE FROM figures WHERE id IN ({', '.join('?' * len(chunk))})",
                                 tuple(chunk))
        if updates:
            conn.exec_driver_sql(self._update, [(*self._plain(row)[1:], run_id, rules_version, fid)
                                                for fid, row in updates])
        if inserts:
            conn.exec_driver_sql(self._insert, [(*self._plain(row), doc_id, run_id, rules_version)
                                                for doc_id, row in inserts])
        return Changes(len(inserts), len(updates), len(deletes))


def _fast(kind: sa.types.TypeEngine):
    """What SQLAlchemy's SQLite processors do to these types, without their checks."""
    if isinstance(kind, sa.Boolean):
        return int
    if isinstance(kind, sa.Date) and not isinstance(kind, sa.DateTime):
        return date.isoformat
    if isinstance(kind, sa.Numeric) and not isinstance(kind, sa.Float):
        return float
    return None


STAGE_COLUMNS = ("ord", "document_id", *COLUMNS)


def merge_sql(staged: str, replaced: str = "f.document_id = ANY(%(document_ids)s)",
              order: str = "s.ord") -> dict[str, str]:
    """The set-based merge of `staged` (a table or subquery with document_id and COLUMNS)
    into figures: delete what the `replaced` documents no longer have, update what changed,
    insert what is new (in `order`, so ids follow the input as they would row by row).
    Parameters: run_id, rules_version and whatever `staged` and `replaced` name."""
    fields = ", ".join(COLUMNS)
    return {
        "deleted": f"DELETE FROM figures f WHERE {replaced} "
                   f"AND NOT EXISTS (SELECT 1 FROM {staged} s WHERE s.key = f.key)",
        "updated": f"UPDATE figures f SET "
                   f"{', '.join(f'{n} = s.{n}' for n in COLUMNS[1:])}, "
                   f"run_id = %(run_id)s, rules_version = %(rules_version)s "
                   f"FROM {staged} s WHERE f.key = s.key AND f.digest <> s.digest",
        "inserted": f"INSERT INTO figures (document_id, {fields}, run_id, rules_version) "
                    f"SELECT s.document_id, {', '.join(f's.{n}' for n in COLUMNS)}, "
                    f"%(run_id)s, %(rules_version)s FROM {staged} s "
                    f"WHERE NOT EXISTS (SELECT 1 FROM figures f WHERE f.key = s.key) "
                    f"ORDER BY {order}",
    }


def copy_rows(conn: sa.Connection, table: str, columns: Sequence[str],
              rows: Iterable[tuple]) -> None:
    """COPY `rows` into `table` on the connection's own transaction (psycopg 3)."""
    import psycopg

    driver = conn.connection.driver_connection
    try:
        with driver.cursor() as cursor:
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
    except (psycopg.DataError, psycopg.IntegrityError) as error:
        raise Refused(str(error).strip()) from error


class PostgresFigures(FigureWriter):
    """COPY into a temporary staging table (no WAL, emptied at commit), then the merge."""

    _STAGE = "solieu_stage"

    _DOCUMENT_STAGE = "solieu_stage_documents"

    def __init__(self):
        self._merge = merge_sql(self._STAGE)

    def _create_stage(self, conn: sa.Connection, name: str, table: sa.Table,
                      columns: Sequence[str]) -> None:
        types = {c.name: c.type.compile(conn.dialect) for c in table.c} | {"ord": "INTEGER"}
        conn.exec_driver_sql(f"CREATE TEMPORARY TABLE IF NOT EXISTS {name} "
                             f"({', '.join(f'{n} {types[n]}' for n in columns)}) "
                             "ON COMMIT DELETE ROWS")

    def documents(self, conn, new, changed) -> dict[str, int]:
        if changed:
            columns = ("id", *DOCUMENT_COLUMNS)
            self._create_stage(conn, self._DOCUMENT_STAGE, _DOCUMENTS, columns)
            copy_rows(conn, self._DOCUMENT_STAGE, columns, ((i, *row) for i, row in changed))
            conn.exec_driver_sql(
                f"UPDATE documents d SET {', '.join(f'{n} = s.{n}' for n in DOCUMENT_COLUMNS)} "
                f"FROM {self._DOCUMENT_STAGE} s WHERE d.id = s.id")
        if not new:
            return {}
        copy_rows(conn, "documents", DOCUMENT_COLUMNS, new)
        return _ids(conn, [row[0] for row in new])

    def write(self, conn, written, run_id, rules_version) -> Changes:
        """New documents' figures go straight into figures; those of stored documents
        through the staging table and the merge."""
        new = [(w.document_id, row) for w in written if not w.stored for row in w.rows]
        if new:
            copy_rows(conn, "figures", ("document_id", *COLUMNS, *_WRITTEN),
                      ((document_id, *row, run_id, rules_version) for document_id, row in new))
        stored = [w for w in written if w.stored]
        if not stored:
            return Changes(inserted=len(new))
        self._create_stage(conn, self._STAGE, _FIGURES, STAGE_COLUMNS)
        copy_rows(conn, self._STAGE, STAGE_COLUMNS,
                  ((n, document_id, *row) for n, (document_id, row) in enumerate(
                      (w.document_id, row) for w in stored for row in w.rows)))
        changes = merge(conn, self._merge, [w.document_id for w in stored], run_id,
                        rules_version)
        return dataclasses.replace(changes, inserted=changes.inserted + len(new))


def merge(conn: sa.Connection, statements: dict[str, str], document_ids: list[int],
          run_id: int, rules_version: str, **more) -> Changes:
    parameters = {"document_ids": document_ids, "run_id": run_id,
                  "rules_version": rules_version, **more}
    done = {name: conn.exec_driver_sql(sql, parameters).rowcount
            for name, sql in statements.items()}
    return Changes(**done)
