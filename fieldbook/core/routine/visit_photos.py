"""Shelf photos of a visit (店面照片): copies kept in the one content-addressed store beside the
database (``store.file_store``), a row each in ``visit_photos``.

The same content is kept once and attached to a visit once. A draft's photos are added and
removed freely; a finished visit changes only as a correction: adding or removing a photo needs
a reason and goes into the audit trail. The phone's synced folder (a setting) offers the photos
taken between the visit's arrival and departure (``photo_files``). The week's photo count is
:func:`count_photos` — the one computation the week page and the week workbook both show."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue, NotFound
from fieldbook.core.routine.photo_files import (
    FolderPhoto,
    check_photo,
    photo_rules,
    photos_taken_between,
    taken_at,
)
from fieldbook.core.store import audit
from fieldbook.core.store.file_store import file_sha256, store_file
from fieldbook.core.store.models import Visit, VisitPhoto
from fieldbook.core.store.sessions import Sessions, get_setting, set_setting
from fieldbook.core.text import clean_text

TOPIC = "visits"
#: The database setting naming the folder the phone's photos are synced to.
PHOTO_FOLDER_KEY = "photo_folder"


@dataclass(frozen=True)
class PhotoView:
    id: str
    visit_id: str
    original_name: str
    path: Path  # the kept copy
    sha256: str
    size: int
    taken_at: datetime | None
    added_at: datetime


@dataclass(frozen=True)
class Added:
    """What adding files did: the photos now attached, and how many were attached already."""

    photos: tuple[PhotoView, ...]
    already: int


def _view(p: VisitPhoto, folder: Path) -> PhotoView:
    return PhotoView(
        p.id,
        p.visit_id,
        p.original_name,
        folder / p.stored_name,
        p.sha256,
        p.size,
        p.taken_at,
        p.added_at,
    )


def photos_of(s: Session, visit_ids: Sequence[str], folder: Path) -> dict[str, list[PhotoView]]:
    """The photos of each of ``visit_ids``, in the order they were added."""
    out: dict[str, list[PhotoView]] = {v: [] for v in visit_ids}
    if not visit_ids:
        return out
    rows = s.scalars(
        select(VisitPhoto)
        .where(VisitPhoto.visit_id.in_(list(visit_ids)))
        .order_by(VisitPhoto.added_at, VisitPhoto.id)
    )
    for p in rows:
        out[p.visit_id].append(_view(p, folder))
    return out


def count_photos(s: Session, m: str, start: date, end: date) -> int:
    """Photos of manager ``m``'s finished visits dated ``start``..``end`` (inclusive)."""
    n = s.scalar(
        select(func.count(VisitPhoto.id))
        .join(Visit, Visit.id == VisitPhoto.visit_id)
        .where(Visit.manager_id == m, Visit.status == "done", Visit.visit_date.between(start, end))
    )
    return int(n or 0)


