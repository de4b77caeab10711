"""工作日志: the end of the working day (15:00 back at the office, 16:00 the meeting).

Left, what Fieldbook already knows: the day's facts (visits, first arrival and last departure
against 07:30/15:00, minutes per shop, findings, slips, follow-ups closed, tomorrow's plan) and
the economic indicators (导入订单… brings in the ordering system's export). Right, what only
the manager knows: eight sections, each saved on every change (a short pause after typing,
through the DB worker; "已保存 HH:MM:SS" only after the save returned). A save the database
refuses (a full disk) keeps what was typed on screen, says so in red and is sent again with
the next change or 重试 (Ctrl+R).

提交 (after a confirmation) snapshots the facts and makes the log the record: from then on an
edit is a correction — the edits stay on screen, a reason bar appears (保存更正), and every
correction is listed under 更正记录 (and in the export). Escalated problems stay open until
the department head's answer is recorded (记录答复), also on later days' pages.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core import workdays
from fieldbook.core.daylog import LIST_SECTIONS, MUTUAL_CONTROL_TYPES, TEXT_SECTIONS
from fieldbook.core.errors import FieldbookError, InvalidValue, NotFound
from fieldbook.qt.context import AppContext
from fieldbook.qt.formatting import weekday_name
from fieldbook.qt.pages.base import Page, heading
from fieldbook.qt.plan_format import short_date
from fieldbook.qt.widgets.code_picker import CodeLookup
from fieldbook.qt.widgets.correction_bar import CorrectionBar
from fieldbook.qt.widgets.day_corrections import DayCorrections, section_label
from fieldbook.qt.widgets.day_panels import FactsPanel, IndicatorPanel
from fieldbook.qt.widgets.section_table import Column, SectionTable

if TYPE_CHECKING:
    from fieldbook.core.daylog import DayLogView
    from fieldbook.core.journal import Journal

#: The sections in the order the page shows them (the routine's order).
ORDER = (
    "phone_staff",
    "indicator_analysis",
    "problems",
    "escalations",
    "customer_maintenance",
    "mutual_control",
    "supply_info",
    "meeting_notes",
)
DEBOUNCE_MS = 400
#: Changes elsewhere that change the facts or the indicators.
FACT_TOPICS = frozenset({"orders", "plan", "visits", "slips", "followups", "customers"})

PAGE_STYLE = """
QGroupBox#daySection { font-weight: bold; }
QGroupBox#daySection QLabel, QGroupBox#daySection QTableWidget { font-weight: normal; }
#factTitle { color: #5b6472; }
#factValue[level="bad"] { color: #a4262c; font-weight: bold; }
#factValue[level="warn"] { color: #8a5a00; font-weight: bold; }
#figureHead { color: #5b6472; }
#figureLine { color: #dfe3ea; }
#figureCaption { color: #2b3340; }
#figureValue { font-size: 15px; font-weight: bold; color: #1d2430; }
#figureChange { color: #5b6472; }
#figureChange[trend="up"] { color: #1e7b34; }
#figureChange[trend="down"] { color: #a4262c; }
#figureMonth { color: #4a5260; }
#statusBadge { border-radius: 10px; padding: 2px 10px; background: #eef1f5; color: #4a5260; }
#statusBadge[state="draft"] { background: #eef5ff; color: #23446e; }
#statusBadge[state="submitted"] { background: #e3f4e8; color: #1e7b34; font-weight: bold; }
#sectionTitle { font-weight: bold; color: #2b3340; }
#submitButton {
    background: #1f6fd1; color: #ffffff; border: 1px solid #195cb0; border-radius: 5px;
    padding: 4px 16px; font-weight: bold;
}
#submitButton:disabled { background: #c9d3e0; border-color: #c9d3e0; }
"""

PLACEHOLDERS = {
    "phone_staff": "和电访员沟通了什么：客户的要求、订单异常、需要回访的户…",
    "indicator_analysis": "订货率、订货量、结构和单条值的变化，原因和下一步…",
    "problems": "走访和订单中发现的问题，已经怎么处理…",
    "customer_maintenance": "客户资料变更、新开/停业/恢复、档位和线路调整…",
    "meeting_notes": "16:00 例会：通报的情况、布置的工作、要跟进的事…",
}


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("DayLogPage", text)


# ----------------------------------------------------------------------------- worker side


@dataclass(frozen=True)
class DayLogData:
    view: DayLogView
    #: Escalations of OTHER days not answered yet: (day, row).
    earlier: tuple[tuple[date, dict[str, Any]], ...]
    #: Shop names of the customer codes the sections mention.
    names: dict[str, str]


def load_daylog(j: Journal, day: date) -> DayLogData:
    from fieldbook.core.daylog import customer_name

    view = j.daylogs.get(day)
    earlier = tuple((d, row) for d, row in j.daylogs.open_escalations() if d != day)
    codes = {
        str(row.get("customer_code"))
        for name in ("escalations", "mutual_control")
        for row in (view.sections.get(name) or [])
        if isinstance(row, dict) and row.get("customer_code")
    }
    codes |= {str(row.get("customer_code")) for _d, row in earlier if row.get("customer_code")}
    names = {code: customer_name(j, code) for code in sorted(codes)}
    return DayLogData(view, earlier, {k: v for k, v in names.items() if v})


def save_corrections(j: Journal, day: date, changes: dict[str, Any], reason: str) -> DayLogView:
    """Each changed section as one correction with the same reason."""
    view = None
    for name, value in changes.items():
        view = j.daylogs.correct(day, name, value, reason)
    return view if view is not None else j.daylogs.get(day)


def export_daylog(j: Journal, day: date, path: Path) -> Any:
    from fieldbook.core.day_export import export_day  # openpyxl: only when exporting

    return export_day(j, day, path)


def new_escalation() -> dict[str, Any]:
    """A new escalated problem: its id is made here, so answers find it after any save."""
    return {"id": uuid.uuid4().hex[:12], "answered": False, "answer": ""}


def is_rejection(exc: BaseException) -> bool:
    """The core refused the VALUE (nothing to retry); anything else is a failed save."""
    return isinstance(exc, InvalidValue | NotFound)


def _empty(name: str) -> Any:
    return [] if name in LIST_SECTIONS else ""


def _same(name: str, a: Any, b: Any) -> bool:
    if name in TEXT_SECTIONS:
        return str(a or "").strip() == str(b or "").strip()
    return list(a or []) == list(b or [])


@dataclass(frozen=True)
class Pending:
    """A section save the database refused: sent again on the next change or on 重试."""

    fn: Callable[[Journal], Any]
    value: Any
    label: str


class DayCorrectionBar(CorrectionBar):
    def show_changes(self, labels: Any) -> None:
        self.changed_label.setText(
            self.tr("已修改：{fields}。日志已提交，更正需要填写原因，会记入更正记录。").format(
                fields="、".join(labels)
            )
        )
        self.reason_edit.setPlaceholderText(self.tr("如：例会记录漏记一项"))
        self.show()


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
        self.setObjectName("reasonBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.prompt = QLabel()
        self.prompt.setObjectName("draftText")
        self.prompt.setMaximumWidth(320)
        self.edit = QLineEdit()
        self.edit.setMaxLength(500)
        self.edit.setMinimumHeight(30)
        self.edit.setPlaceholderText(self.tr("部门负责人的答复"))
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


# ----------------------------------------------------------------------------- the page


class DayLogPage(Page):
    #: Open the plan page on this date (the tomorrow link).
    plan_requested = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setStyleSheet(PAGE_STYLE)
        self.day: date = ctx.today()
        self.shown_day: date | None = None  # the day whose sections the editors show
        self.view: DayLogView | None = None
        self.status = "none"
        self.data: DayLogData | None = None
        #: The sections as the database has them (for corrections: what changed).
        self.saved: dict[str, Any] = {}
        #: Edits of a SUBMITTED log waiting for a reason.
        self.corrections: dict[str, Any] = {}
        #: Saves the database refused (sent again), and values the core rejected (shown).
        self.unsaved: dict[str, Pending] = {}
        self.rejected: dict[str, str] = {}
        self._tokens: dict[str, int] = {}
        self.save_error: BaseException | None = None
        self._loading = False
        self.submit_box: QMessageBox | None = None
        self.lookups = {
            "customer": CodeLookup(ctx.ops, "customer", self),
            "sku": CodeLookup(ctx.ops, "sku", self),
        }
        self.timers: dict[str, QTimer] = {}
        for name in ORDER:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(DEBOUNCE_MS)
            timer.timeout.connect(lambda n=name: self._save(n))
            self.timers[name] = timer
        self._build()
        self._actions()
        ctx.hub.changed.connect(self._changed)
        self.load(self.day)

    # --- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 10)
        layout.setSpacing(8)

        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(heading(self.tr("工作日志")))
        top.addSpacing(12)
        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("上一个工作日（Alt+←）"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumHeight(30)
        self.date_edit.setAccessibleName(self.tr("日志日期"))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("下一个工作日（Alt+→）"))
        self.weekday_label = QLabel()
        self.today_button = QPushButton(self.tr("今天"))
        self.today_button.setToolTip(self.tr("回到今天（Alt+Home）"))
        for w in (self.prev_button, self.date_edit, self.next_button, self.weekday_label):
            top.addWidget(w)
        top.addWidget(self.today_button)
        top.addSpacing(8)
        self.status_badge = QLabel()
        self.status_badge.setObjectName("statusBadge")
        top.addWidget(self.status_badge)
        top.addStretch(1)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        top.addWidget(self.saved_label)
        top.addSpacing(6)
        self.import_button = QPushButton(self.tr("导入订单…"))
        self.import_button.setToolTip(self.tr("导入订货系统导出的订单明细（Ctrl+I）"))
        self.export_button = QPushButton(self.tr("导出…"))
        self.export_button.setToolTip(self.tr("把这天的工作日志导出为 Excel（Ctrl+E）"))
        self.reminder_button = QPushButton(self.tr("提醒…"))
        self.reminder_button.setToolTip(
            self.tr("提醒设置：07:30、15:00、15:40、16:00 和周四 14:00")
        )
        self.submit_button = QPushButton(self.tr("提交"))
        self.submit_button.setObjectName("submitButton")
        self.submit_button.setToolTip(
            self.tr("提交这天的日志：当天情况和指标按现在的数据保存，之后的修改要填写原因")
        )
        for button in (
            self.import_button,
            self.export_button,
            self.reminder_button,
            self.submit_button,
        ):
            button.setMinimumHeight(32)
            top.addWidget(button)
        layout.addLayout(top)

        self.note = QLabel()
        self.note.setObjectName("noteBox")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._left())
        self.splitter.addWidget(self._right())
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([540, 520])
        layout.addWidget(self.splitter, 1)

        self.correction_bar = DayCorrectionBar()
        layout.addWidget(self.correction_bar)
        bottom = QHBoxLayout()
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.retry_button = QPushButton(self.tr("重试（Ctrl+R）"))
        self.retry_button.setToolTip(self.tr("把没保存的修改再保存一次"))
        self.retry_button.setMinimumHeight(34)
        self.retry_button.hide()
        bottom.addWidget(self.error_label, 1)
        bottom.addWidget(self.retry_button)
        layout.addLayout(bottom)

        self.prev_button.clicked.connect(self.previous_day)
        self.next_button.clicked.connect(self.next_day)
        self.today_button.clicked.connect(lambda: self.load(self.ctx.today()))
        self.date_edit.dateChanged.connect(self._date_picked)
        self.import_button.clicked.connect(self.import_orders)
        self.export_button.clicked.connect(self.choose_export_file)
        self.reminder_button.clicked.connect(self.edit_reminders)
        self.submit_button.clicked.connect(self.ask_submit)
        self.retry_button.clicked.connect(self.retry)
        self.correction_bar.save_requested.connect(self.save_correction)
        self.correction_bar.undo_requested.connect(self.undo_corrections)
        self.facts.plan_requested.connect(
            lambda: self.plan_requested.emit(workdays.next_working_day(self.day))
        )

    def _scroll(self, inner: QWidget) -> QScrollArea:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return scroll

    def _left(self) -> QWidget:
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(10)
        self.facts = FactsPanel()
        self.indicators = IndicatorPanel()
        self.corrections_box = QGroupBox(self.tr("更正记录"))
        self.corrections_box.setObjectName("daySection")
        box = QVBoxLayout(self.corrections_box)
        self.corrections_list = DayCorrections()
        self.corrections_empty = QLabel(
            self.tr("还没有更正。提交后再修改的内容，会连同时间和原因记在这里。")
        )
        self.corrections_empty.setObjectName("hintLabel")
        self.corrections_empty.setWordWrap(True)
        box.addWidget(self.corrections_list)
        box.addWidget(self.corrections_empty)
        self.corrections_box.hide()
        column.addWidget(self.facts)
        column.addWidget(self.indicators)
        column.addWidget(self.corrections_box)
        column.addStretch(1)
        self.left_scroll = self._scroll(inner)
        self.left_scroll.setMinimumWidth(400)
        return self.left_scroll

    def _right(self) -> QWidget:
        inner = QWidget()
        self.sections_column = QVBoxLayout(inner)
        column = self.sections_column
        column.setContentsMargins(8, 0, 4, 0)
        column.setSpacing(4)
        self.texts: dict[str, QPlainTextEdit] = {}
        self.tables: dict[str, SectionTable] = {}
        self.section_errors: dict[str, QLabel] = {}
        customer = self.tr("客户")
        for name in ORDER:
            title = QLabel(self.tr(TEXT_SECTIONS.get(name) or LIST_SECTIONS[name]))
            title.setObjectName("sectionTitle")
            column.addSpacing(6)
            column.addWidget(title)
            if name in TEXT_SECTIONS:
                edit = SectionEdit(104 if name == "meeting_notes" else 76)
                edit.setPlaceholderText(self.tr(PLACEHOLDERS[name]))
                edit.setAccessibleName(title.text())
                edit.textChanged.connect(lambda n=name: self._edited(n))
                title.setBuddy(edit)
                self.texts[name] = edit
                column.addWidget(edit)
            else:
                if name == "escalations":
                    columns = [
                        Column(
                            "text",
                            self.tr("问题"),
                            width=200,
                            stretch=True,
                            required=True,
                            placeholder=self.tr("自己解决不了、要部门负责人处理的问题"),
                        ),
                        Column("customer_code", customer, "customer", width=130),
                        Column("answered", self.tr("状态"), "answered", width=60),
                        Column("answer", self.tr("答复"), "readonly", width=110),
                    ]
                    new_row: Callable[[], dict[str, Any]] = new_escalation
                elif name == "mutual_control":
                    columns = [
                        Column("customer_code", customer, "customer", width=180, required=True),
                        Column(
                            "type",
                            self.tr("类型"),
                            "choice",
                            width=96,
                            options=MUTUAL_CONTROL_TYPES,
                        ),
                        Column(
                            "text",
                            self.tr("内容"),
                            width=200,
                            stretch=True,
                            required=True,
                            placeholder=self.tr("互控内容"),
                        ),
                    ]
                    new_row = dict
                else:
                    columns = [
                        Column("sku", self.tr("卷烟规格"), "sku", width=200, required=True),
                        Column(
                            "note",
                            self.tr("说明 / 限量"),
                            width=200,
                            stretch=True,
                            required=True,
                            placeholder=self.tr("如：本周限量 2 条/户"),
                        ),
                    ]
                    new_row = dict
                table = SectionTable(title.text(), columns, self.lookups, new_row=new_row)
                table.edited.connect(lambda n=name: self._edited(n))
                self.tables[name] = table
                column.addWidget(table)
                if name == "escalations":
                    self._escalation_extras(table, column)
            error = QLabel()
            error.setObjectName("itemError")
            error.setWordWrap(True)
            error.hide()
            self.section_errors[name] = error
            column.addWidget(error)
        column.addStretch(1)
        self.right_scroll = self._scroll(inner)
        self.right_scroll.setMinimumWidth(420)
        return self.right_scroll

    def _escalation_extras(self, table: SectionTable, column: QVBoxLayout) -> None:
        self.answer_button = QToolButton()
        self.answer_button.setText(self.tr("记录答复"))
        self.answer_button.setMinimumHeight(30)
        self.answer_button.setToolTip(self.tr("记下部门负责人对选中问题的答复"))
        self.answer_button.clicked.connect(self.answer_current)
        table.extra.addWidget(self.answer_button)
        self.earlier_box = QWidget()
        earlier = QVBoxLayout(self.earlier_box)
        earlier.setContentsMargins(0, 4, 0, 0)
        earlier.setSpacing(4)
        self.earlier_title = QLabel()
        self.earlier_title.setObjectName("hintLabel")
        self.earlier_table = QTableWidget(0, 3)
        self.earlier_table.setHorizontalHeaderLabels(
            [self.tr("上报日期"), self.tr("问题"), self.tr("客户")]
        )
        self.earlier_table.verticalHeader().setVisible(False)
        self.earlier_table.verticalHeader().setDefaultSectionSize(26)
        self.earlier_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.earlier_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.earlier_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.earlier_table.setAccessibleName(self.tr("以前上报、还没有答复的问题"))
        header = self.earlier_table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.resizeSection(0, 90)
        header.resizeSection(1, 220)
        header.setStretchLastSection(True)
        self.earlier_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.earlier_answer = QPushButton(self.tr("记录答复"))
        self.earlier_answer.clicked.connect(self.answer_earlier)
        self.earlier_table.itemActivated.connect(lambda _i: self.answer_earlier())
        row = QHBoxLayout()
        row.addWidget(self.earlier_title, 1)
        row.addWidget(self.earlier_answer)
        earlier.addLayout(row)
        earlier.addWidget(self.earlier_table)
        self.earlier_box.hide()
        column.addWidget(self.earlier_box)
        self.answer_bar = AnswerBar()
        self.answer_bar.save_button.clicked.connect(self.save_answer)
        self.answer_bar.edit.returnPressed.connect(self.save_answer)
        column.addWidget(self.answer_bar)

    def _actions(self) -> None:
        def add(keys: tuple[str, ...], slot: Any) -> None:
            action = QAction(self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

        add(("Alt+Left",), self.previous_day)
        add(("Alt+Right",), self.next_day)
        add(("Alt+Home",), lambda: self.load(self.ctx.today()))
        add(("Ctrl+I",), self.import_orders)
        add(("Ctrl+E",), self.choose_export_file)
        add(("Ctrl+R",), self.retry)

    # --- loading ----------------------------------------------------------------------------
    def load(self, day: date, *, sections: bool = True) -> None:
        self.flush()
        if day != self.day and (self.unsaved or self.corrections or self.rejected):
            self._say_held()
            self._set_date(self.day)
            return
        self.day = day
        self._set_date(day)
        self.ctx.ops.query(
            lambda j: load_daylog(j, day),
            lambda data: self._loaded(data, sections),
            self._load_failed,
            key="daylog.load",
            what=self.tr("读取工作日志"),
        )

    def reload(self, *, sections: bool = False) -> None:
        self.load(self.day, sections=sections)

    def _set_date(self, day: date) -> None:
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.blockSignals(False)
        text = weekday_name(day.isoweekday())
        if not workdays.is_working_day(day):
            text += self.tr("（休息日）")
        self.weekday_label.setText(text)

    def _load_failed(self, exc: BaseException) -> None:
        from fieldbook.wording import describe_error

        self.show_message(self.tr("读取工作日志失败：{reason}").format(reason=describe_error(exc)))
        self.mark_ready()

    def _loaded(self, data: DayLogData, sections: bool) -> None:
        view = data.view
        if view.day != self.day:
            return  # an older day's answer
        full = sections or self.shown_day != view.day
        self.data = data
        self.view = view
        self.status = view.status
        self.lookups["customer"].names.update(data.names)
        tomorrow = workdays.next_working_day(view.day)
        self.facts.show_facts(
            view.facts, self.tr("打开{day}的计划 →").format(day=short_date(tomorrow))
        )
        self.indicators.show_orders(view.facts.orders, snapshot=view.status == "submitted")
        self.corrections_list.set_entries(view.corrections)
        self.corrections_empty.setVisible(not view.corrections)
        self.corrections_box.setVisible(bool(view.corrections) or view.status == "submitted")
        self._show_earlier(data.earlier)
        if full:
            self.shown_day = view.day
            self.saved = {name: view.sections.get(name, _empty(name)) for name in ORDER}
            self.corrections.clear()
            self.rejected.clear()
            self.correction_bar.reset()
            self.answer_bar.close_bar()
            self._show_sections(self.saved)
            self.saved_label.clear()
            if not self.unsaved:
                self.show_message("")
        self._show_status()
        self.mark_ready()

    def _show_sections(self, values: dict[str, Any]) -> None:
        self._loading = True
        try:
            for name in ORDER:
                self.timers[name].stop()
                value = values.get(name, _empty(name))
                if name in self.texts:
                    edit = self.texts[name]
                    if edit.toPlainText() != str(value or ""):
                        edit.setPlainText(str(value or ""))
                else:
                    self.tables[name].set_rows([r for r in value if isinstance(r, dict)])
                self.section_errors[name].hide()
        finally:
            self._loading = False

    def _show_status(self) -> None:
        view = self.view
        status = self.status
        if status == "submitted" and view is not None and view.submitted_at is not None:
            badge = self.tr("已提交 {time}").format(time=view.submitted_at.strftime("%H:%M"))
        elif status == "submitted":
            badge = self.tr("已提交")
        elif status == "draft":
            badge = self.tr("草稿")
        else:
            badge = self.tr("未开始")
        self.status_badge.setText(badge)
        self.status_badge.setProperty("state", status)
        style = self.status_badge.style()
        style.unpolish(self.status_badge)
        style.polish(self.status_badge)
        self.submit_button.setVisible(status != "submitted")
        if status == "submitted":
            when = view.submitted_at.strftime("%H:%M") if view and view.submitted_at else ""
            self.note.setText(
                self.tr(
                    "日志已于 {time} 提交，是正式记录。要修改某一部分，直接改，再填写原因并点"
                    "“保存更正”；每次更正都记在“更正记录”里，导出时也会带上。"
                ).format(time=when)
            )
        else:
            self.note.setText(
                self.tr(
                    "回到办公室后：先导入当天的订单，看一下左边的当天情况和经济指标，再写右边各"
                    "部分——每次修改都自动保存。写完、开完 16:00 例会后点“提交”。"
                )
            )

    def _show_earlier(self, earlier: tuple[tuple[date, dict[str, Any]], ...]) -> None:
        self.earlier = list(earlier)
        table = self.earlier_table
        table.setRowCount(len(self.earlier))
        names = self.lookups["customer"]
        for n, (day, row) in enumerate(self.earlier):
            code = str(row.get("customer_code") or "")
            cells = (
                short_date(day),
                str(row.get("text", "")),
                f"{code} {names.name(code)}".strip(),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(n, column, item)
        self.earlier_title.setText(
            self.tr("以前上报、还没有答复的问题（{n}）：").format(n=len(self.earlier))
        )
        self.earlier_box.setVisible(bool(self.earlier))
        rows = min(max(len(self.earlier), 1), 4)
        header = table.horizontalHeader().sizeHint().height()
        table.setFixedHeight(header + rows * 26 + 2 * table.frameWidth() + 2)

    def _changed(self, topics: frozenset[str]) -> None:
        if topics & FACT_TOPICS and self.status != "submitted":
            self.reload()

    def activated(self) -> None:
        if self.view is not None:
            self.reload()

    # --- dates ------------------------------------------------------------------------------
    def previous_day(self) -> None:
        self.load(workdays.previous_working_day(self.day))

    def next_day(self) -> None:
        self.load(workdays.next_working_day(self.day))

    def _date_picked(self, value: QDate) -> None:
        self.load(date(value.year(), value.month(), value.day()))

    # --- editing ----------------------------------------------------------------------------
    def value_of(self, name: str) -> Any:
        if name in self.texts:
            return self.texts[name].toPlainText()
        return self.tables[name].rows()

    def _edited(self, name: str) -> None:
        if self._loading or self.view is None:
            return
        if self.status == "submitted":
            self._track_correction(name)
            return
        self.timers[name].start()

    def flush(self) -> None:
        """Save now what is waiting for the pause after typing."""
        for name, timer in self.timers.items():
            if timer.isActive():
                timer.stop()
                self._save(name)

    def _save(self, name: str) -> None:
        if self.status == "submitted":
            return
        day = self.day
        value = self.value_of(name)
        label = section_label(name)
        self.unsaved.pop(name, None)
        self._send(name, Pending(lambda j: j.daylogs.save_section(day, name, value), value, label))
        self.retry()

    def _send(self, name: str, pending: Pending) -> None:
        token = self._tokens.get(name, 0) + 1
        self._tokens[name] = token
        day = self.day

        def ok(_result: object) -> None:
            if self._tokens.get(name) == token:
                self.unsaved.pop(name, None)
                self.rejected.pop(name, None)
                if day == self.day:
                    self.saved[name] = pending.value
                    self.section_errors[name].hide()
            if self.status == "none" and day == self.day:
                self.status = "draft"
                self._show_status()
            self._settle()

        def failed(exc: BaseException) -> None:
            from fieldbook.wording import describe_error

            if is_rejection(exc):
                if self._tokens.get(name) == token:
                    self.unsaved.pop(name, None)
                text = describe_error(exc)
                self.rejected[name] = text
                error = self.section_errors[name]
                error.setText(self.tr("没有保存：{reason}").format(reason=text))
                error.show()
                self._mark_unsaved()
                if isinstance(exc, InvalidValue) and exc.detail == "log_submitted":
                    self.reload(sections=True)  # submitted meanwhile: show it as it is
                return
            if self._tokens.get(name) == token:
                self.unsaved[name] = pending  # newer edits of the same section win
            self.save_error = exc
            self._show_unsaved()
            if not isinstance(exc, FieldbookError):
                self.ctx.ops.report(exc, what=pending.label, write=True)

        self.ctx.ops.write(pending.fn, ok, failed, what=pending.label)

    def retry(self) -> None:
        """重试: send every section the database refused again."""
        for name, pending in list(self.unsaved.items()):
            self._send(name, pending)

    def _settle(self) -> None:
        if self.unsaved:
            self._show_unsaved()
            return
        if self.save_error is not None:
            self.save_error = None
            self.retry_button.hide()
            self.show_message("")
        if self.rejected:
            self._mark_unsaved()
            return
        self.saved_label.setText(
            self.tr("已保存 {time}").format(time=datetime.now().strftime("%H:%M:%S"))
        )
        self.saved_label.setProperty("failed", False)
        self._repolish(self.saved_label)

    def _mark_unsaved(self) -> None:
        self.saved_label.setText(self.tr("未保存"))
        self.saved_label.setProperty("failed", True)
        self._repolish(self.saved_label)

    def _show_unsaved(self) -> None:
        from fieldbook.wording import describe_error

        self._mark_unsaved()
        if not self.unsaved:
            return
        labels = "、".join(p.label for p in self.unsaved.values())
        reason = describe_error(self.save_error) if self.save_error is not None else ""
        self.show_message(
            self.tr("{reason}\n没保存的部分（仍在屏幕上）：{what}。点“重试”再保存。").format(
                reason=reason, what=labels
            )
        )
        self.retry_button.show()

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)

    def show_message(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _say_held(self) -> None:
        text = self.tr(
            "{what}。保存成功（点“重试”或“保存更正”）或撤销之前，不能换到别的日期。"
        ).format(what=self.unsaved_changes())
        self.ctx.ops.message.emit(text)
        if self.unsaved:
            self._show_unsaved()
        else:
            self.show_message(text)

    def unsaved_changes(self) -> str:
        self.flush()
        parts = []
        if self.unsaved:
            labels = "、".join(p.label for p in self.unsaved.values())
            parts.append(self.tr("工作日志还有部分没有保存：{what}").format(what=labels))
        if self.rejected:
            labels = "、".join(section_label(n) for n in self.rejected)
            parts.append(self.tr("工作日志有部分没有保存（内容有误）：{what}").format(what=labels))
        if self.corrections:
            parts.append(self.tr("工作日志的更正还没有保存（需要填写原因）"))
        return "；".join(parts)

    def drop_unsaved(self) -> None:
        self.unsaved.clear()
        self.rejected.clear()
        self.corrections.clear()

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()  # leaving the page: what is typed goes in now
        super().hideEvent(event)

    # --- corrections of a submitted log -------------------------------------------------------
    def _track_correction(self, name: str) -> None:
        value = self.value_of(name)
        if _same(name, value, self.saved.get(name, _empty(name))):
            self.corrections.pop(name, None)
        else:
            self.corrections[name] = value
        if not self.corrections:
            self.correction_bar.reset()
            return
        self.correction_bar.show_changes([section_label(n) for n in self.corrections])

    def save_correction(self, reason: str) -> None:
        if self.status != "submitted" or not self.corrections:
            self.correction_bar.reset()
            return
        day = self.day
        changes = {
            name: (value.strip() if isinstance(value, str) else value)
            for name, value in self.corrections.items()
        }
        self.correction_bar.save_button.setEnabled(False)

        def done(view: DayLogView) -> None:
            self.correction_bar.save_button.setEnabled(True)
            self.corrections.clear()
            self.correction_bar.reset()
            self.ctx.ops.message.emit(self.tr("已保存更正，已记入更正记录"))
            self.saved_label.setText(
                self.tr("已保存更正 {time}").format(time=datetime.now().strftime("%H:%M:%S"))
            )
            self.saved_label.setProperty("failed", False)
            self._repolish(self.saved_label)
            self.reload(sections=True)

        def failed(exc: BaseException) -> None:
            from fieldbook.wording import describe_error

            self.correction_bar.save_button.setEnabled(True)
            self.correction_bar.show_error(
                self.tr("更正没有保存：{reason}\n修改仍在屏幕上，可以再点“保存更正”。").format(
                    reason=describe_error(exc)
                )
            )
            self._mark_unsaved()
            if not isinstance(exc, FieldbookError):
                self.ctx.ops.report(exc, what=self.tr("保存更正"), write=True)
            else:
                self.reload()  # some sections may have gone in: the list says which

        self.ctx.ops.write(
            lambda j: save_corrections(j, day, changes, reason),
            done,
            failed,
            what=self.tr("保存更正"),
        )

    def undo_corrections(self) -> None:
        self.corrections.clear()
        self._show_sections(self.saved)
        self.correction_bar.reset()

    # --- escalations -------------------------------------------------------------------------
    def answer_current(self) -> None:
        table = self.tables["escalations"]
        row = table.current_row()
        if row < 0:
            table.show_hint(self.tr("请先选中要记录答复的问题"))
            return
        self.flush()
        data = table.model.row(row)
        saved_ids = {r.get("id") for r in self.saved.get("escalations", [])}
        if data.get("id") not in saved_ids:
            table.show_hint(self.tr("这个问题还没有保存，保存后才能记录答复"))
            return
        if data.get("answered"):
            table.show_hint(
                self.tr("这个问题已经答复：{answer}").format(answer=data.get("answer", ""))
            )
            return
        table.show_hint("")
        self.answer_bar.ask(self.day, data)

    def answer_earlier(self) -> None:
        row = self.earlier_table.currentRow()
        if not 0 <= row < len(self.earlier):
            self.earlier_title.setText(self.tr("请先选中要记录答复的问题："))
            return
        day, data = self.earlier[row]
        self.answer_bar.ask(day, data)

    def save_answer(self) -> None:
        target = self.answer_bar.target
        answer = self.answer_bar.edit.text().strip()
        if target is None:
            return
        if not answer:
            self.answer_bar.edit.setFocus()
            return
        day, escalation_id = target

        def done(view: DayLogView) -> None:
            self.answer_bar.close_bar()
            self.ctx.ops.message.emit(self.tr("已记录答复"))
            if day == self.day:
                for row in view.sections.get("escalations", []):
                    if row.get("id") == escalation_id:
                        updates = {k: row.get(k) for k in ("answered", "answer", "answered_at")}
                        self.tables["escalations"].model.merge("id", escalation_id, updates)
                        for saved in self.saved.get("escalations", []):
                            if saved.get("id") == escalation_id:
                                saved.update(updates)
            self.reload()

        def failed(exc: BaseException) -> None:
            from fieldbook.wording import describe_error

            self.show_message(self.tr("答复没有保存：{reason}").format(reason=describe_error(exc)))
            if not isinstance(exc, FieldbookError):
                self.ctx.ops.report(exc, what=self.tr("记录答复"), write=True)

        self.ctx.ops.write(
            lambda j: j.daylogs.answer_escalation(day, escalation_id, answer),
            done,
            failed,
            what=self.tr("记录答复"),
        )

    # --- submit -------------------------------------------------------------------------------
    def ask_submit(self) -> QMessageBox | None:
        self.flush()
        if self.status == "submitted":
            return None
        if self.unsaved or self.rejected:
            self._say_held()
            self.show_message(self.error_label.text() + self.tr("\n保存成功之前不能提交。"))
            return None
        empty = [
            section_label(n)
            for n in ORDER
            if n in TEXT_SECTIONS and not str(self.value_of(n)).strip()
        ]
        text = self.tr(
            "提交 {day} 的工作日志？\n\n提交后，当天情况和经济指标按现在的数据保存；"
            "以后再修改任何部分都要填写原因，并记入更正记录。"
        ).format(day=short_date(self.day))
        if empty:
            text += self.tr("\n\n还没有填写：{names}。").format(names="、".join(empty))
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("提交工作日志"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("提交"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(button: int) -> None:
            self.submit_box = None
            if button == QMessageBox.StandardButton.Yes:
                self.submit()

        box.finished.connect(answered)
        self.submit_box = box
        box.open()
        return box

    def submit(self) -> None:
        self.flush()
        if self.unsaved or self.rejected or self.status == "submitted":
            return
        day = self.day

        def done(view: DayLogView) -> None:
            self.ctx.ops.message.emit(self.tr("{day} 的工作日志已提交").format(day=short_date(day)))
            self.reload(sections=True)

        def failed(exc: BaseException) -> None:
            from fieldbook.wording import describe_error

            self.show_message(self.tr("没有提交：{reason}").format(reason=describe_error(exc)))
            if not isinstance(exc, FieldbookError):
                self.ctx.ops.report(exc, what=self.tr("提交工作日志"), write=True)
            self.reload()

        self.ctx.ops.write(
            lambda j: j.daylogs.submit(day), done, failed, what=self.tr("提交工作日志")
        )

    # --- orders, export, reminders ------------------------------------------------------------
    def import_orders(self) -> QWidget:
        from fieldbook.qt.dialogs.order_import_dialog import OrderImportDialog

        dialog = OrderImportDialog(self.ctx, self)
        dialog.imported.connect(lambda _report: self.reload())
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()
        dialog.choose_file()
        return dialog

    def choose_export_file(self) -> QFileDialog:
        self.flush()
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = self.tr("工作日志_{day}.xlsx").format(day=self.day.isoformat())
        dialog = QFileDialog(self, self.tr("导出工作日志"), str(Path(folder) / name))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Excel 工作簿 (*.xlsx)"))
        dialog.setDefaultSuffix("xlsx")
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.open()
        return dialog

    def export_to(self, path: Path) -> None:
        self.flush()
        day = self.day
        what = self.tr("导出工作日志")

        def done(written: Any) -> None:
            shown = written if isinstance(written, str | Path) else path
            text = self.tr("工作日志已导出：{path}").format(path=shown)
            self.show_message("")
            self.ctx.ops.message.emit(text)

        def failed(exc: BaseException) -> None:
            from fieldbook.wording import describe_error

            if isinstance(exc, ImportError):
                reason = self.tr("这个版本还没有工作日志导出功能")
            else:
                reason = describe_error(exc)
            text = self.tr("工作日志没有导出：{reason}").format(reason=reason)
            self.show_message(text)
            self.ctx.ops.message.emit(text)

        self.ctx.ops.query(lambda j: export_daylog(j, day, path), done, failed, what=what)

    def edit_reminders(self) -> QWidget:
        from fieldbook.qt.reminders import ReminderSettings, ReminderSettingsDialog

        dialog = ReminderSettingsDialog(ReminderSettings(), self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()
        return dialog

    # --- for the main window and tests ----------------------------------------------------------
    def focus_section(self, name: str) -> None:
        widget: QWidget = self.texts[name] if name in self.texts else self.tables[name].view
        self.right_scroll.ensureWidgetVisible(widget, 20, 40)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
