"""The Thursday workbook (周总结 / 周计划) for the market department, and the same layout over a
month or any period: a printable summary form (周报 / 月报) with native charts, and detail
tables (按日, 走访明细, 规格观察, 发现问题, 反馈单, 订单) linked by visit id and slip number.

Every figure on the summary is computed from the very rows the detail sheets list, so the
summary always equals what the details add up to. A submitted report's snapshot figures are
shown beside them (and a difference is called out) — the details are never rewritten to fit.
User text always lands in string cells (``xlsx.writer.put``); the file is atomic and 0600.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import func, select

from fieldbook.core import workdays
from fieldbook.core.catalog import class_name
from fieldbook.core.checklist import load_checklist
from fieldbook.core.day_export import FORM_WIDTHS, LAST, _answer, banner, cells, paragraph
from fieldbook.core.models import (
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
from fieldbook.core.week import NARRATIVE, PLAN_FIELDS, WeekView, report_period
from fieldbook.core.xlsx.writer import (
    AMOUNT,
    COUNT,
    DATE_FORMAT,
    MINUTES,
    PAGE_FOOTER,
    RATE,
    TIME_FORMAT,
    a4_portrait,
    finish_table,
    header_row,
    save_workbook,
    set_widths,
    title_row,
)

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

SHEET_DAYS, SHEET_VISITS, SHEET_GRID = "按日", "走访明细", "规格观察"
SHEET_FINDINGS, SHEET_SLIPS, SHEET_ORDERS = "发现问题", "反馈单", "订单"
WEEKDAYS = "一二三四五六日"
STATUS_NAMES = {"none": "草稿（尚未填写）", "draft": "草稿", "submitted": "已提交"}
REVIEW_NAMES = {"approved": "已审阅：通过", "returned": "已审阅：退回"}

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
    from fieldbook.core.slips import slip_rules

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


# --- the summary ---------------------------------------------------------------------------
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


def _plan_text(key: str, value: Any) -> str:
    if value in (None, "", [], {}):
        return "（空）"
    if key == "routes" and isinstance(value, dict):
        return "；".join(
            f"周{WEEKDAYS[int(k) - 1]}：{v}" for k, v in sorted(value.items()) if str(k).isdigit()
        )
    if key == "targets" and isinstance(value, dict):
        names = {
            "cartons": "订货量（条）",
            "per_carton": "单条值（元）",
            "skus_on_shelf": "上柜规格数",
            "new_shops": "新增户数",
        }
        return "；".join(f"{names.get(k, k)}：{v}" for k, v in value.items())
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def write_summary(
    ws: Worksheet,
    p: Period,
    *,
    title: str,
    period_text: str,
    manager: str,
    view: WeekView | None,
) -> int:
    set_widths(ws, FORM_WIDTHS)
    title_row(ws, 1, title, LAST, size=16, height=30)
    t = totals(p)
    status = "—"
    if view is not None:
        status = REVIEW_NAMES.get(view.review, "") if view.status == "reviewed" else ""
        status = status or STATUS_NAMES.get(view.status, view.status)
        if view.submitted_at:
            status += f"（{view.submitted_at:%Y-%m-%d %H:%M} 提交）"
        if view.status == "reviewed" and (view.review_comment or view.reviewer):
            status += f"　审阅人：{view.reviewer or '—'}　意见：{view.review_comment or '—'}"
    cells(ws, 2, [(1, 1, "客户经理", "label"), (2, 4, manager, None)])
    cells(ws, 2, [(5, 5, "报告期", "label"), (6, 8, period_text, None)])
    cells(ws, 3, [(1, 1, "状态", "label"), (2, 8, status, None)])
    row = banner(ws, 4, "一、主要指标（均由后附明细表汇总）")
    spec: list[tuple[str, Any, str | None]] = [
        ("拜访计划（户）", t.planned, COUNT),
        ("完成（户）", t.visited, COUNT),
        ("完成率", t.completion, RATE),
        ("走访次数", t.visits, COUNT),
        ("覆盖客户（户）", t.covered, COUNT),
        ("在册客户（户）", p.customers_active, COUNT),
        ("平均每户（分钟）", t.average_minutes if t.average_minutes is not None else "—", MINUTES),
        ("出勤天数", t.days_in_field, COUNT),
        ("订货量（条）", t.cartons, COUNT),
        ("金额（元）", t.amount, AMOUNT),
        ("单条值（元/条）", t.per_carton, AMOUNT),
        ("订货率", t.ordered / t.due if t.due else "—", RATE),
        ("上期订货量（条）", p.previous_cartons, COUNT),
        ("较上期（订货量）", _change(t.cartons, p.previous_cartons), "+0.0%;-0.0%;0.0%"),
        ("上期金额（元）", round(p.previous_amount, 2), AMOUNT),
        ("较上期（金额）", _change(t.amount, p.previous_amount), "+0.0%;-0.0%;0.0%"),
    ]
    for i in range(0, len(spec), 4):
        chunk = spec[i : i + 4]
        row_spec = []
        for k, (label, value, fmt) in enumerate(chunk):
            row_spec += [(2 * k + 1, 2 * k + 1, label, "label"), (2 * k + 2, 2 * k + 2, value, fmt)]
        cells(ws, row, row_spec)
        row += 1
    row = _snapshot_note(ws, row, t, view)

    row = banner(ws, row, "二、价类结构（见“订单”表）")
    cells(
        ws,
        row,
        [
            (1, 2, "价类", "label"),
            (3, 4, "订货量（条）", "label"),
            (5, 6, "金额（元）", "label"),
            (7, 8, "占订货量", "label"),
        ],
    )
    row += 1
    by_class: dict[str, list[float]] = {}
    for r in p.orders:
        acc = by_class.setdefault(r[5], [0, 0.0])
        acc[0] += r[6]
        acc[1] += r[7]
    for name, (cartons, amount) in by_class.items():
        share = cartons / t.cartons if t.cartons else "—"
        cells(
            ws,
            row,
            [
                (1, 2, name, None),
                (3, 4, int(cartons), COUNT),
                (5, 6, round(amount, 2), AMOUNT),
                (7, 8, share, RATE),
            ],
        )
        row += 1
    if not by_class:
        row = paragraph(ws, row, "本期无订单数据。")

    row = banner(ws, row, "三、发现问题（见“发现问题”表）")
    found = Counter(r[4] for r in p.findings)
    if found:
        items = found.most_common()
        for i in range(0, len(items), 2):
            spec2 = []
            for k, (label, n) in enumerate(items[i : i + 2]):
                spec2 += [(4 * k + 1, 4 * k + 3, label, None), (4 * k + 4, 4 * k + 4, n, COUNT)]
            cells(ws, row, spec2)
            row += 1
    else:
        row = paragraph(ws, row, "无")

    row = banner(ws, row, "四、反馈单（本期所开，见“反馈单”表）与跟踪事项")
    cells(
        ws,
        row,
        [
            (1, 2, "部门", "label"),
            (3, 4, "开出（份）", "label"),
            (5, 6, "已落实", "label"),
            (7, 8, "逾期未落实", "label"),
        ],
    )
    row += 1
    depts: dict[str, list[int]] = {}
    for r in p.slips:
        acc2 = depts.setdefault(r[5], [0, 0, 0])
        acc2[0] += 1
        acc2[1] += r[6] == _done_name()
        acc2[2] += r[9] == "是"
    for name, (opened, done, overdue) in depts.items():
        cells(
            ws,
            row,
            [
                (1, 2, name, None),
                (3, 4, opened, COUNT),
                (5, 6, done, COUNT),
                (7, 8, overdue, COUNT),
            ],
        )
        row += 1
    if not depts:
        row = paragraph(ws, row, "本期未开反馈单。")
    cells(
        ws,
        row,
        [
            (1, 2, "跟踪事项新增", "label"),
            (3, 4, p.followups_opened, COUNT),
            (5, 6, "跟踪事项关闭", "label"),
            (7, 8, p.followups_closed, COUNT),
        ],
    )
    row += 1

    if view is not None:
        row = banner(ws, row, "五、本周总结")
        for key, label in NARRATIVE.items():
            text = str(view.narrative.get(key, "") or "（空）")
            cells(ws, row, [(1, 1, label, "label"), (2, 8, text, None)])
            row += 1
        row = banner(ws, row, "六、下周计划")
        for key, label in PLAN_FIELDS.items():
            text = _plan_text(key, view.next_plan.get(key))
            cells(ws, row, [(1, 1, label, "label"), (2, 8, text, None)])
            row += 1
        row = banner(ws, row, "七、更正记录（提交后的修改）")
        if view.status in ("none", "draft"):
            row = paragraph(ws, row, "尚未提交：提交后的每一次更正都记录在这里。")
        elif not view.corrections:
            row = paragraph(ws, row, "无（提交后未作更正）")
        else:
            cells(
                ws,
                row,
                [
                    (1, 1, "时间", "label"),
                    (2, 2, "栏目", "label"),
                    (3, 4, "原内容", "label"),
                    (5, 6, "更正后", "label"),
                    (7, 8, "原因", "label"),
                ],
            )
            row += 1
            for entry in view.corrections:
                key = entry.field.split(".", 1)[-1]
                label = NARRATIVE.get(key) or PLAN_FIELDS.get(key) or key
                cells(
                    ws,
                    row,
                    [
                        (1, 1, f"{entry.at:%Y-%m-%d %H:%M}", None),
                        (2, 2, label, None),
                        (3, 4, _plan_text(key, entry.old_value), None),
                        (5, 6, _plan_text(key, entry.new_value), None),
                        (7, 8, entry.reason, None),
                    ],
                )
                row += 1
    ws.row_breaks.append(Break(id=row - 1))  # the charts print together on their own page
    row = banner(ws, row, "附：每日订货量与拜访完成情况（数据见“按日”表）")
    _charts(ws, row, len(p.days))
    a4_portrait(ws, title_rows="1:1")
    ws.print_area = f"A1:H{row + 36}"
    ws.oddFooter.center.text = PAGE_FOOTER
    return row


def _done_name() -> str:
    from fieldbook.core.slips import slip_rules

    return slip_rules().states.get("done", "done")


def _snapshot_note(ws: Worksheet, row: int, t: Totals, view: WeekView | None) -> int:
    if view is None or view.status in ("none", "draft"):
        return row
    f = view.figures
    snap = (
        f"提交时快照：计划 {f.planned} 户，完成 {f.visited} 户，"
        f"订货 {f.cartons} 条，金额 {f.amount_fen / 100:.2f} 元。"
    )
    same = (f.planned, f.visited, f.cartons, round(f.amount_fen / 100, 2)) == (
        t.planned,
        t.visited,
        t.cartons,
        t.amount,
    )
    snap += "与明细一致。" if same else "提交后数据有变动：以上指标与明细为当前数据。"
    return paragraph(ws, row, snap)


def _charts(ws: Worksheet, row: int, days: int) -> None:
    src = ws.parent[SHEET_DAYS]
    cats = Reference(src, min_col=1, min_row=2, max_row=days + 1)
    bar = BarChart()
    bar.type = "col"
    bar.title = "每日订货量（条）"
    bar.add_data(Reference(src, min_col=9, min_row=1, max_row=days + 1), titles_from_data=True)
    bar.set_categories(cats)
    bar.legend = None
    bar.height, bar.width = 8.0, 18.0
    bar.x_axis.number_format = "m-d"
    ws.add_chart(bar, f"A{row + 1}")
    visits = BarChart()
    visits.type = "col"
    visits.title = "每日拜访：计划与完成（户）"
    visits.add_data(
        Reference(src, min_col=4, max_col=5, min_row=1, max_row=days + 1), titles_from_data=True
    )
    visits.set_categories(cats)
    visits.height, visits.width = 8.0, 18.0
    visits.x_axis.number_format = "m-d"
    visits.legend.position = "b"
    ws.add_chart(visits, f"A{row + 18}")


# --- the tables -------------------------------------------------------------------------------
def _table(
    ws: Worksheet,
    columns: list[tuple[str, float]],
    rows: list[list[Any]],
    title: str,
    formats: dict[int, str],
    *,
    landscape: bool = True,
    freeze: str = "B2",
) -> None:
    header_row(ws, 1, [c[0] for c in columns], [c[1] for c in columns], height=30)
    for values in rows:
        ws.append(values)
    for row in ws.iter_rows(min_row=2):
        for c in row:
            value = c.value
            if isinstance(value, str):
                c.data_type = "s"  # never a formula, whatever the text
            elif isinstance(value, date) and not isinstance(value, datetime):
                c.number_format = DATE_FORMAT
            elif isinstance(value, time):
                c.number_format = TIME_FORMAT
        for column, fmt in formats.items():
            if not isinstance(row[column - 1].value, str):
                row[column - 1].number_format = fmt
    finish_table(ws, len(columns), title, freeze=freeze, landscape=landscape)


def export_period(
    journal: Journal,
    start: date,
    end: date,
    path: Path,
    *,
    title: str = "工作总结",
    summary_sheet: str = "汇总",
    view: WeekView | None = None,
) -> Path:
    """Write the workbook of ``start``..``end`` (inclusive) to ``path`` (.xlsx, 0600)."""
    p = gather(journal, start, end)
    profile = journal.profile.get()
    manager = f"{profile.name}（{profile.code}）" if profile else ""
    period_text = f"{start:%Y-%m-%d} 至 {end:%Y-%m-%d}（{(end - start).days + 1} 天）"
    wb = Workbook()
    summary = wb.active
    summary.title = summary_sheet
    suffix = f"　{start:%Y-%m-%d}～{end:%Y-%m-%d}"
    _table(
        wb.create_sheet(SHEET_DAYS),
        DAY_HEAD,
        p.days,
        f"按日{suffix}",
        {8: RATE, 10: AMOUNT, 11: AMOUNT},
        landscape=False,
    )
    _table(
        wb.create_sheet(SHEET_VISITS),
        VISIT_HEAD + [(label, 10.0) for label in p.checklist_labels],
        p.visits,
        f"走访明细{suffix}",
        {},
        freeze="E2",
    )
    _table(
        wb.create_sheet(SHEET_GRID),
        GRID_HEAD,
        p.grid,
        f"规格观察{suffix}",
        {12: AMOUNT},
        freeze="E2",
    )
    _table(wb.create_sheet(SHEET_FINDINGS), FINDING_HEAD, p.findings, f"发现问题{suffix}", {})
    _table(wb.create_sheet(SHEET_SLIPS), SLIP_HEAD, p.slips, f"反馈单{suffix}", {})
    _table(
        wb.create_sheet(SHEET_ORDERS),
        ORDER_HEAD,
        p.orders,
        f"订单{suffix}",
        {7: COUNT, 8: AMOUNT},
        landscape=False,
        freeze="D2",
    )
    write_summary(summary, p, title=title, period_text=period_text, manager=manager, view=view)
    return save_workbook(wb, path)


def export_week(journal: Journal, label: str, path: Path) -> Path:
    """The report week ``label`` (e.g. ``2026-W48``): 周报 + the detail sheets."""
    start, end = report_period(label)
    view = journal.weeks.get(label)
    return export_period(
        journal,
        start,
        end,
        path,
        title=f"周工作总结与计划　{label}",
        summary_sheet="周报",
        view=view,
    )


def month_period(month: str) -> tuple[date, date]:
    from fieldbook.core.errors import InvalidValue

    try:
        year, mon = (int(x) for x in month.split("-"))
        start = date(year, mon, 1)
    except ValueError:
        raise InvalidValue("month", field="month", value=month) from None
    nxt = date(year + (mon == 12), mon % 12 + 1, 1)
    return start, nxt - timedelta(days=1)


def export_month(journal: Journal, month: str, path: Path) -> Path:
    """The calendar month ``YYYY-MM``: 月报 + the detail sheets."""
    start, end = month_period(month)
    return export_period(
        journal, start, end, path, title=f"月工作总结　{start:%Y年%m月}", summary_sheet="月报"
    )
