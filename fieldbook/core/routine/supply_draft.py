"""货源信息 drafted into the day log: the 紧俏 / 限量 / 停供 SKUs of the NEXT working day, and for
限量 the limits of the 档位 on that day's route (its plan's shops, or its route's customers when
there is no plan yet), so that the manager tells tomorrow's shops what they may order. Drafted
means prefilled while the manager has written nothing in the section; never overwritten."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldbook.core import workdays
from fieldbook.core.master.supply import SupplyRow, state_name, supply_on
from fieldbook.core.routine.plan import plan_of
from fieldbook.core.store.models import Customer, PlanStop, Route

SECTION = "supply_info"


def next_day_grades(s: Session, manager_id: str, day: date) -> tuple[date, list[int | None]]:
    """The next working day after ``day`` and the 档位 of its shops: its plan's stops (not
    removed), or that weekday's route customers when there is no plan yet (one query each)."""
    tomorrow = workdays.next_working_day(day)
    plan = plan_of(s, manager_id, tomorrow)
    if plan is not None:
        grades: Iterable[int | None] = s.scalars(
            select(Customer.grade)
            .join(PlanStop, PlanStop.customer_id == Customer.id)
            .where(PlanStop.plan_id == plan.id, PlanStop.state != "removed")
        )
    else:
        grades = s.scalars(
            select(Customer.grade)
            .join(Route, Route.id == Customer.route_id)
            .where(
                Customer.manager_id == manager_id,
                Customer.status == "active",
                Route.weekday == tomorrow.isoweekday(),
            )
        )
    return tomorrow, list(grades)


def limits_note(row: SupplyRow, grades: list[int | None]) -> str:
    """``限量：8–12 档限 2 条（5 户），13–30 档限 5 条（2 户）；档位未填 1 户``: the bands that
    tomorrow's shops fall in, with how many shops each."""
    per_band: Counter[int] = Counter()
    outside = no_grade = 0
    for grade in grades:
        if grade is None:
            no_grade += 1
            continue
        band = row.band_for(grade)
        if band is None:
            outside += 1
        else:
            per_band[row.bands.index(band)] += 1
    shown = [
        f"{b.grades} 档限 {b.cartons} 条（{per_band[n]} 户）"
        for n, b in enumerate(row.bands)
        if per_band[n]
    ]
    if not shown:  # nobody planned, or no shop in any band: every band (what to tell)
        shown = [f"{b.grades} 档限 {b.cartons} 条" for b in row.bands]
    extra = [f"{outside} 户不在投放档位内"] if outside else []
    extra += [f"档位未填 {no_grade} 户"] if no_grade else []
    text = f"{state_name(row.state)}：" + "，".join(shown)
    return text + ("；" + "，".join(extra) if extra else "")


def supply_draft(s: Session, manager_id: str, day: date) -> list[dict[str, Any]]:
    """The section's rows ``{sku, note}`` for the day after ``day`` (one row per SKU); the
    shops' grades are read only when a SKU is limited."""
    rows = supply_on(s, workdays.next_working_day(day))
    grades = next_day_grades(s, manager_id, day)[1] if any(r.bands for r in rows) else []
    return [
        {"sku": row.name, "note": limits_note(row, grades) if row.bands else state_name(row.state)}
        for row in rows
    ]
