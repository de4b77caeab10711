"""Demo history of the 15:00 order review and the work log (工作日志), one ``WEEK_GENERATOR`` of
``fieldbook.core.demo.generate`` that runs after ``demo_visits.visit_week`` and
``demo_slips.slip_week``.

For each manager and working day before ``today`` (REFERENCE.md §6.3, §6.6, §6.9):

- orders: the day's route customers (the active customers the day's plan lists as "route"
  stops; without a plan, the active customers whose order weekday it is) order at a weekly
  rate of 85–95%. A visit that day decides where it can (cheaply, without touching the visit):
  "不订" or a shop not open → no order, "会订" → an order; the rest of the non-orderers are
  drawn. An order's cartons follow the grade band, its lines (6–25 SKUs) the grade, its
  cartons by class the configured shares; amounts are cartons × the SKU's wholesale price;
- a work log: short realistic sections drafted from the day (the 电访员's word on the
  non-orderers, the figures against the same weekday last week, the visits' findings, the
  16:00 meeting …). Computing the facts snapshot with the real ``DayLogService`` costs ≈ 30 ms
  a day, so only the last ``submitted_weeks`` weeks are submitted with it (and carry a few
  corrections, audited as ``DayLogService.correct`` does); older logs are drafts, whose facts
  the service computes when they are opened.

Its own random stream and ids (seeded through the first manager's id): the other generators'
output stays what it was. Plain dicts, bulk-inserted once per week; rates and texts in
``schema/reference/demo.toml`` [orders] and [daylog].
"""

from __future__ import annotations

import json
import math
import uuid
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from random import Random
from typing import Any

from sqlalchemy import select

from fieldbook.core import workdays
from fieldbook.core.demo.context import DemoContext, demo_reference, seconds_of
from fieldbook.core.demo.worklogs import DayRecord, WorkLogWriter
from fieldbook.core.master.catalog import price_classes
from fieldbook.core.routine.checklist import finding_labels, load_checklist
from fieldbook.core.routine.daylog import (
    MUTUAL_CONTROL_TYPES,
    TEXT_SECTIONS,
    check_section,
    day_facts,
    facts_json,
    return_facts,
)
from fieldbook.core.store.audit import Chain
from fieldbook.core.store.models import (
    AttendanceDay,
    AuditEntry,
    Customer,
    DayLog,
    OrderLine,
    Plan,
    PlanStop,
    Visit,
)

STATE_KEY = "orders"
NOT_OPEN = ("suspended", "closed", "absent")


def order_week(ctx: DemoContext, monday: date) -> None:
    """The orders and work logs of the week starting ``monday`` (days before ``ctx.today``)."""
    ctx.history(STATE_KEY, _OrderHistory).week(monday)


@dataclass(frozen=True)
class _Sku:
    id: str
    name: str
    wholesale_fen: int
    weight: float


@dataclass(frozen=True)
class _Class:
    code: int | None
    share: float  # of the cartons, 0..1 (a class without SKUs handed it on)
    skus: tuple[_Sku, ...]


