"""SQLAlchemy 2 typed ORM models. The schema itself is owned by the Alembic migrations in
``schema/migrations``; a test checks that these models and the migrated schema agree."""

from __future__ import annotations

import json
import re
import uuid
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from fieldbook.core import clock
from fieldbook.core.text import clean_data


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return clock.utcnow()


def local_now() -> datetime:
    """Record timestamps are local wall-clock time, like the visits they sit beside (the
    users are all in one time zone, Asia/Shanghai); see fieldbook.core.clock."""
    return clock.now_precise()


# A JSON text that needs looking at: an escaped control character (json.dumps writes C0 as
# \u00XX, CR as \r, BS and FF as \b and \f), an escaped or raw DEL / C1 / surrogate / XML
# non-character, a raw bidi control or BOM. A false alarm (a user's literal backslash) only
# costs a parse.
_JSON_SUSPECT = re.compile(
    r"\\(?:[rbf]|u00[01][0-9a-fA-F]|u007[fF]|u00[89][0-9a-fA-F]|u[dD][89a-fA-F]"
    r"|u202[a-eA-E]|u206[6-9]|u[fF][eE][fF][fF]|u[fF]{3}[eEfF]|u202[89])"
    "|[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff\ud800-\udfff]"
)


class JsonText(TypeDecorator[str]):
    """Text holding JSON of what a user wrote (a log's sections, a week's narrative, a
    visit's answers). The engine's door (fieldbook.core.store.db) cannot see a control character
    that json.dumps escaped, so this type parses a suspect value, cleans every string in it
    (normalize.clean_data) and writes it back in the same key order; clean JSON passes as it
    is. Stored as plain TEXT: the schema does not change."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None or _JSON_SUSPECT.search(value) is None:
            return value
        try:
            data = json.loads(value)
        except ValueError:
            return value  # not JSON after all: the engine's door still cleans it as text
        cleaned = clean_data(data)
        return value if cleaned == data else json.dumps(cleaned, ensure_ascii=False)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        return value


class Base(DeclarativeBase):
    pass


class Setting(Base):
    """Small key/value settings stored with the data (e.g. the current manager)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Manager(Base):
    """客户经理: the user. A department database holds many."""

    __tablename__ = "managers"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    district_unit: Mapped[str] = mapped_column(String(50), default="")
    territory: Mapped[str] = mapped_column(String(50), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)


class Route(Base):
    """线路: a named, ordered set of customers, usually one per weekday."""

    __tablename__ = "routes"
    __table_args__ = (UniqueConstraint("manager_id", "name", name="uq_routes_manager_name"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    manager_id: Mapped[str] = mapped_column(ForeignKey("managers.id", ondelete="RESTRICT"))
    name: Mapped[str] = mapped_column(String(50))
    weekday: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 1=Mon .. 7=Sun
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)


class Customer(Base):
    """零售户: a licensed tobacco retailer served by one manager."""

    __tablename__ = "customers"
    __table_args__ = (
        Index("ix_customers_manager", "manager_id"),
        Index("ix_customers_route", "route_id", "route_position"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    manager_id: Mapped[str] = mapped_column(ForeignKey("managers.id", ondelete="RESTRICT"))
    code: Mapped[str] = mapped_column(String(32), unique=True)
    licence_no: Mapped[str] = mapped_column(String(32), default="")
    shop_name: Mapped[str] = mapped_column(String(100))
    owner_name: Mapped[str] = mapped_column(String(50), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    district: Mapped[str] = mapped_column(String(50), default="")
    format: Mapped[str] = mapped_column(String(8), default="")  # 业态 code, schema/reference
    market_type: Mapped[str] = mapped_column(String(8), default="")  # C 城镇 / X 乡村
    grade: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 档位
    route_id: Mapped[str | None] = mapped_column(
        ForeignKey("routes.id", ondelete="SET NULL"), nullable=True
    )
    route_position: Mapped[int | None] = mapped_column(Integer, nullable=True)
    order_weekday: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 1=Mon .. 7=Sun
    status: Mapped[str] = mapped_column(String(16), default="active")
    is_key_customer: Mapped[bool] = mapped_column(Boolean, default=False)
    licence_expiry: Mapped[date | None] = mapped_column(Date, nullable=True)
    suspended_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    # a customer created from a confirmed 新增 slip, still to be completed by the manager
    pending_completion: Mapped[bool] = mapped_column(Boolean, default=False)
    gps_lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    gps_lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)


class Sku(Base):
    """卷烟规格: one cigarette SKU with its prices per carton."""

    __tablename__ = "skus"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    brand: Mapped[str] = mapped_column(String(50), default="")
    price_class: Mapped[int | None] = mapped_column(Integer, nullable=True)
    price_class_overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    # Money is kept as integer fen (分) per carton: exact on SQLite and PostgreSQL alike.
    wholesale_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    retail_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    is_key_brand: Mapped[bool] = mapped_column(Boolean, default=False)
    is_new: Mapped[bool] = mapped_column(Boolean, default=False)
    on_market: Mapped[bool] = mapped_column(Boolean, default=True)
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)


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
    late_entry: Mapped[bool] = mapped_column(Boolean, default=False)  # 补录: typed up later
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)  # local time
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


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


class SlipSuggestion(Base):
    """A feedback slip (客户信息反馈单) a visit suggests; the slip itself is a later issue."""

    __tablename__ = "slip_suggestions"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id", ondelete="RESTRICT"))
    # new | closed | suspended | violation | no_order | brand | info_change
    category: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    # suggested | dismissed | slipped
    status: Mapped[str] = mapped_column(String(16), default="suggested")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)


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
    cartons: Mapped[int] = mapped_column(Integer)  # 条
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
