"""Opening the database for the desktop app, asking the user for what is needed.

* a passphrase, when the database is encrypted (3 tries, "口令不正确", never a restore);
* a damaged file was moved aside by the core: the newest good backup is offered and restored;
* an unreadable file (a full disk, an I/O error) is not damage: say so and give up.

The opening and the restore run on the DB worker (``run``: the caller waits, the GUI keeps
painting). Dialogs run through ``run_dialog`` (``exec`` by default) so tests can drive them;
what the user is told goes through ``tell``.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from fieldbook.core.errors import FieldbookError
from fieldbook.core.store.check import DatabaseUnreadable
from fieldbook.core.store.crypto import WrongPassphrase, encrypted_url
from fieldbook.core.store.recovery import DatabaseDamaged
from fieldbook.core.store.restore import restore_backup
from fieldbook.messages import describe_error, message
from fieldbook.qt.operations.database import Opened

if TYPE_CHECKING:
    from fieldbook.qt.dialogs.damaged_dialog import DamagedDialog
    from fieldbook.qt.dialogs.passphrase_dialog import PassphraseDialog

log = logging.getLogger(__name__)

PASSPHRASE_TRIES = 3
RESTORE_TRIES = 3
RunDialog = Callable[[QDialog], int]
#: Runs a blocking job on the worker and returns its value (raises its exception).
RunBlocking = Callable[[Callable[[], object]], object]
#: The dialogs of a database that does not simply open, imported by name when first needed
#: (like the pages): a plain, healthy database's start-up does not load their forms.
PASSPHRASE_DIALOG = "fieldbook.qt.dialogs.passphrase_dialog"
DAMAGED_DIALOG = "fieldbook.qt.dialogs.damaged_dialog"


def _tr(text: str) -> str:
    return QCoreApplication.translate("AppSession", text)


class JournalOpener:
    """Opens one database URL; ``passphrase`` is the one that opened it (or None)."""

    def __init__(
        self,
        db_url: str,
        db_path: Path | None,
        passphrase: str | None,
        *,
        screenshot: bool,
        open_at: Callable[[str], Opened],
        run: RunBlocking,
        run_dialog: RunDialog,
        tell: Callable[[str], None],
    ) -> None:
        self.db_url = db_url
        self.db_path = db_path
        self.passphrase = passphrase
        self.screenshot = screenshot
        self._open_at = open_at
        self._run = run
        self._run_dialog = run_dialog
        self._tell = tell

    def url(self) -> str:
        """The URL to open: keyed with the passphrase when there is one."""
        if not self.passphrase:
            return self.db_url
        return encrypted_url(self.db_url, self.passphrase)

    def open(self, problem: BaseException | None = None) -> Opened | int:
        """Open the journal, asking for what is needed; an exit code when it cannot open.
        ``problem`` is a failure already met (damage found while running)."""
        asked = 0
        restored = 0
        while True:
            exc = problem
            problem = None
            if exc is None:
                try:
                    opened = self._run(partial(self._open_at, self.url()))
                    assert isinstance(opened, Opened)
                    return opened
                except Exception as error:
                    exc = error
            if isinstance(exc, WrongPassphrase) and not self.screenshot:
                if exc.reason not in ("wrong_passphrase", "passphrase_required"):
                    self._tell(describe_error(exc))
                    return 1
                if asked >= PASSPHRASE_TRIES:
                    self._tell(_tr("口令不正确：已试 {n} 次。数据库没有被改动。").format(n=asked))
                    return 1
                asked += 1
                secret = self.ask_passphrase(wrong=exc.reason == "wrong_passphrase", attempt=asked)
                if secret is None:
                    return 1
                self.passphrase = secret
                continue
            if isinstance(exc, DatabaseDamaged) and not self.screenshot:
                if restored >= RESTORE_TRIES or not self.offer_restore(exc):
                    return 1
                restored += 1
                continue
            self._tell(self._cannot_open(exc))
            return 1

    def _cannot_open(self, exc: BaseException) -> str:
        if isinstance(exc, DatabaseDamaged):
            return describe_error(exc)
        if isinstance(exc, DatabaseUnreadable):
            return message("database_unreadable_not_damage", {"error": exc.data.get("error")})
        if not isinstance(exc, FieldbookError):
            log.error("opening %s failed", self.db_url, exc_info=exc)
        return _tr("无法打开数据库：{reason}").format(reason=describe_error(exc))

    def ask_passphrase(self, *, wrong: bool, attempt: int) -> str | None:
        dialog_class: type[PassphraseDialog] = importlib.import_module(
            PASSPHRASE_DIALOG
        ).PassphraseDialog
        dialog = dialog_class(self.db_path, wrong=wrong, attempt=attempt, attempts=PASSPHRASE_TRIES)
        try:
            if self._run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return None
            return dialog.passphrase() or None
        finally:
            dialog.deleteLater()

    def offer_restore(self, damage: DatabaseDamaged) -> bool:
        """The damaged-database dialog; True when the offered backup was restored."""
        dialog_class: type[DamagedDialog] = importlib.import_module(DAMAGED_DIALOG).DamagedDialog
        dialog = dialog_class(damage)
        try:
            accepted = self._run_dialog(dialog) == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
        backup = dialog.backup
        db_path = self.db_path
        if not accepted or backup is None or db_path is None:
            return False
        secret = self.passphrase
        try:
            self._run(lambda: restore_backup(db_path, backup.path, passphrase=secret))
        except Exception as exc:
            log.error("restoring %s failed", backup.path, exc_info=exc)
            self._tell(_tr("恢复没有完成：{reason}").format(reason=describe_error(exc)))
            return False
        return True
