"""A sync's progress as words on the settings page: what it is moving now, and "服务器繁忙，
正在重试…" while a full department server is waited for (decision 0033).

The core's sync tells a progress callback short codes (``up: visits``, ``down: …``,
``sync_busy_retrying``) on the DB worker's thread. :class:`SyncProgress` is that callback: it
emits a signal, which Qt delivers to the GUI thread (queued when emitted on the worker, direct
when a test runs the job inline), where the page shows the words.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from fieldbook.core.server.sync_busy import BUSY_PROGRESS
from fieldbook.messages import message
from fieldbook.messages.conflicts import table_name


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncProgress", text)


def sync_step_words(code: str) -> str:
    """What the sync is doing, for the manager: ``正在上传：走访…``, ``正在下载…``, or the
    core's wording of a busy server."""
    if code == BUSY_PROGRESS:
        words = message(BUSY_PROGRESS)  # (the CLI's line; on its own here: a capital)
        return words[:1].upper() + words[1:]
    direction, _, what = code.partition(": ")
    if direction == "up":
        names = [table_name(t.strip().replace(" ", "_")).replace("_", " ") for t in what.split(",")]
        return _tr("正在上传：{what}…").format(what=_tr("、").join(names))
    if direction == "down":
        return _tr("正在下载各部门的答复、审阅结果和主数据…")
    return _tr("正在同步…")


class SyncProgress(QObject):
    """The progress callback of one sync: call it on any thread with a code; ``show`` gets
    the words on the GUI thread until :meth:`finish` (a late word never overwrites the
    result)."""

    said = Signal(str)

    def __init__(self, show: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._show = show
        self._running = False
        self.said.connect(self._shown)  # AutoConnection: queued from the worker's thread

    def start(self) -> None:
        self._running = True

    def finish(self) -> None:
        self._running = False

    def __call__(self, code: str) -> None:
        """Called by the sync (on the DB worker)."""
        try:
            self.said.emit(code)
        except RuntimeError:  # the page is gone (application quitting)
            pass

    def _shown(self, code: str) -> None:
        if self._running:
            self._show(sync_step_words(code))
