"""The table sheets of a customer's file (一户一档): 走访记录, 订货（按月）, 反馈单, 抽查: a header,
boxed wrapped rows (a customer's rows are few), freeze panes, autofilter, A4 landscape with the
header repeated and the page footer; a period without rows of a kind says so in a row."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook

from fieldbook.core.reports.customer_records import (
    CustomerFile,
    MonthOrders,
    SpotCheckRecord,
    VisitRecord,
    class_names,
    period_text,
)
from fieldbook.core.reports.slip_register import RegisterRow
from fieldbook.core.reports.spotcheck import CORRECTION
from fieldbook.core.routine.class_structure import Headline, build, headlines_of
from fieldbook.core.slips.vocabulary import category_name, department_name, state_name
from fieldbook.core.xlsx.writer import (
    AMOUNT,
    COUNT,
    RATE,
    body_row,
    finish_table,
    header_row,
    paragraph_row,
    row_height,
)

SHEET_VISITS = "走访记录"
SHEET_ORDERS = "订货（按月）"
SHEET_SLIPS = "反馈单"
SHEET_CHECKS = "抽查"
VISIT_HEAD = [
    ("序号", 6.0),
    ("走访日期", 11.0),
    ("到店", 7.0),
    ("离店", 7.0),
    ("在店(分钟)", 9.0),
    ("店铺状态", 10.0),
    ("状态", 8.0),
    ("补录", 6.0),
    ("发现的问题", 48.0),
]
SLIP_HEAD = [
    ("反馈单号", 22.0),
    ("填报日期", 11.0),
    ("类别", 8.0),
    ("细分原因", 8.0),
    ("情况说明", 24.0),
    ("部门", 8.0),
    ("状态", 7.0),
    ("处理人", 8.0),
    ("处理时间", 15.0),
    ("答复", 24.0),
    ("办结期限", 11.0),
    ("超期", 5.0),
]
CHECK_HEAD = [
    ("抽查月份", 11.0),
    ("抽查人", 12.0),
    ("走访日期", 11.0),
    ("到店—离店", 11.0),
    ("走访属实", 8.0),
    ("时间核实", 8.0),
    ("内容核实", 8.0),
    ("服务质量", 8.0),
    ("存在问题", 20.0),
    ("整改要求", 20.0),
    ("整改状态", 8.0),
    ("整改情况", 20.0),
    ("整改完成时间", 15.0),
]


def _yes(value: bool | None) -> str:
    return "" if value is None else ("是" if value else "否")


def _clock_time(value: Any) -> Any:
    return value.time().replace(second=0, microsecond=0) if value is not None else ""


def _span(arrived: datetime | None, left: datetime | None) -> str:
    def hm(at: datetime | None) -> str:
        return f"{at:%H:%M}" if at is not None else "—"

    return f"{hm(arrived)}—{hm(left)}" if arrived or left else ""


def visit_values(visits: Sequence[VisitRecord]) -> list[list[Any]]:
    return [
        [
            n,
            v.day,
            _clock_time(v.arrived_at),
            _clock_time(v.left_at),
            v.minutes if v.minutes is not None else "",
            v.shop_status,
            "已完成" if v.done else "草稿",
            "是" if v.late_entry else "",
            "；".join(v.findings) or "无",
        ]
        for n, v in enumerate(visits, start=1)
    ]


def order_head(months: Sequence[MonthOrders]) -> list[tuple[str, float]]:
    head = [("月份", 12.0), ("订货天数", 8.0), ("订货量(条)", 10.0), ("金额(元)", 12.0)]
    head.append(("单条值(元/条)", 11.0))
    head += [(f"{name}占比", 8.0) for name in class_names(months)]
    return head + [(h.name, 10.0) for h in headline_names()]


def headline_names() -> tuple[Headline, ...]:
    """The headline shares (一二类占比 …) the orders sheet shows, in configuration order."""
    return headlines_of(())


def _month_values(label: str, m: MonthOrders, classes: Sequence[str]) -> list[Any]:
    per = m.per_carton_fen
    shares = {r.name: r.share for r in m.structure}
    row: list[Any] = [label, m.days, m.cartons, m.amount_fen / 100]
    row.append("" if per is None else per / 100)
    row += [shares.get(name, 0.0) for name in classes]
    return row + ["" if h.share is None else h.share for h in m.headlines]


def total_orders(months: Sequence[MonthOrders]) -> MonthOrders:
    """The months added up, with the structure of the whole period."""
    totals: dict[int | None, tuple[int, int]] = {}
    for m in months:
        for r in m.structure:
            c, a = totals.get(r.code, (0, 0))
            totals[r.code] = (c + r.cartons, a + r.amount_fen)
    structure = build(totals)
    return MonthOrders(
        months[0].month,
        sum(m.days for m in months),
        sum(m.cartons for m in months),
        sum(m.amount_fen for m in months),
        structure,
        headlines_of(structure),
    )


def order_values(months: Sequence[MonthOrders]) -> list[list[Any]]:
    classes = class_names(months)
    rows = [_month_values(f"{m.month.year}年{m.month.month}月", m, classes) for m in months]
    if len(months) > 1:
        rows.append(_month_values("合计", total_orders(months), classes))
    return rows


def slip_values(slips: Sequence[RegisterRow], today: date) -> list[list[Any]]:
    return [
        [
            r.number,
            r.created_at.date(),
            category_name(r.category),
            r.sub_reason,
            r.description,
            department_name(r.department),
            state_name(r.state),
            r.handled_by,
            r.handled_at if r.handled_at is not None else "",
            r.answer,
            r.due_date,
            "超期" if r.overdue(today) else "",
        ]
        for r in slips
    ]


def check_values(checks: Sequence[SpotCheckRecord]) -> list[list[Any]]:
    return [
        [
            f"{c.month[:4]}年{int(c.month[5:7])}月",
            c.checker,
            c.visit_day,
            _span(c.arrived_at, c.left_at),
            _yes(c.confirmed),
            _yes(c.time_ok),
            _yes(c.content_ok),
            c.service_quality,
            c.problems,
            c.correction,
            CORRECTION.get(c.correction_status, ""),
            c.correction_note,
            c.corrected_at if c.corrected_at is not None else "",
        ]
        for c in checks
    ]


def _table(
    wb: Workbook,
    name: str,
    head: Sequence[tuple[str, float]],
    rows: list[list[Any]],
    f: CustomerFile,
    *,
    none: str,
    formats: dict[int, str] | None = None,
) -> None:
    """A table sheet of the file (boxed, wrapped: a customer's rows are few); a period
    without rows gets one row saying so."""
    ws = wb.create_sheet(name)
    header_row(ws, 1, [h for h, _ in head], [w for _, w in head], height=30)
    for n, values in enumerate(rows, start=2):
        body_row(ws, n, values)
        for column, fmt in (formats or {}).items():
            cell = ws.cell(n, column)
            if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                cell.number_format = fmt
        ws.row_dimensions[n].height = row_height(
            (v, w) for v, (_, w) in zip(values, head, strict=False) if isinstance(v, str)
        )
    if not rows:
        paragraph_row(ws, 2, none, [w for _, w in head])
    c = f.customer
    title = f"{name}　{c.shop_name}（{c.code}）　{period_text(f.period)}"
    finish_table(ws, len(head), title, freeze="C2", landscape=True, last_row=len(rows) + 1)


def write_tables(wb: Workbook, f: CustomerFile) -> None:
    _table(wb, SHEET_VISITS, VISIT_HEAD, visit_values(f.visits), f, none="本期内没有走访记录")
    head = order_head(f.months)
    rates = {n: RATE for n in range(6, len(head) + 1)}
    _table(
        wb,
        SHEET_ORDERS,
        head,
        order_values(f.months),
        f,
        none="本期内没有订货记录",
        formats={2: COUNT, 3: COUNT, 4: AMOUNT, 5: AMOUNT} | rates,
    )
    _table(wb, SHEET_SLIPS, SLIP_HEAD, slip_values(f.slips, f.made_on), f, none="本期内没有反馈单")
    _table(wb, SHEET_CHECKS, CHECK_HEAD, check_values(f.checks), f, none="本期内没有被抽查的走访")
