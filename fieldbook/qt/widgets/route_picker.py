"""我的线路: the districts of a customer list, each with its routes and how many customers each
route lists; the manager ticks theirs (a district's box ticks all its routes). Space ticks the
current row; Enter is left to the page (its primary button)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from fieldbook.core.master.roster_areas import RosterRoute
from fieldbook.core.text import clean_text

AREA_ROLE = Qt.ItemDataRole.UserRole
COUNT_ROLE = Qt.ItemDataRole.UserRole + 1
CHECKED = Qt.CheckState.Checked
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class RoutePicker(QTreeWidget):
    #: The ticked routes changed.
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("区县 / 线路"), self.tr("客户")])
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.itemChanged.connect(lambda _item, _column: self.changed.emit())

    def show_routes(self, routes: Sequence[RosterRoute], home: str = "") -> None:
        """The list's routes by district; ``home`` (the profile's unit or territory) ticks the
        district it names, else a single district is ticked whole, else nothing."""
        self.blockSignals(True)
        self.clear()
        districts: dict[str, QTreeWidgetItem] = {}
        for route in routes:
            parent = districts.get(route.district)
            if parent is None:
                parent = QTreeWidgetItem([route.district or self.tr("（未填区县）"), ""])
                parent.setFlags(parent.flags() | Qt.ItemFlag.ItemIsAutoTristate)
                parent.setFlags(parent.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                districts[route.district] = parent
                self.addTopLevelItem(parent)
            item = QTreeWidgetItem([route.route or self.tr("（未填线路）"), ""])
            item.setText(1, self.tr("{n} 户").format(n=route.customers))
            item.setTextAlignment(1, RIGHT)
            item.setData(0, AREA_ROLE, route.area)
            item.setData(0, COUNT_ROLE, route.customers)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            parent.addChild(item)
        for name, parent in districts.items():
            parent.setText(1, self.tr("{n} 户").format(n=_customers(parent)))
            parent.setTextAlignment(1, RIGHT)
            if _is_home(name, home) or len(districts) == 1:
                for n in range(parent.childCount()):
                    parent.child(n).setCheckState(0, CHECKED)
        self.expandAll()
        self.blockSignals(False)
        if self.topLevelItemCount():
            self.setCurrentItem(self.topLevelItem(0))
        self.changed.emit()

    def territory(self) -> frozenset[tuple[str, str]]:
        """The ticked (district, route) pairs."""
        return frozenset(
            item.data(0, AREA_ROLE) for item in self._routes() if item.checkState(0) == CHECKED
        )

    def customers(self) -> int:
        """How many customers the ticked routes list."""
        return sum(
            int(item.data(0, COUNT_ROLE))
            for item in self._routes()
            if item.checkState(0) == CHECKED
        )

    def set_checked(self, area: tuple[str, str], checked: bool) -> None:
        for item in self._routes():
            if item.data(0, AREA_ROLE) == area:
                item.setCheckState(0, CHECKED if checked else Qt.CheckState.Unchecked)

    def _routes(self) -> list[QTreeWidgetItem]:
        return [
            self.topLevelItem(d).child(r)
            for d in range(self.topLevelItemCount())
            for r in range(self.topLevelItem(d).childCount())
        ]


def _customers(parent: QTreeWidgetItem) -> int:
    return sum(int(parent.child(n).data(0, COUNT_ROLE)) for n in range(parent.childCount()))


def _is_home(district: str, home: str) -> bool:
    """Whether the profile's words name ``district`` (桃山区营销部 names 桃山区)."""
    name, words = clean_text(district), clean_text(home)
    return bool(name and words and (name in words or words in name))
