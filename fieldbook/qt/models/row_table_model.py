"""A small read-only table model over a list of frozen rows (CustomerRow, SkuRow, ...).

Columns are declared once (title, how to show a row, how to sort it). Sorting is done here on
the Python list with a key function — sorting 10,000 rows takes milliseconds, where a
QSortFilterProxyModel would call ``data()`` hundreds of thousands of times.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter
_MUTED = QColor("#8a8f98")


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    #: Sort key (defaults to the shown text); ``None`` values always sort last.
    key: Callable[[R], Any] | None = None
    align: str = "left"  # "left", "right" or "center"
    width: int = 100
    tooltip: bool = False
    #: This column takes the spare width (instead of the last one).
    stretch: bool = False


def count_column(title: str, value: Callable[[R], int | None], width: int = 70) -> Column[R]:
    """A right-aligned count, sorted by its number (empty when None)."""
    return Column(
        title,
        lambda r: "" if value(r) is None else str(value(r)),
        key=value,
        align="right",
        width=width,
    )


def stretch_column(title: str, text: Callable[[R], str], width: int = 100) -> Column[R]:
    """The column that takes the spare width (a name, a description), its text as tooltip."""
    return Column(title, text, width=width, tooltip=True, stretch=True)


def coded_column(
    title: str,
    code: Callable[[R], int | None],
    name: Callable[[int | None], str],
    width: int,
) -> Column[R]:
    """A coded value (weekday, grade, price class): centred, shown by its name, sorted by
    its code."""
    return Column(title, lambda r: name(code(r)), key=code, align="center", width=width)


def none_last(value: Any) -> tuple[bool, Any]:
    return (value is None or value == "", value if value is not None else "")


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows are set whole with :meth:`set_rows`; the model never edits them."""

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns: tuple[Column[R], ...] = tuple(columns)
        self._rows: list[R] = []
        self._loaded: list[R] = []
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    # --- rows -----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._loaded = list(rows)
        self._rows = self._sorted(self._loaded)
        self.endResetModel()

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_of(self, predicate: Callable[[R], bool]) -> int:
        for n, item in enumerate(self._rows):
            if predicate(item):
                return n
        return -1

    def muted(self, row: R) -> bool:
        """Rows shown greyed out (e.g. closed shops); subclasses override."""
        return False

    # --- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int({"right": _RIGHT, "center": _CENTER}.get(column.align, _LEFT).value)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.text(row) or None
        if role == Qt.ItemDataRole.ForegroundRole and self.muted(row):
            return QBrush(_MUTED)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int({"right": _RIGHT, "center": _CENTER}.get(column.align, _LEFT).value)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column``; ``-1`` restores the order the core returned."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        held = [self._rows[i.row()] for i in before]
        self._sort = (column, order)
        self._rows = self._sorted(self._loaded)
        where = {id(r): n for n, r in enumerate(self._rows)}
        after = [self.index(where[id(r)], i.column()) for r, i in zip(held, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sorted(self, rows: list[R]) -> list[R]:
        column, order = self._sort
        if not 0 <= column < len(self.columns):
            return list(rows)
        spec = self.columns[column]
        key = spec.key or spec.text
        reverse = order == Qt.SortOrder.DescendingOrder
        present = [r for r in rows if key(r) not in (None, "")]
        absent = [r for r in rows if key(r) in (None, "")]
        return sorted(present, key=key, reverse=reverse) + absent
