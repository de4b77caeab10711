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
the department head's answer is recorded (记录答复, ``daylog_answers``), also on later days'
pages.

The scaffolding, the autosave and the corrections are ``record_page.RecordPage``'s; what runs on
the DB worker is in ``operations/daylog``; the widgets in ``widgets/day_panels`` (facts and
indicators), ``widgets/day_sections`` (the section editors) and ``widgets/day_corrections``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QWidget,
)

from fieldbook.core import workdays
from fieldbook.core.errors import FieldbookError, InvalidValue
from fieldbook.core.routine.daylog import TEXT_SECTIONS
from fieldbook.messages import describe_error
from fieldbook.qt.context import AppContext
from fieldbook.qt.dialogs.import_dialog import ImportDialog
from fieldbook.qt.dialogs.order_import_dialog import OrderImportDialog
from fieldbook.qt.dialogs.target_dialog import TargetDialog
from fieldbook.qt.formatting import listing, short_date, weekday_name
from fieldbook.qt.operations.daylog import (
    DayLogData,
    export_daylog,
    load_daylog,
    save_corrections,
)
from fieldbook.qt.pages.daylog_answers import EscalationAnswers
from fieldbook.qt.pages.daylog_non_orderers import NonOrdererActions
from fieldbook.qt.pages.record_page import RecordPage
from fieldbook.qt.printing.form_printing import Form, FormPrinting
from fieldbook.qt.reminders import ReminderSettings, ReminderSettingsDialog
from fieldbook.qt.widgets.attendance_bar import AttendanceBar
from fieldbook.qt.widgets.code_picker import CodeLookup
from fieldbook.qt.widgets.correction_bar import CorrectionBar
from fieldbook.qt.widgets.day_corrections import CorrectionsBox, DayCorrections, section_label
from fieldbook.qt.widgets.day_panels import FactsPanel, IndicatorPanel
from fieldbook.qt.widgets.day_sections import ORDER, DaySections, empty_section, same_section
from fieldbook.qt.widgets.layouts import scroll_area
from fieldbook.qt.widgets.office_return import OfficeReturn
from fieldbook.qt.widgets.target_panel import TargetPanel

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.core.routine.daylog import DayLogView


