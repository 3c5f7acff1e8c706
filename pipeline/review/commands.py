"""`solieu review serve | user add | export`: the auditors' app from the command line."""
from __future__ import annotations

import sys

import click

from pipeline.db import engine as schema
from pipeline.db.commands import _could_not_run, _db_option, _shown
from pipeline.db.models import REVIEW_ROLES
from pipeline.review import export as verdicts
from pipeline.review.secret import SecretError, load_secret
from pipeline.review.users import UserError, add_user


@click.group()
def review() -> None:
    """The auditors' review app: see each figure in its source, record verdicts."""


@review.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default serves this machine only.")
@click.option("--port", default=8050, show_default=True, type=click.IntRange(0, 65535))
@click.option("--secret-file", type=click.Path(dir_okay=False), envvar="SOLIEU_REVIEW_SECRET_FILE",
              help="File holding the session key (created if missing; outside the repository). "
              "SOLIEU_REVIEW_SECRET overrides it. [default: ~/.config/solieu/review-secret]")
def serve(url: str, host: str, port: int, secret_file: str | None) -> None:
    """Serve the review app over the database at --db."""
    try:
        from werkzeug.serving import make_server

        from pipeline.review.app import create_app
    except ImportError as error:
        click.echo(f"solieu: error: the review app needs its extra: pip install -e '.[review]' "
                   f"({error})", err=True)
        sys.exit(2)
    try:
        secret = load_secret(secret_file)
    except SecretError as error:
        click.echo(f"solieu: error: {error}", err=True)
        sys.exit(2)
    with _could_not_run(url):
        engine = schema.make_engine(url)
        schema.require_current(engine)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: serving on {host}: other machines can reach the app; "
                   "put it behind TLS", err=True)
    click.echo(f"solieu review on http://{host}:{port}/ over {_shown(url)} (Ctrl-C stops)",
               err=True)
    server = make_server(host, port, create_app(engine, secret), threaded=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        server.server_close()


@review.group()
def user() -> None:
    """People who may log in to the review app."""


@user.command(name="add")
@click.argument("name")
@click.option("--role", type=click.Choice(REVIEW_ROLES), default="reviewer", show_default=True,
              help="reviewer records verdicts; viewer only reads.")
@click.password_option(help="Prompted for (twice) when not given.")
@_db_option
def user_add(name: str, role: str, password: str, url: str) -> None:
    """Add user NAME with a salted scrypt hash of the password."""
    with _could_not_run(url):
        engine = schema.make_engine(url)
        schema.require_current(engine)
        try:
            add_user(engine, name, password, role)
        except UserError as error:
            click.echo(f"solieu: error: {error}", err=True)
            sys.exit(2)
    click.echo(f"added {role} {name!r}", err=True)


@review.command()
@click.option("--format", "fmt", type=click.Choice(verdicts.FORMATS), default="csv",
              show_default=True)
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-",
              help="File to write; default stdout.")
@_db_option
def export(fmt: str, output, url: str) -> None:
    """Write every verdict, with the evidence it judged and where it is attached now."""
    with _could_not_run(url):
        engine = schema.make_engine(url)
        schema.require_current(engine)
        rows = verdicts.write(engine, fmt, output)
    click.echo(f"{rows} reviews", err=True)
