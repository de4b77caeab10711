"""The week's figures (周总结): computed from the report week's plans, visits, orders,
findings, slips and follow-ups; snapshotted as JSON when the report is submitted."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldbook.core import workdays
from fieldbook.core.routine.attendance import UNEXPLAINED, DayMark, day_marks
from fieldbook.core.routine.checklist import count_findings
from fieldbook.core.routine.class_structure import structure
from fieldbook.core.routine.day_progress import minutes_in_shop
from fieldbook.core.routine.followups import count_followups
from fieldbook.core.routine.indicators import demand_totals, fill_rate_of, order_weekdays
from fieldbook.core.routine.orders import order_totals
from fieldbook.core.routine.period_figures import (
    DayOrders,
    OrderRate,
    order_rate,
    register_ids,
    slip_counts,
)
from fieldbook.core.routine.price_figures import PriceFigures, deviations, price_counts
from fieldbook.core.routine.visit_findings import ABSENT
from fieldbook.core.routine.visit_photos import count_photos
from fieldbook.core.slips.suggestions import count_dismissed
from fieldbook.core.store.models import (
    Customer,
    FollowUp,
    OrderLine,
    Plan,
    PlanStop,
    Sku,
    Visit,
    VisitSku,
)


@dataclass(frozen=True)
class DayRow:
    day: date
    working: bool
    planned: int
    visited: int
    due: int
    ordered: int
    cartons: int
    amount_fen: int
    #: 出勤: the day's attendance kind (请假, 会议 …) or "unexplained" (``routine.attendance``),
    #: with a leave's type; "" for a field day (and in a report submitted before attendance)
    attendance: str = ""
    leave_type: str = ""
    #: the day has imported order lines (False: 订货率 leaves it out; True in a report
    #: submitted before this was kept)
    orders_imported: bool = True

    @property
    def excused(self) -> bool:
        """Left out of the completion rate and 出勤天数 (a marked, not unexplained, day)."""
        return self.attendance not in ("", UNEXPLAINED)

    @property
    def order_rate(self) -> float | None:
        return self.ordered / self.due if self.due and self.orders_imported else None

    @property
    def orders(self) -> DayOrders:
        return DayOrders(self.day, self.working, self.due, self.ordered, self.orders_imported)


@dataclass(frozen=True)
class WeekFigures:
    label: str
    start: date
    end: date
    days_in_field: int
    planned: int
    visited: int
    completion_rate: float | None
    customers_active: int
    customers_covered: int
    average_minutes: float | None
    cartons: int
    amount_fen: int
    per_carton_fen: float | None
    structure: list[dict[str, Any]]
    previous_cartons: int
    previous_amount_fen: int
    days: list[DayRow]
    findings: dict[str, int]
    new_on_shelf: list[str]
    not_visited: list[str]  # "code 店名" of active customers without a visit this week
    not_ordering: list[str]  # "code 店名" of customers not ordering for N weeks
    slips: dict[str, dict[str, int]]  # department -> opened / done / overdue
    followups_opened: int
    followups_closed: int
    #: shelf photos of the week's finished visits (``visit_photos.count_photos``); 0 in a
    #: report submitted before photos were kept
    photos: int = 0
    #: working days marked 请假/会议/培训/其他公务, and working days with nothing (未说明)
    days_excused: int = 0
    days_unexplained: int = 0
    #: suggested slips dismissed in the week, by category (``slips.suggestions.count_dismissed``);
    #: empty in a report submitted before dismissals were counted
    dismissed: dict[str, int] = field(default_factory=dict)
    #: 价格监测 of the week, and of its month so far (the 1st to the week's end; its counts,
    #: no list) (``routine.price_figures``); empty in a report submitted before prices were
    #: compared
    prices: PriceFigures = field(default_factory=PriceFigures)
    prices_month: PriceFigures = field(default_factory=PriceFigures)
    #: 需求量 and the 订货量 of the lines that give one (满足率); 0, 0 without demand data
    demand: int = 0
    supplied: int = 0

    @property
    def fill_rate(self) -> float | None:
        return fill_rate_of(self.demand, self.supplied)

    @property
    def order_rate(self) -> OrderRate:
        """订货率 over the days with imported orders, and the days missing (period_figures)."""
        return order_rate(d.orders for d in self.days)


def week_figures(
    s: Session, m: str, label: str, start: date, end: date, not_ordering_weeks: int
) -> WeekFigures:
    """Manager ``m``'s figures of the report week ``label`` (``start`` to ``end``)."""
    lo, hi = datetime.combine(start, time.min), datetime.combine(end, time.max)
    visits = s.execute(
        select(
            Visit.id,
            Visit.visit_date,
            Visit.customer_id,
            Visit.arrived_at,
            Visit.left_at,
            Visit.findings,
            Visit.shop_status,
        ).where(
            Visit.manager_id == m,
            Visit.status == "done",
            Visit.visit_date.between(start, end),
        )
    ).all()
    active = {
        cid: f"{code} {name}"
        for cid, code, name in s.execute(
            select(Customer.id, Customer.code, Customer.shop_name).where(
                Customer.manager_id == m, Customer.status == "active"
            )
        )
    }
    register = register_ids(s, m, start, end)
    rows = _with_attendance(_day_rows(s, m, start, end), day_marks(s, m, start, end))
    excused = {r.day for r in rows if r.excused}
    prev_cartons, prev_amount = order_totals(
        s, m, start - timedelta(days=7), start - timedelta(days=1)
    )
    real = [v for v in visits if v.shop_status != ABSENT]
    minutes = [m for m in (minutes_in_shop(v.arrived_at, v.left_at) for v in real) if m is not None]
    planned = sum(r.planned for r in rows if not r.excused)
    visited_stops = sum(r.visited for r in rows if not r.excused)
    covered = {v.customer_id for v in real} & register
    cartons = sum(r.cartons for r in rows)
    amount = sum(r.amount_fen for r in rows)
    week_prices, month_prices = price_counts(s, m, [(start, end), (end.replace(day=1), end)])
    demand, supplied = demand_totals(s, m, start, end)
    return WeekFigures(
        label=label,
        start=start,
        end=end,
        days_in_field=len({v.visit_date for v in real} - excused),
        planned=planned,
        visited=visited_stops,
        completion_rate=visited_stops / planned if planned else None,
        customers_active=len(register),
        customers_covered=len(covered),
        average_minutes=round(sum(minutes) / len(minutes), 1) if minutes else None,
        cartons=cartons,
        amount_fen=amount,
        per_carton_fen=amount / cartons if cartons else None,
        structure=[asdict(x) for x in structure(s, m, start, end)],
        previous_cartons=prev_cartons,
        previous_amount_fen=prev_amount,
        days=rows,
        findings=count_findings(v.findings for v in visits),
        new_on_shelf=_new_on_shelf(s, m, start, end),
        not_visited=sorted(active[c] for c in (set(active) & register) - covered),
        not_ordering=_not_ordering(s, m, end, active, not_ordering_weeks),
        slips=slip_counts(s, m, start, end),
        followups_opened=count_followups(s, m, FollowUp.created_at.between(lo, hi)),
        followups_closed=count_followups(s, m, FollowUp.closed_at.between(lo, hi)),
        photos=count_photos(s, m, start, end),
        days_excused=len(excused),
        days_unexplained=sum(1 for r in rows if r.attendance == UNEXPLAINED),
        dismissed=count_dismissed(s, m, lo, hi),
        prices=PriceFigures(week_prices, deviations(s, m, start, end)),
        prices_month=PriceFigures(month_prices),
        demand=demand,
        supplied=supplied,
    )


