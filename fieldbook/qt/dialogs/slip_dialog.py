"""新建反馈单: one feedback slip — the customer (the customers search; for 新增 a shop without
a record yet), category and sub-reason, the dates and SKUs the category needs, the description,
the departments (preselected from the category, editable) and files to attach.

Opened with ``open()``. The core checks the slip; a problem is shown in the dialog next to the
field and everything typed stays. Esc asks before throwing typed input away."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.errors import InvalidValue
from fieldbook.core.slips.rules import Category, slip_rules
from fieldbook.core.slips.service import SlipInput
from fieldbook.qt.context import AppContext
from fieldbook.qt.dialogs.edit_dialog import DiscardQuestion, EditDialog, SaveJob
from fieldbook.qt.formatting import listing
from fieldbook.qt.operations.slips import attach, manager_name
from fieldbook.qt.slip_format import category_name, department_name, sub_reason_name
from fieldbook.qt.widgets.attachment_picker import AttachmentPicker
from fieldbook.qt.widgets.customer_picker import CustomerPicker
from fieldbook.qt.widgets.date_field import DateField
from fieldbook.qt.widgets.form_fields import line_edit
from fieldbook.qt.widgets.layouts import dialog_buttons
from fieldbook.qt.widgets.message_label import MessageLabel
from fieldbook.qt.widgets.sku_checklist import SkuChecklist

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.core.slips.service import SlipView

NEW_FIELDS = (
    ("shop_name", "客户名称 *"),
    ("owner_name", "负责人"),
    ("phone", "联系电话"),
    ("address", "经营地址"),
    ("licence_no", "许可证号"),
)


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setVerticalSpacing(8)
    return form


class SlipDialog(EditDialog):
    """``saved`` is emitted with the slip the core created (SlipView)."""

    def __init__(
        self,
        ctx: AppContext,
        data: SlipInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.rules = slip_rules()
        self.source_visit_id = data.source_visit_id if data else None
        self.source_suggestion_id = data.source_suggestion_id if data else None
        self.send_after_save = False
        self.setWindowTitle(
            self.tr("生成反馈单（来自走访建议）")
            if self.source_suggestion_id
            else self.tr("新建反馈单")
        )
        self.resize(900, 500)
        self.setSizeGripEnabled(True)
        self.skus = SkuChecklist(ctx, data.sku_ids if data else ())
        self.attach_picker = AttachmentPicker()
        self._build()
        self.show_input(
            data or SlipInput(category=next(iter(self.rules.categories)), description="")
        )
        self.remember_state()
        if data is not None and data.customer_id:
            self.description_edit.setFocus()
        else:
            self.picker.setFocus()

    # --- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.left_form = self._left_form()
        self.right_form = self._right_form()
        columns = QHBoxLayout()
        columns.setSpacing(18)
        for form in (self.left_form, self.right_form):
            column = QVBoxLayout()
            column.addLayout(form)
            column.addStretch(1)
            columns.addLayout(column, 1)
        self.error_label = MessageLabel("errorLabel")
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(self._button_row())
        self._connect()

    def _left_form(self) -> QFormLayout:
        """客户 (or a new shop's details), 类别 and 细分原因, the dates."""
        left = _form()
        left.addRow(self.tr("客户 *"), self._customer_box())
        self.category_combo = QComboBox()
        for code in self.rules.categories:
            self.category_combo.addItem(category_name(code), code)
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
        return left

    def _customer_box(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
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
        layout.addWidget(self.picker)
        layout.addWidget(self.new_check)
        layout.addWidget(self.new_box)
        return box

    def _right_form(self) -> QFormLayout:
        """情况说明, 卷烟规格, 发送给 (the departments), 附件 and the category's hint."""
        right = _form()
        self.description_edit = QPlainTextEdit()
        self.description_edit.setPlaceholderText(
            self.tr("写清楚发现了什么、在哪里、涉及哪些规格，需要各部门做什么")
        )
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMinimumHeight(110)
        self.description_edit.setMaximumHeight(160)
        self.description_edit.setAccessibleName(self.tr("情况说明"))
        right.addRow(self.tr("情况说明 *"), self.description_edit)
        right.addRow(self.tr("卷烟规格 *"), self.skus)
        self.dept_box = QWidget()
        dept_layout = QHBoxLayout(self.dept_box)
        dept_layout.setContentsMargins(0, 0, 0, 0)
        self.dept_checks: dict[str, QCheckBox] = {}
        for code in self.rules.departments:
            check = QCheckBox(department_name(code))
            self.dept_checks[code] = check
            dept_layout.addWidget(check)
        dept_layout.addStretch(1)
        right.addRow(self.tr("发送给 *"), self.dept_box)
        self.removal_edit = line_edit(200, "")
        self.removal_edit.setAccessibleName(self.tr("去掉部门的原因"))
        self.removal_label = QLabel(self.tr("未发原因 *"))
        right.addRow(self.removal_label, self.removal_edit)
        right.addRow(self.tr("附件"), self.attach_picker)
        self.hint_label = QLabel()
        self.hint_label.setObjectName("hintLabel")
        self.hint_label.setWordWrap(True)
        right.addRow("", self.hint_label)
        return right

    def _button_row(self) -> QHBoxLayout:
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("保存为草稿（Ctrl+Enter），稍后再发送"))
        self.send_button = QPushButton(self.tr("保存并发送"))
        self.send_button.setAutoDefault(False)
        self.send_button.setToolTip(self.tr("保存，并发送给选中的部门"))
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setAutoDefault(False)
        return dialog_buttons(self.save_button, self.send_button, self.cancel_button)

    def _connect(self) -> None:
        self.category_combo.currentIndexChanged.connect(lambda _i: self._category_changed())
        self.new_check.toggled.connect(self._new_toggled)
        self.picker.chosen.connect(lambda _id: self.category_combo.setFocus())
        self.save_button.clicked.connect(lambda: self.save(send=False))
        self.send_button.clicked.connect(lambda: self.save(send=True))
        self.cancel_button.clicked.connect(self.reject)
        for check in self.dept_checks.values():
            check.toggled.connect(lambda _on: self._show_removal())
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda: self.save(send=False))

    # --- the composed parts, as the tests and pages know them ---------------------------------
    @property
    def sku_box(self) -> SkuChecklist:
        return self.skus

    @property
    def sku_list(self) -> QWidget:
        return self.skus.list

    @property
    def sku_count(self) -> QLabel:
        return self.skus.count

    def check_sku(self, sku_id: str, checked: bool = True) -> None:
        self.skus.check(sku_id, checked)

    @property
    def attachments(self) -> list[Path]:
        return self.attach_picker.paths

    def choose_attachment(self) -> QFileDialog:
        return self.attach_picker.choose()

    def add_attachment(self, path: Path) -> None:
        self.attach_picker.add(path)

    # --- the category decides what is asked ---------------------------------------------------
    def category(self) -> Category:
        return self.rules.categories[self.category_combo.currentData()]

    def _category_changed(self, *, keep_departments: bool = False) -> None:
        category = self.category()
        current = self.sub_combo.currentData()
        self.sub_combo.clear()
        self.sub_combo.addItem(self.tr("（不填）"), "")
        for sub in category.sub_reasons:
            self.sub_combo.addItem(sub_reason_name(sub), sub)
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
        name = category_name(category.code)
        self.hint_label.setText(" ".join(h.format(name=name) for h in hints))
        self.hint_label.setVisible(bool(hints))
        if category.needs_skus:
            self.skus.load()
        self._show_removal()

    def removed_departments(self) -> list[str]:
        """The category's default departments the user unticked (each needs the reason)."""
        return [c for c in self.category().departments if not self.dept_checks[c].isChecked()]

    def _show_removal(self) -> None:
        """The reason row appears when a default department (from the regulation) is
        unticked: 「…传递给市场部、专卖办、配送中心、电访部」."""
        removed = self.removed_departments()
        names = listing(department_name(c) for c in removed)
        said = self.tr("为什么不发给{names}（如：专卖办已在现场处理）").format(names=names)
        self.removal_edit.setPlaceholderText(said)
        self.removal_edit.setToolTip(said)
        self.right_form.setRowVisible(self.removal_edit, bool(removed))

    def _new_toggled(self, checked: bool) -> None:
        new = checked and self.category().code == "new"
        self.new_box.setVisible(new)
        self.picker.setEnabled(not new)

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
        skus = tuple(sorted(self.skus.chosen)) if category.needs_skus else ()
        reason = self.removal_edit.text().strip()
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
            removed_reasons={code: reason for code in self.removed_departments()},
        )

    def state(self) -> tuple[object, ...]:
        return (
            self.picker.customer_id,
            self.category_combo.currentIndex(),
            self.sub_combo.currentIndex(),
            self.effective_edit.text(),
            self.return_edit.text(),
            self.description_edit.toPlainText(),
            tuple(sorted(self.skus.chosen)),
            tuple(c.isChecked() for c in self.dept_checks.values()),
            self.new_check.isChecked(),
            tuple(e.text() for e in self.new_edits.values()),
            tuple(self.attach_picker.paths),
            self.removal_edit.text(),
        )

    # --- the edit flow -----------------------------------------------------------------------
    def field_widget(self, field: str) -> QWidget | None:
        return {
            "customer": self.picker,
            "shop_name": self.new_edits["shop_name"],
            "category": self.category_combo,
            "sub_reason": self.sub_combo,
            "effective_date": self.effective_edit.edit,
            "return_date": self.return_edit.edit,
            "sku_ids": self.sku_list,
            "description": self.description_edit,
            "departments": self.removal_edit if self.removed_departments() else self.dept_box,
        }.get(field)

    def save_buttons(self) -> Sequence[QPushButton]:
        return (self.save_button, self.send_button)

    def save(self, *, send: bool = False) -> None:
        if not self.saving:
            self.send_after_save = send
        super().save()

    def save_job(self) -> SaveJob:
        data = self.collect()
        at = self.ctx.now()
        return lambda j: j.slips.create(data, at=at)

    def save_what(self) -> str:
        return self.tr("保存反馈单")

    def after_save(self, result: SlipView) -> None:
        """Attach the files chosen, and send the slip when asked to (each its own write)."""
        slip_id = result.id
        ops = self.ctx.ops
        for path in self.attachments:
            ops.write(
                lambda j, p=path: attach(j, slip_id, p),
                what=self.tr("添加附件 {name}").format(name=path.name),
            )
        if self.send_after_save:
            at = self.ctx.now()

            def send_all(j: Journal) -> SlipView:
                return j.slips.send(slip_id, actor=manager_name(j), at=at)

            ops.write(send_all, what=self.tr("发送反馈单"))

    def saved_message(self, result: SlipView) -> str:
        return self.tr("已保存反馈单 {number}").format(number=result.number)

    def discard_question(self) -> DiscardQuestion:
        return self.unsaved_input(
            self.tr("放弃这张反馈单？"),
            self.tr("这张反馈单还没有保存。要放弃已填写的内容吗？"),
        )
