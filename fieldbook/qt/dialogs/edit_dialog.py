"""The one way an edit dialog saves: collect what was typed (the core checks it) → one write on
the DB worker → closed only after the database committed. A problem is shown in the dialog,
next to its field, and everything typed stays; 取消 / Esc with unsaved input asks first.

:class:`EditDialog` owns that flow; a dialog supplies its form, :meth:`EditDialog.save_job`
(collect and return the write), the words, and the widget of each field."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QPushButton, QWidget

from fieldbook.core.errors import FieldbookError, InvalidValue
from fieldbook.messages import describe_error
from fieldbook.qt.context import AppContext
from fieldbook.qt.theme import repolish

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

#: A write for the worker: ``job(journal)`` returns what was saved.
SaveJob = Callable[["Journal"], Any]


class DiscardQuestion(NamedTuple):
    """What 取消 asks when there is unsaved input: title, text, and the two buttons."""

    title: str
    text: str
    discard: str
    keep: str


class EditDialog(QDialog):
    """The base of the edit dialogs; see the module's docstring."""

    #: Emitted with what the core saved, after the database committed.
    saved = Signal(object)

    #: Whether the field of a problem is marked (the ``invalid`` property), not only focused.
    marks_invalid_field = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saving = False
        self.discard_box: QMessageBox | None = None
        self._snapshot: tuple[object, ...] | None = None
        self._invalid: QWidget | None = None

    # --- what a dialog supplies --------------------------------------------------------------
    #: Where a problem is said (a dialog sets it when it builds its form).
    error_label: QLabel
    #: 保存 (a dialog sets it when it builds its buttons).
    save_button: QPushButton

    def save_buttons(self) -> Sequence[QPushButton]:
        """The buttons disabled while saving: 保存 unless a dialog has more."""
        return (self.save_button,)

    def save_job(self) -> SaveJob:
        """Collect the input (raises InvalidValue naming the field) and return the write."""
        raise NotImplementedError

    def save_what(self) -> str:
        """The write's name, for a failure report (保存客户)."""
        raise NotImplementedError

    def saved_message(self, result: Any) -> str:
        """The status bar's line after the save."""
        raise NotImplementedError

    def after_save(self, result: Any) -> None:
        """Anything more to do once the database committed (before the dialog closes)."""

    def field_widget(self, field: str) -> QWidget | None:
        """The widget of a field the core named in a problem."""
        return None

    def state(self) -> tuple[object, ...]:
        """Everything typed (compared with the state when opened: unsaved input)."""
        return ()

    def discard_question(self) -> DiscardQuestion | None:
        """What to ask before throwing unsaved input away (None: close without asking)."""
        return None

    def unsaved_input(self, title: str, text: str) -> DiscardQuestion:
        """The usual question about unsaved input: [放弃] or [继续填写]."""
        return DiscardQuestion(title, text, self.tr("放弃"), self.tr("继续填写"))

    # --- unsaved input -----------------------------------------------------------------------
    def remember_state(self) -> None:
        """The input as it is now counts as saved (call once the form is filled)."""
        self._snapshot = self.state()

    def is_dirty(self) -> bool:
        return self._snapshot is not None and self.state() != self._snapshot

    # --- saving ------------------------------------------------------------------------------
    def accept(self) -> None:
        self.save()

    def save(self) -> None:
        if self.saving:
            return
        try:
            job = self.save_job()
        except InvalidValue as exc:
            self.show_error(exc)
            return
        self.clear_error()
        self.saving = True
        self._enable(False)
        self.ctx.ops.write(job, self._saved, self._save_failed, what=self.save_what())

    def _enable(self, on: bool) -> None:
        for button in self.save_buttons():
            button.setEnabled(on)

    def _saved(self, result: Any) -> None:
        self.saving = False
        self._enable(True)
        self.after_save(result)
        self.ctx.ops.message.emit(self.saved_message(result))
        self.saved.emit(result)
        super().accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.saving = False
        self._enable(True)
        if isinstance(exc, FieldbookError):
            self.show_error(exc)
        else:
            self.ctx.ops.report(exc, what=self.save_what(), write=True)

    # --- problems ----------------------------------------------------------------------------
    def show_error(self, exc: BaseException) -> None:
        self.clear_error()
        self.error_label.setText(describe_error(exc))
        self.error_label.show()
        field = exc.data.get("field") if isinstance(exc, FieldbookError) else None
        widget = self.field_widget(field) if isinstance(field, str) else None
        if widget is None:
            return
        if self.marks_invalid_field:
            self._mark(widget, True)
            self._invalid = widget
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()
        if self._invalid is not None:
            self._mark(self._invalid, False)
        self._invalid = None

    @staticmethod
    def _mark(widget: QWidget, invalid: bool) -> None:
        set_invalid = getattr(widget, "set_invalid", None)
        if callable(set_invalid):  # a composed field (the customer picker) marks itself
            set_invalid(invalid)
        else:
            widget.setProperty("invalid", invalid)
            repolish(widget)

    # --- closing -----------------------------------------------------------------------------
    def reject(self) -> None:
        if self.saving:
            return
        question = self.discard_question() if self.is_dirty() else None
        if question is None:
            super().reject()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            question.title,
            question.text,
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Discard).setText(question.discard)
        box.button(QMessageBox.StandardButton.Cancel).setText(question.keep)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._discard_answered)
        self.discard_box = box
        box.open()

    def _discard_answered(self, result: int) -> None:
        self.discard_box = None
        if result == QMessageBox.StandardButton.Discard.value:
            super().reject()

    def discard(self) -> None:
        """Close without saving, without asking."""
        super().reject()
