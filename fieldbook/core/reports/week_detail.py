"""The week / month workbook's detail sheets as they print (decision 0024): each at a scale
set from its column widths (``xlsx.print_scale``, never below the minimum), its header row
repeated on every page, panes frozen and a filter on the header.

- 走访明细: the visit facts, a row per visit (its 走访编号, day, shop, times, status, findings);
- 检查项: the checklist answers, a row per visit and a column per item, the items grouped by
  the checklist's sections (the versions of the period's visits, newest first); a section
  starts on a new page across where the page is full, with the visit's number and shop
  repeated on every page;
- 规格观察: a row per visit, what its SKU observations add up to (for print);
  规格观察明细: the observations themselves, a row per SKU (~1,900 a week) — a hidden sheet,
  so that printing the workbook does not print it (unhide it to read or filter it);
- 订单（按客户）: a row per customer, what its order lines add up to (for print);
  订单: the order lines themselves, a row per SKU per order (~1,000 a week) — hidden too.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

from fieldbook.core.reports.week_prices import (
    PRICE_FORMATS,
    PRICE_HEAD,
    SHEET_PRICES,
    STATES,
    price_rows,
)
from fieldbook.core.reports.week_rows import (
    DAY_HEAD,
    FINDING_HEAD,
    GRID_HEAD,
    ORDER_HEAD,
    SHEET_DAYS,
    SHEET_FINDINGS,
    SHEET_GRID,
    SHEET_ORDERS,
    SHEET_SLIPS,
    SHEET_VISITS,
    SLIP_HEAD,
    VISIT_HEAD,
    VISIT_KEY_HEAD,
    Period,
)
from fieldbook.core.routine.checklist import Item
from fieldbook.core.routine.price_checks import ABOVE, AT_GUIDE, BELOW
from fieldbook.core.xlsx.print_scale import (
    fit_scale,
    group_breaks,
    minimum_scale,
    set_scale,
)
from fieldbook.core.xlsx.stream import TableBook, scaled_table
from fieldbook.core.xlsx.writer import AMOUNT, COUNT, RATE, row_height, text_width

SHEET_ANSWERS = "检查项"
SHEET_GRID_DATA = "规格观察明细"
SHEET_ORDER_SUMMARY = "订单（按客户）"
ORDER_SUMMARY_HEAD = [
    ("客户编码", 14.0),
    ("客户名称", 24.0),
    ("订货天数", 9.0),
    ("规格数", 8.0),
    ("订货量（条）", 13.0),
    ("金额（元）", 13.0),
    ("单条值（元/条）", 16.0),
]
ANSWER_KEY_HEAD = [("走访编号", 10.0), ("客户名称", 18.0)]
GRID_SUMMARY_HEAD = [
    *VISIT_KEY_HEAD,
    ("观察规格", 8),
    ("在柜", 6),
    ("不在柜", 7),
    ("已录售价", 8),
    ("价格到位", 8),
    ("价格偏离", 8),
    ("明码标价", 8),
]
_AT_GUIDE = STATES[AT_GUIDE]  # 价格执行 of a 规格观察明细 row (week_prices.grid_price_cells)
_DEVIATIONS = frozenset({STATES[ABOVE], STATES[BELOW]})


def write_details(book: TableBook, p: Period, suffix: str) -> None:
    """The detail sheets of ``p`` after the summary, in print order; the hidden data last."""
    wb = book.wb
    day_formats = {8: RATE, 10: AMOUNT, 11: AMOUNT}
    scaled_table(
        book,
        wb.create_sheet(SHEET_DAYS),
        DAY_HEAD,
        p.days,
        f"按日{suffix}",
        day_formats,
        landscape=False,
    )
    visits = wb.create_sheet(SHEET_VISITS)
    scaled_table(book, visits, VISIT_HEAD, p.visits, f"走访明细{suffix}", {}, freeze="E2")
    write_answers(book, p, f"检查项{suffix}")
    summary = grid_summary(p)
    scaled_table(
        book,
        wb.create_sheet(SHEET_GRID),
        GRID_SUMMARY_HEAD,
        summary,
        f"规格观察{suffix}",
        {},
        freeze="E2",
    )
    findings = wb.create_sheet(SHEET_FINDINGS)
    scaled_table(book, findings, FINDING_HEAD, p.findings, f"发现问题{suffix}", {}, landscape=False)
    scaled_table(book, wb.create_sheet(SHEET_SLIPS), SLIP_HEAD, p.slips, f"反馈单{suffix}", {})
    scaled_table(
        book,
        wb.create_sheet(SHEET_ORDER_SUMMARY),
        ORDER_SUMMARY_HEAD,
        order_summary(p),
        f"订单（按客户）{suffix}",
        {5: COUNT, 6: AMOUNT, 7: AMOUNT},
        landscape=False,
        freeze="C2",
    )
    scaled_table(
        book,
        wb.create_sheet(SHEET_PRICES),
        PRICE_HEAD,
        price_rows(p.prices, p.numbers),
        f"价格偏离{suffix}",
        PRICE_FORMATS,
    )
    orders = wb.create_sheet(SHEET_ORDERS)
    book.table(orders, ORDER_HEAD, p.orders, f"订单{suffix}", {7: COUNT, 8: AMOUNT}, freeze="D2")
    orders.sheet_state = "hidden"  # the lines: data, not printed (订单（按客户） prints)
    data = wb.create_sheet(SHEET_GRID_DATA)
    title = f"规格观察明细{suffix}"
    book.table(data, GRID_HEAD, p.grid, title, {12: AMOUNT, 13: AMOUNT}, freeze="E2")
    # hidden and with no print area (LibreOffice prints a hidden sheet that has one)
    data.sheet_state = "hidden"  # not printed with the workbook (decision 0024)


def _answer_width(item: Item) -> float:
    """Narrow columns with wrapped headers, wide enough for the item's longest option (so an
    answer is read whole); free text a little wider."""
    if item.type == "text":
        return 16.0
    label = math.ceil(text_width(item.label) / 3) + 2
    option = max((text_width(o) + 1 for o in item.options), default=0.0)
    return float(max(7, min(12, max(label, math.ceil(option)))))


def write_answers(book: TableBook, p: Period, title: str) -> int:
    """检查项: the answers grouped by section (``Period.answers`` reordered); returns the scale."""
    order = list(p.checklist_sections)
    rank = {sid: n for n, sid in enumerate(order)}
    columns = sorted(
        enumerate(p.checklist_items), key=lambda c: (rank.get(c[1].section, len(order)), c[0])
    )
    head: list[tuple[str, float]] = list(ANSWER_KEY_HEAD)
    groups: dict[str, list[float]] = defaultdict(list)
    for _, item in columns:
        width = _answer_width(item)
        section = p.checklist_sections.get(item.section, "")
        label = f"【{section}】{item.label}" if section and not groups[item.section] else item.label
        head.append((label, width))
        groups[item.section].append(width)
    keys = len(ANSWER_KEY_HEAD)
    picks = [keys + i for i, _ in columns]
    same = picks == list(range(keys, keys + len(columns)))  # one version: already in order
    rows = p.answers if same else [[*r[:keys], *(r[i] for i in picks)] for r in p.answers]
    ws = book.wb.create_sheet(SHEET_ANSWERS)
    book.table(ws, head, rows, title, {}, landscape=True, freeze="C2")
    ws.row_dimensions[1].height = row_height(head)  # the wrapped item labels, whole
    widths = [w for _, w in head]
    scale = max(minimum_scale(), fit_scale(widths, landscape=True))
    set_scale(ws, scale)
    fixed = [w for _, w in ANSWER_KEY_HEAD]
    for column in group_breaks(fixed, list(groups.values()), landscape=True, scale=scale):
        ws.col_breaks.append(Break(id=column))
    ws.print_title_cols = "A:B"
    ws.print_area = f"A1:{get_column_letter(len(head))}{len(rows) + 1}"
    return scale


def order_summary(p: Period) -> list[list[Any]]:
    """订单（按客户） for print: a row per customer with order lines in the period — the days
    it ordered, the SKUs, 条, 金额 and 单条值 — in customer code order."""
    by: dict[str, list[Any]] = {}
    days: dict[str, set[Any]] = defaultdict(set)
    skus: dict[str, set[str]] = defaultdict(set)
    for day, code, name, sku, _sku_name, _class, cartons, amount in p.orders:
        row = by.setdefault(code, [code, name, 0, 0, 0, 0.0, None])
        days[code].add(day)
        skus[code].add(sku)
        row[4] += cartons
        row[5] += amount
    for code, row in by.items():
        row[2], row[3] = len(days[code]), len(skus[code])
        row[5] = round(row[5], 2)
        row[6] = round(row[5] / row[4], 2) if row[4] else None
    return [by[code] for code in sorted(by)]


def grid_summary(p: Period) -> list[list[Any]]:
    """规格观察 for print: a row per visit with observations or a 明码标价 answer — SKUs
    seen, on the shelf, not on it, priced, at the guide price, deviating, and 明码标价."""
    counts: dict[str, list[int]] = {}
    for g in p.grid:
        n = counts.setdefault(g[0], [0, 0, 0, 0, 0, 0])
        n[0] += 1
        n[1] += g[7] == "是"
        n[2] += g[7] == "否"
        n[3] += g[11] != ""
        n[4] += g[13] == _AT_GUIDE
        n[5] += g[13] in _DEVIATIONS
    out: list[list[Any]] = []
    for v in p.visits:
        number = v[0]
        tags = p.tags.get(number)
        if number not in counts and tags is None:
            continue
        tag_text = "" if tags is None else ("规范" if tags else "不规范")
        out.append([*v[0:4], *counts.get(number, [0] * 6), tag_text])
    return out
