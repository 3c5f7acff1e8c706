"""`solieu run`, `solieu db upgrade|downgrade|current` and `solieu export`.

Made for cron: stdout carries only data (export, db current); messages, the progress bar and
the summary go to stderr; exit status 0 is success, 1 some documents failed, 2 could not run.
"""
from __future__ import annotations

import signal
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext

import click
import sqlalchemy as sa

from pipeline.db import engine as schema
from pipeline.db.dictionary import VIEWS
from pipeline.db.export import FORMATS, write
from pipeline.db.load import RunReport, load
from pipeline.db.locking import RunRefused

_FAILURES_SHOWN = 10

_db_option = click.option(
    "--db", "url", envvar="SOLIEU_DATABASE_URL", default=schema.DEFAULT_URL,
    show_default=True, show_envvar=True,
    help="SQLAlchemy database URL; postgresql:// uses psycopg 3.")


def _cannot_run(message: str) -> None:
    click.echo(f"solieu: error: {message}", err=True)
    sys.exit(2)


def _shown(url: str) -> str:
    return sa.make_url(url).render_as_string(hide_password=True)


@contextmanager
def _could_not_run(url: str) -> Iterator[None]:
    """Turn the ways a command can fail as a whole into a clear message and exit status 2."""
    try:
        yield
    except (RunRefused, schema.SchemaNotCurrent) as error:
        _cannot_run(str(error))
    except sa.exc.NoSuchModuleError as error:
        _cannot_run(f"unsupported database URL {url!r}: {error}")
    except sa.exc.ArgumentError as error:
        _cannot_run(f"bad database URL {url!r}: {error}")
    except sa.exc.OperationalError as error:
        _cannot_run(f"database {_shown(url)} unreachable or unusable: {str(error.orig).strip()}")
    except sa.exc.SQLAlchemyError as error:
        _cannot_run(f"database {_shown(url)}: {error}")
    except Exception:
        traceback.print_exc()
        _cannot_run("stopped on an unexpected error (traceback above)")


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM stops a run as Ctrl-C does: the current document rolls back, the ledger says so."""
    def interrupt(_signum, _frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _progress(items):
    if not sys.stderr.isatty():
        return nullcontext(items)
    return click.progressbar(items, label="loading", file=sys.stderr, show_pos=True,
                             item_show_func=lambda item: item.path if item else None)


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
    if c.wrote_nothing and report.run_id is not None:
        lines.append("  no changes: the database already held every document and figure")
    if report.failures:
        where = "" if report.run_id is None else f"; all in document_errors, run_id {report.run_id}"
        lines.append(f"  failed documents ({min(len(report.failures), _FAILURES_SHOWN)} of "
                     f"{len(report.failures)} shown{where}):")
        lines.extend(f"    {e}" for e in report.failures[:_FAILURES_SHOWN])
    return "\n".join(lines)


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
def run(paths: tuple[str, ...], manifest: str | None, url: str, full_refresh: bool,
        dry_run: bool, wait: float) -> None:
    """Load documents (PATH... files or folders, or --manifest FILE) into the database.

    Only new or changed documents are extracted; a failing document is quarantined in
    document_errors and the run goes on. An empty database is created first.

    Exit status: 0 loaded, 1 some documents failed, 2 could not run or was interrupted.
    """
    if not paths and manifest is None:
        raise click.UsageError("give documents as PATH... or --manifest FILE")
    from pipeline.extraction import extract_document, rules_version
    from pipeline.reading import iter_documents

    with _could_not_run(url):
        engine = schema.make_engine(url)
        try:
            with _sigterm_as_interrupt(), _progress(iter_documents(paths, manifest)) as items:
                report = load(engine, items, extract=extract_document,
                              rules_version=rules_version(), full_refresh=full_refresh,
                              dry_run=dry_run, wait=wait)
        except KeyboardInterrupt:
            _cannot_run("interrupted: the documents committed so far stay loaded, "
                        "and the next run finishes the work")
    click.echo(summary(report, url), err=True)
    sys.exit(1 if report.counts.documents_failed else 0)


@click.group()
def db() -> None:
    """The database schema, migrated by Alembic."""


@db.command(name="upgrade")
@click.argument("revision", default="head")
@_db_option
def db_upgrade(revision: str, url: str) -> None:
    """Migrate the schema up to REVISION (default: head) and refresh the reference tables."""
    with _could_not_run(url):
        engine = schema.make_engine(url)
        schema.upgrade(engine, revision)
        with engine.connect() as conn:
            click.echo(f"{_shown(url)}: schema at revision {schema.current(conn)}", err=True)


@db.command(name="downgrade")
@click.argument("revision")
@_db_option
def db_downgrade(revision: str, url: str) -> None:
    """Migrate the schema down to REVISION (`base` drops every solieu table and its data)."""
    with _could_not_run(url):
        engine = schema.make_engine(url)
        schema.downgrade(engine, revision)
        with engine.connect() as conn:
            click.echo(f"{_shown(url)}: schema at revision {schema.current(conn) or 'base'}",
                       err=True)


@db.command(name="current")
@_db_option
def db_current(url: str) -> None:
    """Print the schema's revision (and whether it is the head this code expects)."""
    with _could_not_run(url):
        with schema.make_engine(url).connect() as conn:
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
        engine = schema.make_engine(url)
        schema.require_current(engine)
        rows = write(engine, view, fmt, output)
    click.echo(f"{rows} rows of {view}", err=True)
