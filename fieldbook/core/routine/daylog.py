"""工作日志: the day's log. Facts come from the day (plan, visits, findings, slips, follow-ups,
orders); the manager writes only what only they know (sections). Every section change is
saved at once; submitting snapshots the facts and makes the log read-only — later changes
are corrections with a reason, kept in the audit trail and shown in the log and its export."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldbook.core import clock, workdays
from fieldbook.core.errors import InvalidValue
from fieldbook.core.routine import escalations, supply_draft
from fieldbook.core.routine.checklist import count_findings
from fieldbook.core.routine.day_times import late_minutes, times_of
from fieldbook.core.routine.indicators import indicators_of
from fieldbook.core.routine.plan import day_plan, plan_rules
from fieldbook.core.slips.rules import slip_rules
from fieldbook.core.store import audit
from fieldbook.core.store.models import Customer, DayLog, FollowUp, Manager, Slip, Visit
from fieldbook.core.store.sessions import Sessions
from fieldbook.core.text import clean_prose, clean_text

TOPIC = "daylog"
TEXT_SECTIONS = {
    "phone_staff": "与电访员沟通",
    "indicator_analysis": "经济指标分析",
    "problems": "发现的问题",
    "customer_maintenance": "客户维护",
    "meeting_notes": "16:00 例会记录",
}
LIST_SECTIONS = {
    # rows: {id, text, customer_code, answered, answer, answered_by, answered_at}
    "escalations": "上报部门负责人的问题",
    "mutual_control": "互控信息",  # rows: {customer_code, type, text}
    "supply_info": "货源信息",  # rows: {sku, note}
}
MUTUAL_CONTROL_TYPES = ("异常订购", "疑似违规", "信息变更", "其他")
MAX_TEXT = 5000


@dataclass(frozen=True)
class DayFacts:
    """What Fieldbook knows about the day (computed, never typed)."""

    day: date
    planned: int
    done: int
    skipped: int
    skipped_reasons: dict[str, int]
    first_arrival: str  # HH:MM or "": 到达片区
    last_departure: str
    start_late_minutes: int | None  # first arrival after arrive_by (negative: early)
    average_minutes: float | None  # 户均分钟, against minutes_per_shop
    findings: dict[str, int]  # finding label -> visits
    slips_created: list[str]  # "FK-... 违纪 周一店1"
    followups_closed: int
    orders: dict[str, Any]  # the indicators, as plain data
    tomorrow: str  # "12月1日 计划 33 户" or ""
    # The time model (decision 0018); defaults for a log submitted before it was kept.
    arrive_by: str = ""  # the day's standards, as HH:MM: 07:30 in the area …
    back_by: str = ""  # … back at the office by 15:00 (Thursday 14:00)
    field_minutes: int | None = None  # 在片区工作时间: first arrival to last departure, less lunch
    field_standard: int = 0  # … against 300 (Thursday 240)
    returned_at: str = ""  # 回到单位, HH:MM or "" (not recorded)
    return_late_minutes: int | None = None  # returned after back_by (negative: before)


@dataclass(frozen=True)
class DayLogView:
    day: date
    status: str  # none | draft | submitted
    sections: dict[str, Any]
    facts: DayFacts
    submitted_at: datetime | None
    corrections: tuple[audit.AuditRecord, ...]


def facts_json(facts: DayFacts) -> str:
    """The facts as a submitted log keeps them (its snapshot)."""
    return json.dumps(asdict(facts), ensure_ascii=False, default=str)


def facts_from_json(data: dict[str, Any]) -> DayFacts:
    """A submitted log's snapshot as facts; one kept under an older model keeps what it has
    (a field it lacks takes its default, one no longer kept is left out)."""
    known = {f.name for f in fields(DayFacts)}
    values = {k: v for k, v in data.items() if k in known}
    if isinstance(values.get("day"), str):  # kept as text in the snapshot
        values["day"] = date.fromisoformat(values["day"])
    return DayFacts(**values)


def return_facts(day: date, returned: datetime | None) -> dict[str, Any]:
    """回到单位 as facts: the time and how late it was against the day's ``back_by``."""
    back_by = datetime.combine(day, plan_rules().back_by(day))
    return {"returned_at": _hm(returned), "return_late_minutes": late_minutes(returned, back_by)}


