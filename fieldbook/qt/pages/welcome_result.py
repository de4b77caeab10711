"""The welcome's last step: what was set up — customers imported (new, updated, rows with
problems, rows of other areas left out), the SKU list, or the demo data — and the way on: import
the SKU list while it is missing (the visit screen's grid is empty without it), then open the
first working day's plan."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldbook.qt.formatting import day_label, long_date
from fieldbook.qt.widgets.message_label import MessageLabel

if TYPE_CHECKING:
    from fieldbook.core.demo.generate import DemoSummary
    from fieldbook.core.xlsx.importing import ImportReport


class WelcomeResult(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day: date | None = None
        self.has_skus = False
        self.title = QLabel(self.tr("第三步：核对导入结果"))
        self.title.setWordWrap(True)
        self.customers_label = _line("customersResult")
        self.skus_label = _line("skusResult")
        self.day_label = _line("firstDay")
        self.status = MessageLabel("errorLabel")
        self.primary = QPushButton()
        self.primary.setObjectName("primaryButton")
        self.primary.setDefault(True)
        self.primary.setAutoDefault(True)
        self.primary.setMinimumSize(220, 40)
        self.later_button = QPushButton(self.tr("暂不导入卷烟规格，先开始"))
        self.later_button.setFlat(True)
        self.later_button.setAutoDefault(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        for widget in (self.title, self.customers_label, self.skus_label, self.day_label):
            layout.addWidget(widget)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        row.addWidget(self.later_button)
        row.addStretch(1)
        row.addWidget(self.primary)
        layout.addLayout(row)
        layout.addStretch(1)
        self.customers_label.hide()
        self.skus_label.hide()

    def show_customers(self, report: ImportReport) -> None:
        text = self.tr("客户名单：新增 {new} 户，更新 {upd} 户，未变 {same} 户。").format(
            new=len(report.new), upd=len(report.updated), same=len(report.unchanged)
        )
        text += self._left_out(report)
        if report.outside:
            text += self.tr("其他片区和线路的 {n} 户没有导入。").format(n=len(report.outside))
        _show(self.customers_label, text)
        if not self.has_skus:
            _show(
                self.skus_label,
                self.tr("卷烟规格：还没有导入。没有它，走访时的卷烟表格是空的。"),
            )
        self._update()

    def show_skus(self, report: ImportReport) -> None:
        self.has_skus = bool(report.new or report.updated or report.unchanged)
        text = self.tr("卷烟规格：新增 {new} 个，更新 {upd} 个，未变 {same} 个。").format(
            new=len(report.new), upd=len(report.updated), same=len(report.unchanged)
        )
        _show(self.skus_label, text + self._left_out(report))
        self._update()

    def show_demo(self, summary: DemoSummary) -> None:
        self.has_skus = True
        self.title.setText(self.tr("演示数据已载入"))
        text = self.tr(
            "演示片区：{customers} 户、{routes} 条线路、{skus} 个卷烟规格，"
            "以及此前 {weeks} 周的走访、订单和工作日志。"
        ).format(
            customers=summary.customers,
            routes=summary.routes,
            skus=summary.skus,
            weeks=summary.weeks,
        )
        _show(self.customers_label, text)
        self._update()

    def set_day(self, day: date) -> None:
        """The first working day, where the flow ends."""
        self.day = day
        self._update()

    def _left_out(self, report: ImportReport) -> str:
        parts = ""
        if report.rejected_rows:
            parts += self.tr("{n} 行有问题，没有导入。").format(n=len(report.rejected_rows))
        if report.skipped_rows:
            parts += self.tr("跳过 {n} 个空行或合计行。").format(n=len(report.skipped_rows))
        return parts

    def _update(self) -> None:
        if self.day is not None:
            self.day_label.setText(
                self.tr("第一个工作日是 {day}：打开它的拜访计划，就可以开始走访。").format(
                    day=long_date(self.day)
                )
            )
            start = self.tr("开始：{day}的拜访计划").format(day=day_label(self.day))
        else:
            start = self.tr("开始")
        self.primary.setText(start if self.has_skus else self.tr("导入卷烟规格…"))
        self.later_button.setVisible(not self.has_skus)


def _line(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.show()
