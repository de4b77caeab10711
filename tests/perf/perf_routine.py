"""Rows of the core's own work, in process: importing the customer workbook, searching it, and
a day in the field on the long history (plan, visit screen, finishing a visit, the work log)."""

from __future__ import annotations

import statistics
import time
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

from perf_data import copy_db, remove_db
from perf_rows import (
    Config,
    Dataset,
    Result,
    error_result,
    labels,
    measured,
    median_ms,
    sqlite_url,
)

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.master.profile import ProfileInput


# --- measurements ---------------------------------------------------------------------------
def bench_import(ds: Dataset, cfg: Config, scratch: Path) -> Result:
    """import_customers of the workbook into a fresh database with a profile (median)."""
    from fieldbook.core.master.customer_import import import_customers

    name, target = labels(cfg)["import"]
    times = []
    for run in range(cfg.import_runs):
        path = scratch / f"import-{run}.sqlite3"
        remove_db(path)
        journal = Journal.open(sqlite_url(path), backup_before_migration=False)
        try:
            journal.profile.save(ProfileInput(code="BENCH01", name="测试经理"))
            start = time.perf_counter()
            report = import_customers(journal, ds.workbook)
            times.append(time.perf_counter() - start)
            if not report.applied or len(report.new) != cfg.customers:
                first = report.problems[0] if report.problems else None
                return error_result(
                    "import",
                    name,
                    target,
                    f"imported {len(report.new)} of {cfg.customers} (first problem: {first})",
                )
        finally:
            journal.close()
            remove_db(path)
    median = statistics.median(times)
    shown = f"{median:.2f} s (median of {len(times)}, best {min(times):.2f})"
    return measured("import", name, shown, target, median, "s", cfg.import_limit_s, 4)


