"""今日计划: the day's visit plan, built by the core the first time a working day from today on
is opened. Every stop in order with why it is there and how it went; the day's progress
against the target and the 07:30–15:00 window; the stops reordered (Ctrl+Up/Down or drag),
added, skipped or removed with a reason, restored, ordered by distance; tomorrow's plan; the
route sheet. Enter on a stop opens its visit screen. Unfinished visits are offered back in a
non-modal banner."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core import workdays
from fieldbook.core.routine.plan import plan_rules
from fieldbook.qt.context import AppContext
from fieldbook.qt.formatting import listing, long_date
from fieldbook.qt.models.plan_stop_model import PlanStopModel
from fieldbook.qt.pages.base import Page, heading
from fieldbook.qt.plan_format import day_notice, pace_line, progress_line
from fieldbook.qt.widgets.draft_banner import DraftBanner, draft_text
from fieldbook.qt.widgets.reason_bar import ReasonBar
from fieldbook.qt.widgets.save_dialog import ask_save_xlsx
from fieldbook.qt.widgets.table_view import RowTableView

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.core.routine.plan import PlanView, StopView
    from fieldbook.core.routine.visits import DraftInfo
    from fieldbook.qt.operations.slips import DaySummary

TOPICS = frozenset({"plan", "visits", "customers", "routes", "followups"})
SUMMARY_TOPICS = frozenset({"slips", "followups"})


@dataclass(frozen=True)
class PlanData:
    day: date
    view: PlanView | None
    waiting: tuple[tuple[str, str, str], ...]
    drafts: tuple[DraftInfo, ...]


def load_plan(j: Journal, day: date, build: bool) -> PlanData:
    """The day's plan (built when ``build`` and there is none yet), the carried-over customers
    that did not fit, and every unfinished visit."""
    view = j.plans.get(day)
    if view is None and build:
        view = j.plans.build(day)
    return PlanData(day, view, tuple(j.plans.waiting(day)), tuple(j.visits.drafts()))


def export_route_sheet(j: Journal, day: date, path: Path) -> Path:
    from fieldbook.core.reports.plan_sheet import export_plan  # openpyxl: only when exporting

    return export_plan(j, day, path)


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
        self._pending: Any = None  # what the reason bar is asking for
        self._build()
        self._actions()
        ctx.hub.changed.connect(self._changed)
        self.summary: DaySummary | None = None
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
        top = QHBoxLayout()
        self.heading = heading(self.tr("今日计划"))
        top.addWidget(self.heading)
        top.addSpacing(16)
        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("上一个工作日（Alt+←）"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumHeight(30)
        self.date_edit.setAccessibleName(self.tr("计划日期"))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("下一个工作日（Alt+→）"))
        self.today_button = QPushButton(self.tr("今天"))
        self.today_button.setToolTip(self.tr("回到今天（Alt+Home）"))
        for w in (self.prev_button, self.date_edit, self.next_button, self.today_button):
            top.addWidget(w)
        self.day_label = QLabel()
        self.day_label.setObjectName("summaryLine")
        top.addSpacing(10)
        top.addWidget(self.day_label, 1)
        layout.addLayout(top)

        self.progress_label = QLabel()
        self.progress_label.setObjectName("progressLine")
        self.pace_label = QLabel()
        self.pace_label.setObjectName("hintLabel")
        layout.addWidget(self.progress_label)
        layout.addWidget(self.pace_label)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("slipSummary")
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.summary_label.setToolTip(
            self.tr(
                "今天的反馈单和跟踪事项：到期＝今天到期，超期＝过了办结期限还没办结。点击打开反馈单页。"
            )
        )
        self.summary_label.linkActivated.connect(self.slips_requested)
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
        column = QVBoxLayout()
        self.model = PlanStopModel(self)
        self.table = RowTableView(self)
        self.table.set_row_model(self.model, sortable=False)
        self.table.setAccessibleName(self.tr("计划中的客户"))
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropOverwriteMode(False)
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
        self.waiting_label = QLabel()
        self.waiting_label.setObjectName("sectionLabel")
        self.waiting_list = QListWidget()
        self.waiting_list.setAccessibleName(self.tr("未排入的顺延客户"))
        self.waiting_add = QPushButton(self.tr("添加"))
        self.waiting_add.setToolTip(self.tr("把选中的顺延客户加入计划（或在列表中按 Enter）"))
        waiting_row = QHBoxLayout()
        waiting_row.addWidget(self.waiting_list, 1)
        waiting_row.addWidget(self.waiting_add, 0, Qt.AlignmentFlag.AlignTop)
        self.waiting_box = QWidget()
        waiting_layout = QVBoxLayout(self.waiting_box)
        waiting_layout.setContentsMargins(0, 0, 0, 0)
        waiting_layout.addWidget(self.waiting_label)
        waiting_layout.addLayout(waiting_row)
        self.waiting_box.hide()
        column.addWidget(self.waiting_box)
        hint = QLabel(self.tr("Enter 开始走访 · Ctrl+↑/↓ 或拖动行调整顺序 · Alt+←/→ 换日期"))
        hint.setObjectName("hintLabel")
        column.addWidget(hint)
        body.addLayout(column, 1)

        buttons = QVBoxLayout()
        buttons.setSpacing(6)
        self.start_button = self._button(
            self.tr("开始走访"), self.tr("打开选中客户的走访（Enter）")
        )
        self.up_button = self._button(self.tr("上移"), self.tr("上移一位（Ctrl+↑）"))
        self.down_button = self._button(self.tr("下移"), self.tr("下移一位（Ctrl+↓）"))
        self.add_button = self._button(
            self.tr("添加客户…"), self.tr("把一个客户加进计划（Ctrl+N）")
        )
        self.skip_button = self._button(
            self.tr("未访…"), self.tr("今天没走访，选一个原因；以后会顺延回来（Alt+S）")
        )
        self.remove_button = self._button(
            self.tr("移除…"), self.tr("从计划中移除，选一个原因；不会顺延（Delete）")
        )
        self.restore_button = self._button(self.tr("恢复"), self.tr("恢复为待访（Alt+R）"))
        self.optimise_button = self._button(
            self.tr("按距离排序"),
            self.tr(
                "按店铺的 GPS 位置重排待访的客户，走最短的路（Alt+O）。\n"
                "没有 GPS 位置的店保持原来的位置；已访、未访的不动。"
            ),
        )
        self.tomorrow_button = self._button(
            self.tr("排明天的计划"),
            self.tr("按今天的情况排下一个工作日的计划（未访的顺延过去），并切换过去（Alt+T）"),
        )
        self.export_button = self._button(
            self.tr("导出路线单…"), self.tr("把这天的计划导出为可打印的 Excel 路线单（Ctrl+E）")
        )
        for n, button in enumerate(
            (
                self.start_button,
                self.up_button,
                self.down_button,
                self.add_button,
                self.skip_button,
                self.remove_button,
                self.restore_button,
                self.optimise_button,
                self.tomorrow_button,
                self.export_button,
            )
        ):
            if n in (3, 7):
                buttons.addSpacing(10)
            buttons.addWidget(button)
        buttons.addStretch(1)
        body.addLayout(buttons)
        layout.addLayout(body, 1)

        self.table.open_requested.connect(self.start_visit_at)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.model.order_changed.connect(self._dropped)
        self.model.modelReset.connect(self._update_buttons)
        self.prev_button.clicked.connect(self.previous_day)
        self.next_button.clicked.connect(self.next_day)
        self.today_button.clicked.connect(lambda: self.load(self.ctx.today()))
        self.date_edit.dateChanged.connect(self._date_picked)
        self.build_button.clicked.connect(self.build_plan)
        self.start_button.clicked.connect(self.start_visit)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.add_button.clicked.connect(self.add_customer)
        self.skip_button.clicked.connect(self.ask_skip)
        self.remove_button.clicked.connect(self.ask_remove)
        self.restore_button.clicked.connect(self.restore)
        self.optimise_button.clicked.connect(self.optimise)
        self.tomorrow_button.clicked.connect(self.plan_tomorrow)
        self.export_button.clicked.connect(self.choose_export_file)
        self.reason_bar.chosen.connect(self._reason_chosen)
        self.reason_bar.cancelled.connect(self.table.setFocus)
        self.waiting_add.clicked.connect(self.add_waiting)
        self.waiting_list.itemActivated.connect(lambda _i: self.add_waiting())
        self.banner.resume.connect(self.draft_requested)
        self.banner.discard.connect(self.confirm_discard)

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setMinimumHeight(34)
        button.setMinimumWidth(120)
        return button

    def _actions(self) -> None:
        def add(keys: tuple[str, ...], slot: Any) -> None:
            action = QAction(self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

        add(("Ctrl+Up",), lambda: self.move(-1))
        add(("Ctrl+Down",), lambda: self.move(1))
        add(("Ctrl+N",), self.add_customer)
        add(("Alt+S",), self.ask_skip)
        add(("Del",), self.ask_remove)
        add(("Alt+R",), self.restore)
        add(("Alt+O",), self.optimise)
        add(("Alt+T",), self.plan_tomorrow)
        add(("Ctrl+E",), self.choose_export_file)
        add(("Alt+Left",), self.previous_day)
        add(("Alt+Right",), self.next_day)
        add(("Alt+Home",), lambda: self.load(self.ctx.today()))

    # --- loading --------------------------------------------------------------------------
    def auto_build(self, day: date) -> bool:
        """A plan is built on first open for working days from today on (not for the past,
        nor for weekends and holidays: there a button builds one when wanted)."""
        return day >= self.ctx.today() and workdays.is_working_day(day)

    def load(self, day: date, *, build: bool | None = None) -> None:
        if day != self.day:
            self._select_id = None
        self.day = day
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.blockSignals(False)
        make = self.auto_build(day) if build is None else build
        self.ctx.ops.query(
            lambda j: load_plan(j, day, make),
            self._loaded,
            self._load_failed,
            key="plan.load",
            what=self.tr("读取计划"),
        )

    def reload(self) -> None:
        self.load(self.day)

    def _changed(self, topics: frozenset[str]) -> None:
        if topics & TOPICS:
            self.reload()
        if topics & SUMMARY_TOPICS:
            self.load_summary()

    # --- the slips / follow-ups summary of today ------------------------------------------------
    def load_summary(self) -> None:
        from fieldbook.qt.operations.slips import day_summary

        today = self.ctx.today()
        self.ctx.ops.query(
            lambda j: day_summary(j, today),
            self._show_summary,
            lambda _exc: self.summary_label.clear(),
            key="plan.summary",
            what=self.tr("读取反馈单"),
        )

    def _show_summary(self, summary: DaySummary) -> None:
        self.summary = summary
        red = "color:#a4262c; font-weight:bold;"
        link = "color:#1f6fd1; text-decoration:none;"
        slips = self.tr("反馈单：到期 {due} 张，超期 {over} 张").format(
            due=summary.slips_due,
            over=f"<span style='{red}'>{summary.slips_overdue}</span>"
            if summary.slips_overdue
            else "0",
        )
        followups = self.tr("跟踪事项：到期 {due} 项").format(due=summary.followups_due)
        if summary.followups_overdue:
            followups += self.tr("（超期 <span style='{style}'>{n}</span> 项）").format(
                style=red, n=summary.followups_overdue
            )
        self.summary_label.setText(
            f"<a href='slips' style='{link}'>{slips}</a> · "
            f"<a href='followups' style='{link}'>{followups}</a>"
        )

    def summary_text(self) -> str:
        """The summary line as plain text."""
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setHtml(self.summary_label.text())
        return doc.toPlainText()

    def _load_failed(self, exc: BaseException) -> None:
        from fieldbook.messages import describe_error

        self.progress_label.setText(
            self.tr("读取计划失败：{reason}").format(reason=describe_error(exc))
        )
        self.ctx.ops.report(exc, what=self.tr("读取计划"), write=False)
        self.mark_ready()

    def _loaded(self, data: PlanData) -> None:
        if data.day != self.day:
            return
        self.data = data
        view = data.view
        keep = self._select_id or self._current_id()
        self.heading.setText(
            self.tr("今日计划") if data.day == self.ctx.today() else self.tr("拜访计划")
        )
        routes = []
        if view is not None:
            routes = list(
                dict.fromkeys(
                    s.route_name for s in view.stops if "route" in s.reasons and s.route_name
                )
            )
        title = long_date(data.day)
        if routes:
            title += " · " + listing(routes)
        self.day_label.setText(title)
        working = view.working_day if view is not None else workdays.is_working_day(data.day)
        holiday = view.holiday if view is not None else workdays.holiday_name(data.day)
        notice = day_notice(view, data.day, working, holiday)
        if view is None:
            covered = workdays.calendar_covers(data.day)
            if not covered:
                notice += self.tr("节假日数据未覆盖 {year} 年：工作日只按周一至周五判断。").format(
                    year=data.day.year
                )
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
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
        self._show_progress()
        self._show_waiting(data.waiting)
        self.banner.set_drafts(data.drafts)
        row = self.model.row_of(lambda s: s.id == keep) if keep else -1
        if row < 0 and view is not None:
            nxt = view.next_stop()
            row = self.model.row_of(lambda s: s.id == nxt.id) if nxt is not None else 0
        self.table.select_row(max(row, 0))
        self._select_id = None
        self._update_buttons()
        self.mark_ready()

    def _show_progress(self) -> None:
        view = self.data.view if self.data is not None else None
        if view is None:
            self.progress_label.clear()
            self.pace_label.clear()
            return
        progress = view.progress(self.ctx.now())
        self.progress_label.setText(progress_line(progress))
        self.progress_label.setProperty("behind", bool(progress.remaining) and not progress.on_pace)
        style = self.progress_label.style()
        style.unpolish(self.progress_label)
        style.polish(self.progress_label)
        self.pace_label.setText(pace_line(progress))

    def _show_waiting(self, waiting: tuple[tuple[str, str, str], ...]) -> None:
        self.waiting_list.clear()
        for customer_id, shop, note in waiting:
            item = QListWidgetItem(f"{shop}　{note}")
            item.setData(Qt.ItemDataRole.UserRole, (customer_id, note))
            self.waiting_list.addItem(item)
        self.waiting_label.setText(self.tr("未排入的顺延客户（{n}）").format(n=len(waiting)))
        self.waiting_box.setVisible(
            bool(waiting) and self.data is not None and self.data.view is not None
        )
        if waiting:
            self.waiting_list.setCurrentRow(0)
            rows = min(len(waiting), 3)
            height = self.waiting_list.sizeHintForRow(0) * rows
            self.waiting_list.setFixedHeight(height + 2 * self.waiting_list.frameWidth() + 4)

    # --- selection ------------------------------------------------------------------------
    def current_stop(self) -> StopView | None:
        return self.model.row_at(self.table.current_row())

    def _current_id(self) -> str | None:
        stop = self.current_stop()
        return stop.id if stop is not None else None

    def _plan_id(self) -> str | None:
        view = self.data.view if self.data is not None else None
        return view.id if view is not None else None

    def _update_buttons(self) -> None:
        stop = self.current_stop()
        state = stop.state if stop is not None else ""
        has_plan = self._plan_id() is not None
        self.start_button.setEnabled(stop is not None and state != "removed")
        self.up_button.setEnabled(stop is not None and self.table.current_row() > 0)
        self.down_button.setEnabled(
            stop is not None and self.table.current_row() < self.model.rowCount() - 1
        )
        self.add_button.setEnabled(has_plan)
        self.skip_button.setEnabled(state == "planned")
        self.remove_button.setEnabled(state in ("planned", "skipped"))
        self.restore_button.setEnabled(state in ("skipped", "removed"))
        planned = sum(1 for s in self.model.rows() if s.state == "planned")
        self.optimise_button.setEnabled(has_plan and planned > 1)

    def activated(self) -> None:
        if self.data is not None:
            self.reload()
            self.load_summary()
        self.table.setFocus()

    def focus_search(self) -> bool:
        return False

    # --- dates ------------------------------------------------------------------------------
    def previous_day(self) -> None:
        self.load(workdays.previous_working_day(self.day))

    def next_day(self) -> None:
        self.load(workdays.next_working_day(self.day))

    def _date_picked(self, value: QDate) -> None:
        self.load(date(value.year(), value.month(), value.day()))

    def build_plan(self) -> None:
        day = self.day
        self.ctx.ops.write(
            lambda j: j.plans.build(day), lambda _v: self.load(day), what=self.tr("生成计划")
        )

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

        self.ctx.ops.write(fn, done, self._write_failed(what), what=what)

    def _write_failed(self, what: str) -> Any:
        def failed(exc: BaseException) -> None:
            self.ctx.ops.report(exc, what=what, write=True)
            self.reload()

        return failed

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
        from fieldbook.qt.dialogs.add_stop_dialog import AddStopDialog

        plan_id = self._plan_id()
        if plan_id is None:
            return None
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

    def add_waiting(self) -> None:
        item = self.waiting_list.currentItem()
        if item is None:
            return
        customer_id, note = item.data(Qt.ItemDataRole.UserRole)
        self.add_stop(customer_id, note)

    def ask_skip(self) -> None:
        stop = self.current_stop()
        if stop is None or stop.state != "planned":
            return
        self._pending = ("skip", stop.id)
        self.reason_bar.ask(
            self.tr("{shop} 未访的原因：").format(shop=stop.shop_name), plan_rules().skip_reasons
        )

    def ask_remove(self) -> None:
        stop = self.current_stop()
        if stop is None or stop.state not in ("planned", "skipped"):
            return
        self._pending = ("remove", stop.id)
        self.reason_bar.ask(
            self.tr("从计划中移除 {shop} 的原因：").format(shop=stop.shop_name),
            plan_rules().remove_reasons,
        )

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
        day = workdays.next_working_day(self.day)
        self.ctx.ops.write(
            lambda j: j.plans.build(day),
            lambda _view: self.load(day),
            what=self.tr("排明天的计划"),
        )

    # --- route sheet --------------------------------------------------------------------------
    def choose_export_file(self) -> QFileDialog:
        name = self.tr("路线单_{day}.xlsx").format(day=self.day.isoformat())
        return ask_save_xlsx(self, self.tr("导出路线单"), name, self.export_to)

    def export_to(self, path: Path) -> None:
        day = self.day

        def done(written: Path) -> None:
            self.ctx.ops.message.emit(self.tr("路线单已导出：{path}").format(path=written))

        self.ctx.ops.write(
            lambda j: export_route_sheet(j, day, path), done, what=self.tr("导出路线单")
        )

    # --- recovery -------------------------------------------------------------------------------
    def confirm_discard(self, draft: DraftInfo) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("放弃未完成的走访"),
            self.tr("放弃 {what} 的走访记录？已填写的内容会被删除，不能恢复。").format(
                what=draft_text(draft)
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("放弃"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        vid = draft.visit_id

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Discard:
                self.ctx.ops.write(
                    lambda j: j.visits.discard(vid),
                    lambda _r: self.reload(),
                    what=self.tr("放弃走访"),
                )

        box.finished.connect(answered)
        box.open()
        return box

    def drafts_text(self) -> str:
        drafts = self.data.drafts if self.data is not None else ()
        return "；".join(draft_text(d) for d in drafts)
