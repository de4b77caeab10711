"""撤销完成 (routine.visit_reopen): a finished visit back to a draft, everything finishing did
undone, the reopening in the audit trail."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.store import audit

MON = date(2026, 11, 30)


def t(hm: str) -> datetime:
    return datetime.fromisoformat(f"2026-11-30T{hm}:00")


def finished_with_findings(world: Journal, open_answers: dict[str, object]) -> tuple[str, str]:
    """The first stop of MON finished with a display problem and 不订 (a follow-up, a
    suggested slip), closing one earlier follow-up; (visit id, closed follow-up id)."""
    plan = world.plans.build(MON)
    cid = plan.stops[0].customer_id
    earlier = world.followups.create(cid, "核实经营地址", at=t("07:00"))
    v = world.visits.start(cid, plan_stop_id=plan.stops[0].id, at=t("07:35"))
    world.visits.set_shop_status(v.id, "open")
    answers = {**open_answers, "display_quality": "杂乱", "will_order": "不订"}
    world.visits.save_answers(v.id, {**answers, "no_order_reason": "资金不足"})
    with clock.pinned(t("07:50")):
        world.visits.finish(v.id, close_followups=[earlier.id])
    return v.id, earlier.id


def test_reopen_undoes_what_finishing_did(world: Journal, open_answers: dict[str, object]) -> None:
    vid, earlier = finished_with_findings(world, open_answers)
    done = world.visits.get(vid)
    assert done.status == "done" and done.findings and done.slip_suggestions
    assert done.left_at == t("07:50")
    cid = done.customer_id
    assert {f.text for f in world.visits.open_followups(cid)} == {"复查陈列整改"}

    again = world.visits.reopen(vid, "误按完成")
    assert again.status == "draft" and again.finished_at is None
    assert again.findings == () and again.slip_suggestions == ()
    assert again.left_at is None  # the departure finishing wrote: still in the shop
    assert again.answers["display_quality"] == "杂乱"  # what was typed stays
    # the follow-up it opened is gone, the one it closed is open again
    assert {f.id for f in world.visits.open_followups(cid)} == {earlier}
    stop = world.plans.get(MON).stops[0]  # type: ignore[union-attr]
    assert stop.state == "planned"
    trail = audit.history(world, "visit", vid)
    assert {(r.field, r.reason) for r in trail} >= {
        ("status", "误按完成"),
        ("finished_at", "误按完成"),
        ("left_at", "误按完成"),
    }
    # and it can be finished again, the same way
    result = world.visits.finish(vid, close_followups=[earlier])
    assert result.visit.status == "done" and result.followups_created == 1


def test_reopen_needs_a_reason_and_a_finished_visit(
    world: Journal, open_answers: dict[str, object]
) -> None:
    vid, _ = finished_with_findings(world, open_answers)
    with pytest.raises(InvalidValue) as no_reason:
        world.visits.reopen(vid, "  ")
    assert no_reason.value.detail == "reason_required"
    assert world.visits.get(vid).status == "done"  # nothing changed
    world.visits.reopen(vid, "误按完成")
    with pytest.raises(InvalidValue) as draft:
        world.visits.reopen(vid, "again")
    assert draft.value.detail == "visit_not_finished"


def test_reopen_refuses_when_something_was_built_on_it(
    world: Journal, open_answers: dict[str, object]
) -> None:
    vid, _ = finished_with_findings(world, open_answers)
    (made,) = [f for f in world.visits.open_followups(world.visits.get(vid).customer_id)]
    world.followups.close(made.id, "已整改")
    with pytest.raises(InvalidValue) as used:
        world.visits.reopen(vid, "误按完成")
    assert used.value.detail == "reopen_followup_used"
    visit = world.visits.get(vid)
    assert visit.status == "done" and visit.findings  # nothing half-changed


def test_reopen_takes_back_a_finding_counted_on_an_open_follow_up(
    world: Journal, open_answers: dict[str, object]
) -> None:
    vid, _ = finished_with_findings(world, open_answers)
    cid = world.visits.get(vid).customer_id
    (fu,) = world.visits.open_followups(cid)
    again = world.visits.start(cid, day=date(2026, 12, 1), at=datetime(2026, 12, 1, 8, 0))
    world.visits.set_shop_status(again.id, "open")
    world.visits.save_answers(again.id, {**open_answers, "display_quality": "杂乱"})
    with clock.pinned(datetime(2026, 12, 1, 8, 15)):
        result = world.visits.finish(again.id)
    assert result.followups_created == 0 and result.followups_attached == 1
    world.visits.reopen(again.id, "误按完成")
    followups = {f.id: f for f in world.followups.list(customer_id=cid)}
    assert followups[fu.id].seen_again == 0 and followups[fu.id].last_seen_at is None


def test_a_suspected_violation_is_not_undone_by_reopening(
    world: Journal, open_answers: dict[str, object]
) -> None:
    """「不准隐瞒问题和风险」: reopening used to delete the visit's open 违纪 suggestion, so
    unticking 疑似假烟 and finishing again made it vanish — no fixed reason, no dismissal
    counted. Reopening (a finish too early) keeps it open; finishing again never makes a second
    one; a mis-tick is dismissed as 误报 and counted."""
    cid = world.customers.by_code("M001").id
    v = world.visits.start(cid, at=t("07:35"))
    world.visits.set_shop_status(v.id, "open")
    world.visits.save_answers(
        v.id, {**open_answers, "suspected_fake": True, "violation_note": "两条疑似假中华"}
    )
    world.visits.finish(v.id, at=t("07:50"))
    (first,) = world.slips.suggestions()
    world.visits.reopen(v.id, "点错了")
    assert world.visits.get(v.id).status == "draft"
    assert world.slips.suggestions() == [first]  # still open, the same one
    # found again: the same suggestion, not a second
    world.visits.finish(v.id, at=t("07:52"))
    assert [sid for sid, *_ in world.slips.suggestions()] == [first[0]]
    # unticked and finished again: the suggestion stays until dismissed with a fixed reason
    world.visits.reopen(v.id, "勾错了")
    world.visits.save_answers(v.id, {"suspected_fake": False, "violation_note": None})
    world.visits.finish(v.id, at=t("07:55"))
    assert world.visits.get(v.id).findings == ()
    assert [sid for sid, *_ in world.slips.suggestions()] == [first[0]]
    with pytest.raises(InvalidValue):
        world.slips.dismiss_suggestion(first[0], "没问题")  # free text: refused
    world.slips.dismiss_suggestion(first[0], "误报（勾选错误）")
    assert world.slips.suggestions() == []
