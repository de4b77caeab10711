"""周报: the weekly summary and next week's plan, written on Thursday.

Left, what Fieldbook knows about the report week (本周数据 and two charts; after 提交 the
snapshot), the department's review, 更正记录 and earlier weeks (click one to open it). Right,
what the manager writes: the narrative and next week's plan, autosaved like the work log (the
scaffolding, the autosave and the corrections are ``record_page.RecordPage``'s). A submitted
report is read-only; 更正… unlocks it and the edits are corrections, saved field by field with
one reason. 记录审阅… is ``week_review``; what runs on the DB worker is in
``operations/week``; the widgets in ``widgets/week_figures``, ``week_charts``, ``week_editors``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.errors import FieldbookError
from fieldbook.core.routine.week import NARRATIVE, PLAN_FIELDS, label_for, report_period
from fieldbook.messages import describe_error
from fieldbook.qt.context import AppContext
from fieldbook.qt.formatting import listing
from fieldbook.qt.operations import week as operations
from fieldbook.qt.operations.week import WeekData, load_week, save_corrections, save_unit
from fieldbook.qt.pages.record_page import PAGE_STYLE, RecordPage
from fieldbook.qt.pages.week_review import ReviewDialog, WeekReview
from fieldbook.qt.printing.form_printing import Form, FormPrinting
from fieldbook.qt.widgets.correction_bar import CorrectionBar
from fieldbook.qt.widgets.day_corrections import CorrectionsBox
from fieldbook.qt.widgets.layouts import scroll_area
from fieldbook.qt.widgets.review_panel import ReviewPanel, visible_for
from fieldbook.qt.widgets.section_box import SectionBox
from fieldbook.qt.widgets.target_panel import TargetPanel
from fieldbook.qt.widgets.week_corrections import WeekCorrections
from fieldbook.qt.widgets.week_editors import WeekEditors, empty_field, field_label, unit_of
from fieldbook.qt.widgets.week_figures import WeekFiguresPanel

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.core.routine.week import WeekView

UNITS = ("narrative", "next_plan")
STYLE = (
    PAGE_STYLE
    + """
