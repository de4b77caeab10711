"""How the work log's sections reach the database (mixed into ``DayLogPage``).

A draft: each section is saved a short pause after typing, through the DB worker; "已保存
HH:MM:SS" only after the save returned. A save the database refuses (a full disk) keeps what
was typed on screen, says so in red and is sent again with the next change or 重试 (Ctrl+R);
a value the core rejects is shown under its section. While anything is unsaved the page holds
its date. A submitted log: edits are corrections, saved together with one reason."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from fieldbook.core.errors import FieldbookError, InvalidValue
from fieldbook.qt.pages.daylog_data import (
    empty_section,
    is_rejection,
    same_section,
    save_corrections,
)
from fieldbook.qt.widgets.day_corrections import section_label
from fieldbook.qt.widgets.day_sections import ORDER

if TYPE_CHECKING:
    from fieldbook.core.daylog import DayLogView
    from fieldbook.core.journal import Journal

DEBOUNCE_MS = 400


@dataclass(frozen=True)
class Pending:
    """A section save the database refused: sent again on the next change or on 重试."""

    fn: Callable[[Journal], Any]
    value: Any
    label: str


class DayLogSaving:
    """The page's saving. Uses the page's state (``day``, ``status``, ``view``, ``saved``,
    ``corrections``, ``unsaved``, ``rejected``, ``save_error``, ``timers``) and widgets
    (``editors``, ``section_errors``, ``saved_label``, ``error_label``, ``retry_button``,
    ``correction_bar``)."""

    def _save_timers(self) -> dict[str, QTimer]:
        """One single-shot timer per section: the pause after typing."""
        timers: dict[str, QTimer] = {}
        for name in ORDER:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(DEBOUNCE_MS)
            timer.timeout.connect(lambda n=name: self._save(n))
            timers[name] = timer
        return timers

    # --- editing ----------------------------------------------------------------------------
    def value_of(self, name: str) -> Any:
        return self.editors.value_of(name)

    def _edited(self, name: str) -> None:
        if self._loading or self.view is None:
            return
        if self.status == "submitted":
            self._track_correction(name)
            return
        self.timers[name].start()

    def flush(self) -> None:
        """Save now what is waiting for the pause after typing."""
        for name, timer in self.timers.items():
            if timer.isActive():
                timer.stop()
                self._save(name)

    def _save(self, name: str) -> None:
        if self.status == "submitted":
            return
        day = self.day
        value = self.value_of(name)
        label = section_label(name)
        self.unsaved.pop(name, None)
        self._send(name, Pending(lambda j: j.daylogs.save_section(day, name, value), value, label))
        self.retry()

    def _send(self, name: str, pending: Pending) -> None:
        token = self._tokens.get(name, 0) + 1
        self._tokens[name] = token
        day = self.day

        def ok(_result: object) -> None:
            if self._tokens.get(name) == token:
                self.unsaved.pop(name, None)
                self.rejected.pop(name, None)
                if day == self.day:
                    self.saved[name] = pending.value
                    self.section_errors[name].hide()
            if self.status == "none" and day == self.day:
                self.status = "draft"
                self._show_status()
            self._settle()

        def failed(exc: BaseException) -> None:
            from fieldbook.wording import describe_error

            if is_rejection(exc):
                if self._tokens.get(name) == token:
                    self.unsaved.pop(name, None)
                text = describe_error(exc)
                self.rejected[name] = text
                error = self.section_errors[name]
                error.setText(self.tr("没有保存：{reason}").format(reason=text))
                error.show()
                self._mark_unsaved()
                if isinstance(exc, InvalidValue) and exc.detail == "log_submitted":
                    self.reload(sections=True)  # submitted meanwhile: show it as it is
                return
            if self._tokens.get(name) == token:
                self.unsaved[name] = pending  # newer edits of the same section win
            self.save_error = exc
            self._show_unsaved()
            if not isinstance(exc, FieldbookError):
                self.ctx.ops.report(exc, what=pending.label, write=True)

        self.ctx.ops.write(pending.fn, ok, failed, what=pending.label)

    def retry(self) -> None:
        """重试: send every section the database refused again."""
        for name, pending in list(self.unsaved.items()):
            self._send(name, pending)

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
        self.saved_label.setText(
            self.tr("已保存 {time}").format(time=datetime.now().strftime("%H:%M:%S"))
        )
        self.saved_label.setProperty("failed", False)
        self._repolish(self.saved_label)

    def _mark_unsaved(self) -> None:
        self.saved_label.setText(self.tr("未保存"))
        self.saved_label.setProperty("failed", True)
        self._repolish(self.saved_label)

    def _show_unsaved(self) -> None:
        from fieldbook.wording import describe_error

        self._mark_unsaved()
        if not self.unsaved:
            return
        labels = "、".join(p.label for p in self.unsaved.values())
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
        text = self.tr(
            "{what}。保存成功（点“重试”或“保存更正”）或撤销之前，不能换到别的日期。"
        ).format(what=self.unsaved_changes())
        self.ctx.ops.message.emit(text)
        if self.unsaved:
            self._show_unsaved()
        else:
            self.show_message(text)

    def unsaved_changes(self) -> str:
        self.flush()
        parts = []
        if self.unsaved:
            labels = "、".join(p.label for p in self.unsaved.values())
            parts.append(self.tr("工作日志还有部分没有保存：{what}").format(what=labels))
        if self.rejected:
            labels = "、".join(section_label(n) for n in self.rejected)
            parts.append(self.tr("工作日志有部分没有保存（内容有误）：{what}").format(what=labels))
        if self.corrections:
            parts.append(self.tr("工作日志的更正还没有保存（需要填写原因）"))
        return "；".join(parts)

    def drop_unsaved(self) -> None:
        self.unsaved.clear()
        self.rejected.clear()
        self.corrections.clear()

    # --- corrections of a submitted log -------------------------------------------------------
    def _track_correction(self, name: str) -> None:
        value = self.value_of(name)
        if same_section(name, value, self.saved.get(name, empty_section(name))):
            self.corrections.pop(name, None)
        else:
            self.corrections[name] = value
        if not self.corrections:
            self.correction_bar.reset()
            return
        self.correction_bar.show_changes([section_label(n) for n in self.corrections])

    def save_correction(self, reason: str) -> None:
        if self.status != "submitted" or not self.corrections:
            self.correction_bar.reset()
            return
        day = self.day
        changes = {
            name: (value.strip() if isinstance(value, str) else value)
            for name, value in self.corrections.items()
        }
        self.correction_bar.save_button.setEnabled(False)

        def done(view: DayLogView) -> None:
            self.correction_bar.save_button.setEnabled(True)
            self.corrections.clear()
            self.correction_bar.reset()
            self.ctx.ops.message.emit(self.tr("已保存更正，已记入更正记录"))
            self.saved_label.setText(
                self.tr("已保存更正 {time}").format(time=datetime.now().strftime("%H:%M:%S"))
            )
            self.saved_label.setProperty("failed", False)
            self._repolish(self.saved_label)
            self.reload(sections=True)

        def failed(exc: BaseException) -> None:
            from fieldbook.wording import describe_error

            self.correction_bar.save_button.setEnabled(True)
            self.correction_bar.show_error(
                self.tr("更正没有保存：{reason}\n修改仍在屏幕上，可以再点“保存更正”。").format(
                    reason=describe_error(exc)
                )
            )
            self._mark_unsaved()
            if not isinstance(exc, FieldbookError):
                self.ctx.ops.report(exc, what=self.tr("保存更正"), write=True)
            else:
                self.reload()  # some sections may have gone in: the list says which

        self.ctx.ops.write(
            lambda j: save_corrections(j, day, changes, reason),
            done,
            failed,
            what=self.tr("保存更正"),
        )

    def undo_corrections(self) -> None:
        self.corrections.clear()
        self._show_sections(self.saved)
        self.correction_bar.reset()
