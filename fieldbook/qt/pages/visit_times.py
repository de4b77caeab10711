"""Arrival, leaving and the edited times of a visit (the header's 到店 / 离店 and time fields).

Mixed into ``VisitPage``. Arrival starts (or reuses) the shop's draft of the day; a time the
database refused stays in its field until it is saved; on a finished visit a time edit is a
correction (see ``visit_corrections``).
"""

from __future__ import annotations

from datetime import datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from fieldbook.core import clock

if TYPE_CHECKING:
    from fieldbook.core.routine.visits import VisitView

translate = QCoreApplication.translate


def time_name(field: str) -> str:
    if field == "arrived_at":
        return translate("VisitPage", "到店时间")
    return translate("VisitPage", "离店时间")


class VisitTimes:
    """到店, 离店 and editing the two times."""

    def arrive(self) -> None:
        screen = self.screen
        if screen is None or (self.visit is not None and self.visit.status != "draft"):
            return
        if self.visit is not None and self.visit.arrived_at is not None:
            return
        if self.visit is not None:
            vid = self.visit.id
            self.ctx.ops.write(
                lambda j: j.visits.arrive(vid),
                self._arrived,
                lambda e: self._failed(e, self.tr("到店")),
            )
            return
        customer_id, day = screen.customer.id, screen.day
        stop_id = screen.stop.id if screen.stop is not None else None
        self.ctx.ops.write(
            lambda j: j.visits.start(customer_id, day=day, plan_stop_id=stop_id),
            self._arrived,
            lambda e: self._failed(e, self.tr("到店")),
            what=self.tr("到店"),
        )

    def _arrived(self, visit: VisitView) -> None:
        self._saved()
        if self.visit is None and self.screen is not None:
            # start() gives the grid it created for the draft.
            self.grid.model.set_rows(visit.grid)
        self._show_visit(visit)
        self._initial_focus()

    def leave(self) -> None:
        vid = self._draft_id()
        if vid is None or self.visit is None or self.visit.arrived_at is None:
            return
        at = clock.now()  # the time of the click, even on a retry
        self._change(
            ("time", "left_at"),
            lambda j: j.visits.leave(vid, at),
            self._times_saved,
            lambda e: self._failed(e, self.tr("离店")),
            self.tr("离店时间"),
            at,
        )

    def edit_time(self, field: str, value: time) -> None:
        visit = self.visit
        if visit is None:
            return
        vid = visit.id
        base = getattr(visit, field) or visit.arrived_at
        day = base.date() if base is not None else visit.visit_date
        moment = datetime.combine(day, value)
        name = time_name(field)
        if visit.status == "done":
            self._correct_time(field, moment)
            return
        self._change(
            ("time", field),
            lambda j: j.visits.set_time(vid, field, moment),
            self._times_saved,
            lambda e: self._time_failed(e, name),
            name,
            moment,
        )

    def _time_failed(self, exc: BaseException, what: str) -> None:
        self._failed(exc, what)
        self._show_times()

    def _show_times(self) -> None:
        """The header with the visit's times — and the ones still unsaved or being corrected
        (never reset to the saved value while the user's edit is not in the database)."""
        visit = self.visit
        self.header.show_visit(visit, editable=visit is not None)
        shown = {k[1]: p.shown for k, p in self.unsaved.items() if k[0] == "time"}
        shown.update(self.time_corrections)
        for field, moment in shown.items():
            edit = self.header.arrived_edit if field == "arrived_at" else self.header.left_edit
            if moment is not None:
                self.header._set_time(edit, moment)

    def _times_saved(self, visit: VisitView) -> None:
        self._saved()
        if self.visit is not None:
            from dataclasses import replace

            self.visit = replace(
                self.visit,
                arrived_at=visit.arrived_at,
                left_at=visit.left_at,
                arrived_first=visit.arrived_first,
                left_first=visit.left_first,
                time_edits=visit.time_edits,
            )
        self._show_times()
