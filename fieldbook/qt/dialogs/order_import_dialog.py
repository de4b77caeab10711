"""导入订单: the ordering system's export (.xlsx / .csv) into the day's orders.

Pick a file → a dry run in the worker shows, per day in the file, the lines, cartons and
amount, and what is already there (importing a day replaces it: "将替换当天已有 N 行");
problems by row and column. 导入 is only possible without problems (all or nothing);
跳过有问题的行并导入 applies the valid rows. Both run with a progress dialog and 取消
(the flow is :class:`~fieldbook.qt.dialogs.import_flow.ImportFlow`'s).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QHeaderView, QTableWidgetItem, QVBoxLayout, QWidget

from fieldbook.core.routine.orders import OrdersReport
from fieldbook.core.xlsx.importing import ImportReport
from fieldbook.qt.context import AppContext
from fieldbook.qt.dialogs.import_flow import RIGHT, ImportFlow, Job, ProblemTable, ReportTable
from fieldbook.qt.formatting import iso_day_label, listing, money
from fieldbook.qt.operations.imports import Existing, OrdersPreview, apply_orders, preview_orders


def replace_text(existing: Existing | None) -> str:
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


def _lines(report: OrdersReport) -> int:
    return sum(v[0] for v in report.days.values())


class OrderImportDialog(ImportFlow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.preview: OrdersPreview | None = None
        self.setWindowTitle(self.tr("导入订单"))
        self.info_label.setText(
            self.tr(
                "订货系统导出的订单明细（.xlsx 或 .csv）。文件里的每一天都会整天替换已导入的"
                "订单（不会重复累加）。先检查，确认无误后再导入。"
            )
        )
        self.resize(860, 560)
        self.day_table = ReportTable(
            [
                self.tr("日期"),
                self.tr("行数"),
                self.tr("订货量（条）"),
                self.tr("金额（元）"),
                self.tr("当天已有的订单"),
            ],
            (130, 70, 100, 110),
        )
        self.day_table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        days_box = QGroupBox(self.tr("文件中的订单（按天）"))
        QVBoxLayout(days_box).addWidget(self.day_table)
        self.problem_table = ProblemTable()
        problems_box = QGroupBox(self.tr("检查结果"))
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.addWidget(self.summary_label)
        problems_layout.addWidget(self.problem_table, 1)
        self.content.addWidget(days_box, 2)
        self.content.addWidget(problems_box, 3)
        self.update_buttons()

    # --- the flow's steps --------------------------------------------------------------------
    def file_dialog_title(self) -> str:
        return self.tr("选择订单文件")

    def check_title(self) -> str:
        return self.tr("检查订单文件")

    def dry_run(self, path: Path) -> Job:
        return lambda j, progress, cancelled: preview_orders(j, path, progress, cancelled)

    def import_job(self, path: Path, *, skip_invalid: bool) -> Job:
        return lambda j, progress, cancelled: apply_orders(
            j, path, skip_invalid=skip_invalid, progress=progress, cancelled=cancelled
        )

    def show_result(self, result: OrdersPreview) -> None:
        self.show_preview(result)

    def not_applied(self, report: ImportReport) -> None:
        # The file changed since the check: show what it holds now.
        assert isinstance(report, OrdersReport) and self.preview is not None
        self.show_preview(OrdersPreview(report, self.preview.existing))

    def has_changes(self, report: ImportReport) -> bool:
        return isinstance(report, OrdersReport) and bool(report.days)

    def applied_message(self, report: ImportReport) -> str:
        assert isinstance(report, OrdersReport)
        text = self.tr("订单已导入：{days} 天，{lines} 行").format(
            days=len(report.days), lines=_lines(report)
        )
        if report.replaced_lines:
            text += self.tr("，替换了原有的 {n} 行").format(n=report.replaced_lines)
        if report.rejected_rows:
            text += self.tr("，跳过有问题的 {n} 行").format(n=len(report.rejected_rows))
        if report.no_order_suggested:
            text += self.tr("；{n} 户连续未订货，已建议填写不订货反馈单").format(
                n=report.no_order_suggested
            )
        return text + self.tr("。")

    # --- showing the preview -----------------------------------------------------------------
    def show_preview(self, preview: OrdersPreview) -> None:
        self.busy = False
        self.preview = preview
        self.report = report = preview.report
        self.error_label.hide()
        self.info_label.setText(
            self.tr("表头在第 {row} 行{sheet}。请核对每天的行数、条数和金额。").format(
                row=report.header_row, sheet=self.sheet_text(report)
            )
        )
        self._fill_days(preview)
        self.problem_table.show_problems(report.problems)
        self.summary_label.setText(self._summary(report))
        self.update_buttons()

    def _fill_days(self, preview: OrdersPreview) -> None:
        days = preview.report.days
        self.day_table.setRowCount(len(days))
        for n, (day, (lines, cartons, fen)) in enumerate(days.items()):
            existing = preview.existing.get(day)
            cells = (iso_day_label(day), str(lines), str(cartons), money(fen))
            for column, text in enumerate((*cells, replace_text(existing))):
                item = QTableWidgetItem(text)
                if column in (1, 2, 3):
                    item.setTextAlignment(RIGHT)
                if column == 4 and existing is not None:
                    item.setForeground(Qt.GlobalColor.darkRed)
                    item.setToolTip(self.tr("导入后，这一天原有的订单会被文件中的订单整天替换"))
                self.day_table.setItem(n, column, item)

    def _summary(self, report: OrdersReport) -> str:
        lines = _lines(report)
        parts = [
            self.tr("可导入 {lines} 行，共 {days} 天。").format(lines=lines, days=len(report.days))
        ]
        if report.fatal:
            missing = listing(p.column for p in report.problems if p.code == "missing_column")
            parts.append(self.tr("缺少必需的列：{cols}。").format(cols=missing))
        elif report.problems:
            parts.append(self.problems_text(report))
        elif lines:
            parts.append(self.tr("没有发现问题，可以导入。"))
        else:
            parts.append(self.tr("文件里没有订单。"))
        if report.skipped_rows:
            parts.append(self.skipped_text(report))
        return " ".join(parts)

    @property
    def day_rows(self) -> list[tuple[str, ...]]:
        return self.day_table.rows()

    @property
    def problem_rows(self) -> list[tuple[str, ...]]:
        return self.problem_table.rows()
