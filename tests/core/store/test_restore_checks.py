"""A restore accepts only a Fieldbook database (issue 13, item 4 and "restoring onto itself"
from item 11): a file that is not SQLite, an unrelated SQLite database, one from a newer
Fieldbook, one with a table dropped and ones carrying planted triggers are each refused
before anything is moved, with one line naming what differs; the live database, its folder
and its backups are left exactly as they were."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from damage import PHONE_TRIGGER, plant

from fieldbook.cli.main import main
from fieldbook.core.errors import FieldbookError
from fieldbook.core.journal import Journal
from fieldbook.core.master.customers import CustomerInput
from fieldbook.core.store.backup import backup_file, create_backup, list_backups
from fieldbook.core.store.restore import restore_backup


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(db_path: Path) -> dict[str, str]:
    """Every file beside the database and in its backup folder, with its content hash."""
    files = [p for p in db_path.parent.rglob("*") if p.is_file() and p.suffix != ".lock"]
    return {str(p.relative_to(db_path.parent)): sha(p) for p in files}


@pytest.fixture
def live(world: Journal, db_path: Path) -> Path:
    """The live database (9 customers, one backup) and a candidate copy made from it."""
    create_backup(world.engine, label="manual")
    world.close()
    return db_path


def candidate(live: Path, tmp_path: Path, *sql: str) -> Path:
    """A copy of a good backup of ``live``, then changed with ``sql`` (as an attacker would)."""
    path = tmp_path / "candidate.sqlite3"
    shutil.copyfile(list_backups(live)[0], path)
    plant(path, *sql)
    return path


def refused(live: Path, file: Path, capsys: pytest.CaptureFixture[str], *, expect: str) -> str:
    """Restore ``file`` through the CLI: exit 2, one line on stderr containing ``expect``,
    and nothing beside the live database changed."""
    before = folder_state(live)
    capsys.readouterr()
    code = main(["--db", str(live), "backup", "restore", str(file)])
    out, err = capsys.readouterr()
    assert code == 2, err
    assert out == "" and len(err.strip().splitlines()) == 1, err
    assert expect in err, err
    assert "Traceback" not in err
    assert folder_state(live) == before
    assert not list(live.parent.glob("*.replaced-*"))
    assert not list(live.parent.glob(".*restore*"))
    return err


def test_a_good_backup_still_restores(live: Path, tmp_path: Path) -> None:
    good = candidate(live, tmp_path)
    result = restore_backup(live, good)
    assert sha(live) == sha(good) and result.replaced


def test_a_file_that_is_not_sqlite_is_refused(
    live: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_text("客户名单\n" * 500, encoding="utf-8")
    refused(live, text, capsys, expect="不是 SQLite 数据库")


def test_a_folder_or_a_device_is_refused_unread(
    live: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    refused(live, tmp_path, capsys, expect="不是普通文件")
    refused(live, Path("/dev/zero"), capsys, expect="不是普通文件")  # never copied (endless)


def test_a_copied_live_database_in_wal_mode_restores(live: Path, tmp_path: Path) -> None:
    j = Journal.open(f"sqlite:///{live}")
    j.customers.create(CustomerInput(code="WAL1", shop_name="复制的库"))
    j.close()
    copy = tmp_path / "copied-from-another-laptop.sqlite3"
    shutil.copyfile(live, copy)
    assert copy.read_bytes()[18:20] == b"\x02\x02"  # WAL mode
    restore_backup(live, copy)
    assert sha(live) == sha(copy)
    assert not list(live.parent.glob(".*restore*"))  # the checked copy left nothing behind
    j = Journal.open(f"sqlite:///{live}")
    try:
        assert j.customers.by_code("WAL1").shop_name == "复制的库"
    finally:
        j.close()


def test_an_unrelated_sqlite_database_is_refused(
    live: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.sqlite3"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    con.execute("INSERT INTO notes (text) VALUES ('hello')")
    con.commit()
    con.close()
    refused(live, other, capsys, expect="不是 Fieldbook 的数据库")


#: What is changed in a good backup (SQL), and what the one line of the refusal names.
NEWER = ["UPDATE alembic_version SET version_num = '0099_future'"], ["更新版本的 Fieldbook"]
DROPPED_TABLE = ["DROP TABLE spot_check_items"], ["缺少表 spot_check_items"]
PHONE = [PHONE_TRIGGER], ["多出触发器 trg_phone（表 customers）"]
WIPE = (
    [
        "DROP TRIGGER audit_entries_no_delete",
        "CREATE TRIGGER trg_wipe AFTER INSERT ON visits BEGIN DELETE FROM audit_entries; END",
    ],
    ["多出触发器 trg_wipe（表 visits）", "缺少触发器 audit_entries_no_delete"],
)
CHANGED_TRIGGER = (
    [
        "DROP TRIGGER audit_entries_no_update",
        "CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries "
        "WHEN 0 BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END",
    ],
    ["触发器 audit_entries_no_update 的定义不同"],
)
EXTRA_VIEW = ["CREATE VIEW v_all AS SELECT * FROM customers"], ["多出视图 v_all"]
EXTRA_INDEX = ["CREATE INDEX ix_extra ON customers (phone)"], ["多出索引 ix_extra"]
CHANGED_DATABASES = {
    "a_database_from_a_newer_fieldbook": NEWER,
    "a_database_with_a_dropped_table": DROPPED_TABLE,
    "a_trigger_that_rewrites_phone_numbers": PHONE,
    "a_trigger_that_empties_the_audit_trail": WIPE,
    "a_changed_trigger": CHANGED_TRIGGER,
    "an_extra_view": EXTRA_VIEW,
    "an_extra_index": EXTRA_INDEX,
}


@pytest.mark.parametrize(
    ("sql", "expect"), list(CHANGED_DATABASES.values()), ids=list(CHANGED_DATABASES)
)
def test_a_changed_database_is_refused(
    live: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    sql: list[str],
    expect: list[str],
) -> None:
    """The first expected text is on the one line of the refusal; any others on it too."""
    err = refused(live, candidate(live, tmp_path, *sql), capsys, expect=expect[0])
    assert all(text in err for text in expect[1:]), err


@pytest.mark.parametrize(
    "target",
    [
        lambda db: db,
        lambda db: db.with_name("link-to-live.sqlite3"),
        lambda db: Path(os.path.relpath(db)),
    ],
    ids=["same-path", "symlink", "relative"],
)
def test_restoring_the_database_onto_itself_says_so(
    live: Path, capsys: pytest.CaptureFixture[str], target: Callable[[Path], Path]
) -> None:
    given = target(live)
    if given.name == "link-to-live.sqlite3":
        given.symlink_to(live)
    refused(live, given, capsys, expect="就是当前数据库")


def test_each_refusal_raises_a_typed_error_before_anything_is_moved(
    live: Path, tmp_path: Path
) -> None:
    planted = candidate(
        live, tmp_path, "CREATE TRIGGER trg_x AFTER INSERT ON customers BEGIN SELECT 1; END"
    )
    before = folder_state(live)
    with pytest.raises(FieldbookError) as info:
        restore_backup(live, planted)
    assert info.value.is_input_error
    assert folder_state(live) == before
    j = Journal.open(f"sqlite:///{live}")
    try:
        j.customers.create(CustomerInput(code="AFTER1", shop_name="恢复被拒后新增"))
        assert j.customers.count(everyone=True) == 10
    finally:
        j.close()


def test_backup_list_says_which_backups_a_restore_would_refuse(
    live: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fieldbook.core.store.backup import list_backups_info

    planted = backup_file(live, label="auto")
    plant(planted, PHONE_TRIGGER)
    infos = {i.path: i for i in list_backups_info(live)}
    assert not infos[planted].readable and infos[planted].problem == "schema_differs"
    assert [d.name for d in infos[planted].schema_differences] == ["trg_phone"]
    assert all(i.readable for p, i in infos.items() if p != planted)
    assert main(["--db", str(live), "backup", "list"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith(str(planted)))
    assert "不能恢复" in line and "多出触发器 trg_phone（表 customers）" in line
