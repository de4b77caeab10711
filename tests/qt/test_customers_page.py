from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from fieldbook.qt.pages.customers_page import CustomersPage


def _names(page: CustomersPage) -> list[str]:
    return [r.shop_name for r in page.model.rows()]


def test_lists_all_customers_with_a_count(qtbot, ctx):
    page = CustomersPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.is_ready)
    assert page.model.rowCount() == 4
    assert page.count_label.text() == "共 4 户"


def test_typing_pinyin_initials_finds_the_shop(qtbot, ctx):
    page = CustomersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.keyClicks(page.search, "zxbl")
    qtbot.waitUntil(lambda: _names(page) == ["张小便利店"])
    assert page.count_label.text() == "找到 1 户"
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)


def test_search_matches_owner_phone_and_licence(qtbot, ctx):
    page = CustomersPage(ctx)
    qtbot.addWidget(page)
    for query, expected in (
        ("李明", ["李记烟酒店"]),
        ("5678", ["李记烟酒店"]),
        ("100003", ["王家超市"]),
    ):
        page.search.setText(query)
        qtbot.waitUntil(lambda expected=expected: _names(page) == expected)


def test_nothing_found(qtbot, ctx):
    page = CustomersPage(ctx)
    qtbot.addWidget(page)
    page.search.setText("没有这个店")
    qtbot.waitUntil(lambda: page.count_label.text() == "找到 0 户")
    assert not page.edit_button.isEnabled()


def test_enter_on_a_row_opens_the_edit_dialog(qtbot, ctx):
    from fieldbook.qt.dialogs.customer_dialog import CustomerDialog

    page = CustomersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.search.setText("")
    qtbot.waitUntil(lambda: len(_names(page)) > 1)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # several matches: Enter → the results
    assert page.table.current_row() == 0
    assert page.findChildren(CustomerDialog) == []
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialogs = page.findChildren(CustomerDialog)
    assert len(dialogs) == 1
    dialogs[0].discard()


def test_enter_on_a_search_with_one_match_opens_it(qtbot, ctx):
    from fieldbook.qt.dialogs.customer_dialog import CustomerDialog

    page = CustomersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.search.setFocus()
    qtbot.keyClicks(page.search, "zxbl")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # before the search ran: answered after
    qtbot.waitUntil(lambda: len(page.findChildren(CustomerDialog)) == 1)
    dialogs = page.findChildren(CustomerDialog)
    assert dialogs[0].ui.shopNameEdit.text() == "张小便利店"
    dialogs[0].discard()


def test_ctrl_f_hook_focuses_the_search_box(qtbot, ctx):
    page = CustomersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.table.setFocus()
    assert page.focus_search()
    qtbot.waitUntil(page.search.hasFocus)


def test_saving_elsewhere_refreshes_the_list(qtbot, ctx, filled):
    from dataclasses import replace

    from fieldbook.core.master.customers import input_from_row

    page = CustomersPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.is_ready)
    row = filled.customers.by_code("230902100003")
    ctx.ops.write(
        lambda j: j.customers.update(row.id, replace(input_from_row(row), shop_name="王家大超市"))
    )
    qtbot.waitUntil(lambda: "王家大超市" in _names(page))


def test_the_customer_file_action_exports_the_selected_customer(qtbot, ctx, tmp_path):
    import openpyxl

    page = CustomersPage(ctx)
    qtbot.addWidget(page)
    page.search.setText("李记")
    qtbot.waitUntil(lambda: _names(page) == ["李记烟酒店"])
    assert page.file_button.text() == "一户一档…" and page.file_button.isEnabled()
    dialog = page.choose_file_for_customer()
    assert dialog is not None
    assert Path(dialog.selectedFiles()[0]).name == "一户一档_230902100002_李记烟酒店.xlsx"
    dialog.reject()

    target = tmp_path / "档案.xlsx"
    page.export_file_to("230902100002", target)
    qtbot.waitUntil(target.exists)
    form = openpyxl.load_workbook(target)["档案"]
    assert form["A2"].value == "零售客户档案（一户一档）"
    assert form["B5"].value == "李记烟酒店" and form["F5"].value == "230902100002"


def test_the_customer_file_action_needs_a_selected_customer(qtbot, ctx):
    page = CustomersPage(ctx)
    qtbot.addWidget(page)
    page.search.setText("没有这个店")
    qtbot.waitUntil(lambda: page.count_label.text() == "找到 0 户")
    assert not page.file_button.isEnabled()
    assert page.choose_file_for_customer() is None
