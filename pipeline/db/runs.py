"""`solieu runs list|show|errors|check`: the run ledger and its quarantine, for an operator.

`runs check` is what a monitor calls after the nightly job: it exits non-zero when the last
completed run is too old or loaded nothing from the input it was given, so a job that
silently stopped working is noticed the next morning.
"""
from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta, timezone

import click
import regex
import sqlalchemy as sa

from pipeline.db import engine as schema
from pipeline.db.commands import _could_not_run, _db_option, engine_for
from pipeline.db.models import DocumentErrorRow, FigureRow, RunRow

_RUNS = RunRow.__table__
_ERRORS = DocumentErrorRow.__table__
_FIGURES = FigureRow.__table__
_FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
                       show_default=True, help="json: one object a line.")
_LIST_COLUMNS = ("id", "started_at", "finished_at", "status", "documents_seen", "documents_new",
                 "documents_changed", "documents_unchanged", "documents_failed",
                 "figures_inserted", "figures_updated", "figures_deleted")
_AGE = regex.compile(r"(?i)\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*")
_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


@click.group()
def runs() -> None:
    """The run ledger: past runs, their failed documents, and a freshness check."""


def _plain(value):
    if isinstance(value, datetime):
        return _utc(value).isoformat(timespec="seconds")
    return value


def _utc(moment: datetime) -> datetime:
    """SQLite hands timestamps back naive; solieu writes them in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _table(rows: list[dict], columns: tuple[str, ...]) -> None:
    cells = [[("" if r[c] is None else str(_plain(r[c]))) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip())
    for row in cells:
        click.echo("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())


def _json_lines(rows: list[dict]) -> None:
    for row in rows:
        click.echo(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False))


def _read(url: str, query) -> list[dict]:
    engine = engine_for(url, existing=True)
    schema.require_current(engine)
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(query).mappings()]


@runs.command(name="list")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@_FORMAT
@_db_option
def list_runs(limit: int, fmt: str, url: str) -> None:
    """The latest runs, newest first, with their counts."""
    with _could_not_run(url):
        rows = _read(url, sa.select(*(_RUNS.c[c] for c in _LIST_COLUMNS))
                     .order_by(_RUNS.c.id.desc()).limit(limit))
    _table(rows, _LIST_COLUMNS) if fmt == "table" else _json_lines(rows)


def _run_row(url: str, run_id: int) -> dict:
    rows = _read(url, sa.select(_RUNS).where(_RUNS.c.id == run_id))
    if not rows:
        click.echo(f"solieu: error: no run {run_id} in the ledger", err=True)
        sys.exit(2)
    return rows[0]


@runs.command(name="show")
@click.argument("run_id", metavar="RUN", type=int)
@_FORMAT
@_db_option
def show(run_id: int, fmt: str, url: str) -> None:
    """Everything the ledger holds about RUN."""
    with _could_not_run(url):
        row = _run_row(url, run_id)
        row["errors"] = len(_read(url, sa.select(_ERRORS.c.id).where(_ERRORS.c.run_id == run_id)))
    if fmt == "json":
        _json_lines([row])
        return
    width = max(map(len, row))
    for key, value in row.items():
        click.echo(f"{key.ljust(width)}  {'' if value is None else _plain(value)}")


@runs.command(name="errors")
@click.argument("run_id", metavar="RUN", type=int)
@_FORMAT
@_db_option
def errors(run_id: int, fmt: str, url: str) -> None:
    """The quarantine of RUN: one line per document that failed, with stage and reason."""
    with _could_not_run(url):
        _run_row(url, run_id)
        rows = _read(url, sa.select(_ERRORS.c.path, _ERRORS.c.line, _ERRORS.c.stage,
                                    _ERRORS.c.message, _ERRORS.c.recorded_at)
                     .where(_ERRORS.c.run_id == run_id).order_by(_ERRORS.c.id))
    if fmt == "json":
        _json_lines(rows)
        return
    for row in rows:
        where = f"{row['path']}:{row['line']}" if row["line"] else row["path"]
        click.echo(f"{where}: {row['stage']}: {row['message']}")


def _age(text: str) -> timedelta:
    match = _AGE.fullmatch(text)
    if match is None:
        raise click.BadParameter(f"{text!r}: give a number and a unit, as 26h, 90m, 2d or 3600s")
    return timedelta(seconds=float(match.group(1)) * _SECONDS[match.group(2).lower()])


@runs.command(name="check")
@click.option("--max-age", required=True, metavar="AGE",
              help="How old the last completed run may be: 26h, 90m, 2d, 3600s.")
@_FORMAT
@_db_option
def check(max_age: str, fmt: str, url: str) -> None:
    """Exit 1 when the last completed run is older than AGE or loaded nothing from a
    non-empty input (or saw no input at all); 0 when it is fresh and loaded; 2 when the
    database cannot be read."""
    limit = _age(max_age)
    with _could_not_run(url):
        last = _read(url, sa.select(_RUNS).where(_RUNS.c.status == "completed")
                     .order_by(_RUNS.c.id.desc()).limit(1))
        figures = _read(url, sa.select(sa.func.count().label("n")).select_from(_FIGURES))[0]["n"]
    problems, record = [], {"max_age_seconds": limit.total_seconds()}
    if not last:
        problems.append("no completed run in the ledger")
    else:
        run = last[0]
        age = datetime.now(timezone.utc) - _utc(run["finished_at"])
        record.update(run_id=run["id"], finished_at=_plain(run["finished_at"]),
                      age_seconds=round(age.total_seconds()), documents_seen=run["documents_seen"],
                      documents_failed=run["documents_failed"], figures=figures)
        if age > limit:
            problems.append(f"the last completed run ({run['id']}) finished {_hours(age)} ago, "
                            f"more than {max_age}")
        if run["documents_seen"] == 0:
            problems.append(f"run {run['id']} saw no documents: is the input folder empty?")
        elif run["documents_failed"] == run["documents_seen"]:
            problems.append(f"run {run['id']} loaded nothing: all {run['documents_seen']} "
                            f"documents failed (solieu runs errors {run['id']})")
        elif figures == 0:
            problems.append(f"run {run['id']} read {run['documents_seen']} documents and the "
                            "database holds no figure")
    record.update(ok=not problems, problems=problems)
    if fmt == "json":
        click.echo(json.dumps(record, ensure_ascii=False))
    elif problems:
        for problem in problems:
            click.echo(f"solieu runs check: FAIL: {problem}", err=True)
    else:
        click.echo(f"solieu runs check: OK: run {record['run_id']} finished "
                   f"{_hours(timedelta(seconds=record['age_seconds']))} ago, "
                   f"{record['figures']} figures held")
    sys.exit(1 if problems else 0)


def _hours(age: timedelta) -> str:
    hours = age.total_seconds() / 3600
    return f"{hours:.1f} h" if hours >= 1 else f"{age.total_seconds() / 60:.0f} min"
