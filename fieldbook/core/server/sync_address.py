"""The department server's address as the settings page takes it: what is stored (never a
password) and what the sync connects with (the password typed beside it, or the one in the
address)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import make_url

from fieldbook.core.server.sync import address_only


@dataclass(frozen=True)
class SyncAddress:
    #: The address to remember (without a password).
    stored: str
    #: The URL to connect with (with the password, when there is one).
    connect: str


def sync_address(address: str, password: str = "") -> SyncAddress:
    """``address`` split into what is stored and what is connected to; ``password`` (typed
    beside the address) wins over one written in the address."""
    stored = address_only(address)
    secret = password or make_url(address).password
    connect = make_url(stored).set(password=secret or None).render_as_string(hide_password=False)
    return SyncAddress(stored, connect)
