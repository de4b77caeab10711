"""What the Thursday workbook is read from: the current manager's plan stops, finished visits
with their SKU grid, order lines, slips and follow-ups of a period, as the database holds them
(``week_rows`` shapes them into the detail sheets' rows)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldbook.core.routine.attendance import DayMark, day_marks
from fieldbook.core.routine.class_structure import class_totals, period_before
from fieldbook.core.routine.followups import count_followups
from fieldbook.core.routine.indicators import demand_totals
from fieldbook.core.routine.orders import LINE_GOODS, lines_with_customer, order_totals
from fieldbook.core.routine.period_figures import SlipCounts, register, slip_counts
from fieldbook.core.routine.visit_numbers import numbers_of
from fieldbook.core.routine.visit_photos import count_photos
from fieldbook.core.slips.suggestions import count_dismissed
from fieldbook.core.store.models import (
    Customer,
    FollowUp,
    OrderLine,
    Plan,
    PlanStop,
    Sku,
    Slip,
    SlipDelivery,
    Visit,
    VisitSku,
)

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal


#: The first columns of every visit row: the visit, its day, the customer's code and name.
_VISIT_HEAD = (Visit.id, Visit.visit_date, Customer.code, Customer.shop_name)


@dataclass(frozen=True)
class PeriodSource:
    """The rows of one manager's ``start``..``end`` (inclusive), as read."""

    stops: Sequence[Any]  # (plan date, stop id, state)
    visits: Sequence[Any]  # finished visits with their customer
    grid: Sequence[Any]  # (visit, customer, SKU, observation) per SKU line
    weekday_of: dict[str, int | None]  # active customer id -> order weekday
    lines: Sequence[Any]  # order lines with customer and SKU
    previous: tuple[int, int]  # the period before: (cartons, amount in fen)
    slips: Sequence[Any]  # slips opened, one row per delivery
    followups_opened: int
    followups_closed: int
    photos: int  # shelf photos of the finished visits (visit_photos.count_photos)
    #: 出勤: the period's attendance entries and unexplained days (routine.attendance)
    marks: dict[date, DayMark] = field(default_factory=dict)
    #: suggestions dismissed, by category (slips.suggestions.count_dismissed: the week page's too)
    dismissed: dict[str, int] = field(default_factory=dict)
    #: the period before's cartons and amount by price class (``class_structure.period_before``)
    previous_classes: dict[int | None, Any] = field(default_factory=dict)
    #: 需求量 and the 订货量 of the lines that give one (routine.indicators.demand_totals)
    demand: tuple[int, int] = (0, 0)
    #: the slips' source visits: visit id -> 走访编号 (routine.visit_numbers; any period)
    source_numbers: dict[str, str] = field(default_factory=dict)
    #: 在册客户 of the period (id -> code) and the slips by department, as the week page counts
    #: them (routine.period_figures)
    register: dict[str, str] = field(default_factory=dict)
    slip_counts: SlipCounts = field(default_factory=dict)


def read_period(journal: Journal, start: date, end: date) -> PeriodSource:
    lo, hi = datetime.combine(start, time.min), datetime.combine(end, time.max)
    with journal.reading() as s:
        m = journal.current_manager_id(s)
        slips = _slips(s, m, lo, hi)
        return PeriodSource(
            stops=_stops(s, m, start, end),
            visits=_visits(s, m, start, end),
            grid=_grid(s, m, start, end),
            weekday_of=_order_weekdays(s, m),
            lines=_order_lines(s, m, start, end),
            previous=order_totals(s, m, *period_before(start, end)),
            previous_classes=class_totals(s, m, *period_before(start, end)),
            slips=slips,
            source_numbers=numbers_of(s, (r.source_visit_id for r in slips if r.source_visit_id)),
            followups_opened=count_followups(s, m, FollowUp.created_at.between(lo, hi)),
            followups_closed=count_followups(s, m, FollowUp.closed_at.between(lo, hi)),
            photos=count_photos(s, m, start, end),
            marks=day_marks(s, m, start, end),
            dismissed=count_dismissed(s, m, lo, hi),
            demand=demand_totals(s, m, start, end),
            register=register(s, m, start, end),
            slip_counts=slip_counts(s, m, start, end),
        )


