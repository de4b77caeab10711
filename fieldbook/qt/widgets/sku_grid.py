"""The per-SKU grid of the visit screen: a table edited from the keyboard, the price-line gaps
computed live under it, and 添加规格… to add a SKU the shop carries.

Keys, as in a spreadsheet (WPS/Excel) — what a manager filling in rows of counts expects:

* Typing a digit fills the current cell; Space ticks 上柜.
* Tab / Shift+Tab: the next / previous input cell, along the row and on to the next row. Enter
  moves on like Tab — except that after Tab was used in a row, Enter starts the NEXT row in the
  column where that row's Tabbing began (上柜 Tab 排面 Tab 库存 Enter → the next SKU's 上柜),
  so the cells a visit does not need (库存(包), 售价) cost no keys.
* Leaving: Tab on the last input cell goes on to the next widget (添加规格…, the follow-ups,
  同上次), Shift+Tab on the first one back to the last checklist item; from ANY cell Ctrl+Tab
  (Ctrl+Shift+Tab) leaves forward (back), and Esc leaves forward — never 24 Shift+Tabs. An open
  cell editor takes Esc first (the cell's typing is undone); only the next Esc leaves the grid,
  and only an Esc outside the grid goes back to the plan.
* Letters (and digits in the 规格 column) jump to a SKU by pinyin initials or code
  (``sku_type_ahead``), keeping the column: ``zh`` → 中华's row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, Signal
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
from fieldbook.qt.i18n import ui_language
from fieldbook.qt.models.sku_grid_model import (
    FIRST_INPUT,
    LAST_INPUT,
    SkuGridModel,
    deviations_text,
)
from fieldbook.qt.theme import repolish
from fieldbook.qt.widgets.form_fields import is_plain_enter
from fieldbook.qt.widgets.message_label import MessageLabel
from fieldbook.qt.widgets.sku_type_ahead import SkuTypeAhead

if TYPE_CHECKING:
    from fieldbook.core.master.catalog import SkuRow

translate = QCoreApplication.translate
ROW_HEIGHT = 30
ROW_HEIGHT_COMPACT = 26
_CTRL = Qt.KeyboardModifier.ControlModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_MODIFIER_KEYS = (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta)
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
        names = listing(class_name(c, ui_language()) for c in gaps)
        return translate("SkuGrid", "价格段断档：{names}").format(names=names)
    lines = model.lines()
    if any(
        x.on_shelf is not None or x.stock_cartons is not None or x.stock_packs is not None
        for x in lines
    ):
        return translate("SkuGrid", "价格段齐全，没有断档")
    return ""


class SkuGridView(QTableView):
    #: The current cell moved (the page scrolls it into view).
    current_moved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.type_ahead: SkuTypeAhead | None = None
        #: (row, column) where Tabbing began in the current row: Enter starts the next row there.
        self.row_start: tuple[int, int] | None = None
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
        model.modelReset.connect(self._forget_row_start)
        self.type_ahead = SkuTypeAhead(model, self)
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
    def _forget_row_start(self) -> None:
        self.row_start = None

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

    def move(self, how: str) -> None:
        """``tab``, ``back`` or ``enter`` from the current cell (out of the grid at its ends)."""
        current = self.currentIndex()
        start = self.row_start
        if how == "enter" and start is not None and current.row() == start[0]:
            self.row_start = None
            model = self.model()
            if model is not None and start[0] + 1 < model.rowCount():
                self.setCurrentIndex(model.index(start[0] + 1, start[1]))
            else:
                self.leave(True)
            return
        if how == "tab" and current.isValid() and (start is None or start[0] != current.row()):
            self.row_start = (current.row(), current.column())
        forward = how != "back"
        if not self.step(1 if forward else -1):
            self.leave(forward)

    def event(self, event: QEvent) -> bool:
        # Esc in the grid leaves the grid: it is not the page's "back to the plan".
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and not event.modifiers()
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        editing = self.state() == QAbstractItemView.State.EditingState
        tab = key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        if tab and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.commit_open_editor()
            self.leave(key == Qt.Key.Key_Tab and not event.modifiers() & _SHIFT)
        elif editing:
            super().keyPressEvent(event)
            return
        elif key == Qt.Key.Key_Escape and not event.modifiers():
            self.leave(True)
        elif key == Qt.Key.Key_Tab or is_plain_enter(event):
            self.move("tab" if key == Qt.Key.Key_Tab else "enter")
        elif key == Qt.Key.Key_Backtab:
            self.move("back")
        elif not self._type_ahead(event):
            if self.type_ahead is not None and key not in _MODIFIER_KEYS:
                self.type_ahead.reset()
            super().keyPressEvent(event)
            return
        event.accept()

    def _type_ahead(self, event: QKeyEvent) -> bool:
        """A letter (or a digit that continues a search) jumps to a SKU; True when taken."""
        search = self.type_ahead
        if search is None or event.modifiers() & (_CTRL | Qt.KeyboardModifier.AltModifier):
            return False
        current = self.currentIndex()
        model = self.model()
        in_input = (
            current.isValid()
            and model is not None
            and bool(model.flags(current) & Qt.ItemFlag.ItemIsEditable)
        )
        if not search.wants(event.text(), in_input):
            return False
        row = search.key(event.text())
        if row >= 0 and model is not None:
            column = current.column() if current.isValid() else FIRST_INPUT
            self.setCurrentIndex(model.index(row, column))
        return True

    def edit(  # type: ignore[override]
        self,
        index: QModelIndex,
        trigger: QAbstractItemView.EditTrigger | None = None,
        event: QEvent | None = None,
    ) -> bool:
        if trigger is None:
            super().edit(index)
            opened = self.state() == QAbstractItemView.State.EditingState
        else:
            opened = super().edit(index, trigger, event)  # type: ignore[arg-type]
        editor = self.indexWidget(index) if opened else None
        if editor is not None:
            editor.installEventFilter(self)  # Ctrl+Tab leaves the grid from an open cell too
        return opened

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and event.modifiers() & _CTRL
        ):
            self.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)

    def keyboardSearch(self, search: str) -> None:
        """Qt's own search (on the name column) is replaced by ``sku_type_ahead``."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        # Tab and Shift+Tab are handled in keyPressEvent (step through the input cells).
        event = QKeyEvent(
            QKeyEvent.Type.KeyPress,
            Qt.Key.Key_Tab if forward else Qt.Key.Key_Backtab,
            Qt.KeyboardModifier.NoModifier,
        )
        self.keyPressEvent(event)
        return True

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        super().currentChanged(current, previous)
        self.current_moved.emit()

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        moves = {
            QAbstractItemDelegate.EndEditHint.SubmitModelCache: "enter",
            QAbstractItemDelegate.EndEditHint.EditNextItem: "tab",
            QAbstractItemDelegate.EndEditHint.EditPreviousItem: "back",
        }
        how = moves.get(hint)
        if how is None:
            super().closeEditor(editor, hint)
            return
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.move(how)

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
        self.prices_label = QLabel()  # 价格偏离 of the prices seen (the finding's words)
        self.prices_label.setObjectName("pricesLabel")
        self.prices_label.setWordWrap(True)
        self.prices_label.hide()
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
        layout.addWidget(self.prices_label)
        hint = QLabel(
            self.tr(
                "直接输入数字即可填写：Tab 到下一格，一行填完按 Enter 到下一个规格；空格勾选上柜；"
                "输入拼音首字母或编码跳到规格；Esc 离开表格；售价按元/包填写"
            )
        )
        hint.setObjectName("hintLabel")
        hint.setWordWrap(True)
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
        prices = deviations_text(self.model.rows())
        self.prices_label.setText(prices)
        self.prices_label.setVisible(bool(prices))

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
            self.add_combo.addItem(
                f"{sku.name}　{sku.code}　{class_name(sku.price_class, ui_language())}", sku.id
            )
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
