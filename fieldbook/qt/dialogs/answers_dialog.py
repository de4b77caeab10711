"""导入部门答复: a slip register a department filled in and sent back. Pick the file → a dry run
(in the worker) lists what would change — each delivery's moves, who, when, the answer — and
every problem and conflict by row and column → 导入 applies it all (only without problems), or
跳过有问题的行并导入 applies the clean rows. Nothing is overwritten silently: conflicts are
problems."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldbook.qt.context import AppContext
from fieldbook.qt.slip_format import department_name, moment, state_name

if TYPE_CHECKING:
    from fieldbook.core.slips.answers import AnswersReport


def _table(headers: list[str], widths: list[int]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    for n, width in enumerate(widths):
        header.resizeSection(n, width)
    header.setStretchLastSection(True)
    return table


class AnswersDialog(QDialog):
    #: The AnswersReport after the answers went into the database.
    imported = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.report: AnswersReport | None = None
        self.busy = False
        self._file_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("导入部门答复"))
        self.resize(1000, 640)
        self.setSizeGripEnabled(True)
        self.file_label = QLabel(self.tr("还没有选择文件"))
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(self.tr("选择文件…"))
        self.choose_button.setAutoDefault(False)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("文件：")))
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)
        self.info_label = QLabel(
            self.tr(
                "选择部门填好发回的登记表（.xlsx）。先检查，列出将要办理的和有冲突的行，确认后再导入。"
            )
        )
        self.info_label.setWordWrap(True)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summaryLine")
        self.summary_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.plan_table = _table(
            [
                self.tr("行"),
                self.tr("反馈单号"),
                self.tr("部门"),
                self.tr("变动"),
                self.tr("处理人"),
                self.tr("处理时间"),
                self.tr("答复"),
            ],
            [50, 200, 70, 220, 80, 100],
        )
        plan_box = QGroupBox(self.tr("将要办理"))
        QVBoxLayout(plan_box).addWidget(self.plan_table)
        self.problem_table = _table([self.tr("行"), self.tr("列"), self.tr("问题")], [50, 150])
        problem_box = QGroupBox(self.tr("问题和冲突（这些行不会导入）"))
        QVBoxLayout(problem_box).addWidget(self.problem_table)
        self.import_button = QPushButton(self.tr("导入"))
        self.import_button.setDefault(True)
        self.skip_button = QPushButton(self.tr("跳过有问题的行并导入"))
        self.skip_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.import_button, self.skip_button, self.cancel_button):
            button.setMinimumHeight(34)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.info_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(plan_box, 3)
        layout.addWidget(problem_box, 2)
        layout.addLayout(buttons)
        self.choose_button.clicked.connect(self.choose_file)
        self.import_button.clicked.connect(lambda: self.apply(skip_invalid=False))
        self.skip_button.clicked.connect(lambda: self.apply(skip_invalid=True))
        self.cancel_button.clicked.connect(self.reject)
        self._update_buttons()

    # --- the file ---------------------------------------------------------------------------------
    def choose_file(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("选择部门发回的登记表"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("Excel 工作簿 (*.xlsx *.xlsm)"), self.tr("所有文件 (*)")])
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
        self.check()

    # --- dry run ----------------------------------------------------------------------------------
    def check(self) -> None:
        from fieldbook.qt.operations.slip_files import import_answers

        path = self.path
        if path is None:
            return
        self.busy = True
        self.report = None
        self._update_buttons()
        self.error_label.hide()
        self.info_label.setText(self.tr("正在检查文件…"))
        self.ctx.ops.long(
            lambda j, progress, cancelled: import_answers(
                j, path, dry_run=True, progress=progress, cancelled=cancelled
            ),
            self._checked,
            self._check_failed,
            title=self.tr("检查部门答复"),
            label=self.tr("正在读取并检查 {name}…").format(name=path.name),
            write=False,
            parent=self,
        )

    def _checked(self, report: AnswersReport) -> None:
        self.busy = False
        self.show_report(report)

    def _check_failed(self, exc: BaseException) -> None:
        from fieldbook.messages import describe_error
        from fieldbook.qt.operations.runner import is_cancelled

        self.busy = False
        self.report = None
        if is_cancelled(exc):
            self.info_label.setText(self.tr("检查已取消。"))
        else:
            self.info_label.setText(self.tr("无法导入这个文件。请检查文件，或选择另一个文件。"))
            self.error_label.setText(describe_error(exc))
            self.error_label.show()
        self._update_buttons()

    def show_report(self, report: AnswersReport) -> None:
        from fieldbook.qt.dialogs.import_dialog import problem_text

        self.report = report
        sheet = self.tr("，工作表“{sheet}”").format(sheet=report.sheet) if report.sheet else ""
        self.info_label.setText(
            self.tr("表头在第 {row} 行{sheet}。").format(row=report.header_row, sheet=sheet)
        )
        conflicts = len({p.row for p in report.conflicts})
        parts = [
            self.tr("办理 {n} 行（状态变更 {m} 次）").format(n=len(report.plans), m=report.moves),
            self.tr("未变 {n} 行").format(n=len(report.unchanged)),
            self.tr("有问题 {n} 行（其中冲突 {c} 行）").format(
                n=len(report.rejected_rows), c=conflicts
            ),
        ]
        if report.skipped_rows:
            parts.append(self.tr("跳过空行/合计行 {n} 行").format(n=len(report.skipped_rows)))
        text = "，".join(parts) + "。"
        if report.fatal:
            text += self.tr(" 缺少必需的列，不能导入。")
        elif report.problems and report.plans:
            text += self.tr(" 改好文件后重新选择，或跳过有问题的行只导入其余的行。")
        elif not report.plans and not report.problems:
            text += self.tr(" 文件与数据库一致，没有需要导入的内容。")
        elif not report.problems:
            text += self.tr(" 没有发现问题，可以导入。")
        self.summary_label.setText(text)

        table = self.plan_table
        table.setRowCount(len(report.plans))
        for n, plan in enumerate(report.plans):
            steps = [state_name(plan.from_state)] + [state_name(m.to_state) for m in plan.moves]
            reasons = "；".join(m.reason for m in plan.moves if m.reason)
            change = " → ".join(steps) + (
                self.tr("（原因：{r}）").format(r=reasons) if reasons else ""
            )
            cells = (
                str(plan.row),
                plan.number,
                department_name(plan.department),
                change,
                plan.actor,
                moment(plan.at),
                plan.answer if plan.answer is not None else "",
            )
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column in (3, 6):
                    item.setToolTip(value)
                table.setItem(n, column, item)

        rows: list[tuple[Any, bool]] = [
            (p, p.code in ("conflict_state", "conflict_answer")) for p in report.problems
        ]
        rows += [(w, False) for w in report.warnings]
        problems = self.problem_table
        problems.setRowCount(len(rows))
        warnings = set(map(id, report.warnings))
        for n, (p, conflict) in enumerate(rows):
            text = problem_text(p)
            if id(p) in warnings:
                text = self.tr("提醒：{text}").format(text=text)
            cells = (
                QTableWidgetItem(str(p.row)),
                QTableWidgetItem(p.column),
                QTableWidgetItem(text),
            )
            cells[2].setToolTip(text)
            for column, item in enumerate(cells):
                if conflict:
                    item.setForeground(Qt.GlobalColor.darkRed)
                elif id(p) in warnings:
                    item.setForeground(Qt.GlobalColor.darkGray)
                problems.setItem(n, column, item)
        self._update_buttons()

    def plan_rows(self) -> list[tuple[str, ...]]:
        t = self.plan_table
        return [
            tuple(t.item(r, c).text() for c in range(t.columnCount())) for r in range(t.rowCount())
        ]

    def problem_rows(self) -> list[tuple[str, ...]]:
        t = self.problem_table
        return [
            tuple(t.item(r, c).text() for c in range(t.columnCount())) for r in range(t.rowCount())
        ]

    def _update_buttons(self) -> None:
        report = self.report
        ok = report is not None and not self.busy
        plans = bool(report and report.plans)
        problems = bool(report and report.problems)
        fatal = bool(report and report.fatal)
        self.import_button.setEnabled(ok and plans and not problems)
        self.skip_button.setEnabled(ok and plans and problems and not fatal)
        self.choose_button.setEnabled(not self.busy)

    # --- applying ---------------------------------------------------------------------------------
    def apply(self, *, skip_invalid: bool) -> None:
        from fieldbook.qt.operations.slip_files import import_answers

        path = self.path
        if path is None or self.report is None or self.busy:
            return
        self.busy = True
        self._update_buttons()
        self.ctx.ops.long(
            lambda j, progress, cancelled: import_answers(
                j,
                path,
                dry_run=False,
                skip_invalid=skip_invalid,
                progress=progress,
                cancelled=cancelled,
            ),
            self._applied,
            self._apply_failed,
            title=self.tr("导入部门答复"),
            label=self.tr("正在导入 {name}…").format(name=path.name),
            write=True,
            parent=self,
        )

    def _applied(self, report: AnswersReport) -> None:
        self.busy = False
        if not report.applied:
            # The database moved since the check: show what the file would do now.
            self.show_report(report)
            self.error_label.setText(
                self.tr("没有导入：数据库在检查之后有了变动，请核对后再导入。")
            )
            self.error_label.show()
            return
        self.ctx.ops.message.emit(
            self.tr("已导入部门答复：办理 {n} 行（状态变更 {m} 次），跳过 {bad} 行。").format(
                n=len(report.plans), m=report.moves, bad=len(report.rejected_rows)
            )
        )
        self.imported.emit(report)
        self.accept()

    def _apply_failed(self, exc: BaseException) -> None:
        self.busy = False
        self._update_buttons()
        self.ctx.ops.report(exc, what=self.windowTitle(), write=True)

    def reject(self) -> None:
        if not self.busy:
            super().reject()
