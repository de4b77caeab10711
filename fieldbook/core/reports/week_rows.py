"""The rows of the Thursday workbook's detail sheets (按日, 走访明细, 规格观察, 发现问题, 反馈单,
订单) gathered for a period, and the summary figures computed from those very rows — so the
summary always equals what the details add up to (``fieldbook.core.reports.week`` writes them).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from fieldbook.core import workdays
from fieldbook.core.master.catalog import class_name
from fieldbook.core.reports.day import _answer
from fieldbook.core.routine.checklist import load_checklist
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

SHEET_DAYS, SHEET_VISITS, SHEET_GRID = "按日", "走访明细", "规格观察"
SHEET_FINDINGS, SHEET_SLIPS, SHEET_ORDERS = "发现问题", "反馈单", "订单"
WEEKDAYS = "一二三四五六日"

DAY_HEAD = [
    ("日期", 12),
    ("星期", 6),
    ("工作日", 7),
    ("计划户数", 9),
    ("完成户数", 9),
    ("应订货户数", 10),
    ("已订货户数", 10),
    ("订货率", 8),
    ("订货量（条）", 11),
    ("金额（元）", 13),
    ("单条值（元/条）", 13),
]
VISIT_HEAD = [
    ("走访编号", 38),
    ("日期", 11),
    ("客户编码", 14),
    ("客户名称", 22),
    ("计划内已访", 9),
    ("到店", 7),
    ("离店", 7),
    ("分钟", 6),
    ("店铺状态", 10),
    ("补录", 6),
    ("发现的问题", 36),
]
GRID_HEAD = [
    ("走访编号", 38),
    ("日期", 11),
    ("客户编码", 14),
    ("客户名称", 22),
    ("卷烟代码", 11),
    ("卷烟名称", 24),
    ("价类", 7),
    ("在柜", 6),
    ("排面", 6),
    ("库存（条）", 9),
    ("库存（包）", 9),
    ("零售价（元/包）", 12),
]
FINDING_HEAD = [
    ("走访编号", 38),
    ("日期", 11),
    ("客户编码", 14),
    ("客户名称", 22),
    ("问题", 20),
    ("说明", 40),
]
SLIP_HEAD = [
    ("反馈单号", 26),
    ("开单日期", 11),
    ("类别", 12),
    ("客户编码", 14),
    ("客户名称", 22),
    ("部门", 12),
    ("状态", 9),
    ("答复", 30),
    ("期限", 11),
    ("逾期", 6),
    ("来源走访编号", 38),
]
ORDER_HEAD = [
    ("日期", 11),
    ("客户编码", 14),
    ("客户名称", 22),
    ("卷烟代码", 11),
    ("卷烟名称", 24),
    ("价类", 7),
    ("订货量（条）", 11),
    ("金额（元）", 13),
]


@dataclass
class Period:
    """Everything the workbook shows about ``start``..``end``, as the rows it lists."""

    start: date
    end: date
    days: list[list[Any]] = field(default_factory=list)
    visits: list[list[Any]] = field(default_factory=list)
    grid: list[list[Any]] = field(default_factory=list)
    findings: list[list[Any]] = field(default_factory=list)
    slips: list[list[Any]] = field(default_factory=list)
    orders: list[list[Any]] = field(default_factory=list)
    visit_minutes: list[tuple[str, str, str, int | None]] = field(default_factory=list)
    checklist_labels: list[str] = field(default_factory=list)
    customers_active: int = 0
    previous_cartons: int = 0
    previous_amount: float = 0.0
    followups_opened: int = 0
    followups_closed: int = 0


# --- gathering ---------------------------------------------------------------------------
def gather(journal: Journal, start: date, end: date) -> Period:
    """The current manager's rows of ``start``..``end`` (inclusive)."""
    checklist = load_checklist("visit")
    statuses = {st.code: st.label for st in checklist.shop_statuses}
    labels = checklist.findings
    out = Period(start, end, checklist_labels=[i.label for i in checklist.items])
    lo, hi = datetime.combine(start, time.min), datetime.combine(end, time.max)
    length = (end - start).days + 1
    with journal.reading() as s:
        m = journal.current_manager_id(s)
        stops = s.execute(
            select(Plan.plan_date, PlanStop.id, PlanStop.state)
            .join(Plan, Plan.id == PlanStop.plan_id)
            .where(Plan.manager_id == m, Plan.plan_date.between(start, end))
        ).all()
        visits = s.execute(
            select(
                Visit.id,
                Visit.visit_date,
                Customer.code,
                Customer.shop_name,
                Customer.status,
                Visit.plan_stop_id,
                Visit.arrived_at,
                Visit.left_at,
                Visit.shop_status,
                Visit.late_entry,
                Visit.answers,
                Visit.findings,
            )
            .join(Customer, Customer.id == Visit.customer_id)
            .where(
                Visit.manager_id == m,
                Visit.status == "done",
                Visit.visit_date.between(start, end),
            )
            .order_by(Visit.visit_date, Visit.arrived_at, Customer.code)
        ).all()
        grid = s.execute(
            select(
                Visit.id,
                Visit.visit_date,
                Customer.code,
                Customer.shop_name,
                Sku.code,
                Sku.name,
                Sku.price_class,
                VisitSku.on_shelf,
                VisitSku.facings,
                VisitSku.stock_cartons,
                VisitSku.stock_packs,
                VisitSku.price_fen,
            )
            .join(VisitSku, VisitSku.visit_id == Visit.id)
            .join(Customer, Customer.id == Visit.customer_id)
            .join(Sku, Sku.id == VisitSku.sku_id)
            .where(
                Visit.manager_id == m,
                Visit.status == "done",
                Visit.visit_date.between(start, end),
            )
            .order_by(Visit.visit_date, Visit.arrived_at, Customer.code, Sku.code)
        ).all()
        weekday_of = dict(
            s.execute(
                select(Customer.id, Customer.order_weekday).where(
                    Customer.manager_id == m, Customer.status == "active"
                )
            ).all()
        )
        lines = s.execute(
            select(
                OrderLine.order_date,
                OrderLine.customer_id,
                Customer.code,
                Customer.shop_name,
                Sku.code,
                Sku.name,
                Sku.price_class,
                OrderLine.cartons,
                OrderLine.amount_fen,
            )
            .join(Customer, Customer.id == OrderLine.customer_id)
            .join(Sku, Sku.id == OrderLine.sku_id)
            .where(OrderLine.manager_id == m, OrderLine.order_date.between(start, end))
            .order_by(OrderLine.order_date, Customer.code, Sku.code)
        ).all()
        prev = s.execute(
            select(
                func.coalesce(func.sum(OrderLine.cartons), 0),
                func.coalesce(func.sum(OrderLine.amount_fen), 0),
            ).where(
                OrderLine.manager_id == m,
                OrderLine.order_date.between(
                    start - timedelta(days=length), start - timedelta(days=1)
                ),
            )
        ).one()
        slips = s.execute(
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
        out.followups_opened = int(
            s.scalar(
                select(func.count())
                .select_from(FollowUp)
                .where(FollowUp.manager_id == m, FollowUp.created_at.between(lo, hi))
            )
            or 0
        )
        out.followups_closed = int(
            s.scalar(
                select(func.count())
                .select_from(FollowUp)
                .where(FollowUp.manager_id == m, FollowUp.closed_at.between(lo, hi))
            )
            or 0
        )
    out.customers_active = len(weekday_of)
    out.previous_cartons, out.previous_amount = int(prev[0]), int(prev[1]) / 100

    visited_stops = {sid for _, sid, state in stops if state == "visited"}
    visited_by_day: Counter[date] = Counter()
    for v in visits:
        in_plan = v.plan_stop_id in visited_stops
        visited_by_day[v.visit_date] += in_plan
        minutes = None
        if v.arrived_at and v.left_at and v.left_at >= v.arrived_at:
            minutes = round((v.left_at - v.arrived_at).total_seconds() / 60)
        hits = json.loads(v.findings or "[]")
        answers = json.loads(v.answers or "{}")
        out.visit_minutes.append((v.code, v.shop_status, v.status, minutes))
        out.visits.append(
            [
                v.id,
                v.visit_date,
                v.code,
                v.shop_name,
                "是" if in_plan else "否",
                v.arrived_at.time().replace(second=0, microsecond=0) if v.arrived_at else "",
                v.left_at.time().replace(second=0, microsecond=0) if v.left_at else "",
                minutes if minutes is not None else "",
                statuses.get(v.shop_status, v.shop_status),
                "是" if v.late_entry else "",
                "；".join(labels.get(h["finding"], h["finding"]) for h in hits),
                *(_answer(answers.get(item.id)) for item in checklist.items),
            ]
        )
        for h in hits:
            out.findings.append(
                [
                    v.id,
                    v.visit_date,
                    v.code,
                    v.shop_name,
                    labels.get(h["finding"], h["finding"]),
                    str(h.get("detail", "")),
                ]
            )
    for g in grid:
        out.grid.append(
            [
                g[0],
                g[1],
                g[2],
                g[3],
                g[4],
                g[5],
                class_name(g[6]) or "未分类",
                "" if g[7] is None else ("是" if g[7] else "否"),
                "" if g[8] is None else g[8],
                "" if g[9] is None else g[9],
                "" if g[10] is None else g[10],
                "" if g[11] is None else g[11] / 100,
            ]
        )
    per_day: dict[date, list[Any]] = defaultdict(list)
    for line in lines:
        per_day[line.order_date].append(line)
        out.orders.append(
            [
                line[0],
                line[2],
                line[3],
                line[4],
                line[5],
                class_name(line[6]) or "未分类",
                line[7],
                line[8] / 100,
            ]
        )
    for n in range(length):
        day = start + timedelta(days=n)
        working = workdays.is_working_day(day)
        due = {c for c, wd in weekday_of.items() if wd == day.isoweekday()} if working else set()
        day_lines = per_day.get(day, [])
        buyers = {x.customer_id for x in day_lines}
        cartons = sum(x.cartons for x in day_lines)
        amount = sum(x.amount_fen for x in day_lines) / 100
        out.days.append(
            [
                day,
                f"周{WEEKDAYS[day.weekday()]}",
                "是" if working else "否",
                sum(1 for d, _, st in stops if d == day and st != "removed"),
                visited_by_day[day],
                len(due),
                len(due & buyers),
                len(due & buyers) / len(due) if due else "",
                cartons,
                round(amount, 2),
                round(amount / cartons, 2) if cartons else "",
            ]
        )
    from fieldbook.core.slips.service import slip_rules

    rules = slip_rules()
    for number, created, category, snap, due_date, source, dept, state, answer in slips:
        customer = json.loads(snap or "{}")
        cat = rules.categories.get(category)
        out.slips.append(
            [
                number,
                created.date(),
                cat.name if cat else category,
                str(customer.get("code", "")),
                str(customer.get("shop_name", customer.get("name", ""))),
                rules.departments.get(dept, dept),
                rules.states.get(state, state),
                answer or "",
                due_date if due_date else "",
                "是" if state != "done" and due_date and due_date < end else "",
                source or "",
            ]
        )
    return out


@dataclass(frozen=True)
class Totals:
    planned: int
    visited: int
    visits: int
    covered: int
    average_minutes: float | None
    days_in_field: int
    cartons: int
    amount: float
    due: int
    ordered: int

    @property
    def completion(self) -> float | str:
        return self.visited / self.planned if self.planned else "—"

    @property
    def per_carton(self) -> float | str:
        return round(self.amount / self.cartons, 2) if self.cartons else "—"


def totals(p: Period) -> Totals:
    """The summary's figures, from the rows the detail sheets list."""
    real = [(code, mins) for code, status, _, mins in p.visit_minutes if status != "absent"]
    minutes = [mins for _, mins in real if mins is not None]
    real_days = {
        row[1] for row, vm in zip(p.visits, p.visit_minutes, strict=True) if vm[1] != "absent"
    }
    return Totals(
        planned=sum(r[3] for r in p.days),
        visited=sum(r[4] for r in p.days),
        visits=len(p.visits),
        covered=len({code for code, _ in real}),
        average_minutes=round(sum(minutes) / len(minutes), 1) if minutes else None,
        days_in_field=len(real_days),
        cartons=sum(r[6] for r in p.orders),
        amount=round(sum(r[7] for r in p.orders), 2),
        due=sum(r[5] for r in p.days),
        ordered=sum(r[6] for r in p.days),
    )


def _change(now: float, before: float) -> float | str:
    return (now - before) / before if before else "—"
