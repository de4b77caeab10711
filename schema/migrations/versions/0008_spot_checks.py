"""the market department director's monthly spot check (市场部主任抽查)

Revision ID: 0008_spot_checks
Revises: 0007_server_users
Create Date: 2026-11-30 05:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_spot_checks"
down_revision: str | None = "0007_server_users"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "spot_checks",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("manager_id", sa.String(length=36), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("checker", sa.String(length=50), nullable=False),
        sa.Column("sample_size", sa.Integer(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["manager_id"], ["managers.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("manager_id", "month", name="uq_spot_checks_manager_month"),
    )
    op.create_table(
        "spot_check_items",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("check_id", sa.String(length=36), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=True),
        sa.Column("time_ok", sa.Boolean(), nullable=True),
        sa.Column("content_ok", sa.Boolean(), nullable=True),
        sa.Column("service_quality", sa.String(length=8), nullable=False),
        sa.Column("problems", sa.Text(), nullable=False),
        sa.Column("correction", sa.Text(), nullable=False),
        sa.Column("correction_status", sa.String(length=16), nullable=False),
        sa.Column("correction_note", sa.Text(), nullable=False),
        sa.Column("corrected_at", sa.DateTime(), nullable=True),
        sa.Column("checked_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["check_id"], ["spot_checks.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("check_id", "visit_id", name="uq_spot_check_items_check_visit"),
    )
    op.create_index("ix_spot_check_items_check", "spot_check_items", ["check_id"])


def downgrade() -> None:
    op.drop_index("ix_spot_check_items_check", table_name="spot_check_items")
    op.drop_table("spot_check_items")
    op.drop_table("spot_checks")
