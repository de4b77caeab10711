"""The rows of the Thursday workbook's detail sheets (按日, 走访明细, 规格观察, 发现问题, 反馈单,
订单) gathered for a period, and the summary figures computed from those very rows — so the
summary always equals what the details add up to (``fieldbook.core.reports.week`` writes them).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from fieldbook.core import workdays
from fieldbook.core.master.catalog import class_name
from fieldbook.core.reports.form import WEEKDAYS, answer_value
from fieldbook.core.reports.week_prices import GRID_PRICE_HEAD, grid_price_cells, period_prices
from fieldbook.core.reports.week_queries import PeriodSource, read_period
from fieldbook.core.routine.attendance import DayMark, excused_days
from fieldbook.core.routine.checklist import (
    OPEN,
    Checklist,
    Item,
    count_findings,
    finding_labels,
    load_checklist,
)
from fieldbook.core.routine.class_structure import sum_by_class
from fieldbook.core.routine.day_progress import minutes_in_shop
from fieldbook.core.routine.period_figures import DayOrders, OrderRate, SlipCounts, order_rate
from fieldbook.core.routine.price_checks import tags_complete
from fieldbook.core.routine.price_figures import PriceFigures
from fieldbook.core.routine.visit_checklist import export_items, export_sections
from fieldbook.core.routine.visit_numbers import number_visits
from fieldbook.core.slips.rules import slip_rules

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

SHEET_DAYS, SHEET_VISITS, SHEET_GRID = "按日", "走访明细", "规格观察"
SHEET_FINDINGS, SHEET_SLIPS, SHEET_ORDERS = "发现问题", "反馈单", "订单"

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
    ("出勤", 14),  # 请假（病假）, 会议 … or 未说明 (routine.attendance)
]
#: The first columns of every visit sheet (走访明细, 规格观察, 发现问题): the visit's number
#: (``routine.visit_numbers``), its day, the customer's code and name (``week_queries`` reads
#: them first).
VISIT_KEY_HEAD = [
    ("走访编号", 10),
    ("日期", 11),
    ("客户编码", 14),
    ("客户名称", 22),
]
VISIT_HEAD = [
    *VISIT_KEY_HEAD,
    ("计划内已访", 9),
    ("到店", 7),
    ("离店", 7),
    ("分钟", 6),
    ("店铺状态", 10),
    ("补录", 6),
    ("发现的问题", 36),
]
GRID_HEAD = [
    *VISIT_KEY_HEAD,
    ("卷烟代码", 11),
    ("卷烟名称", 24),
    ("价类", 7),
    ("在柜", 6),
    ("排面", 6),
    ("库存（条）", 9),
    ("库存（包）", 9),
    ("零售价（元/包）", 12),
    *GRID_PRICE_HEAD,
]
FINDING_HEAD = [
    *VISIT_KEY_HEAD,
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
    ("来源走访编号", 12),
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
    #: (code, shop status, customer status, exact minutes in the shop) of each visit
    visit_minutes: list[tuple[str, str, str, float | None]] = field(default_factory=list)
    checklist_labels: list[str] = field(default_factory=list)
    checklist_items: list[Item] = field(default_factory=list)
    checklist_sections: dict[str, str] = field(default_factory=dict)  # id -> title, in order
    #: 检查项: (走访编号, 客户名称, the answers of ``checklist_items``) per visit
    answers: list[list[Any]] = field(default_factory=list)
    #: 明码标价 complete? per 走访编号 (open shops that answered it; ``tags_complete``)
    tags: dict[str, bool] = field(default_factory=dict)
    numbers: dict[str, str] = field(default_factory=dict)  # visit id -> 走访编号
    customers_active: int = 0
    previous_cartons: int = 0
    previous_amount: float = 0.0
    followups_opened: int = 0
    followups_closed: int = 0
    photos: int = 0
    marks: dict[date, DayMark] = field(default_factory=dict)  # 出勤 (routine.attendance)
    dismissed: dict[str, int] = field(default_factory=dict)  # suggestions dismissed, by category
    #: cartons and amount (fen) by price class code, of the period and of the period before
    classes: dict[int | None, Any] = field(default_factory=dict)
    previous_classes: dict[int | None, Any] = field(default_factory=dict)
    prices: PriceFigures = field(default_factory=PriceFigures)  # 价格监测 (routine.price_figures)
    demand: int = 0  # 需求量 of the lines that give one, and their 订货量 (满足率)
    supplied: int = 0
    #: the figures the week page shows too, by its computation (routine.period_figures,
    #: checklist.count_findings): 在册客户's codes, 订货率, slips by department, findings
    register_codes: set[str] = field(default_factory=set)
    order_rate: OrderRate = field(default_factory=lambda: OrderRate(0, 0, ()))
    slip_counts: SlipCounts = field(default_factory=dict)
    finding_counts: dict[str, int] = field(default_factory=dict)


# --- gathering ---------------------------------------------------------------------------
def gather(journal: Journal, start: date, end: date) -> Period:
    """The current manager's rows of ``start``..``end`` (inclusive)."""
    checklist = load_checklist("visit")
    src = read_period(journal, start, end)
    versions = [v.checklist_version for v in src.visits]
    items = export_items(versions)  # v1 visits: v1's items too
    out = Period(start, end, checklist_labels=[i.label for i in items], checklist_items=items)
    out.checklist_sections = export_sections(versions)
    out.followups_opened, out.followups_closed = src.followups_opened, src.followups_closed
    out.photos, out.marks = src.photos, src.marks
    out.dismissed = dict(src.dismissed)
    out.classes = sum_by_class((line[6], line[7], line[8]) for line in src.lines)
    out.previous_classes = dict(src.previous_classes)
    out.prices = period_prices(src)
    out.demand, out.supplied = src.demand
    out.register_codes = set(src.register.values())
    out.customers_active = len(src.register)
    out.slip_counts = src.slip_counts
    out.finding_counts = count_findings(v.findings for v in src.visits)
    out.previous_cartons, out.previous_amount = src.previous[0], src.previous[1] / 100
    numbers = number_visits((v.id, v.visit_date, v.arrived_at, v.code) for v in src.visits)
    out.numbers = numbers
    visited_by_day = _add_visits(out, src, checklist, (items, numbers))
    out.grid = [_grid_row(g, numbers) for g in src.grid]
    per_day: dict[date, list[Any]] = defaultdict(list)
    for line in src.lines:
        per_day[line.order_date].append(line)
        out.orders.append(
            [*line[0:1], *line[2:6], class_name(line[6]) or "未分类", line[7], line[8] / 100]
        )
    for n in range((end - start).days + 1):
        day = start + timedelta(days=n)
        row = _day_row(day, src, visited_by_day[day], per_day.get(day, []))
        mark = src.marks.get(day)
        out.days.append([*row, mark.label if mark else ""])
    out.order_rate = order_rate(
        DayOrders(r[0], r[2] == "是", r[5], r[6], r[0] in per_day) for r in out.days
    )
    out.slips = [_slip_row(row, end, src.source_numbers) for row in src.slips]
    return out


