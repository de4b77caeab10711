"""Sync of three managers' laptops (SQLite) with one department server (PostgreSQL): counts
match, a second sync moves nothing, a sync cut off halfway and run again ends in the same
state, a department's answer and a review reach the right manager and no other."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pgserver import pg_admin, with_database
from sample_data import OPEN_ANSWERS, SKUS
from sqlalchemy import create_engine, func, select, text
from sync_support import (
    LOGIN_PASSWORD,
    MON,
    SYNCED_TABLES,
    at,
    laptop,
    manager_logins,
    server_state,
)

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.master.customers import CustomerInput
from fieldbook.core.routine.week import label_for
from fieldbook.core.server.sync import sync
from fieldbook.core.server.sync_report import SyncError
from fieldbook.core.slips.service import SlipInput
from fieldbook.core.store.models import Base

pytestmark = pytest.mark.postgresql

TABLES = SYNCED_TABLES


@pytest.fixture
def laptops(tmp_path: Path, template_db: Path) -> list[Journal]:
    js = [laptop(tmp_path, template_db, n) for n in (1, 2, 3)]
    yield js
    for j in js:
        j.close()


def counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as con:
            return {
                t: con.execute(select(func.count()).select_from(Base.metadata.tables[t])).scalar()
                for t in TABLES
            }
    finally:
        engine.dispose()


def local_count(j: Journal, table: str, where: str = "") -> int:
    with j.engine.connect() as con:
        return con.execute(text(f"SELECT count(*) FROM {table} {where}")).scalar()


def test_three_laptops_sync_and_a_second_sync_moves_nothing(
    laptops: list[Journal], pg_database: str
) -> None:
    reports = [sync(j, pg_database) for j in laptops]
    assert all(r.problems == [] for r in reports)
    server = counts(pg_database)
    assert server["managers"] == 3
    assert server["skus"] == len(SKUS)  # matched by code, not copied three times
    assert server["customers"] == 15
    for table in (
        "visits",
        "visit_skus",
        "plans",
        "plan_stops",
        "slips",
        "slip_deliveries",
        "slip_events",
        "week_reports",
        "routes",
    ):
        assert server[table] == sum(local_count(j, table) for j in laptops), table
    assert reports[0].pushed["visits"] == 3
    assert reports[0].pushed["visit_skus"] == local_count(laptops[0], "visit_skus") > 0
    assert "skus" not in reports[1].pushed  # the second laptop's SKUs were known by code

    again = [sync(j, pg_database) for j in laptops]
    assert [r.moved for r in again] == [0, 0, 0], [(r.pushed, r.pulled) for r in again]
    assert counts(pg_database) == server

    # new work on one laptop: only it moves
    j = laptops[1]
    stop = next(s for s in j.plans.get(MON).stops if s.state != "visited")
    v = j.visits.start(stop.customer_id, at=at("09:00"))
    j.visits.set_shop_status(v.id, "open")
    j.visits.save_answers(v.id, dict(OPEN_ANSWERS))
    j.visits.finish(v.id, at=at("09:12"))
    moved = sync(j, pg_database)
    assert moved.pushed.get("visits") == 1
    assert counts(pg_database)["visits"] == server["visits"] + 1


def test_a_follow_up_found_again_reaches_the_server(
    laptops: list[Journal], pg_database: str
) -> None:
    """A follow-up found again changes (seen_again, last_seen_at) long after it was created
    and after the sync's cursor moved past it: the sync still pushes it."""
    j = laptops[0]
    cid = j.plans.get(MON).stops[0].customer_id

    def messy_visit(n: int) -> None:
        start = at("08:00") + timedelta(days=n)
        v = j.visits.start(cid, at=start)
        j.visits.set_shop_status(v.id, "open")
        j.visits.save_answers(v.id, {**OPEN_ANSWERS, "display_quality": "杂乱"})
        j.visits.finish(v.id, at=start + timedelta(minutes=10))

    base = clock.now()
    with clock.pinned(base + timedelta(days=1)):
        messy_visit(1)
        sync(j, pg_database)
    with clock.pinned(base + timedelta(days=2)):  # moves the follow-ups' cursor on
        j.followups.create(cid, "回访店主", source="manual")
        sync(j, pg_database)
    with clock.pinned(base + timedelta(days=3)):
        messy_visit(3)
        assert sync(j, pg_database).pushed.get("followups") == 1
    (fu,) = [f for f in j.followups.list(customer_id=cid) if f.text == "复查陈列整改"]
    assert fu.seen_again == 1
    engine = create_engine(pg_database)
    try:
        with engine.connect() as con:
            row = con.execute(
                text("SELECT seen_again, last_seen_at FROM followups WHERE id = :id"),
                {"id": fu.id},
            ).one()
    finally:
        engine.dispose()
    assert tuple(row) == (1, fu.last_seen_at)


