"""pytest-qt fixtures: offscreen Qt, a journal with a few customers (from tests/conftest.py's
migrated template), and an AppContext whose operations run synchronously."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any QApplication exists
os.environ.setdefault("FIELDBOOK_LANG", "zh_CN")

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from damage import codes_in as codes_in  # re-exported: test_startup imports them from here
from damage import damage_tables as damage_tables
from sample_data import CUSTOMERS, GOOD_ANSWERS, orders_workbook, register_roster

from fieldbook.core.journal import Journal

MONDAY = date(2026, 11, 30)


@pytest.fixture
def filled(journal: Journal) -> Journal:
    """The journal (profile 王建国) with four customers on two weekday routes."""
    for data in CUSTOMERS:
        journal.customers.create(data)
    register_roster(journal)  # in the register before the weeks the tests record
    for route in journal.routes.list():
        weekday = 1 if route.name == "周一线路" else 2
        journal.routes.save(route.id, route.name, weekday)
    return journal


def make_ctx(journal: Journal, today: date = MONDAY, *, backup_interval_s: float | None = None):
    """An AppContext running its operations inline; with ``backup_interval_s`` it also has
    the app's automatic backups (timer not started)."""
    from fieldbook.qt.context import AppContext
    from fieldbook.qt.operations.runner import ChangeHub, Ops, SyncExecutor

    ops = Ops(journal, SyncExecutor())
    backups = None
    if backup_interval_s is not None and journal.db_path is not None:
        from fieldbook.qt.backups import Backups

        backups = Backups(ops, journal, journal.db_path, interval_s=backup_interval_s)
    return AppContext(
        ops=ops,
        hub=ChangeHub(journal),
        today=lambda: today,
        db_path=journal.db_path,
        db_label=journal.url,
        backups=backups,
    )


@pytest.fixture
def session_factory(qapp, db_url: str) -> Iterator:
    """``make(**options)`` → an AppSession (the composition root) on the test database whose
    worker runs inline; every session is shut down (lock released) after the test."""
    from fieldbook.qt.operations.runner import SyncExecutor
    from fieldbook.qt.session import AppSession

    made: list[AppSession] = []

    def make(**options):
        url = options.pop("url", db_url)
        options.setdefault("executor_factory", SyncExecutor)
        options.setdefault("today", lambda: MONDAY)
        options.setdefault("exit_app", lambda code: None)
        session = AppSession(url, **options)
        made.append(session)
        return session

    yield make
    for session in made:
        window = session.window
        session.shutdown()
        if window is not None:
            window.hide()
            window.deleteLater()


def attached_ctx(journal: Journal) -> Iterator:
    """A context on ``journal`` for one test; its change hub is detached afterwards."""
    context = make_ctx(journal)
    yield context
    context.hub.detach()


@pytest.fixture
def ctx(qapp, filled: Journal) -> Iterator:
    yield from attached_ctx(filled)


@pytest.fixture
def empty_journal(db_url: str) -> Iterator[Journal]:
    j = Journal.open(db_url)
    yield j
    j.close()


@pytest.fixture
def empty_ctx(qapp, empty_journal: Journal) -> Iterator:
    yield from attached_ctx(empty_journal)


SKUS = [
    # (code, name, wholesale per carton in fen, key brand)
    ("6901028001", "中华(硬)", 45_000, True),
    ("6901028002", "黄鹤楼(软蓝)", 20_000, False),
    ("6901028003", "利群(新版)", 13_000, False),
    ("6901028004", "云烟(紫)", 11_500, False),
    ("6901028005", "白沙(精品)", 8_000, False),
    ("6901028006", "红塔山(经典)", 6_500, False),
    ("6901028007", "红金龙(新版)", 4_000, False),
    ("6901028008", "大前门(短支)", 3_200, False),
]


@pytest.fixture
def day_ready(filled: Journal) -> Journal:
    """``filled`` plus a few SKUs of every price class, and Monday's plan built (two stops:
    张小便利店 and 李记烟酒店; 兴华食杂店 is suspended)."""
    from fieldbook.core.master.catalog import SkuInput

    for code, name, wholesale, key in SKUS:
        filled.catalog.save(
            None, SkuInput(code=code, name=name, wholesale_fen=wholesale, is_key_brand=key)
        )
    filled.plans.build(MONDAY)
    return filled


