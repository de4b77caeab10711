"""A small read-only table of texts (the rows a dry run found, corrections, customers without
an order): whole rows selected, no editing, no row numbers, one line a row."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QWidget


class ReadOnlyTable(QTableWidget):
    """``headers`` and the ``widths`` of the first columns; the ``stretch`` column (the last
    by default) takes the spare width."""

    def __init__(
        self,
        headers: Sequence[str],
        widths: Sequence[int],
        *,
        row_height: int = 26,
        stretch: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(row_height)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for n, width in enumerate(widths):
            if n != stretch:
                header.resizeSection(n, width)
        if stretch is None:
            header.setStretchLastSection(True)
        else:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
