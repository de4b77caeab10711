"""任务进度 on the department page: every manager's 任务完成率 (销量, 金额) beside 时间进度 on
the day, and how far ahead or behind — ``server.department_targets`` (the one computation);
「未设任务」 for a manager without a target, never 0 %."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from fieldbook.core.routine.targets import gap
from fieldbook.core.server.department_targets import ManagerTargets, targets_table
from fieldbook.qt.context import AppContext
from fieldbook.qt.models.row_table_model import Column, RowTableModel
from fieldbook.qt.widgets.table_view import RowTableView
from fieldbook.qt.widgets.target_panel import TargetPanel


def _rate(tr: Any, value: float | None) -> str:
    return str(tr("未设任务")) if value is None else f"{value * 100:.1f}%"


def target_columns(tr: Any, words: TargetPanel) -> list[Column[ManagerTargets]]:
    def compared(r: ManagerTargets) -> str:
        g = gap(r.month.total, r.month.time)
        return str(tr("未设任务")) if g.kind == "none" else words.gap_text(g)

    return [
        Column(
            tr("客户经理"),
            lambda r: str(tr("{name}（{code}）")).format(name=r.manager_name, code=r.manager_code),
            width=150,
        ),
        Column(
            tr("时间进度"),
            lambda r: f"{r.time_rate * 100:.1f}%",
            key=lambda r: r.time_rate,
            width=80,
        ),
        Column(
            tr("任务完成率（销量）"),
            lambda r: _rate(tr, r.cartons_rate),
            key=lambda r: r.cartons_rate if r.cartons_rate is not None else -1.0,
            align="right",
            width=120,
        ),
        Column(
            tr("任务完成率（金额）"),
            lambda r: _rate(tr, r.amount_rate),
            key=lambda r: r.amount_rate if r.amount_rate is not None else -1.0,
            align="right",
            width=120,
        ),
        Column(tr("对比时间进度"), compared, stretch=True, tooltip=True),
    ]


class TargetsTab(QWidget):
    """任务进度: one row a manager, on the page's "today"."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.words = TargetPanel(self)  # its wording of a gap, translated; never shown
        self.words.hide()
        columns = target_columns(self.tr, self.words)
        self.model: RowTableModel[ManagerTargets] = RowTableModel(columns, self)
        self.table = RowTableView(self)
        self.table.set_row_model(self.model)
        layout.addWidget(self.table, 1)

    def reload(self, *_args: object) -> None:
        day = self.ctx.today()
        self.note.setText(
            self.tr(
                "截至 {day}：任务完成率 = 本月累计 ÷ 月度任务；时间进度 = 已过工作日 ÷ 本月工作日。"
            ).format(day=f"{day:%Y-%m-%d}")
        )
        self.ctx.ops.query(
            lambda j: targets_table(j, day),
            self._loaded,
            key="department.targets",
            what=self.tr("读取任务进度"),
        )

    def _loaded(self, rows: list[ManagerTargets]) -> None:
        self.model.set_rows(rows)
        self.loaded.emit()
