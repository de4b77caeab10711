"""修改记录: the audit trail of changes to submitted records.

Every changed field is one ``AuditEntry``, appended inside the caller's own transaction (so
the change and its record commit together or not at all). Entries are numbered by ``seq``
(1, 2, 3, ...) and chained: ``hash`` = SHA-256 of the canonical JSON of the entry's fields
including ``prev_hash``, the previous entry's hash (64 zeros for the first). The database
refuses UPDATE and DELETE on the table (triggers, migration 0003_audit).

:func:`verify` walks the chain and reports the first entry that does not fit. The chain proves
that nothing was changed, removed or slipped in *unless the whole tail was recomputed*; to
detect even that, keep ``VerifyReport.head_hash`` somewhere else (an export, a report sent on).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldbook.core.errors import InvalidValue
from fieldbook.core.models import AuditEntry, local_now, new_id
from fieldbook.core.normalize import clean_data, clean_free_text

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

GENESIS = "0" * 64
TOPIC = "audit"
HASHED_FIELDS = (
    "id",
    "seq",
    "at",
    "manager_id",
    "record_type",
    "record_id",
    "field",
    "old_value",
    "new_value",
    "reason",
    "prev_hash",
)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"cannot record a {type(value).__name__} in the audit trail")


def encode_value(value: Any) -> str | None:
    """A field value as canonical JSON text (None stays NULL: "no value"). Its strings are
    cleaned as the database's door cleans every text (normalize.clean_data), so the entry is
    hashed over exactly what is stored."""
    if value is None:
        return None
    return json.dumps(clean_data(value), ensure_ascii=False, sort_keys=True, default=_plain)


def decode_value(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def entry_hash(fields: Mapping[str, Any]) -> str:
    """SHA-256 over the canonical JSON of the hashed fields (sorted keys, no spaces, UTF-8)."""
    data = {name: fields[name] for name in HASHED_FIELDS}
    at = data["at"]
    data["at"] = at.isoformat(sep=" ") if isinstance(at, datetime) else str(at)
    data["seq"] = int(data["seq"])
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _fields(entry: AuditEntry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in HASHED_FIELDS}


@dataclass(frozen=True)
class AuditRecord:
    """One entry as plain data, values decoded."""

    seq: int
    at: datetime
    manager_id: str
    record_type: str
    record_id: str
    field: str
    old_value: Any
    new_value: Any
    reason: str
    hash: str


def _record(entry: AuditEntry) -> AuditRecord:
    return AuditRecord(
        entry.seq,
        entry.at,
        entry.manager_id,
        entry.record_type,
        entry.record_id,
        entry.field,
        decode_value(entry.old_value),
        decode_value(entry.new_value),
        entry.reason,
        entry.hash,
    )


def record(
    session: Session,
    *,
    manager_id: str,
    record_type: str,
    record_id: str,
    changes: Mapping[str, tuple[Any, Any]],
    reason: str,
    at: datetime | None = None,
) -> list[AuditRecord]:
    """Append one entry per changed field (``changes``: field → (old, new); unchanged pairs
    are skipped) within the caller's transaction. A correction needs a reason. On SQLite the
    caller's write transaction (BEGIN IMMEDIATE) serialises appenders; on PostgreSQL the unique
    ``seq`` makes a concurrent appender fail rather than fork the chain."""
    # hashed as stored: the database's door would drop what clean_free_text drops
    reason = clean_free_text(reason or "").strip()
    if not reason:
        raise InvalidValue("reason_required", field="reason")
    at = at or local_now()
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    seq, prev = (last[0], last[1]) if last else (0, GENESIS)
    added: list[AuditRecord] = []
    for field in sorted(changes):
        old, new = changes[field]
        old_text, new_text = encode_value(old), encode_value(new)
        if old_text == new_text:
            continue
        seq += 1
        entry = AuditEntry(
            id=new_id(),
            seq=seq,
            at=at,
            manager_id=manager_id,
            record_type=record_type,
            record_id=record_id,
            field=field,
            old_value=old_text,
            new_value=new_text,
            reason=reason,
            prev_hash=prev,
        )
        entry.hash = entry_hash(_fields(entry))
        prev = entry.hash
        session.add(entry)
        added.append(_record(entry))
    session.flush()
    return added


def history(journal: Journal, record_type: str, record_id: str) -> list[AuditRecord]:
    """Every recorded change of one record, oldest first."""
    with journal.reading() as s:
        rows = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.record_type == record_type, AuditEntry.record_id == record_id)
            .order_by(AuditEntry.seq)
        )
        return [_record(e) for e in rows]


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    count: int  # entries checked
    head_hash: str  # the last entry's hash (GENESIS when empty): keep it elsewhere
    broken_seq: int | float | None = None  # the first entry that does not fit
    broken_id: str | None = None
    problem: str | None = None  # "gap", "prev_mismatch" or "hash_mismatch"
    expected_seq: int | None = None  # for a gap: the seq that should have come next


def verify(journal: Journal) -> VerifyReport:
    """Walk the chain in ``seq`` order; report the first entry whose seq is not the next
    number (``gap``: a row removed, or one slipped in), whose ``prev_hash`` is not the hash of
    the entry before (``prev_mismatch``), or whose own hash does not match its fields
    (``hash_mismatch``: changed after it was written)."""
    count = 0
    prev = GENESIS
    with journal.reading() as s:
        for entry in s.scalars(select(AuditEntry).order_by(AuditEntry.seq)).yield_per(1000):
            expected = count + 1
            broken = None
            if entry.seq != expected or not isinstance(entry.seq, int):
                broken = "gap"
            elif entry.prev_hash != prev:
                broken = "prev_mismatch"
            elif entry_hash(_fields(entry)) != entry.hash:
                broken = "hash_mismatch"
            if broken:
                return VerifyReport(
                    False, count, prev, entry.seq, entry.id, broken, expected_seq=expected
                )
            prev = entry.hash
            count += 1
    return VerifyReport(True, count, prev)
