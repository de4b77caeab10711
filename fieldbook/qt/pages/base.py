"""What the pages share: the ``ready`` signal (screenshot mode waits for it), a heading, and
hooks the main window calls (``activated`` when shown, ``focus_search`` for Ctrl+F)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from fieldbook.qt.context import AppContext


class Page(QWidget):
    #: Emitted once, after the page showed its first data (or its first failure).
    ready = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.is_ready = False

    def mark_ready(self) -> None:
        if not self.is_ready:
            self.is_ready = True
            self.ready.emit()

    def activated(self) -> None:
        """The page was brought to the front."""

    def focus_search(self) -> bool:
        """Put the cursor in the page's search box; False when the page has none."""
        return False

    def unsaved_changes(self) -> str:
        """What the page holds that the database has not taken (a save it refused), in words;
        empty when everything is saved. The window asks before closing over it."""
        return ""

    def drop_unsaved(self) -> None:
        """The user chose to quit without the unsaved changes."""


def page_layout(page: QWidget, title: str) -> QVBoxLayout:
    """A page's outer layout, starting with its heading."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(24, 18, 24, 16)
    layout.setSpacing(10)
    layout.addWidget(heading(title))
    return layout


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageHeading")
    return label


def note(text: str) -> QLabel:
    """A soft information box (what is coming, what a page holds)."""
    label = QLabel(text)
    label.setObjectName("noteBox")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setFrameShape(QFrame.Shape.NoFrame)
    return label
