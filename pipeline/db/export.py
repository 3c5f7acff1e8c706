"""A BI view out as CSV or JSON Lines, streamed, with values written the same on both databases.

CSV cells that a spreadsheet would run as formulas are neutralised (pipeline.safe_csv).
"""
from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import TextIO

import sqlalchemy as sa

from pipeline import safe_csv

FORMATS = ("csv", "jsonl")


def write(engine: sa.Engine, view: str, fmt: str, out: TextIO) -> int:
    """Write every row of `view` to `out`; returns the number of rows."""
    rows = 0
    with engine.connect() as conn:
        table = sa.Table(view, sa.MetaData(), autoload_with=conn)
        result = conn.execution_options(stream_results=True).execute(sa.select(table))
        columns = list(result.keys())
        if fmt == "csv":
            writer = safe_csv.Writer(out)
            writer.writerow(columns)
            for row in result:
                writer.writerow([_csv(v) for v in row])
                rows += 1
        else:
            for row in result:
                out.write(json.dumps(dict(zip(columns, map(_json, row))), ensure_ascii=False))
                out.write("\n")
                rows += 1
    return rows


def _csv(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _json(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date):
        return value.isoformat()
    return value
