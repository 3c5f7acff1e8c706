"""Alembic environment: runs on the app's connection when given one, else opens its own."""
from __future__ import annotations

import os
from logging.config import fileConfig

import sqlalchemy as sa
from alembic import context

from pipeline.db.engine import DEFAULT_URL, make_engine
from pipeline.db.models import Base

config = context.config
if config.config_file_name is not None and config.attributes.get("connection") is None:
    fileConfig(config.config_file_name)


def _url() -> str:
    return (context.get_x_argument(as_dictionary=True).get("url")
            or os.environ.get("SOLIEU_DATABASE_URL") or DEFAULT_URL)


def _run(connection: sa.Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    context.configure(url=_url(), target_metadata=Base.metadata, literal_binds=True,
                      render_as_batch=_url().startswith("sqlite"))
    with context.begin_transaction():
        context.run_migrations()
elif (shared := config.attributes.get("connection")) is not None:
    _run(shared)
else:
    with make_engine(_url()).begin() as own:
        _run(own)
