"""A database on disk is its file and its side files (``-wal``, ``-shm``, ``-journal``): their
names, and moving them aside together — a damaged file (``recovery``), the file a restore
replaces (``backup``) — so the moved copy still opens as it was."""

from __future__ import annotations

import os
from pathlib import Path

from fieldbook.core import clock
from fieldbook.core.paths import fsync_dir

SIDE_FILES = ("-wal", "-shm", "-journal")


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
