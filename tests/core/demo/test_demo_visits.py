"""Demo history of the day in the field: plans on working days, ~95% of stops visited, visit
times and answers as REFERENCE.md §6.7 says, data the real services read and agree with."""

from __future__ import annotations

import json
import re
import statistics
from collections import Counter
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from demo_databases import Demo, module_demo, open_fresh
from sqlalchemy import Row, Select, delete, func, select

from fieldbook.core import workdays
from fieldbook.core.demo.context import demo_reference
from fieldbook.core.demo.generate import generate_demo
from fieldbook.core.journal import Journal
from fieldbook.core.routine.attendance import attendance_rules
from fieldbook.core.routine.checklist import OPEN, Hit, Item, check_answer, load_checklist
from fieldbook.core.routine.plan import plan_rules
from fieldbook.core.routine.visit_grid import grid_hits
from fieldbook.core.store.models import (
    AttendanceDay,
    Customer,
    FollowUp,
    Plan,
    PlanStop,
    SlipSuggestion,
    Visit,
    VisitSku,
)

pytestmark = pytest.mark.slow  # every test here generates or reads a demo database
TODAY = date(2026, 10, 19)  # a Monday; 20 weeks back covers 中秋 and 国庆 2026
WEEKS = 20


# one manager, 20 weeks of history (≈ 3,000 visits)
field = module_demo("field", Demo(seed=11, weeks=WEEKS, today=TODAY))


def done_visits(j: Journal) -> list[Visit]:
    with j.reading() as s:
        visits = list(s.scalars(select(Visit).order_by(Visit.visit_date, Visit.arrived_at)))
        s.expunge_all()  # plain values from here on
        return visits


def rows_of(j: Journal, query: Select[Any]) -> list[Row[Any]]:
    """Every row of ``query``, read in one session."""
    with j.reading() as s:
        return list(s.execute(query).all())


def minutes(v: Visit) -> float:
    assert v.arrived_at is not None and v.left_at is not None
    return (v.left_at - v.arrived_at).total_seconds() / 60


def test_plans_only_on_working_days(field: Journal) -> None:
    with field.reading() as s:
        days = list(s.scalars(select(Plan.plan_date).order_by(Plan.plan_date)))
    first = TODAY - timedelta(days=TODAY.weekday(), weeks=WEEKS - 1)
    expected = workdays.working_days_between(first, TODAY - timedelta(days=1))
    assert days == expected  # one plan per working day, none today (the user builds it)
    assert date(2026, 10, 1) not in days and date(2026, 9, 25) not in days
    assert date(2026, 10, 10) in days  # 调休 Saturday: a working day
    assert all(workdays.is_working_day(d) for d in days)


def test_stops_follow_the_route_and_carry_over(field: Journal) -> None:
    rows = rows_of(
        field,
        select(Plan.plan_date, PlanStop.customer_id, PlanStop.reasons, PlanStop.reason_note)
        .join(Plan, Plan.id == PlanStop.plan_id)
        .order_by(Plan.plan_date, PlanStop.position),
    )
    with field.reading() as s:
        skipped = {
            (cid, d, reason)
            for cid, d, reason in s.execute(
                select(PlanStop.customer_id, Plan.plan_date, PlanStop.state_reason)
                .join(Plan, Plan.id == PlanStop.plan_id)
                .where(PlanStop.state == "skipped")
            )
        }
    routes = {c.id: c for c in field.customers.list(everyone=True)}
    with field.reading() as s:  # a completed 关业/暂停 slip (demo_slips) changed the status
        changed = {cid: at for cid, at in s.execute(select(Customer.id, Customer.updated_at))}
    with field.reading() as s:  # 出勤 (demo.attendance): an excused day's stops stay planned
        excused = {
            (cid, d)
            for cid, d in s.execute(
                select(PlanStop.customer_id, Plan.plan_date)
                .join(Plan, Plan.id == PlanStop.plan_id)
                .join(
                    AttendanceDay,
                    (AttendanceDay.manager_id == Plan.manager_id)
                    & (AttendanceDay.day == Plan.plan_date),
                )
                .where(PlanStop.state == "planned")
            )
        }
    carried = [r for r in rows if "carried_over" in r[2]]
    assert carried, "some stops come back from earlier days"
    for day, cid, reasons, note in rows:
        if "route" in reasons.split(","):
            assert routes[cid].order_weekday == day.isoweekday()
            assert routes[cid].status == "active" or day <= changed[cid].date() + timedelta(7)
        if "carried_over" in reasons:
            away = re.fullmatch(r"(\d+)月(\d+)日(请假.*|会议|培训|其他公务)未走访", note)
            if away:  # a stop of a day out of the field
                then = date(day.year - (int(away[1]) > day.month), int(away[1]), int(away[2]))
                assert (cid, then) in excused, note
                continue
            found = re.fullmatch(r"(\d+)月(\d+)日未走访（(.+)）", note)
            assert found, note
            then = date(day.year - (int(found[1]) > day.month), int(found[1]), int(found[2]))
            assert (cid, then, found[3]) in skipped
            assert 0 < (day - then).days <= plan_rules().carry_over_days
    per_day = Counter(day for day, *_ in rows)
    # a day after one out of the field takes up to carry_over_extra of its stops beyond target
    assert max(per_day.values()) <= 40 + attendance_rules().carry_over_extra


