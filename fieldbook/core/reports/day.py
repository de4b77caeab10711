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
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from fieldbook.core.reports.day_orders import (
    SHEET_ORDERS,
    day_order_rows,
    orders_block,
    write_orders,
)
from fieldbook.core.reports.form import (
    FORM_WIDTHS,
    LAST,
    Correction,
    Spec,
    answer_value,
    banner,
    cells,
    corrections_table,
    day_title,
    paragraph,
    subhead,
    table_head,
)
from fieldbook.core.reports.official import (
    form_head,
    signature_block,
    standardise,
    table_heads,
    write_head,
)
from fieldbook.core.reports.saving import save_workbook
from fieldbook.core.reports.targets_block import targets_block
from fieldbook.core.routine.checklist import finding_labels, load_checklist
from fieldbook.core.routine.daylog import LIST_SECTIONS, TEXT_SECTIONS, DayFacts, DayLogView
from fieldbook.core.routine.daylog_text import (
    SECTION_ORDER,
    STATUS_NAMES,
    row_text,
    section_label,
    section_text,
    time_facts,
)
from fieldbook.core.routine.indicators import DEFINITIONS
from fieldbook.core.routine.plan import plan_rules
from fieldbook.core.routine.visit_checklist import export_items
from fieldbook.core.store.models import Customer
from fieldbook.core.xlsx.print_scale import print_sheet_at_fit
from fieldbook.core.xlsx.writer import (
    COUNT,
    MINUTES,
    a4_portrait,
    body_row,
    finish_table,
    first_sheet,
    header_row,
    page_footer,
    paragraph_row,
    row_height,
    set_widths,
    text_width,
)

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.core.routine.visit_views import VisitListRow

SHEET_LOG, SHEET_VISITS = "工作日志", "走访明细"
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


def _day_window(facts: DayFacts) -> str:
    """``07:30–15:00`` (Thursday ``07:30–14:00``): in the area to back at the office."""
    rules = plan_rules()
    start = facts.arrive_by or f"{rules.arrive_in_area:%H:%M}"
    end = facts.back_by or f"{rules.back_by(facts.day):%H:%M}"
    return f"{start}–{end}"


# --- the form -------------------------------------------------------------------------------
def write_log_form(ws: Worksheet, journal: Journal, view: DayLogView) -> None:
    set_widths(ws, FORM_WIDTHS)
    profile = journal.profile.get()
    facts = view.facts
    head = form_head(journal, "工作日志", day_title(view.day))
    top = write_head(ws, 1, head)
    status = STATUS_NAMES.get(view.status, view.status)
    if view.status == "submitted" and view.submitted_at:
        status += f"（{view.submitted_at:%Y-%m-%d %H:%M}）"
    cells(
        ws,
        top,
        [
            (1, 1, "状态", "label"),
            (2, 4, status, None),
            (5, 5, "片区", "label"),
            (6, 8, profile.territory if profile else "", None),
        ],
    )
    row = _visits_block(ws, top + 2, facts)
    row = orders_block(ws, row + 1, journal, view)
    row = targets_block(ws, row + 1, journal.targets.progress(view.day))
    row = _sections_block(ws, row + 1, journal, view)
    row = _corrections_block(ws, row + 1, view)
    row = banner(ws, row + 1, "指标说明")
    for text in DEFINITIONS.values():
        row = paragraph(ws, row, text, size=10)
    row += 1
    signature_block(ws, row, ("客户经理", "部门负责人（审阅）"))
    a4_portrait(ws)
    page_footer(ws, right=f"工作日志　{day_title(view.day)}")


def _visits_block(ws: Worksheet, row: int, facts: DayFacts) -> int:
    row = banner(ws, row, f"一、走访情况（{_day_window(facts)}）")
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
    times = time_facts(facts)
    for offset, pair in enumerate((times[:2], times[2:])):
        line: list[Spec] = []
        for column, fact in zip((1, 5), pair, strict=True):
            line.append((column, column, fact.label, "label"))
            line.append((column + 1, column + 1, fact.value, None))
            standard = f"标准 {fact.standard}，{fact.verdict}"
            line.append((column + 2, column + 3, standard, None))
        cells(ws, row + 2 + offset, line)
    row += 1
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
    table_head(ws, row, head)
    for n, item in enumerate(rows, start=1):
        r = item if isinstance(item, dict) else {"text": str(item)}
        code = str(r.get("customer_code") or "")
        if name == "escalations":
            answered = bool(r.get("answered"))
            when = str(r.get("answered_at") or "")[:16]
            answer = str(r.get("answer") or "")
            who = str(r.get("answered_by") or "")
            said = "，".join(x for x in (who, when) if x)
            reply = f"已答复：{answer}" + (f"（{said}）" if said else "") if answered else "未答复"
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
            values = [n, row_text(name, r)]
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
    rows: list[Correction] = []
    for entry in view.corrections:
        name = entry.field.removeprefix("sections.")
        old, new = section_text(name, entry.old_value), section_text(name, entry.new_value)
        rows.append((entry.at, section_label(name), old, new, entry.reason))
    return corrections_table(ws, row, rows)


# --- the visits sheet ------------------------------------------------------------------
def _item_width(label: str, kind: str) -> float:
    """Narrow columns with wrapped headers: the table stays two landscape pages wide."""
    if kind == "text":
        return 20.0
    return float(max(7, min(12, math.ceil(text_width(label) / 3) + 2)))


def write_visits(ws: Worksheet, day: date, visits: list[VisitListRow]) -> None:
    checklist = load_checklist("visit")
    statuses = {st.code: st.label for st in checklist.shop_statuses}
    # a v1 visit: v1's items too; a day without visits: no item columns (one page, not three
    # pages of empty headers)
    items = export_items(v.checklist_version for v in visits) if visits else []
    labels = finding_labels("visit")
    columns = list(VISIT_HEAD)
    columns += [(item.label, _item_width(item.label, item.type)) for item in items]
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
        values += [answer_value(v.answers.get(item.id)) for item in items]
        values.append(
            "；".join(
                labels.get(h.finding, h.finding) + (f"（{h.detail}）" if h.detail else "")
                for h in v.findings
            )
        )
        body_row(ws, n + 1, values)
    if not visits:
        paragraph_row(ws, 2, "（当日没有走访记录）", [w for _, w in columns])
    finish_table(ws, len(columns), f"走访明细　{day_title(day)}", freeze="D2", landscape=True)
    # 37 columns: pages across at the fitting scale, never below 70 % (decision 0024),
    # the visit's number, code and shop on each
    print_sheet_at_fit(ws, title_columns="A:C")


def export_day(journal: Journal, day: date, path: Path) -> Path:
    """Write the work log of ``day`` (form, visits, orders) to ``path`` (.xlsx, 0600)."""
    view = journal.daylogs.get(day)
    wb = Workbook()
    ws = first_sheet(wb, SHEET_LOG)
    write_log_form(ws, journal, view)
    write_visits(wb.create_sheet(SHEET_VISITS), day, journal.visits.list_between(day, day))
    write_orders(wb.create_sheet(SHEET_ORDERS), day, day_order_rows(journal, day))
    head = form_head(journal, "工作日志", day_title(day))
    standardise(wb, head.unit)
    table_heads(wb.worksheets[1:], head)
    return save_workbook(wb, path)
