"""导入订单: the ordering system's export (.xlsx / .csv) into the day's orders.

Pick a file → a dry run in the worker shows, per day in the file, the lines, cartons and
amount, and what is already there (importing a day replaces it: "将替换当天已有 N 行");
problems by row and column. 导入 is only possible without problems (all or nothing);
跳过有问题的行并导入 applies the valid rows. Both run with a progress dialog and 取消.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldbook.qt.context import AppContext
from fieldbook.qt.daylog_format import money
from fieldbook.qt.dialogs.import_dialog import MAX_PROBLEMS_SHOWN, problem_text
from fieldbook.qt.formatting import listing
from fieldbook.qt.plan_format import day_label

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.core.routine.orders import OrdersReport


@dataclass(frozen=True)
class Existing:
    """What a day already holds (it will be replaced)."""

    cartons: int
    amount_fen: int
    lines: int | None  # known only when the core reports it


@dataclass(frozen=True)
class OrdersPreview:
    report: OrdersReport
    existing: dict[date, Existing]


def existing_orders(j: Journal, report: OrdersReport) -> dict[date, Existing]:
    """The orders already imported for the file's days (from the day's indicators; the number
    of lines when the core's dry run reports it as ``existing_lines``)."""
    from fieldbook.core.routine.indicators import day_indicators

    lines: dict[date, int] = dict(getattr(report, "existing_lines", None) or {})
    out: dict[date, Existing] = {}
    for day in report.days:
        f = day_indicators(j, day).figures
        if f.cartons or f.amount_fen or lines.get(day):
            out[day] = Existing(f.cartons, f.amount_fen, lines.get(day))
    return out


def preview_orders(
    j: Journal, path: Path, progress: Callable[[int, int], None], cancelled: Callable[[], bool]
) -> OrdersPreview:
    from fieldbook.core.routine.orders import import_orders

    report = import_orders(j, path, dry_run=True, progress=progress, cancelled=cancelled)
    return OrdersPreview(report, existing_orders(j, report))


def replace_text(existing: Existing | None) -> str:
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    if existing is None:
        return translate("OrderImportDialog", "当天还没有订单")
    if existing.lines is not None:
        return translate("OrderImportDialog", "将替换当天已有 {n} 行（{c} 条，{a} 元）").format(
            n=existing.lines, c=existing.cartons, a=money(existing.amount_fen)
        )
    return translate("OrderImportDialog", "将替换当天已有订单（{c} 条，{a} 元）").format(
        c=existing.cartons, a=money(existing.amount_fen)
    )