class DayLogPage(RecordPage):
    #: Open the plan page on this date (the tomorrow link).
    plan_requested = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, ctx.today(), CorrectionBar("day"), parent)
        self.view: DayLogView | None = None
        self.data: DayLogData | None = None
        self.lookups = {
            "customer": CodeLookup(ctx.ops, "customer", self),
            "sku": CodeLookup(ctx.ops, "sku", self),
        }
        self.import_dialog: QWidget | None = None
        self._build()
        self.answers = EscalationAnswers(
            ctx.ops,
            self.editors,
            day=lambda: self.day,
            saved=lambda: self.saved,
            flush=self.flush,
            show_message=self.show_message,
            reload=self.reload,
            parent=self,
        )
        self.non_orderer_actions = NonOrdererActions(ctx, self.indicators.non_box, self)
        self._shortcuts(
            (("Ctrl+I", self.import_orders), ("Ctrl+Shift+B", self.office_return.press))
        )
        ctx.hub.changed.connect(self._changed)
        self.load(self.day)

    @property
    def day(self) -> date:
        """The day the page shows."""
        day: date = self.key
        return day

    # --- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = self._outer_layout()
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumHeight(30)
        self.date_edit.setAccessibleName(self.tr("日志日期"))
        self.weekday_label = QLabel()
        self.today_button = QPushButton(self.tr("今天"))
        self.today_button.setToolTip(self.tr("回到今天（Alt+Home）"))
        top = self._top_bar(
            self.tr("工作日志"),
            (self.tr("上一个工作日（Alt+←）"), self.tr("下一个工作日（Alt+→）")),
            self.date_edit,
            (self.weekday_label, self.today_button),
        )
        top.addSpacing(6)
        self._add_buttons(top, self._top_buttons())
        layout.addLayout(top)
        self._body(layout, self._left(), self._right(), [540, 520])
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self._navigation(self.previous_day, self.next_day, self.today, self.today_button)
        self.date_edit.dateChanged.connect(self._date_picked)
        self.facts.plan_requested.connect(
            lambda: self.plan_requested.emit(workdays.next_working_day(self.day))
        )

    def _top_buttons(self) -> tuple[QPushButton, ...]:
        self.office_return = OfficeReturn(
            self.ctx, lambda: self.day, self._return_state, self.reload, self
        )
        self.return_button = self.office_return.button
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
        self.import_button.clicked.connect(self.import_orders)
        self.export_button.clicked.connect(self.choose_export_file)
        self.reminder_button.clicked.connect(self.edit_reminders)
        self.submit_button.clicked.connect(self.ask_submit)
        self.printing = FormPrinting(self, self.ctx, self._printable)
        return (
            self.return_button,
            self.import_button,
            self.export_button,
            self.printing.button,
            self.reminder_button,
            self.submit_button,
        )

    def _return_state(self) -> tuple[datetime | None, bool]:
        """The time back at the office recorded for the day shown, and whether the log is
        submitted (``OfficeReturn`` asks)."""
        view = self.view
        if view is None or view.day != self.day:
            return None, False
        text = view.facts.returned_at
        recorded = datetime.combine(view.day, time.fromisoformat(text)) if text else None
        return recorded, view.status == "submitted"

    def _left(self) -> QWidget:
        inner, column = self._column()
        self.facts = FactsPanel()
        self.indicators = IndicatorPanel()
        self.targets = TargetPanel()  # 月度任务: 任务完成率 beside 时间进度
        self.targets.edit_requested.connect(self.edit_targets)
        self.targets.import_requested.connect(self.import_targets)
        self.corrections_box = CorrectionsBox(
            DayCorrections(),
            self.tr("还没有更正。提交后再修改的内容，会连同时间和原因记在这里。"),
        )
        self.corrections_list = self.corrections_box.entries
        self.corrections_box.hide()
        self.attendance = AttendanceBar(self.ctx)  # 出勤: 请假, 会议 … (routine.attendance)
        column.addWidget(self.attendance)
        column.addWidget(self.facts)
        column.addWidget(self.targets)
        column.addWidget(self.indicators)
        column.addWidget(self.corrections_box)
        column.addStretch(1)
        self.left_scroll = scroll_area(inner, 400)
        return self.left_scroll

    def _right(self) -> QScrollArea:
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
        self.right_scroll = scroll_area(self.editors, 420)
        return self.right_scroll

    # --- loading ------------------------------------------------------------------------------
    def load(self, key: date, *, full: bool = True) -> None:
        self.attendance.show_day(key)
        self._load(key, full=full, what=self.tr("读取工作日志"), query_key="daylog.load")

    def _query(self, key: Any) -> Callable[[Journal], DayLogData]:
        day: date = key
        return lambda j: load_daylog(j, day)

    def _show_key(self, key: Any) -> None:
        day: date = key
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.blockSignals(False)
        text = weekday_name(day.isoweekday())
        if not workdays.is_working_day(day):
            text += self.tr("（休息日）")
        self.weekday_label.setText(text)
        self.printing.refresh()

    def _load_failed_text(self) -> str:
        return self.tr("读取工作日志失败：{reason}")

    def _loaded(self, data: DayLogData, full: bool) -> None:
        view = data.view
        if view.day != self.day:
            return  # an older day's answer
        self.data = data
        self.view = view
        self.status = view.status
        self.printing.refresh()
        self.lookups["customer"].names.update(data.names)
        tomorrow = workdays.next_working_day(view.day)
        self.facts.show_facts(
            view.facts, self.tr("打开{day}的计划 →").format(day=short_date(tomorrow))
        )
        self.indicators.show_orders(view.facts.orders, snapshot=view.status == "submitted")
        self.targets.show_progress(data.targets)
        self.corrections_box.show_entries(
            view.corrections, shown=bool(view.corrections) or view.status == "submitted"
        )
        self.answers.show_earlier(data.earlier, self.lookups["customer"].name)
        if full or self.shown_key != view.day:
            self.answer_bar.close_bar()
            self._show_record(
                view.day, {name: view.sections.get(name, empty_section(name)) for name in ORDER}
            )
        self._show_status()
        self.mark_ready()

    def _fill(self, values: dict[str, Any]) -> None:
        self.editors.set_values(values)

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
        self._set_badge(badge, status)
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

    # --- dates --------------------------------------------------------------------------------
    def previous_day(self) -> None:
        self.load(workdays.previous_working_day(self.day))

    def next_day(self) -> None:
        self.load(workdays.next_working_day(self.day))

    def today(self) -> None:
        self.load(self.ctx.today())

    def _date_picked(self, value: QDate) -> None:
        self.load(date(value.year(), value.month(), value.day()))

    # --- saving: what is particular to the log --------------------------------------------------
    def _units(self) -> Sequence[str]:
        return ORDER

    def _correcting(self) -> bool:
        return self.status == "submitted"

    def value_of(self, name: str) -> Any:
        return self.editors.value_of(name)

    def _change(self, unit: str) -> tuple[Callable[[Journal], Any], Any, str]:
        day = self.day
        value = self.value_of(unit)
        return (lambda j: j.daylogs.save_section(day, unit, value), value, section_label(unit))

    def _unit_saved(self, unit: str) -> None:
        self.section_errors[unit].hide()

    def _show_rejection(self, unit: str, label: str, text: str) -> None:
        error = self.section_errors[unit]
        error.setText(self.tr("没有保存：{reason}").format(reason=text))
        error.show()

    def _after_rejection(self, exc: BaseException) -> None:
        if isinstance(exc, InvalidValue) and exc.detail == "log_submitted":
            self.reload_saved()  # submitted meanwhile: show it as it is

    def _held_message(self) -> str:
        return self.tr("{what}。保存成功（点“重试”或“保存更正”）或撤销之前，不能换到别的日期。")

    def unsaved_changes(self) -> str:
        self.flush()
        parts = []
        if self.autosave.unsaved:
            parts.append(
                self.tr("工作日志还有部分没有保存：{what}").format(what=self.autosave.labels())
            )
        if self.rejected:
            labels = listing(section_label(n) for n in self.rejected)
            parts.append(self.tr("工作日志有部分没有保存（内容有误）：{what}").format(what=labels))
        if self.corrections:
            parts.append(self.tr("工作日志的更正还没有保存（需要填写原因）"))
        return "；".join(parts)

    def _track_corrections(self, unit: str) -> None:
        value = self.value_of(unit)
        if same_section(unit, value, self.saved.get(unit, empty_section(unit))):
            self.corrections.pop(unit, None)
        else:
            self.corrections[unit] = value
        if not self.corrections:
            self.correction_bar.reset()
            return
        self.correction_bar.show_changes([section_label(n) for n in self.corrections])

    def _correction_call(self, reason: str) -> Callable[[Journal], Any]:
        day = self.day
        changes = {
            name: (value.strip() if isinstance(value, str) else value)
            for name, value in self.corrections.items()
        }
        return lambda j: save_corrections(j, day, changes, reason)

    def _after_correction_failed(self, exc: BaseException) -> None:
        if isinstance(exc, FieldbookError):
            self.reload()  # some sections may have gone in: the list says which

    # --- submit, orders, export, reminders ------------------------------------------------------
    def ask_submit(self) -> QMessageBox | None:
        self.flush()
        if self.status == "submitted":
            return None
        if self.autosave.unsaved or self.rejected:
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
            text += self.tr("\n\n还没有填写：{names}。").format(names=listing(empty))
        return self._confirm_submit(self.tr("提交工作日志"), text)

    def submit(self) -> None:
        self.flush()
        if self.autosave.unsaved or self.rejected or self.status == "submitted":
            return
        day = self.day

        def done(_view: DayLogView) -> None:
            self.ctx.ops.message.emit(self.tr("{day} 的工作日志已提交").format(day=short_date(day)))
            self.reload_saved()

        def failed(exc: BaseException) -> None:
            self.show_message(self.tr("没有提交：{reason}").format(reason=describe_error(exc)))
            if not isinstance(exc, FieldbookError):
                self.ctx.ops.report(exc, what=self.tr("提交工作日志"), write=True)
            self.reload()

        self.ctx.ops.write(
            lambda j: j.daylogs.submit(day), done, failed, what=self.tr("提交工作日志")
        )

    def import_orders(self) -> QWidget:
        dialog = OrderImportDialog(self.ctx, self)
        dialog.imported.connect(lambda _report: self.reload())
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()
        dialog.choose_file()
        return dialog

    def edit_targets(self) -> TargetDialog:
        dialog = TargetDialog(self.ctx, self.day, self)
        dialog.saved.connect(lambda _target: self.reload())
        dialog.finished.connect(dialog.deleteLater)
        self.target_dialog = dialog
        dialog.open()
        return dialog

    def import_targets(self) -> ImportDialog:
        dialog = ImportDialog(self.ctx, "targets", self)
        dialog.imported.connect(lambda _report: self.reload())
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()
        dialog.choose_file()
        return dialog

    def choose_export_file(self) -> QFileDialog:
        name = self.tr("工作日志_{day}.xlsx").format(day=self.day.isoformat())
        return self._ask_export(self.tr("导出工作日志"), name)

    def _printable(self) -> Form | None:
        """The work log of the day shown, once it is loaded."""
        day = self.day
        if self.view is None or self.view.day != day:
            return None
        name = self.tr("工作日志_{day}").format(day=day.isoformat())
        return Form(self.tr("工作日志"), name, lambda j, path: export_daylog(j, day, path))

    def export_to(self, path: Path) -> None:
        day = self.day
        self._export(
            lambda j: export_daylog(j, day, path),
            path,
            self.tr("导出工作日志"),
            (
                self.tr("工作日志已导出：{path}"),
                self.tr("工作日志没有导出：{reason}"),
                self.tr("这个版本还没有工作日志导出功能"),
            ),
        )

    def edit_reminders(self) -> QWidget:
        dialog = ReminderSettingsDialog(ReminderSettings(), self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()
        return dialog

    # --- for the main window and tests --------------------------------------------------------
    def focus_section(self, name: str) -> None:
        widget: QWidget = self.texts[name] if name in self.texts else self.tables[name].view
        self.right_scroll.ensureWidgetVisible(widget, 20, 40)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
