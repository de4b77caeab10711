"""The work log's left column: what the day was (当天情况, drafted from visits, slips and the
plan) and its economic indicators (经济指标: six figures with their definitions as tooltips,
the change against the same weekday last week and the month to date, the structure by price
class with shares as bars, the due customers who did not order and why)."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.routine.class_structure import row_change_points
from fieldbook.core.routine.indicators import DEFINITIONS
from fieldbook.qt.daylog_format import (
    TILES,
    change_text,
    class_share_name,
    fact_lines,
    figures,
    headlines_text,
    points_text,
    share_text,
    tile_text,
    tile_value,
)
from fieldbook.qt.theme import repolish
from fieldbook.qt.widgets.fact_grid import FactGrid
from fieldbook.qt.widgets.message_label import MessageLabel
from fieldbook.qt.widgets.non_orderers import NonOrderersBox
from fieldbook.qt.widgets.section_box import SectionBox

if TYPE_CHECKING:
    from fieldbook.core.routine.daylog import DayFacts


class FactsPanel(SectionBox):
    #: The tomorrow link: open the plan of the next working day.
    plan_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("当天情况"), parent)
        self.grid = FactGrid(self)
        self.values = self.grid.values
        self.tomorrow = QLabel()
        self.tomorrow.setTextFormat(Qt.TextFormat.RichText)
        self.tomorrow.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.tomorrow.linkActivated.connect(lambda _link: self.plan_requested.emit())
        self.tomorrow.setToolTip(self.tr("打开下一个工作日的拜访计划"))

    def show_facts(self, facts: DayFacts, tomorrow_label: str) -> None:
        lines = fact_lines(facts)
        for row, line in enumerate(lines):
            label = self.grid.line(row, line.key, line.title)
            label.setText(line.text)
            label.setToolTip(line.tip)
            label.setProperty("level", line.level)
            repolish(label)
        row = len(lines)
        if "tomorrow" not in self.values:
            caption = QLabel(self.tr("明日计划"))
            caption.setObjectName("factTitle")
            self.grid.addWidget(caption, row, 0)
            self.grid.addWidget(self.tomorrow, row, 1)
            self.grid.captions["tomorrow"] = caption
            self.values["tomorrow"] = self.tomorrow
        text = facts.tomorrow or self.tr("还没有排")
        self.tomorrow.setText(
            f"{html.escape(text)}　<a href='plan'>{html.escape(tomorrow_label)}</a>"
        )

    def text_of(self, key: str) -> str:
        return self.values[key].text()


class ShareBar(QWidget):
    """A small horizontal bar: a share of 0..1."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.share = 0.0
        self.setMinimumWidth(80)
        self.setFixedHeight(12)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_share(self, share: float) -> None:
        self.share = max(0.0, min(1.0, float(share)))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0, 1, 0, -1)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e6ebf2"))
        painter.drawRoundedRect(rect, 3, 3)
        if self.share > 0:
            filled = QRectF(rect.x(), rect.y(), max(3.0, rect.width() * self.share), rect.height())
            painter.setBrush(QColor("#1f6fd1"))
            painter.drawRoundedRect(filled, 3, 3)
        painter.end()


class _FigureRow:
    """One indicator as a row of the grid: caption, the day, the same weekday last week, the
    change (arrow, coloured), the month to date; the definition as tooltip."""

    def __init__(self, grid: QGridLayout, row: int, key: str, caption: str) -> None:
        self.key = key
        definition = DEFINITIONS.get(key, "")
        self.caption = QLabel(caption)
        self.caption.setObjectName("figureCaption")
        self.value = QLabel("—")
        self.value.setObjectName("figureValue")
        self.week = QLabel()
        self.change = QLabel()
        self.change.setObjectName("figureChange")
        self.month = QLabel()
        self.month.setObjectName("figureMonth")
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for column, label in enumerate(
            (self.caption, self.value, self.week, self.change, self.month)
        ):
            label.setToolTip(definition)
            if column:
                label.setAlignment(right)
            grid.addWidget(label, row, column)

    def show_values(
        self, day: Mapping[str, Any], week: Mapping[str, Any], month: Mapping[str, Any]
    ) -> None:
        now = tile_value(self.key, day)
        before = tile_value(self.key, week)
        self.value.setText(tile_text(self.key, now))
        self.week.setText(tile_text(self.key, before))
        change, sign = change_text(self.key, now, before)
        self.change.setText(change)
        self.change.setProperty("trend", {1: "up", -1: "down"}.get(sign, "flat"))
        repolish(self.change)
        self.month.setText(tile_text(self.key, tile_value(self.key, month)))


