"""Reminders of the day's schedule (ROUTINE.md): 07:30 出发, 15:00 回到办公室 (Thursday 14:00:
plan.toml's time model, decision 0018), 15:40 客户维护与明日计划, 16:00 部门例会, Thursday 14:00
周总结与周计划.

Quiet and never modal: a due reminder is a status-bar message plus a small dismissible banner
above the current page; showing it never moves the keyboard focus. Each reminder is shown at
most once a day (remembered in QSettings, so a restart does not repeat it), on working days
only, and only in the hour after its time (an app opened at 18:00 does not recite the day).
A QTimer checks the injectable clock (``ctx.now``) every minute.

Which reminders are on, and their times, are the user's settings: QSettings keyed by the app
name (``[reminders]`` group); no core change, nothing in the database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from fieldbook import APP_NAME
from fieldbook.core import workdays
from fieldbook.core.routine.plan import THURSDAY, plan_rules
from fieldbook.qt.density import is_compact

translate = QCoreApplication.translate

#: How long after its time a reminder may still be shown.
GRACE = timedelta(minutes=60)
CHECK_MS = 60_000


@dataclass(frozen=True)
class Reminder:
    key: str
    at: time
    weekday: int | None  # ISO weekday it is limited to (Thursday), None: every working day
    #: What clicking it opens: "plan" (today), "daylog", "plan_next" (next working day), "week".
    target: str
    #: Its name in the settings and what it says (source texts, translated when shown).
    name: str
    words: str
    #: Its time on Thursday when that differs (back at the office by 14:00), else None.
    thursday: time | None = None

    def at_on(self, day: date) -> time:
        """Its default time on ``day``."""
        return self.thursday if self.thursday and day.isoweekday() == THURSDAY else self.at

    @property
    def text(self) -> str:
        return translate("Reminders", self.words)

    @property
    def title(self) -> str:
        return translate("Reminders", self.name)


_DAY = plan_rules()
DEFAULTS: tuple[Reminder, ...] = (
    Reminder(
        "depart",
        _DAY.arrive_in_area,
        None,
        "plan",
        "出发",
        "出发：到片区开始走访，今天的计划已经排好",
    ),
    Reminder(
        "office",
        _DAY.back_at_office,
        None,
        "daylog",
        "回到办公室",
        "回到办公室：点“回到单位”记下时间，查看订单、写工作日志",
        _DAY.thursday_back_at_office,
    ),
    Reminder(
        "plan",
        time(15, 40),
        None,
        "plan_next",
        "客户维护与明日计划",
        "客户维护、互控信息，排明天的拜访计划",
    ),
    Reminder(
        "meeting", time(16, 0), None, "daylog", "部门例会", "部门例会：记得在工作日志里记下例会内容"
    ),
    Reminder(
        "week",
        time(14, 0),
        THURSDAY,
        "week",
        "周总结与周计划（每周四）",
        "周总结与周计划：写本周总结和下周计划",
    ),
)


def reminder_action(target: str) -> str:
    """The button of a reminder: what its ``target`` opens."""
    return {
        "plan": translate("Reminders", "打开今日计划"),
        "daylog": translate("Reminders", "打开工作日志"),
        "plan_next": translate("Reminders", "打开明天的计划"),
        "week": translate("Reminders", "打开周报"),
    }.get(target, "")


# ------------------------------------------------------------------------------ settings


class ReminderSettings:
    """Enabled flags, times and "shown on" dates, in QSettings (app name as organisation and
    application, group ``reminders``)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(APP_NAME, APP_NAME)

    def _key(self, reminder: str, name: str) -> str:
        return f"reminders/{reminder}/{name}"

    def enabled(self, reminder: Reminder) -> bool:
        value = self.store.value(self._key(reminder.key, "enabled"), True)
        if isinstance(value, str):
            return value.lower() not in ("false", "0", "no")
        return bool(value)

    def set_enabled(self, reminder: Reminder, on: bool) -> None:
        self.store.setValue(self._key(reminder.key, "enabled"), bool(on))
        self.store.sync()

    def time_of(self, reminder: Reminder, day: date | None = None) -> time:
        """The user's time for ``reminder``, else its default (on ``day``: Thursday's own)."""
        default = reminder.at_on(day) if day is not None else reminder.at
        text = self.store.value(self._key(reminder.key, "time"), "")
        try:
            return time.fromisoformat(str(text)) if text else default
        except ValueError:
            return default

    def set_time(self, reminder: Reminder, at: time) -> None:
        self.store.setValue(self._key(reminder.key, "time"), at.strftime("%H:%M"))
        self.store.sync()

    def shown_on(self, reminder: Reminder) -> date | None:
        text = self.store.value(self._key(reminder.key, "shown"), "")
        try:
            return date.fromisoformat(str(text)) if text else None
        except ValueError:
            return None

    def mark_shown(self, reminder: Reminder, day: date) -> None:
        self.store.setValue(self._key(reminder.key, "shown"), day.isoformat())
        self.store.sync()


