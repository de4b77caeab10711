"""What every page and dialog is given: the operations runner, the change hub, today's date.

Pages never hold a Session or run SQL: they submit small functions of the journal through
``ctx.ops`` and refresh when ``ctx.hub.changed`` names a topic they show.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from fieldbook.core import clock
from fieldbook.qt.operations.runner import ChangeHub, Ops

if TYPE_CHECKING:
    from fieldbook.qt.backups import Backups


@dataclass
class AppContext:
    ops: Ops
    hub: ChangeHub
    #: "Today", injectable so tests can fix the date.
    today: Callable[[], date] = field(default=clock.today)
    #: "Now" (local wall-clock time, as the core stores it), for the day's progress.
    now: Callable[[], datetime] = field(default=clock.now)
    #: The database file (None for non-SQLite URLs) and a printable location.
    db_path: Path | None = None
    db_label: str = ""
    #: The app's backups of this database (None when it is not a local SQLite file).
    backups: Backups | None = None
    #: Replace the database with a backup and reopen the app on it (the composition root's
    #: ``AppSession.restore``); None where there is no running app (screenshot mode, tests).
    restore: Callable[[Path], None] | None = None

    @contextmanager
    def today_is(self, day: object) -> Iterator[None]:
        """For a while, "today" is ``day`` when that is a later date (the welcome ends on the
        first working day: the plan page made meanwhile opens on it and builds no plan for
        the real today); then the real today again."""
        real = self.today
        if isinstance(day, date) and day > real():
            self.today = lambda: day
        try:
            yield
        finally:
            self.today = real
