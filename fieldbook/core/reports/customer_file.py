"""一户一档: one customer's file as a workbook. A printable first sheet (档案: who the customer
is, every field of the register, its 修改记录 and what the period holds) and the tables of its
records (``reports.customer_records``): 走访记录, 订货（按月）, 反馈单, 抽查. Every value is a
label; a period with no records of a kind says so rather than leaving an empty table."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue
from fieldbook.core.master.customer_vocabulary import vocabulary
from fieldbook.core.master.customers import CustomerRow
from fieldbook.core.reports.customer_records import (
    CustomerFile,
    Period,
    cn_date,
    period_text,
    read_file,
)
from fieldbook.core.reports.customer_tables import write_tables
from fieldbook.core.reports.form import FORM_WIDTHS, WEEKDAYS, banner, cells, paragraph
from fieldbook.core.reports.form import table_head as form_table_head
from fieldbook.core.reports.official import FormHead, form_head, standardise, write_head
from fieldbook.core.reports.saving import save_workbook
from fieldbook.core.resources import load_reference
from fieldbook.core.store.audit import AuditRecord
from fieldbook.core.xlsx.writer import (
    AMOUNT,
    COUNT,
    a4_portrait,
    first_sheet,
    page_footer,
    set_widths,
)

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

TITLE = "零售客户档案（一户一档）"
SHEET_FILE = "档案"
#: The register's fields in the order of the customer list (their names: import_headers.toml).
REGISTER_FIELDS = (
    "code",
    "licence_no",
    "shop_name",
    "owner_name",
    "phone",
    "address",
    "district",
    "format",
    "market_type",
    "grade",
    "route",
    "route_position",
    "order_weekday",
    "status",
    "is_key_customer",
    "licence_expiry",
    "gps_lat",
    "gps_lon",
    "notes",
)
#: Fields the 修改记录 names that are not columns of the register.
CHANGED_ONLY = {"suspended_until": "恢复营业日期", "manager": "客户经理", "created": "新增客户"}
CHANGE_HEAD = ((1, 1, "时间"), (2, 2, "项目"), (3, 4, "修改前"), (5, 6, "修改后"), (7, 8, "原因"))
NOTHING_YET = "本期内尚无走访、订货、反馈单和抽查记录（新客户或本期未发生业务）。"


def field_names() -> dict[str, str]:
    """A register field's name as the customer list's header calls it."""
    headers = load_reference("import_headers")["customers"]
    return {name: str(headers[name][0]) for name in REGISTER_FIELDS}


def _weekday(value: Any) -> str:
    text = str(value or "")
    return f"星期{WEEKDAYS[int(text) - 1]}" if text.isdigit() and 1 <= int(text) <= 7 else text


def field_value(c: CustomerRow, name: str) -> Any:
    """A register field of ``c`` as the file shows it (labels, not codes)."""
    v = vocabulary()
    shown: dict[str, Any] = {
        "format": v.format_name(c.format) if c.format else "",
        "market_type": v.market_type_name(c.market_type) if c.market_type else "",
        "status": v.status_name(c.status) if c.status else "",
        "route": c.route_name,
        "order_weekday": _weekday(c.order_weekday),
        "is_key_customer": "是" if c.is_key_customer else "否",
    }
    value = shown[name] if name in shown else getattr(c, name)
    return "" if value is None else value


def change_value(field: str, value: Any) -> str:
    if value is None or value == "":
        return "（空）"
    if field == "status":
        return vocabulary().status_name(str(value))
    if field == "order_weekday":
        return _weekday(value)
    return str(value)


# --- the first sheet --------------------------------------------------------------------------
def write_heading(ws: Worksheet, f: CustomerFile, head: FormHead) -> int:
    """The form standard's head (unit, title, period, 制表日期), then who the file is of;
    returns the next row."""
    row = write_head(ws, 1, head)
    c = f.customer
    rows = [
        ("客户名称", c.shop_name, "客户编码", c.code),
        ("许可证号", c.licence_no, "客户经理", f.manager),
    ]
    for n, (a, av, b, bv) in enumerate(rows, start=row):
        cells(ws, n, [(1, 1, a, "label"), (2, 4, av, None), (5, 5, b, "label"), (6, 8, bv, None)])
    return row + len(rows)


def write_register(ws: Worksheet, row: int, c: CustomerRow) -> int:
    row = banner(ws, row, "客户资料")
    names = field_names()
    pairs = [(names[n], field_value(c, n)) for n in REGISTER_FIELDS]
    for i in range(0, len(pairs), 2):
        spec: list[tuple[int, int, Any, str | None]] = [(1, 1, pairs[i][0], "label")]
        spec.append((2, 4, pairs[i][1], None))
        if i + 1 < len(pairs):
            spec += [(5, 5, pairs[i + 1][0], "label"), (6, 8, pairs[i + 1][1], None)]
        else:
            spec.append((5, 8, "", None))
        cells(ws, row, spec)
        row += 1
    return row


def write_changes(ws: Worksheet, row: int, changes: Sequence[AuditRecord]) -> int:
    row = banner(ws, row, "修改记录")
    if not changes:
        return paragraph(ws, row, "无修改记录。")
    names = field_names()
    names |= {"route_id": names["route"]} | CHANGED_ONLY
    form_table_head(
        ws,
        row,
        [(1, 1, "时间"), (2, 2, "项目"), (3, 4, "修改前"), (5, 6, "修改后"), (7, 8, "原因")],
    )
    for n, e in enumerate(changes, start=row + 1):
        cells(
            ws,
            n,
            [
                (1, 1, f"{e.at:%Y-%m-%d %H:%M}", None),
                (2, 2, names.get(e.field, "其他"), None),
                (3, 4, change_value(e.field, e.old_value), None),
                (5, 6, change_value(e.field, e.new_value), None),
                (7, 8, e.reason, None),
            ],
        )
    return row + len(changes) + 1


def write_overview(ws: Worksheet, row: int, f: CustomerFile) -> int:
    row = banner(ws, row, "本期概况")
    if f.empty:
        return paragraph(
            ws, row, "本期内尚无走访、订货、反馈单和抽查记录（新客户或本期未发生业务）。"
        )
    last = f.visits[-1].day if f.visits else None
    cartons = sum(m.cartons for m in f.months)
    amount = sum(m.amount_fen for m in f.months) / 100
    slips = {r.number for r in f.slips}
    overdue = {r.number for r in f.slips if r.overdue(f.made_on)}
    open_slips = {r.number for r in f.slips if r.state != "done"}
    figures: list[tuple[str, Any, str | None]] = [
        ("走访次数", len(f.visits), COUNT),
        ("最近走访", cn_date(last) if last else "无", None),
        ("有问题的走访", sum(1 for v in f.visits if v.findings), COUNT),
        ("订货月数", len(f.months), COUNT),
        ("订货量(条)", cartons, COUNT),
        ("金额(元)", amount, AMOUNT),
        ("反馈单", len(slips), COUNT),
        ("未办结", len(open_slips), COUNT),
        ("超期", len(overdue), COUNT),
        ("被抽查走访", len(f.checks), COUNT),
    ]
    for i in range(0, len(figures), 2):
        spec: list[tuple[int, int, Any, str | None]] = []
        for k, (label, value, fmt) in enumerate(figures[i : i + 2]):
            spec += [(4 * k + 1, 4 * k + 2, label, "label"), (4 * k + 3, 4 * k + 4, value, fmt)]
        cells(ws, row, spec)
        row += 1
    return row


def write_first_sheet(ws: Worksheet, f: CustomerFile, head: FormHead) -> None:
    set_widths(ws, FORM_WIDTHS)
    row = write_heading(ws, f, head)
    row = write_register(ws, row, f.customer)
    row = write_overview(ws, row + 1, f)
    write_changes(ws, row + 1, f.changes)
    a4_portrait(ws)
    page_footer(ws)


def export_customer_file(
    journal: Journal,
    code: str,
    path: Path,
    *,
    start: date | None = None,
    end: date | None = None,
) -> Path:
    """Write the file (一户一档) of the customer ``code`` over ``start``..``end`` (default: all
    history up to today) to ``path`` (.xlsx, 0600, complete or not at all)."""
    end = end or clock.today()
    if start is not None and start > end:
        raise InvalidValue("start_after_end", start=start.isoformat(), end=end.isoformat())
    f = read_file(journal, code, Period(start, end))
    head = form_head(journal, TITLE, period_text(f.period), manager=False)
    wb = Workbook()
    write_first_sheet(first_sheet(wb, SHEET_FILE), f, head)
    write_tables(wb, f)
    standardise(wb, head.unit)
    return save_workbook(wb, path)