class OrderImportDialog(QDialog):
    #: The OrdersReport after an import changed the database.
    imported = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.preview: OrdersPreview | None = None
        self.busy = False
        self._file_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("导入订单"))
        self.resize(860, 560)
        self.setSizeGripEnabled(True)

        self.file_label = QLabel(self.tr("还没有选择文件"))
        self.file_label.setObjectName("fileLabel")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(self.tr("选择文件…"))
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("文件：")))
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)
        self.info_label = QLabel(
            self.tr(
                "订货系统导出的订单明细（.xlsx 或 .csv）。文件里的每一天都会整天替换已导入的"
                "订单（不会重复累加）。先检查，确认无误后再导入。"
            )
        )
        self.info_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.day_table = QTableWidget(0, 5)
        self.day_table.setHorizontalHeaderLabels(
            [
                self.tr("日期"),
                self.tr("行数"),
                self.tr("订货量（条）"),
                self.tr("金额（元）"),
                self.tr("当天已有的订单"),
            ]
        )
        self._table_defaults(self.day_table)
        header = self.day_table.horizontalHeader()
        for n, width in enumerate((130, 70, 100, 110)):
            header.resizeSection(n, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        days_box = QGroupBox(self.tr("文件中的订单（按天）"))
        days_layout = QVBoxLayout(days_box)
        days_layout.addWidget(self.day_table)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.problem_table = QTableWidget(0, 3)
        self.problem_table.setHorizontalHeaderLabels(
            [self.tr("行"), self.tr("列"), self.tr("问题")]
        )
        self._table_defaults(self.problem_table)
        header = self.problem_table.horizontalHeader()
        header.resizeSection(0, 60)
        header.resizeSection(1, 130)
        header.setStretchLastSection(True)
        problems_box = QGroupBox(self.tr("检查结果"))
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.addWidget(self.summary_label)
        problems_layout.addWidget(self.problem_table, 1)

        self.import_button = QPushButton(self.tr("导入"))
        self.import_button.setDefault(True)
        self.skip_button = QPushButton(self.tr("跳过有问题的行并导入"))
        self.skip_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setAutoDefault(False)
        self.import_button.clicked.connect(lambda: self.apply(skip_invalid=False))
        self.skip_button.clicked.connect(lambda: self.apply(skip_invalid=True))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.import_button, self.skip_button, self.cancel_button):
            button.setMinimumHeight(34)
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(file_row)
        layout.addWidget(self.info_label)
        layout.addWidget(self.error_label)
        layout.addWidget(days_box, 2)
        layout.addWidget(problems_box, 3)
        layout.addLayout(buttons)
        self._update_buttons()

    @staticmethod
    def _table_defaults(table: QTableWidget) -> None:
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(28)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )

    # --- the file ----------------------------------------------------------------------------
    def choose_file(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("选择订单文件"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [self.tr("表格文件 (*.xlsx *.xlsm *.csv *.txt)"), self.tr("所有文件 (*)")]
        )
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

    # --- dry run -----------------------------------------------------------------------------
    def check(self) -> None:
        if self.path is None:
            return
        path = self.path
        self.busy = True
        self.preview = None
        self._update_buttons()
        self.info_label.setText(self.tr("正在检查文件…"))
        self.ctx.ops.long(
            lambda j, progress, cancelled: preview_orders(j, path, progress, cancelled),
            self.show_preview,
            self._check_failed,
            title=self.tr("检查订单文件"),
            label=self.tr("正在读取并检查 {name}…").format(name=path.name),
            write=False,
            parent=self,
        )

    def _check_failed(self, exc: BaseException) -> None:
        from fieldbook.messages import describe_error
        from fieldbook.qt.operations.runner import is_cancelled

        self.busy = False
        if is_cancelled(exc):
            self.info_label.setText(self.tr("检查已取消。"))
        else:
            self.info_label.setText(self.tr("无法导入这个文件。请检查文件，或选择另一个文件。"))
            self.error_label.setText(describe_error(exc))
            self.error_label.show()
        self._update_buttons()

    def show_preview(self, preview: OrdersPreview) -> None:
        self.busy = False
        self.preview = preview
        self.error_label.hide()
        report = preview.report
        sheet = self.tr("，工作表“{sheet}”").format(sheet=report.sheet) if report.sheet else ""
        self.info_label.setText(
            self.tr("表头在第 {row} 行{sheet}。请核对每天的行数、条数和金额。").format(
                row=report.header_row, sheet=sheet
            )
        )
        table = self.day_table
        table.setRowCount(len(report.days))
        for n, (day, (lines, cartons, fen)) in enumerate(report.days.items()):
            existing = preview.existing.get(day)
            cells = (
                f"{day.isoformat()} {day_label(day).split()[-1]}",
                str(lines),
                str(cartons),
                money(fen),
                replace_text(existing),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (1, 2, 3):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == 4 and existing is not None:
                    item.setForeground(Qt.GlobalColor.darkRed)
                    item.setToolTip(self.tr("导入后，这一天原有的订单会被文件中的订单整天替换"))
                table.setItem(n, column, item)
        problems = report.problems[:MAX_PROBLEMS_SHOWN]
        self.problem_table.setRowCount(len(problems))
        for n, p in enumerate(problems):
            items = (
                QTableWidgetItem(str(p.row)),
                QTableWidgetItem(p.column),
                QTableWidgetItem(problem_text(p)),
            )
            items[0].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            items[2].setToolTip(items[2].text())
            for column, item in enumerate(items):
                self.problem_table.setItem(n, column, item)
        self.summary_label.setText(self._summary(report))
        self._update_buttons()

    def _summary(self, report: OrdersReport) -> str:
        lines = sum(v[0] for v in report.days.values())
        parts = [
            self.tr("可导入 {lines} 行，共 {days} 天。").format(lines=lines, days=len(report.days))
        ]
        if report.fatal:
            missing = listing(p.column for p in report.problems if p.code == "missing_column")
            parts.append(self.tr("缺少必需的列：{cols}。").format(cols=missing))
        elif report.problems:
            parts.append(
                self.tr("{n} 行有问题：改好文件后重新选择，或跳过这些行只导入其余的行。").format(
                    n=len(report.rejected_rows)
                )
            )
        elif lines:
            parts.append(self.tr("没有发现问题，可以导入。"))
        else:
            parts.append(self.tr("文件里没有订单。"))
        if report.skipped_rows:
            parts.append(self.tr("已跳过 {n} 个空行或合计行。").format(n=len(report.skipped_rows)))
        return " ".join(parts)

    @property
    def day_rows(self) -> list[tuple[str, ...]]:
        t = self.day_table
        return [
            tuple(t.item(r, c).text() for c in range(t.columnCount()))  # type: ignore[union-attr]
            for r in range(t.rowCount())
        ]

    @property
    def problem_rows(self) -> list[tuple[str, ...]]:
        t = self.problem_table
        return [
            tuple(t.item(r, c).text() for c in range(3))  # type: ignore[union-attr]
            for r in range(t.rowCount())
        ]

    def _update_buttons(self) -> None:
        preview = self.preview
        report = preview.report if preview is not None else None
        ok = report is not None and not self.busy and bool(report.days)
        problems = bool(report and report.problems)
        self.import_button.setEnabled(ok and not problems)
        self.skip_button.setEnabled(ok and problems and not (report and report.fatal))
        self.choose_button.setEnabled(not self.busy)

    # --- applying ----------------------------------------------------------------------------
    def apply(self, *, skip_invalid: bool) -> None:
        if self.path is None or self.preview is None or self.busy:
            return
        path = self.path
        self.busy = True
        self._update_buttons()

        def run(j: Journal, progress: Callable[[int, int], None], cancelled: Any) -> Any:
            from fieldbook.core.routine.orders import import_orders

            return import_orders(
                j, path, skip_invalid=skip_invalid, progress=progress, cancelled=cancelled
            )

        self.ctx.ops.long(
            run,
            self._applied,
            self._apply_failed,
            title=self.tr("导入订单"),
            label=self.tr("正在导入 {name}…").format(name=path.name),
            write=True,
            parent=self,
        )

    def _applied(self, report: OrdersReport) -> None:
        self.busy = False
        if not report.applied:
            # The file changed since the check: show what it holds now.
            assert self.preview is not None
            self.show_preview(OrdersPreview(report, self.preview.existing))
            return
        lines = sum(v[0] for v in report.days.values())
        text = self.tr("订单已导入：{days} 天，{lines} 行").format(
            days=len(report.days), lines=lines
        )
        if report.replaced_lines:
            text += self.tr("，替换了原有的 {n} 行").format(n=report.replaced_lines)
        if report.rejected_rows:
            text += self.tr("，跳过有问题的 {n} 行").format(n=len(report.rejected_rows))
        self.ctx.ops.message.emit(text + self.tr("。"))
        self.imported.emit(report)
        self.accept()

    def _apply_failed(self, exc: BaseException) -> None:
        self.busy = False
        self._update_buttons()
        self.ctx.ops.report(exc, what=self.tr("导入订单"), write=True)

    def reject(self) -> None:
        if not self.busy:
            super().reject()
