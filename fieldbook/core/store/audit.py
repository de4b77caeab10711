"""修改记录: the audit trail of changes to submitted records.

Every changed field is one ``AuditEntry``, appended inside the caller's own transaction (so
the change and its record commit together or not at all). Entries are numbered by ``seq``
(1, 2, 3, ...) and chained: ``hash`` = SHA-256 of the canonical JSON of the entry's fields
including ``prev_hash``, the previous entry's hash (64 zeros for the first). The database
refuses UPDATE and DELETE on the table (triggers, migration 0003_audit).

:func:`verify` walks the chain and reports the first entry that does not fit. The chain proves
that nothing was changed, removed or slipped in *unless the whole tail was recomputed or cut
off*: a trail whose last entries were deleted (or all of them) is still a valid chain. So the
chain's *head* (how many entries, the last one's hash: :class:`ChainHead`) is also kept where
tampering with the database file alone cannot reach it — in the backup folder's head log at
every backup and restore (``head_log.recorded_heads``), and in the footer of every week/month
report workbook (:func:`footer_text`) — and :func:`verify` compares the chain with each head
it is given: fewer entries than a head recorded means entries were deleted; a different hash
at that entry means the trail was rewritten. Each head-log line also records how its trail
fitted the heads before it (``head_log.fit_of``), so a cut trail restored with the app's own
restore does not become a clean baseline. What verify cannot prove: that nothing happened
after the newest head kept elsewhere, or anything at all when the head log and every
exported head were changed together with the database (docs/decisions/0013-audit-chain-head.md).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldbook.core.errors import InvalidValue
from fieldbook.core.store.models import AuditEntry, local_now, new_id
from fieldbook.core.text import clean_data, clean_free_text

GENESIS = "0" * 64
TOPIC = "audit"


class DbApi(Protocol):
    """A DB-API connection (``sqlite3``'s, or SQLCipher's: ``crypto.connect``)."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any: ...


class Reading(Protocol):
    """What reading the trail needs: read sessions (the journal, or any ``Sessions``)."""

    def reading(self) -> AbstractContextManager[Session]: ...


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


@dataclass
class Chain:
    """The trail's tail (the last entry's ``seq`` and hash), extended entry by entry: the one
    place an entry's ``seq``, ``prev_hash`` and ``hash`` are computed, whoever writes the
    entries (:func:`record`, or the demo generator inserting rows in bulk)."""

    seq: int = 0
    prev: str = GENESIS

    @classmethod
    def tail_of(cls, session: Session) -> Chain:
        """The chain as it ends in ``session``'s database now."""
        last = session.execute(
            select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
        ).first()
        return cls(last[0], last[1]) if last else cls()

    def extend(
        self,
        changes: Mapping[str, tuple[Any, Any]],
        *,
        new_id: Callable[[], str],
        at: datetime,
        manager_id: str,
        record_type: str,
        record_id: str,
        reason: str,
    ) -> list[dict[str, Any]]:
        """The column values (hash included) of one new entry per changed field (``changes``:
        field → (old, new); fields in name order, unchanged pairs skipped), chained after this
        tail, which moves on past them."""
        entries: list[dict[str, Any]] = []
        for field in sorted(changes):
            old, new = (encode_value(v) for v in changes[field])
            if old == new:
                continue
            self.seq += 1
            entry: dict[str, Any] = {
                "id": new_id(),
                "seq": self.seq,
                "at": at,
                "manager_id": manager_id,
                "record_type": record_type,
                "record_id": record_id,
                "field": field,
                "old_value": old,
                "new_value": new,
                "reason": reason,
                "prev_hash": self.prev,
            }
            entry["hash"] = self.prev = entry_hash(entry)
            entries.append(entry)
        return entries


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
    chain = Chain.tail_of(session)
    added: list[AuditRecord] = []
    for fields in chain.extend(
        changes,
        new_id=new_id,
        at=at or local_now(),
        manager_id=manager_id,
        record_type=record_type,
        record_id=record_id,
        reason=reason,
    ):
        entry = AuditEntry(**fields)
        session.add(entry)
        added.append(_record(entry))
    session.flush()
    return added


