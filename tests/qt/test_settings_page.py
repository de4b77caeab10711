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


def test_the_forms_unit_is_shown_edited_and_saved(qtbot, ctx, filled):
    from fieldbook.core.master.form_unit import FormUnit

    filled.form_unit.save(FormUnit("七台河市烟草公司", "营销中心（市场部）"))
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.is_ready)
    assert page.unit_form.company_edit.text() == "七台河市烟草公司"
    assert page.unit_form.center_edit.text() == "营销中心（市场部）"
    assert page.unit_form.mark_check.isChecked()
    page.unit_form.center_edit.setText("市场部")
    page.unit_form.mark_check.setChecked(False)
    page.save_button.click()
    qtbot.waitUntil(lambda: page.saved_label.text() == "已保存")
    assert filled.form_unit.get() == FormUnit("七台河市烟草公司", "市场部", confidential=False)


def test_a_too_long_company_is_refused_and_nothing_saved(qtbot, ctx, filled):
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.is_ready)
    page.form.territory_edit.setText("新兴二片区")
    page.unit_form.company_edit.setMaxLength(100)  # a pasted or imported name can be longer
    page.unit_form.company_edit.setText("长" * 41)
    page.save_button.click()
    assert page.unit_form.error_label.isVisibleTo(page)
    assert "公司名称" in page.unit_form.error_label.text()
    assert filled.profile.get().territory == "新兴一片区"  # the profile is not saved either
    assert filled.form_unit.get().company == ""


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


@pytest.mark.sqlite
def test_a_password_typed_into_the_server_address_is_not_stored(qtbot, ctx, filled):
    from fieldbook.core.server.sync import SERVER_KEY

    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.is_ready)
    page.server_edit.setText("postgresql+psycopg://qth001:hunter2@127.0.0.1:1/fieldbook")
    page.sync_button.click()  # nothing listens on port 1: the sync fails, the address is kept
    qtbot.waitUntil(lambda: page.sync_button.isEnabled())
    with filled.reading() as s:
        stored = filled.get_setting(s, SERVER_KEY)
    assert stored == "postgresql+psycopg://qth001@127.0.0.1:1/fieldbook"


def test_a_sync_conflict_is_shown_one_line_per_customer(qtbot, ctx, filled):
    from fieldbook.core.server.sync_held import SyncProblem
    from fieldbook.core.server.sync_report import SyncReport

    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.is_ready)
    page._synced(
        SyncReport(
            pushed={"visits": 3},
            problems=[SyncProblem("customer_elsewhere", "23091002", held=4)],
            notices=[SyncProblem("customer_moved", "23091005")],
        )
    )
    lines = page.sync_label.text().splitlines()
    assert len(lines) == 3 and "走访 3" in lines[0]
    assert "23091002" in lines[1] and "4 条" in lines[1] and "reassign-customer" in lines[1]
    assert "23091005" in lines[2]


def test_the_density_choice_is_kept_for_the_next_start(qtbot, ctx, monkeypatch):
    from PySide6.QtCore import QSettings

    from fieldbook.qt import density

    monkeypatch.delenv("FIELDBOOK_DENSITY", raising=False)
    QSettings().remove(density.SETTING)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    assert page.density.currentData() == "auto"
    page.density.setCurrentIndex(page.density.findData("comfortable"))
    assert density.chosen_density() == "comfortable" and not density.is_compact()
    assert "重新启动" in page.density_note.text()
    QSettings().remove(density.SETTING)
