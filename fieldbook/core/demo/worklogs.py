"""The work log (工作日志) a demo manager writes each day: short realistic sections drafted from
the day's orders, visits and findings (the 电访员's word on the non-orderers, the figures against
the same weekday last week, the 16:00 meeting …), as ``demo.orders`` records the day. Texts and
rates in ``schema/reference/demo.toml`` [daylog]."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from random import Random
from typing import Any, Protocol

from fieldbook.core import workdays
from fieldbook.core.demo.context import seconds_of
from fieldbook.core.routine.daylog import check_section


class _Offered(Protocol):
    """A price class of the order recipe: the SKUs on offer in it."""

    @property
    def skus(self) -> tuple[Any, ...]: ...


@dataclass
class DayRecord:
    """What the log of one manager's day is drafted from."""

    manager_id: str
    day: date
    due: int = 0
    ordered: int = 0
    cartons: int = 0
    amount_fen: int = 0
    by_class: Counter[int | None] = field(default_factory=Counter)
    non_orderers: list[tuple[str, str]] = field(default_factory=list)  # customer, reason
    findings: Counter[str] = field(default_factory=Counter)
    visited: list[str] = field(default_factory=list)
    last_departure: datetime | None = None  # from the last shop: the return follows it


class WorkLogWriter:
    """Drafts one manager's day log at a time; remembers each weekday's figures for the next
    week's comparison. Shares the order history's random streams, so the demo stays the same
    for the same seed."""

    def __init__(
        self,
        rng: Random,
        id_rng: Random,
        ref: dict[str, Any],
        customers: dict[str, tuple[str, str, int, int | None, str]],
        classes: Sequence[_Offered],
        today: date,
    ) -> None:
        self.rng, self.id_rng, self.ref = rng, id_rng, ref
        self.customers, self.classes, self.today = customers, classes, today
        self.submitted = tuple(seconds_of(x) for x in ref["submitted"])
        low, high = ref["trip_back_minutes"]
        self.trip_back = (int(low), int(high))
        self.last_week: dict[tuple[str, int], tuple[int, int]] = {}

    def _shop(self, cid: str) -> str:
        return self.customers[cid][1]

    def draft(self, r: DayRecord) -> dict[str, Any]:
        rng, ref = self.rng, self.ref
        sections: dict[str, Any] = {}
        named = [(self._shop(c), why) for c, why in r.non_orderers]
        if named:
            shown = "、".join(f"{n}（{why}）" if why else n for n, why in named[:4])
            more = f"等{len(named)}户" if len(named) > 4 else ""
            non = str(ref["non_orderers"]).format(list=shown + more)
        else:
            non = str(ref["all_ordered"])
        staff = rng.choice(ref["staff"])
        phone = rng.choice(ref["phone_staff"]).format(
            staff=staff, due=r.due, ordered=r.ordered, non=non
        )
        sections["phone_staff"] = phone + rng.choice(ref["phone_extra"])
        sections["indicator_analysis"] = self._analysis(r)
        if r.findings:
            found = "、".join(f"{label}{n}户" for label, n in r.findings.most_common(4))
            sections["problems"] = rng.choice(ref["problems"]).format(findings=found)
        else:
            sections["problems"] = str(ref["no_problems"])
        if r.visited:
            shops = rng.sample(r.visited, min(len(r.visited), rng.randint(1, 2)))
            done = "；".join(
                rng.choice(ref["maintenance"]).format(shop=self._shop(c)) for c in shops
            )
            sections["customer_maintenance"] = done + "。"
        sections["meeting_notes"] = "".join(rng.sample(ref["meeting"], 2))
        pool = r.visited or [c for c, _ in r.non_orderers]
        if pool and rng.random() < float(ref["escalation_rate"]):
            cid = rng.choice(pool)
            row: dict[str, Any] = {
                "id": uuid.UUID(int=self.id_rng.getrandbits(128), version=4).hex[:12],
                "text": rng.choice(ref["escalations"]).format(shop=self._shop(cid)),
                "customer_code": self.customers[cid][0],
                "answered": False,
            }
            if r.day < self.today - timedelta(days=int(ref["answer_days"])):
                answered = datetime.combine(
                    workdays.add_working_days(r.day, rng.randint(1, 3)), time(10, 0)
                ) + timedelta(minutes=rng.randint(0, 360))
                row.update(
                    answered=True,
                    answer=rng.choice(ref["escalation_answers"]),
                    answered_by=str(ref["escalation_answered_by"]),
                    answered_at=answered.isoformat(" "),
                )
            sections["escalations"] = [row]
        if pool and rng.random() < float(ref["mutual_control_rate"]):
            cid = rng.choice(pool)
            kind = rng.choice(list(ref["mutual_control"]))
            text = rng.choice(ref["mutual_control"][kind]).format(shop=self._shop(cid))
            sections["mutual_control"] = [
                {"customer_code": self.customers[cid][0], "type": kind, "text": text}
            ]
        supply = ref["supply"]
        if rng.random() < float(supply["rate"]):
            sku = rng.choice([k for c in self.classes for k in c.skus])
            note = rng.choice(supply["notes"]).format(
                grade=rng.choice((10, 15, 20)), n=rng.choice((2, 3, 5, 10))
            )
            sections["supply_info"] = [{"sku": sku.name, "note": note}]
        for name, value in sections.items():
            sections[name] = check_section(name, value)  # a text the service refuses fails
        midnight = datetime.combine(r.day, time())
        created = midnight + timedelta(seconds=seconds_of("15:05") + rng.randint(0, 1200))
        updated = midnight + timedelta(seconds=rng.randint(*self.submitted))
        return {
            "id": str(uuid.UUID(int=self.id_rng.getrandbits(128), version=4)),
            "manager_id": r.manager_id,
            "log_date": r.day,
            "status": "draft",
            "sections": json.dumps(sections, ensure_ascii=False, sort_keys=True),
            "facts": "{}",
            "created_at": created,
            "updated_at": updated,
            "submitted_at": None,
            "returned_at": self.returned_at(r),
        }

    def returned_at(self, r: DayRecord) -> datetime | None:
        """回到单位: the last departure plus the trip back (drawn from a stream of the day's
        own, so the rest of the demo does not move); None on a day with no visit."""
        if r.last_departure is None:
            return None
        rng = Random(f"fieldbook-demo-return:{r.manager_id}:{r.day.isoformat()}")
        trip = timedelta(minutes=rng.randint(*self.trip_back))
        return (r.last_departure + trip).replace(second=0, microsecond=0)

    def _analysis(self, r: DayRecord) -> str:
        rng, ref = self.rng, self.ref
        key = (r.manager_id, r.day.isoweekday())
        before = self.last_week.get(key)
        self.last_week[key] = (r.cartons, r.amount_fen)
        per = r.amount_fen / 100 / r.cartons if r.cartons else 0.0
        if not before or not before[0]:
            trend, pt = "无可比数据", "持平"
        else:
            change = (r.cartons - before[0]) / before[0]
            trend = (
                "持平"
                if abs(change) < 0.005
                else f"{'增加' if change > 0 else '减少'}{abs(change):.1%}"
            )
            old_per = before[1] / 100 / before[0]
            pt = "上升" if per > old_per + 0.5 else ("下降" if per < old_per - 0.5 else "持平")
        total = r.cartons or 1
        shares = {code: n / total for code, n in r.by_class.items()}
        comment = rng.choice(ref["indicator_comments"]).format(
            c1=f"{shares.get(1, 0):.1%}",
            c12=f"{shares.get(1, 0) + shares.get(2, 0):.1%}",
            c3=f"{shares.get(3, 0):.1%}",
            pt=pt,
        )
        template: str = rng.choice(ref["indicators"])
        return template.format(
            cartons=r.cartons,
            amount=f"{r.amount_fen / 100:,.2f}",
            per=f"{per:.2f}",
            rate=f"{r.ordered / r.due:.1%}" if r.due else "—",
            trend=trend,
            comment=comment,
        )
