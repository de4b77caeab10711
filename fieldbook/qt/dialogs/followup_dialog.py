"""新建跟踪事项: something to act on at a customer — a phone-order staff request (电访员反馈),
something found, a director's correction — due in N working days. Opened with ``open()``; a
problem keeps the dialog open with everything typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core import workdays
from fieldbook.core.errors import InvalidValue
from fieldbook.core.routine.followups import SOURCES
from fieldbook.qt.context import AppContext
from fieldbook.qt.dialogs.edit_dialog import DiscardQuestion, EditDialog, SaveJob
from fieldbook.qt.formatting import day_label
from fieldbook.qt.slip_format import source_name
from fieldbook.qt.widgets.customer_picker import CustomerPicker
from fieldbook.qt.widgets.form_fields import line_edit
from fieldbook.qt.widgets.message_label import MessageLabel

if TYPE_CHECKING:
    from fieldbook.core.routine.followups import FollowUpView


class FollowUpDialog(EditDialog):
    """``saved`` is emitted with the follow-up the core created (FollowUpView)."""

    marks_invalid_field = False

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        customer_id: str | None = None,
        source: str = "phone_staff",
        text: str = "",
        days: int = 3,
    ) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("新建跟踪事项"))
        self.resize(620, 560)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.picker = CustomerPicker(ctx)
        form.addRow(self.tr("客户 *"), self.picker)
        self.source_combo = QComboBox()
        for code in SOURCES:
            self.source_combo.addItem(source_name(code), code)
        self.source_combo.setCurrentIndex(max(self.source_combo.findData(source), 0))
        self.requested_edit = line_edit(50, self.tr("如 电访员 刘丽"))
        source_row = QHBoxLayout()
        source_row.addWidget(self.source_combo)
        source_row.addWidget(QLabel(self.tr("提出人")))
        source_row.addWidget(self.requested_edit, 1)
        form.addRow(self.tr("来源"), source_row)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(
            self.tr("要做什么，如：店主反映断货黄鹤楼(软蓝)，请协调补货")
        )
        self.text_edit.setMinimumHeight(90)
        self.text_edit.setAccessibleName(self.tr("事项内容"))
        form.addRow(self.tr("事项 *"), self.text_edit)
        self.days_spin = QSpinBox()
        self.days_spin.setRange(0, 30)
        self.days_spin.setValue(days)
        self.days_spin.setSuffix(self.tr(" 个工作日内"))
        self.days_spin.setSpecialValueText(self.tr("下次走访时"))
        self.due_label = QLabel()
        self.due_label.setObjectName("hintLabel")
        due_row = QHBoxLayout()
        due_row.addWidget(self.days_spin)
        due_row.addWidget(self.due_label, 1)
        form.addRow(self.tr("期限"), due_row)
        self.error_label = MessageLabel("errorLabel")
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.days_spin.valueChanged.connect(lambda _v: self._show_due())
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.picker.chosen.connect(lambda _id: self.text_edit.setFocus())
        if customer_id:
            self.picker.choose(customer_id)
        self.text_edit.setPlainText(text)
        self._show_due()
        self.remember_state()
        self.picker.setFocus()

    def _show_due(self) -> None:
        days = self.days_spin.value()
        if days == 0:
            self.due_label.setText(self.tr("到那家店走访时提醒"))
            return
        due = workdays.add_working_days(self.ctx.today(), days)
        self.due_label.setText(self.tr("到期：{day}").format(day=day_label(due)))

    def state(self) -> tuple[object, ...]:
        return (
            self.picker.customer_id,
            self.source_combo.currentIndex(),
            self.requested_edit.text(),
            self.text_edit.toPlainText(),
            self.days_spin.value(),
        )

    # --- the edit flow -----------------------------------------------------------------------
    def field_widget(self, field: str) -> QWidget | None:
        return {"customer": self.picker, "text": self.text_edit}.get(field)

    def save_job(self) -> SaveJob:
        customer_id = self.picker.customer_id
        if customer_id is None:
            raise InvalidValue("required", field="customer")
        text = self.text_edit.toPlainText().strip()
        source = self.source_combo.currentData()
        by = self.requested_edit.text().strip()
        # save the due date the dialog shows (counted from the page's "today")
        days = self.days_spin.value()
        due = workdays.add_working_days(self.ctx.today(), days) if days else None
        at = self.ctx.now()
        return lambda j: j.followups.create(
            customer_id, text, source=source, requested_by=by, due_days=None, due_date=due, at=at
        )

    def save_what(self) -> str:
        return self.tr("保存跟踪事项")

    def saved_message(self, result: FollowUpView) -> str:
        return self.tr("已记下跟踪事项：{shop}").format(shop=result.shop_name)

    def discard_question(self) -> DiscardQuestion:
        return self.unsaved_input(
            self.tr("放弃这条跟踪事项？"),
            self.tr("这条跟踪事项还没有保存。要放弃已填写的内容吗？"),
        )
