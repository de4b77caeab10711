"""The 待处理的建议 tab of the 反馈单 page: what finished visits suggested, turned into a
prefilled slip in one action (the page opens the slip dialog) or dismissed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from fieldbook.qt.context import AppContext
from fieldbook.qt.dialogs.dismiss_dialog import DismissDialog
from fieldbook.qt.i18n import ui_language
from fieldbook.qt.models.slip_models import SuggestionTableModel
from fieldbook.qt.operations.slips import SuggestionRow, load_suggestions, prefill_from_suggestion
from fieldbook.qt.pages.slips_base import SlipsTabBase
from fieldbook.qt.widgets.table_view import RowTableView


class SuggestionsTab(SlipsTabBase):
    #: A suggestion was turned into a slip's input (a ``SlipInput``): the page opens the dialog.
    prefilled = Signal(object)

    def __init__(self, ctx: AppContext, actor: Callable[[], str]) -> None:
        super().__init__(ctx, actor)
        layout = self.tab_layout()
        hint = QLabel(
            self.tr(
                "完成走访时，检查发现的问题（如关业、暂停、违纪、不订货）会在这里建议填写反馈单。"
                "“生成反馈单”按走访内容预先填好，核对后保存；不需要的点“忽略…”并写明原因"
                "（违纪只能选规定的原因），原因计入周报和抽查。"
            )
        )
        hint.setObjectName("hintLabel")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        row = QHBoxLayout()
        self.suggestion_model = SuggestionTableModel(self)
        self.suggestion_table = RowTableView(self)
        self.suggestion_table.set_row_model(self.suggestion_model)
        self.suggestion_table.setAccessibleName(self.tr("走访建议的反馈单"))
        self.dismiss_dialog: DismissDialog | None = None
        buttons = QVBoxLayout()
        self.make_button = self._button(
            self.tr("生成反馈单…"), self.tr("按这条建议预先填好一张反馈单（Enter）")
        )
        self.dismiss_button = self._button(
            self.tr("忽略…"), self.tr("不需要填写反馈单：写明原因（会保存并计入周报）")
        )
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        row.addWidget(self.suggestion_table, 1)
        row.addLayout(buttons)
        layout.addLayout(row, 1)
        self.suggestion_table.open_requested.connect(lambda r: self.make_from_suggestion(r))
        self.make_button.clicked.connect(lambda: self.make_from_suggestion())
        self.dismiss_button.clicked.connect(self.dismiss_suggestion)
        self.suggestion_table.selectionModel().currentRowChanged.connect(
            lambda *_: self.state_changed.emit()
        )

    def reload_suggestions(self) -> None:
        lang = ui_language()
        self.ctx.ops.query(
            lambda j: load_suggestions(j, lang),
            self._suggestions_loaded,
            self._load_failed("suggestions"),
            key="slips.suggestions",
            what=self.tr("读取走访建议"),
        )

    def _suggestions_loaded(self, rows: list[SuggestionRow]) -> None:
        keep = self._current_suggestion()
        self.suggestion_model.set_rows(rows)
        row = self.suggestion_model.row_of(lambda r: r.id == keep.id) if keep else -1
        self.suggestion_table.select_row(max(row, 0))
        title = self.tr("待处理的建议")
        if rows:
            title = self.tr("待处理的建议（{n}）").format(n=len(rows))
        self._rows_shown("suggestions", title)

    def _current_suggestion(self) -> SuggestionRow | None:
        return self.suggestion_model.row_at(self.suggestion_table.current_row())

    def update_buttons(self) -> None:
        has_suggestion = self._current_suggestion() is not None
        self.make_button.setEnabled(has_suggestion)
        self.dismiss_button.setEnabled(has_suggestion)

    def make_from_suggestion(self, row: int | None = None) -> None:
        suggestion = (
            self.suggestion_model.row_at(row) if row is not None else self._current_suggestion()
        )
        if suggestion is None:
            return
        sid = suggestion.id
        self.ctx.ops.query(
            lambda j: prefill_from_suggestion(j, sid),
            self.prefilled.emit,
            key="slips.prefill",
            what=self.tr("读取走访建议"),
        )

    def dismiss_suggestion(self) -> DismissDialog | None:
        """Ask why (a 违纪 suggestion: one of the fixed reasons, an optional file); the
        dismissal is saved by the dialog, and the list reloads on the slips topic."""
        suggestion = self._current_suggestion()
        if suggestion is None:
            return None
        dialog = DismissDialog(self.ctx, suggestion, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dismiss_dialog = dialog
        dialog.open()
        return dialog
