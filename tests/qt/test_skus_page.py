from __future__ import annotations

import pytest

from fieldbook.core.master.catalog import SkuInput
from fieldbook.qt.dialogs.sku_dialog import SkuDialog
from fieldbook.qt.pages.skus_page import SkusPage


@pytest.fixture
def skus(filled):
    filled.catalog.save(
        None,
        SkuInput(
            "6901028001", "中华(硬)", wholesale_fen=45000, retail_fen=50000, is_key_brand=True
        ),
    )
    filled.catalog.save(
        None, SkuInput("6901028002", "玉溪(软)", wholesale_fen=21500, retail_fen=23000)
    )
    return filled


def test_prices_are_shown_in_yuan(qtbot, ctx, skus):
    page = SkusPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.is_ready)
    model = page.model
    assert page.count_label.text() == "共 2 个规格"
    row = model.row_of(lambda r: r.code == "6901028001")
    shown = [model.data(model.index(row, c)) for c in range(model.columnCount())]
    assert shown[:3] == ["6901028001", "中华(硬)", "中华"]
    assert shown[3]  # price class name from the configured bands
    assert shown[4:] == ["450.00", "500.00", "是", "", "是", ""]  # 货源: 正常


def test_search_and_edit_a_sku(qtbot, ctx, skus):
    page = SkusPage(ctx)
    qtbot.addWidget(page)
    page.search.setText("yx")
    qtbot.waitUntil(lambda: [r.name for r in page.model.rows()] == ["玉溪(软)"])
    dialog = page.open_dialog(page.model.row_at(0))
    assert isinstance(dialog, SkuDialog)
    assert dialog.wholesale_spin.value() == 215.0
    dialog.retail_spin.setValue(240)
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    assert skus.catalog.get(page.model.row_at(0).id).retail_fen == 24000


def test_retail_below_wholesale_is_refused_in_the_dialog(qtbot, ctx, skus):
    row = next(r for r in skus.catalog.list() if r.code == "6901028002")
    dialog = SkuDialog(ctx, row)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.retail_spin.setValue(100)
    dialog.accept()
    assert dialog.isVisible()
    assert "零售价" in dialog.error_label.text()
    assert skus.catalog.get(row.id).retail_fen == 23000
