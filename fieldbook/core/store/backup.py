"""Backups with SQLite's online backup API: written to a temporary name, checked with
``integrity_check``, then renamed into place (never a plain copy of the live file).

Backups live in ``backups/`` beside the database as ``<stem>-<YYYYmmdd-HHMMSS-ffffff>-<label>
.sqlite3`` (local time). A backup killed half-way leaves at most a hidden ``.<name>.tmp`` file
(with its own ``-wal``/``-shm`` when the kill came while SQLite switched the copy out of WAL),
which nothing lists and thinning removes once stale. The folder is thinned to daily/weekly/
monthly copies (schema/reference/backup.toml).

The files the database's rows name (slip attachments, visit photos) are copied into the
backup folder's content-addressed ``attachments/`` before the backup is renamed into place
(``file_store.mirror_files``): each once, shared by every backup that names it.

Every backup appends the audit chain's head, and how it fits the heads recorded before, to the
head log in the backup folder (``head_log``); restoring one is ``restore``'s.

An encrypted database's backups are made between two connections keyed alike: they stay
encrypted.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine

from fieldbook.core import clock
from fieldbook.core.errors import DatabaseError
from fieldbook.core.paths import ensure_private_dir, fsync_dir
from fieldbook.core.resources import load_reference
from fieldbook.core.sqlite_files import backup_dir_for
from fieldbook.core.store import crypto, schema_check
from fieldbook.core.store.audit import head_of_connection
from fieldbook.core.store.check import DatabaseUnreadable, database_errors, quick_check
from fieldbook.core.store.db import engine_path
from fieldbook.core.store.file_store import (
    attachments_dir_for,
    backup_files_dir,
    kept_files,
    mirror_files,
)
from fieldbook.core.store.head_log import fit_fields, heads_log, read_heads, record_head

SUFFIX = ".sqlite3"
STAMP = "%Y%m%d-%H%M%S-%f"
_LABEL = re.compile(r"[A-Za-z0-9_-]{1,40}")
COUNTED = ("customers", "visits", "plans")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BackupPolicy:
    daily: int = 12
    weekly: int = 10
    monthly: int = 9
    keep_recent_minutes: int = 60
    interval_minutes: int = 30


def backup_policy() -> BackupPolicy:
    data = load_reference("backup")
    return BackupPolicy(**{k: int(v) for k, v in data.items()})


@dataclass(frozen=True)
class BackupInfo:
    """One backup, read from the file itself (read-only). ``readable`` is False for a damaged
    (or differently encrypted) file, with ``problem`` saying why; counts are then None."""

    path: Path
    made_at: datetime
    label: str
    size: int
    customers: int | None = None
    visits: int | None = None
    plans: int | None = None
    readable: bool = True
    problem: str = ""
    audit_entries: int | None = None  # the audit chain's head recorded when it was made
    audit_hash: str = ""
    #: why a readable file could still not be restored: its schema is not the migrations'
    schema_differences: tuple[schema_check.SchemaDifference, ...] = ()


def _passphrase(engine: Engine) -> str | None:
    url = engine.url
    return (url.password or "") if url.drivername == crypto.CIPHER_DRIVER else None


# --- making backups ---------------------------------------------------------------------------
def create_backup(
    engine: Engine,
    *,
    label: str = "manual",
    dest_dir: Path | None = None,
    thin: bool = True,
    progress: Progress | None = None,
) -> Path:
    """Back up the SQLite database behind ``engine`` (then thin the folder); returns the
    backup's path."""
    path = engine_path(engine)
    if path is None:
        raise DatabaseError("backups are only made of SQLite files")
    final = backup_file(
        path, label=label, dest_dir=dest_dir, passphrase=_passphrase(engine), progress=progress
    )
    if thin:
        thin_backups(path, dest_dir=dest_dir)
    return final


def _backup_name(db_path: Path, dest_dir: Path, label: str) -> Path:
    while True:
        stamp = clock.stamp(STAMP)
        final = dest_dir / f"{db_path.stem}-{stamp}-{label}{SUFFIX}"
        if not final.exists():
            return final


