"""A list section of the work log (上报的问题, 互控信息, 货源信息): a small table over the
section's rows (plain dicts, kept whole: an escalation's id and answer travel with it), an
entry line under it (Enter adds the row), cells editable in place (double-click or F2),
删除. Every change by the user emits ``edited``; the page decides whether that is an autosave
or a correction."""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldbook.qt.widgets.code_picker import CodeLookup, CodePicker

Index = QModelIndex | QPersistentModelIndex
MAX_VISIBLE_ROWS = 5


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    #: text | customer | sku | choice | answered, answer (read-only) | readonly
    kind: str = "text"
    width: int = 120
    stretch: bool = False
    options: tuple[str, ...] = ()
    required: bool = False
    max_length: int = 500
    placeholder: str = ""

    @property
    def editable(self) -> bool:
        return self.kind not in ("answered", "answer", "readonly")


class SectionRowsModel(QAbstractTableModel):
    edited = Signal()

    def __init__(
        self,
        columns: Sequence[Column],
        lookups: dict[str, CodeLookup],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.lookups = lookups
        self._rows: list[dict[str, Any]] = []

    # --- data ----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = [dict(copy.deepcopy(r)) for r in rows]
        self.endResetModel()

    def rows(self) -> list[dict[str, Any]]:
        return copy.deepcopy(self._rows)

    def row(self, n: int) -> dict[str, Any]:
        return dict(self._rows[n])

    def append(self, row: dict[str, Any]) -> None:
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(dict(row))
        self.endInsertRows()
        self.edited.emit()

    def remove(self, n: int) -> None:
        if not 0 <= n < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), n, n)
        del self._rows[n]
        self.endRemoveRows()
        self.edited.emit()

    def merge(self, key: str, value: str, updates: dict[str, Any]) -> None:
        """Set ``updates`` on the rows whose ``key`` is ``value`` (an answer came in)."""
        for n, row in enumerate(self._rows):
            if row.get(key) == value:
                row.update(updates)
                self.dataChanged.emit(self.index(n, 0), self.index(n, len(self.columns) - 1))

    # --- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].title
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and self.columns[index.column()].editable:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        value = row.get(column.key, "")
        if role == Qt.ItemDataRole.EditRole:
            return "" if value is None else value
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.display(row, column)
            return text if len(text) > 12 else None
        if role == Qt.ItemDataRole.ForegroundRole and column.kind == "answered":
            return QColor("#1e7b34") if row.get("answered") else QColor("#a4262c")
        return None

    def display(self, row: dict[str, Any], column: Column) -> str:
        value = row.get(column.key, "")
        if column.kind == "answered":
            return self.tr("已答复") if row.get("answered") else self.tr("未答复")
        if column.kind == "answer" and value and row.get("answered_by"):  # who and when
            when = str(row.get("answered_at") or "")[5:16]
            return self.tr("{answer}（{by} {when}）").format(
                answer=value, by=row["answered_by"], when=when
            )
        if column.kind == "customer" and value:
            lookup = self.lookups.get("customer")
            name = lookup.name(str(value)) if lookup else ""
            return f"{value} {name}".strip()
        if column.kind == "sku" and value and row.get("sku_code"):
            return f"{value}（{row['sku_code']}）"
        return "" if value is None else str(value)

    def sku_values(self, text: str) -> dict[str, str]:
        """A SKU cell: the catalog name (what the log shows) and its code, when ``text`` is
        a code the picker found; else the text as typed."""
        code = text.split()[0] if text else ""
        lookup = self.lookups.get("sku")
        name = lookup.name(code) if lookup is not None and code else ""
        if name:
            return {"sku": name, "sku_code": code}
        return {"sku": text, "sku_code": ""}

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        column = self.columns[index.column()]
        if not column.editable:
            return False
        row = self._rows[index.row()]
        text = str(value or "").strip()
        if column.kind == "customer":
            text = text.split()[0] if text else ""
        if row.get(column.key, "") == text:
            return False
        if column.required and not text:
            return False  # a required cell cannot be emptied in place (删除 removes a row)
        if column.kind == "sku":
            row.update(self.sku_values(text))
        else:
            row[column.key] = text
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True


def make_editor(
    column: Column, lookups: dict[str, CodeLookup], parent: QWidget | None = None
) -> QWidget:
    """The editor of a cell of ``column``: a combo box for choices, a search picker for
    customers and SKUs, else a line edit."""
    if column.kind == "choice":
        combo = QComboBox(parent)
        combo.addItems(list(column.options))
        return combo
    if column.kind in ("customer", "sku"):
        return CodePicker(lookups[column.kind], parent)
    edit = QLineEdit(parent)
    edit.setMaxLength(column.max_length)
    return edit


class _Delegate(QStyledItemDelegate):
    """Combo boxes for choices, search pickers for customers and SKUs, else a line edit."""

    def __init__(self, model: SectionRowsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        return make_editor(self.model.columns[index.column()], self.model.lookups, parent)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findText(value), 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(value)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())


