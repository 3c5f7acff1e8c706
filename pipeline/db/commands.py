"""`solieu run`, `solieu db upgrade|downgrade|current` and `solieu export`.

Made for cron: stdout carries only data (export, db current, and the `--summary json` line);
messages, the progress bar and the summary go to stderr, as text or one JSON object a line
(`--log-format json`); exit status 0 is success, 1 some documents failed, 2 could not run.
A bad URL or path is one line, never a traceback, and never creates a file.
"""
from __future__ import annotations

import dataclasses
import json
import sys
import traceback
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, nullcontext
from pathlib import Path

import click
import sqlalchemy as sa

from pipeline.db import engine as schema
from pipeline.db import interrupts
from pipeline.db.dictionary import VIEWS
from pipeline.db.export import FORMATS, write
from pipeline.db.load import BATCH, MAX_BATCH, RunReport, load
from pipeline.db.locking import RunRefused
from pipeline.documents import DocumentError
from pipeline.logs import Log, log_format_option
from pipeline.input_options import input_options

_FAILURES_SHOWN = 10  # in the one-line JSON summary; stderr lists every failure

_db_option = click.option(
    "--db", "url", envvar="SOLIEU_DATABASE_URL", default=schema.DEFAULT_URL,
    show_default=True, show_envvar=True,
    help="SQLAlchemy database URL; postgresql:// uses psycopg 3.")


class CannotRun(Exception):
    """The command cannot run at all: bad arguments, URL or database (exit status 2)."""


def _cannot_run(message: str, log: Log | None = None) -> None:
    (log or Log()).error("cannot_run", message)
    sys.exit(2)


def _one_line(text: object, limit: int = 300) -> str:
    """A driver's message cut to its first line: no SQL, parameters or background links."""
    line = (str(text).strip().splitlines() or [""])[0].strip()
    return line if len(line) <= limit else line[:limit] + "…"


def _shown(url: str) -> str:
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except (sa.exc.ArgumentError, ValueError):
        return repr(url)


def engine_for(url: str, *, existing: bool = False) -> sa.Engine:
    """An engine for `url`, checked before anything touches the disk or the network.

    `existing`: the command only reads, so a SQLite file that is not there is a mistyped
    path, refused rather than created empty.
    """
    try:
        parsed = sa.make_url(url)
        parsed.port  # a non-numeric port fails here, not deep in the driver
    except (sa.exc.ArgumentError, ValueError) as error:
        raise CannotRun(f"bad database URL {url!r}: {_one_line(error)}") from None
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        file = Path(parsed.database)
        if not file.parent.is_dir():
            raise CannotRun(f"bad database URL {_shown(url)}: folder {file.parent} does not exist")
        if existing and not file.exists():
            raise CannotRun(f"no database at {file} (a mistyped path? `solieu run` or "
                            "`solieu db upgrade` creates one)")
        if file.is_file() and not _is_sqlite(file):
            raise CannotRun(f"{file} is not a SQLite database")
    try:
        return schema.make_engine(parsed)
    except (sa.exc.NoSuchModuleError, ModuleNotFoundError, ImportError) as error:
        raise CannotRun(f"unsupported database URL {_shown(url)}: {_one_line(error)}") from None


def _is_sqlite(file: Path) -> bool:
    """Empty (SQLite makes it a database) or starting with SQLite's header."""
    try:
        with file.open("rb") as handle:
            head = handle.read(16)
    except OSError:
        return True  # let SQLite say why it cannot open it
    return head in (b"", b"SQLite format 3\0")


@contextmanager
def _could_not_run(url: str, log: Log | None = None) -> Iterator[None]:
    """Turn the ways a command can fail as a whole into one clear line and exit status 2."""
    try:
        yield
    except CannotRun as error:
        _cannot_run(str(error), log)
    except (RunRefused, schema.SchemaNotCurrent) as error:
        _cannot_run(str(error), log)
    except (sa.exc.NoSuchModuleError, ModuleNotFoundError) as error:
        _cannot_run(f"unsupported database URL {_shown(url)}: {_one_line(error)}", log)
    except sa.exc.ArgumentError as error:
        _cannot_run(f"bad database URL {_shown(url)}: {_one_line(error)}", log)
    except sa.exc.OperationalError as error:
        _cannot_run(f"database {_shown(url)} unreachable or unusable: "
                    f"{_one_line(error.orig)}", log)
    except sa.exc.SQLAlchemyError as error:
        _cannot_run(f"database {_shown(url)}: {_one_line(getattr(error, 'orig', None) or error)}",
                    log)
    except click.FileError as error:
        _cannot_run(f"cannot write {error.ui_filename}: {error.message}", log)
    except OSError as error:
        _cannot_run(f"database {_shown(url)}: {error.strerror or error}"
                    f"{f' ({error.filename})' if error.filename else ''}", log)
    except Exception:
        traceback.print_exc()
        _cannot_run("stopped on an unexpected error (traceback above)", log)


