"""The day's export (工作日志): one workbook with the log as a printable A4 form, the day's
visits (走访明细) and the day's order lines (订单).

The form shows what the log says: the facts snapshot once submitted (live facts while a
draft), the manager's sections, and every correction made after submit (更正记录) — the
regulation forbids silently rewriting what was reported. Definitions of the indicators
(``indicators.DEFINITIONS``) are printed with them. User text always lands in string cells
(``xlsx.writer.put``); the file is written atomically and private (0600).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from fieldbook.core import clock
from fieldbook.core.master.catalog import class_name
from fieldbook.core.reports.plan_sheet import day_title
from fieldbook.core.routine.checklist import load_checklist
from fieldbook.core.routine.daylog import LIST_SECTIONS, TEXT_SECTIONS, DayLogView
from fieldbook.core.routine.indicators import DEFINITIONS, day_indicators
from fieldbook.core.routine.plan import plan_rules
from fieldbook.core.store.models import Customer, OrderLine, Sku
from fieldbook.core.xlsx.writer import (
    AMOUNT,
    COUNT,
    HEADER_FILL,
    MINUTES,
    PAGE_FOOTER,
    RATE,
    SUB_FILL,
    a4_portrait,
    body_row,
    finish_table,
    header_row,
    label_value_row,
    paragraph_row,
    put,
    row_height,
    save_workbook,
    section_row,
    set_widths,
    text_width,
    title_row,
)

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.core.routine.visits import VisitListRow

SHEET_LOG, SHEET_VISITS, SHEET_ORDERS = "工作日志", "走访明细", "订单"
STATUS_NAMES = {"none": "草稿（尚未填写）", "draft": "草稿", "submitted": "已提交"}
FORM_WIDTHS = (13.0, 12.0, 12.0, 12.0, 12.0, 12.0, 12.0, 13.0)  # A..H: one A4 page wide
LAST = len(FORM_WIDTHS)
PP_CHANGE = '+0.0"个百分点";-0.0"个百分点";"持平"'
CHANGE = '+0.0%;-0.0%;"持平"'
# The order of the day: 15:00 orders and log, 15:40 maintenance, next day, 16:00 meeting.
SECTION_ORDER = (
    "phone_staff",
    "indicator_analysis",
    "problems",
    "escalations",
    "customer_maintenance",
    "mutual_control",
    "supply_info",
    "tomorrow",
    "meeting_notes",
)
VISIT_HEAD: list[tuple[str, float]] = [
    ("序号", 6),
    ("客户编码", 14),
    ("客户名称", 22),
    ("到店", 8),
    ("离店", 8),
    ("分钟", 7),
    ("店铺状态", 10),
    ("记录状态", 9),
    ("补录", 6),
]
ORDER_HEAD: list[tuple[str, float]] = [
    ("序号", 6),
    ("客户编码", 14),
    ("客户名称", 22),
    ("当天订货日", 10),
    ("卷烟代码", 11),
    ("卷烟名称", 24),
    ("价类", 7),
    ("订货量（条）", 11),
    ("金额（元）", 13),
    ("单条值（元/条）", 14),
]


@dataclass(frozen=True)
class OrderRow:
    customer_code: str
    shop_name: str
    due_today: bool
    sku_code: str
    sku_name: str
    price_class: int | None
    cartons: int
    amount_fen: int

    @property
    def per_carton(self) -> float | None:
        return self.amount_fen / 100 / self.cartons if self.cartons else None


def day_order_rows(journal: Journal, day: date) -> list[OrderRow]:
    """The current manager's order lines of ``day``, by customer, dearest SKU first."""
    with journal.reading() as s:
        manager_id = journal.current_manager_id(s)
        rows = s.execute(
            select(
                Customer.code,
                Customer.shop_name,
                Customer.order_weekday,
                Customer.status,
                Sku.code,
                Sku.name,
                Sku.price_class,
                OrderLine.cartons,
                OrderLine.amount_fen,
            )
            .join(Customer, Customer.id == OrderLine.customer_id)
            .join(Sku, Sku.id == OrderLine.sku_id)
            .where(OrderLine.manager_id == manager_id, OrderLine.order_date == day)
            .order_by(Customer.code, Sku.wholesale_fen.desc(), Sku.code)
        ).all()
    return [
        OrderRow(code, name, weekday == day.isoweekday() and status == "active", *rest)
        for code, name, weekday, status, *rest in rows
    ]


# --- layout helpers (the form's 8-column grid) ---------------------------------------------------
def cells(ws: Worksheet, row: int, spec: Sequence[tuple[int, int, Any, str | None]]) -> None:
    label_value_row(ws, row, spec, FORM_WIDTHS)


