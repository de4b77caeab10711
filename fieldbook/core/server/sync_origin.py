"""Which laptop a database is, as the server's audit chains and sync log name it (its
"origin", decision 0030): a random id kept in the database's settings, bound to the computer
it was made on.

A database copied to another computer (the usual way to set up a manager's second laptop, or
a laptop replaced and restored from a backup) keeps the first one's settings. Both would then
write entries under one origin and fork: the second to sync would be reported as a tampered
trail at every sync. So the origin also records a digest of the computer's own id
(``/etc/machine-id`` on Linux, ``MachineGuid`` on Windows, ``IOPlatformUUID`` is not read: the
network card's address stands in elsewhere); when the database finds itself on another
computer it becomes a new origin, and the sync says so (a notice, and the server's sync log
shows one more laptop for the manager). On the same computer nothing changes: a trail cut
back or rewritten there is still caught. Where no stable id can be read, the origin is kept
as it is (never a new one per run)."""

from __future__ import annotations

import hashlib
import sys
import uuid
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from fieldbook.core.server.sync_held import SyncProblem
from fieldbook.core.store.models import Manager, new_id

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

#: The laptop database's name on the server (settings): the origin of its entries there.
ORIGIN_KEY = "sync.audit_origin"
#: A digest of the computer the origin was made on (settings).
MACHINE_KEY = "sync.audit_machine"
MACHINE_ID_FILES = ("/etc/machine-id", "/var/lib/dbus/machine-id")
_RANDOM_NODE = 1 << 40  # uuid.getnode(): the multicast bit marks a random, per-run value


def _raw_machine_id() -> str:
    for name in MACHINE_ID_FILES:
        try:
            raw = Path(name).read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            continue
        if raw:
            return raw
    if sys.platform == "win32":
        try:
            import winreg  # noqa: PLC0415 (Windows only)

            key = winreg.OpenKey(  # type: ignore[attr-defined,unused-ignore]
                winreg.HKEY_LOCAL_MACHINE,  # type: ignore[attr-defined,unused-ignore]
                r"SOFTWARE\Microsoft\Cryptography",
            )
            value, _ = winreg.QueryValueEx(key, "MachineGuid")  # type: ignore[attr-defined,unused-ignore]
            return str(value)
        except OSError:
            pass
    node = uuid.getnode()
    return "" if node & _RANDOM_NODE else f"{node:012x}"


@cache
def machine_id() -> str:
    """A digest of this computer's id ("" when none can be read); never the id itself."""
    raw = _raw_machine_id()
    return hashlib.sha256(f"fieldbook-origin:{raw}".encode()).hexdigest()[:32] if raw else ""


def laptop_origin(journal: Journal, notices: list[SyncProblem] | None = None) -> str:
    """This database's origin, made at its first sync, and made anew when the database is
    found on another computer than the one its origin was made on (``notices`` gets a
    ``new_laptop`` notice then)."""
    here = machine_id()
    with journal.reading() as s:
        origin = journal.get_setting(s, ORIGIN_KEY) or ""
        made_on = journal.get_setting(s, MACHINE_KEY) or ""
    if origin and made_on and here and made_on != here:
        origin = ""
        if notices is not None:
            notices.append(SyncProblem("new_laptop", journal_manager_code(journal)))
    if origin and made_on == here:
        return origin
    with journal.writing() as s:
        if not origin:
            origin = new_id()
            journal.set_setting(s, ORIGIN_KEY, origin)
        if here:
            journal.set_setting(s, MACHINE_KEY, here)
    return origin


def journal_manager_code(journal: Journal) -> str:
    with journal.reading() as s:
        manager = journal.current_manager_id(s)
        return s.scalar(select(Manager.code).where(Manager.id == manager)) or manager
