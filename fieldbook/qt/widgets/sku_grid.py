"""The per-SKU grid of the visit screen: a table edited from the keyboard (type to edit, Enter
or Tab moves on to the next input cell, Space ticks 上柜), the price-line gaps computed live
under it, and 添加规格… to add a SKU the shop carries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.master.catalog import class_name, price_classes
from fieldbook.core.routine.checklist import price_line_gaps
from fieldbook.qt.context import AppContext
from fieldbook.qt.formatting import listing
from fieldbook.qt.models.sku_grid_model import FIRST_INPUT, LAST_INPUT, SkuGridModel
from fieldbook.qt.theme import repolish
from fieldbook.qt.widgets.form_fields import is_plain_enter
from fieldbook.qt.widgets.message_label import MessageLabel

if TYPE_CHECKING:
    from fieldbook.core.master.catalog import SkuRow

translate = QCoreApplication.translate
ROW_HEIGHT = 30
ROW_HEIGHT_COMPACT = 26
WIDTHS = (210, 56, 52, 64, 80, 80, 96)


def grid_gaps(model: SkuGridModel) -> list[int]:
    """The price classes with nothing in stock or on shelf (computed, never typed)."""
    present = {r.price_class for r in model.rows()}
    classes = [pc.code for pc in price_classes() if pc.code in present]
    return price_line_gaps(model.lines(), classes)


def gaps_text(model: SkuGridModel) -> str:
    """``价格段断档：三类、四类``; "" while nothing is filled in yet."""
    gaps = grid_gaps(model)
    if gaps:
        names = listing(class_name(c) for c in gaps)
        return translate("SkuGrid", "价格段断档：{names}").format(names=names)
    lines = model.lines()
    if any(
        x.on_shelf is not None or x.stock_cartons is not None or x.stock_packs is not None
        for x in lines
    ):
        return translate("SkuGrid", "价格段齐全，没有断档")
    return ""


class SkuGridView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.row_height = ROW_HEIGHT
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def setModel(self, model: SkuGridModel) -> None:  # type: ignore[override]
        super().setModel(model)
        header = self.horizontalHeader()
        for n, width in enumerate(WIDTHS):
            header.resizeSection(n, width)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        model.modelReset.connect(self.fit_height)
        model.rowsInserted.connect(self.fit_height)
        self.fit_height()

    def set_compact(self, compact: bool) -> None:
        """Compact density: shorter rows."""
        self.row_height = ROW_HEIGHT_COMPACT if compact else ROW_HEIGHT
        self.verticalHeader().setDefaultSectionSize(self.row_height)
        self.fit_height()

    def fit_height(self) -> None:
        """Show every row: the grid lives in the page's scroll area, not in its own."""
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        header = self.horizontalHeader().sizeHint().height()
        self.setFixedHeight(header + max(rows, 1) * self.row_height + 2 * self.frameWidth() + 2)

    # --- keyboard ---------------------------------------------------------------------------
    def focusInEvent(self, event: QFocusEvent) -> None:
        model = self.model()
        if model is not None and model.rowCount() and not self.currentIndex().isValid():
            first = model.index(0, FIRST_INPUT)
            if event.reason() == Qt.FocusReason.BacktabFocusReason:
                first = model.index(model.rowCount() - 1, LAST_INPUT)
            self.setCurrentIndex(first)
        super().focusInEvent(event)

    def step(self, delta: int) -> bool:
        """Move to the next (previous) input cell; False at either end of the grid."""
        model = self.model()
        current = self.currentIndex()
        if model is None or not model.rowCount():
            return False
        if not current.isValid():
            row, column = 0, FIRST_INPUT - delta
        else:
            row, column = current.row(), max(current.column(), FIRST_INPUT - 1)
        column += delta
        if column > LAST_INPUT:
            row, column = row + 1, FIRST_INPUT
        elif column < FIRST_INPUT:
            row, column = row - 1, LAST_INPUT
        if not 0 <= row < model.rowCount():
            return False
        self.setCurrentIndex(model.index(row, column))
        return True

    def leave(self, forward: bool = True) -> None:
        """Give the focus to the next (previous) focusable widget outside the grid."""
        widget = self.nextInFocusChain() if forward else self.previousInFocusChain()
        while widget is not None and widget is not self:
            if (
                widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.isVisible()
                and widget.isEnabled()
                and not self.isAncestorOf(widget)
            ):
                widget.setFocus(
                    Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
                )
                return
            widget = widget.nextInFocusChain() if forward else widget.previousInFocusChain()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing and (key == Qt.Key.Key_Tab or is_plain_enter(event)):
            if not self.step(1):
                self.leave(True)
            event.accept()
            return
        if not editing and key == Qt.Key.Key_Backtab:
            if not self.step(-1):
                self.leave(False)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:
        # Tab and Shift+Tab are handled in keyPressEvent (step through the input cells).
        event = QKeyEvent(
            QKeyEvent.Type.KeyPress,
            Qt.Key.Key_Tab if forward else Qt.Key.Key_Backtab,
            Qt.KeyboardModifier.NoModifier,
        )
        self.keyPressEvent(event)
        return True

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        moves = {
            QAbstractItemDelegate.EndEditHint.SubmitModelCache: 1,
            QAbstractItemDelegate.EndEditHint.EditNextItem: 1,
            QAbstractItemDelegate.EndEditHint.EditPreviousItem: -1,
        }
        delta = moves.get(hint)
        if delta is None:
            super().closeEditor(editor, hint)
            return
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if not self.step(delta):
            self.leave(delta > 0)

    def commit_open_editor(self) -> None:
        """Commit a cell still being edited (before finishing the visit)."""
        if self.state() == QAbstractItemView.State.EditingState:
            index = self.currentIndex()
            editor = self.indexWidget(index) if index.isValid() else None
            widget = editor or self.focusWidget()
            if widget is not None and widget is not self:
                self.commitData(widget)
                super().closeEditor(widget, QAbstractItemDelegate.EndEditHint.NoHint)


