"""拜访计划: the day's ordered stops, built from the weekday's route, stops carried over and
follow-ups due; reordered, added to, skipped and removed with reasons; progress of the day
(``day_progress``).

Building a plan (``PlanService.build``) for a working day (China's calendar: holidays are off,
make-up working days are on; a non-working day starts empty):
1. every active customer of the route(s) whose weekday is the date's weekday, in route order;
2. every customer with an open follow-up due on or before the date;
3. stops of the last ``carry_over_days`` days that were neither visited nor removed, oldest
   first, while the plan is below its target size (the rest wait for the next day).
A customer appears once; its stop lists every reason it is there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldbook.core import workdays
from fieldbook.core.errors import InvalidValue, NotFound
from fieldbook.core.master.route_order import order_with_gaps
from fieldbook.core.resources import load_reference
from fieldbook.core.routine.day_progress import DayProgress, day_progress
from fieldbook.core.routine.plan_candidates import candidates, carry_overs, reactivate_returned
from fieldbook.core.store.models import Customer, FollowUp, Plan, PlanStop, Route, Visit
from fieldbook.core.store.sessions import Sessions
from fieldbook.core.text import clean_text

TOPIC = "plan"
STATES = ("planned", "visited", "skipped", "removed")


THURSDAY = 4  # ISO weekday: 周四 the week's summary at 14:00 (plan.toml ``[thursday]``)


@dataclass(frozen=True)
class PlanRules:
    """The day as plan.toml models the regulation (decision 0018): in the area by
    ``arrive_in_area``, back at the office by ``back_at_office`` (Thursday: earlier), the trip
    back, lunch, the working time in the area and the minutes a shop takes."""

    target_size: int
    arrive_in_area: time
    back_at_office: time
    round_trip_minutes: int
    trip_back_minutes: int
    lunch_minutes: int
    lunch_window: tuple[time, time]
    field_minutes: int
    minutes_per_shop: int
    thursday_back_at_office: time
    thursday_target_size: int
    thursday_field_minutes: int
    carry_over_days: int
    late_entry_minutes: int
    reasons: dict[str, str]
    skip_reasons: tuple[str, ...]
    remove_reasons: tuple[str, ...]

    def back_by(self, day: date) -> time:
        """When the manager is due back at the office on ``day`` (14:00 on Thursday)."""
        return self.thursday_back_at_office if day.isoweekday() == THURSDAY else self.back_at_office

    def target_on(self, day: date) -> int:
        """The stops a plan of ``day`` aims at (fewer on Thursday's shorter day)."""
        return self.thursday_target_size if day.isoweekday() == THURSDAY else self.target_size

    def field_minutes_on(self, day: date) -> int:
        """The working time in the area the day asks for (less on Thursday)."""
        return self.thursday_field_minutes if day.isoweekday() == THURSDAY else self.field_minutes


@cache
def plan_rules() -> PlanRules:
    ref = load_reference("plan")
    thursday = ref["thursday"]
    lunch_from, lunch_until = ref["lunch_window"]
    return PlanRules(
        target_size=int(ref["target_size"]),
        arrive_in_area=time.fromisoformat(ref["arrive_in_area"]),
        back_at_office=time.fromisoformat(ref["back_at_office"]),
        round_trip_minutes=int(ref["round_trip_minutes"]),
        trip_back_minutes=int(ref["trip_back_minutes"]),
        lunch_minutes=int(ref["lunch_minutes"]),
        lunch_window=(time.fromisoformat(lunch_from), time.fromisoformat(lunch_until)),
        field_minutes=int(ref["field_minutes"]),
        minutes_per_shop=int(ref["minutes_per_shop"]),
        thursday_back_at_office=time.fromisoformat(thursday["back_at_office"]),
        thursday_target_size=int(thursday["target_size"]),
        thursday_field_minutes=int(thursday["field_minutes"]),
        carry_over_days=int(ref["carry_over_days"]),
        late_entry_minutes=int(ref["late_entry_minutes"]),
        reasons=dict(ref["reasons"]),
        skip_reasons=tuple(ref["skip_reasons"]),
        remove_reasons=tuple(ref["remove_reasons"]),
    )


@dataclass(frozen=True)
class StopView:
    id: str
    position: int
    customer_id: str
    code: str
    shop_name: str
    owner_name: str
    phone: str
    address: str
    grade: int | None
    route_name: str
    gps_lat: float | None
    gps_lon: float | None
    reasons: tuple[str, ...]
    reason_note: str
    state: str
    state_reason: str
    visit_id: str | None
    visit_status: str
    arrived_at: datetime | None
    left_at: datetime | None
    followups_open: int


@dataclass(frozen=True)
class PlanView:
    id: str
    day: date
    target_size: int
    stops: tuple[StopView, ...]
    working_day: bool
    holiday: str | None
    calendar_covered: bool

    @property
    def active_stops(self) -> tuple[StopView, ...]:
        return tuple(s for s in self.stops if s.state != "removed")

    def next_stop(self, after: str | None = None) -> StopView | None:
        """The first stop still to visit, after stop ``after`` when given (wrapping round)."""
        todo = [s for s in self.stops if s.state == "planned"]
        if after is None or not todo:
            return todo[0] if todo else None
        ids = [s.id for s in self.stops]
        start = ids.index(after) if after in ids else -1
        for stop in (*self.stops[start + 1 :], *self.stops[: start + 1]):
            if stop.state == "planned":
                return stop
        return None

    def progress(self, now: datetime) -> DayProgress:
        """The day's progress at ``now`` (``day_progress``: the pace verdict's one home)."""
        return day_progress(self.day, self.stops, self.target_size, now, plan_rules())


def plan_of(s: Session, manager_id: str, day: date) -> Plan | None:
    return s.scalars(
        select(Plan).where(Plan.manager_id == manager_id, Plan.plan_date == day)
    ).first()


def day_plan(s: Session, manager_id: str, day: date) -> PlanView | None:
    """The manager's plan of ``day``, if one was built."""
    plan = plan_of(s, manager_id, day)
    return plan_view(s, plan) if plan is not None else None


def plan_view(s: Session, plan: Plan) -> PlanView:
    """A plan as screens show it: its stops with their shops, visits and open follow-ups."""
    followups = (
        select(FollowUp.customer_id, func.count().label("n"))
        .where(FollowUp.status == "open")
        .group_by(FollowUp.customer_id)
        .subquery()
    )
    stmt = (
        select(
            PlanStop.id,
            PlanStop.position,
            Customer.id,
            Customer.code,
            Customer.shop_name,
            Customer.owner_name,
            Customer.phone,
            Customer.address,
            Customer.grade,
            func.coalesce(Route.name, ""),
            Customer.gps_lat,
            Customer.gps_lon,
            PlanStop.reasons,
            PlanStop.reason_note,
            PlanStop.state,
            PlanStop.state_reason,
            Visit.id,
            func.coalesce(Visit.status, ""),
            Visit.arrived_at,
            Visit.left_at,
            func.coalesce(followups.c.n, 0),
        )
        .join(Customer, Customer.id == PlanStop.customer_id)
        .outerjoin(Route, Route.id == Customer.route_id)
        .outerjoin(Visit, Visit.plan_stop_id == PlanStop.id)
        .outerjoin(followups, followups.c.customer_id == Customer.id)
        .where(PlanStop.plan_id == plan.id)
        .order_by(PlanStop.position, Visit.status)  # "done" before "draft"
    )
    stops: list[StopView] = []
    seen: set[str] = set()
    for row in s.execute(stmt):
        values = list(row)
        if values[0] in seen:  # a stop with a done visit and a later draft: the done one
            continue
        seen.add(values[0])
        values[12] = tuple(r for r in values[12].split(",") if r)
        stops.append(StopView(*values))
    return PlanView(
        id=plan.id,
        day=plan.plan_date,
        target_size=plan.target_size,
        stops=tuple(stops),
        working_day=workdays.is_working_day(plan.plan_date),
        holiday=workdays.holiday_name(plan.plan_date),
        calendar_covered=workdays.calendar_covers(plan.plan_date),
    )


def stop_of(s: Session, manager_id: str, customer_id: str, day: date) -> PlanStop | None:
    """The customer's stop in the manager's plan of ``day``, if it has one."""
    return s.scalars(
        select(PlanStop)
        .join(Plan, Plan.id == PlanStop.plan_id)
        .where(
            Plan.manager_id == manager_id,
            Plan.plan_date == day,
            PlanStop.customer_id == customer_id,
        )
    ).first()


class PlanService:
    def __init__(self, db: Sessions) -> None:
        self.db = db

    # --- reading ---------------------------------------------------------------------------
    def get(self, day: date) -> PlanView | None:
        with self.db.reading() as s:
            return day_plan(s, self.db.current_manager_id(s), day)

    def view(self, plan_id: str) -> PlanView:
        with self.db.reading() as s:
            plan = s.get(Plan, plan_id)
            if plan is None:
                raise NotFound("plan", id=plan_id)
            return plan_view(s, plan)

    # --- building --------------------------------------------------------------------------
    def build(self, day: date, *, target: int | None = None) -> PlanView:
        """The plan of ``day``: the existing one, or a new one built as the module says."""
        rules = plan_rules()
        size = target if target is not None else rules.target_on(day)
        if not 1 <= size <= 200:
            raise InvalidValue("target_out_of_range", field="target_size", value=str(size))
        with self.db.writing(TOPIC) as s:
            manager_id = self.db.current_manager_id(s)
            existing = plan_of(s, manager_id, day)
            if existing is not None:
                return plan_view(s, existing)
            reactivate_returned(s, manager_id, day)
            plan = Plan(manager_id=manager_id, plan_date=day, target_size=size)
            s.add(plan)
            s.flush()
            entries = candidates(s, manager_id, day, size, rules.carry_over_days)
            for position, (customer_id, (reasons, note)) in enumerate(entries.items(), start=1):
                s.add(
                    PlanStop(
                        plan_id=plan.id,
                        customer_id=customer_id,
                        position=position,
                        reasons=",".join(reasons),
                        reason_note=note,
                    )
                )
            s.flush()
            return plan_view(s, plan)

    def waiting(self, day: date) -> list[tuple[str, str, str]]:
        """Customers carried over that did not fit under the target: (customer id, shop
        name, note) — the manager can add them with one action."""
        with self.db.reading() as s:
            manager_id = self.db.current_manager_id(s)
            plan = plan_of(s, manager_id, day)
            in_plan = (
                set(s.scalars(select(PlanStop.customer_id).where(PlanStop.plan_id == plan.id)))
                if plan is not None
                else set()
            )
            out = []
            for cid, note in carry_overs(s, manager_id, day, plan_rules().carry_over_days):
                if cid not in in_plan:
                    out.append((cid, s.get_one(Customer, cid).shop_name, note))
            return out

    # --- changing --------------------------------------------------------------------------
    def reorder(self, plan_id: str, stop_ids: list[str]) -> PlanView:
        with self.db.writing(TOPIC) as s:
            stops = {
                st.id: st for st in s.scalars(select(PlanStop).where(PlanStop.plan_id == plan_id))
            }
            if set(stop_ids) != set(stops) or len(stop_ids) != len(stops):
                raise InvalidValue("plan_order_mismatch", field="stops")
            for position, sid in enumerate(stop_ids, start=1):
                stops[sid].position = position
        return self.view(plan_id)

    def move(self, stop_id: str, delta: int) -> PlanView:
        """Move a stop up (negative) or down (positive) by ``delta`` places (keyboard)."""
        plan_id = self._plan_id_of(stop_id)
        ids = [st.id for st in self.view(plan_id).stops]
        index = ids.index(stop_id)
        target = max(0, min(len(ids) - 1, index + delta))
        ids.insert(target, ids.pop(index))
        return self.reorder(plan_id, ids)

    def _plan_id_of(self, stop_id: str) -> str:
        with self.db.reading() as s:
            plan_id = s.scalar(select(PlanStop.plan_id).where(PlanStop.id == stop_id))
        if plan_id is None:
            raise NotFound("plan_stop", id=stop_id)
        return plan_id

    def add_stop(self, plan_id: str, customer_id: str, note: str = "") -> PlanView:
        note = clean_text(note)
        with self.db.writing(TOPIC) as s:
            if s.get(Plan, plan_id) is None:
                raise NotFound("plan", id=plan_id)
            existing = s.scalars(
                select(PlanStop).where(
                    PlanStop.plan_id == plan_id, PlanStop.customer_id == customer_id
                )
            ).first()
            if existing is not None:
                if existing.state != "removed":
                    raise InvalidValue("already_in_plan", field="customer")
                existing.state, existing.state_reason = "planned", ""
                existing.reason_note = "；".join(x for x in (existing.reason_note, note) if x)
            else:
                top = s.scalar(
                    select(func.max(PlanStop.position)).where(PlanStop.plan_id == plan_id)
                )
                s.add(
                    PlanStop(
                        plan_id=plan_id,
                        customer_id=customer_id,
                        position=(top or 0) + 1,
                        reasons="added",
                        reason_note=note,
                    )
                )
        return self.view(plan_id)

    def _set_state(
        self, stop_id: str, state: str, reason: str, allowed: tuple[str, ...]
    ) -> PlanView:
        reason = clean_text(reason)
        if state in ("skipped", "removed") and not reason:
            raise InvalidValue("reason_required", field="reason")
        with self.db.writing(TOPIC) as s:
            stop = s.get(PlanStop, stop_id)
            if stop is None:
                raise NotFound("plan_stop", id=stop_id)
            if stop.state not in allowed:
                raise InvalidValue("stop_state", field="state", value=stop.state)
            stop.state, stop.state_reason = state, reason
            plan_id = stop.plan_id
        return self.view(plan_id)

    def skip_stop(self, stop_id: str, reason: str) -> PlanView:
        """Not visited (关门未遇, 时间不够 ...): kept in the plan and carried over later."""
        return self._set_state(stop_id, "skipped", reason, ("planned",))

    def remove_stop(self, stop_id: str, reason: str) -> PlanView:
        """Taken out of the plan with a reason (not carried over)."""
        return self._set_state(stop_id, "removed", reason, ("planned", "skipped"))

    def restore_stop(self, stop_id: str) -> PlanView:
        return self._set_state(stop_id, "planned", "", ("skipped", "removed"))

    def optimise(self, plan_id: str, start: tuple[float, float] | None = None) -> PlanView:
        """Reorder the stops still to visit for a shorter route (shops with GPS only; the
        others keep their places). Visited and skipped stops stay where they are."""
        view = self.view(plan_id)
        todo = [st for st in view.stops if st.state == "planned"]
        new_todo = order_with_gaps([(st.id, st.gps_lat, st.gps_lon) for st in todo], start)
        slots = iter(new_todo)
        ids = [next(slots) if st.state == "planned" else st.id for st in view.stops]
        return self.reorder(plan_id, ids)
