"""The audit trail outside the app: the database itself refuses UPDATE and DELETE (triggers),
and whatever someone does after dropping the triggers — changing a value, removing a row,
slipping a row in — ``audit verify`` finds it at that entry. Cutting off the last entries (or
all of them) leaves a valid chain: it is found against the chain's head kept outside the
database — the backup folder's head log (every backup and restore) and the footer of an
exported report (``--head``). Dropping the triggers and leaving them dropped is itself found:
the database no longer opens (schema check)."""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from corrections import correct

from fieldbook.cli.main import main
from fieldbook.core.journal import Journal
from fieldbook.core.resources import migrations_dir
from fieldbook.core.store import audit
from fieldbook.core.store.backup import backup_file
from fieldbook.core.store.head_log import heads_log, recorded_heads
from fieldbook.core.store.restore import restore_backup

DROP = ["DROP TRIGGER audit_entries_no_update", "DROP TRIGGER audit_entries_no_delete"]


def recreate_triggers(con: sqlite3.Connection) -> None:
    spec = importlib.util.spec_from_file_location(
        "m0003", migrations_dir() / "versions" / "0003_audit.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for sql in module.SQLITE_TRIGGERS:
        con.execute(sql)


@pytest.fixture
def trail(journal: Journal, db_path: Path) -> Path:
    """Five entries: a corrected visit (3 fields) and a corrected day log (2 fields)."""
    correct(
        journal,
        "v-1",
        {"left_at": ("10:05", "10:25"), "notes": ("", "补记"), "facings": (2, 3)},
        "离店时间记错了",
    )
    correct(
        journal,
        "d-1",
        {"summary": ("走访 28 户", "走访 29 户"), "visits": (28, 29)},
        "主任抽查更正",
        record_type="daylog",
    )
    assert audit.verify(journal).ok and audit.verify(journal).count == 5
    journal.close()
    return db_path


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def untriggered(path: Path) -> sqlite3.Connection:
    """A raw connection with the append-only triggers dropped (and left dropped)."""
    con = raw(path)
    for sql in DROP:
        con.execute(sql)
    return con


@contextmanager
def forging(path: Path) -> Iterator[sqlite3.Connection]:
    """What a careful forger does: triggers off, the change, triggers back as they were."""
    con = untriggered(path)
    yield con
    recreate_triggers(con)
    con.close()


def verify(path: Path) -> audit.VerifyReport:
    j = Journal.open(f"sqlite:///{path}")
    try:
        return audit.verify(j)
    finally:
        j.close()


def test_update_and_delete_are_refused_by_the_database(trail: Path) -> None:
    con = raw(trail)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            con.execute("UPDATE audit_entries SET new_value = '\"10:15\"' WHERE seq = 1")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            con.execute("DELETE FROM audit_entries WHERE seq = 5")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            con.execute("DELETE FROM audit_entries")
        assert con.execute("SELECT count(*) FROM audit_entries").fetchone()[0] == 5
    finally:
        con.close()
    assert verify(trail).ok


def test_a_changed_value_is_found_at_its_seq(
    trail: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with forging(trail) as con:
        con.execute("UPDATE audit_entries SET new_value = '30' WHERE seq = 5")
    report = verify(trail)
    assert not report.ok and report.broken_seq == 5 and report.problem == "hash_mismatch"
    assert report.count == 4
    assert main(["--db", str(trail), "audit", "verify"]) == 1
    assert "第 5 条" in capsys.readouterr().err


def test_a_changed_reason_with_a_recomputed_own_hash_breaks_the_next_link(trail: Path) -> None:
    with forging(trail) as con:  # a careful forger leaves the schema as it was
        row = con.execute(
            f"SELECT {', '.join(audit.HASHED_FIELDS)} FROM audit_entries WHERE seq = 2"
        ).fetchone()
        fields = dict(zip(audit.HASHED_FIELDS, row, strict=True))
        fields["reason"] = "无"
        con.execute(
            "UPDATE audit_entries SET reason = ?, hash = ? WHERE seq = 2",
            ("无", audit.entry_hash(fields)),
        )
    report = verify(trail)
    assert report.broken_seq == 3 and report.problem == "prev_mismatch"


def test_a_removed_row_is_a_gap(trail: Path) -> None:
    with forging(trail) as con:
        con.execute("DELETE FROM audit_entries WHERE seq = 3")
    report = verify(trail)
    assert report.broken_seq == 4 and report.problem == "gap" and report.expected_seq == 3


def test_a_row_slipped_in_the_middle_is_found(trail: Path) -> None:
    with forging(trail) as con:
        # a careful forger renumbers the later rows and chains the new one to the one before
        for seq in (5, 4, 3):
            con.execute("UPDATE audit_entries SET seq = seq + 1 WHERE seq = ?", (seq,))
        prev = con.execute("SELECT hash FROM audit_entries WHERE seq = 2").fetchone()[0]
        forged = {
            "id": "forged",
            "seq": 3,
            "at": "2026-11-30 08:00:00",
            "manager_id": "",
            "record_type": "visit",
            "record_id": "v-1",
            "field": "status",
            "old_value": '"done"',
            "new_value": '"draft"',
            "reason": "x",
            "prev_hash": prev,
        }
        con.execute(
            "INSERT INTO audit_entries (id, seq, at, manager_id, record_type, record_id, field, "
            "old_value, new_value, reason, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (*forged.values(), audit.entry_hash(forged)),
        )
    report = verify(trail)
    assert not report.ok and report.broken_seq == 4 and report.problem == "prev_mismatch"


def test_a_naive_insert_between_two_rows_is_found(trail: Path) -> None:
    con = raw(trail)
    con.execute(
        "INSERT INTO audit_entries (id, seq, at, manager_id, record_type, record_id, field, "
        "old_value, new_value, reason, prev_hash, hash) "
        "VALUES ('x', 2.5, '2026-11-30 08:00:00', '', 'visit', 'v-1', 'status', NULL, NULL, "
        "'x', '0', 'f')"
    )  # inserting needs no dropped trigger: only the chain can tell
    con.close()
    report = verify(trail)
    assert report.broken_seq == 2.5 and report.problem == "gap"


# --- the chain's head, kept outside the database (issue 13, item 8) ---------------------------
def cut(path: Path, where: str) -> None:
    """What a forger does to make entries disappear: triggers off, rows gone, triggers back."""
    with forging(path) as con:
        con.execute(f"DELETE FROM audit_entries {where}")


def add_entries(path: Path, n: int) -> None:
    j = Journal.open(f"sqlite:///{path}")
    try:
        correct(j, "v-2", {f"f{i}": (i, i + 1) for i in range(n)}, "补正")
    finally:
        j.close()


def cli_verify(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--db", str(path), "audit", "verify", *extra])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out + err


def test_every_backup_records_the_head_outside_the_database(trail: Path) -> None:
    made = backup_file(trail, label="manual")
    heads = recorded_heads(trail)
    assert [(h.source, h.where, h.count) for h in heads] == [("backup", made.name, 5)]
    assert heads[0].hash == verify(trail).head_hash
    assert oct(heads_log(trail).stat().st_mode & 0o777) == "0o600"


def test_deleting_the_last_entries_is_found_against_the_backup_head(
    trail: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = backup_file(trail, label="manual")
    cut(trail, "WHERE seq > 3")
    assert verify(trail).ok  # the chain alone cannot tell: 3 sound entries
    j = Journal.open(f"sqlite:///{trail}")
    try:
        report = audit.verify(j, recorded_heads(trail))
    finally:
        j.close()
    assert not report.ok and report.problem == "truncated" and report.count == 3
    assert report.head is not None and report.head.count == 5
    code, text = cli_verify(trail, capsys)
    assert code == 1 and len(text.strip().splitlines()) == 1
    assert "现有 3 条" in text and "记录了 5 条" in text and made.name in text


def test_deleting_every_entry_is_found(trail: Path, capsys: pytest.CaptureFixture[str]) -> None:
    backup_file(trail, label="manual")
    cut(trail, "")
    code, text = cli_verify(trail, capsys)
    assert code == 1 and "现有 0 条" in text and "记录了 5 条" in text


def test_a_rewritten_tail_is_found(trail: Path, capsys: pytest.CaptureFixture[str]) -> None:
    backup_file(trail, label="manual")
    cut(trail, "WHERE seq = 5")
    add_entries(trail, 1)  # a new, correctly chained entry 5 in place of the deleted one
    assert verify(trail).ok and verify(trail).count == 5
    code, text = cli_verify(trail, capsys)
    assert code == 1 and "第 5 条" in text and "改写" in text


def test_a_growing_trail_fits_every_head(trail: Path, capsys: pytest.CaptureFixture[str]) -> None:
    backup_file(trail, label="manual")
    add_entries(trail, 2)
    backup_file(trail, label="manual")
    add_entries(trail, 1)
    code, text = cli_verify(trail, capsys)
    assert code == 0 and "共 8 条" in text and "2 个链头一致" in text


def rolled_back(trail: Path) -> Path:
    """A backup of the 5 entries, 2 entries more and a backup of the 7, then the older backup
    restored (on purpose); return the older backup."""
    older = backup_file(trail, label="manual")
    add_entries(trail, 2)
    backup_file(trail, label="manual")
    restore_backup(trail, older)
    return older


def test_a_restore_replaces_the_timeline_on_purpose(
    trail: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rolled_back(trail)
    assert [h.source for h in recorded_heads(trail)] == ["restore"]
    code, text = cli_verify(trail, capsys)
    assert code == 0 and "共 5 条" in text
    cut(trail, "WHERE seq = 5")  # and after the restore, the restore's head holds
    code, text = cli_verify(trail, capsys)
    assert code == 1 and "记录了 5 条" in text


def test_a_torn_head_log_line_proves_nothing_and_breaks_nothing(
    trail: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup_file(trail, label="manual")
    with open(heads_log(trail), "a", encoding="utf-8") as fh:
        fh.write('{"at": "2026-12-03T09:31:00", "event": "backup", "cou')  # killed half-way
    backup_file(trail, label="manual")
    assert [h.count for h in recorded_heads(trail)] == [5, 5]
    code, _ = cli_verify(trail, capsys)
    assert code == 0


def test_the_report_footer_keeps_a_head_verify_can_read(
    trail: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    from fieldbook.core.reports.week import export_week

    book = tmp_path / "周报.xlsx"
    j = Journal.open(f"sqlite:///{trail}")
    try:
        head = audit.verify(j).head_hash
        export_week(j, "2026-W48", book)
    finally:
        j.close()
    ws = load_workbook(book).worksheets[0]
    footer = [c.value for r in ws.iter_rows() for c in r if "审计链" in str(c.value or "")]
    assert footer == [f"审计链（导出时）：5 条，末条哈希 {head}"]
    cut(trail, "WHERE seq > 2")  # no backup was ever made: only the report knows
    assert cli_verify(trail, capsys)[0] == 0
    code, text = cli_verify(trail, capsys, "--head", str(book))
    assert code == 1 and "现有 2 条" in text and "周报.xlsx" in text
    code, text = cli_verify(trail, capsys, "--head", f"5:{head[:8]}")
    assert code == 1 and "记录了 5 条" in text


def test_a_bad_head_is_a_usage_error(
    trail: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for value in ("5:abc", "nosuchfile.xlsx", ""):
        code, text = cli_verify(trail, capsys, "--head", value)
        assert code == 2 and len(text.strip().splitlines()) == 1, text
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    code, text = cli_verify(trail, capsys, "--head", str(other))
    assert code == 2 and "没有审计链记录" in text


def test_triggers_left_dropped_are_found_before_anything_opens(
    trail: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    con = untriggered(trail)
    con.execute("DELETE FROM audit_entries WHERE seq > 3")
    con.close()
    code, text = cli_verify(trail, capsys)
    assert code == 1 and "缺少触发器 audit_entries_no_delete" in text


def test_a_trail_changed_beyond_reading_is_still_backed_up(trail: Path) -> None:
    """A backup is the safety net of a tampered file too: it is made, without a head line."""
    con = raw(trail)
    con.execute("DROP TABLE audit_entries")
    con.execute("CREATE TABLE audit_entries (x)")  # no seq, no hash
    con.close()
    made = backup_file(trail, label="pre-restore")
    assert made.is_file() and recorded_heads(trail) == []


def test_an_entry_without_a_seq_is_named_by_the_seq_that_should_have_come() -> None:
    """A NULL seq (possible only with NOT NULL taken off the column) was printed as
    "第 None 条"."""
    from fieldbook.cli.audit import audit_break_text

    report = audit.VerifyReport(False, 0, audit.GENESIS, None, "e-1", "gap", expected_seq=1)
    text = audit_break_text(report)
    assert "None" not in text
    assert text.startswith("修改记录在第 1 条（该记录的序号为空）处断开") and "e-1" in text
    numbered = audit.VerifyReport(False, 3, "h", 5, "e-5", "gap", expected_seq=4)
    assert audit_break_text(numbered).startswith("修改记录在第 5 条处断开")


def test_deleted_entries_are_not_laundered_through_a_restore(
    trail: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The attack: cut the last entry (verify says 被删减), copy the file elsewhere and restore
    it with the app's own restore: the restore used to become the new baseline (exit 0)."""
    backup_file(trail, label="manual")  # 5 entries recorded
    cut(trail, "WHERE seq = 5")
    code, text = cli_verify(trail, capsys)
    assert code == 1 and "被删减" in text
    elsewhere = tmp_path / "elsewhere" / "copy.sqlite3"
    elsewhere.parent.mkdir()
    shutil.copyfile(trail, elsewhere)
    restore_backup(trail, elsewhere)
    restore = [h for h in recorded_heads(trail) if h.source == "restore"][-1]
    assert restore.fits == "diverges" and restore.misfit_problem == "truncated"
    code, text = cli_verify(trail, capsys)
    assert code == 1, text
    assert "来历不可信" in text and str(elsewhere) in text and "它有 4 条（少了记录）" in text
    assert "恢复前 4 条、恢复后 4 条（与此前记录的链头不符）" in text


def test_a_laundered_restore_stays_reported_after_a_backup_and_a_second_restore(
    trail: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup_file(trail, label="manual")
    cut(trail, "WHERE seq > 3")
    forged = tmp_path / "forged.sqlite3"
    shutil.copyfile(trail, forged)
    restore_backup(trail, forged)
    again = backup_file(trail, label="manual")  # a backup of the laundered trail
    restore_backup(trail, again)  # "one of our backups": but of a trail nobody vouches for
    code, text = cli_verify(trail, capsys)
    assert code == 1 and "来历不可信" in text and str(forged) in text


def test_a_backup_of_a_cut_trail_cannot_be_restored_as_a_clean_rollback(
    trail: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup_file(trail, label="manual")
    cut(trail, "WHERE seq = 5")
    cut_copy = backup_file(trail, label="manual")  # its head (4) is recorded, as diverging
    restore_backup(trail, cut_copy)
    code, text = cli_verify(trail, capsys)
    assert code == 1 and "来历不可信" in text and cut_copy.name in text


def test_an_honest_rollback_verifies_and_is_listed(
    trail: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    older = rolled_back(trail)
    code, text = cli_verify(trail, capsys)
    assert code == 0 and "共 5 条" in text
    assert f"从 {older.absolute()} 恢复，恢复前 7 条、恢复后 5 条（与此前记录的链头相同）" in text


def test_recovering_a_cut_trail_from_a_recorded_backup_is_clean(
    trail: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The live trail was cut; restoring the backup made before clears it (the pre-restore
    backup of the cut trail is recorded as diverging, and the restore returns past it)."""
    good = backup_file(trail, label="manual")
    cut(trail, "WHERE seq = 5")
    restore_backup(trail, good)
    assert [h.fits for h in recorded_heads(trail)] == ["recorded"]
    code, text = cli_verify(trail, capsys)
    assert code == 0 and "共 5 条" in text and "恢复前 4 条、恢复后 5 条" in text
    add_entries(trail, 1)
    backup_file(trail, label="manual")
    code, _ = cli_verify(trail, capsys)
    assert code == 0


def test_a_cut_copy_with_an_older_backups_head_is_not_an_honest_rollback(
    trail: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The attack (second tester): cut a copy back to an older backup's head and restore it.
    Its head equals a recorded one, but it is not that backup: the entries after it (covered
    by the newer backup's head) are gone while the business data is kept. It used to count
    as ``recorded`` (verify exit 0); only the recorded backup file itself may."""
    backup_file(trail, label="manual")  # B1: 5 entries
    add_entries(trail, 4)
    newer = backup_file(trail, label="manual")  # B2: 9 entries
    forged = tmp_path / "forged.sqlite3"
    shutil.copyfile(trail, forged)
    cut(forged, "WHERE seq > 5")  # same head as B1, same data as now
    restore_backup(trail, forged)
    restore = [h for h in recorded_heads(trail) if h.source == "restore"][-1]
    assert restore.fits == "diverges" and restore.misfit is not None
    assert restore.misfit.where == newer.name and restore.misfit_problem == "truncated"
    code, text = cli_verify(trail, capsys)
    assert code == 1, text
    assert "来历不可信" in text and str(forged) in text and "它有 5 条（少了记录）" in text


def test_a_backup_of_a_trail_cut_back_to_an_older_head_is_not_a_rollback_point(
    trail: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same cut made on the live database, then backed up by the app: the backup's head
    equals B1's, but the trail misses B2's, so the backup diverges and restoring it is no
    honest rollback."""
    backup_file(trail, label="manual")  # 5
    add_entries(trail, 4)
    backup_file(trail, label="manual")  # 9
    cut(trail, "WHERE seq > 5")
    cut_copy = backup_file(trail, label="manual")
    assert recorded_heads(trail)[-1].fits == "diverges"
    restore_backup(trail, cut_copy)
    code, text = cli_verify(trail, capsys)
    assert code == 1 and "来历不可信" in text


def test_an_honest_rollback_from_a_moved_copy_of_a_backup_is_clean(
    trail: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The digest is of the file, not of where it lies: a backup copied to a USB stick and
    restored from there is still that backup."""
    older = backup_file(trail, label="manual")  # 5
    add_entries(trail, 4)
    backup_file(trail, label="manual")  # 9
    stick = tmp_path / "stick" / "fb.sqlite3"
    stick.parent.mkdir()
    shutil.copyfile(older, stick)
    restore_backup(trail, stick)
    code, text = cli_verify(trail, capsys)
    assert code == 0 and "共 5 条" in text
    assert "恢复前 9 条、恢复后 5 条（与此前记录的链头相同）" in text
    restore_backup(trail, older)  # and the backup itself, after that rollback: still ours
    code, _ = cli_verify(trail, capsys)
    assert code == 0


def test_a_rollback_to_a_backup_recorded_without_a_digest_is_left_to_the_reviewer(
    trail: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A head log written before digests were recorded cannot prove a file is that backup:
    a rollback past a newer head is reported (the reviewer decides); a restore that keeps
    every head is still clean."""
    import json

    older = backup_file(trail, label="manual")  # 5
    add_entries(trail, 4)
    newest = backup_file(trail, label="manual")  # 9
    log = heads_log(trail)
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert all(len(line.get("sha256", "")) == 64 for line in lines)
    for line in lines:
        del line["sha256"]
    log.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    restore_backup(trail, newest)  # holds every head recorded: extends
    code, _ = cli_verify(trail, capsys)
    assert code == 0
    restore_backup(trail, older)  # misses the 9-entry head, and nothing proves it is ours
    code, text = cli_verify(trail, capsys)
    assert code == 1 and "来历不可信" in text and "它有 5 条（少了记录）" in text
