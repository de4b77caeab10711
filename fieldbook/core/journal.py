"""The facade the UI, the CLI and the tests drive: ``Journal.open(url)``.

Each use case opens its own Session and transaction and returns plain frozen data. After a
write commits, the journal tells its listeners which topics changed (``"customers"``,
``"skus"``, ...) so that screens can refresh.

The concept services are built on first use (:class:`LazyService`): opening the journal
imports none of them, so a command or a first page pays only for the services it uses (the
desktop app's start-up, ``fieldbook`` commands). Each is named as ``"module:Class"``; its
type is checked through the ``TYPE_CHECKING`` imports below.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar, overload

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from fieldbook.core import outputs
from fieldbook.core.errors import InvalidValue
from fieldbook.core.paths import data_dir
from fieldbook.core.store import db, dbfile, migrate, recovery, sessions
from fieldbook.core.store.backup import create_backup
from fieldbook.core.store.check import QuickCheck
from fieldbook.core.store.file_store import attachments_dir_for
from fieldbook.core.store.models import Customer, Manager

# The facade raises these; front ends catch them from here.
from fieldbook.core.store.sessions import CURRENT_MANAGER_KEY as CURRENT_MANAGER_KEY
from fieldbook.core.store.sessions import NoProfile as NoProfile

if TYPE_CHECKING:
    from fieldbook.core.master.catalog import CatalogService
    from fieldbook.core.master.customers import CustomerService
    from fieldbook.core.master.form_unit import FormUnitService
    from fieldbook.core.master.profile import ProfileService
    from fieldbook.core.master.routes import RouteService
    from fieldbook.core.master.supply import SupplyService
    from fieldbook.core.routine.attendance import AttendanceService
    from fieldbook.core.routine.daylog import DayLogService
    from fieldbook.core.routine.followups import FollowUpService
    from fieldbook.core.routine.plan import PlanService
    from fieldbook.core.routine.target_entry import TargetService
    from fieldbook.core.routine.visit_photos import VisitPhotoService
    from fieldbook.core.routine.visits import VisitService
    from fieldbook.core.routine.week import WeekService
    from fieldbook.core.slips.service import SlipService

log = logging.getLogger(__name__)
ChangeListener = Callable[[frozenset[str]], None]
S = TypeVar("S")


class LazyService(Generic[S]):
    """A journal attribute holding one concept service, built (its module imported) the first
    time it is read and kept on that journal. ``target`` is ``"module:Class"``; the class is
    called with the journal (its ``Sessions``)."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type) -> LazyService[S]: ...

    @overload
    def __get__(self, instance: Journal, owner: type) -> S: ...

    def __get__(self, instance: Journal | None, owner: type) -> LazyService[S] | S:
        if instance is None:
            return self
        module, cls = self.target.split(":")
        built: S = getattr(importlib.import_module(module), cls)(instance)
        # Two threads may build one at once: both get the one stored first.
        service: S = instance.__dict__.setdefault(self.name, built)
        return service