class VisitPhotoService:
    def __init__(self, db: Sessions) -> None:
        self.db = db

    # --- reading ---------------------------------------------------------------------------
    def of_visit(self, visit_id: str) -> list[PhotoView]:
        with self.db.reading() as s:
            return photos_of(s, [visit_id], self.db.attachments_dir())[visit_id]

    def of_visits(self, visit_ids: Sequence[str]) -> dict[str, list[PhotoView]]:
        with self.db.reading() as s:
            return photos_of(s, visit_ids, self.db.attachments_dir())

    @staticmethod
    def _visit(s: Session, visit_id: str) -> Visit:
        v = s.get(Visit, visit_id)
        if v is None:
            raise NotFound("visit", id=visit_id)
        return v

    # --- adding and removing --------------------------------------------------------------------
    def add(self, visit_id: str, sources: Sequence[Path], reason: str = "") -> Added:
        """Attach ``sources`` (photo files) to the visit. Every file is checked first (an
        accepted image by its header, within the size limit): one refused file refuses them
        all, naming it, and nothing is kept. A content the visit holds already is not attached
        again. A finished visit needs ``reason`` (a correction, in the audit trail)."""
        sources = [Path(p) for p in sources]
        for path in sources:
            check_photo(path)
        folder = self.db.attachments_dir()
        rules = photo_rules()
        kept = [
            (
                path,
                store_file(
                    path,
                    folder,
                    max_bytes=rules.max_bytes,
                    code="photo_too_large",
                    field="photo",
                ),
            )
            for path in sources
        ]
        with self.db.writing(TOPIC) as s:
            v = self._visit(s, visit_id)
            have = set(s.scalars(select(VisitPhoto.sha256).where(VisitPhoto.visit_id == v.id)))
            new: list[VisitPhoto] = []
            for path, stored in kept:
                if stored.sha256 in have:
                    continue
                have.add(stored.sha256)
                new.append(
                    VisitPhoto(
                        visit_id=v.id,
                        sha256=stored.sha256,
                        stored_name=stored.stored_name,
                        original_name=clean_text(path.name)[:200] or stored.stored_name,
                        size=stored.size,
                        taken_at=taken_at(path),
                        added_at=clock.now_precise(),
                    )
                )
            if new and v.status == "done":
                changes = {f"photos.{p.sha256[:12]}": (None, p.original_name) for p in new}
                audit.record_change(s, v, "visit", changes, reason)
            s.add_all(new)
            if new:
                v.updated_at = clock.now()
            s.flush()
            return Added(tuple(_view(p, folder) for p in new), len(kept) - len(new))

    def remove(self, photo_id: str, reason: str = "") -> None:
        """Take a photo off its visit (the kept file stays: a backup or another record may name
        it). A finished visit needs ``reason`` (a correction, in the audit trail)."""
        with self.db.writing(TOPIC) as s:
            p = s.get(VisitPhoto, photo_id)
            if p is None:
                raise NotFound("visit_photo", id=photo_id)
            v = self._visit(s, p.visit_id)
            if v.status == "done":
                change = {f"photos.{p.sha256[:12]}": (p.original_name, None)}
                audit.record_change(s, v, "visit", change, reason)
            s.delete(p)
            v.updated_at = clock.now()

    # --- the phone's synced folder -----------------------------------------------------------
    def folder(self) -> Path | None:
        """The folder the phone's photos are synced to (None when not set)."""
        with self.db.reading() as s:
            value = get_setting(s, PHOTO_FOLDER_KEY)
        return Path(value) if value else None

    def set_folder(self, folder: Path | None) -> Path | None:
        """Remember the phone's folder (None or an empty path forgets it); it must exist."""
        text = str(folder).strip() if folder is not None else ""
        if text and not Path(text).is_dir():
            raise InvalidValue("photo_folder_missing", field="photo_folder", folder=text)
        with self.db.writing() as s:
            set_setting(s, PHOTO_FOLDER_KEY, str(Path(text).absolute()) if text else "")
        return Path(text).absolute() if text else None

    def offered(self, visit_id: str) -> list[FolderPhoto]:
        """The photos in the phone's folder taken during the visit (arrival to departure, or
        to now while the visit goes on) that the visit does not hold yet. Empty when no
        folder is set."""
        folder = self.folder()
        if folder is None:
            return []
        with self.db.reading() as s:
            v = self._visit(s, visit_id)
            start, end = v.arrived_at, v.left_at or clock.now()
            rows = s.execute(
                select(VisitPhoto.sha256, VisitPhoto.size).where(VisitPhoto.visit_id == v.id)
            )
            have: dict[str, int] = {row[0]: row[1] for row in rows}
        if start is None:
            raise InvalidValue("photo_visit_not_started", field="photo")
        found = photos_taken_between(folder, start, max(start, end))
        sizes = set(have.values())
        # only a file of an attached photo's size can be that photo: the others are not read
        return [p for p in found if p.size not in sizes or file_sha256(p.path) not in have]
