"""走访编号 (decision 0024): the month-day of a visit and its stop that day, by arrival — the
same number from the visits already read and from the ids alone, drafts not numbered."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from demo_databases import Demo
from sqlalchemy import select

from fieldbook.core.journal import Journal
from fieldbook.core.routine.visit_numbers import number_visits, numbers_of, visit_number
from fieldbook.core.store.models import Visit

MON = date(2026, 11, 30)


def at(day: date, hm: str) -> datetime:
    return datetime.fromisoformat(f"{day} {hm}")


def test_the_number_is_month_day_and_stop() -> None:
    assert visit_number(date(2026, 11, 23), 7) == "11-23-07"
    assert visit_number(date(2026, 1, 5), 112) == "01-05-112"


def test_stops_follow_arrival_and_restart_each_day() -> None:
    tue = date(2026, 12, 1)
    keys = [
        ("c", MON, at(MON, "09:40"), "M003"),
        ("a", MON, at(MON, "08:05"), "M009"),
        ("n", MON, None, "M001"),  # no arrival time: last
        ("b", MON, at(MON, "08:05"), "M010"),  # same minute: by customer code
        ("t", tue, at(tue, "10:00"), "T001"),
    ]
    expected = {
        "a": "11-30-01",
        "b": "11-30-02",
        "c": "11-30-03",
        "n": "11-30-04",
        "t": "12-01-01",
    }
    assert number_visits(keys) == expected
    assert number_visits(reversed(keys)) == expected  # stable: the order read does not matter


def test_numbers_by_id_count_the_days_finished_visits(
    world: Journal, open_answers: dict[str, object]
) -> None:
    made = {}
    for code, arrive, leave in (("M003", "09:10", "09:20"), ("M001", "08:00", "08:10")):
        v = world.visits.start(world.customers.by_code(code).id, at=at(MON, arrive))
        world.visits.set_shop_status(v.id, "open")
        world.visits.save_answers(v.id, open_answers)
        world.visits.finish(v.id, at=at(MON, leave))
        made[code] = v.id
    draft = world.visits.start(world.customers.by_code("M002").id, at=at(MON, "07:30"))
    with world.reading() as s:
        # M003 was made first but arrived later: the second stop; the draft is not a stop
        assert numbers_of(s, [made["M003"], draft.id]) == {made["M003"]: "11-30-02"}
        assert numbers_of(s, made.values()) == {made["M001"]: "11-30-01", made["M003"]: "11-30-02"}
        assert numbers_of(s, []) == {} and numbers_of(s, ["no-such-visit"]) == {}


def test_each_manager_numbers_their_own_day(open_demo: Callable[[Demo], Journal]) -> None:
    """On a database of several managers, visits asked for together are numbered within their
    own manager's day: two managers' 1st stops are both 「…-01」, never 01 and 31."""
    journal = open_demo(Demo(seed=3, managers=2, weeks=1, customers_per_manager=20))
    with journal.reading() as s:
        rows = s.execute(
            select(Visit.id, Visit.manager_id, Visit.visit_date).where(Visit.status == "done")
        ).all()
        managers: dict[date, set[str]] = {}
        for r in rows:
            managers.setdefault(r.visit_date, set()).add(r.manager_id)
        day = max(d for d, who in managers.items() if len(who) == 2)
        ids = {r.id: r.manager_id for r in rows if r.visit_date == day}
        numbers = numbers_of(s, ids)
    assert len(set(ids.values())) == 2
    for manager in set(ids.values()):
        stops = sorted(int(numbers[v][-2:]) for v, m in ids.items() if m == manager)
        assert stops == list(range(1, len(stops) + 1)), manager
