"""反馈单: the customer information feedback slips (客户信息反馈单) and the follow-ups (跟踪事项).

Three tabs. 反馈单: the slips (each department's state as a chip, overdue rows in red), filtered
by 未办结, department, date range and number/customer, with the selected slip's detail below —
the customer as written, the description, dates, SKUs, attachments, one row per department with
buttons for its legal next step, and the history of every move. 待处理的建议: what finished visits
suggested, turned into a prefilled slip in one action or dismissed. 跟踪事项: the open follow-ups,
added and closed with a note.

Ctrl+N writes a new slip; Enter on a slip goes to its detail; dialogs keep what was typed when
the core refuses it, and Esc asks before throwing typed input away."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTabWidget, QWidget

from fieldbook.qt.context import AppContext
from fieldbook.qt.dialogs.answers_dialog import AnswersDialog
from fieldbook.qt.dialogs.followup_dialog import FollowUpDialog
from fieldbook.qt.dialogs.register_dialog import RegisterDialog
from fieldbook.qt.dialogs.slip_dialog import SlipDialog
from fieldbook.qt.operations.slips import manager_name
from fieldbook.qt.pages.base import Page, page_layout
from fieldbook.qt.pages.slips_followups_tab import FollowUpsTab
from fieldbook.qt.pages.slips_suggestions_tab import SuggestionsTab
from fieldbook.qt.pages.slips_tab import SlipsTab
from fieldbook.qt.widgets.shortcuts import add_shortcuts

if TYPE_CHECKING:
    from fieldbook.core.slips.service import SlipInput, SlipView
    from fieldbook.qt.dialogs.answers_dialog import AnswersDialog
    from fieldbook.qt.dialogs.followup_dialog import FollowUpDialog
    from fieldbook.qt.dialogs.register_dialog import RegisterDialog
    from fieldbook.qt.dialogs.slip_dialog import SlipDialog

SLIP_TOPICS = frozenset({"slips", "customers"})
SUGGESTION_TOPICS = frozenset({"slips", "visits"})
FOLLOWUP_TOPICS = frozenset({"followups", "customers"})
TABS = ("slips", "suggestions", "followups")


def open_with_system(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class SlipsPage(Page):
    """The three tabs (``slips_tab``, ``suggestions_tab``, ``followups_tab``), the dialogs they
    open, and the page's readiness. The tabs' widgets and actions are reached through the page
    too (``page.table``, ``page.close_note``, ``page.attach``...)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.actor = ""  # the manager's name: who sends, who recorded a move by default
        self._waiting = {"slips", "suggestions", "followups"}
        #: How an attachment is opened (tests replace it).
        self.open_file: Callable[[Path], bool] = open_with_system
        self.dialog: QWidget | None = None
        layout = page_layout(self, self.tr("反馈单"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        self.slips_tab = SlipsTab(ctx, self._actor, lambda path: self.open_file(path))
        self.suggestions_tab = SuggestionsTab(ctx, self._actor)
        self.followups_tab = FollowUpsTab(ctx, self._actor)
        self.tabs.addTab(self.slips_tab, self.tr("反馈单"))
        self.tabs.addTab(self.suggestions_tab, self.tr("待处理的建议"))
        self.tabs.addTab(self.followups_tab, self.tr("跟踪事项"))
        self._expose_tabs()
        self._wire_tabs()
        self._actions()
        ctx.hub.changed.connect(self._changed)
        self._load_actor()
        self.reload()

    def _expose_tabs(self) -> None:
        """The names the page had before its tabs were modules of their own."""
        s, g, f = self.slips_tab, self.suggestions_tab, self.followups_tab
        self.new_button = s.new_button
        self.send_button = s.send_button
        self.export_button = s.export_button
        self.register_button = s.register_button
        self.answers_button = s.answers_button
        self.search = s.search
        self.open_check = s.open_check
        self.dept_combo = s.dept_combo
        self.date_check = s.date_check
        self.start_edit = s.start_edit
        self.end_edit = s.end_edit
        self.count_label = s.count_label
        self.model = s.model
        self.table = s.table
        self.detail = s.detail
        self.splitter = s.splitter
        self.slip_filter = s.slip_filter
        self.reload_slips = s.reload_slips
        self.load_detail = s.load_detail
        self.show_slip = s.show_slip
        self.open_row = s.open_row
        self.send_current = s.send_current
        self.move = s.move
        self.choose_attachments = s.choose_attachments
        self.attach = s.attach
        self.open_attachment = s.open_attachment
        self.choose_form_file = s.choose_form_file
        self.export_form_to = s.export_form_to
        self.suggestion_model = g.suggestion_model
        self.suggestion_table = g.suggestion_table
        self.make_button = g.make_button
        self.dismiss_button = g.dismiss_button
        self.reload_suggestions = g.reload_suggestions
        self.make_from_suggestion = g.make_from_suggestion
        self.dismiss_suggestion = g.dismiss_suggestion
        self.new_followup_button = f.new_followup_button
        self.close_followup_button = f.close_followup_button
        self.closed_check = f.closed_check
        self.followup_count = f.followup_count
        self.close_bar = f.close_bar
        self.close_prompt = f.close_prompt
        self.close_note = f.close_note
        self.close_ok = f.close_ok
        self.close_cancel = f.close_cancel
        self.close_error = f.close_error
        self.followup_model = f.followup_model
        self.followup_table = f.followup_table
        self.reload_followups = f.reload_followups
        self.ask_close_followup = f.ask_close_followup
        self.close_followup = f.close_followup

    def _wire_tabs(self) -> None:
        for tab in (self.slips_tab, self.suggestions_tab, self.followups_tab):
            tab.loaded.connect(self._ready)
            tab.state_changed.connect(self._update_buttons)
        self.slips_tab.detail_pending.connect(self._detail_pending)
        self.suggestions_tab.title_changed.connect(lambda t: self.tabs.setTabText(1, t))
        self.followups_tab.title_changed.connect(lambda t: self.tabs.setTabText(2, t))
        self.suggestions_tab.prefilled.connect(self.new_slip)
        self.new_button.clicked.connect(lambda: self.new_slip())
        self.register_button.clicked.connect(self.export_register)
        self.answers_button.clicked.connect(self.import_answers)
        self.new_followup_button.clicked.connect(lambda: self.new_followup())

    def _actor(self) -> str:
        return self.actor

    @property
    def slip(self) -> SlipView | None:
        """The slip the detail shows."""
        return self.slips_tab.slip

    @slip.setter
    def slip(self, view: SlipView | None) -> None:
        self.slips_tab.slip = view

    def _actions(self) -> None:
        add_shortcuts(self, (("Ctrl+N", self.new_slip), ("Ctrl+Shift+N", self.new_followup)))

    # --- loading -------------------------------------------------------------------------------
    def _load_actor(self) -> None:
        self.ctx.ops.query(
            manager_name,
            lambda name: setattr(self, "actor", name),
            key="slips.actor",
            what=self.tr("读取客户经理资料"),
        )

    def reload(self) -> None:
        self.reload_slips()
        self.reload_suggestions()
        self.reload_followups()

    def _detail_pending(self) -> None:
        if not self.is_ready:
            self._waiting.add("detail")  # ready once the first slip's detail is shown

    def _ready(self, part: str) -> None:
        self._waiting.discard(part)
        if not self._waiting:
            self.mark_ready()

    def _update_buttons(self) -> None:
        for tab in (self.slips_tab, self.suggestions_tab, self.followups_tab):
            tab.update_buttons()

    def _changed(self, topics: frozenset[str]) -> None:
        if topics & SLIP_TOPICS:
            self.reload_slips()
        if topics & SUGGESTION_TOPICS:
            self.reload_suggestions()
        if topics & FOLLOWUP_TOPICS:
            self.reload_followups()
        if "profile" in topics:
            self._load_actor()

    def activated(self) -> None:
        if self.is_ready:
            self.reload()
        if self.tabs.currentIndex() == 0:
            self.search.setFocus()

    def focus_search(self) -> bool:
        self.tabs.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()
        return True

    def show_tab(self, name: str) -> None:
        if name in TABS:
            self.tabs.setCurrentIndex(TABS.index(name))

    def select_slip(self, slip_id: str) -> None:
        """Show this slip: in the list when the filters let it in (they are widened if not)."""
        self.tabs.setCurrentIndex(0)
        self.slips_tab.select_slip(slip_id)

    # --- the dialogs -----------------------------------------------------------------------------
    def new_slip(self, data: SlipInput | None = None) -> SlipDialog:
        dialog = SlipDialog(self.ctx, data, self)
        dialog.saved.connect(lambda view: self.select_slip(view.id))
        dialog.finished.connect(lambda _r: self.table.setFocus())
        self.dialog = dialog
        dialog.open()
        return dialog

    def export_register(self) -> RegisterDialog:
        dialog = RegisterDialog(self.ctx, self, department=self.dept_combo.currentData())
        self.dialog = dialog
        dialog.open()
        return dialog

    def import_answers(self) -> AnswersDialog:
        dialog = AnswersDialog(self.ctx, self)
        self.dialog = dialog
        dialog.open()
        dialog.choose_file()
        return dialog

    def new_followup(self, customer_id: str | None = None) -> FollowUpDialog:
        self.tabs.setCurrentIndex(2)
        dialog = FollowUpDialog(self.ctx, self, customer_id=customer_id)
        dialog.finished.connect(lambda _r: self.followup_table.setFocus())
        self.dialog = dialog
        dialog.open()
        return dialog
