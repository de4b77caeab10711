"""货源信息 in the SKU dialog: the state (正常 / 紧俏 / 限量 / 停供) and, for 限量, the limits per
档位 typed on one line (``1-7:1；8-12:2；13-30:5``), checked by the core before anything is
saved (master/supply.py). Keyboard only: the state is a combo, the limits a line edit that is
enabled for 限量 alone."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from fieldbook.core.master.supply import (
    SupplyInput,
    SupplyRow,
    bands_text,
    check_supply,
    state_name,
    supply_rules,
)
from fieldbook.qt.i18n import ui_language


class SupplyFields(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.state_combo = QComboBox()
        self.state_combo.setAccessibleName(self.tr("货源状态"))
        for st in supply_rules().states:
            self.state_combo.addItem(state_name(st.code, ui_language()), st.code)
        self.limits_edit = QLineEdit()
        self.limits_edit.setMaxLength(200)
        self.limits_edit.setAccessibleName(self.tr("档位限量"))
        self.limits_edit.setPlaceholderText(self.tr("限量时填写，如 1-7:1；8-12:2；13-30:5"))
        self.limits_edit.setToolTip(
            self.tr("每段“档位区间:每户限量条数”，分号或逗号隔开；档位 1–{max}").format(
                max=supply_rules().max_grade
            )
        )
        self.since = QLabel()
        self.since.setObjectName("hintLabel")
        layout.addWidget(self.state_combo)
        layout.addWidget(self.limits_edit, 1)
        self.state_combo.currentIndexChanged.connect(self._state_changed)
        self.loaded: tuple[str, str] = (supply_rules().default, "")
        self._state_changed()

    def _state_changed(self) -> None:
        code = self.state_combo.currentData()
        limited = any(st.code == code and st.needs_limits for st in supply_rules().states)
        self.limits_edit.setEnabled(limited)

    def show_supply(self, row: SupplyRow) -> None:
        self.state_combo.setCurrentIndex(max(self.state_combo.findData(row.state), 0))
        self.limits_edit.setText(bands_text(row.bands).replace(";", "；"))
        self.loaded = self.value()
        since = row.valid_from.isoformat() if row.valid_from else ""
        self.since.setText(self.tr("{since} 起").format(since=since) if since else "")

    def value(self) -> tuple[str, str]:
        limits = self.limits_edit.text() if self.limits_edit.isEnabled() else ""
        return str(self.state_combo.currentData()), limits.strip()

    def changed(self) -> bool:
        return self.value() != self.loaded

    def collect(self, today: date) -> SupplyInput:
        """The supply as typed, from ``today``; raises InvalidValue naming ``limits``."""
        state, limits = self.value()
        data = SupplyInput(state, limits, today)
        check_supply(data)
        return data
