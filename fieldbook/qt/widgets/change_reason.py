"""修改依据 in the customer dialog: shown when the licence number, status, grade, route or
order day was changed — the completed slip the change follows (关业, 暂停, 新增, 信息变更), or
the reason. The licence number and the status need one of them (the core refuses otherwise,
and the dialog shows its error here)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from fieldbook.core.master.customer_changes import ChangeBasis, needs_reason
from fieldbook.qt.slip_format import category_name

if TYPE_CHECKING:
    from fieldbook.core.master.customer_changes import SlipChoice

MAX_REASON = 200


class ChangeReasonBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeReasonBox")
        self.setTitle(self.tr("修改依据"))
        form = QFormLayout(self)
        self.hint = QLabel()
        self.hint.setObjectName("changeReasonHint")
        self.hint.setWordWrap(True)
        form.addRow(self.hint)
        self.slip_combo = QComboBox()
        self.slip_combo.setObjectName("changeSlipCombo")
        self.slip_combo.addItem(self.tr("（不依据反馈单）"), "")
        form.addRow(self.tr("已办结的反馈单"), self.slip_combo)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("changeReasonEdit")
        self.reason_edit.setMaxLength(MAX_REASON)
        self.reason_edit.setPlaceholderText(self.tr("如：店主出示新许可证；专卖办通知暂停营业"))
        form.addRow(self.tr("修改原因"), self.reason_edit)
        self.hide()

    def set_slips(self, slips: Sequence[SlipChoice]) -> None:
        for slip in slips:
            text = self.tr("{number} {category}（{day} 办结）").format(
                number=slip.number,
                category=category_name(slip.category),
                day=f"{slip.completed_at:%Y-%m-%d}",
            )
            self.slip_combo.addItem(text, slip.number)

    def show_for(self, fields: Collection[str], names: Sequence[str]) -> None:
        """Shown while ``fields`` (the audited fields changed; ``names``: as shown) is not
        empty, saying whether a reason is needed."""
        self.setVisible(bool(fields))
        changed = self.tr("、").join(names)  # the list separator of the language
        if needs_reason(tuple(fields)):
            text = self.tr(
                "修改了{fields}：许可证号、经营状态须依据已办结的反馈单，或写明原因（会报部门）。"
            )
        else:
            text = self.tr("修改了{fields}：会记入修改记录，可写明原因。")
        self.hint.setText(text.format(fields=changed))

    def basis(self) -> ChangeBasis:
        return ChangeBasis(self.reason_edit.text(), str(self.slip_combo.currentData() or ""))
