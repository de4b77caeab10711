"""Photo files before they are kept: what a file is, known by its first bytes (never by its
name), and the phone's synced folder scanned for the photos taken during a visit. The rules
(size limit, accepted kinds, the folder's time window) are data: ``attachments.toml``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from fieldbook.core.errors import InvalidValue
from fieldbook.core.resources import load_reference

JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
#: ISO base media brands of HEIC/HEIF photos (iPhone's default), at bytes 8..12.
HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1")


@dataclass(frozen=True)
class PhotoRules:
    max_bytes: int
    kinds: tuple[str, ...]
    folder_suffixes: tuple[str, ...]
    window_slack: timedelta
    folder_offer_limit: int


@cache
def photo_rules() -> PhotoRules:
    data = load_reference("attachments")["photos"]
    return PhotoRules(
        max_bytes=int(data["max_mb"]) * 1024 * 1024,
        kinds=tuple(data["kinds"]),
        folder_suffixes=tuple(s.lower() for s in data["folder_suffixes"]),
        window_slack=timedelta(minutes=int(data["window_slack_minutes"])),
        folder_offer_limit=int(data["folder_offer_limit"]),
    )


def image_kind(head: bytes) -> str | None:
    """ "jpeg", "png" or "heic" from a file's first 16 bytes; None for anything else."""
    if head.startswith(JPEG_MAGIC):
        return "jpeg"
    if head.startswith(PNG_MAGIC):
        return "png"
    if head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS:
        return "heic"
    return None


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(16)
    except OSError as exc:
        raise InvalidValue(
            "photo_unreadable", field="photo", file=path.name, reason=exc.strerror or str(exc)
        ) from None


def check_photo(path: Path) -> int:
    """Refuse what cannot be kept as a photo, naming the file: not a regular file, too large,
    not an accepted image kind by its header. Returns its size."""
    rules = photo_rules()
    try:
        st = path.stat()
    except OSError as exc:
        raise InvalidValue(
            "photo_unreadable", field="photo", file=path.name, reason=exc.strerror or str(exc)
        ) from None
    if not path.is_file():
        raise InvalidValue("photo_not_image", field="photo", file=path.name)
    kind = image_kind(_head(path))
    if kind == "heic" and "heic" not in rules.kinds:
        raise InvalidValue("photo_heic", field="photo", file=path.name)
    if kind is None or kind not in rules.kinds:
        raise InvalidValue("photo_not_image", field="photo", file=path.name)
    if st.st_size > rules.max_bytes:
        raise InvalidValue(
            "photo_too_large",
            field="photo",
            file=path.name,
            max_mb=rules.max_bytes // (1024 * 1024),
            mb=round(st.st_size / (1024 * 1024), 1),
        )
    return st.st_size


def taken_at(path: Path) -> datetime | None:
    """When the photo was taken, as far as the file says: its modification time (local)."""
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
    except (OSError, ValueError, OverflowError):
        return None


@dataclass(frozen=True)
class FolderPhoto:
    """A photo in the phone's folder taken during a visit."""

    path: Path
    taken_at: datetime
    size: int


def photos_taken_between(folder: Path, start: datetime, end: datetime) -> list[FolderPhoto]:
    """The images in ``folder`` (not its subfolders) modified between ``start`` and ``end``
    (widened by the rules' slack), oldest first, at most the rules' offer limit; files that
    are not accepted images by their header are left out."""
    rules = photo_rules()
    lo, hi = start - rules.window_slack, end + rules.window_slack
    if not folder.is_dir():
        raise InvalidValue("photo_folder_missing", field="photo_folder", folder=str(folder))
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        raise InvalidValue(
            "photo_folder_missing", field="photo_folder", folder=str(folder)
        ) from None
    for entry in entries:
        if not entry.name.lower().endswith(rules.folder_suffixes) or entry.name.startswith("."):
            continue
        try:
            if not entry.is_file():
                continue
            st = entry.stat()
        except OSError:
            continue
        moment = datetime.fromtimestamp(st.st_mtime).replace(microsecond=0)
        if not lo <= moment <= hi or st.st_size > rules.max_bytes:
            continue
        path = Path(entry.path)
        try:
            kind = image_kind(_head(path))
        except InvalidValue:
            continue
        if kind in rules.kinds:
            found.append(FolderPhoto(path, moment, st.st_size))
    found.sort(key=lambda p: (p.taken_at, p.path.name))
    return found[: rules.folder_offer_limit]