def _hm(at: datetime | None) -> str:
    return at.strftime("%H:%M") if at else ""


def day_facts(s: Session, manager_id: str, day: date) -> DayFacts:
    """What Fieldbook knows about the manager's ``day``, read in ``s`` (the service's own
    session, or a caller's open transaction: the demo reads what it has not committed yet)."""
    plan = day_plan(s, manager_id, day)
    stops = plan.active_stops if plan else ()
    done = [x for x in stops if x.state == "visited"]
    skipped = [x for x in stops if x.state == "skipped"]
    visits = s.execute(
        select(Visit.arrived_at, Visit.left_at, Visit.findings, Visit.shop_status).where(
            Visit.manager_id == manager_id,
            Visit.visit_date == day,
            Visit.status == "done",
        )
    ).all()
    start = datetime.combine(day, time.min)
    end = datetime.combine(day, time.max)
    closed = s.scalar(
        select(func.count())
        .select_from(FollowUp)
        .where(FollowUp.manager_id == manager_id, FollowUp.closed_at.between(start, end))
    )
    log = _find_log(s, manager_id, day)
    times = times_of(
        day,
        [(v.arrived_at, v.left_at, v.shop_status or "") for v in visits],
        log.returned_at if log else None,
    )
    tomorrow = workdays.next_working_day(day)
    next_plan = day_plan(s, manager_id, tomorrow)
    return DayFacts(
        day=day,
        planned=len(stops),
        done=len(done),
        skipped=len(skipped),
        skipped_reasons=dict(Counter(x.state_reason or "未注明" for x in skipped)),
        first_arrival=_hm(times.first_arrival),
        last_departure=_hm(times.last_departure),
        start_late_minutes=times.start_late_minutes,
        average_minutes=times.average_minutes,
        findings=count_findings(v.findings for v in visits),
        slips_created=_slips_created(s, manager_id, start, end),
        followups_closed=int(closed or 0),
        orders=_plain(indicators_of(s, manager_id, day)),
        tomorrow=(
            f"{tomorrow.month}月{tomorrow.day}日 计划 {len(next_plan.active_stops)} 户"
            if next_plan
            else ""
        ),
        arrive_by=times.arrive_by.strftime("%H:%M"),
        back_by=times.back_by.strftime("%H:%M"),
        field_minutes=times.field_minutes,
        field_standard=times.field_standard,
        returned_at=_hm(times.returned_at),
        return_late_minutes=times.return_late_minutes,
    )


def _slips_created(s: Session, manager_id: str, start: datetime, end: datetime) -> list[str]:
    """ "FK-... 违纪 周一店1" for each slip made between ``start`` and ``end``."""
    slips = s.execute(
        select(Slip.number, Slip.category, Slip.customer_snapshot)
        .where(Slip.manager_id == manager_id, Slip.created_at.between(start, end))
        .order_by(Slip.number)
    ).all()
    categories = slip_rules().categories
    return [
        f"{number} {categories[c].name if c in categories else c} "
        f"{json.loads(snap or '{}').get('shop_name', '')}"
        for number, c, snap in slips
    ]


