"""The department views' figures per manager and report week, summed by the server's database
(decision 0032, amendment): the per-day summaries (``day_figures`` / ``day_order_figures``,
``department_days``) joined to a calendar of the days shown — each day's report-week label and
whether it is a working day, worked out here once per view from the app's own calendar
(``routine.week.label_for``, ``workdays``) and passed as array parameters — and grouped by
manager and week. A year of every manager is one row per manager × week (26,000 at 500
managers), not one per manager × day; the 出勤 marks come back as the days themselves (the
attendance entries and the 未说明 working days), which are few.

PostgreSQL only (the summaries are the server's): a laptop sums its raw days in
``department`` as before. The figures are the same: an excused day's stops are left out of
planned and visited (``attendance.managers_day_marks``), every other figure counts every day.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from fieldbook.core import workdays
from fieldbook.core.resources import load_reference
from fieldbook.core.routine.attendance import UNEXPLAINED, DayMark
from fieldbook.core.routine.class_structure import first_headline
from fieldbook.core.routine.price_figures import PriceCounts, answered_tags, tally
from fieldbook.core.routine.week import label_for
from fieldbook.core.server.department_days import summarised_tags

#: The figures summed per manager and week, in the order the queries return them (as bigint:
#: a sum of bigint is numeric, which the driver would turn into Decimal, row by row).
DAY_SUMS = (
    "planned",
    "visited",
    "visits_with_findings",
    "slips_opened",
    "suggestions_dismissed",
    "violations_dismissed",
)
ORDER_SUMS = ("cartons", "amount_fen", "top_cartons")

#: The days shown: (day, report-week label, working day?), from the array parameters.
_CALENDAR = (
    "unnest(CAST(:days AS date[]), CAST(:labels AS text[]), CAST(:working AS boolean[]))"
    " AS cal(day, label, working)"
)
#: The attendance entry that excuses the day (``DayMark.excused``; a cleared entry has no kind),
#: joined (one at most: unique per manager and day) rather than probed for every day.
_EXCUSED = (
    "LEFT JOIN attendance_days a ON a.manager_id = f.manager_id AND a.day = f.day"
    " AND a.kind <> '' AND a.kind <> :unexplained"
)
_DAY_SQL = f"""
SELECT f.manager_id, cal.label,
  sum(CASE WHEN a.id IS NULL THEN coalesce(f.planned, 0) ELSE 0 END),
  sum(CASE WHEN a.id IS NULL THEN coalesce(f.visited, 0) ELSE 0 END),
  sum(coalesce(f.visits_with_findings, 0)), sum(coalesce(f.slips_opened, 0)),
  sum(coalesce(f.suggestions_dismissed, 0)), sum(coalesce(f.violations_dismissed, 0)),
  sum(coalesce(f.tag_visits, 0)), sum(coalesce(f.tags_complete, 0))
FROM day_figures f JOIN {_CALENDAR} ON cal.day = f.day {_EXCUSED}
WHERE f.manager_id = ANY(CAST(:ids AS text[])) AND f.day BETWEEN :first AND :last
GROUP BY f.manager_id, cal.label
"""
_ORDER_SQL = f"""
SELECT o.manager_id, cal.label,
  CAST(sum(coalesce(o.cartons, 0)) AS bigint), CAST(sum(coalesce(o.amount_fen, 0)) AS bigint),
  CAST(sum(CASE WHEN o.price_class = ANY(CAST(:top AS integer[]))
                THEN coalesce(o.cartons, 0) ELSE 0 END) AS bigint)
FROM day_order_figures o JOIN {_CALENDAR} ON cal.day = o.day
WHERE o.manager_id = ANY(CAST(:ids AS text[])) AND o.day BETWEEN :first AND :last
GROUP BY o.manager_id, cal.label
"""
#: 价格监测's priced SKUs, grouped by price pair per week (``price_figures.price_days``).
_PRICED_SQL = f"""
SELECT v.manager_id, cal.label, vs.price_fen, k.retail_fen, count(*)
FROM visits v JOIN {_CALENDAR} ON cal.day = v.visit_date
JOIN visit_skus vs ON vs.visit_id = v.id JOIN skus k ON k.id = vs.sku_id
WHERE v.manager_id = ANY(CAST(:ids AS text[])) AND v.status = 'done'
  AND v.visit_date BETWEEN :first AND :last AND vs.price_fen IS NOT NULL AND k.retail_fen > 0
GROUP BY v.manager_id, cal.label, vs.price_fen, k.retail_fen
"""
_ENTRIES_SQL = """
SELECT a.manager_id, a.day, a.kind, a.leave_type, a.note FROM attendance_days a
WHERE a.manager_id = ANY(CAST(:ids AS text[])) AND a.day BETWEEN :first AND :last
  AND a.kind <> ''
