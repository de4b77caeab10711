"""The manager's profile fields (姓名, 员工编号, 区县单位, 片区, 联系电话), used by the welcome
page and the settings page. Values are checked by the core's ``clean_profile``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from fieldbook.core.master.profile import ProfileInput, clean_profile
from fieldbook.qt.widgets.field_errors import FieldErrors
from fieldbook.qt.widgets.form_fields import line_edit

if TYPE_CHECKING:
    from fieldbook.core.master.profile import Profile


class ProfileForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_edit = line_edit(50, self.tr("如 王建国"))
        self.code_edit = line_edit(32, self.tr("公司给您的工号"))
        self.unit_edit = line_edit(50, self.tr("如 桃山区营销部"))
        self.territory_edit = line_edit(50, self.tr("如 桃山一片区"))
        self.phone_edit = line_edit(32)
        self.widgets: dict[str, QLineEdit] = {
            "name": self.name_edit,
            "code": self.code_edit,
            "district_unit": self.unit_edit,
            "territory": self.territory_edit,
            "phone": self.phone_edit,
        }
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(12)
        form.addRow(self.tr("姓名 *"), self.name_edit)
        form.addRow(self.tr("员工编号 *"), self.code_edit)
        form.addRow(self.tr("区县单位"), self.unit_edit)
        form.addRow(self.tr("片区"), self.territory_edit)
        form.addRow(self.tr("联系电话"), self.phone_edit)
        self.errors = FieldErrors(self.widgets)
        self.error_label = self.errors.label
        form.addRow("", self.error_label)
        for edit in self.widgets.values():
            edit.setMinimumHeight(32)
        self.setTabOrder(self.name_edit, self.code_edit)
        self.setTabOrder(self.code_edit, self.unit_edit)
        self.setTabOrder(self.unit_edit, self.territory_edit)
        self.setTabOrder(self.territory_edit, self.phone_edit)

    def show_profile(self, profile: Profile | None) -> None:
        self.name_edit.setText(profile.name if profile else "")
        self.code_edit.setText(profile.code if profile else "")
        self.unit_edit.setText(profile.district_unit if profile else "")
        self.territory_edit.setText(profile.territory if profile else "")
        self.phone_edit.setText(profile.phone if profile else "")
        self.clear_error()

    def raw_input(self) -> ProfileInput:
        return ProfileInput(
            code=self.code_edit.text(),
            name=self.name_edit.text(),
            district_unit=self.unit_edit.text(),
            territory=self.territory_edit.text(),
            phone=self.phone_edit.text(),
        )

    def collect(self) -> ProfileInput:
        """The typed profile, checked by the core (raises InvalidValue naming the field)."""
        return clean_profile(self.raw_input())

    def show_error(self, exc: BaseException) -> None:
        self.errors.show(exc)

    def clear_error(self) -> None:
        self.errors.clear()