class IndicatorPanel(SectionBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("经济指标"), parent)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        self.note = MessageLabel("hintLabel")
        layout.addWidget(self.note)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        for column, text in enumerate(
            (
                self.tr("指标"),
                self.tr("当天"),
                self.tr("上周同日"),
                self.tr("变化"),
                self.tr("本月累计"),
            )
        ):
            label = QLabel(text)
            label.setObjectName("figureHead")
            if column:
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(label, 0, column)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setObjectName("figureLine")
        grid.addWidget(line, 1, 0, 1, 5)
        self.tiles: dict[str, _FigureRow] = {}
        for n, (key, caption) in enumerate(TILES):
            self.tiles[key] = _FigureRow(grid, n + 2, key, self.tr(caption))
        grid.setColumnStretch(0, 1)
        layout.addLayout(grid)

        structure_title = QLabel(self.tr("结构（按价类）"))
        structure_title.setObjectName("sectionLabel")
        structure_title.setToolTip(DEFINITIONS["structure"])
        layout.addWidget(structure_title)
        self.structure = QGridLayout()
        self.structure.setHorizontalSpacing(10)
        self.structure.setVerticalSpacing(3)
        self.structure.setColumnStretch(1, 1)
        layout.addLayout(self.structure)
        self.bars: dict[str, tuple[QLabel, ShareBar, QLabel, QLabel, QLabel]] = {}
        #: 一二类占比 … with their change against the same weekday last week
        self.headlines = QLabel()
        self.headlines.setObjectName("hint")
        self.headlines.setWordWrap(True)
        layout.addWidget(self.headlines)

        self.non_box = NonOrderersBox()
        self.non_title, self.non_orderers = self.non_box.title, self.non_box.table
        layout.addWidget(self.non_box)

    def show_orders(self, orders: Mapping[str, Any], *, snapshot: bool) -> None:
        day = figures(orders, "figures")
        week = figures(orders, "last_week")
        month = figures(orders, "month_to_date")
        for tile in self.tiles.values():
            tile.show_values(day, week, month)
        if snapshot:
            self.note.setText(self.tr("日志已提交：这里是提交时的数据。"))
        elif not day["cartons"] and not day["ordered"]:
            self.note.setText(self.tr("这天还没有订单数据：用“导入订单…”导入订货系统导出的表。"))
        else:
            self.note.setText("")
        self.note.setVisible(bool(self.note.text()))
        self._show_structure(orders.get("structure") or [] if orders else [])
        self.non_box.show_rows((orders.get("non_orderers") or []) if orders else [])

    def _show_structure(self, rows: list[Mapping[str, Any]]) -> None:
        seen = set()
        for n, row in enumerate(rows):
            name = str(row.get("name", ""))
            seen.add(name)
            if name not in self.bars:
                caption = QLabel(class_share_name(row))
                bar = ShareBar()
                cartons = QLabel()
                cartons.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                cartons.setMinimumWidth(56)
                share = QLabel()
                share.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                share.setMinimumWidth(52)
                moved = QLabel()
                moved.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                moved.setToolTip(self.tr("占比较上周同日的变化"))
                self.bars[name] = (caption, bar, cartons, share, moved)
            caption, bar, cartons, share, moved = self.bars[name]
            for column, widget in enumerate((caption, bar, cartons, share, moved)):
                self.structure.addWidget(widget, n, column)
                widget.show()
            bar.set_share(float(row.get("share") or 0))
            cartons.setText(self.tr("{n} 条").format(n=int(row.get("cartons") or 0)))
            share.setText(share_text(float(row.get("share") or 0)))
            moved.setText(points_text(row_change_points(row)))
        self.headlines.setText(headlines_text(rows))
        self.headlines.setVisible(bool(self.headlines.text()))
        for name, widgets in self.bars.items():
            if name not in seen:
                for widget in widgets:
                    widget.hide()

    def value_text(self, key: str) -> str:
        return self.tiles[key].value.text()
