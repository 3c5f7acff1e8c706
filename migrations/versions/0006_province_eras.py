"""Provinces across the 2025 merger: eras and the roll-up view.

Placeholder in the revision chain; filled in by the change that owns it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 16:40:00
"""
from __future__ import annotations

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
