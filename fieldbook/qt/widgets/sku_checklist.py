"""A list of the SKUs on the market to tick (with the ones already chosen), filtered by name or
code as one types, with a count of what is ticked. Loaded from the catalog when first needed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from fieldbook.qt.context import AppContext

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.core.master.catalog import SkuRow

ID_ROLE = Qt.ItemDataRole.UserRole


class SkuChecklist(QWidget):
    def __init__(
        self, ctx: AppContext, chosen: Iterable[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        #: The ids of the SKUs ticked.
        self.chosen: set[str] = set(chosen)
        self.loaded = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("筛选规格名称或编码"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setMaximumHeight(130)
        self.list.setAccessibleName(self.tr("卷烟规格"))
        self.count = QLabel()
        self.count.setObjectName("hintLabel")
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(self.count)
        self.filter.textChanged.connect(self._filter)
        self.list.itemChanged.connect(self._toggled)

    def load(self) -> None:
        """Read the SKUs (once): those on the market and those already chosen."""
        if self.loaded:
            return
        self.loaded = True
        chosen = self.chosen

        def on_offer(j: Journal) -> list[SkuRow]:
            return [s for s in j.catalog.list() if s.on_market or s.id in chosen]

        self.ctx.ops.query(
            on_offer, self._show, key="slip_dialog.skus", what=self.tr("读取卷烟规格")
        )

    def _show(self, rows: list[SkuRow]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.name}　{row.code}")
            item.setData(ID_ROLE, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if row.id in self.chosen else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._filter(self.filter.text())
        self._count()

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        for n in range(self.list.count()):
            item = self.list.item(n)
            item.setHidden(not all(w in item.text().lower() for w in words))

    def _toggled(self, item: QListWidgetItem) -> None:
        sku_id = item.data(ID_ROLE)
        if item.checkState() == Qt.CheckState.Checked:
            self.chosen.add(sku_id)
        else:
            self.chosen.discard(sku_id)
        self._count()

    def _count(self) -> None:
        self.count.setText(self.tr("已选 {n} 个规格").format(n=len(self.chosen)))

    def check(self, sku_id: str, checked: bool = True) -> None:
        """Tick (or untick) one SKU, as a user would."""
        for n in range(self.list.count()):
            item = self.list.item(n)
            if item.data(ID_ROLE) == sku_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
