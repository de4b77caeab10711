"""Feedback slips: numbering, default departments, working-day due dates, the delivery state
machine (no skipped or backwards step without a kept reason), customer status following a
completed slip, creation from a visit's suggestion."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.slips.deliveries import check_move, slip_status
from fieldbook.core.slips.service import SlipInput, SlipView
from fieldbook.core.store import audit


def t(text: str) -> datetime:
    return datetime.fromisoformat(text)


def cid(world: Journal, code: str) -> str:
    return world.customers.by_code(code).id


def suspend(world: Journal, code: str, description: str, until: tuple[date, date]) -> SlipView:
    """A suspension slip for the customer ``code``, effective ``until[0]``, back on ``until[1]``."""
    start, back = until
    return world.slips.create(
        SlipInput(
            "suspended", description, cid(world, code), effective_date=start, return_date=back
        )
    )


def test_number_departments_and_due_date(world: Journal) -> None:
    first = world.slips.create(
        SlipInput("violation", "发现疑似假烟两条", cid(world, "M001"), sub_reason="假烟"),
        at=t("2026-11-30 10:00"),
    )
    second = world.slips.create(
        SlipInput("no_order", "连续三周未订货", cid(world, "M002")), at=t("2026-11-30 11:00")
    )
    assert first.number == "FK-20261130-QTH001-001" and second.number == "FK-20261130-QTH001-002"
    assert [d.department for d in first.deliveries] == [
        "market",
        "monopoly",
        "distribution",
        "phone",
    ]  # 违纪: all four
    assert [d.department for d in second.deliveries] == ["market", "phone"]
    assert first.due_date == date(2026, 12, 2)  # 违纪: 2 working days
    assert first.status == "draft" and all(d.state == "pending" for d in first.deliveries)
    assert first.customer["shop_name"] == "周一店1"  # a snapshot of the customer


def test_due_date_counts_working_days_across_a_holiday(world: Journal) -> None:
    slip = world.slips.create(
        SlipInput("no_order", "国庆前连续未订货", cid(world, "M001")), at=t("2026-09-30 09:00")
    )
    # 3 working days after 9-30: the National Day holiday (10-01..07) is skipped and the
    # make-up Saturday 10-10 counts: 10-08, 10-09, 10-10
    assert slip.due_date == date(2026, 10, 10)


def test_departments_can_be_chosen_per_slip(world: Journal) -> None:
    slip = world.slips.create(
        SlipInput("other", "门头更换", cid(world, "M001"), departments=("market", "monopoly"))
    )
    assert [d.department for d in slip.deliveries] == ["market", "monopoly"]
    with pytest.raises(InvalidValue):
        world.slips.create(SlipInput("other", "x门头", cid(world, "M001"), departments=("hr",)))


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (SlipInput("closed", "已关门歇业", None, effective_date=date(2026, 12, 1)), "customer"),
        (SlipInput("closed", "已关门歇业", "C"), "effective_date"),
        (SlipInput("suspended", "装修暂停", "C", effective_date=date(2026, 12, 1)), "return_date"),
        (SlipInput("brand", "新品未上柜", "C"), "sku_ids"),
        (SlipInput("violation", "x", "C"), "description"),
        (SlipInput("nope", "很长的描述", "C"), "category"),
    ],
)
def test_required_fields_per_category(world: Journal, data: SlipInput, field: str) -> None:
    from dataclasses import replace

    if data.customer_id == "C":
        data = replace(data, customer_id=cid(world, "M001"))
    with pytest.raises(InvalidValue) as info:
        world.slips.create(data)
    assert info.value.data["field"] == field
    assert world.slips.list() == []


def test_state_machine_rules() -> None:
    check_move("pending", "sent", "")
    check_move("sent", "received", "")
    check_move("received", "handled", "")
    check_move("handled", "done", "")
    for current, target in [
        ("pending", "received"),  # a skipped step
        ("sent", "done"),
        ("handled", "sent"),  # backwards
        ("received", "returned"),  # 退回
        ("returned", "sent"),  # resent after a return
        ("done", "handled"),  # reopened
    ]:
        with pytest.raises(InvalidValue) as info:
            check_move(current, target, "")
        assert info.value.detail == "reason_required"
        check_move(current, target, "电话确认过")  # allowed with a reason
    with pytest.raises(InvalidValue):
        check_move("pending", "returned", "不要了")  # nothing to return yet
    with pytest.raises(InvalidValue):
        check_move("sent", "sent", "")


def test_slip_status_is_derived_from_the_deliveries() -> None:
    assert slip_status(("pending", "pending")) == "draft"
    assert slip_status(("sent", "pending")) == "sent"
    assert slip_status(("received", "sent")) == "in_progress"
    assert slip_status(("done", "handled")) == "in_progress"
    assert slip_status(("done", "done")) == "done"
    assert slip_status(("done", "returned")) == "returned"


def test_moves_are_kept_with_who_when_and_why(world: Journal) -> None:
    slip = world.slips.create(SlipInput("no_order", "连续未订货", cid(world, "M001")))
    slip = world.slips.send(slip.id, actor="王建国", at=t("2026-11-30 16:00"))
    phone = next(d for d in slip.deliveries if d.department == "phone")
    with pytest.raises(InvalidValue):
        world.slips.advance(phone.id, "done", actor="电访部 刘")
    slip = world.slips.advance(phone.id, "received", actor="电访部 刘", at=t("2026-12-01 09:00"))
    slip = world.slips.advance(
        phone.id, "done", actor="电访部 刘", reason="当天已电话回访落实", answer="客户下周恢复订货"
    )
    phone = next(d for d in slip.deliveries if d.department == "phone")
    assert [(e.from_state, e.to_state, e.actor, e.reason) for e in phone.events] == [
        ("pending", "sent", "王建国", ""),
        ("sent", "received", "电访部 刘", ""),
        ("received", "done", "电访部 刘", "当天已电话回访落实"),
    ]
    assert phone.answer == "客户下周恢复订货" and slip.status == "in_progress"


def finish_everywhere(world: Journal, slip_id: str) -> None:
    slip = world.slips.send(slip_id)
    for d in slip.deliveries:
        for state in ("received", "handled", "done"):
            world.slips.advance(d.id, state, actor="部门")


def test_a_completed_closed_slip_closes_the_customer(world: Journal) -> None:
    c = cid(world, "M003")
    slip = world.slips.create(
        SlipInput("closed", "店铺已转让", c, sub_reason="转让", effective_date=date(2026, 11, 30))
    )
    finish_everywhere(world, slip.id)
    done = world.slips.get(slip.id)
    assert done.status == "done" and done.completed_at is not None
    assert world.customers.get(c).status == "closed"
    (entry,) = [e for e in audit.history(world, "customer", c) if e.field == "status"]
    assert entry.reason == f"反馈单 {slip.number} 已办结"
    assert audit.verify(world).ok


def test_a_completed_suspension_sets_the_return_date(world: Journal) -> None:
    slip = suspend(world, "M004", "装修暂停营业", (date(2026, 12, 1), date(2027, 1, 15)))
    c = slip.customer_id
    world.slips.send(slip.id)
    assert world.customers.get(c).status == "active"  # not before every department is done
    finish_everywhere(world, slip.id)
    with world.reading() as s:
        from fieldbook.core.store.models import Customer

        row = s.get_one(Customer, c)
        assert (row.status, row.suspended_until) == ("suspended", date(2027, 1, 15))


def test_a_completed_new_customer_slip_creates_a_record_to_complete(world: Journal) -> None:
    slip = world.slips.create(
        SlipInput(
            "new",
            "新办证便利店",
            None,
            effective_date=date(2026, 12, 1),
            snapshot={"shop_name": "新开便利店", "owner_name": "赵新", "phone": "13900001111"},
        )
    )
    finish_everywhere(world, slip.id)
    created = world.customers.by_code(f"新增-{slip.number}")
    assert created.shop_name == "新开便利店" and created.owner_name == "赵新"
    assert world.slips.get(slip.id).customer_id == created.id


def test_create_from_a_visits_suggestion(world: Journal, open_answers: dict[str, object]) -> None:
    v = world.visits.start(cid(world, "M001"), at=t("2026-11-30 08:00"))
    world.visits.set_shop_status(v.id, "open")
    world.visits.save_answers(
        v.id, {**open_answers, "suspected_fake": True, "violation_note": "柜台有两条疑似假中华"}
    )
    world.visits.finish(v.id, at=t("2026-11-30 08:12"))
    ((sug_id, category, shop, _note, day),) = world.slips.suggestions()
    assert (category, shop, day) == ("violation", "周一店1", date(2026, 11, 30))
    data = world.slips.suggestion_input(sug_id)
    assert data.category == "violation" and data.source_visit_id == v.id
    assert data.description.startswith("11月30日走访发现")
    slip = world.slips.create(data)
    assert slip.source_visit_id == v.id
    assert world.slips.suggestions() == []  # the suggestion became a slip


def test_attachments_are_copied_with_a_checksum(world: Journal, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import hashlib

    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8fake jpeg" * 100)
    slip = world.slips.create(SlipInput("violation", "疑似假烟", cid(world, "M001")))
    att = world.slips.attach(slip.id, photo, world.attachments_dir())
    assert att.sha256 == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert att.path.read_bytes() == photo.read_bytes() and att.path.stat().st_mode & 0o777 == 0o600
    (kept,) = world.slips.get(slip.id).attachments
    assert kept.filename == "现场照片.jpg" and kept.path == att.path


def test_list_filters(world: Journal) -> None:
    a = world.slips.create(
        SlipInput("no_order", "连续未订货", cid(world, "M001")), at=t("2026-11-02 09:00")
    )
    world.slips.create(
        SlipInput("violation", "未悬证", cid(world, "M002")), at=t("2026-11-20 09:00")
    )
    finish_everywhere(world, a.id)
    assert [r.number for r in world.slips.list(open_only=True)] == ["FK-20261120-QTH001-001"]
    assert len(world.slips.list(start=date(2026, 11, 1), end=date(2026, 11, 10))) == 1
    assert [r.category for r in world.slips.list(department="monopoly")] == ["violation"]
    row = world.slips.list(open_only=True)[0]
    assert row.overdue(date(2026, 11, 30)) and not row.overdue(date(2026, 11, 20))


def test_followups_by_hand(world: Journal) -> None:
    c = cid(world, "X001")
    fu = world.followups.create(
        c,
        "客户要求增加中华货源",
        source="phone_staff",
        requested_by="电访员 孙",
        at=t("2026-11-27 15:00"),
    )
    assert fu.due_date == date(2026, 12, 2)  # 3 working days after Friday 11-27
    plan = world.plans.build(date(2026, 12, 2))
    assert any(s.customer_id == c and "follow_up" in s.reasons for s in plan.stops)
    closed = world.followups.close(fu.id, "已答复客户", by="王建国")
    assert closed.status == "closed" and closed.closed_by == "王建国"
    assert world.followups.list() == []
    with pytest.raises(InvalidValue):
        world.followups.close(fu.id)


def test_a_suspended_customer_comes_back_on_the_return_date(world: Journal) -> None:
    slip = suspend(world, "M005", "外出两周暂停", (date(2026, 11, 16), date(2026, 11, 30)))
    c = slip.customer_id
    finish_everywhere(world, slip.id)
    assert world.customers.get(c).status == "suspended"
    before = world.plans.build(date(2026, 11, 23))
    assert c not in {s.customer_id for s in before.stops}
    back = world.plans.build(date(2026, 11, 30))
    assert world.customers.get(c).status == "active"
    assert c in {s.customer_id for s in back.stops}
    assert any(e.reason.startswith("暂停期满") for e in audit.history(world, "customer", c))
