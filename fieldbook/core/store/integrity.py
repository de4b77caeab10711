"""Is the database sound, what happens when it is not, and who may write it.

- :func:`quick_check` — ``PRAGMA quick_check`` (the structure of every page), optionally within
  a time budget: the start-up check ``Journal.open`` runs (:func:`check_on_open`).
- :func:`full_check` — the schema objects against the migrations' (``schema_check``),
  ``integrity_check`` and ``foreign_key_check``, every problem reported.
- :func:`open_or_quarantine` — a damaged file is MOVED aside with its ``-wal``/``-shm`` to
  ``<name>.damaged-<stamp>`` (never overwritten, never deleted, its bytes untouched: it is only
  ever opened read-only) and the newest good backup is offered.
- :class:`DatabaseLock` — ``<name>.lock`` beside the database, held with an OS lock by the one
  process that writes it; a lock left by a crashed process dies with it and is taken over.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from fieldbook.core import clock
from fieldbook.core.errors import DatabaseError
from fieldbook.core.paths import ensure_private_dir, fsync_dir
from fieldbook.core.store import crypto
from fieldbook.core.store.db import sqlite_path

if TYPE_CHECKING:
    from fieldbook.core.store.backup import BackupInfo
    from fieldbook.core.store.schema_check import SchemaDifference

#: Time the start-up check may take on a database at the current schema. ``PRAGMA
#: quick_check`` reads every page (~1 ms per MB here, warm cache): files up to ~25 MB are checked
#: in full at start-up; bigger ones table by table until the budget is spent (overrunning it by
#: at most one table's check), reported ``complete=False``, and the GUI runs the whole
#: :func:`quick_check` again in the background (the CLI relies on ``fieldbook check``). A
#: database that is about to be migrated is always checked to the end first.
STARTUP_BUDGET_MS = 25.0
SIDE_FILES = ("-wal", "-shm", "-journal")


def database_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [sqlite3.DatabaseError]
    if crypto.available():
        errors.append(crypto.driver().DatabaseError)
    return tuple(errors)


#: SQLITE_CORRUPT and SQLITE_NOTADB: the file itself is damaged. Any other error while
#: checking (I/O, a full disk, a lock) says nothing about the file and never moves it.
DAMAGE_CODES = frozenset({11, 26})


def is_damage(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in DAMAGE_CODES
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


class DatabaseUnreadable(DatabaseError):
    """The database could not be read to check it (an I/O error, not damage found in the
    file); nothing was changed."""

    code = "database_unreadable"

    def __init__(self, error: BaseException) -> None:
        super().__init__("database_unreadable", error=str(error))


# --- checks ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class QuickCheck:
    ok: bool  # no problem found
    complete: bool  # the whole file was checked (False: the time budget ran out first)
    problems: tuple[str, ...]
    elapsed_ms: float


@dataclass(frozen=True)
class ForeignKeyProblem:
    table: str
    rowid: int | None
    parent: str
    constraint: int

    def __str__(self) -> str:
        return f"{self.table} rowid {self.rowid}: no matching row in {self.parent}"


@dataclass(frozen=True)
class CheckReport:
    path: Path
    integrity: tuple[str, ...]
    foreign_keys: tuple[ForeignKeyProblem, ...]
    #: schema objects that are not what the migrations create (schema_check)
    schema: tuple[SchemaDifference, ...] = ()
    #: ``not_fieldbook`` or ``too_new`` (schema_check.SchemaReport.problem), else None
    schema_problem: str | None = None
    revision: str | None = None

    @property
    def ok(self) -> bool:
        return not (self.integrity or self.foreign_keys or self.schema or self.schema_problem)

    def lines(self) -> list[str]:
        problem = [f"schema: {self.schema_problem}"] if self.schema_problem else []
        return [
            *self.integrity,
            *problem,
            *(f"schema: {d}" for d in self.schema),
            *(str(p) for p in self.foreign_keys),
        ]


def _at_head(con: Any) -> bool:
    from fieldbook.core.store.migrate import SCHEMA_HEAD

    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except database_errors():
        return False
    return row is not None and row[0] == SCHEMA_HEAD


def quick_check(
    path: Path,
    *,
    passphrase: str | None = None,
    budget_ms: float | None = None,
    then: Callable[[Any], object] | None = None,
) -> QuickCheck:
    """``PRAGMA quick_check`` on ``path``, opened read-only. "file is not a database" and
    "database disk image is malformed" are problems, not exceptions; any other error (I/O,
    full disk) raises ``DatabaseUnreadable``: it is no sign of damage. With ``budget_ms`` the
    check of a database at the current schema stops after that long (``complete=False``).
    Raises ``WrongPassphrase`` for an encrypted file the passphrase does not open. ``then``
    runs on the same connection when no damage was found (the start-up schema check: one
    open, one key derivation for an encrypted file)."""
    start = time.perf_counter()

    def result(problems: tuple[str, ...], complete: bool = True) -> QuickCheck:
        return QuickCheck(not problems, complete, problems, (time.perf_counter() - start) * 1000)

    errors = database_errors()
    try:
        con = crypto.connect(Path(path), passphrase, mode="ro")
    except errors as exc:
        if not is_damage(exc):
            raise DatabaseUnreadable(exc) from exc
        return result((str(exc),))
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if budget_ms is not None and _at_head(con):
            small = Path(path).stat().st_size <= budget_ms * _BYTES_PER_MS
            found = _budgeted(con, budget_ms, result, whole=small)
        else:
            pragma = con.execute("PRAGMA quick_check")
            found = result(tuple(str(r[0]) for r in pragma if r[0] != "ok"))
        if found.ok and then is not None:
            con.set_progress_handler(None, 0)
            then(con)
        return found
    except errors as exc:
        if not is_damage(exc):
            raise DatabaseUnreadable(exc) from exc
        return result((str(exc),))
    finally:
        con.close()


#: Roughly what ``quick_check`` reads per millisecond (warm cache, a 2-core laptop).
_BYTES_PER_MS = 1_000_000


def _budgeted(con: Any, budget_ms: float, result: Any, *, whole: bool) -> QuickCheck:
    """The start-up check within ``budget_ms``. A file small enough to be read in the budget
    gets the whole-file ``PRAGMA quick_check`` (with a progress handler as a safety net). A
    bigger one is checked table by table (``PRAGMA quick_check(<table>)``, each with its
    indexes) until the budget is spent, and is never reported complete: the per-table form
    skips the free-list and page-usage checks, so the app runs the whole check again in the
    background. SQLite walks a table's b-tree inside one VM instruction, so a progress handler
    alone cannot stop a whole-file check in time (it ran ~170 ms over a 25 ms budget on a
    340 MB file): stopping between tables bounds the overrun by one table's check."""
    errors = database_errors()
    deadline = time.perf_counter() + budget_ms / 1000  # after the key derivation

    def over() -> int:
        return int(time.perf_counter() > deadline)

    tables = [
        str(r[0])
        for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rootpage"
        )
    ]
    con.set_progress_handler(over, 10)
    if whole:
        tables = [""]  # PRAGMA quick_check of the whole file
    problems: list[str] = []
    for table in tables:
        if over():
            return result(tuple(problems), complete=False)
        quoted = table.replace('"', '""')
        pragma = f'PRAGMA quick_check("{quoted}")' if table else "PRAGMA quick_check"
        try:
            rows = con.execute(pragma).fetchall()
        except errors as exc:
            if "interrupt" in str(exc).lower():
                return result(tuple(problems), complete=False)
            raise
        problems.extend(str(r[0]) for r in rows if r[0] != "ok")
        if problems:
            return result(tuple(problems))  # damaged: no need to look further
    return result((), complete=whole)


