"""How saving went, on screen: the "已保存 HH:MM:SS" / "未保存" label, and the row under a page
with what was not saved and 重试 (Ctrl+R). Shared by the visit, work log and weekly report."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from fieldbook.qt.theme import repolish
from fieldbook.qt.widgets.message_label import MessageLabel


class SavedLabel(QLabel):
    """ "已保存 HH:MM:SS" after a save returned; "未保存" in red while something is not saved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savedLabel")

    def show_saved(self, moment: datetime, text: str = "") -> None:
        """``text`` has a ``{time}`` field; "已保存 {time}" when not given."""
        template = text or self.tr("已保存 {time}")
        self.setText(template.format(time=moment.strftime("%H:%M:%S")))
        self.setProperty("failed", False)
        repolish(self)

    def show_unsaved(self) -> None:
        self.setText(self.tr("未保存"))
        self.setProperty("failed", True)
        repolish(self)


class SaveProblemRow(QHBoxLayout):
    """The bottom row of a page: what went wrong (red, wrapped) and 重试 (Ctrl+R)."""

    def __init__(self, *, button_height: int, retry_tip: bool = True) -> None:
        super().__init__()
        self.error_label = MessageLabel("errorLabel")
        self.retry_button = QPushButton(self.tr("重试（Ctrl+R）"))
        if retry_tip:
            self.retry_button.setToolTip(self.tr("把没保存的修改再保存一次"))
        self.retry_button.setMinimumHeight(button_height)
        self.retry_button.hide()
        self.addWidget(self.error_label, 1)
        self.addWidget(self.retry_button)

    def show_message(self, text: str) -> None:
        self.error_label.say(text)

    def show_retry(self, visible: bool) -> None:
        self.retry_button.setVisible(visible)


class SaveIndicators:
    """ "已保存" / "未保存" and the problem row together: what the autosave reports to
    (``autosave.SaveStatus``); ``now`` is the app's clock."""

    def __init__(
        self,
        label: SavedLabel,
        problems: SaveProblemRow,
        now: Callable[[], datetime],
        refused: Callable[[], bool] = lambda: False,
    ) -> None:
        self.label = label
        self.problems = problems
        self.now = now
        #: True while a value the core refused is still on screen: nothing is "已保存" then.
        self.refused = refused

    def show_saved(self) -> None:
        if self.refused():
            self.mark_unsaved()
            return
        self.label.show_saved(self.now())

    def mark_unsaved(self) -> None:
        self.label.show_unsaved()

    def show_message(self, text: str) -> None:
        self.problems.show_message(text)

    def show_retry(self, visible: bool) -> None:
        self.problems.show_retry(visible)
