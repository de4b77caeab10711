"""The audit chain's head log: ``<stem>-audit-heads.jsonl`` in the backup folder.

Every backup and every restore appends the audit chain's head (entries, last hash) to it: a
record of the trail the database file alone cannot rewrite (``audit verify`` compares with it,
:func:`recorded_heads`). Thinning never touches it. Each line also says how that trail fitted
the heads recorded before it (:func:`fit_of`: ``recorded``, ``extends``, ``diverges``), a
restore's line the live trail's entries just before it: a restore of a cut trail is recorded
as diverging and ``audit verify`` reports it (:func:`replay`), rather than taking it as a clean
new baseline. A backup's line carries the SHA-256 of the backup file as written, and a restore
is ``recorded`` (an honest rollback) only when the file restored has the digest of a backup the
log vouches for: a trail cut back to an older backup's head is not that backup, and is judged
by the heads recorded since like any other file. Lines written before digests were recorded
prove no file: a restore from such a backup is judged the same way.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from fieldbook.core import clock
from fieldbook.core.paths import ensure_private_dir
from fieldbook.core.sqlite_files import HEADS_LOG_SUFFIX, backup_dir_for
from fieldbook.core.store.audit import ChainHead, DbApi, against_heads, hashes_of_connection


def heads_log(db_path: Path, dest_dir: Path | None = None) -> Path:
    """The backup folder's record of the audit chain's head at every backup and restore."""
    return (dest_dir or backup_dir_for(db_path)) / f"{Path(db_path).stem}{HEADS_LOG_SUFFIX}"


def record_head(
    log: Path, event: str, file: str, head: tuple[int, str], extra: Mapping[str, object]
) -> None:
    """Append one line (JSON) to the head log, fsynced: the trail's ``head`` (entries, last
    hash). A line left torn by a crash is ended first, so it cannot swallow this one.
    ``extra``: how the trail fitted (:func:`fit_fields`), the entries before a restore, the
    backup file's digest."""
    count, last = head
    line = json.dumps(
        {
            "at": clock.now().isoformat(timespec="seconds"),
            "event": event,
            "file": file,
            "count": count,
            "hash": last,
            **extra,
        },
        ensure_ascii=False,
    )
    ensure_private_dir(log.parent)
    flags = os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(log, flags, 0o600)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)
        size = os.fstat(fd).st_size
        torn = size > 0 and os.pread(fd, 1, size - 1) != b"\n"
        data = (("\n" if torn else "") + line + "\n").encode("utf-8")
        while data:
            data = data[os.write(fd, data) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def read_heads(log: Path) -> list[ChainHead]:
    try:
        text = log.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return []
    heads = []
    for line in text.splitlines():
        try:
            data = json.loads(line)
            misfit = data.get("misfit")
            head = ChainHead(
                int(data["count"]),
                str(data["hash"]),
                source=str(data["event"]),
                where=str(data["file"]),
                at=datetime.fromisoformat(str(data["at"])),
                fits=str(data.get("fits", "")),
                before=None if data.get("before") is None else int(data["before"]),
                misfit=_misfit_head(misfit) if isinstance(misfit, dict) else None,
                misfit_problem=str(misfit.get("problem", "")) if isinstance(misfit, dict) else "",
                digest=str(data.get("sha256") or ""),
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            continue  # a torn or foreign line proves nothing
        if head.source in ("backup", "restore") and head.count >= 0:
            heads.append(head)
    return heads


def _misfit_head(data: dict[str, object]) -> ChainHead:
    at = data.get("at")
    return ChainHead(
        int(str(data["count"])),
        str(data["hash"]),
        source=str(data.get("event", "")),
        where=str(data.get("file", "")),
        at=datetime.fromisoformat(str(at)) if at else None,
    )


@dataclass(frozen=True)
class Lineage:
    """The head log replayed: ``trusted``, the backups (file digest, entries, last hash)
    made while the trail was still the one the log vouches for and fitting it (an honest
    rollback may return to any of them; a backup line without a digest, written before
    digests were recorded, is none of them: nothing proves a file is that backup); ``timeline``, the
    heads since the newest restore the trail must still fit; ``tainted_by``, the line after
    which the log no longer vouches for the trail (a backup or restore of a trail that did
    not fit the heads recorded before it), None while it does."""

    trusted: frozenset[tuple[str, int, str]]
    timeline: tuple[ChainHead, ...]
    tainted_by: ChainHead | None


def replay(heads: Sequence[ChainHead]) -> Lineage:
    """:class:`Lineage` of the head log's lines, oldest first. A restore that returns to a
    trusted head clears a taint; one that extends the trail keeps the taint it found; one
    that fits nothing, or a backup of a trail that fits nothing, taints."""
    trusted: set[tuple[str, int, str]] = set()
    timeline: list[ChainHead] = []
    tainted: ChainHead | None = None
    for head in heads:
        if head.source == "restore":
            timeline = []
            if head.fits == "recorded":
                tainted = None
        if head.fits == "diverges":
            tainted = head
        elif tainted is None and head.source == "backup" and head.digest:
            trusted.add((head.digest, head.count, head.hash))
        timeline.append(head)
    return Lineage(frozenset(trusted), tuple(timeline), tainted)


def fit_of(
    lineage: Lineage, count: int, last: str, hashes: dict[int, str], digest: str = ""
) -> tuple[str, tuple[str, ChainHead] | None]:
    """How a trail of ``count`` entries (last hash ``last``; ``hashes``: its hash at the
    counts of ``lineage.timeline``) fits the log: ``recorded`` (a restore candidate whose
    file digest ``digest`` is a trusted backup's: an honest rollback), ``extends`` (it
    contains every head since the newest restore: the same trail, perhaps grown) or
    ``diverges`` with the head it does not fit (entries deleted, or a rewritten tail). A
    trail merely cut back to a trusted backup's head is not that backup: it is judged by
    the heads since, like a backup of the live trail (``digest`` "")."""
    if digest and (digest, count, last) in lineage.trusted:
        return "recorded", None
    fitting = [h for h in lineage.timeline if h.fits != "diverges"]
    misfit = against_heads(count, hashes, fitting)
    return ("extends", None) if misfit is None else ("diverges", misfit)


def fit_fields(log: Path, head: tuple[int, str], con: DbApi, digest: str = "") -> dict[str, object]:
    """The head-log fields that say how the trail behind ``con`` (a DB-API connection whose
    trail's head is ``head``; ``digest``: a restore candidate's file) fits the heads recorded
    so far in ``log``."""
    count, last = head
    lineage = replay(read_heads(log))
    hashes = hashes_of_connection(con, (h.count for h in lineage.timeline))
    fits, misfit = fit_of(lineage, count, last, hashes, digest)
    fields: dict[str, object] = {"fits": fits}
    if misfit is not None:
        problem, unfit = misfit
        fields["misfit"] = {
            "problem": problem,
            "event": unfit.source,
            "file": unfit.where,
            "count": unfit.count,
            "hash": unfit.hash,
            "at": unfit.at.isoformat(timespec="seconds") if unfit.at else None,
        }
    return fields


def restores(db_path: Path, dest_dir: Path | None = None) -> list[ChainHead]:
    """Every restore in the head log, oldest first (``fits``, ``before``, ``misfit``)."""
    return [h for h in read_heads(heads_log(db_path, dest_dir)) if h.source == "restore"]


def lineage(db_path: Path, dest_dir: Path | None = None) -> Lineage:
    """The head log of ``db_path`` replayed (:func:`replay`)."""
    return replay(read_heads(heads_log(db_path, dest_dir)))


def recorded_heads(db_path: Path, dest_dir: Path | None = None) -> list[ChainHead]:
    """The heads recorded since the newest restore (that restore's own head first): what
    the trail in the database must still contain. Heads from before a restore describe a
    trail the restore replaced on purpose."""
    heads = read_heads(heads_log(db_path, dest_dir))
    restores = [i for i, h in enumerate(heads) if h.source == "restore"]
    return heads[restores[-1] :] if restores else heads
