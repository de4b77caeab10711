"""The day's times against the regulation (decision 0018): 到达片区 vs 07:30, 在片区工作时间
(first arrival to last departure, less lunch) vs 5 hours, 户均分钟 vs 10, 回到单位 vs 15:00
(Thursday 14:00) — recorded by one action on return, changed only with a reason."""

from __future__ import annotations

import json
from datetime import date, datetime, time

import pytest

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.routine.day_times import week_summary, week_summary_text
from fieldbook.core.routine.daylog import facts_from_json
from fieldbook.core.routine.daylog_text import time_facts

MON = date(2026, 11, 30)
THU = date(2026, 12, 3)
AFTER_THURSDAY = datetime(2026, 12, 3, 16, 0)  # the clock once Thursday's return has happened


def t(hm: str, day: date = MON) -> datetime:
    return datetime.fromisoformat(f"{day} {hm}")


@pytest.fixture
def lunch_day(world: Journal, open_answers: dict[str, object]) -> Journal:
    """Five shops from 07:30, a 40-minute lunch (11:20–12:00), the last left at 13:55."""
    plan = world.plans.build(MON)
    times = [
        ("07:30", "07:40"),
        ("07:45", "07:56"),
        ("11:10", "11:20"),
        ("12:00", "12:09"),
        ("13:45", "13:55"),
    ]
    for stop, (a, b) in zip(plan.stops, times, strict=True):
        v = world.visits.start(stop.customer_id, at=t(a))
        world.visits.set_shop_status(v.id, "open")
        world.visits.save_answers(v.id, open_answers)
        world.visits.finish(v.id, at=t(b))
    return world


def test_a_day_with_lunch_back_at_1440_is_on_time(lunch_day: Journal) -> None:
    log = lunch_day.daylogs.record_return(MON, t("14:40"))
    f = log.facts
    assert (f.first_arrival, f.start_late_minutes) == ("07:30", 0)  # 准时 in the area
    # 07:30–13:55 = 385 minutes, less the 30 of lunch = 355 ≥ 300
    assert (f.field_minutes, f.field_standard) == (355, 300)
    assert (f.returned_at, f.return_late_minutes, f.back_by) == ("14:40", -20, "15:00")
    graded = {x.key: (x.verdict, x.ok) for x in time_facts(f)}
    assert graded == {
        "first_arrival": ("准时", True),
        "field_time": ("达标", True),
        "average": ("达标", True),  # (10 + 11 + 10 + 9 + 10) / 5 = 10.0
        "returned": ("早 20 分钟", True),
    }


def test_back_at_1520_is_late(lunch_day: Journal) -> None:
    f = lunch_day.daylogs.record_return(MON, t("15:20")).facts
    assert (f.returned_at, f.return_late_minutes) == ("15:20", 20)
    returned = next(x for x in time_facts(f) if x.key == "returned")
    assert (returned.value, returned.standard, returned.verdict, returned.ok) == (
        "15:20",
        "15:00",
        "晚 20 分钟",
        False,
    )


def test_a_short_day_in_the_area_falls_below_five_hours(
    world: Journal, open_answers: dict[str, object]
) -> None:
    plan = world.plans.build(MON)
    for stop, (a, b) in zip(plan.stops[:2], [("07:50", "08:00"), ("11:50", "12:00")], strict=True):
        v = world.visits.start(stop.customer_id, at=t(a))
        world.visits.set_shop_status(v.id, "open")
        world.visits.save_answers(v.id, open_answers)
        world.visits.finish(v.id, at=t(b))
    f = world.daylogs.get(MON).facts
    # 07:50–12:00 = 250, less lunch 30 (the span reaches into 11:00–13:00) = 220 < 300
    assert f.field_minutes == 220 and f.start_late_minutes == 20
    graded = {x.key: (x.verdict, x.ok) for x in time_facts(f)}
    assert graded["field_time"] == ("少 80 分钟", False)
    assert graded["first_arrival"] == ("晚 20 分钟", False)
    assert graded["returned"] == ("未记录", False)


def test_thursday_is_judged_against_two_oclock(world: Journal) -> None:
    with clock.pinned(AFTER_THURSDAY):  # recorded on return, not ahead of it
        f = world.daylogs.record_return(THU, t("14:20", THU)).facts
    assert (f.back_by, f.returned_at, f.return_late_minutes) == ("14:00", "14:20", 20)
    assert f.field_standard == 240  # an hour less in the area
    # the same 14:20 on a Monday is 40 minutes early
    assert world.daylogs.record_return(MON, t("14:20")).facts.return_late_minutes == -40


