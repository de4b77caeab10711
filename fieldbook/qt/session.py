"""One desktop app on one database: the writer lock, the journal, the DB worker, the backups and
the main window — and swapping the journal for another one (a restore, damage found later).

``run_gui`` creates one ``AppSession`` and calls :meth:`AppSession.start`:

1. the database's writer lock (SQLite files; not in screenshot mode, which only reads): when
   another live process holds it, the first instance is asked to come forward and this one
   exits 0; when nobody answers, the user is told which process holds it (exit 1). A lock left
   by a crashed process is taken over by the core;
2. ``Journal.open``: a passphrase is asked for when needed (3 tries, "口令不正确", never a
   restore); a damaged file was moved aside by the core and the newest good backup is offered;
   an unreadable file (a full disk, an I/O error) is not damage: say so and exit 1;
3. the worker, the change hub, the operations, the automatic backups and the main window.

A start-up integrity check cut short on a big file is finished on the worker after the window
shows; damage found then closes the journal and goes through the same dialog.

Dialogs shown before (or instead of) the main window run through ``run_dialog`` (``exec``
by default) so tests can drive them.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from fieldbook import APP_NAME

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.core.store.check import QuickCheck
    from fieldbook.core.store.lock import DatabaseLock
    from fieldbook.core.store.recovery import DatabaseDamaged
    from fieldbook.qt.backups import Backups
    from fieldbook.qt.context import AppContext
    from fieldbook.qt.instance import InstanceServer
    from fieldbook.qt.main_window import MainWindow
    from fieldbook.qt.operations.runner import ChangeHub, Executor, Ops

log = logging.getLogger(__name__)

PASSPHRASE_TRIES = 3
RESTORE_TRIES = 3
DEFAULT_SIZE = QSize(1280, 800)
RunDialog = Callable[[QDialog], int]


def _tr(text: str) -> str:
    return QCoreApplication.translate("AppSession", text)


def open_journal(url: str) -> Journal:
    from fieldbook.core.journal import Journal

    return Journal.open(url)


def _exec(dialog: QDialog) -> int:
    return dialog.exec()


def _thread_executor() -> Executor:
    from fieldbook.qt.operations.runner import ThreadExecutor

    return ThreadExecutor()


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
        from fieldbook.core.paths import sqlite_path
        from fieldbook.core.store.crypto import url_passphrase

        super().__init__(parent)
        self.db_url = db_url
        self.db_path: Path | None = sqlite_path(db_url)
        self.passphrase = passphrase if passphrase else url_passphrase(db_url)
        self.page = page
        self.screenshot = screenshot
        self.executor_factory = executor_factory or _thread_executor
        self.backup_interval_s = backup_interval_s
        self.today = today
        self.run_dialog: RunDialog = run_dialog or _exec
        self.exit_app = exit_app or QApplication.exit
        self.exit_code = 0
        self.told: list[str] = []  # what the user was told before a window existed
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

    # --- start-up -----------------------------------------------------------------------------
    def start(self) -> int | None:
        """Lock, open, build. Returns an exit code when the app must not start (0: another
        instance came forward), None when the window is ready to show."""
        if not self.screenshot and self.db_path is not None:
            code = self._take_lock()
            if code is not None:
                return code
        opened = self._open()
        if isinstance(opened, int):
            self._release()
            return opened
        try:
            self._build(opened, self.page)
        except Exception as exc:
            from fieldbook.messages import describe_error

            log.exception("building the main window failed")
            self._stop_journal()
            self._release()
            self.tell(describe_error(exc))
            return 1
        return None

    def _take_lock(self) -> int | None:
        from fieldbook.core.store.lock import DatabaseInUse, DatabaseLock
        from fieldbook.qt.instance import InstanceServer, ask_first_instance

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

    def _url(self) -> str:
        if not self.passphrase:
            return self.db_url
        from fieldbook.core.store.crypto import CIPHER_DRIVER, encrypted_url

        if self.db_url.startswith(CIPHER_DRIVER):
            from sqlalchemy.engine import make_url

            plain = make_url(self.db_url).set(drivername="sqlite", password=None, username=None)
            return encrypted_url(plain.render_as_string(hide_password=False), self.passphrase)
        return encrypted_url(self.db_url, self.passphrase)

    def _open(self, problem: BaseException | None = None) -> Journal | int:
        """Open the journal, asking for what is needed; an exit code when it cannot open."""
        from fieldbook.core.store.check import DatabaseUnreadable
        from fieldbook.core.store.crypto import WrongPassphrase
        from fieldbook.core.store.recovery import DatabaseDamaged
        from fieldbook.messages import describe_error, message

        asked = 0
        restored = 0
        while True:
            exc = problem
            problem = None
            if exc is None:
                try:
                    return open_journal(self._url())
                except Exception as error:
                    exc = error
            if isinstance(exc, WrongPassphrase) and not self.screenshot:
                if exc.reason not in ("wrong_passphrase", "passphrase_required"):
                    self.tell(describe_error(exc))
                    return 1
                wrong = exc.reason == "wrong_passphrase"
                if asked >= PASSPHRASE_TRIES:
                    self.tell(_tr("口令不正确：已试 {n} 次。数据库没有被改动。").format(n=asked))
                    return 1
                asked += 1
                secret = self.ask_passphrase(wrong=wrong, attempt=asked)
                if secret is None:
                    return 1
                self.passphrase = secret
                continue
            if isinstance(exc, DatabaseDamaged):
                if self.screenshot:
                    self.tell(describe_error(exc))
                    return 1
                if restored >= RESTORE_TRIES or not self.offer_restore(exc):
                    return 1
                restored += 1
                continue
            if isinstance(exc, DatabaseUnreadable):
                self.tell(
                    message("database_unreadable_not_damage", {"error": exc.data.get("error")})
                )
                return 1
            if not _expected(exc):
                log.error("opening %s failed", self.db_url, exc_info=exc)
            self.tell(_tr("无法打开数据库：{reason}").format(reason=describe_error(exc)))
            return 1

    def ask_passphrase(self, *, wrong: bool, attempt: int) -> str | None:
        from fieldbook.qt.dialogs.passphrase_dialog import PassphraseDialog

        dialog = PassphraseDialog(
            self.db_path, wrong=wrong, attempt=attempt, attempts=PASSPHRASE_TRIES
        )
        try:
            if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return None
            return dialog.passphrase() or None
        finally:
            dialog.deleteLater()

    def offer_restore(self, damage: DatabaseDamaged) -> bool:
        """The damaged-database dialog; True when the offered backup was restored."""
        from fieldbook.core.store.backup import restore_backup
        from fieldbook.messages import describe_error
        from fieldbook.qt.dialogs.damaged_dialog import DamagedDialog

        dialog = DamagedDialog(damage)
        try:
            accepted = self.run_dialog(dialog) == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
        backup = dialog.backup
        if not accepted or backup is None or self.db_path is None:
            return False
        try:
            with _busy():
                restore_backup(self.db_path, backup.path, passphrase=self.passphrase)
        except Exception as exc:
            log.error("restoring %s failed", backup.path, exc_info=exc)
            self.tell(_tr("恢复没有完成：{reason}").format(reason=describe_error(exc)))
            return False
        return True

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
    def _build(self, journal: Journal, page: str | None) -> MainWindow:
        from fieldbook.qt.context import AppContext
        from fieldbook.qt.main_window import MainWindow
        from fieldbook.qt.operations.runner import ChangeHub, Ops

        self.journal = journal
        self.executor = self.executor_factory()
        self.hub = ChangeHub(journal)
        self.ops = Ops(journal, self.executor)
        self._stopped = False
        backups = None
        if self.db_path is not None and not self.screenshot:
            from fieldbook.qt.backups import Backups

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
        window = MainWindow(ctx, first_run=journal.is_empty(), initial_page=page)
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
        from fieldbook.core.store.check import quick_check

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
            from fieldbook.messages import describe_error

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

    def damaged_while_running(self, problems: tuple[str, ...]) -> None:
        """Damage found after start-up: close the journal, move the file aside, offer the
        newest good backup; reopen on it or quit."""
        from fieldbook.core.store.recovery import DatabaseDamaged, quarantine

        assert self.db_path is not None
        old = self.window
        geometry = old.geometry() if old is not None else None
        if old is not None:
            old.setEnabled(False)
        self._stop_journal()
        damage = DatabaseDamaged(quarantine(self.db_path, problems, passphrase=self.passphrase))
        self._reopen(old, geometry, damage, page=None)

    def restore(self, backup_path: Path) -> None:
        """Replace the database with ``backup_path`` and reopen the app on it.

        The worker finishes what is queued and stops, the journal closes; the core checks the
        backup, makes a "pre-restore" backup of the current data, moves the current file aside
        and copies the backup in. A new journal, worker and main window follow (the old window
        goes once the new one shows). A refused restore (a damaged backup) reopens on the
        unchanged database and says why."""
        from fieldbook.core.store.backup import restore_backup

        assert self.db_path is not None
        old = self.window
        geometry = old.geometry() if old is not None else None
        if old is not None:
            old.setEnabled(False)
            old.statusBar().showMessage(_tr("正在恢复备份…"))
        self._stop_journal()
        outcome: Any
        try:
            with _busy():
                outcome = restore_backup(self.db_path, backup_path, passphrase=self.passphrase)
        except Exception as exc:
            log.error("restore from %s failed", backup_path, exc_info=exc)
            outcome = exc
            if not self.db_path.exists():
                # Moved aside, then the copy failed: never open (and create) an empty database
                # in its place.
                from fieldbook.messages import describe_error

                self.tell(
                    _tr(
                        "恢复没有完成：{reason}。\n原来的数据库文件已移到同一文件夹下的 "
                        "{name}.replaced-… 文件（没有删除）。请先解决问题（如腾出磁盘空间），"
                        "再把它改回 {name}，或重新恢复备份。"
                    ).format(reason=describe_error(exc), name=self.db_path.name)
                )
                if old is not None:
                    old.hide()
                    old.deleteLater()
                self.window = None
                self.exit_code = 1
                self.exit_app(1)
                return
        self._reopen(old, geometry, None, page="backups", outcome=outcome)

    def _reopen(
        self,
        old: MainWindow | None,
        geometry: QRect | None,
        problem: BaseException | None,
        *,
        page: str | None,
        outcome: Any = None,
    ) -> None:
        opened = self._open(problem)
        if isinstance(opened, int):
            if old is not None:
                old.hide()
                old.deleteLater()
            self.window = None
            self.exit_code = opened
            self.exit_app(opened)
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
    def _stop_journal(self) -> None:
        """Stop the timer, let the worker finish what is queued, close the journal."""
        if self._stopped:
            return
        self._stopped = True
        if self.backups is not None:
            self.backups.stop()
        if self.ops is not None:
            self.ops.shutdown()
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


def _expected(exc: BaseException) -> bool:
    from fieldbook.core.errors import FieldbookError

    return isinstance(exc, FieldbookError)
