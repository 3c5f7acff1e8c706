"""Document identity: resolved paths relative to the input root.

Placeholder in the revision chain; filled in by the change that owns it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 16:40:00
"""
from __future__ import annotations

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