#statusBadge[state="reviewed"] { background: #e3f4e8; color: #1e7b34; font-weight: bold; }
#reviewLabel[verdict="approved"] { color: #1e7b34; font-weight: bold; }
#reviewLabel[verdict="returned"] { color: #a4262c; font-weight: bold; }
"""
)


class WeekPage(RecordPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, label_for(ctx.today()), CorrectionBar("week"), parent)
        self.view: WeekView | None = None
        self.unlocked = False  # 更正…: a submitted report's texts made editable
        self.review = WeekReview(
            ctx.ops, self, label=lambda: self.label, failed=self._failed, reload=self.reload
        )
        self._build()
        ctx.hub.changed.connect(self._changed)
        self.load(self.label)

    @property
    def label(self) -> str:
        """The report week the page shows (``2026-W48``)."""
        label: str = self.key
        return label

    def _style(self) -> str:
        return STYLE

    def _retry_tip(self) -> bool:
        return False

    # --- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = self._outer_layout()
        self.week_label = QLabel()
        self.week_label.setMinimumWidth(190)
        self.week_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.this_week_button = QPushButton(self.tr("本周"))
        self.this_week_button.setToolTip(self.tr("回到本周（Alt+Home）"))
        top = self._top_bar(
            self.tr("周报"),
            (self.tr("上一周（Alt+←）"), self.tr("下一周（Alt+→）")),
            self.week_label,
            (self.this_week_button,),
        )
        self._add_buttons(top, self._top_buttons())
        layout.addLayout(top)
        self.editors = WeekEditors()
        self.editors.edited.connect(self._edited)
        self.right_scroll = scroll_area(self.editors, 420)
        self._body(layout, self._left(), self.right_scroll, [560, 520])
        self._navigation(self.previous_week, self.next_week, self.this_week, self.this_week_button)
        self.history_list.itemActivated.connect(self._history_picked)
        self.history_list.itemClicked.connect(self._history_picked)

    def _top_buttons(self) -> tuple[QPushButton, ...]:
        self.plan_button = QPushButton(self.tr("从上周计划开始"))
        self.plan_button.setToolTip(self.tr("把上周周报里写的下周计划填到这里，再接着改"))
        self.export_button = QPushButton(self.tr("导出周报…"))
        self.export_button.setToolTip(self.tr("把这周的周报导出为 Excel（Ctrl+E）"))
        self.review_button = QPushButton(self.tr("记录审阅…"))
        self.review_button.setToolTip(self.tr("记录部门的审阅：通过，或退回并附意见"))
        self.correct_button = QPushButton(self.tr("更正…"))
        self.correct_button.setToolTip(self.tr("修改已提交的周报（需要填写原因）"))
        self.refresh_button = QPushButton(self.tr("更新数字"))
        self.refresh_button.setToolTip(
            self.tr(
                "周四的订单导入后，按现在的数据重新计算已提交周报的数字（审阅前可用，记入更正记录）"
            )
        )
        self.refresh_button.clicked.connect(self.refresh_figures)
        self.printing = FormPrinting(self, self.ctx, self._printable)
        self.submit_button = QPushButton(self.tr("提交"))
        self.submit_button.setObjectName("submitButton")
        self.submit_button.setToolTip(self.tr("提交周报：本周数据按现在的数据保存"))
        self.plan_button.clicked.connect(self.start_from_last_week)
        self.export_button.clicked.connect(self.choose_export_file)
        self.review_button.clicked.connect(self.open_review)
        self.correct_button.clicked.connect(self.unlock)
        self.submit_button.clicked.connect(self.ask_submit)
        return (
            self.plan_button,
            self.export_button,
            self.printing.button,
            self.review_button,
            self.correct_button,
            self.refresh_button,
            self.submit_button,
        )

    def _box(self, title: str) -> tuple[QGroupBox, QVBoxLayout]:
        box = SectionBox(title)
        return box, QVBoxLayout(box)

    def _left(self) -> QWidget:
        inner, column = self._column()
        self.figures = WeekFiguresPanel()
        column.addWidget(self.figures)
        self.targets = TargetPanel()  # 月度任务: 任务完成率 beside 时间进度
        self.targets.edit_button.hide()  # set on the work log (月度任务…, 导入任务…)
        self.targets.import_button.hide()
        column.addWidget(self.targets)
        self.review_box, box = self._box(self.tr("审阅"))
        self.review_panel = ReviewPanel()  # the review, its rounds, 重新提交 (decision 0029)
        self.review_label, self.review_comment = self.review_panel.label, self.review_panel.comment
        self.review_panel.resubmit_requested.connect(self.review.resubmit)
        box.addWidget(self.review_panel)
        column.addWidget(self.review_box)
        self.corrections_box = CorrectionsBox(
            WeekCorrections(), self.tr("还没有更正。提交后的修改会连同原因记在这里。")
        )
        self.corrections_list = self.corrections_box.entries
        column.addWidget(self.corrections_box)
        self.history_box, box = self._box(self.tr("历史周报"))
        self.history_list = QListWidget()
        self.history_list.setAccessibleName(self.tr("历史周报"))
        self.history_list.setMaximumHeight(150)
        box.addWidget(self.history_list)
        column.addWidget(self.history_box)
        column.addStretch(1)
        return scroll_area(inner, 420)

    # --- loading ------------------------------------------------------------------------------
    def load(self, key: str, *, full: bool = True) -> None:
        self._load(key, full=full, what=self.tr("读取周报"), query_key="week.load")

    def _query(self, key: Any) -> Callable[[Journal], WeekData]:
        label: str = key
        today = self.ctx.today()
        return lambda j: load_week(j, label, today)

    def _show_key(self, key: Any) -> None:
        start, end = report_period(key)
        self.week_label.setText(
            self.tr("{label}（{start}–{end}）").format(
                label=key, start=start.strftime("%m-%d"), end=end.strftime("%m-%d")
            )
        )
        self.printing.refresh()

    def _load_failed_text(self) -> str:
        return self.tr("读取周报失败：{reason}")

    def _loaded(self, data: WeekData, full: bool) -> None:
        view = data.view
        if view.label != self.label:
            return
        self.view = view
        self.status = view.status
        self.printing.refresh()
        self.figures.show_figures(
            view.figures,
            snapshot=view.status in ("submitted", "reviewed"),
            not_ordering_weeks=data.not_ordering_weeks,
        )
        self.figures.show_times(view.times)
        self.targets.show_progress(data.targets)
        self.corrections_box.show_entries(
            view.corrections, shown=view.status in ("submitted", "reviewed")
        )
        self._show_history(data.history)
        if full or self.shown_key != view.label:
            self.unlocked = False
            self._show_record(
                view.label, {"narrative": dict(view.narrative), "next_plan": dict(view.next_plan)}
            )
        self._show_status()
        self.mark_ready()

    def _fill(self, values: dict[str, Any]) -> None:
        self.editors.set_values(values.get("narrative", {}), values.get("next_plan", {}))

    def _show_history(self, history: list[tuple[str, str, str]]) -> None:
        self.history_list.clear()
        for label, status, review in history:
            text = f"{label}　{self._status_text(status, review)}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, label)
            if label == self.label:
                item.setSelected(True)
            self.history_list.addItem(item)
        self.history_box.setVisible(bool(history))

    def _status_text(self, status: str, review: str) -> str:
        if status == "reviewed":
            return self.tr("已审阅：通过") if review == "approved" else self.tr("已审阅：退回")
        return {
            "submitted": self.tr("已提交"),
            "draft": self.tr("草稿"),
        }.get(status, self.tr("未开始"))

    def _show_status(self) -> None:
        view, status = self.view, self.status
        badge = self._status_text(status, view.review if view else "")
        if status == "submitted" and view and len(view.rounds) > 1:  # resubmitted (0029)
            badge = self.tr("第 {n} 次提交").format(n=len(view.rounds))
        if status == "submitted" and view and view.submitted_at:
            badge += " " + view.submitted_at.strftime("%m-%d %H:%M")
        self._set_badge(badge, status)
        done = status in ("submitted", "reviewed")
        self.submit_button.setVisible(not done)
        self.plan_button.setVisible(not done)
        self.review_button.setEnabled(done)
        self.correct_button.setVisible(done and not self.unlocked)
        self.refresh_button.setVisible(status == "submitted")
        self.editors.set_read_only(done and not self.unlocked)
        self.review_box.setVisible(visible_for(view))
        if view and visible_for(view):
            self.review_panel.show_review(view)
        if done:
            self.note.setText(
                self.tr(
                    "周报已提交，是正式记录，不能直接修改。要修改，点“更正…”，改好后填写原因；"
                    "每次更正都记在“更正记录”里。"
                )
            )
        else:
            self.note.setText(
                self.tr(
                    "周四 14:00 写周报：左边是本周数据，右边写本周总结和下周计划——每次修改都"
                    "自动保存。下周计划可以“从上周计划开始”。写完点“提交”。"
                )
            )

    # --- weeks --------------------------------------------------------------------------------
    def previous_week(self) -> None:
        start, _ = report_period(self.label)
        self.load(label_for(start - timedelta(days=1)))

    def next_week(self) -> None:
        _, end = report_period(self.label)
        self.load(label_for(end + timedelta(days=1)))

    def this_week(self) -> None:
        self.load(label_for(self.ctx.today()))

    def _history_picked(self, item: QListWidgetItem) -> None:
        label = item.data(Qt.ItemDataRole.UserRole)
        if label and label != self.label:
            self.load(str(label))

    # --- saving: what is particular to the report -----------------------------------------------
    def _units(self) -> Sequence[str]:
        return UNITS

    def _correcting(self) -> bool:
        return self.status in ("submitted", "reviewed")

    def _unit_label(self, unit: str) -> str:
        return self.tr("本周总结") if unit == "narrative" else self.tr("下周计划")

    def _change(self, unit: str) -> tuple[Callable[[Journal], Any], Any, str]:
        label = self.label
        value = self.editors.value_of(unit)
        return (lambda j: save_unit(j, label, unit, value), value, self._unit_label(unit))

    def _show_rejection(self, unit: str, label: str, text: str) -> None:
        self.show_message(self.tr("{what}没有保存：{reason}").format(what=label, reason=text))

    def _held_message(self) -> str:
        return self.tr("{what}。保存成功或撤销之前，不能换到别的周。")

    def unsaved_changes(self) -> str:
        self.flush()
        parts = []
        if self.autosave.unsaved or self.rejected:
            units = {**{str(u): None for u in self.autosave.unsaved}, **self.rejected}
            labels = listing(self._unit_label(u) for u in units)
            parts.append(self.tr("周报还有部分没有保存：{what}").format(what=labels))
        if self.corrections:
            parts.append(self.tr("周报的更正还没有保存（需要填写原因）"))
        return "；".join(parts)

    def _track_corrections(self, unit: str) -> None:
        self.corrections.clear()
        for field in (*NARRATIVE, *PLAN_FIELDS):
            value = self.editors.field_value(field)
            before = self.saved.get(unit_of(field), {}).get(field, empty_field(field))
            if value != (before.strip() if isinstance(before, str) else before):
                self.corrections[field] = value
        if not self.corrections:
            self.correction_bar.reset()
            return
        self.correction_bar.show_changes([field_label(f) for f in self.corrections])

    def _correction_call(self, reason: str) -> Callable[[Journal], WeekView]:
        label = self.label
        changes = dict(self.corrections)
        return lambda j: save_corrections(j, label, changes, reason)

    # --- actions ------------------------------------------------------------------------------
    def _failed(self, what: str, exc: BaseException) -> None:
        self.show_message(
            self.tr("{what}没有完成：{reason}").format(what=what, reason=describe_error(exc))
        )
        if not isinstance(exc, FieldbookError):
            self.ctx.ops.report(exc, what=what, write=True)

    def start_from_last_week(self) -> None:
        if self._correcting():
            return
        label = self.label
        what = self.tr("读取上周计划")

        def done(plan: dict[str, Any]) -> None:
            if label != self.label:
                return
            if not plan:
                self.show_message(self.tr("上周的周报没有写下周计划，没有可以沿用的内容。"))
                return
            self.editors.set_plan(plan)  # the edits autosave like typing
            self.ctx.ops.message.emit(self.tr("已沿用上周的计划，可以接着修改"))

        self.ctx.ops.query(
            lambda j: j.weeks.plan_from_last_week(label),
            done,
            lambda exc: self._failed(what, exc),
            what=what,
        )

    def ask_submit(self) -> QMessageBox | None:
        self.flush()
        if self._correcting():
            return None
        if self.autosave.unsaved or self.rejected:
            self._say_held()
            return None
        empty = [
            self.tr(name)
            for key, name in (
                ("work_done", "本周主要工作"),
                ("problems", "存在问题"),
                ("countermeasures", "改进措施"),
            )
            if not self.editors.narrative()[key]
        ]
        text = self.tr(
            "提交 {label} 的周报？\n\n提交后，本周数据按现在的数据保存，周报不能再直接修改；"
            "以后的修改要填写原因，并记入更正记录。"
        ).format(label=self.label)
        if empty:
            text += self.tr("\n\n还没有填写：{names}。").format(names=listing(empty))
        return self._confirm_submit(self.tr("提交周报"), text)

    def submit(self) -> None:
        self.flush()
        if self.autosave.unsaved or self.rejected or self._correcting():
            return
        label = self.label
        what = self.tr("提交周报")

        def done(_view: WeekView) -> None:
            self.ctx.ops.message.emit(self.tr("{label} 的周报已提交").format(label=label))
            self.reload_saved()

        def failed(exc: BaseException) -> None:
            self._failed(what, exc)
            self.reload()

        self.ctx.ops.write(lambda j: j.weeks.submit(label), done, failed, what=what)

    def refresh_figures(self) -> None:
        """The submitted report's figures recomputed (Thursday's orders came in after it was
        written), until it is reviewed; the core audits what changed."""
        label = self.label
        what = self.tr("更新周报数字")
        before = self.view.figures if self.view is not None else None

        def done(view: WeekView) -> None:
            text = (
                self.tr("{label} 的周报数字已更新，变化记入更正记录")
                if view.figures != before
                else self.tr("{label} 的周报数字没有变化")
            )
            self.ctx.ops.message.emit(text.format(label=label))
            self.reload_saved()

        def failed(exc: BaseException) -> None:
            self._failed(what, exc)
            self.reload()

        self.ctx.ops.write(lambda j: j.weeks.refresh_figures(label), done, failed, what=what)

    def unlock(self) -> None:
        """更正…: a submitted report's texts become editable; the edits need a reason."""
        if not self._correcting():
            return
        self.unlocked = True
        self.editors.set_read_only(False)
        self.correct_button.hide()
        self.note.setText(
            self.tr("正在更正已提交的周报：改好后在下面填写原因，点“保存更正”；或“撤销修改”。")
        )

    def open_review(self) -> ReviewDialog:
        return self.review.open()

    def choose_export_file(self) -> QFileDialog:
        name = self.tr("周报_{label}.xlsx").format(label=self.label)
        return self._ask_export(self.tr("导出周报"), name)

    def _printable(self) -> Form | None:
        """The week report of the week shown, once it is loaded."""
        label = self.label
        if self.view is None or self.view.label != label:
            return None
        name = self.tr("周报_{label}").format(label=label)
        return Form(self.tr("周报"), name, lambda j, path: operations.export_week(j, label, path))

    def export_to(self, path: Path) -> None:
        label = self.label
        self._export(
            lambda j: operations.export_week(j, label, path),
            path,
            self.tr("导出周报"),
            (
                self.tr("周报已导出：{path}"),
                self.tr("周报没有导出：{reason}"),
                self.tr("这个版本还没有周报导出功能"),
            ),
        )
