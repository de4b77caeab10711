"""Fast movement on the visit screen, measured in keys: section hotkeys (Alt+1 … Alt+9), the
grid hotkey (Alt+G), leaving the grid with Tab / Esc / Ctrl+Tab, typing in the grid to jump to
a SKU, the form scrolling with the focus — and the key counts of issue 15 (item 3): a shop with
one out-of-stock SKU and one price-tag problem in ≤ 15 keys, a full first visit with a 12-SKU
grid in ≤ 110 (the unchanged shop in ≤ 5 is in test_visit_page.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from qt_support import GOOD_ANSWERS, MONDAY, open_page
from test_visit_page import _finished_visit, _focused, _in_the_shop, _open, _stops

from fieldbook.core.master.catalog import SkuInput
from fieldbook.qt.pages.visit_page import VisitPage
from fieldbook.qt.widgets.sku_grid import SkuGridView

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier

#: More key brands, so that a first visit's grid has 12 rows (with the 8 of ``day_ready``).
MORE_SKUS = (
    ("6901028009", "芙蓉王(硬)", 19_000, True),
    ("6901028010", "玉溪(软)", 21_000, True),
    ("6901028011", "南京(红)", 9_000, True),
    ("6901028012", "七匹狼(白)", 7_000, True),
    ("6901028013", "长白山(777)", 5_500, True),
    ("6901028014", "双喜(硬经典)", 4_500, True),
    ("6901028015", "娇子(蓝时代)", 2_800, True),
    ("6901028016", "钻石(硬蓝)", 6_000, True),
)


@pytest.fixture
def page(qtbot, day_ready):
    yield from open_page(qtbot, VisitPage, day_ready, (1366, 768), wait="active")


class Keys:
    """Key presses sent to the focused widget, counted (a typed digit is one key)."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def press(self, key, modifier=NONE) -> None:
        widget = _focused()
        assert widget is not None
        self.qtbot.keyClick(widget, key, modifier)
        self.count += 1
        # A cell's Enter commits through a queued call (as the event loop would run it).
        QApplication.processEvents()

    def type(self, text: str) -> None:
        for char in text:
            self.press(char)


def _add_skus(journal, skus=MORE_SKUS):
    for code, name, wholesale, key in skus:
        journal.catalog.save(
            None, SkuInput(code=code, name=name, wholesale_fen=wholesale, is_key_brand=key)
        )


def _row_of(page, name):
    return next(n for n, r in enumerate(page.grid.model.rows()) if r.name == name)


def _editing(view):
    return view.state() == QAbstractItemView.State.EditingState


# --- the key counts ------------------------------------------------------------------------------
def test_one_out_of_stock_sku_and_one_price_tag_problem_in_15_keys(qtbot, page, day_ready):
    _add_skus(day_ready, MORE_SKUS[:1])  # 芙蓉王: a key brand (out of stock = a finding)
    first = _stops(day_ready)[0]
    rows = {r.name: r.sku_id for r in day_ready.visits.grid_skus(first.customer_id)}
    _finished_visit(
        day_ready,
        first.customer_id,
        MONDAY - timedelta(days=7),
        GOOD_ANSWERS,
        {
            rows["中华(硬)"]: {"on_shelf": True, "facings": 4, "stock_cartons": 6},
            rows["芙蓉王(硬)"]: {"on_shelf": True, "facings": 2, "stock_cartons": 3},
        },
    )
    _open(qtbot, page, first)
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_A, ALT)  # 到店
    keys.press(Qt.Key.Key_D, CTRL)  # 同上次: the stable facts
    keys.press(Qt.Key.Key_D, CTRL | SHIFT)  # 已核对: counts and intentions unchanged
    assert _focused() is page.form.fields["stock_checked"].editor  # the one item left
    keys.type("1")  # 已核对柜台与库房库存: 是
    keys.press(Qt.Key.Key_2, ALT)  # 价格与价签
    assert _focused() is page.form.fields["price_tags"].editor
    keys.type("2")  # 明码标价: 部分缺失
    keys.press(Qt.Key.Key_G, ALT)  # into the grid
    keys.type("f")  # 芙蓉王 (furongwang)
    view = page.grid.view
    assert view.currentIndex().row() == _row_of(page, "芙蓉王(硬)")
    keys.press(Qt.Key.Key_Tab)  # 排面
    keys.press(Qt.Key.Key_Tab)  # 库存(条)
    keys.type("0")
    keys.press(Qt.Key.Key_Return)
    _in_the_shop()
    keys.press(Qt.Key.Key_Return, CTRL)  # 完成
    assert keys.count <= 15, keys.count  # 13

    visit = day_ready.visits.for_customer_on(first.customer_id, MONDAY)
    assert visit is not None and visit.status == "done"
    assert visit.answers["price_tags"] == "部分缺失"
    assert visit.answers["stock_checked"] is True
    assert visit.answers["display_position"] == "柜台正面"  # carried by 同上次
    grid = {r.name: r for r in visit.grid}
    assert grid["芙蓉王(硬)"].stock_cartons == 0
    assert grid["中华(硬)"].stock_cartons == 6  # confirmed unchanged
    findings = {h.finding for h in visit.findings}
    assert {"out_of_stock", "price_tags"} <= findings


