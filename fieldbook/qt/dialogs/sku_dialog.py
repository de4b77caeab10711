"""Edit or add one cigarette SKU (卷烟规格) and its 货源信息 (state, limits per 档位, from
today). Checked by the core before anything is written; saved through one op."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.master.catalog import SkuInput, check_sku, class_name, price_classes
from fieldbook.qt.context import AppContext
from fieldbook.qt.dialogs.edit_dialog import EditDialog, SaveJob
from fieldbook.qt.i18n import ui_language
from fieldbook.qt.widgets.form_fields import line_edit
from fieldbook.qt.widgets.message_label import MessageLabel
from fieldbook.qt.widgets.supply_fields import SupplyFields

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.core.master.catalog import SkuRow
    from fieldbook.core.master.supply import SupplyRow


def _price_spin() -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setDecimals(2)
    spin.setRange(0, 1000)
    spin.setSingleStep(1)
    spin.setSuffix(QCoreApplication.translate("SkuDialog", " 元/条"))
    spin.setAlignment(Qt.AlignmentFlag.AlignRight)
    return spin


class SkuDialog(EditDialog):
    """``saved`` is emitted with the saved SkuRow. Closing asks nothing (a short form)."""

    marks_invalid_field = False

    def __init__(
        self, ctx: AppContext, sku: SkuRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.sku = sku
        self.setWindowTitle(
            self.tr("编辑卷烟规格 · {name}").format(name=sku.name)
            if sku
            else self.tr("新增卷烟规格")
        )
        self.setMinimumWidth(460)
        self._build_fields()
        self.error_label = MessageLabel("errorLabel")
        layout = QVBoxLayout(self)
        layout.addLayout(self._form())
        layout.addWidget(self.error_label)
        layout.addWidget(self._buttons())
        self.widgets: dict[str, QWidget] = {
            "code": self.code_edit,
            "name": self.name_edit,
            "wholesale_fen": self.wholesale_spin,
            "retail_fen": self.retail_spin,
            "state": self.supply.state_combo,
            "limits": self.supply.limits_edit,
        }
        if sku is not None:
            self.show_sku(sku)
            self._load_supply(sku.id)
            self.name_edit.setFocus()
        else:
            self.code_edit.setFocus()

    def _build_fields(self) -> None:
        self.code_edit = line_edit(32)
        self.name_edit = line_edit(100, self.tr("如 中华(硬)"))
        self.brand_edit = line_edit(50, self.tr("留空则取名称括号前的部分"))
        self.class_combo = QComboBox()
        self.class_combo.addItem(self.tr("按批发价自动确定"), None)
        for pc in sorted(price_classes(), key=lambda c: c.code):
            self.class_combo.addItem(class_name(pc.code, ui_language()), pc.code)
        self.wholesale_spin = _price_spin()
        self.wholesale_spin.setSpecialValueText(self.tr("未填写"))
        self.retail_spin = _price_spin()
        self.retail_spin.setSpecialValueText(self.tr("未填写"))
        self.key_check = QCheckBox(self.tr("重点品牌"))
        self.new_check = QCheckBox(self.tr("新品"))
        self.market_check = QCheckBox(self.tr("在销"))
        self.market_check.setChecked(True)
        self.supply = SupplyFields()

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(8)
        form.addRow(self.tr("卷烟代码 *"), self.code_edit)
        form.addRow(self.tr("卷烟名称 *"), self.name_edit)
        form.addRow(self.tr("品牌"), self.brand_edit)
        form.addRow(self.tr("价类"), self.class_combo)
        form.addRow(self.tr("批发价"), self.wholesale_spin)
        form.addRow(self.tr("零售价"), self.retail_spin)
        flags = QHBoxLayout()
        for check in (self.key_check, self.new_check, self.market_check):
            flags.addWidget(check)
        flags.addStretch(1)
        form.addRow(self.tr("标记"), flags)
        form.addRow(self.tr("货源信息"), self.supply)
        form.addRow("", self.supply.since)
        return form

    def _buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    def show_sku(self, sku: SkuRow) -> None:
        self.code_edit.setText(sku.code)
        self.name_edit.setText(sku.name)
        self.brand_edit.setText(sku.brand)
        if sku.price_class_overridden:
            self.class_combo.setCurrentIndex(max(self.class_combo.findData(sku.price_class), 0))
        self.wholesale_spin.setValue((sku.wholesale_fen or 0) / 100)
        self.retail_spin.setValue((sku.retail_fen or 0) / 100)
        self.key_check.setChecked(sku.is_key_brand)
        self.new_check.setChecked(sku.is_new)
        self.market_check.setChecked(sku.on_market)

    def collect(self) -> SkuInput:
        def fen(spin: QDoubleSpinBox) -> int | None:
            value = round(spin.value() * 100)
            return value or None

        return check_sku(
            SkuInput(
                code=self.code_edit.text(),
                name=self.name_edit.text(),
                brand=self.brand_edit.text(),
                price_class=self.class_combo.currentData(),
                wholesale_fen=fen(self.wholesale_spin),
                retail_fen=fen(self.retail_spin),
                is_key_brand=self.key_check.isChecked(),
                is_new=self.new_check.isChecked(),
                on_market=self.market_check.isChecked(),
            )
        )

    def _load_supply(self, sku_id: str) -> None:
        day = self.ctx.today()

        def read(j: Journal) -> SupplyRow:
            return j.supply.of_sku(sku_id, day)

        self.ctx.ops.query(read, self.supply.show_supply, what=self.tr("读取货源信息"))

    # --- the edit flow -----------------------------------------------------------------------
    def save_job(self) -> SaveJob:
        data = self.collect()
        supply = self.supply.collect(self.ctx.today()) if self.supply.changed() else None
        sku_id = self.sku.id if self.sku else None

        def save(j: Journal) -> SkuRow:
            row = j.catalog.save(sku_id, data)
            if supply is not None:
                j.supply.set(row.id, supply)
            return row

        return save

    def save_what(self) -> str:
        return self.tr("保存卷烟规格")

    def saved_message(self, result: SkuRow) -> str:
        return self.tr("已保存卷烟规格 {name}").format(name=result.name)

    def field_widget(self, field: str) -> QWidget | None:
        return self.widgets.get(field)
