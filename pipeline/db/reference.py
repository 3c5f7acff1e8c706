"""The reference tables (provinces, districts, indicators), kept equal to seeds/*.csv.

Rows are upserted, never deleted: figures reference them. An unchanged catalogue writes
nothing, so a rerun stays a no-op.
"""
from __future__ import annotations

import csv
from pathlib import Path

import sqlalchemy as sa

import pipeline
from pipeline.db.models import DistrictRow, IndicatorRow, ProvinceRow

SEEDS = Path(pipeline.__file__).resolve().parents[1] / "seeds"

_SOURCES = (
    (ProvinceRow.__table__, "provinces.csv", {}),
    (DistrictRow.__table__, "districts.csv", {}),
    (IndicatorRow.__table__, "indicators.csv", {"typical wording": "example"}),
)


def sync(conn: sa.Connection, seeds: Path = SEEDS) -> None:
    for table, filename, renames in _SOURCES:
        path = seeds / filename
        if path.exists():
            _upsert(conn, table, _read(path, table, renames))


def _read(path: Path, table: sa.Table, renames: dict[str, str]) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = []
        for record in csv.DictReader(handle):
            row = {renames.get(k, k): (v or None) for k, v in record.items()}
            rows.append({c.name: row[c.name] for c in table.columns if c.name in row})
    return rows


def _upsert(conn: sa.Connection, table: sa.Table, rows: list[dict]) -> None:
    keys = [c.name for c in table.primary_key]
    stored = {tuple(r[k] for k in keys): r for r in conn.execute(sa.select(table)).mappings()}
    new, changed = [], []
    for row in rows:
        old = stored.get(tuple(row[k] for k in keys))
        if old is None:
            new.append(row)
        elif any(old[c] != v for c, v in row.items()):
            changed.append({**row, **{f"_{k}": row[k] for k in keys}})
    if new:
        conn.execute(table.insert(), new)
    if changed:
        where = [table.c[k] == sa.bindparam(f"_{k}") for k in keys]
        conn.execute(table.update().where(*where), changed)
