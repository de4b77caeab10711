"""同步冲突 on the settings page (decision 0029): the conflicts a sync reported are listed, one
row each (what, which record, what was kept), until marked seen."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from qt_support import make_ctx
from sqlalchemy.engine import make_url
from sync_support import MON, laptop

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.routine.week import label_for
from fieldbook.core.server.sync import sync
from fieldbook.core.server.sync_conflicts import store_conflicts, stored_conflicts
from fieldbook.core.server.sync_report import SyncConflict
from fieldbook.qt.pages.settings_page import SettingsPage
from fieldbook.qt.widgets.sync_conflicts import SyncConflictsBox

LABEL = label_for(MON)


def _cells(box: SyncConflictsBox) -> list[list[str]]:
    table = box.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


@pytest.mark.sqlite
def test_the_stored_conflicts_are_listed_until_marked_seen(qtbot, ctx, filled):
    store_conflicts(
        filled,
        [
            SyncConflict("newer_on_server", "week_reports", "w1", "2026-W49", "server", "x"),
            SyncConflict("delivery_moved_both", "slip_deliveries", "d1", "FK-1 phone", "server"),
        ],
    )
    box = SyncConflictsBox(ctx)
    qtbot.addWidget(box)
    qtbot.waitUntil(lambda: box.table.rowCount() == 2)
    rows = _cells(box)
    assert [r[1:4] for r in rows] == [
        ["部门和您同时改了投递状态", "反馈单投递 FK-1 phone", "服务器上的版本"],
        ["另一台电脑改过的更新", "周报 2026-W49", "服务器上的版本"],
    ]
    assert "2 条" in box.summary.text() and box.seen_button.isVisibleTo(box)
    box.seen_button.click()
    qtbot.waitUntil(lambda: box.table.rowCount() == 0)
    assert box.summary.text() == "没有未查看的同步冲突。"
    assert not box.table.isVisibleTo(box) and stored_conflicts(filled) == []


@pytest.mark.postgresql
def test_a_conflict_found_by_the_sync_button_is_listed(
    qtbot, tmp_path: Path, template_db: Path, pg_database: str
):
    start: datetime = clock.now()
    one = laptop(tmp_path, template_db, 1)
    sync(one, pg_database)
    url = one.url
    one.close()
    second_path = tmp_path / "second.sqlite3"
    shutil.copyfile(make_url(url).database or "", second_path)
    second = Journal.open(f"sqlite:///{second_path}")
    with second.engine.begin() as con:  # a second laptop is its own origin (decision 0030)
        con.exec_driver_sql("DELETE FROM settings WHERE key = 'sync.audit_origin'")
    one = Journal.open(url)
    try:
        with clock.pinned(start + timedelta(hours=1), running=False):
            one.weeks.correct(LABEL, "problems", "先改", "补充")
        with clock.pinned(start + timedelta(hours=2), running=False):
            second.weeks.correct(LABEL, "problems", "后改", "补充")
            sync(second, pg_database)
        with clock.pinned(start + timedelta(hours=3), running=False):
            page = SettingsPage(make_ctx(one))
            qtbot.addWidget(page)
            qtbot.waitUntil(lambda: page.is_ready)
            page.server_edit.setText(pg_database)
            page.sync_button.click()
            qtbot.waitUntil(lambda: page.sync_button.isEnabled())
            assert "另一台电脑改过的更新：周报" in page.sync_label.text()
            qtbot.waitUntil(lambda: page.conflicts.table.rowCount() == 1)
        assert _cells(page.conflicts)[0][1:4] == [
            "另一台电脑改过的更新",
            f"周报 {LABEL}",
            "服务器上的版本",
        ]
    finally:
        second.close()
        one.close()
