"""The plan page's column of buttons on the selected stop and on the day: 开始走访, 上移/下移,
添加客户…, 未访…, 移除…, 恢复, 按距离排序, 排明天的计划, 导出路线单…"""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

#: A gap above these buttons (after the order, after the stop's state).
GAP_BEFORE = (3, 7)


def _button(text: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    button.setMinimumHeight(34)
    button.setMinimumWidth(120)
    return button


class StopButtons(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = _button(self.tr("开始走访"), self.tr("打开选中客户的走访（Enter）"))
        self.up = _button(self.tr("上移"), self.tr("上移一位（Ctrl+↑）"))
        self.down = _button(self.tr("下移"), self.tr("下移一位（Ctrl+↓）"))
        self.add = _button(self.tr("添加客户…"), self.tr("把一个客户加进计划（Ctrl+N）"))
        self.skip = _button(
            self.tr("未访…"), self.tr("今天没走访，选一个原因；以后会顺延回来（Alt+S）")
        )
        self.remove = _button(
            self.tr("移除…"), self.tr("从计划中移除，选一个原因；不会顺延（Delete）")
        )
        self.restore = _button(self.tr("恢复"), self.tr("恢复为待访（Alt+R）"))
        self.optimise = _button(
            self.tr("按距离排序"),
            self.tr(
                "按店铺的 GPS 位置重排待访的客户，走最短的路（Alt+O）。\n"
                "没有 GPS 位置的店保持原来的位置；已访、未访的不动。"
            ),
        )
        self.tomorrow = _button(
            self.tr("排明天的计划"),
            self.tr("按今天的情况排下一个工作日的计划（未访的顺延过去），并切换过去（Alt+T）"),
        )
        self.export = _button(
            self.tr("导出路线单…"), self.tr("把这天的计划导出为可打印的 Excel 路线单（Ctrl+E）")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for n, button in enumerate(self.all()):
            if n in GAP_BEFORE:
                layout.addSpacing(10)
            layout.addWidget(button)
        layout.addStretch(1)

    def all(self) -> tuple[QPushButton, ...]:
        return (
            self.start,
            self.up,
            self.down,
            self.add,
            self.skip,
            self.remove,
            self.restore,
            self.optimise,
            self.tomorrow,
            self.export,
        )
