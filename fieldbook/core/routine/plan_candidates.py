"""Which customers a new day's plan holds (see ``fieldbook.core.routine.plan``): the weekday's
route, the follow-ups due, then the stops carried over from the last days while the plan is
below its target size (an excused day's stops first, a few beyond it: ``routine.attendance``).
Customers back from a suspension are reactivated first."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from fieldbook.core import workdays
from fieldbook.core.routine.attendance import attendance_rules, excused_carry_overs
from fieldbook.core.routine.visit_findings import ABSENT
from fieldbook.core.store import audit
from fieldbook.core.store.models import Customer, FollowUp, Plan, PlanStop, Route, Visit


def reactivate_returned(s: Session, manager_id: str, day: date) -> int:
    """Suspended customers whose return date (from a completed 暂停 slip) has come are active
    again from ``day`` on; each change is audited."""
    back = s.scalars(
        select(Customer).where(
            Customer.manager_id == manager_id,
            Customer.status == "suspended",
            Customer.suspended_until.is_not(None),
            Customer.suspended_until <= day,
        )
    ).all()
    for c in back:
        audit.record(
            s,
            manager_id=manager_id,
            record_type="customer",
            record_id=c.id,
            changes={
                "status": ("suspended", "active"),
                "suspended_until": (c.suspended_until, None),
            },
            reason=f"暂停期满（{c.suspended_until:%Y-%m-%d}）恢复营业",
        )
        c.status, c.suspended_until = "active", None
    return len(back)


def candidates(
    s: Session, manager_id: str, day: date, size: int, carry_over_days: int
) -> dict[str, tuple[list[str], str]]:
    """Customer id → (why it is in the plan, note), in plan order."""
    entries: dict[str, tuple[list[str], str]] = {}
    if not workdays.is_working_day(day):
        return entries  # holidays and weekends: nothing planned unless added by hand

    def add(customer_id: str, reason: str, note: str = "") -> None:
        reasons, old_note = entries.get(customer_id, ([], ""))
        if reason not in reasons:
            reasons.append(reason)
        joined = "；".join(n for n in (old_note, note) if n)
        entries[customer_id] = (reasons, joined)

    active = and_(Customer.manager_id == manager_id, Customer.status == "active")
    route_customers = s.execute(
        select(Customer.id)
        .join(Route, Route.id == Customer.route_id)
        .where(active, Route.weekday == day.isoweekday())
        .order_by(Route.name, Customer.route_position, Customer.code)
    ).scalars()
    for cid in route_customers:
        add(cid, "route")
    due = s.execute(
        select(FollowUp.customer_id, FollowUp.text)
        .join(Customer, Customer.id == FollowUp.customer_id)
        .where(active, FollowUp.status == "open", FollowUp.due_date <= day)
        .order_by(FollowUp.due_date, FollowUp.created_at)
    )
    for cid, text in due:
        add(cid, "follow_up", text)
    # an excused day's (请假, 会议 …) stops first, some of them beyond the target size
    excused = excused_carry_overs(s, manager_id, day, carry_over_days)
    waiting = carry_overs(s, manager_id, day, carry_over_days)
    extra = attendance_rules().carry_over_extra
    for cid, note in sorted(waiting, key=lambda w: w[0] not in excused):  # (a stable sort)
        if cid in entries or len(entries) < size + (extra if cid in excused else 0):
            add(cid, "carried_over", excused.get(cid, note))
    return entries


def carry_overs(s: Session, manager_id: str, day: date, days: int) -> list[tuple[str, str]]:
    """Customers planned in the last ``days`` days, not visited since and not removed."""
    since = day - timedelta(days=days)
    rows = s.execute(
        select(
            PlanStop.customer_id,
            Plan.plan_date,
            PlanStop.state,
            PlanStop.state_reason,
            PlanStop.position,
        )
        .join(Plan, Plan.id == PlanStop.plan_id)
        .join(Customer, Customer.id == PlanStop.customer_id)
        .where(
            Plan.manager_id == manager_id,
            Plan.plan_date >= since,
            Plan.plan_date < day,
            Customer.status == "active",
        )
        .order_by(Plan.plan_date)
    ).all()
    last_planned: dict[str, tuple[date, str, str, int]] = {}
    for cid, planned_on, state, reason, position in rows:
        last_planned[cid] = (planned_on, state, reason, position)
    last_visited: dict[str, date] = {
        cid: seen
        for cid, seen in s.execute(
            select(Visit.customer_id, func.max(Visit.visit_date))
            .where(
                Visit.manager_id == manager_id,
                Visit.status == "done",
                Visit.shop_status != ABSENT,  # 关门未遇 is not a visit
                Visit.visit_date >= since,
                Visit.visit_date < day,
            )
            .group_by(Visit.customer_id)
        )
    }
    out: list[tuple[date, int, str, str]] = []
    for cid, (planned_on, state, reason, position) in last_planned.items():
        if state not in ("planned", "skipped"):
            continue
        seen = last_visited.get(cid)
        if seen is not None and planned_on <= seen:  # visited on or after that day
            continue
        when = f"{planned_on.month}月{planned_on.day}日"
        note = f"{when}未走访" + (f"（{reason}）" if reason else "")
        out.append((planned_on, position, cid, note))
    out.sort()
    return [(cid, note) for _, _, cid, note in out]
