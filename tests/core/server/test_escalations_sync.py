"""On the department server (PostgreSQL, row-level security): the market department's head
answers a problem a manager escalated; the answer reaches that manager's laptop by sync with
who and when, without undoing what the manager wrote meanwhile; another department can
neither see the logs nor answer; customer changes made outside a slip reach the server."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sync_support import MON, laptop

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.master.customer_changes import ChangeBasis
from fieldbook.core.master.customers import input_from_row
from fieldbook.core.server.escalations import (
    answer_escalation,
    department_escalations,
    viewer_name,
)
from fieldbook.core.server.roles import ServerUserInput, add_user, init_server
from fieldbook.core.server.sync import sync

pytestmark = pytest.mark.postgresql
PASSWORD = "s3cret-pw"


def login(url: str, role: str) -> str:
    return make_url(url).set(username=role, password=PASSWORD).render_as_string(hide_password=False)


def test_the_heads_answer_reaches_the_laptop_with_who_and_when(
    tmp_path: Path, template_db: Path, pg_database: str
) -> None:
    init_server(pg_database)
    tag = pg_database.rsplit("_", 1)[-1] + pg_database.rsplit("_", 2)[-2]
    users = {
        "m1": ServerUserInput(f"m1_{tag}", "manager", PASSWORD, manager_code="QTH001"),
        "head": ServerUserInput(
            f"head_{tag}", "department", PASSWORD, department="market", display_name="市场部李主任"
        ),
        "mono": ServerUserInput(f"mono_{tag}", "department", PASSWORD, department="monopoly"),
    }
    for user in users.values():
        add_user(pg_database, user)
    j = laptop(tmp_path, template_db, 1)
    try:
        j.daylogs.save_section(
            MON, "escalations", [{"text": "送货时间不固定，需配送中心协调", "customer_code": ""}]
        )
        customer = j.customers.list()[0]
        suspended = replace(input_from_row(customer), status="suspended")
        j.customers.update(customer.id, suspended, ChangeBasis("店主口头告知装修"))
        report = sync(j, login(pg_database, users["m1"].role_name))
        assert report.pushed.get("customer_changes") == 1

        head = Journal.open(login(pg_database, users["head"].role_name))
        try:
            (row,) = department_escalations(head)
            assert (row.manager_code, row.text) == ("QTH001", "送货时间不固定，需配送中心协调")
            assert viewer_name(head) == "市场部李主任"
            with clock.pinned(datetime(2026, 12, 1, 10, 0), running=False):
                answer_escalation(
                    head, row.day_log_id, row.escalation_id, "已协调", answered_by=viewer_name(head)
                )
        finally:
            head.close()

        mono = create_engine(login(pg_database, users["mono"].role_name))
        try:
            with mono.connect() as con:  # not the head's department: no logs, no answers
                assert con.execute(text("SELECT count(*) FROM day_logs")).scalar() == 0
                assert con.execute(text("SELECT count(*) FROM customer_changes")).scalar() == 1
            with pytest.raises(DBAPIError), mono.begin() as con:
                con.execute(
                    text(
                        "INSERT INTO escalation_answers (id, day_log_id, escalation_id, answer,"
                        " answered_by, answered_at) VALUES ('x', :log, :esc, '我来答', '专卖办',"
                        " now())"
                    ),
                    {"log": row.day_log_id, "esc": row.escalation_id},
                )
        finally:
            mono.dispose()

        # meanwhile the manager adds a problem on the laptop (its copy has no answer yet)
        rows = j.daylogs.get(MON).sections["escalations"]
        j.daylogs.save_section(MON, "escalations", [*rows, {"text": "新问题", "customer_code": ""}])
        report = sync(j, login(pg_database, users["m1"].role_name))
        assert report.pulled.get("escalation_answers") == 1
        got = j.daylogs.get(MON).sections["escalations"]
        assert [(r["text"], r["answered"]) for r in got] == [
            ("送货时间不固定，需配送中心协调", True),
            ("新问题", False),
        ]
        assert (got[0]["answer"], got[0]["answered_by"], got[0]["answered_at"]) == (
            "已协调",
            "市场部李主任",
            "2026-12-01 10:00:00",
        )
        # the laptop's copy of the log went up before the answer came down: the answer stands
        admin = Journal.open(pg_database)
        try:
            (answered, new) = department_escalations(admin, open_only=False)
            assert (answered.answered, answered.answered_by) == (True, "市场部李主任")
            assert (new.text, new.answered) == ("新问题", False)
        finally:
            admin.close()
        # the server's copy of the log may catch up with the answer once; then nothing moves
        again = [sync(j, login(pg_database, users["m1"].role_name)) for _ in range(2)]
        assert set(again[0].pushed) <= {"day_logs"} and again[0].pulled == {}
        assert again[1].moved == 0
    finally:
        j.close()