class DayLogService:
    def __init__(self, db: Sessions) -> None:
        self.db = db

    def get(self, day: date) -> DayLogView:
        """The log of ``day``: live facts while a draft, the snapshot once submitted."""
        with self.db.reading() as s:
            manager_id = self.db.current_manager_id(s)
            log = _find_log(s, manager_id, day)
            status = log.status if log else "none"
            sections = json.loads(log.sections) if log else {}
            snapshot = json.loads(log.facts) if log and log.status == "submitted" else None
            submitted_at = log.submitted_at if log else None
            log_id = log.id if log else None
            if status != "submitted" and supply_draft.SECTION not in sections:
                sections[supply_draft.SECTION] = supply_draft.supply_draft(s, manager_id, day)
        facts = facts_from_json(snapshot) if snapshot else self.facts(day)
        corrections = tuple(audit.history(self.db, "daylog", log_id)) if log_id else ()
        return DayLogView(day, status, sections, facts, submitted_at, corrections)

    def facts(self, day: date) -> DayFacts:
        with self.db.reading() as s:
            return day_facts(s, self.db.current_manager_id(s), day)

    # --- writing ---------------------------------------------------------------------------
    def save_section(self, day: date, name: str, value: Any) -> None:
        """Autosave one of the manager's sections of a draft log (created on first save)."""
        value = check_section(name, value)
        with self.db.writing(TOPIC) as s:
            log = self._log(s, day, create=True)
            if log.status == "submitted":
                raise InvalidValue("log_submitted", field=name)
            sections = json.loads(log.sections)
            if name == escalations.SECTION:  # an answer already there stays
                value = escalations.keep_answers(sections.get(name) or [], value)
            sections[name] = value
            log.sections = json.dumps(sections, ensure_ascii=False, sort_keys=True)
            log.updated_at = clock.now()

    def submit(self, day: date) -> DayLogView:
        facts = self.facts(day)
        with self.db.writing(TOPIC) as s:
            log = self._log(s, day, create=True)
            if log.status == "submitted":
                raise InvalidValue("log_submitted", field="daylog")
            sections = json.loads(log.sections)
            if supply_draft.SECTION not in sections:  # the draft the manager saw is kept
                sections[supply_draft.SECTION] = supply_draft.supply_draft(s, log.manager_id, day)
                log.sections = json.dumps(sections, ensure_ascii=False, sort_keys=True)
            log.status = "submitted"
            log.facts = facts_json(facts)
            log.submitted_at = clock.now()
        return self.get(day)

    def correct(self, day: date, name: str, value: Any, reason: str) -> DayLogView:
        """Change a section of a SUBMITTED log: kept in the audit trail with the reason."""
        value = check_section(name, value)
        with self.db.writing(TOPIC) as s:
            log = self._log(s, day, create=False)
            if log.status != "submitted":
                raise InvalidValue("log_not_submitted", field="daylog")
            sections = json.loads(log.sections)
            if name == escalations.SECTION:  # an answer already there stays
                value = escalations.keep_answers(sections.get(name) or [], value)
            changes = {f"sections.{name}": (sections.get(name), value)}
            audit.record_change(s, log, "daylog", changes, reason)
            sections[name] = value
            log.sections = json.dumps(sections, ensure_ascii=False, sort_keys=True)
        return self.get(day)

    def record_return(self, day: date, at: datetime, reason: str = "") -> DayLogView:
        """回到单位: the time the manager was back at the office on ``day`` (one action on
        return; the log is created if there is none). Changing a recorded time, or recording
        one on a submitted log, is a correction: it needs a reason and is audited (the
        submitted snapshot follows)."""
        reason = clean_text(reason)
        if at.date() != day:
            raise InvalidValue("return_other_day", field="returned_at", value=at.isoformat(" "))
        at = at.replace(second=0, microsecond=0)
        if at > clock.now():  # 「不准弄虚作假」: recorded on return, not ahead of it
            value = at.strftime("%Y-%m-%d %H:%M")
            raise InvalidValue("return_in_future", field="returned_at", value=value)
        with self.db.writing(TOPIC) as s:
            log = self._log(s, day, create=True)
            last = s.scalar(
                select(func.max(Visit.left_at)).where(
                    Visit.manager_id == log.manager_id,
                    Visit.visit_date == day,
                    Visit.status == "done",
                )
            )
            if last is not None and at < last.replace(second=0, microsecond=0):
                raise InvalidValue(
                    "return_before_departure", field="returned_at", value=at.strftime("%H:%M")
                )
            if log.returned_at != at:
                if log.returned_at is not None or log.status == "submitted":
                    changes = {"returned_at": (log.returned_at, at)}
                    audit.record_change(s, log, "daylog", changes, reason)
                log.returned_at = at
                if log.status == "submitted":
                    snapshot = {**json.loads(log.facts), **return_facts(day, at)}
                    log.facts = json.dumps(snapshot, ensure_ascii=False)
        return self.get(day)

    def answer_escalation(
        self, day: date, escalation_id: str, answer: str, answered_by: str = ""
    ) -> DayLogView:
        """The department head's answer to an escalated problem closes it (tracked until
        answered, also after the log was submitted). ``answered_by``: who answered (default:
        the manager who records it); when: now. An answer the head wrote on the department
        server comes down by sync instead (``routine.escalations.merge_answers``)."""
        answer = clean_prose(answer)  # as saved: control and zero-width characters dropped
        if not answer:
            raise InvalidValue("required", field="answer")
        with self.db.writing(TOPIC) as s:
            log = self._log(s, day, create=False)
            by = clean_prose(answered_by) or _manager_name(s, log.manager_id)
            sections = json.loads(log.sections)
            rows = sections.get("escalations", [])
            row = next((r for r in rows if r.get("id") == escalation_id), None)
            if row is None:
                raise InvalidValue("unknown_escalation", field="escalations")
            row.update(escalations.answer_fields(answer, by[:50], clock.now()))
            log.sections = json.dumps(sections, ensure_ascii=False, sort_keys=True)
        return self.get(day)

    def open_escalations(self) -> list[tuple[date, dict[str, Any]]]:
        """Escalated problems not answered yet, oldest first."""
        with self.db.reading() as s:
            manager_id = self.db.current_manager_id(s)
            logs = s.execute(
                select(DayLog.log_date, DayLog.sections)
                .where(DayLog.manager_id == manager_id)
                .order_by(DayLog.log_date)
            ).all()
        return [
            (day, row)
            for day, text in logs
            for row in json.loads(text).get("escalations", [])
            if not row.get("answered")
        ]

    def _log(self, s: Session, day: date, *, create: bool) -> DayLog:
        manager_id = self.db.current_manager_id(s)
        log = _find_log(s, manager_id, day)
        if log is None:
            if not create:
                raise InvalidValue("no_log", field="day")
            log = DayLog(manager_id=manager_id, log_date=day, sections="{}", facts="{}")
            s.add(log)
            s.flush()
        return log


