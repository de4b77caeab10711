"""Attachment files between a laptop and the department server (decision 0031).

A slip's attachment row names its file by SHA-256 (``store.file_store``); the server keeps
each content once, as a blob (``attachment_blobs``) in chunks (``attachment_chunks``), however
many slips or laptops name it. After the rows went up (``sync_units``: a slip with its
attachments' metadata):

- **up**: each file the manager's attachments on the server name and the server does not have
  complete is checked here (there, not over the size limit, still the content its name says)
  and sent chunk by chunk, each chunk committed on its own, so an interrupted sync resumes
  from the first missing chunk; then the blob is marked complete, which the server allows only
  when the chunks hash to the name (a trigger). A blob already complete is never sent again.
- **down**: each file an attachment of this laptop names that is not in ``attachments/`` is
  fetched from a complete blob into a hidden partial file (resumed from its last whole chunk),
  checked against its SHA-256 and size, and only then renamed to its kept name.

A file over the limit, missing here, or changed since it was attached is not sent: a problem
names the slip and the file, and everything else syncs.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.exc import DBAPIError

from fieldbook.core import clock
from fieldbook.core.paths import ensure_private_dir
from fieldbook.core.resources import load_reference
from fieldbook.core.server.sync_held import SyncProblem
from fieldbook.core.server.sync_report import SyncReport
from fieldbook.core.server.sync_writes import T, insert_for
from fieldbook.core.store.file_store import file_sha256, is_stored_name

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

FETCH_GROUP = 16  # chunks read from the server per query when fetching


@dataclass(frozen=True)
class BlobRules:
    """``schema/reference/attachments.toml`` ``[sync]``: the largest file sent, the chunk."""

    max_bytes: int
    chunk_bytes: int


def blob_rules() -> BlobRules:
    ref = load_reference("attachments")["sync"]
    return BlobRules(int(ref["max_mb"]) * 1024 * 1024, int(ref["chunk_kib"]) * 1024)


@dataclass(frozen=True)
class Named:
    """A file as this laptop's attachments name it: the first slip and file name naming it."""

    sha256: str
    stored_name: str
    size: int
    slip: str  # the slip's number
    filename: str

    @property
    def label(self) -> str:
        return f"{self.slip}「{self.filename}」"