class Owned(Protocol):
    """A manager's record, as the trail names it: its owner and its id."""

    @property
    def id(self) -> str: ...
    @property
    def manager_id(self) -> str: ...


def record_change(
    session: Session,
    row: Owned,
    record_type: str,
    changes: Mapping[str, tuple[Any, Any]],
    reason: str,
) -> list[AuditRecord]:
    """:func:`record` for a change of ``row`` (a manager's record of ``record_type``)."""
    return record(
        session,
        manager_id=row.manager_id,
        record_type=record_type,
        record_id=row.id,
        changes=changes,
        reason=reason,
    )


def history(sessions: Reading, record_type: str, record_id: str) -> list[AuditRecord]:
    """Every recorded change of one record, oldest first."""
    with sessions.reading() as s:
        rows = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.record_type == record_type, AuditEntry.record_id == record_id)
            .order_by(AuditEntry.seq)
        )
        return [_record(e) for e in rows]


# --- the chain's head, kept elsewhere -----------------------------------------------------------
#: A head given by hand may be abbreviated (as people copy it), but not below this.
MIN_HASH_PREFIX = 8
FOOTER_PREFIX = "审计链"
_FOOTER = re.compile(r"审计链[^：:]*[：:]\s*(\d+)\s*条[，,]\s*末条哈希\s*([0-9a-f]{8,64})")
_GIVEN = re.compile(rf"\s*(\d+)\s*:\s*([0-9a-fA-F]{{{MIN_HASH_PREFIX},64}})\s*")


@dataclass(frozen=True)
class ChainHead:
    """What the trail looked like at some moment, kept outside the database: ``count``
    entries, the last one's hash ``hash`` (GENESIS, or "", for an empty trail). ``source``:
    ``backup``, ``restore`` (the backup folder's head log), ``workbook`` or ``given``;
    ``where``: the backup or workbook file; ``at``: when it was recorded (None: unknown)."""

    count: int
    hash: str
    source: str = "given"
    where: str = ""
    at: datetime | None = None
    #: head-log lines only: how the trail fitted the heads recorded before it
    #: (``head_log.fit_of``: "recorded", "extends", "diverges"; "" for a line written before
    #: this was checked), the live trail's entries just before a restore (None: unknown),
    #: and for "diverges" the recorded head it did not fit and how ("truncated"/"rewritten")
    fits: str = ""
    before: int | None = None
    misfit: ChainHead | None = None
    misfit_problem: str = ""
    #: backup lines only: SHA-256 of the backup file as written ("" for a line written before
    #: digests were recorded): only that very file is a rollback the log can vouch for
    digest: str = ""


def _has_trail(con: DbApi) -> bool:
    """Whether the database behind a DB-API connection has the audit table at all."""
    found = con.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_entries'"
    ).fetchone()[0]
    return bool(found)


def head_of_connection(con: DbApi) -> tuple[int, str]:
    """(entries, last hash) of the trail in a DB-API connection; (0, GENESIS) when the
    database has no trail (yet)."""
    if not _has_trail(con):
        return 0, GENESIS
    count = con.execute("SELECT count(*) FROM audit_entries").fetchone()[0]
    row = con.execute("SELECT hash FROM audit_entries ORDER BY seq DESC LIMIT 1").fetchone()
    return int(count), str(row[0]) if row else GENESIS


def hashes_of_connection(con: DbApi, counts: Iterable[int]) -> dict[int, str]:
    """The hash of the entry at each of ``counts`` (by ``seq``) in a DB-API connection, where
    there is one: enough to tell whether the trail fits heads recorded elsewhere."""
    found: dict[int, str] = {}
    if not _has_trail(con):
        return found
    for count in sorted(set(counts)):
        if count > 0:
            row = con.execute("SELECT hash FROM audit_entries WHERE seq = ?", (count,)).fetchone()
            if row is not None:
                found[count] = str(row[0])
    return found


