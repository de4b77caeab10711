"""Models of the audit trail (修改记录): append-only, hash-chained entries
(fieldbook.core.store.audit)."""

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text, UniqueConstraint
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


class ManagerAuditEntry(Base):
    """修改记录 on the department server: one laptop entry (``AuditEntry``, its fields, ``seq``,
    ``prev_hash`` and ``hash`` exactly as the laptop wrote them) in its manager's own chain:
    ``mseq`` 1, 2, 3 … per manager, ``link`` = SHA-256 over (manager, mseq, hash, link_prev),
    ``link_prev`` the manager's previous link. ``origin`` names the laptop database it came
    from. Append-only like the laptop's (fieldbook.core.server.audit_chains; decision 0030)."""

    __tablename__ = "manager_audit_entries"
    __table_args__ = (
        UniqueConstraint("manager_id", "mseq", name="uq_manager_audit_entries_mseq"),
        Index("ix_manager_audit_entries_origin", "manager_id", "origin", "mseq"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the laptop entry's id
    manager_id: Mapped[str] = mapped_column(String(36))
    mseq: Mapped[int] = mapped_column(Integer)
    origin: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(Integer)  # the laptop's number (per laptop database)
    at: Mapped[datetime] = mapped_column(DateTime)
    record_type: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(64))
    old_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    new_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    reason: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    link_prev: Mapped[str] = mapped_column(String(64))
    link: Mapped[str] = mapped_column(String(64))
