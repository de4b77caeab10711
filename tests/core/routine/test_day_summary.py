"""The plan page's summary counted in SQL equals the counts over the listed rows: open slips
(drafts, sent, partly done; not the done ones) due on the day or overdue, and open follow-ups
with a due date by the day (of which overdue)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from fieldbook.core.journal import Journal
from fieldbook.core.routine.day_summary import DaySummary, day_summary
from fieldbook.core.slips.service import SlipInput


def by_rows(world: Journal, today: date) -> DaySummary:
    """The summary as the slip list and the follow-up list give it."""
    rows = world.slips.list(open_only=True)
    due = world.followups.due(today)
    return DaySummary(
        slips_due=sum(1 for r in rows if r.due_date == today),
        slips_overdue=sum(1 for r in rows if r.overdue(today)),
        followups_due=len(due),
        followups_overdue=sum(1 for f in due if f.overdue(today)),
    )


def test_the_counts_in_sql_equal_the_counts_over_the_rows(world: Journal) -> None:
    def cid(code: str) -> str:
        return world.customers.by_code(code).id

    def slip(code: str, at: str, category: str = "no_order") -> str:
        data = SlipInput(category, f"{code} {at}", cid(code))
        return world.slips.create(data, at=datetime.fromisoformat(at)).id

    slip("M001", "2026-11-23 09:00")  # a draft: no delivery sent
    sent = world.slips.send(slip("M002", "2026-11-24 09:00"))
    world.slips.advance(sent.deliveries[0].id, "received", actor="部门")  # partly handled
    done = world.slips.send(slip("M003", "2026-11-20 09:00"))
    for d in done.deliveries:
        for state in ("received", "handled", "done"):
            world.slips.advance(d.id, state, actor="部门")
    half = world.slips.send(slip("M004", "2026-11-25 09:00"))
    for state in ("received", "handled", "done"):
        world.slips.advance(half.deliveries[0].id, state, actor="部门")  # one of two done
    slip("T001", "2026-11-26 09:00", "violation")
    world.followups.create(cid("M001"), "今天", due_date=date(2026, 11, 30))
    world.followups.create(cid("M002"), "超期", due_date=date(2026, 11, 25))
    world.followups.create(cid("M003"), "没有期限", due_days=None)
    closed = world.followups.create(cid("M004"), "已办", due_date=date(2026, 11, 24))
    world.followups.close(closed.id, "已处理")

    counted = set()
    for n in range(0, 21):
        day = date(2026, 11, 20) + timedelta(days=n)
        summary = day_summary(world, day)
        assert summary == by_rows(world, day), day
        counted.add(summary)
    assert len(counted) > 4  # the days above see different counts
    assert any(s.slips_due and s.slips_overdue and s.followups_overdue for s in counted)