def banner(ws: Worksheet, row: int, text: str) -> int:
    return section_row(ws, row, text, LAST, fill=HEADER_FILL, height=22)


def subhead(ws: Worksheet, row: int, text: str) -> None:
    section_row(ws, row, text, LAST, fill=SUB_FILL, height=20)


def paragraph(ws: Worksheet, row: int, text: str, *, size: int = 11) -> int:
    return paragraph_row(ws, row, text, FORM_WIDTHS, size=size)


# --- values -----------------------------------------------------------------------------------
def _minutes_text(minutes: int | None, late: str, early: str) -> str:
    if minutes is None:
        return "—"
    if minutes == 0:
        return "准时"
    return f"{late if minutes > 0 else early} {abs(minutes)} 分钟"


def _change(now: float | None, before: float | None) -> float | str:
    if now is None or not before:
        return "—"
    return (now - before) / before


def _fen(value: Any) -> float | None:
    return None if value is None else round(float(value) / 100, 2)


def _row_text(name: str, row: dict[str, Any]) -> str:
    if name == "mutual_control":
        return f"{row.get('customer_code', '')} {row.get('type', '')}：{row.get('text', '')}"
    if name == "supply_info":
        return f"{row.get('sku', '')}：{row.get('note', '')}"
    return str(row.get("text", row.get("note", "")))


def section_text(name: str, value: Any) -> str:
    """A section's value as one text (lists: one row a line)."""
    if value is None or value == "":
        return "（空）"
    if isinstance(value, list):
        return (
            "\n".join(_row_text(name, r) if isinstance(r, dict) else str(r) for r in value)
            or "（空）"
        )
    return str(value)


def section_label(name: str) -> str:
    return TEXT_SECTIONS.get(name) or LIST_SECTIONS.get(name) or name


# --- the form -------------------------------------------------------------------------------
def write_log_form(ws: Worksheet, journal: Journal, view: DayLogView) -> None:
    set_widths(ws, FORM_WIDTHS)
    profile = journal.profile.get()
    facts = view.facts
    title_row(ws, 1, "工作日志", LAST, size=18, height=32)
    put(ws, 2, 1, day_title(view.day)).alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=LAST)
    ws.row_dimensions[2].height = 20
    manager = f"{profile.name}（{profile.code}）" if profile else ""
    status = STATUS_NAMES.get(view.status, view.status)
    if view.status == "submitted" and view.submitted_at:
        status += f"（{view.submitted_at:%Y-%m-%d %H:%M}）"
    cells(
        ws,
        3,
        [
            (1, 1, "客户经理", "label"),
            (2, 4, manager, None),
            (5, 5, "片区", "label"),
            (
                6,
                8,
                " ".join(x for x in (profile.district_unit, profile.territory) if x)
                if profile
                else "",
                None,
            ),
        ],
    )
    cells(
        ws,
        4,
        [
            (1, 1, "状态", "label"),
            (2, 4, status, None),
            (5, 5, "导出时间", "label"),
            (6, 8, f"{clock.now():%Y-%m-%d %H:%M}", None),
        ],
    )
    row = _visits_block(ws, 6, facts)
    row = _orders_block(ws, row + 1, journal, view)
    row = _sections_block(ws, row + 1, journal, view)
    row = _corrections_block(ws, row + 1, view)
    row = banner(ws, row + 1, "指标说明")
    for text in DEFINITIONS.values():
        row = paragraph(ws, row, text, size=10)
    row += 1
    put(ws, row, 1, "客户经理（签字）：" + "＿" * 8 + "　" * 4 + "部门负责人（审阅）：" + "＿" * 8)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=LAST)
    ws.row_dimensions[row].height = 30
    a4_portrait(ws)
    ws.oddFooter.center.text = PAGE_FOOTER
    ws.oddFooter.right.text = f"工作日志 {view.day.isoformat()}"


