"""记录答复 on the work log: the department head's answer to an escalated problem, this day's
(the 上报问题 table) or an earlier day's (the list under it), recorded through the inline bar.
Composed into ``DayLogPage``; what it needs from the page is given to its constructor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from fieldbook.core.errors import FieldbookError
from fieldbook.core.routine.escalations import ANSWER_KEYS
from fieldbook.messages import describe_error
from fieldbook.qt.operations.runner import Ops
from fieldbook.qt.widgets.day_sections import DaySections

if TYPE_CHECKING:
    from fieldbook.core.routine.daylog import DayLogView


class EscalationAnswers(QObject):
    """Records answers. ``day`` and ``saved`` read the page's day and its saved sections;
    ``flush`` saves what is typed; ``show_message`` and ``reload`` are the page's."""

    def __init__(
        self,
        ops: Ops,
        editors: DaySections,
        *,
        day: Callable[[], date],
        saved: Callable[[], dict[str, Any]],
        flush: Callable[[], None],
        show_message: Callable[[str], None],
        reload: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.editors = editors
        self.bar = editors.answer_bar
        self.earlier: list[tuple[date, dict[str, Any]]] = []
        self._day = day
        self._saved = saved
        self._flush = flush
        self._show_message = show_message
        self._reload = reload
        editors.answer_button.clicked.connect(self.answer_current)
        earlier = editors.earlier_box
        earlier.answer_button.clicked.connect(self.answer_earlier)
        earlier.table.itemActivated.connect(lambda _i: self.answer_earlier())
        self.bar.save_button.clicked.connect(self.save_answer)
        self.bar.edit.returnPressed.connect(self.save_answer)

    def show_earlier(self, earlier: tuple[tuple[date, dict[str, Any]], ...], name: Any) -> None:
        """Earlier days' problems still waiting for an answer (``name``: a code's shop)."""
        self.earlier = list(earlier)
        self.editors.earlier_box.show_rows(self.earlier, name)

    def answer_current(self) -> None:
        table = self.editors.tables["escalations"]
        row = table.current_row()
        if row < 0:
            table.show_hint(self.tr("请先选中要记录答复的问题"))
            return
        self._flush()
        data = table.model.row(row)
        saved_ids = {r.get("id") for r in self._saved().get("escalations", [])}
        if data.get("id") not in saved_ids:
            table.show_hint(self.tr("这个问题还没有保存，保存后才能记录答复"))
            return
        if data.get("answered"):
            table.show_hint(
                self.tr("这个问题已经答复：{answer}").format(answer=data.get("answer", ""))
            )
            return
        table.show_hint("")
        self.bar.ask(self._day(), data)

    def answer_earlier(self) -> None:
        earlier = self.editors.earlier_box
        row = earlier.table.currentRow()
        if not 0 <= row < len(self.earlier):
            earlier.title.setText(self.tr("请先选中要记录答复的问题："))
            return
        day, data = self.earlier[row]
        self.bar.ask(day, data)

    def save_answer(self) -> None:
        target = self.bar.target
        answer = self.bar.edit.text().strip()
        if target is None:
            return
        if not answer:
            self.bar.edit.setFocus()
            return
        day, escalation_id = target
        self.ops.write(
            lambda j: j.daylogs.answer_escalation(day, escalation_id, answer),
            lambda view: self._answered(day, escalation_id, view),
            self._failed,
            what=self.tr("记录答复"),
        )

    def _answered(self, day: date, escalation_id: str, view: DayLogView) -> None:
        self.bar.close_bar()
        self.ops.message.emit(self.tr("已记录答复"))
        if day == self._day():
            for row in view.sections.get("escalations", []):
                if row.get("id") == escalation_id:
                    updates = {k: row.get(k) for k in ANSWER_KEYS}
                    self.editors.tables["escalations"].model.merge("id", escalation_id, updates)
                    for saved in self._saved().get("escalations", []):
                        if saved.get("id") == escalation_id:
                            saved.update(updates)
        self._reload()

    def _failed(self, exc: BaseException) -> None:
        self._show_message(self.tr("答复没有保存：{reason}").format(reason=describe_error(exc)))
        if not isinstance(exc, FieldbookError):
            self.ops.report(exc, what=self.tr("记录答复"), write=True)
