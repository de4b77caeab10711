"""How the weekly report's texts reach the database (mixed into ``WeekPage``).

A draft: the narrative and next week's plan are each saved a short pause after typing, through
the DB worker; "已保存 HH:MM:SS" only after the save returned. A save the database refuses is
kept on screen, said in red and sent again with the next change or 重试 (Ctrl+R); while anything
is unsaved the page holds its week. A submitted report is read-only; 更正… unlocks it and the
edits are corrections, saved field by field with one reason (更正记录)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from fieldbook.core.errors import FieldbookError
from fieldbook.core.week import NARRATIVE, PLAN_FIELDS
from fieldbook.qt.pages.daylog_data import is_rejection
from fieldbook.qt.pages.daylog_saving import DEBOUNCE_MS, Pending
from fieldbook.qt.widgets.week_editors import field_label

if TYPE_CHECKING:
    from fieldbook.core.week import WeekView

UNITS = ("narrative", "next_plan")


def empty_field(field: str) -> Any:
    if field in ("key_customers", "brands"):
        return []
    if field in ("routes", "targets"):
        return {}
    return ""


def unit_of(field: str) -> str:
    return "narrative" if field in NARRATIVE else "next_plan"


class WeekSaving:
    """Uses the page's state (``label``, ``status``, ``saved``, ``unsaved``, ``rejected``,
    ``corrections``, ``save_error``, ``timers``, ``_tokens``, ``_loading``) and widgets
    (``editors``, ``saved_label``, ``error_label``, ``retry_button``, ``correction_bar``)."""

    def _save_timers(self) -> dict[str, QTimer]:
        timers: dict[str, QTimer] = {}
        for unit in UNITS:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(DEBOUNCE_MS)
            timer.timeout.connect(lambda u=unit: self._save(u))
            timers[unit] = timer
        return timers

    def _unit_label(self, unit: str) -> str:
        return self.tr("本周总结") if unit == "narrative" else self.tr("下周计划")

    def _edited(self, unit: str) -> None:
        if self._loading or self.view is None:
            return
        if self.status in ("submitted", "reviewed"):
            self._track_corrections()
            return
        self.timers[unit].start()

    def flush(self) -> None:
        for unit, timer in self.timers.items():
            if timer.isActive():
                timer.stop()
                self._save(unit)

    def _save(self, unit: str) -> None:
        if self.status in ("submitted", "reviewed"):
            return
        label = self.label
        value = self.editors.value_of(unit)
        if unit == "narrative":
            fn = lambda j: j.weeks.save(label, narrative=value)  # noqa: E731
        else:
            fn = lambda j: j.weeks.save(label, next_plan=value)  # noqa: E731
        self.unsaved.pop(unit, None)
        self._send(unit, Pending(fn, value, self._unit_label(unit)))
        self.retry()

    def _send(self, unit: str, pending: Pending) -> None:
        token = self._tokens.get(unit, 0) + 1
        self._tokens[unit] = token
        label = self.label

        def ok(_result: object) -> None:
            if self._tokens.get(unit) == token:
                self.unsaved.pop(unit, None)
                self.rejected.pop(unit, None)
                if label == self.label:
                    self.saved[unit] = pending.value
            if self.status == "none" and label == self.label:
                self.status = "draft"
                self._show_status()
            self._settle()

        def failed(exc: BaseException) -> None:
            from fieldbook.wording import describe_error

            if is_rejection(exc):
                if self._tokens.get(unit) == token:
                    self.unsaved.pop(unit, None)
                self.rejected[unit] = describe_error(exc)
                self.show_message(
                    self.tr("{what}没有保存：{reason}").format(
                        what=pending.label, reason=self.rejected[unit]
                    )
                )
                self._mark_unsaved()
                return
            if self._tokens.get(unit) == token:
                self.unsaved[unit] = pending
            self.save_error = exc
            self._show_unsaved()
            if not isinstance(exc, FieldbookError):
                self.ctx.ops.report(exc, what=pending.label, write=True)

        self.ctx.ops.write(pending.fn, ok, failed, what=pending.label)

    def retry(self) -> None:
        for unit, pending in list(self.unsaved.items()):
            self._send(unit, pending)

    # --- saying how saving went -----------------------------------------------------------
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
        self.saved_label.setText(text.format(time=datetime.now().strftime("%H:%M:%S")))
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
        text = self.tr("{what}。保存成功或撤销之前，不能换到别的周。").format(
            what=self.unsaved_changes()
        )
        self.ctx.ops.message.emit(text)
        if self.unsaved:
            self._show_unsaved()
        else:
            self.show_message(text)

    def unsaved_changes(self) -> str:
        self.flush()
        parts = []
        if self.unsaved or self.rejected:
            labels = "、".join(self._unit_label(u) for u in {**self.unsaved, **self.rejected})
            parts.append(self.tr("周报还有部分没有保存：{what}").format(what=labels))
        if self.corrections:
            parts.append(self.tr("周报的更正还没有保存（需要填写原因）"))
        return "；".join(parts)

    def drop_unsaved(self) -> None:
        self.unsaved.clear()
        self.rejected.clear()
        self.corrections.clear()

    # --- corrections of a submitted report --------------------------------------------------
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

    def save_correction(self, reason: str) -> None:
        if self.status not in ("submitted", "reviewed") or not self.corrections:
            self.correction_bar.reset()
            return
        label = self.label
        changes = dict(self.corrections)
        self.correction_bar.save_button.setEnabled(False)

        def run(j: Any) -> WeekView:
            view = None
            for field, value in changes.items():
                view = j.weeks.correct(label, field, value, reason)
            return view

        def done(_view: WeekView) -> None:
            self.correction_bar.save_button.setEnabled(True)
            self.corrections.clear()
            self.correction_bar.reset()
            self.ctx.ops.message.emit(self.tr("已保存更正，已记入更正记录"))
            self._say_saved(self.tr("已保存更正 {time}"))
            self.reload(texts=True)

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

        self.ctx.ops.write(run, done, failed, what=self.tr("保存更正"))

    def undo_corrections(self) -> None:
        self.corrections.clear()
        self._show_texts()
        self.correction_bar.reset()
