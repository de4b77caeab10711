"""Attachment files on the department server: blobs named by SHA-256, kept in chunks

Revision ID: 0020_attachment_blobs
Revises: 0019_audit_sync
Create Date: 2026-12-07 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020_attachment_blobs"
down_revision: str | None = "0019_audit_sync"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# On the server a blob becomes complete only when its chunks, in order, hash to its name and
# add up to its size: whoever marks it (any login) cannot mark a wrong content complete.
VERIFY = """
CREATE OR REPLACE FUNCTION fb_verify_blob() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    content bytea;
BEGIN
    IF NOT NEW.complete THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        IF OLD.complete THEN
            RETURN NEW;
        END IF;
    END IF;
    SELECT string_agg(c.data, ''::bytea ORDER BY c.seq) INTO content
    FROM public.attachment_chunks c WHERE c.sha256 = NEW.sha256;
    content := COALESCE(content, ''::bytea);
    IF length(content) <> NEW.size
       OR encode(sha256(content), 'hex') <> NEW.sha256 THEN
        RAISE EXCEPTION 'attachment blob % does not match its name', NEW.sha256
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$
"""


def upgrade() -> None:
    op.create_table(
        "attachment_blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("chunk_size", sa.Integer(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    op.create_table(
        "attachment_chunks",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["sha256"], ["attachment_blobs.sha256"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("sha256", "seq"),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(VERIFY)
        op.execute(
            "CREATE TRIGGER fb_verify_blob BEFORE INSERT OR UPDATE OF complete"
            " ON attachment_blobs FOR EACH ROW EXECUTE FUNCTION fb_verify_blob()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS fb_verify_blob ON attachment_blobs")
        op.execute("DROP FUNCTION IF EXISTS fb_verify_blob()")
    op.drop_table("attachment_chunks")
    op.drop_table("attachment_blobs")
