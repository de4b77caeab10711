"""The one flow of every import dialog: choose a file → a dry run in the worker → what it would
do and every problem by row and column → 导入 (only without problems: all or nothing) or
跳过有问题的行并导入 (the valid rows). Both run as long jobs with a progress dialog and 取消.

:class:`ImportFlow` owns the flow — the file row, the worker calls, the problems table, the
buttons and the apply step; a dialog supplies what differs: its dry run and import, how it
shows a dry run's result and the words of its summary."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldbook.messages import describe_error, describe_problem
from fieldbook.qt.context import AppContext
from fieldbook.qt.operations.runner import is_cancelled
from fieldbook.qt.widgets.layouts import dialog_buttons
from fieldbook.qt.widgets.message_label import MessageLabel
from fieldbook.qt.widgets.read_only_table import ReadOnlyTable

if TYPE_CHECKING:
    from fieldbook.core.errors import Problem
    from fieldbook.core.journal import Journal
    from fieldbook.core.xlsx.importing import ImportReport

#: A job for the worker: ``job(journal, progress, cancelled)``.
Job = Callable[["Journal", Callable[[int, int], None], Callable[[], bool]], Any]

MAX_PROBLEMS_SHOWN = 1000
#: File dialog filters (source texts, translated when shown).
TABLE_FILES = ("表格文件 (*.xlsx *.xlsm *.csv *.txt)", "所有文件 (*)")
WORKBOOKS = ("Excel 工作簿 (*.xlsx *.xlsm)", "所有文件 (*)")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def problem_text(p: Problem) -> str:
    """describe_problem() without its "第 N 行，列：" prefix (row and column have columns)."""
    text = describe_problem(p)
    for prefix in (f"第 {p.row} 行，{p.column}：", f"row {p.row}, column {p.column}: "):
        if text.startswith(prefix):
            return text[len(prefix) :]
    return text


class ReportTable(ReadOnlyTable):
    """A read-only table of what a dry run found (one row per line of the file)."""

    def __init__(
        self, headers: Sequence[str], widths: Sequence[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(headers, widths, row_height=28, parent=parent)

    def rows(self) -> list[tuple[str, ...]]:
        """The texts shown, row by row."""
        return [
            tuple(self._text(r, c) for c in range(self.columnCount()))
            for r in range(self.rowCount())
        ]

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""


class ProblemTable(ReportTable):
    """行 · 列 · 问题: the problems first, then the warnings (提醒：…, grey); conflicts red."""

    def __init__(self, widths: Sequence[int] = (60, 130), parent: QWidget | None = None) -> None:
        super().__init__([self.tr("行"), self.tr("列"), self.tr("问题")], widths, parent)

    def show_problems(
        self,
        problems: Sequence[Problem],
        warnings: Sequence[Problem] = (),
        conflicts: Collection[str] = (),
    ) -> None:
        rows = [(p, False) for p in problems] + [(w, True) for w in warnings]
        rows = rows[:MAX_PROBLEMS_SHOWN]
        self.setRowCount(len(rows))
        for n, (p, warning) in enumerate(rows):
            text = problem_text(p)
            if warning:
                text = self.tr("提醒：{text}").format(text=text)
            items = (
                QTableWidgetItem(str(p.row)),
                QTableWidgetItem(p.column),
                QTableWidgetItem(text),
            )
            items[0].setTextAlignment(RIGHT)
            items[2].setToolTip(text)
            for column, item in enumerate(items):
                if warning:
                    item.setForeground(Qt.GlobalColor.darkGray)
                elif p.code in conflicts:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.setItem(n, column, item)


class ImportFlow(QDialog):
    """The base of the import dialogs; see the module's docstring."""

    #: Emitted with the core's report after an import changed the database.
    imported = Signal(object)

    #: The file dialog's name filters.
    name_filters: tuple[str, ...] = TABLE_FILES

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        """A dialog sets its window title (the import's name) and the intro in ``info_label``."""
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.report: ImportReport | None = None
        self.busy = False
        self._file_dialog: QFileDialog | None = None
        self.setSizeGripEnabled(True)
        self.file_label = QLabel(self.tr("还没有选择文件"))
        self.file_label.setObjectName("fileLabel")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(self.tr("选择文件…"))
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_file)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.error_label = MessageLabel("errorLabel")
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.import_button = QPushButton(self.tr("导入"))
        self.import_button.setDefault(True)
        self.skip_button = QPushButton(self.tr("跳过有问题的行并导入"))
        self.skip_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setAutoDefault(False)
        self.import_button.clicked.connect(lambda: self.apply(skip_invalid=False))
        self.skip_button.clicked.connect(lambda: self.apply(skip_invalid=True))
        self.cancel_button.clicked.connect(self.reject)
        #: Where a dialog puts what it shows of a dry run (between the file and the buttons).
        self.content = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(self._file_row())
        layout.addWidget(self.info_label)
        layout.addWidget(self.error_label)
        layout.addLayout(self.content, 1)
        layout.addLayout(self._button_row())

    def _file_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("文件：")))
        row.addWidget(self.file_label, 1)
        row.addWidget(self.choose_button)
        return row

    def _button_row(self) -> QHBoxLayout:
        return dialog_buttons(self.import_button, self.skip_button, self.cancel_button)

    # --- what a dialog supplies --------------------------------------------------------------
    def file_dialog_title(self) -> str:
        return self.tr("选择要导入的文件")

    def check_title(self) -> str:
        return self.tr("检查文件")

    def dry_run(self, path: Path) -> Job:
        """The worker's dry run of ``path``; its result goes to :meth:`show_result`."""
        raise NotImplementedError

    def import_job(self, path: Path, *, skip_invalid: bool) -> Job:
        """The worker's import of ``path``; it returns the core's report."""
        raise NotImplementedError

    def show_result(self, result: Any) -> None:
        """Show a dry run's result; sets :attr:`report`."""
        raise NotImplementedError

    def has_changes(self, report: ImportReport) -> bool:
        """Whether importing would change anything."""
        raise NotImplementedError

    def applied_message(self, report: ImportReport) -> str:
        """The status bar's line after an import."""
        raise NotImplementedError

    def not_applied(self, report: ImportReport) -> None:
        """The import changed nothing (the file or the database changed since the check)."""
        self.show_result(report)

    # --- choosing a file ---------------------------------------------------------------------
    def choose_file(self) -> QFileDialog:
        """Ask for a file (non-blocking); cancelling before any file was chosen closes."""
        dialog = QFileDialog(self, self.file_dialog_title())
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr(text) for text in self.name_filters])
        dialog.fileSelected.connect(lambda name: self.set_file(Path(name)))
        dialog.rejected.connect(self._file_dialog_closed)
        self._file_dialog = dialog
        dialog.open()
        return dialog

    def _file_dialog_closed(self) -> None:
        if self.path is None:
            self.reject()

    def set_file(self, path: Path) -> None:
        self.path = Path(path)
        self.file_label.setText(str(self.path))
        self.file_chosen()
        self.check()

    def file_chosen(self) -> None:
        """A new file: forget what belonged to the last one."""

    # --- the dry run -------------------------------------------------------------------------
    def check(self) -> None:
        """Run the dry run in the worker."""
        if self.path is None:
            return
        path = self.path
        self.error_label.hide()
        self.info_label.setText(self.tr("正在检查文件…"))
        self._run(
            self.dry_run(path),
            self._checked,
            self._check_failed,
            self.check_title(),
            self.tr("正在读取并检查 {name}…").format(name=path.name),
            write=False,
        )

    def _run(
        self,
        job: Job,
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
        title: str,
        label: str,
        *,
        write: bool,
    ) -> None:
        """Hand ``job`` to the worker as a long job; busy (buttons off) until it is back."""
        self.busy = True
        self.update_buttons()
        self.ctx.ops.long(job, done, failed, title=title, label=label, write=write, parent=self)

    def _checked(self, result: Any) -> None:
        self.busy = False
        self.error_label.hide()
        self.show_result(result)
        self.update_buttons()

    def _check_failed(self, exc: BaseException) -> None:
        self.busy = False
        self.report = None
        if is_cancelled(exc):
            self.info_label.setText(self.tr("检查已取消。"))
        else:
            self.info_label.setText(self.tr("无法导入这个文件。请检查文件，或选择另一个文件。"))
            self.error_label.setText(describe_error(exc))
            self.error_label.show()
        self.update_buttons()

    # --- words shared by the dialogs ---------------------------------------------------------
    def sheet_text(self, report: ImportReport) -> str:
        """``，工作表“客户名单”`` (empty for a CSV file)."""
        return self.tr("，工作表“{sheet}”").format(sheet=report.sheet) if report.sheet else ""

    def problems_text(self, report: ImportReport) -> str:
        return self.tr("{n} 行有问题：改好文件后重新选择，或跳过这些行只导入其余的行。").format(
            n=len(report.rejected_rows)
        )

    def skipped_text(self, report: ImportReport) -> str:
        return self.tr("已跳过 {n} 个空行或合计行。").format(n=len(report.skipped_rows))

    def update_buttons(self) -> None:
        report = self.report
        ok = report is not None and not self.busy and self.has_changes(report)
        problems = bool(report is not None and report.problems)
        self.import_button.setEnabled(ok and not problems)
        self.skip_button.setEnabled(ok and problems and not (report is not None and report.fatal))
        self.choose_button.setEnabled(not self.busy)

    # --- applying ----------------------------------------------------------------------------
    def apply(self, *, skip_invalid: bool) -> None:
        if self.path is None or self.report is None or self.busy:
            return
        path = self.path
        self._run(
            self.import_job(path, skip_invalid=skip_invalid),
            self._applied,
            self._apply_failed,
            self.windowTitle(),
            self.tr("正在导入 {name}…").format(name=path.name),
            write=True,
        )

    def _applied(self, report: ImportReport) -> None:
        self.busy = False
        if not report.applied:
            self.not_applied(report)
            self.update_buttons()
            return
        self.ctx.ops.message.emit(self.applied_message(report))
        self.imported.emit(report)
        self.accept()

    def _apply_failed(self, exc: BaseException) -> None:
        self.busy = False
        self.update_buttons()
        self.ctx.ops.report(exc, what=self.windowTitle(), write=True)

    def reject(self) -> None:
        if not self.busy:
            super().reject()