def _manager_name(s: Session, manager_id: str) -> str:
    return s.scalar(select(Manager.name).where(Manager.id == manager_id)) or ""


def _find_log(s: Session, manager_id: str, day: date) -> DayLog | None:
    """The manager's log of ``day``, if there is one."""
    return s.scalars(
        select(DayLog).where(DayLog.manager_id == manager_id, DayLog.log_date == day)
    ).first()


def _plain(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        out = {k: _plain(v) for k, v in asdict(value).items()}
        for prop in ("order_rate", "per_carton_fen", "fill_rate"):
            if hasattr(value, prop):
                out[prop] = getattr(value, prop)
        for name in ("figures", "last_week", "month_to_date"):
            sub = getattr(value, name, None)
            if sub is not None:
                out[name] = _plain(sub)
        return out
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def check_section(name: str, value: Any) -> Any:
    if name in TEXT_SECTIONS:
        text = str(value or "").strip()
        if len(text) > MAX_TEXT:
            raise InvalidValue("too_long", field=name, max=MAX_TEXT)
        return text
    if name not in LIST_SECTIONS:
        raise InvalidValue("unknown_section", field=name)
    if not isinstance(value, list) or len(value) > 200:
        raise InvalidValue("invalid", field=name)
    rows = []
    for row in value:
        if not isinstance(row, dict):
            raise InvalidValue("invalid", field=name)
        clean = {k: (str(v).strip() if isinstance(v, str) else v) for k, v in row.items()}
        if name == "mutual_control" and clean.get("type") not in MUTUAL_CONTROL_TYPES:
            raise InvalidValue("unknown_mutual_control_type", field=name, value=clean.get("type"))
        if name == "escalations":
            clean.setdefault("id", _short_id())
            clean.setdefault("answered", False)
        if not str(clean.get("text", clean.get("note", ""))).strip():
            raise InvalidValue("required", field=name)
        rows.append(clean)
    return rows


def _short_id() -> str:
    return uuid.uuid4().hex[:12]


def customer_name(db: Sessions, code: str) -> str:
    with db.reading() as s:
        return s.scalar(select(Customer.shop_name).where(Customer.code == code)) or ""
