"""Typing in the SKU grid jumps to a SKU: letters match the start of the name's pinyin
(initials ``zh`` or full ``zhonghua`` for 中华) or of the name itself, digits the start of the
SKU code. What was typed is kept for a second (a ``QTimer``, never the wall clock): ``h``
``h`` ``l`` typed quickly is one search for ``hhl`` (黄鹤楼); after a pause a key starts a new
search. The search keys are the catalog's own (``core.search.build_search_text``, the text the
SKU list's search box matches), so the grid and the search box find a SKU the same way.

A digit typed in an input cell fills that cell (the grid is typed into): it extends a search
only while one is running and still matches (``zh`` then ``1``), or in the read-only 规格 and
价类 columns, where a code is the only thing a digit can mean.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from fieldbook.core.search import SEPARATOR, build_search_text
from fieldbook.qt.models.sku_grid_model import SkuGridModel

#: How long a typed search waits for its next key.
TYPE_AHEAD_MS = 1000


def is_search_char(text: str) -> bool:
    """One ASCII letter or digit (what a SKU code or a pinyin key is made of)."""
    return len(text) == 1 and text.isascii() and text.isalnum()


class SkuTypeAhead(QObject):
    """The typed search of one grid model: ``key(text, in_input_cell)`` → the row to go to."""

    def __init__(self, model: SkuGridModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.typed = ""
        self._keys: list[tuple[str, ...]] | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPE_AHEAD_MS)
        self.timer.timeout.connect(self.reset)
        model.modelReset.connect(self._forget_keys)
        model.rowsInserted.connect(self._forget_keys)

    def reset(self) -> None:
        self.typed = ""
        self.timer.stop()

    def _forget_keys(self) -> None:
        self._keys = None

    def _row_keys(self) -> list[tuple[str, ...]]:
        if self._keys is None:
            self._keys = [
                tuple(build_search_text(r.code, r.name, pinyin_of=(r.name,)).split(SEPARATOR))
                for r in self.model.rows()
            ]
        return self._keys

    def match(self, typed: str) -> int:
        """The first row one of whose keys starts with ``typed``; -1 when none does."""
        return next(
            (
                n
                for n, keys in enumerate(self._row_keys())
                if any(k.startswith(typed) for k in keys)
            ),
            -1,
        )

    def wants(self, text: str, in_input_cell: bool) -> bool:
        """Whether the key ``text`` belongs to the search (else a digit fills the cell)."""
        if not is_search_char(text):
            return False
        if text.isalpha() or not in_input_cell:
            return True
        return bool(self.typed) and self.match(self.typed + text) >= 0

    def key(self, text: str) -> int:
        """Add ``text`` to the search: the row it now finds, or -1 (the search is unchanged)."""
        typed = self.typed + text.lower()
        row = self.match(typed)
        if row < 0 and self.typed:
            # Not a continuation: a new search starting with this key.
            typed = text.lower()
            row = self.match(typed)
        if row >= 0:
            self.typed = typed
        self.timer.start()
        return row
