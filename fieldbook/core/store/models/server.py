"""Models of the department server: its users (roles), the director's spot checks
(市场部主任抽查) and the attachment files the laptops send (content-addressed blobs)."""

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from fieldbook.core.store.models.base import Base, local_now, new_id


class ServerUser(Base):
    """A login of the department server (PostgreSQL role) and who it is: a manager, a
    department's staff, the market department's director, or an administrator. Only used on
    the server (``fieldbook server``); row-level security reads it
    (``fieldbook.core.server.roles``)."""

    __tablename__ = "server_users"
    role_name: Mapped[str] = mapped_column(String(63), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # manager | department | director | admin
    manager_code: Mapped[str] = mapped_column(String(32), default="", server_default="")
    department: Mapped[str] = mapped_column(String(16), default="", server_default="")
    display_name: Mapped[str] = mapped_column(String(50), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)


class SpotCheck(Base):
    """市场部主任抽查: one manager's month, a sample of their visits checked by the director."""

    __tablename__ = "spot_checks"
    __table_args__ = (UniqueConstraint("manager_id", "month", name="uq_spot_checks_manager_month"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    manager_id: Mapped[str] = mapped_column(ForeignKey("managers.id", ondelete="RESTRICT"))
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    checker: Mapped[str] = mapped_column(String(50))
    sample_size: Mapped[int] = mapped_column(Integer)
    seed: Mapped[int] = mapped_column(Integer)  # the draw can be repeated and shown
    summary: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)


class SpotCheckItem(Base):
    """One sampled visit: confirmed?, time and content checked, service quality, problems,
    and a correction followed until done (直到改正为止)."""

    __tablename__ = "spot_check_items"
    __table_args__ = (
        UniqueConstraint("check_id", "visit_id", name="uq_spot_check_items_check_visit"),
        Index("ix_spot_check_items_check", "check_id"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    check_id: Mapped[str] = mapped_column(ForeignKey("spot_checks.id", ondelete="CASCADE"))
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(Integer)
    confirmed: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    time_ok: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    content_ok: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    service_quality: Mapped[str] = mapped_column(String(8), default="")  # 好/较好/一般/差
    problems: Mapped[str] = mapped_column(Text, default="")
    correction: Mapped[str] = mapped_column(Text, default="")
    correction_status: Mapped[str] = mapped_column(String(16), default="none")  # none|open|done
    correction_note: Mapped[str] = mapped_column(Text, default="")
    corrected_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    checked_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)


class AttachmentBlob(Base):
    """One attachment file on the department server, named by the SHA-256 of its content and
    kept once however many slips or laptops name it (``fieldbook.core.server.sync_blobs``).
    ``complete`` once every chunk is there and the content was checked against the name (on
    PostgreSQL a trigger refuses the change otherwise). Unused on a laptop."""

    __tablename__ = "attachment_blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    chunk_size: Mapped[int] = mapped_column(Integer)  # fixed per blob: a resume keeps it
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)


class AttachmentChunk(Base):
    """One chunk of a blob (``seq`` from 0), written once and never changed."""

    __tablename__ = "attachment_chunks"
    sha256: Mapped[str] = mapped_column(
        ForeignKey("attachment_blobs.sha256", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class SyncLogEntry(Base):
    """The department server's log of syncs: one row per manager and laptop database
    (``origin``: the laptop's audit origin, ``sync.audit_origin``), written by the manager's
    own login at the end of each completed sync (``fieldbook.core.server.sync_log``).
    ``first_*``/``last_*``: the laptop's clock and the server's receipt time. Unused on a
    laptop."""

    __tablename__ = "sync_log"
    manager_id: Mapped[str] = mapped_column(
        ForeignKey("managers.id", ondelete="RESTRICT"), primary_key=True
    )
    origin: Mapped[str] = mapped_column(String(36), primary_key=True)
    first_laptop_at: Mapped[datetime] = mapped_column(DateTime)
    first_server_at: Mapped[datetime] = mapped_column(DateTime)
    last_laptop_at: Mapped[datetime] = mapped_column(DateTime)
    last_server_at: Mapped[datetime] = mapped_column(DateTime)
    syncs: Mapped[int] = mapped_column(Integer)
    last_moved: Mapped[int] = mapped_column(Integer)  # rows up + down by the last sync
    last_problems: Mapped[int] = mapped_column(Integer)  # problems + conflicts of the last
