"""月度任务 on the work log: 时间进度 (working days elapsed of the month's), then each target —
the month, a class, a SKU — with its 任务完成率 and the gap in words; 「未设任务」 when none is
set, never 0 %. The figures come from ``routine.targets`` (the one computation); only the
wording is the desktop's (translated)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldbook.core.routine.targets import Gap, Progress, gap
from fieldbook.qt.daylog_format import class_share_name
from fieldbook.qt.widgets.section_box import SectionBox

if TYPE_CHECKING:
    from fieldbook.core.routine.targets import MonthProgress, TimeProgress


class TargetPanel(SectionBox):
    #: 月度任务… was pressed: open the entry dialog.
    edit_requested = Signal()
    #: 导入任务… was pressed: import the company's target workbook.
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("月度任务"), parent)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.time_label = QLabel()
        self.time_label.setWordWrap(True)  # the buttons beside it keep the column narrow
        self.time_label.setToolTip(
            self.tr(
                "时间进度 = 本月已过工作日 ÷ 本月工作日（当天订单导入后含当天；"
                "节假日不计，调休上班日计入）"
            )
        )
        self.edit_button = QPushButton(self.tr("月度任务…"))
        self.edit_button.setToolTip(self.tr("设定或修改本月的销量任务"))
        self.edit_button.setAutoDefault(False)
        self.edit_button.clicked.connect(self.edit_requested.emit)
        self.import_button = QPushButton(self.tr("导入任务…"))
        self.import_button.setToolTip(self.tr("导入公司下发的月度任务表（Excel/CSV）"))
        self.import_button.setAutoDefault(False)
        self.import_button.clicked.connect(self.import_requested.emit)
        top.addWidget(self.time_label, 1)
        top.addWidget(self.edit_button)
        top.addWidget(self.import_button)
        layout.addLayout(top)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(3)
        self.grid.setColumnStretch(2, 1)
        for column, text in enumerate(
            (self.tr("任务"), self.tr("任务完成率"), self.tr("对比时间进度"))
        ):
            head = QLabel(text)
            head.setObjectName("figureHead")
            self.grid.addWidget(head, 0, column)
        layout.addLayout(self.grid)
        self.rows: list[tuple[QLabel, QLabel, QLabel]] = []

    def show_progress(self, month: MonthProgress) -> None:
        time = month.time
        text = self.tr("时间进度 {rate}（{n}/{total} 个工作日）").format(
            rate=f"{time.rate * 100:.1f}%", n=time.elapsed, total=time.total
        )
        if not time.covered:
            text += self.tr("，节假日数据未覆盖 {year} 年，工作日按周一至周五计").format(
                year=time.month[:4]
            )
        self.time_label.setText(text)
        shown = [month.total, *month.parts]
        while len(self.rows) < len(shown):
            labels = (QLabel(), QLabel(), QLabel())
            labels[1].setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            labels[2].setWordWrap(True)
            for column, label in enumerate(labels):
                self.grid.addWidget(label, len(self.rows) + 1, column)
            self.rows.append(labels)
        for n, labels in enumerate(self.rows):
            for label in labels:
                label.setVisible(n < len(shown))
            if n < len(shown):
                self._show_row(labels, shown[n], time)

    def _show_row(
        self, labels: tuple[QLabel, QLabel, QLabel], p: Progress, time: TimeProgress
    ) -> None:
        name, rate, words = labels
        if p.scope == "total":
            name.setText(self.tr("全月"))
        elif p.scope == "class":
            name.setText(class_share_name({"code": int(p.key), "name": p.label}))
        else:
            name.setText(p.label)
        if p.rate is None:
            rate.setText(self.tr("未设任务"))
            words.setText("")
            return
        rate.setText(f"{p.rate * 100:.1f}%")
        words.setText(self.gap_text(gap(p, time)))
        tip = self.tr("任务完成率 = 本月累计 ÷ 任务：{done:,} / {target:,} 条").format(
            done=p.actual_cartons, target=p.target_cartons or 0
        )
        rate.setToolTip(tip)

    def gap_text(self, g: Gap) -> str:
        if g.kind == "done":
            return self.tr("已完成任务")
        head = {
            "on_pace": self.tr("与时间进度持平"),
            "behind": self.tr("落后时间进度 {p} 个百分点").format(p=f"{g.points:.1f}"),
            "ahead": self.tr("超前时间进度 {p} 个百分点").format(p=f"{g.points:.1f}"),
        }.get(g.kind, "")
        unit = self.tr("条") if g.unit == "条" else self.tr("元")
        if g.daily is None:
            return self.tr("{head}，尚差 {n} {unit}，本月已无剩余工作日").format(
                head=head, n=f"{g.left:,}", unit=unit
            )
        return self.tr("{head}，日均需 {n} {unit}").format(head=head, n=f"{g.daily:,}", unit=unit)

    def texts(self) -> list[str]:
        """The shown rows as text (tests)."""
        return [
            " ".join(label.text() for label in labels)
            for labels in self.rows
            if labels[0].isVisibleTo(self)
        ]