def _watched(items, log: Log, logged: set[int]):
    """Input that could not be read is logged as it is met, so a log collector sees it live."""
    for item in items:
        if isinstance(item, DocumentError):
            log.document_failed(item)
            logged.add(id(item))
        yield item


def _progress(items, log: Log):
    if log.json or not sys.stderr.isatty():
        return nullcontext(items)
    return click.progressbar(items, label="loading", file=sys.stderr, show_pos=True,
                             item_show_func=lambda item: item.path if item else None)


def outcome(report: RunReport) -> str:
    """One word for what a run came to, so "nothing new" is never confused with "all failed"."""
    c = report.counts
    if report.run_id is None:
        return "dry_run"
    if c.documents_seen == 0:
        return "empty_input"
    if c.documents_failed == c.documents_seen:
        return "all_failed"
    if c.documents_failed:
        return "partial"
    return "nothing_new" if c.wrote_nothing else "loaded"


def exit_status(report: RunReport) -> int:
    """0 when every document loaded (or would, in a dry run), else 1."""
    if outcome(report) == "dry_run":
        c = report.counts
        return 0 if c.documents_seen and not c.documents_failed else 1
    return 0 if outcome(report) in ("loaded", "nothing_new") else 1


def summary(report: RunReport, url: str) -> str:
    """The one-screen account of a run printed when it ends."""
    c = report.counts
    title = (f"solieu run --dry-run on {_shown(url)}: nothing was written; a run would do this"
             if report.run_id is None else
             f"solieu run {report.run_id} {report.status} on {_shown(url)} "
             f"in {report.seconds:.1f} s")
    lines = [
        title,
        f"  documents  {c.documents_seen} seen: {c.documents_new} new, {c.documents_changed} "
        f"changed, {c.documents_unchanged} unchanged, {c.documents_failed} failed",
        f"  figures    {c.figures_inserted} inserted, {c.figures_updated} updated, "
        f"{c.figures_deleted} deleted",
    ]
    said = {
        "nothing_new": "  no changes: the database already held every document and figure",
        "all_failed": f"  nothing loaded: every one of the {c.documents_seen} documents failed",
        "empty_input": "  nothing loaded: the input held no documents (.txt, .html, .pdf, .docx)",
    }.get(outcome(report))
    if said:
        lines.append(said)
    if report.failures:
        where = "" if report.run_id is None else f"; all in document_errors, run_id {report.run_id}"
        lines.append(f"  failed documents ({len(report.failures)}{where}), one line each:")
        lines.extend(f"    {e}" for e in report.failures)
    return "\n".join(lines)


def summary_record(report: RunReport, url: str) -> dict:
    """The run as one JSON object: what `--summary json` prints for a scheduler to read."""
    return {"run_id": report.run_id, "status": report.status, "outcome": outcome(report),
            "exit_status": exit_status(report), "database": _shown(url),
            "seconds": round(report.seconds, 3), **dataclasses.asdict(report.counts),
            "failures_shown": min(len(report.failures), _FAILURES_SHOWN),
            "failures": [{"path": e.path, "stage": e.stage, "line": e.line, "message": e.message}
                         for e in report.failures[:_FAILURES_SHOWN]]}


def _run_on_dask(engine: sa.Engine, items, address: str, *, dry_run: bool,
                 **options) -> RunReport:
    """`run --dask`: pipeline.db.dask_run, imported only now (distributed is an extra)."""
    if dry_run:
        raise CannotRun("--dry-run reads the database on this machine: leave out --dask")
    try:
        from pipeline.db import dask_run
    except ModuleNotFoundError as error:
        raise CannotRun(f"--dask needs Dask ({error.name} is not installed): "
                        "pip install 'solieu[dask]'") from None
    from pipeline.extraction import extract_document

    if engine.dialect.name != "postgresql":
        raise CannotRun(f"--dask needs PostgreSQL: the workers write to the database, and "
                        f"{_shown(str(engine.url))} is a file on this machine")
    with ExitStack() as stack:
        try:
            client = stack.enter_context(dask_run.connect(address))
        except (OSError, TimeoutError, ValueError) as error:
            raise CannotRun(f"Dask scheduler {address!r} unreachable: "
                            f"{_one_line(error)}") from None
        return dask_run.load_on_dask(engine, items, client=client, extract=extract_document,
                                     partition=options.pop("batch") or dask_run.PARTITION,
                                     **options)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False),
              help="JSON Lines manifest of documents (paths relative to its folder).")
@_db_option
@click.option("--full-refresh", is_flag=True,
              help="Re-extract every document, changed or not; unchanged figures keep their ids.")
@click.option("--dry-run", is_flag=True, help="Say what a run would write; write nothing.")
@click.option("--wait", type=click.FloatRange(min=0), default=0, show_default=True,
              help="Seconds to wait for another run on the same database; 0 exits at once.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes that extract (default: every core this process may use).")
