"""A visit's shelf photos, run on the DB worker: reading them with their thumbnails (decoded
here, off the GUI thread, by ``QImageReader`` at the size shown — cheap even for a 15 MB
photo), the phone folder's offer, adding and removing, and the phone folder setting."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageReader

from fieldbook.core.errors import FieldbookError
from fieldbook.core.journal import Journal
from fieldbook.core.routine.photo_files import FolderPhoto
from fieldbook.core.routine.visit_photos import Added, PhotoView

#: The edge of a thumbnail on the visit screen and in 以往走访 (pixels).
THUMB_EDGE = 72


def thumbnail(path: Path, edge: int = THUMB_EDGE) -> QImage:
    """The image at ``path`` scaled to fit ``edge``×``edge`` while decoding (never the whole
    image in memory); turned as the camera said (EXIF). A null image when unreadable."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and size.width() > 0 and size.height() > 0:
        reader.setScaledSize(size.scaled(QSize(edge, edge), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return image if not image.isNull() else QImage()


@dataclass(frozen=True)
class PhotoStrip:
    """What the visit screen shows of one visit's photos."""

    visit_id: str
    photos: tuple[PhotoView, ...]
    images: dict[str, QImage]  # photo id -> thumbnail
    offered: tuple[FolderPhoto, ...] = ()
    folder_set: bool = False
    #: why the phone folder could not be read (the folder is gone, no arrival yet)
    problem: FieldbookError | None = None


def load_strip(j: Journal, visit_id: str) -> PhotoStrip:
    photos = tuple(j.photos.of_visit(visit_id))
    images = {p.id: thumbnail(p.path) for p in photos}
    folder_set = j.photos.folder() is not None
    try:
        offered = tuple(j.photos.offered(visit_id))
        problem = None
    except FieldbookError as exc:
        offered, problem = (), exc
    return PhotoStrip(visit_id, photos, images, offered, folder_set, problem)


def history_thumbnails(
    j: Journal, visit_ids: Sequence[str], edge: int = THUMB_EDGE
) -> dict[str, list[tuple[PhotoView, QImage]]]:
    """The photos of earlier visits with their thumbnails (for 以往走访)."""
    return {
        vid: [(p, thumbnail(p.path, edge)) for p in photos]
        for vid, photos in j.photos.of_visits(list(visit_ids)).items()
    }


def add_photos(j: Journal, visit_id: str, paths: Sequence[Path], reason: str = "") -> Added:
    return j.photos.add(visit_id, [Path(p) for p in paths], reason)


def attach_from_folder(j: Journal, visit_id: str, reason: str = "") -> Added:
    """Alt+P: the phone folder's photos of the visit, scanned now, all attached."""
    return j.photos.add(visit_id, [p.path for p in j.photos.offered(visit_id)], reason)


def remove_photo(j: Journal, photo_id: str, reason: str = "") -> None:
    j.photos.remove(photo_id, reason)


def load_photo_folder(j: Journal) -> str:
    folder = j.photos.folder()
    return str(folder) if folder is not None else ""


def save_photo_folder(j: Journal, folder: str) -> str:
    saved = j.photos.set_folder(Path(folder) if folder.strip() else None)
    return str(saved) if saved is not None else ""
