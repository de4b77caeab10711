"""A label shown only while it has something to say: a problem under a field, a hint, a note."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class MessageLabel(QLabel):
    """A wrapping label, hidden until :meth:`say` gives it a text (and again when it is empty).
    ``object_name`` picks its look in the style sheet (``itemError``, ``hintLabel``, ...)."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.hide()

    def say(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
