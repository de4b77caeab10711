"""What the settings page hands to the DB worker: the profile with the server address, and a
sync that remembers the address first."""

from __future__ import annotations

from fieldbook.core.journal import Journal
from fieldbook.core.master.profile import Profile
from fieldbook.core.server.sync import SERVER_KEY, sync
from fieldbook.core.server.sync_address import SyncAddress
from fieldbook.core.server.sync_report import SyncReport


def load_settings(j: Journal) -> tuple[Profile | None, str]:
    """The manager's profile and the department server's address (empty when none)."""
    with j.reading() as s:
        server = j.get_setting(s, SERVER_KEY) or ""
    return j.profile.get(), server


def remember_and_sync(j: Journal, address: SyncAddress) -> SyncReport:
    """Store the address (never the password), then sync with the server."""
    with j.writing() as s:
        j.set_setting(s, SERVER_KEY, address.stored)
    return sync(j, address.connect)