class Journal:
    """Opens the database and exposes the concept services; satisfies
    ``fieldbook.core.store.sessions.Sessions``, which is all the services see of it."""

    #: The start-up integrity check (None when not run); ``complete`` False means the budget
    #: ran out on a big file and the app should finish ``check.quick_check`` in background.
    startup_check: QuickCheck | None = None

    # The concept services, each built on first use.
    profile: LazyService[ProfileService] = LazyService(
        "fieldbook.core.master.profile:ProfileService"
    )
    form_unit: LazyService[FormUnitService] = LazyService(
        "fieldbook.core.master.form_unit:FormUnitService"
    )
    customers: LazyService[CustomerService] = LazyService(
        "fieldbook.core.master.customers:CustomerService"
    )
    routes: LazyService[RouteService] = LazyService("fieldbook.core.master.routes:RouteService")
    catalog: LazyService[CatalogService] = LazyService(
        "fieldbook.core.master.catalog:CatalogService"
    )
    supply: LazyService[SupplyService] = LazyService("fieldbook.core.master.supply:SupplyService")
    plans: LazyService[PlanService] = LazyService("fieldbook.core.routine.plan:PlanService")
    visits: LazyService[VisitService] = LazyService("fieldbook.core.routine.visits:VisitService")
    photos: LazyService[VisitPhotoService] = LazyService(
        "fieldbook.core.routine.visit_photos:VisitPhotoService"
    )
    slips: LazyService[SlipService] = LazyService("fieldbook.core.slips.service:SlipService")
    followups: LazyService[FollowUpService] = LazyService(
        "fieldbook.core.routine.followups:FollowUpService"
    )
    daylogs: LazyService[DayLogService] = LazyService("fieldbook.core.routine.daylog:DayLogService")
    weeks: LazyService[WeekService] = LazyService("fieldbook.core.routine.week:WeekService")
    attendance: LazyService[AttendanceService] = LazyService(
        "fieldbook.core.routine.attendance:AttendanceService"
    )
    targets: LazyService[TargetService] = LazyService(
        "fieldbook.core.routine.target_entry:TargetService"
    )

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._listeners: list[ChangeListener] = []
        self._manager: str | None = None  # set on a view made by for_manager()
        self._owns_engine = True

    @classmethod
    def open(
        cls,
        url: str,
        *,
        backup_before_migration: bool = True,
        script_location: Path | None = None,
        check_integrity: bool = True,
        create: bool = True,
    ) -> Journal:
        """Open (creating if needed) and migrate the database at ``url``.

        A database that needs migrating is backed up first; a database from a newer
        Fieldbook raises ``DatabaseTooNew`` and is left untouched. With ``check_integrity``
        an existing SQLite file is quick-checked first: a damaged one raises
        ``DatabaseDamaged`` (moved aside, newest good backup offered), a wrong passphrase
        ``WrongPassphrase`` (nothing touched); then its schema is compared with what the
        migrations create: ``SchemaMismatch`` / ``NotFieldbookDatabase`` (nothing touched).
        Anything that is not a Fieldbook database at all (a folder, a device, a text file,
        another program's SQLite file) raises ``DatabaseRefused`` untouched, and so does a
        path with nothing there unless ``create``.
        """
        # Only a Fieldbook database (or, with ``create``, a new one) is touched at all.
        dbfile.vet(url, create=create)
        # Start-up check (fieldbook.core.store.recovery): never migrate or write into garbage.
        # The schema must be exactly what the migrations make (no planted trigger, nothing
        # dropped): checked on the same read-only connection (fieldbook.core.store.schema_check).
        checked = (
            recovery.check_on_open(url, script_location=script_location)
            if check_integrity
            else None
        )
        engine = db.make_engine(url)
        try:
            path = db.engine_path(engine)
            if path is not None:
                outputs.protect_database(path)

            existing = migrate.current_revision(engine) is not None

            def backup() -> None:
                if backup_before_migration and path is not None and existing:
                    create_backup(engine, label="pre-migration")

            migrate.upgrade(engine, script_location=script_location, before=backup)
        except BaseException:
            engine.dispose()
            raise
        journal = cls(engine)
        journal.startup_check = checked
        return journal

    # --- plumbing -----------------------------------------------------------------------
    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def db_path(self) -> Path | None:
        return db.engine_path(self.engine)

    def attachments_dir(self) -> Path:
        """Where slip attachments and visit photos are kept (``store.file_store``): beside a
        SQLite database, else the data folder."""
        path = self.db_path
        return attachments_dir_for(path if path is not None else data_dir() / "fieldbook")

    def close(self) -> None:
        if self._owns_engine:
            self.engine.dispose()

    def for_manager(self, code: str) -> Journal:
        """The same database seen as the manager with ``code`` — on a department server, one
        manager's week report, figures and workbooks. The view shares this journal's engine
        (closing it closes nothing)."""
        with self.reading() as s:
            manager_id = s.scalars(select(Manager.id).where(Manager.code == code.strip())).first()
        if manager_id is None:
            raise InvalidValue("unknown_manager", field="manager", value=code)
        view = Journal(self.engine)
        view._manager, view._owns_engine = manager_id, False
        return view

    def on_change(self, listener: ChangeListener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def notify(self, topics: frozenset[str]) -> None:
        """Tell listeners what changed. The write has committed: a failing listener is
        logged and never turns a saved change into a reported failure."""
        for listener in list(self._listeners):
            try:
                listener(topics)
            except Exception:
                log.exception("change listener failed for %s", sorted(topics))

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with db.read_session(self.engine) as session:
            yield session

    @contextmanager
    def writing(self, *topics: str) -> Iterator[Session]:
        """One transaction; listeners hear ``topics`` only after COMMIT returned."""
        with db.write_session(self.engine) as session:
            yield session
        if topics:
            self.notify(frozenset(topics))

    # --- settings and the current manager ------------------------------------------------
    def get_setting(self, session: Session, key: str) -> str | None:
        return sessions.get_setting(session, key)

    def set_setting(self, session: Session, key: str, value: str) -> None:
        sessions.set_setting(session, key, value)

    def current_manager_id(self, session: Session) -> str:
        """The manager this laptop's data belongs to (or the one a ``for_manager`` view shows);
        ``NoProfile`` on a fresh database."""
        if self._manager is not None:
            return self._manager
        return sessions.current_manager_id(session)

    def is_empty(self) -> bool:
        """True on first run: no profile and no customers."""
        with self.reading() as s:
            has_manager = s.scalars(select(Manager.id).limit(1)).first() is not None
            has_customer = s.scalars(select(Customer.id).limit(1)).first() is not None
        return not (has_manager or has_customer)
