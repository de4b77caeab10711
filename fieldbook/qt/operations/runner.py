"""Background operations: every database call of the desktop app goes through here.

One worker thread runs the jobs one after another (SQLite wants one writer; a queue keeps the
order of what the user did). Results come back to the GUI thread by a queued signal. A job can
never fail silently: the caller's ``on_error`` gets the exception, and without one the default
handler reports it (status bar; a message box for writes, saying that nothing was changed).

Tests inject :class:`SyncExecutor`, which runs each job inline on the calling thread.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, SignalInstance
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from fieldbook.core.errors import FieldbookError, FileRejected
from fieldbook.messages import describe_error

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Ops", text)


# ------------------------------------------------------------------------------ executors


@dataclass(frozen=True)
class Outcome:
    """What a job produced: its value, or the exception it raised (with the traceback)."""

    ok: bool
    value: Any = None
    error: BaseException | None = None
    trace: str = ""


Deliver = Callable[[Outcome], None]
Work = Callable[[], Any]


def _run(work: Work) -> Outcome:
    try:
        return Outcome(True, work())
    except BaseException as exc:  # every failure must reach the user
        return Outcome(False, error=exc, trace=traceback.format_exc())


class Executor(Protocol):
    def submit(self, work: Work, deliver: Deliver) -> None: ...

    def shutdown(self) -> None: ...


class SyncExecutor:
    """Runs each job inline, on the calling thread (tests)."""

    def submit(self, work: Work, deliver: Deliver) -> None:
        deliver(_run(work))

    def shutdown(self) -> None:
        pass


class _WorkerThread(QThread):
    def __init__(self, jobs: queue.Queue[tuple[Work, Deliver] | None], out: SignalInstance) -> None:
        super().__init__()
        self.setObjectName("fieldbook-db-worker")
        self._jobs = jobs
        self._out = out

    def run(self) -> None:
        while True:
            item = self._jobs.get()
            if item is None:
                return
            work, deliver = item
            outcome = _run(work)
            try:
                self._out.emit((deliver, outcome))
            except RuntimeError:  # the receiving object is gone (application quitting)
                return


class ThreadExecutor(QObject):
    """ONE background thread with a job queue; deliveries are queued to the GUI thread."""

    _delivered = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: queue.Queue[tuple[Work, Deliver] | None] = queue.Queue()
        self._delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._thread = _WorkerThread(self._jobs, self._delivered)
        self._thread.start()
        self._closed = False

    def submit(self, work: Work, deliver: Deliver) -> None:
        if self._closed:
            deliver(Outcome(False, error=RuntimeError("the database worker has stopped")))
            return
        self._jobs.put((work, deliver))

    def _deliver(self, item: tuple[Deliver, Outcome]) -> None:
        deliver, outcome = item
        deliver(outcome)

    def shutdown(self, timeout_ms: int = 60_000) -> None:
        """Finish the jobs already queued (a save the user asked for), then stop the thread."""
        if self._closed:
            return
        self._closed = True
        self._jobs.put(None)
        if not self._thread.wait(timeout_ms):
            log.error("the database worker did not stop within %d ms", timeout_ms)


# ------------------------------------------------------------------------------ change hub


class ChangeHub(QObject):
    """Forwards ``journal.on_change`` (called on the writing thread) to the GUI thread.

    ``changed`` carries the frozenset of topics (``"customers"``, ``"skus"``, ...).
    """

    changed = Signal(object)
    _incoming = Signal(object)

    def __init__(self, journal: Journal | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._incoming.connect(self.changed, Qt.ConnectionType.QueuedConnection)
        self._detach: Callable[[], None] | None = None
        if journal is not None:
            self.attach(journal)

    def attach(self, journal: Journal) -> None:
        self.detach()
        self._detach = journal.on_change(self._forward)

    def detach(self) -> None:
        if self._detach is not None:
            try:
                self._detach()
            except ValueError:
                pass
            self._detach = None

    def _forward(self, topics: frozenset[str]) -> None:
        # Runs on the worker after COMMIT: it must never raise, or a committed save would be
        # reported as failed.
        try:
            self._incoming.emit(topics)
        except Exception:  # the hub is being destroyed
            log.debug("change notification dropped", exc_info=True)


# ------------------------------------------------------------------------------ progress


class _ProgressRelay(QObject):
    """Carries progress from the worker to the progress dialog (queued across threads)."""

    progressed = Signal(int, int)


class _ProgressUi:
    """A QProgressDialog with 取消 wired to a thread-safe ``cancelled()``."""

    def __init__(self, parent: QWidget | None, title: str, label: str) -> None:
        self.event = threading.Event()
        self.relay = _ProgressRelay()
        self._last = 0.0
        self._closed = False
        dialog = QProgressDialog(label, _tr("取消"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(360)
        dialog.canceled.connect(self._cancel)
        self.relay.progressed.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.dialog = dialog

    def _cancel(self) -> None:
        self.event.set()
        self.dialog.setLabelText(_tr("正在取消…"))

    def _show(self, done: int, total: int) -> None:
        if self._closed:
            return
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def progress(self, done: int, total: int) -> None:
        """Called on the worker; throttled so the GUI queue is not flooded."""
        now = time.monotonic()
        if done < total and now - self._last < 0.05:
            return
        self._last = now
        try:
            self.relay.progressed.emit(done, total)
        except RuntimeError:
            pass

    def cancelled(self) -> bool:
        return self.event.is_set()

    def close(self) -> None:
        self._closed = True
        self.dialog.canceled.disconnect(self._cancel)
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()


# ------------------------------------------------------------------------------ operations


class Ops(QObject):
    """Runs operations against the journal on the executor. Create on the GUI thread.

    * :meth:`query` — a read; failures go to the status bar (``message``).
    * :meth:`write` — a change; failures also open a message box saying nothing was changed.
    * :meth:`long` — a slow job (import, demo data) with a progress dialog and 取消.

    ``key`` makes a query "latest wins": an older pending job with the same key is skipped,
    and an older result that arrives late is dropped.
    """

    #: A short message for the status bar (also used for failures).
    message = Signal(str)
    #: Emitted after the default handler reported a failure (text shown to the user).
    failed = Signal(str)

    def __init__(
        self,
        journal: Journal,
        executor: Executor,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.executor = executor
        self.window: QWidget | None = None
        self._latest: dict[str, int] = {}
        self._counter = 0
        self._progress: set[_ProgressUi] = set()
        self._boxes: set[QMessageBox] = set()
        self._pending = 0

    # --- public API ------------------------------------------------------------------------
    @property
    def pending(self) -> int:
        """Jobs submitted whose result has not been delivered yet."""
        return self._pending

    def query(
        self,
        fn: Callable[[Journal], Any],
        on_done: OnDone | None = None,
        on_error: OnError | None = None,
        *,
        key: str | None = None,
        what: str = "",
    ) -> None:
        self._submit(fn, on_done, on_error, key=key, what=what or _tr("读取数据"), write=False)

    def write(
        self,
        fn: Callable[[Journal], Any],
        on_done: OnDone | None = None,
        on_error: OnError | None = None,
        *,
        what: str = "",
    ) -> None:
        self._submit(fn, on_done, on_error, key=None, what=what or _tr("保存"), write=True)

    def long(
        self,
        fn: Callable[[Journal, Progress, Cancelled], Any],
        on_done: OnDone | None = None,
        on_error: OnError | None = None,
        *,
        title: str,
        label: str,
        write: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        """A slow job: ``fn(journal, progress, cancelled)`` with a progress dialog."""
        ui = _ProgressUi(parent or self.window, title, label)
        self._progress.add(ui)

        def finish() -> None:
            self._progress.discard(ui)
            ui.close()

        def done(value: Any) -> None:
            finish()
            if on_done is not None:
                on_done(value)

        def error(exc: BaseException) -> None:
            finish()
            if on_error is not None:
                on_error(exc)
            else:
                self.report(exc, what=title, write=write)

        journal = self.journal
        self._submit(
            lambda _j: fn(journal, ui.progress, ui.cancelled),
            done,
            error,
            key=None,
            what=title,
            write=write,
        )

    def progress_dialogs(self) -> list[QProgressDialog]:
        """The progress dialogs of the long jobs still running."""
        return [ui.dialog for ui in self._progress]

    def cancel_all(self) -> None:
        """Ask every running long job to stop (used when the application quits)."""
        for ui in list(self._progress):
            ui.event.set()

    def shutdown(self) -> None:
        self.cancel_all()
        self.executor.shutdown()

    # --- failures ---------------------------------------------------------------------------
    def report(self, exc: BaseException, *, what: str, write: bool, trace: str = "") -> None:
        """The default failure handler: status bar always, a message box for writes."""
        reason = describe_error(exc)
        if is_cancelled(exc):
            text = _tr("{what}已取消，没有做任何改动。").format(what=what)
            self.message.emit(text)
            self.failed.emit(text)
            return
        if write:
            text = _tr("{what}没有完成：{reason}。\n没有做任何改动，数据库保持原样。").format(
                what=what, reason=reason
            )
        else:
            text = _tr("{what}失败：{reason}").format(what=what, reason=reason)
        self.message.emit(text.replace("\n", " "))
        self.failed.emit(text)
        if write:
            box = QMessageBox(
                QMessageBox.Icon.Warning, what, text, QMessageBox.StandardButton.Ok, self.window
            )
            if trace and not _is_expected(exc):
                box.setDetailedText(trace)
            # Keep a reference until it is closed (without a parent window Python owns it).
            self._boxes.add(box)
            box.finished.connect(lambda _result, b=box: self._boxes.discard(b))
            box.open()

    # --- plumbing ---------------------------------------------------------------------------
    def _submit(
        self,
        fn: Callable[[Journal], Any],
        on_done: OnDone | None,
        on_error: OnError | None,
        *,
        key: str | None,
        what: str,
        write: bool,
    ) -> None:
        self._counter += 1
        token = self._counter
        if key is not None:
            self._latest[key] = token
        journal = self.journal
        latest = self._latest

        def work() -> Any:
            if key is not None and latest.get(key) != token:
                return _SUPERSEDED
            return fn(journal)

        def deliver(outcome: Outcome) -> None:
            self._pending -= 1
            if key is not None and self._latest.get(key) != token:
                return  # a newer query with the same key was submitted: latest wins
            if outcome.ok:
                if outcome.value is _SUPERSEDED or on_done is None:
                    return
                self._guard(lambda: on_done(outcome.value), what)
                return
            exc = outcome.error or RuntimeError("unknown failure")
            if not _is_expected(exc):
                log.error("%s failed:\n%s", what, outcome.trace)
            if on_error is not None:
                self._guard(lambda: on_error(exc), what)
            else:
                self.report(exc, what=what, write=write, trace=outcome.trace)

        self._pending += 1
        self.executor.submit(work, deliver)

    def _guard(self, callback: Callable[[], None], what: str) -> None:
        """Run a GUI-side callback; a bug in it is reported, never swallowed."""
        try:
            callback()
        except Exception as exc:
            log.exception("handling the result of %s failed", what)
            self.report(exc, what=what, write=False)


_SUPERSEDED = object()


def is_cancelled(exc: BaseException) -> bool:
    return isinstance(exc, FileRejected) and exc.reason == "cancelled"


def _is_expected(exc: BaseException) -> bool:
    return isinstance(exc, FieldbookError)