def test_a_full_first_visit_with_a_12_sku_grid_in_110_keys(qtbot, page, day_ready):
    _add_skus(day_ready)
    first = _stops(day_ready)[0]
    _open(qtbot, page, first)
    model = page.grid.model
    assert model.rowCount() == 12
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_Return)  # 到店
    keys.type("1")  # 正常营业
    keys.press(Qt.Key.Key_Return)
    # 展位与陈列: 展位, 陈列状况, 排面规范 — digits pick, Enter moves on
    for answer in ("1", "1"):
        keys.type(answer)
        keys.press(Qt.Key.Key_Return)
    keys.type("1")
    keys.press(
        Qt.Key.Key_2, ALT
    )  # 价格与价签 (样品质量 is optional): 明码标价, 货签相符, 执行指导价
    for answer in ("1", "1", "1"):
        keys.type(answer)
        keys.press(Qt.Key.Key_Return)
    assert _focused() is page.form.fields["stock_checked"].editor
    keys.type("1")
    # (促销员, Alt+4, is not asked at a 便利店; 终端建设 and 售点建设 are optional)
    # 合规检查: 许可证, 许可证相符, 禁售标识, 电子烟 否, (条烟喷码), 疑似假烟 否, 疑似非渠道 否
    keys.press(Qt.Key.Key_7, ALT)
    for answer in ("1", "1", "1", "2"):
        keys.type(answer)
        keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Return)
    keys.type("2")
    keys.press(Qt.Key.Key_Return)
    keys.type("2")
    keys.press(Qt.Key.Key_8, ALT)  # 经营情况与诉求: 经营状况
    keys.type("1")

    keys.press(Qt.Key.Key_G, ALT)  # the grid: 上柜 Tab 排面 Tab 库存(条) Enter → next SKU
    view = page.grid.view
    assert view.hasFocus() and view.currentIndex().column() == 2
    typed = {}
    for row in range(12):
        assert view.currentIndex().row() == row and view.currentIndex().column() == 2
        facings, cartons = str(row % 9 + 1), str((row + 3) % 10)
        typed[model.rows()[row].sku_id] = (int(facings), int(cartons))
        keys.press(Qt.Key.Key_Space)
        keys.press(Qt.Key.Key_Tab)
        keys.type(facings)
        keys.press(Qt.Key.Key_Tab)
        keys.type(cartons)
        keys.press(Qt.Key.Key_Return)
    assert not view.hasFocus()  # Enter on the last row went on past the grid
    _in_the_shop()
    keys.press(Qt.Key.Key_Return, CTRL)
    assert keys.count <= 110, keys.count  # 105: 31 for the checklist, 1 + 72 for the grid, 1

    visit = day_ready.visits.for_customer_on(first.customer_id, MONDAY)
    assert visit is not None and visit.status == "done", page.error_label.text()
    expected = {k: x for k, x in GOOD_ANSWERS.items() if k != "promoters_count"}  # a 便利店
    assert {k: visit.answers.get(k) for k in expected} == expected
    assert "promoters_count" not in visit.answers
    assert len(visit.grid) == 12
    for row in visit.grid:
        assert row.on_shelf is True
        assert (row.facings, row.stock_cartons) == typed[row.sku_id]
        assert row.stock_packs is None and row.price_fen is None


# --- the movement keys ---------------------------------------------------------------------------
def _arrived_open(qtbot, page, journal):
    first = _stops(journal)[0]
    _open(qtbot, page, first)
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_Return)
    keys.type("1")
    return keys


def test_section_hotkeys_are_shown_and_go_to_the_first_item(qtbot, page, day_ready):
    keys = _arrived_open(qtbot, page, day_ready)
    form = page.form
    for n, section_id in enumerate(form.section_order, start=1):
        group = form.groups[section_id]
        assert group.title().endswith(f"（Alt+{n}）")  # the same key at every shop
        if section_id == "promoters":  # not asked at a 便利店 (checklist v2, decision 0022)
            assert not group.isVisibleTo(page)
            continue
        keys.press(getattr(Qt.Key, f"Key_{n}"), ALT)
        first = next(f for f in form.fields.values() if f.item.section == section_id)
        assert _focused() is first.editor, section_id
        assert _visible_in_scroll(page, first.editor)
    assert "Alt+G" in page.grid_box.title()
    keys.press(Qt.Key.Key_G, ALT)
    assert isinstance(_focused(), SkuGridView)
    assert page.grid.view.currentIndex().row() == 0
    keys.press(Qt.Key.Key_1, ALT)  # and back up
    assert _focused() is form.fields["display_position"].editor


def test_the_page_keys_do_not_collide(qtbot, page):
    sequences = [s.key().toString() for s in page.findChildren(QShortcut)]
    assert len(sequences) == len(set(sequences)), sequences
    for key in ("Alt+A", "Alt+L", "Alt+F", "Alt+G", "Alt+1", "Alt+9"):
        assert key in sequences


