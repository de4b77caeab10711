"""Demo 出勤 (``routine.attendance``): each manager's few days a year out of the field — 请假
with its type, 会议, 培训, 其他公务 — drawn per manager and year from a stream of their own
(seeded by the manager's id, itself drawn from the demo's seed), so the same seed gives the same
days and the rest of the history does not move with them. Rates and notes are
``schema/reference/demo.toml`` [attendance]; ``demo.visits`` plans such a day, visits none of
it and carries its stops over, ``demo.orders`` writes no work log for it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from random import Random
from typing import Any

from fieldbook.core import workdays
from fieldbook.core.demo.context import demo_reference
from fieldbook.core.demo.visit_record import pick, weighted
from fieldbook.core.routine.attendance import attendance_rules


@dataclass(frozen=True)
class DemoMark:
    kind: str
    leave_type: str
    note: str


class DemoAttendance:
    """Which of a manager's days are marked, year by year (drawn when first asked)."""

    def __init__(self) -> None:
        ref = demo_reference()["attendance"]
        rules = attendance_rules()
        unknown = (set(ref["leave_types"]) - set(rules.leave_types)) | (
            set(ref["duty_kinds"]) - set(rules.kinds)
        )
        if unknown:
            raise ValueError(f"demo.toml [attendance]: not in attendance.toml: {unknown}")
        self.leave_days = (int(ref["leave_days"][0]), int(ref["leave_days"][1]))
        self.duty_days = (int(ref["duty_days"][0]), int(ref["duty_days"][1]))
        self.leave_types = weighted(ref["leave_types"])
        self.duty_kinds = weighted(ref["duty_kinds"])
        self.notes: dict[str, list[str]] = {k: list(v) for k, v in ref["notes"].items()}
        self.years: dict[tuple[str, int], dict[date, DemoMark]] = {}
        self.carry_over_extra = rules.carry_over_extra

    def mark(self, manager_id: str, day: date) -> DemoMark | None:
        key = (manager_id, day.year)
        if key not in self.years:
            self.years[key] = self._year(manager_id, day.year)
        return self.years[key].get(day)

    def _year(self, manager_id: str, year: int) -> dict[date, DemoMark]:
        rng = Random(f"fieldbook-demo-attendance:{manager_id}:{year}")
        days = workdays.working_days_between(date(year, 1, 1), date(year, 12, 31))
        leave, duty = rng.randint(*self.leave_days), rng.randint(*self.duty_days)
        chosen = rng.sample(days, min(len(days), leave + duty))
        marks: dict[date, DemoMark] = {}
        for n, day in enumerate(sorted(chosen)):
            if n < leave:
                typed = str(pick(rng, self.leave_types))
                marks[day] = DemoMark("leave", typed, self._note(rng, typed))
            else:
                kind = str(pick(rng, self.duty_kinds))
                marks[day] = DemoMark(kind, "", self._note(rng, kind))
        return marks

    def _note(self, rng: Random, key: str) -> str:
        notes = self.notes.get(key) or [""]
        return notes[rng.randrange(len(notes))]

    def row(self, new_id: str, manager_id: str, day: date, mark: DemoMark) -> dict[str, Any]:
        """The ``attendance_days`` row as the 出勤 bar saves it: in the morning, or the
        afternoon before for a leave asked for ahead."""
        at = datetime.combine(day, time(7, 10))
        if mark.kind == "leave" and mark.leave_type != "sick":
            at = datetime.combine(day - timedelta(days=1), time(15, 40))
        return {
            "id": new_id,
            "manager_id": manager_id,
            "day": day,
            "kind": mark.kind,
            "leave_type": mark.leave_type,
            "note": mark.note,
            "created_at": at,
            "updated_at": at,
        }
