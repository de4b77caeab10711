"""客户信息反馈单 as Excel: the printable one-page form of a slip (the "electronic document" the
regulation asks for). The names it prints come from ``slips.vocabulary``; the register
(登记表) is written by ``reports.slip_register``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import PatternFill
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue
from fieldbook.core.master.customer_vocabulary import vocabulary
from fieldbook.core.master.form_unit import FormUnit
from fieldbook.core.reports.official import (
    FormHead,
    date_text,
    page_standard,
    signature_block,
    write_head,
)
from fieldbook.core.reports.saving import save_workbook
from fieldbook.core.slips.deliveries import STATUS_NAMES
from fieldbook.core.slips.service import SlipView
from fieldbook.core.slips.vocabulary import (
    category_name,
    department_name,
    department_order,
    state_name,
)
from fieldbook.core.store.models import Manager, Slip
from fieldbook.core.xlsx.print_scale import one_page_if_readable
from fieldbook.core.xlsx.writer import (
    HEADER_FILL,
    LINE_HEIGHT,
    a4_portrait,
    merged,
    row_height,
    section_row,
    set_widths,
    span_width,
)

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

FORM_TITLE = "客户信息反馈单"
SECTION_FILL = PatternFill("solid", fgColor="EEF2F7")
# Form grid: 8 columns; a label/value pair takes A | B:D or E | F:H.
FORM_WIDTHS = (10.0, 11.0, 12.0, 19.0, 10.0, 12.0, 12.0, 11.0)  # D: a date and time
SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


# --- layout helpers ---------------------------------------------------------------------------
def _width(first: int, last: int) -> float:
    """The width of columns ``first``..``last`` of the form grid."""
    return span_width(first, last, FORM_WIDTHS)


def _label(ws: Worksheet, row: int, column: int, text: str) -> None:
    merged(ws, row, column, column, text, bold=True, fill=HEADER_FILL, horizontal="center")


def _pairs(ws: Worksheet, row: int, left: tuple[str, Any], right: tuple[str, Any] | None) -> None:
    """One row of two label/value pairs (A | B:D and E | F:H); ``right`` None: B:H."""
    _label(ws, row, 1, left[0])
    if right is None:
        merged(ws, row, 2, 8, _shown(left[1]))
        ws.row_dimensions[row].height = row_height([(_text(left[1]), _width(2, 8))])
        return
    merged(ws, row, 2, 4, _shown(left[1]))
    _label(ws, row, 5, right[0])
    merged(ws, row, 6, 8, _shown(right[1]))
    ws.row_dimensions[row].height = row_height(
        [(_text(left[1]), _width(2, 4)), (_text(right[1]), _width(6, 8))]
    )


def _shown(value: Any) -> Any:
    """Dates stay dates (real date cells); None and "" become an empty string cell."""
    return "" if value is None else value


def _text(value: Any) -> str:
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def _section(ws: Worksheet, row: int, title: str) -> None:
    section_row(ws, row, title, 8, fill=SECTION_FILL, height=20)


def _grade(value: Any) -> str:
    return "" if value in (None, "") else f"{value}档"


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} B"


# --- the form -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ManagerInfo:
    name: str
    code: str
    territory: str
    district_unit: str


def _managers(journal: Journal, slip_ids: Sequence[str]) -> dict[str, ManagerInfo]:
    with journal.reading() as s:
        rows = s.execute(
            select(Slip.id, Manager.name, Manager.code, Manager.territory, Manager.district_unit)
            .join(Manager, Manager.id == Slip.manager_id)
            .where(Slip.id.in_(list(slip_ids)))
        ).all()
    return {r[0]: ManagerInfo(r[1], r[2], r[3], r[4]) for r in rows}


def write_slip_form(
    ws: Worksheet,
    slip: SlipView,
    manager: ManagerInfo,
    *,
    today: date | None = None,
    unit: FormUnit | None = None,
) -> None:
    """Lay out one slip on ``ws``: A4 portrait, one page, boxed, print area set."""
    today = today or clock.today()
    unit = unit or FormUnit()
    set_widths(ws, FORM_WIDTHS)
    who = f"{manager.name}（{manager.code}）" if manager.name else ""
    period = f"填报日期：{date_text(slip.created_at.date())}"
    top = write_head(
        ws, 1, FormHead(unit, manager.district_unit, FORM_TITLE, period, who, today), 8
    )
    status = STATUS_NAMES.get(slip.status, slip.status)
    if slip.overdue(today):
        status += "（已超期）"
    _pairs(ws, top, ("编号", slip.number), ("当前状态", status))
    row = _basics(ws, top + 1, slip, manager)
    row = _customer(ws, row, slip.customer)
    row = _content(ws, row, slip)
    row = _deliveries(ws, row, slip)
    row = _events(ws, row, slip)
    row = signature_block(ws, row + 1, slip_signers(slip), 8) - 1
    a4_portrait(ws)
    one_page_if_readable(ws, row)  # one page unless that would print below the minimum
    ws.print_area = f"A1:H{row}"
    ws.sheet_view.showGridLines = False
    page_standard(ws, unit)


def _basics(ws: Worksheet, row: int, slip: SlipView, manager: ManagerInfo) -> int:
    _section(ws, row, "一、基本信息")
    _pairs(ws, row + 1, ("填报日期", slip.created_at), ("办结期限", slip.due_date))
    row += 2
    if slip.effective_date is not None or slip.return_date is not None:
        _pairs(ws, row, ("生效日期", slip.effective_date), ("恢复日期", slip.return_date))
        row += 1
    if slip.completed_at is not None:
        _pairs(ws, row, ("办结时间", slip.completed_at), ("", ""))
        row += 1
    _pairs(ws, row, ("客户经理", manager.name), ("员工编号", manager.code))
    _pairs(ws, row + 1, ("片区", manager.territory), ("区县单位", manager.district_unit))
    return row + 2


def _customer(ws: Worksheet, row: int, c: dict[str, Any]) -> int:
    _section(ws, row, "二、客户信息（填报时）")
    _pairs(ws, row + 1, ("客户编码", c.get("code", "")), ("许可证号", c.get("licence_no", "")))
    _pairs(ws, row + 2, ("店名", c.get("shop_name", "")), ("负责人", c.get("owner_name", "")))
    _pairs(ws, row + 3, ("电话", c.get("phone", "")), ("档位", _grade(c.get("grade"))))
    status_code = c.get("status", "")
    _pairs(
        ws,
        row + 4,
        ("线路", c.get("route", "")),
        ("经营状态", vocabulary().status_name(status_code) if status_code else ""),
    )
    _pairs(ws, row + 5, ("地址", c.get("address", "")), None)
    return row + 6


def _content(ws: Worksheet, row: int, slip: SlipView) -> int:
    _section(ws, row, "三、反馈内容")
    _pairs(ws, row + 1, ("类别", category_name(slip.category)), ("细分原因", slip.sub_reason or ""))
    _pairs(ws, row + 2, ("情况说明", slip.description), None)
    ws.row_dimensions[row + 2].height = max(
        ws.row_dimensions[row + 2].height or 0, 3 * LINE_HEIGHT + 6
    )
    row += 3
    if slip.sku_names or slip.category == "brand":
        _pairs(ws, row, ("品牌上柜", "、".join(slip.sku_names) or "—"), None)
        row += 1
    files = "\n".join(
        f"{a.filename}（SHA-256 {a.sha256[:16]}…，{_size(a.size)}）" for a in slip.attachments
    )
    _pairs(ws, row, ("附件", files or "无"), None)
    row += 1
    if slip.removed_departments:  # default departments left off, each with its reason
        removed = "\n".join(f"{department_name(d)}：{why}" for d, why in slip.removed_departments)
        _pairs(ws, row, ("未发部门", removed), None)
        row += 1
    return row


def _heads(ws: Worksheet, row: int, heads: Sequence[tuple[int, int, str]]) -> None:
    for first, last, text in heads:
        merged(ws, row, first, last, text, bold=True, fill=HEADER_FILL, horizontal="center")


def _deliveries(ws: Worksheet, row: int, slip: SlipView) -> int:
    _section(ws, row, "四、部门处理情况")
    _heads(
        ws,
        row + 1,
        ((1, 1, "部门"), (2, 2, "状态"), (3, 3, "处理人"), (4, 4, "时间"), (5, 8, "答复")),
    )
    row += 2
    for d in slip.deliveries:
        moved = d.state not in ("pending",)
        merged(ws, row, 1, 1, department_name(d.department), horizontal="center")
        merged(ws, row, 2, 2, state_name(d.state), horizontal="center")
        merged(ws, row, 3, 3, d.handled_by if d.state not in ("pending", "sent") else "")
        merged(ws, row, 4, 4, d.updated_at if moved else "")
        merged(ws, row, 5, 8, d.answer)
        ws.row_dimensions[row].height = row_height(
            [(d.answer, _width(5, 8)), (d.handled_by, _width(3, 3))]
        )
        row += 1
    return row


def _events(ws: Worksheet, row: int, slip: SlipView) -> int:
    events = sorted(
        ((e, d.department) for d in slip.deliveries for e in d.events),
        key=lambda pair: (pair[0].at, department_order(pair[1]), pair[0].seq),
    )
    _section(ws, row, "五、处理记录")
    heads = ((1, 2, "时间"), (3, 3, "部门"), (4, 4, "变更"), (5, 6, "操作人"), (7, 8, "说明/原因"))
    _heads(ws, row + 1, heads)
    row += 2
    if not events:
        merged(ws, row, 1, 8, "（尚无记录）", horizontal="center")
        row += 1
    for e, dept in events:
        note = "；".join(x for x in (e.note, f"原因：{e.reason}" if e.reason else "") if x)
        merged(ws, row, 1, 2, e.at, horizontal="center")
        merged(ws, row, 3, 3, department_name(dept), horizontal="center")
        merged(ws, row, 4, 4, f"{state_name(e.from_state)}→{state_name(e.to_state)}")
        merged(ws, row, 5, 6, e.actor)
        merged(ws, row, 7, 8, note)
        ws.row_dimensions[row].height = row_height(
            [(note, _width(7, 8)), (e.actor, _width(5, 6))], minimum=18
        )
        row += 1
    return row


def slip_signers(slip: SlipView) -> list[str]:
    """客户经理, then one 负责人 per receiving department: 「各部门主任收到反馈单后…负责追踪
    落实」."""
    departments = [d.department for d in slip.deliveries]
    return ["客户经理"] + [f"{department_name(d)} 负责人" for d in departments]


def sheet_title(number: str, taken: set[str]) -> str:
    """A valid, unique sheet name (≤ 31 characters) for a slip number."""
    base = SHEET_NAME_BAD.sub("_", number).strip("'")[:31] or "反馈单"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f"~{n}"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def export_slip_forms(journal: Journal, slip_ids: Sequence[str], path: Path) -> Path:
    """Write the forms of ``slip_ids``, one sheet per slip named by its number."""
    if not slip_ids:
        raise InvalidValue("no_slips")
    slips = [journal.slips.get(sid) for sid in slip_ids]
    managers = _managers(journal, [s.id for s in slips])
    today = clock.today()
    unit = journal.form_unit.get()
    wb = Workbook()
    wb.remove(wb.worksheets[0])  # one sheet per slip, none besides
    taken: set[str] = set()
    for slip in slips:
        ws = wb.create_sheet(sheet_title(slip.number, taken))
        info = managers.get(slip.id) or ManagerInfo("", "", "", "")
        write_slip_form(ws, slip, info, today=today, unit=unit)
    return save_workbook(wb, path)


def export_slip_form(journal: Journal, slip_id: str, path: Path) -> Path:
    """Write the printable form of one slip (one sheet, one A4 page)."""
    return export_slip_forms(journal, [slip_id], path)
