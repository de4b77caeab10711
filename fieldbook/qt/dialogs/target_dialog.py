"""月度任务: set or change one of the month's targets (销量任务) — the whole month, a price class
(一类…五类) or a SKU (a key brand or new product) — in 条 (shown in 箱 too), 元 and 单条值.
Keyboard friendly (Tab through the fields, Enter saves); a problem names the field and keeps
everything typed; the core checks and audits (``routine.target_entry``)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.errors import InvalidValue
from fieldbook.core.master.catalog import price_classes
from fieldbook.core.routine.target_entry import TargetInput
from fieldbook.core.routine.targets import CLASS, SKU, TOTAL, TargetRow, cases
from fieldbook.core.text import parse_decimal_fen, parse_int
from fieldbook.qt.context import AppContext
from fieldbook.qt.dialogs.edit_dialog import DiscardQuestion, EditDialog, SaveJob
from fieldbook.qt.widgets.form_fields import line_edit
from fieldbook.qt.widgets.layouts import dialog_buttons
from fieldbook.qt.widgets.message_label import MessageLabel


class TargetDialog(EditDialog):
    """``saved`` is emitted with the TargetInput the core checked and saved."""

    def __init__(self, ctx: AppContext, month: date, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        #: The month's targets as set, by (scope, key): a change starts from their values.
        self.existing: dict[tuple[str, str], TargetRow] = {}
        self.setWindowTitle(self.tr("月度任务"))
        self.resize(520, 360)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.month_edit = QDateEdit(QDate(month.year, month.month, 1))
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setAccessibleName(self.tr("月份"))
        form.addRow(self.tr("月份 *"), self.month_edit)
        self.scope_combo = QComboBox()
        self.scope_combo.addItem(self.tr("全月"), (TOTAL, ""))
        for pc in sorted(price_classes(), key=lambda p: p.code):
            self.scope_combo.addItem(pc.name, (CLASS, str(pc.code)))
        self.scope_combo.addItem(self.tr("卷烟（重点品牌/新品）"), (SKU, ""))
        self.scope_combo.setAccessibleName(self.tr("指标范围"))
        self.sku_edit = line_edit(32, self.tr("卷烟代码，如 13100101"), name=self.tr("卷烟代码"))
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.scope_combo)
        scope_row.addWidget(self.sku_edit, 1)
        form.addRow(self.tr("范围"), scope_row)
        self.cartons_edit = line_edit(12, self.tr("条"), name=self.tr("销量任务（条）"))
        self.cases_label = QLabel()
        self.cases_label.setObjectName("hintLabel")
        cartons_row = QHBoxLayout()
        cartons_row.addWidget(self.cartons_edit)
        cartons_row.addWidget(self.cases_label, 1)
        form.addRow(self.tr("销量任务（条）"), cartons_row)
        self.amount_edit = line_edit(16, self.tr("元"), name=self.tr("金额任务（元）"))
        form.addRow(self.tr("金额任务（元）"), self.amount_edit)
        self.per_carton_edit = line_edit(10, self.tr("元/条"), name=self.tr("单条值（元）"))
        form.addRow(self.tr("单条值（元）"), self.per_carton_edit)
        hint = QLabel(self.tr("三项至少填一项；改动会记入修改记录。"))
        hint.setObjectName("hintLabel")
        self.error_label = MessageLabel("errorLabel")
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setAutoDefault(False)
        buttons = dialog_buttons(self.save_button, self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addStretch(1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.scope_combo.currentIndexChanged.connect(lambda _i: self._scope_changed())
        self.cartons_edit.textChanged.connect(lambda _t: self._show_cases())
        self.month_edit.dateChanged.connect(lambda _d: self._load_month())
        self.sku_edit.editingFinished.connect(self._fill_existing)
        self._scope_changed()
        self._show_cases()
        self.remember_state()
        self._load_month()
        self.cartons_edit.setFocus()

    # --- the month's targets as set: changing one starts from its values ---------------------
    def month_text(self) -> str:
        month = self.month_edit.date()
        return f"{month.year():04d}-{month.month():02d}"

    def _load_month(self) -> None:
        month = self.month_text()
        self.ctx.ops.query(
            lambda j: j.targets.list(month),
            self._month_loaded,
            key="targets.month",
            what=self.tr("读取月度任务"),
        )

    def _month_loaded(self, rows: list[TargetRow]) -> None:
        if rows and rows[0].month != self.month_text():
            return  # an older month's answer
        self.existing = {(r.scope, r.key): r for r in rows}
        self._fill_existing()

    def _fill_existing(self) -> None:
        """The figures already set for the month and scope shown (empty when none)."""
        scope, key = self.scope_combo.currentData()
        if scope == SKU:
            key = self.sku_edit.text().strip()
        row = self.existing.get((scope, key))
        cartons = row.cartons if row else None
        amount = row.amount_fen if row else None
        per_carton = row.per_carton_fen if row else None
        self.cartons_edit.setText("" if cartons is None else str(cartons))
        self.amount_edit.setText("" if amount is None else f"{amount / 100:g}")
        self.per_carton_edit.setText("" if per_carton is None else f"{per_carton / 100:g}")
        self.remember_state()

    def _scope_changed(self) -> None:
        is_sku = self.scope_combo.currentData()[0] == SKU
        self.sku_edit.setEnabled(is_sku)
        if is_sku:
            self.sku_edit.setFocus()
        self._fill_existing()

    def _show_cases(self) -> None:
        try:
            cartons = parse_int(self.cartons_edit.text())
        except ValueError:
            cartons = None
        text = self.tr("= {n} 箱").format(n=f"{cases(cartons):,.1f}") if cartons else ""
        self.cases_label.setText(text)

    def state(self) -> tuple[object, ...]:
        return (
            self.month_edit.date(),
            self.scope_combo.currentIndex(),
            self.sku_edit.text(),
            self.cartons_edit.text(),
            self.amount_edit.text(),
            self.per_carton_edit.text(),
        )

    # --- the edit flow -----------------------------------------------------------------------
    def field_widget(self, field: str) -> QWidget | None:
        return {
            "cartons": self.cartons_edit,
            "amount": self.amount_edit,
            "per_carton": self.per_carton_edit,
            "sku": self.sku_edit,
            "scope": self.scope_combo,
        }.get(field)

    def target(self) -> TargetInput:
        """What was typed (a number that cannot be read names its field)."""
        scope, key = self.scope_combo.currentData()
        if scope == SKU:
            key = self.sku_edit.text().strip()
        return TargetInput(
            self.month_text(),
            scope,
            key,
            _number(self.cartons_edit, "cartons", money=False),
            _number(self.amount_edit, "amount", money=True),
            _number(self.per_carton_edit, "per_carton", money=True),
        )

    def save_job(self) -> SaveJob:
        target = self.target()
        return lambda j: j.targets.set(target)

    def save_what(self) -> str:
        return self.tr("保存月度任务")

    def saved_message(self, result: TargetInput) -> str:
        return self.tr("已保存 {month} 的月度任务").format(month=result.month)

    def discard_question(self) -> DiscardQuestion:
        return self.unsaved_input(
            self.tr("放弃这项任务？"), self.tr("这项月度任务还没有保存。要放弃已填写的内容吗？")
        )


def _number(edit: QLineEdit, field: str, *, money: bool) -> int | None:
    text = edit.text()
    try:
        return parse_decimal_fen(text) if money else parse_int(text)
    except ValueError:
        raise InvalidValue("target_positive", field=field, value=text.strip()) from None