def _stops(s: Session, m: str, start: date, end: date) -> Sequence[Any]:
    return s.execute(
        select(Plan.plan_date, PlanStop.id, PlanStop.state)
        .join(Plan, Plan.id == PlanStop.plan_id)
        .where(Plan.manager_id == m, Plan.plan_date.between(start, end))
    ).all()


def _finished_visit_rows(
    s: Session, m: str, span: tuple[date, date], columns: tuple[Any, ...], *, per_sku: bool = False
) -> Sequence[Any]:
    """The manager's finished visits of ``span`` in time order: ``_VISIT_HEAD`` then
    ``columns``; ``per_sku`` gives one row per SKU line (with ``VisitSku`` and ``Sku``)."""
    start, end = span
    stmt = select(*_VISIT_HEAD, *columns).join(Customer, Customer.id == Visit.customer_id)
    order = [Visit.visit_date, Visit.arrived_at, Customer.code]
    if per_sku:
        stmt = stmt.join(VisitSku, VisitSku.visit_id == Visit.id).join(
            Sku, Sku.id == VisitSku.sku_id
        )
        order.append(Sku.code)
    finished = (Visit.manager_id == m, Visit.status == "done", Visit.visit_date.between(start, end))
    return s.execute(stmt.where(*finished).order_by(*order)).all()


def _visits(s: Session, m: str, start: date, end: date) -> Sequence[Any]:
    visit = (Visit.plan_stop_id, Visit.arrived_at, Visit.left_at, Visit.shop_status)
    filled = (Visit.late_entry, Visit.answers, Visit.findings, Visit.checklist_version)
    return _finished_visit_rows(s, m, (start, end), (Customer.status, *visit, *filled))


def _grid(s: Session, m: str, start: date, end: date) -> Sequence[Any]:
    sku = (Sku.code, Sku.name, Sku.price_class)
    seen = (VisitSku.on_shelf, VisitSku.facings, VisitSku.stock_cartons, VisitSku.stock_packs)
    priced = (VisitSku.price_fen, Sku.retail_fen)
    return _finished_visit_rows(s, m, (start, end), (*sku, *seen, *priced), per_sku=True)


def _order_weekdays(s: Session, m: str) -> dict[str, int | None]:
    rows = s.execute(
        select(Customer.id, Customer.order_weekday).where(
            Customer.manager_id == m, Customer.status == "active"
        )
    ).all()
    return {cid: weekday for cid, weekday in rows}


def _order_lines(s: Session, m: str, start: date, end: date) -> Sequence[Any]:
    head = (OrderLine.order_date, OrderLine.customer_id, Customer.code, Customer.shop_name)
    return s.execute(
        lines_with_customer(*head, *LINE_GOODS)
        .where(OrderLine.manager_id == m, OrderLine.order_date.between(start, end))
        .order_by(OrderLine.order_date, Customer.code, Sku.code)
    ).all()


def _slips(s: Session, m: str, lo: datetime, hi: datetime) -> Sequence[Any]:
    return s.execute(
        select(
            Slip.number,
            Slip.created_at,
            Slip.category,
            Slip.customer_snapshot,
            Slip.due_date,
            Slip.source_visit_id,
            SlipDelivery.department,
            SlipDelivery.state,
            SlipDelivery.answer,
        )
        .join(SlipDelivery, SlipDelivery.slip_id == Slip.id)
        .where(Slip.manager_id == m, Slip.created_at.between(lo, hi))
        .order_by(Slip.created_at, Slip.number, SlipDelivery.department)
    ).all()
