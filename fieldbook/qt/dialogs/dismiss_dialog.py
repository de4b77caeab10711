"""忽略建议: dismissing a suggested slip needs a reason, which the suggestion keeps with who and
when (and the audit trail records). A 违纪 suggestion is dismissed only with one of the fixed
reasons of ``schema/reference/slips.toml`` and may take a file (a photo of the shop's stock, a
note of the monopoly office). 「不准弄虚作假，不准隐瞒问题和风险」"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.slips.rules import slip_rules
from fieldbook.qt.context import AppContext
from fieldbook.qt.dialogs.edit_dialog import DiscardQuestion, EditDialog, SaveJob
from fieldbook.qt.operations.slips import SuggestionRow
from fieldbook.qt.slip_format import category_name, dismiss_reason_name
from fieldbook.qt.widgets.attachment_picker import AttachmentPicker
from fieldbook.qt.widgets.message_label import MessageLabel


class DismissDialog(EditDialog):
    """``saved`` is emitted with the core's ``Dismissal`` after the database committed."""

    def __init__(
        self, ctx: AppContext, suggestion: SuggestionRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.suggestion = suggestion
        self.fixed = slip_rules().dismiss_reasons(suggestion.category)
        self.setWindowTitle(self.tr("忽略建议"))
        self.setMinimumWidth(560)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("客户"), QLabel(suggestion.shop_name))
        form.addRow(self.tr("建议"), QLabel(category_name(suggestion.category)))
        finding = QLabel(suggestion.finding or self.tr("—"))
        finding.setWordWrap(True)
        form.addRow(self.tr("发现"), finding)
        self.reason_combo = QComboBox()
        self.reason_combo.setMinimumWidth(300)
        self.reason_combo.setAccessibleName(self.tr("忽略原因"))
        if self.fixed:
            self.reason_combo.addItem(self.tr("（请选择）"), "")
            for reason in self.fixed:
                self.reason_combo.addItem(dismiss_reason_name(reason), reason)
        else:
            self.reason_combo.setEditable(True)
            self.reason_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            self.reason_combo.lineEdit().setPlaceholderText(self.tr("为什么不需要填反馈单"))
            self.reason_combo.lineEdit().setMaxLength(200)
        form.addRow(self.tr("原因 *"), self.reason_combo)
        self.attach_picker = AttachmentPicker()
        if self.fixed:
            form.addRow(self.tr("附件（可选）"), self.attach_picker)
        else:
            self.attach_picker.hide()
        hint = QLabel(
            self.tr("违纪建议只能以规定的原因忽略。")
            if self.fixed
            else self.tr("原因会随建议保存，并计入周报、部门视图和抽查。")
        )
        hint.setObjectName("hintLabel")
        hint.setWordWrap(True)
        self.error_label = MessageLabel("errorLabel")
        self.save_button = QPushButton(self.tr("忽略"))
        self.save_button.setDefault(True)
        cancel = QPushButton(self.tr("取消"))
        cancel.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addStretch(1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        self.remember_state()
        self.reason_combo.setFocus()

    def reason(self) -> str:
        if self.fixed:
            return str(self.reason_combo.currentData() or "")
        return self.reason_combo.currentText().strip()

    def attachment(self) -> Path | None:
        paths = self.attach_picker.paths
        return paths[0] if paths and self.fixed else None

    def state(self) -> tuple[object, ...]:
        return (self.reason(), tuple(self.attach_picker.paths))

    def field_widget(self, field: str) -> QWidget | None:
        return self.reason_combo if field == "reason" else None

    def save_job(self) -> SaveJob:
        sid, reason, attachment, at = self.suggestion.id, self.reason(), self.attachment(), None
        at = self.ctx.now()
        return lambda j: j.slips.dismiss_suggestion(sid, reason, attachment=attachment, at=at)

    def save_what(self) -> str:
        return self.tr("忽略建议")

    def saved_message(self, result: Any) -> str:
        return self.tr("已忽略：{shop} 的{category}建议（{reason}）").format(
            shop=self.suggestion.shop_name,
            category=category_name(self.suggestion.category),
            reason=dismiss_reason_name(result.reason),
        )

    def discard_question(self) -> DiscardQuestion:
        return self.unsaved_input(
            self.tr("不忽略这条建议？"), self.tr("已选的原因还没有保存。要放弃吗？")
        )
