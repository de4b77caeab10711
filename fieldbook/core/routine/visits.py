"""走访记录: one shop on one day. Arrival starts a draft; every change is saved at once into the
database (a crash loses nothing); finishing is one transaction that records the findings,
suggested slips and follow-ups and ticks the plan's stop."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue, NotFound
from fieldbook.core.routine.checklist import (
    OPEN,
    Hit,
    check_answer,
    load_checklist,
)
from fieldbook.core.routine.plan import plan_rules, stop_of
from fieldbook.core.routine.price_checks import check_price
from fieldbook.core.routine.visit_carry import (
    Pending,
    confirm_unchanged,
    fill_from_last,
    observed,
    pending,
)
from fieldbook.core.routine.visit_checklist import visit_checklist
from fieldbook.core.routine.visit_findings import close_followups as close_followups_at
from fieldbook.core.routine.visit_findings import create_followups, suggest_slips, tick_stop
from fieldbook.core.routine.visit_grid import (
    GRID_FIELDS,
    GridRow,
    check_grid,
    check_not_derived,
    derive_compliance,
    grid_hits,
    grid_rows,
    offered_grid,
    rederive_compliance,
)
from fieldbook.core.routine.visit_reopen import reopen
from fieldbook.core.routine.visit_views import (
    DraftInfo,
    FinishResult,
    FollowUpRow,
    VisitListRow,
    VisitView,
    loads_answers,
    visit_view,
)
from fieldbook.core.store import audit
from fieldbook.core.store.models import (
    Customer,
    FollowUp,
    Sku,
    Visit,
    VisitSku,
    VisitTimeEdit,
)
from fieldbook.core.store.sessions import Sessions

TOPIC = "visits"
TIME_FIELDS = ("arrived_at", "left_at")


class VisitService:
    def __init__(self, db: Sessions) -> None:
        self.db = db

    # --- reading ---------------------------------------------------------------------------
    def get(self, visit_id: str) -> VisitView:
        with self.db.reading() as s:
            return visit_view(s, self._visit(s, visit_id))

    def _visit(self, s: Session, visit_id: str) -> Visit:
        visit = s.get(Visit, visit_id)
        if visit is None:
            raise NotFound("visit", id=visit_id)
        return visit

    def for_customer_on(self, customer_id: str, day: date) -> VisitView | None:
        """The customer's visit of ``day`` (a draft first), if there is one."""
        with self.db.reading() as s:
            v = s.scalars(
                select(Visit)
                .where(Visit.customer_id == customer_id, Visit.visit_date == day)
                .order_by(Visit.status.desc(), Visit.recorded_at.desc())  # draft before done
            ).first()
            return visit_view(s, v) if v is not None else None

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
            return [visit_view(s, v, with_shop=False) for v in visits]  # shown, not edited

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
                id=r.id,
                visit_date=r.visit_date,
                customer_id=r.customer_id,
                customer_code=r.code,
                shop_name=r.shop_name,
                status=r.status,
                shop_status=r.shop_status,
                arrived_at=r.arrived_at,
                left_at=r.left_at,
                late_entry=r.late_entry,
                checklist_version=r.checklist_version,
                answers=loads_answers(r.answers),
                findings=tuple(Hit(**h) for h in json.loads(r.findings or "[]")),
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
                # drafts are few and finished visits many, but SQLite's statistics see one
                # status value in most tables and would scan every visit (~35 ms on five years)
                .with_hint(Visit, "INDEXED BY ix_visits_status", dialect_name="sqlite")
            )
            return [DraftInfo(*r) for r in rows]

    def grid_skus(self, customer_id: str) -> list[GridRow]:
        """The empty grid a new visit of the shop starts with (``visit_grid.offered_grid``)."""
        with self.db.reading() as s:
            return offered_grid(s, customer_id)

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
                return visit_view(s, draft)
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
            for row in offered_grid(s, customer_id):
                s.add(VisitSku(visit_id=visit.id, sku_id=row.sku_id))
            s.flush()
            return visit_view(s, visit)

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
            return visit_view(s, v, with_grid=False)

    def save_answer(self, visit_id: str, item_id: str, value: Any) -> None:
        """Autosave one answer (None clears it). Raises InvalidValue for a bad value and then
        saves nothing."""
        self.save_answers(visit_id, {item_id: value})

    def save_answers(self, visit_id: str, values: dict[str, Any]) -> None:
        with self.db.writing(TOPIC) as s:
            v = self._draft(s, visit_id)
            check_not_derived(s, v, values)
            checklist = load_checklist("visit", v.checklist_version)
            answers = loads_answers(v.answers)
            for item_id, value in values.items():
                cleaned = check_answer(checklist.item(item_id), value)
                if cleaned is None:
                    answers.pop(item_id, None)
                else:
                    answers[item_id] = cleaned
            v.answers = json.dumps(answers, ensure_ascii=False, sort_keys=True)
            observed(v, values)
            v.updated_at = clock.now()

    def save_grid(self, visit_id: str, sku_id: str, **values: Any) -> None:
        """Autosave one SKU row of the grid (unknown SKUs are added to the grid)."""
        bad = set(values) - set(GRID_FIELDS)
        if bad:
            raise InvalidValue("unknown_grid_field", field=sorted(bad)[0])
        check_grid(values)
        with self.db.writing(TOPIC) as s:
            v = self._draft(s, visit_id)
            sku = s.get(Sku, sku_id)
            if sku is None:
                raise NotFound("sku", id=sku_id)
            row = s.scalars(
                select(VisitSku).where(VisitSku.visit_id == v.id, VisitSku.sku_id == sku_id)
            ).first()
            if row is None:
                row = VisitSku(visit_id=v.id, sku_id=sku_id)
                s.add(row)
            was_compared = check_price(row.price_fen, sku.retail_fen) is not None
            for name, value in values.items():
                setattr(row, name, value)
            if "price_fen" in values:
                rederive_compliance(s, v, was_compared)  # the grid wins over 执行指导价
            observed(v, skus=[sku_id])
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
                return visit_view(s, v, with_grid=False)
            if v.status == "done":
                audit.record_change(s, v, "visit", {field_name: (old, value)}, reason)
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
            return visit_view(s, v, with_grid=False)

    def arrive(self, visit_id: str, at: datetime | None = None) -> VisitView:
        return self.set_time(visit_id, "arrived_at", at or clock.now())

    def leave(self, visit_id: str, at: datetime | None = None) -> VisitView:
        return self.set_time(visit_id, "left_at", at or clock.now())

    def same_as_last_time(self, visit_id: str) -> VisitView:
        """同上次: fill the draft's EMPTY items with the stable facts of the shop's last
        finished visit, and say so (``visit_carry``): never a count, an intention, free text
        or an answer that raised a finding; never over an answer already typed. Shop open."""
        with self.db.writing(TOPIC) as s:
            v = self._draft(s, visit_id)
            fill_from_last(s, v)
            v.shop_status = OPEN
            derive_compliance(s, v)
            v.updated_at = clock.now()
            s.flush()
            return visit_view(s, v)

    def pending_confirmations(self, visit_id: str) -> Pending:
        """Last time's counts and intentions this draft has not confirmed or answered yet."""
        with self.db.reading() as s:
            return pending(s, self._visit(s, visit_id))

    def confirm_unchanged(self, visit_id: str, blocks: list[str] | None = None) -> VisitView:
        """已核对，与上次相同 for ``blocks`` (checklist section ids and/or "grid"; None: all
        that wait): last time's values are taken, recorded as confirmed, not as counted."""
        with self.db.writing(TOPIC) as s:
            v = self._draft(s, visit_id)
            confirm_unchanged(s, v, blocks)
            derive_compliance(s, v)
            v.updated_at = clock.now()
            s.flush()
            return visit_view(s, v)

    def correct(self, visit_id: str, values: dict[str, Any], reason: str) -> VisitView:
        """Correct answers of a FINISHED visit: each changed answer is appended to the audit
        trail with the reason, and the findings are recomputed (follow-ups and suggested slips
        made at the time stay as they were)."""
        with self.db.writing(TOPIC) as s:
            v = self._visit(s, visit_id)
            if v.status != "done":
                raise InvalidValue("visit_not_finished", field="visit")
            check_not_derived(s, v, values)
            checklist = visit_checklist(s, v)
            before = loads_answers(v.answers)
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
            keys = sorted(set(before) | set(after))
            changes = {f"answers.{k}": (before.get(k), after.get(k)) for k in keys}
            audit.record_change(s, v, "visit", changes, reason)
            hits = checklist.hits(v.shop_status, after)
            if v.shop_status == OPEN:
                hits += grid_hits(s, v.id)
            v.answers = json.dumps(after, ensure_ascii=False, sort_keys=True)
            v.findings = json.dumps([h.__dict__ for h in hits], ensure_ascii=False)
            v.updated_at = clock.now()
            s.flush()
            return visit_view(s, v, with_shop=checklist.shop_format or "")

    def reopen(self, visit_id: str, reason: str) -> VisitView:
        """撤销完成: the finished visit is a draft again, all that finishing did undone, and
        the reopening (with ``reason``) in the audit trail (``visit_reopen``)."""
        with self.db.writing(TOPIC, "plan", "followups") as s:
            v = self._visit(s, visit_id)
            reopen(s, v, reason, clock.now())
            return visit_view(s, v)

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
        record findings and suggested slips, close the follow-ups the manager checked, open
        follow-ups for the findings (or attach them to the same ones still open), tick the
        plan's stop. Nothing is written unless all of it is."""
        now = clock.now()
        with self.db.writing(TOPIC, "plan", "followups") as s:
            v = self._draft(s, visit_id)
            checklist = visit_checklist(s, v)
            grid = grid_rows(s, v.id) if v.shop_status == OPEN else None  # read once
            if grid is not None:
                derive_compliance(s, v, grid)
            answers = loads_answers(v.answers)
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
            hits = checklist.hits(v.shop_status, loads_answers(v.answers))
            if grid is not None:
                hits += grid_hits(s, v.id, grid)
            v.findings = json.dumps([h.__dict__ for h in hits], ensure_ascii=False)
            slips = suggest_slips(s, v, hits)
            # closed first: a finding of what was just closed opens a new follow-up
            closed = close_followups_at(s, v, close_followups or [], close_note, now)
            created, attached = create_followups(s, v, hits, now)
            tick_stop(s, v, checklist)
            v.status, v.finished_at, v.updated_at = "done", now, now
            s.flush()
            view = visit_view(s, v, with_shop=checklist.shop_format or "")
        return FinishResult(view, created, closed, tuple(slips), followups_attached=attached)
