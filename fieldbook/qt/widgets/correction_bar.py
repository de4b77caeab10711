"""The bar that appears when a FINISHED record is edited: what was changed, a reason field,
保存更正 and 撤销修改. Non-modal: the edits stay on screen until saved or undone."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from fieldbook.qt.formatting import listing

REASON_MAX = 200


class CorrectionBar(QFrame):
    #: 保存更正 with a reason (never empty).
    save_requested = Signal(str)
    #: 撤销修改.
    undo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonBar")
        layout = QGridLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setHorizontalSpacing(8)
        self.changed_label = QLabel()
        self.changed_label.setObjectName("draftText")
        self.changed_label.setWordWrap(True)
        prompt = QLabel(self.tr("更正原因"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(REASON_MAX)
        self.reason_edit.setMinimumHeight(32)
        self.reason_edit.setPlaceholderText(self.tr("如：到店时间记错了"))
        self.reason_edit.setAccessibleName(self.tr("更正原因"))
        prompt.setBuddy(self.reason_edit)
        self.save_button = QPushButton(self.tr("保存更正"))
        self.save_button.setMinimumHeight(32)
        self.undo_button = QPushButton(self.tr("撤销修改"))
        self.undo_button.setMinimumHeight(32)
        self.error_label = QLabel()
        self.error_label.setObjectName("itemError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.changed_label, 0, 0, 1, 4)
        layout.addWidget(prompt, 1, 0)
        layout.addWidget(self.reason_edit, 1, 1)
        layout.addWidget(self.save_button, 1, 2)
        layout.addWidget(self.undo_button, 1, 3)
        layout.addWidget(self.error_label, 2, 0, 1, 4)
        layout.setColumnStretch(1, 1)
        self.save_button.clicked.connect(self.confirm)
        self.undo_button.clicked.connect(self.undo_requested)
        self.reason_edit.installEventFilter(self)
        self.hide()

    def show_changes(self, labels: Sequence[str]) -> None:
        self.changed_label.setText(
            self.tr("已修改：{fields}。这次走访已完成，更正需要填写原因，会记入修改记录。").format(
                fields=listing(labels)
            )
        )
        self.show()

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def confirm(self) -> None:
        reason = self.reason()
        if not reason:
            self.show_error(self.tr("请填写更正原因"))
            self.reason_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.show_error("")
        self.save_requested.emit(reason)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def reset(self) -> None:
        self.reason_edit.clear()
        self.show_error("")
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.reason_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.confirm()
            return True
        return super().eventFilter(watched, event)
