"""How the work log's sections reach the database (mixed into ``DayLogPage``).

A draft: each section is saved a short pause after typing, through the DB worker; "已保存
HH:MM:SS" only after the save returned. A save the database refuses (a full disk) keeps what
was typed on screen, says so in red and is sent again with the next change or 重试 (Ctrl+R);
a value the core rejects is shown under its section. While anything is unsaved the page holds
its date. A submitted log: edits are corrections, saved together with one reason. The
mechanism is ``autosave.Autosave``; this module says what is particular to the log."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from fieldbook.core.errors import FieldbookError, InvalidValue
from fieldbook.qt.formatting import listing
from fieldbook.qt.pages.autosave import DEBOUNCE_MS, Autosave, Pending
from fieldbook.qt.pages.daylog_data import (
    empty_section,
    same_section,
    save_corrections,
)
from fieldbook.qt.widgets.day_corrections import section_label
from fieldbook.qt.widgets.day_sections import ORDER

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

__all__ = ["DEBOUNCE_MS", "DayLogSaving", "Pending"]


class DayLogSaving(Autosave):
    """The page's saving. Uses the page's state (``day``, ``status``, ``view``, ``saved``,
    ``corrections``, ``unsaved``, ``rejected``, ``save_error``, ``timers``) and widgets
    (``editors``, ``section_errors``, ``saved_label``, ``error_label``, ``retry_button``,
    ``correction_bar``)."""

    def _units(self) -> Iterable[str]:
        return ORDER

    def _correcting(self) -> bool:
        return self.status == "submitted"

    def _save_key(self) -> object:
        return self.day

    def value_of(self, name: str) -> Any:
        return self.editors.value_of(name)

    def _pending(self, name: str) -> Pending:
        day = self.day
        value = self.value_of(name)
        return Pending(
            lambda j: j.daylogs.save_section(day, name, value), value, section_label(name)
        )

    def _unit_saved(self, name: str) -> None:
        self.section_errors[name].hide()

    def _show_rejection(self, name: str, pending: Pending, text: str) -> None:
        error = self.section_errors[name]
        error.setText(self.tr("没有保存：{reason}").format(reason=text))
        error.show()

    def _after_rejection(self, exc: BaseException) -> None:
        if isinstance(exc, InvalidValue) and exc.detail == "log_submitted":
            self.reload(sections=True)  # submitted meanwhile: show it as it is

    def _held_message(self) -> str:
        return self.tr("{what}。保存成功（点“重试”或“保存更正”）或撤销之前，不能换到别的日期。")

    def unsaved_changes(self) -> str:
        self.flush()
        parts = []
        if self.unsaved:
            labels = listing(p.label for p in self.unsaved.values())
            parts.append(self.tr("工作日志还有部分没有保存：{what}").format(what=labels))
        if self.rejected:
            labels = listing(section_label(n) for n in self.rejected)
            parts.append(self.tr("工作日志有部分没有保存（内容有误）：{what}").format(what=labels))
        if self.corrections:
            parts.append(self.tr("工作日志的更正还没有保存（需要填写原因）"))
        return "；".join(parts)

    # --- corrections of a submitted log -------------------------------------------------------
    def _edited_while_correcting(self, name: str) -> None:
        self._track_correction(name)

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

    def _correction_call(self, reason: str) -> Callable[[Journal], Any]:
        day = self.day
        changes = {
            name: (value.strip() if isinstance(value, str) else value)
            for name, value in self.corrections.items()
        }
        return lambda j: save_corrections(j, day, changes, reason)

    def _reload_saved(self) -> None:
        self.reload(sections=True)

    def _after_correction_failed(self, exc: BaseException) -> None:
        if isinstance(exc, FieldbookError):
            self.reload()  # some sections may have gone in: the list says which

    def _show_saved(self) -> None:
        self._show_sections(self.saved)
