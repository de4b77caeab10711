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
  follow-ups (closed at a later visit, mostly the next one).

Speed is the point (five years of one manager ≈ 37,000 visits): plain dicts, bulk-inserted
once per week, no ORM objects and no queries but one at the start. Rates and texts live in
``schema/reference/demo.toml`` [visits].
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from random import Random
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from fieldbook.core import workdays
from fieldbook.core.master.catalog import price_classes
from fieldbook.core.routine.checklist import (
    OPEN,
    GridLine,
    Hit,
    Item,
    check_answer,
    load_checklist,
)
from fieldbook.core.routine.plan import plan_rules
from fieldbook.core.routine.visits import ABSENT, grid_findings, offered_sku_ids
from fieldbook.core.store.models import (
    Customer,
    FollowUp,
    Plan,
    PlanStop,
    Route,
    SlipSuggestion,
    Visit,
    VisitSku,
)

if TYPE_CHECKING:
    from fieldbook.core.demo.generate import DemoContext

STATE_KEY = "visits"
Weighted = tuple[list[Any], list[float]]


def _weighted(table: dict[str, float]) -> Weighted:
    keys = [k or None for k in table]
    return keys, list(accumulate(float(v) for v in table.values()))


def _clock(text: str) -> int:
    """Seconds after midnight of "HH:MM"."""
    t = time.fromisoformat(text)
    return t.hour * 3600 + t.minute * 60


@dataclass(frozen=True)
class _Sku:
    id: str
    name: str
    price_class: int | None
    wholesale_fen: int
    code: str
    is_key: bool
    is_new: bool
    pack_fen: int | None  # retail price per pack, as a shop should show it


@dataclass
class _Shop:
    id: str
    grid: tuple[_Sku, ...]  # the visit screen's grid, in its order (class, price desc, code)
    cap: int  # most cartons of one SKU in stock
    classes: tuple[int | None, ...]  # classes of the grid, in price_classes order
    by_class: dict[int | None, tuple[int, ...]]  # class → row indexes
    keys: tuple[int, ...]  # rows of key brands
    keyless: tuple[int | None, ...]  # classes without a key brand


@dataclass
class _Manager:
    id: str
    routes: dict[int, list[str]]  # weekday → active customers in route order
    # skipped stops not visited since: customer → (day, position, reason)
    waiting: dict[str, tuple[date, int, str]] = field(default_factory=dict)
    open_followups: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def offer(skus: list[_Sku], carried: set[str]) -> list[_Sku]:
    """The SKUs the visit screen offers (``offered_sku_ids``), in grid order."""
    ordered = sorted(skus, key=lambda k: (k.price_class or 0, -k.wholesale_fen, k.code))
    picked = offered_sku_ids(((k.id, k.price_class, k.is_key, k.is_new) for k in ordered), carried)
    return [k for k in ordered if k.id in picked]


def grid_hits(grid: tuple[_Sku, ...], lines: list[GridLine]) -> list[Hit]:
    """The findings of a filled grid, exactly as ``VisitService.finish`` computes them."""
    return grid_findings(
        (k.name, k.price_class, k.is_key, line) for k, line in zip(grid, lines, strict=True)
    )


def visit_week(ctx: DemoContext, monday: date) -> None:
    """The plans and visits of the week starting ``monday`` (days before ``ctx.today``)."""
    history = ctx.state.get(STATE_KEY)
    if history is None:
        history = ctx.state[STATE_KEY] = _History(ctx)
        ctx.finalizers.append(history.close)
    history.week(monday)


