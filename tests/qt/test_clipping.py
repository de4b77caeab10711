"""No clipped text: every page of the main window at 1366×768 (less a task bar and a title
bar), in Chinese and in English, with the app's own look. A label that does not wrap, a button,
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
    elif isinstance(w, QPushButton | QCheckBox | QRadioButton):
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


def test_no_page_clips_its_text(qtbot, language: str, day_ready: Journal) -> None:
    window = MainWindow(make_ctx(day_ready))
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    qtbot.waitUntil(lambda: window.is_ready)
    left: dict[str, set[str]] = {}
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