def test_a_sync_cut_off_halfway_and_run_again_ends_in_the_same_state(
    laptops: list[Journal], pg_database: str, pg_server: str
) -> None:
    reference = pg_database.rsplit("/", 1)[1] + "_ref"
    pg_admin(pg_server, f"CREATE DATABASE {reference} TEMPLATE {pg_database.rsplit('/', 1)[1]}")
    reference_url = with_database(pg_server, reference)
    try:
        for j in laptops:
            sync(j, reference_url)  # uninterrupted, into a copy of the same empty server
        for j in laptops:
            for stop_after in (2, 5, 9):
                with pytest.raises(SyncError):
                    sync(j, pg_database, batch=2, stop_after=stop_after)
            sync(j, pg_database, batch=2)
        assert server_state(pg_database) == server_state(reference_url)
        assert [sync(j, pg_database).moved for j in laptops] == [0, 0, 0]
    finally:
        pg_admin(pg_server, f"DROP DATABASE IF EXISTS {reference} WITH (FORCE)")


def test_a_department_answer_and_a_review_reach_the_right_manager_only(
    laptops: list[Journal], pg_database: str
) -> None:
    for j in laptops:
        sync(j, pg_database)
    server = Journal.open(pg_database)
    try:
        with server.engine.connect() as con:
            delivery_id, slip_number = con.execute(
                text(
                    "SELECT d.id, s.number FROM slip_deliveries d JOIN slips s ON s.id = d.slip_id"
                    " JOIN managers m ON m.id = s.manager_id WHERE m.code = 'QTH002' LIMIT 1"
                )
            ).one()
        server.slips.advance(delivery_id, "received", actor="专卖办张三")
        server.slips.advance(delivery_id, "handled", actor="专卖办张三")
        server.slips.advance(delivery_id, "done", actor="专卖办张三", answer="已核实，暂停营业登记")
        with server.engine.begin() as con:  # the market department's review of QTH001's week
            con.execute(
                text(
                    "UPDATE week_reports SET status='reviewed', review='returned',"
                    " review_comment='补充重点客户', reviewer='市场部李主任', reviewed_at=:at"
                    " WHERE manager_id = (SELECT id FROM managers WHERE code='QTH001')"
                ),
                {"at": datetime(2026, 12, 3, 16, 0)},
            )
    finally:
        server.close()

    pulled = [sync(j, pg_database).pulled for j in laptops]
    assert pulled[1].get("slip_deliveries") == 1 and pulled[1].get("slip_events") == 3
    assert "slip_deliveries" not in pulled[0] and "slip_deliveries" not in pulled[2]
    assert pulled[0].get("week_reports") == 1
    assert "week_reports" not in pulled[1] and "week_reports" not in pulled[2]

    answered = laptops[1].slips.by_number(slip_number)
    assert [(d.state, d.answer) for d in answered.deliveries if d.id == delivery_id] == [
        ("done", "已核实，暂停营业登记")
    ]
    for other in (laptops[0], laptops[2]):
        assert local_count(other, "slip_deliveries", f"WHERE id = '{delivery_id}'") == 0
        assert local_count(other, "slip_deliveries", "WHERE answer != ''") == 0
    week = laptops[0].weeks.get(label_for(MON))
    assert (week.status, week.review, week.review_comment) == (
        "reviewed",
        "returned",
        "补充重点客户",
    )
    assert laptops[2].weeks.get(label_for(MON)).status == "draft"
    assert [sync(j, pg_database).moved for j in laptops] == [0, 0, 0]


