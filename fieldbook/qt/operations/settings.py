"""What the settings page hands to the DB worker: the profile with the server address, and a
sync that remembers the address first."""

from __future__ import annotations

from fieldbook.core.journal import Journal
from fieldbook.core.master.form_unit import FormUnit
from fieldbook.core.master.profile import Profile, ProfileInput
from fieldbook.core.server.sync import SERVER_KEY, sync
from fieldbook.core.server.sync_address import SyncAddress
from fieldbook.core.server.sync_report import Progress, SyncReport


def load_settings(j: Journal) -> tuple[Profile | None, str, FormUnit]:
    """The manager's profile, the department server's address (empty when none) and the unit
    the forms are made out in."""
    with j.reading() as s:
        server = j.get_setting(s, SERVER_KEY) or ""
    return j.profile.get(), server, j.form_unit.get()


def save_profile_and_unit(
    j: Journal, profile: ProfileInput, unit: FormUnit
) -> tuple[Profile, FormUnit]:
    """Save the profile and the forms' unit (both already checked by their forms)."""
    return j.profile.save(profile), j.form_unit.save(unit)


def remember_and_sync(
    j: Journal, address: SyncAddress, progress: Progress | None = None
) -> SyncReport:
    """Store the address (never the password), then sync with the server, telling
    ``progress`` (on the worker's thread) what it does and when the server is busy."""
    with j.writing() as s:
        j.set_setting(s, SERVER_KEY, address.stored)
    return sync(j, address.connect, progress=progress)