class SkuGridPanel(QWidget):
    #: The user picked a SKU to add to the grid.
    sku_chosen = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = SkuGridModel(self)
        self.view = SkuGridView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("各规格库存与排面"))
        self.gaps_label = QLabel()
        self.gaps_label.setObjectName("gapsLabel")
        self.error_label = MessageLabel("itemError")
        self.add_button = QPushButton(self.tr("添加规格…"))
        self.add_button.setToolTip(self.tr("把这家店在卖、表里没有的规格加进来"))
        self.add_combo = QComboBox()
        self.add_combo.setEditable(True)
        self.add_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.add_combo.setMinimumWidth(260)
        self.add_combo.setAccessibleName(self.tr("选择要添加的规格"))
        self.add_combo.hide()
        self.add_ok = QPushButton(self.tr("添加"))
        self.add_ok.hide()
        line = QHBoxLayout()
        line.addWidget(self.gaps_label, 1)
        line.addWidget(self.add_combo)
        line.addWidget(self.add_ok)
        line.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(self.error_label)
        layout.addLayout(line)
        hint = QLabel(
            self.tr("直接输入数字即可填写，Enter 或 Tab 到下一格，空格勾选上柜；售价按元/包填写")
        )
        hint.setObjectName("hintLabel")
        layout.addWidget(hint)
        self.model.dataChanged.connect(lambda *_: self.update_gaps())
        self.model.modelReset.connect(self.update_gaps)
        self.add_button.clicked.connect(self.open_add)
        self.add_ok.clicked.connect(self._add_chosen)
        self.add_combo.lineEdit().returnPressed.connect(self._add_chosen)

    def update_gaps(self) -> None:
        text = gaps_text(self.model)
        self.gaps_label.setText(text)
        self.gaps_label.setProperty("alert", bool(grid_gaps(self.model)))
        repolish(self.gaps_label)

    def show_error(self, text: str) -> None:
        self.error_label.say(text)

    def set_editable(self, editable: bool) -> None:
        self.model.set_editable(editable)
        self.add_button.setEnabled(editable)
        if not editable:
            self.close_add()

    # --- 添加规格… ---------------------------------------------------------------------------
    def open_add(self) -> None:
        have = {r.sku_id for r in self.model.rows()}
        self.ctx.ops.query(
            lambda j: [s for s in j.catalog.list() if s.on_market and s.id not in have],
            self._show_choices,
            key="visit.add_sku",
            what=self.tr("读取卷烟规格"),
        )

    def _show_choices(self, skus: list[SkuRow]) -> None:
        self.add_combo.clear()
        for sku in skus:
            self.add_combo.addItem(f"{sku.name}　{sku.code}　{class_name(sku.price_class)}", sku.id)
        self.add_combo.setCurrentIndex(-1)
        self.add_combo.show()
        self.add_ok.show()
        self.add_combo.setFocus()

    def _add_chosen(self) -> None:
        text = self.add_combo.currentText()
        index = self.add_combo.findText(text)
        if index < 0:
            index = self.add_combo.currentIndex()
        sku_id = self.add_combo.itemData(index) if index >= 0 else None
        if sku_id is None:
            return
        self.close_add()
        self.sku_chosen.emit(sku_id)

    def close_add(self) -> None:
        self.add_combo.hide()
        self.add_ok.hide()

    def focus_sku(self, sku_id: str) -> None:
        row = self.model.row_of(sku_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, FIRST_INPUT))
            self.view.setFocus()

    def current_index(self) -> QModelIndex:
        return self.view.currentIndex()
