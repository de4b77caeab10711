"""走访记录: one shop on one day. Arrival starts a draft; every change is saved at once into the
database (a crash loses nothing); finishing is one transaction that records the findings,
suggested slips and follow-ups and ticks the plan's stop."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue, NotFound
from fieldbook.core.master.catalog import class_name, price_classes
from fieldbook.core.routine.checklist import (
    OPEN,
    Checklist,
    GridLine,
    Hit,
    check_answer,
    in_stock,
    load_checklist,
    price_line_gaps,
)
from fieldbook.core.routine.plan import plan_rules, stop_of
from fieldbook.core.store import audit
from fieldbook.core.store.models import (
    Customer,
    FollowUp,
    PlanStop,
    Sku,
    SlipSuggestion,
    Visit,
    VisitSku,
    VisitTimeEdit,
)
from fieldbook.core.store.sessions import Sessions

TOPIC = "visits"
GRID_FIELDS = ("on_shelf", "facings", "stock_cartons", "stock_packs", "price_fen")
TIME_FIELDS = ("arrived_at", "left_at")
ABSENT = "absent"  # 关门未遇
PER_CLASS = 2  # SKUs of each price class a first visit's grid offers at least


@dataclass(frozen=True)
class GridRow:
    sku_id: str
    code: str
    name: str
    price_class: int | None
    is_key_brand: bool
    is_new: bool
    on_shelf: bool | None = None
    facings: int | None = None
    stock_cartons: int | None = None
    stock_packs: int | None = None
    price_fen: int | None = None

    def line(self) -> GridLine:
        return GridLine(self.price_class, self.on_shelf, self.stock_cartons, self.stock_packs)


@dataclass(frozen=True)
class TimeEdit:
    field: str
    old_value: datetime | None
    new_value: datetime | None
    edited_at: datetime


@dataclass(frozen=True)
class VisitView:
    id: str
    customer_id: str
    visit_date: date
    status: str
    shop_status: str
    arrived_at: datetime | None
    left_at: datetime | None
    arrived_first: datetime | None
    left_first: datetime | None
    checklist_version: int
    answers: dict[str, Any]
    grid: tuple[GridRow, ...]
    findings: tuple[Hit, ...]
    late_entry: bool
    recorded_at: datetime
    finished_at: datetime | None
    plan_stop_id: str | None
    time_edits: tuple[TimeEdit, ...] = ()
    slip_suggestions: tuple[str, ...] = ()

    @property
    def minutes(self) -> int | None:
        if self.arrived_at and self.left_at and self.left_at >= self.arrived_at:
            return round((self.left_at - self.arrived_at).total_seconds() / 60)
        return None

    @property
    def checklist(self) -> Checklist:
        return load_checklist("visit", self.checklist_version)


@dataclass(frozen=True)
class VisitListRow:
    """A visit as lists and exports show it (no SKU grid)."""

    id: str
    visit_date: date
    customer_id: str
    customer_code: str
    shop_name: str
    status: str
    shop_status: str
    arrived_at: datetime | None
    left_at: datetime | None
    late_entry: bool
    checklist_version: int
    answers: dict[str, Any]
    findings: tuple[Hit, ...]

    @property
    def minutes(self) -> int | None:
        if self.arrived_at and self.left_at and self.left_at >= self.arrived_at:
            return round((self.left_at - self.arrived_at).total_seconds() / 60)
        return None


@dataclass(frozen=True)
class DraftInfo:
    """A visit left unfinished (the app offers to recover exactly this one)."""

    visit_id: str
    customer_id: str
    shop_name: str
    visit_date: date
    arrived_at: datetime | None
    updated_at: datetime


@dataclass(frozen=True)
class FollowUpRow:
    id: str
    customer_id: str
    text: str
    source: str
    due_date: date | None
    created_at: datetime
    status: str


@dataclass(frozen=True)
class FinishResult:
    visit: VisitView
    followups_created: int
    followups_closed: int
    slip_categories: tuple[str, ...]
    next_stop_id: str | None = None


def _loads(text: str) -> Any:
    return json.loads(text) if text else {}


class VisitService:
    def __init__(self, db: Sessions) -> None:
        self.db = db

    # --- reading ---------------------------------------------------------------------------
    def get(self, visit_id: str) -> VisitView:
        with self.db.reading() as s:
            return self._view(s, self._visit(s, visit_id))

    def _visit(self, s: Session, visit_id: str) -> Visit:
        visit = s.get(Visit, visit_id)
        if visit is None:
            raise NotFound("visit", id=visit_id)
        return visit

    def _view(self, s: Session, v: Visit, *, with_grid: bool = True) -> VisitView:
        grid = self._grid(s, v) if with_grid else ()
        edits = tuple(
            TimeEdit(e.field, e.old_value, e.new_value, e.edited_at)
            for e in s.scalars(
                select(VisitTimeEdit)
                .where(VisitTimeEdit.visit_id == v.id)
                .order_by(VisitTimeEdit.edited_at)
            )
        )
        slips = tuple(
            s.scalars(select(SlipSuggestion.category).where(SlipSuggestion.visit_id == v.id))
        )
        return VisitView(
            id=v.id,
            customer_id=v.customer_id,
            visit_date=v.visit_date,
            status=v.status,
            shop_status=v.shop_status,
            arrived_at=v.arrived_at,
            left_at=v.left_at,
            arrived_first=v.arrived_first,
            left_first=v.left_first,
            checklist_version=v.checklist_version,
            answers=_loads(v.answers),
            grid=grid,
            findings=tuple(Hit(**h) for h in json.loads(v.findings or "[]")),
            late_entry=v.late_entry,
            recorded_at=v.recorded_at,
            finished_at=v.finished_at,
            plan_stop_id=v.plan_stop_id,
            time_edits=edits,
            slip_suggestions=slips,
        )

    def _grid(self, s: Session, v: Visit) -> tuple[GridRow, ...]:
        rows = s.execute(
            select(
                Sku.id,
                Sku.code,
                Sku.name,
                Sku.price_class,
                Sku.is_key_brand,
                Sku.is_new,
                VisitSku.on_shelf,
                VisitSku.facings,
                VisitSku.stock_cartons,
                VisitSku.stock_packs,
                VisitSku.price_fen,
            )
            .join(Sku, Sku.id == VisitSku.sku_id)
            .where(VisitSku.visit_id == v.id)
            .order_by(Sku.price_class, Sku.wholesale_fen.desc(), Sku.code)
        )
        return tuple(GridRow(*r) for r in rows)

    def for_customer_on(self, customer_id: str, day: date) -> VisitView | None:
        """The customer's visit of ``day`` (a draft first), if there is one."""
        with self.db.reading() as s:
            v = s.scalars(
                select(Visit)
                .where(Visit.customer_id == customer_id, Visit.visit_date == day)
                .order_by(Visit.status.desc(), Visit.recorded_at.desc())  # draft before done
            ).first()
            return self._view(s, v) if v is not None else None

    def previous(self, customer_id: str, before: date, limit: int = 5) -> list[VisitView]:
        """The shop's finished visits before ``before``, newest first (shown beside the form)."""
        with self.db.reading() as s:
            visits = s.scalars(
                select(Visit)
                .where(
                    Visit.customer_id == customer_id,
                    Visit.status == "done",
                    Visit.visit_date < before,
                )
                .order_by(Visit.visit_date.desc(), Visit.arrived_at.desc())
                .limit(limit)
            ).all()
            return [self._view(s, v) for v in visits]

    def list_between(self, start: date, end: date) -> list[VisitListRow]:
        """The current manager's visits from ``start`` to ``end`` (inclusive), in time order."""
        with self.db.reading() as s:
            manager_id = self.db.current_manager_id(s)
            rows = s.execute(
                select(
                    Visit.id,
                    Visit.visit_date,
                    Visit.customer_id,
                    Customer.code,
                    Customer.shop_name,
                    Visit.status,
                    Visit.shop_status,
                    Visit.arrived_at,
                    Visit.left_at,
                    Visit.late_entry,
                    Visit.checklist_version,
                    Visit.answers,
                    Visit.findings,
                )
                .join(Customer, Customer.id == Visit.customer_id)
                .where(
                    Visit.manager_id == manager_id,
                    Visit.visit_date >= start,
                    Visit.visit_date <= end,
                )
                .order_by(Visit.visit_date, Visit.arrived_at, Customer.code)
            ).all()
        return [
            VisitListRow(
                *r[:11],
                answers=_loads(r[11]),
                findings=tuple(Hit(**h) for h in json.loads(r[12] or "[]")),
            )
            for r in rows
        ]

    def drafts(self) -> list[DraftInfo]:
        """Unfinished visits of the current manager (after a crash: offer to recover them)."""
        with self.db.reading() as s:
            manager_id = self.db.current_manager_id(s)
            rows = s.execute(
                select(
                    Visit.id,
                    Visit.customer_id,
                    Customer.shop_name,
                    Visit.visit_date,
                    Visit.arrived_at,
                    Visit.updated_at,
                )
                .join(Customer, Customer.id == Visit.customer_id)
                .where(Visit.manager_id == manager_id, Visit.status == "draft")
                .order_by(Visit.updated_at.desc())
            )
            return [DraftInfo(*r) for r in rows]

    def grid_skus(self, customer_id: str) -> list[GridRow]:
        """SKUs the shop carries (its last visit's grid) or should carry (key brands, new
        products, and at least ``PER_CLASS`` SKUs of every price class so that a price-line
        gap can be seen), empty rows in class and price order."""
        with self.db.reading() as s:
            last = s.scalars(
                select(Visit.id)
                .where(Visit.customer_id == customer_id, Visit.status == "done")
                .order_by(Visit.visit_date.desc())
                .limit(1)
            ).first()
            carried = (
                set(s.scalars(select(VisitSku.sku_id).where(VisitSku.visit_id == last)))
                if last
                else set()
            )
            skus = s.execute(
                select(Sku.id, Sku.code, Sku.name, Sku.price_class, Sku.is_key_brand, Sku.is_new)
                .where(Sku.on_market.is_(True))
                .order_by(Sku.price_class, Sku.wholesale_fen.desc(), Sku.code)
            ).all()
        picked = offered_sku_ids(((r[0], r[3], r[4], r[5]) for r in skus), carried)
        return [GridRow(*r) for r in skus if r[0] in picked]

    def open_followups(self, customer_id: str) -> list[FollowUpRow]:
        with self.db.reading() as s:
            rows = s.execute(
                select(
                    FollowUp.id,
                    FollowUp.customer_id,
                    FollowUp.text,
                    FollowUp.source,
                    FollowUp.due_date,
                    FollowUp.created_at,
                    FollowUp.status,
                )
                .where(FollowUp.customer_id == customer_id, FollowUp.status == "open")
                .order_by(FollowUp.created_at)
            )
            return [FollowUpRow(*r) for r in rows]

    # --- writing a draft: every call is one transaction (autosave) --------------------------
    def start(
        self,
        customer_id: str,
        *,
        day: date | None = None,
        at: datetime | None = None,
        plan_stop_id: str | None = None,
        arrive: bool = True,
    ) -> VisitView:
        """Arrival by one action: the shop's draft for the day (an existing draft is reused —
        recovery is keyed to exactly this shop and day), created when there is none."""
        now = clock.now()
        day = day or (at.date() if at else now.date())
        with self.db.writing(TOPIC) as s:
            manager_id = self.db.current_manager_id(s)
            if s.get(Customer, customer_id) is None:
                raise NotFound("customer", id=customer_id)
            draft = s.scalars(
                select(Visit).where(
                    Visit.customer_id == customer_id,
                    Visit.visit_date == day,
                    Visit.status == "draft",
                )
            ).first()
            if draft is not None:
                return self._view(s, draft)
            if plan_stop_id is None:
                stop = stop_of(s, manager_id, customer_id, day)
                plan_stop_id = stop.id if stop is not None else None
            arrived = (at or now) if arrive else None
            checklist = load_checklist("visit")
            visit = Visit(
                manager_id=manager_id,
                customer_id=customer_id,
                plan_stop_id=plan_stop_id,
                visit_date=day,
                arrived_at=arrived,
                arrived_first=arrived,
                checklist_id=checklist.id,
                checklist_version=checklist.version,
                recorded_at=now,
                updated_at=now,
                late_entry=self._late(day, arrived, now),
            )
            s.add(visit)
            s.flush()
            for row in self.grid_skus(customer_id):
                s.add(VisitSku(visit_id=visit.id, sku_id=row.sku_id))
            s.flush()
            return self._view(s, visit)

    @staticmethod
    def _late(day: date, arrived: datetime | None, recorded: datetime) -> bool:
        """补录: recorded on a later day, or long after the arrival it records."""
        if recorded.date() > day:
            return True
        limit = timedelta(minutes=plan_rules().late_entry_minutes)
        return arrived is not None and recorded - arrived > limit

    def _draft(self, s: Session, visit_id: str) -> Visit:
        visit = self._visit(s, visit_id)
        if visit.status != "draft":
            raise InvalidValue("visit_finished", field="visit")
        return visit

    def set_shop_status(self, visit_id: str, code: str) -> VisitView:
        with self.db.writing(TOPIC) as s:
            v = self._draft(s, visit_id)
            load_checklist("visit", v.checklist_version).status(code)
            v.shop_status = code
            v.updated_at = clock.now()
            return self._view(s, v, with_grid=False)

    def save_answer(self, visit_id: str, item_id: str, value: Any) -> None:
        """Autosave one answer (None clears it). Raises InvalidValue for a bad value and then
        saves nothing."""
        self.save_answers(visit_id, {item_id: value})

    def save_answers(self, visit_id: str, values: dict[str, Any]) -> None:
        with self.db.writing(TOPIC) as s:
            v = self._draft(s, visit_id)
            checklist = load_checklist("visit", v.checklist_version)
            answers = _loads(v.answers)
            for item_id, value in values.items():
                cleaned = check_answer(checklist.item(item_id), value)
                if cleaned is None:
                    answers.pop(item_id, None)
                else:
                    answers[item_id] = cleaned
            v.answers = json.dumps(answers, ensure_ascii=False, sort_keys=True)
            v.updated_at = clock.now()

    def save_grid(self, visit_id: str, sku_id: str, **values: Any) -> None:
        """Autosave one SKU row of the grid (unknown SKUs are added to the grid)."""
        bad = set(values) - set(GRID_FIELDS)
        if bad:
            raise InvalidValue("unknown_grid_field", field=sorted(bad)[0])
        _check_grid(values)
        with self.db.writing(TOPIC) as s:
            v = self._draft(s, visit_id)
            if s.get(Sku, sku_id) is None:
                raise NotFound("sku", id=sku_id)
            row = s.scalars(
                select(VisitSku).where(VisitSku.visit_id == v.id, VisitSku.sku_id == sku_id)
            ).first()
            if row is None:
                row = VisitSku(visit_id=v.id, sku_id=sku_id)
                s.add(row)
            for name, value in values.items():
                setattr(row, name, value)
            v.updated_at = clock.now()

    def set_time(
        self, visit_id: str, field_name: str, value: datetime | None, reason: str = ""
    ) -> VisitView:
        """Change the arrival or departure time; the time it replaced is kept. A finished
        visit's time is a correction: it needs a reason and goes into the audit trail."""
        if field_name not in TIME_FIELDS:
            raise InvalidValue("unknown_time_field", field=field_name)
        with self.db.writing(TOPIC) as s:
            v = self._visit(s, visit_id)
            old = getattr(v, field_name)
            if old == value:
                return self._view(s, v, with_grid=False)
            if v.status == "done":
                audit.record(
                    s,
                    manager_id=v.manager_id,
                    record_type="visit",
                    record_id=v.id,
                    changes={field_name: (old, value)},
                    reason=reason,
                )
            arrived = value if field_name == "arrived_at" else v.arrived_at
            left = value if field_name == "left_at" else v.left_at
            if arrived and left and left < arrived:
                raise InvalidValue("left_before_arrival", field=field_name)
            setattr(v, field_name, value)
            first = field_name.replace("_at", "_first")
            if getattr(v, first) is None:
                setattr(v, first, value)
            if old is not None:
                s.add(
                    VisitTimeEdit(
                        visit_id=v.id,
                        field=field_name,
                        old_value=old,
                        new_value=value,
                        edited_at=clock.now(),
                    )
                )
            v.updated_at = clock.now()
            return self._view(s, v, with_grid=False)

    def arrive(self, visit_id: str, at: datetime | None = None) -> VisitView:
        return self.set_time(visit_id, "arrived_at", at or clock.now())

    def leave(self, visit_id: str, at: datetime | None = None) -> VisitView:
        return self.set_time(visit_id, "left_at", at or clock.now())

    def same_as_last_time(self, visit_id: str) -> VisitView:
        """Fill the draft from the shop's last finished visit: shop open, every still-valid
        non-text answer and the SKU grid (on shelf, facings, stock, price). One transaction."""
        with self.db.writing(TOPIC) as s:
            v = self._draft(s, visit_id)
            last = s.scalars(
                select(Visit)
                .where(
                    Visit.customer_id == v.customer_id,
                    Visit.status == "done",
                    Visit.visit_date <= v.visit_date,
                    Visit.id != v.id,
                )
                .order_by(Visit.visit_date.desc(), Visit.arrived_at.desc())
                .limit(1)
            ).first()
            if last is None:
                raise InvalidValue("no_previous_visit", field="visit")
            checklist = load_checklist("visit", v.checklist_version)
            answers = {**_loads(v.answers), **checklist.carry_forward(_loads(last.answers))}
            v.shop_status = OPEN
            v.answers = json.dumps(answers, ensure_ascii=False, sort_keys=True)
            old_rows = {
                r.sku_id: r for r in s.scalars(select(VisitSku).where(VisitSku.visit_id == v.id))
            }
            for prev in s.scalars(select(VisitSku).where(VisitSku.visit_id == last.id)):
                row = old_rows.get(prev.sku_id)
                if row is None:
                    row = VisitSku(visit_id=v.id, sku_id=prev.sku_id)
                    s.add(row)
                for name in GRID_FIELDS:
                    setattr(row, name, getattr(prev, name))
            v.updated_at = clock.now()
            s.flush()
            return self._view(s, v)

    def correct(self, visit_id: str, values: dict[str, Any], reason: str) -> VisitView:
        """Correct answers of a FINISHED visit: each changed answer is appended to the audit
        trail with the reason, and the findings are recomputed (follow-ups and suggested slips
        made at the time stay as they were)."""
        with self.db.writing(TOPIC) as s:
            v = self._visit(s, visit_id)
            if v.status != "done":
                raise InvalidValue("visit_not_finished", field="visit")
            checklist = load_checklist("visit", v.checklist_version)
            before = _loads(v.answers)
            after = dict(before)
            for item_id, value in values.items():
                cleaned = check_answer(checklist.item(item_id), value)
                if cleaned is None:
                    after.pop(item_id, None)
                else:
                    after[item_id] = cleaned
            missing = checklist.missing(v.shop_status, after)
            if missing:
                raise InvalidValue("visit_incomplete", field=missing[0], missing=missing)
            after = checklist.clean_answers(v.shop_status, after)
            audit.record(
                s,
                manager_id=v.manager_id,
                record_type="visit",
                record_id=v.id,
                changes={
                    f"answers.{k}": (before.get(k), after.get(k))
                    for k in sorted(set(before) | set(after))
                },
                reason=reason,
            )
            hits = checklist.hits(v.shop_status, after)
            if v.shop_status == OPEN:
                hits += self._grid_hits(s, v)
            v.answers = json.dumps(after, ensure_ascii=False, sort_keys=True)
            v.findings = json.dumps([h.__dict__ for h in hits], ensure_ascii=False)
            v.updated_at = clock.now()
            s.flush()
            return self._view(s, v)

    def discard(self, visit_id: str) -> None:
        """Throw a draft away (the user said so explicitly)."""
        with self.db.writing(TOPIC) as s:
            v = self._draft(s, visit_id)
            s.delete(v)

    # --- finishing: one transaction ----------------------------------------------------------
    def finish(
        self,
        visit_id: str,
        *,
        at: datetime | None = None,
        close_followups: list[str] | None = None,
        close_note: str = "",
    ) -> FinishResult:
        """Finish the visit: check it is complete, set the departure time (now unless set),
        record findings, suggested slips and follow-ups, close the follow-ups the manager
        checked, tick the plan's stop. Nothing is written unless all of it is."""
        now = clock.now()
        with self.db.writing(TOPIC, "plan", "followups") as s:
            v = self._draft(s, visit_id)
            checklist = load_checklist("visit", v.checklist_version)
            answers = _loads(v.answers)
            missing = checklist.missing(v.shop_status, answers)
            if missing:
                raise InvalidValue("visit_incomplete", field=missing[0], missing=missing)
            if v.arrived_at is None:
                raise InvalidValue("no_arrival_time", field="arrived_at")
            left = v.left_at or at or now
            if left < v.arrived_at:
                raise InvalidValue("left_before_arrival", field="left_at")
            v.left_at = left
            v.left_first = v.left_first or left
            v.answers = json.dumps(
                checklist.clean_answers(v.shop_status, answers), ensure_ascii=False, sort_keys=True
            )
            hits = checklist.hits(v.shop_status, _loads(v.answers))
            if v.shop_status == OPEN:
                hits += self._grid_hits(s, v)
            v.findings = json.dumps([h.__dict__ for h in hits], ensure_ascii=False)
            slips = self._suggest_slips(s, v, hits)
            created = self._create_followups(s, v, hits)
            closed = 0
            for fid in close_followups or []:
                fu = s.get(FollowUp, fid)
                if fu is None or fu.customer_id != v.customer_id or fu.status != "open":
                    raise InvalidValue("followup_not_open", field="followups")
                fu.status, fu.closed_at, fu.closed_visit_id = "closed", now, v.id
                fu.close_note = close_note
                closed += 1
            if v.plan_stop_id is not None:
                stop = s.get(PlanStop, v.plan_stop_id)
                if stop is not None and v.shop_status == ABSENT:
                    # 关门未遇: the stop was not really visited; it is carried over
                    stop.state = "skipped"
                    stop.state_reason = checklist.status(ABSENT).label
                elif stop is not None:
                    stop.state, stop.state_reason = "visited", ""
            v.status, v.finished_at, v.updated_at = "done", now, now
            s.flush()
            view = self._view(s, v)
        return FinishResult(view, created, closed, tuple(slips))

    def _grid_hits(self, s: Session, v: Visit) -> list[Hit]:
        return grid_findings(
            (r.name, r.price_class, r.is_key_brand, r.line()) for r in self._grid(s, v)
        )

    def _suggest_slips(self, s: Session, v: Visit, hits: list[Hit]) -> list[str]:
        s.execute(delete(SlipSuggestion).where(SlipSuggestion.visit_id == v.id))
        categories: dict[str, list[str]] = {}
        for hit in hits:
            if hit.slip:
                categories.setdefault(hit.slip, []).append(hit.detail or hit.item)
        for category, details in categories.items():
            s.add(
                SlipSuggestion(
                    visit_id=v.id,
                    customer_id=v.customer_id,
                    category=category,
                    note="；".join(d for d in details if d),
                )
            )
        return list(categories)

    def _create_followups(self, s: Session, v: Visit, hits: list[Hit]) -> int:
        texts = list(dict.fromkeys(h.follow_up for h in hits if h.follow_up))
        for text in texts:
            s.add(
                FollowUp(
                    manager_id=v.manager_id,
                    customer_id=v.customer_id,
                    source="visit",
                    source_visit_id=v.id,
                    text=text,
                    due_date=None,  # at the next visit
                    created_at=v.finished_at or clock.now(),
                )
            )
        return len(texts)