class _History:
    def __init__(self, ctx: DemoContext) -> None:
        from fieldbook.core.demo.generate import demo_reference

        self.ctx = ctx
        self.rng: Random = ctx.rng
        ref = demo_reference()["visits"]
        rules = plan_rules()
        self.target = rules.target_size
        self.carry_days = timedelta(days=rules.carry_over_days)
        self.visited = float(ref["visited"])
        self.day_start = _clock(ref["day_start"])
        self.jitter = int(ref["start_jitter_minutes"]) * 60
        self.day_end = _clock(ref["day_end"])
        self.stay = (ref["minutes"][0] * 60, ref["minutes"][1] * 60, ref["min_minutes"] * 60)
        self.move = (
            ref["travel_minutes"][0] * 60,
            ref["travel_minutes"][1] * 60,
            ref["min_travel_minutes"] * 60,
        )
        self.late = float(ref["late_entry"])
        self.evening = (_clock(ref["evening"][0]), _clock(ref["evening"][1]))
        self.close_rate = float(ref["followup_close"])
        unknown = set(ref["skip_reasons"]) - set(rules.skip_reasons)
        if unknown:
            raise ValueError(f"demo.toml [visits.skip_reasons]: not in plan.toml: {unknown}")
        self.skip_reasons = _weighted(ref["skip_reasons"])
        self.checklist = load_checklist("visit")
        for code in ref["shop_status"]:
            self.checklist.status(code)  # a typo fails loudly
        self.statuses = _weighted(ref["shop_status"])
        self.flag_rates = list(ref["flags"].items())
        self.choices = {k: _weighted(v) for k, v in ref["choices"].items()}
        self.texts = ref["texts"]
        self.absent_label = self.checklist.status(ABSENT).label
        self.status_hits = {
            code: self.checklist.hits(code, {}) for code in ref["shop_status"] if code != OPEN
        }
        self.answer_rules = self._answer_rules()
        skus = [
            _Sku(
                s["id"],
                s["name"],
                s["price_class"],
                s["wholesale_fen"] or 0,
                s["code"],
                bool(s["is_key_brand"]),
                bool(s["is_new"]),
                s["retail_fen"] // 10 if s["retail_fen"] else None,
            )
            for s in ctx.skus
            if s["on_market"]
        ]
        base = offer(skus, set())
        spare = [k for k in skus if k not in base]
        extras_low, extras_high = ref["grid_extras"]
        caps = ref["stock_cartons_by_grade"]
        self.managers: list[_Manager] = []
        self.shops: dict[str, _Shop] = {}
        by_id = {m.id: _Manager(m.id, {}) for m in ctx.managers}
        rows = ctx.session.execute(
            select(Customer.id, Customer.manager_id, Customer.grade, Route.weekday)
            .join(Route, Route.id == Customer.route_id)
            .where(Customer.status == "active", Customer.manager_id.in_(list(by_id)))
            .order_by(Customer.manager_id, Route.name, Customer.route_position, Customer.code)
        ).all()
        for cid, mid, grade, weekday in rows:
            by_id[mid].routes.setdefault(weekday, []).append(cid)
            grade = grade or 1
            pool = [k for k in spare if grade >= 10 or (k.price_class or 0) >= 2]
            count = min(len(pool), self.rng.randint(extras_low, extras_high))
            carried = {k.id for k in self.rng.sample(pool, count)}
            cap = next((c for g, c in caps if grade <= g), caps[-1][1])
            self.shops[cid] = self._shop(cid, offer(skus, carried | {k.id for k in base}), cap)
        self.managers = [by_id[m.id] for m in ctx.managers]

    def _shop(self, cid: str, grid: list[_Sku], cap: int) -> _Shop:
        by_class: dict[int | None, list[int]] = {}
        for i, k in enumerate(grid):
            by_class.setdefault(k.price_class, []).append(i)
        order = [pc.code for pc in price_classes()]
        classes = tuple(sorted(by_class, key=lambda c: order.index(c) if c in order else -1))
        keys = tuple(i for i, k in enumerate(grid) if k.is_key)
        keyless = tuple(c for c in classes if not any(grid[i].is_key for i in by_class[c]))
        return _Shop(
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
            m: [] for m in (Plan, PlanStop, Visit, VisitSku, FollowUp, SlipSuggestion)
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
        keys, cum = table
        return self.rng.choices(keys, cum_weights=cum)[0]

    def _day(self, m: _Manager, day: date, out: dict[type[Any], list[dict[str, Any]]]) -> None:
        rng, new_id = self.rng, self.ctx.new_id
        entries: dict[str, tuple[list[str], str]] = {
            cid: (["route"], "") for cid in m.routes.get(day.isoweekday(), ())
        }
        # oldest first, in the order they had that day (PlanService._carry_overs)
        for planned_on, _pos, cid, reason in sorted(
            (d, p, c, r) for c, (d, p, r) in m.waiting.items()
        ):
            if planned_on < day - self.carry_days:
                del m.waiting[cid]
            elif cid in entries or len(entries) < self.target:
                note = f"{planned_on.month}月{planned_on.day}日未走访" + (
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
                "target_size": self.target,
                "created_at": built,
                "updated_at": built,
            }
        )
        stops: list[dict[str, Any]] = []
        for position, (cid, (reasons, note)) in enumerate(entries.items(), start=1):
            visited = rng.random() < self.visited
            reason = "" if visited else self._pick(self.skip_reasons)
            stops.append(
                {
                    "id": new_id(),
                    "plan_id": plan_id,
                    "customer_id": cid,
                    "position": position,
                    "reasons": ",".join(reasons),
                    "reason_note": note,
                    "state": "visited" if visited else "skipped",
                    "state_reason": reason,
                    "created_at": built,
                    "updated_at": built,
                }
            )
            if visited:
                m.waiting.pop(cid, None)
            else:
                m.waiting[cid] = (day, position, reason)
        done = [s for s in stops if s["state"] == "visited"]
        times = self._times(len(done))
        for stop, (arrive, leave) in zip(done, times, strict=True):
            finished = self._visit(m, stop, midnight, arrive, leave, out)
            stop["updated_at"] = finished
        for stop in stops:
            if stop["state"] == "skipped":  # ticked when the day's route was done
                stop["updated_at"] = midnight + timedelta(seconds=times[-1][1] if times else 0)
        out[PlanStop].extend(stops)

    def _times(self, n: int) -> list[tuple[int, int]]:
        """(arrival, departure) in seconds after midnight for ``n`` visits in route order."""
        if n == 0:
            return []
        gauss = self.rng.gauss
        start = self.day_start + self.rng.randint(0, self.jitter)
        (s_mu, s_sd, s_min), (m_mu, m_sd, m_min) = self.stay, self.move
        stay = [max(s_min, gauss(s_mu, s_sd)) for _ in range(n)]
        move = [max(m_min, gauss(m_mu, m_sd)) for _ in range(n - 1)]
        room = self.day_end - start
        need = sum(stay) + sum(move)
        if need > room:  # a long day: shorter stays and quicker hops, never below the minimum
            floor = s_min * n + m_min * (n - 1)
            f = max(0.0, (room - floor) / (need - floor)) if need > floor else 0.0
            stay = [s_min + (s - s_min) * f for s in stay]
            move = [m_min + (t - m_min) * f for t in move]
        out: list[tuple[int, int]] = []
        clock = float(start)
        for i in range(n):  # whole seconds, rounded down: the day still ends by day_end
            arrive = int(clock)
            leave = arrive + int(stay[i])
            out.append((arrive, leave))
            clock = leave + (move[i] if i < n - 1 else 0)
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
        if status == OPEN:
            flags = {k: rng.random() < p for k, p in self.flag_rates}
            answers = self._answers(flags)
            grid = self._grid(shop, visit_id, flags, answers)
            lines = [
                GridLine(k.price_class, r["on_shelf"], r["stock_cartons"], r["stock_packs"])
                for k, r in zip(shop.grid, grid, strict=True)
            ]
            hits = self.checklist.hits(OPEN, answers) + grid_hits(shop.grid, lines)
        else:
            answers = {}
            grid = [_blank_row(new_id(), visit_id, k.id) for k in shop.grid]
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
                "checklist_id": self.checklist.id,
                "checklist_version": self.checklist.version,
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
        waiting = m.open_followups.get(cid)
        if waiting and status == OPEN:
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
        for text in dict.fromkeys(h.follow_up for h in hits if h.follow_up):
            m.open_followups.setdefault(cid, []).append(
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
                "customer_id": cid,
                "category": category,
                "note": "；".join(d for d in details if d),
                "status": "suggested",
                "created_at": finished,
            }
            for category, details in slips.items()
        )
        return finished

    # --- answers: driven by the template ----------------------------------------------------
    def _answer_rules(self) -> dict[str, Any]:
        """Item id → f(flags) giving the answer (None: left blank)."""
        rng, texts = self.rng, self.texts

        def choice(item_id: str) -> Any:
            return lambda _f: self._pick(self.choices[item_id])

        def maybe(rate: float, draw: Any) -> Any:
            return lambda _f: draw() if rng.random() < rate else None

        def flagged(flag: str, yes: Any, no: Any) -> Any:
            return lambda f: (yes(f) if callable(yes) else yes) if f[flag] else no(f)

        options = self.checklist.item("policy_explained").options
        return {
            "display_quality": flagged("display_messy", "杂乱", choice("display_quality")),
            "display_fixed": lambda _f: rng.random() < 0.6,
            "facings_ok": lambda f: not f["facings_bad"],
            "price_tags": flagged("price_tags", choice("price_tags"), lambda _f: "齐全规范"),
            "tags_replaced": maybe(0.7, lambda: rng.randint(1, 8)),
            "tag_goods_match": lambda f: not f["tag_mismatch"],
            "price_compliance": flagged("price_deviation", "普遍偏离", choice("price_compliance")),
            "stock_checked": lambda f: f["stock_checked"],
            "stock_vs_records": lambda f: "不一致" if f["stock_mismatch"] else "一致",
            "promoters_count": lambda f: rng.randint(1, 2) if f["promoters"] else 0,
            "licence_displayed": lambda f: not f["no_licence"],
            "carton_code": lambda f: (
                "不一致" if f["non_channel"] and rng.random() < 0.5 else choice("carton_code")(f)
            ),
            "suspected_fake": lambda f: f["fake"],
            "suspected_non_channel": lambda f: f["non_channel"],
            "violation_note": lambda _f: rng.choice(texts["violation"]),
            "policy_explained": maybe(
                texts["policy_explained"], lambda: rng.sample(options, rng.randint(1, 2))
            ),
            "competitor_info": maybe(
                texts["competitor_info"], lambda: rng.choice(texts["competitor"])
            ),
            "requests": lambda f: rng.choice(texts["requests"]) if f["request"] else None,
            "notes": maybe(texts["notes"], lambda: rng.choice(texts["note"])),
        }

    def _answers(self, flags: dict[str, bool]) -> dict[str, Any]:
        answers: dict[str, Any] = {}
        visible = self.checklist.is_visible
        for item in self.checklist.items:
            if not visible(item, OPEN, answers):
                continue
            rule = self.answer_rules.get(item.id)
            if rule is not None:
                value = rule(flags)
            elif item.id in self.choices:
                value = self._pick(self.choices[item.id])
            else:
                value = _required_default(item)
            value = check_answer(item, value)  # a template the rules do not fit fails loudly
            if value is not None:
                answers[item.id] = value
        return self.checklist.clean_answers(OPEN, answers)

    # --- the SKU grid -----------------------------------------------------------------------
    def _grid(
        self, shop: _Shop, visit_id: str, flags: dict[str, bool], answers: dict[str, Any]
    ) -> list[dict[str, Any]]:
        rng, new_id = self.rng, self.ctx.new_id
        stocked = [True] * len(shop.grid)
        if flags["class_gap"]:
            # Without an out-of-stock key brand the gap is in a class without key brands.
            pool = shop.classes if flags["out_of_stock"] else shop.keyless
            if pool:
                gap = rng.choices(pool, weights=[(c or 5) for c in pool])[0]
                for i in shop.by_class[gap]:
                    stocked[i] = False
        if flags["out_of_stock"] and all(stocked[i] for i in shop.keys):
            for _ in range(2 if rng.random() < 0.15 else 1):
                # a key brand whose class keeps another row in stock: no accidental gap
                pool = [
                    i
                    for i in shop.keys
                    if stocked[i]
                    and any(stocked[j] for j in shop.by_class[shop.grid[i].price_class] if j != i)
                ]
                if pool:
                    stocked[rng.choice(pool)] = False
        counted = answers.get("stock_checked") is True
        rows = []
        for k, ok in zip(shop.grid, stocked, strict=True):
            cartons: int | None = None
            packs: int | None = None
            if counted:
                cartons, packs = (rng.randint(0, shop.cap), rng.randint(0, 9)) if ok else (0, 0)
                if ok and cartons + packs == 0:
                    packs = rng.randint(1, 9)
            rows.append(
                {
                    "id": new_id(),
                    "visit_id": visit_id,
                    "sku_id": k.id,
                    "on_shelf": ok,
                    "facings": rng.randint(1, 4) if ok else 0,
                    "stock_cartons": cartons,
                    "stock_packs": packs,
                    "price_fen": k.pack_fen if ok else None,
                }
            )
        _deviate(rng, rows, answers.get("price_compliance"))
        return rows


