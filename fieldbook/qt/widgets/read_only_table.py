"""A small read-only table of texts (the rows a dry run found, corrections, customers without
an order): whole rows selected, no editing, no row numbers, one line a row."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QWidget

#: Room around a column title (the style's margins and the sort indicator's gap).
HEADER_PADDING = 20


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
        metrics = header.fontMetrics()
        for n, width in enumerate(widths):
            if n != stretch:  # never narrower than its title (English titles run longer)
                need = (
                    metrics.horizontalAdvance(headers[n]) + HEADER_PADDING
                    if n < len(headers)
                    else 0
                )
                header.resizeSection(n, max(width, need))
        if stretch is None:
            header.setStretchLastSection(True)
        else:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
