"""`solieu review export`: every verdict with where it stands now, as CSV or JSON Lines."""
from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import TextIO

import sqlalchemy as sa

from pipeline.db.models import ReviewLinkRow, ReviewRow
from pipeline.safe_csv import Writer

FORMATS = ("csv", "jsonl")
_REVIEWS = ReviewRow.__table__
_LINKS = ReviewLinkRow.__table__


def write(engine: sa.Engine, fmt: str, out: TextIO) -> int:
    """Write the reviews, oldest first, each with its attachment; returns how many."""
    query = (sa.select(_REVIEWS, _LINKS.c.attachment, _LINKS.c.figure_id,
                       _LINKS.c.run_id.label("attached_by_run"))
             .outerjoin(_LINKS, _LINKS.c.review_id == _REVIEWS.c.id)
             .order_by(_REVIEWS.c.id))
    rows = 0
    with engine.connect() as conn:
        result = conn.execute(query)
        columns = list(result.keys())
        writer = Writer(out) if fmt == "csv" else None
        if writer is not None:
            writer.writerow(columns)
        for row in result:
            if writer is not None:
                writer.writerow([_text(v) for v in row])
            else:
                out.write(json.dumps(dict(zip(columns, map(_json, row))), ensure_ascii=False))
                out.write("\n")
            rows += 1
    return rows


def _text(value):
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return format(Decimal(str(value)).normalize(), "f")
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _json(value):
    if isinstance(value, (float, Decimal)):
        value = Decimal(str(value))
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value
