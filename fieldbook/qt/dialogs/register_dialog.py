"""导出登记表: the slip register (客户信息反馈单登记表) of a period, optionally for one
department, which the departments fill in and send back (导入部门答复 reads it)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.slips.rules import slip_rules
from fieldbook.messages import describe_error
from fieldbook.qt.context import AppContext
from fieldbook.qt.formatting import iso_date
from fieldbook.qt.operations.slip_files import export_register
from fieldbook.qt.slip_format import department_name
from fieldbook.qt.widgets.message_label import MessageLabel
from fieldbook.qt.widgets.save_dialog import ask_save_xlsx


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class RegisterDialog(QDialog):
    #: The file written.
    exported = Signal(object)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, department: str | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.busy = False
        self._file_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("导出反馈单登记表"))
        today = ctx.today()
        self.start_edit = QDateEdit(_qdate(today.replace(day=1)))
        self.end_edit = QDateEdit(_qdate(today))
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumHeight(30)
        self.department_combo = QComboBox()
        self.department_combo.addItem(self.tr("全部部门"), None)
        for code in slip_rules().departments:
            self.department_combo.addItem(department_name(code), code)
        self.department_combo.setCurrentIndex(max(self.department_combo.findData(department), 0))
        period = QHBoxLayout()
        period.addWidget(self.start_edit)
        period.addWidget(QLabel(self.tr("至")))
        period.addWidget(self.end_edit)
        period.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("填报日期"), period)
        form.addRow(self.tr("部门"), self.department_combo)
        note = QLabel(
            self.tr(
                "每张反馈单发给几个部门就有几行。部门在黄色的列里填写状态、处理人、处理时间和答复，"
                "发回后用“导入部门答复…”读入。"
            )
        )
        note.setObjectName("hintLabel")
        note.setWordWrap(True)
        self.error_label = MessageLabel("errorLabel")
        self.export_button = QPushButton(self.tr("导出…"))
        self.export_button.setDefault(True)
        cancel = QPushButton(self.tr("取消"))
        cancel.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.export_button.clicked.connect(self.choose_file)
        cancel.clicked.connect(self.reject)
        self.resize(520, 220)

    def period(self) -> tuple[date, date]:
        return _pydate(self.start_edit.date()), _pydate(self.end_edit.date())

    def department(self) -> str | None:
        return self.department_combo.currentData()

    def accept(self) -> None:
        self.choose_file()

    def choose_file(self) -> QFileDialog:
        start, end = self.period()
        name = self.tr("反馈单登记表_{start}_{end}.xlsx").format(
            start=iso_date(start), end=iso_date(end)
        )
        dialog = ask_save_xlsx(self, self.tr("导出反馈单登记表"), name, self.export_to)
        self._file_dialog = dialog
        return dialog

    def export_to(self, path: Path) -> None:
        if self.busy:
            return
        start, end = self.period()
        department = self.department()
        self.busy = True
        self.export_button.setEnabled(False)
        self.error_label.hide()
        self.ctx.ops.write(
            lambda j: export_register(j, path, start, end, department),
            self._done,
            self._failed,
            what=self.tr("导出登记表"),
        )

    def _done(self, written: Path) -> None:
        self.busy = False
        self.export_button.setEnabled(True)
        self.ctx.ops.message.emit(self.tr("登记表已导出：{path}").format(path=written))
        self.exported.emit(written)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.export_button.setEnabled(True)
        self.error_label.setText(
            self.tr("登记表没有导出：{reason}").format(reason=describe_error(exc))
        )
        self.error_label.show()
        self.ctx.ops.message.emit(self.error_label.text())

    def reject(self) -> None:
        if not self.busy:
            super().reject()
