"""The 反馈单 tab of the 反馈单 page: the slips (each department's state as a chip, overdue rows in
red), filtered by 未办结, department, date range and number/customer, with the selected slip's
detail below and what is done to it there: send, a department's next move, attachments, the
printable form. Enter on a slip goes to its detail; the detail keeps the slip it shows when the
filters no longer let it in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QSplitter,
)

from fieldbook.core.errors import FieldbookError
from fieldbook.core.slips.rules import slip_rules
from fieldbook.messages import describe_error
from fieldbook.qt.context import AppContext
from fieldbook.qt.models.slip_models import ChipDelegate, SlipTableModel
from fieldbook.qt.operations.slip_files import export_form
from fieldbook.qt.operations.slips import SlipFilter, attach, load_slips
from fieldbook.qt.pages.slips_base import SlipsTabBase
from fieldbook.qt.printing.form_printing import Form, FormPrinting
from fieldbook.qt.slip_format import department_name
from fieldbook.qt.widgets.delivery_row import DeliveryRow
from fieldbook.qt.widgets.save_dialog import ask_save_xlsx
from fieldbook.qt.widgets.search_box import SearchBox
from fieldbook.qt.widgets.slip_detail import SlipDetail
from fieldbook.qt.widgets.table_view import RowTableView

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.core.slips.service import SlipRow, SlipView


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class SlipsTab(SlipsTabBase):
    #: The list is about to load the first slip's detail: the page waits for it too.
    detail_pending = Signal()

    def __init__(
        self, ctx: AppContext, actor: Callable[[], str], open_file: Callable[[Path], bool]
    ) -> None:
        super().__init__(ctx, actor)
        self.slip: SlipView | None = None
        self._select_id: str | None = None
        self._loading = False
        #: How an attachment is opened (the page's ``open_file``, which tests replace).
        self.open_file = open_file
        self._file_dialog: QFileDialog | None = None
        layout = self.tab_layout()
        layout.setSpacing(8)
        layout.addLayout(self._build_actions())
        layout.addLayout(self._build_filters())
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
        self.send_button.clicked.connect(self.send_current)
        self.export_button.clicked.connect(self.choose_form_file)
        self.detail.move_requested.connect(self.move)
        self.detail.attach_requested.connect(self.choose_attachments)
        self.detail.open_requested.connect(self.open_attachment)
        self.setTabOrder(self.search, self.table)

    # --- layout ----------------------------------------------------------------------------------
    def _build_actions(self) -> QHBoxLayout:  # 新建, 导出登记表, 导入部门答复: the page's dialogs
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
        self.printing = FormPrinting(self, self.ctx, self._printable)
        for button in (self.new_button, self.send_button, self.export_button):
            actions.addWidget(button)
        actions.addWidget(self.printing.button)
        actions.addStretch(1)
        actions.addWidget(self.register_button)
        actions.addWidget(self.answers_button)
        return actions

    def _build_filters(self) -> QHBoxLayout:
        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.search = SearchBox(self)
        self.search.setPlaceholderText(self.tr("搜索单号、客户编码或名称  Ctrl+F"))
        self.search.setAccessibleName(self.tr("搜索反馈单"))
        self.open_check = QCheckBox(self.tr("只看未办结"))
        self.open_check.setChecked(True)
        self.dept_combo = QComboBox()
        self.dept_combo.addItem(self.tr("全部部门"), None)
        for code in slip_rules().departments:
            self.dept_combo.addItem(department_name(code), code)
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
        return filters

    # --- loading ---------------------------------------------------------------------------------
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
            self.detail_pending.emit()
            self.load_detail(target)
        else:
            self.show_slip(None)
        self.loaded.emit("slips")

    def _dates_toggled(self, on: bool) -> None:
        self.start_edit.setEnabled(on)
        self.end_edit.setEnabled(on)
        self.reload_slips()

    def _go_to_results(self) -> None:
        if self.model.rowCount() and self.table.current_row() < 0:
            self.table.select_row(0)
        self.table.setFocus()

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
        self.state_changed.emit()

    def load_detail(self, slip_id: str) -> None:
        what = self.tr("读取反馈单")

        def failed(exc: BaseException) -> None:
            self.ctx.ops.report(exc, what=what, write=False)
            self.loaded.emit("detail")

        self.ctx.ops.query(
            lambda j: j.slips.get(slip_id), self.show_slip, failed, key="slips.detail", what=what
        )

    def show_slip(self, view: SlipView | None) -> None:
        current = self._current_id()
        if view is not None and current is not None and current != view.id:
            return  # another slip was selected meanwhile
        self.slip = view
        self.detail.show_slip(view, self.ctx.today(), self.actor_name())
        self.state_changed.emit()
        self.loaded.emit("detail")

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

    def update_buttons(self) -> None:
        slip = self.slip
        pending = bool(slip and any(d.state == "pending" for d in slip.deliveries))
        self.send_button.setEnabled(pending)
        self.export_button.setEnabled(slip is not None)
        self.printing.refresh()

    # --- sending and moving ----------------------------------------------------------------------
    def send_current(self) -> None:
        slip = self.slip
        if slip is None:
            return
        slip_id, at = slip.id, self.ctx.now()
        actor = self.actor_name()

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
        actor = actor or self.actor_name()

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
            row.move_failed(self.tr("没有改动：{reason}").format(reason=describe_error(exc)))
            if not isinstance(exc, FieldbookError):
                self.ctx.ops.report(exc, what=self.tr("办理反馈单"), write=True)

        self.ctx.ops.write(work, done, failed, what=self.tr("办理反馈单"))

    # --- attachments -----------------------------------------------------------------------------
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

    # --- the printable form ----------------------------------------------------------------------
    def choose_form_file(self) -> QFileDialog | None:
        slip = self.slip
        if slip is None:
            return None
        name = self.tr("反馈单_{number}.xlsx").format(number=slip.number)
        slip_id = slip.id
        dialog = ask_save_xlsx(
            self, self.tr("导出反馈单"), name, lambda path: self.export_form_to(slip_id, path)
        )
        self._file_dialog = dialog
        return dialog

    def _printable(self) -> Form | None:
        """The slip form of the selected slip."""
        slip = self.slip
        if slip is None:
            return None
        name, slip_id = self.tr("反馈单_{number}").format(number=slip.number), slip.id
        return Form(self.tr("反馈单"), name, lambda j, path: export_form(j, slip_id, path))

    def export_form_to(self, slip_id: str, path: Path) -> None:
        def done(written: Path) -> None:
            self.ctx.ops.message.emit(self.tr("反馈单已导出：{path}").format(path=written))

        self.ctx.ops.write(
            lambda j: export_form(j, slip_id, path), done, what=self.tr("导出反馈单")
        )
