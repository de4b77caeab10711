"""a follow-up found again: how many later visits found it, the last one and when

Revision ID: 0009_followup_repeats
Revises: 0008_spot_checks
Create Date: 2026-12-07 05:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_followup_repeats"
down_revision: str | None = "0008_spot_checks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # SQLite rebuilds the table for the new foreign key (batch mode: copy and move, as every
    # earlier constraint change); PostgreSQL adds the columns and the constraint in place, so
    # the table's grants and row-level policies stay as they are.
    with op.batch_alter_table("followups", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("seen_again", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("last_seen_visit_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("last_seen_at", sa.DateTime(), nullable=True))
        batch_op.create_foreign_key(
            "fk_followups_last_seen_visit",
            "visits",
            ["last_seen_visit_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("followups", schema=None) as batch_op:
        batch_op.drop_constraint("fk_followups_last_seen_visit", type_="foreignkey")
        batch_op.drop_column("last_seen_at")
        batch_op.drop_column("last_seen_visit_id")
        batch_op.drop_column("seen_again")
