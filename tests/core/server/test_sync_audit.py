"""修改记录 reach the department server (decision 0030): a laptop's entries go up into the
manager's own chain there (per-manager ``mseq``, the laptop's hashes kept), the server verifies
each chain and shows its head, a laptop whose synced entries were changed or deleted is caught
at the next sync, and a row changed on the server is caught by the server's verify."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest
from cli_support import run
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import DBAPIError
from sync_support import LOGIN_PASSWORD, laptop, manager_logins

from fieldbook.core.journal import Journal
from fieldbook.core.server.audit_chains import audit_heads, verify_chains
from fieldbook.core.server.sync import address_only, sync
from fieldbook.core.server.sync_audit import AuditPush
from fieldbook.core.server.sync_held import SyncProblem
from fieldbook.core.server.sync_report import SyncError, SyncReport
from fieldbook.core.store import audit
from fieldbook.messages import describe_sync_problem

pytestmark = pytest.mark.postgresql


@pytest.fixture
def one(tmp_path: Path, template_db: Path) -> Iterator[Journal]:
    j = laptop(tmp_path, template_db, 1)
    yield j
    j.close()


@pytest.fixture
def admin(pg_database: str) -> Iterator[Engine]:
    engine = create_engine(pg_database)
    yield engine
    engine.dispose()


def correct(j: Journal, n: int, *, manager: str | None = None) -> None:
    """``n`` corrections, one audit entry each (of ``manager``, default the profile's)."""
    with j.writing() as s:
        mid = manager or j.current_manager_id(s)
        for k in range(n):
            audit.record(
                s,
                manager_id=mid,
                record_type="visit",
                record_id=f"v{k}",
                changes={"facings": (k, k + 1)},
                reason=f"更正第 {k} 项",
            )


def server_rows(admin: Engine) -> list[tuple[object, ...]]:
    with admin.connect() as con:
        return [
            tuple(r)
            for r in con.execute(
                text("SELECT mseq, seq, hash FROM manager_audit_entries ORDER BY manager_id, mseq")
            )
        ]


def laptop_sql(j: Journal, *statements: str) -> None:
    """Change the laptop's file behind Fieldbook's back: the triggers dropped, the changes
    made, the triggers put back (so the file still opens as an untouched one)."""
    with j.engine.begin() as con:
        triggers = con.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
            " AND tbl_name = 'audit_entries'"
        ).all()
        for name, _ in triggers:
            con.exec_driver_sql(f"DROP TRIGGER {name}")
        for sql in statements:
            con.exec_driver_sql(sql)
        for _, sql in triggers:
            con.exec_driver_sql(sql)


def test_the_chain_goes_up_per_manager_and_verifies_on_the_server(
    tmp_path: Path, template_db: Path, one: Journal, pg_database: str, admin: Engine
) -> None:
    logins = manager_logins(pg_database, ["QTH001", "QTH002"])
    two = laptop(tmp_path, template_db, 2)
    try:
        correct(one, 3)
        correct(one, 1, manager="someone-else")  # another profile's entry in the same chain
        correct(one, 2)
        correct(two, 4)  # the second laptop's seq 1..4 collide with the first's
        first = sync(one, logins["QTH001"])
        assert first.pushed["audit_entries"] == 5
        assert sync(two, logins["QTH002"]).pushed["audit_entries"] == 4
        heads = {h.code: h for h in audit_heads(admin)}
        assert (heads["QTH001"].count, heads["QTH002"].count) == (5, 4)
        with admin.connect() as con:
            chains = con.execute(
                text(
                    "SELECT m.code, array_agg(e.mseq ORDER BY e.mseq), array_agg(e.seq ORDER BY"
                    " e.mseq) FROM manager_audit_entries e JOIN managers m ON m.id = e.manager_id"
                    " GROUP BY m.code ORDER BY m.code"
                )
            ).all()
        assert [tuple(c) for c in chains] == [
            ("QTH001", [1, 2, 3, 4, 5], [1, 2, 3, 5, 6]),  # seq 4 is the other profile's
            ("QTH002", [1, 2, 3, 4], [1, 2, 3, 4]),
        ]
        checks = verify_chains(admin)
        assert [(c.head.code, c.ok, c.head.count) for c in checks] == [
            ("QTH001", True, 5),
            ("QTH002", True, 4),
        ]
        # idempotent: a second sync moves nothing; new entries follow on
        again = sync(one, logins["QTH001"])
        assert again.moved == 0 and again.problems == [] and again.conflicts == []
        correct(one, 2)
        assert sync(one, logins["QTH001"]).pushed["audit_entries"] == 2
        (check,) = verify_chains(admin, "qth001")
        assert check.ok and check.head.count == 7
        assert check.head.link == audit_heads(admin, "QTH001")[0].link
    finally:
        two.close()


