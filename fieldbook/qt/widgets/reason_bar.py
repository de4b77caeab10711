"""An inline "why?" bar under a table: pick one of the configured reasons or type one, Enter
confirms, Esc cancels. Non-modal, so nothing else on the page is blocked or lost."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from fieldbook.core.display_names import display_name
from fieldbook.qt.i18n import ui_language


def bar_row(bar: QFrame) -> QHBoxLayout:
    """An inline bar under a table or form (a reason, an answer): its style and row."""
    bar.setObjectName("reasonBar")
    layout = QHBoxLayout(bar)
    layout.setContentsMargins(10, 6, 10, 6)
    return layout


class ReasonBar(QFrame):
    #: The reason the user confirmed (never empty).
    chosen = Signal(str)
    #: The user closed the bar without choosing.
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = bar_row(self)
        self.prompt = QLabel()
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setMinimumWidth(220)
        self.combo.setMinimumHeight(32)
        self.combo.setAccessibleName(self.tr("原因"))
        self.ok_button = QPushButton(self.tr("确定"))
        self.cancel_button = QPushButton(self.tr("取消"))
        self.hint = QLabel(self.tr("选择或输入原因，Enter 确定，Esc 取消"))
        self.hint.setObjectName("hintLabel")
        layout.addWidget(self.prompt)
        layout.addWidget(self.combo)
        layout.addWidget(self.ok_button)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.hint, 1)
        self.ok_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.cancel)
        self.combo.installEventFilter(self)
        line = self.combo.lineEdit()
        if line is not None:
            line.installEventFilter(self)
        self.hide()

    def ask(self, prompt: str, reasons: Sequence[str], kind: str = "") -> None:
        """Ask with the configured ``reasons``, shown by their names in the interface language
        when ``kind`` names their vocabulary (``plan.skip_reasons``: decision 0016); the one
        chosen is returned as configured."""
        self.prompt.setText(prompt)
        self.combo.clear()
        lang = ui_language()
        for reason in reasons:
            self.combo.addItem(display_name(kind, reason, lang) if kind else reason, reason)
        self.combo.setCurrentIndex(0 if reasons else -1)
        self.show()
        self.combo.setFocus(Qt.FocusReason.OtherFocusReason)
        line = self.combo.lineEdit()
        if line is not None:
            line.selectAll()

    def reason(self) -> str:
        """The configured reason chosen (its stored wording, whatever the language shows), or
        the text typed."""
        text = self.combo.currentText().strip()
        index = self.combo.findText(text)
        stored = self.combo.itemData(index) if index >= 0 else None
        return stored if isinstance(stored, str) and stored else text

    def confirm(self) -> None:
        reason = self.reason()
        if not reason:
            self.combo.setFocus()
            return
        self.hide()
        self.chosen.emit(reason)

    def cancel(self) -> None:
        self.hide()
        self.cancelled.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.confirm()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.cancel()
                return True
        return super().eventFilter(watched, event)