def test_about_95_percent_of_stops_are_visited(field: Journal) -> None:
    with field.reading() as s:
        states = Counter(s.scalars(select(PlanStop.state)))
        reasons = Counter(
            s.scalars(select(PlanStop.state_reason).where(PlanStop.state == "skipped"))
        )
        linked = s.execute(
            select(PlanStop.state, func.count(Visit.id))
            .outerjoin(Visit, Visit.plan_stop_id == PlanStop.id)
            .group_by(PlanStop.id)
        ).all()
        statuses = Counter(s.scalars(select(Visit.status)))
    total = sum(states.values()) - states["planned"]  # "planned": a day out of the field
    assert set(states) <= {"visited", "skipped", "planned"}
    assert states["visited"] / total == pytest.approx(0.95, abs=0.015)
    assert set(reasons) <= set(plan_rules().skip_reasons)
    assert reasons.most_common(1)[0][0] == "关门未遇"
    assert all(n == (1 if state == "visited" else 0) for state, n in linked)
    assert statuses == {"done": states["visited"]}


def test_visit_times(field: Journal) -> None:
    visits = done_visits(field)
    assert len(visits) > 2200  # 20 weeks of ~24–32 visits a working day (150 customers)
    durations = [minutes(v) for v in visits]
    assert 9 <= statistics.mean(durations) <= 11
    assert 3 <= statistics.stdev(durations) <= 5
    assert min(durations) >= 3
    start, end = time(7, 30), time(15, 0)
    inside = [v for v in visits if v.arrived_at and start <= v.arrived_at.time() <= end]
    assert len(inside) / len(visits) >= 0.95
    assert sum(v.left_at is not None and v.left_at.time() <= end for v in visits) == len(visits)
    for v in visits:
        assert v.arrived_first == v.arrived_at and v.left_first == v.left_at
        assert v.finished_at is not None and v.finished_at >= v.left_at  # type: ignore[operator]
        if v.late_entry:
            assert v.recorded_at.hour >= 19 and v.recorded_at.date() == v.visit_date
        else:
            assert v.recorded_at == v.arrived_at
    assert 0.01 <= sum(v.late_entry for v in visits) / len(visits) <= 0.06
    shop = Counter(v.shop_status for v in visits)
    assert shop[OPEN] / len(visits) == pytest.approx(0.995, abs=0.005)
    assert "absent" not in shop  # a shop found closed is a skipped stop, not a visit
    # in route order: within a day, arrivals follow the plan's positions
    rows = rows_of(
        field,
        select(Visit.visit_date, PlanStop.position, Visit.arrived_at, Visit.left_at)
        .join(PlanStop, PlanStop.id == Visit.plan_stop_id)
        .order_by(Visit.visit_date, PlanStop.position),
    )
    for (d1, _p1, _a1, left), (d2, _p2, arrived, _l2) in pairwise(rows):
        if d1 == d2:
            assert arrived >= left


def test_answers_pass_the_template_and_findings_are_finish_s(field: Journal) -> None:
    """Each visit on its own checklist version (v2 from the cutover Monday, decision 0022),
    as it applies at its shop (业态)."""
    newest = load_checklist()
    formats = dict(rows_of(field, select(Customer.id, Customer.format)))
    visits = done_visits(field)
    weeks = int(demo_reference()["visits"]["checklist_v2_weeks"])
    cutover = TODAY - timedelta(days=TODAY.weekday(), weeks=weeks)  # a Monday
    assert {v.checklist_version for v in visits} == {1, newest.version}
    with field.reading() as s:
        for v in visits:
            version = newest.version if v.visit_date >= cutover else 1
            assert (v.checklist_id, v.checklist_version) == ("visit", version)
            checklist = load_checklist("visit", version).for_shop(formats[v.customer_id])
            answers = json.loads(v.answers)
            assert checklist.missing(v.shop_status, answers) == []
            assert checklist.clean_answers(v.shop_status, answers) == answers
            for item_id, value in answers.items():
                assert check_answer(checklist.item(item_id), value) == value
            if v.shop_status != OPEN:
                assert answers == {}
        # Findings as VisitService.finish computes them (its grid logic included).
        for v in visits[::7]:
            checklist = load_checklist("visit", v.checklist_version)
            checklist = checklist.for_shop(formats[v.customer_id])
            hits = checklist.hits(v.shop_status, json.loads(v.answers))
            if v.shop_status == OPEN:
                hits += grid_hits(s, v.id)
            assert [Hit(**h) for h in json.loads(v.findings)] == hits, v.id


