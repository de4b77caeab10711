"""上报的问题 on the department server: the problems the managers escalated in their day logs
(「对于区域内解决不了的问题，及时上报部门负责人」), and the department head's answer to each —
an ``EscalationAnswer`` with who and when, which the manager's next sync brings into the log
(``routine.escalations.merge_answers``). The manager's log itself is not written on the
server (its roles let the head add answers, not change logs); in a single database (the demo,
a test) the answer goes into the log at once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, text

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue, NotFound
from fieldbook.core.routine.escalations import SECTION, merge_answers
from fieldbook.core.store.models import Customer, DayLog, EscalationAnswer, Manager
from fieldbook.core.text import clean_prose

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

TOPIC = "department"
MAX_ANSWER = 2000


@dataclass(frozen=True)
class EscalationRow:
    """One escalated problem, with its answer if it has one."""

    day_log_id: str
    escalation_id: str
    day: date
    manager_code: str
    manager_name: str
    customer: str  # "code name", or ""
    text: str
    answered: bool
    answer: str
    answered_by: str
    answered_at: str  # "YYYY-MM-DD HH:MM:SS" or ""


def _answer_of(row: dict[str, Any], given: tuple[str, str, str] | None) -> tuple[str, str, str]:
    """(answer, by, at): the server's answer first, else the one in the log's row."""
    if given is not None:
        return given
    if row.get("answered"):
        return (
            str(row.get("answer") or ""),
            str(row.get("answered_by") or ""),
            str(row.get("answered_at") or "")[:19],
        )
    return "", "", ""


def department_escalations(journal: Journal, *, open_only: bool = True) -> list[EscalationRow]:
    """Every manager's escalated problems (the unanswered ones only unless ``open_only`` is
    False), by manager code, oldest first."""
    with journal.reading() as s:
        logs = s.execute(
            select(DayLog.id, DayLog.log_date, DayLog.sections, Manager.code, Manager.name)
            .join(Manager, Manager.id == DayLog.manager_id)
            .where(DayLog.sections.like(f'%"{SECTION}"%'))
            .order_by(Manager.code, DayLog.log_date)
        ).all()
        answers: dict[tuple[str, str], tuple[str, str, str]] = {
            (log_id, esc): (answer, by, at.isoformat(" "))
            for log_id, esc, answer, by, at in s.execute(
                select(
                    EscalationAnswer.day_log_id,
                    EscalationAnswer.escalation_id,
                    EscalationAnswer.answer,
                    EscalationAnswer.answered_by,
                    EscalationAnswer.answered_at,
                ).where(EscalationAnswer.day_log_id.in_([r[0] for r in logs]))
            )
        }
        parsed = [(log, json.loads(log[2] or "{}").get(SECTION) or []) for log in logs]
        codes = {str(r.get("customer_code")) for _, rows in parsed for r in rows}
        names: dict[str, str] = {
            code: name
            for code, name in s.execute(
                select(Customer.code, Customer.shop_name).where(Customer.code.in_(codes))
            )
        }
    out: list[EscalationRow] = []
    for (log_id, day, _sections, code, name), rows in parsed:
        for row in rows:
            answer, by, at = _answer_of(row, answers.get((log_id, str(row.get("id")))))
            if open_only and answer:
                continue
            customer = str(row.get("customer_code") or "")
            shown = f"{customer} {names.get(customer, '')}".strip() if customer else ""
            out.append(
                EscalationRow(
                    log_id,
                    str(row.get("id")),
                    day,
                    code,
                    name,
                    shown,
                    str(row.get("text") or ""),
                    bool(answer),
                    answer,
                    by,
                    at,
                )
            )
    return out


def answer_escalation(
    journal: Journal, day_log_id: str, escalation_id: str, answer: str, *, answered_by: str
) -> EscalationRow:
    """The head's answer to one escalated problem (a second answer replaces the first), with
    who (``answered_by``) and when (now)."""
    answer = clean_prose(answer)  # zero-width and control characters are no answer
    if not answer:
        raise InvalidValue("required", field="answer")
    if len(answer) > MAX_ANSWER:
        raise InvalidValue("too_long", field="answer", max=MAX_ANSWER)
    by = clean_prose(answered_by)[:50]
    if not by:
        raise InvalidValue("required", field="answered_by")
    with journal.writing(TOPIC, "daylog") as s:
        log = s.get(DayLog, day_log_id)
        if log is None:
            raise NotFound("day_log", id=day_log_id)
        rows = json.loads(log.sections or "{}").get(SECTION) or []
        if not any(str(r.get("id")) == escalation_id for r in rows):
            raise InvalidValue("unknown_escalation", field="escalations")
        given = s.scalars(
            select(EscalationAnswer).where(
                EscalationAnswer.day_log_id == day_log_id,
                EscalationAnswer.escalation_id == escalation_id,
            )
        ).first()
        if given is None:
            given = EscalationAnswer(day_log_id=day_log_id, escalation_id=escalation_id)
            s.add(given)
        given.answer, given.answered_by, given.answered_at = answer, by, clock.now()
        s.flush()
        if s.get_bind().dialect.name != "postgresql":  # one database (the demo): the log too
            merge_answers(
                s.connection(),
                [{"day_log_id": day_log_id, "escalation_id": escalation_id, "answer": answer,
                  "answered_by": by, "answered_at": given.answered_at}],
            )  # fmt: skip
    found = department_escalations(journal, open_only=False)
    return next(r for r in found if (r.day_log_id, r.escalation_id) == (day_log_id, escalation_id))


def viewer_name(journal: Journal) -> str:
    """Who is answering: the login's display name (else its role name) on the department
    server; "" elsewhere (the caller names someone)."""
    if journal.engine.dialect.name != "postgresql":
        return ""
    with journal.reading() as s:
        row = s.execute(
            text(
                "SELECT display_name, role_name FROM public.server_users"
                " WHERE role_name = current_user"
            )
        ).first()
    return "" if row is None else str(row[0] or row[1])
