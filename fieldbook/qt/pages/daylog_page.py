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

This module lays the page out, loads a day and shows it. The rest: ``daylog_data`` (what runs
on the DB worker), ``daylog_saving`` (autosave, failed saves, corrections), ``daylog_actions``
(answers, submit, import, export, reminders); the widgets in ``widgets/day_panels`` (facts and
indicators), ``widgets/day_sections`` (the section editors) and ``widgets/day_corrections``.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core import workdays
from fieldbook.qt.context import AppContext
from fieldbook.qt.formatting import weekday_name
from fieldbook.qt.pages.base import Page, heading
from fieldbook.qt.pages.daylog_actions import DayLogActions
from fieldbook.qt.pages.daylog_data import (
    DayLogData,
    empty_section,
    export_daylog,
    is_rejection,
    load_daylog,
    save_corrections,
)
from fieldbook.qt.pages.daylog_saving import DEBOUNCE_MS, DayLogSaving, Pending
from fieldbook.qt.plan_format import short_date
from fieldbook.qt.widgets.code_picker import CodeLookup
from fieldbook.qt.widgets.day_corrections import DayCorrectionBar, DayCorrections
from fieldbook.qt.widgets.day_panels import FactsPanel, IndicatorPanel
from fieldbook.qt.widgets.day_sections import (
    ORDER,
    PLACEHOLDERS,
    AnswerBar,
    DaySections,
    SectionEdit,
    new_escalation,
)

if TYPE_CHECKING:
    from fieldbook.core.routine.daylog import DayLogView

#: What this module has always offered (the pieces now live in the daylog_*/day_* modules).
__all__ = [
    "DEBOUNCE_MS",
    "FACT_TOPICS",
    "ORDER",
    "PAGE_STYLE",
    "PLACEHOLDERS",
    "AnswerBar",
    "DayCorrectionBar",
    "DayLogData",
    "DayLogPage",
    "Pending",
    "SectionEdit",
    "export_daylog",
    "is_rejection",
    "load_daylog",
    "new_escalation",
    "save_corrections",
]

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


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("DayLogPage", text)


class DayLogPage(DayLogSaving, DayLogActions, Page):
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
        self.timers = self._save_timers()
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
        self.editors = DaySections(self.lookups)
        self.sections_column = self.editors.column
        self.texts = self.editors.texts
        self.tables = self.editors.tables
        self.section_errors = self.editors.errors
        self.answer_button = self.editors.answer_button
        self.earlier_box = self.editors.earlier_box
        self.earlier_title = self.earlier_box.title
        self.earlier_table = self.earlier_box.table
        self.earlier_answer = self.earlier_box.answer_button
        self.answer_bar = self.editors.answer_bar
        self.editors.edited.connect(self._edited)
        self.answer_button.clicked.connect(self.answer_current)
        self.earlier_answer.clicked.connect(self.answer_earlier)
        self.earlier_table.itemActivated.connect(lambda _i: self.answer_earlier())
        self.answer_bar.save_button.clicked.connect(self.save_answer)
        self.answer_bar.edit.returnPressed.connect(self.save_answer)
        self.right_scroll = self._scroll(self.editors)
        self.right_scroll.setMinimumWidth(420)
        return self.right_scroll

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
        from fieldbook.messages import describe_error

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
            self.saved = {name: view.sections.get(name, empty_section(name)) for name in ORDER}
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
                value = values.get(name, empty_section(name))
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
        self.earlier_box.show_rows(self.earlier, self.lookups["customer"].name)

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

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()  # leaving the page: what is typed goes in now
        super().hideEvent(event)

    # --- for the main window and tests ----------------------------------------------------------
    def focus_section(self, name: str) -> None:
        widget: QWidget = self.texts[name] if name in self.texts else self.tables[name].view
        self.right_scroll.ensureWidgetVisible(widget, 20, 40)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
