"""The work log: facts drafted from the day, the manager's sections autosaved, submit makes it
read-only, corrections need a reason and are kept, escalations are tracked until answered."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.slips.service import SlipInput
from fieldbook.core.store import audit

MON = date(2026, 11, 30)


def t(hm: str) -> datetime:
    return datetime.fromisoformat(f"2026-11-30 {hm}")


@pytest.fixture
def day(world: Journal, open_answers: dict[str, object]) -> Journal:
    plan = world.plans.build(MON)
    times = [("07:41", "07:52"), ("08:00", "08:09"), ("08:15", "08:26")]
    for stop, (a, b) in zip(plan.stops[:3], times, strict=True):
        v = world.visits.start(stop.customer_id, at=t(a))
        world.visits.set_shop_status(v.id, "open")
        extra = {"display_quality": "杂乱"} if stop.shop_name == "周一店2" else {}
        world.visits.save_answers(v.id, {**open_answers, **extra})
        world.visits.finish(v.id, at=t(b))
    world.plans.skip_stop(plan.stops[3].id, "关门未遇")
    world.plans.skip_stop(plan.stops[4].id, "时间不够")
    c = world.customers.by_code("M002").id
    world.slips.create(SlipInput("no_order", "连续三周未订货", c), at=t("14:00"))
    world.plans.build(date(2026, 12, 1))
    return world


def test_facts_are_drafted_from_the_day(day: Journal) -> None:
    facts = day.daylogs.get(MON).facts
    assert (facts.planned, facts.done, facts.skipped) == (5, 3, 2)
    assert facts.skipped_reasons == {"关门未遇": 1, "时间不够": 1}
    assert (facts.first_arrival, facts.last_departure) == ("07:41", "08:26")
    assert facts.start_late_minutes == 11  # 07:41 against 07:30 in the area
    # 07:41–08:26, before the lunch window: 45 minutes in the area against 5 hours (0018)
    assert (facts.field_minutes, facts.field_standard) == (45, 300)
    assert (facts.arrive_by, facts.back_by, facts.returned_at) == ("07:30", "15:00", "")
    assert facts.average_minutes == pytest.approx((11 + 9 + 11) / 3, abs=0.05)
    assert facts.findings == {"陈列问题": 1}
    assert facts.slips_created == ["FK-20261130-QTH001-001 不订货 周一店2"]
    assert facts.tomorrow.startswith("12月1日 计划")
    assert facts.orders["figures"]["due"] == 5


def test_sections_autosave_then_submit_makes_it_read_only(day: Journal) -> None:
    day.daylogs.save_section(MON, "phone_staff", "电访员反馈周一店4要求补货")
    day.daylogs.save_section(
        MON, "mutual_control", [{"customer_code": "M003", "type": "异常订购", "text": "订量突增"}]
    )
    with pytest.raises(InvalidValue):
        day.daylogs.save_section(MON, "mutual_control", [{"type": "乱写", "text": "x"}])
    log = day.daylogs.get(MON)
    assert log.status == "draft" and log.sections["phone_staff"] == "电访员反馈周一店4要求补货"
    submitted = day.daylogs.submit(MON)
    assert submitted.status == "submitted" and submitted.facts.done == 3
    with pytest.raises(InvalidValue) as info:
        day.daylogs.save_section(MON, "phone_staff", "偷偷改")
    assert info.value.detail == "log_submitted"
    # the snapshot does not move when the day's data changes afterwards
    plan = day.plans.get(MON)
    day.plans.restore_stop(plan.stops[3].id)  # type: ignore[union-attr]
    assert day.daylogs.get(MON).facts.skipped == 2


def test_a_correction_after_submit_is_kept_and_shown(day: Journal) -> None:
    day.daylogs.save_section(MON, "meeting_notes", "例会：本周重点推广新品")
    day.daylogs.submit(MON)
    with pytest.raises(InvalidValue):
        day.daylogs.correct(MON, "meeting_notes", "更正", reason=" ")
    log = day.daylogs.correct(
        MON, "meeting_notes", "例会：本周重点推广新品和中支烟", reason="漏记一项"
    )
    assert log.sections["meeting_notes"] == "例会：本周重点推广新品和中支烟"
    (entry,) = log.corrections
    assert (entry.field, entry.reason) == ("sections.meeting_notes", "漏记一项")
    assert audit.verify(day).ok


def test_escalations_are_tracked_until_answered(day: Journal) -> None:
    day.daylogs.save_section(MON, "escalations", [{"text": "周一店5 长期不订货，需部门协调"}])
    ((when, row),) = day.daylogs.open_escalations()
    assert when == MON and row["answered"] is False
    day.daylogs.submit(MON)
    day.daylogs.answer_escalation(MON, row["id"], "已安排市场部走访")  # allowed after submit
    assert day.daylogs.open_escalations() == []
    assert day.daylogs.get(MON).sections["escalations"][0]["answer"] == "已安排市场部走访"
