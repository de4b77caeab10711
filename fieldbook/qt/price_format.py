"""How price monitoring is worded on screen (decision 0020): 价格到位率 and 明码标价率 with
what they count, and a 价格偏离 (SKU, shop, above or below the guide price, by how much), in
the interface language. The figures are ``core.routine.price_figures``'s."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QCoreApplication

from fieldbook.core.routine.price_checks import ABOVE
from fieldbook.core.routine.price_figures import Deviation, PriceCounts
from fieldbook.qt.formatting import listing
from fieldbook.qt.models.row_table_model import Column, count_column

LIST_MAX = 6  # deviations a line names before "等 N 个"
R = TypeVar("R")


def _t(text: str) -> str:
    return QCoreApplication.translate("PriceFormat", text)


def rate_text(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def price_rate_text(c: PriceCounts) -> str:
    """``93.5%（到位 187 / 200 个售价）``; ``—（没有可比的售价）`` when no price was seen."""
    if c.price_rate is None:
        return _t("—（没有可比的售价）")
    return _t("{rate}（到位 {at} / {seen} 个售价）").format(
        rate=rate_text(c.price_rate), at=c.at_guide, seen=c.seen
    )


def tag_rate_text(c: PriceCounts) -> str:
    """``91.7%（齐全规范 44 / 48 次走访）``; ``—（没有走访填写明码标价）``."""
    if c.tag_rate is None:
        return _t("—（没有走访填写明码标价）")
    return _t("{rate}（齐全规范 {complete} / {visits} 次走访）").format(
        rate=rate_text(c.tag_rate), complete=c.tags_complete, visits=c.tag_visits
    )


def deviation_words(d: Deviation) -> str:
    """``高于指导价 2.00 元（+10.0%）``."""
    words = (
        _t("高于指导价 {amount} 元（{percent}）")
        if d.direction == ABOVE
        else _t("低于指导价 {amount} 元（{percent}）")
    )
    return words.format(amount=d.amount, percent=d.percent)


def deviation_line(d: Deviation) -> str:
    """``中华(硬) · 张小便利店 高于指导价 5.00 元（+10.0%）``."""
    return f"{d.sku_name} · {d.shop_name} {deviation_words(d)}"


def deviations_text(c: PriceCounts, rows: Sequence[Deviation]) -> str:
    """``3 个（高于 2，低于 1）：…`` or ``无``."""
    if not rows:
        return _t("无")
    head = _t("{n} 个（高于 {above}，低于 {below}）：").format(
        n=c.deviations, above=c.above, below=c.below
    )
    shown = listing(deviation_line(d) for d in rows[:LIST_MAX])
    if len(rows) > LIST_MAX:
        shown += _t("等 {n} 个").format(n=len(rows))
    return head + shown


def price_columns(counts: Callable[[R], PriceCounts]) -> list[Column[R]]:
    """价格到位率, 明码标价率 and 价格偏离 of a row (the department's weeks)."""
    return [
        Column(
            _t("价格到位率"),
            lambda r: rate_text(counts(r).price_rate),
            key=lambda r: counts(r).price_rate,
            align="right",
            width=80,
        ),
        Column(
            _t("明码标价率"),
            lambda r: rate_text(counts(r).tag_rate),
            key=lambda r: counts(r).tag_rate,
            align="right",
            width=80,
        ),
        count_column(_t("价格偏离"), lambda r: counts(r).deviations, width=65),
    ]
