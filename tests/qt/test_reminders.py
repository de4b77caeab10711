"""Reminders of the day's schedule: quiet (a banner and the status bar, never a window, never
the keyboard focus), once a day, switchable and timed in the settings; clicking opens the
screen for it."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QSettings, QTime
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from qt_support import shown_window

from fieldbook import APP_NAME
from fieldbook.qt.reminders import (
    CHECK_MS,
    DEFAULTS,
    ReminderSettings,
    ReminderSettingsForm,
    due_reminders,
)

MONDAY = date(2026, 11, 30)
THURSDAY = date(2026, 12, 3)
BY_KEY = {r.key: r for r in DEFAULTS}


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


@pytest.fixture
def clock(ctx):
    fake = Clock(datetime.combine(MONDAY, time(14, 59)))
    ctx.now = fake
    return fake


@pytest.fixture
def window(qtbot, ctx, clock):
    return shown_window(qtbot, ctx)


def test_the_1500_reminder_shows_once_and_leaves_the_focus_alone(qtbot, window, clock):
    reminders = window.reminders
    assert reminders.clock.timer.isActive() and reminders.clock.timer.interval() == CHECK_MS
    window.show_page("customers")
    search = window.pages["customers"].search
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    qtbot.keyClicks(search, "zx")
    banner = reminders.banner
    assert reminders.check() == [] and not banner.isVisible()  # 14:59

    clock.moment = datetime.combine(MONDAY, time(15, 0))
    assert [r.key for r in reminders.check()] == ["office"]
    assert banner.isVisible() and banner.keys() == ["office"]
    assert "回到办公室：点“回到单位”记下时间，查看订单、写工作日志" in (
        window.statusBar().currentMessage()
    )
    assert QApplication.focusWidget() is search and search.text() == "zx"
    assert QApplication.activeModalWidget() is None
    assert [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
    ] == []

    banner.remove("office")  # ×
    assert not banner.isVisible()
    clock.moment = datetime.combine(MONDAY, time(15, 20))
    assert reminders.check() == [] and not banner.isVisible()  # not again that day
    # ...nor after a restart the same day (remembered in the settings)
    assert due_reminders(clock.moment, ReminderSettings()) == []
    # the next working day it comes back
    assert [r.key for r in due_reminders(datetime(2026, 12, 1, 15, 5), ReminderSettings())] == [
        "office"
    ]


def test_a_disabled_reminder_does_not_appear(qtbot, window, clock):
    form = ReminderSettingsForm(ReminderSettings())
    qtbot.addWidget(form)
    form.boxes["office"].setChecked(False)  # stored at once
    assert QSettings(APP_NAME, APP_NAME).value("reminders/office/enabled") in (False, "false")
    clock.moment = datetime.combine(MONDAY, time(15, 1))
    assert window.reminders.check() == []
    assert not window.reminders.banner.isVisible()
    clock.moment = datetime.combine(MONDAY, time(16, 0))  # 15:40 is still in its hour
    assert [r.key for r in window.reminders.check()] == ["plan", "meeting"]
    assert window.reminders.banner.keys() == ["plan", "meeting"]


def test_a_changed_time_and_the_thursday_reminder(qtbot, ctx):
    settings = ReminderSettings()
    form = ReminderSettingsForm(settings)
    qtbot.addWidget(form)
    form.times["office"].setTime(QTime(15, 30))
    assert settings.time_of(BY_KEY["office"]) == time(15, 30)
    assert due_reminders(datetime.combine(MONDAY, time(15, 10)), settings) == []
    assert [r.key for r in due_reminders(datetime.combine(MONDAY, time(15, 31)), settings)] == [
        "office"
    ]
    # the week report only on Thursdays, never on a Saturday, nothing long after the time
    assert due_reminders(datetime.combine(MONDAY, time(14, 0)), settings) == []
    assert [r.key for r in due_reminders(datetime.combine(THURSDAY, time(14, 2)), settings)] == [
        "week"
    ]
    assert due_reminders(datetime(2026, 12, 5, 15, 0), settings) == []
    assert due_reminders(datetime.combine(MONDAY, time(18, 0)), settings) == []


def test_on_thursday_the_office_reminder_is_at_two(qtbot, ctx):
    # back at the office by 14:00 on Thursday (plan.toml [thursday], decision 0018): the
    # office reminder comes with the week report's, and not again at 15:00
    settings = ReminderSettings()
    assert settings.time_of(BY_KEY["office"], THURSDAY) == time(14, 0)
    assert settings.time_of(BY_KEY["office"], MONDAY) == time(15, 0)
    due = due_reminders(datetime.combine(THURSDAY, time(14, 2)), settings)
    assert [r.key for r in due] == ["office", "week"]
    assert due_reminders(datetime.combine(THURSDAY, time(15, 0)), settings) == []
    assert due_reminders(datetime.combine(MONDAY, time(14, 2)), settings) == []


def _open_button(row, text):
    (button,) = [b for b in row.findChildren(QPushButton) if b.text() == text]
    return button


def test_clicking_opens_the_log_and_the_next_days_plan(qtbot, window, clock):
    reminders = window.reminders
    clock.moment = datetime.combine(MONDAY, time(15, 0))
    reminders.check()
    _open_button(reminders.banner.shown["office"], "打开工作日志").click()
    assert window.current_key == "daylog"
    assert window.pages["daylog"].day == MONDAY
    assert reminders.banner.keys() == []

    clock.moment = datetime.combine(MONDAY, time(15, 40))
    assert [r.key for r in reminders.check()] == ["plan"]
    _open_button(reminders.banner.shown["plan"], "打开明天的计划").click()
    assert window.current_key == "plan"
    assert window.pages["plan"].day == date(2026, 12, 1)
    assert not reminders.banner.isVisible()
