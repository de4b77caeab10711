"""What only the manager writes in the weekly report: the narrative (本周主要工作, 存在问题,
改进措施) and next week's plan (线路安排 per weekday, 重点客户, 目标, 重点品牌, 其他). Plain
editors; ``edited`` says which part changed ("narrative" or "next_plan"); ``field_value`` gives
one field as the core stores it (for corrections)."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.routine.week import NARRATIVE, PLAN_FIELDS
from fieldbook.qt.formatting import listing, weekday_name
from fieldbook.qt.widgets.section_box import SectionBox

TARGETS = {
    "cartons": "订货量（条）",
    "per_carton": "单条值（元）",
    "skus_on_shelf": "上柜规格数",
    "new_shops": "新增客户",
}
PLACEHOLDERS = {
    "work_done": "如：走访 38 户次，推广新品中华(金中支)，处理反馈单 3 件",
    "problems": "如：桃山区两户连续三周未订货；部分客户价签不规范",
    "countermeasures": "如：下周逐户走访未订货客户，了解原因；价签统一更换",
    "other": "如：配合专卖开展市场检查；周四参加片区例会",
}
SPLIT = re.compile(r"[,，、;；\s]+")


def _t(text: str) -> str:
    return QCoreApplication.translate("WeekEditors", text)


def empty_field(field: str) -> Any:
    """A field with nothing written."""
    if field in ("key_customers", "brands"):
        return []
    if field in ("routes", "targets"):
        return {}
    return ""


def unit_of(field: str) -> str:
    """The unit a field is saved with: the narrative or next week's plan."""
    return "narrative" if field in NARRATIVE else "next_plan"


def field_label(field: str) -> str:
    name = field.split(".", 1)[-1]
    labels = {**NARRATIVE, **PLAN_FIELDS}
    return _t(labels[name]) if name in labels else name


def split_list(text: str) -> list[str]:
    return [part for part in SPLIT.split(text.strip()) if part]


def number_or_text(text: str) -> Any:
    text = text.strip()
    try:
        value = float(text)
    except ValueError:
        return text
    return int(value) if value.is_integer() else value


def field_text(value: Any) -> str:
    """A field's value in one line (更正记录's old → new)."""
    if value is None or value == "" or value == [] or value == {}:
        return _t("（空）")
    if isinstance(value, list):
        return listing(str(v) for v in value)
    if isinstance(value, dict):
        if set(value) <= set(TARGETS):
            return "；".join(f"{_t(TARGETS[k])} {v}" for k, v in value.items() if v != "")
        return "；".join(f"{weekday_name(int(k))} {v}" for k, v in sorted(value.items()) if v)
    return str(value)


def _title(text: str) -> QLabel:
    title = QLabel(text)
    title.setObjectName("sectionTitle")
    return title


