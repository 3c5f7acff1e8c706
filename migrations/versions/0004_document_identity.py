"""Document identity: resolved paths relative to the input root.

Until now a document was its path as typed, so `seeds/a.txt`, `./seeds/a.txt`,
`seeds//a.txt` and `/home/etl/seeds/a.txt` were four documents with four copies of every
figure. This rewrites each stored path to the identity pipeline.reading now gives
(normalized; an absolute or `../` path cut to the longest tail that another document
already has, else to its folder and file name), keeps the most recently loaded document of
each group that collapses to one identity, deletes the others with their figures, and
recomputes the figure keys (document + span + indicator) of the renamed documents, and
updates the descriptions of documents.path, documents.encoding and document_errors.stage.
Downgrading restores the descriptions and leaves the paths as they are: the old spellings
cannot be told apart again.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 16:40:00
"""
from __future__ import annotations

import hashlib
import posixpath
from collections import defaultdict

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

_DOCUMENTS = sa.table("documents", sa.column("id", sa.Integer), sa.column("path", sa.Text),
                      sa.column("loaded_at", sa.DateTime(timezone=True)))
_FIGURES = sa.table("figures", sa.column("id", sa.Integer), sa.column("document_id", sa.Integer),
                    sa.column("key", sa.Text), sa.column("start_offset", sa.Integer),
                    sa.column("end_offset", sa.Integer), sa.column("indicator", sa.Text))


def identity(path: str, known: set[str]) -> str:
    """The identity a stored path stands for; `known` are the other documents' relative ones."""
    normal = posixpath.normpath(path.replace("\\", "/"))
    parts = [p for p in normal.split("/") if p not in ("", "..")]
    if not normal.startswith(("/", "../")) and normal != "..":
        return normal
    for start in range(len(parts)):
        tail = "/".join(parts[start:])
        if tail in known:
            return tail
    return "/".join(parts[-2:])


def _key(path: str, start: int, end: int, indicator: str) -> str:
    """Figure.key as pipeline.figures computes it, frozen here as of this revision."""
    return hashlib.sha1(f"{path}\x1f{start}\x1f{end}\x1f{indicator}".encode()).hexdigest()[:16]


# The descriptions this revision gives (pipeline/db/dictionary.py), and those it replaces.
_COMMENTS = {
    ("documents", "path"): (
        "Identity: the resolved path relative to its input root (a folder's name and the path "
        "inside it, or the path inside a manifest's folder).",
        "Path as given to `solieu run` or in the manifest; identifies the document."),
    ("documents", "encoding"): (
        "How the text was read: utf-8, cp1258, tcvn3, vni, html:…, pdf, pdf:ocr, docx, "
        "docx:tcvn3 ….",
        "Encoding the file was decoded from."),
    ("document_errors", "stage"): (
        "Where it failed: manifest, read, decode, ocr, extract, validate, load.",
        "Where it failed (read, decode, extract, validate, load, ...)."),
}


def _comment(new: bool) -> None:
    """PostgreSQL keeps column descriptions as COMMENTs; SQLite has none to change."""
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    for (table, column), texts in _COMMENTS.items():
        text = texts[0 if new else 1].replace("'", "''")
        conn.exec_driver_sql(f'COMMENT ON COLUMN "{table}"."{column}" IS \'{text}\'')


def upgrade() -> None:
    _comment(new=True)
    conn = op.get_bind()
    documents = conn.execute(sa.select(_DOCUMENTS.c.id, _DOCUMENTS.c.path)
                             .order_by(_DOCUMENTS.c.loaded_at, _DOCUMENTS.c.id)).all()
    known = {posixpath.normpath(p) for _, p in documents
             if not posixpath.normpath(p).startswith(("/", "../"))}
    groups: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for document_id, path in documents:
        groups[identity(path, known)].append((document_id, path))
    for new_path, members in groups.items():  # members oldest load first: the last one stays
        (keep, old_path), losers = members[-1], [i for i, _ in members[:-1]]
        if losers:
            conn.execute(_FIGURES.delete().where(_FIGURES.c.document_id.in_(losers)))
            conn.execute(_DOCUMENTS.delete().where(_DOCUMENTS.c.id.in_(losers)))
        if old_path == new_path:
            continue
        conn.execute(_DOCUMENTS.update().where(_DOCUMENTS.c.id == keep).values(path=new_path))
        figures = conn.execute(sa.select(_FIGURES.c.id, _FIGURES.c.start_offset,
                                         _FIGURES.c.end_offset, _FIGURES.c.indicator)
                               .where(_FIGURES.c.document_id == keep)).all()
        if figures:
            conn.execute(_FIGURES.update().where(_FIGURES.c.id == sa.bindparam("figure_id"))
                         .values(key=sa.bindparam("new_key")),
                         [{"figure_id": i, "new_key": _key(new_path, s, e, ind)}
                          for i, s, e, ind in figures])


def downgrade() -> None:
    _comment(new=False)
