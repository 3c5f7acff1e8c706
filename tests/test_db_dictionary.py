"""Every table, view and column is described: in data_dictionary, and as COMMENTs on PostgreSQL."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from pipeline.db import engine as schema
from pipeline.db.dictionary import ENTRIES, VIEWS


@pytest.fixture
def upgraded(db_engine: sa.Engine) -> sa.Engine:
    schema.upgrade(db_engine)
    return db_engine


def _objects(inspector: sa.Inspector) -> dict[str, list[str]]:
    names = [n for n in inspector.get_table_names() if n != "alembic_version"]
    names += inspector.get_view_names()
    return {name: [c["name"] for c in inspector.get_columns(name)] for name in names}


def test_the_dictionary_describes_exactly_the_database(upgraded):
    with upgraded.connect() as conn:
        objects = _objects(sa.inspect(conn))
    assert sorted(objects) == sorted(ENTRIES)
    for name, columns in objects.items():
        assert sorted(columns) == sorted(ENTRIES[name].columns), name


def test_views_are_the_dictionary_views(upgraded):
    with upgraded.connect() as conn:
        assert sorted(sa.inspect(conn).get_view_names()) == sorted(VIEWS)


def test_data_dictionary_table_holds_every_description(upgraded):
    with upgraded.connect() as conn:
        stored = {(r.object_name, r.column_name): r.description for r in conn.execute(
            sa.text("SELECT object_name, column_name, description FROM data_dictionary"))}
    expected = {(name, ""): entry.description for name, entry in ENTRIES.items()}
    expected |= {(name, column): text for name, entry in ENTRIES.items()
                 for column, text in entry.columns.items()}
    assert stored == expected


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_postgresql_comments_every_table_view_and_column(upgraded):
    with upgraded.connect() as conn:
        inspector = sa.inspect(conn)
        for name, entry in ENTRIES.items():
            assert inspector.get_table_comment(name)["text"] == entry.description, name
            comments = {c["name"]: c["comment"] for c in inspector.get_columns(name)}
            assert comments == entry.columns, name
