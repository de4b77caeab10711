"""Room to work at 1366×768 (the small laptops account managers carry): in compact density (the
automatic choice on such a screen) the visit screen's checklist shows at least 12 items at once
and the SKU grid at least 8 rows, measured from the widgets' geometry in the main window at
that size less a task bar and a title bar, with a reminder of the day shown above the page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget
from qt_support import make_ctx

from fieldbook.qt.density import (
    AUTO_COMPACT_HEIGHT,
    chosen_density,
    is_compact,
    save_density,
)
from fieldbook.qt.main_window import MainWindow
from fieldbook.qt.reminders import Reminder
from fieldbook.qt.theme import apply_theme

#: The screen, less a task bar and the window's title bar.
SIZE = (1366, 768 - 40 - 30)


def _inside(widget: QWidget, viewport: QWidget) -> bool:
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().contains(QRect(top_left, widget.size()))


@pytest.fixture
def themed(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The app's look (font, style sheet) in compact density: the geometry is the user's."""
    monkeypatch.setenv("FIELDBOOK_DENSITY", "compact")
    style, palette, font, sheet = (
        qapp.style().name(),
        qapp.palette(),
        qapp.font(),
        qapp.styleSheet(),
    )
    apply_theme(qapp)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    qapp.setPalette(palette)
    qapp.setStyle(style)


def _settled(qtbot, page) -> None:
    """Wait until the scroll area has laid out the grid's full height."""
    QApplication.processEvents()
    view = page.grid.view
    qtbot.waitUntil(lambda: page.grid.height() >= view.height())


#: A reminder of the day shown above the page: the worst case, whatever the tests' clock says.
REMINDER = Reminder("office", time(15, 0), None, "daylog", "回单位", "回单位：审核订单、写工作日志")


def _visit_window(qtbot, journal):
    ctx = make_ctx(journal)
    window = MainWindow(ctx, initial_page="visit")
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    qtbot.waitUntil(lambda: window.is_ready)
    window.reminders.banner.add(REMINDER, REMINDER.at)
    qtbot.waitUntil(window.reminders.banner.isVisible)
    page = window.pages["visit"]
    page.times.arrive()
    qtbot.waitUntil(lambda: page.visit is not None)
    page.set_status("open")
    qtbot.waitUntil(lambda: page.form.isVisible())
    _settled(qtbot, page)
    return ctx, page


def test_the_checklist_shows_twelve_items_at_once(qtbot, day_ready, themed):
    ctx, page = _visit_window(qtbot, day_ready)
    viewport = page.checklist_scroll.viewport()
    page.checklist_scroll.verticalScrollBar().setValue(0)
    shown = [
        item_id
        for item_id, field in page.form.fields.items()
        if page.form.is_shown(item_id) and _inside(field.body, viewport)
    ]
    page.window().grab().save("/tmp/room-form.png")
    assert len(shown) >= 12, shown
    ctx.hub.detach()


def test_the_grid_shows_eight_rows_at_once(qtbot, day_ready, themed):
    ctx, page = _visit_window(qtbot, day_ready)
    view = page.grid.view
    assert view.model().rowCount() >= 8  # enough SKUs to measure
    view.setFocus()
    page.checklist_scroll.verticalScrollBar().setValue(page.grid_box.y())
    _settled(qtbot, page)
    viewport = page.checklist_scroll.viewport()
    rows = [
        r
        for r in range(view.model().rowCount())
        if viewport.rect().contains(
            QRect(
                view.viewport().mapTo(
                    viewport, view.visualRect(view.model().index(r, 0)).topLeft()
                ),
                view.visualRect(view.model().index(r, 0)).size(),
            )
        )
    ]
    page.window().grab().save("/tmp/room-grid.png")
    assert len(rows) >= 8, rows
    ctx.hub.detach()


def test_density_choice(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FIELDBOOK_DENSITY", raising=False)
    save_density("comfortable")
    assert chosen_density() == "comfortable" and not is_compact()
    save_density("compact")
    assert is_compact()
    save_density("nonsense")
    assert chosen_density() == "auto"
    small = qapp.primaryScreen().availableGeometry().height() <= AUTO_COMPACT_HEIGHT
    assert is_compact() == small
    monkeypatch.setenv("FIELDBOOK_DENSITY", "comfortable")
    assert not is_compact()
    save_density("auto")
