"""The register of slips (客户信息反馈单登记表) as Excel: one row per department's delivery of each
slip created in a period, which the departments fill in and send back
(``fieldbook.core.slips.answers`` reads it), and a sheet saying how (说明)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue
from fieldbook.core.reports.official import date_text, form_head, span_text, standardise
from fieldbook.core.reports.saving import save_workbook
from fieldbook.core.slips.register import REGISTER_COLUMNS, REGISTER_SHEET
from fieldbook.core.slips.rules import department_code, slip_rules
from fieldbook.core.slips.vocabulary import (
    category_name,
    department_name,
    department_order,
    state_name,
)
from fieldbook.core.store.models import Slip, SlipDelivery
from fieldbook.core.xlsx.print_scale import print_sheet_at_fit
from fieldbook.core.xlsx.writer import (
    a4_portrait,
    body_row,
    first_sheet,
    header_row,
    put,
    row_height,
    title_row,
)

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

REGISTER_TITLE = "客户信息反馈单登记表"
HELP_SHEET = "说明"
EDIT_FILL = PatternFill("solid", fgColor="FFF4CC")  # the columns a department fills in
LOCKED_FILL = PatternFill("solid", fgColor="E7E7E7")


@dataclass(frozen=True)
class RegisterRow:
    """One department's delivery of one slip, as the register shows it."""

    slip_id: str
    delivery_id: str
    number: str
    created_at: datetime
    category: str  # code
    sub_reason: str
    customer_code: str
    shop_name: str
    description: str
    department: str  # code
    state: str  # code
    handled_by: str
    handled_at: datetime | None
    answer: str
    due_date: date
    removed: str = ""  # default departments left off the slip: "专卖办：reason"

    def overdue(self, today: date) -> bool:
        return self.state != "done" and self.due_date < today


def register_rows(
    journal: Journal, *, start: date, end: date, department: str | None = None
) -> list[RegisterRow]:
    """The current manager's slips created from ``start`` to ``end`` (inclusive), one row per
    delivery, oldest first and departments in configuration order."""
    with journal.reading() as s:
        manager_id = journal.current_manager_id(s)
        stmt = (
            select(Slip, SlipDelivery)
            .join(SlipDelivery, SlipDelivery.slip_id == Slip.id)
            .where(
                Slip.manager_id == manager_id,
                Slip.created_at >= datetime.combine(start, datetime.min.time()),
                Slip.created_at <= datetime.combine(end, datetime.max.time()),
            )
        )
        if department is not None:
            stmt = stmt.where(SlipDelivery.department == department)
        rows = []
        for slip, d in s.execute(stmt):
            rows.append(register_row(slip, d))
    rows.sort(key=lambda r: (r.created_at, r.number, department_order(r.department)))
    return rows


def register_row(slip: Slip, d: SlipDelivery) -> RegisterRow:
    """One row of the register: ``slip`` as delivered to one department (``d``); who handled it
    and when only once the department has moved it on from 待发送/已发送."""
    snap = json.loads(slip.customer_snapshot or "{}")
    moved = d.state not in ("pending", "sent")
    return RegisterRow(
        slip_id=slip.id,
        delivery_id=d.id,
        number=slip.number,
        created_at=slip.created_at,
        category=slip.category,
        sub_reason=slip.sub_reason,
        customer_code=str(snap.get("code", "")),
        shop_name=str(snap.get("shop_name", "")),
        description=slip.description,
        department=d.department,
        state=d.state,
        handled_by=d.handled_by if moved else "",
        handled_at=d.updated_at if moved else None,
        answer=d.answer,
        due_date=slip.due_date,
        removed="；".join(
            f"{department_name(k)}：{v}"
            for k, v in json.loads(slip.removed_departments or "{}").items()
        ),
    )


def _register_values(r: RegisterRow, today: date) -> list[Any]:
    return [
        r.number,
        r.created_at.date(),
        category_name(r.category),
        r.sub_reason,
        r.customer_code,
        r.shop_name,
        r.description,
        department_name(r.department),
        state_name(r.state),
        r.handled_by,
        r.handled_at if r.handled_at is not None else "",
        r.answer,
        "",
        r.due_date,
        "是" if r.overdue(today) else "否",
        state_name(r.state),
        r.removed,
    ]


