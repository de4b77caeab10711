"""修改记录 on the department server: manager_audit_entries, one chain per manager

Revision ID: 0019_audit_sync
Revises: 0018_review_rounds
Create Date: 2026-12-07 21:00:00

Laptops' audit entries as the server keeps them (decision 0030). Append-only like
audit_entries: SQLite triggers, and on PostgreSQL the trigger function of 0003_audit (UPDATE,
DELETE and TRUNCATE refused).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019_audit_sync"
down_revision: str | None = "0018_review_rounds"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY = "audit trail is append-only"

SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER manager_audit_entries_no_update BEFORE UPDATE ON manager_audit_entries
BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END""",
    f"""CREATE TRIGGER manager_audit_entries_no_delete BEFORE DELETE ON manager_audit_entries
BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END""",
]

POSTGRESQL_TRIGGERS = [
    """CREATE TRIGGER manager_audit_entries_no_change BEFORE UPDATE OR DELETE
ON manager_audit_entries FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()""",
    """CREATE TRIGGER manager_audit_entries_no_truncate BEFORE TRUNCATE ON manager_audit_entries
FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()""",
]


def upgrade() -> None:
    op.create_table(
        "manager_audit_entries",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("manager_id", sa.String(length=36), nullable=False),
        sa.Column("mseq", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("record_type", sa.String(length=32), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("link_prev", sa.String(length=64), nullable=False),
        sa.Column("link", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("manager_id", "mseq", name="uq_manager_audit_entries_mseq"),
    )
    with op.batch_alter_table("manager_audit_entries", schema=None) as batch_op:
        batch_op.create_index(
            "ix_manager_audit_entries_origin", ["manager_id", "origin", "mseq"], unique=False
        )
    dialect = op.get_bind().dialect.name
    for sql in SQLITE_TRIGGERS if dialect == "sqlite" else POSTGRESQL_TRIGGERS:
        op.execute(sql)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS manager_audit_entries_no_update")
        op.execute("DROP TRIGGER IF EXISTS manager_audit_entries_no_delete")
    elif dialect == "postgresql":
        for name in ("no_truncate", "no_change"):
            trigger = f"manager_audit_entries_{name}"
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON manager_audit_entries")
    with op.batch_alter_table("manager_audit_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_manager_audit_entries_origin")
    op.drop_table("manager_audit_entries")