def search_queries(journal: Journal) -> dict[str, str]:
    """Realistic queries taken from the data: what an AM types into the search box."""
    rows = journal.customers.list(everyone=True)
    sample = rows[len(rows) // 3]
    return {
        "pinyin initials": "zxbl",
        "phone fragment": sample.phone[-4:],
        "code fragment": sample.code[-6:],
        "Chinese name fragment": "鑫源",
    }


def bench_search(ds: Dataset, cfg: Config) -> Result:
    """journal.customers.list(q): median over all queries and the worst query's median."""
    name, target = labels(cfg)["search"]
    journal = Journal.open(sqlite_url(ds.single), backup_before_migration=False)
    try:
        queries = search_queries(journal)
        medians: dict[str, float] = {}
        hits: dict[str, int] = {}
        every: list[float] = []
        for label, query in queries.items():
            hits[label] = len(journal.customers.list(query, everyone=True))  # warm-up
            times = []
            for _ in range(cfg.search_repeats):
                start = time.perf_counter()
                journal.customers.list(query, everyone=True)
                times.append((time.perf_counter() - start) * 1000)
            medians[label] = statistics.median(times)
            every.extend(times)
    finally:
        journal.close()
    worst = max(medians, key=lambda k: medians[k])
    shown = (
        f"median {statistics.median(every):.1f} ms, worst {medians[worst]:.1f} ms "
        f"({worst} {queries[worst]!r}, {hits[worst]} hits)"
    )
    return measured("search", name, shown, target, medians[worst], "ms", cfg.search_limit_ms, 3)


def _fresh_days(journal: Journal, count: int) -> list[date]:
    """The first ``count`` working days after the history's last plan."""
    from sqlalchemy import func, select

    from fieldbook.core import workdays
    from fieldbook.core.store.models import Plan

    with journal.reading() as s:
        last = s.scalar(select(func.max(Plan.plan_date)))
    day = last or clock.today()
    days = []
    for _ in range(count):
        day = workdays.next_working_day(day)
        days.append(day)
    return days


def _complete_answers(journal: Journal, customer_id: str, day: date) -> dict[str, Any]:
    """The answers of a complete visit: the shop's last open visit's (they passed the
    template), else a neutral set for every required item."""
    from fieldbook.core.routine.checklist import OPEN, load_checklist

    checklist = load_checklist()
    for visit in journal.visits.previous(customer_id, day, 5):
        # of the newest checklist only (a v1 visit's answers do not fit a new visit)
        if (
            visit.shop_status == OPEN
            and visit.answers
            and visit.checklist_version == checklist.version
        ):
            return dict(visit.answers)
    answers: dict[str, Any] = {}
    for item in checklist.items:
        if item.required and checklist.is_visible(item, OPEN, answers):
            defaults = {"bool": False, "number": 0, "text": "无"}
            answers[item.id] = item.options[0] if item.options else defaults[item.type]
    return answers


def bench_day(ds: Dataset, cfg: Config, scratch: Path) -> list[Result]:
    """On a copy of the long history: build the plans of fresh days, then open and finish
    visits of the first one's shops, through the core as the screens do."""
    names = labels(cfg)
    journal = Journal.open(
        sqlite_url(copy_db(ds.history, scratch / "day.sqlite3")), backup_before_migration=False
    )
    try:
        days = _fresh_days(journal, cfg.plan_days)
        builds = []
        for day in days:
            start = time.perf_counter()
            plan = journal.plans.build(day)
            builds.append(time.perf_counter() - start)
            if not plan.stops and day.weekday() < 5:
                raise RuntimeError(f"the plan of {day} is empty")
        day = days[0]
        plan = journal.plans.build(day)
        # shops with a history (a short one may hold a route day spent on leave: 出勤)
        shops = [
            st.customer_id
            for st in plan.active_stops
            if journal.visits.previous(st.customer_id, day, 1)
        ][: cfg.visit_shops + 1]
        if len(shops) < 2:
            raise RuntimeError(f"the plan of {day} has {len(shops)} stops visited before")
        screens: list[float] = []
        finishes: list[float] = []
        arrival = datetime.combine(day, clock_time(7, 30))
        for shop in shops:
            start = time.perf_counter()
            visit = journal.visits.start(shop, day=day, at=arrival)
            previous = journal.visits.previous(shop, day, 5)
            journal.visits.grid_skus(shop)
            followups = journal.visits.open_followups(shop)
            journal.customers.get(shop)
            screens.append(time.perf_counter() - start)
            if not previous:
                raise RuntimeError(f"no previous visit of {shop}: the history is missing")
            journal.visits.set_shop_status(visit.id, "open")
            journal.visits.save_answers(visit.id, _complete_answers(journal, shop, day))
            arrival += timedelta(minutes=10)
            start = time.perf_counter()
            journal.visits.finish(visit.id, at=arrival, close_followups=[f.id for f in followups])
            finishes.append(time.perf_counter() - start)
            arrival += timedelta(minutes=3)
        logs: list[float] = []
        done_visits = 0
        past = [d for d in (day - timedelta(days=n) for n in range(1, 30)) if d.weekday() < 5]
        for log_day in [day, *past[:10]]:  # drafting = computing the day's facts, always
            start = time.perf_counter()
            facts = journal.daylogs.facts(log_day)
            logs.append(time.perf_counter() - start)
            done_visits += facts.done
        if done_visits == 0:
            raise RuntimeError("the work logs found no visits: the history is missing")
    finally:
        journal.close()
        remove_db(scratch / "day.sqlite3")
    screens, finishes, logs = screens[1:], finishes[1:], logs[1:]  # first calls warm up
    rows = []
    for key, times, limit, what in (
        ("plan_build", builds, cfg.plan_build_limit_ms, f"{len(builds)} days"),
        ("visit_screen", screens, cfg.visit_screen_limit_ms, f"{len(screens)} shops"),
        ("visit_finish", finishes, cfg.visit_finish_limit_ms, f"{len(finishes)} shops"),
        ("daylog_draft", logs, cfg.daylog_limit_ms, f"{len(logs)} days"),
    ):
        median = median_ms(times)
        shown = f"{median:.1f} ms (median of {what}, worst {max(times) * 1000:.1f})"
        name, target = names[key]
        rows.append(measured(key, name, shown, target, median, "ms", limit, 3))
    return rows