def write_register(
    ws: Worksheet,
    rows: Sequence[RegisterRow],
    *,
    title: str,
    today: date,
) -> None:
    columns = REGISTER_COLUMNS
    width = len(columns)
    title_row(ws, 1, title, width, size=14, height=24, centred=False)
    header_row(ws, 2, [c.label for c in columns], [c.width for c in columns], height=30)
    for index, column in enumerate(columns, start=1):
        cell = ws.cell(row=2, column=index)
        if column.editable:
            cell.fill = EDIT_FILL
        elif column.key == "exported_state":
            cell.fill = LOCKED_FILL
    state_col = next(i for i, c in enumerate(columns, start=1) if c.key == "state")
    description_width = next(c.width for c in columns if c.key == "description")
    answer_width = next(c.width for c in columns if c.key == "answer")
    centred = [
        i
        for i, c in enumerate(columns, start=1)
        if c.key in ("created", "category", "department", "state", "at", "due", "overdue")
        or c.key == "exported_state"
    ]
    for n, r in enumerate(rows, start=3):
        body_row(ws, n, _register_values(r, today))
        for i in centred:
            ws.cell(n, i).alignment = Alignment(
                horizontal="center", vertical="center", wrap_text=True
            )
        ws.row_dimensions[n].height = min(
            90.0, row_height([(r.description, description_width), (r.answer, answer_width)])
        )
    last = max(3, len(rows) + 2)
    ref = f"A2:{get_column_letter(width)}{last}"
    ws.auto_filter.ref = ref
    ws.freeze_panes = "B3"
    names = [n for code, n in slip_rules().states.items() if code != "pending"]
    letter = get_column_letter(state_col)
    choice = DataValidation(
        type="list", formula1='"' + ",".join(names) + '"', allow_blank=True, showDropDown=False
    )
    choice.error = "请从列表中选择：" + "、".join(names)
    choice.errorTitle = "状态"
    choice.add(f"{letter}3:{letter}{max(last, 500)}")
    ws.add_data_validation(choice)
    a4_portrait(ws, title_rows="2:2", landscape=True)
    ws.print_area = f"A1:{get_column_letter(width)}{last}"
    print_sheet_at_fit(ws, title_columns="A:A")  # never below 70 % (decision 0024)


HELP_TEXT = (
    "本表为客户信息反馈单登记表：每一行是一张反馈单发给一个部门的办理情况（一张单发给几个部门就有几行），"
    "可按“部门”筛选本部门的行。",
    "部门填写黄色表头的列：状态、处理人、处理时间、答复，必要时填写原因；其他列请勿修改，"
    "尤其是“反馈单号”“部门”和“导出时状态”。",
    "状态按顺序办理：已发送 → 已接收 → 已处理 → 已落实。直接填“已落实”时，"
    "系统按顺序记为已接收、已处理、已落实（处理人、处理时间相同）。",
    "退回：状态填“退回”，并在原因栏写明退回原因。把状态改回前一步，也须写明原因。",
    "尚未发送（待发送）的反馈单不能直接办理；如确需办理，请在原因栏说明。",
    "已有答复的，不要改写：答复与系统中已有的不同时，整份表不会导入，并列出冲突的行。",
    "填好后保存为 .xlsx（不要改文件格式），发回客户经理；客户经理用“导入反馈单答复”导入，"
    "有问题的行会按行号和列名列出，整份表不导入。",
)


def write_help(ws: Worksheet, *, today: date) -> None:
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 70
    ws.column_dimensions["C"].width = 12
    title_row(ws, 1, "登记表填写说明", 3, size=14, centred=False)
    row = 2
    for text in HELP_TEXT:
        put(ws, row, 1, text)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        ws.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[row].height = row_height([(text, 100.0)])
        row += 1
    row += 1
    header_row(ws, row, ["列", "说明", "由谁填写"], [22, 70, 12])
    for column in REGISTER_COLUMNS:
        row += 1
        body_row(ws, row, [column.label, column.note, "部门" if column.editable else "客户经理"])
        if column.editable:
            ws.cell(row, 1).fill = EDIT_FILL
    row += 2
    put(ws, row, 1, "状态可填写", bold=True)
    put(ws, row, 2, "、".join(n for code, n in slip_rules().states.items() if code != "pending"))
    row += 1
    put(ws, row, 1, "导出日期", bold=True)
    put(ws, row, 2, today)
    a4_portrait(ws)


def export_register(
    journal: Journal,
    path: Path,
    *,
    start: date,
    end: date,
    department: str | None = None,
    today: date | None = None,
) -> Path:
    """Write the register of slips created from ``start`` to ``end``: sheet 登记表 (one row per
    delivery, filterable) and sheet 说明 (how a department fills it in and sends it back).
    ``department``: a department's code or name, to export only its rows."""
    if start > end:
        raise InvalidValue("start_after_end", start=start.isoformat(), end=end.isoformat())
    dept = department_code(department) if department else None
    today = today or clock.today()
    rows = register_rows(journal, start=start, end=end, department=dept)
    head = form_head(journal, REGISTER_TITLE, span_text(start, end))
    who = f"　客户经理：{head.manager}" if head.manager else ""
    scope = f"　部门：{department_name(dept)}" if dept else ""
    # one title row (the department's answers are read back from the header below it)
    unit = f"{head.unit_line}　" if head.unit_line else ""
    title = f"{unit}{REGISTER_TITLE}　{head.period}{who}{scope}　制表日期：{date_text(today)}"
    wb = Workbook()
    ws = first_sheet(wb, REGISTER_SHEET)
    write_register(ws, rows, title=title, today=today)
    write_help(wb.create_sheet(HELP_SHEET), today=today)
    standardise(wb, head.unit)
    return save_workbook(wb, path)
