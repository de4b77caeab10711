"""The unit printed on every form (公司, 营销中心（市场部）) and the 内部资料 · 注意保密 mark, used
by the welcome page and the settings page beside the profile. Values are checked by the core's
``clean_form_unit``; the manager's 营销部 is the profile's 区县单位 field (decision 0023)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QWidget

from fieldbook.core.master.form_unit import MAX_LENGTH, FormUnit, clean_form_unit
from fieldbook.qt.widgets.field_errors import FieldErrors
from fieldbook.qt.widgets.form_fields import line_edit


class FormUnitForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.company_edit = line_edit(MAX_LENGTH, self.tr("如 七台河市烟草公司"), height=32)
        self.center_edit = line_edit(MAX_LENGTH, self.tr("如 营销中心（市场部）"), height=32)
        self.mark_check = QCheckBox(self.tr("表格页眉印“内部资料 · 注意保密”"))
        self.mark_check.setChecked(True)
        self.widgets: dict[str, QLineEdit] = {
            "form_company": self.company_edit,
            "form_center": self.center_edit,
        }
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(12)
        form.addRow(self.tr("公司"), self.company_edit)
        form.addRow(self.tr("营销中心"), self.center_edit)
        form.addRow("", self.mark_check)
        self.errors = FieldErrors(self.widgets)
        self.error_label = self.errors.label
        form.addRow("", self.error_label)
        self.setTabOrder(self.company_edit, self.center_edit)
        self.setTabOrder(self.center_edit, self.mark_check)
        self._form = form

    def align_with(self, other: QWidget) -> None:
        """Give this form's labels and ``other``'s (a form layout above it) one width, so the
        fields of both line up."""
        labels = _labels(self._form)
        theirs = other.layout()
        if isinstance(theirs, QFormLayout):
            labels += _labels(theirs)
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def show_unit(self, unit: FormUnit) -> None:
        self.company_edit.setText(unit.company)
        self.center_edit.setText(unit.center)
        self.mark_check.setChecked(unit.confidential)
        self.clear_error()

    def raw_input(self) -> FormUnit:
        return FormUnit(
            self.company_edit.text(), self.center_edit.text(), self.mark_check.isChecked()
        )

    def collect(self) -> FormUnit:
        """The typed unit, checked by the core (raises InvalidValue naming the field)."""
        return clean_form_unit(self.raw_input())

    def show_error(self, exc: BaseException) -> None:
        self.errors.show(exc)

    def clear_error(self) -> None:
        self.errors.clear()


def _labels(form: QFormLayout) -> list[QLabel]:
    found = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        widget = item.widget() if item is not None else None
        if isinstance(widget, QLabel) and widget.text():
            found.append(widget)
    return found
