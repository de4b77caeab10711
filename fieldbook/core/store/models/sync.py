"""Models of the laptop's side of a sync: the conflicts a sync reported (decision 0029)."""

from datetime import datetime

from sqlalchemy import DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldbook.core.store.models.base import Base, new_id


class SyncConflictRow(Base):
    """A record a sync found changed in two places (``server.sync_report.SyncConflict``),
    kept on the laptop until the manager has seen it (``acknowledged_at``): never resolved
    silently."""

    __tablename__ = "sync_conflicts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    found_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    kind: Mapped[str] = mapped_column(String(32))  # newer_on_server | delivery_moved_both | ...
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(48))
    label: Mapped[str] = mapped_column(String(100), default="")
    kept: Mapped[str] = mapped_column(String(16))  # server | laptop | both
    detail: Mapped[str] = mapped_column(Text, default="")
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
