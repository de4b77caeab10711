"""What the three tabs of the 反馈单 page share: the context, the signals the page listens to, and
the look of their buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from fieldbook.qt.context import AppContext


class SlipsTabBase(QWidget):
    #: A part of the page ("slips", "suggestions", "followups", "detail") showed its first data
    #: (or its first failure); the page is ready once every part it waits for is.
    loaded = Signal(str)
    #: What the buttons depend on changed; the page updates the buttons of every tab together.
    state_changed = Signal()
    #: The tab's title, with the number of rows waiting (the suggestions and follow-ups tabs).
    title_changed = Signal(str)

    def __init__(self, ctx: AppContext, actor: Callable[[], str]) -> None:
        super().__init__()
        self.ctx = ctx
        #: The manager's name (the page loads it): who sends, who closes, who moves by default.
        self.actor_name = actor

    def tab_layout(self) -> QVBoxLayout:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        return layout

    def update_buttons(self) -> None:
        """Enable this tab's buttons for what is selected."""

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setMinimumHeight(34)
        return button

    def _rows_shown(self, part: str, title: str) -> None:
        """The tab's list shows its rows: its ``title``, the buttons and ``loaded`` follow."""
        self.title_changed.emit(title)
        self.state_changed.emit()
        self.loaded.emit(part)

    def _load_failed(self, part: str) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            self.ctx.ops.report(exc, what=self.tr("读取反馈单"), write=False)
            self.loaded.emit(part)

        return failed
