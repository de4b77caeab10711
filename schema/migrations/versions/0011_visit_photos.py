"""shelf photos of a visit, kept in the content-addressed attachments folder

Revision ID: 0011_visit_photos
Revises: 0010_visit_carry
Create Date: 2026-12-07 07:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_visit_photos"
down_revision: str | None = "0010_visit_carry"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "visit_photos",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("stored_name", sa.String(length=100), nullable=False),
        sa.Column("original_name", sa.String(length=200), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("visit_id", "sha256", name="uq_visit_photos_visit_sha"),
    )
    with op.batch_alter_table("visit_photos", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_photos_visit_id"), ["visit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("visit_photos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_photos_visit_id"))
    op.drop_table("visit_photos")
