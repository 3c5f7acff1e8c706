"""Shared fixtures."""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

# --- databases (tests/test_db_*.py): every database test runs on SQLite and PostgreSQL ---

POSTGRES_URL = os.environ.get("SOLIEU_TEST_POSTGRES_URL",
                              "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def postgres_server() -> sa.URL:
    """The test server's URL; skips (fails when CI=true) if it is not answering."""
    url = sa.make_url(POSTGRES_URL)
    engine = sa.create_engine(url, connect_args={"connect_timeout": 5})
    try:
        with engine.connect():
            pass
    except sa.exc.OperationalError as error:
        reason = str(error.orig).strip().splitlines()[0]
        message = (f"PostgreSQL not reachable at {url.render_as_string()} ({reason}); "
                   "database tests ran on SQLite only")
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message}, but CI=true requires PostgreSQL", pytrace=False)
        pytest.skip(message)
    finally:
        engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, or a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'solieu.db'}"
        return
    server: sa.URL = request.getfixturevalue("postgres_server")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        yield server.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture
def db_engine(db_url: str) -> Iterator[sa.Engine]:
    from pipeline.db.engine import make_engine

    engine = make_engine(db_url)
    yield engine
    engine.dispose()
