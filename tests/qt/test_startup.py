"""Opening the database: a damaged file (the newest good backup offered, restored, opened), an
unreadable one (not damage: exit 1), damage found by the background check, an encrypted one
with a wrong passphrase (口令不正确 — never a restore)."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from qt_support import codes_in, damage_tables, run_screenshot

from fieldbook.core.store import crypto
from fieldbook.core.store.backup import backup_file, list_backups
from fieldbook.qt.dialogs.damaged_dialog import DamagedDialog
from fieldbook.qt.dialogs.passphrase_dialog import PassphraseDialog


def _damaged_files(db_path):
    return [
        p
        for p in db_path.parent.glob(db_path.name + ".damaged-*")
        if not p.name.endswith(("-wal", "-shm", "-journal"))
    ]


@pytest.fixture
def damaged(filled, db_path):
    """The database with a good backup (4 customers), then damaged."""
    good = backup_file(db_path, label="manual")
    filled.close()
    damage_tables(db_path, "customers", "visits", "plans")
    return good


def test_a_damaged_database_offers_the_newest_good_backup(qtbot, session_factory, damaged, db_path):
    shown: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        shown.append(dialog)
        assert isinstance(dialog, DamagedDialog)
        what = dialog.what_label.text()
        assert "数据库文件已损坏，已移到" in what and ".damaged-" in what
        assert "原文件未被覆盖" in what
        offer = dialog.offer_label.text()
        assert damaged.name not in offer  # said in words: time and counts
        assert "客户 4 户" in offer and "走访 0 次" in offer
        assert dialog.backup is not None and dialog.backup.path == damaged
        assert dialog.restore_button is not None and dialog.restore_button.text() == "恢复此备份"
        dialog.restore_button.click()
        return dialog.result()

    session = session_factory(run_dialog=run)
    assert session.start() is None
    assert len(shown) == 1
    moved = _damaged_files(db_path)
    assert len(moved) == 1 and str(moved[0]) in shown[0].what_label.text()
    assert codes_in(db_path) == codes_in(damaged)
    assert session.journal is not None and session.journal.customers.count() == 4
    assert session.window is not None


def test_quitting_from_the_damaged_dialog_exits_1(qtbot, session_factory, damaged, db_path):
    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, DamagedDialog)
        dialog.quit_button.click()
        return dialog.result()

    session = session_factory(run_dialog=run)
    assert session.start() == 1
    assert session.window is None and session.journal is None
    assert not db_path.exists()  # moved aside, nothing created in its place
    assert len(_damaged_files(db_path)) == 1


def test_an_unreadable_database_is_not_damage(qtbot, session_factory, filled, db_path, monkeypatch):
    import fieldbook.qt.session as session_module
    from fieldbook.core.store.check import DatabaseUnreadable

    def unreadable(_url):
        raise DatabaseUnreadable(sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(session_module, "open_journal", unreadable)
    shown: list[QDialog] = []
    session = session_factory(run_dialog=lambda d: shown.append(d) or 0)
    assert session.start() == 1
    assert [type(d) for d in shown] == [QMessageBox]
    text = shown[0].text()
    assert "这不是文件损坏" in text and "database or disk is full" in text
    assert db_path.exists() and _damaged_files(db_path) == []


def test_screenshot_mode_reports_damage_on_stderr_and_exits_1(damaged, db_url, tmp_path):
    png = tmp_path / "d.png"
    result = run_screenshot(db_url, png)
    assert result.returncode == 1
    assert "数据库文件已损坏" in result.stderr
    assert not png.exists()


def test_damage_found_by_the_background_check_offers_the_backup(
    qtbot, session_factory, filled, db_path, monkeypatch
):
    from fieldbook.core.store import check, recovery

    good = backup_file(db_path, label="manual")
    filled.close()
    # A big file: the start-up check ran out of time; the damage is in a table the first
    # screens do not read.
    damage_tables(db_path, "visit_skus")
    monkeypatch.setattr(
        recovery,
        "check_on_open",
        lambda url, budget_ms=0, **_: check.QuickCheck(True, False, (), 25.0),
    )
    shown: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        shown.append(dialog)
        assert isinstance(dialog, DamagedDialog)
        dialog.restore_button.click()
        return dialog.result()

    session = session_factory(run_dialog=run)
    assert session.start() is None
    assert shown == []  # nothing found before the window
    first = session.window
    with qtbot.waitSignal(session.window_replaced):
        session.show()  # the check is finished on the worker after the window shows
    assert len(shown) == 1 and "原文件未被覆盖" in shown[0].what_label.text()
    assert len(_damaged_files(db_path)) == 1
    assert session.window is not first and session.window.isVisible()
    assert codes_in(db_path) == codes_in(good)
    assert check.quick_check(db_path).ok


needs_crypto = pytest.mark.skipif(not crypto.available(), reason="sqlcipher3 not installed")


@pytest.fixture
def encrypted(filled, db_path, tmp_path):
    filled.close()
    target = db_path.parent / "secret.sqlite3"
    crypto.encrypt_database(db_path, target, "right horse")
    return target


@needs_crypto
def test_a_wrong_passphrase_says_so_and_never_offers_a_restore(qtbot, session_factory, encrypted):
    backup_file(encrypted, label="manual", passphrase="right horse")  # one to offer, if wrong
    shown: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        shown.append(dialog)
        if isinstance(dialog, PassphraseDialog):
            assert dialog.error_label.text() == "口令不正确"
            assert not hasattr(dialog, "restore_button")
            dialog.edit.setText("still wrong")
            dialog.open_button.click()
            return dialog.result()
        return 0

    before = encrypted.read_bytes()
    session = session_factory(url=f"sqlite:///{encrypted}", passphrase="wrong", run_dialog=run)
    assert session.start() == 1
    kinds = [type(d) for d in shown]
    assert kinds == [PassphraseDialog] * 3 + [QMessageBox]
    assert shown[-1].text().startswith("口令不正确")
    assert not any(isinstance(d, DamagedDialog) for d in shown)
    assert encrypted.read_bytes() == before  # nothing moved, nothing written
    assert _damaged_files(encrypted) == []
    assert len(list_backups(encrypted)) == 1


@needs_crypto
def test_the_passphrase_is_asked_for_and_opens_the_database(qtbot, session_factory, encrypted):
    answers = ["wrong", "right horse"]
    shown: list[PassphraseDialog] = []

    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, PassphraseDialog)
        shown.append(dialog)
        dialog.edit.setText(answers.pop(0))
        dialog.open_button.click()
        return dialog.result()

    session = session_factory(url=f"sqlite:///{encrypted}", run_dialog=run)
    assert session.start() is None
    assert [d.error_label.isVisibleTo(d) for d in shown] == [False, True]  # asked, then wrong
    assert session.journal.customers.count() == 4
    assert "right horse" not in session.window.db_label.text()
