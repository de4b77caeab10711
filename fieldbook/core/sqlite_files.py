"""A database on disk: the files and folders it is made of, and how a file is known to be a
SQLite (or SQLCipher) database by its first bytes rather than by its name.

Beside ``x.sqlite3`` live its side files (``-wal``, ``-shm``, ``-journal``, and Fieldbook's
writer ``.lock``), its ``backups/`` folder (with the audit chain's head log) and its slips'
``attachments/`` folder. The store (backups, encryption, what ``--db`` may be) and the guard on
user-named outputs both read these facts from here, so they sit below both. A damaged file
(``store.recovery``) and the file a restore replaces (``store.restore``) are moved aside with
their SQLite side files together (:func:`move_aside`), so the moved copy still opens as it was.
"""

from __future__ import annotations

import os
from pathlib import Path

from fieldbook.core import clock
from fieldbook.core.paths import fsync_dir

SQLITE_MAGIC = b"SQLite format 3\x00"
WAL_MAGICS = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
#: What our own outputs start with (a workbook, a screenshot): never taken for ciphertext.
EXPORT_MAGICS = (b"PK\x03\x04", b"\x89PNG")
#: SQLite's own side files; with Fieldbook's writer lock, every file that belongs to a database.
SIDE_FILES = ("-wal", "-shm", "-journal")
SIDE_SUFFIXES = (*SIDE_FILES, ".lock")
BACKUPS_FOLDER = "backups"
ATTACHMENTS_FOLDER = "attachments"
#: Folders that sit beside a database and hold its history (backups, the audit chain's head
#: log) or its slips' attachments.
DATABASE_FOLDERS = (BACKUPS_FOLDER, ATTACHMENTS_FOLDER)
#: The backup folder's record of the audit chain's head: ``<stem>-audit-heads.jsonl``.
HEADS_LOG_SUFFIX = "-audit-heads.jsonl"


def backup_dir_for(db_path: Path) -> Path:
    """The folder the backups of ``db_path`` go to."""
    return db_path.parent / BACKUPS_FOLDER


def starts_with(path: Path, *magics: bytes) -> bool:
    """True when the file at ``path`` begins with one of ``magics`` (False when unreadable)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    return any(head.startswith(m) for m in magics)


def is_plain(path: Path) -> bool:
    """True when ``path`` starts with the plain SQLite header."""
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def looks_encrypted(path: Path) -> bool:
    """True when ``path`` is not a plain SQLite file but has the shape of an SQLCipher one:
    no SQLite header, a random (not blank) first block, whole pages."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    if size == 0 or head == SQLITE_MAGIC or size % 512:
        return False
    return len(set(head)) > 4


def looks_like_ciphertext(path: Path) -> bool:
    """An SQLCipher database (or backup) has no header, only ciphertext (whole pages, random
    bytes from the first): True for what looks like one, but not for a file that starts the
    way our exports do or a document whose first kilobyte is not random (a PDF's header and
    text)."""
    if not looks_encrypted(path) or starts_with(path, *EXPORT_MAGICS):
        return False
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError:
        return False
    # ciphertext: 1 KB of it holds ~250 of the 256 byte values; a document's header far fewer
    return len(set(head)) >= 200


def is_database(path: Path) -> bool:
    """An SQLite database by its header, or an encrypted one by its look (not by its name:
    an empty ``notes.sqlite3`` is nobody's database)."""
    return starts_with(path, SQLITE_MAGIC) or looks_like_ciphertext(path)


def holds_a_database(folder: Path) -> bool:
    """True when a file directly in ``folder`` is a database (:func:`is_database`)."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return False
    return any(p.is_file() and is_database(p) for p in entries)


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
