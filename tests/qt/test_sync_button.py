"""The sync button on the settings page: the address is remembered, the password is not, and
the result (or why it failed) is shown on the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from qt_support import make_ctx
from sqlalchemy.engine import make_url
from sync_support import laptop

from fieldbook.core import clock
from fieldbook.core.server import sync as sync_module
from fieldbook.core.server.sync import SERVER_KEY
from fieldbook.core.server.sync_report import SyncError
from fieldbook.qt.pages.settings_page import SettingsPage

pytestmark = pytest.mark.postgresql


def test_sync_from_the_settings_page(qtbot, tmp_path: Path, template_db: Path, pg_database: str):
    j = laptop(tmp_path, template_db, 1)
    try:
        page = SettingsPage(make_ctx(j))
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.is_ready)
        page.server_edit.setText("mysql://nope")
        page.sync_button.click()
        assert "请填写部门服务器地址" in page.sync_label.text()

        page.server_edit.setText(pg_database)
        page.password_edit.setText("not-needed-here")  # trust auth: any password goes
        page.sync_button.click()
        qtbot.waitUntil(lambda: page.sync_button.isEnabled())
        assert "同步完成" in page.sync_label.text() and "走访 3" in page.sync_label.text()
        with j.reading() as s:
            stored = j.get_setting(s, SERVER_KEY)
        assert make_url(stored).password is None and "not-needed-here" not in stored

        page.server_edit.setText(pg_database.rsplit("/", 1)[0] + "/no_such_database")
        page.sync_button.click()
        qtbot.waitUntil(lambda: page.sync_button.isEnabled())
        assert "同步" in page.sync_label.text() and "no_such_database" in page.sync_label.text()
    finally:
        j.close()


def test_a_busy_server_is_shown_while_the_sync_waits(
    qtbot, tmp_path: Path, template_db: Path, pg_database: str, monkeypatch: pytest.MonkeyPatch
):
    """The server refuses the first attempt (no free connection): while the sync waits before
    trying again the page says so, then the sync completes and the page says that."""
    refused: list[int] = []
    real_attempt = sync_module._attempt

    def attempt(run):
        if not refused:
            refused.append(1)
            raise SyncError("busy", "too many clients already")
        return real_attempt(run)

    shown_while_waiting: list[str] = []

    def wait(_seconds: float) -> None:  # the back-off: what the page says meanwhile
        shown_while_waiting.append(page.sync_label.text())

    monkeypatch.setattr(sync_module, "_attempt", attempt)
    monkeypatch.setattr(clock, "sleep", wait)
    j = laptop(tmp_path, template_db, 1)
    try:
        page = SettingsPage(make_ctx(j))
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.is_ready)
        page.server_edit.setText(pg_database)
        page.sync_button.click()
        qtbot.waitUntil(lambda: page.sync_button.isEnabled())
        assert shown_while_waiting == ["服务器繁忙，正在重试…"]
        assert "同步完成" in page.sync_label.text() and "走访 3" in page.sync_label.text()
    finally:
        j.close()
