"""A slip's deliveries (one per department) and their state machine: the legal moves, each
move kept as an event, and what a slip's completion does to the customer master. Every
function works in the caller's session (one transaction: a service call or a whole import)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, TypedDict, Unpack

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldbook.core.errors import InvalidValue
from fieldbook.core.master.customers import CustomerInput, customer_search_text
from fieldbook.core.store import audit
from fieldbook.core.store.models import Customer, Slip, SlipDelivery, SlipEvent
from fieldbook.core.text import clean_text

FLOW = ("pending", "sent", "received", "handled", "done")
RETURNED = "returned"


def check_move(current: str, target: str, reason: str) -> None:
    """The delivery state machine. One step forward needs nothing; skipping a step, going back,
    returning (退回) or resending after a return needs a reason that is kept."""
    if target not in (*FLOW, RETURNED):
        raise InvalidValue("unknown_state", field="state", value=target)
    if target == current:
        raise InvalidValue("same_state", field="state", value=target)
    if current == "done" and not reason:
        raise InvalidValue("reason_required", field="reason")  # reopening a 落实 delivery
    if target == RETURNED:
        if current == "pending":
            raise InvalidValue("not_sent_yet", field="state")
        if not reason:
            raise InvalidValue("reason_required", field="reason")
        return
    if current == RETURNED:
        if not reason:
            raise InvalidValue("reason_required", field="reason")
        return
    step = FLOW.index(target) - FLOW.index(current)
    if step != 1 and not reason:
        raise InvalidValue("reason_required", field="reason", skipped=step > 1)


def slip_status(states: tuple[str, ...]) -> str:
    """draft (nothing sent) → sent → in_progress → done (every department 落实); returned when
    any department sent it back."""
    if not states:
        return "draft"
    if RETURNED in states:
        return "returned"
    if all(s == "done" for s in states):
        return "done"
    if all(s == "pending" for s in states):
        return "draft"
    if all(s in ("pending", "sent") for s in states):
        return "sent"
    return "in_progress"


STATUS_NAMES = {
    "draft": "草稿",
    "sent": "已发送",
    "in_progress": "处理中",
    "done": "已办结",
    "returned": "退回",
}


class MoveWords(TypedDict, total=False):
    """What a move of a delivery says: who handled it, a note, the reason (when the move needs
    one) and the department's answer (None: keep the answer it has)."""

    actor: str
    note: str
    reason: str
    answer: str | None


def advance_in(
    s: Session,
    delivery: SlipDelivery,
    to_state: str,
    *,
    at: datetime,
    finish: bool = True,
    **words: Unpack[MoveWords],
) -> None:
    """Move ``delivery`` to ``to_state`` (see ``check_move``) in the caller's transaction (an
    import applies many rows in one). ``finish=False`` defers the slip-level consequences to a
    later ``settle_in``."""
    actor, note, reason = words.get("actor", ""), words.get("note", ""), words.get("reason", "")
    check_move(delivery.state, to_state, reason)
    move(s, delivery, to_state, actor, note, reason, words.get("answer"), at)
    if finish:
        settle_in(s, delivery.slip_id, at)


def settle_in(s: Session, slip_id: str, at: datetime) -> None:
    """Recompute a slip after its deliveries moved (completion, the customer's status)."""
    s.flush()
    settle(s, s.get_one(Slip, slip_id), at)


def move(
    s: Session,
    d: SlipDelivery,
    to_state: str,
    actor: str,
    note: str,
    reason: str,
    answer: str | None,
    at: datetime,
) -> None:
    """One move of a delivery, kept as an event (who, when, note, reason)."""
    seq = s.scalar(select(func.max(SlipEvent.seq)).where(SlipEvent.delivery_id == d.id)) or 0
    s.add(
        SlipEvent(
            delivery_id=d.id,
            seq=seq + 1,
            from_state=d.state,
            to_state=to_state,
            at=at,
            actor=clean_text(actor)[:50],
            note=note,
            reason=reason,
        )
    )
    d.state, d.updated_at = to_state, at
    if answer is not None:
        d.answer = str(answer).strip()
    if actor:
        d.handled_by = clean_text(actor)[:50]


def settle(s: Session, slip: Slip, at: datetime) -> None:
    """A slip's completion follows its deliveries' states; a completed slip acts once."""
    states = tuple(s.scalars(select(SlipDelivery.state).where(SlipDelivery.slip_id == slip.id)))
    done = slip_status(states) == "done"
    slip.completed_at = at if done else None
    slip.updated_at = at
    if done and not slip.applied_to_customer:
        apply_to_customer(s, slip)


def apply_to_customer(s: Session, slip: Slip) -> None:
    """A completed 关业 / 暂停 / 新增 slip changes the customer master, recorded in the
    audit trail with the slip number as the reason."""
    reason = f"反馈单 {slip.number} 已办结"
    if slip.category in ("closed", "suspended") and slip.customer_id:
        _change_status(s, slip, slip.customer_id, reason)
    elif slip.category == "new" and slip.customer_id is None:
        _add_customer(s, slip, reason)
    slip.applied_to_customer = True


def _change_status(s: Session, slip: Slip, customer_id: str, reason: str) -> None:
    c = s.get_one(Customer, customer_id)
    new_status = "closed" if slip.category == "closed" else "suspended"
    changes: dict[str, tuple[Any, Any]] = {"status": (c.status, new_status)}
    if slip.category == "suspended":
        changes["suspended_until"] = (c.suspended_until, slip.return_date)
        c.suspended_until = slip.return_date
    c.status = new_status
    audit.record(
        s,
        manager_id=slip.manager_id,
        record_type="customer",
        record_id=c.id,
        changes=changes,
        reason=reason,
    )


def _add_customer(s: Session, slip: Slip, reason: str) -> None:
    """A 新增 slip's shop joins the master (to be completed), unless its code exists."""
    snap = json.loads(slip.customer_snapshot or "{}")
    code = snap.get("code") or f"新增-{slip.number}"
    if s.scalar(select(Customer.id).where(Customer.code == code)) is not None:
        return
    c = Customer(
        manager_id=slip.manager_id,
        code=code,
        shop_name=snap.get("shop_name", ""),
        owner_name=snap.get("owner_name", ""),
        phone=snap.get("phone", ""),
        address=snap.get("address", ""),
        licence_no=snap.get("licence_no", ""),
        pending_completion=True,
        notes=reason,
    )
    c.search_text = customer_search_text(
        CustomerInput(code=code, shop_name=c.shop_name, owner_name=c.owner_name)
    )
    s.add(c)
    s.flush()
    slip.customer_id = c.id
    audit.record(
        s,
        manager_id=slip.manager_id,
        record_type="customer",
        record_id=c.id,
        changes={"created": (None, code)},
        reason=reason,
    )