def test_flag_rates(field: Journal) -> None:
    visits = [v for v in done_visits(field) if v.shop_status == OPEN]
    n = len(visits)
    answers = [json.loads(v.answers) for v in visits]
    findings = [{h["finding"] for h in json.loads(v.findings)} for v in visits]

    def rate(hits: list[bool]) -> float:
        return sum(hits) / n

    assert rate([a["price_tags"] != "齐全规范" for a in answers]) == pytest.approx(0.08, abs=0.02)
    assert rate([a["display_quality"] == "杂乱" for a in answers]) == pytest.approx(0.10, abs=0.02)
    assert rate(["out_of_stock" in f for f in findings]) == pytest.approx(0.20, abs=0.025)
    assert rate(["price_gap" in f for f in findings]) == pytest.approx(0.12, abs=0.02)
    assert rate([a["licence_displayed"] is False for a in answers]) == pytest.approx(
        0.03, abs=0.012
    )
    assert rate([a["suspected_non_channel"] for a in answers]) <= 0.015
    assert rate([a["suspected_fake"] for a in answers]) <= 0.01
    # Out-of-stock key SKUs have no stock; a class gap has no stock in the whole class.
    with field.reading() as s:
        for v in visits[::11]:
            grid = field.visits.get(v.id).grid
            hits = {h.finding: h for h in field.visits.get(v.id).findings}
            if "out_of_stock" in hits:
                for name in hits["out_of_stock"].detail.split("、"):
                    row = next(r for r in grid if r.name == name)
                    assert row.is_key_brand and not row.on_shelf
                    assert (row.stock_cartons or 0) + (row.stock_packs or 0) == 0
            stocked = {r.price_class for r in grid if r.on_shelf}
            assert ("price_gap" in hits) == (stocked != {r.price_class for r in grid})
        rows = s.scalar(select(func.count()).select_from(VisitSku))
    assert 9 <= rows / len(done_visits(field)) <= 16


def test_followups_and_slips_as_finish_records_them(field: Journal) -> None:
    visits = {v.id: v for v in done_visits(field)}  # in the order they were made
    with field.reading() as s:
        followups = list(s.scalars(select(FollowUp).where(FollowUp.source == "visit")))
        s.expunge_all()
        slips = Counter(
            (visit_id, cat)
            for visit_id, cat in s.execute(select(SlipSuggestion.visit_id, SlipSuggestion.category))
        )
    made = {(f.source_visit_id, f.text): f for f in followups}
    closed_by: dict[str, list[FollowUp]] = {}
    for f in followups:
        closed_by.setdefault(f.closed_visit_id or "", []).append(f)
    # replay finish(): close what the visit closed, then attach or open per follow-up text
    open_now: dict[tuple[str, str], FollowUp] = {}
    expected_fu: Counter[tuple[str, str]] = Counter()
    seen: Counter[str] = Counter()
    last_seen: dict[str, str] = {}
    expected_slips: Counter[tuple[str, str]] = Counter()
    for v in visits.values():
        for f in closed_by.get(v.id, []):
            del open_now[(f.customer_id, f.text)]
        hits = json.loads(v.findings)
        for text in dict.fromkeys(h["follow_up"] for h in hits if h["follow_up"]):
            key = (v.customer_id, text)
            if key in open_now:
                seen[open_now[key].id] += 1
                last_seen[open_now[key].id] = v.id
            else:
                expected_fu[(v.id, text)] += 1
                open_now[key] = made[(v.id, text)]
        for cat in dict.fromkeys(h["slip"] for h in hits if h["slip"]):
            expected_slips[(v.id, cat)] += 1
    assert Counter((f.source_visit_id or "", f.text) for f in followups) == expected_fu
    assert slips == expected_slips
    assert sum(seen.values()) > 10  # findings repeat: they attach instead of duplicating
    for f in followups:
        assert f.seen_again == seen[f.id] and f.last_seen_visit_id == last_seen.get(f.id)
        if f.last_seen_visit_id:
            assert f.last_seen_at == visits[f.last_seen_visit_id].finished_at
    still_open = Counter((f.customer_id, f.text) for f in followups if f.status == "open")
    assert still_open and max(still_open.values()) == 1  # no shop has the same one twice
    closed = [f for f in followups if f.status == "closed"]
    assert 0.5 <= len(closed) / len(followups) <= 0.95
    for f in closed:
        src, by = visits[f.source_visit_id or ""], visits[f.closed_visit_id or ""]
        assert by.customer_id == f.customer_id and by.visit_date > src.visit_date
        assert f.closed_at == by.finished_at and f.close_note
    for f in followups:
        assert f.created_at == visits[f.source_visit_id or ""].finished_at