def _deviate(rng: Random, rows: list[dict[str, Any]], compliance: str | None) -> None:
    """Prices seen on the shelf, as the price_compliance answer says."""
    priced = [r for r in rows if r["price_fen"]]
    if not priced or compliance in (None, "按指导价"):
        return
    if compliance == "普遍偏离":
        for r in priced:
            r["price_fen"] = min(100_00, round(r["price_fen"] * rng.uniform(1.1, 1.2)))
        return
    row = rng.choice(priced)
    step = rng.randint(1, 3) * 50
    row["price_fen"] = min(
        100_00, max(1, row["price_fen"] + (step if "高" in compliance else -step))
    )


def _blank_row(row_id: str, visit_id: str, sku_id: str) -> dict[str, Any]:
    """A grid row the visit screen offered and nobody filled (the shop was not open)."""
    return {
        "id": row_id,
        "visit_id": visit_id,
        "sku_id": sku_id,
        "on_shelf": None,
        "facings": None,
        "stock_cartons": None,
        "stock_packs": None,
        "price_fen": None,
    }


def _required_default(item: Item) -> Any:
    """An item the demo has no rule for: blank if optional, else a neutral valid answer."""
    if not item.required:
        return None
    if item.type == "bool":
        return True
    if item.type in ("choice", "multi"):
        return item.options[0] if item.type == "choice" else [item.options[0]]
    if item.type == "number":
        return item.min if item.min is not None else 0
    return "无"
