"""Units in US dollars (USD, USD_per_person) and the catalogue's semantics columns.

Placeholder in the revision chain; filled in by the change that owns it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 16:40:00
"""
from __future__ import annotations

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
