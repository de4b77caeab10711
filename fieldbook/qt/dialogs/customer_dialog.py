"""Edit or add one customer. Layout: ui/customer_dialog.ui. Values are parsed with the core's
parsers and checked with ``check_input``; the save runs through an op. A problem is shown in
the dialog next to the field, which keeps everything the user typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from fieldbook.core.errors import InvalidValue
from fieldbook.core.master.customer_changes import change_slips, changed
from fieldbook.core.master.customer_vocabulary import (
    parse_coordinate,
    parse_licence,
    parse_phone,
    vocabulary,
)
from fieldbook.core.master.customers import CustomerInput, check_input, input_from_row
from fieldbook.core.text import clean_code
from fieldbook.qt.context import AppContext
from fieldbook.qt.dialogs.customer_history_dialog import CustomerHistoryDialog
from fieldbook.qt.dialogs.edit_dialog import DiscardQuestion, EditDialog, SaveJob
from fieldbook.qt.formatting import weekday_long_names
from fieldbook.qt.forms.ui_customer_dialog import Ui_CustomerDialog
from fieldbook.qt.i18n import ui_language
from fieldbook.qt.widgets.change_reason import ChangeReasonBox
from fieldbook.qt.widgets.customer_history import field_label

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.core.master.customers import CustomerRow

NO_DATE = QDate(2000, 1, 1)
T = TypeVar("T")


def _field_error(name: str, parse: Callable[[], T]) -> T:
    """Run a core parser; its InvalidValue is re-raised naming the field it belongs to."""
    try:
        return parse()
    except InvalidValue as exc:
        data = {k: v for k, v in exc.data.items() if k != "field"}
        raise InvalidValue(exc.detail or exc.code, field=name, **data) from exc


class CustomerDialog(EditDialog):
    """``saved`` is emitted with the saved CustomerRow."""

    def __init__(
        self, ctx: AppContext, customer: CustomerRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.customer = customer
        self.ui = Ui_CustomerDialog()
        self.ui.setupUi(self)
        self.error_label = self.ui.errorLabel
        self.error_label.setObjectName("errorLabel")
        self.error_label.hide()
        self.setWindowTitle(
            self.tr("编辑客户 · {name}").format(name=customer.shop_name)
            if customer
            else self.tr("新增客户")
        )
        self.save_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        self.save_button.setDefault(True)
        cancel = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("取消"))
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._fill_choices()
        self.widgets: dict[str, QWidget] = {
            "code": self.ui.codeEdit,
            "shop_name": self.ui.shopNameEdit,
            "owner_name": self.ui.ownerEdit,
            "phone": self.ui.phoneEdit,
            "licence_no": self.ui.licenceEdit,
            "licence_expiry": self.ui.licenceExpiryEdit,
            "address": self.ui.addressEdit,
            "district": self.ui.districtEdit,
            "route": self.ui.routeCombo,
            "route_position": self.ui.routePositionSpin,
            "order_weekday": self.ui.orderWeekdayCombo,
            "format": self.ui.formatCombo,
            "market_type": self.ui.marketTypeCombo,
            "grade": self.ui.gradeSpin,
            "status": self.ui.statusCombo,
            "is_key_customer": self.ui.keyCustomerCheck,
            "gps_lat": self.ui.latEdit,
            "gps_lon": self.ui.lonEdit,
            "notes": self.ui.notesEdit,
        }
        self.original_route = customer.route_name if customer else ""
        self.show_input(input_from_row(customer) if customer else CustomerInput("", ""))
        self.remember_state()
        self.ui.routeCombo.currentTextChanged.connect(self._route_edited)
        self._load_routes()
        self.reason_box = ChangeReasonBox(self)
        self._place_reason_box()
        self.widgets["reason"] = self.reason_box.reason_edit
        self.widgets["slip"] = self.reason_box.slip_combo
        self.history_button: QPushButton | None = None
        self.ui.codeEdit.setFocus()
        if customer is not None:
            self.ui.shopNameEdit.setFocus()
            self._watch_audited(customer)

    # --- 修改依据 and 修改记录 (an existing customer) --------------------------------------------
    def _watch_audited(self, customer: CustomerRow) -> None:
        """Ask for the basis of a change of an audited field; offer the change history."""
        ui = self.ui
        for signal in (
            ui.licenceEdit.textChanged,
            ui.routeCombo.currentTextChanged,
            ui.statusCombo.currentIndexChanged,
            ui.orderWeekdayCombo.currentIndexChanged,
            ui.gradeSpin.valueChanged,
        ):
            signal.connect(self._audited_edited)
        self.history_button = self.ui.buttonBox.addButton(
            self.tr("修改记录…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.history_button.setAutoDefault(False)
        self.history_button.clicked.connect(self.open_history)
        cid = customer.id
        self.ctx.ops.query(
            lambda j: change_slips(j, cid),
            self.reason_box.set_slips,
            key="customer_dialog.slips",
            what=self.tr("读取反馈单"),
        )

    def _place_reason_box(self) -> None:
        """Under 基本信息, in the room the taller right column leaves there (the dialog keeps
        its height at 1366×768)."""
        columns, basic = self.ui.columnsLayout, self.ui.basicGroup
        index = columns.indexOf(basic)
        columns.removeWidget(basic)
        left = QVBoxLayout()
        left.setSpacing(columns.spacing())
        left.addWidget(basic, 1)
        left.addWidget(self.reason_box)
        columns.insertLayout(index, left)

    def audited_changes(self) -> list[str]:
        """The audited fields changed on screen (licence, status, grade, route, order day)."""
        if self.customer is None:
            return []
        ui, voc = self.ui, vocabulary()
        grade = ui.gradeSpin.value()
        now = {
            "licence_no": clean_code(ui.licenceEdit.text()),
            "status": ui.statusCombo.currentData(),
            "grade": None if grade < voc.grade_min else grade,
            "route": ui.routeCombo.currentText().strip(),
            "order_weekday": ui.orderWeekdayCombo.currentData(),
        }
        before = {name: getattr(self.customer, name, None) for name in now}
        before["route"] = self.customer.route_name
        return list(changed(before, now))

    def _audited_edited(self, *_args: object) -> None:
        fields = self.audited_changes()
        self.reason_box.show_for(fields, [field_label(f) for f in fields])

    def open_history(self) -> CustomerHistoryDialog | None:
        if self.customer is None:
            return None
        dialog = CustomerHistoryDialog(self.ctx, self.customer.id, self.customer.shop_name, self)
        dialog.open()
        return dialog

    # --- choices ------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        voc = vocabulary()
        ui = self.ui
        ui.formatCombo.addItem(self.tr("（未填写）"), "")
        lang = ui_language()
        for code, name in voc.choices("formats", lang):
            ui.formatCombo.addItem(name, code)
        ui.marketTypeCombo.addItem(self.tr("（未填写）"), "")
        for code, name in voc.choices("market_types", lang):
            ui.marketTypeCombo.addItem(name, code)
        for code, name in voc.choices("statuses", lang):
            ui.statusCombo.addItem(name, code)
        ui.orderWeekdayCombo.addItem(self.tr("（未填写）"), None)
        for day, name in enumerate(weekday_long_names()[1:], start=1):
            ui.orderWeekdayCombo.addItem(name, day)
        ui.gradeSpin.setRange(voc.grade_min - 1, voc.grade_max)
        ui.gradeSpin.setSpecialValueText(self.tr("未定"))
        ui.licenceExpiryEdit.setMinimumDate(NO_DATE)
        ui.routeCombo.lineEdit().setPlaceholderText(self.tr("选择或输入线路名称"))
        ui.routeCombo.lineEdit().setMaxLength(50)

    def _load_routes(self) -> None:
        self.ctx.ops.query(
            lambda j: [r.name for r in j.routes.list()],
            self._routes_loaded,
            key="customer_dialog.routes",
            what=self.tr("读取线路"),
        )

    def _routes_loaded(self, names: list[str]) -> None:
        combo = self.ui.routeCombo
        text = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("")
        combo.addItems(names)
        combo.setEditText(text)
        combo.blockSignals(False)

    def _route_edited(self, text: str) -> None:
        # Moving to another route: the position there is chosen by the core (at the end).
        if text.strip() != self.original_route:
            self.ui.routePositionSpin.setValue(0)

    # --- widgets <-> CustomerInput ------------------------------------------------------------
    def show_input(self, data: CustomerInput) -> None:
        ui = self.ui
        ui.codeEdit.setText(data.code)
        ui.shopNameEdit.setText(data.shop_name)
        ui.ownerEdit.setText(data.owner_name)
        ui.phoneEdit.setText(data.phone)
        ui.licenceEdit.setText(data.licence_no)
        expiry = data.licence_expiry
        ui.licenceExpiryEdit.setDate(
            QDate(expiry.year, expiry.month, expiry.day) if expiry else NO_DATE
        )
        ui.addressEdit.setText(data.address)
        ui.districtEdit.setText(data.district)
        ui.routeCombo.setEditText(data.route)
        ui.routePositionSpin.setValue(data.route_position or 0)
        _select_data(ui.orderWeekdayCombo, data.order_weekday)
        _select_data(ui.formatCombo, data.format)
        _select_data(ui.marketTypeCombo, data.market_type)
        ui.gradeSpin.setValue(data.grade if data.grade is not None else ui.gradeSpin.minimum())
        _select_data(ui.statusCombo, data.status)
        ui.keyCustomerCheck.setChecked(data.is_key_customer)
        ui.latEdit.setText("" if data.gps_lat is None else repr(data.gps_lat))
        ui.lonEdit.setText("" if data.gps_lon is None else repr(data.gps_lon))
        ui.notesEdit.setPlainText(data.notes)

    def collect(self) -> CustomerInput:
        """The input as typed, parsed and checked by the core (raises InvalidValue)."""
        ui = self.ui
        qd = ui.licenceExpiryEdit.date()
        expiry = None if qd == NO_DATE else date(qd.year(), qd.month(), qd.day())
        grade = ui.gradeSpin.value()
        data = CustomerInput(
            code=ui.codeEdit.text(),
            shop_name=ui.shopNameEdit.text(),
            licence_no=_field_error("licence_no", lambda: parse_licence(ui.licenceEdit.text())),
            owner_name=ui.ownerEdit.text(),
            phone=_field_error("phone", lambda: parse_phone(ui.phoneEdit.text())),
            address=ui.addressEdit.text(),
            district=ui.districtEdit.text(),
            format=ui.formatCombo.currentData() or "",
            market_type=ui.marketTypeCombo.currentData() or "",
            grade=None if grade < vocabulary().grade_min else grade,
            route=ui.routeCombo.currentText(),
            route_position=ui.routePositionSpin.value() or None,
            order_weekday=ui.orderWeekdayCombo.currentData(),
            status=ui.statusCombo.currentData() or "active",
            is_key_customer=ui.keyCustomerCheck.isChecked(),
            licence_expiry=expiry,
            gps_lat=_field_error(
                "gps_lat", lambda: parse_coordinate(ui.latEdit.text(), -90, 90, "latitude_range")
            ),
            gps_lon=_field_error(
                "gps_lon",
                lambda: parse_coordinate(ui.lonEdit.text(), -180, 180, "longitude_range"),
            ),
            notes=ui.notesEdit.toPlainText(),
        )
        return check_input(data)

    def state(self) -> tuple[object, ...]:
        ui = self.ui
        return (
            *(w.text() for w in (ui.codeEdit, ui.shopNameEdit, ui.ownerEdit, ui.phoneEdit)),
            *(w.text() for w in (ui.licenceEdit, ui.addressEdit, ui.districtEdit)),
            ui.licenceExpiryEdit.date(),
            ui.routeCombo.currentText(),
            ui.routePositionSpin.value(),
            *(c.currentIndex() for c in (ui.orderWeekdayCombo, ui.formatCombo)),
            *(c.currentIndex() for c in (ui.marketTypeCombo, ui.statusCombo)),
            ui.gradeSpin.value(),
            ui.keyCustomerCheck.isChecked(),
            ui.latEdit.text(),
            ui.lonEdit.text(),
            ui.notesEdit.toPlainText(),
        )

    # --- the edit flow -----------------------------------------------------------------------
    def save_job(self) -> SaveJob:
        data = self.collect()
        customer_id = self.customer.id if self.customer else None
        basis = self.reason_box.basis()

        def save(j: Journal) -> CustomerRow:
            if customer_id is None:
                return j.customers.create(data)
            return j.customers.update(customer_id, data, basis)

        return save

    def save_what(self) -> str:
        return self.tr("保存客户")

    def after_save(self, result: CustomerRow) -> None:
        self.customer = result
        self._audited_edited()

    def saved_message(self, result: CustomerRow) -> str:
        return self.tr("已保存客户 {name}").format(name=result.shop_name)

    def field_widget(self, field: str) -> QWidget | None:
        return self.widgets.get(field)

    def discard_question(self) -> DiscardQuestion:
        return DiscardQuestion(
            self.tr("放弃修改？"),
            self.tr("这个客户的修改还没有保存。要放弃这些修改吗？"),
            self.tr("放弃修改"),
            self.tr("继续编辑"),
        )

    @property
    def error_text(self) -> str:
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""


def _select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))
