"""Tables of the 反馈单 page: the slips (each department's state as a coloured chip, overdue
rows in red), the visits' suggestions and the follow-ups (跟踪事项)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from fieldbook.core import clock
from fieldbook.core.routine.followups import FollowUpView
from fieldbook.core.slips.service import SlipRow
from fieldbook.core.slips.vocabulary import department_order
from fieldbook.qt.formatting import short_date
from fieldbook.qt.models.row_table_model import Column, RowTableModel
from fieldbook.qt.operations.slips import SuggestionRow
from fieldbook.qt.slip_format import (
    OVERDUE_BG,
    OVERDUE_FG,
    category_name,
    department_name,
    department_short,
    due_text,
    followup_text,
    source_name,
    state_colors,
    state_name,
    status_name,
)

translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex
#: The chips of a row: a tuple of (text, tooltip, state code).
CHIPS_ROLE = Qt.ItemDataRole.UserRole + 7


def ordered_states(row: SlipRow) -> list[tuple[str, str]]:
    return sorted(row.states, key=lambda ds: department_order(ds[0]))


class _Highlighting(RowTableModel[Any]):
    """Rows for which ``overdue`` is true are shown on red."""

    def __init__(self, columns: list[Column[Any]], parent: QObject | None = None) -> None:
        super().__init__(columns, parent)
        self.today = clock.today()

    def overdue(self, row: Any) -> bool:
        return bool(row.overdue(self.today))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            row = self.row_at(index.row())
            if row is not None and self.overdue(row):
                color = OVERDUE_BG if role == Qt.ItemDataRole.BackgroundRole else OVERDUE_FG
                return QBrush(QColor(color))
        return super().data(index, role)


def slip_columns(model: SlipTableModel) -> list[Column[SlipRow]]:
    def t(text: str) -> str:
        return translate("SlipTableModel", text)

    return [
        Column(t("单号"), lambda r: r.number, width=196),
        Column(
            t("填报日期"),
            lambda r: r.created_at.strftime("%Y-%m-%d"),
            key=lambda r: r.created_at,
            width=92,
        ),
        Column(t("类别"), lambda r: category_name(r.category), width=112, tooltip=True),
        Column(t("客户"), lambda r: r.shop_name, width=150, tooltip=True, stretch=True),
        Column(t("状态"), lambda r: status_name(r.status), key=lambda r: r.status, width=96),
        Column(
            t("各部门"),
            lambda r: "  ".join(
                f"{department_short(d)} {state_name(s)}" for d, s in ordered_states(r)
            ),
            key=lambda r: r.status,
            width=224,
        ),
        Column(
            t("办结期限"),
            lambda r: due_text(r.due_date, model.today, open_=r.status != "done"),
            key=lambda r: r.due_date,
            width=200,
        ),
    ]


class SlipTableModel(_Highlighting):
    CHIPS_COLUMN = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self.columns = tuple(slip_columns(self))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == CHIPS_ROLE and index.isValid():
            row = self.row_at(index.row())
            if row is None:
                return None
            return [
                (
                    f"{department_short(d)} {state_name(s)}",
                    f"{department_name(d)}：{state_name(s)}",
                    s,
                )
                for d, s in ordered_states(row)
            ]
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and index.isValid()
            and index.column() == self.CHIPS_COLUMN
        ):
            row = self.row_at(index.row())
            if row is not None:
                return "\n".join(
                    f"{department_name(d)}：{state_name(s)}" for d, s in ordered_states(row)
                )
        return super().data(index, role)


class ChipDelegate(QStyledItemDelegate):
    """Paints a cell's ``CHIPS_ROLE`` as small rounded chips coloured by state."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        chips = index.data(CHIPS_ROLE)
        if not chips:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget: QWidget | None = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = painter.font()
        font.setPointSizeF(max(7.5, font.pointSizeF() - 1))
        painter.setFont(font)
        metrics = QFontMetrics(font)
        rect: QRect = option.rect  # type: ignore[attr-defined]
        height = min(rect.height() - 8, metrics.height() + 6)
        y = rect.top() + (rect.height() - height) // 2
        room = rect.width() - 8

        def widths(texts: list[str]) -> int:
            return sum(metrics.horizontalAdvance(t) + 16 for t in texts)

        texts = [text for text, _tip, _state in chips]
        if widths(texts) > room:  # "市场 已落实" → "市场 落实"
            texts = [t.replace(" 已", " ") for t in texts]
        x = rect.left() + 4
        for n, (text, (_t, _tip, state)) in enumerate(zip(texts, chips, strict=True)):
            width = metrics.horizontalAdvance(text) + 12
            if x + width > rect.right() - 2:
                more = f"+{len(chips) - n}"
                painter.setPen(QColor("#5b6472"))
                painter.drawText(
                    QRect(x, y, rect.right() - x, height), Qt.AlignmentFlag.AlignVCenter, more
                )
                break
            bg, fg = state_colors(state)
            chip = QRect(x, y, width, height)
            painter.setPen(QPen(QColor(fg).lighter(160), 1))
            painter.setBrush(QColor(bg))
            painter.drawRoundedRect(chip, 4, 4)
            painter.setPen(QColor(fg))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
            x += width + 4
        painter.restore()


def suggestion_columns() -> list[Column[SuggestionRow]]:
    def t(text: str) -> str:
        return translate("SuggestionTableModel", text)

    return [
        Column(
            t("走访日期"),
            lambda r: r.visit_date.isoformat(),
            key=lambda r: r.visit_date,
            width=100,
        ),
        Column(t("客户"), lambda r: r.shop_name, width=180),
        Column(t("建议的反馈单"), lambda r: category_name(r.category), width=110),
        Column(t("走访发现"), lambda r: r.finding, width=300, tooltip=True, stretch=True),
    ]


class SuggestionTableModel(RowTableModel[SuggestionRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(suggestion_columns(), parent)


def followup_columns(model: FollowUpTableModel) -> list[Column[FollowUpView]]:
    def t(text: str) -> str:
        return translate("FollowUpTableModel", text)

    return [
        Column(t("客户"), lambda r: r.shop_name, width=150),
        Column(t("来源"), lambda r: source_name(r.source), width=112, tooltip=True),
        Column(t("提出人"), lambda r: r.requested_by, width=110),
        Column(
            t("事项"),
            lambda r: followup_text(r.text, r.seen_again, r.last_seen_at),
            width=300,
            tooltip=True,
            stretch=True,
        ),
        Column(
            t("到期"),
            lambda r: due_text(r.due_date, model.today, open_=r.status == "open"),
            key=lambda r: r.due_date,
            width=170,
        ),
        Column(t("登记"), lambda r: short_date(r.created_at.date()), key=lambda r: r.created_at),
        Column(
            t("处理结果"),
            lambda r: r.close_note if r.status != "open" else "",
            width=160,
            tooltip=True,
        ),
    ]


class FollowUpTableModel(_Highlighting):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self.columns = tuple(followup_columns(self))

    def muted(self, row: FollowUpView) -> bool:
        return row.status != "open"
