"""What the visit screen hands to the DB worker: plain functions of the journal (opening a shop
is read-only; the draft starts at arrival)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from fieldbook.core.store.audit import history

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.core.master.customers import CustomerRow
    from fieldbook.core.master.supply import ShopSupply
    from fieldbook.core.routine.plan import StopView
    from fieldbook.core.routine.visit_carry import Pending
    from fieldbook.core.routine.visit_grid import GridRow
    from fieldbook.core.routine.visit_views import FinishResult, FollowUpRow, VisitView
    from fieldbook.core.store.audit import AuditRecord


@dataclass(frozen=True)
class VisitScreen:
    """Everything the screen shows for one shop on one day (read in one worker job)."""

    day: date
    customer: CustomerRow
    plan_size: int
    stop: StopView | None
    visit: VisitView | None  # the day's draft (or finished visit); None before arrival
    grid: tuple[GridRow, ...]
    previous: tuple[VisitView, ...]
    followups: tuple[FollowUpRow, ...]
    #: 修改记录 of a finished visit (its audit trail, oldest first).
    history: tuple[AuditRecord, ...] = ()
    #: After 同上次 on this draft: last time's values still waiting for 已核对.
    pending: Pending | None = None
    #: 货源信息 the shop is told: 紧俏 / 限量 (the limit of its 档位) / 停供 SKUs of the day.
    supply: tuple[ShopSupply, ...] = ()


def load_screen(
    j: Journal,
    *,
    day: date | None = None,
    stop_id: str | None = None,
    customer_id: str | None = None,
    visit_id: str | None = None,
) -> VisitScreen:
    """Read-only: opening a shop never writes (the draft starts at arrival)."""
    visit = j.visits.get(visit_id) if visit_id else None
    if visit is not None:
        customer_id, day = visit.customer_id, visit.visit_date
    if day is None:
        raise ValueError("a day is needed")
    plan = j.plans.get(day)
    stops = plan.stops if plan is not None else ()
    stop = None
    if stop_id is not None:
        stop = next((s for s in stops if s.id == stop_id), None)
    elif visit is not None and visit.plan_stop_id:
        stop = next((s for s in stops if s.id == visit.plan_stop_id), None)
    elif customer_id is not None:
        stop = next((s for s in stops if s.customer_id == customer_id), None)
    if stop is not None:
        customer_id = stop.customer_id
    if customer_id is None:
        raise ValueError("a shop is needed")
    if visit is None:
        visit = j.visits.for_customer_on(customer_id, day)
    grid = visit.grid if visit is not None else tuple(j.visits.grid_skus(customer_id))
    past = visit_history(j, visit.id) if visit is not None and visit.status == "done" else ()
    waiting = None
    if visit is not None and visit.status == "draft" and visit.carried.source is not None:
        waiting = j.visits.pending_confirmations(visit.id)
    customer = j.customers.get(customer_id)
    return VisitScreen(
        day=day,
        customer=customer,
        plan_size=len(plan.active_stops) if plan is not None else 0,
        stop=stop,
        visit=visit,
        grid=tuple(grid),
        previous=tuple(j.visits.previous(customer_id, day)),
        followups=tuple(j.visits.open_followups(customer_id)),
        history=past,
        pending=waiting,
        supply=tuple(j.supply.for_customer(customer.grade, day)),
    )


def first_stop_screen(j: Journal, day: date) -> VisitScreen | None:
    """The first stop still to visit in the day's plan; None when there is none."""
    plan = j.plans.get(day)
    stop = plan.next_stop() if plan is not None else None
    if stop is None:
        return None
    return load_screen(j, day=day, stop_id=stop.id)


def visit_history(j: Journal, visit_id: str) -> tuple[AuditRecord, ...]:
    return tuple(history(j, "visit", visit_id))


def add_sku(j: Journal, visit_id: str, sku_id: str) -> VisitView:
    """Add a SKU's row to a draft's grid; the draft as it is then."""
    j.visits.save_grid(visit_id, sku_id)
    return j.visits.get(visit_id)


def same_as_last_time(
    j: Journal, visit_id: str | None, customer_id: str, day: date, stop_id: str | None
) -> tuple[VisitView, Pending]:
    """Fill the draft's empty items (started now if there is none) from the shop's last
    visit; the draft, and what still waits for 已核对."""
    draft_id = visit_id or j.visits.start(customer_id, day=day, plan_stop_id=stop_id).id
    return j.visits.same_as_last_time(draft_id), j.visits.pending_confirmations(draft_id)


def confirm_unchanged(j: Journal, visit_id: str) -> tuple[VisitView, Pending]:
    """已核对，与上次相同 for everything that waits; the draft, and what is left."""
    return j.visits.confirm_unchanged(visit_id), j.visits.pending_confirmations(visit_id)


def pending_confirmations(j: Journal, visit_id: str) -> Pending:
    return j.visits.pending_confirmations(visit_id)


def save_correction(
    j: Journal,
    visit_id: str,
    answers: dict[str, object],
    times: dict[str, datetime],
    reason: str,
) -> tuple[VisitView, tuple[AuditRecord, ...]]:
    """Correct a finished visit: its times (``set_time`` with the reason) and answers
    (``correct``); each change goes into the audit trail with the reason."""
    for field, moment in times.items():
        j.visits.set_time(visit_id, field, moment, reason=reason)
    if answers:
        j.visits.correct(visit_id, dict(answers), reason)
    return j.visits.get(visit_id), visit_history(j, visit_id)


def finish_and_next(
    j: Journal, visit_id: str, close: list[str], day: date, stop_id: str | None
) -> tuple[FinishResult, StopView | None]:
    """Finish the visit; the next planned stop after it (None at the end of the plan)."""
    result = j.visits.finish(visit_id, close_followups=close)
    plan = j.plans.get(day)
    return result, (plan.next_stop(after=stop_id) if plan is not None else None)
