"""How the weekly report's texts reach the database (mixed into ``WeekPage``).

A draft: the narrative and next week's plan are each saved a short pause after typing, through
the DB worker; "已保存 HH:MM:SS" only after the save returned. A save the database refuses is
kept on screen, said in red and sent again with the next change or 重试 (Ctrl+R); while anything
is unsaved the page holds its week. A submitted report is read-only; 更正… unlocks it and the
edits are corrections, saved field by field with one reason (更正记录). The mechanism is
``autosave.Autosave``; this module says what is particular to the report."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from fieldbook.core.routine.week import NARRATIVE, PLAN_FIELDS
from fieldbook.qt.formatting import listing
from fieldbook.qt.pages.autosave import Autosave, Pending
from fieldbook.qt.widgets.week_editors import field_label

if TYPE_CHECKING:
    from fieldbook.core.routine.week import WeekView

UNITS = ("narrative", "next_plan")


def empty_field(field: str) -> Any:
    if field in ("key_customers", "brands"):
        return []
    if field in ("routes", "targets"):
        return {}
    return ""


def unit_of(field: str) -> str:
    return "narrative" if field in NARRATIVE else "next_plan"


class WeekSaving(Autosave):
    """Uses the page's state (``label``, ``status``, ``saved``, ``unsaved``, ``rejected``,
    ``corrections``, ``save_error``, ``timers``, ``_tokens``, ``_loading``) and widgets
    (``editors``, ``saved_label``, ``error_label``, ``retry_button``, ``correction_bar``)."""

    def _units(self) -> Iterable[str]:
        return UNITS

    def _correcting(self) -> bool:
        return self.status in ("submitted", "reviewed")

    def _save_key(self) -> object:
        return self.label

    def _unit_label(self, unit: str) -> str:
        return self.tr("本周总结") if unit == "narrative" else self.tr("下周计划")

    def _pending(self, unit: str) -> Pending:
        label = self.label
        value = self.editors.value_of(unit)
        if unit == "narrative":
            fn = lambda j: j.weeks.save(label, narrative=value)  # noqa: E731
        else:
            fn = lambda j: j.weeks.save(label, next_plan=value)  # noqa: E731
        return Pending(fn, value, self._unit_label(unit))

    def _show_rejection(self, unit: str, pending: Pending, text: str) -> None:
        self.show_message(
            self.tr("{what}没有保存：{reason}").format(what=pending.label, reason=text)
        )

    def _held_message(self) -> str:
        return self.tr("{what}。保存成功或撤销之前，不能换到别的周。")

    def unsaved_changes(self) -> str:
        self.flush()
        parts = []
        if self.unsaved or self.rejected:
            labels = listing(self._unit_label(u) for u in {**self.unsaved, **self.rejected})
            parts.append(self.tr("周报还有部分没有保存：{what}").format(what=labels))
        if self.corrections:
            parts.append(self.tr("周报的更正还没有保存（需要填写原因）"))
        return "；".join(parts)

    # --- corrections of a submitted report --------------------------------------------------
    def _edited_while_correcting(self, unit: str) -> None:
        self._track_corrections()

    def _track_corrections(self) -> None:
        self.corrections.clear()
        for field in (*NARRATIVE, *PLAN_FIELDS):
            value = self.editors.field_value(field)
            before = self.saved.get(unit_of(field), {}).get(field, empty_field(field))
            if value != (before.strip() if isinstance(before, str) else before):
                self.corrections[field] = value
        if not self.corrections:
            self.correction_bar.reset()
            return
        self.correction_bar.show_changes([field_label(f) for f in self.corrections])

    def _correction_call(self, reason: str) -> Callable[[Any], WeekView]:
        label = self.label
        changes = dict(self.corrections)

        def run(j: Any) -> WeekView:
            view = None
            for field, value in changes.items():
                view = j.weeks.correct(label, field, value, reason)
            return view

        return run

    def _reload_saved(self) -> None:
        self.reload(texts=True)

    def _show_saved(self) -> None:
        self._show_texts()
