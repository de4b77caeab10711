"""客户信息反馈单: feedback slips sent to several departments, each delivery tracked through its
own states until every department has 落实 it; due dates in working days; customer status
follows a completed slip. Configuration in ``schema/reference/slips.toml``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Unpack

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from fieldbook.core import clock, workdays
from fieldbook.core.errors import InvalidValue, NotFound
from fieldbook.core.resources import load_reference
from fieldbook.core.slips.deliveries import MoveWords, advance_in, move, slip_status
from fieldbook.core.slips.rules import slip_departments, slip_rules
from fieldbook.core.slips.suggestions import Dismissal, check_open, dismiss_in
from fieldbook.core.store.file_store import store_file
from fieldbook.core.store.models import (
    Customer,
    Manager,
    Route,
    Sku,
    Slip,
    SlipAttachment,
    SlipDelivery,
    SlipEvent,
    SlipSuggestion,
    Visit,
)
from fieldbook.core.store.sessions import Sessions
from fieldbook.core.text import clean_text

TOPIC = "slips"


@dataclass(frozen=True)
class SlipInput:
    category: str
    description: str
    customer_id: str | None = None
    sub_reason: str = ""
    effective_date: date | None = None
    return_date: date | None = None
    sku_ids: tuple[str, ...] = ()
    departments: tuple[str, ...] | None = None  # None: the category's defaults
    source_visit_id: str | None = None
    source_suggestion_id: str | None = None
    snapshot: dict[str, Any] | None = None  # for 新增 without a customer record
    #: why a default department was left off: department code -> reason (required for each)
    removed_reasons: dict[str, str] | None = None


@dataclass(frozen=True)
class EventView:
    seq: int
    from_state: str
    to_state: str
    at: datetime
    actor: str
    note: str
    reason: str


@dataclass(frozen=True)
class DeliveryView:
    id: str
    department: str
    state: str
    answer: str
    handled_by: str
    updated_at: datetime
    events: tuple[EventView, ...] = ()


@dataclass(frozen=True)
class AttachmentView:
    id: str
    filename: str
    path: Path
    sha256: str
    size: int


@dataclass(frozen=True)
class SlipView:
    id: str
    number: str
    category: str
    sub_reason: str
    customer_id: str | None
    customer: dict[str, Any]
    description: str
    effective_date: date | None
    return_date: date | None
    sku_names: tuple[str, ...]
    created_at: datetime
    due_date: date
    completed_at: datetime | None
    source_visit_id: str | None
    deliveries: tuple[DeliveryView, ...]
    attachments: tuple[AttachmentView, ...] = ()
    #: default departments left off the slip, with the reason: (department code, reason)
    removed_departments: tuple[tuple[str, str], ...] = ()

    @property
    def status(self) -> str:
        return slip_status(tuple(d.state for d in self.deliveries))

    def overdue(self, today: date) -> bool:
        return self.status != "done" and self.due_date < today


@dataclass(frozen=True)
class SlipRow:
    """A slip in lists: one row, its deliveries' states."""

    id: str
    number: str
    category: str
    customer_code: str
    shop_name: str
    created_at: datetime
    due_date: date
    states: tuple[tuple[str, str], ...]  # (department, state)

    @property
    def status(self) -> str:
        return slip_status(tuple(s for _, s in self.states))

    def overdue(self, today: date) -> bool:
        return self.status != "done" and self.due_date < today


#: What a slip keeps of its customer when it is opened (``Slip.customer_snapshot``).
_SNAPSHOT = {
    "code": Customer.code,
    "licence_no": Customer.licence_no,
    "shop_name": Customer.shop_name,
    "owner_name": Customer.owner_name,
    "phone": Customer.phone,
    "address": Customer.address,
    "district": Customer.district,
    "grade": Customer.grade,
    "route": Route.name,
    "status": Customer.status,
}


def customer_snapshots(s: Session, *where: ColumnElement[bool]) -> dict[str, dict[str, Any]]:
    """Customer id -> what a slip keeps of the customer (the route by name, "" without one),
    for the customers ``where`` selects (all without it)."""
    rows = s.execute(
        select(Customer.id, *_SNAPSHOT.values())
        .outerjoin(Route, Route.id == Customer.route_id)
        .where(*where)
    )
    snapshots = {}
    for customer_id, *values in rows:
        snap = dict(zip(_SNAPSHOT, values, strict=True))
        snap["route"] = snap["route"] or ""
        snapshots[customer_id] = snap
    return snapshots


