"""The bar that appears when a FINISHED record is edited: what was changed, a reason field,
保存更正 and 撤销修改. Non-modal: the edits stay on screen until saved or undone."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QWidget,
)

from fieldbook.qt.formatting import listing
from fieldbook.qt.widgets.form_fields import is_enter_press, line_edit
from fieldbook.qt.widgets.layouts import draft_text, reason_grid
from fieldbook.qt.widgets.message_label import MessageLabel

REASON_MAX = 200
translate = QCoreApplication.translate


def correction_words(record: str) -> tuple[str, str]:
    """What the bar says of a finished ``record`` (``visit``, ``day``: a submitted work log,
    ``week``: a submitted weekly report): the changes (``{fields}``) and the reason's example."""
    if record == "day":
        return (
            translate(
                "CorrectionBar",
                "已修改：{fields}。日志已提交，更正需要填写原因，会记入更正记录。",
            ),
            translate("CorrectionBar", "如：例会记录漏记一项"),
        )
    if record == "week":
        return (
            translate(
                "CorrectionBar",
                "已修改：{fields}。周报已提交，更正需要填写原因，会记入更正记录。",
            ),
            translate("CorrectionBar", "如：目标写错了"),
        )
    return (
        translate(
            "CorrectionBar",
            "已修改：{fields}。这次走访已完成，更正需要填写原因，会记入修改记录。",
        ),
        translate("CorrectionBar", "如：到店时间记错了"),
    )


class CorrectionBar(QFrame):
    #: 保存更正 with a reason (never empty).
    save_requested = Signal(str)
    #: 撤销修改.
    undo_requested = Signal()

    def __init__(self, record: str = "visit", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.changed_text, example = correction_words(record)
        layout = reason_grid(self, margin=10, spacing=8)
        self.changed_label = draft_text()
        prompt = QLabel(self.tr("更正原因"))
        self.reason_edit = line_edit(REASON_MAX, example, height=32)
        self.reason_edit.setAccessibleName(self.tr("更正原因"))
        prompt.setBuddy(self.reason_edit)
        self.save_button = QPushButton(self.tr("保存更正"))
        self.save_button.setMinimumHeight(32)
        self.undo_button = QPushButton(self.tr("撤销修改"))
        self.undo_button.setMinimumHeight(32)
        self.error_label = MessageLabel("itemError")
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
        self.changed_label.setText(self.changed_text.format(fields=listing(labels)))
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
        self.error_label.say(text)

    def reset(self) -> None:
        self.reason_edit.clear()
        self.show_error("")
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.reason_edit and is_enter_press(event):
            self.confirm()
            return True
        return super().eventFilter(watched, event)
