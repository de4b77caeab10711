"""The audit trail outside the app: the database itself refuses UPDATE and DELETE (triggers),
and whatever someone does after dropping the triggers — changing a value, removing a row,
slipping a row in — ``audit verify`` finds it at that entry."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fieldbook.cli import main
from fieldbook.core import audit
from fieldbook.core.journal import Journal

DROP = ["DROP TRIGGER audit_entries_no_update", "DROP TRIGGER audit_entries_no_delete"]


def recreate_triggers(con: sqlite3.Connection) -> None:
    import importlib.util

    from fieldbook.core.resources import migrations_dir

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
    with journal.reading() as s:
        manager = journal.current_manager_id(s)
    with journal.writing("audit") as s:
        audit.record(
            s,
            manager_id=manager,
            record_type="visit",
            record_id="v-1",
            changes={"left_at": ("10:05", "10:25"), "notes": ("", "补记"), "facings": (2, 3)},
            reason="离店时间记错了",
        )
    with journal.writing("audit") as s:
        audit.record(
            s,
            manager_id=manager,
            record_type="daylog",
            record_id="d-1",
            changes={"summary": ("走访 28 户", "走访 29 户"), "visits": (28, 29)},
            reason="主任抽查更正",
        )
    assert audit.verify(journal).ok and audit.verify(journal).count == 5
    journal.close()
    return db_path


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


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
    con = raw(trail)
    for sql in DROP:
        con.execute(sql)
    con.execute("UPDATE audit_entries SET new_value = '30' WHERE seq = 5")
    recreate_triggers(con)
    con.close()
    report = verify(trail)
    assert not report.ok and report.broken_seq == 5 and report.problem == "hash_mismatch"
    assert report.count == 4
    assert main(["--db", str(trail), "audit", "verify"]) == 1
    assert "第 5 条" in capsys.readouterr().err


def test_a_changed_reason_with_a_recomputed_own_hash_breaks_the_next_link(trail: Path) -> None:
    con = raw(trail)
    for sql in DROP:
        con.execute(sql)
    row = con.execute(
        f"SELECT {', '.join(audit.HASHED_FIELDS)} FROM audit_entries WHERE seq = 2"
    ).fetchone()
    fields = dict(zip(audit.HASHED_FIELDS, row, strict=True))
    fields["reason"] = "无"
    con.execute(
        "UPDATE audit_entries SET reason = ?, hash = ? WHERE seq = 2",
        ("无", audit.entry_hash(fields)),
    )
    recreate_triggers(con)  # a careful forger leaves the schema as it was
    con.close()
    report = verify(trail)
    assert report.broken_seq == 3 and report.problem == "prev_mismatch"


def test_a_removed_row_is_a_gap(trail: Path) -> None:
    con = raw(trail)
    for sql in DROP:
        con.execute(sql)
    con.execute("DELETE FROM audit_entries WHERE seq = 3")
    recreate_triggers(con)
    con.close()
    report = verify(trail)
    assert report.broken_seq == 4 and report.problem == "gap" and report.expected_seq == 3


def test_a_row_slipped_in_the_middle_is_found(trail: Path) -> None:
    con = raw(trail)
    for sql in DROP:
        con.execute(sql)
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
    recreate_triggers(con)
    con.close()
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