@click.option("--batch", type=click.IntRange(1, MAX_BATCH), default=None,
              help=f"Documents written per transaction (default {BATCH}); with --dask, "
              "documents per partition (default 200).")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Extract on a Dask cluster (tcp://host:8786, or `local` for one on this "
              "machine) and merge in one transaction; PostgreSQL only; needs solieu[dask].")
@input_options
@log_format_option
@click.option("--summary", "summary_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="json: also print the summary as one JSON line on stdout.")
def run(paths: tuple[str, ...], manifest: str | None, url: str, full_refresh: bool,
        dry_run: bool, wait: float, workers: int | None, batch: int | None,
        dask_address: str | None, max_bytes: int, allow_outside: bool, log_format: str,
        summary_format: str) -> None:
    """Load documents (PATH... files or folders, or --manifest FILE) into the database.

    Only new or changed documents are extracted; a failing document is quarantined in
    document_errors and the run goes on. An empty database is created first.

    Exit status: 0 loaded (or nothing new), 1 some or all documents failed or the input held
    none, 2 could not run or was interrupted.
    """
    if not paths and manifest is None:
        raise click.UsageError("give documents as PATH... or --manifest FILE")
    from pipeline.parallel import default_workers
    from pipeline.ruleset import rules_version
    from pipeline.reading import iter_documents

    log, logged = Log(log_format), set()
    documents = iter_documents(paths, manifest, max_bytes=max_bytes, allow_outside=allow_outside)
    if log.json:
        log.info("run_started", f"solieu run on {_shown(url)}", database=_shown(url),
                 paths=list(paths), manifest=manifest, dry_run=dry_run)
        documents = _watched(documents, log, logged)
    with _could_not_run(url, log):
        engine = engine_for(url)
        try:
            with interrupts.stop_between_calls(), _progress(documents, log) as items:
                if dask_address is not None:
                    report = _run_on_dask(engine, items, dask_address, dry_run=dry_run,
                                          rules_version=rules_version(),
                                          full_refresh=full_refresh, wait=wait, batch=batch)
                else:
                    report = load(engine, items, rules_version=rules_version(), full_refresh=full_refresh,
                                  dry_run=dry_run, wait=wait,
                                  workers=workers or default_workers(),
                                  batch=batch or BATCH)
        except KeyboardInterrupt:
            _cannot_run("interrupted: the documents committed so far stay loaded, "
                        "and the next run finishes the work", log)
    if log.json:
        for failure in report.failures:
            if id(failure) not in logged:
                log.document_failed(failure)
        record = summary_record(report, url)
        level = {"partial": "warning", "all_failed": "error", "empty_input": "error"}
        log.event(level.get(record["outcome"], "info"), "run_finished",
                  summary(report, url).splitlines()[0], **{k: v for k, v in record.items()
                                                           if k != "failures"})
    else:
        click.echo(summary(report, url), err=True)
    if summary_format == "json":
        click.echo(json.dumps(summary_record(report, url), ensure_ascii=False))
    sys.exit(exit_status(report))


@click.group()
def db() -> None:
    """The database schema, migrated by Alembic."""


@db.command(name="upgrade")
@click.argument("revision", default="head")
@_db_option
def db_upgrade(revision: str, url: str) -> None:
    """Migrate the schema up to REVISION (default: head) and refresh the reference tables."""
    with _could_not_run(url):
        engine = engine_for(url)
        schema.upgrade(engine, revision)
        with engine.connect() as conn:
            click.echo(f"{_shown(url)}: schema at revision {schema.current(conn)}", err=True)


@db.command(name="downgrade")
@click.argument("revision")
@_db_option
def db_downgrade(revision: str, url: str) -> None:
    """Migrate the schema down to REVISION (`base` drops every solieu table and its data)."""
    with _could_not_run(url):
        engine = engine_for(url, existing=True)
        schema.downgrade(engine, revision)
        with engine.connect() as conn:
            click.echo(f"{_shown(url)}: schema at revision {schema.current(conn) or 'base'}",
                       err=True)


@db.command(name="current")
@_db_option
def db_current(url: str) -> None:
    """Print the schema's revision (and whether it is the head this code expects)."""
    with _could_not_run(url):
        with engine_for(url, existing=True).connect() as conn:
            revision = schema.current(conn)
    head = schema.head()
    if revision is None:
        click.echo(f"none (empty database; head is {head})")
    else:
        click.echo(f"{revision} ({'head' if revision == head else f'behind head {head}'})")


@click.command()
@click.argument("view", type=click.Choice(VIEWS))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True)
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-",
              help="File to write; default stdout.")
@_db_option
def export(view: str, fmt: str, output, url: str) -> None:
    """Write a BI view (VIEW) as CSV or JSON Lines."""
    with _could_not_run(url):
        engine = engine_for(url, existing=True)
        schema.require_current(engine)
        rows = write(engine, view, fmt, output)
    click.echo(f"{rows} rows of {view}", err=True)