def full_check(path: Path, *, passphrase: str | None = None) -> CheckReport:
    """The schema objects against what the migrations create (first: nothing of a schema
    that is not ours is evaluated before it is known), ``integrity_check`` (every problem,
    not the first 100) and ``foreign_key_check``."""
    from fieldbook.core.store import schema_check

    path = Path(path)
    errors = database_errors()
    integrity: list[str] = []
    fks: list[ForeignKeyProblem] = []
    schema = schema_check.SchemaReport(None)
    try:
        con = crypto.connect(path, passphrase, mode="ro")
    except errors as exc:
        return CheckReport(path, (str(exc),), ())
    try:
        try:
            schema_check.guard(con)
            schema = schema_check.inspect_connection(con)
        except errors as exc:
            integrity = [str(exc)]
        try:
            rows = con.execute("PRAGMA integrity_check(1000000)").fetchall()
            integrity += [str(r[0]) for r in rows if r[0] != "ok"]
        except errors as exc:
            integrity = integrity or [str(exc)]
        try:
            for table, rowid, parent, fkid in con.execute("PRAGMA foreign_key_check"):
                fks.append(ForeignKeyProblem(table, rowid, parent, fkid))
        except errors as exc:
            if not integrity:
                integrity = [str(exc)]
    finally:
        con.close()
    problem = schema.problem if schema.problem in ("not_fieldbook", "too_new") else None
    return CheckReport(
        path, tuple(integrity), tuple(fks), schema.differences, problem, schema.revision
    )


