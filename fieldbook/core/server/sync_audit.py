"""The audit trail's part of a sync: the laptop's entries of this manager go up into the
manager's chain on the server (fieldbook.core.server.audit_chains; decision 0030).

The server's head of this laptop's entries (the last one it has from this laptop database,
``origin``) is the cursor: only entries past its ``seq`` are read. Before anything goes up the
laptop compares its chain with that head: the entry must still be here, with the same id and
hash, and its fields must still give that hash. If not, entries the server already has were
deleted or changed here: no audit entry goes up, the sync reports a problem and a
``SyncConflict`` (``audit_diverged``, the server's copy kept), and the rest of the sync runs on.
Each batch is committed on the server by itself (the next sync starts from the new head), so
a sync cut off between batches resumes, and a second sync moves nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, func, insert, select, text

from fieldbook.core.server.audit_chains import link_of
from fieldbook.core.server.sync_held import SyncProblem
from fieldbook.core.server.sync_origin import laptop_origin
from fieldbook.core.server.sync_report import SyncConflict, SyncReport
from fieldbook.core.store.audit import GENESIS, HASHED_FIELDS, entry_hash
from fieldbook.core.store.models import AuditEntry, Manager, ManagerAuditEntry

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

TABLE = "audit_entries"


def _difference(here: AuditEntry | None, entry_id: str, hash_: str) -> str:
    """Empty if ``here`` (the laptop's entry at some number) is the entry the server has (id
    ``entry_id``, hash ``hash_``), else ``audit_deleted`` (gone, or another entry in its
    place) or ``audit_rewritten`` (the same entry, other fields or another hash)."""
    if here is None or here.id != entry_id:
        return "audit_deleted"
    fields = {n: getattr(here, n) for n in HASHED_FIELDS}
    if here.hash != hash_ or entry_hash(fields) != hash_:
        return "audit_rewritten"
    return ""


class AuditPush:
    """Pushes ``journal``'s audit entries of one manager to ``server``, counting in ``report``;
    ``committed`` is called after each server commit (the sync's interruption point)."""

    def __init__(
        self,
        journal: Journal,
        server: Engine,
        report: SyncReport,
        batch: int,
        committed: Callable[[], None],
    ) -> None:
        self.j, self.server, self.report = journal, server, report
        self.batch, self.committed = batch, committed

    def run(self, manager: str) -> None:
        origin = laptop_origin(self.j, self.report.notices)
        e = ManagerAuditEntry
        with self.server.connect() as remote:
            head = remote.execute(
                select(e.id, e.seq, e.hash)
                .where(e.manager_id == manager, e.origin == origin)
                .order_by(e.mseq.desc())
                .limit(1)
            ).first()
        since = 0
        if head is not None:
            if self._diverged(head.id, head.seq, head.hash):
                self._report(manager, *self._first_difference(manager, origin))
                return
            since = head.seq
        while True:
            with self.j.reading() as s:
                entries = s.scalars(
                    select(AuditEntry)
                    .where(AuditEntry.manager_id == manager, AuditEntry.seq > since)
                    .order_by(AuditEntry.seq)
                    .limit(self.batch)
                ).all()
                rows = [{n: getattr(x, n) for n in (*HASHED_FIELDS, "hash")} for x in entries]
            if not rows:
                return
            with self.server.begin() as remote:
                clash = self._append(remote, manager, origin, rows)
            self.committed()
            if clash is not None:
                self._report(manager, "audit_rewritten", clash["id"], clash["seq"], "")
                return
            since = rows[-1]["seq"]

    def _diverged(self, entry_id: str, seq: int, hash_: str) -> str:
        """Empty if this laptop's entry ``seq`` is still the one the server has (id
        ``entry_id``, hash ``hash_``), else what happened to it (:func:`_difference`)."""
        with self.j.reading() as s:
            here = s.scalars(select(AuditEntry).where(AuditEntry.seq == seq)).first()
            return _difference(here, entry_id, hash_)

    def _first_difference(self, manager: str, origin: str) -> tuple[str, str, int, str]:
        """(kind, id, seq, server hash) of the first entry the server has from this laptop
        that is no longer here as it was sent. Only when the head did not fit (tampering):
        every entry the server has from this laptop is then compared."""
        e = ManagerAuditEntry
        with self.server.connect() as remote:
            sent = remote.execute(
                select(e.id, e.seq, e.hash)
                .where(e.manager_id == manager, e.origin == origin)
                .order_by(e.mseq)
            ).all()
        with self.j.reading() as s:
            top = max(r.seq for r in sent)
            here = {x.seq: x for x in s.scalars(select(AuditEntry).where(AuditEntry.seq <= top))}
            for row in sent:
                kind = _difference(here.get(row.seq), row.id, row.hash)
                if kind:
                    return kind, row.id, row.seq, row.hash
        last = sent[-1]  # (not reached: the head itself differs)
        return "audit_rewritten", last.id, last.seq, last.hash

    def _append(
        self, remote: Connection, manager: str, origin: str, rows: list[dict[str, Any]]
    ) -> dict[str, Any] | None:
        """Append ``rows`` to the manager's chain on the server; the first row the server
        already has with another hash is returned (nothing of this batch is then written)."""
        e = ManagerAuditEntry
        # one appender per manager at a time: two laptops of one manager syncing together
        remote.execute(text("SELECT pg_advisory_xact_lock(hashtext(:m))"), {"m": manager})
        known = dict(
            remote.execute(select(e.id, e.hash).where(e.id.in_([r["id"] for r in rows]))).all()
        )
        for row in rows:
            if row["id"] in known and known[row["id"]] != row["hash"]:
                return row  # (nothing written yet)
        top = remote.execute(
            select(e.mseq, e.link).where(e.manager_id == manager).order_by(e.mseq.desc()).limit(1)
        ).first()
        mseq, link = (top.mseq, top.link) if top else (0, GENESIS)
        new = []
        for row in rows:
            if row["id"] in known:  # sent before (from this laptop under another origin)
                continue
            mseq += 1
            entry = link_of(manager, mseq, row["hash"], link)
            new.append({**row, "mseq": mseq, "origin": origin, "link_prev": link, "link": entry})
            link = entry
        if new:
            remote.execute(insert(ManagerAuditEntry), new)
        self.report.add("up", TABLE, len(new))
        return None

    def _report(self, manager: str, kind: str, entry_id: str, seq: int, hash_: str) -> None:
        """Say it: a problem (the manager's code, the laptop's entry number) and a conflict."""
        with self.j.reading() as s:
            code = s.scalar(select(Manager.code).where(Manager.id == manager)) or manager
            count = s.scalar(select(func.count()).select_from(AuditEntry)) or 0
        self.report.problems.append(SyncProblem(kind, code, seq))
        self.report.conflict(
            SyncConflict(
                "audit_diverged",
                TABLE,
                entry_id,
                f"{code} #{seq}",
                "server",
                f"{hash_[:12] or '?'} / {count}",  # the server's head hash, entries here
            )
        )
