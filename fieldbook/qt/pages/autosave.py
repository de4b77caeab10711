"""The autosave shared by the work log and the weekly report (mixed into their pages).

Each unit (a log section, a report text) is saved a short pause after typing, through the DB
worker; "已保存 HH:MM:SS" only after the save returned. A save the database refuses (a full disk)
keeps what was typed on screen, says so in red and is sent again with the next change or 重试
(Ctrl+R); a value the core rejects is shown by the page. A submitted record is edited as
corrections, saved together with one reason.

What differs is asked of the page: ``_units``, ``_correcting``, ``_save_key``, ``_pending``,
``_show_rejection``, ``_edited_while_correcting``, ``_held_message``, ``_correction_call``,
``_show_saved`` and ``_reload_saved``; the hooks ``_unit_saved``, ``_after_rejection`` and
``_after_correction_failed`` do nothing unless overridden."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from fieldbook.core import clock
from fieldbook.core.errors import FieldbookError
from fieldbook.qt.formatting import listing
from fieldbook.qt.pages.daylog_data import is_rejection

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

DEBOUNCE_MS = 400


@dataclass(frozen=True)
class Pending:
    """A save the database refused: sent again on the next change or on 重试."""

    fn: Callable[[Journal], Any]
    value: Any
    label: str


class Autosave:
    """Uses the page's state (``status``, ``view``, ``saved``, ``corrections``, ``unsaved``,
    ``rejected``, ``save_error``, ``timers``, ``_tokens``, ``_loading``) and widgets
    (``saved_label``, ``error_label``, ``retry_button``, ``correction_bar``)."""

    # --- what the page says -----------------------------------------------------------------
    def _units(self) -> Iterable[str]:
        raise NotImplementedError

    def _correcting(self) -> bool:
        raise NotImplementedError

    def _save_key(self) -> object:
        """What the page shows (a day, a week): a save answered for another is not shown."""
        raise NotImplementedError

    def _pending(self, unit: str) -> Pending:
        raise NotImplementedError

    def _show_rejection(self, unit: str, pending: Pending, text: str) -> None:
        raise NotImplementedError

    def _edited_while_correcting(self, unit: str) -> None:
        raise NotImplementedError

    def _held_message(self) -> str:
        raise NotImplementedError

    def _correction_call(self, reason: str) -> Callable[[Journal], Any]:
        raise NotImplementedError

    def _show_saved(self) -> None:
        raise NotImplementedError

    def _reload_saved(self) -> None:
        raise NotImplementedError

    def _unit_saved(self, unit: str) -> None:
        """The unit went in while the page still shows it."""

    def _after_rejection(self, exc: BaseException) -> None:
        """After a rejected save was shown."""

    def _after_correction_failed(self, exc: BaseException) -> None:
        """After a failed correction was shown."""

    # --- editing ----------------------------------------------------------------------------
    def _save_timers(self) -> dict[str, QTimer]:
        """One single-shot timer per unit: the pause after typing."""
        timers: dict[str, QTimer] = {}
        for unit in self._units():
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(DEBOUNCE_MS)
            timer.timeout.connect(lambda u=unit: self._save(u))
            timers[unit] = timer
        return timers

    def _edited(self, unit: str) -> None:
        if self._loading or self.view is None:
            return
        if self._correcting():
            self._edited_while_correcting(unit)
            return
        self.timers[unit].start()

    def flush(self) -> None:
        """Save now what is waiting for the pause after typing."""
        for unit, timer in self.timers.items():
            if timer.isActive():
                timer.stop()
                self._save(unit)

    def _save(self, unit: str) -> None:
        if self._correcting():
            return
        pending = self._pending(unit)
        self.unsaved.pop(unit, None)
        self._send(unit, pending)
        self.retry()

    def _send(self, unit: str, pending: Pending) -> None:
        token = self._tokens.get(unit, 0) + 1
        self._tokens[unit] = token
        key = self._save_key()

        def ok(_result: object) -> None:
            if self._tokens.get(unit) == token:
                self.unsaved.pop(unit, None)
                self.rejected.pop(unit, None)
                if key == self._save_key():
                    self.saved[unit] = pending.value
                    self._unit_saved(unit)
            if self.status == "none" and key == self._save_key():
                self.status = "draft"
                self._show_status()
            self._settle()

        def failed(exc: BaseException) -> None:
            from fieldbook.messages import describe_error

            if is_rejection(exc):
                if self._tokens.get(unit) == token:
                    self.unsaved.pop(unit, None)
                text = describe_error(exc)
                self.rejected[unit] = text
                self._show_rejection(unit, pending, text)
                self._mark_unsaved()
                self._after_rejection(exc)
                return
            if self._tokens.get(unit) == token:
                self.unsaved[unit] = pending  # newer edits of the same unit win
            self.save_error = exc
            self._show_unsaved()
            if not isinstance(exc, FieldbookError):
                self.ctx.ops.report(exc, what=pending.label, write=True)

        self.ctx.ops.write(pending.fn, ok, failed, what=pending.label)

    def retry(self) -> None:
        """重试: send every unit the database refused again."""
        for unit, pending in list(self.unsaved.items()):
            self._send(unit, pending)

    # --- saying how saving went ---------------------------------------------------------------
    def _settle(self) -> None:
        if self.unsaved:
            self._show_unsaved()
            return
        if self.save_error is not None:
            self.save_error = None
            self.retry_button.hide()
            self.show_message("")
        if self.rejected:
            self._mark_unsaved()
            return
        self._say_saved(self.tr("已保存 {time}"))

    def _say_saved(self, text: str) -> None:
        self.saved_label.setText(text.format(time=clock.now().strftime("%H:%M:%S")))
        self.saved_label.setProperty("failed", False)
        self._repolish(self.saved_label)

    def _mark_unsaved(self) -> None:
        self.saved_label.setText(self.tr("未保存"))
        self.saved_label.setProperty("failed", True)
        self._repolish(self.saved_label)

    def _show_unsaved(self) -> None:
        from fieldbook.messages import describe_error

        self._mark_unsaved()
        if not self.unsaved:
            return
        labels = listing(p.label for p in self.unsaved.values())
        reason = describe_error(self.save_error) if self.save_error is not None else ""
        self.show_message(
            self.tr("{reason}\n没保存的部分（仍在屏幕上）：{what}。点“重试”再保存。").format(
                reason=reason, what=labels
            )
        )
        self.retry_button.show()

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)

    def show_message(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _say_held(self) -> None:
        text = self._held_message().format(what=self.unsaved_changes())
        self.ctx.ops.message.emit(text)
        if self.unsaved:
            self._show_unsaved()
        else:
            self.show_message(text)

    def drop_unsaved(self) -> None:
        self.unsaved.clear()
        self.rejected.clear()
        self.corrections.clear()

    # --- corrections of a submitted record ----------------------------------------------------
    def save_correction(self, reason: str) -> None:
        if not self._correcting() or not self.corrections:
            self.correction_bar.reset()
            return
        run = self._correction_call(reason)
        self.correction_bar.save_button.setEnabled(False)

        def done(_view: object) -> None:
            self.correction_bar.save_button.setEnabled(True)
            self.corrections.clear()
            self.correction_bar.reset()
            self.ctx.ops.message.emit(self.tr("已保存更正，已记入更正记录"))
            self._say_saved(self.tr("已保存更正 {time}"))
            self._reload_saved()

        def failed(exc: BaseException) -> None:
            from fieldbook.messages import describe_error

            self.correction_bar.save_button.setEnabled(True)
            self.correction_bar.show_error(
                self.tr("更正没有保存：{reason}\n修改仍在屏幕上，可以再点“保存更正”。").format(
                    reason=describe_error(exc)
                )
            )
            self._mark_unsaved()
            if not isinstance(exc, FieldbookError):
                self.ctx.ops.report(exc, what=self.tr("保存更正"), write=True)
            self._after_correction_failed(exc)

        self.ctx.ops.write(run, done, failed, what=self.tr("保存更正"))

    def undo_corrections(self) -> None:
        self.corrections.clear()
        self._show_saved()
        self.correction_bar.reset()
