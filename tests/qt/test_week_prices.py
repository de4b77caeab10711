"""周报's price lines: 价格到位率 and 明码标价率 of the week and of its month, and the week's
价格偏离 (SKU · shop, direction, amount), worded from the core's figures; no price seen is
"—", never 0 %."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from qt_support import monday_worked

from fieldbook.core.routine.price_figures import Deviation, PriceCounts, PriceFigures
from fieldbook.core.routine.week import label_for
from fieldbook.qt.widgets.week_figures import WeekFiguresPanel

MON = date(2026, 11, 30)


def test_the_week_panel_shows_the_price_figures(qtbot, day_ready, tmp_path: Path):
    journal = monday_worked(
        day_ready, tmp_path / "orders.xlsx", (("07:41", "07:55"), ("08:05", "08:15"))
    )
    f = journal.weeks.figures(label_for(MON))
    panel = WeekFiguresPanel()
    qtbot.addWidget(panel)
    panel.show_figures(f, snapshot=False, not_ordering_weeks=3)
    assert panel.text_of("price_rate") == "本周 —（没有可比的售价）；本月 —（没有可比的售价）"
    above = Deviation(
        "v1", MON, "M001", "张小便利店", "6901028001", "中华(硬)", 5500, 5000.0,
        "above", "5.00", "+10.0%", "高于指导价 5.00 元（+10.0%）",
    )  # fmt: skip
    below = replace(above, sku_name="黄鹤楼(软蓝)", direction="below", percent="-10.0%")
    week = PriceFigures(PriceCounts(20, 18, 1, 1, 4, 3), (above, below))
    month = PriceFigures(PriceCounts(200, 185, 5, 3, 40, 37), ())
    panel.show_figures(
        replace(f, prices=week, prices_month=month), snapshot=False, not_ordering_weeks=3
    )
    assert panel.text_of("price_rate") == (
        "本周 90.0%（到位 18 / 20 个售价）；本月 92.5%（到位 185 / 200 个售价）"
    )
    assert panel.text_of("tag_rate") == (
        "本周 75.0%（齐全规范 3 / 4 次走访）；本月 92.5%（齐全规范 37 / 40 次走访）"
    )
    assert panel.text_of("price_deviations") == (
        "2 个（高于 1，低于 1）：中华(硬) · 张小便利店 高于指导价 5.00 元（+10.0%）、"
        "黄鹤楼(软蓝) · 张小便利店 低于指导价 5.00 元（-10.0%）"
    )