class OrderMaker:
    """Draws one customer's weekly order from the recipe (pure: only its ``rng``)."""

    def __init__(self, ref: dict[str, Any], skus: list[dict[str, Any]]) -> None:
        popular = {str(k): float(v) for k, v in ref.get("popular", {}).items()}
        key_weight = float(ref["key_weight"])
        by_class: dict[int | None, list[_Sku]] = {}
        for s in skus:
            if not s["on_market"] or not s["wholesale_fen"]:
                continue
            weight = popular.get(s["code"], key_weight if s["is_key_brand"] else 1.0)
            by_class.setdefault(s["price_class"], []).append(
                _Sku(s["id"], s["name"], int(s["wholesale_fen"]), weight)
            )
        codes = [pc.code for pc in sorted(price_classes(), key=lambda p: p.code)]
        shares = [float(x) for x in ref["class_shares"]][: len(codes)]
        shares += [0.0] * (len(codes) - len(shares))
        # A class without SKUs hands its share to the nearest class that has some, cheaper
        # side first (五类 → 四类).
        for i, code in sorted(enumerate(codes), key=lambda ic: -ic[0]):
            if not by_class.get(code) and shares[i]:
                near = sorted(
                    (j for j, c in enumerate(codes) if by_class.get(c)),
                    key=lambda j: (abs(j - i), -j),
                )
                if near:
                    shares[near[0]] += shares[i]
                shares[i] = 0.0
        total = sum(shares) or 1.0
        self.classes = tuple(
            _Class(code, shares[i] / total, tuple(by_class.get(code, ())))
            for i, code in enumerate(codes)
            if shares[i] > 0
        )
        self.bands = [tuple(int(x) for x in band) for band in ref["cartons_by_grade"]]
        self.lines_low, self.lines_high = (int(x) for x in ref["skus_per_order"])
        self.noise = float(ref["share_noise"])

    def cartons(self, rng: Random, grade: int) -> int:
        low_grade = 1
        for top, low, high in self.bands:
            if grade <= top or (top, low, high) == self.bands[-1]:
                span = max(1, top - low_grade + 1)
                where = min(1.0, max(0.0, (grade - low_grade + rng.random()) / span))
                return max(1, round(low + (high - low) * where))
            low_grade = top + 1
        raise AssertionError("unreachable")

    def lines(self, rng: Random, grade: int) -> list[tuple[_Sku, int]]:
        """(SKU, cartons) of one order."""
        total = self.cartons(rng, grade)
        span = self.lines_high - self.lines_low
        base = self.lines_low + (min(max(grade, 1), 30) - 1) * span / 29
        wanted = min(
            total, max(self.lines_low, min(self.lines_high, round(base + rng.uniform(-2, 2))))
        )
        weights = [c.share * rng.uniform(1 - self.noise, 1 + self.noise) for c in self.classes]
        per_class = _spread(rng, total, weights)
        # lines follow the cartons; a class short of SKUs hands its lines on
        room = [min(c, len(cls.skus)) for cls, c in zip(self.classes, per_class, strict=True)]
        lines = [
            min(max(1, n), r) if r else 0
            for n, r in zip(_spread(rng, wanted, [float(c) for c in per_class]), room, strict=True)
        ]
        for i in sorted(range(len(lines)), key=lambda i: -per_class[i]):
            more = min(room[i] - lines[i], wanted - sum(lines))
            if more > 0:
                lines[i] += more
        out: list[tuple[_Sku, int]] = []
        for cls, cartons, count in zip(self.classes, per_class, lines, strict=True):
            if cartons <= 0:
                continue
            # weighted sampling without replacement (Efraimidis–Spirakis keys)
            picked = sorted(cls.skus, key=lambda k: -(rng.random() ** (1.0 / k.weight)))[:count]
            extra = _spread(
                rng, cartons - count, [k.weight * rng.uniform(0.5, 1.5) for k in picked]
            )
            out.extend((k, 1 + n) for k, n in zip(picked, extra, strict=True))
        return out


def _spread(rng: Random, total: int, weights: list[float]) -> list[int]:
    """``total`` split by ``weights`` (systematic sampling: unbiased, sums exactly)."""
    if total <= 0 or not weights:
        return [0] * len(weights)
    whole = sum(weights)
    u = rng.random()
    out, cum, before = [], 0.0, 0
    for w in weights:
        cum += w / whole
        upto = math.floor(cum * total + u) if w else before
        out.append(upto - before)
        before = upto
    out[-1] += total - sum(out)
    return out