class Blobs:
    """The files of one manager's attachments, up and down; ``problems`` what was not sent."""

    def __init__(self, journal: Journal, server: Engine, report: SyncReport) -> None:
        self.j, self.server, self.report = journal, server, report
        self.rules = blob_rules()
        self.folder = journal.attachments_dir()
        self._unsent: dict[str, SyncProblem] = {}  # sha256 -> why its file was not sent

    def problems(self) -> list[SyncProblem]:
        return list(self._unsent.values())

    def _named_here(self, manager: str) -> dict[tuple[str, str], Named]:
        """(sha256, stored name) → the first attachment naming it (the same content may be
        kept under two names: the suffix is the source's)."""
        atts, slips = T["slip_attachments"], T["slips"]
        stmt = (
            select(atts.c.sha256, atts.c.stored_name, atts.c.size, slips.c.number, atts.c.filename)
            .join(slips, slips.c.id == atts.c.slip_id)
            .where(slips.c.manager_id == manager)
            .order_by(slips.c.number, atts.c.added_at)
        )
        named: dict[tuple[str, str], Named] = {}
        with self.j.engine.connect() as local:
            for row in local.execute(stmt):
                found = Named(*row)
                if not is_stored_name(found.sha256, found.stored_name):
                    self._refuse("refused", found)  # a path, not a kept file's name
                    continue
                named.setdefault((row[0], row[1]), found)
        return named

    def _on_server(self, manager: str) -> dict[str, tuple[bool, int] | None]:
        """sha256 of every file the manager's attachments on the server name → (complete,
        chunk size) of its blob, or None when the server has no blob of it yet."""
        atts, slips, blobs = T["slip_attachments"], T["slips"], T["attachment_blobs"]
        stmt = (
            select(atts.c.sha256, blobs.c.complete, blobs.c.chunk_size)
            .join(slips, slips.c.id == atts.c.slip_id)
            .outerjoin(blobs, blobs.c.sha256 == atts.c.sha256)
            .where(slips.c.manager_id == manager)
            .distinct()
        )
        with self.server.connect() as remote:
            return {
                sha: None if complete is None else (bool(complete), int(size))
                for sha, complete, size in remote.execute(stmt)
            }

    # --- up ------------------------------------------------------------------------------------
    def push(self, manager: str) -> None:
        """Send every file the server names for this manager and lacks (see the module)."""
        here: dict[str, Named] = {}
        for (sha, _stored), named in self._named_here(manager).items():
            if sha not in here or not (self.folder / here[sha].stored_name).exists():
                here[sha] = named  # the first naming it, or one whose file is here
        for sha, blob in self._on_server(manager).items():
            if sha not in here or (blob is not None and blob[0]):
                continue
            named = here[sha]
            if self._checked(named):
                self._send(named, blob[1] if blob else self.rules.chunk_bytes)

    def _refuse(self, kind: str, named: Named) -> None:
        self._unsent[named.sha256] = SyncProblem(f"attachment_{kind}", named.label)

    def _checked(self, named: Named) -> bool:
        """Whether the kept file may go up: within the limit, there, its content unchanged."""
        path = self.folder / named.stored_name
        if named.size > self.rules.max_bytes:
            self._refuse("too_large", named)
            return False
        try:
            if path.stat().st_size > self.rules.max_bytes:
                self._refuse("too_large", named)
                return False
            ok = path.stat().st_size == named.size and file_sha256(path) == named.sha256
        except FileNotFoundError:
            return False  # perhaps another laptop's: fetched below, reported if not
        if not ok:
            self._refuse("changed", named)
        return ok

    def _send(self, named: Named, chunk_bytes: int, again: bool = True) -> None:
        """Send the file's missing chunks and mark its blob complete. A blob another login
        made that cannot be this content (another size, a chunk size not this laptop's) is
        started over; if the server refuses the content (a wrong chunk another login slipped
        in), the blob is cleared and sent once more, whole, in this sync."""
        blobs, chunks = T["attachment_blobs"], T["attachment_chunks"]
        if not self._blob_fits(named, chunk_bytes):
            chunk_bytes = self.rules.chunk_bytes
        with self.server.begin() as remote:
            remote.execute(
                insert_for(remote)(blobs)
                .values(
                    sha256=named.sha256,
                    size=named.size,
                    chunk_size=chunk_bytes,
                    complete=False,
                    created_at=clock.now(),
                )
                .on_conflict_do_nothing(index_elements=["sha256"])
            )
            have = set(
                remote.execute(
                    select(chunks.c.seq).where(chunks.c.sha256 == named.sha256)
                ).scalars()
            )
        count = -(-named.size // chunk_bytes)
        with open(self.folder / named.stored_name, "rb") as fh:
            for seq in range(count):
                if seq in have:
                    continue
                fh.seek(seq * chunk_bytes)
                self.send_chunk(named.sha256, seq, fh.read(chunk_bytes))
        try:
            with self.server.begin() as remote:
                remote.execute(
                    update(blobs)
                    .where(blobs.c.sha256 == named.sha256, blobs.c.complete.is_(False))
                    .values(complete=True)
                )
        except DBAPIError as exc:
            if "does not match its name" not in str(exc.orig or exc):
                raise
            self._clear(named.sha256)  # what the server holds is wrong: start over
            if again:
                self._send(named, self.rules.chunk_bytes, again=False)
            else:
                self._refuse("refused", named)
            return
        self.report.add("up", "attachment_blobs", 1)

    def _blob_fits(self, named: Named, chunk_bytes: int) -> bool:
        """Whether the server's incomplete blob of this content (if any) is resumed: only one
        of this file's size in this laptop's chunks. Any other (another login's, or one begun
        before the chunk size was configured otherwise) is cleared (decision 0034)."""
        blobs = T["attachment_blobs"]
        with self.server.connect() as remote:
            size = remote.execute(
                select(blobs.c.size).where(blobs.c.sha256 == named.sha256)
            ).scalar()
        if size is None or (size == named.size and chunk_bytes == self.rules.chunk_bytes):
            return True
        self._clear(named.sha256)
        return False

    def _clear(self, sha256: str) -> None:
        """Delete an incomplete blob and its chunks (``roles_blobs``: a manager may, of the
        blobs their own attachments name)."""
        blobs, chunks = T["attachment_blobs"], T["attachment_chunks"]
        with self.server.begin() as remote:
            remote.execute(delete(chunks).where(chunks.c.sha256 == sha256))
            remote.execute(
                delete(blobs).where(blobs.c.sha256 == sha256, blobs.c.complete.is_(False))
            )

    def send_chunk(self, sha256: str, seq: int, data: bytes) -> None:
        """One chunk, committed on its own (what an interrupted sync keeps)."""
        chunks = T["attachment_chunks"]
        with self.server.begin() as remote:
            stmt = insert_for(remote)(chunks).values(sha256=sha256, seq=seq, data=data)
            remote.execute(stmt.on_conflict_do_nothing(index_elements=["sha256", "seq"]))
        self.report.add("up", "attachment_chunks", 1)

    # --- down ----------------------------------------------------------------------------------
    def fetch(self, manager: str) -> None:
        """Fetch every file this laptop's attachments name and ``attachments/`` lacks."""
        lacking = [
            named
            for named in self._named_here(manager).values()
            if not (self.folder / named.stored_name).exists()
        ]
        if not lacking:
            return
        blobs = T["attachment_blobs"]
        with self.server.connect() as remote:
            ready = {
                sha: (int(size), int(chunk))
                for sha, size, chunk in remote.execute(
                    select(blobs.c.sha256, blobs.c.size, blobs.c.chunk_size).where(
                        blobs.c.sha256.in_(sorted({n.sha256 for n in lacking})),
                        blobs.c.complete.is_(True),
                    )
                )
            }
        for named in lacking:
            sha = named.sha256
            if sha not in ready:
                self._unsent.setdefault(sha, SyncProblem("attachment_missing", named.label))
                continue
            self._unsent.pop(sha, None)
            self._fetch(named, *ready[sha])

    def _fetch(self, named: Named, size: int, chunk_bytes: int) -> None:
        ensure_private_dir(self.folder)
        target = self.folder / named.stored_name
        part = target.with_name(f".{target.name}.part")
        start = part.stat().st_size // chunk_bytes if part.exists() else 0
        with open(part, "ab") as fh:
            fh.truncate(start * chunk_bytes)  # a chunk written in part is written again
            for data in self._chunks(named.sha256, start, -(-size // chunk_bytes)):
                fh.write(data)
                fh.flush()
                self.report.add("down", "attachment_chunks", 1)
            os.fsync(fh.fileno())
        part.chmod(0o600)
        if part.stat().st_size != size or file_sha256(part) != named.sha256:
            with contextlib.suppress(FileNotFoundError):
                part.unlink()
            self._refuse("refused", named)
            return
        part.replace(target)
        self.report.add("down", "attachment_files", 1)

    def _chunks(self, sha256: str, start: int, count: int) -> Iterator[bytes]:
        """The blob's chunks from ``start``, never past its ``count`` (a chunk added after the
        end, by any login, is not read)."""
        chunks = T["attachment_chunks"]
        seq = start
        while True:
            with self.server.connect() as remote:
                got: list[Any] = list(
                    remote.execute(
                        select(chunks.c.seq, chunks.c.data)
                        .where(chunks.c.sha256 == sha256, chunks.c.seq >= seq, chunks.c.seq < count)
                        .order_by(chunks.c.seq)
                        .limit(FETCH_GROUP)
                    )
                )
            for number, data in got:
                if number != seq:
                    return  # a gap: the size check refuses what was fetched
                yield bytes(data)
                seq += 1
            if len(got) < FETCH_GROUP:
                return
