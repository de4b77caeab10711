"""价格监测 in the week and month workbooks (decision 0020): the summary's figures (价格到位率,
明码标价率, how many 价格偏离 and which way) and the 价格偏离 detail sheet (SKU, shop, price
seen, guide price, above / below, by how much), counted from the rows the workbook already
reads (its 规格观察 and 走访明细) by ``routine.price_figures``'s tally and deviations — the
computation the week page and the department views use, without another query; the summary's
count of deviations is the sheet's number of rows."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from fieldbook.core.routine.checklist import OPEN
from fieldbook.core.routine.price_checks import ABOVE, AT_GUIDE, BELOW, check_price
from fieldbook.core.routine.price_figures import PriceFigures, deviation_of, tally
from fieldbook.core.xlsx.writer import AMOUNT, COUNT, RATE

if TYPE_CHECKING:
    from fieldbook.core.reports.week_queries import PeriodSource

SHEET_PRICES = "价格偏离"
PRICE_HEAD = [
    ("走访编号", 10),
    ("日期", 11),
    ("客户编码", 14),
    ("客户名称", 22),
    ("卷烟代码", 11),
    ("卷烟名称", 24),
    ("售价（元/包）", 12),
    ("指导价（元/包）", 12),
    ("方向", 12),
    ("差额（元/包）", 12),
    ("偏离", 9),
]
PRICE_FORMATS = {7: AMOUNT, 8: AMOUNT, 10: AMOUNT}
DIRECTIONS = {ABOVE: "高于指导价", BELOW: "低于指导价"}
#: The 规格观察 sheet's last columns: the guide price and what the price seen is against it.
GRID_PRICE_HEAD = [("指导价（元/包）", 12), ("价格执行", 12)]
STATES = {AT_GUIDE: "到位", "off": "未到位", ABOVE: "偏离（高于）", BELOW: "偏离（低于）"}


def period_prices(src: PeriodSource) -> PriceFigures:
    """The period's price monitoring, from its grid rows (visit, customer, SKU, observations,
    price seen, guide per carton) and its visits' answers (open shops: 明码标价)."""
    counts = tally(
        ((g[11], g[12], 1) for g in src.grid),
        (json.loads(v.answers or "{}") for v in src.visits if v.shop_status == OPEN),
    )
    found = (deviation_of(tuple(g[0:4]), tuple(g[4:6]), g[11], g[12]) for g in src.grid)
    return PriceFigures(counts, tuple(d for d in found if d is not None))


def price_rows(prices: PriceFigures, numbers: Mapping[str, str]) -> list[list[Any]]:
    """The 价格偏离 sheet's rows, in visit and SKU order (``numbers``: visit id -> 走访编号)."""
    return [
        [
            numbers[d.visit_id],
            d.visit_date,
            d.customer_code,
            d.shop_name,
            d.sku_code,
            d.sku_name,
            d.observed_fen / 100,
            round(d.guide_fen / 100, 2),
            DIRECTIONS[d.direction],
            float(d.amount),
            d.percent,
        ]
        for d in prices.deviations
    ]


def price_figures_spec(prices: PriceFigures, rows: list[list[Any]]) -> list[tuple[str, Any, str]]:
    """The summary's price figures (label, value, number format); a rate with nothing to count
    is "—", never 0 %."""
    c = prices.counts
    above = sum(1 for r in rows if r[8] == DIRECTIONS[ABOVE])
    return [
        ("价格到位率", c.price_rate if c.price_rate is not None else "—", RATE),
        ("明码标价率", c.tag_rate if c.tag_rate is not None else "—", RATE),
        ("价格偏离（个，见“价格偏离”表）", len(rows), COUNT),
        ("其中高于指导价", above, COUNT),
    ]


def grid_price_cells(price_fen: int | None, retail_fen: int | None) -> list[Any]:
    """A 规格观察 row's guide price (元/包) and 价格执行 (到位, 未到位, 偏离); blank when the
    price seen or the guide price is missing."""
    check = check_price(price_fen, retail_fen)
    if check is None:
        return ["" if not retail_fen else round(retail_fen / 1000, 2), ""]
    return [round(float(check.guide_fen) / 100, 2), STATES[check.state]]
