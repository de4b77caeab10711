"""The weekly report's two small charts, drawn with QPainter: one bar per day of the report
week for each series (orders in cartons; visits planned against done), the value above each
bar and the weekday under it. Days off are drawn on a grey band."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


@dataclass(frozen=True)
class Series:
    name: str
    color: str
    values: tuple[float, ...]


class DayBars(QWidget):
    """Grouped bars: one group per day, one bar per series; a legend when there are two."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.days: list[str] = []
        self.off: list[bool] = []
        self.series: list[Series] = []
        self.setFixedHeight(160)
        self.setMinimumWidth(240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(title)

    def set_data(
        self, days: Sequence[str], series: Sequence[Series], off: Sequence[bool] = ()
    ) -> None:
        self.days = list(days)
        self.series = list(series)
        self.off = list(off) or [False] * len(self.days)
        tip = [self.title]
        for n, day in enumerate(self.days):
            parts = [f"{s.name} {_num(s.values[n])}" for s in self.series if n < len(s.values)]
            tip.append(f"{day}：{'，'.join(parts)}")
        self.setToolTip("\n".join(tip))
        self.update()

    def values(self, name: str) -> tuple[float, ...]:
        for s in self.series:
            if s.name == name:
                return s.values
        return ()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        line = metrics.height() * 1.3  # CJK fallback glyphs are taller than the metrics
        rect = QRectF(self.rect()).adjusted(4, 2, -4, -2)
        painter.setPen(QColor("#2b3340"))
        painter.drawText(
            QRectF(rect.x(), rect.y(), rect.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.title,
        )
        if len(self.series) > 1:  # legend, right-aligned on the title line
            x = rect.right()
            for s in reversed(self.series):
                width = metrics.horizontalAdvance(s.name)
                x -= width
                painter.setPen(QColor("#4a5260"))
                painter.drawText(
                    QRectF(x, rect.y(), width, line), Qt.AlignmentFlag.AlignVCenter, s.name
                )
                x -= 14
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(s.color))
                painter.drawRect(QRectF(x, rect.y() + line / 2 - 5, 10, 10))
                x -= 10
        if not self.days or not self.series:
            painter.end()
            return
        plot = QRectF(rect.x(), rect.y() + line * 2 + 2, rect.width(), 0)
        plot.setBottom(rect.bottom() - line - 6)
        top = max((max(s.values, default=0) for s in self.series), default=0) or 1
        group = plot.width() / len(self.days)
        bar = max(3.0, min(22.0, (group - 10) / len(self.series)))
        for n, day in enumerate(self.days):
            left = plot.x() + n * group
            if n < len(self.off) and self.off[n]:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor("#f1f3f6"))
                painter.drawRect(QRectF(left + 1, plot.y() - line, group - 2, plot.height() + line))
            start = left + (group - bar * len(self.series)) / 2
            for k, s in enumerate(self.series):
                value = s.values[n] if n < len(s.values) else 0
                height = plot.height() * (value / top)
                x = start + k * bar
                if value > 0:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QColor(s.color))
                    painter.drawRoundedRect(
                        QRectF(x + 1, plot.bottom() - height, bar - 2, height), 2, 2
                    )
                if not value:
                    continue
                painter.setPen(QColor("#4a5260"))
                painter.drawText(
                    QRectF(x - 8, plot.bottom() - height - line, bar + 16, line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    _num(value),
                )
            painter.setPen(QColor("#5b6472"))
            painter.drawText(
                QRectF(left, plot.bottom() + 3, group, line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                day,
            )
        painter.setPen(QPen(QColor("#c9d1dc"), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.end()


def _num(value: float) -> str:
    return f"{value:g}" if value else "0"
