"""走访: one shop on one day, filled in from the keyboard.

Opening a shop shows it with a big 到店 button focused — arrival is one key (Enter or Alt+A),
so travel time is not counted as visit time; nothing is written before that. Arrival starts
(or reuses) the shop's draft of that day — the recovery key. From then on every change is
saved at once through the DB worker; "已保存 HH:MM:SS" shows only after the save returned.

Shop status comes first (keys 1–5): anything but 正常营业 hides the checklist and the visit
can be finished at once. Only Ctrl+Enter (or a click on 完成) finishes and opens the NEXT
planned stop — Enter never does; Ctrl+D (同上次) fills the EMPTY items with last time's stable
facts and shows last time's counts and intentions greyed, which Ctrl+Shift+D confirms as
checked and unchanged (``core.routine.visit_carry``); Esc goes back to the plan (nothing is
lost: it is all saved).

Moving (``visit_keys``): Alt+1 … Alt+9 go to the checklist's sections (the key is in each
section's title), Alt+G into the SKU grid; the column follows the focus. In the grid
(``widgets/sku_grid``) digits fill the cell, Tab goes cell to cell and Enter after Tabbing a row
starts the next SKU's row; letters (pinyin initials) or a code jump to a SKU; Tab past the last
cell, Shift+Tab before the first, Ctrl+Tab from any cell and Esc leave the grid — an open cell
takes Esc first, and Esc goes back to the plan only from outside the grid. A shop with one out-
of-stock SKU and one price-tag problem takes 13 keys, a full first visit with 12 SKUs 101
(``test_visit_keys``).

A refused save is kept and sent again (``autosave``); finishing and opening another shop wait
for it. A finished visit shows its 修改记录; a changed time or answer is a correction with a
reason. The checklist is the visit's own version, as it applies at its shop (业态).

This module builds the screen and shows a shop; the rest is done by helpers it composes (the
page as a ``visit_host.VisitHost``): the one ``autosave.Autosave``, ``visit_times`` (到店, 离店),
``visit_edits`` (status, answers, grid, 同上次), ``visit_finish`` (完成 and next), ``visit_keys``
(shortcuts, jumps, scrolling), ``visit_slips`` (生成反馈单) and ``visit_corrections`` (修改记录
and corrections). What runs on the DB worker is in ``operations/visits``.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.errors import FieldbookError
from fieldbook.core.routine.checklist import OPEN, Checklist, load_checklist
from fieldbook.core.routine.checklist_names import checklist_names
from fieldbook.core.routine.visit_views import FinishResult, VisitView
from fieldbook.messages import describe_error
from fieldbook.qt.context import AppContext
from fieldbook.qt.density import is_compact
from fieldbook.qt.formatting import short_date
from fieldbook.qt.i18n import ui_language
from fieldbook.qt.keyboard import ENTER_NEVER_PRESSES
from fieldbook.qt.operations.visits import VisitScreen, first_stop_screen, load_screen
from fieldbook.qt.pages.autosave import Autosave, Change
from fieldbook.qt.pages.base import Page
from fieldbook.qt.pages.visit_corrections import VisitCorrections
from fieldbook.qt.pages.visit_edits import VisitEdits, status_hint
from fieldbook.qt.pages.visit_finish import VisitFinishing
from fieldbook.qt.pages.visit_keys import VisitKeys
from fieldbook.qt.pages.visit_slips import SuggestedSlips
from fieldbook.qt.pages.visit_status import VisitStatus
from fieldbook.qt.pages.visit_times import VisitTimes
from fieldbook.qt.plan_format import reason_text
from fieldbook.qt.widgets.checklist_form import ChecklistForm
from fieldbook.qt.widgets.correction_bar import CorrectionBar
from fieldbook.qt.widgets.form_fields import EnterMovesOn, KeysDoNothing, OptionPicker
from fieldbook.qt.widgets.layouts import scroll_area
from fieldbook.qt.widgets.message_label import MessageLabel
from fieldbook.qt.widgets.save_state import SaveIndicators, SaveProblemRow
from fieldbook.qt.widgets.sku_grid import SkuGridPanel
from fieldbook.qt.widgets.visit_header import VisitHeader
from fieldbook.qt.widgets.visit_side import VisitSidePanel


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
        #: Edits of a FINISHED visit waiting for a reason (answers, and times).
        self.corrections: dict[str, Any] = {}
        self.time_corrections: dict[str, datetime] = {}
        self._enter = EnterMovesOn(self)
        self._no_keys = KeysDoNothing(self)
        self._build()
        self.autosave = Autosave(
            ctx.ops,
            SaveIndicators(self.header.saved_label, self.problems, ctx.now),
            self.tr("{reason}\n没保存的修改（仍在屏幕上）：{what}。点“重试”再保存。"),
            self,
        )
        self.fixes = VisitCorrections(self, self)
        self.times = VisitTimes(self, self.fixes.correct_time, self)
        self.edits = VisitEdits(self, self.fixes.correct_answer, self)
        self.slips = SuggestedSlips(ctx, self, self.slip_button, self.show_message)
        self.finishing = VisitFinishing(self, self._finished, self.back_requested.emit, self)
        self._connect()
        self._shortcuts()
        self.set_compact(is_compact())

    # --- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)  # margins and spacing: set_compact
        self.header = VisitHeader()
        outer.addWidget(self.header)
        self.status = VisitStatus(self)
        self.status_line = self.status.line
        self.slip_button, self.undo_button = self.status.slip_button, self.status.undo_button
        outer.addWidget(self.status_line)
        outer.addWidget(self._status_row())
        self.status_hint = MessageLabel("statusHint")
        outer.addWidget(self.status_hint)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._checklist_column())
        self.splitter.addWidget(self._side_column())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([760, 300])
        outer.addWidget(self.splitter, 1)
        self.filler = QWidget()  # takes the space when there is no shop to show
        self.filler.hide()
        outer.addWidget(self.filler, 1)
        self.correction_bar = CorrectionBar()
        outer.addWidget(self.correction_bar)
        outer.addLayout(self._bottom_row())

    def show_status_line(self) -> None:
        self.status.show(self.visit, self.last_result)

    def _status_row(self) -> QWidget:
        """店铺状态 (keys 1–5)."""
        self.status_row = QWidget()
        row = QHBoxLayout(self.status_row)
        row.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("店铺状态 *"))
        title.setObjectName("statusTitle")
        names = checklist_names(self.checklist, ui_language())
        self.status_picker = OptionPicker(
            [(s.code, names.status(s.code)) for s in self.checklist.shop_statuses]
        )
        self.status_picker.setAccessibleName(self.tr("店铺状态"))
        self.status_picker.installEventFilter(self._enter)
        self.finish_button = self._finish_button()
        row.addWidget(title)
        row.addWidget(self.status_picker, 1)
        row.addWidget(self.finish_button, 0, Qt.AlignmentFlag.AlignVCenter)
        return self.status_row

    def _checklist_column(self) -> QScrollArea:
        """The checklist and the SKU grid, scrolling."""
        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 8, 0)
        self.checklist_column = layout
        self.form = ChecklistForm(self.checklist)
        self.grid_box = QGroupBox(self.tr("各规格库存与排面（Alt+G）"))
        self.grid_box.setObjectName("checklistSection")
        grid_layout = QVBoxLayout(self.grid_box)
        self.grid = SkuGridPanel(self.ctx)
        grid_layout.addWidget(self.grid)
        layout.addWidget(self.form)
        layout.addWidget(self.grid_box)
        layout.addStretch(1)
        self.checklist_inner = left
        self.checklist_scroll = scroll_area(left)
        return self.checklist_scroll

    def _side_column(self) -> QWidget:
        """Follow-ups to check, 修改记录 of a finished visit, earlier visits and 同上次."""
        self.side = VisitSidePanel(self._enter, self.ctx)
        self.side.photos.install_on(self)  # files dropped on the screen, Alt+P
        self.followups = self.side.followups
        self.record_box = self.side.record_box
        self.record_history = self.side.record_history
        self.history = self.side.history
        self.same_button = self.side.same_button
        return self.side

    def _bottom_row(self) -> QHBoxLayout:
        """What was not saved, and 重试 (empty, and taking no room, while all is saved)."""
        self.problems = SaveProblemRow(button_height=34)
        self.error_label = self.problems.error_label
        self.retry_button = self.problems.retry_button
        return self.problems

    def _finish_button(self) -> QPushButton:
        """完成 sits on the shop-status line, out of the form's way. Enter never finishes a
        visit (everywhere else it means "next field"): the button is clicked, or Ctrl+Enter
        pressed — never reached by Tab, never pressed by Enter or Space."""
        button = QPushButton(self.tr("完成，去下一家（Ctrl+Enter）"))
        button.setObjectName("finishButton")
        button.setMinimumHeight(34)
        button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        button.setAutoDefault(False)
        button.installEventFilter(self._no_keys)
        button.setProperty(ENTER_NEVER_PRESSES, True)
        return button

    def _connect(self) -> None:
        self.header.back_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.header.back_button.clicked.connect(self.go_back)
        self.header.arrive_clicked.connect(self.times.arrive)
        self.header.leave_clicked.connect(self.times.leave)
        self.header.time_edited.connect(self.times.edit_time)
        self.status_picker.changed.connect(self.edits.set_status)
        self.form.answer_changed.connect(self.edits.save_answer)
        self.grid.model.edited.connect(self.edits.save_grid)
        self.grid.sku_chosen.connect(self.edits.add_sku)
        self.same_button.clicked.connect(self.edits.same_as_last_time)
        self.side.confirm_button.clicked.connect(self.edits.confirm_unchanged)
        self.finish_button.clicked.connect(self.finish)
        self.slip_button.clicked.connect(self.slips.make_slip)
        self.undo_button.clicked.connect(self.finishing.undo)
        self.retry_button.clicked.connect(self.retry)
        self.correction_bar.save_requested.connect(self.fixes.save)
        self.correction_bar.undo_requested.connect(self.fixes.undo)

    def _shortcuts(self) -> None:
        keys: tuple[tuple[tuple[str, ...], Callable[[], object]], ...] = (
            (("Ctrl+Return", "Ctrl+Enter"), self.finish),
            (("Ctrl+D",), self.edits.same_as_last_time),
            (("Ctrl+Shift+D",), self.edits.confirm_unchanged),
            (("Alt+A",), self.times.arrive),
            (("Alt+L",), self.times.leave),
            (("Esc",), self.go_back),
            (("Ctrl+R",), self.retry),
            (("Alt+F",), self.slips.make_slip),
            (("Ctrl+Z",), self.finishing.undo),
        )
        self.keys = VisitKeys(self, keys, self)

    # --- what the helpers and the window call --------------------------------------------------
    def arrive(self) -> None:
        self.times.arrive()

    def edit_time(self, field: str, value: Any) -> None:
        self.times.edit_time(field, value)

    def set_status(self, code: str | None) -> None:
        self.edits.set_status(code)

    def finish(self) -> None:
        self.finishing.finish()

    def retry(self) -> None:
        """重试: send every change the database refused again (oldest first)."""
        self.autosave.retry()

    @property
    def unsaved(self) -> dict[Hashable, Change]:
        """Changes the database refused (sent again on 重试)."""
        return self.autosave.unsaved

    @property
    def last_result(self) -> str:
        """What the last finished visit created, in words."""
        return self.finishing.last_result

    @property
    def slip_dialog(self) -> QWidget | None:
        return self.slips.dialog

    def _finished(self, result: FinishResult) -> None:
        self.slips.finished(result)
        self.finished.emit(result)

    def go_back(self) -> None:
        self.flush()
        self.back_requested.emit()

    def flush(self) -> None:
        """Send every pending edit now (typed text waiting for a pause, an open grid cell)."""
        self.grid.view.commit_open_editor()
        self.form.flush()

    def draft_id(self) -> str | None:
        visit = self.visit
        return visit.id if visit is not None and visit.status == "draft" else None

    def show_times(self) -> None:
        self.times.show_times()

    def show_message(self, text: str) -> None:
        self.problems.show_message(text)

    def saved(self) -> None:
        if self.autosave.unsaved:
            self.header.show_unsaved()
            return
        self.header.show_saved(self.ctx.now())

    def failed(self, exc: BaseException, what: str) -> None:
        self.header.show_unsaved()
        self.show_message(
            self.tr("{what}没有保存：{reason}").format(what=what, reason=describe_error(exc))
        )
        if not isinstance(exc, FieldbookError):
            self.ctx.ops.report(exc, what=what, write=True)

    def unsaved_changes(self) -> str:
        parts = []
        if self.autosave.unsaved:
            parts.append(
                self.tr("走访还有修改没有保存：{what}").format(what=self.autosave.labels())
            )
        if self.corrections or self.time_corrections:
            parts.append(self.tr("走访的更正还没有保存（需要填写原因）"))
        return "；".join(parts)

    def drop_unsaved(self) -> None:
        self.autosave.unsaved.clear()
        self.corrections.clear()
        self.time_corrections.clear()

    def say_held(self) -> None:
        text = self.tr(
            "{what}。保存成功（点“重试”或“保存更正”）或撤销之前，不能打开别的店。"
        ).format(what=self.unsaved_changes())
        self.autosave.say_held(text)

    # --- opening a shop -----------------------------------------------------------------------
    def open_stop(self, day: date, stop_id: str) -> None:
        self._load(lambda j: load_screen(j, day=day, stop_id=stop_id))

    def open_visit(self, visit_id: str) -> None:
        """Exactly this visit (a draft to continue, or a finished one to look at)."""
        self._load(lambda j: load_screen(j, visit_id=visit_id))

    def open_first_stop(self, day: date) -> None:
        """The first stop still to visit in the day's plan (screenshot mode; no writes)."""
        self._load(lambda j: first_stop_screen(j, day))

    def _load(self, fn: Any) -> None:
        self.flush()
        if self.unsaved_changes():
            # Never replace a screen holding what the database has not taken yet.
            self.say_held()
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
            self.header.show_no_shop()
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
        self.header.show_shop(screen.customer, where, screen.supply)
        self.header.clear_saved()
        # Tab order: the form, the grid, the follow-ups, then 同上次 and 完成.
        self.side.show_shop(
            screen.previous, screen.followups, self.grid.add_button, self.finish_button
        )
        self.grid.model.set_rows(screen.grid)
        self.grid.show_error("")
        self.show_visit(screen.visit)
        self.edits.show_pending(screen.pending)
        self.fixes.show_history(screen.history)
        self.show_status_line()
        self.slip_button.setVisible(bool(self.last_result) and self.slips.suggested is not None)
        self.undo_button.setVisible(self.finishing.undoable is not None)
        self.checklist_scroll.verticalScrollBar().setValue(0)
        self.initial_focus()
        self.mark_ready()
        self.opened.emit()

    def show_visit(self, visit: VisitView | None) -> None:
        self.visit = visit
        undoable = self.finishing.undoable
        if visit is not None and visit.status == "draft" and undoable and undoable[0] != visit.id:
            self.finishing.forget_undo()  # the next shop is under way
        shop = self.screen.customer.format if self.screen else None  # before arrival: the newest
        checklist = visit.checklist if visit else load_checklist("visit").for_shop(shop)
        if checklist.version != self.checklist.version:
            self._use_checklist(checklist)
        self.checklist = self.form.checklist = checklist  # which items apply: the shop's 业态
        self.answers = dict(visit.answers) if visit else {}
        self.shop_status = visit.shop_status if visit else ""
        self.form.set_answers(self.answers)
        self.status_picker.set_value(self.shop_status or None)
        self.corrections.clear()
        self.time_corrections.clear()
        self.correction_bar.reset()
        self.header.show_visit(visit, editable=visit is None or visit.status in ("draft", "done"))
        self._set_mode(visit)
        self.side.photos.show_visit(visit)
        self.apply_status()

    def set_compact(self, compact: bool) -> None:
        """Compact density (显示密度, small screens): tighter margins and rows, so the
        checklist shows a dozen items and the grid eight rows at 1366×768."""
        self.compact = compact
        outer = self.layout()
        if outer is not None:
            outer.setContentsMargins(*((14, 6, 14, 4) if compact else (20, 12, 20, 10)))
            outer.setSpacing(2 if compact else 8)
        self.form.set_compact(compact)
        self.grid.view.set_compact(compact)
        self.header.set_compact(compact)
        self.finish_button.setMinimumHeight(28 if compact else 34)

    def _use_checklist(self, checklist: Checklist) -> None:
        """A draft recorded with another template version is shown with that version."""
        new_form = ChecklistForm(checklist)
        self.checklist_column.replaceWidget(self.form, new_form)
        self.form.deleteLater()
        self.form = new_form
        self.form.answer_changed.connect(self.edits.save_answer)
        self.form.set_compact(self.compact)
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
        self.side.set_mode(
            draft=draft,
            done=done,
            can_fill=bool(self.screen and self.screen.previous) and (draft or visit is None),
        )
        if not self.autosave.unsaved:
            self.error_label.hide()
        self.status.set_state(visit, self.screen is not None)
        self.show_status_line()

    def initial_focus(self) -> None:
        visit = self.visit
        if visit is None:
            self.header.arrive_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif visit.status == "draft" and not self.shop_status:
            self.status_picker.setFocus(Qt.FocusReason.OtherFocusReason)
        elif visit.status == "draft":
            first = self.form.first_editor() if self.shop_status == OPEN else None
            (first or self.status_picker).setFocus(Qt.FocusReason.OtherFocusReason)

    def activated(self) -> None:
        if self.screen is not None:
            self.initial_focus()

    # --- shop status and visibility ---------------------------------------------------------
    def apply_status(self) -> None:
        is_open = self.shop_status in ("", OPEN)
        self.form.setVisible(is_open)
        self.grid_box.setVisible(is_open)
        self.form.update_visibility(self.shop_status, self.answers)
        self.status_hint.setVisible(not is_open)
        if not is_open:
            self.status_hint.setText(status_hint(self.checklist, self.shop_status))
