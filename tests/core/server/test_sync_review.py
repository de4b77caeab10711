"""A week report's review round trip on a real PostgreSQL (decision 0029): returned by the
director, resubmitted on the laptop, approved — every round kept on both sides; an approval
stands against a laptop; a week report changed on two laptops of one manager keeps the
server's newer copy and says so (``newer_on_server``), listed on the laptop until seen."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sync_support import LOGIN_PASSWORD, MON, laptop, manager_logins

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.routine.week import label_for
from fieldbook.core.server.department import review_week
from fieldbook.core.server.roles import ServerUserInput, add_user
from fieldbook.core.server.sync import sync
from fieldbook.core.server.sync_conflicts import acknowledge_conflicts, stored_conflicts

pytestmark = pytest.mark.postgresql
LABEL = label_for(MON)


@pytest.fixture
def one(tmp_path: Path, template_db: Path) -> Iterator[Journal]:
    j = laptop(tmp_path, template_db, 1)  # QTH001: the week submitted
    yield j
    j.close()


def _server_rounds(url: str) -> list[tuple[object, ...]]:
    engine = create_engine(url)
    try:
        with engine.connect() as con:
            return [
                tuple(r)
                for r in con.execute(
                    text(
                        "SELECT r.round, r.review, r.review_comment, r.reviewer, w.status"
                        " FROM week_report_rounds r JOIN week_reports w"
                        " ON w.id = r.week_report_id ORDER BY r.round"
                    )
                )
            ]
    finally:
        engine.dispose()


def _director(url: str) -> str:
    role = "dir_" + "_".join(make_url(url).database.rsplit("_", 2)[-2:])
    add_user(url, ServerUserInput(role, "director", LOGIN_PASSWORD))
    return make_url(url).set(username=role, password=LOGIN_PASSWORD).render_as_string(False)


def _review(url: str, verdict: str, comment: str, at: datetime) -> None:
    director = Journal.open(url)
    try:
        with director.engine.connect() as con:
            report_id = con.execute(text("SELECT id FROM week_reports")).scalar_one()
        with clock.pinned(at, running=False):
            review_week(director, report_id, verdict, comment, reviewer="市场部李主任")
    finally:
        director.close()


def test_a_returned_report_resubmitted_and_approved_keeps_every_round_on_both_sides(
    one: Journal, pg_database: str
) -> None:
    logins = manager_logins(pg_database, ["QTH001"])
    director = _director(pg_database)
    start = clock.now()
    sync(one, logins["QTH001"])
    _review(director, "returned", "补充重点客户", start + timedelta(hours=1))
    with clock.pinned(start + timedelta(hours=2), running=False):
        sync(one, logins["QTH001"])
    returned = one.weeks.get(LABEL)
    assert (returned.status, returned.review) == ("reviewed", "returned")
    assert [(r.round, r.review, r.review_comment) for r in returned.rounds] == [
        (1, "returned", "补充重点客户")
    ]

    with clock.pinned(start + timedelta(hours=3), running=False):
        one.weeks.correct(LABEL, "work_done", "走访周一线路，补充重点客户", "按市场部意见补充")
        one.weeks.resubmit(LABEL)
        assert sync(one, logins["QTH001"]).pushed.get("week_report_rounds") == 1
    assert _server_rounds(pg_database) == [
        (1, "returned", "补充重点客户", "市场部李主任", "submitted"),
        (2, "", "", "", "submitted"),
    ]
    _review(director, "approved", "", start + timedelta(hours=4))
    with clock.pinned(start + timedelta(hours=5), running=False):
        assert sync(one, logins["QTH001"]).pulled.get("week_report_rounds") == 1
    approved = one.weeks.get(LABEL)
    assert (approved.status, approved.review) == ("reviewed", "approved")
    history = [(r.round, r.review, r.review_comment, r.reviewer) for r in approved.rounds]
    assert history == [
        (1, "returned", "补充重点客户", "市场部李主任"),
        (2, "approved", "", "市场部李主任"),
    ]
    assert [row[:4] for row in _server_rounds(pg_database)] == history
    assert _server_rounds(pg_database)[-1][-1] == "reviewed"
    # an approval stands: the laptop cannot resubmit it, and a later sync changes nothing
    with pytest.raises(InvalidValue):
        one.weeks.resubmit(LABEL)
    assert sync(one, logins["QTH001"]).moved == 0


def test_an_approval_stands_against_a_laptop_that_still_says_submitted(
    one: Journal, pg_database: str
) -> None:
    """A report approved on the server is not made "submitted" again by a later push of the
    laptop's copy (e.g. a correction made before the approval came down)."""
    logins = manager_logins(pg_database, ["QTH001"])
    start = clock.now()
    sync(one, logins["QTH001"])
    _review(pg_database, "approved", "", start + timedelta(hours=1))
    with clock.pinned(start + timedelta(hours=2), running=False):
        one.weeks.correct(LABEL, "work_done", "更正", "笔误")
        sync(one, logins["QTH001"])
    assert _server_rounds(pg_database) == [(1, "approved", "", "市场部李主任", "reviewed")]
    assert one.weeks.get(LABEL).review == "approved"


