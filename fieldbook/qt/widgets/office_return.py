"""回到单位 on the work log page (decision 0018): one action on return records the time back at
the office — today, with nothing recorded yet, the button records *now*. Changing a recorded
time, recording one for another day or on a submitted log asks for the time and a reason (the
change goes into the audit trail, like a visit's time)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QObject, QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.errors import FieldbookError
from fieldbook.core.routine.plan import plan_rules
from fieldbook.messages import describe_error
from fieldbook.qt.context import AppContext


class ReturnDialog(QDialog):
    """The time back at the office and why it is changed."""

    def __init__(self, at: time, reason_needed: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("回到单位的时间"))
        self.reason_needed = reason_needed
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.time_edit = QTimeEdit(QTime(at.hour, at.minute))
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setAccessibleName(self.tr("回到单位的时间"))
        form.addRow(self.tr("回到单位"), self.time_edit)
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName(self.tr("修改原因"))
        self.reason_edit.setPlaceholderText(
            self.tr("必填：为什么改（记入更正记录）") if reason_needed else self.tr("可不填")
        )
        form.addRow(self.tr("原因"), self.reason_edit)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons = buttons
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def buttons_ok(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def chosen(self) -> time:
        value = self.time_edit.time()
        return time(value.hour(), value.minute())

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _accept(self) -> None:
        if self.reason_needed and not self.reason():
            self.show_error(self.tr("请写明修改原因"))
            self.reason_edit.setFocus()
            return
        self.accept()


class OfficeReturn(QObject):
    """The 回到单位 button and what it does, for a page that knows its day, whether the day
    has a return recorded, whether the log is submitted, and how to reload."""

    def __init__(
        self,
        ctx: AppContext,
        day: Callable[[], date],
        state: Callable[[], tuple[datetime | None, bool]],
        reload: Callable[[], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.day, self.state, self.reload = ctx, day, state, reload
        self.page = parent
        self.button = QPushButton(self.tr("回到单位"))
        self.button.setToolTip(
            self.tr("回到单位时点一下，记下回到单位的时间（Ctrl+Shift+B）；已记下的可以修改")
        )
        self.button.clicked.connect(self.press)
        self.dialog: ReturnDialog | None = None

    def press(self) -> ReturnDialog | None:
        """Record now (today, nothing recorded, a draft log); else ask for the time."""
        day = self.day()
        recorded, submitted = self.state()
        now = self.ctx.now()
        if recorded is None and not submitted and day == now.date():
            self._save(now, "", None)
            return None
        at = recorded.time() if recorded else now.time()
        if recorded is None and day != now.date():  # another day: start from its due time
            at = plan_rules().back_by(day)
        dialog = ReturnDialog(at, recorded is not None or submitted, self.page)
        dialog.accepted.connect(
            lambda: self._save(datetime.combine(day, dialog.chosen()), dialog.reason(), dialog)
        )
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _save(self, at: datetime, reason: str, dialog: ReturnDialog | None) -> None:
        day = self.day()
        what = self.tr("记录回到单位")

        def done(_view: object) -> None:
            self.ctx.ops.message.emit(
                self.tr("已记下回到单位 {time}").format(time=at.strftime("%H:%M"))
            )
            self.reload()

        def failed(exc: BaseException) -> None:
            text = self.tr("回到单位没有记下：{reason}").format(reason=describe_error(exc))
            self.ctx.ops.message.emit(text)
            if dialog is not None:
                dialog.show_error(text)
                dialog.open()
            if not isinstance(exc, FieldbookError):
                self.ctx.ops.report(exc, what=what, write=True)

        self.ctx.ops.write(
            lambda j: j.daylogs.record_return(day, at, reason), done, failed, what=what
        )
