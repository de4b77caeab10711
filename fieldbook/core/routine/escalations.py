"""上报部门负责人的问题: the answers to the problems a manager escalates in a day log
(「对于区域内解决不了的问题，及时上报部门负责人」). An escalation is a row of the log's
``escalations`` section ({id, text, customer_code, answered, answer, answered_by,
answered_at}); its answer is written either on the laptop (the manager records what the head
said) or by the head on the department server (``EscalationAnswer``), which a sync brings down
into the row. An answer, once there, stays: a later save of the section from a screen that
had not seen it yet keeps it (:func:`keep_answers`)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Connection, select, update

from fieldbook.core.resources import load_reference
from fieldbook.core.store.models import Base

SECTION = "escalations"
ANSWER_KEYS = ("answered", "answer", "answered_by", "answered_at")


@cache
def head_department() -> str:
    """The department whose head answers escalations (``schema/reference/escalations.toml``)."""
    return str(load_reference("escalations")["head_department"])


def answer_fields(answer: str, answered_by: str, answered_at: datetime) -> dict[str, Any]:
    """The keys an answer sets on its escalation row."""
    return {
        "answered": True,
        "answer": answer,
        "answered_by": answered_by,
        "answered_at": answered_at.isoformat(" ", timespec="seconds"),
    }


def keep_answers(
    stored: Iterable[Mapping[str, Any]], rows: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """``rows`` (a save of the section), with the answers already stored for their ids kept
    where a row comes without one: a screen loaded before a sync brought an answer down must
    not take it away."""
    answered = {r.get("id"): r for r in stored if r.get("answered")}
    out = []
    for row in rows:
        known = answered.get(row.get("id"))
        if known is not None and not row.get("answered"):
            row = {**row, **{k: known.get(k) for k in ANSWER_KEYS if k in known}}
        out.append(row)
    return out


def apply_answers(sections_text: str, answers: Iterable[Mapping[str, Any]]) -> str | None:
    """The log's sections (JSON text) with ``answers`` (``EscalationAnswer`` rows as dicts:
    escalation_id, answer, answered_by, answered_at) written into their escalation rows; None
    when nothing changes (answers already there, or rows no longer in the log)."""
    sections = json.loads(sections_text or "{}")
    rows = sections.get(SECTION) or []
    by_id = {r.get("id"): r for r in rows if isinstance(r, dict)}
    changed = False
    for a in answers:
        row = by_id.get(a["escalation_id"])
        if row is None:
            continue
        fields = answer_fields(str(a["answer"]), str(a["answered_by"]), a["answered_at"])
        if any(row.get(k) != v for k, v in fields.items()):
            row.update(fields)
            changed = True
    return json.dumps(sections, ensure_ascii=False, sort_keys=True) if changed else None


def merge_answers(conn: Connection, answers: list[dict[str, Any]]) -> int:
    """Write the server's ``answers`` into the escalation rows of the logs on ``conn`` (the
    laptop); returns how many logs changed. The log's ``updated_at`` stays: the answer is the
    server's already, and the manager's own later edits keep it (:func:`keep_answers`)."""
    logs = Base.metadata.tables["day_logs"]
    by_log: dict[str, list[dict[str, Any]]] = {}
    for a in answers:
        by_log.setdefault(a["day_log_id"], []).append(a)
    if not by_log:
        return 0
    changed = 0
    found = conn.execute(select(logs.c.id, logs.c.sections).where(logs.c.id.in_(list(by_log))))
    for log_id, text in found.all():
        merged = apply_answers(text, by_log[log_id])
        if merged is not None:
            # updated_at named: its onupdate default would otherwise stamp the log as edited
            stay = logs.c.updated_at
            conn.execute(
                update(logs).where(logs.c.id == log_id).values(sections=merged, updated_at=stay)
            )
            changed += 1
    return changed
