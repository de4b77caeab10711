"""No clipped text: every page of the main window at 1366×768 (less a task bar and a title
bar) and every dialog, in Chinese and in English, with the app's own look; every dialog opens
with the focus in it. A label that does not wrap, a button,
a check box, a group title and a table's column header must each have room for their text (an
elided label shows its whole text in its tooltip and is not clipped)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QTableView,
    QTabWidget,
    QWidget,
)
from qt_support import MONDAY, make_ctx

from fieldbook.cli.arguments.gui import GUI_PAGES
from fieldbook.core.journal import Journal
from fieldbook.qt import i18n
from fieldbook.qt.context import AppContext
from fieldbook.qt.dialogs.about_dialog import AboutDialog
from fieldbook.qt.dialogs.add_stop_dialog import AddStopDialog
from fieldbook.qt.dialogs.answers_dialog import AnswersDialog
from fieldbook.qt.dialogs.customer_dialog import CustomerDialog
from fieldbook.qt.dialogs.followup_dialog import FollowUpDialog
from fieldbook.qt.dialogs.import_dialog import ImportDialog
from fieldbook.qt.dialogs.order_import_dialog import OrderImportDialog
from fieldbook.qt.dialogs.passphrase_dialog import PassphraseDialog
from fieldbook.qt.dialogs.register_dialog import RegisterDialog
from fieldbook.qt.dialogs.sku_dialog import SkuDialog
from fieldbook.qt.dialogs.slip_dialog import SlipDialog
from fieldbook.qt.main_window import MainWindow
from fieldbook.qt.theme import apply_theme

SIZE = (1366, 768 - 40 - 30)
SLACK = 2  # px: rounding between the font metrics and the style


def _lines(text: str) -> list[str]:
    return [line for line in text.replace("\u2029", "\n").split("\n") if line]


def clipped(w: QWidget) -> str | None:
    """What of ``w``'s text does not fit, in words (None: it fits)."""
    fm = w.fontMetrics()
    if isinstance(w, QLabel):
        text = w.text()
        if not text or w.wordWrap() or ("<" in text and ">" in text) or w.pixmap() is not None:
            return None
        need = max(fm.horizontalAdvance(line) for line in _lines(text) or [""])
        have = w.contentsRect().width() - 2 * w.margin() - max(w.indent(), 0)
    elif isinstance(w, QPushButton):
        if not w.text():  # its text and icon within its frame (sizeHint has a minimum width)
            return None
        icon = w.iconSize().width() + 4 if not w.icon().isNull() else 0
        need = max(fm.horizontalAdvance(line) for line in _lines(w.text())) + icon + 12
        have = w.width()
    elif isinstance(w, QCheckBox | QRadioButton):
        if not w.text():
            return None
        need, have = w.sizeHint().width(), w.width()
    elif isinstance(w, QGroupBox):
        if not w.title():
            return None
        need, have = fm.horizontalAdvance(w.title()) + 16, w.width()
    else:
        return None
    if need > have + SLACK:
        text = w.text() if isinstance(w, QLabel | QAbstractButton) else w.title()
        return f"{type(w).__name__} {text!r}: {need} px in {have} px"
    return None


def clipped_headers(header: QHeaderView) -> Iterator[str]:
    model = header.model()
    if model is None or header.isHidden():
        return
    fm = header.fontMetrics()
    for n in range(model.columnCount(QModelIndex())):
        if header.isSectionHidden(n):
            continue
        text = str(model.headerData(n, Qt.Orientation.Horizontal) or "")
        need = max((fm.horizontalAdvance(line) for line in _lines(text)), default=0) + 10
        if need > header.sectionSize(n) + SLACK:
            yield f"column {text!r}: {need} px in {header.sectionSize(n)} px"


def clipped_items(view: QListWidget) -> Iterator[str]:
    """A list's items (the navigation): text and icon within the list's width."""
    have = view.viewport().width()
    for n in range(view.count()):
        item = view.item(n)
        rect = view.visualItemRect(item)
        icon = view.iconSize().width() + 8 if not item.icon().isNull() else 0
        need = view.fontMetrics().horizontalAdvance(item.text()) + icon + 30
        if need > have + SLACK:
            yield f"list item {item.text()!r}: {need} px in {have} px ({rect.width()})"


def clipped_short_cells(table: QTableView) -> Iterator[str]:
    """Short words in a table (a status, a type: at most 14 characters) are never elided."""
    model = table.model()
    if model is None:
        return
    fm = table.fontMetrics()
    for row in range(min(model.rowCount(QModelIndex()), 40)):
        for col in range(model.columnCount(QModelIndex())):
            if table.isColumnHidden(col):
                continue
            text = str(model.data(model.index(row, col)) or "")
            if not text or len(text) > 14 or "\n" in text:
                continue
            need, have = fm.horizontalAdvance(text) + 12, table.columnWidth(col)
            if need > have + SLACK:
                yield f"cell {text!r}: {need} px in {have} px"


