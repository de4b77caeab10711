"""Sync of three managers' laptops (SQLite) with one department server (PostgreSQL): counts
match, a second sync moves nothing, a sync cut off halfway and run again ends in the same
state, a department's answer and a review reach the right manager and no other."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from pgserver import pg_admin, with_database
from sample_data import OPEN_ANSWERS, SKUS
from sqlalchemy import create_engine, func, select, text
from sync_support import MON, SYNCED_TABLES, at, laptop, server_state

from fieldbook.core.journal import Journal
from fieldbook.core.models import Base
from fieldbook.core.sync import SyncError, sync
from fieldbook.core.week import label_for

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
    from fieldbook import cli

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
        from fieldbook.wording import describe_error

        assert "相同编号" in describe_error(caught.value, "zh_CN")
    finally:
        again.close()
    assert counts(pg_database) == before  # nothing of the second laptop was written
