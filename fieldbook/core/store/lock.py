"""Who may write a database: one process at a time.

:class:`DatabaseLock` — ``<name>.lock`` beside the database, held with an OS lock by the one
process that writes it; a lock left by a crashed process dies with it and is taken over.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import ClassVar

from fieldbook.core.errors import DatabaseError
from fieldbook.core.paths import ensure_private_dir
from fieldbook.core.sqlite_files import side_file

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl


class DatabaseInUse(DatabaseError):
    """Another running process holds the database's lock."""

    code = "database_in_use"

    def __init__(self, pid: int | None) -> None:
        super().__init__("database_in_use", pid=pid or "?")
        self.pid = pid


_WINDOWS_LOCK_OFFSET = 1 << 30  # lock a byte far past the pid, so others can still read it


if sys.platform == "win32":

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
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
