"""The one content-addressed store beside the database: slip attachments and visit photos in
one folder, and backups that carry the files their rows name (a restore brings them back)."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from fieldbook.core.journal import Journal
from fieldbook.core.slips.service import SlipInput
from fieldbook.core.sqlite_files import backup_dir_for
from fieldbook.core.store.backup import create_backup
from fieldbook.core.store.file_store import is_stored_name
from fieldbook.core.store.restore import restore_backup
from tests.sample_data import write_photo


def _slip(world: Journal) -> str:
    cid = world.customers.by_code("M001").id
    slip = world.slips.create(SlipInput("violation", "发现疑似假烟两条", cid, sub_reason="假烟"))
    return str(slip.id)


def test_slips_and_photos_share_one_store(world: Journal, tmp_path: Path) -> None:
    photo = write_photo(tmp_path / "shelf.png")
    vid = world.visits.start(world.customers.by_code("M001").id, at=datetime(2026, 11, 30, 8)).id
    kept = world.photos.add(vid, [photo]).photos[0]
    att = world.slips.attach(_slip(world), photo, world.attachments_dir())
    assert att.path == kept.path and att.sha256 == kept.sha256
    assert list(world.attachments_dir().iterdir()) == [kept.path]


def test_a_backup_carries_its_photos_and_a_restore_brings_them_back(
    world: Journal, db_path: Path, tmp_path: Path
) -> None:
    vid = world.visits.start(world.customers.by_code("M001").id, at=datetime(2026, 11, 30, 8)).id
    photo = world.photos.add(vid, [write_photo(tmp_path / "shelf.png")]).photos[0]
    att = world.slips.attach(
        _slip(world), write_photo(tmp_path / "licence.png", rgb=(1, 2, 3)), world.attachments_dir()
    )
    backup = create_backup(world.engine)
    carried = backup_dir_for(db_path) / "attachments"
    assert sorted(p.name for p in carried.iterdir()) == sorted([photo.path.name, att.path.name])
    world.close()

    shutil.rmtree(db_path.parent / "attachments")  # the laptop's files are gone
    result = restore_backup(db_path, backup)
    assert result.files_restored == 2 and result.files_missing == ()
    assert photo.path.read_bytes() == (tmp_path / "shelf.png").read_bytes()
    assert att.path.read_bytes() == (tmp_path / "licence.png").read_bytes()
    j = Journal.open(f"sqlite:///{db_path}")
    try:
        assert [p.path for p in j.photos.of_visit(vid)] == [photo.path]
    finally:
        j.close()


def test_a_backup_elsewhere_carries_its_files_with_it(
    world: Journal, db_path: Path, tmp_path: Path
) -> None:
    vid = world.visits.start(world.customers.by_code("M001").id, at=datetime(2026, 11, 30, 8)).id
    photo = world.photos.add(vid, [write_photo(tmp_path / "shelf.png")]).photos[0]
    usb = tmp_path / "usb"
    backup = create_backup(world.engine, dest_dir=usb, thin=False)
    world.close()
    shutil.rmtree(db_path.parent / "attachments")
    shutil.rmtree(backup_dir_for(db_path), ignore_errors=True)
    result = restore_backup(db_path, backup)
    assert result.files_restored == 1 and photo.path.exists()


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("ab" * 16 + ".jpg", True),
        ("ab" * 16, True),
        ("../../escaped.jpg", False),
        ("ab" * 16 + "/../../x", False),
        ("ab" * 16 + ".j\\pg", False),
        ("/etc/passwd", False),
        ("cd" * 16 + ".jpg", False),  # another content's name
        ("ab" * 16 + ".a.b", False),
        ("ab" * 16 + ".jpg\x00", False),
    ],
)
def test_a_kept_files_name_is_never_a_path(name: str, kept: bool) -> None:
    """A row from a server may name its file anything (decision 0034)."""
    assert is_stored_name("ab" * 32, name) is kept
