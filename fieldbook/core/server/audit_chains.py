"""修改记录 on the department server: each manager's chain of laptop entries (decision 0030).

A laptop's trail is one chain per database (``seq`` per database; fieldbook.core.store.audit)
and may hold entries of more than one profile, so the server cannot keep laptops' ``seq``.
It keeps every laptop entry as it was written (fields, ``seq``, ``prev_hash``, ``hash``: its
hash still recomputes) in its manager's own chain (``ManagerAuditEntry``): ``mseq`` 1, 2, 3 …
per manager, in the order the entries arrived, each linked to the one before by
``link`` = SHA-256 over (manager, mseq, laptop hash, previous link). ``origin`` names the
laptop database an entry came from, so the laptop's own links can be checked too wherever
two entries of one laptop follow each other there.

:func:`verify_chains` walks each manager's chain; :func:`audit_heads` is each manager's head
(entries, last link) in one query, for whatever shows the director the server's state.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, select

from fieldbook.core.store.audit import GENESIS, HASHED_FIELDS, entry_hash
from fieldbook.core.store.models import Manager, ManagerAuditEntry


def link_of(manager_id: str, mseq: int, entry: str, link_prev: str) -> str:
    """The link of a manager's ``mseq``-th entry (laptop hash ``entry``) after ``link_prev``."""
    data = {"manager_id": manager_id, "mseq": int(mseq), "hash": entry, "link_prev": link_prev}
    text = json.dumps(data, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AuditHead:
    """A manager's chain on the server: ``count`` entries, the last ``link`` (GENESIS: none)."""

    manager_id: str
    code: str
    name: str
    count: int
    link: str


@dataclass(frozen=True)
class ChainCheck:
    """One manager's chain walked: ``ok``, or the first entry (``mseq``, laptop ``seq``) that
    does not fit and how (``problem``): ``gap`` (a number missing or repeated),
    ``hash_mismatch`` (its fields do not give its hash: changed after it was written),
    ``link_mismatch`` (its link is not the one after the entry before: removed, reordered or
    slipped in), ``laptop_link`` (it does not follow the laptop entry before it)."""

    head: AuditHead
    ok: bool
    mseq: int | None = None
    seq: int | None = None
    problem: str = ""


def audit_heads(engine: Engine, manager_code: str | None = None) -> list[AuditHead]:
    """Every manager's head on the server (by code), or the one of ``manager_code``."""
    e = ManagerAuditEntry
    last = (
        select(e.manager_id, func.count().label("n"), func.max(e.mseq).label("top"))
        .group_by(e.manager_id)
        .subquery()
    )
    stmt = (
        select(Manager.id, Manager.code, Manager.name, func.coalesce(last.c.n, 0), e.link)
        .outerjoin(last, last.c.manager_id == Manager.id)
        .outerjoin(e, (e.manager_id == Manager.id) & (e.mseq == last.c.top))
        .order_by(Manager.code)
    )
    if manager_code is not None:
        stmt = stmt.where(Manager.code == manager_code.strip().upper())
    with engine.connect() as con:
        return [
            AuditHead(mid, code, name, int(n), link or GENESIS)
            for mid, code, name, n, link in con.execute(stmt)
        ]


def _problem(row: Any, expected: int, prev_link: str, laptop: dict[str, tuple[int, str]]) -> str:
    if row.mseq != expected:
        return "gap"
    if entry_hash({name: getattr(row, name) for name in HASHED_FIELDS}) != row.hash:
        return "hash_mismatch"
    if row.link_prev != prev_link or link_of(row.manager_id, row.mseq, row.hash, prev_link) != (
        row.link
    ):
        return "link_mismatch"
    seq, last = laptop.get(row.origin, (0, GENESIS))
    if row.seq <= seq or (row.seq == seq + 1 and row.prev_hash != last):
        return "laptop_link"
    return ""


def _check(engine: Engine, head: AuditHead) -> ChainCheck:
    e = ManagerAuditEntry
    expected, prev_link = 1, GENESIS
    laptop: dict[str, tuple[int, str]] = {}  # origin → its last (seq, hash) so far
    with engine.connect() as con:
        rows = con.execution_options(yield_per=1000).execute(
            select(e).where(e.manager_id == head.manager_id).order_by(e.mseq)
        )
        for row in rows:
            problem = _problem(row, expected, prev_link, laptop)
            if problem:
                return ChainCheck(head, False, row.mseq, row.seq, problem)
            expected, prev_link = expected + 1, row.link
            laptop[row.origin] = (row.seq, row.hash)
    return ChainCheck(head, True)


def verify_chains(engine: Engine, manager_code: str | None = None) -> list[ChainCheck]:
    """Walk each manager's chain (or ``manager_code``'s): every entry's hash recomputes from
    its fields, every link holds, ``mseq`` runs 1, 2, 3 … without a gap."""
    return [_check(engine, head) for head in audit_heads(engine, manager_code)]
