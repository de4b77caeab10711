from __future__ import annotations

import pytest

from fieldbook.qt.pages.welcome_page import WelcomePage


@pytest.fixture
def page(qtbot, empty_ctx):
    page = WelcomePage(empty_ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def _fill(page: WelcomePage) -> None:
    form = page.form
    form.name_edit.setText("刘洋")
    form.code_edit.setText("QTH007")
    form.unit_edit.setText("茄子河区营销部")
    form.territory_edit.setText("茄子河二片区")
    form.phone_edit.setText("13945670000")


def test_profile_is_required_before_going_on(page):
    page.form.name_edit.setText("刘洋")
    page.next_button.click()
    assert page.steps.currentIndex() == 0
    assert "员工编号" in page.form.error_label.text() or "编码" in page.form.error_label.text()


def test_saving_the_profile_before_importing(qtbot, page, empty_journal, monkeypatch):
    from fieldbook.qt.dialogs.import_dialog import ImportDialog

    monkeypatch.setattr(ImportDialog, "choose_file", lambda self: None)
    _fill(page)
    page.next_button.click()
    assert page.steps.currentIndex() == 1
    assert "刘洋" in page.hello.text()
    assert empty_journal.profile.get() is None  # not saved until the user picks what's next
    with qtbot.waitSignal(page.profile_saved):
        page.import_button.click()
    profile = empty_journal.profile.get()
    assert (
        profile.name,
        profile.code,
        profile.district_unit,
        profile.territory,
        profile.phone,
    ) == (
        "刘洋",
        "QTH007",
        "茄子河区营销部",
        "茄子河二片区",
        "13945670000",
    )
    assert page.import_dialog.isVisible()
    with qtbot.waitSignal(page.finished):
        page.import_dialog.reject()


@pytest.mark.slow  # generates a demo database
def test_loading_demo_data_then_keeping_the_profile(qtbot, page, empty_journal):
    _fill(page)
    page.next_button.click()
    with qtbot.waitSignal(page.finished, timeout=20_000):
        page.demo_button.click()
    assert empty_journal.customers.count() == 165
    assert empty_journal.profile.get().name == "刘洋"
    assert empty_journal.catalog.count() > 0
