"""what a visit took from the shop's last visit (同上次): copied answers and confirmations

Revision ID: 0010_visit_carry
Revises: 0009_followup_repeats
Create Date: 2026-12-07 06:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_visit_carry"
down_revision: str | None = "0009_followup_repeats"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        batch.add_column(sa.Column("carried", sa.Text(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        batch.drop_column("carried")
