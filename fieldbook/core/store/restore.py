"""Restoring a backup.

A restore copies the chosen file to a private temporary name beside the database and checks
that copy (so the file cannot change between the check and the use): it must be a Fieldbook
database of a revision this version knows, with exactly the schema objects the migrations
create (``schema_check``: no planted trigger, nothing dropped), and pass ``integrity_check``.
Only then is a safety backup of the current database taken, the current file moved aside
(never deleted) and the copy renamed into place. The database itself is refused as its own
backup. The restored trail's head, and how it fits the heads recorded before (``head_log``),
is appended to the head log. The photos and attachments the restored rows name and the live
``attachments/`` lacks are brought back from the backup folder's copies
(``file_store.bring_back``) before the swap.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from fieldbook.core.errors import DatabaseError
from fieldbook.core.paths import create_private_file, fsync_dir
from fieldbook.core.sqlite_files import (
    SIDE_FILES,
    backup_dir_for,
    is_plain,
    looks_encrypted,
    move_aside,
    side_file,
)
from fieldbook.core.store import crypto, schema_check
from fieldbook.core.store.audit import head_of_connection
from fieldbook.core.store.backup import backup_file
from fieldbook.core.store.check import database_errors, full_check
from fieldbook.core.store.file_store import (
    attachments_dir_for,
    backup_files_dir,
    bring_back,
    kept_files,
)
from fieldbook.core.store.head_log import fit_fields, heads_log, record_head
from fieldbook.core.store.lock import DatabaseLock


class BackupDamaged(DatabaseError):
    """The backup chosen for a restore fails its integrity check; nothing was changed."""

    code = "backup_damaged"
    is_input_error = True


class BackupRejected(DatabaseError):
    """The file chosen for a restore is not one this version may restore; nothing was
    changed. ``reason``: ``restore_same_file`` (the database itself), ``restore_not_a_file``
    (a folder, a device), ``restore_not_sqlite``,
    ``restore_not_fieldbook``, ``restore_too_new`` (``revision``), ``restore_schema_differs``
    (``differences``: the objects that differ from what the migrations create)."""

    code = "backup_rejected"
    is_input_error = True

    def __init__(self, reason: str, **data: object) -> None:
        super().__init__(reason, reason=reason, **data)
        self.reason = reason


@dataclass(frozen=True)
class RestoreResult:
    db_path: Path
    restored_from: Path
    safety_backup: Path | None  # the "pre-restore" backup of the database that was replaced
    replaced: tuple[Path, ...]  # the replaced files, moved aside to <name>.replaced-<stamp>
    files_restored: int = 0  # photos and attachments brought back from the backup folder
    files_missing: tuple[str, ...] = ()  # named by the restored rows, found nowhere


def _put_back(db_path: Path, moved: list[Path]) -> None:
    """Undo ``move_aside``: the database and its side files get their names back (the side
    files last, so a database never meets a stale -wal)."""
    if not moved or db_path.exists():
        return
    base = moved[0] if not moved[0].name.endswith(SIDE_FILES) else None
    if base is not None:
        os.rename(base, db_path)
    for path in moved:
        for suffix in SIDE_FILES:
            if path.name.endswith(suffix) and path.exists():
                os.rename(path, side_file(db_path, suffix))
    fsync_dir(db_path.parent)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def _remove(path: Path) -> None:
    """Remove ``path`` and any -wal/-shm/-journal SQLite left beside it."""
    for each in (path, *(side_file(path, s) for s in SIDE_FILES)):
        with contextlib.suppress(FileNotFoundError):
            each.unlink()


class _Hashing:
    """A binary file read through SHA-256 (``digest``): what is read is what is hashed."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        chunk = self.raw.read(size)
        self.digest.update(chunk)
        return chunk


def _check_candidate(
    copy: Path, shown: Path, passphrase: str | None, log: Path, digest: str
) -> tuple[tuple[int, str], dict[str, object], list[tuple[str, str]]]:
    """Refuse the private ``copy`` of ``shown`` unless it is a sound Fieldbook database this
    version knows, with exactly the schema objects the migrations make; returns its audit
    chain's head, how it fits the head log (``digest``: SHA-256 of the copy as copied) and the
    kept files its rows name.
    Opened read-only, ``trusted_schema`` off, ``query_only`` on."""
    file = str(shown)
    if passphrase is None and not is_plain(copy) and not looks_encrypted(copy):
        raise BackupRejected("restore_not_sqlite", file=file)
    try:
        report = schema_check.inspect_file(copy, passphrase=passphrase)
    except database_errors() as exc:  # a SQLite header, then pages SQLite cannot read
        raise BackupDamaged("backup_damaged", file=file, problems=[str(exc)]) from None
    if report.problem in ("empty", "not_fieldbook"):
        raise BackupRejected("restore_not_fieldbook", file=file)
    if report.problem == "too_new":
        raise BackupRejected("restore_too_new", file=file, revision=report.revision or "")
    if report.differences:
        raise BackupRejected("restore_schema_differs", file=file, differences=report.differences)
    check = full_check(copy, passphrase=passphrase)
    if check.integrity:
        raise BackupDamaged("backup_damaged", file=file, problems=list(check.integrity[:3]))
    con = crypto.connect(copy, passphrase, mode="ro")
    try:
        schema_check.guard(con)
        head = head_of_connection(con)
        return head, fit_fields(log, head, con, digest), kept_files(con)
    finally:
        con.close()


