"""The 跟踪事项 tab of the 反馈单 page: the open follow-ups (the closed ones on demand), added
through the page's dialog and closed here with a note; Esc in the note gives up closing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QPushButton

from fieldbook.core.errors import FieldbookError
from fieldbook.messages import describe_error
from fieldbook.qt.context import AppContext
from fieldbook.qt.models.slip_models import FollowUpTableModel
from fieldbook.qt.pages.slips_base import SlipsTabBase
from fieldbook.qt.slip_format import follow_up_text
from fieldbook.qt.widgets.form_fields import line_edit
from fieldbook.qt.widgets.layouts import row_of
from fieldbook.qt.widgets.table_view import RowTableView

if TYPE_CHECKING:
    from fieldbook.core.routine.followups import FollowUpView


class FollowUpsTab(SlipsTabBase):
    def __init__(self, ctx: AppContext, actor: Callable[[], str]) -> None:
        super().__init__(ctx, actor)
        layout = self.tab_layout()
        self.new_followup_button = self._button(
            self.tr("新建…"), self.tr("记下电访员反馈或其他要跟进的事（Ctrl+Shift+N）")
        )
        self.close_followup_button = self._button(
            self.tr("关闭…"), self.tr("写明处理结果，关闭选中的跟踪事项")
        )
        self.closed_check = QCheckBox(self.tr("显示已关闭的"))
        self.followup_count = QLabel()
        self.followup_count.setObjectName("countLabel")
        layout.addLayout(
            row_of(
                self.new_followup_button,
                self.close_followup_button,
                12,
                self.closed_check,
                None,
                self.followup_count,
            )
        )
        layout.addWidget(self._build_close_bar())
        self.followup_model = FollowUpTableModel(self)
        self.followup_table = RowTableView(self)
        self.followup_table.set_row_model(self.followup_model)
        self.followup_table.setAccessibleName(self.tr("跟踪事项"))
        layout.addWidget(self.followup_table, 1)
        self._closing_id: str | None = None
        self.close_followup_button.clicked.connect(self.ask_close_followup)
        self.followup_table.open_requested.connect(lambda _r: self.ask_close_followup())
        self.closed_check.toggled.connect(lambda _c: self.reload_followups())
        self.close_ok.clicked.connect(self.close_followup)
        self.close_cancel.clicked.connect(self._cancel_close)
        self.close_note.returnPressed.connect(self.close_followup)
        self.close_note.installEventFilter(self)
        self.followup_table.selectionModel().currentRowChanged.connect(
            lambda *_: self.state_changed.emit()
        )

    def _build_close_bar(self) -> QFrame:
        """The bar that asks for the note a follow-up is closed with (hidden until asked)."""
        self.close_bar = QFrame()
        self.close_bar.setObjectName("reasonBar")
        bar = QHBoxLayout(self.close_bar)
        bar.setContentsMargins(10, 6, 10, 6)
        self.close_prompt = QLabel()
        self.close_prompt.setObjectName("draftText")
        self.close_note = line_edit(500, self.tr("处理结果，如：已协调配送中心补货"), height=30)
        self.close_note.setAccessibleName(self.tr("处理结果"))
        self.close_ok = QPushButton(self.tr("关闭事项"))
        self.close_cancel = QPushButton(self.tr("取消"))
        self.close_error = QLabel()
        self.close_error.setObjectName("itemError")
        bar.addWidget(self.close_prompt)
        bar.addWidget(self.close_note, 1)
        bar.addWidget(self.close_ok)
        bar.addWidget(self.close_cancel)
        bar.addWidget(self.close_error)
        self.close_bar.hide()
        return self.close_bar

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.close_note
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self._cancel_close()
            return True
        return super().eventFilter(watched, event)

    def reload_followups(self) -> None:
        open_only = not self.closed_check.isChecked()
        self.ctx.ops.query(
            lambda j: j.followups.list(open_only=open_only),
            self._followups_loaded,
            self._load_failed("followups"),
            key="slips.followups",
            what=self.tr("读取跟踪事项"),
        )

    def _followups_loaded(self, rows: list[FollowUpView]) -> None:
        today = self.ctx.today()
        keep = self._current_followup()
        self.followup_model.today = today
        self.followup_model.set_rows(rows)
        row = self.followup_model.row_of(lambda r: r.id == keep.id) if keep else -1
        self.followup_table.select_row(max(row, 0))
        open_rows = [r for r in rows if r.status == "open"]
        overdue = sum(1 for r in open_rows if r.overdue(today))
        text = self.tr("未关闭 {n} 项").format(n=len(open_rows))
        if overdue:
            text += self.tr("，超期 {n} 项").format(n=overdue)
        self.followup_count.setText(text)
        title = (
            self.tr("跟踪事项（{n}）").format(n=len(open_rows))
            if open_rows
            else self.tr("跟踪事项")
        )
        self._rows_shown("followups", title)

    def _current_followup(self) -> FollowUpView | None:
        return self.followup_model.row_at(self.followup_table.current_row())

    def update_buttons(self) -> None:
        fu = self._current_followup()
        self.close_followup_button.setEnabled(fu is not None and fu.status == "open")

    def ask_close_followup(self) -> None:
        fu = self._current_followup()
        if fu is None or fu.status != "open":
            return
        self._closing_id = fu.id
        text = follow_up_text(fu.text)
        text = text if len(text) <= 24 else text[:23] + "…"
        self.close_prompt.setText(
            self.tr("关闭 {shop}：{text}").format(shop=fu.shop_name, text=text)
        )
        self.close_error.clear()
        self.close_bar.show()
        self.close_note.setFocus()

    def close_followup(self) -> None:
        fid = self._closing_id
        if fid is None:
            return
        note, by, at = self.close_note.text().strip(), self.actor_name(), self.ctx.now()

        def done(view: FollowUpView) -> None:
            self._closing_id = None
            self.close_note.clear()
            self.close_bar.hide()
            self.followup_table.setFocus()
            self.ctx.ops.message.emit(self.tr("已关闭跟踪事项：{shop}").format(shop=view.shop_name))

        def failed(exc: BaseException) -> None:
            self.close_error.setText(describe_error(exc))
            if not isinstance(exc, FieldbookError):
                self.ctx.ops.report(exc, what=self.tr("关闭跟踪事项"), write=True)

        self.ctx.ops.write(
            lambda j: j.followups.close(fid, note, by=by, at=at),
            done,
            failed,
            what=self.tr("关闭跟踪事项"),
        )

    def _cancel_close(self) -> None:
        self._closing_id = None
        self.close_bar.hide()
        self.followup_table.setFocus()