def backup_file(
    db_path: Path,
    *,
    label: str = "manual",
    dest_dir: Path | None = None,
    passphrase: str | None = None,
    progress: Progress | None = None,
) -> Path:
    if not _LABEL.fullmatch(label):
        raise ValueError(f"backup label must be letters, digits, - or _: {label!r}")
    dest_dir = ensure_private_dir(dest_dir or backup_dir_for(db_path))
    final = _backup_name(db_path, dest_dir, label)
    tmp = dest_dir / f".{final.name}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    os.chmod(tmp, 0o600)
    try:
        src = crypto.connect(db_path, passphrase, mode="ro")
        try:
            dst = crypto.connect(tmp, passphrase, mode="rw")
            try:
                # No rollback journal for a file nobody uses yet (and none left if killed).
                dst.execute("PRAGMA journal_mode=OFF")
                if progress is None:
                    src.backup(dst)
                else:
                    src.backup(
                        dst,
                        pages=256,
                        progress=lambda _s, left, total: progress(total - left, total),
                    )
                # Leave the WAL format (a backup must open without -wal/-shm), still without
                # a journal file. SQLite opens the copy's WAL to do so: a backup killed in
                # this step leaves the .tmp with its -wal/-shm (hidden, removed when stale).
                dst.execute("PRAGMA journal_mode=MEMORY")
                result = dst.execute("PRAGMA integrity_check").fetchone()
                if result is None or result[0] != "ok":
                    raise DatabaseError("backup failed its integrity check", path=str(tmp))
                log = heads_log(db_path, dest_dir)
                files = kept_files(dst)
                head: tuple[int, str] | None
                try:
                    head = head_of_connection(dst)
                    fit = fit_fields(log, head, dst)
                except database_errors():  # a trail changed beyond reading: still back up
                    head = None
            finally:
                dst.close()
        finally:
            src.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
            # the file as written (just read back by integrity_check: cached, ~0.3 s a
            # 340 MB file): a restore counts as a rollback to this backup only if it is
            # this very file, not merely a trail cut back to its head
            digest = hashlib.file_digest(fh, "sha256").hexdigest()
        os.chmod(tmp, 0o600)
        # the files first: a backup never exists without the photos and attachments it names
        # (one missing or changed in the live folder cannot be saved by copying it)
        mirror_files(files, attachments_dir_for(db_path), backup_files_dir(dest_dir))
        # the head first: a backup never exists without its record
        if head is not None:
            record_head(log, "backup", final.name, head, {**fit, "sha256": digest})
        os.replace(tmp, final)
        fsync_dir(dest_dir)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    return final


def _name_pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(
        rf"{re.escape(db_path.stem)}-(\d{{8}}-\d{{6}}-\d{{6}})-([A-Za-z0-9_-]+){re.escape(SUFFIX)}"
    )


def _parsed(db_path: Path, dest_dir: Path | None) -> list[tuple[Path, datetime, str]]:
    folder = dest_dir or backup_dir_for(db_path)
    if not folder.is_dir():
        return []
    pattern = _name_pattern(db_path)
    found = []
    for path in folder.iterdir():
        m = pattern.fullmatch(path.name)
        if m and path.is_file():
            found.append((path, datetime.strptime(m[1], STAMP), m[2]))
    return sorted(found, key=lambda b: (b[1], b[0].name))


def list_backups(db_path: Path, dest_dir: Path | None = None) -> list[Path]:
    """Backups of ``db_path``, oldest first (temporary ``.*.tmp`` files are never listed)."""
    return [p for p, _, _ in _parsed(db_path, dest_dir)]


