"""Small layout helpers the widgets share."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QWidget,
)


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget the layout holds (rows rebuilt from new data)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


def scroll_area(inner: QWidget, min_width: int = 0) -> QScrollArea:
    """A frameless scrolling column that never takes the focus itself."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(inner)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if min_width:
        scroll.setMinimumWidth(min_width)
    return scroll


def dialog_buttons(*buttons: QPushButton) -> QHBoxLayout:
    """A dialog's closing row: the buttons at the right, each of the usual height."""
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        button.setMinimumHeight(34)
        row.addWidget(button)
    return row


def row_of(*items: QWidget | int | None, spacing: int | None = None) -> QHBoxLayout:
    """A row of widgets, left to right: an ``int`` is a gap of that many pixels, ``None`` the
    stretch that pushes what follows to the right."""
    row = QHBoxLayout()
    if spacing is not None:
        row.setSpacing(spacing)
    for item in items:
        if item is None:
            row.addStretch(1)
        elif isinstance(item, int):
            row.addSpacing(item)
        else:
            row.addWidget(item)
    return row


def reason_grid(bar: QWidget, margin: int, spacing: int) -> QGridLayout:
    """The grid of an inline bar that asks for a reason (styled as ``#reasonBar``)."""
    bar.setObjectName("reasonBar")
    grid = QGridLayout(bar)
    grid.setContentsMargins(margin, 6, margin, 6)
    grid.setHorizontalSpacing(spacing)
    return grid


def draft_text() -> QLabel:
    """A wrapped label in the bold draft colour (``#draftText``): what a bar is about."""
    label = QLabel()
    label.setObjectName("draftText")
    label.setWordWrap(True)
    return label