"""
#: 未说明: a working day before today, not before the manager's profile was made, with no
#: plan with stops, no visit (the summaries), no day log and no attendance entry.
_UNEXPLAINED_SQL = f"""
SELECT m.id, cal.day FROM managers m CROSS JOIN {_CALENDAR}
WHERE m.id = ANY(CAST(:ids AS text[])) AND cal.working AND cal.day <= :seen_until
  AND cal.day >= coalesce(CAST(m.created_at AS date), :first)
  AND NOT EXISTS (SELECT 1 FROM day_figures f WHERE f.manager_id = m.id AND f.day = cal.day
                  AND (f.stops > 0 OR f.visits > 0))
  AND NOT EXISTS (SELECT 1 FROM day_logs l WHERE l.manager_id = m.id AND l.log_date = cal.day)
  AND NOT EXISTS (SELECT 1 FROM attendance_days a WHERE a.manager_id = m.id AND a.day = cal.day
                  AND a.kind <> '')
"""


@dataclass
class WeekFigures:
    """What the database summed, keyed by (manager, week label)."""

    sums: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)
    prices: dict[tuple[str, str], PriceCounts] = field(default_factory=dict)
    #: each manager's marked days (entries and 未说明), in day order
    marks: dict[str, list[DayMark]] = field(default_factory=dict)


@cache
def work_mem() -> str:
    """The memory the views' grouping queries may use (``department.toml [server]``)."""
    value = str(load_reference("department")["server"]["work_mem"]).strip()
    if not re.fullmatch(r"[1-9][0-9]*(kB|MB|GB)", value):
        raise ValueError(f"schema/reference/department.toml [server] work_mem: {value!r}")
    return value


def calendar(first: date, last: date) -> dict[str, list[Any]]:
    """The array parameters of the days ``first``..``last``: day, week label, working day."""
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    return {
        "days": days,
        "labels": [label_for(day) for day in days],
        "working": [workdays.is_working_day(day) for day in days],
    }


def week_figures(s: Session, ids: list[str], first: date, last: date, today: date) -> WeekFigures:
    """Every figure of the managers' report weeks of ``first``..``last`` (whole weeks), the
    未说明 days counted before ``today``."""
    params: dict[str, Any] = {
        **calendar(first, last),
        "ids": ids,
        "first": first,
        "last": last,
        "unexplained": UNEXPLAINED,
    }
    out = WeekFigures()
    con = s.connection()  # plain rows through the connection: tens of thousands of them
    con.execute(text("SELECT set_config('work_mem', :mem, true)"), {"mem": work_mem()})
    tags_kept = summarised_tags(s)
    for m, label, *values in con.execute(text(_DAY_SQL), params):
        sums = out.sums.setdefault((m, label), {})
        sums.update(zip(DAY_SUMS, map(int, values[: len(DAY_SUMS)]), strict=True))
        if tags_kept:
            n, complete = map(int, values[len(DAY_SUMS) :])
            out.prices[(m, label)] = PriceCounts(tag_visits=n, tags_complete=complete)
    top = [c for c in first_headline()[1] if c != 0]
    for m, label, *values in con.execute(text(_ORDER_SQL), {**params, "top": top}):
        sums = out.sums.setdefault((m, label), {})
        sums.update(zip(ORDER_SUMS, map(int, values), strict=True))
    _prices(s, params, out, tags_kept)
    out.marks = _marks(s, params, today)
    return out


def _prices(s: Session, params: dict[str, Any], out: WeekFigures, tags_kept: bool) -> None:
    """价格监测 per week: the priced SKUs tallied per price pair (as ``price_days`` does per
    day: the tally adds up), the 明码标价 answers from the summaries — or, while the
    summaries count another answer than the configuration's, from the visits' answers."""
    priced: dict[tuple[str, str], list[tuple[int | None, int | None, int]]] = defaultdict(list)
    for m, label, price, retail, n in s.execute(text(_PRICED_SQL), params):
        priced[(m, label)].append((price, retail, int(n)))
    for key, pairs in priced.items():
        counts = tally(pairs, ())
        tags = out.prices.get(key, PriceCounts())
        out.prices[key] = replace(
            counts, tag_visits=tags.tag_visits, tags_complete=tags.tags_complete
        )
    if tags_kept:
        return
    label_of = dict(zip(params["days"], params["labels"], strict=True))
    for (m, day), (n, complete) in answered_tags(
        s, params["ids"], params["first"], params["last"]
    ).items():
        key = (m, label_of[day])
        out.prices[key] = out.prices.get(key, PriceCounts()) + PriceCounts(
            tag_visits=n, tags_complete=complete
        )


def _marks(s: Session, params: dict[str, Any], today: date) -> dict[str, list[DayMark]]:
    """Each manager's attendance entries and 未说明 days, in day order
    (``attendance.managers_day_marks``)."""
    found: dict[str, dict[date, DayMark]] = defaultdict(dict)
    for m, day, kind, leave_type, note in s.execute(text(_ENTRIES_SQL), params):
        found[m][day] = DayMark(day, kind, leave_type, note)
    seen_until = min(params["last"], today - timedelta(days=1))
    if params["first"] <= seen_until:
        for m, day in s.execute(text(_UNEXPLAINED_SQL), {**params, "seen_until": seen_until}):
            found[m][day] = DayMark(day, UNEXPLAINED)
    return {m: [days[d] for d in sorted(days)] for m, days in found.items()}
