"""The top of the visit screen: the shop (name, code, owner, phone, address, grade, route),
where it is in the day's plan, the 货源信息 to tell it (the limits of its 档位), and the
arrival/departure times — 到店 and 离店 buttons, the times editable (an edit keeps the first
time: "原 07:38"), the time spent, "已保存 …"."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time

from PySide6.QtCore import QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core import clock
from fieldbook.core.master.customers import CustomerRow
from fieldbook.core.master.supply import ShopSupply
from fieldbook.core.routine.visit_views import VisitView
from fieldbook.qt.formatting import hm
from fieldbook.qt.widgets.form_fields import EnterMovesOn
from fieldbook.qt.widgets.layouts import row_of
from fieldbook.qt.widgets.save_state import SavedLabel
from fieldbook.qt.widgets.supply_notice import SupplyNotice


def _qtime(moment: datetime) -> QTime:
    return QTime(moment.hour, moment.minute)


def _time_edit(name: str) -> QTimeEdit:
    edit = QTimeEdit()
    edit.setDisplayFormat("HH:mm")
    edit.setAccessibleName(name)
    return edit


def _hint() -> QLabel:
    label = QLabel()
    label.setObjectName("hintLabel")
    return label


class VisitHeader(QFrame):
    arrive_clicked = Signal()
    leave_clicked = Signal()
    #: ("arrived_at" | "left_at", the new time of day) — the user edited a time.
    time_edited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitHeader")
        self.visit: VisitView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self._shop_row())
        layout.addWidget(self.details_label)
        self.supply = SupplyNotice()
        layout.addWidget(self.supply)
        layout.addLayout(self._times_row())
        self._enter = EnterMovesOn(self)
        for edit in (self.arrived_edit, self.left_edit):
            edit.setMinimumHeight(32)
            edit.installEventFilter(self._enter)
        self.arrive_button.installEventFilter(self._enter)
        self.leave_button.installEventFilter(self._enter)
        self.arrive_button.clicked.connect(self.arrive_clicked)
        self.leave_button.clicked.connect(self.leave_clicked)
        self.arrived_edit.editingFinished.connect(lambda: self._edited("arrived_at"))
        self.left_edit.editingFinished.connect(lambda: self._edited("left_at"))
        self._ticker = QTimer(self)
        self._ticker.setInterval(30_000)
        self._ticker.timeout.connect(self._show_duration)

    def set_compact(self, compact: bool) -> None:
        """Compact density: lower buttons and time fields (the header takes less height)."""
        for button in (self.arrive_button, self.leave_button):
            button.setMinimumHeight(30 if compact else 40)
        for edit in (self.arrived_edit, self.left_edit):
            edit.setMinimumHeight(26 if compact else 32)
        layout = self.layout()
        if layout is not None:
            layout.setSpacing(2 if compact else 4)

    def _shop_row(self) -> QHBoxLayout:
        """← 计划, the shop's name and where it is in the plan (its details go under it)."""
        self.back_button = QPushButton(self.tr("← 计划"))
        self.back_button.setToolTip(self.tr("回到计划（Esc）。已填写的内容都已保存。"))
        self.shop_label = QLabel()
        self.shop_label.setObjectName("shopName")
        self.where_label = QLabel()
        self.where_label.setObjectName("hintLabel")
        self.details_label = QLabel()
        self.details_label.setObjectName("shopDetails")
        self.details_label.setWordWrap(True)
        return row_of(self.back_button, 8, self.shop_label, None, self.where_label)

    def _times_row(self) -> QGridLayout:
        """到店 / 离店 (buttons, then the times), the time in the shop and "已保存"."""
        self.arrive_button = QPushButton(self.tr("到店（Alt+A）"))
        self.arrive_button.setObjectName("arriveButton")
        self.arrive_button.setMinimumHeight(40)
        self.arrive_button.setToolTip(self.tr("记下到店时间，开始这家店的走访（Alt+A）"))
        self.arrived_title = QLabel(self.tr("到店"))
        self.left_title = QLabel(self.tr("离店"))
        self.arrived_edit = _time_edit(self.tr("到店时间"))
        self.arrived_note = _hint()
        self.leave_button = QPushButton(self.tr("离店（Alt+L）"))
        self.leave_button.setMinimumHeight(40)
        self.leave_button.setToolTip(
            self.tr("记下离店时间（Alt+L）。不点也可以：完成走访时按当时时间记离店。")
        )
        self.left_edit = _time_edit(self.tr("离店时间"))
        self.left_note = _hint()
        self.duration_label = QLabel()
        self.duration_label.setObjectName("durationLabel")
        self.saved_label = SavedLabel()
        times = QGridLayout()
        times.setHorizontalSpacing(8)
        for n, widget in enumerate(
            (
                self.arrive_button,
                self.arrived_title,
                self.arrived_edit,
                self.arrived_note,
                self.leave_button,
                self.left_title,
                self.left_edit,
                self.left_note,
                self.duration_label,
            )
        ):
            times.addWidget(widget, 0, n)
        times.setColumnStretch(9, 1)
        times.addWidget(self.saved_label, 0, 10)
        return times

    # --- what is shown ----------------------------------------------------------------------
    def show_shop(
        self, customer: CustomerRow, where: str, supply: Sequence[ShopSupply] = ()
    ) -> None:
        self.supply.show_supply(supply, customer.grade)
        self.shop_label.setText(customer.shop_name)
        self.where_label.setText(where)
        parts = [customer.code]
        if customer.owner_name or customer.phone:
            parts.append(" ".join(x for x in (customer.owner_name, customer.phone) if x))
        if customer.address:
            parts.append(customer.address)
        if customer.grade is not None:
            parts.append(self.tr("档位 {n}").format(n=customer.grade))
        if customer.route_name:
            parts.append(customer.route_name)
        self.details_label.setText(" · ".join(parts))

    def show_no_shop(self) -> None:
        """The day's plan has no shop left to visit."""
        self.shop_label.setText(self.tr("没有要走访的客户"))
        self.details_label.setText(self.tr("今天的计划里没有待访的客户。"))
        self.supply.hide()
        self.where_label.clear()
        self.show_visit(None, editable=False)
        self.arrive_button.hide()

    def show_visit(self, visit: VisitView | None, *, editable: bool) -> None:
        self.visit = visit
        arrived = visit.arrived_at if visit else None
        left = visit.left_at if visit else None
        self.arrive_button.setVisible(arrived is None)
        self.arrive_button.setEnabled(editable or visit is None)
        self.arrived_edit.setVisible(arrived is not None)
        self.arrived_title.setVisible(arrived is not None)
        self.left_title.setVisible(left is not None)
        self.arrived_edit.setEnabled(editable)
        if arrived is not None:
            self._set_time(self.arrived_edit, arrived)
        self.leave_button.setVisible(arrived is not None and left is None)
        self.leave_button.setEnabled(editable)
        self.left_edit.setVisible(left is not None)
        self.left_edit.setEnabled(editable)
        if left is not None:
            self._set_time(self.left_edit, left)
        self._note(self.arrived_note, visit, "arrived_at")
        self._note(self.left_note, visit, "left_at")
        self._show_duration()
        if arrived is not None and left is None and visit is not None and visit.status == "draft":
            self._ticker.start()
        else:
            self._ticker.stop()

    def _set_time(self, edit: QTimeEdit, moment: datetime) -> None:
        edit.blockSignals(True)
        edit.setTime(_qtime(moment))
        edit.blockSignals(False)

    def _note(self, label: QLabel, visit: VisitView | None, field: str) -> None:
        """``原 07:38`` when the time was edited; the tooltip lists every edit."""
        edits = [e for e in (visit.time_edits if visit else ()) if e.field == field]
        first = getattr(visit, field.replace("_at", "_first")) if visit else None
        current = getattr(visit, field) if visit else None
        if edits and first is not None and current is not None and hm(first) != hm(current):
            label.setText(self.tr("原 {time}").format(time=hm(first)))
            label.setToolTip(
                "\n".join(
                    self.tr("{old} → {new}（{at} 修改）").format(
                        old=hm(e.old_value), new=hm(e.new_value), at=hm(e.edited_at)
                    )
                    for e in edits
                )
            )
            label.show()
        else:
            label.clear()
            label.setToolTip("")
            label.hide()

    def _show_duration(self) -> None:
        visit = self.visit
        if visit is None or visit.arrived_at is None:
            self.duration_label.clear()
            return
        end = visit.left_at or clock.now()
        minutes = max(0, round((end - visit.arrived_at).total_seconds() / 60))
        self.duration_label.setText(
            self.tr("用时 {n} 分钟").format(n=minutes)
            if visit.left_at
            else self.tr("已在店 {n} 分钟").format(n=minutes)
        )

    def _edited(self, field: str) -> None:
        visit = self.visit
        if visit is None:
            return
        edit = self.arrived_edit if field == "arrived_at" else self.left_edit
        current = getattr(visit, field)
        value = edit.time()
        if current is not None and _qtime(current) == value:
            return
        self.time_edited.emit(field, time(value.hour(), value.minute()))

    def show_time(self, field: str, moment: datetime) -> None:
        """Show a time in its field (one not saved yet, or being corrected)."""
        self._set_time(self.arrived_edit if field == "arrived_at" else self.left_edit, moment)

    def show_saved(self, moment: datetime) -> None:
        self.saved_label.show_saved(moment)

    def show_unsaved(self) -> None:
        self.saved_label.show_unsaved()

    def clear_saved(self) -> None:
        self.saved_label.clear()
