"""the time the manager was back at the office, recorded on the day's log (decision 0018)

Revision ID: 0012_office_return
Revises: 0011_visit_photos
Create Date: 2026-12-07 11:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_office_return"
down_revision: str | None = "0011_visit_photos"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("day_logs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("returned_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("day_logs", schema=None) as batch_op:
        batch_op.drop_column("returned_at")
