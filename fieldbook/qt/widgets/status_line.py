"""One status line at the top of a working screen, in place of stacked banners: one line of
text (elided to the width, the whole text in its tooltip), the actions that belong to it (撤销完成,
生成反馈单…) and × to dismiss it. A dismissed text stays hidden until a different one is said."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget


class ElidedLabel(QLabel):
    """One line of text, elided to the label's width; the whole text in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""

    def set_full_text(self, text: str) -> None:
        self._full = text
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = QFontMetrics(self.font()).elidedText(
            self._full, Qt.TextElideMode.ElideRight, max(self.width(), 40)
        )
        self.setText(shown)
        self.setToolTip(self._full if shown != self._full else "")


class StatusLine(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusLine")
        self._text = ""
        self._dismissed = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 2, 4, 2)
        layout.setSpacing(8)
        self.label = ElidedLabel()
        self.label.setObjectName("statusLineText")
        self.label.setMinimumWidth(80)
        layout.addWidget(self.label, 1)
        self.actions = QHBoxLayout()
        self.actions.setSpacing(6)
        layout.addLayout(self.actions)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.close_button.setToolTip(self.tr("不再显示这条提示"))
        self.close_button.clicked.connect(self.dismiss)
        layout.addWidget(self.close_button)
        self.hide()

    def add_action(self, widget: QWidget) -> None:
        """A button that belongs to the line (shown or hidden by its owner)."""
        self.actions.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)

    def say(self, text: str) -> None:
        """Show ``text`` (nothing: hide); a text dismissed before stays hidden."""
        self._text = text
        if text != self._dismissed:
            self._dismissed = ""
        self.label.set_full_text(text)
        self.setVisible(bool(text) and not self._dismissed)

    def text(self) -> str:
        """The whole text (the label may show it elided)."""
        return self._text

    def dismiss(self) -> None:
        self._dismissed = self._text
        self.hide()