def _with_attendance(rows: list[DayRow], marks: dict[date, DayMark]) -> list[DayRow]:
    """The day rows with each marked day's attendance (``routine.attendance.day_marks``)."""
    out: list[DayRow] = []
    for row in rows:
        mark = marks.get(row.day)
        out.append(
            row if mark is None else replace(row, attendance=mark.kind, leave_type=mark.leave_type)
        )
    return out


def _day_rows(s: Session, m: str, start: date, end: date) -> list[DayRow]:
    """Each day of the week: stops planned and visited, customers due and ordering, orders."""
    stops = s.execute(
        select(Plan.plan_date, PlanStop.state)
        .join(Plan, Plan.id == PlanStop.plan_id)
        .where(Plan.manager_id == m, Plan.plan_date.between(start, end))
    ).all()
    weekday_of = order_weekdays(s, m)
    lines = s.execute(
        select(
            OrderLine.order_date,
            OrderLine.customer_id,
            OrderLine.cartons,
            OrderLine.amount_fen,
        ).where(OrderLine.manager_id == m, OrderLine.order_date.between(start, end))
    ).all()
    per_day_lines: dict[date, list[Any]] = defaultdict(list)
    for line in lines:
        per_day_lines[line.order_date].append(line)
    rows: list[DayRow] = []
    for day in (start + timedelta(days=n) for n in range((end - start).days + 1)):
        due = {c for c, wd in weekday_of.items() if wd == day.isoweekday()}
        working = workdays.is_working_day(day)
        day_lines = per_day_lines.get(day, [])
        buyers = {x.customer_id for x in day_lines}
        rows.append(
            DayRow(
                day=day,
                working=working,
                planned=sum(1 for d, st in stops if d == day and st != "removed"),
                visited=sum(1 for d, st in stops if d == day and st == "visited"),
                due=len(due) if working else 0,
                ordered=len(due & buyers) if working else 0,
                orders_imported=day in per_day_lines,
                cartons=sum(x.cartons for x in day_lines),
                amount_fen=sum(x.amount_fen for x in day_lines),
            )
        )
    return rows