def _entries_now(db_path: Path, passphrase: str | None) -> int | None:
    """How many audit entries the database has now (None: no file, or not readable)."""
    if not db_path.is_file():
        return None
    try:
        con = crypto.connect(db_path, passphrase, mode="ro")
    except crypto.WrongPassphrase:
        return None
    except database_errors():
        return None
    try:
        schema_check.guard(con)
        return head_of_connection(con)[0]
    except database_errors():
        return None
    finally:
        con.close()


def restore_backup(
    db_path: Path, backup_path: Path, *, passphrase: str | None = None
) -> RestoreResult:
    """Replace the database at ``db_path`` with ``backup_path``.

    The backup is copied to a private temporary name beside the database and that copy is
    checked (:func:`_check_candidate`): ``BackupRejected`` (not SQLite, not Fieldbook's, from
    a newer Fieldbook, a schema that differs from what the migrations make, or the database
    itself) or ``BackupDamaged`` (fails ``integrity_check``) — nothing changes. Then the
    current database gets a "pre-restore" backup (skipped when it is itself too damaged to
    back up), it and its ``-wal``/``-shm`` are moved aside to ``<name>.replaced-<stamp>`` and
    the copy is renamed into place (0600); the restored trail's head goes to the head log.
    Refused with ``DatabaseInUse`` while another process holds the database. Close this
    process's ``Journal`` on the database first."""
    db_path, backup_path = Path(db_path), Path(backup_path)
    if not backup_path.exists():
        raise BackupDamaged("not_found", file=str(backup_path))
    if not backup_path.is_file():  # a folder, a device, a pipe: never read, never copied
        raise BackupRejected("restore_not_a_file", file=str(backup_path))
    if db_path.exists() and _same_file(db_path, backup_path):
        raise BackupRejected("restore_same_file", file=str(backup_path))
    lock = None if DatabaseLock.held_here(db_path) else DatabaseLock.acquire(db_path)
    try:
        tmp = db_path.with_name(f".{db_path.name}.restore.tmp")
        _remove(tmp)
        create_private_file(tmp)
        try:
            with open(backup_path, "rb") as raw, open(tmp, "wb") as dst:
                src = _Hashing(raw)  # hashed as copied: the digest is of the bytes restored
                shutil.copyfileobj(src, dst, 1 << 20)
                dst.flush()
                os.fsync(dst.fileno())
            os.chmod(tmp, 0o600)
            # how the candidate's trail fits the heads recorded so far: judged before the
            # pre-restore backup adds the live trail's head (which may be the tampered one)
            head, fit, files = _check_candidate(
                tmp, backup_path, passphrase, heads_log(db_path), src.digest.hexdigest()
            )
            before = _entries_now(db_path, passphrase)
            for suffix in SIDE_FILES:  # only our read-only check made these: not data
                with contextlib.suppress(FileNotFoundError):
                    side_file(tmp, suffix).unlink()
            safety = None
            if db_path.is_file() and db_path.stat().st_size > 0:
                with contextlib.suppress(DatabaseError, *database_errors()):
                    safety = backup_file(db_path, label="pre-restore", passphrase=passphrase)
            # recorded before the swap: should the rename fail, the live trail is an older
            # copy's continuation or differs, and verify says so rather than missing a restore
            record_head(
                heads_log(db_path),
                "restore",
                str(backup_path.absolute()),
                head,
                {"before": before, **fit},
            )
            restored, lost = bring_back(
                files,
                attachments_dir_for(db_path),
                [backup_files_dir(backup_path.parent), backup_files_dir(backup_dir_for(db_path))],
            )
            replaced = move_aside(db_path, "replaced")
            try:
                os.replace(tmp, db_path)
                fsync_dir(db_path.parent)
            except BaseException:
                _put_back(db_path, replaced)  # the rename failed: the user's file goes back
                raise
        except BaseException:
            _remove(tmp)
            raise
    finally:
        if lock is not None:
            lock.release()
    return RestoreResult(db_path, backup_path, safety, tuple(replaced), restored, tuple(lost))
