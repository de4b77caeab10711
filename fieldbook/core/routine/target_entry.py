"""Setting a monthly target (销量任务), typed or imported: what a valid target is, and the one
audited write (``record_type`` "target"). The computation is ``routine.targets``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldbook.core import workdays
from fieldbook.core.errors import InvalidValue
from fieldbook.core.master.catalog import price_classes
from fieldbook.core.routine.targets import (
    CLASS,
    SKU,
    TOTAL,
    MonthProgress,
    TargetRow,
    month_progress,
    month_targets,
    scope_label,
    target_rules,
)
from fieldbook.core.store import audit
from fieldbook.core.store.models import Sku, Target
from fieldbook.core.store.sessions import Sessions

TOPIC = "targets"
RECORD_TYPE = "target"


@dataclass(frozen=True)
class TargetInput:
    """One target as typed or read from a row (amounts in fen)."""

    month: str
    scope: str = TOTAL
    key: str = ""
    cartons: int | None = None
    amount_fen: int | None = None
    per_carton_fen: int | None = None


def check_target(s: Session, t: TargetInput) -> TargetInput:
    """``t`` when it is a valid target, else ``InvalidValue`` naming the field."""
    workdays.month_range(t.month)
    rules = target_rules()
    if not rules.years[0] <= int(t.month[:4]) <= rules.years[1]:
        raise InvalidValue("month", field="month", value=t.month)
    if t.scope not in rules.scopes:
        raise InvalidValue("target_scope", field="scope", value=t.scope)
    key = "" if t.scope == TOTAL else t.key.strip()
    if t.scope == CLASS and key not in {str(pc.code) for pc in price_classes()}:
        raise InvalidValue("target_class", field="price_class_key", value=key)
    if t.scope == SKU and s.scalar(select(Sku.id).where(Sku.code == key)) is None:
        raise InvalidValue("target_sku", field="sku", value=key)
    limits = (
        ("cartons", t.cartons, rules.max_cartons, 1),
        ("amount", t.amount_fen, rules.max_amount_fen, 100),
        ("per_carton", t.per_carton_fen, rules.max_per_carton_fen, 100),
    )
    for name, value, most, unit in limits:
        if value is None:
            continue
        if value <= 0:
            raise InvalidValue("target_positive", field=name, value=_shown(value, unit))
        if value > most:
            raise InvalidValue(
                "target_too_large", field=name, value=_shown(value, unit), max=most // unit
            )
    if (t.cartons, t.amount_fen, t.per_carton_fen) == (None, None, None):
        raise InvalidValue("target_empty", field="cartons")
    return TargetInput(t.month, t.scope, key, t.cartons, t.amount_fen, t.per_carton_fen)


def _shown(value: int, unit: int) -> str:
    return str(value) if unit == 1 else f"{value / unit:g}"


def write_targets(s: Session, manager_id: str, targets: Iterable[TargetInput], reason: str) -> int:
    """Insert or change each target (checked beforehand), audited; how many changed."""
    changed = 0
    for t in targets:
        row = s.scalars(
            select(Target).where(
                Target.manager_id == manager_id,
                Target.month == t.month,
                Target.scope == t.scope,
                Target.scope_key == t.key,
            )
        ).first()
        if row is None:
            row = Target(manager_id=manager_id, month=t.month, scope=t.scope, scope_key=t.key)
            s.add(row)
            s.flush()
        old = (row.cartons, row.amount_fen, row.per_carton_fen)
        new = (t.cartons, t.amount_fen, t.per_carton_fen)
        if old == new:
            continue
        names = ("cartons", "amount_fen", "per_carton_fen")
        changes = dict(zip(names, zip(old, new, strict=True), strict=True))
        label = scope_label(s, t.scope, t.key)
        audit.record_change(s, row, RECORD_TYPE, changes, f"{reason}：{t.month} {label}")
        row.cartons, row.amount_fen, row.per_carton_fen = new
        changed += 1
    return changed


def _to_clear(s: Session, manager_id: str, t: TargetInput) -> TargetInput | None:
    """``t`` with no figure, naming a target that is set: the target to clear (else None)."""
    if (t.cartons, t.amount_fen, t.per_carton_fen) != (None, None, None):
        return None
    key = "" if t.scope == TOTAL else t.key.strip()
    if t.scope not in target_rules().scopes or not re.fullmatch(r"\d{4}-\d{2}", t.month):
        return None
    held = {(r.scope, r.key) for r in month_targets(s, manager_id, t.month)}
    return TargetInput(t.month, t.scope, key) if (t.scope, key) in held else None


class TargetService:
    """The current manager's targets: set (checked, audited), list, progress on a date."""

    def __init__(self, db: Sessions) -> None:
        self.db = db

    def set(self, target: TargetInput, reason: str = "设定月度任务") -> TargetInput:
        """Set a target; every figure left empty on a target that is set clears it (a target
        typed for the wrong SKU or class could not be taken back)."""
        with self.db.writing(TOPIC, "daylog", "week") as s:
            me = self.db.current_manager_id(s)
            cleared = _to_clear(s, me, target)
            if cleared is not None:
                write_targets(s, me, [cleared], "清除月度任务")
                return cleared
            checked = check_target(s, target)
            write_targets(s, me, [checked], reason)
        return checked

    def list(self, month: str) -> list[TargetRow]:
        workdays.month_range(month)
        with self.db.reading() as s:
            return month_targets(s, self.db.current_manager_id(s), month)

    def progress(self, day: date) -> MonthProgress:
        with self.db.reading() as s:
            return month_progress(s, self.db.current_manager_id(s), day)
