"""Backups with SQLite's online backup API: written to a temporary name, checked with
``integrity_check``, then renamed into place (never a plain copy of the live file).

Backups live in ``backups/`` beside the database as ``<stem>-<YYYYmmdd-HHMMSS-ffffff>-<label>
.sqlite3`` (local time). A backup killed half-way leaves at most a hidden ``.<name>.tmp`` file
(with its own ``-wal``/``-shm`` when the kill came while SQLite switched the copy out of WAL),
which nothing lists and thinning removes once stale. The folder is thinned to daily/weekly/
monthly copies (schema/reference/backup.toml).

A restore copies the chosen file to a private temporary name beside the database and checks
that copy (so the file cannot change between the check and the use): it must be a Fieldbook
database of a revision this version knows, with exactly the schema objects the migrations
create (``schema_check``: no planted trigger, nothing dropped), and pass ``integrity_check``.
Only then is a safety backup of the current database taken, the current file moved aside
(never deleted) and the copy renamed into place. The database itself is refused as its own
backup.

Every backup and every restore appends the audit chain's head (entries, last hash) to
``<stem>-audit-heads.jsonl`` in the backup folder: a record of the trail the database file
alone cannot rewrite (``audit verify`` compares with it, :func:`recorded_heads`). Thinning
never touches it. Each line also says how that trail fitted the heads recorded before it
(:func:`fit_of`: ``recorded``, ``extends``, ``diverges``), a restore's line the live trail's
entries just before it: a restore of a cut trail is recorded as diverging and ``audit
verify`` reports it (:func:`replay`), rather than taking it as a clean new baseline. A
backup's line carries the SHA-256 of the backup file as written, and a restore is
``recorded`` (an honest rollback) only when the file restored has the digest of a backup the
log vouches for: a trail cut back to an older backup's head is not that backup, and is
judged by the heads recorded since like any other file. Lines written before digests were
recorded prove no file: a restore from such a backup is judged the same way.

An encrypted database's backups are made between two connections keyed alike: they stay
encrypted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Engine

from fieldbook.core import clock
from fieldbook.core.errors import DatabaseError
from fieldbook.core.paths import create_private_file, ensure_private_dir, fsync_dir
from fieldbook.core.resources import load_reference
from fieldbook.core.store import crypto, schema_check
from fieldbook.core.store.audit import (
    ChainHead,
    against_heads,
    hashes_of_connection,
    head_of_connection,
)
from fieldbook.core.store.check import DatabaseUnreadable, database_errors, full_check, quick_check
from fieldbook.core.store.db import engine_path
from fieldbook.core.store.lock import DatabaseLock
from fieldbook.core.store.sidefiles import SIDE_FILES, move_aside, side_file

SUFFIX = ".sqlite3"
STAMP = "%Y%m%d-%H%M%S-%f"
_LABEL = re.compile(r"[A-Za-z0-9_-]{1,40}")
COUNTED = ("customers", "visits", "plans")
Progress = Callable[[int, int], None]


HEADS_SUFFIX = "-audit-heads.jsonl"


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


@dataclass(frozen=True)
class RestoreResult:
    db_path: Path
    restored_from: Path
    safety_backup: Path | None  # the "pre-restore" backup of the database that was replaced
    replaced: tuple[Path, ...]  # the replaced files, moved aside to <name>.replaced-<stamp>


def backup_dir_for(db_path: Path) -> Path:
    return db_path.parent / "backups"


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
                try:
                    head: tuple[int, str] | None = head_of_connection(dst)
                    fit = _fit_fields(log, *head, dst)
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
        # the head first: a backup never exists without its record
        if head is not None:
            _record_head(log, "backup", final.name, *head, **fit, sha256=digest)
        os.replace(tmp, final)
        fsync_dir(dest_dir)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    return final


# --- the audit chain's heads -------------------------------------------------------------------
def heads_log(db_path: Path, dest_dir: Path | None = None) -> Path:
    """The backup folder's record of the audit chain's head at every backup and restore."""
    return (dest_dir or backup_dir_for(db_path)) / f"{Path(db_path).stem}{HEADS_SUFFIX}"


def _record_head(log: Path, event: str, file: str, count: int, last: str, **extra: object) -> None:
    """Append one line (JSON) to the head log, fsynced. A line left torn by a crash is
    ended first, so it cannot swallow this one. ``extra``: how the trail fitted
    (:func:`fit_of`), the entries before a restore."""
    line = json.dumps(
        {
            "at": clock.now().isoformat(timespec="seconds"),
            "event": event,
            "file": file,
            "count": count,
            "hash": last,
            **extra,
        },
        ensure_ascii=False,
    )
    ensure_private_dir(log.parent)
    flags = os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(log, flags, 0o600)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)
        size = os.fstat(fd).st_size
        torn = size > 0 and os.pread(fd, 1, size - 1) != b"\n"
        data = (("\n" if torn else "") + line + "\n").encode("utf-8")
        while data:
            data = data[os.write(fd, data) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def _read_heads(log: Path) -> list[ChainHead]:
    try:
        text = log.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return []
    heads = []
    for line in text.splitlines():
        try:
            data = json.loads(line)
            misfit = data.get("misfit")
            head = ChainHead(
                int(data["count"]),
                str(data["hash"]),
                source=str(data["event"]),
                where=str(data["file"]),
                at=datetime.fromisoformat(str(data["at"])),
                fits=str(data.get("fits", "")),
                before=None if data.get("before") is None else int(data["before"]),
                misfit=_misfit_head(misfit) if isinstance(misfit, dict) else None,
                misfit_problem=str(misfit.get("problem", "")) if isinstance(misfit, dict) else "",
                digest=str(data.get("sha256") or ""),
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            continue  # a torn or foreign line proves nothing
        if head.source in ("backup", "restore") and head.count >= 0:
            heads.append(head)
    return heads


def _misfit_head(data: dict[str, object]) -> ChainHead:
    at = data.get("at")
    return ChainHead(
        int(str(data["count"])),
        str(data["hash"]),
        source=str(data.get("event", "")),
        where=str(data.get("file", "")),
        at=datetime.fromisoformat(str(at)) if at else None,
    )


@dataclass(frozen=True)
class Lineage:
    """The head log replayed: ``trusted``, the backups (file digest, entries, last hash)
    made while the trail was still the one the log vouches for and fitting it (an honest
    rollback may return to any of them; a backup line without a digest, written before
    digests were recorded, is none of them: nothing proves a file is that backup); ``timeline``, the
    heads since the newest restore the trail must still fit; ``tainted_by``, the line after
    which the log no longer vouches for the trail (a backup or restore of a trail that did
    not fit the heads recorded before it), None while it does."""

    trusted: frozenset[tuple[str, int, str]]
    timeline: tuple[ChainHead, ...]
    tainted_by: ChainHead | None


def replay(heads: Sequence[ChainHead]) -> Lineage:
    """:class:`Lineage` of the head log's lines, oldest first. A restore that returns to a
    trusted head clears a taint; one that extends the trail keeps the taint it found; one
    that fits nothing, or a backup of a trail that fits nothing, taints."""
    trusted: set[tuple[str, int, str]] = set()
    timeline: list[ChainHead] = []
    tainted: ChainHead | None = None
    for head in heads:
        if head.source == "restore":
            timeline = []
            if head.fits == "recorded":
                tainted = None
        if head.fits == "diverges":
            tainted = head
        elif tainted is None and head.source == "backup" and head.digest:
            trusted.add((head.digest, head.count, head.hash))
        timeline.append(head)
    return Lineage(frozenset(trusted), tuple(timeline), tainted)


def fit_of(
    lineage: Lineage, count: int, last: str, hashes: dict[int, str], digest: str = ""
) -> tuple[str, tuple[str, ChainHead] | None]:
    """How a trail of ``count`` entries (last hash ``last``; ``hashes``: its hash at the
    counts of ``lineage.timeline``) fits the log: ``recorded`` (a restore candidate whose
    file digest ``digest`` is a trusted backup's: an honest rollback), ``extends`` (it
    contains every head since the newest restore: the same trail, perhaps grown) or
    ``diverges`` with the head it does not fit (entries deleted, or a rewritten tail). A
    trail merely cut back to a trusted backup's head is not that backup: it is judged by
    the heads since, like a backup of the live trail (``digest`` "")."""
    if digest and (digest, count, last) in lineage.trusted:
        return "recorded", None
    fitting = [h for h in lineage.timeline if h.fits != "diverges"]
    misfit = against_heads(count, hashes, fitting)
    return ("extends", None) if misfit is None else ("diverges", misfit)


def _fit_fields(
    log: Path, count: int, last: str, con: object, digest: str = ""
) -> dict[str, object]:
    """The head-log fields that say how the trail behind ``con`` (a DB-API connection;
    ``digest``: a restore candidate's file) fits the heads recorded so far in ``log``."""
    lineage = replay(_read_heads(log))
    hashes = hashes_of_connection(con, (h.count for h in lineage.timeline))
    fits, misfit = fit_of(lineage, count, last, hashes, digest)
    fields: dict[str, object] = {"fits": fits}
    if misfit is not None:
        problem, head = misfit
        fields["misfit"] = {
            "problem": problem,
            "event": head.source,
            "file": head.where,
            "count": head.count,
            "hash": head.hash,
            "at": head.at.isoformat(timespec="seconds") if head.at else None,
        }
    return fields


def restores(db_path: Path, dest_dir: Path | None = None) -> list[ChainHead]:
    """Every restore in the head log, oldest first (``fits``, ``before``, ``misfit``)."""
    return [h for h in _read_heads(heads_log(db_path, dest_dir)) if h.source == "restore"]


def lineage(db_path: Path, dest_dir: Path | None = None) -> Lineage:
    """The head log of ``db_path`` replayed (:func:`replay`)."""
    return replay(_read_heads(heads_log(db_path, dest_dir)))


def recorded_heads(db_path: Path, dest_dir: Path | None = None) -> list[ChainHead]:
    """The heads recorded since the newest restore (that restore's own head first): what
    the trail in the database must still contain. Heads from before a restore describe a
    trail the restore replaced on purpose."""
    heads = _read_heads(heads_log(db_path, dest_dir))
    restores = [i for i, h in enumerate(heads) if h.source == "restore"]
    return heads[restores[-1] :] if restores else heads


# --- listing ----------------------------------------------------------------------------------
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
            **counts,
            readable=False,
            problem=problem,
            schema_differences=report.differences,
        )
    return BackupInfo(path, made_at, label, size, **counts)


