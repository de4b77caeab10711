"""今日计划: the day's visit plan, built by the core the first time a working day from today on
is opened. Every stop in order with why it is there and how it went; the day's progress
against the target and the 07:30–15:00 window; the stops reordered (Ctrl+Up/Down or drag),
added, skipped or removed with a reason, restored, ordered by distance; tomorrow's plan; the
route sheet. Enter on a stop opens its visit screen. Unfinished visits are offered back in a
non-modal banner."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core import workdays
from fieldbook.core.routine.day_summary import DaySummary
from fieldbook.core.routine.plan import PlanView, StopView, plan_rules
from fieldbook.core.routine.visit_views import DraftInfo
from fieldbook.messages import describe_error
from fieldbook.qt.context import AppContext
from fieldbook.qt.formatting import listing, long_date
from fieldbook.qt.models.plan_stop_model import PlanStopModel
from fieldbook.qt.operations.plan import PlanData, load_plan
from fieldbook.qt.pages.base import Page, heading
from fieldbook.qt.pages.route_sheet import RouteSheet
from fieldbook.qt.plan_format import day_notice
from fieldbook.qt.widgets.attendance_bar import AttendanceBar
from fieldbook.qt.widgets.day_navigator import DayNavigator
from fieldbook.qt.widgets.day_progress import DayProgress
from fieldbook.qt.widgets.discard_question import ask_discard
from fieldbook.qt.widgets.draft_banner import DraftBanner
from fieldbook.qt.widgets.reason_bar import ReasonBar
from fieldbook.qt.widgets.shortcuts import Binding, add_shortcuts
from fieldbook.qt.widgets.slip_summary_line import SlipSummaryLine
from fieldbook.qt.widgets.stop_buttons import StopButtons
from fieldbook.qt.widgets.table_view import RowTableView
from fieldbook.qt.widgets.waiting_box import WaitingBox

TOPICS = frozenset({"plan", "visits", "customers", "routes", "followups"})
SUMMARY_TOPICS = frozenset({"slips", "followups"})


def _day_title(data: PlanData) -> str:
    """The day in words, with the routes of the day's stops."""
    title = long_date(data.day)
    view = data.view
    if view is not None:
        routes = dict.fromkeys(
            s.route_name for s in view.stops if "route" in s.reasons and s.route_name
        )
        if routes:
            title += " · " + listing(list(routes))
    return title


def _stops_table(model: PlanStopModel, parent: QWidget) -> RowTableView:
    """The day's stops, in order; rows are dragged to reorder them."""
    table = RowTableView(parent)
    table.set_row_model(model, sortable=False)
    table.setDragEnabled(True)
    table.setAcceptDrops(True)
    table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
    table.setDefaultDropAction(Qt.DropAction.MoveAction)
    table.setDropIndicatorShown(True)
    table.setDragDropOverwriteMode(False)
    return table


