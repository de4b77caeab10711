"""「禁止擅自变更客户信息」: a change of a customer's 许可证号, 经营状态, 档位, 线路 or 订货日 is
audited — who (the manager), when, before → after, why — in the audit trail (record type
``customer``) and, for the department, as ``CustomerChange`` rows (synced up). A change of the
licence number or the status needs a reason unless it follows a completed slip of this
customer (关业, 暂停, 新增 or 信息变更); the rules are data: ``[changes]`` in
``schema/reference/customer.toml``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue
from fieldbook.core.resources import load_reference
from fieldbook.core.store import audit
from fieldbook.core.store.models import CustomerChange, Route, Slip
from fieldbook.core.store.sessions import Sessions
from fieldbook.core.text import clean_prose

RECORD_TYPE = "customer"


@dataclass(frozen=True)
class ChangeRules:
    audited: tuple[str, ...]  # the fields whose changes are audited
    need_reason: tuple[str, ...]  # ... of which a change outside a slip needs a reason
    slip_categories: tuple[str, ...]  # the completed slips a change may follow
    default_reason: str
    import_reason: str  # {file}


@cache
def change_rules() -> ChangeRules:
    ref = load_reference("customer")["changes"]
    return ChangeRules(
        audited=tuple(ref["audited"]),
        need_reason=tuple(ref["need_reason"]),
        slip_categories=tuple(ref["slip_categories"]),
        default_reason=str(ref["default_reason"]),
        import_reason=str(ref["import_reason"]),
    )


@dataclass(frozen=True)
class ChangeBasis:
    """Why audited fields change: the reason given, and the number of the completed slip the
    change follows ("" — none). ``source``: ``edit`` (the dialog, the CLI) or ``import``."""

    reason: str = ""
    slip_number: str = ""
    source: str = "edit"


def audited_values(s: Session, values: Mapping[str, Any], route_id: str | None) -> dict[str, Any]:
    """The audited fields of a customer (``values``: its columns; the route by name)."""
    route = s.scalar(select(Route.name).where(Route.id == route_id)) if route_id else None
    out = {name: values.get(name) for name in change_rules().audited if name != "route"}
    out["route"] = route or ""
    return out


def changed(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    """field → (before, after) for every audited field that differs ("" and None alike)."""
    out: dict[str, tuple[Any, Any]] = {}
    for name in change_rules().audited:
        old, new = before.get(name), after.get(name)
        if (old if old not in ("", None) else None) != (new if new not in ("", None) else None):
            out[name] = (old, new)
    return out


def needs_reason(fields: Mapping[str, object] | tuple[str, ...]) -> bool:
    """Whether changing ``fields`` outside a slip needs a reason (licence number, status)."""
    return any(name in change_rules().need_reason for name in fields)


def reason_for(s: Session, customer_id: str, changes: Mapping[str, Any], basis: ChangeBasis) -> str:
    """The reason to record for ``changes`` of ``customer_id``; raises InvalidValue when the
    slip given is not a completed 关业/暂停/新增/信息变更 slip of this customer, or when a
    reason is needed and none was given."""
    rules = change_rules()
    number = basis.slip_number.strip()
    if number:
        slip = s.scalars(select(Slip).where(Slip.number == number)).first()
        if (
            slip is None
            or slip.customer_id != customer_id
            or slip.category not in rules.slip_categories
            or slip.completed_at is None
        ):
            raise InvalidValue("slip_not_for_change", field="slip", value=number)
    reason = clean_prose(basis.reason or "")  # zero-width and control characters are no reason
    if not reason and not number and needs_reason(tuple(changes)):
        raise InvalidValue("customer_change_reason", field="reason")
    if number:
        follows = f"反馈单 {number} 已办结"
        return f"{follows}：{reason}" if reason else follows
    return reason or rules.default_reason


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def record_changes(
    s: Session,
    *,
    manager_id: str,
    customer_id: str,
    changes: Mapping[str, tuple[Any, Any]],
    reason: str,
    basis: ChangeBasis,
    at: datetime | None = None,
) -> None:
    """The audit entries and the department's rows of ``changes``, in ``s``'s transaction."""
    if not changes:
        return
    at = at or clock.now()
    audit.record(
        s,
        manager_id=manager_id,
        record_type=RECORD_TYPE,
        record_id=customer_id,
        changes=changes,
        reason=reason,
        at=at,
    )
    for name in sorted(changes):
        old, new = changes[name]
        s.add(
            CustomerChange(
                manager_id=manager_id,
                customer_id=customer_id,
                at=at,
                field=name,
                old_value=_text(old),
                new_value=_text(new),
                reason=reason,
                slip_number=basis.slip_number.strip(),
                source=basis.source,
            )
        )


@dataclass(frozen=True)
class SlipChoice:
    """A completed slip a change of this customer may follow (for the dialog's choice)."""

    number: str
    category: str
    completed_at: datetime


def change_slips(db: Sessions, customer_id: str) -> list[SlipChoice]:
    """The completed 关业/暂停/新增/信息变更 slips of ``customer_id``, newest first."""
    with db.reading() as s:
        rows = s.execute(
            select(Slip.number, Slip.category, Slip.completed_at)
            .where(
                Slip.customer_id == customer_id,
                Slip.category.in_(change_rules().slip_categories),
                Slip.completed_at.is_not(None),
            )
            .order_by(Slip.completed_at.desc())
        ).all()
    return [SlipChoice(n, c, at) for n, c, at in rows if at is not None]


def change_history(db: Sessions, customer_id: str) -> list[audit.AuditRecord]:
    """修改记录: every recorded change of the customer, oldest first (the audit trail: edits,
    imports, completed slips, a move to another manager)."""
    return audit.history(db, RECORD_TYPE, customer_id)