class WeekEditors(QWidget):
    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 8, 0)
        self.column.setSpacing(10)
        self.texts: dict[str, QPlainTextEdit] = {}
        self.column.addWidget(self._narrative_box())
        self.column.addWidget(self._plan_box())
        self.column.addStretch(1)

    def _narrative_box(self) -> QGroupBox:
        """本周总结: one text per part of the narrative."""
        narrative = SectionBox(self.tr("本周总结"))
        box = QVBoxLayout(narrative)
        for key, label in NARRATIVE.items():
            title = _title(self.tr(label))
            edit = self._text(key, self.tr(label), 90)
            title.setBuddy(edit)
            box.addWidget(title)
            box.addWidget(edit)
        return narrative

    def _plan_box(self) -> QGroupBox:
        """下周计划: the routes by weekday, key customers and brands, targets, and the rest."""
        plan = SectionBox(self.tr("下周计划"))
        box = QVBoxLayout(plan)
        box.addWidget(_title(self.tr(PLAN_FIELDS["routes"])))
        box.addLayout(self._routes())
        form = QFormLayout()
        form.setHorizontalSpacing(10)
        self.key_customers = self._line(self.tr(PLAN_FIELDS["key_customers"]), "next_plan")
        self.key_customers.setPlaceholderText(self.tr("客户编码，用逗号或空格分开"))
        form.addRow(self.tr(PLAN_FIELDS["key_customers"]), self.key_customers)
        self.brands = self._line(self.tr(PLAN_FIELDS["brands"]), "next_plan")
        self.brands.setPlaceholderText(self.tr("规格名称，用顿号或逗号分开"))
        form.addRow(self.tr(PLAN_FIELDS["brands"]), self.brands)
        box.addLayout(form)
        box.addWidget(_title(self.tr(PLAN_FIELDS["targets"])))
        box.addLayout(self._targets())
        box.addWidget(_title(self.tr(PLAN_FIELDS["other"])))
        box.addWidget(self._text("other", self.tr(PLAN_FIELDS["other"]), 70))
        return plan

    def _routes(self) -> QGridLayout:
        """A route name per weekday, in two columns."""
        routes = QGridLayout()
        routes.setHorizontalSpacing(8)
        self.routes: dict[str, QLineEdit] = {}
        for n in range(1, 8):
            edit = self._line(f"{weekday_name(n)}{self.tr('线路')}", "next_plan")
            edit.setPlaceholderText(self.tr("线路名称"))
            routes.addWidget(QLabel(weekday_name(n)), (n - 1) % 4, ((n - 1) // 4) * 2)
            routes.addWidget(edit, (n - 1) % 4, ((n - 1) // 4) * 2 + 1)
            self.routes[str(n)] = edit
        return routes

    def _targets(self) -> QGridLayout:
        """Next week's targets, two a row."""
        targets = QGridLayout()
        targets.setHorizontalSpacing(8)
        self.targets: dict[str, QLineEdit] = {}
        for n, (key, label) in enumerate(TARGETS.items()):
            edit = self._line(self.tr(label), "next_plan")
            targets.addWidget(QLabel(self.tr(label)), n // 2, (n % 2) * 2)
            targets.addWidget(edit, n // 2, (n % 2) * 2 + 1)
            self.targets[key] = edit
        return targets

    def _text(self, key: str, name: str, height: int) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(height)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(_t(PLACEHOLDERS.get(key, "")))
        unit = "next_plan" if key in PLAN_FIELDS else "narrative"
        edit.textChanged.connect(lambda: self.edited.emit(unit))
        self.texts[key] = edit
        return edit

    def _line(self, name: str, unit: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setMinimumHeight(28)
        edit.setAccessibleName(name)
        edit.textChanged.connect(lambda _t: self.edited.emit(unit))
        return edit

    # --- values -----------------------------------------------------------------------------
    def narrative(self) -> dict[str, str]:
        return {key: self.texts[key].toPlainText().strip() for key in NARRATIVE}

    def next_plan(self) -> dict[str, Any]:
        return {
            "routes": {k: e.text().strip() for k, e in self.routes.items() if e.text().strip()},
            "key_customers": split_list(self.key_customers.text()),
            "targets": {
                k: number_or_text(e.text()) for k, e in self.targets.items() if e.text().strip()
            },
            "brands": split_list(self.brands.text()),
            "other": self.texts["other"].toPlainText().strip(),
        }

    def value_of(self, unit: str) -> dict[str, Any]:
        return self.narrative() if unit == "narrative" else self.next_plan()

    def field_value(self, field: str) -> Any:
        if field in NARRATIVE:
            return self.narrative()[field]
        return self.next_plan()[field]

    def set_values(self, narrative: dict[str, Any], plan: dict[str, Any]) -> None:
        """Show a report's texts (callers block the ``edited`` signal while loading)."""
        for key in NARRATIVE:
            self._set_text(self.texts[key], str(narrative.get(key) or ""))
        self.set_plan(plan)

    def set_plan(self, plan: dict[str, Any]) -> None:
        routes = plan.get("routes") or {}
        for key, edit in self.routes.items():
            edit.setText(str(routes.get(key) or routes.get(int(key)) or ""))
        self.key_customers.setText("，".join(str(c) for c in plan.get("key_customers") or []))
        self.brands.setText(listing(str(c) for c in plan.get("brands") or []))
        targets = plan.get("targets") or {}
        for key, edit in self.targets.items():
            value = targets.get(key)
            edit.setText("" if value is None else str(value))
        self._set_text(self.texts["other"], str(plan.get("other") or ""))

    @staticmethod
    def _set_text(edit: QPlainTextEdit, text: str) -> None:
        if edit.toPlainText() != text:
            edit.setPlainText(text)

    def set_read_only(self, read_only: bool) -> None:
        for edit in self.texts.values():
            edit.setReadOnly(read_only)
        for edit in (*self.routes.values(), *self.targets.values()):
            edit.setReadOnly(read_only)
        self.key_customers.setReadOnly(read_only)
        self.brands.setReadOnly(read_only)
