"""记录审阅 of a submitted weekly report: the dialog (通过 / 退回 with a required comment, who
reviewed) and the write that records it. Composed into ``WeekPage``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from fieldbook.messages import describe_error
from fieldbook.qt.operations.runner import Ops
from fieldbook.qt.widgets.form_fields import line_edit


class ReviewDialog(QDialog):
    """记录审阅: 通过 / 退回 (a comment is required), the comment and who reviewed."""

    reviewed = Signal(str, str, str)

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("记录审阅 {label}").format(label=label))
        form = QFormLayout(self)
        self.verdict = QComboBox()
        self.verdict.addItem(self.tr("通过"), "approved")
        self.verdict.addItem(self.tr("退回"), "returned")
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(80)
        self.comment.setPlaceholderText(self.tr("退回时必须填写意见"))
        self.reviewer = line_edit(50, self.tr("如：营销部 刘主任"))
        self.error = QLabel()
        self.error.setObjectName("itemError")
        self.error.hide()
        form.addRow(self.tr("结论"), self.verdict)
        form.addRow(self.tr("意见"), self.comment)
        form.addRow(self.tr("审阅人"), self.reviewer)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存审阅"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.buttons = buttons

    def confirm(self) -> None:
        verdict = self.verdict.currentData()
        comment = self.comment.toPlainText().strip()
        if verdict == "returned" and not comment:
            self.show_error(self.tr("退回时请填写意见"))
            self.comment.setFocus()
            return
        self.reviewed.emit(verdict, comment, self.reviewer.text().strip())

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))


class WeekReview(QObject):
    """Opens the dialog and records the review of the week ``label()`` shows; ``failed`` and
    ``reload`` are the page's (its error line, showing the report again)."""

    def __init__(
        self,
        ops: Ops,
        parent: QWidget,
        *,
        label: Callable[[], str],
        failed: Callable[[str, BaseException], None],
        reload: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.parent_widget = parent
        self.dialog: ReviewDialog | None = None
        self._label = label
        self._failed = failed
        self._reload = reload

    def open(self) -> ReviewDialog:
        dialog = ReviewDialog(self._label(), self.parent_widget)
        dialog.reviewed.connect(lambda v, c, r: self.record(v, c, r, dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def record(
        self, verdict: str, comment: str, reviewer: str, dialog: ReviewDialog | None = None
    ) -> None:
        label = self._label()
        what = self.tr("记录审阅")

        def done(_view: object) -> None:
            if dialog is not None:
                dialog.accept()
            self.ops.message.emit(self.tr("已记录审阅"))
            self._reload()

        def failed(exc: BaseException) -> None:
            if dialog is not None:
                dialog.show_error(describe_error(exc))
            self._failed(what, exc)

        self.ops.write(
            lambda j: j.weeks.review(label, verdict, comment, reviewer=reviewer),
            done,
            failed,
            what=what,
        )

    def resubmit(self) -> None:
        """A returned report submitted again: the next round of its review (decision 0029)."""
        label = self._label()
        what = self.tr("重新提交")

        def done(_view: object) -> None:
            self.ops.message.emit(self.tr("周报 {label} 已重新提交").format(label=label))
            self._reload()

        self.ops.write(
            lambda j: j.weeks.resubmit(label),
            done,
            lambda exc: self._failed(what, exc),
            what=what,
        )