def problems(window: QWidget) -> set[str]:
    found: set[str] = set()
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window) or w.width() <= 0:
            continue
        if isinstance(w, QHeaderView) and w.orientation() == Qt.Orientation.Horizontal:
            found.update(clipped_headers(w))
            continue
        if isinstance(w, QListWidget):
            found.update(clipped_items(w))
            continue
        if isinstance(w, QTableView):
            found.update(clipped_short_cells(w))
        problem = clipped(w)
        if problem is not None:
            found.add(problem)
    return found


@pytest.fixture(params=["zh_CN", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    style, palette, font, sheet = (
        qapp.style().name(),
        qapp.palette(),
        qapp.font(),
        qapp.styleSheet(),
    )
    apply_theme(qapp)
    assert i18n.install(qapp, request.param) == request.param
    yield request.param
    i18n.install(qapp, "zh_CN")
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    qapp.setPalette(palette)
    qapp.setStyle(style)


def test_no_page_clips_its_text_and_each_starts_focused(
    qtbot, language: str, day_ready: Journal
) -> None:
    window = MainWindow(make_ctx(day_ready))
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    qtbot.waitUntil(lambda: window.is_ready)
    left: dict[str, set[str]] = {}
    unfocused: list[str] = []
    window.activateWindow()
    for key in GUI_PAGES:
        page = window.show_page(key)
        if key == "visit":  # a shop under way: the checklist and the grid shown
            stop = day_ready.plans.get(MONDAY).stops[0]  # type: ignore[union-attr]
            page.open_stop(MONDAY, stop.id)
            qtbot.waitUntil(lambda p=page: p.screen is not None)
            page.times.arrive()
            qtbot.waitUntil(lambda p=page: p.visit is not None)
            page.set_status("open")
        if hasattr(page, "is_ready"):
            qtbot.waitUntil(lambda p=page: p.is_ready, timeout=5000)
        QApplication.processEvents()
        focus = QApplication.focusWidget()
        if focus is None or not page.isAncestorOf(focus):
            unfocused.append(key)
        found = problems(window)
        for tabs in page.findChildren(QTabWidget):  # every tab, not only the first
            for n in range(tabs.count()):
                tabs.setCurrentIndex(n)
                qtbot.waitUntil(lambda t=tabs: t.currentWidget().isVisible())
                QApplication.processEvents()
                found |= problems(window)
        if found:
            left[key] = found
    assert left == {}, "\n".join(f"{k}: {sorted(v)}" for k, v in sorted(left.items()))
    assert unfocused == []  # every page opens with the focus in it


def _dialogs(ctx: AppContext, journal: Journal) -> dict[str, QDialog]:
    """One of each dialog, as the app opens it (a new record, or the first existing one)."""
    customer = journal.customers.list()[0]
    sku = journal.catalog.list()[0]
    return {
        "add_stop": AddStopDialog(ctx),
        "customer_new": CustomerDialog(ctx),
        "customer_edit": CustomerDialog(ctx, customer),
        "sku_new": SkuDialog(ctx),
        "sku_edit": SkuDialog(ctx, sku),
        "followup": FollowUpDialog(ctx, customer_id=customer.id),
        "import_customers": ImportDialog(ctx, "customers"),
        "import_skus": ImportDialog(ctx, "skus"),
        "import_orders": OrderImportDialog(ctx),
        "import_answers": AnswersDialog(ctx),
        "register": RegisterDialog(ctx),
        "slip": SlipDialog(ctx),
        "passphrase": PassphraseDialog(None),
        "about": AboutDialog(None, "fieldbook.sqlite3"),
    }


def test_no_dialog_clips_its_text_and_each_starts_focused(
    qtbot, language: str, day_ready: Journal
) -> None:
    ctx = make_ctx(day_ready)
    clipped_in: dict[str, set[str]] = {}
    unfocused: list[str] = []
    for name, dialog in _dialogs(ctx, day_ready).items():
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(dialog.isVisible)
        QApplication.processEvents()
        found = problems(dialog)
        if found:
            clipped_in[name] = found
        focus = QApplication.focusWidget()
        if focus is None or not dialog.isAncestorOf(focus):
            unfocused.append(name)
        dialog.close()
    assert clipped_in == {}, "\n".join(f"{k}: {sorted(v)}" for k, v in sorted(clipped_in.items()))
    assert unfocused == []
    ctx.hub.detach()
