"""The manager's profile (客户经理): name, employee code, district unit, territory."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from fieldbook.core.errors import InvalidValue
from fieldbook.core.store.models import Manager, new_id
from fieldbook.core.store.sessions import CURRENT_MANAGER_KEY, NoProfile, Sessions, set_setting
from fieldbook.core.text import clean_code, clean_text

TOPIC = "profile"


@dataclass(frozen=True)
class Profile:
    id: str
    code: str
    name: str
    district_unit: str
    territory: str
    phone: str


@dataclass(frozen=True)
class ProfileInput:
    code: str
    name: str
    district_unit: str = ""
    territory: str = ""
    phone: str = ""


def _row(m: Manager) -> Profile:
    return Profile(m.id, m.code, m.name, m.district_unit, m.territory, m.phone)


def clean_profile(data: ProfileInput) -> ProfileInput:
    code = clean_code(data.code)
    name = clean_text(data.name)
    if not code:
        raise InvalidValue("required", field="code")
    if not name:
        raise InvalidValue("required", field="name")
    if len(name) > 50:
        raise InvalidValue("too_long", field="name", max=50)
    cleaned = ProfileInput(
        code=code,
        name=name,
        district_unit=clean_text(data.district_unit),
        territory=clean_text(data.territory),
        phone=clean_code(data.phone),
    )
    for field in ("district_unit", "territory"):  # the columns hold 50 (PostgreSQL enforces it)
        if len(getattr(cleaned, field)) > 50:
            raise InvalidValue("too_long", field=field, max=50)
    return cleaned


class ProfileService:
    def __init__(self, db: Sessions) -> None:
        self.db = db

    def get(self) -> Profile | None:
        with self.db.reading() as s:
            try:
                manager_id = self.db.current_manager_id(s)
            except NoProfile:
                return None
            return _row(s.get_one(Manager, manager_id))

    def managers(self) -> list[Profile]:
        with self.db.reading() as s:
            return [_row(m) for m in s.scalars(select(Manager).order_by(Manager.code))]

    def save(self, data: ProfileInput) -> Profile:
        """Create the profile on first run, or update the current manager's profile."""
        data = clean_profile(data)
        with self.db.writing(TOPIC) as s:
            try:
                manager = s.get_one(Manager, self.db.current_manager_id(s))
            except NoProfile:
                manager = Manager(id=new_id(), code=data.code, name=data.name)
                s.add(manager)
            clash = s.scalars(
                select(Manager).where(Manager.code == data.code, Manager.id != manager.id)
            ).first()
            if clash is not None:
                raise InvalidValue("duplicate", field="code", value=data.code)
            manager.code = data.code
            manager.name = data.name
            manager.district_unit = data.district_unit
            manager.territory = data.territory
            manager.phone = data.phone
            s.flush()
            set_setting(s, CURRENT_MANAGER_KEY, manager.id)
            return _row(manager)
