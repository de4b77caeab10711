"""What a service needs from the database, and nothing more: a read session, a write
transaction that tells listeners what changed once it committed, whose data it is (the current
manager) and where slip attachments are kept.

``fieldbook.core.journal.Journal`` satisfies :class:`Sessions`; services depend on the protocol,
never on the journal, so the layers below the facade do not import it. The current manager is
a setting of the database (``CURRENT_MANAGER_KEY``), resolved by :func:`current_manager_id`.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldbook.core.errors import FieldbookError
from fieldbook.core.store.models import Manager, Setting

CURRENT_MANAGER_KEY = "current_manager_id"


class NoProfile(FieldbookError):
    """No manager profile yet: the first run must ask for one."""

    code = "no_profile"
    is_input_error = True


class Sessions(Protocol):
    """The database as a service sees it."""

    def reading(self) -> AbstractContextManager[Session]:
        """A session to read in (nothing it does is committed)."""
        ...

    def writing(self, *topics: str) -> AbstractContextManager[Session]:
        """One transaction; ``topics`` are announced only after COMMIT returned."""
        ...

    def current_manager_id(self, session: Session) -> str:
        """The manager whose data this is; ``NoProfile`` on a fresh database."""
        ...

    def attachments_dir(self) -> Path:
        """Where slip attachments and visit photos are kept (``store.file_store``)."""
        ...


def get_setting(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return row.value if row else None


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def current_manager_id(session: Session) -> str:
    """The manager this laptop's data belongs to (the setting, else the first profile made);
    ``NoProfile`` on a fresh database."""
    value = get_setting(session, CURRENT_MANAGER_KEY)
    if value and session.get(Manager, value) is not None:
        return value
    first = session.scalars(select(Manager.id).order_by(Manager.created_at)).first()
    if first is None:
        raise NoProfile("no manager profile")
    return first
