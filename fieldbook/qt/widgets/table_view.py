"""A read-only table view set up the same way everywhere: whole-row selection, fixed row
height, column widths from the model's column declarations, Enter or double-click to open."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from fieldbook.qt.models.row_table_model import RowTableModel


class RowTableView(QTableView):
    #: The user asked to open a row (Enter/Return or double-click): the model row number.
    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setTabKeyNavigation(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(30)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(40)
        self.doubleClicked.connect(self._double_clicked)

    def set_row_model(self, model: RowTableModel[Any], *, sortable: bool = True) -> None:
        self.setModel(model)
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        for n, column in enumerate(model.columns):
            # never narrower than its title (English titles are longer than the Chinese ones)
            title = metrics.horizontalAdvance(column.title) + 28
            header.resizeSection(n, max(column.width, title))
            if column.stretch:
                header.setStretchLastSection(False)
                header.setSectionResizeMode(n, QHeaderView.ResizeMode.Stretch)
        if sortable:
            # -1: keep the order the core returned until the user clicks a header.
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            self.setSortingEnabled(True)

    def current_row(self) -> int:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isRowSelected(index.row()):
            return -1
        return index.row()

    def select_row(self, row: int) -> None:
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return
        self.setCurrentIndex(model.index(row, 0))
        self.selectRow(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            row = self.current_row()
            if row >= 0:
                self.open_requested.emit(row)
                event.accept()
                return
        super().keyPressEvent(event)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(index.row())
