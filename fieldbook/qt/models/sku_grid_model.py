"""The per-SKU grid of a visit (规格, 价类, 上柜, 排面, 库存(条), 库存(包), 售价(元/包)).

Edits are reported through ``edited`` (sku id, field, value) for the page to autosave. A value
that does not parse — or that the core rejects — stays in its cell as typed, marked red with
the error as its tooltip, while the row keeps the last value the core accepted (what the price
line gaps are computed from). A price seen off the guide price (``price_checks``) is marked:
its cell tinted, its tooltip 「高于指导价 2.00 元（+10.0%）」."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from fieldbook.core.master.catalog import class_name
from fieldbook.core.routine.checklist import GridLine
from fieldbook.core.routine.price_checks import ABOVE, PriceCheck, amount_text, percent_text
from fieldbook.core.routine.visit_grid import GridRow
from fieldbook.qt.formatting import yuan
from fieldbook.qt.i18n import ui_language
from fieldbook.qt.models.row_table_model import Index

translate = QCoreApplication.translate

#: (title, GridRow field or "" for the read-only columns)
COLUMNS: tuple[tuple[str, str], ...] = (
    (translate("SkuGrid", "规格"), ""),
    (translate("SkuGrid", "价类"), ""),
    (translate("SkuGrid", "上柜"), "on_shelf"),
    (translate("SkuGrid", "排面"), "facings"),
    (translate("SkuGrid", "库存(条)"), "stock_cartons"),
    (translate("SkuGrid", "库存(包)"), "stock_packs"),
    (translate("SkuGrid", "售价(元/包)"), "price_fen"),
)
SHELF_COLUMN = 2
FIRST_INPUT = 2
LAST_INPUT = len(COLUMNS) - 1
_BAD = QColor("#fde2e2")
_PREVIOUS = QColor("#8a8886")  # last time's value, waiting for 已核对
_DEVIATION = QColor("#fff0c2")  # 价格偏离
_STRONG = QColor("#ffd6a8")  # 价格偏离 of 15 % or more
PRICE_COLUMN = len(COLUMNS) - 1
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def parse_cell(field: str, text: str) -> tuple[Any, str]:
    """(value, error) for text typed into a cell: the value is None when empty, a number when
    it parses, else the text itself (the core words why it is wrong); price is 元 → fen."""
    text = text.strip()
    if not text:
        return None, ""
    if field == "price_fen":
        try:
            amount = Decimal(text)
        except InvalidOperation:
            return text, translate("SkuGrid", "售价：请填写金额（元/包），如 23.50")
        fen = amount * 100
        if fen != fen.to_integral_value():
            return text, translate("SkuGrid", "售价：最多两位小数")
        return int(fen), ""
    try:
        return int(text), ""
    except ValueError:
        return text, ""


def deviation_words(check: PriceCheck) -> str:
    """``高于指导价 2.00 元（+10.0%）`` in the interface language."""
    words = (
        translate("SkuGrid", "高于指导价 {amount} 元（{percent}）")
        if check.state == ABOVE or check.diff_fen > 0
        else translate("SkuGrid", "低于指导价 {amount} 元（{percent}）")
    )
    return words.format(amount=amount_text(check), percent=percent_text(check))


def price_tip(row: GridRow) -> str:
    """What the price cell says of the price seen against the guide price ('' : not compared)."""
    check = row.price_check()
    if check is None:
        return ""
    guide = translate("SkuGrid", "指导价 {price} 元/包").format(
        price=f"{float(check.guide_fen) / 100:.2f}"
    )
    if check.at_guide:
        return translate("SkuGrid", "价格到位（{guide}）").format(guide=guide)
    if check.deviates:
        return translate("SkuGrid", "价格偏离：{words}，{guide}").format(
            words=deviation_words(check), guide=guide
        )
    return translate("SkuGrid", "价格未到位：{words}，{guide}").format(
        words=deviation_words(check), guide=guide
    )


def deviations_text(rows: Sequence[GridRow]) -> str:
    """``价格偏离：中华(硬) 高于指导价 5.00 元（+11.1%）；…`` ('' : none)."""
    said = [
        f"{r.name} {deviation_words(c)}"
        for r in rows
        if (c := r.price_check()) is not None and c.deviates
    ]
    if not said:
        return ""
    return translate("SkuGrid", "价格偏离：{list}").format(list="；".join(said))


class SkuGridModel(QAbstractTableModel):
    #: (sku id, field, value) — the user changed a cell.
    edited = Signal(str, str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[GridRow] = []
        self._typed: dict[tuple[str, str], str] = {}  # bad text kept as typed
        self._errors: dict[tuple[str, str], str] = {}
        #: Last time's rows waiting for 已核对 (sku id → field → value): shown greyed in the
        #: empty cells, never as this visit's values.
        self._previous: dict[str, dict[str, Any]] = {}
        self.editable = True

    # --- rows -----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[GridRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._typed.clear()
        self._errors.clear()
        self.endResetModel()

    def rows(self) -> list[GridRow]:
        return list(self._rows)

    def set_previous(self, previous: Mapping[str, Mapping[str, Any]]) -> None:
        """Last time's values of the rows that wait for 已核对 (nothing: none wait)."""
        self._previous = {sku: dict(values) for sku, values in previous.items()}
        if self._rows:
            last = self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def previous_text(self, sku_id: str, field: str) -> str:
        """Last time's value of an empty cell still waiting for 已核对 ('' when none)."""
        value = self._previous.get(sku_id, {}).get(field)
        if value is None or field == "on_shelf":
            return ""
        return yuan(value) if field == "price_fen" else str(value)

    def row_of(self, sku_id: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.sku_id == sku_id), -1)

    def lines(self) -> list[GridLine]:
        return [r.line() for r in self._rows]

    def set_editable(self, editable: bool) -> None:
        self.beginResetModel()
        self.editable = editable
        self.endResetModel()

    # --- errors ---------------------------------------------------------------------------
    def mark_error(self, sku_id: str, field: str, text: str) -> None:
        self._errors[(sku_id, field)] = text
        self._changed(sku_id, field)

    def accepted(self, sku_id: str, field: str, value: Any) -> None:
        """The core saved ``value``: the row holds it and the cell is no longer marked."""
        row = self.row_of(sku_id)
        if row < 0:
            return
        self._rows[row] = replace(self._rows[row], **{field: value})
        self._typed.pop((sku_id, field), None)
        self._errors.pop((sku_id, field), None)
        self._changed(sku_id, field)

    def errors(self) -> dict[tuple[str, str], str]:
        return dict(self._errors)

    def _changed(self, sku_id: str, field: str) -> None:
        row = self.row_of(sku_id)
        column = next((n for n, (_t, f) in enumerate(COLUMNS) if f == field), -1)
        if row >= 0 and column >= 0:
            index = self.index(row, column)
            self.dataChanged.emit(index, index)

    # --- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0] if 0 <= section < len(COLUMNS) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if not self.editable or index.column() < FIRST_INPUT:
            return base
        if index.column() == SHELF_COLUMN:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        field = COLUMNS[column][1]
        key = (row.sku_id, field)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                return row.name + (translate("SkuGrid", "（新品）") if row.is_new else "")
            if column == 1:
                return class_name(row.price_class, ui_language())
            if column == SHELF_COLUMN:
                return None
            if key in self._typed:
                return self._typed[key]
            value = getattr(row, field)
            if value is None:  # last time's value shown (greyed), never edited as this one's
                shown = role == Qt.ItemDataRole.DisplayRole
                return self.previous_text(row.sku_id, field) if shown else ""
            return yuan(value) if field == "price_fen" else str(value)
        if role == Qt.ItemDataRole.CheckStateRole and column == SHELF_COLUMN:
            return Qt.CheckState.Checked if row.on_shelf else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column > SHELF_COLUMN:
            return int(_RIGHT.value)
        if role == Qt.ItemDataRole.BackgroundRole and key in self._errors:
            return QBrush(_BAD)
        check = row.price_check() if column == PRICE_COLUMN and key not in self._typed else None
        if role == Qt.ItemDataRole.BackgroundRole and check is not None and check.deviates:
            return QBrush(_STRONG if check.strong else _DEVIATION)
        waiting = column > SHELF_COLUMN and getattr(row, field) is None and key not in self._typed
        previous = self.previous_text(row.sku_id, field) if waiting else ""
        if role == Qt.ItemDataRole.ForegroundRole and previous:
            return QBrush(_PREVIOUS)
        if role == Qt.ItemDataRole.FontRole and previous:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if key in self._errors:
                return self._errors[key]
            if previous:
                return translate(
                    "SkuGrid", "上次：{value}（待核对：Ctrl+Shift+D 或直接填写）"
                ).format(value=previous)
            if check is not None:
                return price_tip(row)
            if column == 0:
                return f"{row.name} {row.code}" + (
                    translate("SkuGrid", " · 重点品牌") if row.is_key_brand else ""
                )
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self.flags(index) & (
            Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        ):
            return False
        row = self._rows[index.row()]
        field = COLUMNS[index.column()][1]
        if index.column() == SHELF_COLUMN:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            self._rows[index.row()] = replace(row, on_shelf=checked)
            self.dataChanged.emit(index, index)
            self.edited.emit(row.sku_id, field, checked)
            return True
        if role != Qt.ItemDataRole.EditRole:
            return False
        text = "" if value is None else str(value)
        parsed, error = parse_cell(field, text)
        key = (row.sku_id, field)
        if error:
            self._typed[key] = text.strip()
            self._errors[key] = error
            self.dataChanged.emit(index, index)
            return True
        # Shown as typed until the core accepted it (then the row holds the value).
        self._typed[key] = text.strip()
        self._errors.pop(key, None)
        self.dataChanged.emit(index, index)
        self.edited.emit(row.sku_id, field, parsed)
        return True
