"""The day's stops in plan order, with drag-and-drop reordering.

A drop (or :meth:`moveRows`) moves the row here at once and emits ``order_changed`` with the
stop ids in their new order; the page persists that through ``plans.reorder`` and then shows
what the core returned.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QMimeData, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from fieldbook.core.routine.plan import StopView
from fieldbook.qt.models.row_table_model import Column, Index, RowTableModel
from fieldbook.qt.plan_format import reason_text, state_text

translate = QCoreApplication.translate
MIME_TYPE = "application/x-fieldbook-plan-stops"
_STATE_BACKGROUND = {
    "visited": QColor("#eaf6ec"),
    "skipped": QColor("#fff5e0"),
    "removed": QColor("#f1f2f4"),
}
_DRAFT_BACKGROUND = QColor("#e8f1fd")


def stop_columns() -> list[Column[StopView]]:
    return [
        Column(
            translate("PlanPage", "序号"),
            lambda s: str(s.position),
            align="right",
            width=52,
        ),
        Column(translate("PlanPage", "客户"), lambda s: s.shop_name, width=190, tooltip=True),
        Column(
            translate("PlanPage", "负责人/电话"),
            lambda s: " ".join(x for x in (s.owner_name, s.phone) if x),
            width=170,
        ),
        Column(translate("PlanPage", "原因"), reason_text, width=230, tooltip=True, stretch=True),
        Column(translate("PlanPage", "状态"), state_text, width=200, tooltip=True),
        Column(
            translate("PlanPage", "跟踪"),
            lambda s: str(s.followups_open) if s.followups_open else "",
            align="right",
            width=52,
        ),
    ]


class PlanStopModel(RowTableModel[StopView]):
    #: The stop ids in their new order, after a drop or :meth:`moveRows`.
    order_changed = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(stop_columns(), parent)

    def ids(self) -> list[str]:
        return [s.id for s in self._rows]

    def muted(self, row: StopView) -> bool:
        return row.state == "removed"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            stop = self.row_at(index.row())
            if stop is None:
                return None
            if stop.state == "planned" and stop.visit_status == "draft":
                return QBrush(_DRAFT_BACKGROUND)
            color = _STATE_BACKGROUND.get(stop.state)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == 1:
            stop = self.row_at(index.row())
            if stop is not None:
                return "\n".join(
                    x for x in (stop.shop_name, stop.code, stop.address, stop.route_name) if x
                )
        return super().data(index, role)

    # --- drag and drop ----------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        ids = [self._rows[r].id for r in rows if 0 <= r < len(self._rows)]
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray(json.dumps(ids).encode()))
        return data

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        """Move the dragged stop to the drop position. Returns False on purpose: the move is
        already done, and a True would make the view remove the "source" rows afterwards."""
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME_TYPE):
            return False
        try:
            ids = json.loads(bytes(data.data(MIME_TYPE).data()).decode())
        except ValueError:
            return False
        if not ids or ids[0] not in self.ids():
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._rows)
        source = self.ids().index(ids[0])
        self.moveRows(QModelIndex(), source, 1, QModelIndex(), row)
        return False

    def moveRows(
        self,
        sourceParent: Index,
        sourceRow: int,
        count: int,
        destinationParent: Index,
        destinationChild: int,
    ) -> bool:
        """Move ``count`` rows starting at ``sourceRow`` to before row ``destinationChild``."""
        n = len(self._rows)
        if (
            sourceParent.isValid()
            or destinationParent.isValid()
            or count < 1
            or not 0 <= sourceRow <= n - count
            or not 0 <= destinationChild <= n
            or sourceRow <= destinationChild <= sourceRow + count
        ):
            return False
        if not self.beginMoveRows(
            QModelIndex(), sourceRow, sourceRow + count - 1, QModelIndex(), destinationChild
        ):
            return False
        block = self._rows[sourceRow : sourceRow + count]
        del self._rows[sourceRow : sourceRow + count]
        target = destinationChild - count if destinationChild > sourceRow else destinationChild
        self._rows[target:target] = block
        self._loaded = list(self._rows)
        self.endMoveRows()
        self.order_changed.emit(self.ids())
        return True