def _visits_block(ws: Worksheet, row: int, facts: Any) -> int:
    rules = plan_rules()
    row = banner(ws, row, "一、走访情况（07:30–15:00）")
    cells(
        ws,
        row,
        [
            (1, 1, "计划走访（户）", "label"),
            (2, 2, facts.planned, COUNT),
            (3, 3, "已走访（户）", "label"),
            (4, 4, facts.done, COUNT),
            (5, 5, "未走访（户）", "label"),
            (6, 6, facts.skipped, COUNT),
            (7, 7, "户均分钟", "label"),
            (8, 8, facts.average_minutes if facts.average_minutes is not None else "—", MINUTES),
        ],
    )
    reasons = "；".join(f"{k} {v} 户" for k, v in (facts.skipped_reasons or {}).items()) or "无"
    cells(ws, row + 1, [(1, 1, "未走访原因", "label"), (2, LAST, reasons, None)])
    start = _minutes_text(facts.start_late_minutes, "晚", "早")
    end = _minutes_text(facts.end_early_minutes, "早", "晚")
    cells(
        ws,
        row + 2,
        [
            (1, 1, "首户到店", "label"),
            (2, 2, facts.first_arrival or "—", None),
            (3, 4, f"标准 {rules.day_start:%H:%M}，{start}", None),
            (5, 5, "末户离店", "label"),
            (6, 6, facts.last_departure or "—", None),
            (7, 8, f"标准 {rules.day_end:%H:%M}，{end}", None),
        ],
    )
    found = "、".join(f"{k} {v} 户" for k, v in (facts.findings or {}).items()) or "无"
    cells(ws, row + 3, [(1, 1, "发现的问题", "label"), (2, LAST, found, None)])
    slips = "\n".join(facts.slips_created) or "无"
    cells(ws, row + 4, [(1, 1, "新建反馈单", "label"), (2, LAST, slips, None)])
    cells(
        ws,
        row + 5,
        [
            (1, 1, "关闭跟踪事项", "label"),
            (2, 2, facts.followups_closed, COUNT),
            (3, 3, "次日计划", "label"),
            (4, LAST, facts.tomorrow or "未制定", None),
        ],
    )
    return row + 6


def _orders_block(ws: Worksheet, row: int, journal: Journal, view: DayLogView) -> int:
    orders = view.facts.orders or {}
    day = orders.get("figures") or {}
    last = orders.get("last_week") or {}
    month = orders.get("month_to_date") or {}
    row = banner(ws, row, "二、订货情况（15:00 订单与经济指标）")
    cells(
        ws,
        row,
        [
            (1, 2, "指标", "label"),
            (3, 4, "当日", "label"),
            (5, 5, "上周同日", "label"),
            (6, 6, "较上周同日", "label"),
            (7, 8, "本月累计", "label"),
        ],
    )
    row += 1
    lines: list[tuple[str, str, Any, Any, Any, str]] = [
        ("应订货户数", "due", day.get("due"), last.get("due"), month.get("due"), COUNT),
        (
            "订货户数",
            "ordered",
            day.get("ordered"),
            last.get("ordered"),
            month.get("ordered"),
            COUNT,
        ),
        (
            "订货率",
            "order_rate",
            day.get("order_rate"),
            last.get("order_rate"),
            month.get("order_rate"),
            RATE,
        ),
        (
            "订货量（条）",
            "cartons",
            day.get("cartons"),
            last.get("cartons"),
            month.get("cartons"),
            COUNT,
        ),
        (
            "金额（元）",
            "amount",
            _fen(day.get("amount_fen")),
            _fen(last.get("amount_fen")),
            _fen(month.get("amount_fen")),
            AMOUNT,
        ),
        (
            "单条值（元/条）",
            "per_carton",
            _fen(day.get("per_carton_fen")),
            _fen(last.get("per_carton_fen")),
            _fen(month.get("per_carton_fen")),
            AMOUNT,
        ),
    ]
    for label, key, now, before, mtd, fmt in lines:
        if key == "order_rate":
            change: Any = "—" if now is None or before is None else (now - before) * 100
            change_format = PP_CHANGE
        else:
            change, change_format = _change(now, before), CHANGE
        cells(
            ws,
            row,
            [
                (1, 2, label, "label"),
                (3, 4, "—" if now is None else now, fmt),
                (5, 5, "—" if before is None else before, fmt),
                (6, 6, change, change_format),
                (7, 8, "—" if mtd is None else mtd, fmt),
            ],
        )
        row += 1
    structure = list(orders.get("structure") or [])[: LAST - 2]  # at most 6 classes
    if structure:
        spec: list[tuple[int, int, Any, str | None]] = [(1, 1, "价类", "label")]
        spec += [(i + 2, i + 2, s.get("name", ""), "label") for i, s in enumerate(structure)]
        rest = len(structure) + 2  # 合计 spans what is left
        spec.append((rest, LAST, "合计", "label"))
        cells(ws, row, spec)
        total = sum(int(s.get("cartons") or 0) for s in structure)
        spec = [(1, 1, "订货量（条）", "label")]
        spec += [(i + 2, i + 2, int(s.get("cartons") or 0), COUNT) for i, s in enumerate(structure)]
        spec.append((rest, LAST, total, COUNT))
        cells(ws, row + 1, spec)
        spec = [(1, 1, "占比", "label")]
        spec += [(i + 2, i + 2, float(s.get("share") or 0), RATE) for i, s in enumerate(structure)]
        spec.append((rest, LAST, 1.0 if total else 0.0, RATE))
        cells(ws, row + 2, spec)
        by_code = {s.get("code"): float(s.get("share") or 0) for s in structure}
        headline = (
            f"一二类占比 {by_code.get(1, 0) + by_code.get(2, 0):.1%}，"
            f"一二三类占比 {by_code.get(1, 0) + by_code.get(2, 0) + by_code.get(3, 0):.1%}"
        )
        row = paragraph(ws, row + 3, headline)
    if view.status == "submitted":
        live = day_indicators(journal, view.day).figures
        if (live.cartons, live.amount_fen) != (day.get("cartons"), day.get("amount_fen")):
            row = paragraph(
                ws,
                row,
                f"注：提交后订单数据有变动，当前订货量 {live.cartons} 条，"
                f"金额 {live.amount_fen / 100:.2f} 元（见“{SHEET_ORDERS}”表）。",
            )
    row = banner(ws, row + 1, "未订货客户")
    non = list(orders.get("non_orderers") or [])
    if not non:
        return paragraph(ws, row, "无")
    cells(
        ws,
        row,
        [
            (1, 1, "序号", "label"),
            (2, 3, "客户编码", "label"),
            (4, 6, "客户名称", "label"),
            (7, 8, "未订货原因", "label"),
        ],
    )
    for n, item in enumerate(non, start=1):
        cells(
            ws,
            row + n,
            [
                (1, 1, n, COUNT),
                (2, 3, str(item.get("code", "")), None),
                (4, 6, str(item.get("shop_name", "")), None),
                (7, 8, str(item.get("reason", "")) or "未注明", None),
            ],
        )
    return row + len(non) + 1


