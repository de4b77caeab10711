from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from fieldbook.core.master.customer_changes import change_history
from fieldbook.qt.dialogs.customer_dialog import CustomerDialog
from fieldbook.qt.dialogs.customer_history_dialog import CustomerHistoryDialog


def _dialog(qtbot, ctx, customer=None) -> CustomerDialog:
    dialog = CustomerDialog(ctx, customer)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_shows_every_field_of_the_customer(qtbot, ctx, filled):
    row = filled.customers.by_code("230902100001")
    dialog = _dialog(qtbot, ctx, row)
    ui = dialog.ui
    assert ui.codeEdit.text() == "230902100001"
    assert ui.shopNameEdit.text() == "张小便利店"
    assert ui.formatCombo.currentText() == "便利店"
    assert ui.gradeSpin.value() == 12
    assert ui.routeCombo.currentText() == "周一线路"
    assert ui.orderWeekdayCombo.currentText() == "星期一"
    assert ui.statusCombo.currentText() == "正常"
    assert ui.routeCombo.findText("周二线路") >= 0  # existing routes offered
    assert ui.gradeSpin.minimum() == 0 and ui.gradeSpin.maximum() == 30


def test_editing_and_saving_persists_through_the_core(qtbot, ctx, filled):
    row = filled.customers.by_code("230902100001")
    dialog = _dialog(qtbot, ctx, row)
    ui = dialog.ui
    ui.ownerEdit.setText("张小明")
    ui.phoneEdit.setText("13800001111")
    ui.gradeSpin.setValue(15)
    ui.marketTypeCombo.setCurrentIndex(ui.marketTypeCombo.findText("城镇"))
    ui.routeCombo.setEditText("周二线路")
    ui.keyCustomerCheck.setChecked(True)
    ui.latEdit.setText("45.77")
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    again = filled.customers.get(row.id)
    assert again.owner_name == "张小明"
    assert again.phone == "13800001111"
    assert again.grade == 15
    assert again.market_type == "C"
    assert again.route_name == "周二线路"
    assert again.is_key_customer is True
    assert again.gps_lat == 45.77
    assert again.licence_no == row.licence_no  # untouched fields kept


def test_invalid_licence_keeps_the_dialog_open_and_changes_nothing(qtbot, ctx, filled):
    row = filled.customers.by_code("230902100001")
    dialog = _dialog(qtbot, ctx, row)
    dialog.ui.ownerEdit.setText("改过的名字")
    dialog.ui.licenceEdit.setText("123")
    qtbot.keyClick(dialog.ui.licenceEdit, Qt.Key.Key_Return)  # Enter = save
    assert dialog.isVisible()
    assert "许可证号" in dialog.error_text and "12 位数字" in dialog.error_text
    assert dialog.ui.licenceEdit.property("invalid") is True
    assert dialog.focusWidget() is dialog.ui.licenceEdit
    assert dialog.ui.ownerEdit.text() == "改过的名字"  # nothing typed is lost
    assert filled.customers.get(row.id) == row


def test_core_refusal_is_shown_next_to_the_field(qtbot, ctx, filled):
    row = filled.customers.by_code("230902100001")
    dialog = _dialog(qtbot, ctx, row)
    dialog.ui.codeEdit.setText("230902100002")  # another customer's code
    dialog.accept()
    assert dialog.isVisible()
    assert "编码" in dialog.error_text and "重复" in dialog.error_text
    assert dialog.ui.codeEdit.property("invalid") is True
    assert filled.customers.get(row.id).code == "230902100001"
    dialog.ui.codeEdit.setText("230902100009")  # fix it and save
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    assert filled.customers.get(row.id).code == "230902100009"


def test_adding_a_customer(qtbot, ctx, filled):
    dialog = _dialog(qtbot, ctx)
    assert dialog.windowTitle() == "新增客户"
    dialog.ui.codeEdit.setText("230902100099")
    dialog.ui.shopNameEdit.setText("新开便利店")
    dialog.ui.routeCombo.setEditText("周三线路")
    dialog.ui.orderWeekdayCombo.setCurrentIndex(3)
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    new = filled.customers.by_code("230902100099")
    assert new.shop_name == "新开便利店" and new.route_name == "周三线路"
    assert new.order_weekday == 3 and new.grade is None and new.licence_expiry is None


def test_required_name_is_reported(qtbot, ctx):
    dialog = _dialog(qtbot, ctx)
    dialog.ui.codeEdit.setText("230902100098")
    dialog.accept()
    assert "客户名称" in dialog.error_text and dialog.isVisible()


def test_escape_with_unsaved_changes_asks_first(qtbot, ctx, filled):
    row = filled.customers.by_code("230902100001")
    dialog = _dialog(qtbot, ctx, row)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing changed: closes
    assert not dialog.isVisible()
    dialog = _dialog(qtbot, ctx, row)
    dialog.ui.ownerEdit.setText("改了")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert dialog.discard_box.isVisible()
    dialog.discard_box.button(dialog.discard_box.StandardButton.Discard).click()
    assert not dialog.isVisible()
    assert filled.customers.get(row.id).owner_name == "张小"


def test_a_status_change_asks_for_a_reason_and_is_refused_without_one(qtbot, ctx, filled):
    row = filled.customers.by_code("230902100001")
    dialog = _dialog(qtbot, ctx, row)
    box = dialog.reason_box
    assert not box.isVisible()  # nothing audited changed yet
    dialog.ui.ownerEdit.setText("张小明")
    assert not box.isVisible()
    dialog.ui.statusCombo.setCurrentIndex(dialog.ui.statusCombo.findData("suspended"))
    assert box.isVisible()
    assert "经营状态" in box.hint.text() and "写明原因" in box.hint.text()
    dialog.accept()
    assert dialog.isVisible()
    assert "原因" in dialog.error_text and "反馈单" in dialog.error_text
    assert box.reason_edit.property("invalid") is True
    assert filled.customers.get(row.id) == row  # nothing saved
    box.reason_edit.setText("店主口头告知装修")
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    assert filled.customers.get(row.id).status == "suspended"
    (entry,) = change_history(filled, row.id)
    assert (entry.field, entry.old_value, entry.new_value, entry.reason) == (
        "status",
        "active",
        "suspended",
        "店主口头告知装修",
    )


def test_a_grade_change_needs_no_reason_and_is_in_the_history(qtbot, ctx, filled):
    row = filled.customers.by_code("230902100001")
    dialog = _dialog(qtbot, ctx, row)
    dialog.ui.gradeSpin.setValue(15)
    assert dialog.reason_box.isVisible() and "可写明原因" in dialog.reason_box.hint.text()
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    history = CustomerHistoryDialog(ctx, row.id, row.shop_name)
    qtbot.addWidget(history)
    qtbot.waitUntil(lambda: len(history.pane.entries) == 1)
    text = history.pane.toPlainText()
    assert "档位" in text and "12 → 15" in text and "原因：客户资料修改" in text
