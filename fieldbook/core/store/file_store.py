"""The one content-addressed file store beside a database: slip attachments and visit photos
are copies kept in ``attachments/`` under a name derived from their SHA-256 (the source file is
never modified). The same content is kept once, whoever refers to it.

A backup of the database is only whole with the files its rows name: ``mirror_files`` keeps a
copy of each in ``backups/attachments/`` (content-addressed too, so shared by every backup and
copied once), and a restore brings back those the restored rows name and the live folder lacks
(``bring_back``). Kept files are never deleted: an older backup may still name them.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from fieldbook.core.errors import InvalidValue
from fieldbook.core.paths import ensure_private_dir
from fieldbook.core.sqlite_files import ATTACHMENTS_FOLDER

#: The tables whose rows name kept files (``stored_name``, ``sha256``).
FILE_TABLES = ("slip_attachments", "visit_photos")


@dataclass(frozen=True)
class StoredFile:
    stored_name: str
    path: Path
    sha256: str
    size: int


def stored_name_of(sha256: str, suffix: str) -> str:
    """The kept file's name: the digest's first 32 hex digits and the source's suffix."""
    return f"{sha256[:32]}{suffix.lower()[:10]}"


def is_stored_name(sha256: str, name: str) -> bool:
    """Whether ``name`` is a kept file's name for ``sha256`` (``stored_name_of``): a plain name
    in the folder, never a path out of it (a row from a server or another database may say
    anything: ``../../x``)."""
    suffix = name[32:]
    return (
        len(sha256) == 64
        and name[:32] == sha256[:32].lower()
        and all(c in "0123456789abcdef" for c in name[:32])
        and len(suffix) <= 10
        and (suffix == "" or (suffix[0] == "." and "." not in suffix[1:]))
        and not any(c in suffix for c in "/\\\0:")
        and suffix.isprintable()
    )


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _copy_private(source: Path, target: Path) -> None:
    """Copy to a hidden temporary name (0600) and rename into place."""
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        shutil.copyfile(source, tmp)
        tmp.chmod(0o600)
        tmp.replace(target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def store_file(
    source: Path,
    folder: Path,
    *,
    max_bytes: int,
    code: str = "attachment_too_large",
    field: str = "attachment",
) -> StoredFile:
    """Copy ``source`` into ``folder`` (0700) under its content-derived name; an identical file
    already kept is reused. Larger than ``max_bytes``: ``InvalidValue(code)`` naming the file."""
    source = Path(source)
    size = source.stat().st_size
    if size > max_bytes:
        raise InvalidValue(
            code,
            field=field,
            file=source.name,
            max=max_bytes,
            max_mb=max_bytes // (1024 * 1024),
            mb=round(size / (1024 * 1024), 1),
        )
    sha = file_sha256(source)
    ensure_private_dir(folder)
    stored = stored_name_of(sha, source.suffix)
    target = folder / stored
    if not target.exists():
        _copy_private(source, target)
    return StoredFile(stored, target, sha, size)


# --- with the backups -----------------------------------------------------------------------
def kept_files(con: sqlite3.Connection) -> list[tuple[str, str]]:
    """(stored name, SHA-256) of every file the database at ``con`` names (tables it lacks,
    as in a backup made before they existed, are skipped)."""
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    found: set[tuple[str, str]] = set()
    for table in FILE_TABLES:
        if table in tables:
            found.update(con.execute(f"SELECT stored_name, sha256 FROM {table}").fetchall())
    return sorted(found)


def _copy_checked(source: Path, target: Path, sha256: str) -> bool:
    """Copy ``source`` to ``target`` when its content still has ``sha256`` (False if not, or
    when it cannot be read)."""
    try:
        if file_sha256(source) != sha256:
            return False
        _copy_private(source, target)
    except OSError:
        return False
    return True


def mirror_files(files: Iterable[tuple[str, str]], source: Path, dest: Path) -> list[str]:
    """Copy each named file from the folder ``source`` to ``dest`` unless ``dest`` holds it
    already; returns the names that could not be copied (missing, or changed on disk)."""
    missing = []
    for name, sha in files:
        target = dest / name
        if target.exists():
            continue
        ensure_private_dir(dest)
        if not _copy_checked(source / name, target, sha):
            missing.append(name)
    return missing


def bring_back(
    files: Iterable[tuple[str, str]], live: Path, folders: Sequence[Path]
) -> tuple[int, list[str]]:
    """Put back into ``live`` each named file it lacks, from the first of ``folders`` that
    holds it intact. Returns how many came back and the names found nowhere."""
    restored, lost = 0, []
    for name, sha in files:
        if (live / name).exists():
            continue
        ensure_private_dir(live)
        if any(_copy_checked(folder / name, live / name, sha) for folder in folders):
            restored += 1
        else:
            lost.append(name)
    return restored, lost


def attachments_dir_for(db_path: Path) -> Path:
    """Where the files of the database at ``db_path`` are kept."""
    return db_path.parent / ATTACHMENTS_FOLDER


def backup_files_dir(backup_dir: Path) -> Path:
    """Where the backups in ``backup_dir`` keep the files they name."""
    return backup_dir / ATTACHMENTS_FOLDER