def _add_visits(
    out: Period,
    src: PeriodSource,
    checklist: Checklist,
    numbering: tuple[list[Item], dict[str, str]],
) -> Counter[date]:
    """The visits, checklist and findings sheets' rows (``numbering``: the items shown and the
    visits' 走访编号); returns the planned stops visited, per day."""
    items, numbers = numbering
    statuses = {st.code: st.label for st in checklist.shop_statuses}
    labels = finding_labels("visit")
    visited_stops = {sid for _, sid, state in src.stops if state == "visited"}
    visited_by_day: Counter[date] = Counter()
    for v in src.visits:
        in_plan = v.plan_stop_id in visited_stops
        visited_by_day[v.visit_date] += in_plan
        exact = minutes_in_shop(v.arrived_at, v.left_at)  # the page's average is of these
        minutes = round(exact) if exact is not None else None
        hits = json.loads(v.findings or "[]")
        answers = json.loads(v.answers or "{}")
        out.visit_minutes.append((v.code, v.shop_status, v.status, exact))
        number = numbers[v.id]
        if v.shop_status == OPEN and (complete := tags_complete(answers)) is not None:
            out.tags[number] = complete
        out.answers.append(
            [number, v.shop_name, *(answer_value(answers.get(item.id)) for item in items)]
        )
        out.visits.append(
            [
                number,
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
            ]
        )
        for h in hits:
            finding = labels.get(h["finding"], h["finding"])
            out.findings.append(
                [number, v.visit_date, v.code, v.shop_name, finding, str(h.get("detail", ""))]
            )
    return visited_by_day


