"""One desktop app on one database: the writer lock, the journal, the DB worker, the backups and
the main window — and swapping the journal for another one (a restore, damage found later).

``run_gui`` creates one ``AppSession`` and calls :meth:`AppSession.start`:

1. the database's writer lock (SQLite files; not in screenshot mode, which only reads): when
   another live process holds it, the first instance is asked to come forward and this one
   exits 0; when nobody answers, the user is told which process holds it (exit 1). A lock left
   by a crashed process is taken over by the core;
2. the worker, which opens the journal (:mod:`fieldbook.qt.opening` asks for a passphrase or
   offers the newest good backup of a damaged file);
3. the change hub, the operations, the automatic backups and the main window.

A start-up integrity check cut short on a big file is finished on the worker after the window
shows; damage found then closes the journal and goes through the same dialog.

Opening, restoring and moving a damaged file aside run on the worker while the GUI thread
waits for them. Dialogs shown before (or instead of) the main window run through ``run_dialog``
(``exec`` by default) so tests can drive them.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from fieldbook import APP_NAME
from fieldbook.core.journal import Journal
from fieldbook.core.store.check import QuickCheck, quick_check
from fieldbook.core.store.crypto import url_passphrase
from fieldbook.core.store.db import sqlite_path
from fieldbook.core.store.lock import DatabaseInUse, DatabaseLock
from fieldbook.core.store.recovery import DatabaseDamaged, quarantine
from fieldbook.core.store.restore import RestoreResult, restore_backup
from fieldbook.messages import describe_error
from fieldbook.qt.backups import Backups
from fieldbook.qt.context import AppContext
from fieldbook.qt.main_window import MainWindow, load_first_page
from fieldbook.qt.opening import JournalOpener, RunDialog
from fieldbook.qt.operations.database import Opened, first_look, run_and_wait
from fieldbook.qt.operations.runner import ChangeHub, Executor, Ops, ThreadExecutor

if TYPE_CHECKING:
    from fieldbook.qt.instance import InstanceServer

log = logging.getLogger(__name__)

DEFAULT_SIZE = QSize(1280, 800)
T = TypeVar("T")


def _tr(text: str) -> str:
    return QCoreApplication.translate("AppSession", text)


def open_journal(url: str) -> Journal:
    """Open (and bring up to date) the journal at ``url``: the one way the desktop app opens a
    database."""
    return Journal.open(url)


def _exec(dialog: QDialog) -> int:
    return dialog.exec()


class AppSession(QObject):
    #: A second launch asked this one to come forward.
    raise_requested = Signal()
    #: The main window was replaced (after a restore): the new window.
    window_replaced = Signal(object)

    def __init__(
        self,
        db_url: str,
        *,
        passphrase: str | None = None,
        page: str | None = None,
        screenshot: bool = False,
        executor_factory: Callable[[], Executor] | None = None,
        backup_interval_s: float | None = None,
        today: Callable[[], date] | None = None,
        run_dialog: RunDialog | None = None,
        exit_app: Callable[[int], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db_url = db_url
        self.db_path: Path | None = sqlite_path(db_url)
        self.page = page
        self.screenshot = screenshot
        self.executor_factory: Callable[[], Executor] = executor_factory or ThreadExecutor
        self.backup_interval_s = backup_interval_s
        self.today = today
        self.run_dialog: RunDialog = run_dialog or _exec
        self.exit_app = exit_app or QApplication.exit
        self.exit_code = 0
        self.told: list[str] = []  # what the user was told before a window existed
        self.opener = JournalOpener(
            db_url,
            self.db_path,
            passphrase if passphrase else url_passphrase(db_url),
            screenshot=screenshot,
            open_at=self._open_at,
            run=self._blocking,
            run_dialog=self.run_dialog,
            tell=self.tell,
        )
        self.lock: DatabaseLock | None = None
        self.server: InstanceServer | None = None
        self.journal: Journal | None = None
        self.executor: Executor | None = None
        self.hub: ChangeHub | None = None
        self.ops: Ops | None = None
        self.backups: Backups | None = None
        self.ctx: AppContext | None = None
        self.window: MainWindow | None = None
        self._pending_raise = False
        self._stopped = True
        #: Work for the GUI thread while the next blocking job runs on the worker (once).
        self._meanwhile: Callable[[], object] | None = None

    @property
    def passphrase(self) -> str | None:
        """The passphrase the database was opened with (None for a plain file)."""
        return self.opener.passphrase

    # --- start-up -----------------------------------------------------------------------------
    def start(self) -> int | None:
        """Lock, open, build. Returns an exit code when the app must not start (0: another
        instance came forward), None when the window is ready to show."""
        if not self.screenshot and self.db_path is not None:
            code = self._take_lock()
            if code is not None:
                return code
        # The first page's module is imported while the worker opens the database.
        self._meanwhile = partial(load_first_page, self.page)
        opened = self.opener.open()
        if isinstance(opened, int):
            self._stop_worker()
            self._release()
            return opened
        try:
            self._build(opened, self.page)
        except Exception as exc:
            log.exception("building the main window failed")
            self._stop_journal()
            self._release()
            self.tell(describe_error(exc))
            return 1
        return None

    def _take_lock(self) -> int | None:
        # The single-instance channel needs PySide6.QtNetwork (a heavy leaf): loaded only by the
        # app that takes the writer lock, never by screenshot mode.
        from fieldbook.qt.instance import InstanceServer, ask_first_instance  # noqa: PLC0415

        assert self.db_path is not None
        try:
            self.lock = DatabaseLock.acquire(self.db_path)
        except DatabaseInUse as exc:
            if exc.pid != os.getpid() and ask_first_instance(self.db_path):
                log.info("the app is already running on %s: brought it forward", self.db_path)
                return 0
            self.tell(
                _tr(
                    "数据库正被另一个程序（进程 {pid}）使用。请先关闭它，再打开 Fieldbook。"
                ).format(pid=exc.pid or "?")
            )
            return 1
        except OSError as exc:
            self.tell(_tr("无法打开数据库：{reason}").format(reason=exc.strerror or exc))
            return 1
        server = InstanceServer(self.db_path, self)
        server.raise_requested.connect(self._raise)
        server.listen()
        self.server = server
        return None

    def _open_at(self, url: str) -> Opened:
        """On the worker: open the journal and take the first look the window needs."""
        return first_look(open_journal(url))

    def _worker(self) -> Executor:
        if self.executor is None:
            self.executor = self.executor_factory()
        return self.executor

    def _blocking(self, work: Callable[[], T]) -> T:
        """Run ``work`` on the worker and wait for it (a wait cursor meanwhile)."""
        meanwhile, self._meanwhile = self._meanwhile, None
        with _busy():
            return run_and_wait(self._worker(), work, meanwhile)

    def tell(self, text: str) -> None:
        """A message before (or instead of) the main window: stderr in screenshot mode."""
        self.told.append(text)
        if self.screenshot:
            print(text, file=sys.stderr)
            return
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, text, QMessageBox.StandardButton.Ok)
        try:
            self.run_dialog(box)
        finally:
            box.deleteLater()

    # --- the running app ----------------------------------------------------------------------
    def _build(self, opened: Opened, page: str | None) -> MainWindow:
        journal = opened.journal
        self.journal = journal
        self.executor = self._worker()
        self.hub = ChangeHub(journal)
        self.ops = Ops(journal, self.executor)
        self._stopped = False
        backups = None
        if self.db_path is not None and not self.screenshot:
            backups = Backups(self.ops, journal, self.db_path, interval_s=self.backup_interval_s)
        self.backups = backups
        ctx = AppContext(
            ops=self.ops,
            hub=self.hub,
            db_path=journal.db_path,
            db_label=journal.url,
            backups=backups,
            restore=None if self.screenshot or self.db_path is None else self.restore,
        )
        if self.today is not None:
            ctx.today = self.today
        self.ctx = ctx
        window = MainWindow(ctx, first_run=opened.empty, initial_page=page)
        self.window = window
        if backups is not None:
            backups.start()
        return window

    def show(self, geometry: QRect | None = None) -> None:
        """Show the window (placed to fit the screen) and finish an interrupted start-up
        check in the background."""
        window = self.window
        if window is None:
            return
        if geometry is not None:
            window.setGeometry(geometry)
        elif self.screenshot:
            window.resize(DEFAULT_SIZE)
        else:
            place(window)
        window.show()
        if self._pending_raise:
            self._pending_raise = False
            window.bring_forward()
        self._finish_startup_check()

    def _raise(self) -> None:
        self.raise_requested.emit()
        if self.window is not None:
            self.window.bring_forward()
        else:
            self._pending_raise = True

    def _finish_startup_check(self) -> None:
        journal, ops = self.journal, self.ops
        check: QuickCheck | None = journal.startup_check if journal is not None else None
        if check is None or check.complete or ops is None or self.screenshot:
            return
        if self.db_path is None:
            return
        path, secret = self.db_path, self.passphrase
        ops.message.emit(_tr("正在后台检查数据库…"))

        def checked(result: QuickCheck) -> None:
            if journal is not self.journal:
                return  # the journal was replaced meanwhile
            if result.ok:
                if self.ops is not None:
                    self.ops.message.emit(_tr("数据库检查完毕：完好"))
                return
            self.damaged_while_running(result.problems)

        def failed(exc: BaseException) -> None:
            if self.ops is not None:
                self.ops.message.emit(
                    _tr("后台检查数据库没有完成：{reason}").format(reason=describe_error(exc))
                )

        ops.query(
            lambda _j: quick_check(path, passphrase=secret),
            checked,
            failed,
            what=_tr("检查数据库"),
        )

    def _hold_window(self, status: str = "") -> tuple[MainWindow | None, QRect | None]:
        """Disable the window while its journal is replaced (saying why, when ``status``);
        returns it with its geometry, for the new window to take its place."""
        old = self.window
        if old is None:
            return None, None
        old.setEnabled(False)
        if status:
            old.statusBar().showMessage(status)
        return old, old.geometry()

    def damaged_while_running(self, problems: tuple[str, ...]) -> None:
        """Damage found after start-up: close the journal, move the file aside, offer the
        newest good backup; reopen on it or quit."""
        db_path, secret = self.db_path, self.passphrase
        assert db_path is not None
        old, geometry = self._hold_window()
        self._stop_journal()
        moved = self._blocking(lambda: quarantine(db_path, problems, passphrase=secret))
        damage = DatabaseDamaged(moved)
        self._reopen(old, geometry, damage, page=None)

    def restore(self, backup_path: Path) -> None:
        """Replace the database with ``backup_path`` and reopen the app on it.

        The worker finishes what is queued and stops, the journal closes; the core checks the
        backup, makes a "pre-restore" backup of the current data, moves the current file aside
        and copies the backup in. A new journal, worker and main window follow (the old window
        goes once the new one shows). A refused restore (a damaged backup) reopens on the
        unchanged database and says why."""
        db_path, secret = self.db_path, self.passphrase
        assert db_path is not None
        old, geometry = self._hold_window(_tr("正在恢复备份…"))
        self._stop_journal()
        outcome: RestoreResult | Exception
        try:
            outcome = self._blocking(
                lambda: restore_backup(db_path, backup_path, passphrase=secret)
            )
        except Exception as exc:
            log.error("restore from %s failed", backup_path, exc_info=exc)
            outcome = exc
            if not db_path.exists():
                # Moved aside, then the copy failed: never open (and create) an empty database
                # in its place.
                self.tell(
                    _tr(
                        "恢复没有完成：{reason}。\n原来的数据库文件已移到同一文件夹下的 "
                        "{name}.replaced-… 文件（没有删除）。请先解决问题（如腾出磁盘空间），"
                        "再把它改回 {name}，或重新恢复备份。"
                    ).format(reason=describe_error(exc), name=db_path.name)
                )
                self._quit(old, 1)
                return
        self._reopen(old, geometry, None, page="backups", outcome=outcome)

    def _reopen(
        self,
        old: MainWindow | None,
        geometry: QRect | None,
        problem: BaseException | None,
        *,
        page: str | None,
        outcome: RestoreResult | Exception | None = None,
    ) -> None:
        opened = self.opener.open(problem)
        if isinstance(opened, int):
            self._quit(old, opened)
            return
        window = self._build(opened, page)
        self.show(geometry)
        if old is not None:
            old.hide()
            old.deleteLater()
        if outcome is not None:
            window.show_restore_outcome(outcome)
        self.window_replaced.emit(window)

    # --- shutting down ------------------------------------------------------------------------
    def _quit(self, old: MainWindow | None, code: int) -> None:
        """No database to reopen on: close the old window and leave with ``code``."""
        if old is not None:
            old.hide()
            old.deleteLater()
        self.window = None
        self._stop_worker()
        self.exit_code = code
        self.exit_app(code)

    def _stop_worker(self) -> None:
        if self.executor is not None:
            self.executor.shutdown()
            self.executor = None

    def _stop_journal(self) -> None:
        """Stop the timer, let the worker finish what is queued, close the journal."""
        if self._stopped:
            return
        self._stopped = True
        if self.backups is not None:
            self.backups.stop()
        if self.ops is not None:
            self.ops.shutdown()
        self._stop_worker()
        if self.hub is not None:
            self.hub.detach()
        if self.journal is not None:
            self.journal.close()

    def _release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def shutdown(self) -> None:
        """After the event loop: a last backup when something changed since the last one
        (the window's close normally made it already), close the journal, release the lock."""
        if not self._stopped and self.ops is not None:
            self.ops.shutdown()  # every queued save first
        backups, journal = self.backups, self.journal
        if (
            not self._stopped
            and backups is not None
            and journal is not None
            and backups.changed_since_backup
        ):
            problem = backups.backup_now_blocking(journal)
            if problem:
                print(problem, file=sys.stderr)
        self._stop_journal()
        self._release()


def place(window: QWidget) -> None:
    """1280×800, or smaller to fit the screen (1366×768 laptops), centred."""
    screen = window.screen()
    if screen is None:
        window.resize(DEFAULT_SIZE)
        return
    area = screen.availableGeometry()
    width = min(DEFAULT_SIZE.width(), area.width() - 16)
    height = min(DEFAULT_SIZE.height(), area.height() - 48)
    window.resize(width, height)
    window.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 3)


class _busy:
    """A wait cursor around a blocking file operation on the GUI thread."""

    def __enter__(self) -> None:
        if QGuiApplication.instance() is not None:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        if QGuiApplication.instance() is not None:
            QGuiApplication.restoreOverrideCursor()
