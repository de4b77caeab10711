"""出勤: the working days a manager is not in the field — 请假 (with its type), 会议, 培训 or
其他公务 (the regulation: 「遇特殊情况按单位请假制度与部门负责人请假」; the kinds and leave
types are ``schema/reference/attendance.toml``).

A marked day is *excused*: its stops are left out of the completion rate and the day out of
出勤天数 (the week's figures, the Thursday workbook and the department views all ask
:func:`day_marks`, the one computation of which days count), and its unvisited stops come
back in the next plans first, up to ``carry_over_extra`` a day beyond the target size
(:func:`excused_carry_overs`; the rest wait among the carried-over customers). Visits already made
that day stay. A working day with no plan, no record and no attendance entry is
*unexplained* (未说明) rather than silently a low rate. Setting and clearing are audited
(``record_type`` ``"attendance"``); clearing keeps the row with an empty kind so that a sync
carries it to the server.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldbook.core import clock, workdays
from fieldbook.core.errors import InvalidValue
from fieldbook.core.resources import load_reference
from fieldbook.core.store import audit
from fieldbook.core.store.models import AttendanceDay, DayLog, Manager, Plan, PlanStop, Visit
from fieldbook.core.store.sessions import Sessions
from fieldbook.core.text import clean_free_text

TOPIC = "attendance"
UNEXPLAINED = "unexplained"
NOTE_MAX = 200


@dataclass(frozen=True)
class AttendanceRules:
    kinds: dict[str, str]  # code -> Chinese name, in the configuration's order
    typed: frozenset[str]  # kinds that name a leave type
    leave_types: dict[str, str]  # code -> Chinese name
    unexplained: str  # how an unexplained day is worded
    carry_over_extra: int  # an excused day's stops a plan takes beyond its target size


@cache
def attendance_rules() -> AttendanceRules:
    ref = load_reference("attendance")
    return AttendanceRules(
        kinds={str(k["code"]): str(k["name"]) for k in ref["kinds"]},
        typed=frozenset(str(k["code"]) for k in ref["kinds"] if k.get("needs_type")),
        leave_types={str(t["code"]): str(t["name"]) for t in ref["leave_types"]},
        unexplained=str(ref["unexplained"]),
        carry_over_extra=int(ref["carry_over_extra"]),
    )


@dataclass(frozen=True)
class DayMark:
    """What a day was instead of a field day: an attendance kind (excused) or
    ``UNEXPLAINED``."""

    day: date
    kind: str
    leave_type: str = ""
    note: str = ""

    @property
    def excused(self) -> bool:
        return self.kind != UNEXPLAINED

    @property
    def label(self) -> str:
        """The mark in Chinese: 请假（病假）, 会议, 未说明."""
        return mark_label(self.kind, self.leave_type)


def mark_label(kind: str, leave_type: str = "") -> str:
    rules = attendance_rules()
    if kind == UNEXPLAINED:
        return rules.unexplained
    name = rules.kinds.get(kind, kind)
    typed = rules.leave_types.get(leave_type, leave_type)
    return f"{name}（{typed}）" if typed else name


def absences(s: Session, m: str, start: date, end: date) -> dict[date, DayMark]:
    """Manager ``m``'s attendance entries of ``start``..``end`` (cleared ones left out)."""
    return _entries(s, [m], start, end).get(m, {})


def _entries(s: Session, ids: list[str], start: date, end: date) -> dict[str, dict[date, DayMark]]:
    rows = s.execute(
        select(
            AttendanceDay.manager_id,
            AttendanceDay.day,
            AttendanceDay.kind,
            AttendanceDay.leave_type,
            AttendanceDay.note,
        )
        .where(
            AttendanceDay.manager_id.in_(ids),
            AttendanceDay.day.between(start, end),
            AttendanceDay.kind != "",
        )
        .order_by(AttendanceDay.day)
    ).all()
    out: dict[str, dict[date, DayMark]] = defaultdict(dict)
    for m, day, kind, leave_type, note in rows:
        out[m][day] = DayMark(day, kind, leave_type, note)
    return out


def _days_with(s: Session, ids: list[str], start: date, end: date) -> set[tuple[str, date]]:
    """(manager, day) of ``start``..``end`` with a plan with stops, a visit or a day log."""
    planned = (
        select(Plan.manager_id, Plan.plan_date)
        .join(PlanStop, PlanStop.plan_id == Plan.id)
        .where(Plan.manager_id.in_(ids), Plan.plan_date.between(start, end))
    )
    visited = select(Visit.manager_id, Visit.visit_date).where(
        Visit.manager_id.in_(ids), Visit.visit_date.between(start, end)
    )
    logged = select(DayLog.manager_id, DayLog.log_date).where(
        DayLog.manager_id.in_(ids), DayLog.log_date.between(start, end)
    )
    found: set[tuple[str, date]] = set()
    for stmt in (planned, visited, logged):
        found.update((m, day) for m, day in s.execute(stmt.distinct()))
    return found


#: (manager, day) of a period with a plan with stops, a visit or a day log
DaysWith = Callable[[Session, list[str], date, date], set[tuple[str, date]]]