def test_the_real_services_read_the_demo(field: Journal) -> None:
    day = workdays.previous_working_day(TODAY)
    plan = field.plans.get(day)
    assert plan is not None and plan.working_day
    progress = plan.progress(datetime.combine(day, time(16, 0)))
    assert progress.planned == progress.done + progress.skipped + progress.remaining
    assert progress.remaining == 0 and progress.target == 30
    with field.reading() as s:
        visited = s.scalar(select(func.count()).select_from(Visit).where(Visit.visit_date == day))
    assert progress.done == visited
    assert progress.first_arrival is not None and progress.first_arrival.time() >= time(7, 30)
    assert progress.average_minutes is not None and 5 <= progress.average_minutes <= 15

    stop = next(s for s in plan.stops if s.state == "visited")
    shop = stop.customer_id
    previous = field.visits.previous(shop, TODAY, 5)
    assert 1 <= len(previous) <= 5 and all(v.status == "done" for v in previous)
    assert previous[0].visit_date == day and previous[0].grid
    # The grid the screen offers is the one the demo visits recorded.
    offered = {r.sku_id for r in field.visits.grid_skus(shop)}
    assert offered == {r.sku_id for r in previous[0].grid}

    fresh = next(d for d in (TODAY + timedelta(days=i) for i in range(1, 9)) if d.weekday() < 5)
    draft = field.visits.start(shop, day=fresh, at=datetime.combine(fresh, time(8, 0)))
    filled = field.visits.same_as_last_time(draft.id)
    assert filled.shop_status == OPEN and filled.answers
    filled = field.visits.confirm_unchanged(draft.id)  # the counts: checked, unchanged
    assert {r.sku_id for r in filled.grid} == offered
    checklist, answers = filled.checklist, dict(filled.answers)
    # what is never carried (done or seen today, free text, last time's problems) is answered
    while missing := checklist.missing(OPEN, answers):
        today = {i: plain_answer(checklist.item(i)) for i in missing}
        field.visits.save_answers(draft.id, today)
        answers.update(today)
    result = field.visits.finish(draft.id, at=datetime.combine(fresh, time(8, 11)))
    assert result.visit.status == "done"


def test_build_agrees_with_the_generated_plan(field: Journal) -> None:
    """Remove the last Thursday's plan and visits: PlanService.build makes the same plan."""
    thursday = TODAY - timedelta(days=TODAY.weekday() + 4)
    before = rows_of(
        field,
        select(PlanStop.customer_id, PlanStop.reasons, PlanStop.reason_note)
        .join(Plan, Plan.id == PlanStop.plan_id)
        .where(Plan.plan_date == thursday)
        .order_by(PlanStop.position),
    )
    assert any("carried_over" in r[1] for r in before)
    with field.reading() as s:  # shops whose status a slip changed since (demo_slips)
        moved = set(
            s.scalars(
                select(Customer.id).where(Customer.updated_at >= datetime.combine(thursday, time()))
            )
        )
    before = [r for r in before if r[0] not in moved]
    with field.writing() as s:
        s.execute(delete(Visit).where(Visit.visit_date == thursday))
        s.execute(delete(Plan).where(Plan.plan_date == thursday))
    built = field.plans.build(thursday)
    assert [
        (st.customer_id, ",".join(st.reasons), st.reason_note)
        for st in built.stops
        if st.customer_id not in moved
    ] == [tuple(r) for r in before]


def test_same_seed_same_history(tmp_path: Path) -> None:
    def snapshot(path: Path) -> list[tuple[object, ...]]:
        j = open_fresh(path)
        try:
            summary = generate_demo(j, seed=4, managers=2, weeks=2, today=TODAY)
            assert dict(summary.other)["visits"] > 200
            with j.reading() as s:
                visits = s.execute(select(Visit.__table__).order_by(Visit.id)).all()
                grid = s.execute(select(VisitSku.__table__).order_by(VisitSku.id)).all()
                stops = s.execute(select(PlanStop.__table__).order_by(PlanStop.id)).all()
            return [tuple(r) for r in (*visits, *grid, *stops)]
        finally:
            j.close()

    a, b = snapshot(tmp_path / "a.sqlite3"), snapshot(tmp_path / "b.sqlite3")
    assert a == b and len(a) > 3000


def plain_answer(item: Item) -> object:
    """An answer a shop where all is well gives to ``item``."""
    if item.type == "bool":
        return not item.id.startswith("suspected")
    if item.type in ("choice", "multi"):
        return item.options[0] if item.type == "choice" else [item.options[0]]
    return 0 if item.type == "number" else "已核实"
