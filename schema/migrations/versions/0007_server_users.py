"""department server: who each database login is (manager, department, director, admin)

Revision ID: 0007_server_users
Revises: 0006_week
Create Date: 2026-11-30 05:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_server_users"
down_revision: str | None = "0006_week"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "server_users",
        sa.Column("role_name", sa.String(length=63), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("manager_code", sa.String(length=32), nullable=False, server_default=""),
        sa.Column("department", sa.String(length=16), nullable=False, server_default=""),
        sa.Column("display_name", sa.String(length=50), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("role_name"),
    )


def downgrade() -> None:
    op.drop_table("server_users")