def due_reminders(
    now: datetime, settings: ReminderSettings, reminders: tuple[Reminder, ...] = DEFAULTS
) -> list[Reminder]:
    """The reminders to show at ``now``: enabled, for a working day (and its weekday), within
    the hour after their time, not shown yet today; in time order."""
    today = now.date()
    if not workdays.is_working_day(today):
        return []
    found = []
    for reminder in reminders:
        if reminder.weekday is not None and today.isoweekday() != reminder.weekday:
            continue
        if not settings.enabled(reminder) or settings.shown_on(reminder) == today:
            continue
        at = datetime.combine(today, settings.time_of(reminder, today))
        if at <= now < at + GRACE:
            found.append((at, reminder))
    return [r for _at, r in sorted(found, key=lambda pair: pair[0])]


class ReminderClock(QObject):
    """Checks the clock every minute and emits ``due`` for each reminder to show (once a day)."""

    due = Signal(object)  # Reminder

    def __init__(
        self,
        now: Callable[[], datetime],
        settings: ReminderSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.now = now
        self.settings = settings or ReminderSettings()
        #: True while reminders must wait (the first-run page): nothing is marked shown.
        self.paused: Callable[[], bool] = lambda: False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()
        QTimer.singleShot(0, self.check)

    def check(self) -> list[Reminder]:
        if self.paused():
            return []
        now = self.now()
        shown = due_reminders(now, self.settings)
        for reminder in shown:
            self.settings.mark_shown(reminder, now.date())
            self.due.emit(reminder)
        return shown


# ------------------------------------------------------------------------------ the banner


class ReminderBanner(QFrame):
    """Due reminders above the current page: the text, [打开…] and ×. Its buttons take no
    keyboard focus, so whatever the user is typing into keeps the cursor."""

    #: A reminder's [打开…] (or its text) was clicked: the Reminder.
    opened = Signal(object)
    #: The ⚙ button: change which reminders are on.
    settings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet(
            "#reminderBanner { background: #fff8e6; border: none;"
            " border-bottom: 1px solid #f1d49b; }"
            "#reminderText { color: #5a4100; font-weight: bold; }"
        )
        self.rows = QVBoxLayout(self)
        #: Compact density: one thin line (small screens), the buttons no taller than the text.
        self.compact = is_compact()
        self.rows.setContentsMargins(16, 1 if self.compact else 4, 12, 1 if self.compact else 4)
        self.rows.setSpacing(2)
        self.shown: dict[str, QWidget] = {}
        self.hide()

    def add(self, reminder: Reminder, at: time) -> None:
        self.remove(reminder.key)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        label = QLabel(
            self.tr("提醒 {time}　{text}").format(time=at.strftime("%H:%M"), text=reminder.text)
        )
        label.setObjectName("reminderText")
        line.addWidget(label, 1)
        action = reminder_action(reminder.target)
        if action:
            button = QPushButton(action)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, r=reminder: self._open(r))
            line.addWidget(button)
        settings = QPushButton("⚙")
        settings.setToolTip(self.tr("提醒设置：开关各项提醒、修改时间"))
        settings.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        settings.setFixedWidth(30)
        settings.clicked.connect(self.settings_requested)
        close = QPushButton("×")
        close.setToolTip(self.tr("关闭这条提醒（今天不再提醒）"))
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.setFixedWidth(30)
        close.clicked.connect(lambda _c=False, k=reminder.key: self.remove(k))
        line.addWidget(settings)
        line.addWidget(close)
        if self.compact:
            for button in row.findChildren(QPushButton):
                button.setFixedHeight(24)
        row.setProperty("reminder", reminder.key)
        self.rows.addWidget(row)
        self.shown[reminder.key] = row
        self.show()

    def _open(self, reminder: Reminder) -> None:
        self.remove(reminder.key)
        self.opened.emit(reminder)

    def remove(self, key: str) -> None:
        row = self.shown.pop(key, None)
        if row is not None:
            row.hide()
            row.setParent(None)
            row.deleteLater()
        self.setVisible(bool(self.shown))

    def keys(self) -> list[str]:
        return list(self.shown)