# --- moving a damaged file aside --------------------------------------------------------------
@dataclass(frozen=True)
class QuarantineResult:
    path: Path  # where the database was
    moved_to: Path | None  # None when another process holds the database: nothing was moved
    moved: tuple[Path, ...]  # every file moved (the database first, then -wal/-shm)
    problems: tuple[str, ...]
    backup: BackupInfo | None  # the newest backup that passes quick_check, to offer
    in_use_by: int | None = None


class DatabaseDamaged(DatabaseError):
    """The database file is damaged: it was moved aside untouched (``moved_to``) and
    ``backup`` (or None) is the newest good backup to restore."""

    code = "database_damaged"

    def __init__(self, result: QuarantineResult) -> None:
        if result.moved_to is None:
            detail = "database_damaged_in_use"
        elif result.backup is None:
            detail = "database_damaged_no_backup"
        else:
            detail = "database_damaged"
        super().__init__(
            detail,
            moved_to=str(result.moved_to or ""),
            backup=str(result.backup.path) if result.backup else "",
            pid=result.in_use_by or 0,
        )
        self.result = result
        self.moved_to = result.moved_to
        self.backup = result.backup


def side_file(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def move_aside(db_path: Path, tag: str) -> list[Path]:
    """Rename ``db_path`` to ``<name>.<tag>-<stamp>`` (a new name, never overwriting) with its
    ``-wal``/``-shm`` under the matching names, so the moved copy opens as it was. The side
    files go first: a crash half-way must never leave a stale ``-wal`` beside a new database.
    Returns the new paths, the database first. Modes are 0600."""
    db_path = Path(db_path)
    stamp = clock.stamp()
    base = db_path.with_name(f"{db_path.name}.{tag}-{stamp}")
    n = 1
    while any(p.exists() for p in (base, *(side_file(base, s) for s in SIDE_FILES))):
        base = db_path.with_name(f"{db_path.name}.{tag}-{stamp}-{n}")
        n += 1
    moved: list[Path] = []
    for suffix in SIDE_FILES:
        side = side_file(db_path, suffix)
        if side.exists():
            target = side_file(base, suffix)
            os.rename(side, target)
            os.chmod(target, 0o600)
            moved.append(target)
    if db_path.exists():
        os.rename(db_path, base)
        os.chmod(base, 0o600)
        moved.insert(0, base)
    fsync_dir(db_path.parent)
    return moved


def quarantine(
    db_path: Path, problems: tuple[str, ...] = (), *, passphrase: str | None = None
) -> QuarantineResult:
    """Move a damaged database aside (unless another process holds it) and find the newest
    good backup to offer."""
    from fieldbook.core.store.backup import newest_good_backup

    db_path = Path(db_path)
    lock = None
    if not DatabaseLock.held_here(db_path):
        try:
            lock = DatabaseLock.acquire(db_path)
        except DatabaseInUse as exc:
            backup = newest_good_backup(db_path, passphrase=passphrase)
            return QuarantineResult(db_path, None, (), problems, backup, in_use_by=exc.pid)
    try:
        moved = move_aside(db_path, "damaged")
    finally:
        if lock is not None:
            lock.release()
    backup = newest_good_backup(db_path, passphrase=passphrase)
    return QuarantineResult(db_path, moved[0] if moved else None, tuple(moved), problems, backup)


def open_or_quarantine(
    db_path: Path, *, passphrase: str | None = None, budget_ms: float | None = None
) -> QuarantineResult | None:
    """None when the file is missing, new (empty) or passes ``quick_check``; otherwise it is
    moved aside and the result says where, and which backup to offer."""
    db_path = Path(db_path)
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None
    check = quick_check(db_path, passphrase=passphrase, budget_ms=budget_ms)
    if check.ok:
        return None
    return quarantine(db_path, check.problems, passphrase=passphrase)


def check_on_open(
    url: str, budget_ms: float = STARTUP_BUDGET_MS, *, script_location: Path | None = None
) -> QuickCheck | None:
    """The start-up check of ``Journal.open``: None for non-SQLite and new files; raises
    ``DatabaseDamaged`` (file moved aside) or ``WrongPassphrase`` (nothing touched). A sound
    file's schema is then compared with what the migrations create at its revision
    (``schema_check``): ``DatabaseTooNew``, ``NotFieldbookDatabase`` or ``SchemaMismatch``,
    nothing touched."""
    from fieldbook.core.store import schema_check

    path = sqlite_path(url)
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return None
    passphrase = crypto.url_passphrase(url)

    def schema(con: Any) -> None:
        schema_check.require(schema_check.inspect_connection(con, script_location), path)

    check = quick_check(path, passphrase=passphrase, budget_ms=budget_ms, then=schema)
    if check.ok:
        return check
    raise DatabaseDamaged(quarantine(path, check.problems, passphrase=passphrase))


# --- one writer per database ------------------------------------------------------------------
class DatabaseInUse(DatabaseError):
    """Another running process holds the database's lock."""

    code = "database_in_use"

    def __init__(self, pid: int | None) -> None:
        super().__init__("database_in_use", pid=pid or "?")
        self.pid = pid


_WINDOWS_LOCK_OFFSET = 1 << 30  # lock a byte far past the pid, so others can still read it


def _try_lock(fd: int) -> bool:
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def _read_pid(fd: int) -> int | None:
    os.lseek(fd, 0, os.SEEK_SET)
    text = os.read(fd, 32).decode("ascii", "replace").strip()
    return int(text) if text.isdigit() else None


class DatabaseLock:
    """``<name>.lock`` beside the database, held (``fcntl.flock`` / ``msvcrt.locking``) while
    this process writes it. The file records the holder's pid (mode 0600); it is never deleted
    (deleting lock files races), only unlocked."""

    _held: ClassVar[dict[str, DatabaseLock]] = {}

    def __init__(self, db_path: Path, lock_path: Path, fd: int) -> None:
        self.db_path = db_path
        self.path = lock_path
        self._fd: int | None = fd

    @staticmethod
    def lock_path(db_path: Path) -> Path:
        return side_file(Path(db_path), ".lock")

    @staticmethod
    def _key(db_path: Path) -> str:
        return str(Path(db_path).resolve())

    @classmethod
    def held_here(cls, db_path: Path) -> bool:
        return cls._key(db_path) in cls._held

    @classmethod
    def acquire(cls, db_path: Path) -> DatabaseLock:
        """Take the lock or raise ``DatabaseInUse(pid=holder)``."""
        db_path = Path(db_path)
        if cls.held_here(db_path):
            raise DatabaseInUse(os.getpid())
        if not db_path.parent.exists():
            ensure_private_dir(db_path.parent)
        lock_path = cls.lock_path(db_path)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            os.chmod(lock_path, 0o600)
            if not _try_lock(fd):
                raise DatabaseInUse(_read_pid(fd))
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        except BaseException:
            os.close(fd)
            raise
        lock = cls(db_path, lock_path, fd)
        cls._held[cls._key(db_path)] = lock
        return lock

    @staticmethod
    def holder(db_path: Path) -> int | None:
        """The pid recorded in the lock file (the holder, or the last one)."""
        try:
            text = DatabaseLock.lock_path(db_path).read_text("ascii").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return int(text) if text.isdigit() else None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        DatabaseLock._held.pop(self._key(self.db_path), None)
        try:
            os.ftruncate(fd, 0)
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> DatabaseLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
