"""The work log's right column: what only the manager knows, eight sections in the routine's
order (texts that grow with what is written, tables of rows), each with a line for the error
the core gave. Under 上报问题: 记录答复, the earlier days' problems still waiting for the
department head's answer, and the inline bar that records an answer.

The widgets only show and report edits (``DaySections.edited``); saving is the page's."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.routine.daylog import LIST_SECTIONS, MUTUAL_CONTROL_TYPES, TEXT_SECTIONS
from fieldbook.core.routine.daylog_text import SECTION_ORDER
from fieldbook.qt.formatting import short_date
from fieldbook.qt.widgets.code_picker import CodeLookup
from fieldbook.qt.widgets.form_fields import line_edit
from fieldbook.qt.widgets.message_label import MessageLabel
from fieldbook.qt.widgets.reason_bar import bar_row
from fieldbook.qt.widgets.section_table import Column, SectionTable

#: The sections in the order the page shows them: the routine's order, as the export has it
#: (without ``tomorrow``, which the export computes from the next day's plan).
ORDER = tuple(n for n in SECTION_ORDER if n in TEXT_SECTIONS or n in LIST_SECTIONS)

PLACEHOLDERS = {
    "phone_staff": "和电访员沟通了什么：客户的要求、订单异常、需要回访的户…",
    "indicator_analysis": "订货率、订货量、结构和单条值的变化，原因和下一步…",
    "problems": "走访和订单中发现的问题，已经怎么处理…",
    "customer_maintenance": "客户资料变更、新开/停业/恢复、档位和线路调整…",
    "meeting_notes": "16:00 例会：通报的情况、布置的工作、要跟进的事…",
}


def empty_section(name: str) -> Any:
    """A section with nothing written: an empty list or an empty text."""
    return [] if name in LIST_SECTIONS else ""


def same_section(name: str, a: Any, b: Any) -> bool:
    """Whether two values of a section say the same (texts compare without outer spaces)."""
    if name in TEXT_SECTIONS:
        return str(a or "").strip() == str(b or "").strip()
    return list(a or []) == list(b or [])


def new_escalation() -> dict[str, Any]:
    """A new escalated problem: its id is made here, so answers find it after any save."""
    return {"id": uuid.uuid4().hex[:12], "answered": False, "answer": ""}


def _written(key: str, title: str, placeholder: str) -> Column:
    """A required column of written text that takes the table's spare width."""
    return Column(key, title, width=200, stretch=True, required=True, placeholder=placeholder)


