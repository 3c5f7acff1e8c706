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
_POSTGRES_SKIPPED = pytest.StashKey[str]()


def _postgres_unreachable() -> str | None:
    """Why the test server cannot be used, or None when it answers."""
    engine = sa.create_engine(POSTGRES_URL, connect_args={"connect_timeout": 5})
    try:
        with engine.connect():
            return None
    except sa.exc.OperationalError as error:
        reason = str(error.orig).strip().splitlines()[0]
        return f"PostgreSQL not reachable at {engine.url.render_as_string()} ({reason})"
    finally:
        engine.dispose()


def _on_postgres(item: pytest.Item) -> bool:
    callspec = getattr(item, "callspec", None)
    return callspec is not None and callspec.params.get("db_url") == "postgresql"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without a server, leave out the PostgreSQL half and say so once; with CI=true, fail it."""
    postgres = [item for item in items if _on_postgres(item)]
    if not postgres or os.environ.get("CI", "").lower() == "true":
        return
    reason = _postgres_unreachable()
    if reason is None:
        return
    config.hook.pytest_deselected(items=postgres)
    items[:] = [item for item in items if not _on_postgres(item)]
    config.stash[_POSTGRES_SKIPPED] = (f"{reason}: {len(postgres)} PostgreSQL database tests "
                                       "skipped, run on SQLite only")


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    if _POSTGRES_SKIPPED in config.stash:
        terminalreporter.write_line(f"SKIPPED {config.stash[_POSTGRES_SKIPPED]}", yellow=True)


@pytest.fixture(scope="session")
def postgres_server() -> sa.URL:
    """The test server's URL; fails loudly when it does not answer (CI=true gets here)."""
    reason = _postgres_unreachable()
    if reason is not None:
        pytest.fail(f"{reason}, and CI=true requires PostgreSQL", pytrace=False)
    return sa.make_url(POSTGRES_URL)


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


# --- the review app (tests/test_review_*.py): a small corpus, its load, two users ---

REVIEW_PASSWORD = "correct horse battery"
REVIEW_DOCUMENTS = {
    "lang-son-jan.txt": (
        "Lạng Sơn: kinh tế - xã hội năm 2022\n"
        "Năm 2022, tốc độ tăng trưởng GRDP của tỉnh Lạng Sơn đạt 7,1%. Tổng thu ngân sách nhà "
        "nước trên địa bàn tỉnh đạt 7.500 tỷ đồng.\n", "2023-01-05"),
    "lang-son-feb.txt": (
        "Lạng Sơn tổng kết năm 2022\n"
        "Năm 2022, tăng trưởng GRDP của tỉnh Lạng Sơn đạt 71%, cao nhất từ trước đến nay.\n",
        "2023-02-10"),
    "lang-son-2021.txt": (
        "Lạng Sơn: kinh tế năm 2021\n"
        "Năm 2021, tốc độ tăng trưởng GRDP của tỉnh Lạng Sơn đạt 6,5%.\n", "2022-01-08"),
    "hostile.txt": (
        "<script>window.__xss = 1</script> Bản tin <img src=x onerror=\"window.__xss = 2\">\n"
        "Năm 2022, tốc độ tăng trưởng GRDP của tỉnh Lạng Sơn đạt 7,3% <b>đậm</b>.\n",
        "2023-03-01"),
}


def review_documents(edits: dict[str, str] | None = None):
    """The review corpus as Documents, with `edits` replacing some texts."""
    from datetime import date

    from pipeline.documents import Document

    return [Document(path, (edits or {}).get(path, text), published=date.fromisoformat(day),
                     province="Lạng Sơn")
            for path, (text, day) in REVIEW_DOCUMENTS.items()]


def load_review_documents(engine: sa.Engine, edits: dict[str, str] | None = None) -> None:
    from pipeline.db.load import load
    from pipeline.extraction import extract_document, rules_version

    load(engine, review_documents(edits), extract=extract_document,
         rules_version=rules_version(), full_refresh=True)


@pytest.fixture
def review_db(db_engine: sa.Engine) -> sa.Engine:
    """The review corpus loaded, with a reviewer `lan` and a viewer `minh`."""
    from pipeline.review.users import add_user

    load_review_documents(db_engine)
    add_user(db_engine, "lan", REVIEW_PASSWORD, "reviewer")
    add_user(db_engine, "minh", REVIEW_PASSWORD, "viewer")
    return db_engine