class _OrderHistory:
    def __init__(self, ctx: DemoContext) -> None:
        self.ctx = ctx
        self.s = ctx.session
        self.rng = Random(f"fieldbook-demo-orders:{ctx.managers[0].id}")
        self.id_rng = Random(self.rng.getrandbits(64))
        ref = demo_reference()
        self.ref = ref["orders"]
        self.log_ref = ref["daylog"]
        self.maker = OrderMaker(self.ref, ctx.skus)
        self.rate = tuple(float(x) for x in self.ref["weekly_rate"])
        reasons = self.ref["no_order_reasons"]
        self.reasons = (list(reasons), [float(v) for v in reasons.values()])
        self.imported = tuple(seconds_of(x) for x in self.ref["imported"])
        self.submitted = tuple(seconds_of(x) for x in self.log_ref["submitted"])
        unknown = set(self.log_ref["mutual_control"]) - set(MUTUAL_CONTROL_TYPES)
        if unknown:
            raise ValueError(f"demo.toml [daylog.mutual_control]: not a daylog type: {unknown}")
        checklist = load_checklist("visit")
        self.finding_labels = finding_labels("visit")  # of every version
        self.status_labels = {st.code: st.label for st in checklist.shop_statuses}
        self.class_of = {k.id: c.code for c in self.maker.classes for k in c.skus}
        self.customers: dict[str, tuple[str, str, int, int | None, str]] = {
            cid: (code, name, grade or 1, weekday, status)
            for cid, code, name, grade, weekday, status in self.s.execute(
                select(
                    Customer.id,
                    Customer.code,
                    Customer.shop_name,
                    Customer.grade,
                    Customer.order_weekday,
                    Customer.status,
                )
            )
        }
        self.managers = [m.id for m in ctx.managers]
        self.carry = 0.0  # non-orderers the week still owes (fractions, forced ones)
        self.cutoff = ctx.today - timedelta(weeks=int(self.log_ref["submitted_weeks"]))
        self.held: list[dict[str, Any]] = []  # logs of the submitted weeks, written at close
        self.logs = WorkLogWriter(
            self.rng, self.id_rng, self.log_ref, self.customers, self.maker.classes, ctx.today
        )

    def new_id(self) -> str:
        return str(uuid.UUID(int=self.id_rng.getrandbits(128), version=4))

    # --- a week -------------------------------------------------------------------------
    def week(self, monday: date) -> None:
        sunday = monday + timedelta(days=6)
        days = [d for d in workdays.working_days_between(monday, sunday) if d < self.ctx.today]
        if not days:
            return
        route: dict[tuple[str, date], list[str]] = {}
        for mid, day, cid, reasons in self.s.execute(
            select(Plan.manager_id, Plan.plan_date, PlanStop.customer_id, PlanStop.reasons)
            .join(Plan, Plan.id == PlanStop.plan_id)
            .where(Plan.plan_date >= monday, Plan.plan_date <= sunday)
            .order_by(Plan.manager_id, Plan.plan_date, PlanStop.position)
        ):
            if "route" in reasons.split(","):
                route.setdefault((mid, day), []).append(cid)
        visits: dict[tuple[str, date], dict[str, tuple[str, dict[str, Any]]]] = {}
        findings: dict[tuple[str, date], Counter[str]] = {}
        last_left: dict[tuple[str, date], datetime] = {}
        for mid, day, cid, shop_status, answers, hits, left in self.s.execute(
            select(
                Visit.manager_id,
                Visit.visit_date,
                Visit.customer_id,
                Visit.shop_status,
                Visit.answers,
                Visit.findings,
                Visit.left_at,
            )
            .where(Visit.visit_date >= monday, Visit.visit_date <= sunday, Visit.status == "done")
            .order_by(Visit.visit_date, Visit.arrived_at)
        ):
            wanted = json.loads(answers) if answers and "will_order" in answers else {}
            if left is not None:
                last_left[(mid, day)] = max(left, last_left.get((mid, day), left))
            visits.setdefault((mid, day), {})[cid] = (shop_status, wanted)
            counts = findings.setdefault((mid, day), Counter())
            for code in {h["finding"] for h in json.loads(hits or "[]")}:
                if code != "shop_status":
                    counts[self.finding_labels.get(code, code)] += 1
        lines: list[dict[str, Any]] = []
        logs: list[dict[str, Any]] = []
        excused = set(  # 出勤 (demo.attendance): no work log on a day out of the field
            self.s.execute(
                select(AttendanceDay.manager_id, AttendanceDay.day).where(
                    AttendanceDay.day.between(monday, sunday), AttendanceDay.kind != ""
                )
            ).tuples()
        )
        for mid in self.managers:
            # the week's rate, kept over the week: what a day misses (rounding, visits that
            # said 不订) the next days make up; a margin keeps the week inside the range
            low, high = self.rate
            rate = self.rng.uniform(low + 0.005, high - 0.005)
            self.carry = 0.0
            for day in days:
                due = route.get((mid, day))
                if due is None:  # no plan that day: the active customers due that weekday
                    due = [
                        cid
                        for cid, (_c, _n, _g, wd, status) in self.customers.items()
                        if wd == day.isoweekday() and status == "active"
                    ]
                record = DayRecord(mid, day, findings=findings.get((mid, day), Counter()))
                record.visited = list(visits.get((mid, day), {}))
                record.last_departure = last_left.get((mid, day))
                lines.extend(self._orders(record, due, visits.get((mid, day), {}), rate))
                if (mid, day) not in excused:
                    logs.append(self.logs.draft(record))
        self.ctx.insert(OrderLine, lines)
        self.ctx.insert(DayLog, [row for row in logs if row["log_date"] < self.cutoff])
        self.held.extend(row for row in logs if row["log_date"] >= self.cutoff)

    def _orders(
        self,
        record: DayRecord,
        due: list[str],
        visits: dict[str, tuple[str, dict[str, Any]]],
        rate: float,
    ) -> list[dict[str, Any]]:
        rng = self.rng
        no: dict[str, str] = {}
        yes: set[str] = set()
        for cid in due:
            status, answers = visits.get(cid, ("", {}))
            if status in NOT_OPEN:
                no[cid] = self.status_labels.get(status, "")
            elif answers.get("will_order") == "不订":
                no[cid] = answers.get("no_order_reason") or "不订"
            elif answers.get("will_order") == "会订":
                yes.add(cid)
        wanted = len(due) * (1 - rate) + self.carry
        target = max(0, round(wanted))
        free = [c for c in due if c not in no and c not in yes]
        for cid in rng.sample(free, min(len(free), max(0, target - len(no)))):
            no[cid] = rng.choices(*self.reasons)[0]
        self.carry = wanted - len(no)
        record.due = len(due)
        record.non_orderers = [(cid, no[cid]) for cid in due if cid in no]
        day = record.day
        midnight = datetime.combine(day, time())
        stamp = midnight + timedelta(seconds=rng.randint(*self.imported))
        source = str(self.ref["source"]).format(date=f"{day:%Y%m%d}")
        rows: list[dict[str, Any]] = []
        for cid in due:
            if cid in no:
                continue
            record.ordered += 1
            for sku, cartons in self.maker.lines(rng, self.customers[cid][2]):
                amount = cartons * sku.wholesale_fen
                record.cartons += cartons
                record.amount_fen += amount
                record.by_class[self.class_of.get(sku.id)] += cartons
                rows.append(
                    {
                        "id": self.new_id(),
                        "manager_id": record.manager_id,
                        "order_date": day,
                        "customer_id": cid,
                        "sku_id": sku.id,
                        "cartons": cartons,
                        "amount_fen": amount,
                        "imported_at": stamp,
                        "source": source,
                    }
                )
        return rows

    # --- the submitted weeks ------------------------------------------------------------
    def close(self) -> None:
        """The logs of the last weeks, submitted with the facts the real service computes from
        everything written (tomorrow's plan, slips, closed follow-ups), and a few corrections."""
        rng = self.rng
        if not self.held:
            return
        for row in self.held:
            facts = day_facts(self.s, row["manager_id"], row["log_date"])
            facts = replace(facts, **return_facts(row["log_date"], row["returned_at"]))
            midnight = datetime.combine(row["log_date"], time())
            submitted = midnight + timedelta(seconds=rng.randint(*self.submitted))
            row.update(
                status="submitted",
                facts=facts_json(facts),
                submitted_at=submitted,
                updated_at=submitted,
            )
        count = min(int(self.log_ref["corrections"]), len(self.held))
        chosen = sorted(rng.sample(range(len(self.held)), count))
        audit: list[dict[str, Any]] = []
        trail = Chain.tail_of(self.s)
        for index in chosen:
            row = self.held[index]
            sections = json.loads(row["sections"])
            name = rng.choice([n for n in TEXT_SECTIONS if sections.get(n)])
            old = sections[name]
            new = check_section(name, f"{old}{rng.choice(self.log_ref['meeting'])}")
            audit += trail.extend(
                {f"sections.{name}": (old, new)},
                new_id=self.new_id,
                at=row["submitted_at"] + timedelta(minutes=rng.randint(20, 120)),
                manager_id=row["manager_id"],
                record_type="daylog",
                record_id=row["id"],
                reason=rng.choice(self.log_ref["correction_reasons"]),
            )
            sections[name] = new
            row["sections"] = json.dumps(sections, ensure_ascii=False, sort_keys=True)
        self.ctx.insert(DayLog, self.held)
        self.ctx.insert(AuditEntry, audit)
        self.held = []
