"""货源信息 in the SKU dialog: 限量 with its limits per 档位 saved (from today, audited); a bad
band is refused before anything is written, and the message says what and where."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from fieldbook.core.master.catalog import SkuInput
from fieldbook.core.master.supply import Band, SupplyInput
from fieldbook.core.store.audit import history
from fieldbook.qt.dialogs.sku_dialog import SkuDialog
from fieldbook.qt.pages.skus_page import SkusPage


@pytest.fixture
def zhonghua(filled):
    return filled.catalog.save(None, SkuInput("6901028001", "中华(硬)", wholesale_fen=45000))


def _dialog(qtbot, ctx, row):
    dialog = SkuDialog(ctx, row)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.supply.state_combo.currentData() == "normal")
    return dialog


def test_limited_with_its_bands_is_saved_from_the_keyboard(qtbot, ctx, filled, zhonghua):
    dialog = _dialog(qtbot, ctx, zhonghua)
    assert not dialog.supply.limits_edit.isEnabled()  # only 限量 has limits
    combo = dialog.supply.state_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # 正常 → 紧俏 → 限量
    assert combo.currentData() == "limited" and dialog.supply.limits_edit.isEnabled()
    qtbot.keyClicks(dialog.supply.limits_edit, "1-7:1, 8-12:2, 13-30:5")
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    row = filled.supply.of_sku(zhonghua.id)
    assert (row.state, row.bands) == ("limited", (Band(1, 7, 1), Band(8, 12, 2), Band(13, 30, 5)))
    assert row.valid_from == ctx.today()
    assert [e.reason for e in history(filled, "sku_supply", zhonghua.id)] == ["手工设置"]


def test_overlapping_bands_are_refused_and_nothing_is_saved(qtbot, ctx, filled, zhonghua):
    dialog = _dialog(qtbot, ctx, zhonghua)
    dialog.name_edit.setText("中华(硬盒)")
    dialog.supply.state_combo.setCurrentIndex(dialog.supply.state_combo.findData("limited"))
    dialog.supply.limits_edit.setText("1-8:1；8-12:2")
    dialog.accept()
    assert dialog.isVisible()
    assert "档位限量" in dialog.error_label.text() and "重叠" in dialog.error_label.text()
    assert filled.catalog.get(zhonghua.id).name == "中华(硬)"
    assert filled.supply.of_sku(zhonghua.id).valid_from is None


def test_the_sku_list_shows_todays_supply(qtbot, ctx, filled, zhonghua):
    filled.supply.set(zhonghua.id, SupplyInput("limited", "1-7:1;8-12:2"))
    page = SkusPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.is_ready)
    model = page.model
    row = model.row_of(lambda r: r.code == "6901028001")
    shown = model.data(model.index(row, model.columnCount() - 1))
    assert shown == "限量 1–7:1，8–12:2"  # 档位:条