def _new_on_shelf(s: Session, m: str, start: date, end: date) -> list[str]:
    """SKUs on shelf at a shop this week that were not on shelf at its previous visit."""
    rows = s.execute(
        select(Visit.customer_id, Visit.visit_date, VisitSku.sku_id, VisitSku.on_shelf)
        .join(VisitSku, VisitSku.visit_id == Visit.id)
        .where(
            Visit.manager_id == m,
            Visit.status == "done",
            Visit.visit_date.between(start - timedelta(days=35), end),
        )
        .order_by(Visit.visit_date)
    ).all()
    last: dict[tuple[str, str], bool | None] = {}
    new: Counter[str] = Counter()
    for cid, day, sku, on in rows:
        before = last.get((cid, sku))
        if start <= day <= end and on and before is False:
            new[sku] += 1
        last[(cid, sku)] = on
    if not new:
        return []
    names = dict(s.execute(select(Sku.id, Sku.name).where(Sku.id.in_(list(new)))).all())
    return [f"{names.get(k, k)}（{n} 户）" for k, n in new.most_common()]


def _not_ordering(s: Session, m: str, end: date, active: dict[str, str], weeks: int) -> list[str]:
    """ "code 店名" of active customers without an order in the last ``weeks`` weeks."""
    since = end - timedelta(days=7 * weeks - 1)
    buyers = set(
        s.scalars(
            select(OrderLine.customer_id)
            .where(OrderLine.manager_id == m, OrderLine.order_date.between(since, end))
            .distinct()
        )
    )
    any_orders = s.scalar(
        select(func.count()).select_from(OrderLine).where(OrderLine.manager_id == m)
    )
    if not any_orders:
        return []  # no order data imported: say nothing rather than list everyone
    return sorted(name for cid, name in active.items() if cid not in buyers)


def figures_json(figures: WeekFigures) -> str:
    """The figures as a submitted report keeps them (its snapshot; see figures_from_json)."""
    return json.dumps(asdict(figures), ensure_ascii=False, default=str)


def figures_from_json(data: dict[str, Any]) -> WeekFigures:
    data = dict(data)
    data["start"] = date.fromisoformat(data["start"])
    data["end"] = date.fromisoformat(data["end"])
    data["days"] = [DayRow(**{**d, "day": date.fromisoformat(d["day"])}) for d in data["days"]]
    for key in ("prices", "prices_month"):
        if key in data:
            data[key] = PriceFigures.from_dict(data[key])
    return WeekFigures(**data)