def backup_info(
    path: Path, made_at: datetime, label: str, passphrase: str | None = None
) -> BackupInfo:
    size = path.stat().st_size
    counts: dict[str, int | None] = dict.fromkeys(COUNTED)
    try:
        con = crypto.connect(path, passphrase, mode="immutable")
    except crypto.WrongPassphrase as exc:
        return BackupInfo(path, made_at, label, size, readable=False, problem=exc.reason)
    except database_errors() as exc:
        return BackupInfo(path, made_at, label, size, readable=False, problem=str(exc))
    try:
        schema_check.guard(con)
        # listed as restorable only when a restore would accept it (the same schema check)
        report = schema_check.inspect_connection(con)
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        for table in COUNTED:
            if table in tables:
                counts[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except database_errors() as exc:
        return BackupInfo(path, made_at, label, size, readable=False, problem=str(exc))
    finally:
        con.close()
    if not report.ok:
        problem = f"schema_{report.problem}" if report.problem else "schema_differs"
        return BackupInfo(
            path,
            made_at,
            label,
            size,
            *_counts(counts),
            readable=False,
            problem=problem,
            schema_differences=report.differences,
        )
    return BackupInfo(path, made_at, label, size, *_counts(counts))


def _counts(counts: dict[str, int | None]) -> tuple[int | None, int | None, int | None]:
    """The counts in :class:`BackupInfo`'s order (``COUNTED``)."""
    return counts["customers"], counts["visits"], counts["plans"]


def list_backups_info(
    db_path: Path, dest_dir: Path | None = None, *, passphrase: str | None = None
) -> list[BackupInfo]:
    """Every backup of ``db_path``, newest first, with its record counts and the audit
    chain's head recorded when it was made (from the head log)."""
    recorded = {
        h.where: h for h in read_heads(heads_log(db_path, dest_dir)) if h.source == "backup"
    }
    infos = []
    for path, made_at, label in reversed(_parsed(db_path, dest_dir)):
        info = backup_info(path, made_at, label, passphrase)
        head = recorded.get(path.name)
        if head is not None:
            info = replace(info, audit_entries=head.count, audit_hash=head.hash)
        infos.append(info)
    return infos


def newest_good_backup(
    db_path: Path, dest_dir: Path | None = None, *, passphrase: str | None = None
) -> BackupInfo | None:
    """The newest backup that opens, passes ``quick_check`` and has the schema the migrations
    make (None when there is none)."""
    for path, made_at, label in reversed(_parsed(db_path, dest_dir)):
        try:
            if not quick_check(path, passphrase=passphrase).ok:
                continue
            if not schema_check.inspect_file(path, passphrase=passphrase).ok:
                continue  # a restore would refuse it: never offer it
        except (crypto.WrongPassphrase, DatabaseUnreadable):
            continue
        except database_errors():
            continue
        info = backup_info(path, made_at, label, passphrase)
        if info.readable:
            return info
    return None


# --- thinning ---------------------------------------------------------------------------------
def backups_to_delete(
    backups: Sequence[tuple[Path, datetime]], now: datetime, policy: BackupPolicy
) -> list[Path]:
    """Which backups thinning removes: all but the newest of each of the last ``daily`` days,
    ``weekly`` ISO weeks and ``monthly`` months that have backups. The newest backup and any
    made in the last ``keep_recent_minutes`` are always kept."""
    ordered = sorted(backups, key=lambda b: b[1], reverse=True)
    if not ordered:
        return []
    keep = {ordered[0][0]}
    recent = now - timedelta(minutes=policy.keep_recent_minutes)
    keep.update(p for p, made in ordered if made >= recent)
    periods: list[tuple[int, Callable[[datetime], Hashable]]] = [
        (policy.daily, lambda t: t.date()),
        (policy.weekly, lambda t: tuple(t.isocalendar())[:2]),
        (policy.monthly, lambda t: (t.year, t.month)),
    ]
    for count, period in periods:
        seen: set[Hashable] = set()
        for path, made in ordered:  # newest first: the first of each period is its newest
            key = period(made)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.add(key)
            keep.add(path)
    return [p for p, _ in ordered if p not in keep]


def thin_backups(
    db_path: Path,
    *,
    dest_dir: Path | None = None,
    now: datetime | None = None,
    policy: BackupPolicy | None = None,
) -> list[Path]:
    """Delete the backups :func:`backups_to_delete` picks, and temporary files left by a
    backup killed half-way (older than ``keep_recent_minutes``). Returns what was deleted."""
    # temporaries are judged by their modification time, which the OS stamps from its own
    # clock: compare with that clock unless the caller gave the moment explicitly
    file_now = now.timestamp() if now is not None else clock.file_time()
    now = now or clock.now()
    policy = policy or backup_policy()
    parsed = _parsed(db_path, dest_dir)
    doomed = backups_to_delete([(p, made) for p, made, _ in parsed], now, policy)
    for path in doomed:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    folder = dest_dir or backup_dir_for(db_path)
    stale = file_now - policy.keep_recent_minutes * 60
    if folder.is_dir():
        for tmp in folder.glob(f".{db_path.stem}-*{SUFFIX}.tmp*"):
            with contextlib.suppress(FileNotFoundError):
                if tmp.stat().st_mtime < stale:
                    tmp.unlink()
                    doomed.append(tmp)
    return doomed


def backup_due(
    db_path: Path,
    last_change: datetime | None,
    interval: timedelta | None = None,
    *,
    now: datetime | None = None,
    dest_dir: Path | None = None,
) -> bool:
    """True when something changed (``last_change``, local time) since the newest backup and
    that backup is at least ``interval`` old (default 30 minutes; pass ``timedelta(0)`` on
    exit)."""
    if last_change is None:
        return False
    if interval is None:
        interval = timedelta(minutes=backup_policy().interval_minutes)
    parsed = _parsed(db_path, dest_dir)
    if not parsed:
        return True
    newest = parsed[-1][1]
    if last_change < newest:
        return False
    return (now or clock.now()) - newest >= interval
