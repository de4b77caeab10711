"""What a finished visit's findings leave behind: a finding the shop already has an open visit
follow-up for attaches to it (found again, counted) instead of opening another; a different
finding, a closed follow-up, another shop or a follow-up not from a visit opens a new one."""

from __future__ import annotations

from datetime import datetime

from fieldbook.core.journal import Journal
from fieldbook.core.routine.checklist import Hit
from fieldbook.core.routine.visit_findings import followup_texts, match_open
from fieldbook.core.routine.visit_grid import OUT_OF_STOCK_FOLLOW_UP
from fieldbook.core.routine.visit_views import FinishResult
from fieldbook.core.store.models import FollowUp

DISPLAY = "复查陈列整改"  # display_quality 杂乱
LICENCE = "督促悬挂许可证"  # licence_displayed false


def finish(
    world: Journal,
    code: str,
    day: str,
    answers: dict[str, object],
    *,
    close: list[str] | None = None,
) -> FinishResult:
    """A finished visit of shop ``code`` on ``day`` (07:35–07:45) with ``answers``."""
    cid = world.customers.by_code(code).id
    v = world.visits.start(cid, at=datetime.fromisoformat(f"{day} 07:35"))
    world.visits.set_shop_status(v.id, "open")
    world.visits.save_answers(v.id, answers)
    return world.visits.finish(
        v.id, at=datetime.fromisoformat(f"{day} 07:45"), close_followups=close
    )


def open_texts(world: Journal, code: str) -> list[str]:
    cid = world.customers.by_code(code).id
    return sorted(f.text for f in world.followups.list(customer_id=cid))


def test_a_repeated_finding_attaches_to_the_open_follow_up(
    world: Journal, open_answers: dict[str, object]
) -> None:
    messy = {**open_answers, "display_quality": "杂乱"}
    first = finish(world, "M001", "2026-11-30", messy)
    assert (first.followups_created, first.followups_attached) == (1, 0)
    second = finish(world, "M001", "2026-12-01", messy)
    assert (second.followups_created, second.followups_attached) == (0, 1)
    third = finish(world, "M001", "2026-12-02", messy)
    assert open_texts(world, "M001") == [DISPLAY]  # one, not three
    fu = world.followups.list(customer_id=first.visit.customer_id)[0]
    assert fu.seen_again == 2 and fu.created_at == first.visit.finished_at
    assert fu.last_seen_at == third.visit.finished_at
    with world.reading() as s:
        row = s.get(FollowUp, fu.id)
        assert row is not None
        assert (row.source_visit_id, row.last_seen_visit_id) == (first.visit.id, third.visit.id)
    # each visit still records what it found
    for result in (second, third):
        found = {h.finding: h.detail for h in world.visits.get(result.visit.id).findings}
        assert found["display"] == "杂乱"


def test_a_different_finding_opens_its_own_follow_up(
    world: Journal, open_answers: dict[str, object]
) -> None:
    finish(world, "M001", "2026-11-30", {**open_answers, "display_quality": "杂乱"})
    second = finish(world, "M001", "2026-12-01", {**open_answers, "licence_displayed": False})
    assert (second.followups_created, second.followups_attached) == (1, 0)
    assert open_texts(world, "M001") == sorted([DISPLAY, LICENCE])
    assert all(f.seen_again == 0 for f in world.followups.list())


def test_after_the_follow_up_is_closed_the_finding_opens_a_new_one(
    world: Journal, open_answers: dict[str, object]
) -> None:
    messy = {**open_answers, "display_quality": "杂乱"}
    finish(world, "M001", "2026-11-30", messy)
    old = world.followups.list()[0]
    world.followups.close(old.id, "已整改", at=datetime(2026, 12, 1, 7, 0))
    second = finish(world, "M001", "2026-12-01", messy)
    assert (second.followups_created, second.followups_attached) == (1, 0)
    new = world.followups.list()
    assert [f.text for f in new] == [DISPLAY] and new[0].id != old.id
    assert world.followups.get(old.id).seen_again == 0


def test_closed_at_the_visit_that_finds_it_again_opens_a_new_one(
    world: Journal, open_answers: dict[str, object]
) -> None:
    """The manager ticks the old follow-up as settled, yet the shelf is messy again: the
    follow-up is closed first and the finding opens a new one (it is not lost)."""
    messy = {**open_answers, "display_quality": "杂乱"}
    finish(world, "M001", "2026-11-30", messy)
    old = world.followups.list()[0]
    second = finish(world, "M001", "2026-12-01", messy, close=[old.id])
    assert (second.followups_created, second.followups_closed) == (1, 1)
    assert second.followups_attached == 0
    assert world.followups.get(old.id).status == "closed"
    assert [f.id != old.id for f in world.followups.list()] == [True]


def test_another_shop_opens_its_own_follow_up(
    world: Journal, open_answers: dict[str, object]
) -> None:
    messy = {**open_answers, "display_quality": "杂乱"}
    finish(world, "M001", "2026-11-30", messy)
    other = finish(world, "M002", "2026-11-30", messy)
    assert (other.followups_created, other.followups_attached) == (1, 0)
    assert open_texts(world, "M001") == open_texts(world, "M002") == [DISPLAY]


def test_a_follow_up_not_from_a_visit_is_not_attached_to(
    world: Journal, open_answers: dict[str, object]
) -> None:
    cid = world.customers.by_code("M001").id
    manual = world.followups.create(cid, DISPLAY, source="manual")
    result = finish(world, "M001", "2026-11-30", {**open_answers, "display_quality": "杂乱"})
    assert (result.followups_created, result.followups_attached) == (1, 0)
    assert world.followups.get(manual.id).seen_again == 0


def test_the_follow_up_type_is_the_template_text_and_the_oldest_open_one_wins() -> None:
    hits = [
        Hit("display", "display_quality", "", DISPLAY, "杂乱"),
        Hit("display", "facings_ok", "", "", "排面不足"),
        Hit("out_of_stock", "grid", "", OUT_OF_STOCK_FOLLOW_UP, "中华(硬)"),
        Hit("display", "display_quality", "", DISPLAY, "杂乱"),
    ]
    texts = followup_texts(hits)
    assert texts == [DISPLAY, OUT_OF_STOCK_FOLLOW_UP]
    # an older database may hold duplicates already: the oldest (listed first) is kept
    attach, new = match_open(texts, [(LICENCE, "a"), (DISPLAY, "b"), (DISPLAY, "c")])
    assert attach == {DISPLAY: "b"} and new == [OUT_OF_STOCK_FOLLOW_UP]


def test_the_follow_up_list_carries_the_count(
    world: Journal, open_answers: dict[str, object]
) -> None:
    messy = {**open_answers, "display_quality": "杂乱"}
    finish(world, "M001", "2026-11-30", messy)
    again = finish(world, "M001", "2026-12-01", messy)
    (fu,) = world.followups.list()
    assert fu.seen_again == 1 and fu.last_seen_at == again.visit.finished_at
