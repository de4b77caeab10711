"""What the work log page does beyond writing (mixed into ``DayLogPage``): record the department
head's answer to an escalated problem (this day's or an earlier day's), 提交 after a
confirmation, 导入订单…, 导出… (Excel) and the reminder settings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from fieldbook.core.errors import FieldbookError
from fieldbook.core.routine.daylog import TEXT_SECTIONS
from fieldbook.qt.formatting import listing
from fieldbook.qt.pages.daylog_data import export_daylog
from fieldbook.qt.plan_format import short_date
from fieldbook.qt.widgets.day_corrections import section_label
from fieldbook.qt.widgets.day_sections import ORDER
from fieldbook.qt.widgets.save_dialog import ask_save_xlsx

if TYPE_CHECKING:
    from fieldbook.core.routine.daylog import DayLogView


class DayLogActions:
    """The page's actions. Uses the page's state (``day``, ``status``, ``saved``, ``earlier``,
    ``unsaved``, ``rejected``) and widgets (``tables``, ``earlier_table``, ``earlier_title``,
    ``answer_bar``, ``error_label``), and its saving (``flush``, ``show_message``)."""

    # --- escalations -------------------------------------------------------------------------
    def answer_current(self) -> None:
        table = self.tables["escalations"]
        row = table.current_row()
        if row < 0:
            table.show_hint(self.tr("请先选中要记录答复的问题"))
            return
        self.flush()
        data = table.model.row(row)
        saved_ids = {r.get("id") for r in self.saved.get("escalations", [])}
        if data.get("id") not in saved_ids:
            table.show_hint(self.tr("这个问题还没有保存，保存后才能记录答复"))
            return
        if data.get("answered"):
            table.show_hint(
                self.tr("这个问题已经答复：{answer}").format(answer=data.get("answer", ""))
            )
            return
        table.show_hint("")
        self.answer_bar.ask(self.day, data)

    def answer_earlier(self) -> None:
        row = self.earlier_table.currentRow()
        if not 0 <= row < len(self.earlier):
            self.earlier_title.setText(self.tr("请先选中要记录答复的问题："))
            return
        day, data = self.earlier[row]
        self.answer_bar.ask(day, data)

    def save_answer(self) -> None:
        target = self.answer_bar.target
        answer = self.answer_bar.edit.text().strip()
        if target is None:
            return
        if not answer:
            self.answer_bar.edit.setFocus()
            return
        day, escalation_id = target

        def done(view: DayLogView) -> None:
            self.answer_bar.close_bar()
            self.ctx.ops.message.emit(self.tr("已记录答复"))
            if day == self.day:
                for row in view.sections.get("escalations", []):
                    if row.get("id") == escalation_id:
                        updates = {k: row.get(k) for k in ("answered", "answer", "answered_at")}
                        self.tables["escalations"].model.merge("id", escalation_id, updates)
                        for saved in self.saved.get("escalations", []):
                            if saved.get("id") == escalation_id:
                                saved.update(updates)
            self.reload()

        def failed(exc: BaseException) -> None:
            from fieldbook.messages import describe_error

            self.show_message(self.tr("答复没有保存：{reason}").format(reason=describe_error(exc)))
            if not isinstance(exc, FieldbookError):
                self.ctx.ops.report(exc, what=self.tr("记录答复"), write=True)

        self.ctx.ops.write(
            lambda j: j.daylogs.answer_escalation(day, escalation_id, answer),
            done,
            failed,
            what=self.tr("记录答复"),
        )

    # --- submit -------------------------------------------------------------------------------
    def ask_submit(self) -> QMessageBox | None:
        self.flush()
        if self.status == "submitted":
            return None
        if self.unsaved or self.rejected:
            self._say_held()
            self.show_message(self.error_label.text() + self.tr("\n保存成功之前不能提交。"))
            return None
        empty = [
            section_label(n)
            for n in ORDER
            if n in TEXT_SECTIONS and not str(self.value_of(n)).strip()
        ]
        text = self.tr(
            "提交 {day} 的工作日志？\n\n提交后，当天情况和经济指标按现在的数据保存；"
            "以后再修改任何部分都要填写原因，并记入更正记录。"
        ).format(day=short_date(self.day))
        if empty:
            text += self.tr("\n\n还没有填写：{names}。").format(names=listing(empty))
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("提交工作日志"),
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
        if self.unsaved or self.rejected or self.status == "submitted":
            return
        day = self.day

        def done(view: DayLogView) -> None:
            self.ctx.ops.message.emit(self.tr("{day} 的工作日志已提交").format(day=short_date(day)))
            self.reload(sections=True)

        def failed(exc: BaseException) -> None:
            from fieldbook.messages import describe_error

            self.show_message(self.tr("没有提交：{reason}").format(reason=describe_error(exc)))
            if not isinstance(exc, FieldbookError):
                self.ctx.ops.report(exc, what=self.tr("提交工作日志"), write=True)
            self.reload()

        self.ctx.ops.write(
            lambda j: j.daylogs.submit(day), done, failed, what=self.tr("提交工作日志")
        )

    # --- orders, export, reminders ------------------------------------------------------------
    def import_orders(self) -> QWidget:
        from fieldbook.qt.dialogs.order_import_dialog import OrderImportDialog

        dialog = OrderImportDialog(self.ctx, self)
        dialog.imported.connect(lambda _report: self.reload())
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()
        dialog.choose_file()
        return dialog

    def choose_export_file(self) -> QFileDialog:
        self.flush()
        name = self.tr("工作日志_{day}.xlsx").format(day=self.day.isoformat())
        return ask_save_xlsx(self, self.tr("导出工作日志"), name, self.export_to)

    def export_to(self, path: Path) -> None:
        self.flush()
        day = self.day
        what = self.tr("导出工作日志")

        def done(written: Any) -> None:
            shown = written if isinstance(written, str | Path) else path
            text = self.tr("工作日志已导出：{path}").format(path=shown)
            self.show_message("")
            self.ctx.ops.message.emit(text)

        def failed(exc: BaseException) -> None:
            from fieldbook.messages import describe_error

            if isinstance(exc, ImportError):
                reason = self.tr("这个版本还没有工作日志导出功能")
            else:
                reason = describe_error(exc)
            text = self.tr("工作日志没有导出：{reason}").format(reason=reason)
            self.show_message(text)
            self.ctx.ops.message.emit(text)

        self.ctx.ops.query(lambda j: export_daylog(j, day, path), done, failed, what=what)

    def edit_reminders(self) -> QWidget:
        from fieldbook.qt.reminders import ReminderSettings, ReminderSettingsDialog

        dialog = ReminderSettingsDialog(ReminderSettings(), self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()
        return dialog
