"""The department server's log of syncs: sync_log, one row per manager and laptop

Revision ID: 0022_sync_log
Revises: 0021_province_scale
Create Date: 2026-12-07 22:00:00

Written by each manager's own login at the end of a completed sync; read by
``fieldbook server status`` (decision 0033, amendment). Created on a laptop too (the schema
is one), where it stays empty.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022_sync_log"
down_revision: str | None = "0021_province_scale"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_log",
        sa.Column("manager_id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("first_laptop_at", sa.DateTime(), nullable=False),
        sa.Column("first_server_at", sa.DateTime(), nullable=False),
        sa.Column("last_laptop_at", sa.DateTime(), nullable=False),
        sa.Column("last_server_at", sa.DateTime(), nullable=False),
        sa.Column("syncs", sa.Integer(), nullable=False),
        sa.Column("last_moved", sa.Integer(), nullable=False),
        sa.Column("last_problems", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["manager_id"], ["managers.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("manager_id", "origin"),
    )


def downgrade() -> None:
    op.drop_table("sync_log")
