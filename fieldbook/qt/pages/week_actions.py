"""What the weekly report page does beyond autosaving (mixed into ``WeekPage``): 从上周计划开始,
提交 after a confirmation, 更正… (unlock a submitted report), 记录审阅… (the department's
verdict and comment) and 导出周报… (Excel, through ``fieldbook.core.reports.week``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from fieldbook.core.errors import FieldbookError
from fieldbook.qt.formatting import listing
from fieldbook.qt.widgets.save_dialog import ask_save_xlsx

if TYPE_CHECKING:
    from fieldbook.core.routine.week import WeekView


def export_week(journal: Any, label: str, path: Path) -> Any:
    """The Excel export (imported when used: it may not be installed in this version)."""
    from fieldbook.core.reports.week import export_week as run

    return run(journal, label, path)


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
        self.reviewer = QLineEdit()
        self.reviewer.setMaxLength(50)
        self.reviewer.setPlaceholderText(self.tr("如：营销部 刘主任"))
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


class WeekActions:
    """Uses the page's state (``label``, ``status``, ``view``, ``unsaved``, ``rejected``) and
    widgets (``editors``, ``error_label``), and its saving (``flush``, ``show_message``)."""

    def _failed(self, what: str, exc: BaseException) -> None:
        from fieldbook.messages import describe_error

        self.show_message(
            self.tr("{what}没有完成：{reason}").format(what=what, reason=describe_error(exc))
        )
        if not isinstance(exc, FieldbookError):
            self.ctx.ops.report(exc, what=what, write=True)

    # --- plan from last week ----------------------------------------------------------------
    def start_from_last_week(self) -> None:
        if self.status in ("submitted", "reviewed"):
            return
        label = self.label
        what = self.tr("读取上周计划")

        def done(plan: dict[str, Any]) -> None:
            if label != self.label:
                return
            if not plan:
                self.show_message(self.tr("上周的周报没有写下周计划，没有可以沿用的内容。"))
                return
            self.editors.set_plan(plan)  # the edits autosave like typing
            self.ctx.ops.message.emit(self.tr("已沿用上周的计划，可以接着修改"))

        self.ctx.ops.query(
            lambda j: j.weeks.plan_from_last_week(label),
            done,
            lambda exc: self._failed(what, exc),
            what=what,
        )

    # --- submit -----------------------------------------------------------------------------
    def ask_submit(self) -> QMessageBox | None:
        self.flush()
        if self.status in ("submitted", "reviewed"):
            return None
        if self.unsaved or self.rejected:
            self._say_held()
            return None
        empty = [
            self.tr(name)
            for key, name in (
                ("work_done", "本周主要工作"),
                ("problems", "存在问题"),
                ("countermeasures", "改进措施"),
            )
            if not self.editors.narrative()[key]
        ]
        text = self.tr(
            "提交 {label} 的周报？\n\n提交后，本周数据按现在的数据保存，周报不能再直接修改；"
            "以后的修改要填写原因，并记入更正记录。"
        ).format(label=self.label)
        if empty:
            text += self.tr("\n\n还没有填写：{names}。").format(names=listing(empty))
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("提交周报"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("提交"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(button: int) -> None:
            self.submit_box = None
            if button == QMessageBox.StandardButton.Yes:
                self.submit()

        box.finished.connect(answered)
        self.submit_box = box
        box.open()
        return box

    def submit(self) -> None:
        self.flush()
        if self.unsaved or self.rejected or self.status in ("submitted", "reviewed"):
            return
        label = self.label
        what = self.tr("提交周报")

        def done(_view: WeekView) -> None:
            self.ctx.ops.message.emit(self.tr("{label} 的周报已提交").format(label=label))
            self.reload(texts=True)

        def failed(exc: BaseException) -> None:
            self._failed(what, exc)
            self.reload()

        self.ctx.ops.write(lambda j: j.weeks.submit(label), done, failed, what=what)

    def unlock(self) -> None:
        """更正…: a submitted report's texts become editable; the edits need a reason."""
        if self.status not in ("submitted", "reviewed"):
            return
        self.unlocked = True
        self.editors.set_read_only(False)
        self.correct_button.hide()
        self.note.setText(
            self.tr("正在更正已提交的周报：改好后在下面填写原因，点“保存更正”；或“撤销修改”。")
        )

    # --- review -----------------------------------------------------------------------------
    def open_review(self) -> ReviewDialog:
        dialog = ReviewDialog(self.label, self)
        dialog.reviewed.connect(lambda v, c, r: self.record_review(v, c, r, dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.review_dialog = dialog
        dialog.open()
        return dialog

    def record_review(
        self, verdict: str, comment: str, reviewer: str, dialog: ReviewDialog | None = None
    ) -> None:
        label = self.label
        what = self.tr("记录审阅")

        def done(_view: WeekView) -> None:
            if dialog is not None:
                dialog.accept()
            self.ctx.ops.message.emit(self.tr("已记录审阅"))
            self.reload()

        def failed(exc: BaseException) -> None:
            from fieldbook.messages import describe_error

            if dialog is not None:
                dialog.show_error(describe_error(exc))
            self._failed(what, exc)

        self.ctx.ops.write(
            lambda j: j.weeks.review(label, verdict, comment, reviewer=reviewer),
            done,
            failed,
            what=what,
        )

    # --- export -----------------------------------------------------------------------------
    def choose_export_file(self) -> QFileDialog:
        self.flush()
        name = self.tr("周报_{label}.xlsx").format(label=self.label)
        return ask_save_xlsx(self, self.tr("导出周报"), name, self.export_to)

    def export_to(self, path: Path) -> None:
        self.flush()
        label = self.label

        def done(written: Any) -> None:
            shown = written if isinstance(written, str | Path) else path
            self.show_message("")
            self.ctx.ops.message.emit(self.tr("周报已导出：{path}").format(path=shown))

        def failed(exc: BaseException) -> None:
            from fieldbook.messages import describe_error

            if isinstance(exc, ImportError):
                reason = self.tr("这个版本还没有周报导出功能")
            else:
                reason = describe_error(exc)
            text = self.tr("周报没有导出：{reason}").format(reason=reason)
            self.show_message(text)
            self.ctx.ops.message.emit(text)

        self.ctx.ops.query(
            lambda j: export_week(j, label, path), done, failed, what=self.tr("导出周报")
        )
