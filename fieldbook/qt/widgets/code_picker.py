"""A line edit that finds a customer or a SKU as you type (the core's search: code, name,
pinyin initials) and drops its code in; the list shows "code　name"."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from fieldbook.qt.operations.master import Pairs, customer_pairs, sku_pairs
from fieldbook.qt.operations.runner import Ops

CODE_ROLE = Qt.ItemDataRole.UserRole
LIMIT = 20


class CodeLookup(QObject):
    """Searches customers (``kind="customer"``) or SKUs through the operations (latest wins)
    and remembers the names it has seen, so tables can show them beside codes."""

    def __init__(self, ops: Ops, kind: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if kind not in ("customer", "sku"):
            raise ValueError(kind)
        self.ops = ops
        self.kind = kind
        self.names: dict[str, str] = {}

    def search(self, text: str, deliver: Callable[[Pairs], None], key: str = "") -> None:
        find = customer_pairs if self.kind == "customer" else sku_pairs

        def found(pairs: Pairs) -> None:
            self.names.update(pairs)
            deliver(pairs)

        self.ops.query(
            partial(find, text=text, limit=LIMIT),
            found,
            lambda _exc: deliver([]),
            key=f"lookup.{self.kind}.{key}",
            what=self.tr("搜索"),
        )

    def name(self, code: str) -> str:
        return self.names.get(code, "")


#: Room around a suggestion's text in the popup (margins, the item's padding).
POPUP_PADDING = 28


class CodePicker(QLineEdit):
    #: A suggestion was picked: its code.
    picked = Signal(str)

    def __init__(self, lookup: CodeLookup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lookup = lookup
        self.setMinimumHeight(30)
        self.setMaxLength(32)
        self.suggestions = QStandardItemModel(self)
        completer = QCompleter(self.suggestions, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCompletionRole(CODE_ROLE)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated.connect(self._activated)
        self.setCompleter(completer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._search)
        self.textEdited.connect(lambda _t: self._timer.start())
        if lookup.kind == "customer":
            self.setPlaceholderText(self.tr("客户编码或店名、拼音首字母"))
        else:
            self.setPlaceholderText(self.tr("规格代码或名称"))

    def _search(self) -> None:
        self.lookup.search(self.text().strip(), self.show_suggestions, key=str(id(self)))

    def show_suggestions(self, pairs: Pairs) -> None:
        self.suggestions.clear()
        for code, name in pairs:
            item = QStandardItem(f"{code}　{name}")
            item.setData(code, CODE_ROLE)
            self.suggestions.appendRow(item)
        completer = self.completer()
        if pairs and self.hasFocus() and completer is not None:
            completer.complete(self.popup_rect(completer))

    def popup_rect(self, completer: QCompleter) -> QRect:
        """Where the suggestions open: under the field, as wide as their longest line (a
        shop's name is never cut off by a narrow field)."""
        popup = completer.popup()
        metrics = popup.fontMetrics()
        texts = (self.suggestions.item(r).text() for r in range(self.suggestions.rowCount()))
        need = max((metrics.horizontalAdvance(t) for t in texts), default=0)
        need += popup.verticalScrollBar().sizeHint().width() + POPUP_PADDING
        rect = self.rect()
        rect.setWidth(max(rect.width(), need))
        return rect

    def _activated(self, code: str) -> None:
        self.picked.emit(code)

    def code(self) -> str:
        text = self.text().strip()
        return text.split()[0] if text else ""
