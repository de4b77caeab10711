"""customer changes the department sees; the department head's answers to escalations

Revision ID: 0015_customer_changes
Revises: 0014_slip_reasons
Create Date: 2026-12-07 11:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_customer_changes"
down_revision: str | None = "0014_slip_reasons"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "customer_changes",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("manager_id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("slip_number", sa.String(length=48), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["manager_id"], ["managers.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("customer_changes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_customer_changes_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index("ix_customer_changes_manager_at", ["manager_id", "at"], unique=False)
    op.create_table(
        "escalation_answers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("day_log_id", sa.String(length=36), nullable=False),
        sa.Column("escalation_id", sa.String(length=32), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("answered_by", sa.String(length=50), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["day_log_id"], ["day_logs.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("day_log_id", "escalation_id", name="uq_escalation_answers_log_row"),
    )
    with op.batch_alter_table("escalation_answers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_escalation_answers_day_log_id"), ["day_log_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("escalation_answers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_escalation_answers_day_log_id"))
    op.drop_table("escalation_answers")
    with op.batch_alter_table("customer_changes", schema=None) as batch_op:
        batch_op.drop_index("ix_customer_changes_manager_at")
        batch_op.drop_index(batch_op.f("ix_customer_changes_customer_id"))
    op.drop_table("customer_changes")
