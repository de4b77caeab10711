"""Demo history of the feedback slips (客户信息反馈单) and the phone-order staff's follow-ups,
one ``WEEK_GENERATOR`` of ``fieldbook.core.demo.generate`` that runs after
``demo_visits.visit_week``.

For each manager and week, what the app would have recorded (REFERENCE.md §6.8):

- lifecycle slips at the monthly rates per customer (新增, 关业, 暂停, 违纪, 不订货), written at
  the office on the day the manager visited the shop — from that visit's suggested slip when
  there is one (``source_suggestion_id``, the suggestion marked "slipped"); some 品牌上柜 slips
  from the visits' "新品未上柜" suggestions; the other suggestions dismissed after a while;
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
import math
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from random import Random
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update

from fieldbook.core import workdays
from fieldbook.core.demo.visits import STATE_KEY as VISITS_KEY
from fieldbook.core.slips.service import RETURNED, check_move, slip_rules
from fieldbook.core.store.audit import GENESIS, encode_value, entry_hash
from fieldbook.core.store.models import (
    AuditEntry,
    Customer,
    FollowUp,
    Manager,
    Route,
    Slip,
    SlipDelivery,
    SlipEvent,
    SlipSuggestion,
    Visit,
)

if TYPE_CHECKING:
    from fieldbook.core.demo.generate import DemoContext

STATE_KEY = "slips"
LIFECYCLE = ("new", "closed", "suspended", "violation", "no_order")
WEEKS_PER_MONTH = 52 / 12
Event = tuple[str, str, datetime, str, str, str]  # from, to, at, actor, note, reason


def slip_week(ctx: DemoContext, monday: date) -> None:
    """The slips and phone-staff follow-ups of the week starting ``monday``."""
    history = ctx.state.get(STATE_KEY)
    if history is None:
        history = ctx.state[STATE_KEY] = _SlipHistory(ctx)
        ctx.finalizers.append(history.close)
    history.week(monday)


def _clock(text: str) -> int:
    t = time.fromisoformat(text)
    return t.hour * 60 + t.minute


def _md(day: date) -> str:
    return f"{day.month}月{day.day}日"


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


@dataclass
class _Visit:
    id: str
    customer_id: str
    day: date
    finished: datetime


class _SlipHistory:
    def __init__(self, ctx: DemoContext) -> None:
        from fieldbook.core.demo.generate import demo_reference

        self.ctx = ctx
        self.s = ctx.session
        # A stream of its own (from the seed, through the first manager's id): the visits'
        # stream stays what it was without slips.
        self.rng = Random(f"fieldbook-demo-slips:{ctx.managers[0].id}")
        self.limit = datetime.combine(ctx.today, time())
        ref = demo_reference()
        self.ref = ref["slips"]
        self.fu_ref = ref["followups"]
        self.violation_texts: list[str] = ref["visits"]["texts"]["violation"]
        self.rules = slip_rules()
        self.weekly = {
            cat: float(rate) / WEEKS_PER_MONTH for cat, rate in self.ref["monthly"].items()
        }
        unknown = set(self.weekly) - set(self.rules.categories)
        if unknown:
            raise ValueError(f"demo.toml [slips.monthly]: not in slips.toml: {unknown}")
        self.office = (_clock(self.ref["office"][0]), _clock(self.ref["office"][1]))
        self.closure = [float(x) for x in self.ref["closure"]]
        self.history = ctx.state.get(VISITS_KEY)
        names = {mid: name for mid, name in self.s.execute(select(Manager.id, Manager.name))}
        self.managers: list[_Manager] = []
        for i, m in enumerate(ctx.managers):
            visits = self.history.managers[i] if self.history is not None else None
            order = {wd: list(ids) for wd, ids in (visits.routes.items() if visits else ())}
            mgr = _Manager(m.id, m.code, names.get(m.id, ""), visits, order)
            mgr.weekday = {cid: wd for wd, ids in order.items() for cid in ids}
            self.managers.append(mgr)
        self.customers: dict[str, dict[str, Any]] = {}
        for row in self.s.execute(
            select(
                Customer.id,
                Customer.code,
                Customer.licence_no,
                Customer.shop_name,
                Customer.owner_name,
                Customer.phone,
                Customer.address,
                Customer.district,
                Customer.grade,
                Route.name,
                Customer.status,
            ).outerjoin(Route, Route.id == Customer.route_id)
        ):
            keys = ("code", "licence_no", "shop_name", "owner_name", "phone", "address")
            snap = dict(zip(keys, row[1:7], strict=True))
            snap.update(district=row[7], grade=row[8], route=row[9] or "", status=row[10])
            self.customers[row[0]] = snap
        self.inactive: set[str] = set()  # closed or suspended by a slip
        self.busy: set[str] = set()  # a 关业/暂停 slip not yet done
        self.effects: list[_Effect] = []
        self.pending_fu: list[dict[str, Any]] = []
        self.numbers: dict[tuple[str, date], int] = {}
        new_skus = [s for s in ctx.skus if s["is_new"] and s["on_market"]]
        self.brand_skus = new_skus or [s for s in ctx.skus if s["is_key_brand"]]
        last = self.s.execute(
            select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
        ).first()
        self.audit_seq, self.audit_prev = (last[0], last[1]) if last else (0, GENESIS)

    # --- a week -----------------------------------------------------------------------------
    def week(self, monday: date) -> None:
        if monday >= self.ctx.today:
            return
        sunday = monday + timedelta(days=6)
        visits: dict[str, list[_Visit]] = {}  # manager → the week's open-shop visits
        by_customer: dict[str, list[_Visit]] = {}
        for vid, mid, cid, day, finished in self.s.execute(
            select(
                Visit.id, Visit.manager_id, Visit.customer_id, Visit.visit_date, Visit.finished_at
            )
            .where(Visit.visit_date >= monday, Visit.visit_date <= sunday)
            .where(Visit.status == "done", Visit.shop_status == "open")
            .order_by(Visit.visit_date, Visit.arrived_at)
        ):
            v = _Visit(vid, cid, day, finished)
            visits.setdefault(mid, []).append(v)
            by_customer.setdefault(cid, []).append(v)
        suggestions: dict[str, list[dict[str, Any]]] = {}
        for sid, cat, cid, vid, mid, day, answers in self.s.execute(
            select(
                SlipSuggestion.id,
                SlipSuggestion.category,
                SlipSuggestion.customer_id,
                Visit.id,
                Visit.manager_id,
                Visit.visit_date,
                Visit.answers,
            )
            .join(Visit, Visit.id == SlipSuggestion.visit_id)
            .where(Visit.visit_date >= monday, Visit.visit_date <= sunday)
            .where(SlipSuggestion.status == "suggested")
            .order_by(Visit.visit_date, Visit.arrived_at, SlipSuggestion.category)
        ):
            suggestions.setdefault(mid, []).append(
                {
                    "id": sid,
                    "category": cat,
                    "customer_id": cid,
                    "visit_id": vid,
                    "day": day,
                    "answers": json.loads(answers or "{}"),
                }
            )
        out: dict[type[Any], list[dict[str, Any]]] = {
            m: [] for m in (Slip, SlipDelivery, SlipEvent, FollowUp)
        }
        status: dict[str, str] = {}  # suggestion → new status
        keep = monday >= self.ctx.today - timedelta(weeks=int(self.ref["keep_suggestions_weeks"]))
        for m in self.managers:
            mine = suggestions.get(m.id, [])
            self._lifecycle(m, visits.get(m.id, []), mine, status, out)
            self._brand(m, mine, status, out)
            if not keep:
                status.update({s["id"]: "dismissed" for s in mine if s["id"] not in status})
            self._phone_followups(m, monday)
        next_monday = monday + timedelta(days=7)
        self._resolve_followups(by_customer, next_monday, out)
        for model, rows in out.items():  # parents first: the foreign keys hold
            self.ctx.insert(model, rows)
        if status:
            self.s.execute(
                update(SlipSuggestion), [{"id": k, "status": v} for k, v in status.items()]
            )
        self._apply_effects(next_monday)

    def close(self) -> None:
        """After the last week: the rest of the effects and follow-ups."""
        out: dict[type[Any], list[dict[str, Any]]] = {FollowUp: []}
        self._resolve_followups({}, None, out)
        self.ctx.insert(FollowUp, out[FollowUp])
        self._apply_effects(None)

    # --- slips --------------------------------------------------------------------------------
    def _poisson(self, lam: float) -> int:
        if lam <= 0:
            return 0
        limit, k, p = math.exp(-lam), 0, self.rng.random()
        while p > limit:
            k += 1
            p *= self.rng.random()
        return k

    def _active(self, m: _Manager) -> int:
        return sum(1 for cid in m.weekday if cid not in self.inactive)

    def _lifecycle(
        self,
        m: _Manager,
        visits: list[_Visit],
        suggestions: list[dict[str, Any]],
        status: dict[str, str],
        out: dict[type[Any], list[dict[str, Any]]],
    ) -> None:
        rng = self.rng
        n = self._active(m)
        taken: set[tuple[str, str]] = set()
        for cat in LIFECYCLE:
            count = self._poisson(n * self.weekly.get(cat, 0.0))
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

    def _brand(
        self,
        m: _Manager,
        suggestions: list[dict[str, Any]],
        status: dict[str, str],
        out: dict[type[Any], list[dict[str, Any]]],
    ) -> None:
        rate = float(self.ref["brand_from_suggestion"])
        for sug in suggestions:
            if sug["category"] != "brand" or sug["id"] in status:
                continue
            if self.rng.random() < rate and self._free(sug["customer_id"]):
                self._slip(
                    m, "brand", sug["customer_id"], sug["day"], sug["visit_id"], sug, {}, out
                )
                status[sug["id"]] = "slipped"

    def _pick(self, table: dict[str, float]) -> str:
        keys = list(table)
        return self.rng.choices(keys, [float(table[k]) for k in keys])[0]

    def _content(
        self, cat: str, day: date, answers: dict[str, Any]
    ) -> tuple[str, str, date | None, date | None, list[str]]:
        """(sub-reason, description, effective date, return date, sku ids) of a new slip."""
        rng, ref = self.rng, self.ref
        sub, eff, ret, skus = "", None, None, []
        words: dict[str, str] = {"date": _md(day)}
        if cat in ref["sub_reasons"]:
            sub = self._pick(ref["sub_reasons"][cat])
        if cat == "new":
            eff = day
        elif cat == "closed":
            eff = day + timedelta(days=rng.randint(0, 7))
        elif cat == "suspended":
            eff = day + timedelta(days=rng.randint(0, 2))
            low, high = ref["suspension_weeks"]
            ret = eff + timedelta(days=rng.randint(7 * int(low), 7 * int(high)))
            words["ret"] = _md(ret)
        elif cat == "violation":
            found = [
                name
                for item, name in ref["violation_sub"].items()
                if answers.get(item) in (True, "不一致")
                or (item == "licence_displayed" and answers.get(item) is False)
            ]
            sub = found[0] if found else "其他"
            note = answers.get("violation_note") or rng.choice(self.violation_texts)
            words["note"] = str(note).replace(",", "，")
        elif cat == "no_order":
            reason = answers.get("no_order_reason") or rng.choice(list(ref["no_order_why"]))
            sub, words["why"] = ref["no_order_why"].get(reason, ["其他", "暂不订货"])
        elif cat == "brand":
            sku = rng.choice(self.brand_skus)
            skus = [sku["id"]]
            sub = "未上柜"
            words.update(sku=sku["name"], why=rng.choice(ref["brand_why"]["texts"]))
        if eff is not None:
            words["eff"] = _md(eff)
        words["sub"] = sub
        description = rng.choice(ref["descriptions"][cat]).format(**words)
        return sub, description, eff, ret, skus

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
        sub, description, eff, ret, skus = self._content(cat, day, answers)
        slip_id = new_id()
        sent_at = created + timedelta(minutes=rng.randint(2, 20))
        last_at, done_at, all_done = created, [], True
        for dept in category.departments:
            delivery_id = new_id()
            events, answer_at, answer = self._timeline(m, cat, dept, day, sent_at)
            kept = [e for e in events if e[2] < self.limit]
            state = kept[-1][1] if kept else "pending"
            out[SlipDelivery].append(
                {
                    "id": delivery_id,
                    "slip_id": slip_id,
                    "department": dept,
                    "state": state,
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
            if kept:
                last_at = max(last_at, kept[-1][2])
            if state == "done":
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
            if completed is None:
                self.busy.add(cid)  # nobody reports the same shop twice while it is open
            else:
                self.effects.append(_Effect(completed, cid, cat, m.id, number, ret))
                self.busy.add(cid)
                if cat == "suspended" and ret is not None:
                    back = datetime.combine(max(ret, completed.date() + timedelta(1)), time(8))
                    self.effects.append(_Effect(back, cid, "back", m.id))

    def _after(self, prev: datetime, day: date) -> datetime:
        """A moment on ``day`` in office hours, after ``prev``."""
        if day <= prev.date():
            return prev + timedelta(minutes=self.rng.randint(5, 60))
        return datetime.combine(day, time(8, 30)) + timedelta(minutes=self.rng.randint(0, 450))

    def _timeline(
        self, m: _Manager, cat: str, dept: str, day: date, sent_at: datetime
    ) -> tuple[list[Event], datetime | None, str]:
        """One delivery's moves from 待发送, as SlipService records them, the moment its answer
        was stored and the answer. Every move passes ``check_move``."""
        rng, ref = self.rng, self.ref
        staff = rng.choice(ref["staff"][dept])
        answers = ref["answers"][dept]
        answer = rng.choice(answers.get(cat) or answers["default"])
        events: list[Event] = [("pending", "sent", sent_at, m.name, "", "")]
        quick, slow = self.closure[0], self.closure[1]
        u = rng.random()
        if u < quick:
            k, final = rng.choices(range(4), [float(w) for w in ref["within_three"]])[0], "done"
        elif u < quick + slow:
            k, final = rng.randint(4, 10), "done"
        else:
            k = rng.randint(1, 10)
            final = rng.choices(["sent", "received", "handled"], ref["open_reached"])[0]
        days = workdays.working_days_between(day, workdays.add_working_days(day, k))
        answer_at: datetime | None = None
        if final == "done" and rng.random() < float(ref["skip_with_reason"]):
            at = self._after(sent_at, days[-1])
            reason = rng.choice(ref["reasons"]["skip"])
            events.append(("sent", "done", at, staff, "", reason))
            answer_at = at
        else:
            at = sent_at
            first = rng.randint(0, min(1, len(days) - 1))
            if final != "sent":
                at = self._after(at, days[first])
                events.append(("sent", "received", at, staff, "", ""))
                if rng.random() < float(ref["returned"]):
                    at = self._after(at, at.date())
                    events.append(
                        (
                            "received",
                            RETURNED,
                            at,
                            staff,
                            "",
                            rng.choice(ref["reasons"]["returned"]),
                        )
                    )
                    resend = workdays.next_working_day(at.date())
                    at = self._after(at, resend)
                    events.append(
                        (RETURNED, "sent", at, m.name, "", rng.choice(ref["reasons"]["resend"]))
                    )
                    days = [d for d in days if d > resend] or [resend]
                    at = self._after(at, days[0])
                    events.append(("sent", "received", at, staff, "", ""))
            if final in ("handled", "done"):
                middle = days[rng.randint(min(first, len(days) - 1), len(days) - 1)]
                at = self._after(at, middle)
                events.append(("received", "handled", at, staff, "", ""))
                if final == "handled" and rng.random() < 0.5:
                    answer_at = at
            if final == "done":
                at = self._after(at, days[-1])
                events.append(("handled", "done", at, staff, "", ""))
                answer_at = at
        for before, after, _at, _who, _note, reason in events:
            check_move(before, after, reason)
        return events, answer_at, answer if answer_at is not None else ""

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
            before = route_day is None or e.at.date() < route_day
            if before or (e.kind == "back" and e.at.date() <= route_day):  # type: ignore[operator]
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
        rows = []
        for name in sorted(changes):
            old, new = (encode_value(v) for v in changes[name])
            if old == new:
                continue
            self.audit_seq += 1
            entry = {
                "id": self.ctx.new_id(),
                "seq": self.audit_seq,
                "at": e.at,
                "manager_id": e.manager_id,
                "record_type": "customer",
                "record_id": e.customer_id,
                "field": name,
                "old_value": old,
                "new_value": new,
                "reason": reason,
                "prev_hash": self.audit_prev,
            }
            entry["hash"] = entry_hash(entry)
            self.audit_prev = entry["hash"]
            rows.append(entry)
        return rows

    def _reroute(self, m: _Manager) -> None:
        """The visit history's routes and carried-over stops: active customers only."""
        if m.visits is None:
            return
        for weekday, ids in m.order.items():
            m.visits.routes[weekday] = [c for c in ids if c not in self.inactive]
        for cid in list(m.visits.waiting):
            if cid in self.inactive:
                del m.visits.waiting[cid]

    # --- phone-staff follow-ups ------------------------------------------------------------
    def _phone_followups(self, m: _Manager, monday: date) -> None:
        """New requests of the week; written when resolved (closed) or at the end (open)."""
        rng, ref = self.rng, self.fu_ref
        days = [
            d
            for d in workdays.working_days_between(monday, monday + timedelta(days=6))
            if d < self.ctx.today
        ]
        active = [c for c in m.weekday if c not in self.inactive]
        if not days or not active:
            return
        for _ in range(self._poisson(float(ref["phone_per_week"]))):
            day = rng.choice(days)
            created = datetime.combine(day, time(15, 10)) + timedelta(minutes=rng.randint(0, 40))
            due = workdays.add_working_days(day, int(ref["due_days"]))
            self.pending_fu.append(
                {
                    "id": self.ctx.new_id(),
                    "manager_id": m.id,
                    "customer_id": rng.choice(active),
                    "source": "phone_staff",
                    "source_visit_id": None,
                    "text": rng.choice(ref["texts"]),
                    "requested_by": rng.choice(ref["requested_by"]),
                    "due_date": due,
                    "status": "open",
                    "closed_by": "",
                    "created_at": created,
                    "closed_at": None,
                    "closed_visit_id": None,
                    "close_note": "",
                }
            )

    def _resolve_followups(
        self,
        visits: dict[str, list[_Visit]],
        next_monday: date | None,
        out: dict[type[Any], list[dict[str, Any]]],
    ) -> None:
        """Close at a visit before the due date, else by phone the working day before it; keep
        open what is not settled before today. ``next_monday`` None: the end of history."""
        rng, ref = self.rng, self.fu_ref
        names = {m.id: m.name for m in self.managers}
        waiting = []
        for fu in self.pending_fu:
            day, due = fu["created_at"].date(), fu["due_date"]
            visit = next((v for v in visits.get(fu["customer_id"], ()) if day < v.day < due), None)
            if visit is not None:
                fu.update(
                    status="closed",
                    closed_at=visit.finished,
                    closed_visit_id=visit.id,
                    closed_by=names[fu["manager_id"]],
                    close_note=rng.choice(ref["close_visit"]),
                )
                out[FollowUp].append(fu)
                continue
            if next_monday is not None and due > next_monday:
                waiting.append(fu)  # a visit next week may still settle it
                continue
            by_phone = workdays.previous_working_day(due)
            at = datetime.combine(by_phone, time(16, 0)) + timedelta(minutes=rng.randint(0, 50))
            if at > fu["created_at"] and at < self.limit:
                fu.update(
                    status="closed",
                    closed_at=at,
                    closed_by=names[fu["manager_id"]],
                    close_note=rng.choice(ref["close_phone"]),
                )
                out[FollowUp].append(fu)
            elif next_monday is None:
                out[FollowUp].append(fu)  # still open today
            else:
                waiting.append(fu)
        self.pending_fu = waiting


def _update_by_id(session: Any, model: type[Any], rows: list[dict[str, Any]]) -> None:
    """ORM bulk UPDATE by primary key, one executemany per set of keys."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    for group in groups.values():
        session.execute(update(model), group)
