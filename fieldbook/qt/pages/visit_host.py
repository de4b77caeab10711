"""What the visit screen's helpers (times, edits, finishing, slips, corrections) need from the
page they are composed into: its widgets, the shop and visit it shows, and a few actions. The
page satisfies :class:`VisitHost`; each helper gets it in its constructor."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QScrollArea, QWidget

    from fieldbook.core.routine.checklist import Checklist
    from fieldbook.core.routine.visit_views import VisitView
    from fieldbook.qt.context import AppContext
    from fieldbook.qt.operations.visits import VisitScreen
    from fieldbook.qt.pages.autosave import Autosave
    from fieldbook.qt.widgets.checklist_form import ChecklistForm
    from fieldbook.qt.widgets.correction_bar import CorrectionBar
    from fieldbook.qt.widgets.followup_checks import FollowUpChecks
    from fieldbook.qt.widgets.form_fields import OptionPicker
    from fieldbook.qt.widgets.record_history import RecordHistory
    from fieldbook.qt.widgets.sku_grid import SkuGridPanel
    from fieldbook.qt.widgets.visit_header import VisitHeader
    from fieldbook.qt.widgets.visit_side import VisitSidePanel


class VisitHost(Protocol):
    ctx: AppContext
    autosave: Autosave

    # --- what the page shows ------------------------------------------------------------------
    screen: VisitScreen | None
    visit: VisitView | None
    #: The checklist answers as shown (a correction's edits included).
    answers: dict[str, Any]
    shop_status: str
    checklist: Checklist
    #: Edits of a FINISHED visit waiting for a reason: answers, and times.
    corrections: dict[str, Any]
    time_corrections: dict[str, datetime]

    # --- its widgets --------------------------------------------------------------------------
    header: VisitHeader
    form: ChecklistForm
    grid: SkuGridPanel
    grid_box: QGroupBox
    #: The scrolling column holding the checklist and the grid, and what it scrolls.
    checklist_scroll: QScrollArea
    checklist_inner: QWidget
    side: VisitSidePanel
    status_picker: OptionPicker
    followups: FollowUpChecks
    correction_bar: CorrectionBar
    record_history: RecordHistory
    error_label: QLabel
    finish_button: QPushButton
    undo_button: QPushButton

    # --- what it does -------------------------------------------------------------------------
    def draft_id(self) -> str | None:
        """The id of the draft shown; None before arrival and once finished."""

    def show_visit(self, visit: VisitView | None) -> None:
        """Show a visit (its answers, times and mode) as the database has it."""

    def initial_focus(self) -> None: ...

    def apply_status(self) -> None:
        """Show or hide the checklist for the shop status."""

    def show_message(self, text: str) -> None: ...

    def saved(self) -> None:
        """A write went in: "已保存", unless something is still unsaved."""

    def failed(self, exc: BaseException, what: str) -> None:
        """A write failed: "未保存" and why."""

    def flush(self) -> None:
        """Send every pending edit now."""

    def say_held(self) -> None:
        """Say that the page keeps the shop while something is not saved."""

    def show_times(self) -> None:
        """The header's times, the unsaved and corrected ones included."""

    def open_stop(self, day: date, stop_id: str) -> None: ...
