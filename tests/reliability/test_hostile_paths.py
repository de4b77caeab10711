"""Paths aimed at the wrong thing: an export's ``-o`` onto the database, its side files, a
backup, a folder or a device; ``--db`` pointed at a folder, a device, a text file, someone
else's SQLite database or nothing at all. Each is refused with one line and exit 2, and what
the path pointed at is left exactly as it was."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from fieldbook.cli.arguments.gui import GUI_PAGES
from fieldbook.cli.main import main
from fieldbook.core.journal import Journal
from fieldbook.core.outputs import OutputRefused, check_output
from fieldbook.core.reports.plan_sheet import export_plan
from fieldbook.core.store.backup import backup_file
from fieldbook.core.store.dbfile import DatabaseRefused
from fieldbook.core.store.schema_check import NotFieldbookDatabase

DAY = "2026-12-07"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """main()'s exit code, stdout and stderr (argparse's usage errors exit through SystemExit)."""
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


@pytest.fixture
def live(demo_db: Path) -> Path:
    """The demo database, with a backup beside it."""
    backup_file(demo_db, label="manual")
    return demo_db


# --- item 3: an export can never destroy data ------------------------------------------------
EXPORTS = [
    ["export", "plan", "--date", DAY],
    ["export", "day", "--date", DAY],
    ["export", "week", "--week", "2026-W49"],
    ["export", "month", "--month", "2026-11"],
    ["export", "period", "--from", "2026-11-01", "--to", "2026-11-30"],
    ["export", "slips", "--from", "2026-11-01", "--to", "2026-11-30"],
    ["export", "slip", "FK-20261130-QTH001-001"],
    ["export", "spotcheck", "--manager", "QTH001", "--month", "2026-11"],
    ["export", "customer", "ANY"],  # -o is refused before the code is looked up
]


def _targets(db: Path) -> dict[str, Path]:
    backups = sorted((db.parent / "backups").iterdir())
    other = db.parent / "other.sqlite3"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    return {
        "database": db,
        "wal": db.with_name(db.name + "-wal"),
        "shm": db.with_name(db.name + "-shm"),
        "lock": db.with_name(db.name + ".lock"),
        "backup": backups[0],
        "new file in backups": db.parent / "backups" / "report.xlsx",
        "another sqlite file": other,
    }


@pytest.mark.parametrize("command", EXPORTS, ids=lambda c: c[1])
def test_no_export_writes_onto_the_database_its_side_files_or_backups(
    capsys: pytest.CaptureFixture[str], live: Path, command: list[str]
) -> None:
    targets = _targets(live)
    kept = [p for name, p in targets.items() if name != "database"]  # exports may build a plan
    before = {p: (sha(p) if p.exists() else None) for p in kept}
    for name, target in targets.items():
        code, out, error = run(capsys, "--db", str(live), *command, "-o", str(target))
        assert code == 2, name
        assert one_line(error).startswith(str(target)), name
        assert "数据库" in error and out == ""
    assert {p: (sha(p) if p.exists() else None) for p in kept} == before
    assert run(capsys, "--db", str(live), "check")[0] == 0
    assert run(capsys, "--db", str(live), "customers", "list")[1].count("\n") == 151


def test_the_reported_case_x_db_onto_itself(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "x.db"
    assert (
        run(capsys, "--db", str(db), "profile", "set", "--name", "王建国", "--code", "Q1")[0] == 0
    )
    digest = sha(db)
    code, _, error = run(capsys, "--db", str(db), "export", "plan", "--date", DAY, "-o", str(db))
    assert code == 2 and "x.db" in one_line(error)
    assert sha(db) == digest
    assert run(capsys, "--db", str(db), "profile", "show")[0] == 0


def test_devices_folders_missing_folders_and_empty_names_are_refused(
    capsys: pytest.CaptureFixture[str], live: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    cases = {
        str(fifo): "不是普通文件",
        str(tmp_path): "文件夹",
        str(tmp_path) + "/": "文件夹",
        str(tmp_path / "no-such-folder" / "a.xlsx"): "文件夹不存在",
        "": "输出文件名为空",
        "  ": "输出文件名为空",
    }
    if Path("/dev/null").exists():
        cases["/dev/null"] = "不是普通文件"
    for target, said in cases.items():
        code, _, error = run(
            capsys, "--db", str(live), "export", "plan", "--date", DAY, "-o", target
        )
        assert code == 2 and said in one_line(error), target
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert not (tmp_path / "no-such-folder").exists()
    if Path("/dev/null").exists():
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_every_file_writing_option_is_checked(
    capsys: pytest.CaptureFixture[str], live: Path
) -> None:
    digest = sha(live)
    for argv in (
        ["gui", "--screenshot", str(live)],
        ["encrypt", "--to", str(live.with_name(live.name + "-wal"))],
    ):
        code, _, error = run(capsys, "--db", str(live), *argv)
        assert code == 2 and "数据库" in one_line(error), argv
    assert sha(live) == digest


def test_the_core_refuses_too_and_a_good_path_still_works(live: Path, tmp_path: Path) -> None:
    from datetime import date

    journal = Journal.open(f"sqlite:///{live}")
    try:
        with pytest.raises(OutputRefused) as info:
            export_plan(journal, date(2026, 12, 7), live)  # the GUI's save dialog goes here
        assert info.value.reason == "output_is_database"
        out = export_plan(journal, date(2026, 12, 7), tmp_path / "路线单.xlsx")
        assert out.is_file() and out.read_bytes()[:2] == b"PK"
        export_plan(journal, date(2026, 12, 7), out)  # replacing an earlier export is fine
    finally:
        journal.close()
    assert check_output(tmp_path / "new.xlsx") == tmp_path / "new.xlsx"


def test_a_database_that_appears_before_the_rename_is_not_replaced(
    live: Path, tmp_path: Path
) -> None:
    from fieldbook.core.reports.saving import atomic_output

    target = tmp_path / "late.xlsx"
    with pytest.raises(OutputRefused), atomic_output(target) as tmp:
        tmp.write_bytes(b"PK workbook")
        target.write_bytes(live.read_bytes())  # a database turns up there meanwhile
    assert target.read_bytes()[:16] == b"SQLite format 3\x00"
    assert not list(tmp_path.glob(".late.xlsx.tmp-*"))


# --- item 5: --db never harms what it points at ------------------------------------------------
def test_a_folder_or_a_device_as_db_is_refused_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir(mode=0o755)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo, 0o644)
    for target, said in ((folder, "文件夹"), (fifo, "不是普通文件")):
        before = os.stat(target)
        for argv in (["customers", "list"], ["profile", "set", "--name", "王", "--code", "Q1"]):
            code, _, error = run(capsys, "--db", str(target), *argv)
            assert code == 2 and said in one_line(error), (target, argv)
        after = os.stat(target)
        assert (after.st_mode, after.st_mtime_ns) == (before.st_mode, before.st_mtime_ns)
        assert not target.with_name(target.name + ".lock").exists()
    if Path("/dev/null").exists():
        before_mode = os.stat("/dev/null").st_mode
        assert run(capsys, "--db", "/dev/null", "customers", "list")[0] == 2
        assert os.stat("/dev/null").st_mode == before_mode
        capsys.readouterr()


def test_a_text_file_or_another_programs_database_is_not_renamed_or_migrated(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("客户名单草稿\n", encoding="utf-8")
    other = tmp_path / "other.sqlite3"
    con = sqlite3.connect(other)
    con.execute("PRAGMA journal_mode=WAL")  # a read-only open would leave -wal/-shm beside it
    con.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO photos (name) VALUES ('a.jpg')")
    con.commit()
    con.close()
    for target, said in ((text, "不是 SQLite 文件"), (other, "不是 Fieldbook 的数据库")):
        digest = sha(target)
        for argv in (
            ["customers", "list"],
            ["check"],
            ["profile", "set", "--name", "王", "--code", "Q1"],
        ):
            code, _, error = run(capsys, "--db", str(target), *argv)
            assert code == 2 and said in one_line(error), (target, argv)
        assert sha(target) == digest
        assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "other.sqlite3"]
    with pytest.raises(NotFieldbookDatabase):
        Journal.open(f"sqlite:///{other}")


def test_a_missing_path_is_created_only_by_commands_that_create(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "new.sqlite3"
    for argv in (["customers", "list"], ["check"], ["audit", "verify"], ["backup", "list"]):
        code, _, error = run(capsys, "--db", str(db), *argv)
        assert code == 2 and "没有这个数据库文件" in one_line(error), argv
        assert list(tmp_path.iterdir()) == []
    elsewhere = tmp_path / "new-folder" / "new.sqlite3"
    code, _, error = run(capsys, "--db", str(elsewhere), "customers", "list")
    assert code == 2 and "没有这个数据库文件" in one_line(error) and not elsewhere.parent.exists()
    # a command that creates a database makes its (private) folder too, as the default one is
    code, _, error = run(
        capsys, "--db", str(elsewhere), "profile", "set", "--name", "王", "--code", "Q1"
    )
    assert code == 0, error
    assert stat.S_IMODE(elsewhere.parent.stat().st_mode) == 0o700 and elsewhere.is_file()
    assert run(capsys, "--db", str(db), "profile", "set", "--name", "王", "--code", "Q1")[0] == 0
    assert run(capsys, "--db", str(db), "customers", "list")[0] == 0
    with pytest.raises(DatabaseRefused):
        Journal.open(f"sqlite:///{tmp_path / 'other.sqlite3'}", create=False)


def test_a_damaged_fieldbook_database_with_backups_is_still_recognised(
    capsys: pytest.CaptureFixture[str], live: Path
) -> None:
    live.write_bytes(b"\0" * 100 + os.urandom(3 * 4096))
    code, _, error = run(capsys, "--db", str(live), "check")
    assert code == 1 and "数据库有问题" in error  # the damaged-file flow, not "not ours"


# --- item 11: error hygiene ----------------------------------------------------------------------
def test_usage_errors_are_one_line_exit_2(capsys: pytest.CaptureFixture[str], live: Path) -> None:
    db = str(live)
    cases = [
        (["gui", "--page", "nosuchpage"], "nosuchpage"),
        (["export", "plan", "--date", "2026-02-30", "-o", "a.xlsx"], "没有这一天"),
        (["export", "plan", "--date", "30/11/2026", "-o", "a.xlsx"], "日期格式"),
        (["export", "plan", "--date", DAY], "-o"),
        (["customers", "list", "--search", "\udcff"], "UTF-8"),
        (["--db", "foo://somewhere/x", "customers", "list"], "不支持的数据库类型"),
        (["--db", "postgresql+psycopg://u@h:abc/x", "customers", "list"], "不是有效的数据库地址"),
        (["--db", "postgresql+nodriver://u@h/x", "customers", "list"], "不是有效的数据库地址"),
        (["--db", "sqlite:////tmp/%00x", "customers", "list"], "不是有效的数据库地址"),
        (["export", "day", "--date", "9999-12-31", "-o", "a.xlsx"], "日期超出范围"),
        (["week", "show", "--week", "0001-W01"], "日期超出范围"),
        (["export", "month", "--month", "9999-12", "-o", "m.xlsx"], "月份"),
        (["export", "plan", "--date", DAY, "-o", "a" * 300 + ".xlsx"], "文件名太长"),
    ]
    for argv, said in cases:
        full = argv if argv[0] == "--db" else ["--db", db, *argv]
        code, out, error = run(capsys, *full)
        assert code == 2 and said in one_line(error) and out == "", argv


def test_the_gui_pages_of_the_command_line_are_the_windows_pages() -> None:
    from fieldbook.qt.main_window import ALL_KEYS

    assert sorted(GUI_PAGES) == sorted(ALL_KEYS)


def test_a_screenshot_into_a_missing_folder_fails(
    capsys: pytest.CaptureFixture[str], live: Path, tmp_path: Path
) -> None:
    shot = tmp_path / "missing" / "s.png"
    code, _, error = run(capsys, "--db", str(live), "gui", "--screenshot", str(shot))
    assert code == 2 and "文件夹不存在" in one_line(error)
    assert not shot.parent.exists()


def test_profile_set_keeps_what_it_is_not_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "p.sqlite3")
    full = ["--unit", "新兴区", "--territory", "新兴一片区", "--phone", "13800000000"]
    assert (
        run(capsys, "--db", db, "profile", "set", "--name", "王建国", "--code", "QTH001", *full)[0]
        == 0
    )
    assert run(capsys, "--db", db, "profile", "set", "--name", "王建华", "--code", "QTH001")[0] == 0
    out = run(capsys, "--db", db, "profile", "show")[1]
    assert "王建华" in out and "新兴区" in out and "新兴一片区" in out and "13800000000" in out
    assert (
        run(
            capsys,
            "--db",
            db,
            "profile",
            "set",
            "--name",
            "王建华",
            "--code",
            "QTH001",
            "--phone",
            "",
        )[0]
        == 0
    )
    assert "13800000000" not in run(capsys, "--db", db, "profile", "show")[1]  # cleared on purpose


# --- found by attacking the fixes above ---------------------------------------------------
def test_a_link_planted_at_a_temporary_name_is_never_followed(
    capsys: pytest.CaptureFixture[str], live: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    digest = sha(live)
    # the names the temporary files had before (predictable: the pid, or a fixed suffix)
    for name in (f".t.xlsx.tmp-{os.getpid()}", ".t.xlsx.tmp", f".s.png.tmp-{os.getpid()}.png"):
        (out / name).symlink_to(live)
    code, _, error = run(
        capsys, "--db", str(live), "export", "plan", "--date", DAY, "-o", str(out / "t.xlsx")
    )
    assert code == 0, error
    assert live.read_bytes()[:16] == b"SQLite format 3\x00"  # (the export built the plan)
    assert (out / "t.xlsx").read_bytes()[:2] == b"PK"
    assert not (out / "t.xlsx").is_symlink()
    # encrypt --to X used to delete whatever was at .X.tmp first (it could be the database)
    monkeypatch.setenv("FB_KEY", "correct horse battery staple")
    precious = out / ".enc.sqlite3.tmp"
    precious.write_bytes(live.read_bytes())
    digest = sha(precious)
    from fieldbook.core.store import crypto

    if crypto.available():
        argv = [
            "--db",
            str(live),
            "--passphrase-env",
            "FB_KEY",
            "encrypt",
            "--to",
            str(out / "enc.sqlite3"),
        ]
        assert run(capsys, *argv)[0] == 0
        assert sha(precious) == digest


def test_encrypted_files_and_other_databases_history_are_never_export_targets(
    capsys: pytest.CaptureFixture[str], live: Path, tmp_path: Path
) -> None:
    encrypted = tmp_path / "secret.sqlite3"
    encrypted.write_bytes(os.urandom(8 * 4096))  # the shape of an SQLCipher file: no header
    victim = tmp_path / "victim"
    (victim / "backups").mkdir(parents=True)
    (victim / "attachments" / "FK-1").mkdir(parents=True)
    (victim / "fieldbook.sqlite3").write_bytes(live.read_bytes())
    heads = victim / "backups" / "fieldbook-audit-heads.jsonl"
    heads.write_text('{"count": 3}\n', encoding="utf-8")
    photo = victim / "attachments" / "FK-1" / "p.jpg"
    photo.write_bytes(b"\xff\xd8\xff photo")
    for target in (
        encrypted,
        heads,
        photo,
        victim / "backups" / "new.xlsx",
        tmp_path / "x-audit-heads.jsonl",
    ):
        before = sha(target) if target.exists() else None
        code, _, error = run(
            capsys, "--db", str(live), "export", "plan", "--date", DAY, "-o", str(target)
        )
        assert code == 2 and "数据库" in one_line(error), target
        assert (sha(target) if target.exists() else None) == before
    # an earlier export (a zip) may be replaced, even when its size is whole pages
    earlier = tmp_path / "earlier.xlsx"
    assert (
        run(capsys, "--db", str(live), "export", "plan", "--date", DAY, "-o", str(earlier))[0] == 0
    )
    with open(earlier, "ab") as fh:
        fh.write(b"\0" * (-earlier.stat().st_size % 4096))
    assert (
        run(capsys, "--db", str(live), "export", "plan", "--date", DAY, "-o", str(earlier))[0] == 0
    )


def test_side_files_and_backups_are_not_databases(
    capsys: pytest.CaptureFixture[str], live: Path
) -> None:
    # committed data that lives only in the -wal (no checkpoint yet)
    con = sqlite3.connect(live)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("UPDATE customers SET shop_name = shop_name || '（新）'")
    con.commit()
    wal = live.with_name(live.name + "-wal")
    lock = live.with_name(live.name + ".lock")
    lock.touch()
    snapshot = {p: sha(p) for p in (wal, lock)}
    backup = sorted((live.parent / "backups").glob("*.sqlite3"))[0]
    backup_digest = sha(backup)
    for target, argv in (
        (wal, ["customers", "list"]),
        (wal, ["profile", "set", "--name", "王", "--code", "Q1"]),
        (lock, ["profile", "set", "--name", "王", "--code", "Q1"]),
        (
            live.with_name(live.name + "-journal"),
            ["profile", "set", "--name", "王", "--code", "Q1"],
        ),
        (backup, ["customers", "list"]),
    ):
        code, _, error = run(capsys, "--db", str(target), *argv)
        assert code == 2 and one_line(error).startswith(str(target)), (target, argv)
    assert {p: sha(p) for p in (wal, lock)} == snapshot and sha(backup) == backup_digest
    assert not live.with_name(live.name + "-journal").exists()
    con.close()  # the last connection checkpoints: the update reaches the database file
    out = run(capsys, "--db", str(live), "customers", "list")[1]
    assert out.count("（新）") == 150


def test_a_sync_server_must_be_a_postgresql_address(
    capsys: pytest.CaptureFixture[str], live: Path, tmp_path: Path
) -> None:
    other = tmp_path / "o3.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    other.chmod(0o644)
    digest = sha(other)
    for server in (
        f"sqlite:///{other}",
        f"sqlite:///{tmp_path / 'nodir' / 'x.db'}",
        "mysql://x/y",
        "not a url",
    ):
        code, _, error = run(capsys, "--db", str(live), "sync", "--server", server)
        assert code == 2 and "postgresql+psycopg://" in one_line(error), server
    assert sha(other) == digest and stat.S_IMODE(other.stat().st_mode) == 0o644
    assert not (tmp_path / "nodir").exists()
    code, _, error = run(capsys, "--db", str(live), "sync")
    assert code == 2 and "还没有设置部门服务器" in error  # nothing was remembered


def test_another_alembic_app_or_a_passphrase_does_not_make_a_file_ours(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alembic_app = tmp_path / "app.sqlite3"
    con = sqlite3.connect(alembic_app)
    con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    con.execute("INSERT INTO alembic_version VALUES ('abc123')")
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n", encoding="utf-8")
    digests = {p: sha(p) for p in (alembic_app, text)}
    code, _, error = run(
        capsys, "--db", str(alembic_app), "profile", "set", "--name", "王", "--code", "Q1"
    )
    assert code == 2 and "不是 Fieldbook 的数据库" in one_line(error)
    monkeypatch.setenv("FIELDBOOK_PASSPHRASE", "correct horse battery staple")
    code, _, error = run(
        capsys, "--db", str(text), "profile", "set", "--name", "王", "--code", "Q1"
    )
    assert code == 2 and "不是 SQLite 文件" in one_line(error)
    assert {p: sha(p) for p in (alembic_app, text)} == digests
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.sqlite3", "notes.txt"]


# --- a second round of attacks ------------------------------------------------------------------
def test_side_files_of_an_encrypted_database_are_not_export_targets(
    capsys: pytest.CaptureFixture[str], live: Path, tmp_path: Path
) -> None:
    other = tmp_path / "o"
    other.mkdir()
    (other / "work.db").write_bytes(os.urandom(8 * 4096))  # an SQLCipher file: no header
    for name in ("work.db.lock", "work.db-journal", "work.db-shm", "backups/x.xlsx"):
        target = other / name
        target.parent.mkdir(exist_ok=True)
        code, _, error = run(
            capsys, "--db", str(live), "export", "plan", "--date", DAY, "-o", str(target)
        )
        assert code == 2 and "数据库" in one_line(error), name
        assert not target.exists()


def test_a_users_own_backups_folder_and_documents_are_not_mistaken_for_databases(
    capsys: pytest.CaptureFixture[str], live: Path, tmp_path: Path
) -> None:
    docs = tmp_path / "Docs"
    (docs / "backups").mkdir(parents=True)
    (docs / "notes.sqlite3").touch()  # an empty file named like a database is nobody's database
    report = docs / "backups" / "report.xlsx"
    code, _, error = run(
        capsys, "--db", str(live), "export", "plan", "--date", DAY, "-o", str(report)
    )
    assert code == 0, error
    pdf = docs / "old.pdf"  # a document whose size happens to be whole pages
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"x" * (4096 - 15))
    code, _, error = run(capsys, "--db", str(live), "export", "plan", "--date", DAY, "-o", str(pdf))
    assert code == 0, error


def test_a_hard_link_to_a_backup_is_not_opened(
    capsys: pytest.CaptureFixture[str], live: Path, tmp_path: Path
) -> None:
    backup = sorted((live.parent / "backups").glob("*.sqlite3"))[0]
    digest = sha(backup)
    link = tmp_path / "hard.sqlite3"
    os.link(backup, link)
    code, _, error = run(capsys, "--db", str(link), "profile", "show")
    assert code == 2 and "硬链接" in one_line(error)
    assert sha(backup) == digest


def test_csv_cells_are_all_quoted_so_no_separator_starts_a_formula(
    capsys: pytest.CaptureFixture[str], live: Path
) -> None:
    con = sqlite3.connect(live)
    con.execute(
        "UPDATE customers SET shop_name = '店' || char(9) || '=cmd|'' /C calc''!A0', "
        "owner_name = '王;=1+1' WHERE rowid = (SELECT min(rowid) FROM customers)"
    )
    con.commit()
    con.close()
    out = run(capsys, "--db", str(live), "customers", "list", "--csv")[1]
    for line in out.splitlines():
        assert line.startswith('"') and line.endswith('"'), line
    assert '"店\t=cmd' in out and '"王;=1+1"' in out  # inside quotes: one cell each


def test_a_password_in_the_query_of_a_server_address_is_never_stored(
    capsys: pytest.CaptureFixture[str], live: Path
) -> None:
    from fieldbook.core.server.sync import address_only

    secret = "postgresql+psycopg://u@127.0.0.1:1/db?password=SECRETPW&connect_timeout=2"
    code, _, error = run(capsys, "--db", str(live), "sync", "--server", secret)
    assert code == 2 and "口令" in one_line(error)
    assert b"SECRETPW" not in live.read_bytes()
    kept = address_only(secret)
    assert "SECRETPW" not in kept and "connect_timeout=2" in kept