def test_a_report_changed_on_two_laptops_keeps_the_newer_server_copy_and_says_so(
    one: Journal, pg_database: str, tmp_path: Path
) -> None:
    logins = manager_logins(pg_database, ["QTH001"])
    start = clock.now()
    sync(one, logins["QTH001"])
    second_path = tmp_path / "second.sqlite3"
    one.close()
    shutil.copyfile(make_url(str(one.engine.url)).database or "", second_path)
    one = Journal.open(str(one.engine.url))
    second = Journal.open(f"sqlite:///{second_path}")
    with second.engine.begin() as con:  # a second laptop is its own origin (decision 0030)
        con.exec_driver_sql("DELETE FROM settings WHERE key = 'sync.audit_origin'")
    try:
        with clock.pinned(start + timedelta(hours=1), running=False):
            one.weeks.correct(LABEL, "problems", "先在这台电脑上改", "补充")
        with clock.pinned(start + timedelta(hours=2), running=False):
            second.weeks.correct(LABEL, "problems", "后在第二台电脑上改", "补充")
            assert sync(second, logins["QTH001"]).conflicts == []
        with clock.pinned(start + timedelta(hours=3), running=False):
            report = sync(one, logins["QTH001"])
        assert [(c.kind, c.table, c.label, c.kept) for c in report.conflicts] == [
            ("newer_on_server", "week_reports", LABEL, "server")
        ]
        engine = create_engine(pg_database)
        try:
            with engine.connect() as con:
                narrative = con.execute(text("SELECT narrative FROM week_reports")).scalar_one()
        finally:
            engine.dispose()
        assert "后在第二台电脑上改" in narrative  # the server's newer copy was kept
        listed = stored_conflicts(one)
        assert [(c.kind, c.label, c.kept) for c in listed] == [("newer_on_server", LABEL, "server")]
        assert acknowledge_conflicts(one) == 1
        assert stored_conflicts(one) == []
        assert len(stored_conflicts(one, include_seen=True)) == 1
    finally:
        second.close()
        one.close()


def test_cli_lists_a_conflict_at_the_sync_and_until_it_is_seen(
    one: Journal,
    pg_database: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from fieldbook.cli import main as cli

    logins = manager_logins(pg_database, ["QTH001"])
    start = clock.now()
    sync(one, logins["QTH001"])
    url = one.url
    one.close()
    second_path = tmp_path / "second.sqlite3"
    shutil.copyfile(make_url(url).database or "", second_path)
    second = Journal.open(f"sqlite:///{second_path}")
    with second.engine.begin() as con:  # a second laptop is its own origin (decision 0030)
        con.exec_driver_sql("DELETE FROM settings WHERE key = 'sync.audit_origin'")
    first = Journal.open(url)
    try:
        with clock.pinned(start + timedelta(hours=1), running=False):
            first.weeks.correct(LABEL, "problems", "先改", "补充")
        with clock.pinned(start + timedelta(hours=2), running=False):
            second.weeks.correct(LABEL, "problems", "后改", "补充")
            sync(second, logins["QTH001"])
    finally:
        first.close()
        second.close()
    monkeypatch.setenv("PGPASSWORD", LOGIN_PASSWORD)
    address = logins["QTH001"].replace(f":{LOGIN_PASSWORD}@", "@")
    with clock.pinned(start + timedelta(hours=3), running=False):
        assert cli.main(["--db", url, "sync", "--server", address]) == 0
    line = f"冲突：另一台电脑改过的更新：周报 {LABEL}，保留服务器上的版本"
    shown = [x for x in capsys.readouterr().out.splitlines() if x.startswith("冲突")]
    assert len(shown) == 1 and shown[0].startswith(line)
    assert cli.main(["--db", url, "sync", "conflicts", "--ack"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and line.removeprefix("冲突：") in out[0]
    assert out[1] == "已标记 1 条同步冲突为已查看"
    assert cli.main(["--db", url, "sync", "conflicts"]) == 0
    assert capsys.readouterr().out.splitlines() == ["没有未查看的同步冲突"]
    assert cli.main(["--db", url, "sync", "conflicts", "--all"]) == 0
    assert "已查看" in capsys.readouterr().out
