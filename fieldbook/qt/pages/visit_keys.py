"""The visit screen's keys and its scrolling with the focus.

* The page's shortcuts (Ctrl+Enter, Ctrl+D, Ctrl+Shift+D, Alt+A, Alt+L, Esc, Ctrl+R, Alt+F),
  given by the page, plus the movement keys built here: Alt+1 … Alt+9 go to the checklist's
  sections in order (the first item shown in that section gets the cursor and the section is
  scrolled to the top; each section's title shows its key) and Alt+G goes into the SKU grid
  (its current cell, else the first input cell). None of them collides with Alt+A / Alt+L /
  Alt+F, and digits without Alt still pick options.
* The checklist column follows the focus: every editor that gets the cursor — a picker, a
  number, a note, each check box of a multi-select, and the grid's current cell, however it
  moved (Tab, Enter, arrows, a typed search) — is scrolled into view.

Composed into ``VisitPage``; it reads the page only through ``VisitHost``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from fieldbook.qt.pages.visit_host import VisitHost
from fieldbook.qt.widgets.checklist_form import SECTION_KEYS

#: The key that goes into the SKU grid.
GRID_KEY = "Alt+G"
_MARGIN = 40  # px kept visible around the widget with the cursor


class VisitKeys(QObject):
    def __init__(
        self,
        page: VisitHost,
        keys: Sequence[tuple[tuple[str, ...], Callable[[], object]]],
        owner: QWidget,
    ) -> None:
        super().__init__(owner)
        self.page = page
        moves: list[tuple[tuple[str, ...], Callable[[], object]]] = [
            ((f"Alt+{n}",), lambda n=n: self.go_to_section(n)) for n in range(1, SECTION_KEYS + 1)
        ]
        moves.append(((GRID_KEY,), self.go_to_grid))
        for sequences, slot in (*keys, *moves):
            for key in sequences:
                shortcut = QShortcut(QKeySequence(key), owner)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)
        page.grid.view.current_moved.connect(self.show_current_cell)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self.focus_changed)

    # --- jumps --------------------------------------------------------------------------------
    def go_to_section(self, number: int) -> bool:
        """Alt+``number``: the cursor on the section's first item shown; False when none."""
        found = self.page.form.section_editor(number)
        if found is None or not found[1].isEnabled() or not found[1].isVisibleTo(self.page.form):
            return False
        group, editor = found
        self._scroll_to_top_of(group)
        editor.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return editor.hasFocus()

    def go_to_grid(self) -> bool:
        """Alt+G: into the SKU grid (its current cell, else the first input cell)."""
        page = self.page
        view = page.grid.view
        if not page.grid_box.isVisibleTo(page.checklist_inner) or not view.model().rowCount():
            return False
        self._scroll_to_top_of(page.grid_box)
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.show_current_cell()
        return view.hasFocus()

    # --- scrolling with the focus ---------------------------------------------------------------
    def _scroll_to_top_of(self, widget: QWidget) -> None:
        inner = self.page.checklist_inner
        top = widget.mapTo(inner, QPoint(0, 0)).y()
        self.page.checklist_scroll.verticalScrollBar().setValue(max(top - 4, 0))

    def focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        page = self.page
        if new is None or not page.checklist_inner.isAncestorOf(new):
            return
        # An answer may just have shown or hidden items: lay them out before measuring.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        view = page.grid.view
        if new is view or view.isAncestorOf(new):
            self.show_current_cell()
        else:
            # The whole editor (``ensureWidgetVisible`` would show only a note's text cursor).
            self._show(new, new.rect())

    def show_current_cell(self) -> None:
        """The grid's current cell in view (the grid is taller than the screen)."""
        view = self.page.grid.view
        index = view.currentIndex()
        focus = QApplication.focusWidget()
        in_grid = focus is not None and (focus is view or view.isAncestorOf(focus))
        if not index.isValid() or not view.isVisible() or not in_grid:
            return  # the grid's cursor moved while the user works elsewhere: no jump
        self._show(view.viewport(), view.visualRect(index))

    def _show(self, widget: QWidget, rect: QRect) -> None:
        """Scroll so that ``rect`` of ``widget`` is in view, with a margin above and below."""
        center = widget.mapTo(self.page.checklist_inner, rect.center())
        self.page.checklist_scroll.ensureVisible(
            center.x(), center.y(), 20, rect.height() // 2 + _MARGIN
        )