def managers_day_marks(
    s: Session,
    ids: list[str],
    start: date,
    end: date,
    today: date | None = None,
    *,
    days_with: DaysWith | None = None,
) -> dict[str, dict[date, DayMark]]:
    """Each manager's marked days of ``start``..``end``: every attendance entry, and every
    working day before ``today`` (and not before the manager's profile was made) with no
    plan, no visit, no day log and no entry, as ``UNEXPLAINED``. Four queries whatever the
    number of managers (the department views ask for all of them; ``days_with``: where else
    the days worked are read, e.g. the server's summaries)."""
    today = clock.today() if today is None else today
    marks = _entries(s, ids, start, end)
    made = dict(s.execute(select(Manager.id, Manager.created_at).where(Manager.id.in_(ids))).all())
    last = min(end, today - timedelta(days=1))
    seen = (days_with or _days_with)(s, ids, start, last) if start <= last else set()
    out: dict[str, dict[date, DayMark]] = {}
    span = [start + timedelta(days=n) for n in range(max((last - start).days + 1, 0))]
    working = [day for day in span if workdays.is_working_day(day)]  # once, not per manager
    for m in ids:
        mine = dict(marks.get(m, {}))
        first = max(start, made[m].date()) if made.get(m) is not None else start
        for day in working:
            if day >= first and (m, day) not in seen and day not in mine:
                mine[day] = DayMark(day, UNEXPLAINED)
        out[m] = dict(sorted(mine.items()))
    return out


def day_marks(
    s: Session, m: str, start: date, end: date, today: date | None = None
) -> dict[date, DayMark]:
    """Manager ``m``'s marked days of ``start``..``end`` (:func:`managers_day_marks`)."""
    return managers_day_marks(s, [m], start, end, today)[m]


def excused_days(marks: dict[date, DayMark]) -> set[date]:
    """The days left out of the completion rate and 出勤天数."""
    return {day for day, mark in marks.items() if mark.excused}


def excused_carry_overs(s: Session, m: str, day: date, days: int) -> dict[str, str]:
    """Customer id → note of the stops left unvisited on an excused day of the last ``days``
    days before ``day`` (the plan builder brings them back ahead of other carried-over stops,
    up to ``carry_over_extra`` beyond the target size; whether they were visited since is
    ``plan_candidates.carry_overs``'s to say)."""
    marks = absences(s, m, day - timedelta(days=days), day - timedelta(days=1))
    if not marks:
        return {}
    rows = s.execute(
        select(PlanStop.customer_id, Plan.plan_date)
        .join(Plan, Plan.id == PlanStop.plan_id)
        .where(
            Plan.manager_id == m,
            Plan.plan_date.in_(list(marks)),
            PlanStop.state.in_(("planned", "skipped")),
        )
        .order_by(Plan.plan_date)
    ).all()
    return {cid: f"{on.month}月{on.day}日{marks[on].label}未走访" for cid, on in rows}


class AttendanceService:
    """Set and clear a day's attendance entry (audited); read them back."""

    def __init__(self, db: Sessions) -> None:
        self.db = db

    def get(self, day: date) -> DayMark | None:
        with self.db.reading() as s:
            return absences(s, self.db.current_manager_id(s), day, day).get(day)

    def marks(self, start: date, end: date, today: date | None = None) -> list[DayMark]:
        """Entries and unexplained days of ``start``..``end`` (see :func:`day_marks`)."""
        with self.db.reading() as s:
            return list(day_marks(s, self.db.current_manager_id(s), start, end, today).values())

    def set(self, day: date, kind: str, *, leave_type: str = "", note: str = "") -> DayMark:
        """Mark ``day`` as ``kind`` (a leave names its ``leave_type``), replacing any entry."""
        rules = attendance_rules()
        if kind not in rules.kinds:
            raise InvalidValue("unknown_attendance_kind", field="kind", value=kind)
        if kind in rules.typed and leave_type not in rules.leave_types:
            raise InvalidValue("leave_type_required", field="leave_type", value=leave_type)
        leave_type = leave_type if kind in rules.typed else ""
        note = clean_free_text(str(note or "")).strip()
        if len(note) > NOTE_MAX:
            raise InvalidValue("attendance_note_length", field="note", max=NOTE_MAX)
        if not workdays.is_working_day(day):
            raise InvalidValue("attendance_not_working_day", field="day", value=day.isoformat())
        label = mark_label(kind, leave_type)
        reason = f"出勤：{day:%Y-%m-%d} {label}" + (f"（{note}）" if note else "")
        self._write(day, (kind, leave_type, note), reason)
        return DayMark(day, kind, leave_type, note)

    def clear(self, day: date) -> None:
        """Take ``day``'s entry away (audited); nothing to do when there is none."""
        self._write(day, ("", "", ""), f"出勤：{day:%Y-%m-%d} 取消标记")

    def _write(self, day: date, values: tuple[str, str, str], reason: str) -> None:
        with self.db.writing(TOPIC, "plan", "week") as s:
            m = self.db.current_manager_id(s)
            row = s.scalars(
                select(AttendanceDay).where(AttendanceDay.manager_id == m, AttendanceDay.day == day)
            ).first()
            if row is None:
                if not values[0]:
                    return
                row = AttendanceDay(manager_id=m, day=day, kind="", leave_type="", note="")
                s.add(row)
                s.flush()
            old = (row.kind, row.leave_type, row.note)
            if old == values:
                return
            changes = {
                name: (before or None, after or None)
                for name, before, after in zip(
                    ("kind", "leave_type", "note"), old, values, strict=True
                )
            }
            audit.record_change(s, row, "attendance", changes, reason)
            row.kind, row.leave_type, row.note = values
