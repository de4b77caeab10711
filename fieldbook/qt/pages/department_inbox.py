"""The department page's inbox: the deliveries sent to one department, moved on step by step,
answered or sent back."""

from __future__ import annotations

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

from fieldbook.core.server.department import InboxRow, inbox
from fieldbook.core.slips.rules import slip_rules
from fieldbook.messages import describe_error
from fieldbook.qt.context import AppContext
from fieldbook.qt.models.row_table_model import Column, RowTableModel
from fieldbook.qt.slip_format import category_name, department_name, state_name
from fieldbook.qt.widgets.layouts import row_of
from fieldbook.qt.widgets.table_view import RowTableView

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

NEXT = {"sent": "received", "received": "handled", "handled": "done", "returned": "received"}


def inbox_columns(tr: Any) -> list[Column[InboxRow]]:
    """The inbox's columns; departments and states named in the interface language."""
    return [
        Column(tr("单号"), lambda r: r.number, width=190),
        Column(
            tr("类别"),
            lambda r: category_name(r.category_code) if r.category_code else r.category,
            width=96,
            tooltip=True,
        ),
        Column(tr("客户"), lambda r: r.customer, width=160, tooltip=True),
        Column(tr("客户经理"), lambda r: r.manager, width=120),
        Column(tr("状态"), lambda r: state_name(r.state), width=80),
        Column(
            tr("期限"),
            lambda r: (tr("{day} 逾期") if r.overdue else "{day}").format(
                day=f"{r.due_date:%Y-%m-%d}"
            ),
            key=lambda r: r.due_date,
            width=150,
        ),
        Column(tr("情况"), lambda r: r.description, stretch=True, tooltip=True),
        Column(tr("答复"), lambda r: r.answer, width=120, tooltip=True),
    ]


class InboxTab(QWidget):
    """反馈单收件箱: the deliveries sent to one department; the next step, an answer, 退回."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, fixed: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.department = QComboBox()
        for code in slip_rules().departments:
            if not fixed or code == fixed:
                self.department.addItem(department_name(code), code)
        self.department.currentIndexChanged.connect(self.reload)
        self.show_done = QCheckBox(self.tr("含已落实"))
        self.show_done.toggled.connect(self.reload)
        self.next_button = QPushButton(self.tr("下一步"))
        self.answer_button = QPushButton(self.tr("答复并落实…"))
        self.return_button = QPushButton(self.tr("退回…"))
        self.next_button.clicked.connect(self.next_step)
        self.answer_button.clicked.connect(self.answer)
        self.return_button.clicked.connect(self.send_back)
        layout.addLayout(
            row_of(
                QLabel(self.tr("部门")),
                self.department,
                self.show_done,
                None,
                self.next_button,
                self.answer_button,
                self.return_button,
            )
        )
        self.model: RowTableModel[InboxRow] = RowTableModel(inbox_columns(self.tr), self)
        self.table = RowTableView(self)
        self.table.set_row_model(self.model)
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        layout.addWidget(self.status)

    def reload(self, *_args: object) -> None:
        code, done = self.department.currentData(), self.show_done.isChecked()
        self.ctx.ops.query(
            lambda j: inbox(j, code, include_done=done, today=self.ctx.today()),
            self._loaded,
            key="department.inbox",
            what=self.tr("读取收件箱"),
        )

    def _loaded(self, rows: list[InboxRow]) -> None:
        self.model.set_rows(rows)
        self.loaded.emit()
        overdue = sum(1 for r in rows if r.overdue)
        self.status.setText(self.tr("{n} 件，逾期 {o} 件").format(n=len(rows), o=overdue))

    def _selected(self) -> InboxRow | None:
        row = self.model.row_at(self.table.current_row())
        if row is None:
            self.status.setText(self.tr("请先选中一张反馈单"))
        return row

    def _move(self, row: InboxRow, state: str, **extra: str) -> None:
        actor = self.department.currentText()

        def run(j: Journal) -> None:
            j.slips.advance(row.delivery_id, state, actor=actor, **extra)

        self.ctx.ops.write(
            run,
            lambda _r: self.reload(),
            lambda exc: self.status.setText(describe_error(exc)),
            what=self.tr("处理反馈单"),
        )

    def next_step(self) -> None:
        row = self._selected()
        if row is not None and row.state in NEXT:
            self._move(row, NEXT[row.state])

    def answer(self) -> None:
        row = self._selected()
        if row is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("答复"), self.tr("{n} 的答复：").format(n=row.number), row.answer
        )
        if ok and text.strip():
            reason = "" if row.state == "handled" else self.tr("一次处理完毕")
            self._move(row, "done", answer=text.strip(), reason=reason)

    def send_back(self) -> None:
        row = self._selected()
        if row is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("退回"), self.tr("退回原因："))
        if ok and reason.strip():
            self._move(row, "returned", reason=reason.strip())