def _sections_block(ws: Worksheet, row: int, journal: Journal, view: DayLogView) -> int:
    row = banner(ws, row, "三、工作记录")
    names = list(SECTION_ORDER)
    names += [n for n in (*TEXT_SECTIONS, *LIST_SECTIONS) if n not in names]
    names_of = _customer_names(journal)
    for name in names:
        if name == "tomorrow":
            subhead(ws, row, "次日拜访计划")
            tomorrow = view.facts.tomorrow or "尚未制定次日拜访计划"
            row = paragraph(ws, row + 1, f"{tomorrow}（见拜访计划、路线单）")
            continue
        subhead(ws, row, section_label(name))
        row += 1
        value = view.sections.get(name)
        if name in LIST_SECTIONS and value:
            row = _list_table(ws, row, name, value, names_of)
        else:
            text = str(value).strip() if value else ""
            row = paragraph(ws, row, text or "（未填写）")
    return row


def _customer_names(journal: Journal) -> dict[str, str]:
    with journal.reading() as s:
        manager_id = journal.current_manager_id(s)
        return dict(
            s.execute(
                select(Customer.code, Customer.shop_name).where(Customer.manager_id == manager_id)
            ).all()
        )


def _list_table(ws: Worksheet, row: int, name: str, rows: list[Any], names: dict[str, str]) -> int:
    if name == "escalations":
        head = [(1, 1, "序号"), (2, 4, "问题"), (5, 6, "客户"), (7, 8, "部门负责人答复")]
    elif name == "mutual_control":
        head = [
            (1, 1, "序号"),
            (2, 3, "客户编码"),
            (4, 5, "客户名称"),
            (6, 6, "类型"),
            (7, 8, "内容"),
        ]
    elif name == "supply_info":
        head = [(1, 1, "序号"), (2, 4, "卷烟"), (5, 8, "说明")]
    else:
        head = [(1, 1, "序号"), (2, 8, "内容")]
    cells(ws, row, [(a, b, label, "label") for a, b, label in head])
    for n, item in enumerate(rows, start=1):
        r = item if isinstance(item, dict) else {"text": str(item)}
        code = str(r.get("customer_code") or "")
        if name == "escalations":
            answered = bool(r.get("answered"))
            when = str(r.get("answered_at") or "")[:16]
            answer = str(r.get("answer") or "")
            reply = f"已答复：{answer}" + (f"（{when}）" if when else "") if answered else "未答复"
            values: list[Any] = [
                n,
                str(r.get("text", "")),
                "\n".join(x for x in (code, names.get(code, "")) if x),
                reply,
            ]
        elif name == "mutual_control":
            values = [n, code, names.get(code, ""), str(r.get("type", "")), str(r.get("text", ""))]
        elif name == "supply_info":
            values = [n, str(r.get("sku", "")), str(r.get("note", ""))]
        else:
            values = [n, _row_text(name, r)]
        cells(
            ws,
            row + n,
            [
                (a, b, v, COUNT if isinstance(v, int) else None)
                for (a, b, _l), v in zip(head, values, strict=True)
            ],
        )
    return row + len(rows) + 1