def test_tab_leaves_the_grid_at_its_ends(qtbot, page, day_ready):
    keys = _arrived_open(qtbot, page, day_ready)
    view, model = page.grid.view, page.grid.model
    keys.press(Qt.Key.Key_G, ALT)
    keys.press(Qt.Key.Key_Backtab, SHIFT)  # before the first input cell: the last checklist item
    last = [f for f in page.form.fields.values() if page.form.is_shown(f.item.id)][-1]
    assert _focused() is last.editor
    keys.press(Qt.Key.Key_G, ALT)
    view.setCurrentIndex(model.index(model.rowCount() - 1, model.columnCount() - 1))
    keys.press(Qt.Key.Key_Tab)  # after the last input cell: on past the grid
    assert not view.hasFocus() and not view.isAncestorOf(_focused())
    assert page.grid.add_button.hasFocus()


def test_ctrl_tab_and_escape_leave_the_grid_from_any_cell(qtbot, page, day_ready):
    keys = _arrived_open(qtbot, page, day_ready)
    view, model = page.grid.view, page.grid.model
    backs = []
    page.back_requested.connect(lambda: backs.append(1))
    keys.press(Qt.Key.Key_G, ALT)
    view.setCurrentIndex(model.index(3, 4))
    keys.press(Qt.Key.Key_Tab, CTRL)
    assert page.grid.add_button.hasFocus()
    keys.press(Qt.Key.Key_G, ALT)
    assert view.currentIndex().row() == 3  # back where the grid was left
    keys.type("5")  # a cell being typed: Ctrl+Shift+Tab keeps it and leaves backwards
    assert _editing(view)
    keys.press(Qt.Key.Key_Tab, CTRL | SHIFT)
    assert isinstance(_focused(), QWidget) and not view.isAncestorOf(_focused())
    assert day_ready.visits.get(page.visit.id).grid[3].stock_cartons == 5
    keys.press(Qt.Key.Key_G, ALT)
    keys.press(Qt.Key.Key_Escape)
    assert not view.hasFocus() and backs == []


def test_typing_in_the_grid_jumps_to_the_sku(qtbot, page, day_ready):
    keys = _arrived_open(qtbot, page, day_ready)
    view, model = page.grid.view, page.grid.model
    keys.press(Qt.Key.Key_G, ALT)
    keys.type("hhl")  # 黄鹤楼 by its pinyin initials, typed without a pause
    assert view.currentIndex().row() == _row_of(page, "黄鹤楼(软蓝)")
    assert view.currentIndex().column() == 2 and not _editing(view)
    qtbot.waitUntil(lambda: view.type_ahead.typed == "", timeout=3000)  # the pause ends it
    keys.type("bs")  # 白沙: a new search
    row = _row_of(page, "白沙(精品)")
    assert view.currentIndex().row() == row
    keys.press(Qt.Key.Key_Right)
    keys.type("7")  # a digit in an input cell fills it (no search starts with "bs7")
    assert _editing(view)
    keys.press(Qt.Key.Key_Return)
    saved = {r.name: r for r in day_ready.visits.get(page.visit.id).grid}
    assert saved["白沙(精品)"].facings == 7
    view.setCurrentIndex(model.index(0, 0))  # in the 规格 column digits search by code
    keys.type("6901028007")
    assert view.currentIndex().row() == _row_of(page, "红金龙(新版)")
    assert not _editing(view)


def _visible_in_scroll(page, widget: QWidget, rect: QRect | None = None) -> bool:
    viewport = page.checklist_scroll.viewport()
    area = rect if rect is not None else widget.rect()
    top_left = widget.mapTo(viewport, area.topLeft())
    bottom = widget.mapTo(viewport, area.bottomLeft())
    return top_left.y() >= 0 and bottom.y() <= viewport.height()


def test_the_form_scrolls_with_the_focus(qtbot, page, day_ready):
    _add_skus(day_ready)
    _arrived_open(qtbot, page, day_ready)
    form = page.form
    page.answers["display_quality"] = "杂乱"  # every item shown (follow-ups of answers too)
    page.answers.update({"promoters_count": 1, "stock_checked": True, "will_order": "不订"})
    page.answers.update({"suspected_fake": True})
    form.update_visibility("open", page.answers)
    editors = []
    for fld in form.fields.values():
        if form.is_shown(fld.item.id):
            editors.extend(fld.checks or [fld.editor])
    assert any(len(f.checks) > 1 for f in form.fields.values())
    for editor in [*editors, *reversed(editors)]:
        editor.setFocus()
        assert editor.hasFocus()
        assert _visible_in_scroll(page, editor), editor.accessibleName() or editor.text()
    view, model = page.grid.view, page.grid.model
    view.setFocus()
    for row in [*range(model.rowCount()), *reversed(range(model.rowCount()))]:
        view.setCurrentIndex(model.index(row, 4))
        rect = view.visualRect(view.currentIndex())
        assert _visible_in_scroll(page, view.viewport(), rect), row