class PlanPage(Page):
    #: Open the visit screen of a stop: (day, StopView).
    visit_requested = Signal(object, object)
    #: 继续 on the recovery banner: the draft's visit id.
    draft_requested = Signal(str)
    #: The slips/follow-ups summary line was clicked: the 反馈单 page's tab to open
    #: ("slips" or "followups").
    slips_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.day: date = ctx.today()
        self.data: PlanData | None = None
        self._select_id: str | None = None
        self._pending: tuple[str, str] | None = None  # what the reason bar is asking for
        self._load_in_flight = False  # a load queued or running on the worker (``_changed``)
        self._build()
        self._actions()
        ctx.hub.changed.connect(self._changed)
        self._clock = QTimer(self)
        self._clock.setInterval(60_000)
        self._clock.timeout.connect(self._show_progress)
        self._clock.start()
        self.load(self.day)
        self.load_summary()

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.setSpacing(8)
        self.navigator = DayNavigator(heading(self.tr("今日计划")), self.tr("计划日期"))
        self.heading, self.day_label = self.navigator.heading, self.navigator.day_label
        layout.addWidget(self.navigator)
        self.progress = p = DayProgress()
        self.progress_label, self.pace_label = p.progress_label, p.pace_label
        layout.addWidget(self.progress)
        self.attendance = AttendanceBar(self.ctx)  # 出勤: 请假, 会议 … (routine.attendance)
        layout.addWidget(self.attendance)
        self.attendance.shown.connect(self._show_progress)  # a marked day has no pace
        self.summary_label = SlipSummaryLine(self.ctx)
        layout.addWidget(self.summary_label)
        self.notice = QLabel()
        self.notice.setObjectName("warningBox")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)
        self.banner = DraftBanner()
        layout.addWidget(self.banner)
        body = QHBoxLayout()
        body.setSpacing(12)
        body.addLayout(self._build_stops(), 1)
        self.buttons = StopButtons()
        body.addWidget(self.buttons)
        layout.addLayout(body, 1)
        self._connect()

    def _build_stops(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.model = PlanStopModel(self)
        self.table = _stops_table(self.model, self)
        self.table.setAccessibleName(self.tr("计划中的客户"))
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.build_button = QPushButton(self.tr("生成这天的计划"))
        self.build_button.hide()
        column.addWidget(self.table, 1)
        column.addWidget(self.empty)
        column.addWidget(self.build_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.reason_bar = ReasonBar()
        column.addWidget(self.reason_bar)
        self.waiting_box = WaitingBox()
        self.waiting_list, self.waiting_add = self.waiting_box.list, self.waiting_box.add_button
        column.addWidget(self.waiting_box)
        hint = QLabel(self.tr("Enter 开始走访 · Ctrl+↑/↓ 或拖动行调整顺序 · Alt+←/→ 换日期"))
        hint.setObjectName("hintLabel")
        column.addWidget(hint)
        return column

    def _connect(self) -> None:
        b = self.buttons
        self.table.open_requested.connect(self.start_visit_at)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.model.order_changed.connect(self._dropped)
        self.model.modelReset.connect(self._update_buttons)
        self.navigator.previous.connect(self.previous_day)
        self.navigator.next.connect(self.next_day)
        self.navigator.today.connect(lambda: self.load(self.ctx.today()))
        self.navigator.picked.connect(self.load)
        self.summary_label.linkActivated.connect(self.slips_requested)
        self.build_button.clicked.connect(self.build_plan)
        b.start.clicked.connect(self.start_visit)
        b.up.clicked.connect(lambda: self.move(-1))
        b.down.clicked.connect(lambda: self.move(1))
        b.add.clicked.connect(self.add_customer)
        b.skip.clicked.connect(self.ask_skip)
        b.remove.clicked.connect(self.ask_remove)
        b.restore.clicked.connect(self.restore)
        b.optimise.clicked.connect(self.optimise)
        b.tomorrow.clicked.connect(self.plan_tomorrow)
        b.export.clicked.connect(self.choose_export_file)
        self.route_sheet = RouteSheet(self, self.ctx, b, lambda: self.day, self._has_plan)
        self.reason_bar.chosen.connect(self._reason_chosen)
        self.reason_bar.cancelled.connect(self.table.setFocus)
        self.waiting_box.add_requested.connect(self.add_stop)
        self.banner.resume.connect(self.draft_requested)
        self.banner.discard.connect(self.confirm_discard)

    def _actions(self) -> None:
        bindings: tuple[Binding, ...] = (
            ("Ctrl+Up", lambda: self.move(-1)),
            ("Ctrl+Down", lambda: self.move(1)),
            ("Ctrl+N", self.add_customer),
            ("Alt+S", self.ask_skip),
            ("Del", self.ask_remove),
            ("Alt+R", self.restore),
            ("Alt+O", self.optimise),
            ("Alt+T", self.plan_tomorrow),
            ("Ctrl+E", self.choose_export_file),
            ("Alt+Left", self.previous_day),
            ("Alt+Right", self.next_day),
            ("Alt+Home", lambda: self.load(self.ctx.today())),
        )
        add_shortcuts(self, bindings)

    # --- loading --------------------------------------------------------------------------
    def auto_build(self, day: date) -> bool:
        """A plan is built on first open for working days from today on (not for the past,
        nor for weekends and holidays: there a button builds one when wanted)."""
        return day >= self.ctx.today() and workdays.is_working_day(day)

    def load(self, day: date, *, build: bool | None = None) -> None:
        if day != self.day:
            self._select_id = None
        self.day = day
        self.navigator.show_day(day)
        self.attendance.show_day(day)
        make = self.auto_build(day) if build is None else build
        self._load_in_flight = True
        self.ctx.ops.query(
            partial(load_plan, day=day, build=make),
            self._loaded,
            self._load_failed,
            key="plan.load",
            what=self.tr("读取计划"),
        )

    def reload(self) -> None:
        self.load(self.day)

    def _changed(self, topics: frozenset[str]) -> None:
        # A load on its way reads after any change heard now (one worker, its jobs in order).
        if topics & TOPICS and not self._load_in_flight:
            self.reload()
        if topics & SUMMARY_TOPICS:
            self.load_summary()

    # --- the slips / follow-ups summary of today ------------------------------------------------
    def load_summary(self) -> None:
        self.summary_label.reload()

    @property
    def summary(self) -> DaySummary | None:
        """Today's slips and follow-ups as the summary line shows them."""
        return self.summary_label.summary

    def summary_text(self) -> str:
        """The summary line as plain text."""
        return self.summary_label.plain_text()

    def _load_failed(self, exc: BaseException) -> None:
        self._load_in_flight = False
        self.progress.show_failure(
            self.tr("读取计划失败：{reason}").format(reason=describe_error(exc))
        )
        self.ctx.ops.report(exc, what=self.tr("读取计划"), write=False)
        self.mark_ready()

    def _loaded(self, data: PlanData) -> None:
        self._load_in_flight = False
        if data.day != self.day:
            return
        self.data = data
        view = data.view
        keep = self._select_id or self._current_id()
        today = data.day == self.ctx.today()
        self.navigator.show_title(
            self.tr("今日计划") if today else self.tr("拜访计划"), _day_title(data)
        )
        notice = self._notice(data)
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        self._show_stops(view)
        self._show_progress()
        self.waiting_box.show_waiting(data.waiting, has_plan=view is not None)
        self.banner.set_drafts(data.drafts)
        row = self.model.row_of(lambda s: s.id == keep) if keep else -1
        if row < 0 and view is not None:
            nxt = view.next_stop()
            row = self.model.row_of(lambda s: s.id == nxt.id) if nxt is not None else 0
        self.table.select_row(max(row, 0))
        self._select_id = None
        self._update_buttons()
        self.mark_ready()

    def _notice(self, data: PlanData) -> str:
        """What is special about the day (a holiday, a weekend, a calendar not covering it)."""
        view = data.view
        working = view.working_day if view is not None else workdays.is_working_day(data.day)
        holiday = view.holiday if view is not None else workdays.holiday_name(data.day)
        notice = day_notice(view, data.day, working, holiday)
        if view is None and not workdays.calendar_covers(data.day):
            notice += self.tr("节假日数据未覆盖 {year} 年：工作日只按周一至周五判断。").format(
                year=data.day.year
            )
        return notice

    def _show_stops(self, view: PlanView | None) -> None:
        self.model.set_rows(view.stops if view is not None else ())
        has_plan = view is not None
        has_stops = bool(view and view.stops)
        self.table.setVisible(has_plan)
        self.empty.setVisible(not has_stops)
        self.build_button.setVisible(not has_plan)
        if view is None:
            self.empty.setText(self.tr("这一天还没有计划。"))
        elif not has_stops:
            self.empty.setText(
                self.tr(
                    "计划里没有客户。线路和走访日来自客户名单：在“客户”页导入公司的客户名单，"
                    "或为客户设置线路；也可以用“添加客户…”临时加入。"
                )
            )

    def _show_progress(self) -> None:
        view = self.data.view if self.data is not None else None
        self.progress.show_progress(view, self.ctx.now(), self.attendance.mark)

    # --- selection ------------------------------------------------------------------------
    def current_stop(self) -> StopView | None:
        return self.model.row_at(self.table.current_row())

    def _current_id(self) -> str | None:
        stop = self.current_stop()
        return stop.id if stop is not None else None

    def _plan_id(self) -> str | None:
        view = self.data.view if self.data is not None else None
        return view.id if view is not None else None

    def _has_plan(self) -> bool:
        return self.data is not None and self.data.day == self.day and self._plan_id() is not None

    def _update_buttons(self) -> None:
        b = self.buttons
        stop = self.current_stop()
        state = stop.state if stop is not None else ""
        has_plan = self._plan_id() is not None
        self.route_sheet.printing.refresh()
        b.start.setEnabled(stop is not None and state != "removed")
        b.up.setEnabled(stop is not None and self.table.current_row() > 0)
        b.down.setEnabled(stop is not None and self.table.current_row() < self.model.rowCount() - 1)
        b.add.setEnabled(has_plan)
        b.skip.setEnabled(state == "planned")
        b.remove.setEnabled(state in ("planned", "skipped"))
        b.restore.setEnabled(state in ("skipped", "removed"))
        planned = sum(1 for s in self.model.rows() if s.state == "planned")
        b.optimise.setEnabled(has_plan and planned > 1)

    def activated(self) -> None:
        if self.data is not None:
            self.reload()
            self.load_summary()
        self.table.setFocus()

    # --- dates ------------------------------------------------------------------------------
    def previous_day(self) -> None:
        self.load(workdays.previous_working_day(self.day))

    def next_day(self) -> None:
        self.load(workdays.next_working_day(self.day))

    def build_plan(self) -> None:
        self._build_day(self.day, self.tr("生成计划"))

    def _build_day(self, day: date, what: str) -> None:
        """Build ``day``'s plan and show it."""
        self.ctx.ops.write(lambda j: j.plans.build(day), lambda _v: self.load(day), what=what)

    # --- actions on stops -----------------------------------------------------------------------
    def start_visit_at(self, row: int) -> None:
        stop = self.model.row_at(row)
        if stop is not None and stop.state != "removed":
            self.visit_requested.emit(self.day, stop)

    def start_visit(self) -> None:
        self.start_visit_at(self.table.current_row())

    def _write(
        self, fn: Any, what: str, select: str | Callable[[PlanView], str | None] | None = None
    ) -> None:
        """A change to the plan; the page shows the plan the core returned, with the stop
        ``select`` (an id, or a function of the new plan) selected."""

        def done(view: PlanView) -> None:
            self._select_id = select(view) if callable(select) else select
            if self.data is not None and view is not None and view.day == self.day:
                self._loaded(PlanData(self.day, view, self.data.waiting, self.data.drafts))
            self.table.setFocus()

        def failed(exc: BaseException) -> None:
            self.ctx.ops.report(exc, what=what, write=True)
            self.reload()

        self.ctx.ops.write(fn, done, failed, what=what)

    def move(self, delta: int) -> None:
        stop = self.current_stop()
        if stop is None:
            return
        sid = stop.id
        self._write(lambda j: j.plans.move(sid, delta), self.tr("调整顺序"), sid)

    def _dropped(self, ids: list[str]) -> None:
        plan_id = self._plan_id()
        if plan_id is None:
            return
        current = self._current_id()
        self._write(lambda j: j.plans.reorder(plan_id, ids), self.tr("调整顺序"), current)

    def add_customer(self) -> QWidget | None:
        plan_id = self._plan_id()
        if plan_id is None:
            return None
        # Loaded when first opened: the first paint of the page does not need it.
        from fieldbook.qt.dialogs.add_stop_dialog import AddStopDialog  # noqa: PLC0415

        in_plan = [s.customer_id for s in self.model.rows() if s.state != "removed"]
        dialog = AddStopDialog(self.ctx, in_plan, self)
        dialog.chosen.connect(lambda cid, note: self.add_stop(cid, note))
        dialog.finished.connect(lambda _r: self.table.setFocus())
        dialog.open()
        return dialog

    def add_stop(self, customer_id: str, note: str = "") -> None:
        plan_id = self._plan_id()
        if plan_id is None:
            return

        def added(view: PlanView) -> str | None:
            return next((s.id for s in view.stops if s.customer_id == customer_id), None)

        self._write(
            lambda j: j.plans.add_stop(plan_id, customer_id, note), self.tr("添加客户"), added
        )

    def ask_skip(self) -> None:
        stop = self.current_stop()
        if stop is not None and stop.state == "planned":
            prompt = self.tr("{shop} 未访的原因：").format(shop=stop.shop_name)
            self._ask_reason(("skip", stop.id), prompt, plan_rules().skip_reasons)

    def ask_remove(self) -> None:
        stop = self.current_stop()
        if stop is not None and stop.state in ("planned", "skipped"):
            prompt = self.tr("从计划中移除 {shop} 的原因：").format(shop=stop.shop_name)
            self._ask_reason(("remove", stop.id), prompt, plan_rules().remove_reasons)

    def _ask_reason(self, pending: tuple[str, str], prompt: str, reasons: Sequence[str]) -> None:
        self._pending = pending  # ("skip" or "remove", stop id): plan.toml's skip_/remove_reasons
        self.reason_bar.ask(prompt, reasons, f"plan.{pending[0]}_reasons")

    def _reason_chosen(self, reason: str) -> None:
        pending, self._pending = self._pending, None
        if pending is None:
            return
        kind, sid = pending
        if kind == "skip":
            self._write(lambda j: j.plans.skip_stop(sid, reason), self.tr("标记未访"), sid)
        else:
            self._write(lambda j: j.plans.remove_stop(sid, reason), self.tr("移除"), sid)

    def restore(self) -> None:
        stop = self.current_stop()
        if stop is None or stop.state not in ("skipped", "removed"):
            return
        sid = stop.id
        self._write(lambda j: j.plans.restore_stop(sid), self.tr("恢复"), sid)

    def optimise(self) -> None:
        plan_id = self._plan_id()
        if plan_id is None:
            return
        self._write(lambda j: j.plans.optimise(plan_id), self.tr("按距离排序"), self._current_id())

    def plan_tomorrow(self) -> None:
        """Build the next working day's plan from today's state and show it."""
        self._build_day(workdays.next_working_day(self.day), self.tr("排明天的计划"))

    # --- route sheet: pages/route_sheet -------------------------------------------------------
    def choose_export_file(self) -> QFileDialog:
        return self.route_sheet.choose_export_file()

    def export_to(self, path: Path) -> None:
        self.route_sheet.export_to(path)

    # --- recovery -------------------------------------------------------------------------------
    def confirm_discard(self, draft: DraftInfo) -> QMessageBox:
        return ask_discard(self, draft, self._discard)

    def _discard(self, visit_id: str) -> None:
        self.ctx.ops.write(
            lambda j: j.visits.discard(visit_id), lambda _r: self.reload(), what=self.tr("放弃走访")
        )