def list_backups_info(
    db_path: Path, dest_dir: Path | None = None, *, passphrase: str | None = None
) -> list[BackupInfo]:
    """Every backup of ``db_path``, newest first, with its record counts and the audit
    chain's head recorded when it was made (from the head log)."""
    recorded = {
        h.where: h for h in _read_heads(heads_log(db_path, dest_dir)) if h.source == "backup"
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
        except (crypto.WrongPassphrase, DatabaseUnreadable, *database_errors()):
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


# --- restoring --------------------------------------------------------------------------------
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
) -> tuple[tuple[int, str], dict[str, object]]:
    """Refuse the private ``copy`` of ``shown`` unless it is a sound Fieldbook database this
    version knows, with exactly the schema objects the migrations make; returns its audit
    chain's head and how it fits the head log (``digest``: SHA-256 of the copy as copied).
    Opened read-only, ``trusted_schema`` off, ``query_only`` on."""
    file = str(shown)
    if passphrase is None and not crypto.is_plain(copy) and not crypto.looks_encrypted(copy):
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
        return head, _fit_fields(log, *head, con, digest)
    finally:
        con.close()


def _entries_now(db_path: Path, passphrase: str | None) -> int | None:
    """How many audit entries the database has now (None: no file, or not readable)."""
    if not db_path.is_file():
        return None
    try:
        con = crypto.connect(db_path, passphrase, mode="ro")
    except (crypto.WrongPassphrase, *database_errors()):
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
            head, fit = _check_candidate(
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
            _record_head(
                heads_log(db_path),
                "restore",
                str(backup_path.absolute()),
                *head,
                before=before,
                **fit,
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
    return RestoreResult(db_path, backup_path, safety, tuple(replaced))
