"""店面照片 on the visit screen: a file dropped on the screen becomes a thumbnail of the visit,
the phone folder's photos of the visit are one key away, an earlier visit's photos show in
以往走访, a finished visit's photo is removed only with a reason, and the week page counts
them (the core's figure)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from qt_support import MONDAY, monday_at, monday_worked, open_page
from sample_data import write_photo

from fieldbook.core.journal import Journal
from fieldbook.core.routine.week import label_for
from fieldbook.qt.pages.visit_page import VisitPage
from fieldbook.qt.pages.week_page import WeekPage
from fieldbook.qt.widgets.form_fields import NoteEdit


@pytest.fixture
def page(qtbot, day_ready):
    yield from open_page(qtbot, VisitPage, day_ready, wait="active")


def _open(qtbot, page, journal: Journal):
    stop = journal.plans.get(MONDAY).stops[0]
    with qtbot.waitSignal(page.opened):
        page.open_stop(MONDAY, stop.id)
    return stop


def _arrive(qtbot, page, journal: Journal):
    stop = _open(qtbot, page, journal)
    with qtbot.waitSignal(page.side.photos.shown):
        page.times.arrive()
    return journal.visits.for_customer_on(stop.customer_id, MONDAY)


def _drop(page, paths: list[Path], target=None) -> None:
    """Drag ``paths`` over ``target`` (the visit screen itself by default) and drop them."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    data.setText("\n".join(str(p) for p in paths))  # as file managers do: a text field takes it
    for kind in (QDragEnterEvent, QDropEvent):
        event = kind(
            QPointF(5, 5),
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(target or page, event)
        assert event.isAccepted()


def test_a_dropped_photo_shows_as_a_thumbnail_of_the_visit(qtbot, page, day_ready, tmp_path):
    photos = page.side.photos
    _open(qtbot, page, day_ready)
    assert not photos.isEnabled()  # before arrival there is no visit to attach to
    visit = _arrive(qtbot, page, day_ready)
    assert photos.strip.count() == 0
    shot = write_photo(tmp_path / "货架.png")
    with qtbot.waitSignal(photos.shown):
        _drop(page, [shot])
    assert photos.strip.count() == 1
    item = photos.strip.item(0)
    assert not item.icon().isNull() and "货架.png" in item.toolTip()
    size = item.icon().availableSizes()[0]
    assert max(size.width(), size.height()) <= photos.strip.iconSize().width()
    assert [p.original_name for p in day_ready.photos.of_visit(visit.id)] == ["货架.png"]
    with qtbot.waitSignal(photos.shown):
        _drop(page, [shot])  # the same photo again: attached once
    assert photos.strip.count() == 1


def test_a_photo_dropped_on_a_note_field_is_attached_not_typed(qtbot, page, day_ready, tmp_path):
    photos = page.side.photos
    _arrive(qtbot, page, day_ready)
    page.set_status("open")
    qtbot.waitUntil(lambda: any(n.isVisible() for n in page.form.findChildren(NoteEdit)))
    note = next(n for n in page.form.findChildren(NoteEdit) if n.isVisible())
    with qtbot.waitSignal(photos.shown):
        _drop(page, [write_photo(tmp_path / "IMG_7.png")], note.viewport())
    assert photos.strip.count() == 1 and note.toPlainText() == ""


def test_a_file_that_is_not_a_photo_is_refused_with_its_name(qtbot, page, day_ready, tmp_path):
    photos = page.side.photos
    visit = _arrive(qtbot, page, day_ready)
    fake = tmp_path / "货架.jpg"
    fake.write_text("not an image")
    _drop(page, [fake])
    qtbot.waitUntil(lambda: "货架.jpg" in photos.note.text())
    assert day_ready.photos.of_visit(visit.id) == []


def test_alt_p_attaches_the_phone_folders_photos_of_the_visit(qtbot, page, day_ready, tmp_path):
    phone = tmp_path / "phone"
    during = write_photo(phone / "IMG_0001.png")
    before = write_photo(phone / "IMG_0000.png", rgb=(1, 2, 3))
    day_ready.photos.set_folder(phone)
    photos = page.side.photos
    visit = _arrive(qtbot, page, day_ready)  # arrived now (the pinned clock); still there
    arrived = visit.arrived_at.timestamp()
    os.utime(during, (arrived + 60, arrived + 60))
    os.utime(before, (arrived - 3600, arrived - 3600))  # an hour before: another shop
    with qtbot.waitSignal(photos.shown):
        photos.reload()
    assert not photos.phone_button.isHidden() and "1 张" in photos.phone_button.text()
    with qtbot.waitSignal(photos.shown):
        page.setFocus()
        qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert photos.strip.count() == 1 and photos.phone_button.isHidden()
    assert [p.original_name for p in day_ready.photos.of_visit(visit.id)] == ["IMG_0001.png"]


def test_earlier_visits_show_their_photos(qtbot, page, day_ready, tmp_path):
    stop = day_ready.plans.get(MONDAY).stops[0]
    earlier = day_ready.visits.start(
        stop.customer_id, at=monday_at("09:00").replace(day=23), plan_stop_id=None
    )
    day_ready.visits.set_shop_status(earlier.id, "closed")
    day_ready.visits.finish(earlier.id, at=monday_at("09:05").replace(day=23))
    day_ready.photos.add(earlier.id, [write_photo(tmp_path / "上周.png")], reason="补拍")
    history = page.side.history
    _open(qtbot, page, day_ready)
    qtbot.waitUntil(lambda: len(history.images) == 1)
    assert "照片 1 张" in history.toPlainText()
    photo_id = next(iter(history.images))
    assert not history.loadResource(2, QUrl(f"photo:{photo_id}")).isNull()


def test_a_finished_visits_photo_is_removed_only_with_a_reason(qtbot, page, day_ready, tmp_path):
    stop = day_ready.plans.get(MONDAY).stops[0]
    v = day_ready.visits.start(stop.customer_id, at=monday_at("07:40"), plan_stop_id=stop.id)
    day_ready.visits.set_shop_status(v.id, "closed")
    day_ready.visits.finish(v.id, at=monday_at("07:45"))
    day_ready.photos.add(v.id, [write_photo(tmp_path / "a.png")], reason="补拍")
    photos = page.side.photos
    with qtbot.waitSignal(photos.shown):
        page.open_visit(v.id)
    assert photos.strip.count() == 1
    photos.strip.setCurrentRow(0)
    photos.ask_reason = lambda _prompt: None  # cancelled: nothing changes
    photos.remove_selected()
    assert len(day_ready.photos.of_visit(v.id)) == 1
    photos.ask_reason = lambda _prompt: "拍错了店"
    with qtbot.waitSignal(photos.shown):
        photos.remove_selected()
    assert photos.strip.count() == 0 and day_ready.photos.of_visit(v.id) == []
    qtbot.waitUntil(lambda: "拍错了店" in page.record_history.toPlainText())
    assert "店面照片" in page.record_history.toPlainText()  # 修改记录 names what changed


def test_the_week_page_counts_the_photos(qtbot, day_ready, tmp_path):
    week = monday_worked(
        day_ready, tmp_path / "orders.xlsx", (("07:41", "07:55"), ("08:05", "08:15"))
    )
    visit = week.visits.list_between(MONDAY, MONDAY)[0]
    shots = [write_photo(tmp_path / f"{n}.png", rgb=(n, n, n)) for n in range(2)]
    week.photos.add(visit.id, shots, reason="补拍")
    assert week.weeks.figures(label_for(MONDAY)).photos == 2
    for page in open_page(qtbot, WeekPage, week, (1400, 900), wait="ready"):
        assert page.figures.text_of("photos") == "2 张"
