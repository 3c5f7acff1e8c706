"""Connecting to the database and moving its schema with Alembic.

The schema is Alembic's alone: the app runs the repository's migrations programmatically,
sharing its connection with them (Alembic cookbook, "Sharing a Connection across one or
more programmatic migration commands").
"""
from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

import pipeline
from pipeline.db import dictionary, reference

DEFAULT_URL = "sqlite:///solieu.db"
MIGRATIONS = Path(pipeline.__file__).resolve().parents[1] / "migrations"


class SchemaNotCurrent(Exception):
    """The database's schema is not the one this code expects."""


def make_engine(url: str | sa.URL) -> sa.Engine:
    """An engine with the settings solieu relies on: SQLite enforcing foreign keys in WAL mode,
    `postgresql://` meaning psycopg 3."""
    url = sa.make_url(url)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() == "postgresql":
        return sa.create_engine(url, connect_args={"connect_timeout": 10})
    engine = sa.create_engine(url)
    if url.get_backend_name() == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        sa.event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    # SQLAlchemy's recipe for SQLite: let SQLAlchemy, not the driver, open transactions, so
    # that DDL is inside them too and a run killed while it creates the schema leaves nothing
    dbapi_connection.isolation_level = None


def _sqlite_begin(conn: sa.Connection) -> None:
    conn.exec_driver_sql("BEGIN")


# The newest migration. A nightly run of an up-to-date database compares against this and
# never imports Alembic (a sixth of an unchanged rerun's start-up); a test holds it equal
# to Alembic's own head.
HEAD = "0008"
_VERSION = sa.table("alembic_version", sa.column("version_num"))


def alembic_config(conn: sa.Connection | None = None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if conn is not None:
        config.attributes["connection"] = conn
    return config


def head() -> str:
    """Alembic's head, read from the migration scripts."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current(conn: sa.Connection) -> str | None:
    """The database's revision; None when it has no solieu schema."""
    if not sa.inspect(conn).has_table("alembic_version"):
        return None
    versions = conn.execute(sa.select(_VERSION.c.version_num)).scalars().all()
    if len(versions) == 1:
        return versions[0]
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()  # branches: Alembic's error


def upgrade(engine: sa.Engine, revision: str = "head") -> None:
    """Migrate, then refresh the reference tables and the data dictionary from the code."""
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)
        if current(conn) == HEAD:
            reference.sync(conn)
            dictionary.publish(conn)


def downgrade(engine: sa.Engine, revision: str) -> None:
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), revision)


def ensure_current(engine: sa.Engine) -> None:
    """Create the schema in an empty database; refuse one migrated to another revision."""
    with engine.connect() as conn:
        revision = current(conn)
    if revision is None:
        upgrade(engine)
    elif revision != HEAD:
        raise SchemaNotCurrent(
            f"the database schema is at revision {revision}, this code needs {HEAD}: "
            "run `solieu db upgrade` first")


def require_current(engine: sa.Engine) -> None:
    """Refuse to read a database that has no current solieu schema."""
    with engine.connect() as conn:
        revision = current(conn)
    if revision != HEAD:
        found = "no solieu schema" if revision is None else f"schema revision {revision}"
        raise SchemaNotCurrent(
            f"the database has {found}, this code needs {HEAD}: "
            "run `solieu db upgrade` or `solieu run` first")
