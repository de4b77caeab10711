"""Models of the routine: plans and their stops, visits (走访记录) with their lines and time
edits, follow-ups (跟踪事项), order lines (订单), day logs (工作日志) and week reports (周总结)."""

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


class Plan(Base):
    """拜访计划: one manager's planned stops for one date."""

    __tablename__ = "plans"
    __table_args__ = (UniqueConstraint("manager_id", "plan_date", name="uq_plans_manager_date"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    manager_id: Mapped[str] = mapped_column(ForeignKey("managers.id", ondelete="RESTRICT"))
    plan_date: Mapped[date] = mapped_column(Date)
    target_size: Mapped[int] = mapped_column(Integer, default=30)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)


class PlanStop(Base):
    """One shop in a plan, with why it is there (reasons) and what became of it (state)."""

    __tablename__ = "plan_stops"
    __table_args__ = (
        UniqueConstraint("plan_id", "customer_id", name="uq_plan_stops_plan_customer"),
        Index("ix_plan_stops_customer", "customer_id"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(Integer)
    reasons: Mapped[str] = mapped_column(String(100), default="route")  # comma-separated codes
    reason_note: Mapped[str] = mapped_column(Text, default="")
    # planned | visited | skipped (not visited, carried over) | removed (with a reason)
    state: Mapped[str] = mapped_column(String(16), default="planned")
    state_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)


class Visit(Base):
    """走访记录: one shop on one day, draft until finished (autosaved on every change)."""

    __tablename__ = "visits"
    __table_args__ = (
        Index("ix_visits_manager_date", "manager_id", "visit_date"),
        Index("ix_visits_customer_date", "customer_id", "visit_date"),
        Index("ix_visits_status", "status"),
        Index("ix_visits_plan_stop", "plan_stop_id"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    manager_id: Mapped[str] = mapped_column(ForeignKey("managers.id", ondelete="RESTRICT"))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id", ondelete="RESTRICT"))
    plan_stop_id: Mapped[str | None] = mapped_column(
        ForeignKey("plan_stops.id", ondelete="SET NULL"), nullable=True
    )
    visit_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft | done
    shop_status: Mapped[str] = mapped_column(String(16), default="")
    # Local wall-clock times (Asia/Shanghai for the users); *_first keep the first capture.
    arrived_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    left_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    arrived_first: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    left_first: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    checklist_id: Mapped[str] = mapped_column(String(32), default="visit")
    checklist_version: Mapped[int] = mapped_column(Integer, default=1)
    answers: Mapped[str] = mapped_column(JsonText, default="{}")  # JSON: item id -> value
    findings: Mapped[str] = mapped_column(JsonText, default="[]")  # JSON, computed at finish
    # JSON: what 同上次 took from the shop's last visit (routine.visit_carry.Carried)
    carried: Mapped[str] = mapped_column(JsonText, default="{}", server_default="{}")
    late_entry: Mapped[bool] = mapped_column(Boolean, default=False)  # 补录: typed up later
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)  # local time
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class VisitPhoto(Base):
    """A shelf photo attached to a visit: a copy kept in the content-addressed attachments
    folder (``store.file_store``) under ``stored_name``; one visit holds one content once."""

    __tablename__ = "visit_photos"
    __table_args__ = (UniqueConstraint("visit_id", "sha256", name="uq_visit_photos_visit_sha"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    stored_name: Mapped[str] = mapped_column(String(100))  # in <data>/attachments/
    original_name: Mapped[str] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(Integer)
    taken_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)  # file mtime
    added_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)


class VisitSku(Base):
    """One SKU row of a visit's grid: on shelf, facings, stock, price seen."""

    __tablename__ = "visit_skus"
    __table_args__ = (UniqueConstraint("visit_id", "sku_id", name="uq_visit_skus_visit_sku"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    sku_id: Mapped[str] = mapped_column(ForeignKey("skus.id", ondelete="RESTRICT"))
    on_shelf: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    facings: Mapped[int | None] = mapped_column(Integer, nullable=True)
    stock_cartons: Mapped[int | None] = mapped_column(Integer, nullable=True)
    stock_packs: Mapped[int | None] = mapped_column(Integer, nullable=True)
    price_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)  # per pack, as seen


class VisitTimeEdit(Base):
    """An edit of a visit's arrival or departure time, with the time it replaced."""

    __tablename__ = "visit_time_edits"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(16))  # arrived_at | left_at
    old_value: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    new_value: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    edited_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)


class FollowUp(Base):
    """跟踪事项: something to check again at a customer, until it is closed."""

    __tablename__ = "followups"
    __table_args__ = (Index("ix_followups_customer_status", "customer_id", "status"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    manager_id: Mapped[str] = mapped_column(ForeignKey("managers.id", ondelete="RESTRICT"))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id", ondelete="RESTRICT"))
    # visit | phone_staff | manual | director
    source: Mapped[str] = mapped_column(String(16), default="visit")
    source_visit_id: Mapped[str | None] = mapped_column(
        ForeignKey("visits.id", ondelete="SET NULL"), nullable=True
    )
    text: Mapped[str] = mapped_column(Text)
    requested_by: Mapped[str] = mapped_column(String(50), default="")  # e.g. the 电访员
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | closed
    closed_by: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    closed_visit_id: Mapped[str | None] = mapped_column(
        ForeignKey("visits.id", ondelete="SET NULL"), nullable=True
    )
    close_note: Mapped[str] = mapped_column(Text, default="")
    # Found again: how many later visits found the same thing while it was open (they attach
    # to it instead of opening another), the last of them and when it finished.
    seen_again: Mapped[int] = mapped_column(Integer, default=0)
    last_seen_visit_id: Mapped[str | None] = mapped_column(
        ForeignKey("visits.id", ondelete="SET NULL", name="fk_followups_last_seen_visit"),
        nullable=True,
    )
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class OrderLine(Base):
    """订单: one SKU line of a customer's order, imported from the ordering system's export.
    Re-importing a day replaces that day's lines (see ``orders.import_orders``)."""

    __tablename__ = "order_lines"
    __table_args__ = (
        Index("ix_order_lines_manager_date", "manager_id", "order_date"),
        Index("ix_order_lines_customer_date", "customer_id", "order_date"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    manager_id: Mapped[str] = mapped_column(ForeignKey("managers.id", ondelete="RESTRICT"))
    order_date: Mapped[date] = mapped_column(Date)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id", ondelete="RESTRICT"))
    sku_id: Mapped[str] = mapped_column(ForeignKey("skus.id", ondelete="RESTRICT"))
    cartons: Mapped[int] = mapped_column(Integer)  # 条: 订货量, what was supplied
    # 需求量: what the shop asked for, when the export gives it apart from 订货量 (None: not given)
    demand_cartons: Mapped[int | None] = mapped_column(Integer, nullable=True)
    amount_fen: Mapped[int] = mapped_column(Integer)  # 金额, in fen
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    source: Mapped[str] = mapped_column(String(200), default="")  # file name it came from


class DayLog(Base):
    """工作日志: one per manager per working day. Facts are computed from the day; the
    manager's own sections are stored here as JSON. draft → submitted (then corrections only,
    audited)."""

    __tablename__ = "day_logs"
    __table_args__ = (UniqueConstraint("manager_id", "log_date", name="uq_day_logs_manager_date"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    manager_id: Mapped[str] = mapped_column(ForeignKey("managers.id", ondelete="RESTRICT"))
    log_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft | submitted
    sections: Mapped[str] = mapped_column(JsonText, default="{}")  # JSON: section -> text / rows
    facts: Mapped[str] = mapped_column(JsonText, default="{}")  # JSON snapshot at submit
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    #: 回到单位: when the manager was back at the office (one action on return; decision 0018).
    returned_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class WeekReport(Base):
    """周总结 / 周计划: one per manager per report week. Figures are computed from the week
    and snapshotted at submit; draft → submitted → reviewed (approved / returned)."""

    __tablename__ = "week_reports"
    __table_args__ = (
        UniqueConstraint("manager_id", "week_label", name="uq_week_reports_manager_week"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    manager_id: Mapped[str] = mapped_column(ForeignKey("managers.id", ondelete="RESTRICT"))
    week_label: Mapped[str] = mapped_column(String(10))  # ISO week of the end day: 2026-W48
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft|submitted|reviewed
    narrative: Mapped[str] = mapped_column(JsonText, default="{}")  # JSON: work_done, problems ...
    next_plan: Mapped[str] = mapped_column(JsonText, default="{}")  # JSON: routes, targets ...
    figures: Mapped[str] = mapped_column(JsonText, default="{}")  # JSON snapshot at submit
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    review: Mapped[str] = mapped_column(String(16), default="")  # approved | returned
    review_comment: Mapped[str] = mapped_column(Text, default="")
    reviewer: Mapped[str] = mapped_column(String(50), default="")
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)


class WeekReportRound(Base):
    """One round of a week report's review (decision 0029): submitted (the manager's columns)
    → reviewed (the department's: approved, or returned with a comment). A returned report
    resubmitted starts the next round; every round is kept, on the laptop and the server.
    The id is ``<report id>/<round>``, the same wherever the round is made."""

    __tablename__ = "week_report_rounds"
    __table_args__ = (
        UniqueConstraint("week_report_id", "round", name="uq_week_report_rounds_round"),
    )
    id: Mapped[str] = mapped_column(String(48), primary_key=True)
    week_report_id: Mapped[str] = mapped_column(
        ForeignKey("week_reports.id", ondelete="CASCADE"), index=True
    )
    round: Mapped[int] = mapped_column(Integer)
    submitted_at: Mapped[datetime] = mapped_column(DateTime)
    review: Mapped[str] = mapped_column(String(16), default="")  # approved | returned
    review_comment: Mapped[str] = mapped_column(Text, default="")
    reviewer: Mapped[str] = mapped_column(String(50), default="")
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class AttendanceDay(Base):
    """出勤: a working day the manager is not in the field — 请假 (with its type), 会议, 培训 or
    其他公务 (kinds of ``schema/reference/attendance.toml``). Clearing keeps the row with an
    empty ``kind`` (so a sync carries the clearing too); every change is audited."""

    __tablename__ = "attendance_days"
    __table_args__ = (UniqueConstraint("manager_id", "day", name="uq_attendance_days_manager_day"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    manager_id: Mapped[str] = mapped_column(ForeignKey("managers.id", ondelete="RESTRICT"))
    day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16), default="")  # "" = cleared
    leave_type: Mapped[str] = mapped_column(String(16), default="")  # a leave's type code
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)


class Target(Base):
    """销量任务: a manager's monthly target — the whole month (``scope`` "total", key ""), one
    price class ("class", key "1".."5") or one SKU ("sku", key: the SKU's code, so that it
    travels to the server without translation). Cartons (条), amount (fen) and 单条值 (fen per
    carton) are each optional; every change is audited (``routine.target_entry``)."""

    __tablename__ = "targets"
    __table_args__ = (
        UniqueConstraint(
            "manager_id", "month", "scope", "scope_key", name="uq_targets_manager_month_scope"
        ),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    manager_id: Mapped[str] = mapped_column(ForeignKey("managers.id", ondelete="RESTRICT"))
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    scope: Mapped[str] = mapped_column(String(8))  # total | class | sku
    scope_key: Mapped[str] = mapped_column(String(32), default="")
    cartons: Mapped[int | None] = mapped_column(Integer, nullable=True)
    amount_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    per_carton_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)
