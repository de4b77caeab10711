"""Demo history of "a day in the field" (REFERENCE.md §6.7), one ``WEEK_GENERATOR`` of
``fieldbook.core.demo.generate``.

For each manager and working day before ``today`` (today is left to the user: the app builds
its plan), what the app would have recorded:

- the plan ``PlanService.build`` makes: the weekday's active route customers in route order,
  then the stops of the last ``carry_over_days`` days not visited since, while under target;
- about 95% of the stops visited, the rest skipped with a reason (and carried over);
- each visit finished as ``VisitService.finish`` finishes it: answers that pass the checklist
  template (driven by it: only visible items, required ones always answered), the SKU grid the
  visit screen offers, findings from ``Checklist.hits`` and the grid, suggested slips,
  follow-ups (closed at a later visit, mostly the next one; a finding of one still open
  attaches to it, ``visit_findings.match_open``).

Speed is the point (five years of one manager ≈ 37,000 visits): plain dicts, bulk-inserted
once per week, no ORM objects and no queries but one at the start. Rates and texts live in
``schema/reference/demo.toml`` [visits].
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from random import Random
from typing import Any

from sqlalchemy import select

from fieldbook.core import workdays
from fieldbook.core.demo.attendance import DemoAttendance
from fieldbook.core.demo.context import DemoContext, demo_reference, seconds_of
from fieldbook.core.demo.day_shape import DayShape
from fieldbook.core.demo.visit_record import (
    OfferedSku,
    ShopGrid,
    ShopRecorder,
    Weighted,
    blank_row,
    pick,
    weighted,
)
from fieldbook.core.master.catalog import price_classes
from fieldbook.core.routine.attendance import mark_label
from fieldbook.core.routine.checklist import (
    OPEN,
    GridLine,
    Hit,
    load_checklist,
)
from fieldbook.core.routine.plan import plan_rules
from fieldbook.core.routine.price_checks import price_hits
from fieldbook.core.routine.visit_findings import ABSENT, followup_texts, match_open
from fieldbook.core.routine.visit_grid import grid_findings, offered_sku_ids
from fieldbook.core.store.models import (
    AttendanceDay,
    Customer,
    FollowUp,
    Plan,
    PlanStop,
    Route,
    SlipSuggestion,
    Visit,
    VisitSku,
)

STATE_KEY = "visits"


@dataclass
class _Manager:
    id: str
    routes: dict[int | None, list[str]]  # weekday → active customers in route order
    # skipped stops not visited since: customer → (day, position, reason)
    waiting: dict[str, tuple[date, int, str]] = field(default_factory=dict)
    open_followups: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # stops of an excused day (请假, 会议 …) not visited since: customer → the plan's note
    excused: dict[str, str] = field(default_factory=dict)


def offer(skus: list[OfferedSku], carried: set[str]) -> list[OfferedSku]:
    """The SKUs the visit screen offers (``offered_sku_ids``), in grid order."""
    ordered = sorted(skus, key=lambda k: (k.price_class or 0, -k.wholesale_fen, k.code))
    picked = offered_sku_ids(((k.id, k.price_class, k.is_key, k.is_new) for k in ordered), carried)
    return [k for k in ordered if k.id in picked]


def grid_hits(grid: tuple[OfferedSku, ...], lines: list[GridLine]) -> list[Hit]:
    """The findings of a filled grid, exactly as ``VisitService.finish`` computes them."""
    return grid_findings(
        (k.name, k.price_class, k.is_key, line) for k, line in zip(grid, lines, strict=True)
    )


def visit_week(ctx: DemoContext, monday: date) -> None:
    """The plans and visits of the week starting ``monday`` (days before ``ctx.today``)."""
    ctx.history(STATE_KEY, _History).week(monday)


def _offered(skus: list[dict[str, Any]]) -> list[OfferedSku]:
    """The SKUs on the market, as a shop's grid offers them (pack price: a tenth of a carton)."""
    return [
        OfferedSku(
            s["id"],
            s["name"],
            s["price_class"],
            s["wholesale_fen"] or 0,
            s["code"],
            bool(s["is_key_brand"]),
            bool(s["is_new"]),
            s["retail_fen"] // 10 if s["retail_fen"] else None,
            s["retail_fen"],
        )
        for s in skus
        if s["on_market"]
    ]