class SectionTable(QWidget):
    #: The user changed the rows (added, edited, removed).
    edited = Signal()

    def __init__(
        self,
        title: str,
        columns: Sequence[Column],
        lookups: dict[str, CodeLookup],
        *,
        new_row: Callable[[], dict[str, Any]] = dict,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.new_row = new_row
        self.model = SectionRowsModel(columns, lookups, self)
        self.model.edited.connect(self.edited)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.view = self._build_view(title, columns)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._fit_height)
        self._fit_height()
        layout.addWidget(self.view)
        layout.addLayout(self._build_entry(title, columns, lookups))
        self.hint = QLabel()
        self.hint.setObjectName("itemError")
        self.hint.hide()
        layout.addWidget(self.hint)

    def _build_view(self, title: str, columns: Sequence[Column]) -> QTableView:
        view = QTableView()
        view.setModel(self.model)
        view.setItemDelegate(_Delegate(self.model, view))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTabKeyNavigation(False)
        view.setAccessibleName(title)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(28)
        header = view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        for n, column in enumerate(columns):
            header.resizeSection(n, column.width)
            if column.stretch:
                header.setSectionResizeMode(n, QHeaderView.ResizeMode.Stretch)
        return view

    def _build_entry(
        self, title: str, columns: Sequence[Column], lookups: dict[str, CodeLookup]
    ) -> QHBoxLayout:
        """The entry line under the table: one field per editable column, 添加, 删除."""
        entry = QHBoxLayout()
        entry.setSpacing(6)
        self.entry: dict[str, QWidget] = {}
        self.entry_columns = [c for c in columns if c.editable]
        for column in self.entry_columns:
            widget = make_editor(column, lookups)
            if isinstance(widget, CodePicker):
                widget.returnPressed.connect(self.add_from_entry)
            else:
                widget.setMinimumHeight(30)
                if isinstance(widget, QLineEdit):
                    widget.returnPressed.connect(self.add_from_entry)
            if column.placeholder and isinstance(widget, QLineEdit):
                widget.setPlaceholderText(column.placeholder)
            widget.setAccessibleName(f"{title}：{column.title}")
            widget.setToolTip(column.title)
            self.entry[column.key] = widget
            entry.addWidget(widget, 3 if column.stretch else 2)
        self.add_button = QToolButton()
        self.add_button.setText(self.tr("添加"))
        self.add_button.setToolTip(self.tr("添加这一行（Enter）"))
        self.add_button.clicked.connect(self.add_from_entry)
        self.remove_button = QToolButton()
        self.remove_button.setText(self.tr("删除"))
        self.remove_button.setToolTip(self.tr("删除选中的行"))
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.add_button, self.remove_button):
            button.setMinimumHeight(30)
            entry.addWidget(button)
        self.extra = QHBoxLayout()  # room for a section's own buttons (记录答复)
        entry.addLayout(self.extra)
        return entry

    def _fit_height(self, *_args: object) -> None:
        """As tall as the rows (one empty row at least, five at most; then it scrolls)."""
        rows = min(max(self.model.rowCount(), 1), MAX_VISIBLE_ROWS)
        header = self.view.horizontalHeader().sizeHint().height()
        row = self.view.verticalHeader().defaultSectionSize()
        self.view.setFixedHeight(header + rows * row + 2 * self.view.frameWidth() + 2)

    # --- rows ----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        self.show_hint("")

    def rows(self) -> list[dict[str, Any]]:
        return self.model.rows()

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def entry_value(self, key: str) -> str:
        widget = self.entry[key]
        if isinstance(widget, QComboBox):
            return widget.currentText()
        if isinstance(widget, CodePicker):
            return widget.code()
        assert isinstance(widget, QLineEdit)
        return widget.text().strip()

    def add_from_entry(self) -> bool:
        """Add the entry line as a row (its required cells filled)."""
        values = {c.key: self.entry_value(c.key) for c in self.entry_columns}
        for column in self.entry_columns:
            if column.required and not values[column.key]:
                self.show_hint(self.tr("请填写“{name}”").format(name=column.title))
                self.entry[column.key].setFocus(Qt.FocusReason.OtherFocusReason)
                return False
        row = {**self.new_row(), **values}
        for column in self.entry_columns:
            if column.kind == "sku":
                row.update(self.model.sku_values(values[column.key]))
        self.show_hint("")
        for column in self.entry_columns:
            widget = self.entry[column.key]
            if isinstance(widget, QLineEdit):
                widget.clear()
        first = self.entry[self.entry_columns[0].key]
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.model.append(row)
        self.view.scrollToBottom()
        return True

    def remove_selected(self) -> None:
        row = self.current_row()
        if row < 0:
            self.show_hint(self.tr("请先选中要删除的行"))
            return
        self.show_hint("")
        self.model.remove(row)

    def show_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))