def test_the_servers_chains_are_append_only_and_each_managers_own(
    one: Journal, pg_database: str, admin: Engine
) -> None:
    logins = manager_logins(pg_database, ["QTH001", "QTH002"])
    correct(one, 2)
    sync(one, logins["QTH001"])
    mine, theirs = (create_engine(logins[c]) for c in ("QTH001", "QTH002"))
    with one.reading() as s:
        manager = one.current_manager_id(s)
    try:
        with theirs.connect() as con:  # row-level security: another manager sees none
            assert con.execute(text("SELECT count(*) FROM manager_audit_entries")).scalar() == 0
        for engine, sql in [
            (mine, "UPDATE manager_audit_entries SET reason = 'x'"),
            (mine, "DELETE FROM manager_audit_entries"),
            (admin, "UPDATE manager_audit_entries SET reason = 'x'"),  # the trigger
            (admin, "DELETE FROM manager_audit_entries"),
            (
                theirs,  # a row in another manager's chain
                "INSERT INTO manager_audit_entries VALUES ('forged', :m, 9, 'o', 9, now(), 'v',"
                " 'v', 'f', NULL, NULL, 'r', 'p', 'h', 'l', 'l')",
            ),
        ]:
            with pytest.raises(DBAPIError), engine.begin() as con:
                con.execute(text(sql), {"m": manager} if ":m" in sql else {})
    finally:
        mine.dispose()
        theirs.dispose()
    assert len(server_rows(admin)) == 2


def test_a_sync_cut_off_between_batches_resumes(
    one: Journal, pg_database: str, admin: Engine
) -> None:
    logins = manager_logins(pg_database, ["QTH001"])
    sync(one, logins["QTH001"])  # everything else up first
    correct(one, 5)

    def cut() -> None:
        raise SyncError("interrupted", "test")

    server = create_engine(logins["QTH001"])
    try:
        with one.reading() as s:
            manager = one.current_manager_id(s)
        with pytest.raises(SyncError):
            AuditPush(one, server, SyncReport(), 2, cut).run(manager)
    finally:
        server.dispose()
    assert [r[0] for r in server_rows(admin)] == [1, 2]  # the first batch stands
    assert sync(one, logins["QTH001"], batch=2).pushed["audit_entries"] == 3
    assert [r[1] for r in server_rows(admin)] == [1, 2, 3, 4, 5]
    assert all(c.ok for c in verify_chains(admin))
    assert sync(one, logins["QTH001"]).moved == 0


def _rewrite_from(j: Journal, seq: int) -> None:
    """A forger's rewrite: entry ``seq`` changed and the chain after it recomputed, so the
    laptop's own ``audit verify`` finds nothing."""
    with j.engine.connect() as con:
        rows = [
            dict(r._mapping)
            for r in con.exec_driver_sql("SELECT * FROM audit_entries ORDER BY seq")
        ]
    prev = audit.GENESIS
    statements = []
    for row in rows:
        if row["seq"] == seq:
            row["new_value"] = "99"
        row["prev_hash"] = prev
        fields = {**row, "at": _as_datetime(row["at"])}
        prev = audit.entry_hash(fields)
        statements.append(
            f"UPDATE audit_entries SET new_value = '{row['new_value']}', prev_hash = "
            f"'{row['prev_hash']}', hash = '{prev}' WHERE id = '{row['id']}'"
        )
    laptop_sql(j, *statements)


def _as_datetime(value: object) -> object:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def test_a_rewritten_laptop_chain_is_caught_at_sync(
    one: Journal, pg_database: str, admin: Engine
) -> None:
    logins = manager_logins(pg_database, ["QTH001"])
    correct(one, 5)
    sync(one, logins["QTH001"])
    before = server_rows(admin)
    _rewrite_from(one, 3)
    assert audit.verify(one).ok  # the laptop alone cannot tell
    correct(one, 1)  # and a new entry after it
    report = sync(one, logins["QTH001"])
    assert report.problems == [SyncProblem("audit_rewritten", "QTH001", 3)]
    (conflict,) = report.conflicts
    kind = (conflict.kind, conflict.table, conflict.kept)
    assert kind == ("audit_diverged", "audit_entries", "server")
    assert "audit_entries" not in report.pushed
    assert server_rows(admin) == before  # nothing of the laptop's new chain went up
    line = describe_sync_problem(report.problems[0], "zh_CN")
    assert "QTH001" in line and "第 3 条" in line and "改动" in line
    assert all(c.ok for c in verify_chains(admin))  # the server's copy stands
    # the last synced entry changed in place (its hash left as it was)
    laptop_sql(one, "UPDATE audit_entries SET reason = '改过' WHERE seq = 5")
    assert sync(one, logins["QTH001"]).problems[0].kind == "audit_rewritten"


