"""A search box that searches as you type: a short debounce, then ``search`` is emitted."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

DEBOUNCE_MS = 120


class SearchBox(QLineEdit):
    #: The text to search for, emitted ~120 ms after the user stopped typing.
    search = Signal(str)
    #: Down arrow or Enter: the user wants to go on to the results (True: by Enter, which
    #: with exactly one match means "that one", once the results for the text are in).
    go_to_results = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.setMinimumHeight(34)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._timer.start)

    def flush(self) -> None:
        """Search now (skipping the remaining debounce)."""
        self._timer.stop()
        self.search.emit(self.text().strip())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
            if self._timer.isActive():
                self.flush()
            self.go_to_results.emit(key != Qt.Key.Key_Down)
            event.accept()
            return
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)