def _blank(value: Any) -> Any:
    return "" if value is None else value


def _grid_row(g: Any, numbers: dict[str, str]) -> list[Any]:
    return [
        numbers[g[0]],
        *g[1:6],
        class_name(g[6]) or "未分类",
        "" if g[7] is None else ("是" if g[7] else "否"),
        _blank(g[8]),
        _blank(g[9]),
        _blank(g[10]),
        "" if g[11] is None else g[11] / 100,
        *grid_price_cells(g[11], g[12]),
    ]


def _day_row(day: date, src: PeriodSource, visited: int, day_lines: list[Any]) -> list[Any]:
    working = workdays.is_working_day(day)
    weekday = day.isoweekday()
    due = {c for c, wd in src.weekday_of.items() if wd == weekday} if working else set()
    buyers = {x.customer_id for x in day_lines}
    cartons = sum(x.cartons for x in day_lines)
    amount = sum(x.amount_fen for x in day_lines) / 100
    return [
        day,
        f"周{WEEKDAYS[day.weekday()]}",
        "是" if working else "否",
        sum(1 for d, _, st in src.stops if d == day and st != "removed"),
        visited,
        len(due),
        len(due & buyers),
        (len(due & buyers) / len(due) if day_lines else "未导入") if due else "",
        cartons,
        round(amount, 2),
        round(amount / cartons, 2) if cartons else "",
    ]


def _slip_row(row: Any, end: date, numbers: dict[str, str]) -> list[Any]:
    number, created, category, snap, due_date, source, dept, state, answer = row
    rules = slip_rules()
    customer = json.loads(snap or "{}")
    cat = rules.categories.get(category)
    return [
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
        numbers.get(source, "") if source else "",
    ]


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
    days_excused: int = 0  # 请假, 会议, 培训, 其他公务: out of the rate and 出勤天数
    days_unexplained: int = 0  # 未说明

    @property
    def completion(self) -> float | str:
        return self.visited / self.planned if self.planned else "—"

    @property
    def per_carton(self) -> float | str:
        return round(self.amount / self.cartons, 2) if self.cartons else "—"


def totals(p: Period) -> Totals:
    """The summary's figures, from the rows the detail sheets list."""
    real = [(code, mins) for code, status, _, mins in p.visit_minutes if status != "absent"]
    active = {
        code
        for code, status, _, _ in p.visit_minutes
        if status != "absent" and code in p.register_codes
    }
    minutes = [mins for _, mins in real if mins is not None]
    real_days = {
        row[1] for row, vm in zip(p.visits, p.visit_minutes, strict=True) if vm[1] != "absent"
    }
    excused = excused_days(p.marks)
    counted = [r for r in p.days if r[0] not in excused]
    return Totals(
        planned=sum(r[3] for r in counted),
        visited=sum(r[4] for r in counted),
        visits=len(p.visits),
        covered=len(active),  # 在册客户 visited (the page's 覆盖客户)
        average_minutes=round(sum(minutes) / len(minutes), 1) if minutes else None,
        days_in_field=len(real_days - excused),
        cartons=sum(r[6] for r in p.orders),
        amount=round(sum(r[7] for r in p.orders), 2),
        due=p.order_rate.due,  # the days with imported orders (routine.period_figures)
        ordered=p.order_rate.ordered,
        days_excused=len(excused),
        days_unexplained=len(p.marks) - len(excused),
    )
