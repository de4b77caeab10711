"""上报部门负责人的问题: an answer carries who and when; the head's answer from the server is
written into the log's row without losing the manager's own edits; a save from a screen that
had not seen the answer keeps it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.routine.escalations import apply_answers, keep_answers, merge_answers
from fieldbook.core.store.models import DayLog

DAY = date(2026, 12, 3)  # the tests' pinned day (tests/conftest.py: 2026-12-03 09:30)


@pytest.fixture(autouse=True)
def still_clock() -> Iterator[None]:
    """The clock stands still at the tests' time: the times recorded are exact."""
    with clock.pinned(datetime(2026, 12, 3, 9, 30), running=False):
        yield


def escalate(journal: Journal, *texts: str) -> list[dict[str, Any]]:
    journal.daylogs.save_section(
        DAY, "escalations", [{"text": t, "customer_code": ""} for t in texts]
    )
    return list(journal.daylogs.get(DAY).sections["escalations"])


def log_row(journal: Journal) -> tuple[str, str, datetime]:
    with journal.reading() as s:
        log = s.scalars(select(DayLog)).one()
        return log.id, log.sections, log.updated_at


@pytest.mark.parametrize(("given", "recorded"), [("", "王建国"), ("市场部李主任", "市场部李主任")])
def test_an_answer_recorded_on_the_laptop_carries_who_and_when(
    journal: Journal, given: str, recorded: str
) -> None:
    (row,) = escalate(journal, "送货时间不固定，需配送中心协调")
    view = journal.daylogs.answer_escalation(DAY, row["id"], "已协调，改为上午送货", given)
    (answered,) = view.sections["escalations"]
    assert answered["answered"] is True and answered["answer"] == "已协调，改为上午送货"
    # who: the name given, else the manager who recorded it; when: the clock, to the second
    assert (answered["answered_by"], answered["answered_at"]) == (recorded, "2026-12-03 09:30:00")
    assert journal.daylogs.open_escalations() == []


def test_an_answer_of_control_characters_only_is_no_answer(journal: Journal) -> None:
    """Saved, control and zero-width characters are dropped: they must not close the problem
    with an empty answer."""
    (row,) = escalate(journal, "送货时间不固定，需配送中心协调")
    for hollow in ("\x00\x1b", "\u200b\u202e", " \x07 "):
        with pytest.raises(InvalidValue) as err:
            journal.daylogs.answer_escalation(DAY, row["id"], hollow, "市场部李主任")
        assert err.value.detail == "required"
    assert [r["id"] for _day, r in journal.daylogs.open_escalations()] == [row["id"]]


def test_a_save_from_a_screen_that_had_not_seen_the_answer_keeps_it(journal: Journal) -> None:
    first, second = escalate(journal, "问题一", "问题二")
    journal.daylogs.answer_escalation(DAY, first["id"], "已答复", "市场部李主任")
    stale = [{**first, "text": "问题一（补充）"}, second]  # as the screen still held them
    journal.daylogs.save_section(DAY, "escalations", stale)
    rows = journal.daylogs.get(DAY).sections["escalations"]
    assert [(r["text"], r["answered"], r.get("answer")) for r in rows] == [
        ("问题一（补充）", True, "已答复"),  # the edit is kept, and so is the answer
        ("问题二", False, None),
    ]
    assert rows[0]["answered_by"] == "市场部李主任"


def test_the_servers_answer_is_merged_into_the_row_and_nothing_else_changes(
    journal: Journal,
) -> None:
    first, second = escalate(journal, "问题一", "问题二")
    journal.daylogs.save_section(DAY, "problems", "本地写的问题")
    log_id, _, stamped = log_row(journal)
    answer = {
        "day_log_id": log_id,
        "escalation_id": second["id"],
        "answer": "已转专卖办",
        "answered_by": "市场部李主任",
        "answered_at": datetime(2026, 12, 3, 10, 5),
    }
    with journal.engine.begin() as conn:
        assert merge_answers(conn, [answer]) == 1
    with journal.engine.begin() as conn:
        assert merge_answers(conn, [answer]) == 0  # already there
    _, text, updated = log_row(journal)
    sections = json.loads(text)
    assert sections["problems"] == "本地写的问题"
    assert sections["escalations"][0] == first
    assert sections["escalations"][1] == {
        **second,
        "answered": True,
        "answer": "已转专卖办",
        "answered_by": "市场部李主任",
        "answered_at": "2026-12-03 10:05:00",
    }
    assert updated == stamped  # not an edit of the manager's: nothing to push again


def test_answers_to_rows_no_longer_in_the_log_change_nothing() -> None:
    sections = json.dumps({"escalations": [{"id": "a1", "text": "x", "answered": False}]})
    answer = {
        "escalation_id": "gone",
        "answer": "答复",
        "answered_by": "李",
        "answered_at": datetime(2026, 12, 3, 10, 0),
    }
    assert apply_answers(sections, [answer]) is None
    assert apply_answers("{}", [answer]) is None


def test_keep_answers_takes_a_newer_answer_from_the_screen() -> None:
    stored = [{"id": "a1", "answered": True, "answer": "旧", "answered_by": "甲"}]
    rows = [{"id": "a1", "answered": True, "answer": "新", "answered_by": "乙"}]
    assert keep_answers(stored, rows) == rows
    assert keep_answers(stored, [{"id": "a2", "text": "新问题"}]) == [
        {"id": "a2", "text": "新问题"}
    ]