def customer_snapshot(s: Session, customer_id: str) -> dict[str, Any]:
    snap = customer_snapshots(s, Customer.id == customer_id).get(customer_id)
    if snap is None:
        raise NotFound("customer", id=customer_id)
    return snap


class SlipService:
    def __init__(self, db: Sessions) -> None:
        self.db = db

    # --- creating --------------------------------------------------------------------------
    def create(self, data: SlipInput, *, at: datetime | None = None) -> SlipView:
        rules = slip_rules()
        category = rules.categories.get(data.category)
        if category is None:
            raise InvalidValue("unknown_category", field="category", value=data.category)
        description = str(data.description or "").strip()
        if not 2 <= len(description) <= 1000:
            raise InvalidValue("description_length", field="description", min=2, max=1000)
        if data.sub_reason and data.sub_reason not in category.sub_reasons:
            raise InvalidValue("unknown_sub_reason", field="sub_reason", value=data.sub_reason)
        if category.needs_effective_date and data.effective_date is None:
            raise InvalidValue("required", field="effective_date")
        if category.needs_return_date and data.return_date is None:
            raise InvalidValue("required", field="return_date")
        if category.needs_skus and not data.sku_ids:
            raise InvalidValue("required", field="sku_ids")
        if data.customer_id is None and data.category != "new":
            raise InvalidValue("required", field="customer")
        departments, removed = slip_departments(
            category, data.departments, data.removed_reasons or {}
        )
        now = at or clock.now()
        with self.db.writing(TOPIC) as s:
            manager_id = self.db.current_manager_id(s)
            manager = s.get_one(Manager, manager_id)
            if data.customer_id is not None:
                snapshot = customer_snapshot(s, data.customer_id)
            else:
                snapshot = {k: clean_text(v) for k, v in (data.snapshot or {}).items()}
                if not snapshot.get("shop_name"):
                    raise InvalidValue("required", field="shop_name")
            for sku_id in data.sku_ids:
                if s.get(Sku, sku_id) is None:
                    raise NotFound("sku", id=sku_id)
            slip = Slip(
                number=self._next_number(s, manager, now.date()),
                manager_id=manager_id,
                customer_id=data.customer_id,
                customer_snapshot=json.dumps(snapshot, ensure_ascii=False),
                category=data.category,
                sub_reason=data.sub_reason,
                description=description,
                effective_date=data.effective_date,
                return_date=data.return_date,
                sku_ids=json.dumps(list(data.sku_ids)),
                removed_departments=json.dumps(removed, ensure_ascii=False),
                source_visit_id=data.source_visit_id,
                source_suggestion_id=data.source_suggestion_id,
                created_at=now,
                updated_at=now,
                due_date=workdays.add_working_days(now.date(), category.due_days),
            )
            s.add(slip)
            s.flush()
            for dept in departments:
                s.add(SlipDelivery(slip_id=slip.id, department=dept, updated_at=now))
            if data.source_suggestion_id:
                suggestion = s.get(SlipSuggestion, data.source_suggestion_id)
                if suggestion is None:
                    raise NotFound("slip_suggestion", id=data.source_suggestion_id)
                check_open(s, suggestion, manager_id)
                suggestion.status = "slipped"
            s.flush()
            return self._view(s, slip)

    def _next_number(self, s: Session, manager: Manager, day: date) -> str:
        prefix = f"FK-{day:%Y%m%d}-{manager.code}-"
        last = s.scalar(select(func.max(Slip.number)).where(Slip.number.like(f"{prefix}%")))
        seq = int(last.rsplit("-", 1)[1]) + 1 if last else 1
        return f"{prefix}{seq:03d}"

    def suggestion_input(self, suggestion_id: str) -> SlipInput:
        """A slip prefilled from a visit's suggestion (the manager completes and sends it)."""
        with self.db.reading() as s:
            sug = s.get(SlipSuggestion, suggestion_id)
            if sug is None:
                raise NotFound("slip_suggestion", id=suggestion_id)
            visit = s.get(Visit, sug.visit_id) if sug.visit_id else None
            category = slip_rules().categories.get(sug.category) or slip_rules().categories["other"]
            day = visit.visit_date if visit is not None else sug.created_at.date()
            when = f"{day.month}月{day.day}日" + ("走访发现" if visit is not None else "订单数据")
            description = f"{when}：{sug.note}" if sug.note else when
            return SlipInput(
                category=category.code,
                description=description,
                customer_id=sug.customer_id,
                effective_date=day if category.needs_effective_date else None,
                source_visit_id=visit.id if visit is not None else None,
                source_suggestion_id=sug.id,
            )

    def suggestions(self, *, open_only: bool = True) -> list[tuple[str, str, str, str, date]]:
        """Suggested slips (a visit's, or 连续未订货's): (suggestion id, category, shop name,
        note, the visit's date or the day it was raised), newest first."""
        with self.db.reading() as s:
            manager_id = self.db.current_manager_id(s)
            stmt = (
                select(
                    SlipSuggestion.id,
                    SlipSuggestion.category,
                    Customer.shop_name,
                    SlipSuggestion.note,
                    Visit.visit_date,
                    SlipSuggestion.created_at,
                )
                .outerjoin(Visit, Visit.id == SlipSuggestion.visit_id)
                .join(Customer, Customer.id == SlipSuggestion.customer_id)
                .where(or_(Visit.manager_id == manager_id, SlipSuggestion.manager_id == manager_id))
            )
            if open_only:
                stmt = stmt.where(SlipSuggestion.status == "suggested")
            rows = [
                (sid, cat, shop, note, day if day is not None else created.date())
                for sid, cat, shop, note, day, created in s.execute(stmt)
            ]
            return sorted(rows, key=lambda r: r[4], reverse=True)

    def dismiss_suggestion(
        self,
        suggestion_id: str,
        reason: str,
        *,
        attachment: Path | None = None,
        at: datetime | None = None,
    ) -> Dismissal:
        """Dismiss a suggestion with a reason (a 违纪 one: one of slips.toml's fixed reasons)
        and an optional file; kept on the suggestion and in the audit trail."""
        kept = None
        if attachment is not None:
            max_bytes = int(load_reference("attachments")["slips"]["max_mb"]) * 1024 * 1024
            source = Path(attachment)
            folder = self.db.attachments_dir()
            kept = (store_file(source, folder, max_bytes=max_bytes), clean_text(source.name))
        with self.db.writing(TOPIC) as s:
            sug = s.get(SlipSuggestion, suggestion_id)
            if sug is None:
                raise NotFound("slip_suggestion", id=suggestion_id)
            manager_id = self.db.current_manager_id(s)
            return dismiss_in(s, sug, manager_id, reason, at or clock.now(), kept)

    # --- attachments -------------------------------------------------------------------------
    def attach(self, slip_id: str, source: Path, folder: Path) -> AttachmentView:
        """Keep a copy of ``source`` in ``folder`` (the data folder's attachments/) with the
        slip (``store.file_store.store_file``)."""
        source = Path(source)
        max_bytes = int(load_reference("attachments")["slips"]["max_mb"]) * 1024 * 1024
        kept = store_file(source, folder, max_bytes=max_bytes)
        with self.db.writing(TOPIC) as s:
            slip = s.get(Slip, slip_id)
            if slip is None:
                raise NotFound("slip", id=slip_id)
            slip.updated_at = clock.now_precise()  # the next sync sends the slip with it
            att = SlipAttachment(
                slip_id=slip_id,
                filename=clean_text(source.name)[:200],
                stored_name=kept.stored_name,
                sha256=kept.sha256,
                size=kept.size,
            )
            s.add(att)
            s.flush()
            return AttachmentView(att.id, att.filename, kept.path, kept.sha256, kept.size)

    # --- moving deliveries -------------------------------------------------------------------
    def advance(
        self,
        delivery_id: str,
        to_state: str,
        *,
        at: datetime | None = None,
        **words: Unpack[MoveWords],
    ) -> SlipView:
        """Move one department's delivery (see ``check_move``). Every move is kept."""
        reason, note = str(words.get("reason") or "").strip(), str(words.get("note") or "").strip()
        said: MoveWords = {**words, "reason": reason, "note": note}
        with self.db.writing(TOPIC, "customers") as s:
            d = s.get(SlipDelivery, delivery_id)
            if d is None:
                raise NotFound("slip_delivery", id=delivery_id)
            at = at or clock.now()
            advance_in(s, d, to_state, at=at, **said)
            return self._view(s, s.get_one(Slip, d.slip_id))

    def send(self, slip_id: str, *, actor: str = "", at: datetime | None = None) -> SlipView:
        """Send every pending delivery (待发送 → 已发送)."""
        with self.db.writing(TOPIC) as s:
            slip = s.get(Slip, slip_id)
            if slip is None:
                raise NotFound("slip", id=slip_id)
            now = at or clock.now()
            for d in s.scalars(select(SlipDelivery).where(SlipDelivery.slip_id == slip_id)):
                if d.state == "pending":
                    move(s, d, "sent", actor, "", "", None, now)
            return self._view(s, slip)

    # --- reading -------------------------------------------------------------------------------
    def get(self, slip_id: str) -> SlipView:
        with self.db.reading() as s:
            slip = s.get(Slip, slip_id)
            if slip is None:
                raise NotFound("slip", id=slip_id)
            return self._view(s, slip)

    def by_number(self, number: str) -> SlipView:
        with self.db.reading() as s:
            slip = s.scalars(select(Slip).where(Slip.number == number.strip())).first()
            if slip is None:
                raise NotFound("slip", number=number)
            return self._view(s, slip)

    def _view(self, s: Session, slip: Slip) -> SlipView:
        deliveries = []
        order = list(slip_rules().departments)
        for d in sorted(
            s.scalars(select(SlipDelivery).where(SlipDelivery.slip_id == slip.id)),
            key=lambda d: order.index(d.department) if d.department in order else 99,
        ):
            events = tuple(
                EventView(e.seq, e.from_state, e.to_state, e.at, e.actor, e.note, e.reason)
                for e in s.scalars(
                    select(SlipEvent).where(SlipEvent.delivery_id == d.id).order_by(SlipEvent.seq)
                )
            )
            deliveries.append(
                DeliveryView(
                    d.id, d.department, d.state, d.answer, d.handled_by, d.updated_at, events
                )
            )
        sku_ids = json.loads(slip.sku_ids or "[]")
        names = tuple(s.scalars(select(Sku.name).where(Sku.id.in_(sku_ids)))) if sku_ids else ()
        folder = self.db.attachments_dir()
        attachments = tuple(
            AttachmentView(a.id, a.filename, folder / a.stored_name, a.sha256, a.size)
            for a in s.scalars(
                select(SlipAttachment)
                .where(SlipAttachment.slip_id == slip.id)
                .order_by(SlipAttachment.added_at)
            )
        )
        return SlipView(
            id=slip.id,
            number=slip.number,
            category=slip.category,
            sub_reason=slip.sub_reason,
            customer_id=slip.customer_id,
            customer=json.loads(slip.customer_snapshot or "{}"),
            description=slip.description,
            effective_date=slip.effective_date,
            return_date=slip.return_date,
            sku_names=names,
            created_at=slip.created_at,
            due_date=slip.due_date,
            completed_at=slip.completed_at,
            source_visit_id=slip.source_visit_id,
            deliveries=tuple(deliveries),
            attachments=attachments,
            removed_departments=tuple(json.loads(slip.removed_departments or "{}").items()),
        )

    def list(
        self,
        *,
        open_only: bool = False,
        start: date | None = None,
        end: date | None = None,
        department: str | None = None,
        customer_id: str | None = None,
    ) -> list[SlipRow]:
        """The current manager's slips, newest first (``start``/``end``: creation dates)."""
        with self.db.reading() as s:
            manager_id = self.db.current_manager_id(s)
            stmt = select(Slip).where(Slip.manager_id == manager_id)
            if start is not None:
                stmt = stmt.where(Slip.created_at >= datetime.combine(start, datetime.min.time()))
            if end is not None:
                stmt = stmt.where(Slip.created_at <= datetime.combine(end, datetime.max.time()))
            if customer_id is not None:
                stmt = stmt.where(Slip.customer_id == customer_id)
            slips = s.scalars(stmt.order_by(Slip.created_at.desc())).all()
            states: dict[str, list[tuple[str, str]]] = {}
            if slips:
                for slip_id, dept, state in s.execute(
                    select(SlipDelivery.slip_id, SlipDelivery.department, SlipDelivery.state).where(
                        SlipDelivery.slip_id.in_([x.id for x in slips])
                    )
                ):
                    states.setdefault(slip_id, []).append((dept, state))
            rows = []
            for slip in slips:
                snap = json.loads(slip.customer_snapshot or "{}")
                deliveries = tuple(sorted(states.get(slip.id, [])))
                if department is not None and department not in {d for d, _ in deliveries}:
                    continue
                row = SlipRow(
                    slip.id,
                    slip.number,
                    slip.category,
                    snap.get("code", ""),
                    snap.get("shop_name", ""),
                    slip.created_at,
                    slip.due_date,
                    deliveries,
                )
                if open_only and row.status == "done":
                    continue
                rows.append(row)
            return rows
