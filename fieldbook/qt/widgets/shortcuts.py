"""A page's keyboard shortcuts: active while the focus is anywhere inside the page (not on other
pages of the window), each calling its slot without arguments."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Binding = tuple[str, Callable[[], object]]


def add_shortcuts(page: QWidget, bindings: Iterable[Binding]) -> None:
    """``bindings``: (key sequence, slot) pairs, e.g. ("Ctrl+N", page.new_item)."""
    for keys, slot in bindings:
        action = QAction(page)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False, call=slot: call())
        page.addAction(action)
