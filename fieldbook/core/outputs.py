"""Where Fieldbook may write a file the user named (an export, a screenshot, a demo list, an
encrypted copy): never onto a database, its side files or its backups, never onto a directory,
a device or anything else that is not a regular file, and only into a folder that exists.

Every writer of user-named files calls :func:`check_output` (``atomic_output`` does, so every
Excel export does); the command line calls it before any work, so a bad ``-o`` costs nothing.
The check runs again right before the rename, so a database created at that path meanwhile is
still safe.

A database registers itself when it is opened (:func:`protect_database`): its file, -wal, -shm,
-journal and .lock, its backups folder and its attachments folder. Beyond those, any existing
file that is an SQLite database or an SQLite write-ahead log (by its first bytes) is refused,
whoever's it is.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from fieldbook.core.errors import PathRefused
from fieldbook.core.sqlite_files import (
    ATTACHMENTS_FOLDER,
    DATABASE_FOLDERS,
    HEADS_LOG_SUFFIX,
    SIDE_SUFFIXES,
    SQLITE_MAGIC,
    WAL_MAGICS,
    backup_dir_for,
    holds_a_database,
    is_database,
    looks_like_ciphertext,
    starts_with,
)

_protected_files: set[Path] = set()
_protected_dirs: set[Path] = set()


class OutputRefused(PathRefused):
    """A path the user asked to write to is not a place Fieldbook writes (exit 2)."""

    code = "output_refused"


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def protect_database(db_path: Path) -> None:
    """Remember ``db_path`` (and what belongs to it) as never to be written over by an output."""
    db = _real(Path(db_path))
    _protected_files.add(db)
    _protected_files.update(db.with_name(db.name + s) for s in SIDE_SUFFIXES)
    _protected_dirs.add(_real(backup_dir_for(db)))
    _protected_dirs.add(_real(db.parent / ATTACHMENTS_FOLDER))


def check_output(path: Path | str) -> Path:
    """Return ``path`` as a :class:`Path` when Fieldbook may create or replace a regular file
    there; raise :class:`OutputRefused` (naming the path and why) otherwise."""
    try:
        return _check_output(path)
    except OSError as exc:  # a name too long, a path through a file, no permission
        reason = "output_name_too_long" if exc.errno == errno.ENAMETOOLONG else "output_unreadable"
        raise OutputRefused(reason, os.fspath(path)) from exc


def _check_output(path: Path | str) -> Path:
    text = os.fspath(path)
    if not text.strip():
        raise OutputRefused("output_empty", '""')
    if "\x00" in text:
        raise OutputRefused("output_not_regular", text.replace("\x00", "\\0"))
    given = Path(text).expanduser()
    if text.endswith(("/", os.sep)) or given.is_dir():
        raise OutputRefused("output_is_directory", given)
    real = _real(given)
    if not real.parent.is_dir():
        raise OutputRefused("output_folder_missing", given)
    if real in _protected_files or any(real.is_relative_to(d) for d in _protected_dirs):
        raise OutputRefused("output_is_database", given)
    try:
        st = os.stat(real)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputRefused("output_unreadable", given) from exc
    if st is not None:
        if not stat.S_ISREG(st.st_mode):
            raise OutputRefused("output_not_regular", given)
        if starts_with(real, SQLITE_MAGIC, *WAL_MAGICS) or looks_like_ciphertext(real):
            raise OutputRefused("output_is_database", given)
    if _belongs_to_a_database(real):
        raise OutputRefused("output_is_database", given)
    if real.name.endswith(SIDE_SUFFIXES):
        owner = real.with_name(real.name.removesuffix(_suffix_of(real.name)))
        if owner.is_file() and is_database(owner):
            raise OutputRefused("output_is_database", given)
    return given


def _belongs_to_a_database(real: Path) -> bool:
    """Inside the backups or attachments folder of any database (not only the open one), or
    an audit-head log wherever it is."""
    if real.name.endswith(HEADS_LOG_SUFFIX):
        return True
    for folder in real.parents:
        if folder.name in DATABASE_FOLDERS and holds_a_database(folder.parent):
            return True
    return False


def _suffix_of(name: str) -> str:
    return next(s for s in SIDE_SUFFIXES if name.endswith(s))


def private_temp_beside(path: Path, suffix: str = "") -> Path:
    """A new, empty, 0600 file with an unpredictable hidden name in ``path``'s folder, created
    exclusively (``O_EXCL``): a link planted at a name we would use is never followed, and
    nothing that was there is truncated or deleted. The caller renames it over ``path`` or
    removes it."""
    path = Path(path)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=f".tmp{suffix}", dir=path.parent)
    os.close(fd)
    os.chmod(name, 0o600)
    return Path(name)
