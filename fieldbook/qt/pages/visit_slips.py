"""生成反馈单 (Alt+F): the slips the last finished visit suggested, opened prefilled in the slip
dialog (a menu first when it suggested several categories). Composed into ``VisitPage``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from fieldbook.core.routine.visit_views import FinishResult
from fieldbook.qt.context import AppContext
from fieldbook.qt.dialogs.slip_dialog import SlipDialog
from fieldbook.qt.operations.slips import prefill_from_suggestion, visit_suggestions
from fieldbook.qt.plan_format import slip_name


class SuggestedSlips(QObject):
    """The finished visit's suggestions; ``button`` is 生成反馈单, ``show_message`` the page's
    error line, ``page`` the parent of the dialog and the menu."""

    def __init__(
        self,
        ctx: AppContext,
        page: QWidget,
        button: QPushButton,
        show_message: Callable[[str], None],
    ) -> None:
        super().__init__(page)
        self.ctx = ctx
        self.page = page
        self.button = button
        self._show_message = show_message
        #: The last finished visit's suggested slips: (visit id, visit date); None when none.
        self.suggested: tuple[str, date] | None = None
        self.dialog: QWidget | None = None
        self.menu: QMenu | None = None

    def finished(self, result: FinishResult) -> None:
        """A visit was finished: remember what it suggested."""
        self.suggested = (
            (result.visit.id, result.visit.visit_date) if result.slip_categories else None
        )

    def make_slip(self) -> None:
        """Open the slip dialog prefilled from the last finished visit's suggestion."""
        if self.suggested is None:
            return
        visit_id, day = self.suggested
        self.ctx.ops.query(
            lambda j: visit_suggestions(j, visit_id, day),
            self._found,
            what=self.tr("读取建议的反馈单"),
        )

    def _found(self, found: list[Any]) -> None:
        if not found:
            self.suggested = None
            self.button.hide()
            self._show_message(self.tr("这次走访建议的反馈单都已处理。"))
            return
        if len(found) == 1:
            self.open_suggested_slip(found[0].id)
            return
        menu = QMenu(self.page)
        for suggestion in found:
            action = menu.addAction(slip_name(suggestion.category))
            action.triggered.connect(
                lambda _c=False, sid=suggestion.id: self.open_suggested_slip(sid)
            )
        self.menu = menu
        menu.popup(self.button.mapToGlobal(self.button.rect().bottomLeft()))

    def open_suggested_slip(self, suggestion_id: str) -> None:
        self.ctx.ops.query(
            lambda j: prefill_from_suggestion(j, suggestion_id),
            self._open_dialog,
            what=self.tr("读取建议的反馈单"),
        )

    def _open_dialog(self, data: Any) -> None:
        dialog = SlipDialog(self.ctx, data, self.page)
        dialog.saved.connect(lambda _view: self._slip_saved())
        self.dialog = dialog
        dialog.open()

    def _slip_saved(self) -> None:
        if self.suggested is None:
            return
        visit_id, day = self.suggested

        def left(found: list[Any]) -> None:
            if not found:
                self.suggested = None
                self.button.hide()

        self.ctx.ops.query(lambda j: visit_suggestions(j, visit_id, day), left)
