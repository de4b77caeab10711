"""The department page's view of the managers' work beyond slips: 上报问题 — the problems the
managers escalated, which the department head answers here (with who and when; the manager's
next sync brings the answer down) — and 客户信息变更 — changes of customers' licence numbers
and statuses made outside a completed slip, with before → after and why."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.server.department_changes import CustomerChangeRow, changes_outside_slips
from fieldbook.core.server.escalations import (
    EscalationRow,
    answer_escalation,
    department_escalations,
    viewer_name,
)
from fieldbook.messages import describe_error
from fieldbook.qt.context import AppContext
from fieldbook.qt.models.row_table_model import Column, RowTableModel
from fieldbook.qt.widgets.customer_history import change_text, field_label
from fieldbook.qt.widgets.layouts import row_of
from fieldbook.qt.widgets.table_view import RowTableView

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal


def _manager(tr: Any, name: str, code: str) -> str:
    return str(tr("{name}（{code}）")).format(name=name, code=code)


def escalation_columns(tr: Any) -> list[Column[EscalationRow]]:
    def answer(r: EscalationRow) -> str:
        if not r.answered:
            return str(tr("未答复"))
        return str(
            tr("{by} {at}：{answer}")
        ).format(  # who and when first: the answer is long
            answer=r.answer, by=r.answered_by, at=r.answered_at[5:16]
        )

    return [
        Column(tr("日期"), lambda r: f"{r.day:%Y-%m-%d}", key=lambda r: r.day, width=90),
        Column(tr("客户经理"), lambda r: _manager(tr, r.manager_name, r.manager_code), width=150),
        Column(tr("客户"), lambda r: r.customer, width=190, tooltip=True),
        Column(tr("问题"), lambda r: r.text, stretch=True, tooltip=True),
        Column(tr("答复"), answer, width=300, tooltip=True),
    ]


class EscalationsTab(QWidget):
    """上报问题: every manager's escalated problems; the head answers the selected one."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.show_answered = QCheckBox(self.tr("含已答复"))
        self.show_answered.toggled.connect(self.reload)
        self.answer_button = QPushButton(self.tr("答复…"))
        self.answer_button.clicked.connect(self.answer)
        note = QLabel(self.tr("客户经理上报部门负责人的问题。答复后，客户经理同步时收到。"))
        note.setWordWrap(True)
        controls = row_of(self.show_answered, self.answer_button)
        controls.insertWidget(0, note, 1)
        layout.addLayout(controls)
        self.model: RowTableModel[EscalationRow] = RowTableModel(escalation_columns(self.tr), self)
        self.table = RowTableView(self)
        self.table.set_row_model(self.model)
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        layout.addWidget(self.status)

    def reload(self, *_args: object) -> None:
        everything = self.show_answered.isChecked()
        self.ctx.ops.query(
            lambda j: department_escalations(j, open_only=not everything),
            self._loaded,
            key="department.escalations",
            what=self.tr("读取上报的问题"),
        )

    def _loaded(self, rows: list[EscalationRow]) -> None:
        self.model.set_rows(rows)
        self.loaded.emit()
        waiting = sum(1 for r in rows if not r.answered)
        self.status.setText(self.tr("{n} 个问题，{w} 个待答复").format(n=len(rows), w=waiting))

    def answer(self) -> QInputDialog | None:
        row = self.model.row_at(self.table.current_row())
        if row is None:
            self.status.setText(self.tr("请先选中一个问题"))
            return None
        dialog = QInputDialog(self)
        dialog.setObjectName("escalationAnswerDialog")
        dialog.setWindowTitle(self.tr("答复上报的问题"))
        dialog.setLabelText(
            self.tr("{manager} {day} 上报：{text}\n答复：").format(
                manager=row.manager_name, day=f"{row.day:%m-%d}", text=row.text
            )
        )
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.setTextValue(row.answer)
        dialog.textValueSelected.connect(lambda text: self.save_answer(row, text))
        dialog.open()
        return dialog

    def save_answer(self, row: EscalationRow, text: str) -> None:
        fallback = self.tr("部门负责人")

        def run(j: Journal) -> EscalationRow:
            by = viewer_name(j) or fallback
            return answer_escalation(j, row.day_log_id, row.escalation_id, text, answered_by=by)

        self.ctx.ops.write(
            run,
            lambda _r: self.reload(),
            lambda exc: self.status.setText(describe_error(exc)),
            what=self.tr("答复上报的问题"),
        )


def change_columns(tr: Any) -> list[Column[CustomerChangeRow]]:
    sources = {"edit": tr("手工修改"), "import": tr("导入名单")}
    return [
        Column(tr("客户经理"), lambda r: _manager(tr, r.manager_name, r.manager_code), width=150),
        Column(tr("时间"), lambda r: f"{r.at:%Y-%m-%d %H:%M}", key=lambda r: r.at, width=140),
        Column(tr("客户"), lambda r: f"{r.customer_code} {r.shop_name}", width=190, tooltip=True),
        Column(tr("项目"), lambda r: field_label(r.field), width=120, tooltip=True),
        Column(
            tr("改前 → 改后"),
            lambda r: change_text(r.field, r.old_value, r.new_value),
            width=225,
            tooltip=True,
        ),
        Column(tr("原因"), lambda r: r.reason, stretch=True, tooltip=True),
        Column(tr("方式"), lambda r: str(sources.get(r.source, r.source)), width=80),
    ]


class CustomerChangesTab(QWidget):
    """客户信息变更: licence and status changes made outside a completed slip, per manager."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.span = QComboBox()
        spans = ((4, self.tr("近 4 周")), (13, self.tr("近 13 周")), (52, self.tr("近一年")))
        for weeks, text in spans:
            self.span.addItem(text, weeks)
        self.span.setCurrentIndex(1)
        self.span.currentIndexChanged.connect(self.reload)
        note = QLabel(
            self.tr("许可证号、经营状态未经已办结的反馈单修改的记录（「禁止擅自变更客户信息」）。")
        )
        note.setWordWrap(True)
        controls = row_of(QLabel(self.tr("时间")), self.span)
        controls.insertWidget(0, note, 1)
        layout.addLayout(controls)
        self.model: RowTableModel[CustomerChangeRow] = RowTableModel(change_columns(self.tr), self)
        self.table = RowTableView(self)
        self.table.set_row_model(self.model)
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        layout.addWidget(self.status)

    def period(self) -> tuple[date, date]:
        today = self.ctx.today()
        return today - timedelta(weeks=int(self.span.currentData())), today

    def reload(self, *_args: object) -> None:
        start, end = self.period()
        self.ctx.ops.query(
            lambda j: changes_outside_slips(j, start, end),
            self._loaded,
            key="department.customer_changes",
            what=self.tr("读取客户信息变更"),
        )

    def _loaded(self, rows: list[CustomerChangeRow]) -> None:
        self.model.set_rows(rows)
        self.loaded.emit()
        managers = len({r.manager_code for r in rows})
        self.status.setText(
            self.tr("{n} 条变更，涉及 {m} 位客户经理").format(n=len(rows), m=managers)
        )
