"""Automatic backups: after a change when the interval elapses, none when nothing changed, one on
close; a failed backup is reported, never swallowed."""

from __future__ import annotations

import errno

import pytest
from PySide6.QtWidgets import QMessageBox
from qt_support import make_ctx

from fieldbook.core.master.customers import CustomerInput
from fieldbook.core.store.backup import list_backups
from fieldbook.qt.main_window import MainWindow

pytestmark = pytest.mark.sqlite  # backups are of SQLite files


def _labels(db_path) -> list[str]:
    return [p.name.rsplit("-", 1)[-1].removesuffix(".sqlite3") for p in list_backups(db_path)]


def _add_customer(journal, n: int = 9) -> None:
    journal.customers.create(
        CustomerInput(code=f"23090210009{n}", shop_name=f"新开的店{n}", route="周一线路")
    )


@pytest.fixture
def ctx_with_backups(qapp, filled):
    ctx = make_ctx(filled, backup_interval_s=0.2)
    yield ctx
    ctx.backups.stop()
    ctx.hub.detach()


def test_a_change_is_backed_up_when_the_interval_elapses(qtbot, ctx_with_backups, filled, db_path):
    backups = ctx_with_backups.backups
    backups.start()
    with qtbot.waitSignal(backups.ticked, timeout=5000) as tick:
        pass
    assert tick.args == [False]  # nothing changed yet: no backup
    assert list_backups(db_path) == []

    _add_customer(filled)
    with qtbot.waitSignal(backups.made, timeout=5000) as made:
        pass
    assert _labels(db_path) == ["auto"]
    assert made.args[0].path == list_backups(db_path)[0]

    with qtbot.waitSignal(backups.ticked, timeout=5000) as tick:
        pass
    assert tick.args == [False]  # nothing changed since that backup
    assert _labels(db_path) == ["auto"]


def test_the_status_bar_says_when_the_last_backup_was_made(qtbot, ctx_with_backups, db_path):
    window = MainWindow(ctx_with_backups)
    qtbot.addWidget(window)
    ctx_with_backups.backups.backup("manual")
    made = ctx_with_backups.backups.last
    assert made is not None
    assert window.backup_label.text() == "已备份 " + made.at.strftime("%H:%M")


def test_closing_backs_up_what_changed(qtbot, ctx_with_backups, filled, db_path):
    window = MainWindow(ctx_with_backups)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.is_ready)
    ctx_with_backups.backups.backup("manual")  # everything so far is backed up
    _add_customer(filled)
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert _labels(db_path) == ["manual", "exit"]


def test_closing_without_a_change_makes_no_backup(qtbot, ctx_with_backups, db_path):
    window = MainWindow(ctx_with_backups)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.is_ready)
    ctx_with_backups.backups.backup("manual")
    window.close()
    assert not window.isVisible()
    assert _labels(db_path) == ["manual"]


def test_a_failed_backup_is_reported(qtbot, ctx_with_backups, filled, db_path, monkeypatch):
    import fieldbook.core.store.open_database as open_database

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(open_database, "create_backup", full)
    window = MainWindow(ctx_with_backups)
    qtbot.addWidget(window)
    window.show()
    _add_customer(filled)
    ctx_with_backups.backups.tick()
    assert list_backups(db_path) == []
    assert window.backup_label.text() == "备份失败"
    assert "磁盘已满" in window.statusBar().currentMessage()
    box = window.backup_warning
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert not box.isModal()  # a warning, not a dialog that blocks the work
    assert "磁盘已满" in box.text() and "数据库里的数据没有受影响" in box.text()
    assert ctx_with_backups.backups.changed_since_backup  # tried again on the next tick

    window.close()  # the exit backup fails too: asked, not closed silently
    assert window.isVisible()
    question = window.close_question
    assert question is not None and "退出前的备份没有完成" in question.windowTitle()
    monkeypatch.undo()
    next(b for b in question.buttons() if b.text() == "仍然退出").click()
    qtbot.waitUntil(lambda: not window.isVisible())
