"""上报的问题 on the department's side (SQLite here; the PostgreSQL sync with the head's login is
in test_escalations_sync.py): the open problems of every manager, the head's answer with who
and when, and the down half of a sync bringing it into the laptop's log."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.master.customers import CustomerInput
from fieldbook.core.master.profile import ProfileInput
from fieldbook.core.server.escalations import answer_escalation, department_escalations
from fieldbook.core.server.sync_pull import Pull
from fieldbook.core.server.sync_report import SyncReport

DAY = date(2026, 12, 3)


@pytest.fixture
def laptop(db_path: Path) -> Iterator[Journal]:
    j = Journal.open(f"sqlite:///{db_path}")
    j.profile.save(ProfileInput(code="QTH001", name="王建国", district_unit="新兴区"))
    j.customers.create(CustomerInput(code="C001", shop_name="张小便利店"))
    j.daylogs.save_section(
        DAY,
        "escalations",
        [
            {"text": "送货时间不固定，需配送中心协调", "customer_code": "C001"},
            {"text": "网上订货账户无法登录", "customer_code": ""},
        ],
    )
    yield j
    j.close()


@pytest.fixture
def server(laptop: Journal, tmp_path: Path) -> Iterator[Journal]:
    """The department's database after the laptop's sync: here, a copy of the laptop's."""
    path = tmp_path / "server.sqlite3"
    with laptop.engine.connect() as con:  # the copy is taken from a checkpointed file
        con.exec_driver_sql("PRAGMA wal_checkpoint(FULL)")
    shutil.copyfile(str(laptop.url).removeprefix("sqlite:///"), path)
    j = Journal.open(f"sqlite:///{path}")
    yield j
    j.close()


def test_the_department_lists_open_escalations_of_every_manager(server: Journal) -> None:
    rows = department_escalations(server)
    assert [(r.day, r.manager_code, r.manager_name, r.customer, r.text) for r in rows] == [
        (DAY, "QTH001", "王建国", "C001 张小便利店", "送货时间不固定，需配送中心协调"),
        (DAY, "QTH001", "王建国", "", "网上订货账户无法登录"),
    ]
    assert not any(r.answered for r in rows)


def test_the_heads_answer_closes_it_with_who_and_when(server: Journal) -> None:
    first, second = department_escalations(server)
    with clock.pinned(datetime(2026, 12, 4, 10, 15), running=False):
        done = answer_escalation(
            server, first.day_log_id, first.escalation_id, "已协调配送中心", answered_by="李主任"
        )
    assert (done.answered, done.answer, done.answered_by, done.answered_at) == (
        True,
        "已协调配送中心",
        "李主任",
        "2026-12-04 10:15:00",
    )
    assert [r.escalation_id for r in department_escalations(server)] == [second.escalation_id]
    # a second answer replaces the first
    with clock.pinned(datetime(2026, 12, 4, 11, 0), running=False):
        again = answer_escalation(
            server, first.day_log_id, first.escalation_id, "已改为上午送货", answered_by="李主任"
        )
    assert (again.answer, again.answered_at) == ("已改为上午送货", "2026-12-04 11:00:00")
    assert len(department_escalations(server, open_only=False)) == 2


@pytest.mark.parametrize(
    ("escalation", "answer", "by", "problem"),
    [
        ("first", "  ", "李主任", "required"),
        ("first", "\u200b\u200b", "李主任", "required"),  # invisible: no answer either
        ("first", "答复", "\u200b", "required"),
        ("nope", "答复", "李主任", "unknown_escalation"),
    ],
)
def test_an_empty_answer_or_unknown_problem_is_refused(
    server: Journal, escalation: str, answer: str, by: str, problem: str
) -> None:
    first, _ = department_escalations(server)
    esc = first.escalation_id if escalation == "first" else escalation
    with pytest.raises(InvalidValue) as refused:
        answer_escalation(server, first.day_log_id, esc, answer, answered_by=by)
    assert refused.value.detail == problem
    assert len(department_escalations(server)) == 2


def test_a_sync_brings_the_answer_down_and_keeps_the_laptops_own_edits(
    laptop: Journal, server: Journal
) -> None:
    first, _ = department_escalations(server)
    with clock.pinned(datetime(2026, 12, 4, 10, 15), running=False):
        answer_escalation(
            server, first.day_log_id, first.escalation_id, "已协调配送中心", answered_by="李主任"
        )
    rows = laptop.daylogs.get(DAY).sections["escalations"]  # meanwhile, on the laptop:
    laptop.daylogs.save_section(
        DAY, "escalations", [*rows, {"text": "新上报的问题", "customer_code": ""}]
    )
    laptop.daylogs.save_section(DAY, "problems", "本地写的")
    with laptop.reading() as s:
        manager = laptop.current_manager_id(s)
    report = SyncReport()
    Pull(laptop, server.engine, report).run(manager)
    assert report.pulled.get("escalation_answers") == 1
    view = laptop.daylogs.get(DAY)
    got = view.sections["escalations"]
    assert [(r["text"], r["answered"]) for r in got] == [
        ("送货时间不固定，需配送中心协调", True),
        ("网上订货账户无法登录", False),
        ("新上报的问题", False),
    ]
    assert (got[0]["answer"], got[0]["answered_by"], got[0]["answered_at"]) == (
        "已协调配送中心",
        "李主任",
        "2026-12-04 10:15:00",
    )
    assert view.sections["problems"] == "本地写的"
    again = SyncReport()
    Pull(laptop, server.engine, again).run(manager)
    assert "escalation_answers" not in again.pulled  # nothing new the second time
