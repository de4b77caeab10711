"""走访: one shop on one day, filled in from the keyboard.

Opening a shop shows it with a big 到店 button focused — arrival is one key (Enter or Alt+A),
so travel time is not counted as visit time; nothing is written before that. Arrival starts
(or reuses) the shop's draft of that day — the recovery key. From then on every change is
saved at once through the DB worker; "已保存 HH:MM:SS" shows only after the save returned.

Shop status comes first (keys 1–5): anything but 正常营业 hides the checklist and the visit
can be finished at once. Ctrl+Enter finishes and opens the NEXT planned stop; Ctrl+D fills
the form from the last visit; Esc goes back to the plan (nothing is lost: it is all saved).

A save the database refuses (a full disk, a read-only file: ``SaveFailed``) never resets what
the user typed: the change is kept in memory, "未保存" shows in red with what happened and what
was kept, and it is sent again with the next change or with 重试 (Ctrl+R). Finishing, and
opening another shop, wait until nothing is left unsaved.

A finished visit is shown with its 修改记录 (audit trail). Editing its times or answers is a
correction: the edits stay on screen, a reason field and 保存更正 appear, and the core records
each change with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core import clock
from fieldbook.core.checklist import OPEN, Checklist, check_answer, load_checklist
from fieldbook.core.errors import FieldbookError, InvalidValue, NotFound
from fieldbook.qt.context import AppContext
from fieldbook.qt.pages.base import Page
from fieldbook.qt.pages.visit_data import (
    VisitScreen,
    finish_and_next,
    load_screen,
    result_text,
    save_correction,
)
from fieldbook.qt.plan_format import hm, reason_text, short_date, slip_name
from fieldbook.qt.widgets.checklist_form import ChecklistForm
from fieldbook.qt.widgets.correction_bar import CorrectionBar
from fieldbook.qt.widgets.followup_checks import FollowUpChecks
from fieldbook.qt.widgets.form_fields import EnterMovesOn, OptionPicker
from fieldbook.qt.widgets.record_history import RecordHistory
from fieldbook.qt.widgets.sku_grid import SkuGridPanel
from fieldbook.qt.widgets.visit_header import VisitHeader
from fieldbook.qt.widgets.visit_history import VisitHistory

if TYPE_CHECKING:
    from fieldbook.core.audit import AuditRecord
    from fieldbook.core.journal import Journal
    from fieldbook.core.plan import StopView
    from fieldbook.core.visits import FinishResult, VisitView

translate = QCoreApplication.translate


def time_name(field: str) -> str:
    if field == "arrived_at":
        return translate("VisitPage", "到店时间")
    return translate("VisitPage", "离店时间")


@dataclass(frozen=True)
class Pending:
    """A change the database refused: sent again on the next change or on 重试."""

    fn: Callable[[Journal], Any]
    done: Callable[[Any], None]
    rejected: Callable[[BaseException], None]
    label: str  # what it is, for the user ("展位", "到店时间", ...)
    shown: Any = None  # what the screen shows for it (a time edit)


def is_rejection(exc: BaseException) -> bool:
    """The core refused the VALUE (nothing to retry); anything else is a failed save."""
    return isinstance(exc, InvalidValue | NotFound)


class VisitPage(Page):
    #: Esc / ← 计划: go back to the plan.
    back_requested = Signal()
    #: A visit was finished (FinishResult).
    finished = Signal(object)
    #: A shop's screen is shown (after its data arrived).
    opened = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.screen: VisitScreen | None = None
        self.visit: VisitView | None = None
        self.answers: dict[str, Any] = {}
        self.shop_status = ""
        self.checklist: Checklist = load_checklist("visit")
        self.last_result = ""
        #: The last finished visit's suggested slips: (visit id, visit date); None when none.
        self.suggested: tuple[str, date] | None = None
        self.slip_dialog: QWidget | None = None
        self.slip_menu: QMenu | None = None
        #: Changes the database refused, by key: ("answer", id), ("grid", sku, field), ...
        self.unsaved: dict[tuple[str, ...], Pending] = {}
        self._tokens: dict[tuple[str, ...], int] = {}
        self.save_error: BaseException | None = None
        #: Edits of a FINISHED visit waiting for a reason (answers, and times).
        self.corrections: dict[str, Any] = {}
        self.time_corrections: dict[str, datetime] = {}
        self.history_entries: tuple[AuditRecord, ...] = ()
        self._enter = EnterMovesOn(self)
        self._build()
        self._shortcuts()

    # --- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 12, 20, 10)
        outer.setSpacing(8)
        self.header = VisitHeader()
        outer.addWidget(self.header)
        self.result_label = QLabel()
        self.result_label.setObjectName("noteBox")
        self.result_label.setWordWrap(True)
        self.result_label.hide()
        self.slip_button = QPushButton(self.tr("生成反馈单…"))
        self.slip_button.setToolTip(
            self.tr("按刚完成的走访发现，预先填好建议的反馈单，核对后保存（Alt+F）")
        )
        self.slip_button.setMinimumHeight(34)
        self.slip_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.slip_button.hide()
        result_row = QHBoxLayout()
        result_row.addWidget(self.result_label, 1)
        result_row.addWidget(self.slip_button, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addLayout(result_row)
        self.state_label = QLabel()
        self.state_label.setObjectName("noteBox")
        self.state_label.setWordWrap(True)
        self.state_label.hide()
        outer.addWidget(self.state_label)

        self.status_row = QWidget()
        status_row = QHBoxLayout(self.status_row)
        status_row.setContentsMargins(0, 0, 0, 0)
        status_title = QLabel(self.tr("店铺状态 *"))
        status_title.setObjectName("statusTitle")
        self.status_picker = OptionPicker([(s.code, s.label) for s in self.checklist.shop_statuses])
        self.status_picker.setAccessibleName(self.tr("店铺状态"))
        self.status_picker.installEventFilter(self._enter)
        status_row.addWidget(status_title)
        status_row.addWidget(self.status_picker, 1)
        outer.addWidget(self.status_row)
        self.status_hint = QLabel()
        self.status_hint.setObjectName("statusHint")
        self.status_hint.setWordWrap(True)
        self.status_hint.hide()
        outer.addWidget(self.status_hint)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        self.form = ChecklistForm(self.checklist)
        self.grid_box = QGroupBox(self.tr("各规格库存与排面"))
        self.grid_box.setObjectName("checklistSection")
        grid_layout = QVBoxLayout(self.grid_box)
        self.grid = SkuGridPanel(self.ctx)
        grid_layout.addWidget(self.grid)
        left_layout.addWidget(self.form)
        left_layout.addWidget(self.grid_box)
        left_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(left)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.splitter.addWidget(self.scroll)

        side = QWidget()
        side.setMinimumWidth(250)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        self.followups = FollowUpChecks()
        self.followups.setObjectName("checklistSection")
        side_layout.addWidget(self.followups)
        self.record_box = QGroupBox(self.tr("修改记录"))
        self.record_box.setObjectName("checklistSection")
        record_layout = QVBoxLayout(self.record_box)
        self.record_history = RecordHistory()
        record_layout.addWidget(self.record_history)
        self.record_box.hide()
        side_layout.addWidget(self.record_box, 1)
        history_box = QGroupBox(self.tr("以往走访"))
        history_box.setObjectName("checklistSection")
        history_layout = QVBoxLayout(history_box)
        self.history = VisitHistory()
        self.same_button = QPushButton(self.tr("同上次（Ctrl+D）"))
        self.same_button.setToolTip(
            self.tr("按上次走访填写：店铺状态、各检查项（文字项除外）和各规格的数据")
        )
        self.same_button.installEventFilter(self._enter)
        history_layout.addWidget(self.history, 1)
        history_layout.addWidget(self.same_button)
        side_layout.addWidget(history_box, 1)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([760, 300])
        outer.addWidget(self.splitter, 1)
        self.filler = QWidget()  # takes the space when there is no shop to show
        self.filler.hide()
        outer.addWidget(self.filler, 1)

        self.correction_bar = CorrectionBar()
        outer.addWidget(self.correction_bar)

        bottom = QHBoxLayout()
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.retry_button = QPushButton(self.tr("重试（Ctrl+R）"))
        self.retry_button.setToolTip(self.tr("把没保存的修改再保存一次"))
        self.retry_button.setMinimumHeight(40)
        self.retry_button.hide()
        self.finish_button = QPushButton(self.tr("完成，去下一家（Ctrl+Enter）"))
        self.finish_button.setObjectName("finishButton")
        self.finish_button.setMinimumHeight(40)
        self.finish_button.installEventFilter(self._enter)
        bottom.addWidget(self.error_label, 1)
        bottom.addWidget(self.retry_button, 0)
        bottom.addStretch(0)
        bottom.addWidget(self.finish_button, 0, Qt.AlignmentFlag.AlignRight)
        outer.addLayout(bottom)

        self.header.back_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.header.back_button.clicked.connect(self.go_back)
        self.header.arrive_clicked.connect(self.arrive)
        self.header.leave_clicked.connect(self.leave)
        self.header.time_edited.connect(self.edit_time)
        self.status_picker.changed.connect(self.set_status)
        self.form.answer_changed.connect(self.save_answer)
        self.grid.model.edited.connect(self.save_grid)
        self.grid.sku_chosen.connect(self.add_sku)
        self.same_button.clicked.connect(self.same_as_last_time)
        self.finish_button.clicked.connect(self.finish)
        self.slip_button.clicked.connect(self.make_slip)
        self.retry_button.clicked.connect(self.retry)
        self.correction_bar.save_requested.connect(self.save_correction)
        self.correction_bar.undo_requested.connect(self.undo_corrections)
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def _shortcuts(self) -> None:
        def add(keys: tuple[str, ...], slot: Any) -> None:
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)

        add(("Ctrl+Return", "Ctrl+Enter"), self.finish)
        add(("Ctrl+D",), self.same_as_last_time)
        add(("Alt+A",), self.arrive)
        add(("Alt+L",), self.leave)
        add(("Esc",), self.go_back)
        add(("Ctrl+R",), self.retry)
        add(("Alt+F",), self.make_slip)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.scroll.widget().isAncestorOf(new):
            self.scroll.ensureWidgetVisible(new, 20, 40)

    # --- opening a shop -----------------------------------------------------------------------
    def open_stop(self, day: date, stop_id: str) -> None:
        self._load(lambda j: load_screen(j, day=day, stop_id=stop_id))

    def open_customer(self, customer_id: str, day: date) -> None:
        self._load(lambda j: load_screen(j, day=day, customer_id=customer_id))

    def open_visit(self, visit_id: str) -> None:
        """Exactly this visit (a draft to continue, or a finished one to look at)."""
        self._load(lambda j: load_screen(j, visit_id=visit_id))

    def open_first_stop(self, day: date) -> None:
        """The first stop still to visit in the day's plan (screenshot mode; no writes)."""

        def first(j: Journal) -> VisitScreen | None:
            plan = j.plans.get(day)
            stop = plan.next_stop() if plan is not None else None
            if stop is None:
                return None
            return load_screen(j, day=day, stop_id=stop.id)

        self._load(first)

    def _load(self, fn: Any) -> None:
        self.flush()
        if self.unsaved_changes():
            # Never replace a screen holding what the database has not taken yet.
            self._say_held()
            self.mark_ready()
            self.opened.emit()
            return
        self.ctx.ops.query(
            fn, self.show_screen, self._load_failed, key="visit.open", what=self.tr("打开走访")
        )

    def _load_failed(self, exc: BaseException) -> None:
        self.ctx.ops.report(exc, what=self.tr("打开走访"), write=False)
        self.mark_ready()

    def show_screen(self, screen: VisitScreen | None) -> None:
        if screen is None:
            self.screen = None
            self.header.shop_label.setText(self.tr("没有要走访的客户"))
            self.header.details_label.setText(self.tr("今天的计划里没有待访的客户。"))
            self.header.where_label.clear()
            self.header.show_visit(None, editable=False)
            self.header.arrive_button.hide()
            self.splitter.hide()
            self.status_row.hide()
            self.finish_button.hide()
            self.filler.show()
            self._set_mode(None)
            self.mark_ready()
            self.opened.emit()
            return
        self.screen = screen
        self.splitter.show()
        self.status_row.show()
        self.finish_button.show()
        self.filler.hide()
        stop = screen.stop
        if stop is not None:
            where = self.tr("第 {n} 站 / 共 {total} 站 · {why}").format(
                n=stop.position, total=screen.plan_size, why=reason_text(stop)
            )
        else:
            where = self.tr("{day} · 不在计划中").format(day=short_date(screen.day))
        self.header.show_shop(screen.customer, where)
        self.header.clear_saved()
        self.history.set_visits(screen.previous)
        self.same_button.setEnabled(bool(screen.previous))
        self.followups.set_followups(screen.followups)
        # Tab order: the form, the grid, these boxes, then 同上次 and 完成.
        previous: QWidget = self.grid.add_button
        for box in self.followups.boxes():
            QWidget.setTabOrder(previous, box)
            previous = box
        QWidget.setTabOrder(previous, self.same_button)
        QWidget.setTabOrder(self.same_button, self.finish_button)
        self.grid.model.set_rows(screen.grid)
        self.grid.show_error("")
        self._show_visit(screen.visit)
        self._show_history(screen.history)
        self.result_label.setText(self.last_result)
        self.result_label.setVisible(bool(self.last_result))
        self.slip_button.setVisible(bool(self.last_result) and self.suggested is not None)
        self.scroll.verticalScrollBar().setValue(0)
        self._initial_focus()
        self.mark_ready()
        self.opened.emit()

    def _show_visit(self, visit: VisitView | None) -> None:
        self.visit = visit
        if visit is not None and visit.checklist_version != self.checklist.version:
            self._use_checklist(visit.checklist)
        self.answers = dict(visit.answers) if visit else {}
        self.shop_status = visit.shop_status if visit else ""
        self.form.set_answers(self.answers)
        self.status_picker.set_value(self.shop_status or None)
        self.corrections.clear()
        self.time_corrections.clear()
        self.correction_bar.reset()
        self.header.show_visit(visit, editable=visit is None or visit.status in ("draft", "done"))
        self._set_mode(visit)
        self._apply_status()

    def _use_checklist(self, checklist: Checklist) -> None:
        """A draft recorded with another template version is shown with that version."""
        parent_layout = self.form.parentWidget().layout()
        new_form = ChecklistForm(checklist)
        parent_layout.replaceWidget(self.form, new_form)
        self.form.deleteLater()
        self.form = new_form
        self.form.answer_changed.connect(self.save_answer)
        self.checklist = checklist

    def _set_mode(self, visit: VisitView | None) -> None:
        """Before arrival: read-only, 到店 focused. Draft: editable. Done: times and answers
        can be corrected (with a reason); the rest is read-only."""
        draft = visit is not None and visit.status == "draft"
        done = visit is not None and visit.status == "done"
        self.status_picker.setEnabled(draft)
        self.form.set_editable(draft or done)
        self.grid.set_editable(draft)
        self.finish_button.setEnabled(draft)
        self.finish_button.setVisible(not done)
        self.followups.setEnabled(draft)
        self.same_button.setEnabled(
            bool(self.screen and self.screen.previous) and (draft or visit is None)
        )
        self.record_box.setVisible(done)
        if not self.unsaved:
            self.error_label.hide()
        if done and visit is not None:
            self.state_label.setText(
                self.tr(
                    "这次走访已完成（{time} 完成）。要更正到店、离店时间或检查项，直接修改，"
                    "再填写原因并点“保存更正”；更正会记入修改记录。"
                ).format(time=hm(visit.finished_at))
            )
            self.state_label.show()
        elif visit is None and self.screen is not None:
            self.state_label.setText(
                self.tr(
                    "到店后按 Enter（或 Alt+A）记下到店时间，再开始填写。路上的时间不算走访时间。"
                )
            )
            self.state_label.show()
        else:
            self.state_label.hide()

    def _initial_focus(self) -> None:
        visit = self.visit
        if visit is None:
            self.header.arrive_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif visit.status == "draft" and not self.shop_status:
            self.status_picker.setFocus(Qt.FocusReason.OtherFocusReason)
        elif visit.status == "draft":
            first = self.form.first_editor() if self.shop_status == OPEN else None
            (first or self.finish_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def activated(self) -> None:
        if self.screen is not None:
            self._initial_focus()

    # --- shop status and visibility ---------------------------------------------------------
    def _apply_status(self) -> None:
        is_open = self.shop_status in ("", OPEN)
        self.form.setVisible(is_open)
        self.grid_box.setVisible(is_open)
        self.form.update_visibility(self.shop_status, self.answers)
        self.status_hint.setVisible(not is_open)
        if not is_open:
            self.status_hint.setText(self._status_hint(self.shop_status))

    def _status_hint(self, code: str) -> str:
        try:
            status = self.checklist.status(code)
        except InvalidValue:
            return ""
        parts = [
            self.tr("店铺{label}：不用填写检查表，可以直接完成（Ctrl+Enter）。").format(
                label=status.label
            )
        ]
        if status.slip:
            parts.append(
                self.tr("完成后将建议填写反馈单：{name}。").format(name=slip_name(status.slip))
            )
        if status.follow_up:
            parts.append(self.tr("完成后将记下跟踪事项：{text}。").format(text=status.follow_up))
        return "".join(parts)

    # --- writes (each one a transaction on the worker) ----------------------------------------
    def _draft_id(self) -> str | None:
        visit = self.visit
        return visit.id if visit is not None and visit.status == "draft" else None

    def _saved(self) -> None:
        if self.unsaved:
            self.header.show_unsaved()
            return
        self.header.show_saved(datetime.now())

    def _failed(self, exc: BaseException, what: str) -> None:
        from fieldbook.wording import describe_error

        self.header.show_unsaved()
        self.show_message(
            self.tr("{what}没有保存：{reason}").format(what=what, reason=describe_error(exc))
        )
        if not isinstance(exc, FieldbookError):
            self.ctx.ops.report(exc, what=what, write=True)

    # --- autosave that keeps what the database refused ---------------------------------------
    def _change(
        self,
        key: tuple[str, ...],
        fn: Callable[[Journal], Any],
        done: Callable[[Any], None],
        rejected: Callable[[BaseException], None],
        label: str,
        shown: Any = None,
    ) -> None:
        """Save one change now; anything still unsaved goes again right after it."""
        self.unsaved.pop(key, None)
        self._send(key, Pending(fn, done, rejected, label, shown))
        self.retry()

    def _send(self, key: tuple[str, ...], pending: Pending) -> None:
        token = self._tokens.get(key, 0) + 1
        self._tokens[key] = token

        def ok(result: Any) -> None:
            if self._tokens.get(key) == token:
                self.unsaved.pop(key, None)
            pending.done(result)
            self._settle()

        def failed(exc: BaseException) -> None:
            if is_rejection(exc):
                pending.rejected(exc)
                return
            if self._tokens.get(key) == token:
                self.unsaved[key] = pending  # newer edits of the same thing win
            self.save_error = exc
            if key[0] == "time":
                self._show_times()  # the refused time stays in its field
            self._show_unsaved()
            if not isinstance(exc, FieldbookError):
                self.ctx.ops.report(exc, what=pending.label, write=True)

        self.ctx.ops.write(pending.fn, ok, failed, what=pending.label)

    def retry(self) -> None:
        """重试: send every change the database refused again (oldest first)."""
        for key, pending in list(self.unsaved.items()):
            self._send(key, pending)

    def _settle(self) -> None:
        if self.unsaved:
            self._show_unsaved()
            return
        if self.save_error is not None:
            self.save_error = None
            self.retry_button.hide()
            self.show_message("")
        self.header.show_saved(datetime.now())

    def _show_unsaved(self) -> None:
        from fieldbook.wording import describe_error

        self.header.show_unsaved()
        if not self.unsaved:
            return
        labels = list(dict.fromkeys(p.label for p in self.unsaved.values()))
        reason = describe_error(self.save_error) if self.save_error is not None else ""
        self.show_message(
            self.tr("{reason}\n没保存的修改（仍在屏幕上）：{what}。点“重试”再保存。").format(
                reason=reason, what="、".join(labels)
            )
        )
        self.retry_button.show()

    def unsaved_changes(self) -> str:
        parts = []
        if self.unsaved:
            labels = "、".join(dict.fromkeys(p.label for p in self.unsaved.values()))
            parts.append(self.tr("走访还有修改没有保存：{what}").format(what=labels))
        if self.corrections or self.time_corrections:
            parts.append(self.tr("走访的更正还没有保存（需要填写原因）"))
        return "；".join(parts)

    def drop_unsaved(self) -> None:
        self.unsaved.clear()
        self.corrections.clear()
        self.time_corrections.clear()

    def _say_held(self) -> None:
        text = self.tr(
            "{what}。保存成功（点“重试”或“保存更正”）或撤销之前，不能打开别的店。"
        ).format(what=self.unsaved_changes())
        self.ctx.ops.message.emit(text)
        if self.unsaved:
            self._show_unsaved()
        else:
            self.show_message(text)

    def show_message(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def arrive(self) -> None:
        screen = self.screen
        if screen is None or (self.visit is not None and self.visit.status != "draft"):
            return
        if self.visit is not None and self.visit.arrived_at is not None:
            return
        if self.visit is not None:
            vid = self.visit.id
            self.ctx.ops.write(
                lambda j: j.visits.arrive(vid),
                self._arrived,
                lambda e: self._failed(e, self.tr("到店")),
            )
            return
        customer_id, day = screen.customer.id, screen.day
        stop_id = screen.stop.id if screen.stop is not None else None
        self.ctx.ops.write(
            lambda j: j.visits.start(customer_id, day=day, plan_stop_id=stop_id),
            self._arrived,
            lambda e: self._failed(e, self.tr("到店")),
            what=self.tr("到店"),
        )

    def _arrived(self, visit: VisitView) -> None:
        self._saved()
        if self.visit is None and self.screen is not None:
            # start() gives the grid it created for the draft.
            self.grid.model.set_rows(visit.grid)
        self._show_visit(visit)
        self._initial_focus()

    def leave(self) -> None:
        vid = self._draft_id()
        if vid is None or self.visit is None or self.visit.arrived_at is None:
            return
        at = clock.now()  # the time of the click, even on a retry
        self._change(
            ("time", "left_at"),
            lambda j: j.visits.leave(vid, at),
            self._times_saved,
            lambda e: self._failed(e, self.tr("离店")),
            self.tr("离店时间"),
            at,
        )

    def edit_time(self, field: str, value: time) -> None:
        visit = self.visit
        if visit is None:
            return
        vid = visit.id
        base = getattr(visit, field) or visit.arrived_at
        day = base.date() if base is not None else visit.visit_date
        moment = datetime.combine(day, value)
        name = time_name(field)
        if visit.status == "done":
            self._correct_time(field, moment)
            return
        self._change(
            ("time", field),
            lambda j: j.visits.set_time(vid, field, moment),
            self._times_saved,
            lambda e: self._time_failed(e, name),
            name,
            moment,
        )

    def _time_failed(self, exc: BaseException, what: str) -> None:
        self._failed(exc, what)
        self._show_times()

    def _show_times(self) -> None:
        """The header with the visit's times — and the ones still unsaved or being corrected
        (never reset to the saved value while the user's edit is not in the database)."""
        visit = self.visit
        self.header.show_visit(visit, editable=visit is not None)
        shown = {k[1]: p.shown for k, p in self.unsaved.items() if k[0] == "time"}
        shown.update(self.time_corrections)
        for field, moment in shown.items():
            edit = self.header.arrived_edit if field == "arrived_at" else self.header.left_edit
            if moment is not None:
                self.header._set_time(edit, moment)

    def _times_saved(self, visit: VisitView) -> None:
        self._saved()
        if self.visit is not None:
            from dataclasses import replace

            self.visit = replace(
                self.visit,
                arrived_at=visit.arrived_at,
                left_at=visit.left_at,
                arrived_first=visit.arrived_first,
                left_first=visit.left_first,
                time_edits=visit.time_edits,
            )
        self._show_times()

    def set_status(self, code: str | None) -> None:
        vid = self._draft_id()
        if vid is None:
            self.status_picker.set_value(self.shop_status or None)
            return
        if code is None:  # a status cannot be cleared, only changed
            self.status_picker.set_value(self.shop_status or None)
            return
        previous = self.shop_status
        self.shop_status = code
        self._apply_status()

        def rejected(exc: BaseException) -> None:
            self.shop_status = previous
            self.status_picker.set_value(previous or None)
            self._apply_status()
            self._failed(exc, self.tr("店铺状态"))

        self._change(
            ("status",),
            lambda j: j.visits.set_shop_status(vid, code),
            lambda _v: None,
            rejected,
            self.tr("店铺状态"),
        )

    def save_answer(self, item_id: str, value: Any) -> None:
        if self.visit is not None and self.visit.status == "done":
            self._correct_answer(item_id, value)
            return
        vid = self._draft_id()
        if vid is None:
            return
        if not self.shop_status:
            # Answering the checklist says the shop is open.
            self.status_picker.set_value(OPEN)
            self.set_status(OPEN)
        item = self.checklist.item(item_id)
        try:
            cleaned = check_answer(item, value)
        except InvalidValue:
            cleaned = self.answers.get(item_id)  # the core will say why; nothing is saved
        else:
            if cleaned is None:
                self.answers.pop(item_id, None)
            else:
                self.answers[item_id] = cleaned
            self.form.update_visibility(self.shop_status, self.answers)

        def done(_result: object) -> None:
            self.form.clear_error(item_id)
            if not self.unsaved and not self.form.errors() and self.error_label.isVisible():
                self.show_message("")

        def rejected(exc: BaseException) -> None:
            from fieldbook.wording import describe_error, message

            if isinstance(exc, InvalidValue):
                code = exc.detail or exc.code
                data = {k: v for k, v in exc.data.items() if k not in ("field", "value")}
                self.form.show_error(item_id, message(code, data))
                self.header.show_unsaved()
            else:
                self.form.show_error(item_id, describe_error(exc))
                self._failed(exc, item.label)

        self._change(
            ("answer", item_id),
            lambda j: j.visits.save_answer(vid, item_id, value),
            done,
            rejected,
            item.label,
        )

    def save_grid(self, sku_id: str, field: str, value: Any) -> None:
        vid = self._draft_id()
        if vid is None:
            return
        model = self.grid.model

        def done(_result: object) -> None:
            model.accepted(sku_id, field, value)
            if not model.errors():
                self.grid.show_error("")

        def rejected(exc: BaseException) -> None:
            from fieldbook.wording import describe_error

            text = describe_error(exc)
            model.mark_error(sku_id, field, text)
            self.grid.show_error(text)
            self.header.show_unsaved()

        row = model.row_of(sku_id)
        name = model.rows()[row].name if row >= 0 else sku_id
        kwargs = {field: value}
        self._change(
            ("grid", sku_id, field),
            lambda j: j.visits.save_grid(vid, sku_id, **kwargs),
            done,
            rejected,
            self.tr("{sku}的数据").format(sku=name),
        )

    def add_sku(self, sku_id: str) -> None:
        vid = self._draft_id()
        if vid is None:
            return

        def work(j: Journal) -> VisitView:
            j.visits.save_grid(vid, sku_id)
            return j.visits.get(vid)

        def done(visit: VisitView) -> None:
            self._saved()
            self.grid.model.set_rows(visit.grid)
            self.grid.focus_sku(sku_id)

        self.ctx.ops.write(work, done, lambda e: self._failed(e, self.tr("添加规格")))

    def same_as_last_time(self) -> None:
        screen = self.screen
        if screen is None or not screen.previous:
            return
        visit = self.visit
        if visit is not None and visit.status != "draft":
            return
        self.flush()
        if self.unsaved:
            self._say_held()
            return
        customer_id, day = screen.customer.id, screen.day
        stop_id = screen.stop.id if screen.stop is not None else None
        vid = visit.id if visit is not None else None

        def work(j: Journal) -> VisitView:
            draft_id = vid or j.visits.start(customer_id, day=day, plan_stop_id=stop_id).id
            return j.visits.same_as_last_time(draft_id)

        def done(filled: VisitView) -> None:
            self._saved()
            self.grid.model.set_rows(filled.grid)
            self._show_visit(filled)
            self.show_message("")
            self.finish_button.setFocus(Qt.FocusReason.OtherFocusReason)

        self.ctx.ops.write(work, done, lambda e: self._failed(e, self.tr("同上次")))

    # --- finishing --------------------------------------------------------------------------
    def flush(self) -> None:
        """Send every pending edit now (typed text waiting for a pause, an open grid cell)."""
        self.grid.view.commit_open_editor()
        self.form.flush()

    def finish(self) -> None:
        screen = self.screen
        if screen is None:
            return
        visit = self.visit
        if visit is None:
            self.show_message(self.tr("请先到店（Enter 或 Alt+A），再完成走访。"))
            self.header.arrive_button.setFocus()
            return
        if visit.status != "draft":
            return
        self.flush()
        if self.unsaved:
            self._show_unsaved()
            self.show_message(
                self.error_label.text() + self.tr("\n还有修改没有保存，保存成功之前不能完成走访。")
            )
            return
        if self.shop_status in ("", OPEN):
            bad = self.form.errors()
            if bad:
                first = next(iter(bad))
                names = "、".join(self.form.label_of(i) for i in bad)
                self.show_message(self.tr("请先改正：{names}").format(names=names))
                self.form.focus_item(first)
                return
            if self.grid.model.errors():
                self.show_message(self.tr("请先改正规格表里标红的格子。"))
                self.grid.view.setFocus()
                return
        close = self.followups.checked_ids()
        vid, day = visit.id, screen.day
        stop_id = screen.stop.id if screen.stop is not None else None
        shop = screen.customer.shop_name

        def after_saves(_none: object) -> None:
            # Every save queued before this point has answered: finish only if all went in.
            if self.unsaved:
                self._show_unsaved()
                return
            self.ctx.ops.write(
                lambda j: finish_and_next(j, vid, close, day, stop_id),
                lambda out: self._finished(shop, day, *out),
                self._finish_failed,
                what=self.tr("完成走访"),
            )

        self.ctx.ops.query(lambda _j: None, after_saves, self._finish_failed)

    def _finish_failed(self, exc: BaseException) -> None:
        from fieldbook.wording import describe_error

        if isinstance(exc, InvalidValue) and (exc.detail or exc.code) == "visit_incomplete":
            missing = [str(m) for m in exc.data.get("missing", [])]  # type: ignore[union-attr]
            self.show_missing(missing)
            return
        if isinstance(exc, InvalidValue) and exc.data.get("field") in ("arrived_at", "left_at"):
            self.show_message(describe_error(exc))
            return
        self.show_message(self.tr("走访没有完成：{reason}").format(reason=describe_error(exc)))
        if not isinstance(exc, FieldbookError):
            self.ctx.ops.report(exc, what=self.tr("完成走访"), write=True)

    def show_missing(self, missing: list[str]) -> None:
        """Say which required items are empty and put the cursor in the first one."""
        if not missing:
            return
        if "shop_status" in missing:
            self.show_message(self.tr("请先选择店铺状态（数字键 1–5）。"))
            self.status_picker.setFocus()
            return
        required = translate("VisitPage", "必填")
        for item_id in missing:
            self.form.show_error(item_id, required)
        names = "、".join(self.form.label_of(i) for i in missing[:4])
        if len(missing) > 4:
            names += self.tr(" 等 {n} 项").format(n=len(missing))
        self.show_message(self.tr("还有必填项没有填写：{names}").format(names=names))
        self.form.focus_item(missing[0])

    def _finished(self, shop: str, day: date, result: FinishResult, nxt: StopView | None) -> None:
        self.last_result = result_text(shop, result)
        self.suggested = (
            (result.visit.id, result.visit.visit_date) if result.slip_categories else None
        )
        self.ctx.ops.message.emit(self.last_result)
        self.visit = result.visit
        self.finished.emit(result)
        if nxt is None:
            self.last_result += self.tr(" · 计划里的客户都走完了")
            self.ctx.ops.message.emit(self.last_result)
            self.back_requested.emit()
            return
        self.open_stop(day, nxt.id)

    def go_back(self) -> None:
        self.flush()
        self.back_requested.emit()

    # --- 生成反馈单: the finished visit's suggested slip, prefilled ----------------------------
    def make_slip(self) -> None:
        """Open the slip dialog prefilled from the last finished visit's suggestion (a menu
        first when the visit suggested several categories)."""
        from fieldbook.qt.pages.slip_data import visit_suggestions

        if self.suggested is None:
            return
        visit_id, day = self.suggested
        self.ctx.ops.query(
            lambda j: visit_suggestions(j, visit_id, day),
            self._suggestions_found,
            what=self.tr("读取建议的反馈单"),
        )

    def _suggestions_found(self, found: list[Any]) -> None:
        if not found:
            self.suggested = None
            self.slip_button.hide()
            self.show_message(self.tr("这次走访建议的反馈单都已处理。"))
            return
        if len(found) == 1:
            self.open_suggested_slip(found[0].id)
            return
        menu = QMenu(self)
        for suggestion in found:
            action = menu.addAction(slip_name(suggestion.category))
            action.triggered.connect(
                lambda _c=False, sid=suggestion.id: self.open_suggested_slip(sid)
            )
        self.slip_menu = menu
        menu.popup(self.slip_button.mapToGlobal(self.slip_button.rect().bottomLeft()))

    def open_suggested_slip(self, suggestion_id: str) -> None:
        from fieldbook.qt.pages.slip_data import prefill_from_suggestion

        self.ctx.ops.query(
            lambda j: prefill_from_suggestion(j, suggestion_id),
            self._open_slip_dialog,
            what=self.tr("读取建议的反馈单"),
        )

    def _open_slip_dialog(self, data: Any) -> None:
        from fieldbook.qt.dialogs.slip_dialog import SlipDialog

        dialog = SlipDialog(self.ctx, data, self)
        dialog.saved.connect(lambda _view: self._slip_saved())
        self.slip_dialog = dialog
        dialog.open()

    def _slip_saved(self) -> None:
        from fieldbook.qt.pages.slip_data import visit_suggestions

        if self.suggested is None:
            return
        visit_id, day = self.suggested

        def left(found: list[Any]) -> None:
            if not found:
                self.suggested = None
                self.slip_button.hide()

        self.ctx.ops.query(lambda j: visit_suggestions(j, visit_id, day), left)

    # --- 修改记录 and corrections of a finished visit ----------------------------------------
    def _show_history(self, entries: tuple[AuditRecord, ...]) -> None:
        self.history_entries = tuple(entries)
        visit = self.visit
        checklist = visit.checklist if visit is not None else self.checklist
        self.record_history.set_entries(self.history_entries, checklist)

    def _correct_answer(self, item_id: str, value: Any) -> None:
        visit = self.visit
        assert visit is not None
        item = self.checklist.item(item_id)
        try:
            cleaned = check_answer(item, value)
        except InvalidValue as exc:
            from fieldbook.wording import message

            code = exc.detail or exc.code
            data = {k: v for k, v in exc.data.items() if k not in ("field", "value")}
            self.form.show_error(item_id, message(code, data))
            cleaned = value
        else:
            self.form.clear_error(item_id)
        if cleaned == visit.answers.get(item_id) or (
            cleaned in (None, "", []) and item_id not in visit.answers
        ):
            self.corrections.pop(item_id, None)
        else:
            self.corrections[item_id] = value
        if cleaned is None:
            self.answers.pop(item_id, None)
        else:
            self.answers[item_id] = cleaned
        self.form.update_visibility(self.shop_status, self.answers)
        self._show_corrections()

    def _correct_time(self, field: str, moment: datetime) -> None:
        visit = self.visit
        assert visit is not None
        current = getattr(visit, field)
        if current is not None and hm(current) == hm(moment):
            self.time_corrections.pop(field, None)
        else:
            self.time_corrections[field] = moment
        self._show_times()
        self._show_corrections()

    def _show_corrections(self) -> None:
        labels = [time_name(f) for f in ("arrived_at", "left_at") if f in self.time_corrections]
        labels += [self.form.label_of(i) for i in self.corrections]
        if not labels:
            self.correction_bar.reset()
            return
        self.correction_bar.show_changes(labels)

    def save_correction(self, reason: str) -> None:
        visit = self.visit
        if visit is None or visit.status != "done":
            return
        self.flush()
        if not self.corrections and not self.time_corrections:
            self.correction_bar.reset()
            return
        if self.form.errors():
            names = "、".join(self.form.label_of(i) for i in self.form.errors())
            self.correction_bar.show_error(self.tr("请先改正：{names}").format(names=names))
            return
        vid = visit.id
        answers = dict(self.corrections)
        times = dict(self.time_corrections)
        self.correction_bar.save_button.setEnabled(False)

        def done(out: tuple[VisitView, tuple[AuditRecord, ...]]) -> None:
            view, entries = out
            self.correction_bar.save_button.setEnabled(True)
            self._show_visit(view)
            self._show_history(entries)
            self.header.show_saved(datetime.now())
            self.ctx.ops.message.emit(self.tr("已保存更正，已记入修改记录"))

        def failed(exc: BaseException) -> None:
            from fieldbook.wording import describe_error

            self.correction_bar.save_button.setEnabled(True)
            self.header.show_unsaved()
            if isinstance(exc, InvalidValue) and (exc.detail or exc.code) == "visit_incomplete":
                missing = [str(m) for m in exc.data.get("missing", [])]  # type: ignore[union-attr]
                names = "、".join(self.form.label_of(i) for i in missing[:4])
                text = self.tr("更正没有保存：必填项不能清空（{names}）").format(names=names)
                for item_id in missing:
                    self.form.show_error(item_id, translate("VisitPage", "必填"))
            else:
                text = self.tr(
                    "更正没有保存：{reason}\n修改仍在屏幕上，可以再点“保存更正”。"
                ).format(reason=describe_error(exc))
            self.correction_bar.show_error(text)
            if not isinstance(exc, FieldbookError):
                self.ctx.ops.report(exc, what=self.tr("保存更正"), write=True)

        self.ctx.ops.write(
            lambda j: save_correction(j, vid, answers, times, reason),
            done,
            failed,
            what=self.tr("保存更正"),
        )

    def undo_corrections(self) -> None:
        """撤销修改: show the finished visit as it is saved."""
        visit = self.visit
        if visit is None:
            return
        self._show_visit(visit)
        for item_id in list(self.form.errors()):
            self.form.clear_error(item_id)