def test_deleted_last_entries_are_caught_at_sync(
    one: Journal,
    pg_database: str,
    admin: Engine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    logins = manager_logins(pg_database, ["QTH001"])
    correct(one, 5)
    sync(one, logins["QTH001"])
    laptop_sql(one, "DELETE FROM audit_entries WHERE seq >= 4")
    assert audit.verify(one).ok  # a shorter chain is still a chain
    report = sync(one, logins["QTH001"])
    assert report.problems == [SyncProblem("audit_deleted", "QTH001", 4)]
    assert report.conflicts[0].kind == "audit_diverged"
    assert "删除" in describe_sync_problem(report.problems[0], "zh_CN")
    correct(one, 3)  # new entries take the deleted numbers: still caught, still not sent
    report = sync(one, logins["QTH001"])
    assert report.problems == [SyncProblem("audit_deleted", "QTH001", 4)]
    assert len(server_rows(admin)) == 5
    # the command line: exit 1, one line naming the manager and the entry
    monkeypatch.setenv("PGPASSWORD", LOGIN_PASSWORD)
    path = str(tmp_path / "laptop1.sqlite3")
    code, _, err = run(capsys, "--db", path, "sync", "--server", address_only(logins["QTH001"]))
    assert code == 1, err
    lines = [x for x in err.splitlines() if "修改记录" in x]
    assert len(lines) == 1, err
    line = lines[0]
    assert line.startswith("客户经理 QTH001 的修改记录与部门服务器不符") and "第 4 条" in line


def test_a_tampered_server_row_is_caught_by_the_servers_verify(
    one: Journal, pg_database: str, admin: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    logins = manager_logins(pg_database, ["QTH001"])
    correct(one, 4)
    sync(one, logins["QTH001"])
    verify = ("--db", pg_database, "server", "audit-verify")
    code, out, _ = run(capsys, *verify)
    head = audit_heads(admin)[0]
    assert code == 0 and out == f"QTH001 经理1：修改记录完好，共 4 条，末条哈希 {head.link}\n"

    def tamper(sql: str) -> None:
        with admin.begin() as con:
            con.execute(text("ALTER TABLE manager_audit_entries DISABLE TRIGGER USER"))
            con.execute(text(sql))
            con.execute(text("ALTER TABLE manager_audit_entries ENABLE TRIGGER USER"))

    tamper("UPDATE manager_audit_entries SET new_value = '7' WHERE mseq = 2")
    (check,) = verify_chains(admin)
    assert (check.ok, check.mseq, check.problem) == (False, 2, "hash_mismatch")
    code, _, err = run(capsys, *verify, "--manager", "QTH001")
    assert code == 1 and "QTH001 经理1：修改记录在服务器第 2 条（本机编号 2）处断开" in err
    tamper("DELETE FROM manager_audit_entries WHERE mseq = 2")
    assert verify_chains(admin)[0].problem == "gap"
    tamper("UPDATE manager_audit_entries SET mseq = 2 WHERE mseq = 3")  # renumbered over it
    assert verify_chains(admin)[0].problem == "link_mismatch"
    assert run(capsys, *verify, "--manager", "QTH009")[0] == 2


def test_two_laptops_of_one_manager_share_the_managers_chain(
    tmp_path: Path, one: Journal, pg_database: str, admin: Engine
) -> None:
    """A second laptop made from a copy of the first (its own origin: the copy's setting
    cleared) sends only its new entries; both laptops' entries are one chain on the server."""
    logins = manager_logins(pg_database, ["QTH001"])
    correct(one, 3)
    sync(one, logins["QTH001"])
    copy = tmp_path / "second.sqlite3"
    source = tmp_path / "laptop1.sqlite3"
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(copy)) as dst:
        src.backup(dst)
    second = Journal.open(f"sqlite:///{copy}")
    try:
        with second.engine.begin() as con:
            con.exec_driver_sql("DELETE FROM settings WHERE key = 'sync.audit_origin'")
        correct(one, 1)
        correct(second, 2)  # its seq 4 and 5: other entries than the first laptop's seq 4
        assert sync(one, logins["QTH001"]).pushed["audit_entries"] == 1
        report = sync(second, logins["QTH001"])
        assert report.pushed["audit_entries"] == 2 and report.problems == []
        assert [r[:2] for r in server_rows(admin)] == [
            (1, 1),
            (2, 2),
            (3, 3),
            (4, 4),
            (5, 4),
            (6, 5),
        ]
        (check,) = verify_chains(admin)
        assert check.ok and check.head.count == 6
        assert sync(second, logins["QTH001"]).moved == 0
        assert sync(one, logins["QTH001"]).moved == 0
    finally:
        second.close()