class SectionEdit(QPlainTextEdit):
    """A section's text: grows with what is written (up to a limit, then it scrolls)."""

    MAX_HEIGHT = 220

    def __init__(self, min_height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.min_height = min_height
        self.setTabChangesFocus(True)
        self.setFixedHeight(min_height)
        self.document().documentLayout().documentSizeChanged.connect(lambda _s: self.fit())

    def fit(self) -> None:
        lines = self.document().documentLayout().documentSize().height()
        margins = self.contentsMargins()
        frame = 2 * self.frameWidth() + margins.top() + margins.bottom()
        wanted = int(
            lines * self.fontMetrics().lineSpacing() + 2 * self.document().documentMargin()
        )
        self.setFixedHeight(max(self.min_height, min(self.MAX_HEIGHT, wanted + frame + 4)))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit()


class AnswerBar(QFrame):
    """记录答复: the department head's answer to one escalated problem (inline)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = bar_row(self)
        self.prompt = QLabel()
        self.prompt.setObjectName("draftText")
        self.prompt.setMaximumWidth(320)
        self.edit = line_edit(500, self.tr("部门负责人的答复"), height=30)
        self.edit.setAccessibleName(self.tr("答复"))
        self.save_button = QPushButton(self.tr("保存答复"))
        self.cancel_button = QPushButton(self.tr("取消"))
        layout.addWidget(self.prompt)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.save_button)
        layout.addWidget(self.cancel_button)
        self.target: tuple[date, str] | None = None
        self.cancel_button.clicked.connect(self.close_bar)
        self.hide()

    def ask(self, day: date, row: dict[str, Any]) -> None:
        self.target = (day, str(row.get("id", "")))
        text = str(row.get("text", ""))
        short = text if len(text) <= 18 else text[:18] + "…"
        self.prompt.setText(
            self.tr("{day}上报的“{text}”的答复：").format(day=short_date(day), text=short)
        )
        self.prompt.setToolTip(text)
        self.edit.clear()
        self.show()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_bar(self) -> None:
        self.target = None
        self.hide()


class EarlierEscalations(QWidget):
    """Problems reported on OTHER days and not answered yet, with their own 记录答复."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        earlier = QVBoxLayout(self)
        earlier.setContentsMargins(0, 4, 0, 0)
        earlier.setSpacing(4)
        self.title = QLabel()
        self.title.setObjectName("hintLabel")
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("上报日期"), self.tr("问题"), self.tr("客户")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("以前上报、还没有答复的问题"))
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.resizeSection(0, 90)
        header.resizeSection(1, 220)
        header.setStretchLastSection(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.answer_button = QPushButton(self.tr("记录答复"))
        row = QHBoxLayout()
        row.addWidget(self.title, 1)
        row.addWidget(self.answer_button)
        earlier.addLayout(row)
        earlier.addWidget(self.table)
        self.hide()

    def show_rows(
        self, earlier: Sequence[tuple[date, dict[str, Any]]], name: Callable[[str], str]
    ) -> None:
        """The rows (day reported, the problem, the customer with ``name`` of its code)."""
        table = self.table
        table.setRowCount(len(earlier))
        for n, (day, row) in enumerate(earlier):
            code = str(row.get("customer_code") or "")
            cells = (
                short_date(day),
                str(row.get("text", "")),
                f"{code} {name(code)}".strip(),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(n, column, item)
        self.title.setText(self.tr("以前上报、还没有答复的问题（{n}）：").format(n=len(earlier)))
        self.setVisible(bool(earlier))
        rows = min(max(len(earlier), 1), 4)
        header = table.horizontalHeader().sizeHint().height()
        table.setFixedHeight(header + rows * 26 + 2 * table.frameWidth() + 2)


class DaySections(QWidget):
    """The eight sections' editors in ``ORDER``: ``texts`` and ``tables`` by section name,
    ``errors`` (hidden until the core refuses a value)."""

    #: A section's value was changed by the user (its name).
    edited = Signal(str)

    def __init__(self, lookups: dict[str, CodeLookup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = QVBoxLayout(self)
        column = self.column
        column.setContentsMargins(8, 0, 4, 0)
        column.setSpacing(4)
        self.texts: dict[str, QPlainTextEdit] = {}
        self.tables: dict[str, SectionTable] = {}
        self.errors: dict[str, QLabel] = {}
        for name in ORDER:
            title = QLabel(self.tr(TEXT_SECTIONS.get(name) or LIST_SECTIONS[name]))
            title.setObjectName("sectionTitle")
            column.addSpacing(6)
            column.addWidget(title)
            if name in TEXT_SECTIONS:
                edit = SectionEdit(104 if name == "meeting_notes" else 76)
                edit.setPlaceholderText(self.tr(PLACEHOLDERS[name]))
                edit.setAccessibleName(title.text())
                edit.textChanged.connect(lambda n=name: self.edited.emit(n))
                title.setBuddy(edit)
                self.texts[name] = edit
                column.addWidget(edit)
            else:
                columns, new_row = self._columns(name)
                table = SectionTable(title.text(), columns, lookups, new_row=new_row)
                table.edited.connect(lambda n=name: self.edited.emit(n))
                self.tables[name] = table
                column.addWidget(table)
                if name == "escalations":
                    self._escalation_extras(table)
            error = MessageLabel("itemError")
            self.errors[name] = error
            column.addWidget(error)
        column.addStretch(1)

    def _columns(self, name: str) -> tuple[list[Column], Callable[[], dict[str, Any]]]:
        """A list section's columns and how a new row starts."""
        customer = self.tr("客户")
        if name == "escalations":
            return [
                _written("text", self.tr("问题"), self.tr("自己解决不了、要部门负责人处理的问题")),
                Column("customer_code", customer, "customer", width=130),
                Column("answered", self.tr("状态"), "answered", width=60),
                Column("answer", self.tr("答复"), "answer", width=110),
            ], new_escalation
        if name == "mutual_control":
            return [
                Column("customer_code", customer, "customer", width=180, required=True),
                Column("type", self.tr("类型"), "choice", width=96, options=MUTUAL_CONTROL_TYPES),
                _written("text", self.tr("内容"), self.tr("互控内容")),
            ], dict
        return [
            Column("sku", self.tr("卷烟规格"), "sku", width=200, required=True),
            _written("note", self.tr("说明 / 限量"), self.tr("如：本周限量 2 条/户")),
        ], dict

    def _escalation_extras(self, table: SectionTable) -> None:
        self.answer_button = QToolButton()
        self.answer_button.setText(self.tr("记录答复"))
        self.answer_button.setMinimumHeight(30)
        self.answer_button.setToolTip(self.tr("记下部门负责人对选中问题的答复"))
        table.extra.addWidget(self.answer_button)
        self.earlier_box = EarlierEscalations()
        self.column.addWidget(self.earlier_box)
        self.answer_bar = AnswerBar()
        self.column.addWidget(self.answer_bar)

    def value_of(self, name: str) -> Any:
        """What the section holds on screen: its text, or its rows."""
        if name in self.texts:
            return self.texts[name].toPlainText()
        return self.tables[name].rows()

    def set_values(self, values: dict[str, Any]) -> None:
        """Show the sections' values (a missing one empty) and hide the errors."""
        for name in ORDER:
            value = values.get(name, empty_section(name))
            if name in self.texts:
                edit = self.texts[name]
                if edit.toPlainText() != str(value or ""):
                    edit.setPlainText(str(value or ""))
            else:
                self.tables[name].set_rows([r for r in value if isinstance(r, dict)])
            self.errors[name].hide()
