"""The audit trail: one hash-chained entry per changed field, appended in the caller's
transaction, read back per record, verified end to end."""

from __future__ import annotations

import itertools
import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from corrections import correct, manager

from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.store import audit
from fieldbook.core.store.models import AuditEntry


def test_one_entry_per_changed_field_chained(journal: Journal) -> None:
    added = correct(
        journal,
        "v-1",
        {
            "left_at": (datetime(2026, 11, 30, 10, 5), datetime(2026, 11, 30, 10, 25)),
            "facings": (2, 2),  # unchanged: not recorded
            "notes": (None, "补记：店主外出"),
            "visit_date": (date(2026, 11, 30), date(2026, 11, 29)),
        },
        "离店时间记错了",
    )
    assert [(e.seq, e.field) for e in added] == [(1, "left_at"), (2, "notes"), (3, "visit_date")]
    assert added[1].old_value is None and added[1].new_value == "补记：店主外出"
    assert added[0].new_value == "2026-11-30T10:25:00"
    more = correct(journal, "v-2", {"facings": (2, 3)})
    assert [e.seq for e in more] == [4]
    with journal.reading() as s:
        rows = [
            {f: getattr(r, f) for f in (*audit.HASHED_FIELDS, "hash")}
            for r in s.query(AuditEntry).order_by(AuditEntry.seq)
        ]
    assert rows[0]["prev_hash"] == audit.GENESIS
    for before, after in itertools.pairwise(rows):
        assert after["prev_hash"] == before["hash"]
    assert all(r["hash"] == audit.entry_hash(r) for r in rows)
    report = audit.verify(journal)
    assert report.ok and report.count == 4 and report.head_hash == rows[-1]["hash"]


def test_history_of_one_record(journal: Journal) -> None:
    correct(journal, "v-1", {"a": (1, 2)}, "第一次")
    correct(journal, "v-2", {"a": (5, 6)})
    correct(journal, "v-1", {"a": (2, 3)}, "第二次")
    rows = audit.history(journal, "visit", "v-1")
    assert [(r.old_value, r.new_value, r.reason) for r in rows] == [
        (1, 2, "第一次"),
        (2, 3, "第二次"),
    ]
    assert audit.history(journal, "visit", "nope") == []


def test_a_correction_needs_a_reason(journal: Journal) -> None:
    with pytest.raises(InvalidValue) as info:
        correct(journal, "v-1", {"a": (1, 2)}, "  ")
    assert info.value.detail == "reason_required"
    assert audit.verify(journal).count == 0


def test_entries_roll_back_with_the_change_they_describe(journal: Journal) -> None:
    correct(journal, "v-1", {"a": (1, 2)})
    with pytest.raises(RuntimeError), journal.writing("audit") as s:
        audit.record(
            s,
            manager_id="",
            record_type="visit",
            record_id="v-1",
            changes={"a": (2, 3)},
            reason="x",
        )
        raise RuntimeError("the correction itself failed")
    assert [e.seq for e in audit.history(journal, "visit", "v-1")] == [1]
    assert [e.seq for e in correct(journal, "v-1", {"a": (2, 4)})] == [2]
    assert audit.verify(journal).ok


def test_empty_trail_verifies(journal: Journal) -> None:
    report = audit.verify(journal)
    assert report.ok and report.count == 0 and report.head_hash == audit.GENESIS


def test_values_are_canonical_json(journal: Journal) -> None:
    correct(journal, "v-1", {"answers": ({"b": 1, "a": [1, 2]}, {"a": [1], "b": "是"})})
    with journal.reading() as s:
        old, new = s.query(AuditEntry.old_value, AuditEntry.new_value).one()
    assert old == '{"a": [1, 2], "b": 1}'
    assert new is not None and json.loads(new) == {"a": [1], "b": "是"}
    with pytest.raises(TypeError):
        audit.encode_value(object())


def test_triggers_are_in_the_schema(journal: Journal, db_path: Path) -> None:
    journal.close()
    con = sqlite3.connect(db_path)
    try:
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    finally:
        con.close()
    assert {"audit_entries_no_update", "audit_entries_no_delete"} <= names


def test_cli_audit_verify_and_show(
    journal: Journal, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fieldbook.cli.main import main

    correct(journal, "v-9", {"left_at": ("10:05", "10:25")}, "记错了")
    journal.close()
    assert main(["--db", str(db_path), "audit", "verify"]) == 0
    assert "共 1 条" in capsys.readouterr().out
    assert main(["--db", str(db_path), "audit", "show", "--record", "visit:v-9"]) == 0
    out = capsys.readouterr().out
    assert "left_at\t10:05\t10:25\t记错了" in out
    assert main(["--db", str(db_path), "audit", "show", "--record", "visit"]) == 2


def test_rows_built_by_the_chain_in_bulk_continue_the_trail(journal: Journal) -> None:
    """The demo generator inserts entries in bulk: rows from ``Chain.extend`` continue the
    trail ``record`` wrote, and the whole chain still verifies."""
    correct(journal, "v-1", {"notes": ("a", "b")})
    ids = iter(["bulk-1", "bulk-2"])
    with journal.writing("audit") as s:
        chain = audit.Chain.tail_of(s)
        rows = chain.extend(
            {"facings": (1, 2), "same": (3, 3), "notes": ("b", "c")},
            new_id=lambda: next(ids),
            at=datetime(2026, 12, 1, 9, 0),
            manager_id=manager(journal),
            record_type="visit",
            record_id="v-1",
            reason="批量更正",
        )
        s.execute(AuditEntry.__table__.insert(), rows)
    assert [(r["seq"], r["field"], r["id"]) for r in rows] == [
        (2, "facings", "bulk-1"),
        (3, "notes", "bulk-2"),
    ]
    assert chain.seq == 3 and chain.prev == rows[-1]["hash"]
    assert rows[1]["prev_hash"] == rows[0]["hash"]
    report = audit.verify(journal)
    assert report.ok and report.count == 3 and report.head_hash == rows[-1]["hash"]
    assert [e.field for e in audit.history(journal, "visit", "v-1")] == [
        "notes",
        "facings",
        "notes",
    ]
