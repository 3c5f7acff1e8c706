"""The database: schema (Alembic), the incremental load, BI views and their dictionary."""
