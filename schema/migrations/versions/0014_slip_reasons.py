"""slips keep why a default department was left off; suggestions keep their dismissal (who,
when, reason, an optional file) and may come from 连续未订货 (no visit: manager, run of weeks)

Revision ID: 0014_slip_reasons
Revises: 0013_attendance
Create Date: 2026-12-07 11:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_slip_reasons"
down_revision: str | None = "0013_attendance"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("slips") as batch:
        batch.add_column(
            sa.Column("removed_departments", sa.Text(), nullable=False, server_default="{}")
        )
    with op.batch_alter_table("slip_suggestions") as batch:
        batch.alter_column("visit_id", existing_type=sa.String(length=36), nullable=True)
        batch.add_column(sa.Column("manager_id", sa.String(length=36), nullable=True))
        batch.add_column(
            sa.Column("source", sa.String(length=16), nullable=False, server_default="visit")
        )
        batch.add_column(sa.Column("run_start", sa.Date(), nullable=True))
        batch.add_column(sa.Column("dismissed_at", sa.DateTime(), nullable=True))
        batch.add_column(
            sa.Column("dismissed_by", sa.String(length=64), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("dismiss_reason", sa.Text(), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("dismiss_file", sa.String(length=100), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("dismiss_file_name", sa.String(length=200), nullable=False, server_default="")
        )
        batch.create_foreign_key(
            "fk_slip_suggestions_manager_id_managers",
            "managers",
            ["manager_id"],
            ["id"],
            ondelete="RESTRICT",
        )
        batch.create_index("ix_slip_suggestions_manager_id", ["manager_id"], unique=False)
        batch.create_unique_constraint(
            "uq_slip_suggestions_customer_run", ["customer_id", "source", "run_start"]
        )
    # the suggestions a visit made belong to the visit's manager
    op.execute(
        "UPDATE slip_suggestions SET manager_id = "
        "(SELECT visits.manager_id FROM visits WHERE visits.id = slip_suggestions.visit_id)"
    )


def downgrade() -> None:
    op.execute("DELETE FROM slip_suggestions WHERE visit_id IS NULL")
    with op.batch_alter_table("slip_suggestions") as batch:
        batch.drop_constraint("uq_slip_suggestions_customer_run", type_="unique")
        batch.drop_index("ix_slip_suggestions_manager_id")
        batch.drop_constraint("fk_slip_suggestions_manager_id_managers", type_="foreignkey")
        for column in (
            "dismiss_file_name",
            "dismiss_file",
            "dismiss_reason",
            "dismissed_by",
            "dismissed_at",
            "run_start",
            "source",
            "manager_id",
        ):
            batch.drop_column(column)
        batch.alter_column("visit_id", existing_type=sa.String(length=36), nullable=False)
    with op.batch_alter_table("slips") as batch:
        batch.drop_column("removed_departments")