class Reminders(QObject):
    """The window's reminders: the clock, the banner, the status-bar message, and what a
    click opens (the window's ``open_reminder_target``)."""

    def __init__(
        self,
        now: Callable[[], datetime],
        show_message: Callable[[str], None],
        open_target: Callable[[str], None],
        settings: ReminderSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or ReminderSettings()
        self.clock = ReminderClock(now, self.settings, self)
        self.banner = ReminderBanner()
        self.show_message = show_message
        self.open_target = open_target
        self.dialog: ReminderSettingsDialog | None = None
        self.clock.due.connect(self._due)
        self.banner.opened.connect(lambda r: self.open_target(r.target))
        self.banner.settings_requested.connect(self.edit_settings)

    def start(self) -> None:
        self.clock.start()

    def wrap(self, pages: QWidget) -> QWidget:
        """``pages`` (the window's page stack) with the banner above it."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(pages, 1)
        return box

    def check(self) -> list[Reminder]:
        return self.clock.check()

    def _due(self, reminder: Reminder) -> None:
        at = self.settings.time_of(reminder, self.clock.now().date())
        self.show_message(f"{at.strftime('%H:%M')} {reminder.text}")
        self.banner.add(reminder, at)

    def edit_settings(self) -> ReminderSettingsDialog:
        if self.dialog is None:
            self.dialog = ReminderSettingsDialog(self.settings, self.banner.window())
            self.dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog


# ------------------------------------------------------------------------------ settings UI


class ReminderSettingsForm(QWidget):
    """One line per reminder: on/off and its time; every change is stored at once."""

    def __init__(self, settings: ReminderSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        self.boxes: dict[str, QCheckBox] = {}
        self.times: dict[str, QTimeEdit] = {}
        for row, reminder in enumerate(DEFAULTS):
            box = QCheckBox(reminder.title)
            box.setChecked(settings.enabled(reminder))
            at = settings.time_of(reminder)
            edit = QTimeEdit(QTime(at.hour, at.minute))
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(self.tr("{name}的时间").format(name=reminder.title))
            edit.setEnabled(box.isChecked())
            note = QLabel(reminder.text)
            note.setObjectName("hintLabel")
            box.toggled.connect(lambda on, r=reminder, e=edit: self._toggled(r, e, on))
            edit.timeChanged.connect(lambda t, r=reminder: self._timed(r, t))
            grid.addWidget(box, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(note, row, 2)
            self.boxes[reminder.key] = box
            self.times[reminder.key] = edit
        grid.setColumnStretch(2, 1)

    def _toggled(self, reminder: Reminder, edit: QTimeEdit, on: bool) -> None:
        self.settings.set_enabled(reminder, on)
        edit.setEnabled(on)

    def _timed(self, reminder: Reminder, value: QTime) -> None:
        self.settings.set_time(reminder, time(value.hour(), value.minute()))


class ReminderSettingsDialog(QDialog):
    """提醒设置 (non-modal: the page behind stays usable)."""

    def __init__(self, settings: ReminderSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("提醒设置"))
        self.setModal(False)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "工作日按下面的时间在窗口上方和状态栏轻声提醒一次（不弹窗，不打断输入）。"
                "修改立即生效。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = ReminderSettingsForm(settings, self)
        layout.addWidget(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 260)
