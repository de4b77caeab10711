"""A read-only pane of past entries (a record's corrections, a shop's earlier visits): one
paragraph each, or a grey note while there are none. Links do not navigate; it takes no focus."""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser, QWidget


class HistoryPane(QTextBrowser):
    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setOpenLinks(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def show_entries(self, blocks: Iterable[str], empty: str, separator: str = "") -> None:
        """``blocks`` (HTML), one paragraph each; ``empty`` (plain text) when there are none."""
        paragraphs = [f"<p>{block}</p>" for block in blocks]
        if not paragraphs:
            self.setHtml(f"<p style='color:#5b6472'>{html.escape(empty)}</p>")
            return
        self.setHtml(separator.join(paragraphs))
