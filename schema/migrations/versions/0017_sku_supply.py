"""货源信息: a SKU's supply state from a date, its limits per 档位; 需求量 on order lines

Revision ID: 0017_sku_supply
Revises: 0016_targets
Create Date: 2026-12-07 14:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_sku_supply"
down_revision: str | None = "0016_targets"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sku_supplies",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("sku_id", sa.String(length=36), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("limits", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["sku_id"], ["skus.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sku_id", "valid_from", name="uq_sku_supplies_sku_from"),
    )
    with op.batch_alter_table("sku_supplies", schema=None) as batch_op:
        batch_op.create_index("ix_sku_supplies_valid_from", ["valid_from"], unique=False)
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("demand_cartons", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.drop_column("demand_cartons")
    with op.batch_alter_table("sku_supplies", schema=None) as batch_op:
        batch_op.drop_index("ix_sku_supplies_valid_from")
    op.drop_table("sku_supplies")
