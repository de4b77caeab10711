"""Models of feedback slips (客户信息反馈单): suggestions, slips, their deliveries, events and
attachments."""

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from fieldbook.core.store.models.base import Base, JsonText, local_now, new_id


class SlipSuggestion(Base):
    """A feedback slip (客户信息反馈单) suggested by a visit's findings (``source`` "visit") or
    by 连续 N 周未订货 (``source`` "no_order": no visit; ``run_start`` names the run of weeks,
    one suggestion per run). A dismissal keeps who, when, the reason and an optional file."""

    __tablename__ = "slip_suggestions"
    __table_args__ = (
        UniqueConstraint(
            "customer_id", "source", "run_start", name="uq_slip_suggestions_customer_run"
        ),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    visit_id: Mapped[str | None] = mapped_column(
        ForeignKey("visits.id", ondelete="CASCADE"), index=True, nullable=True
    )
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id", ondelete="RESTRICT"))
    manager_id: Mapped[str | None] = mapped_column(
        ForeignKey("managers.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    # new | closed | suspended | violation | no_order | brand | info_change
    category: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    # suggested | dismissed | slipped
    status: Mapped[str] = mapped_column(String(16), default="suggested")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    source: Mapped[str] = mapped_column(
        String(16), default="visit", server_default="visit"
    )  # visit | no_order
    run_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    dismissed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    dismissed_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    dismiss_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    dismiss_file: Mapped[str] = mapped_column(
        String(100), default="", server_default=""
    )  # stored name
    dismiss_file_name: Mapped[str] = mapped_column(String(200), default="", server_default="")


class Slip(Base):
    """客户信息反馈单: one slip, sent to several departments (one SlipDelivery each)."""

    __tablename__ = "slips"
    __table_args__ = (Index("ix_slips_manager_created", "manager_id", "created_at"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    number: Mapped[str] = mapped_column(String(48), unique=True)  # FK-YYYYMMDD-<manager>-NNN
    manager_id: Mapped[str] = mapped_column(ForeignKey("managers.id", ondelete="RESTRICT"))
    customer_id: Mapped[str | None] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"), nullable=True
    )
    customer_snapshot: Mapped[str] = mapped_column(JsonText, default="{}")  # JSON at creation
    category: Mapped[str] = mapped_column(String(16))
    sub_reason: Mapped[str] = mapped_column(String(32), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    effective_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    return_date: Mapped[date | None] = mapped_column(Date, nullable=True)  # 暂停: back on
    sku_ids: Mapped[str] = mapped_column(Text, default="[]")  # JSON list (品牌上柜)
    # default departments left off this slip: JSON {department code: reason}
    removed_departments: Mapped[str] = mapped_column(JsonText, default="{}", server_default="{}")
    source_visit_id: Mapped[str | None] = mapped_column(
        ForeignKey("visits.id", ondelete="SET NULL"), nullable=True
    )
    source_suggestion_id: Mapped[str | None] = mapped_column(
        ForeignKey("slip_suggestions.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    due_date: Mapped[date] = mapped_column(Date)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    applied_to_customer: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)


class SlipDelivery(Base):
    """One department's copy of a slip, with its own state until 已落实."""

    __tablename__ = "slip_deliveries"
    __table_args__ = (
        UniqueConstraint("slip_id", "department", name="uq_slip_deliveries_slip_department"),
        Index("ix_slip_deliveries_department_state", "department", "state"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    slip_id: Mapped[str] = mapped_column(ForeignKey("slips.id", ondelete="CASCADE"))
    department: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16), default="pending")
    answer: Mapped[str] = mapped_column(Text, default="")  # the department's answer
    handled_by: Mapped[str] = mapped_column(String(50), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)


class SlipEvent(Base):
    """Every move of a delivery: from, to, who, when, note and (for a skip or a step back)
    the reason. Never changed afterwards."""

    __tablename__ = "slip_events"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    delivery_id: Mapped[str] = mapped_column(
        ForeignKey("slip_deliveries.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    from_state: Mapped[str] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(50), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")


class SlipAttachment(Base):
    """A photo or file kept with a slip, copied into the data folder with its checksum."""

    __tablename__ = "slip_attachments"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    slip_id: Mapped[str] = mapped_column(ForeignKey("slips.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    stored_name: Mapped[str] = mapped_column(String(100))  # in <data>/attachments/
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
