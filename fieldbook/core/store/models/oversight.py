"""Models of what the department sees of a manager's work beyond slips: changes of a
customer's audited fields (「禁止擅自变更客户信息」) and the department head's answers to
problems escalated in a day log (「及时上报部门负责人」)."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from fieldbook.core.store.models.base import Base, new_id


class CustomerChange(Base):
    """One change of an audited customer field (许可证号, 经营状态, 档位, 线路, 订货日): who
    (the manager), when, before → after, why, and the completed slip it follows ("" — made
    outside a slip). Written in the same transaction as its audit entry; never changed (the
    audit trail is the tamper-evident record, this is the department's copy, synced up)."""

    __tablename__ = "customer_changes"
    __table_args__ = (Index("ix_customer_changes_manager_at", "manager_id", "at"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    manager_id: Mapped[str] = mapped_column(ForeignKey("managers.id", ondelete="RESTRICT"))
    customer_id: Mapped[str] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(DateTime)
    field: Mapped[str] = mapped_column(String(32))
    old_value: Mapped[str] = mapped_column(Text, default="")  # as stored; "" for none
    new_value: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text)
    slip_number: Mapped[str] = mapped_column(String(48), default="")  # "" — outside a slip
    source: Mapped[str] = mapped_column(String(16), default="edit")  # edit | import


class EscalationAnswer(Base):
    """The department head's answer to a problem escalated in a manager's day log, written on
    the department server and brought down by sync into the log's escalation row. It lives
    apart from the log, so the laptop's copy of the log (pushed up) never overwrites it."""

    __tablename__ = "escalation_answers"
    __table_args__ = (
        UniqueConstraint("day_log_id", "escalation_id", name="uq_escalation_answers_log_row"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    day_log_id: Mapped[str] = mapped_column(
        ForeignKey("day_logs.id", ondelete="CASCADE"), index=True
    )
    escalation_id: Mapped[str] = mapped_column(String(32))
    answer: Mapped[str] = mapped_column(Text)
    answered_by: Mapped[str] = mapped_column(String(50))
    answered_at: Mapped[datetime] = mapped_column(DateTime)
