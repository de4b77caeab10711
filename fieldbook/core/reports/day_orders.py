"""The day's orders in the work log export: the order figures block of the form (当日, 上周同日,
本月累计, the price-class structure, who did not order) and the order lines sheet (订单)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from openpyxl.worksheet.worksheet import Worksheet

from fieldbook.core.master.catalog import class_name
from fieldbook.core.reports.form import (
    LAST,
    PP_CHANGE,
    Spec,
    banner,
    cells,
    change,
    day_title,
    paragraph,
    table_head,
)
from fieldbook.core.routine.class_structure import headline_text, row_change_points
from fieldbook.core.routine.daylog import DayLogView
from fieldbook.core.routine.indicators import day_indicators
from fieldbook.core.routine.orders import LINE_GOODS, lines_with_customer
from fieldbook.core.store.models import Customer, OrderLine, Sku
from fieldbook.core.xlsx.writer import AMOUNT, COUNT, RATE, body_row, finish_table, header_row

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

SHEET_ORDERS = "订单"
CHANGE = '+0.0%;-0.0%;"持平"'
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
FIGURES_HEAD = (
    (1, 2, "指标"),
    (3, 4, "当日"),
    (5, 5, "上周同日"),
    (6, 6, "较上周同日"),
    (7, 8, "本月累计"),
)
#: The figures of the block: (label, key in the indicators, in fen?, number format).
FIGURES: tuple[tuple[str, str, bool, str], ...] = (
    ("应订货户数", "due", False, COUNT),
    ("订货户数", "ordered", False, COUNT),
    ("订货率", "order_rate", False, RATE),
    ("订货量（条）", "cartons", False, COUNT),
    ("金额（元）", "amount_fen", True, AMOUNT),
    ("单条值（元/条）", "per_carton_fen", True, AMOUNT),
    ("满足率（订货量÷需求量）", "fill_rate", False, RATE),  # "—": no 需求量 in the export
)


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
        customer = (Customer.code, Customer.shop_name, Customer.order_weekday, Customer.status)
        rows = s.execute(
            lines_with_customer(*customer, *LINE_GOODS)
            .where(OrderLine.manager_id == manager_id, OrderLine.order_date == day)
            .order_by(Customer.code, Sku.wholesale_fen.desc(), Sku.code)
        ).all()
    return [
        OrderRow(
            customer_code=r[0],
            shop_name=r[1],
            due_today=r[2] == day.isoweekday() and r[3] == "active",
            sku_code=r[4],
            sku_name=r[5],
            price_class=r[6],
            cartons=r[7],
            amount_fen=r[8],
        )
        for r in rows
    ]


# --- the block on the form --------------------------------------------------------------------
def _fen(value: Any) -> float | None:
    return None if value is None else round(float(value) / 100, 2)


def _dash(value: Any) -> Any:
    return "—" if value is None else value


def orders_block(ws: Worksheet, row: int, journal: Journal, view: DayLogView) -> int:
    """二、订货情况: the figures against last week and the month, the price-class structure, a
    note when orders changed after submit, and the customers who did not order."""
    orders = view.facts.orders or {}
    row = banner(ws, row, "二、订货情况（15:00 订单与经济指标）")
    row = _figures(ws, row, orders)
    structure = list(orders.get("structure") or [])[: LAST - 2]  # at most 6 classes
    if structure:
        row = _structure(ws, row, structure)
    if view.status == "submitted":
        row = _changed_since_submit(ws, row, journal, view, orders.get("figures") or {})
    row = banner(ws, row + 1, "未订货客户")
    return _non_orderers(ws, row, list(orders.get("non_orderers") or []))


def _figures(ws: Worksheet, row: int, orders: dict[str, Any]) -> int:
    day = orders.get("figures") or {}
    last = orders.get("last_week") or {}
    month = orders.get("month_to_date") or {}
    table_head(ws, row, FIGURES_HEAD)
    row += 1
    for label, key, fen, fmt in FIGURES:
        now, before, mtd = (_fen(d.get(key)) if fen else d.get(key) for d in (day, last, month))
        if key in ("order_rate", "fill_rate"):
            moved: Any = "—" if now is None or before is None else (now - before) * 100
            moved_format = PP_CHANGE
        else:
            moved, moved_format = change(now, before), CHANGE
        cells(
            ws,
            row,
            [
                (1, 2, label, "label"),
                (3, 4, _dash(now), fmt),
                (5, 5, _dash(before), fmt),
                (6, 6, moved, moved_format),
                (7, 8, _dash(mtd), fmt),
            ],
        )
        row += 1
    return row


def _structure(ws: Worksheet, row: int, structure: list[dict[str, Any]]) -> int:
    """The price classes in class order: cartons, share and its change against the same
    weekday last week, 合计 spanning what is left; then the headline shares
    (``class_structure``: the page's computation)."""
    rest = len(structure) + 2
    spec: list[Spec] = [(1, 1, "价类", "label")]
    spec += [(i + 2, i + 2, s.get("name", ""), "label") for i, s in enumerate(structure)]
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
    spec = [(1, 1, "较上周同日", "label")]
    moved = [_dash(row_change_points(s)) for s in structure]
    spec += [(i + 2, i + 2, m, PP_CHANGE) for i, m in enumerate(moved)]
    cells(ws, row + 3, spec)
    return paragraph(ws, row + 4, headline_text(structure, "上周同日"))


def _changed_since_submit(
    ws: Worksheet, row: int, journal: Journal, view: DayLogView, day: dict[str, Any]
) -> int:
    """A note when the live orders differ from the snapshot taken at submit."""
    live = day_indicators(journal, view.day).figures
    if (live.cartons, live.amount_fen) == (day.get("cartons"), day.get("amount_fen")):
        return row
    return paragraph(
        ws,
        row,
        f"注：提交后订单数据有变动，当前订货量 {live.cartons} 条，"
        f"金额 {live.amount_fen / 100:.2f} 元（见“{SHEET_ORDERS}”表）。",
    )


def _non_orderers(ws: Worksheet, row: int, non: list[dict[str, Any]]) -> int:
    if not non:
        return paragraph(ws, row, "无")
    head = [(1, 1, "序号"), (2, 3, "客户编码"), (4, 6, "客户名称"), (7, 8, "未订货原因")]
    table_head(ws, row, head)
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


# --- the sheet of order lines -------------------------------------------------------------------
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
    # landscape: its ten columns need 64 % in portrait (never below 70 %: pages across)
    finish_table(ws, len(ORDER_HEAD), f"订单明细　{day_title(day)}", freeze="D2", landscape=True)