def chain_head(sessions: Reading) -> ChainHead:
    """The trail's head now (cheap: a count and one row, no walk)."""
    with sessions.reading() as s:
        count = s.scalar(select(func.count()).select_from(AuditEntry)) or 0
        last = s.scalar(select(AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1))
    return ChainHead(int(count), last or GENESIS, source="now")


def footer_text(head: ChainHead) -> str:
    """The line a report workbook carries (``audit verify --head BOOK.xlsx`` reads it)."""
    return f"{FOOTER_PREFIX}（导出时）：{head.count} 条，末条哈希 {head.hash}"


def heads_in_text(text: str, *, where: str = "") -> list[ChainHead]:
    """Every footer line (:func:`footer_text`) in ``text``."""
    return [
        ChainHead(int(m[1]), m[2], source="workbook", where=where) for m in _FOOTER.finditer(text)
    ]


def parse_head(text: str) -> ChainHead | None:
    """``N:HASH`` (the hash may be abbreviated to its first 8 digits), or None."""
    m = _GIVEN.fullmatch(text)
    return ChainHead(int(m[1]), m[2].lower()) if m else None


# --- verifying ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    count: int  # entries checked
    head_hash: str  # the last entry's hash (GENESIS when empty): keep it elsewhere
    broken_seq: int | float | None = None  # the first entry that does not fit
    broken_id: str | None = None
    # "gap", "prev_mismatch", "hash_mismatch" (the chain itself), or against a head kept
    # elsewhere: "truncated" (fewer entries than it recorded) or "rewritten" (another hash)
    problem: str | None = None
    expected_seq: int | None = None  # for a gap: the seq that should have come next
    head: ChainHead | None = None  # the head that does not fit ("truncated"/"rewritten")
    heads_checked: int = 0  # how many heads kept elsewhere the chain was compared with


def against_heads(
    count: int, hashes: Mapping[int, str], heads: Sequence[ChainHead]
) -> tuple[str, ChainHead] | None:
    """The worst head a chain of ``count`` entries (``hashes``: its hash at each head's
    count) does not fit: a truncation (the longest head first), else a rewrite."""
    truncated = [h for h in heads if h.count > count]
    if truncated:
        return "truncated", max(truncated, key=lambda h: (h.count, h.at or datetime.min))
    rewritten = [
        h for h in heads if h.count > 0 and not hashes.get(h.count, "").startswith(h.hash.lower())
    ]
    if rewritten:
        return "rewritten", max(rewritten, key=lambda h: (h.count, h.at or datetime.min))
    return None


def verify(sessions: Reading, heads: Sequence[ChainHead] = ()) -> VerifyReport:
    """Walk the chain in ``seq`` order; report the first entry whose seq is not the next
    number (``gap``: a row removed, or one slipped in), whose ``prev_hash`` is not the hash of
    the entry before (``prev_mismatch``), or whose own hash does not match its fields
    (``hash_mismatch``: changed after it was written). A sound chain is then compared with
    each of ``heads`` (kept outside the database): ``truncated`` when it has fewer entries
    than a head recorded (the last ones were deleted), ``rewritten`` when its entry at that
    count has another hash."""
    count = 0
    prev = GENESIS
    wanted = {h.count for h in heads}
    hashes: dict[int, str] = {}
    with sessions.reading() as s:
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
            if count in wanted:
                hashes[count] = entry.hash
    misfit = against_heads(count, hashes, heads)
    if misfit is not None:
        problem, head = misfit
        return VerifyReport(
            False, count, prev, problem=problem, head=head, heads_checked=len(heads)
        )
    return VerifyReport(True, count, prev, heads_checked=len(heads))