def test_cli_remembers_the_server_and_refuses_a_password_in_it(
    laptops: list[Journal], pg_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from fieldbook.cli import main as cli

    url = laptops[0].url
    laptops[0].close()
    assert cli.main(["--db", url, "sync"]) == 2  # no server yet
    assert "还没有设置部门服务器" in capsys.readouterr().err
    assert cli.main(["--db", url, "sync", "--server", pg_database]) == 0
    out = capsys.readouterr().out
    assert "上传：客户经理 1" in out and "走访 3" in out
    assert cli.main(["--db", url, "sync"]) == 0  # remembered
    assert capsys.readouterr().out.splitlines() == ["上传：无", "下载：无"]
    secret = pg_database.replace("fieldbook@", "fieldbook:hunter2@")
    assert cli.main(["--db", url, "sync", "--server", secret]) == 2
    assert "PGPASSWORD" in capsys.readouterr().err


def test_an_address_that_requires_tls_is_refused_by_a_server_without_it(
    laptops: list[Journal], pg_database: str
) -> None:
    with pytest.raises(SyncError) as caught:
        sync(laptops[0], pg_database + "?sslmode=require")
    assert caught.value.reason in ("unreachable", "connection")
    assert "SSL" in str(caught.value)  # "server does not support SSL": nothing sent in clear
    with laptops[0].reading() as s:
        assert laptops[0].get_setting(s, "sync.cursor.visits") is None  # nothing moved


def test_a_second_profile_with_a_known_code_is_a_clear_conflict(
    laptops: list[Journal], pg_database: str, tmp_path: Path, template_db: Path
) -> None:
    from sync_support import laptop as make_laptop

    sync(laptops[0], pg_database)
    before = counts(pg_database)
    folder = tmp_path / "reinstalled"
    folder.mkdir()
    again = make_laptop(folder, template_db, 1)  # the same manager code under new ids
    try:
        with pytest.raises(SyncError) as caught:
            sync(again, pg_database)
        assert caught.value.reason == "conflict"
        from fieldbook.messages import describe_error

        assert "相同编号" in describe_error(caught.value, "zh_CN")
    finally:
        again.close()
    assert counts(pg_database) == before  # nothing of the second laptop was written


# --- a customer code another manager owns (issue 13, item 10) ----------------------------------
TAKEN = "23091002"  # QTH001's customer on the server
MOVED_AT = datetime(2026, 12, 4, 8, 0)  # when the administrator moves it


def visit_and_report(j: Journal, code: str) -> tuple[str, str]:
    """QTH002's laptop has a customer ``code`` too: it visits the shop and sends a slip."""
    customer = j.customers.create(
        CustomerInput(code=code, shop_name="经理1的店2（也在经理2的名单里）", order_weekday=1)
    )
    v = j.visits.start(customer.id, at=at("10:00"))
    j.visits.set_shop_status(v.id, "open")
    j.visits.save_answers(v.id, dict(OPEN_ANSWERS))
    j.visits.finish(v.id, at=at("10:10"))
    slip = j.slips.create(
        SlipInput(
            "suspended",
            "经理2：店主说下月装修",
            customer.id,
            sub_reason="装修",
            effective_date=date(2026, 12, 10),
            return_date=date(2027, 1, 10),
        ),
        at=at("10:12"),
    )
    j.slips.send(slip.id, actor="经理2", at=at("10:13"))
    return v.id, slip.id


def on_server(url: str, sql: str, **params: object) -> object:
    engine = create_engine(url)
    try:
        with engine.connect() as con:
            return con.execute(text(sql), params).scalar()
    finally:
        engine.dispose()


def test_a_customer_another_manager_owns_holds_back_only_what_names_it(
    laptops: list[Journal], pg_database: str
) -> None:
    """Issue 13: the customers batch failed on every sync (unique code), so the visits and logs
    behind it never went up. Now: one problem naming the customer, everything else synced, and
    what names that customer waits (and goes up once the administrator has moved it)."""
    from fieldbook.core.server.roles import reassign_customer

    logins = manager_logins(pg_database, ["QTH001", "QTH002"])
    j1, j2 = laptops[0], laptops[1]
    assert sync(j1, logins["QTH001"]).problems == []
    visit_id, slip_id = visit_and_report(j2, TAKEN)
    j2.weeks.save(label_for(MON), narrative={"work_done": "经理2 走访周一线路，另访一户"})

    report = sync(j2, logins["QTH002"])  # as themselves, under row-level security
    assert [(p.code, p.kind) for p in report.problems] == [(TAKEN, "customer_elsewhere")]
    held = report.problems[0].held
    assert held >= 3  # the visit, the slip, its delivery (and the plan stop it added)
    assert report.pushed["visits"] == 3 and report.pushed["slips"] == 1
    assert report.pushed["week_reports"] == 1
    assert on_server(pg_database, "SELECT count(*) FROM visits WHERE id = :v", v=visit_id) == 0
    assert on_server(pg_database, "SELECT count(*) FROM slips WHERE id = :s", s=slip_id) == 0
    owner = (
        "SELECT m.code FROM customers c JOIN managers m ON m.id = c.manager_id WHERE c.code = :c"
    )
    assert on_server(pg_database, owner, c=TAKEN) == "QTH001"  # untouched

    again = sync(j2, logins["QTH002"])  # reported again, nothing else moves, nothing is lost
    assert [(p.code, p.held) for p in again.problems] == [(TAKEN, held)]
    assert again.moved == 0

    moved = reassign_customer(pg_database, TAKEN, "QTH002", reason="片区调整")
    assert (moved.from_manager, moved.to_manager, moved.changed) == ("QTH001", "QTH002", True)
    assert on_server(pg_database, owner, c=TAKEN) == "QTH002"

    after = sync(j2, logins["QTH002"])  # what waited goes up now, onto the server's customer
    assert after.problems == []
    assert after.pushed.get("visits") == 1 and after.pushed.get("slips") == 1
    server_customer = on_server(
        pg_database,
        "SELECT c.code FROM visits v JOIN customers c ON c.id = v.customer_id WHERE v.id = :v",
        v=visit_id,
    )
    assert server_customer == TAKEN
    assert sync(j2, logins["QTH002"]).moved == 0
    # QTH001 keeps its own visits of the shop; its laptop is told the shop is now someone else's
    first = sync(j1, logins["QTH001"])
    assert first.problems == []
    assert [(p.kind, p.code) for p in first.notices] == [("customer_moved", TAKEN)]
    assert first.moved == 0
    visits_of_qth001 = on_server(
        pg_database,
        "SELECT count(*) FROM visits v JOIN managers m ON m.id = v.manager_id"
        " WHERE m.code = 'QTH001'",
    )
    assert visits_of_qth001 == 3


def test_sync_reports_the_conflict_in_one_line_and_exits_1(
    laptops: list[Journal],
    pg_database: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from fieldbook.cli import main as cli

    logins = manager_logins(pg_database, ["QTH001", "QTH002"])
    sync(laptops[0], logins["QTH001"])
    visit_and_report(laptops[1], TAKEN)
    url = laptops[1].url
    laptops[1].close()
    monkeypatch.setenv("PGPASSWORD", LOGIN_PASSWORD)
    address = logins["QTH002"].replace(f":{LOGIN_PASSWORD}@", "@")  # libpq reads PGPASSWORD
    assert cli.main(["--db", url, "sync", "--server", address]) == 1  # synced, one problem
    out, err = capsys.readouterr()
    assert "走访 3" in out  # the rest went up
    lines = [line for line in err.splitlines() if TAKEN in line]
    assert len(lines) == 1 and "另一位客户经理" in lines[0] and "reassign-customer" in lines[0]
    assert "Traceback" not in err


def test_what_waits_is_not_skipped_when_newer_records_move_the_cursors(
    laptops: list[Journal], pg_database: str, tmp_path: Path, pinned_clock: datetime
) -> None:
    """Held rows keep each push cursor at or before them: hours of newer work synced in
    small batches after them do not make the sync forget them."""
    import openpyxl

    from fieldbook.core import clock
    from fieldbook.core.routine.orders import import_orders
    from fieldbook.core.server.roles import reassign_customer

    logins = manager_logins(pg_database, ["QTH001", "QTH002"])
    j2 = laptops[1]
    sync(laptops[0], logins["QTH001"])
    visit_id, slip_id = visit_and_report(j2, TAKEN)
    book = openpyxl.Workbook()
    book.active.append(["订单日期", "客户编码", "客户名称", "卷烟代码", "卷烟名称", "订购量(条)"])
    book.active.append(["2026-11-30", "23092001", "", "13100101", "", 2])
    book.active.append(["2026-11-30", TAKEN, "", "15300202", "", 3])
    book.save(tmp_path / "orders.xlsx")
    assert import_orders(j2, tmp_path / "orders.xlsx").applied
    first = sync(j2, logins["QTH002"], batch=2)
    assert [p.code for p in first.problems] == [TAKEN]
    assert first.pushed["order_lines"] == 1  # the own customer's line; TAKEN's waits
    lines = "SELECT count(*) FROM order_lines"
    with clock.pinned(pinned_clock + timedelta(hours=3)):  # the afternoon: more work, synced
        stop = next(s for s in j2.plans.get(MON).stops if s.state != "visited")
        v = j2.visits.start(stop.customer_id, at=at("14:00"))
        j2.visits.set_shop_status(v.id, "open")
        j2.visits.save_answers(v.id, dict(OPEN_ANSWERS))
        j2.visits.finish(v.id, at=at("14:10"))
        j2.weeks.save(label_for(MON), narrative={"work_done": "下午又走访一户"})
        second = sync(j2, logins["QTH002"], batch=2)
        assert second.pushed.get("visits") == 1 and second.pushed.get("week_reports") == 1
        assert [p.code for p in second.problems] == [TAKEN]
        assert on_server(pg_database, lines) == 1
    with clock.pinned(pinned_clock + timedelta(days=1)):  # the next day the administrator acts
        reassign_customer(pg_database, TAKEN, "QTH002", reason="片区调整")
        third = sync(j2, logins["QTH002"], batch=2)
    assert third.problems == []
    assert third.pushed.get("visits") == 1 and third.pushed.get("slips") == 1
    assert third.pushed.get("order_lines") == 2  # the day goes up again as a whole
    assert on_server(pg_database, "SELECT count(*) FROM visits WHERE id = :v", v=visit_id) == 1
    assert on_server(pg_database, "SELECT count(*) FROM slips WHERE id = :s", s=slip_id) == 1
    assert on_server(pg_database, lines) == 2
    assert sync(j2, logins["QTH002"]).moved == 0


def test_a_sync_with_a_conflict_cut_off_anywhere_ends_in_the_same_state(
    laptops: list[Journal], pg_database: str, pg_server: str, tmp_path: Path
) -> None:
    """Held rows and interrupted batches together: cut off at several points, then run to the
    end (before and after the administrator moves the customer), the server ends exactly as
    with uninterrupted syncs."""
    from fieldbook.core import clock
    from fieldbook.core.server.roles import reassign_customer

    logins = manager_logins(pg_database, ["QTH001", "QTH002"])
    sync(laptops[0], logins["QTH001"])
    visit_and_report(laptops[1], TAKEN)
    path = Path(laptops[1].db_path or "")
    laptops[1].close()
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(path.read_bytes())
    name = pg_database.rsplit("/", 1)[1]
    pg_admin(pg_server, f"CREATE DATABASE {name}_ref TEMPLATE {name}")
    reference = with_database(pg_server, f"{name}_ref")
    ref_login = with_database(logins["QTH002"], f"{name}_ref")
    try:
        ref = Journal.open(f"sqlite:///{copy}")
        try:
            sync(ref, ref_login, batch=2)
            with clock.pinned(MOVED_AT, running=False):  # the same moment on both servers
                reassign_customer(reference, TAKEN, "QTH002", reason="片区调整")
            sync(ref, ref_login, batch=2)
        finally:
            ref.close()
        j2 = Journal.open(f"sqlite:///{path}")
        try:
            for stop_after in (3, 6, 10):
                with pytest.raises(SyncError):
                    sync(j2, logins["QTH002"], batch=2, stop_after=stop_after)
            assert [p.code for p in sync(j2, logins["QTH002"], batch=2).problems] == [TAKEN]
            with clock.pinned(MOVED_AT, running=False):
                reassign_customer(pg_database, TAKEN, "QTH002", reason="片区调整")
            for stop_after in (2, 7):
                with pytest.raises(SyncError):
                    sync(j2, logins["QTH002"], batch=2, stop_after=stop_after)
            assert sync(j2, logins["QTH002"], batch=2).problems == []
            assert sync(j2, logins["QTH002"]).moved == 0
        finally:
            j2.close()
        assert server_state(pg_database) == server_state(reference)
    finally:
        pg_admin(pg_server, f"DROP DATABASE IF EXISTS {name}_ref WITH (FORCE)")
