"""What the backup page hands to the DB worker: the backups with their counts, and the full
check of the database — both keyed with the passphrase the journal was opened with."""

from __future__ import annotations

from pathlib import Path

from fieldbook.core.journal import Journal
from fieldbook.core.store import open_database
from fieldbook.core.store.backup import BackupInfo, list_backups_info
from fieldbook.core.store.check import CheckReport, full_check


def list_infos(j: Journal, db_path: Path) -> list[BackupInfo]:
    return list_backups_info(db_path, passphrase=open_database.passphrase(j))


def check_database(j: Journal, db_path: Path) -> CheckReport:
    return full_check(db_path, passphrase=open_database.passphrase(j))
