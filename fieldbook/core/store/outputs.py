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

import os
import stat
import tempfile
from pathlib import Path

from fieldbook.core.errors import FieldbookError

SQLITE_MAGIC = b"SQLite format 3\x00"
WAL_MAGICS = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
SIDE_SUFFIXES = ("-wal", "-shm", "-journal", ".lock")

_protected_files: set[Path] = set()
_protected_dirs: set[Path] = set()


class OutputRefused(FieldbookError):
    """A path the user asked to write to is not a place Fieldbook writes (exit 2)."""

    code = "output_refused"
    is_input_error = True

    def __init__(self, reason: str, path: object) -> None:
        super().__init__(reason, reason=reason, file=str(path))
        self.reason = reason


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def protect_database(db_path: Path) -> None:
    """Remember ``db_path`` (and what belongs to it) as never to be written over by an output."""
    from fieldbook.core.store.backup import backup_dir_for

    db = _real(Path(db_path))
    _protected_files.add(db)
    _protected_files.update(db.with_name(db.name + s) for s in SIDE_SUFFIXES)
    _protected_dirs.add(_real(backup_dir_for(db)))
    _protected_dirs.add(_real(db.parent / "attachments"))


def _starts_with(path: Path, *magics: bytes) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    return any(head.startswith(m) for m in magics)


def check_output(path: Path | str) -> Path:
    """Return ``path`` as a :class:`Path` when Fieldbook may create or replace a regular file
    there; raise :class:`OutputRefused` (naming the path and why) otherwise."""
    try:
        return _check_output(path)
    except OSError as exc:  # a name too long, a path through a file, no permission
        import errno

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
        if _starts_with(real, SQLITE_MAGIC, *WAL_MAGICS) or _looks_encrypted(real):
            raise OutputRefused("output_is_database", given)
    if _belongs_to_a_database(real):
        raise OutputRefused("output_is_database", given)
    if real.name.endswith(SIDE_SUFFIXES):
        owner = real.with_name(real.name.removesuffix(_suffix_of(real.name)))
        if owner.is_file() and _is_database(owner):
            raise OutputRefused("output_is_database", given)
    return given


#: What our own outputs start with: replacing an earlier export is fine.
_EXPORT_MAGICS = (b"PK\x03\x04", b"\x89PNG")
#: Folders that sit beside a database and hold its history (backups, the audit chain's head
#: log) or its slips' attachments.
_DATABASE_FOLDERS = ("backups", "attachments")


def _looks_encrypted(path: Path) -> bool:
    """An SQLCipher database (or backup) has no header, only ciphertext (whole pages, random
    bytes from the first): refuse what looks like one, but not a file that starts the way our
    exports do or a document whose first kilobyte is not random (a PDF's header and text)."""
    from fieldbook.core.store.crypto import looks_encrypted

    if not looks_encrypted(path) or _starts_with(path, *_EXPORT_MAGICS):
        return False
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError:
        return False
    # ciphertext: 1 KB of it holds ~250 of the 256 byte values; a document's header far fewer
    return len(set(head)) >= 200


def holds_a_database(folder: Path) -> bool:
    try:
        entries = list(folder.iterdir())
    except OSError:
        return False
    return any(p.is_file() and _is_database(p) for p in entries)


def _is_database(path: Path) -> bool:
    """An SQLite database by its header, or an encrypted one by its look (not by its name:
    an empty ``notes.sqlite3`` is nobody's database)."""
    return _starts_with(path, SQLITE_MAGIC) or _looks_encrypted(path)


def _belongs_to_a_database(real: Path) -> bool:
    """Inside the backups or attachments folder of any database (not only the open one), or
    an audit-head log wherever it is."""
    if real.name.endswith("-audit-heads.jsonl"):
        return True
    for folder in real.parents:
        if folder.name in _DATABASE_FOLDERS and holds_a_database(folder.parent):
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
