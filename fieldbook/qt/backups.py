"""Automatic backups while the app runs: every ``interval`` when something changed since the last
backup, and on exit. Each backup is the core's ``create_backup`` (online backup API, checked,
renamed, then the folder thinned), run as a job on the one DB worker, so it never interleaves
with a save. A failed backup is reported (``failed``: the status bar and a warning), never
swallowed; the next tick tries again.

"Something changed" is counted on the worker itself (the journal's change listeners run there
after each COMMIT), and a backup job notes the count it started from — so a change committed
while a backup is queued is never taken as backed up.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from fieldbook.core import clock
from fieldbook.core.store import open_database
from fieldbook.core.store.backup import backup_policy
from fieldbook.core.store.db import SaveFailed
from fieldbook.messages import describe_error, message

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.qt.operations.runner import Ops

log = logging.getLogger(__name__)

#: Labels of the backups the app makes (file names: letters, digits, - and _ only).
AUTO, EXIT, MANUAL = "auto", "exit", "manual"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Backups", text)


def default_interval_s() -> float:
    return backup_policy().interval_minutes * 60.0


def backup_error_text(exc: BaseException) -> str:
    """What went wrong with a backup, for the user (the database itself is never touched)."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return message("backup_disk_full")
    if isinstance(exc, SaveFailed) and exc.reason == "disk_full":
        return message("backup_disk_full")
    if isinstance(exc, OSError):
        return message("backup_io", {"error": exc.strerror or str(exc)})
    return describe_error(exc)


@dataclass(frozen=True)
class BackupMade:
    path: Path
    at: datetime
    label: str


class Backups(QObject):
    """The app's backups of one open journal. Create on the GUI thread; ``start()`` the timer."""

    #: A backup was written (BackupMade).
    made = Signal(object)
    #: A backup failed: the text to show.
    failed = Signal(str)
    #: A timer tick was handled: True when it started a backup (tests wait for this).
    ticked = Signal(bool)

    def __init__(
        self,
        ops: Ops,
        journal: Journal,
        db_path: Path,
        *,
        interval_s: float | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.db_path = Path(db_path)
        self.interval_s = default_interval_s() if interval_s is None else float(interval_s)
        self.last: BackupMade | None = None
        self.running = 0
        self._changes = 0  # bumped on the worker after each COMMIT
        self._backed_up = 0  # the change count the newest backup includes
        self._detach: Callable[[], None] | None = journal.on_change(self._bump)
        self.timer = QTimer(self)
        self.timer.setInterval(max(1, int(self.interval_s * 1000)))
        self.timer.timeout.connect(self.tick)

    # --- changes and the timer --------------------------------------------------------------
    def _bump(self, _topics: frozenset[str]) -> None:
        self._changes += 1

    @property
    def changed_since_backup(self) -> bool:
        return self._changes != self._backed_up

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        """Stop the timer and stop listening (the journal is about to close)."""
        self.timer.stop()
        if self._detach is not None:
            try:
                self._detach()
            except ValueError:
                pass
            self._detach = None

    def tick(self) -> None:
        due = self.changed_since_backup and not self.running
        if due:
            self.backup(AUTO)
        self.ticked.emit(due)

    # --- making a backup ----------------------------------------------------------------------
    def backup(
        self,
        label: str = MANUAL,
        on_done: Callable[[BackupMade], Any] | None = None,
        on_error: Callable[[str], Any] | None = None,
    ) -> None:
        """Queue a backup on the worker; ``made`` or ``failed`` tells how it went."""
        self.running += 1

        def work(j: Journal) -> tuple[Path, int]:
            count = self._changes  # on the worker: every earlier COMMIT is counted
            return open_database.backup(j, label=label), count

        def done(result: tuple[Path, int]) -> None:
            path, count = result
            self.running -= 1
            self._backed_up = max(self._backed_up, count)
            made = BackupMade(path, clock.now(), label)
            self.last = made
            self.made.emit(made)
            if on_done is not None:
                on_done(made)

        def failed(exc: BaseException) -> None:
            self.running -= 1
            log.error("backup (%s) failed: %r", label, exc)
            text = _tr("备份没有完成：{reason}").format(reason=backup_error_text(exc))
            self.failed.emit(text)
            if on_error is not None:
                on_error(text)

        self.ops.write(work, done, failed, what=_tr("备份"))

    def backup_now_blocking(self, journal: Journal, label: str = EXIT) -> str:
        """The last chance at exit, after the worker stopped: back up on this thread. Returns
        "" or what went wrong (the caller reports it)."""
        try:
            path = open_database.backup(journal, label=label)
        except Exception as exc:
            log.error("backup at exit failed: %r", exc)
            return _tr("退出前的备份没有完成：{reason}").format(reason=backup_error_text(exc))
        self._backed_up = self._changes
        self.last = BackupMade(path, clock.now(), label)
        return ""
