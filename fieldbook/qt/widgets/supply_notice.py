"""货源信息 on the visit screen: what the manager tells the shop being visited — the 紧俏 SKUs,
the 限量 ones with the limit of THIS shop's 档位, the 停供 ones (master/supply.py). One compact
paragraph in the visit header under the shop's details (one or two lines across the screen,
where the narrow side column needed one a SKU), hidden when there is nothing to tell."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from fieldbook.core.master.supply import Band, ShopSupply


class SupplyNotice(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supplyNotice")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setToolTip(self.tr("货源信息：向本店说明的紧俏、限量（按本店档位）和停供卷烟"))
        self.hide()

    def show_supply(self, items: Sequence[ShopSupply], grade: int | None) -> None:
        lines = self.lines(items, grade)
        self.setText(self.tr("；").join(lines))
        self.setVisible(bool(lines))

    def _bands(self, bands: Sequence[Band]) -> str:
        return "，".join(
            self.tr("{grades} 档限 {n} 条").format(grades=b.grades, n=b.cartons) for b in bands
        )

    def lines(self, items: Sequence[ShopSupply], grade: int | None) -> list[str]:
        """「本周紧俏：黄鹤楼(软蓝)」「限量：中华(硬)，8–12 档限 2 条」「停供：…」."""
        out: list[str] = []
        tight = [i.name for i in items if i.state == "tight"]
        if tight:
            out.append(self.tr("本周紧俏：{names}").format(names="、".join(tight)))
        for item in (i for i in items if i.state == "limited"):
            if item.band is not None:
                text = self.tr("限量：{name}，{band}").format(
                    name=item.name, band=self._bands([item.band])
                )
            elif grade is None:
                text = self.tr("限量：{name}（档位未填：{bands}）").format(
                    name=item.name, bands=self._bands(item.bands)
                )
            else:
                text = self.tr("限量：{name}，{grade} 档不在投放档位内").format(
                    name=item.name, grade=grade
                )
            out.append(text)
        stopped = [i.name for i in items if i.state == "stopped"]
        if stopped:
            out.append(self.tr("停供：{names}").format(names="、".join(stopped)))
        return out
