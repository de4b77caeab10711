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
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QObject, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.errors import FieldbookError
from fieldbook.core.slips import slip_rules
from fieldbook.qt.context import AppContext
from fieldbook.qt.models.slip_models import (
    ChipDelegate,
    FollowUpTableModel,
    SlipTableModel,
    SuggestionTableModel,
)
from fieldbook.qt.pages.base import Page, page_layout
from fieldbook.qt.pages.slip_data import (
    SlipFilter,
    SuggestionRow,
    load_slips,
    load_suggestions,
    manager_name,
)
from fieldbook.qt.slip_format import category_name
from fieldbook.qt.widgets.search_box import SearchBox
from fieldbook.qt.widgets.slip_detail import DeliveryRow, SlipDetail
from fieldbook.qt.widgets.table_view import RowTableView

if TYPE_CHECKING:
    from fieldbook.core.followups import FollowUpView
    from fieldbook.core.journal import Journal
    from fieldbook.core.slips import SlipInput, SlipRow, SlipView
    from fieldbook.qt.dialogs.answers_dialog import AnswersDialog
    from fieldbook.qt.dialogs.followup_dialog import FollowUpDialog
    from fieldbook.qt.dialogs.register_dialog import RegisterDialog
    from fieldbook.qt.dialogs.slip_dialog import SlipDialog

