"""Review rounds of week reports; the conflicts a sync reported (decision 0029)

Revision ID: 0018_review_rounds
Revises: 0017_sku_supply
Create Date: 2026-12-07 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018_review_rounds"
down_revision: str | None = "0017_sku_supply"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "week_report_rounds",
        sa.Column("id", sa.String(length=48), nullable=False),
        sa.Column("week_report_id", sa.String(length=36), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.Column("review", sa.String(length=16), nullable=False),
        sa.Column("review_comment", sa.Text(), nullable=False),
        sa.Column("reviewer", sa.String(length=50), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["week_report_id"], ["week_reports.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("week_report_id", "round", name="uq_week_report_rounds_round"),
    )
    with op.batch_alter_table("week_report_rounds", schema=None) as batch_op:
        batch_op.create_index(
            "ix_week_report_rounds_week_report_id", ["week_report_id"], unique=False
        )
    # every report submitted so far is its first round, with the review it has
    op.execute(
        "INSERT INTO week_report_rounds (id, week_report_id, round, submitted_at, review,"
        " review_comment, reviewer, reviewed_at)"
        " SELECT id || '/1', id, 1, COALESCE(submitted_at, updated_at), review,"
        " review_comment, reviewer, reviewed_at FROM week_reports WHERE status != 'draft'"
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("found_at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=48), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("kept", sa.String(length=16), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index("ix_sync_conflicts_found_at", ["found_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_conflicts_found_at")
    op.drop_table("sync_conflicts")
    with op.batch_alter_table("week_report_rounds", schema=None) as batch_op:
        batch_op.drop_index("ix_week_report_rounds_week_report_id")
    op.drop_table("week_report_rounds")