class _History:
    def __init__(self, ctx: DemoContext) -> None:
        self.ctx = ctx
        self.rng: Random = ctx.rng
        ref = demo_reference()["visits"]
        rules = plan_rules()
        self.rules = rules
        self.carry_days = timedelta(days=rules.carry_over_days)
        self.visited = float(ref["visited"])
        self.over_target = int(ref["visits_over_target"])
        self.full_day = str(ref["full_day_reason"])
        self.day_start = seconds_of(ref["day_start"])
        self.jitter = int(ref["start_jitter_minutes"]) * 60
        self.day = DayShape(ref, rules, ctx.managers[0].id)
        self.stay = (ref["minutes"][0] * 60, ref["minutes"][1] * 60, ref["min_minutes"] * 60)
        self.move = (
            ref["travel_minutes"][0] * 60,
            ref["travel_minutes"][1] * 60,
            ref["min_travel_minutes"] * 60,
        )
        self.late = float(ref["late_entry"])
        self.evening = (seconds_of(ref["evening"][0]), seconds_of(ref["evening"][1]))
        self.close_rate = float(ref["followup_close"])
        # Settling follow-ups draws from a stream of its own (as the slips do): how many are
        # open (fewer, since repeated findings attach) does not move the visits drawn after.
        self.settle_rng = Random(f"fieldbook-demo-followups:{ctx.managers[0].id}")
        unknown = {*ref["skip_reasons"], ref["full_day_reason"]} - set(rules.skip_reasons)
        if unknown:
            raise ValueError(f"demo.toml [visits.skip_reasons]: not in plan.toml: {unknown}")
        self.skip_reasons = weighted(ref["skip_reasons"])
        self.checklist = load_checklist("visit")
        self.attendance = DemoAttendance()
        for code in ref["shop_status"]:
            self.checklist.status(code)  # a typo fails loudly
        self.statuses = weighted(ref["shop_status"])
        self.flag_rates = list(ref["flags"].items())
        self.choices = {k: weighted(v) for k, v in ref["choices"].items()}
        self.texts = ref["texts"]
        self.absent_label = self.checklist.status(ABSENT).label
        self.status_hits = {
            code: self.checklist.hits(code, {}) for code in ref["shop_status"] if code != OPEN
        }
        recorded = (self.rng, ctx.new_id, self.checklist, self.choices, self.texts, ref["prices"])
        self.record = ShopRecorder(*recorded)
        self.versions = self.record.use_v2(ref, ctx.today, ctx.managers[0].id)
        skus = _offered(ctx.skus)
        base = offer(skus, set())
        spare = [k for k in skus if k not in base]
        extras_low, extras_high = ref["grid_extras"]
        caps = ref["stock_cartons_by_grade"]
        self.managers: list[_Manager] = []
        self.shops: dict[str, ShopGrid] = {}
        by_id = {m.id: _Manager(m.id, {}) for m in ctx.managers}
        rows = ctx.session.execute(
            select(Customer.id, Customer.manager_id, Customer.grade, Route.weekday, Customer.format)
            .join(Route, Route.id == Customer.route_id)
            .where(Customer.status == "active", Customer.manager_id.in_(list(by_id)))
            .order_by(Customer.manager_id, Route.name, Customer.route_position, Customer.code)
        ).all()
        for cid, mid, grade, weekday, shop_format in rows:
            by_id[mid].routes.setdefault(weekday, []).append(cid)
            self.versions.formats[cid] = shop_format or ""
            grade = grade or 1
            pool = [k for k in spare if grade >= 10 or (k.price_class or 0) >= 2]
            count = min(len(pool), self.rng.randint(extras_low, extras_high))
            carried = {k.id for k in self.rng.sample(pool, count)}
            cap = next((c for g, c in caps if grade <= g), caps[-1][1])
            self.shops[cid] = self._shop(cid, offer(skus, carried | {k.id for k in base}), cap)
        self.managers = [by_id[m.id] for m in ctx.managers]

    def _shop(self, cid: str, grid: list[OfferedSku], cap: int) -> ShopGrid:
        by_class: dict[int | None, list[int]] = {}
        for i, k in enumerate(grid):
            by_class.setdefault(k.price_class, []).append(i)
        order = [pc.code for pc in price_classes()]
        classes = tuple(sorted(by_class, key=lambda c: order.index(c) if c in order else -1))
        keys = tuple(i for i, k in enumerate(grid) if k.is_key)
        keyless = tuple(c for c in classes if not any(grid[i].is_key for i in by_class[c]))
        return ShopGrid(
            cid,
            tuple(grid),
            cap,
            classes,
            {c: tuple(v) for c, v in by_class.items()},
            keys,
            keyless,
        )

    # --- a week, a day ----------------------------------------------------------------------
    def week(self, monday: date) -> None:
        out: dict[type[Any], list[dict[str, Any]]] = {
            m: []
            for m in (AttendanceDay, Plan, PlanStop, Visit, VisitSku, FollowUp, SlipSuggestion)
        }
        for offset in range(7):
            day = monday + timedelta(days=offset)
            if day >= self.ctx.today:
                break
            if workdays.is_working_day(day):
                for manager in self.managers:
                    self._day(manager, day, out)
        for model, rows in out.items():  # parents first: the foreign keys hold
            self.ctx.insert(model, rows)

    def close(self) -> None:
        """After the last week: the follow-ups still open."""
        rows = [fu for m in self.managers for fus in m.open_followups.values() for fu in fus]
        self.ctx.insert(FollowUp, rows)

    def _pick(self, table: Weighted) -> Any:
        return pick(self.rng, table)

    def _day(self, m: _Manager, day: date, out: dict[type[Any], list[dict[str, Any]]]) -> None:
        rng, new_id = self.rng, self.ctx.new_id
        mark = self.attendance.mark(m.id, day)  # 出勤: planned, but not in the field
        if mark is not None:
            out[AttendanceDay].append(self.attendance.row(new_id(), m.id, day, mark))
        entries: dict[str, tuple[list[str], str]] = {
            cid: (["route"], "") for cid in m.routes.get(day.isoweekday(), ())
        }
        # an excused day's first (routine.attendance), then oldest first, in the order they
        # had that day (plan_candidates.carry_overs)
        extra = self.attendance.carry_over_extra
        for _, planned_on, _pos, cid, reason in sorted(
            (c not in m.excused, d, p, c, r) for c, (d, p, r) in m.waiting.items()
        ):
            if planned_on < day - self.carry_days:
                del m.waiting[cid]
                m.excused.pop(cid, None)
            elif cid in entries or len(entries) < self.rules.target_on(day) + extra * (
                cid in m.excused
            ):
                note = m.excused.get(cid) or f"{planned_on.month}月{planned_on.day}日未走访" + (
                    f"（{reason}）" if reason else ""
                )
                reasons, old = entries.get(cid, ([], ""))
                entries[cid] = ([*reasons, "carried_over"], "；".join(n for n in (old, note) if n))
        midnight = datetime.combine(day, time())
        built = midnight + timedelta(seconds=self.day_start - 1800 + rng.randrange(1500))
        plan_id = new_id()
        out[Plan].append(
            {
                "id": plan_id,
                "manager_id": m.id,
                "plan_date": day,
                "target_size": self.rules.target_on(day),
                "created_at": built,
                "updated_at": built,
            }
        )
        stops: list[dict[str, Any]] = []
        room = self.rules.target_on(day) + self.over_target  # visits the day holds
        for position, (cid, (reasons, note)) in enumerate(entries.items(), start=1):
            visited = rng.random() < self.visited and mark is None
            full = visited and sum(s["state"] == "visited" for s in stops) >= room
            visited = visited and not full
            reason = (
                "" if visited or mark else self.full_day if full else self._pick(self.skip_reasons)
            )
            stops.append(
                {
                    "id": new_id(),
                    "plan_id": plan_id,
                    "customer_id": cid,
                    "position": position,
                    "reasons": ",".join(reasons),
                    "reason_note": note,
                    "state": "visited" if visited else "planned" if mark else "skipped",
                    "state_reason": reason,
                    "created_at": built,
                    "updated_at": built,
                }
            )
            if visited:
                m.waiting.pop(cid, None)
                m.excused.pop(cid, None)
            else:
                m.waiting[cid] = (day, position, reason)
            if mark is not None:
                label = mark_label(mark.kind, mark.leave_type)
                m.excused[cid] = f"{day.month}月{day.day}日{label}未走访"
        done = [s for s in stops if s["state"] == "visited"]
        times = self._times(day, len(done))
        for stop, (arrive, leave) in zip(done, times, strict=True):
            finished = self._visit(m, stop, midnight, arrive, leave, out)
            stop["updated_at"] = finished
        for stop in stops:
            if stop["state"] == "skipped":  # ticked when the day's route was done
                stop["updated_at"] = midnight + timedelta(seconds=times[-1][1] if times else 0)
        out[PlanStop].extend(stops)

    def _times(self, day: date, n: int) -> list[tuple[int, int]]:
        """(arrival, departure) in seconds after midnight for ``n`` visits in route order: from
        about 07:30, a lunch break around noon, the last departure so that with the trip back
        the manager is at the office by the day's time — on most days (``DayShape``)."""
        if n == 0:
            return []
        gauss = self.rng.gauss
        start = self.day_start + self.rng.randint(0, self.jitter)
        (s_mu, s_sd, s_min), (m_mu, m_sd, m_min) = self.stay, self.move
        stay = [max(s_min, gauss(s_mu, s_sd)) for _ in range(n)]
        move = [max(m_min, gauss(m_mu, m_sd)) for _ in range(n - 1)]
        lunch_at, lunch, end_by = self.day.draw(day)
        room = end_by - start - lunch
        need = sum(stay) + sum(move)
        if need > room:  # a long day: shorter stays and quicker hops, never below the minimum
            floor = s_min * n + m_min * (n - 1)
            f = max(0.0, (room - floor) / (need - floor)) if need > floor else 0.0
            stay = [s_min + (s - s_min) * f for s in stay]
            move = [m_min + (t - m_min) * f for t in move]
        out: list[tuple[int, int]] = []
        clock = float(start)
        for i in range(n):  # whole seconds, rounded down: the day still ends by end_by
            arrive = int(clock)
            leave = arrive + int(stay[i])
            out.append((arrive, leave))
            hop = move[i] if i < n - 1 else 0
            if lunch and i < n - 1 and leave >= lunch_at:  # lunch instead of this hop
                hop, lunch = lunch, 0
            clock = leave + hop
        return out

    # --- a visit ----------------------------------------------------------------------------
    def _visit(
        self,
        m: _Manager,
        stop: dict[str, Any],
        midnight: datetime,
        arrive_s: int,
        leave_s: int,
        out: dict[type[Any], list[dict[str, Any]]],
    ) -> datetime:
        rng, new_id = self.rng, self.ctx.new_id
        cid = stop["customer_id"]
        shop = self.shops[cid]
        visit_id = new_id()
        arrived = midnight + timedelta(seconds=arrive_s)
        left = midnight + timedelta(seconds=leave_s)
        late = rng.random() < self.late
        if late:  # 补录: typed up in the evening
            recorded = midnight + timedelta(seconds=rng.randint(*self.evening))
            finished = recorded + timedelta(seconds=rng.randint(60, 600))
        else:
            recorded, finished = arrived, left
        status = self._pick(self.statuses)
        if status == ABSENT:  # 关门未遇: as finish() does, the stop is not visited
            stop["state"], stop["state_reason"] = "skipped", self.absent_label
            m.waiting[cid] = (midnight.date(), stop["position"], self.absent_label)
        checklist = self.versions.checklist(midnight.date(), cid)
        if status == OPEN:
            flags = {k: rng.random() < p for k, p in self.flag_rates}
            answers = self.record.answers(flags, checklist)
            grid = self.record.grid(shop, visit_id, flags, answers)
            lines = [
                GridLine(k.price_class, r["on_shelf"], r["stock_cartons"], r["stock_packs"])
                for k, r in zip(shop.grid, grid, strict=True)
            ]
            hits = checklist.hits(OPEN, answers) + grid_hits(shop.grid, lines)
            hits += price_hits(
                (k.name, r["price_fen"], k.retail_fen) for k, r in zip(shop.grid, grid, strict=True)
            )
        else:
            answers = {}
            grid = [blank_row(new_id(), visit_id, k.id) for k in shop.grid]
            hits = list(self.status_hits[status])
        out[Visit].append(
            {
                "id": visit_id,
                "manager_id": m.id,
                "customer_id": cid,
                "plan_stop_id": stop["id"],
                "visit_date": midnight.date(),
                "status": "done",
                "shop_status": status,
                "arrived_at": arrived,
                "left_at": left,
                "arrived_first": arrived,
                "left_first": left,
                "checklist_id": checklist.id,
                "checklist_version": checklist.version,
                "answers": json.dumps(answers, ensure_ascii=False, sort_keys=True),
                "findings": json.dumps([h.__dict__ for h in hits], ensure_ascii=False),
                "late_entry": late,
                "recorded_at": recorded,
                "updated_at": finished,
                "finished_at": finished,
            }
        )
        out[VisitSku].extend(grid)
        # finish(): the manager ticks the open follow-ups that are settled, then the new ones
        # and the suggested slips are recorded.
        if status == OPEN:
            self._settle_followups(m, cid, visit_id, finished, out)
        self._record_hits(m, cid, visit_id, finished, hits, out)
        return finished

    def _settle_followups(
        self,
        m: _Manager,
        cid: str,
        visit_id: str,
        finished: datetime,
        out: dict[type[Any], list[dict[str, Any]]],
    ) -> None:
        """The shop's open follow-ups this visit settles (most of them)."""
        rng = self.settle_rng
        waiting = m.open_followups.get(cid)
        if waiting:
            kept = []
            for fu in waiting:
                if rng.random() < self.close_rate:
                    fu.update(
                        status="closed",
                        closed_at=finished,
                        closed_visit_id=visit_id,
                        close_note=rng.choice(self.texts["close_notes"]),
                    )
                    out[FollowUp].append(fu)
                else:
                    kept.append(fu)
            m.open_followups[cid] = kept

    def _record_hits(
        self,
        m: _Manager,
        cid: str,
        visit_id: str,
        finished: datetime,
        hits: list[Hit],
        out: dict[type[Any], list[dict[str, Any]]],
    ) -> None:
        """The follow-ups and suggested slips the visit's findings raise."""
        new_id = self.ctx.new_id
        waiting = m.open_followups.setdefault(cid, [])
        attach, new = match_open(followup_texts(hits), ((fu["text"], fu) for fu in waiting))
        for fu in attach.values():  # found again: attached, as finish() does
            fu.update(
                seen_again=fu["seen_again"] + 1,
                last_seen_visit_id=visit_id,
                last_seen_at=finished,
            )
        for text in new:
            waiting.append(
                {
                    "id": new_id(),
                    "manager_id": m.id,
                    "customer_id": cid,
                    "source": "visit",
                    "source_visit_id": visit_id,
                    "text": text,
                    "due_date": None,
                    "status": "open",
                    "created_at": finished,
                    "closed_at": None,
                    "closed_visit_id": None,
                    "close_note": "",
                    "seen_again": 0,
                    "last_seen_visit_id": None,
                    "last_seen_at": None,
                }
            )
        slips: dict[str, list[str]] = {}
        for hit in hits:
            if hit.slip:
                slips.setdefault(hit.slip, []).append(hit.detail or hit.item)
        out[SlipSuggestion].extend(
            {
                "id": new_id(),
                "visit_id": visit_id,
                "manager_id": m.id,
                "customer_id": cid,
                "category": category,
                "note": "；".join(d for d in details if d),
                "status": "suggested",
                "created_at": finished,
            }
            for category, details in slips.items()
        )
