"""The error line under a form of named fields: shows the core's error in words, puts the
focus on the field it names, and hides again as soon as the user edits a field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from fieldbook.core.errors import FieldbookError
from fieldbook.messages import describe_error
from fieldbook.qt.widgets.message_label import MessageLabel


class FieldErrors:
    """``label`` (hidden until an error) for the fields ``widgets`` (core field name → edit)."""

    def __init__(self, widgets: dict[str, QLineEdit]) -> None:
        self.widgets = widgets
        self.label = MessageLabel("errorLabel")
        for edit in widgets.values():
            edit.textEdited.connect(self._edited)

    def show(self, exc: BaseException) -> None:
        self.label.setText(describe_error(exc))
        self.label.show()
        field = exc.data.get("field") if isinstance(exc, FieldbookError) else None
        edit = self.widgets.get(field) if isinstance(field, str) else None
        if edit is not None:
            edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        self.label.clear()
        self.label.hide()

    def _edited(self) -> None:
        if not self.label.isHidden():
            self.clear()
