"""Shelf photos of a visit: kept once by content, attached once, checked by their header and
size, removed freely from a draft and only as an audited correction from a finished visit,
offered from the phone's folder by the visit's times, counted in the week."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest

from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.reports.week_queries import read_period
from fieldbook.core.routine.week import label_for, report_period
from fieldbook.core.store.audit import history
from tests.sample_data import write_photo

MON = date(2026, 11, 30)


def t(hm: str) -> datetime:
    return datetime.fromisoformat(f"2026-11-30 {hm}")


def draft(world: Journal) -> str:
    return world.visits.start(world.customers.by_code("M001").id, at=t("07:35")).id


def finished(world: Journal) -> str:
    vid = draft(world)
    world.visits.set_shop_status(vid, "closed")
    world.visits.finish(vid, at=t("07:45"))
    return vid


def test_add_keeps_one_copy_by_content_and_attaches_it_once(world: Journal, tmp_path: Path) -> None:
    vid = draft(world)
    a = write_photo(tmp_path / "IMG_001.png")
    same = tmp_path / "copy" / "IMG_001 (1).png"
    same.parent.mkdir()
    same.write_bytes(a.read_bytes())
    b = write_photo(tmp_path / "IMG_002.PNG", rgb=(10, 200, 10))

    added = world.photos.add(vid, [a, same, b])
    assert [p.original_name for p in added.photos] == ["IMG_001.png", "IMG_002.PNG"]
    assert added.already == 1
    again = world.photos.add(vid, [same])
    assert again.photos == () and again.already == 1
    photos = world.photos.of_visit(vid)
    assert len(photos) == 2
    kept = sorted(p.name for p in world.attachments_dir().iterdir())
    assert kept == sorted(p.path.name for p in photos)  # one file per content
    assert photos[0].path.read_bytes() == a.read_bytes()
    assert photos[0].path.name.startswith(photos[0].sha256[:32])
    assert a.exists() and b.exists()  # the sources are left alone


def test_a_file_that_is_not_an_image_is_refused_by_its_header(
    world: Journal, tmp_path: Path
) -> None:
    vid = draft(world)
    good = write_photo(tmp_path / "ok.png")
    fake = tmp_path / "shelf.jpg"
    fake.write_bytes(b"this is text, whatever the name says")
    with pytest.raises(InvalidValue) as err:
        world.photos.add(vid, [good, fake])
    assert err.value.detail == "photo_not_image" and err.value.data["file"] == "shelf.jpg"
    assert world.photos.of_visit(vid) == []  # one refused file: nothing attached
    heic = tmp_path / "IMG_9.HEIC"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic")
    with pytest.raises(InvalidValue) as err:
        world.photos.add(vid, [heic])
    assert err.value.detail == "photo_heic"
    jpeg_named_png = tmp_path / "real.png"
    jpeg_named_png.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    assert len(world.photos.add(vid, [jpeg_named_png]).photos) == 1  # a JPEG, whatever its name


def test_a_photo_over_the_size_limit_is_refused_naming_the_file(
    world: Journal, tmp_path: Path
) -> None:
    vid = draft(world)
    big = write_photo(tmp_path / "huge.png")
    with open(big, "ab") as fh:
        fh.truncate(15 * 1024 * 1024 + 1)
    with pytest.raises(InvalidValue) as err:
        world.photos.add(vid, [big])
    assert err.value.detail == "photo_too_large" and err.value.data["file"] == "huge.png"
    assert err.value.data["max_mb"] == 15
    assert world.photos.of_visit(vid) == []


def test_remove_from_a_draft_freely_from_a_finished_visit_with_a_reason(
    world: Journal, tmp_path: Path
) -> None:
    vid = draft(world)
    photo = world.photos.add(vid, [write_photo(tmp_path / "a.png")]).photos[0]
    world.photos.remove(photo.id)
    assert world.photos.of_visit(vid) == []
    assert photo.path.exists()  # the kept file stays: a backup may name it

    done = finished(world)
    with pytest.raises(InvalidValue) as err:
        world.photos.add(done, [write_photo(tmp_path / "b.png", rgb=(1, 2, 3))])
    assert err.value.detail == "reason_required"
    assert world.photos.of_visit(done) == []
    kept = world.photos.add(done, [tmp_path / "b.png"], reason="补拍的照片").photos[0]
    with pytest.raises(InvalidValue):
        world.photos.remove(kept.id)
    assert len(world.photos.of_visit(done)) == 1
    world.photos.remove(kept.id, reason="拍错了店")
    assert world.photos.of_visit(done) == []
    changes = history(world, "visit", done)
    assert [(c.reason, c.old_value, c.new_value) for c in changes] == [
        ("补拍的照片", None, "b.png"),
        ("拍错了店", "b.png", None),
    ]


def test_the_phone_folder_offers_the_photos_taken_during_the_visit(
    world: Journal, tmp_path: Path
) -> None:
    vid = draft(world)  # arrived 07:35
    world.visits.leave(vid, at=t("07:50"))
    phone = tmp_path / "phone"
    assert world.photos.offered(vid) == []  # no folder set: nothing offered
    with pytest.raises(InvalidValue):
        world.photos.set_folder(tmp_path / "missing")

    def shot(name: str, hm: str, rgb: tuple[int, int, int]) -> Path:
        path = write_photo(phone / name, rgb=rgb)
        stamp = t(hm).timestamp()
        os.utime(path, (stamp, stamp))
        return path

    before = shot("IMG_1.png", "07:20", (1, 1, 1))
    during = shot("IMG_2.png", "07:40", (2, 2, 2))
    slack = shot("IMG_3.png", "07:51", (3, 3, 3))  # a minute after leaving: still this visit
    after = shot("IMG_4.png", "08:30", (4, 4, 4))
    text = phone / "notes.png"
    text.write_text("not a photo")
    os.utime(text, (t("07:41").timestamp(),) * 2)
    assert world.photos.set_folder(phone) == phone.absolute()
    offered = world.photos.offered(vid)
    assert [p.path for p in offered] == [during, slack]
    assert offered[0].taken_at == t("07:40")
    world.photos.add(vid, [during])
    assert [p.path for p in world.photos.offered(vid)] == [slack]  # attached ones are not offered
    assert before.exists() and after.exists()


def test_the_week_counts_the_photos_of_finished_visits(world: Journal, tmp_path: Path) -> None:
    label = label_for(MON)
    done = finished(world)
    world.photos.add(done, [write_photo(tmp_path / "a.png")], reason="补拍")
    world.photos.add(done, [write_photo(tmp_path / "b.png", rgb=(9, 9, 9))], reason="补拍")
    other = world.visits.start(world.customers.by_code("M002").id, at=t("08:00")).id
    world.photos.add(other, [write_photo(tmp_path / "c.png", rgb=(7, 7, 7))])  # a draft
    assert world.weeks.figures(label).photos == 2
    start, end = report_period(label)
    assert read_period(world, start, end).photos == 2  # the workbook's figure: the same count
