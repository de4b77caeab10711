"""货源信息 on the visit screen: each shop is told the 紧俏 / 停供 SKUs and the 限量 limit of
ITS 档位 (张小便利店 12 档, 李记烟酒店 20 档); a shop with no 档位 hears every band."""

from __future__ import annotations

import pytest
from qt_support import MONDAY, open_page

from fieldbook.core.master.supply import Band, ShopSupply, SupplyInput
from fieldbook.qt.pages.visit_page import VisitPage
from fieldbook.qt.widgets.supply_notice import SupplyNotice


@pytest.fixture
def page(qtbot, day_ready):
    skus = {r.name: r.id for r in day_ready.catalog.list()}
    day_ready.supply.set(skus["中华(硬)"], SupplyInput("limited", "1-7:1;8-12:2;13-30:5", MONDAY))
    day_ready.supply.set(skus["黄鹤楼(软蓝)"], SupplyInput("tight", "", MONDAY))
    day_ready.supply.set(skus["红金龙(新版)"], SupplyInput("stopped", "", MONDAY))
    yield from open_page(qtbot, VisitPage, day_ready, wait="active")


def _open(qtbot, page, stop):
    with qtbot.waitSignal(page.opened):
        page.open_stop(MONDAY, stop.id)


def test_each_shop_is_told_the_limit_of_its_own_grade(qtbot, page, day_ready):
    stops = {s.shop_name: s for s in day_ready.plans.get(MONDAY).stops}
    notice = page.header.supply
    _open(qtbot, page, stops["张小便利店"])  # 12 档
    qtbot.waitUntil(notice.isVisible)
    assert notice.text().split("；") == [
        "本周紧俏：黄鹤楼(软蓝)",
        "限量：中华(硬)，8–12 档限 2 条",
        "停供：红金龙(新版)",
    ]
    _open(qtbot, page, stops["李记烟酒店"])  # 20 档
    qtbot.waitUntil(lambda: "13–30 档限 5 条" in notice.text())
    assert notice.text().split("；")[1] == "限量：中华(硬)，13–30 档限 5 条"


@pytest.fixture
def bare_page(qtbot, day_ready):
    yield from open_page(qtbot, VisitPage, day_ready, wait="active")


def test_nothing_to_tell_hides_the_line(qtbot, bare_page, day_ready):
    _open(qtbot, bare_page, day_ready.plans.get(MONDAY).stops[0])
    assert bare_page.screen is not None and bare_page.screen.supply == ()
    assert not bare_page.header.supply.isVisible()


def test_a_shop_without_a_grade_hears_every_band(qtbot):
    notice = SupplyNotice()
    qtbot.addWidget(notice)
    bands = (Band(1, 7, 1), Band(8, 12, 2))
    item = ShopSupply("中华(硬)", "limited", None, bands)
    assert notice.lines([item], None) == [
        "限量：中华(硬)（档位未填：1–7 档限 1 条，8–12 档限 2 条）"
    ]
    assert notice.lines([item], 20) == ["限量：中华(硬)，20 档不在投放档位内"]