OUT_OF_STOCK_FOLLOW_UP = "跟进断货规格补货"


def offered_sku_ids(
    skus: Iterable[tuple[str, int | None, bool, bool]], carried: set[str]
) -> set[str]:
    """Which SKUs a visit's grid offers, from (id, price class, key brand, new) in grid order:
    those the shop carried, key brands, new products, and at least ``PER_CLASS`` of every
    price class (so that a price-line gap can be seen)."""
    rows = list(skus)
    picked = {sid for sid, _, key, new in rows if sid in carried or key or new}
    per_class: dict[int | None, int] = {}
    for sid, cls, _, _ in rows:
        if sid in picked:
            per_class[cls] = per_class.get(cls, 0) + 1
    for sid, cls, _, _ in rows:
        if per_class.get(cls, 0) < PER_CLASS and sid not in picked:
            per_class[cls] = per_class.get(cls, 0) + 1
            picked.add(sid)
    return picked


def grid_findings(rows: Iterable[tuple[str, int | None, bool, GridLine]]) -> list[Hit]:
    """The findings of a filled grid, from (SKU name, price class, key brand, line):
    price-line gaps over the classes present, and key brands out of stock."""
    rows = list(rows)
    present = {cls for _, cls, _, _ in rows}
    classes = [pc.code for pc in price_classes() if pc.code in present]
    hits: list[Hit] = []
    gaps = price_line_gaps((line for *_, line in rows), classes)
    if gaps:
        hits.append(Hit("price_gap", "grid", "", "", "、".join(class_name(c) for c in gaps)))
    out = [name for name, _, key, line in rows if key and in_stock(line) is False]
    if out:
        hits.append(Hit("out_of_stock", "grid", "", OUT_OF_STOCK_FOLLOW_UP, "、".join(out)))
    return hits


def _check_grid(values: dict[str, Any]) -> None:
    limits = {"facings": 50, "stock_cartons": 500, "stock_packs": 9, "price_fen": 100_00}
    for name, value in values.items():
        if value is None:
            continue
        if name == "on_shelf":
            if not isinstance(value, bool):
                raise InvalidValue("answer_not_bool", field=name, value=str(value))
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidValue("answer_not_whole", field=name, value=str(value))
        if not 0 <= value <= limits[name]:
            raise InvalidValue(
                "answer_out_of_range", field=name, value=str(value), min=0, max=limits[name]
            )
