from __future__ import annotations

import pytest

from fieldbook.qt.pages.settings_page import SettingsPage


@pytest.mark.sqlite
def test_shows_and_saves_the_profile(qtbot, ctx, filled):
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.is_ready)
    assert page.form.name_edit.text() == "王建国"
    assert page.form.territory_edit.text() == "新兴一片区"
    assert str(filled.db_path) in page.db_label.text()
    assert str(filled.db_path.parent) in page.folder_label.text()
    page.form.territory_edit.setText("新兴二片区")
    page.save_button.click()
    qtbot.waitUntil(lambda: page.saved_label.text() == "已保存")
    assert filled.profile.get().territory == "新兴二片区"


def test_an_empty_name_is_refused(qtbot, ctx, filled):
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.is_ready)
    page.form.name_edit.clear()
    page.save_button.click()
    assert page.form.error_label.isVisibleTo(page)
    assert filled.profile.get().name == "王建国"


@pytest.mark.sqlite
def test_about_shows_the_version_and_where_the_data_is(qtbot, ctx, filled):
    from fieldbook import __version__

    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.is_ready)
    dialog = page.show_about()
    qtbot.addWidget(dialog)
    assert dialog.version_label.text() == __version__
    assert dialog.db_label.text() == str(filled.db_path)
    assert dialog.backup_label.text() == str(filled.db_path.parent / "backups")


def test_the_language_choice_is_kept_for_the_next_start(qtbot, ctx, monkeypatch):
    from PySide6.QtCore import QSettings

    from fieldbook.qt import i18n

    monkeypatch.delenv("FIELDBOOK_LANG", raising=False)
    QSettings().remove(i18n.SETTING)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    assert page.language.currentData() == "zh_CN"
    page.language.setCurrentIndex(page.language.findData("en"))
    assert i18n.chosen_language() == "en"
    assert "重新启动" in page.language_note.text()
    QSettings().remove(i18n.SETTING)
    assert i18n.chosen_language() == "zh_CN"