def test_a_recorded_return_changes_only_with_a_reason(lunch_day: Journal) -> None:
    lunch_day.daylogs.record_return(MON, t("14:40"))
    with pytest.raises(InvalidValue) as info:
        lunch_day.daylogs.record_return(MON, t("14:50"))
    assert info.value.detail == "reason_required"
    assert lunch_day.daylogs.get(MON).facts.returned_at == "14:40"  # nothing half-changed
    log = lunch_day.daylogs.record_return(MON, t("14:50"), reason="按错了晚十分钟到")
    assert log.facts.returned_at == "14:50"
    (change,) = log.corrections
    assert (change.field, change.reason) == ("returned_at", "按错了晚十分钟到")
    assert "14:40" in str(change.old_value) and "14:50" in str(change.new_value)


def test_a_submitted_log_keeps_the_corrected_return(lunch_day: Journal) -> None:
    lunch_day.daylogs.submit(MON)
    with pytest.raises(InvalidValue):
        lunch_day.daylogs.record_return(MON, t("14:40"))  # a correction now: needs a reason
    log = lunch_day.daylogs.record_return(MON, t("14:40"), reason="回来忘了点")
    assert log.status == "submitted" and log.facts.returned_at == "14:40"
    assert log.facts.return_late_minutes == -20 and len(log.corrections) == 1


def test_a_return_must_be_after_the_last_shop_and_on_the_day(lunch_day: Journal) -> None:
    with pytest.raises(InvalidValue) as info:
        lunch_day.daylogs.record_return(MON, t("13:50"))  # the last shop was left at 13:55
    assert info.value.detail == "return_before_departure"
    with pytest.raises(InvalidValue) as info:
        lunch_day.daylogs.record_return(MON, t("14:40", THU))
    assert info.value.detail == "return_other_day"
    assert lunch_day.daylogs.get(MON).facts.returned_at == ""


def test_a_return_cannot_be_recorded_before_it_happened(lunch_day: Journal) -> None:
    """「不准弄虚作假」: the clock stands at Thursday 09:30 (pinned here, whatever the suite's
    clock); a return at 15:00 this afternoon, or on a day still to come, has not happened."""
    with clock.pinned(datetime.combine(THU, time(9, 30)), running=False):
        for day, hm in ((THU, "15:00"), (date(2026, 12, 7), "14:30")):
            with pytest.raises(InvalidValue) as info:
                lunch_day.daylogs.record_return(day, t(hm, day))
            assert info.value.detail == "return_in_future"
        assert lunch_day.daylogs.get(THU).facts.returned_at == ""  # nothing saved
        assert lunch_day.daylogs.record_return(THU, t("09:30", THU)).facts.returned_at == "09:30"


def test_a_log_submitted_under_the_old_model_still_reads() -> None:
    old = {
        "day": "2026-11-30",
        "planned": 30,
        "done": 28,
        "skipped": 2,
        "skipped_reasons": {},
        "first_arrival": "07:35",
        "last_departure": "12:31",
        "start_late_minutes": 5,
        "end_early_minutes": 149,  # the old model's "末户离店 … 早 149 分钟": not kept
        "average_minutes": 9.5,
        "findings": {},
        "slips_created": [],
        "followups_closed": 0,
        "orders": {},
        "tomorrow": "",
    }
    f = facts_from_json(json.loads(json.dumps(old)))
    assert f.returned_at == "" and f.field_minutes is None
    assert [x.standard for x in time_facts(f)] == ["07:30", "5小时", "10 分钟", "15:00"]


def test_the_week_report_reads_the_days_times(lunch_day: Journal) -> None:
    # W49 is Friday 11-27 .. Thursday 12-03: Monday's visits, Monday back at 15:20 (late),
    # Thursday back at 13:50 (on time against 14:00, with no visit: no time in the area)
    lunch_day.daylogs.record_return(MON, t("15:20"))
    with clock.pinned(AFTER_THURSDAY):  # recorded on return, not ahead of it
        lunch_day.daylogs.record_return(THU, t("13:50", THU))
    times = lunch_day.weeks.get("2026-W49").times
    assert [x.day for x in times] == [MON, THU]
    monday, thursday = times
    assert (monday.field_minutes, monday.return_late_minutes) == (355, 20)
    assert (thursday.field_minutes, thursday.return_late_minutes) == (None, -10)
    assert thursday.back_by.strftime("%H:%M") == "14:00"
    summary = week_summary(times)
    assert (summary.days, summary.returned_on_time, summary.return_not_recorded) == (2, 1, 0)
    assert summary.returned_late == ((MON, "15:20", 20),)
    assert (summary.field_average, summary.field_below, summary.arrived_late) == (355, 0, 0)
    assert week_summary_text(summary) == (
        "2 天：到达片区迟到 0 天；"
        "回到单位按时 1 天、晚 1 天（11-30 15:20 晚 20 分钟）、未记录 0 天；"
        "在片区工作平均 5小时55分，不足标准 0 天"
    )
