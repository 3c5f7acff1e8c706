"""The reference tables (provinces, districts, indicators), kept equal to seeds/*.csv.

Rows are upserted, never deleted: figures reference them. An unchanged catalogue writes
nothing, so a rerun stays a no-op. The indicator catalogue is read through
pipeline.indicators, which types and checks its columns (kind, bounds, flags, references).
"""
from __future__ import annotations

import csv
from pathlib import Path

import sqlalchemy as sa

import pipeline
from pipeline.db.models import DistrictRow, IndicatorRow, ProvinceRow
from pipeline.indicators import read_catalogue

SEEDS = Path(pipeline.__file__).resolve().parents[1] / "seeds"

def sync(conn: sa.Connection, seeds: Path = SEEDS) -> None:
    for table, filename, read in _SOURCES:
        path = seeds / filename
        if path.exists():
            _upsert(conn, table, read(path, table))


def _read(path: Path, table: sa.Table) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = []
        for record in csv.DictReader(handle):
            row = {k: (v or None) for k, v in record.items()}
            rows.append({c.name: row[c.name] for c in table.columns if c.name in row})
    return rows


def _read_catalogue(path: Path, table: sa.Table) -> list[dict]:
    rows = []
    for item in read_catalogue(path).values():
        row = {c.name: getattr(item, c.name) for c in table.columns}
        rows.append({k: (None if v == "" else v) for k, v in row.items()})
    return rows


_SOURCES = (
    (ProvinceRow.__table__, "provinces.csv", _read),
    (DistrictRow.__table__, "districts.csv", _read),
    (IndicatorRow.__table__, "indicators.csv", _read_catalogue),
)


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