SLIP_TOPICS = frozenset({"slips", "customers"})
SUGGESTION_TOPICS = frozenset({"slips", "visits"})
FOLLOWUP_TOPICS = frozenset({"followups", "customers"})
TABS = ("slips", "suggestions", "followups")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def open_with_system(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class SlipsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.actor = ""  # the manager's name: who sends, who recorded a move by default
        self.slip: SlipView | None = None
        self._select_id: str | None = None
        self._loading = False
        self._waiting = {"slips", "suggestions", "followups"}
        #: How an attachment is opened (tests replace it).
        self.open_file: Callable[[Path], bool] = open_with_system
        self._file_dialog: QFileDialog | None = None
        self.dialog: QWidget | None = None
        layout = page_layout(self, self.tr("反馈单"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_slips(), self.tr("反馈单"))
        self.tabs.addTab(self._build_suggestions(), self.tr("待处理的建议"))
        self.tabs.addTab(self._build_followups(), self.tr("跟踪事项"))
        self._actions()
        ctx.hub.changed.connect(self._changed)
        self._load_actor()
        self.reload()

    # --- layout: slips ------------------------------------------------------------------------
    def _build_slips(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        actions = QHBoxLayout()
        actions.setSpacing(6)
        self.new_button = self._button(
            self.tr("新建反馈单…"), self.tr("写一张新的反馈单（Ctrl+N）")
        )
        self.send_button = self._button(
            self.tr("发送"), self.tr("把选中的反馈单发送给所有尚未发送的部门")
        )
        self.export_button = self._button(
            self.tr("导出此单…"), self.tr("把选中的反馈单导出为可打印的 Excel 表（一页）")
        )
        self.register_button = self._button(
            self.tr("导出登记表…"),
            self.tr("导出一段时间的反馈单登记表，发给各部门填写办理情况"),
        )
        self.answers_button = self._button(
            self.tr("导入部门答复…"), self.tr("读入部门填好发回的登记表（先预览，再导入）")
        )
        for button in (self.new_button, self.send_button, self.export_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.register_button)
        actions.addWidget(self.answers_button)
        layout.addLayout(actions)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.search = SearchBox(self)
        self.search.setPlaceholderText(self.tr("搜索单号、客户编码或名称  Ctrl+F"))
        self.search.setAccessibleName(self.tr("搜索反馈单"))
        self.open_check = QCheckBox(self.tr("只看未办结"))
        self.open_check.setChecked(True)
        self.dept_combo = QComboBox()
        self.dept_combo.addItem(self.tr("全部部门"), None)
        for code, name in slip_rules().departments.items():
            self.dept_combo.addItem(name, code)
        self.dept_combo.setAccessibleName(self.tr("部门"))
        self.date_check = QCheckBox(self.tr("填报日期"))
        today = self.ctx.today()
        self.start_edit = QDateEdit(_qdate(today.replace(day=1)))
        self.end_edit = QDateEdit(_qdate(today))
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        filters.addWidget(self.search, 1)
        filters.addWidget(self.open_check)
        filters.addWidget(self.dept_combo)
        filters.addSpacing(6)
        filters.addWidget(self.date_check)
        filters.addWidget(self.start_edit)
        filters.addWidget(QLabel(self.tr("至")))
        filters.addWidget(self.end_edit)
        filters.addSpacing(6)
        filters.addWidget(self.count_label)
        layout.addLayout(filters)

        self.model = SlipTableModel(self)
        self.table = RowTableView(self)
        self.table.set_row_model(self.model)
        self.table.setItemDelegateForColumn(SlipTableModel.CHIPS_COLUMN, ChipDelegate(self.table))
        self.table.setAccessibleName(self.tr("反馈单列表"))
        self.detail = SlipDetail()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([230, 420])
        layout.addWidget(self.splitter, 1)

        self.search.search.connect(lambda _t: self.reload_slips())
        self.search.go_to_results.connect(self._go_to_results)
        self.open_check.toggled.connect(lambda _c: self.reload_slips())
        self.dept_combo.currentIndexChanged.connect(lambda _i: self.reload_slips())
        self.date_check.toggled.connect(self._dates_toggled)
        self.start_edit.dateChanged.connect(lambda _d: self.reload_slips())
        self.end_edit.dateChanged.connect(lambda _d: self.reload_slips())
        self.table.open_requested.connect(self.open_row)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.new_button.clicked.connect(lambda: self.new_slip())
        self.send_button.clicked.connect(self.send_current)
        self.export_button.clicked.connect(self.choose_form_file)
        self.register_button.clicked.connect(self.export_register)
        self.answers_button.clicked.connect(self.import_answers)
        self.detail.move_requested.connect(self.move)
        self.detail.attach_requested.connect(self.choose_attachments)
        self.detail.open_requested.connect(self.open_attachment)
        self.setTabOrder(self.search, self.table)
        return tab

    def _build_suggestions(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        hint = QLabel(
            self.tr(
                "完成走访时，检查发现的问题（如关业、暂停、违纪、不订货）会在这里建议填写反馈单。"
                "“生成反馈单”按走访内容预先填好，核对后保存；不需要的点“忽略”。"
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
        buttons = QVBoxLayout()
        self.make_button = self._button(
            self.tr("生成反馈单…"), self.tr("按这条建议预先填好一张反馈单（Enter）")
        )
        self.dismiss_button = self._button(self.tr("忽略"), self.tr("不需要填写反馈单"))
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
            lambda *_: self._update_buttons()
        )
        return tab

    def _build_followups(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        self.new_followup_button = self._button(
            self.tr("新建…"), self.tr("记下电访员反馈或其他要跟进的事（Ctrl+Shift+N）")
        )
        self.close_followup_button = self._button(
            self.tr("关闭…"), self.tr("写明处理结果，关闭选中的跟踪事项")
        )
        self.closed_check = QCheckBox(self.tr("显示已关闭的"))
        self.followup_count = QLabel()
        self.followup_count.setObjectName("countLabel")
        top.addWidget(self.new_followup_button)
        top.addWidget(self.close_followup_button)
        top.addSpacing(12)
        top.addWidget(self.closed_check)
        top.addStretch(1)
        top.addWidget(self.followup_count)
        layout.addLayout(top)
        self.close_bar = QFrame()
        self.close_bar.setObjectName("reasonBar")
        bar = QHBoxLayout(self.close_bar)
        bar.setContentsMargins(10, 6, 10, 6)
        self.close_prompt = QLabel()
        self.close_prompt.setObjectName("draftText")
        self.close_note = QLineEdit()
        self.close_note.setMaxLength(500)
        self.close_note.setMinimumHeight(30)
        self.close_note.setPlaceholderText(self.tr("处理结果，如：已协调配送中心补货"))
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
        layout.addWidget(self.close_bar)
        self.followup_model = FollowUpTableModel(self)
        self.followup_table = RowTableView(self)
        self.followup_table.set_row_model(self.followup_model)
        self.followup_table.setAccessibleName(self.tr("跟踪事项"))
        layout.addWidget(self.followup_table, 1)
        self._closing_id: str | None = None
        self.new_followup_button.clicked.connect(lambda: self.new_followup())
        self.close_followup_button.clicked.connect(self.ask_close_followup)
        self.followup_table.open_requested.connect(lambda _r: self.ask_close_followup())
        self.closed_check.toggled.connect(lambda _c: self.reload_followups())
        self.close_ok.clicked.connect(self.close_followup)
        self.close_cancel.clicked.connect(self._cancel_close)
        self.close_note.returnPressed.connect(self.close_followup)
        self.close_note.installEventFilter(self)
        self.followup_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_buttons()
        )
        return tab

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setMinimumHeight(34)
        return button

    def _actions(self) -> None:
        def add(keys: tuple[str, ...], slot: Callable[[], Any]) -> None:
            action = QAction(self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False: slot())
            self.addAction(action)

        add(("Ctrl+N",), self.new_slip)
        add(("Ctrl+Shift+N",), self.new_followup)

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

    def slip_filter(self) -> SlipFilter:
        dated = self.date_check.isChecked()
        return SlipFilter(
            open_only=self.open_check.isChecked(),
            department=self.dept_combo.currentData(),
            start=_pydate(self.start_edit.date()) if dated else None,
            end=_pydate(self.end_edit.date()) if dated else None,
            search=self.search.text().strip(),
        )

    def reload_slips(self) -> None:
        f = self.slip_filter()
        self.ctx.ops.query(
            lambda j: load_slips(j, f),
            self._slips_loaded,
            self._load_failed("slips"),
            key="slips.list",
            what=self.tr("读取反馈单"),
        )

    def _slips_loaded(self, rows: list[SlipRow]) -> None:
        """The list; the detail keeps showing the slip it showed, even when the filters no
        longer let it in (a slip just 办结 under 只看未办结 stays on screen)."""
        today = self.ctx.today()
        shown = self.slip.id if self.slip is not None else None
        keep = self._select_id or self._current_id() or shown
        self._select_id = None
        self._loading = True
        self.model.today = today
        self.model.set_rows(rows)
        overdue = sum(1 for r in rows if r.overdue(today))
        text = self.tr("共 {n} 张").format(n=len(rows))
        if overdue:
            text += self.tr("，超期 {n} 张").format(n=overdue)
        self.count_label.setText(text)
        row = self.model.row_of(lambda r: r.id == keep) if keep else -1
        if row < 0 and keep is None and rows:
            row = 0
        if row >= 0:
            self.table.select_row(row)
        self._loading = False
        target = self.model.row_at(row).id if row >= 0 else keep
        if target is not None:
            if not self.is_ready:
                self._waiting.add("detail")  # ready once the first slip's detail is shown
            self.load_detail(target)
        else:
            self.show_slip(None)
        self._ready("slips")

    def _load_failed(self, part: str) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            self.ctx.ops.report(exc, what=self.tr("读取反馈单"), write=False)
            self._ready(part)

        return failed

    def _ready(self, part: str) -> None:
        self._waiting.discard(part)
        if not self._waiting:
            self.mark_ready()

    def reload_suggestions(self) -> None:
        self.ctx.ops.query(
            load_suggestions,
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
        self.tabs.setTabText(1, title)
        self._update_buttons()
        self._ready("suggestions")

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
        self.tabs.setTabText(2, title)
        self._update_buttons()
        self._ready("followups")

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

    def _dates_toggled(self, on: bool) -> None:
        self.start_edit.setEnabled(on)
        self.end_edit.setEnabled(on)
        self.reload_slips()

    def _go_to_results(self) -> None:
        if self.model.rowCount() and self.table.current_row() < 0:
            self.table.select_row(0)
        self.table.setFocus()

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

    # --- selection and the detail ----------------------------------------------------------------
    def _current_id(self) -> str | None:
        row = self.model.row_at(self.table.current_row())
        return row.id if row is not None else None

    def _selection_changed(self) -> None:
        if self._loading:
            return
        slip_id = self._current_id()
        if slip_id is not None and (self.slip is None or self.slip.id != slip_id):
            self.load_detail(slip_id)
        self._update_buttons()

    def load_detail(self, slip_id: str) -> None:
        what = self.tr("读取反馈单")

        def failed(exc: BaseException) -> None:
            self.ctx.ops.report(exc, what=what, write=False)
            self._ready("detail")

        self.ctx.ops.query(
            lambda j: j.slips.get(slip_id), self.show_slip, failed, key="slips.detail", what=what
        )

    def show_slip(self, view: SlipView | None) -> None:
        current = self._current_id()
        if view is not None and current is not None and current != view.id:
            return  # another slip was selected meanwhile
        self.slip = view
        self.detail.show_slip(view, self.ctx.today(), self.actor)
        self._update_buttons()
        self._ready("detail")

    def open_row(self, row: int) -> None:
        """Enter on a slip: its detail, the cursor on its first action."""
        slip = self.model.row_at(row)
        if slip is None:
            return
        if self.slip is None or self.slip.id != slip.id:
            self.load_detail(slip.id)
        self.detail.ensureVisible(0, 0)
        self.detail.focus_first_action()

    def select_slip(self, slip_id: str) -> None:
        """Show this slip: in the list when the filters let it in (they are widened if not)."""
        self.tabs.setCurrentIndex(0)
        row = self.model.row_of(lambda r: r.id == slip_id)
        if row >= 0:
            self.table.select_row(row)
            self.load_detail(slip_id)
            return
        self._select_id = slip_id
        for widget in (self.search, self.date_check, self.dept_combo):
            widget.blockSignals(True)
        self.search.clear()
        self.date_check.setChecked(False)
        self.start_edit.setEnabled(False)
        self.end_edit.setEnabled(False)
        self.dept_combo.setCurrentIndex(0)
        for widget in (self.search, self.date_check, self.dept_combo):
            widget.blockSignals(False)
        self.reload_slips()

    def _update_buttons(self) -> None:
        slip = self.slip
        pending = bool(slip and any(d.state == "pending" for d in slip.deliveries))
        self.send_button.setEnabled(pending)
        self.export_button.setEnabled(slip is not None)
        has_suggestion = self._current_suggestion() is not None
        self.make_button.setEnabled(has_suggestion)
        self.dismiss_button.setEnabled(has_suggestion)
        fu = self._current_followup()
        self.close_followup_button.setEnabled(fu is not None and fu.status == "open")

    # --- writing slips ---------------------------------------------------------------------------
    def new_slip(self, data: SlipInput | None = None) -> SlipDialog:
        from fieldbook.qt.dialogs.slip_dialog import SlipDialog

        dialog = SlipDialog(self.ctx, data, self)
        dialog.saved.connect(lambda view: self.select_slip(view.id))
        dialog.finished.connect(lambda _r: self.table.setFocus())
        self.dialog = dialog
        dialog.open()
        return dialog

    def send_current(self) -> None:
        slip = self.slip
        if slip is None:
            return
        slip_id, at = slip.id, self.ctx.now()
        actor = self.actor

        def done(view: SlipView) -> None:
            self.show_slip(view)
            self.ctx.ops.message.emit(self.tr("已发送反馈单 {number}").format(number=view.number))

        self.ctx.ops.write(
            lambda j: j.slips.send(slip_id, actor=actor, at=at), done, what=self.tr("发送反馈单")
        )

    def move(
        self,
        row: DeliveryRow,
        delivery_id: str,
        target: str,
        actor: str,
        note: str,
        reason: str,
        answer: str | None,
    ) -> None:
        """A department's delivery moves (its row's bar asked for it)."""
        at = self.ctx.now()
        actor = actor or self.actor

        def work(j: Journal) -> SlipView:
            return j.slips.advance(
                delivery_id, target, actor=actor, note=note, reason=reason, answer=answer, at=at
            )

        def done(view: SlipView) -> None:
            row.move_done()
            self.show_slip(view)
            if view.status == "done":
                self.ctx.ops.message.emit(
                    self.tr("反馈单 {number} 已办结").format(number=view.number)
                )

        def failed(exc: BaseException) -> None:
            from fieldbook.wording import describe_error

            row.move_failed(self.tr("没有改动：{reason}").format(reason=describe_error(exc)))
            if not isinstance(exc, FieldbookError):
                self.ctx.ops.report(exc, what=self.tr("办理反馈单"), write=True)

        self.ctx.ops.write(work, done, failed, what=self.tr("办理反馈单"))

    # --- attachments ------------------------------------------------------------------------------
    def choose_attachments(self) -> QFileDialog | None:
        if self.slip is None:
            return None
        dialog = QFileDialog(self, self.tr("添加附件"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters(
            [
                self.tr("图片和文档 (*.jpg *.jpeg *.png *.pdf *.docx *.xlsx)"),
                self.tr("所有文件 (*)"),
            ]
        )
        slip_id = self.slip.id
        dialog.filesSelected.connect(lambda names: [self.attach(slip_id, Path(n)) for n in names])
        self._file_dialog = dialog
        dialog.open()
        return dialog

    def attach(self, slip_id: str, path: Path) -> None:
        from fieldbook.qt.pages.slip_data import attach

        self.ctx.ops.write(
            lambda j: attach(j, slip_id, path),
            lambda _a: self.ctx.ops.message.emit(
                self.tr("已添加附件 {name}").format(name=path.name)
            ),
            what=self.tr("添加附件 {name}").format(name=path.name),
        )

    def open_attachment(self, path: Path) -> None:
        if not Path(path).exists():
            self.ctx.ops.message.emit(self.tr("找不到附件文件：{path}").format(path=path))
            return
        if not self.open_file(Path(path)):
            self.ctx.ops.message.emit(self.tr("无法打开附件：{path}").format(path=path))

    # --- files ------------------------------------------------------------------------------------
    def choose_form_file(self) -> QFileDialog | None:
        slip = self.slip
        if slip is None:
            return None
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = self.tr("反馈单_{number}.xlsx").format(number=slip.number)
        dialog = QFileDialog(self, self.tr("导出反馈单"), str(Path(folder) / name))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Excel 工作簿 (*.xlsx)"))
        dialog.setDefaultSuffix("xlsx")
        slip_id = slip.id
        dialog.fileSelected.connect(lambda path: self.export_form_to(slip_id, Path(path)))
        self._file_dialog = dialog
        dialog.open()
        return dialog

    def export_form_to(self, slip_id: str, path: Path) -> None:
        from fieldbook.qt.pages.slip_data import export_form

        def done(written: Path) -> None:
            self.ctx.ops.message.emit(self.tr("反馈单已导出：{path}").format(path=written))

        self.ctx.ops.write(
            lambda j: export_form(j, slip_id, path), done, what=self.tr("导出反馈单")
        )

    def export_register(self) -> RegisterDialog:
        from fieldbook.qt.dialogs.register_dialog import RegisterDialog

        dialog = RegisterDialog(self.ctx, self, department=self.dept_combo.currentData())
        self.dialog = dialog
        dialog.open()
        return dialog

    def import_answers(self) -> AnswersDialog:
        from fieldbook.qt.dialogs.answers_dialog import AnswersDialog

        dialog = AnswersDialog(self.ctx, self)
        self.dialog = dialog
        dialog.open()
        dialog.choose_file()
        return dialog

    # --- suggestions ------------------------------------------------------------------------------
    def _current_suggestion(self) -> SuggestionRow | None:
        return self.suggestion_model.row_at(self.suggestion_table.current_row())

    def make_from_suggestion(self, row: int | None = None) -> None:
        from fieldbook.qt.pages.slip_data import prefill_from_suggestion

        suggestion = (
            self.suggestion_model.row_at(row) if row is not None else self._current_suggestion()
        )
        if suggestion is None:
            return
        sid = suggestion.id
        self.ctx.ops.query(
            lambda j: prefill_from_suggestion(j, sid),
            self.new_slip,
            key="slips.prefill",
            what=self.tr("读取走访建议"),
        )

    def dismiss_suggestion(self) -> None:
        suggestion = self._current_suggestion()
        if suggestion is None:
            return
        sid, category, shop = suggestion.id, suggestion.category, suggestion.shop_name

        def done(_none: object) -> None:
            self.ctx.ops.message.emit(
                self.tr("已忽略：{shop} 的{category}建议").format(
                    shop=shop, category=category_name(category)
                )
            )

        self.ctx.ops.write(
            lambda j: j.slips.dismiss_suggestion(sid), done, what=self.tr("忽略建议")
        )

    # --- follow-ups -------------------------------------------------------------------------------
    def _current_followup(self) -> FollowUpView | None:
        return self.followup_model.row_at(self.followup_table.current_row())

    def new_followup(self, customer_id: str | None = None) -> FollowUpDialog:
        from fieldbook.qt.dialogs.followup_dialog import FollowUpDialog

        self.tabs.setCurrentIndex(2)
        dialog = FollowUpDialog(self.ctx, self, customer_id=customer_id)
        dialog.finished.connect(lambda _r: self.followup_table.setFocus())
        self.dialog = dialog
        dialog.open()
        return dialog

    def ask_close_followup(self) -> None:
        fu = self._current_followup()
        if fu is None or fu.status != "open":
            return
        self._closing_id = fu.id
        text = fu.text if len(fu.text) <= 24 else fu.text[:23] + "…"
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
        note, by, at = self.close_note.text().strip(), self.actor, self.ctx.now()

        def done(view: FollowUpView) -> None:
            self._closing_id = None
            self.close_note.clear()
            self.close_bar.hide()
            self.followup_table.setFocus()
            self.ctx.ops.message.emit(self.tr("已关闭跟踪事项：{shop}").format(shop=view.shop_name))

        def failed(exc: BaseException) -> None:
            from fieldbook.wording import describe_error

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
