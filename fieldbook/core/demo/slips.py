"""Demo history of the feedback slips (客户信息反馈单) and the phone-order staff's follow-ups,
one ``WEEK_GENERATOR`` of ``fieldbook.core.demo.generate`` that runs after
``demo_visits.visit_week``.

For each manager and week, what the app would have recorded (REFERENCE.md §6.8):

- lifecycle slips at the monthly rates per customer (新增, 关业, 暂停, 不订货), written at
  the office on the day the manager visited the shop — from that visit's suggested slip when
  there is one (``source_suggestion_id``, the suggestion marked "slipped"); 违纪 slips from a
  share of the visits' suspected violations and 品牌上柜 slips from a share of their "新品未上柜"
  suggestions; the other suggestions dismissed after a while, each with a reason (违纪: a fixed
  one), by the manager, audited (``slip_dismissals``);
- every slip sent the same day; each department's delivery then moves through the states as
  ``SlipService.advance`` moves it (every event passes ``slips.check_move``), closed within 3
  working days (70%), within 10 (20%) or still open (10%), with its staff and answers; a few
  skips and returns, with their reasons; nothing after ``today``;
- when every department has 落实 a 关业 / 暂停 slip, the customer's status changes exactly as
  ``SlipService._apply_to_customer`` changes it (status, suspended_until, an audit entry with the
  reason "反馈单 … 已办结"), replicated here with the demo's own ids and the completion time
  so that the same seed gives the same audit chain; a suspended shop comes back (status 正常, no
  audit entry: a plain customer edit) after 2–8 weeks. The visit history follows: the shop
  leaves (and rejoins) the routes ``demo_visits`` plans from the first route day after the
  change. 新增 slips are 新户建档 slips for shops in the list (``customer_id`` set), so the
  service creates no customer record for them;
- follow-ups sent by the 电访员 (source ``phone_staff``): due in 3 working days, closed at the
  next visit before the due date or by phone the working day before it; the last few stay open.

Plain dicts, bulk-inserted once per week; rates and texts in ``schema/reference/demo.toml``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from random import Random
from typing import Any

from sqlalchemy import select, update

from fieldbook.core import workdays
from fieldbook.core.demo.context import (
    DemoContext,
    demo_reference,
    poisson,
    seconds_of,
)
from fieldbook.core.demo.phone_followups import PhoneFollowUps
from fieldbook.core.demo.slip_content import SlipContent
from fieldbook.core.demo.slip_dismissals import SuggestionDismissals
from fieldbook.core.demo.slip_sources import OpenVisit, open_shop_visits, open_suggestions
from fieldbook.core.demo.slip_timeline import DeliveryTimeline, Event
from fieldbook.core.demo.visits import STATE_KEY as VISITS_KEY
from fieldbook.core.slips.rules import slip_rules
from fieldbook.core.slips.service import customer_snapshots
from fieldbook.core.store.audit import Chain
from fieldbook.core.store.models import (
    AuditEntry,
    Customer,
    FollowUp,
    Manager,
    Slip,
    SlipDelivery,
    SlipEvent,
    SlipSuggestion,
)

STATE_KEY = "slips"
LIFECYCLE = ("new", "closed", "suspended", "no_order")
#: Slips made from a share of the visits' suggestions (demo.toml [slips] <cat>_from_suggestion);
#: a 违纪 slip only ever comes from a visit that found a violation.
FROM_SUGGESTIONS = ("brand", "violation")
WEEKS_PER_MONTH = 52 / 12


def slip_week(ctx: DemoContext, monday: date) -> None:
    """The slips and phone-staff follow-ups of the week starting ``monday``."""
    ctx.history(STATE_KEY, _SlipHistory).week(monday)


def _clock(text: str) -> int:
    """Minutes after midnight of "HH:MM"."""
    return seconds_of(text) // 60


@dataclass
class _Manager:
    id: str
    code: str
    name: str
    visits: Any  # demo_visits._Manager: its routes are what the visit history plans
    order: dict[int, list[str]]  # weekday → the route's customers, in route order
    weekday: dict[str, int] = field(default_factory=dict)  # customer → route weekday


@dataclass
class _Effect:
    at: datetime
    customer_id: str
    kind: str  # closed | suspended | back
    manager_id: str
    number: str = ""
    return_date: date | None = None


class _SlipHistory:
    def __init__(self, ctx: DemoContext) -> None:
        self.ctx = ctx
        self.s = ctx.session
        # A stream of its own (from the seed, through the first manager's id): the visits'
        # stream stays what it was without slips.
        self.rng = Random(f"fieldbook-demo-slips:{ctx.managers[0].id}")
        self.limit = datetime.combine(ctx.today, time())
        ref = demo_reference()
        self.ref = ref["slips"]
        self.rules = slip_rules()
        self.weekly = {
            cat: float(rate) / WEEKS_PER_MONTH for cat, rate in self.ref["monthly"].items()
        }
        unknown = set(self.weekly) - set(self.rules.categories)
        if unknown:
            raise ValueError(f"demo.toml [slips.monthly]: not in slips.toml: {unknown}")
        self.office = (_clock(self.ref["office"][0]), _clock(self.ref["office"][1]))
        self.timeline = DeliveryTimeline(self.rng, self.ref)
        self.history = ctx.state.get(VISITS_KEY)
        names = {mid: name for mid, name in self.s.execute(select(Manager.id, Manager.name))}
        self.managers: list[_Manager] = []
        for i, m in enumerate(ctx.managers):
            visits = self.history.managers[i] if self.history is not None else None
            order = {wd: list(ids) for wd, ids in (visits.routes.items() if visits else ())}
            mgr = _Manager(m.id, m.code, names.get(m.id, ""), visits, order)
            mgr.weekday = {cid: wd for wd, ids in order.items() for cid in ids}
            self.managers.append(mgr)
        self.customers = customer_snapshots(self.s)
        self.inactive: set[str] = set()  # closed or suspended by a slip
        self.busy: set[str] = set()  # a 关业/暂停 slip not yet done
        self.effects: list[_Effect] = []
        self.followups = PhoneFollowUps(
            self.rng,
            ref["followups"],
            ctx.new_id,
            {m.id: m.name for m in self.managers},
            ctx.today,
            self.limit,
        )
        self.numbers: dict[tuple[str, date], int] = {}
        new_skus = [s for s in ctx.skus if s["is_new"] and s["on_market"]]
        brand_skus = new_skus or [s for s in ctx.skus if s["is_key_brand"]]
        violation_texts: list[str] = ref["visits"]["texts"]["violation"]
        self.content = SlipContent(self.rng, self.ref, violation_texts, brand_skus)
        self.audit = Chain.tail_of(self.s)
        self.dismissals = SuggestionDismissals(
            self.rng, self.ref, self.audit, ctx.new_id, self.office
        )

    # --- a week -----------------------------------------------------------------------------
    def week(self, monday: date) -> None:
        if monday >= self.ctx.today:
            return
        sunday = monday + timedelta(days=6)
        visits, by_customer = open_shop_visits(self.s, monday, sunday)
        suggestions = open_suggestions(self.s, monday, sunday)
        out: dict[type[Any], list[dict[str, Any]]] = {
            m: [] for m in (Slip, SlipDelivery, SlipEvent, FollowUp)
        }
        status: dict[str, str] = {}  # suggestion → new status
        dismissed: list[dict[str, Any]] = []  # the dismissals' columns
        trail: list[dict[str, Any]] = []  # and their audit entries
        keep = monday >= self.ctx.today - timedelta(weeks=int(self.ref["keep_suggestions_weeks"]))
        for m in self.managers:
            mine = suggestions.get(m.id, [])
            self._lifecycle(m, visits.get(m.id, []), mine, status, out)
            self._from_suggestions(m, mine, status, out)
            if not keep:  # the rest are dismissed, each with a reason
                for sug in (s for s in mine if s["id"] not in status):
                    row, entries = self.dismissals.dismiss(sug, (m.id, m.name), self.limit)
                    status[sug["id"]] = row["status"]
                    dismissed.append(row)
                    trail += entries
            self.followups.request(m.id, [c for c in m.weekday if c not in self.inactive], monday)
        next_monday = monday + timedelta(days=7)
        self.followups.resolve(by_customer, next_monday, out)
        for model, rows in out.items():  # parents first: the foreign keys hold
            self.ctx.insert(model, rows)
        plain = [
            {"id": k, "status": v}
            for k, v in status.items()
            if k not in {r["id"] for r in dismissed}
        ]
        _update_by_id(self.s, SlipSuggestion, plain + dismissed)
        self.ctx.insert(AuditEntry, trail)
        self._apply_effects(next_monday)

    def close(self) -> None:
        """After the last week: the rest of the effects and follow-ups."""
        out: dict[type[Any], list[dict[str, Any]]] = {FollowUp: []}
        self.followups.resolve({}, None, out)
        self.ctx.insert(FollowUp, out[FollowUp])
        self._apply_effects(None)

    # --- slips --------------------------------------------------------------------------------
    def _active(self, m: _Manager) -> int:
        return sum(1 for cid in m.weekday if cid not in self.inactive)

    def _lifecycle(
        self,
        m: _Manager,
        visits: list[OpenVisit],
        suggestions: list[dict[str, Any]],
        status: dict[str, str],
        out: dict[type[Any], list[dict[str, Any]]],
    ) -> None:
        rng = self.rng
        n = self._active(m)
        taken: set[tuple[str, str]] = set()
        for cat in LIFECYCLE:
            count = poisson(self.rng, n * self.weekly.get(cat, 0.0))
            sources = [
                s
                for s in suggestions
                if s["category"] == cat and s["id"] not in status and self._free(s["customer_id"])
            ]
            pool = [v for v in visits if self._free(v.customer_id)]
            for _ in range(count):
                sug = sources.pop(rng.randrange(len(sources))) if sources else None
                if sug is not None:
                    cid, day, visit_id = sug["customer_id"], sug["day"], sug["visit_id"]
                    answers = sug["answers"]
                else:
                    if not pool:
                        break
                    v = pool.pop(rng.randrange(len(pool)))
                    cid, day, visit_id, answers = v.customer_id, v.day, v.id, {}
                if (cid, cat) in taken or not self._free(cid):
                    continue
                taken.add((cid, cat))
                self._slip(m, cat, cid, day, visit_id, sug, answers, out)
                if sug is not None:
                    status[sug["id"]] = "slipped"

    def _free(self, cid: str) -> bool:
        return cid not in self.inactive and cid not in self.busy and cid in self.customers

    def _from_suggestions(
        self,
        m: _Manager,
        suggestions: list[dict[str, Any]],
        status: dict[str, str],
        out: dict[type[Any], list[dict[str, Any]]],
    ) -> None:
        rates = {c: float(self.ref[f"{c}_from_suggestion"]) for c in FROM_SUGGESTIONS}
        for sug in suggestions:
            cat = sug["category"]
            if cat not in rates or sug["id"] in status:
                continue
            if self.rng.random() < rates[cat] and self._free(sug["customer_id"]):
                cid, day, visit_id = sug["customer_id"], sug["day"], sug["visit_id"]
                self._slip(m, cat, cid, day, visit_id, sug, sug["answers"], out)
                status[sug["id"]] = "slipped"

    def _slip(
        self,
        m: _Manager,
        cat: str,
        cid: str,
        day: date,
        visit_id: str | None,
        sug: dict[str, Any] | None,
        answers: dict[str, Any],
        out: dict[type[Any], list[dict[str, Any]]],
    ) -> None:
        rng, new_id = self.rng, self.ctx.new_id
        category = self.rules.categories[cat]
        created = datetime.combine(day, time()) + timedelta(
            minutes=rng.randint(self.office[0], self.office[1])
        )
        if created >= self.limit:
            return
        seq = self.numbers.get((m.code, day), 0) + 1
        self.numbers[(m.code, day)] = seq
        number = f"FK-{day:%Y%m%d}-{m.code}-{seq:03d}"
        sub, description, eff, ret, skus = self.content.draft(cat, day, answers)
        slip_id = new_id()
        sent_at = created + timedelta(minutes=rng.randint(2, 20))
        last_at, done_at, all_done = created, [], True
        for dept in category.departments:
            kept = self._delivery(m.name, slip_id, cat, dept, day, sent_at, created, out)
            if kept:
                last_at = max(last_at, kept[-1][2])
            if kept and kept[-1][1] == "done":
                done_at.append(kept[-1][2])
            else:
                all_done = False
        completed = max(done_at) if all_done and done_at else None
        out[Slip].append(
            {
                "id": slip_id,
                "number": number,
                "manager_id": m.id,
                "customer_id": cid,
                "customer_snapshot": json.dumps(self.customers[cid], ensure_ascii=False),
                "category": cat,
                "sub_reason": sub,
                "description": description,
                "effective_date": eff,
                "return_date": ret,
                "sku_ids": json.dumps(skus),
                "source_visit_id": visit_id,
                "source_suggestion_id": sug["id"] if sug is not None else None,
                "created_at": created,
                "due_date": workdays.add_working_days(day, category.due_days),
                "completed_at": completed,
                "applied_to_customer": completed is not None,
                "updated_at": last_at,
            }
        )
        if cat in ("closed", "suspended"):
            self._effects_of(m, cat, cid, number, completed, ret)

    def _delivery(
        self,
        manager: str,
        slip_id: str,
        cat: str,
        dept: str,
        day: date,
        sent_at: datetime,
        created: datetime,
        out: dict[type[Any], list[dict[str, Any]]],
    ) -> list[Event]:
        """One department's delivery and its moves, as far as they happened before today;
        returns those moves."""
        new_id = self.ctx.new_id
        delivery_id = new_id()
        events, answer_at, answer = self.timeline.course(manager, cat, dept, day, sent_at)
        kept = [e for e in events if e[2] < self.limit]
        out[SlipDelivery].append(
            {
                "id": delivery_id,
                "slip_id": slip_id,
                "department": dept,
                "state": kept[-1][1] if kept else "pending",
                "answer": answer if answer_at is not None and answer_at < self.limit else "",
                "handled_by": kept[-1][3] if kept else "",
                "updated_at": kept[-1][2] if kept else created,
            }
        )
        out[SlipEvent].extend(
            {
                "id": new_id(),
                "delivery_id": delivery_id,
                "seq": i,
                "from_state": e[0],
                "to_state": e[1],
                "at": e[2],
                "actor": e[3],
                "note": e[4],
                "reason": e[5],
            }
            for i, e in enumerate(kept, start=1)
        )
        return kept

    def _effects_of(
        self,
        m: _Manager,
        cat: str,
        cid: str,
        number: str,
        completed: datetime | None,
        ret: date | None,
    ) -> None:
        """A 关业/暂停 slip: the shop is busy until done; once done, its status follows (and a
        suspended shop comes back on its return date)."""
        self.busy.add(cid)  # nobody reports the same shop twice while it is open
        if completed is None:
            return
        self.effects.append(_Effect(completed, cid, cat, m.id, number, ret))
        if cat == "suspended" and ret is not None:
            back = datetime.combine(max(ret, completed.date() + timedelta(1)), time(8))
            self.effects.append(_Effect(back, cid, "back", m.id))

    # --- customers follow completed slips ------------------------------------------------
    def _route_day(self, m: _Manager, cid: str, monday: date) -> date | None:
        weekday = m.weekday.get(cid)
        return None if weekday is None else monday + timedelta(days=weekday - 1)

    def _apply_effects(self, next_monday: date | None) -> None:
        """Apply the effects the visit history must know before ``next_monday``'s week: those
        before the shop's route day that week (None: all that happened before today)."""
        by_id = {m.id: m for m in self.managers}
        due, later = [], []
        for e in sorted(self.effects, key=lambda e: (e.at, e.customer_id, e.kind)):
            m = by_id[e.manager_id]
            if e.at >= self.limit:
                continue  # after today: it has not happened
            if next_monday is None:
                due.append(e)
                continue
            route_day = self._route_day(m, e.customer_id, next_monday)
            if (
                route_day is None
                or e.at.date() < route_day
                or (e.kind == "back" and e.at.date() <= route_day)
            ):
                due.append(e)
            else:
                later.append(e)
        self.effects = later
        if not due:
            return
        audit: list[dict[str, Any]] = []
        changes: dict[str, dict[str, Any]] = {}
        for e in due:
            snap = self.customers[e.customer_id]
            row = changes.setdefault(e.customer_id, {"id": e.customer_id})
            if e.kind == "back":
                row.update(status="active", suspended_until=None, updated_at=e.at)
                snap["status"] = "active"
                self.inactive.discard(e.customer_id)
                self.busy.discard(e.customer_id)
            else:
                old = snap["status"]
                fields: dict[str, tuple[Any, Any]] = {"status": (old, e.kind)}
                row.update(status=e.kind, updated_at=e.at)
                if e.kind == "suspended":
                    fields["suspended_until"] = (None, e.return_date)
                    row["suspended_until"] = e.return_date
                snap["status"] = e.kind
                self.inactive.add(e.customer_id)
                audit.extend(self._audit(e, fields, reason=f"反馈单 {e.number} 已办结"))
            self._reroute(by_id[e.manager_id])
        _update_by_id(self.s, Customer, list(changes.values()))
        self.ctx.insert(AuditEntry, audit)

    def _audit(
        self, e: _Effect, changes: dict[str, tuple[Any, Any]], *, reason: str
    ) -> list[dict[str, Any]]:
        """``audit.record`` (one entry per changed field, hash-chained), with the demo's ids
        and the effect's time."""
        return self.audit.extend(
            changes,
            new_id=self.ctx.new_id,
            at=e.at,
            manager_id=e.manager_id,
            record_type="customer",
            record_id=e.customer_id,
            reason=reason,
        )

    def _reroute(self, m: _Manager) -> None:
        """The visit history's routes and carried-over stops: active customers only."""
        if m.visits is None:
            return
        for weekday, ids in m.order.items():
            m.visits.routes[weekday] = [c for c in ids if c not in self.inactive]
        for cid in list(m.visits.waiting):
            if cid in self.inactive:
                del m.visits.waiting[cid]


def _update_by_id(session: Any, model: type[Any], rows: list[dict[str, Any]]) -> None:
    """ORM bulk UPDATE by primary key, one executemany per set of keys."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    for group in groups.values():
        session.execute(update(model), group)
