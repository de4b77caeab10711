"""Arrival, leaving and the edited times of a visit (the header's 到店 / 离店 and time fields).

Composed into ``VisitPage``. Arrival starts (or reuses) the shop's draft of the day; a time the
database refused stays in its field until it is saved; on a finished visit a time edit is a
correction (``visit_corrections``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, time

from PySide6.QtCore import QCoreApplication, QObject

from fieldbook.core import clock
from fieldbook.core.routine.visit_views import VisitView
from fieldbook.qt.pages.autosave import Change
from fieldbook.qt.pages.visit_host import VisitHost

translate = QCoreApplication.translate


def time_name(field: str) -> str:
    if field == "arrived_at":
        return translate("VisitPage", "到店时间")
    return translate("VisitPage", "离店时间")


class VisitTimes(QObject):
    """到店, 离店 and editing the two times. ``correct_time`` takes a time edit of a finished
    visit (a correction)."""

    def __init__(
        self,
        page: VisitHost,
        correct_time: Callable[[str, datetime], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.page = page
        self._correct_time = correct_time

    def arrive(self) -> None:
        page = self.page
        screen, visit = page.screen, page.visit
        if screen is None or (visit is not None and visit.status != "draft"):
            return
        if visit is not None and visit.arrived_at is not None:
            return
        if visit is not None:
            vid = visit.id
            page.ctx.ops.write(
                lambda j: j.visits.arrive(vid),
                self._arrived,
                lambda e: page.failed(e, self.tr("到店")),
            )
            return
        customer_id, day = screen.customer.id, screen.day
        stop_id = screen.stop.id if screen.stop is not None else None
        page.ctx.ops.write(
            lambda j: j.visits.start(customer_id, day=day, plan_stop_id=stop_id),
            self._arrived,
            lambda e: page.failed(e, self.tr("到店")),
            what=self.tr("到店"),
        )

    def _arrived(self, visit: VisitView) -> None:
        page = self.page
        page.saved()
        if page.visit is None and page.screen is not None:
            # start() gives the grid it created for the draft.
            page.grid.model.set_rows(visit.grid)
        page.show_visit(visit)
        page.initial_focus()

    def leave(self) -> None:
        page = self.page
        vid = page.draft_id()
        if vid is None or page.visit is None or page.visit.arrived_at is None:
            return
        at = clock.now()  # the time of the click, even on a retry
        page.autosave.change(
            ("time", "left_at"),
            Change(
                lambda j: j.visits.leave(vid, at),
                self.tr("离店时间"),
                at,
                done=self._times_saved,
                rejected=lambda e: page.failed(e, self.tr("离店")),
                refused=self.show_times,
            ),
        )

    def edit_time(self, field: str, value: time) -> None:
        page = self.page
        visit = page.visit
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

        def failed(exc: BaseException) -> None:
            page.failed(exc, name)
            self.show_times()

        page.autosave.change(
            ("time", field),
            Change(
                lambda j: j.visits.set_time(vid, field, moment),
                name,
                moment,
                done=self._times_saved,
                rejected=failed,
                refused=self.show_times,
            ),
        )

    def show_times(self) -> None:
        """The header with the visit's times — and the ones still unsaved or being corrected
        (never reset to the saved value while the user's edit is not in the database)."""
        page = self.page
        visit = page.visit
        page.header.show_visit(visit, editable=visit is not None)
        shown: dict[object, object] = dict(page.autosave.shown("time"))
        shown.update(page.time_corrections)
        for field, moment in shown.items():
            if isinstance(moment, datetime):
                page.header.show_time(str(field), moment)

    def _times_saved(self, visit: VisitView) -> None:
        page = self.page
        page.saved()
        if page.visit is not None:
            page.visit = replace(
                page.visit,
                arrived_at=visit.arrived_at,
                left_at=visit.left_at,
                arrived_first=visit.arrived_first,
                left_first=visit.left_first,
                time_edits=visit.time_edits,
            )
        self.show_times()
