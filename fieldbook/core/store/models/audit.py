"""Models of the audit trail (修改记录): append-only, hash-chained entries
(fieldbook.core.store.audit)."""

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldbook.core.store.models.base import Base, local_now, new_id


class AuditEntry(Base):
    """修改记录: one changed field of a submitted record, with the reason. Append-only (the
    database refuses UPDATE and DELETE) and hash-chained: ``hash`` is SHA-256 over the entry's
    canonical JSON including ``prev_hash`` (see fieldbook.core.store.audit)."""

    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_entries_record", "record_type", "record_id", "seq"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=local_now)  # UTC
    manager_id: Mapped[str] = mapped_column(String(36), default="")
    record_type: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(64))
    old_value: Mapped[str | None] = mapped_column(Text, nullable=True)  # canonical JSON
    new_value: Mapped[str | None] = mapped_column(Text, nullable=True)  # canonical JSON
    reason: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
