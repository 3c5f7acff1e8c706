"""Re-attaching verdicts after a load: each review finds the figure it judged, or says why not.

A review keeps the evidence it judged (figure key, quote, value, offsets). After a document is
reloaded, each of its reviews is matched against the document's figures, in this order:

- exact: the figure with the same key, value and quote (the same figure);
- carried: a figure of the same indicator, value and quote elsewhere (the text moved);
- stale: the figure with the same key, or of the same indicator and quote, or of the same
  indicator and value in an edited sentence, but changed: the verdict needs re-review;
- orphaned: nothing left to judge.

It runs inside the load's transaction for the document, so a verdict never points at figures
the database does not hold.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal

import sqlalchemy as sa

from pipeline.db.models import DocumentRow, FigureRow, ReviewLinkRow, ReviewRow

_FIGURES = FigureRow.__table__
_REVIEWS = ReviewRow.__table__
_LINKS = ReviewLinkRow.__table__


@dataclass(frozen=True)
class Evidence:
    """What a review judged, or what a figure now says: the fields matching compares."""

    key: str
    indicator: str
    value: Decimal
    quote: str
    start: int


@dataclass(frozen=True)
class Attachment:
    figure_id: int | None
    attachment: str


def number(value) -> Decimal:
    """A NUMERIC as read back from either database (SQLite may give a float), comparable."""
    return Decimal(str(value)).normalize()


def match(judged: Evidence, figures: dict[int, Evidence]) -> Attachment:
    """Where the review of `judged` stands among a document's current `figures` (by id)."""
    def nearest(candidates: list[int]) -> int:
        return min(candidates, key=lambda i: (abs(figures[i].start - judged.start), i))

    same_key = [i for i, f in figures.items() if f.key == judged.key]
    for i in same_key:
        if figures[i].value == judged.value and figures[i].quote == judged.quote:
            return Attachment(i, "exact")
    same_indicator = {i: f for i, f in figures.items() if f.indicator == judged.indicator}
    moved = [i for i, f in same_indicator.items()
             if f.value == judged.value and f.quote == judged.quote]
    if moved:
        return Attachment(nearest(moved), "carried")
    if same_key:
        return Attachment(same_key[0], "stale")
    changed = ([i for i, f in same_indicator.items() if f.quote == judged.quote]
               or [i for i, f in same_indicator.items() if f.value == judged.value])
    if changed:
        return Attachment(nearest(changed), "stale")
    return Attachment(None, "orphaned")


def reattach(conn: sa.Connection, path: str, run_id: int | None) -> dict[str, int]:
    """Re-attach every review of the document at `path`; returns how many landed where."""
    reviews = conn.execute(
        sa.select(_REVIEWS.c.id, _REVIEWS.c.figure_key, _REVIEWS.c.indicator, _REVIEWS.c.value,
                  _REVIEWS.c.quote, _REVIEWS.c.start_offset)
        .where(_REVIEWS.c.document_path == path)).all()
    tally: dict[str, int] = {}
    if not reviews:
        return tally
    figures = {row.id: Evidence(row.key, row.indicator, number(row.value), row.quote,
                                row.start_offset)
               for row in conn.execute(
                   sa.select(_FIGURES.c.id, _FIGURES.c.key, _FIGURES.c.indicator,
                             _FIGURES.c.value, _FIGURES.c.quote, _FIGURES.c.start_offset)
                   .join(DocumentRow, DocumentRow.id == _FIGURES.c.document_id)
                   .where(DocumentRow.path == path))}
    stored = {row.review_id: (row.figure_id, row.attachment) for row in conn.execute(
        sa.select(_LINKS.c.review_id, _LINKS.c.figure_id, _LINKS.c.attachment)
        .where(_LINKS.c.review_id.in_([r.id for r in reviews])))}
    now = datetime.now(timezone.utc)
    for review in reviews:
        judged = Evidence(review.figure_key, review.indicator, number(review.value),
                          review.quote, review.start_offset)
        found = match(judged, figures)
        tally[found.attachment] = tally.get(found.attachment, 0) + 1
        if stored.get(review.id) == (found.figure_id, found.attachment):
            continue
        values = {"figure_id": found.figure_id, "attachment": found.attachment,
                  "run_id": run_id, "checked_at": now}
        if review.id in stored:
            conn.execute(_LINKS.update().where(_LINKS.c.review_id == review.id).values(values))
        else:
            conn.execute(_LINKS.insert().values(review_id=review.id, **values))
    return tally
