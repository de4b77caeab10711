"""备份与恢复: the list with its counts (a damaged backup marked), 立即备份, 检查数据库, 打开备份
文件夹 — and a restore from the page through the composition root."""

from __future__ import annotations

import pytest
from damage import PHONE_TRIGGER, codes_in, damage_schema, damage_tables, plant
from PySide6.QtCore import Qt
from qt_support import make_ctx, show_widget

from fieldbook.core.master.customers import CustomerInput
from fieldbook.core.store.backup import backup_file, list_backups
from fieldbook.core.store.restore import RestoreResult
from fieldbook.qt.pages.backup_page import BackupPage

pytestmark = pytest.mark.sqlite  # backups are of SQLite files


@pytest.fixture
def page(qtbot, filled):
    ctx = make_ctx(filled, backup_interval_s=3600)
    yield show_widget(qtbot, BackupPage(ctx), (1100, 700))
    ctx.backups.stop()
    ctx.hub.detach()


def _cells(page, row: int) -> list[str]:
    model = page.model
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_the_list_shows_counts_and_marks_a_damaged_backup(qtbot, page, filled, db_path):
    assert page.is_ready and page.model.rowCount() == 0
    assert page.empty_label.isVisibleTo(page)
    page.backup_now()
    assert page.model.rowCount() == 1
    _time, kind, _size, customers, visits, plans, status, _file = _cells(page, 0)
    assert (kind, customers, visits, plans, status) == ("手动", "4", "0", "0", "可以恢复")
    assert page.last_label.text().startswith("已备份 ")
    assert not page.restore_button.isEnabled()  # no running app to restore into (ctx.restore)

    broken = backup_file(db_path, label="auto")
    damage_schema(broken)
    page.reload()
    assert page.model.rowCount() == 2
    newest = _cells(page, 0)
    assert newest[1] == "自动" and newest[6] == "已损坏" and newest[3] == ""
    assert page.selected().label == "manual"  # the good one is selected, not the damaged one


def test_check_database_shows_the_result(qtbot, page, db_path):
    page.check()
    assert page.check_label.isVisibleTo(page)
    assert "数据库完好" in page.check_label.text()
    assert "外键检查都通过" in page.check_label.text()


def test_check_database_names_a_planted_trigger(qtbot, page, db_path):
    plant(db_path, PHONE_TRIGGER)
    page.check()
    text = page.check_label.text()
    assert "数据库有问题" in text and "结构 1 个" in text
    assert "多出触发器 trg_phone（表 customers）" in text


def test_a_backup_a_restore_would_refuse_is_not_offered(qtbot, page, db_path):

    good = backup_file(db_path, label="manual")
    planted = backup_file(db_path, label="auto")
    plant(planted, PHONE_TRIGGER)
    page.reload()
    assert page.model.rowCount() == 2
    newest = _cells(page, 0)
    assert newest[6] == "结构不符，不能恢复" and newest[3] != ""  # readable, counted, refused
    assert _cells(page, 1)[6] == "可以恢复"
    tip = page.model.data(page.model.index(0, 6), Qt.ItemDataRole.ToolTipRole)
    assert "多出触发器 trg_phone（表 customers）" in tip
    assert page.selected().path == good  # the restorable one is selected, not the planted one


def test_open_backup_folder(qtbot, page, db_path):
    opened = []
    page.open_url = opened.append
    page.open_folder()
    folder = db_path.parent / "backups"
    assert folder.is_dir() and oct(folder.stat().st_mode & 0o777) == "0o700"
    assert [u.toLocalFile() for u in opened] == [str(folder)]


def test_restore_from_the_page(qtbot, session_factory, filled, db_path):
    session = session_factory(page="backups")
    assert session.start() is None
    session.show()
    old_window = session.window
    page = old_window.pages["backups"]
    page.backup_now()
    assert page.model.rowCount() == 1
    backup = page.selected()
    assert backup is not None and backup.customers == 4
    in_backup = codes_in(backup.path)

    session.journal.customers.create(
        CustomerInput(code="230902100099", shop_name="备份之后的新店", route="周一线路")
    )
    assert len(codes_in(db_path)) == 5

    box = page.restore_selected()
    assert box is not None and box.isVisible()
    assert "恢复前" in box.text() and "客户 4 户" in box.text() and "不删除" in box.text()
    with qtbot.waitSignal(session.window_replaced):
        next(b for b in box.buttons() if b.text() == "恢复").click()

    # The app reopened on the restored database: a new journal and a new window.
    window = session.window
    assert window is not old_window and window.isVisible()
    assert codes_in(db_path) == in_backup
    assert sorted(c.code for c in session.journal.customers.list()) == in_backup
    # A safety backup of what was replaced, and the old file kept aside.
    safety = [p for p in list_backups(db_path) if p.name.endswith("-pre-restore.sqlite3")]
    assert len(safety) == 1 and "230902100099" in codes_in(safety[0])
    replaced = sorted(db_path.parent.glob(db_path.name + ".replaced-*"))
    replaced = [p for p in replaced if not p.name.endswith(("-wal", "-shm", "-journal"))]
    assert len(replaced) == 1 and "230902100099" in codes_in(replaced[0])
    shown = window.pages["backups"]
    assert window.current_key == "backups"
    assert "已从备份恢复" in shown.outcome_label.text()
    assert str(replaced[0]) in shown.outcome_label.text()
    # The new window's backups run on the new journal.
    assert window.ctx.backups is session.backups and window.ctx.ops.journal is session.journal


def test_a_damaged_backup_is_not_restored(qtbot, session_factory, filled, db_path):
    session = session_factory(page="backups")
    assert session.start() is None
    session.show()
    broken = backup_file(db_path, label="manual")
    damage_tables(broken, "customers")
    before = codes_in(db_path)
    page = session.window.pages["backups"]
    page.reload()
    page.view.select_row(page.model.row_of(lambda b: b.path == broken))
    box = page.restore_selected()
    assert box is not None  # it opens: only the full check finds the damage
    with qtbot.waitSignal(session.window_replaced):
        next(b for b in box.buttons() if b.text() == "恢复").click()
    shown = session.window.pages["backups"]
    assert (
        "没有恢复" in shown.outcome_label.text()
        and "当前数据库没有改动" in shown.outcome_label.text()
    )
    assert codes_in(db_path) == before
    assert list(db_path.parent.glob(db_path.name + ".replaced-*")) == []


def test_a_restore_says_which_photos_came_back_and_which_are_missing(page, tmp_path):
    result = RestoreResult(tmp_path / "a.sqlite3", tmp_path / "b.sqlite3", None, (), 2, ("x.png",))
    page.show_restore_outcome(result)
    assert "照片和附件：从备份里找回 2 个" in page.outcome_text
    assert "有 1 个照片或附件在备份里也找不到" in page.outcome_text
