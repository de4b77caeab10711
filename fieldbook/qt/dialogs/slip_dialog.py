"""新建反馈单: one feedback slip — the customer (the customers search; for 新增 a shop without
a record yet), category and sub-reason, the dates and SKUs the category needs, the description,
the departments (preselected from the category, editable) and files to attach.

Opened with ``open()``. The core checks the slip; a problem is shown in the dialog next to the
field and everything typed stays. Esc asks before throwing typed input away."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.errors import FieldbookError, InvalidValue
from fieldbook.core.slips.service import Category, SlipInput, slip_rules
from fieldbook.qt.context import AppContext
from fieldbook.qt.widgets.customer_picker import CustomerPicker
from fieldbook.qt.widgets.date_field import DateField

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.core.master.catalog import SkuRow
    from fieldbook.core.slips.service import SlipView

ID_ROLE = Qt.ItemDataRole.UserRole
NEW_FIELDS = (
    ("shop_name", "客户名称 *"),
    ("owner_name", "负责人"),
    ("phone", "联系电话"),
    ("address", "经营地址"),
    ("licence_no", "许可证号"),
)


def _repolish(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


class SlipDialog(QDialog):
    #: The slip the core created (SlipView), after the database committed.
    saved = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        data: SlipInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rules = slip_rules()
        self.source_visit_id = data.source_visit_id if data else None
        self.source_suggestion_id = data.source_suggestion_id if data else None
        self.saving = False
        self.attachments: list[Path] = []
        self._sku_ids: set[str] = set(data.sku_ids) if data else set()
        self._skus_loaded = False
        self._file_dialog: QFileDialog | None = None
        self.discard_box: QMessageBox | None = None
        self.setWindowTitle(
            self.tr("生成反馈单（来自走访建议）")
            if self.source_suggestion_id
            else self.tr("新建反馈单")
        )
        self.resize(900, 500)
        self.setSizeGripEnabled(True)
        self._build()
        self.show_input(
            data or SlipInput(category=next(iter(self.rules.categories)), description="")
        )
        self._snapshot = self._state()
        if data is not None and data.customer_id:
            self.description_edit.setFocus()
        else:
            self.picker.setFocus()

    # --- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        left = QFormLayout()
        left.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        left.setVerticalSpacing(8)
        self.left_form = left
        customer_box = QWidget()
        customer_layout = QVBoxLayout(customer_box)
        customer_layout.setContentsMargins(0, 0, 0, 0)
        self.picker = CustomerPicker(self.ctx)
        self.new_check = QCheckBox(self.tr("新客户，还没有客户档案（办结后自动建档）"))
        self.new_box = QFrame()
        new_form = QFormLayout(self.new_box)
        new_form.setContentsMargins(0, 0, 0, 0)
        self.new_edits: dict[str, QLineEdit] = {}
        for name, label in NEW_FIELDS:
            edit = QLineEdit()
            edit.setMaxLength(200 if name == "address" else 60)
            self.new_edits[name] = edit
            new_form.addRow(self.tr(label), edit)
        customer_layout.addWidget(self.picker)
        customer_layout.addWidget(self.new_check)
        customer_layout.addWidget(self.new_box)
        left.addRow(self.tr("客户 *"), customer_box)

        self.category_combo = QComboBox()
        for code, category in self.rules.categories.items():
            self.category_combo.addItem(category.name, code)
        self.category_combo.setAccessibleName(self.tr("类别"))
        self.sub_combo = QComboBox()
        self.sub_combo.setAccessibleName(self.tr("细分原因"))
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.category_combo, 1)
        kind_row.addWidget(QLabel(self.tr("细分原因")))
        kind_row.addWidget(self.sub_combo, 1)
        left.addRow(self.tr("类别 *"), kind_row)
        today = self.ctx.today
        self.effective_edit = DateField("effective_date", today)
        self.effective_edit.setAccessibleName(self.tr("生效日期"))
        self.return_edit = DateField("return_date", today)
        self.return_edit.setAccessibleName(self.tr("恢复日期"))
        left.addRow(self.tr("生效日期 *"), self.effective_edit)
        left.addRow(self.tr("恢复日期 *"), self.return_edit)

        right = QFormLayout()
        right.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        right.setVerticalSpacing(8)
        self.right_form = right
        self.description_edit = QPlainTextEdit()
        self.description_edit.setPlaceholderText(
            self.tr("写清楚发现了什么、在哪里、涉及哪些规格，需要各部门做什么")
        )
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMinimumHeight(110)
        self.description_edit.setMaximumHeight(160)
        self.description_edit.setAccessibleName(self.tr("情况说明"))
        right.addRow(self.tr("情况说明 *"), self.description_edit)
        self.sku_box = QWidget()
        sku_layout = QVBoxLayout(self.sku_box)
        sku_layout.setContentsMargins(0, 0, 0, 0)
        self.sku_filter = QLineEdit()
        self.sku_filter.setPlaceholderText(self.tr("筛选规格名称或编码"))
        self.sku_filter.setClearButtonEnabled(True)
        self.sku_list = QListWidget()
        self.sku_list.setMaximumHeight(130)
        self.sku_list.setAccessibleName(self.tr("卷烟规格"))
        self.sku_count = QLabel()
        self.sku_count.setObjectName("hintLabel")
        sku_layout.addWidget(self.sku_filter)
        sku_layout.addWidget(self.sku_list)
        sku_layout.addWidget(self.sku_count)
        right.addRow(self.tr("卷烟规格 *"), self.sku_box)
        dept_box = QWidget()
        dept_layout = QHBoxLayout(dept_box)
        dept_layout.setContentsMargins(0, 0, 0, 0)
        self.dept_checks: dict[str, QCheckBox] = {}
        for code, name in self.rules.departments.items():
            check = QCheckBox(name)
            self.dept_checks[code] = check
            dept_layout.addWidget(check)
        dept_layout.addStretch(1)
        self.dept_box = dept_box
        right.addRow(self.tr("发送给 *"), dept_box)
        attach_box = QWidget()
        attach_layout = QGridLayout(attach_box)
        attach_layout.setContentsMargins(0, 0, 0, 0)
        self.attach_list = QListWidget()
        self.attach_list.setMaximumHeight(64)
        self.attach_add = QPushButton(self.tr("添加…"))
        self.attach_add.setAutoDefault(False)
        self.attach_remove = QPushButton(self.tr("移除"))
        self.attach_remove.setAutoDefault(False)
        attach_layout.addWidget(self.attach_list, 0, 0, 2, 1)
        attach_layout.addWidget(self.attach_add, 0, 1)
        attach_layout.addWidget(self.attach_remove, 1, 1)
        right.addRow(self.tr("附件"), attach_box)
        self.hint_label = QLabel()
        self.hint_label.setObjectName("hintLabel")
        self.hint_label.setWordWrap(True)
        right.addRow("", self.hint_label)

        columns = QHBoxLayout()
        columns.setSpacing(18)
        for form in (left, right):
            column = QVBoxLayout()
            column.addLayout(form)
            column.addStretch(1)
            columns.addLayout(column, 1)

        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("保存为草稿（Ctrl+Enter），稍后再发送"))
        self.send_button = QPushButton(self.tr("保存并发送"))
        self.send_button.setAutoDefault(False)
        self.send_button.setToolTip(self.tr("保存，并发送给选中的部门"))
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.save_button, self.send_button, self.cancel_button):
            button.setMinimumHeight(34)
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

        self.category_combo.currentIndexChanged.connect(lambda _i: self._category_changed())
        self.new_check.toggled.connect(self._new_toggled)
        self.picker.chosen.connect(lambda _id: self.category_combo.setFocus())
        self.sku_filter.textChanged.connect(self._filter_skus)
        self.sku_list.itemChanged.connect(self._sku_toggled)
        self.attach_add.clicked.connect(self.choose_attachment)
        self.attach_remove.clicked.connect(self._remove_attachment)
        self.save_button.clicked.connect(lambda: self.save(send=False))
        self.send_button.clicked.connect(lambda: self.save(send=True))
        self.cancel_button.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda: self.save(send=False))

    # --- the category decides what is asked ---------------------------------------------------
    def category(self) -> Category:
        return self.rules.categories[self.category_combo.currentData()]

    def _category_changed(self, *, keep_departments: bool = False) -> None:
        category = self.category()
        current = self.sub_combo.currentText()
        self.sub_combo.clear()
        self.sub_combo.addItem(self.tr("（不填）"), "")
        for sub in category.sub_reasons:
            self.sub_combo.addItem(sub, sub)
        index = self.sub_combo.findData(current) if current else -1
        self.sub_combo.setCurrentIndex(max(index, 0))
        self.left_form.setRowVisible(self.effective_edit, category.needs_effective_date)
        self.left_form.setRowVisible(self.return_edit, category.needs_return_date)
        self.right_form.setRowVisible(self.sku_box, category.needs_skus)
        is_new = category.code == "new"
        self.new_check.setVisible(is_new)
        self._new_toggled(self.new_check.isChecked())
        if not keep_departments:
            for code, check in self.dept_checks.items():
                check.setChecked(code in category.departments)
        hints = []
        if category.needs_attachment:
            hints.append(
                self.tr("{name}需附现场照片等证据：可在这里添加，也可保存后在详情中添加。")
            )
        if category.needs_effective_date and category.needs_return_date:
            hints.append(self.tr("生效日期是{name}开始的日期，恢复日期是预计恢复营业的日期。"))
        self.hint_label.setText(" ".join(h.format(name=category.name) for h in hints))
        self.hint_label.setVisible(bool(hints))
        if category.needs_skus:
            self._load_skus()

    def _new_toggled(self, checked: bool) -> None:
        new = checked and self.category().code == "new"
        self.new_box.setVisible(new)
        self.picker.setEnabled(not new)

    def _load_skus(self) -> None:
        if self._skus_loaded:
            return
        self._skus_loaded = True
        self.ctx.ops.query(
            lambda j: [s for s in j.catalog.list() if s.on_market or s.id in self._sku_ids],
            self._show_skus,
            key="slip_dialog.skus",
            what=self.tr("读取卷烟规格"),
        )

    def _show_skus(self, rows: list[SkuRow]) -> None:
        self.sku_list.blockSignals(True)
        self.sku_list.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.name}　{row.code}")
            item.setData(ID_ROLE, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if row.id in self._sku_ids else Qt.CheckState.Unchecked
            )
            self.sku_list.addItem(item)
        self.sku_list.blockSignals(False)
        self._filter_skus(self.sku_filter.text())
        self._count_skus()

    def _filter_skus(self, text: str) -> None:
        words = text.lower().split()
        for n in range(self.sku_list.count()):
            item = self.sku_list.item(n)
            item.setHidden(not all(w in item.text().lower() for w in words))

    def _sku_toggled(self, item: QListWidgetItem) -> None:
        sku_id = item.data(ID_ROLE)
        if item.checkState() == Qt.CheckState.Checked:
            self._sku_ids.add(sku_id)
        else:
            self._sku_ids.discard(sku_id)
        self._count_skus()

    def _count_skus(self) -> None:
        self.sku_count.setText(self.tr("已选 {n} 个规格").format(n=len(self._sku_ids)))

    def check_sku(self, sku_id: str, checked: bool = True) -> None:
        for n in range(self.sku_list.count()):
            item = self.sku_list.item(n)
            if item.data(ID_ROLE) == sku_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    # --- attachments chosen before saving -----------------------------------------------------
    def choose_attachment(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("选择附件"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters(
            [
                self.tr("图片和文档 (*.jpg *.jpeg *.png *.pdf *.docx *.xlsx)"),
                self.tr("所有文件 (*)"),
            ]
        )
        dialog.filesSelected.connect(lambda names: [self.add_attachment(Path(n)) for n in names])
        self._file_dialog = dialog
        dialog.open()
        return dialog

    def add_attachment(self, path: Path) -> None:
        if path in self.attachments:
            return
        self.attachments.append(path)
        item = QListWidgetItem(path.name)
        item.setToolTip(str(path))
        self.attach_list.addItem(item)

    def _remove_attachment(self) -> None:
        row = self.attach_list.currentRow()
        if 0 <= row < len(self.attachments):
            self.attachments.pop(row)
            self.attach_list.takeItem(row)

    # --- widgets <-> SlipInput --------------------------------------------------------------------
    def show_input(self, data: SlipInput) -> None:
        index = self.category_combo.findData(data.category)
        self.category_combo.blockSignals(True)
        self.category_combo.setCurrentIndex(max(index, 0))
        self.category_combo.blockSignals(False)
        self._category_changed()
        self.sub_combo.setCurrentIndex(max(self.sub_combo.findData(data.sub_reason), 0))
        if data.customer_id:
            self.picker.choose(data.customer_id)
        elif data.snapshot:
            self.new_check.setChecked(True)
            for name, edit in self.new_edits.items():
                edit.setText(str(data.snapshot.get(name, "") or ""))
        self.effective_edit.set_value(data.effective_date)
        self.return_edit.set_value(data.return_date)
        self.description_edit.setPlainText(data.description)
        if data.departments is not None:
            for code, check in self.dept_checks.items():
                check.setChecked(code in data.departments)

    def collect(self) -> SlipInput:
        """The slip as typed (raises InvalidValue naming the field for what the core cannot
        check itself: an unparsable date, no customer chosen, no department)."""
        category = self.category()
        new = category.code == "new" and self.new_check.isChecked()
        snapshot = None
        customer_id = None
        if new:
            snapshot = {name: edit.text().strip() for name, edit in self.new_edits.items()}
            if not snapshot["shop_name"]:
                raise InvalidValue("required", field="shop_name")
        else:
            customer_id = self.picker.customer_id
            if customer_id is None:
                raise InvalidValue("required", field="customer")
        effective = self.effective_edit.value() if category.needs_effective_date else None
        returning = self.return_edit.value() if category.needs_return_date else None
        departments = tuple(code for code, check in self.dept_checks.items() if check.isChecked())
        if not departments:
            raise InvalidValue("required", field="departments")
        skus = tuple(sorted(self._sku_ids)) if category.needs_skus else ()
        return SlipInput(
            category=category.code,
            description=self.description_edit.toPlainText().strip(),
            customer_id=customer_id,
            sub_reason=self.sub_combo.currentData() or "",
            effective_date=effective,
            return_date=returning,
            sku_ids=skus,
            departments=departments,
            source_visit_id=self.source_visit_id,
            source_suggestion_id=self.source_suggestion_id,
            snapshot=snapshot,
        )

    def _state(self) -> tuple[Any, ...]:
        return (
            self.picker.customer_id,
            self.category_combo.currentIndex(),
            self.sub_combo.currentIndex(),
            self.effective_edit.text(),
            self.return_edit.text(),
            self.description_edit.toPlainText(),
            tuple(sorted(self._sku_ids)),
            tuple(c.isChecked() for c in self.dept_checks.values()),
            self.new_check.isChecked(),
            tuple(e.text() for e in self.new_edits.values()),
            tuple(self.attachments),
        )

    def is_dirty(self) -> bool:
        return self._state() != self._snapshot

    # --- errors -----------------------------------------------------------------------------------
    def _field_widget(self, field: str) -> QWidget | None:
        return {
            "customer": self.picker,
            "shop_name": self.new_edits["shop_name"],
            "category": self.category_combo,
            "sub_reason": self.sub_combo,
            "effective_date": self.effective_edit.edit,
            "return_date": self.return_edit.edit,
            "sku_ids": self.sku_list,
            "description": self.description_edit,
            "departments": self.dept_box,
        }.get(field)

    def show_error(self, exc: BaseException) -> None:
        from fieldbook.messages import describe_error

        self.clear_error()
        self.error_label.setText(describe_error(exc))
        self.error_label.show()
        field = exc.data.get("field") if isinstance(exc, FieldbookError) else None
        widget = self._field_widget(str(field)) if field else None
        if widget is not None:
            if widget is self.picker:
                self.picker.set_invalid(True)
            else:
                widget.setProperty("invalid", True)
                _repolish(widget)
            self._invalid = widget
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_error(self) -> None:
        self.error_label.hide()
        self.error_label.clear()
        widget = getattr(self, "_invalid", None)
        if widget is self.picker:
            self.picker.set_invalid(False)
        elif widget is not None:
            widget.setProperty("invalid", False)
            _repolish(widget)
        self._invalid = None

    # --- saving -----------------------------------------------------------------------------------
    def save(self, *, send: bool = False) -> None:
        if self.saving:
            return
        try:
            data = self.collect()
        except InvalidValue as exc:
            self.show_error(exc)
            return
        self.clear_error()
        self.saving = True
        self._enable(False)
        at = self.ctx.now()
        self.ctx.ops.write(
            lambda j: j.slips.create(data, at=at),
            lambda view: self._saved(view, send),
            self._save_failed,
            what=self.tr("保存反馈单"),
        )

    def _enable(self, on: bool) -> None:
        for button in (self.save_button, self.send_button):
            button.setEnabled(on)

    def _saved(self, view: SlipView, send: bool) -> None:
        from fieldbook.qt.operations.slips import attach, manager_name

        self.saving = False
        self._enable(True)
        slip_id = view.id
        ops = self.ctx.ops
        for path in self.attachments:
            ops.write(
                lambda j, p=path: attach(j, slip_id, p),
                what=self.tr("添加附件 {name}").format(name=path.name),
            )
        if send:
            at = self.ctx.now()

            def send_all(j: Journal) -> SlipView:
                return j.slips.send(slip_id, actor=manager_name(j), at=at)

            ops.write(send_all, what=self.tr("发送反馈单"))
        ops.message.emit(self.tr("已保存反馈单 {number}").format(number=view.number))
        self.saved.emit(view)
        super().accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.saving = False
        self._enable(True)
        if isinstance(exc, FieldbookError):
            self.show_error(exc)
        else:
            self.ctx.ops.report(exc, what=self.tr("保存反馈单"), write=True)

    def accept(self) -> None:
        self.save(send=False)

    def reject(self) -> None:
        if self.saving:
            return
        if not self.is_dirty():
            super().reject()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("放弃这张反馈单？"),
            self.tr("这张反馈单还没有保存。要放弃已填写的内容吗？"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("放弃"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("继续填写"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._discard_answered)
        self.discard_box = box
        box.open()

    def _discard_answered(self, result: int) -> None:
        self.discard_box = None
        if result == QMessageBox.StandardButton.Discard.value:
            super().reject()

    def discard(self) -> None:
        """Close without saving, without asking."""
        super().reject()
