"""The yardstick of the GUI start-up rows: a bare PySide6 window that opens the same database
with SQLAlchemy, reads what the page shows (the newest plan's stops, or every customer), fills a
table, and saves a PNG of itself — no Fieldbook code at all. ``bench.py`` runs it beside
``fieldbook gui --screenshot`` in the same run, so the ratio holds on a loaded machine.

    python tests/perf/bare_window.py DATABASE PNG {plan,customers}
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
from sqlalchemy import create_engine, text

Index = QModelIndex | QPersistentModelIndex

QUERIES = {
    # the newest plan's stops with their shops (what the plan page lists)
    "plan": (
        "SELECT s.position, c.code, c.shop_name, c.address, s.state"
        " FROM plan_stops s JOIN customers c ON c.id = s.customer_id"
        " WHERE s.plan_id = (SELECT id FROM plans ORDER BY plan_date DESC LIMIT 1)"
        " ORDER BY s.position"
    ),
    # every customer (what the customers page lists)
    "customers": "SELECT code, shop_name, owner_name, phone, address FROM customers ORDER BY code",
}


def rows_of(db: str, page: str) -> tuple[list[str], list[Sequence[object]]]:
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as con:
            result = con.execute(text(QUERIES[page]))
            return list(result.keys()), [tuple(r) for r in result]
    finally:
        engine.dispose()


class RowsModel(QAbstractTableModel):
    """The smallest table model: strings of the rows, asked for by the view."""

    def __init__(self, columns: list[str], rows: list[Sequence[object]]) -> None:
        super().__init__()
        self.columns = columns
        self.rows = rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        value = self.rows[index.row()][index.column()]
        return "" if value is None else str(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section]
        return None


def main(argv: Sequence[str]) -> int:
    db, png, page = argv
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(sys.argv[:1])
    columns, rows = rows_of(db, page)
    window = QMainWindow()
    table = QTableView()
    model = RowsModel(columns, rows)
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(1280, 800)
    window.show()
    saved: list[bool] = []

    def shoot() -> None:
        saved.append(window.grab().save(png, "PNG"))
        app.exit(0)

    QTimer.singleShot(0, shoot)
    app.exec()
    return 0 if saved and saved[0] else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