def type_text(widget, text: str) -> None:
    """Type Chinese as an input method commits it (QTest can only send ASCII key presses)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture(autouse=True)
def keyboard_rules(qapp) -> None:
    """The app's keyboard rules (Enter presses a focused button), as ``make_application``
    installs them."""
    from fieldbook.qt.keyboard import install_keyboard_rules

    install_keyboard_rules(qapp)


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """QSettings (the reminders' on/off, times and "shown today") go to a temporary folder
    per test, never into the user's own settings."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("settings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
    yield


# --- the pages of the routine (visit, work log, weekly report) -----------------------------------

#: Monday's orders: 张小便利店 (due Monday) orders, 李记烟酒店 (due) does not, 王家超市 (due
#: Tuesday) orders off-day.
MONDAY_ORDERS = [
    ["2026-11-30", "230902100001", "张小便利店", "6901028001", "中华(硬)", 2, 900.00],
    ["2026-11-30", "230902100001", "张小便利店", "6901028006", "红塔山(经典)", 5, 325.00],
    ["2026-11-30", "230902100003", "王家超市", "6901028005", "白沙(精品)", 3, 240.00],
]


def monday_at(hm: str) -> datetime:
    return datetime.fromisoformat(f"2026-11-30 {hm}")


def visit_monday(journal: Journal, times: tuple[tuple[str, str], tuple[str, str]]) -> None:
    """Both of Monday's planned shops visited (arrived, left), open, nothing wrong."""
    stops = journal.plans.get(MONDAY).stops
    for stop, (a, b) in zip(stops, times, strict=True):
        visit = journal.visits.start(stop.customer_id, at=monday_at(a), plan_stop_id=stop.id)
        journal.visits.set_shop_status(visit.id, "open")
        journal.visits.save_answers(visit.id, dict(GOOD_ANSWERS))
        journal.visits.finish(visit.id, at=monday_at(b))


def monday_worked(
    journal: Journal, orders: Path, times: tuple[tuple[str, str], tuple[str, str]]
) -> Journal:
    """Monday's shops visited (``times``) and Monday's orders imported (from ``orders``)."""
    from fieldbook.core.routine.orders import import_orders

    visit_monday(journal, times)
    assert import_orders(journal, orders_workbook(orders, MONDAY_ORDERS)).applied
    return journal


def show_widget(qtbot, widget, size: tuple[int, int] = (1280, 800), *waits: str):
    """``widget`` kept by qtbot, resized and shown, then waited for by each of ``waits`` in
    turn: "ready" (its first data is shown) or "active" (it is the active window)."""
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    for wait in waits:
        if wait == "ready":
            qtbot.waitUntil(lambda: widget.is_ready)
        elif wait == "active":
            widget.activateWindow()
            qtbot.waitUntil(widget.isActiveWindow)
    return widget


def shown_window(qtbot, ctx):
    """The main window on ``ctx``, shown, ready and active."""
    from fieldbook.qt.main_window import MainWindow

    return show_widget(qtbot, MainWindow(ctx), (1280, 800), "ready", "active")


def open_page(
    qtbot, page_class, journal: Journal, size: tuple[int, int] = (1280, 800), *, wait: str = ""
) -> Iterator:
    """A page on ``journal``, shown; ``wait``: "ready" (its first data is shown) or "active"
    (it is the active window). For a fixture: ``yield from open_page(...)``."""
    ctx = make_ctx(journal)
    yield show_widget(qtbot, page_class(ctx), size, *([wait] if wait else []))
    ctx.hub.detach()


SCREENSHOT_SCRIPT = (
    "import sys; from pathlib import Path; from fieldbook.qt.app import run_gui; "
    "raise SystemExit(run_gui(sys.argv[1], screenshot=Path(sys.argv[2]), page=sys.argv[3] or None))"
)


def run_screenshot(db_url: str, png, page: str = ""):
    """``fieldbook gui --screenshot`` in a real process (the real worker): the finished process."""
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-c", SCREENSHOT_SCRIPT, db_url, str(png), page],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