def _corrections_block(ws: Worksheet, row: int, view: DayLogView) -> int:
    row = banner(ws, row, "四、更正记录（提交后的修改）")
    if view.status != "submitted":
        return paragraph(ws, row, "日志尚未提交：提交后的每一次更正都记录在这里。")
    if not view.corrections:
        return paragraph(ws, row, "无（提交后未作更正）")
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
    for n, entry in enumerate(view.corrections, start=1):
        name = entry.field.removeprefix("sections.")
        cells(
            ws,
            row + n,
            [
                (1, 1, f"{entry.at:%Y-%m-%d %H:%M}", None),
                (2, 2, section_label(name), None),
                (3, 4, section_text(name, entry.old_value), None),
                (5, 6, section_text(name, entry.new_value), None),
                (7, 8, entry.reason, None),
            ],
        )
    return row + len(view.corrections) + 1


# --- the tables ---------------------------------------------------------------------------
def _answer(value: Any) -> Any:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if value is None:
        return ""
    return value if isinstance(value, int | float) else str(value)


def _item_width(label: str, kind: str) -> float:
    """Narrow columns with wrapped headers: the table stays two landscape pages wide."""
    if kind == "text":
        return 20.0
    return float(max(7, min(12, math.ceil(text_width(label) / 3) + 2)))


def write_visits(ws: Worksheet, day: date, visits: list[VisitListRow]) -> None:
    checklist = load_checklist("visit")
    statuses = {st.code: st.label for st in checklist.shop_statuses}
    columns = list(VISIT_HEAD)
    columns += [(item.label, _item_width(item.label, item.type)) for item in checklist.items]
    columns.append(("发现的问题", 36))
    header_row(ws, 1, [c[0] for c in columns], [c[1] for c in columns])
    ws.row_dimensions[1].height = row_height((label, width) for label, width in columns)
    for n, v in enumerate(visits, start=1):
        values: list[Any] = [
            n,
            v.customer_code,
            v.shop_name,
            v.arrived_at.time().replace(second=0) if v.arrived_at else "",
            v.left_at.time().replace(second=0) if v.left_at else "",
            v.minutes if v.minutes is not None else "",
            statuses.get(v.shop_status, v.shop_status),
            "已完成" if v.status == "done" else "草稿",
            "是" if v.late_entry else "",
        ]
        values += [_answer(v.answers.get(item.id)) for item in checklist.items]
        values.append(
            "；".join(
                checklist.findings.get(h.finding, h.finding)
                + (f"（{h.detail}）" if h.detail else "")
                for h in v.findings
            )
        )
        body_row(ws, n + 1, values)
    finish_table(ws, len(columns), f"走访明细　{day_title(day)}", freeze="D2", landscape=True)
    ws.page_setup.fitToWidth = 2  # 37 columns: two landscape pages wide, names on both
    ws.print_title_cols = "A:C"


def write_orders(ws: Worksheet, day: date, rows: list[OrderRow]) -> None:
    header_row(ws, 1, [c[0] for c in ORDER_HEAD], [c[1] for c in ORDER_HEAD], height=30)
    for n, r in enumerate(rows, start=1):
        body_row(
            ws,
            n + 1,
            [
                n,
                r.customer_code,
                r.shop_name,
                "是" if r.due_today else "否",
                r.sku_code,
                r.sku_name,
                class_name(r.price_class) or "未分类",
                r.cartons,
                r.amount_fen / 100,
                r.per_carton if r.per_carton is not None else "",
            ],
            wrap=False,
        )
        ws.cell(n + 1, 8).number_format = COUNT
        ws.cell(n + 1, 9).number_format = AMOUNT
        ws.cell(n + 1, 10).number_format = AMOUNT
    finish_table(ws, len(ORDER_HEAD), f"订单明细　{day_title(day)}", freeze="D2", landscape=False)


def export_day(journal: Journal, day: date, path: Path) -> Path:
    """Write the work log of ``day`` (form, visits, orders) to ``path`` (.xlsx, 0600)."""
    view = journal.daylogs.get(day)
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_LOG
    write_log_form(ws, journal, view)
    write_visits(wb.create_sheet(SHEET_VISITS), day, journal.visits.list_between(day, day))
    write_orders(wb.create_sheet(SHEET_ORDERS), day, day_order_rows(journal, day))
    return save_workbook(wb, path)
