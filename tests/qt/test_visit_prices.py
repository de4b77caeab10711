"""Price monitoring on the visit screen: a price seen off the guide price marks its grid cell
(tinted, 「高于指导价 5.00 元（+10.0%）」 as its tooltip and on the line under the grid), and
执行指导价 follows the grid — derived, shown, not editable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from qt_support import MONDAY, open_page

from fieldbook.core.master.catalog import SkuInput
from fieldbook.qt.models.sku_grid_model import PRICE_COLUMN
from fieldbook.qt.pages.visit_page import VisitPage


@pytest.fixture
def page(qtbot, day_ready):
    yield from open_page(qtbot, VisitPage, day_ready, wait="active")


def test_a_deviating_price_marks_its_cell_and_decides_the_answer(qtbot, page, day_ready):
    zhonghua = next(s for s in day_ready.catalog.list() if s.name == "中华(硬)")
    guide = SkuInput(zhonghua.code, zhonghua.name, wholesale_fen=45_000, retail_fen=50_000)
    day_ready.catalog.save(zhonghua.id, guide)  # 500 元/条: 50.00 元/包
    stop = day_ready.plans.get(MONDAY).stops[0]
    with qtbot.waitSignal(page.opened):
        page.open_stop(MONDAY, stop.id)
    qtbot.keyClick(page.header.arrive_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.visit is not None)
    model = page.grid.model
    row = next(n for n, r in enumerate(model.rows()) if r.name == "中华(硬)")
    cell = model.index(row, PRICE_COLUMN)
    compliance = page.form.fields["price_compliance"]
    assert compliance.editor.isEnabled()  # no price seen: the manager answers

    model.setData(cell, "55")
    qtbot.waitUntil(lambda: model.rows()[row].price_fen == 5500)
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole) is not None
    tip = model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert "高于指导价 5.00 元（+10.0%）" in tip and "指导价 50.00 元/包" in tip
    assert page.grid.prices_label.isVisibleTo(page)
    assert page.grid.prices_label.text() == "价格偏离：中华(硬) 高于指导价 5.00 元（+10.0%）"
    # 执行指导价: derived from the grid, not editable, the same as the core stored
    assert compliance.value() == "个别高于" and not compliance.editor.isEnabled()
    assert compliance.derived is not None and "1 个偏离指导价" in compliance.derived.text()
    qtbot.waitUntil(
        lambda: day_ready.visits.get(page.visit.id).answers.get("price_compliance") == "个别高于"
    )

    model.setData(cell, "50.00")  # at the guide price: nothing marked, 按指导价
    qtbot.waitUntil(lambda: model.rows()[row].price_fen == 5000)
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole) is None
    assert "价格到位" in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert not page.grid.prices_label.isVisibleTo(page)
    assert compliance.value() == "按指导价" and not compliance.editor.isEnabled()

    model.setData(cell, "")  # no price seen any more: the manager answers again
    qtbot.waitUntil(lambda: model.rows()[row].price_fen is None)
    assert compliance.editor.isEnabled() and not compliance.derived.isVisibleTo(page)
