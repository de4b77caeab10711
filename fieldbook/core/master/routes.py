"""Routes (线路): a named, ordered set of customers, usually one per weekday."""

from __future__ import annotations

import builtins
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldbook.core.errors import InvalidValue, NotFound
from fieldbook.core.store.models import Customer, Route
from fieldbook.core.store.sessions import NoProfile, Sessions
from fieldbook.core.text import clean_text

TOPIC = "routes"


@dataclass(frozen=True)
class RouteRow:
    id: str
    name: str
    weekday: int | None
    customer_count: int


def route_for_name(s: Session, manager_id: str, name: str) -> Route:
    """The manager's route called ``name``, created when it does not exist yet."""
    name = clean_text(name)
    route = s.scalars(
        select(Route).where(Route.manager_id == manager_id, Route.name == name)
    ).first()
    if route is None:
        route = Route(manager_id=manager_id, name=name)
        s.add(route)
        s.flush()
    return route


def next_position(s: Session, route_id: str) -> int:
    top = s.scalar(select(func.max(Customer.route_position)).where(Customer.route_id == route_id))
    return (top or 0) + 1


def infer_weekdays(s: Session, manager_id: str) -> None:
    """Routes without a weekday take the order weekday most of their customers share."""
    for route in s.scalars(
        select(Route).where(Route.manager_id == manager_id, Route.weekday.is_(None))
    ):
        days = Counter(
            d
            for d in s.scalars(select(Customer.order_weekday).where(Customer.route_id == route.id))
            if d is not None
        )
        if days:
            route.weekday = days.most_common(1)[0][0]


class RouteService:
    def __init__(self, db: Sessions) -> None:
        self.db = db

    def list(self) -> builtins.list[RouteRow]:
        """The current manager's routes, by weekday."""
        counts = (
            select(Customer.route_id, func.count().label("n"))
            .group_by(Customer.route_id)
            .subquery()
        )
        stmt = (
            select(Route.id, Route.name, Route.weekday, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.route_id == Route.id)
            .order_by(func.coalesce(Route.weekday, 99), Route.name)
        )
        with self.db.reading() as s:
            try:
                stmt = stmt.where(Route.manager_id == self.db.current_manager_id(s))
            except NoProfile:
                return []
            return [RouteRow(*r) for r in s.execute(stmt)]

    def customer_ids(self, route_id: str) -> builtins.list[str]:
        with self.db.reading() as s:
            return list(
                s.scalars(
                    select(Customer.id)
                    .where(Customer.route_id == route_id)
                    .order_by(Customer.route_position, Customer.code)
                )
            )

    def save(self, route_id: str | None, name: str, weekday: int | None) -> RouteRow:
        name = clean_text(name)
        if not name:
            raise InvalidValue("required", field="name")
        if weekday is not None and not 1 <= weekday <= 7:
            raise InvalidValue("unknown_weekday", field="weekday")
        with self.db.writing(TOPIC) as s:
            manager_id = self.db.current_manager_id(s)
            clash = s.scalar(
                select(Route.id).where(Route.manager_id == manager_id, Route.name == name)
            )
            if clash is not None and clash != route_id:
                raise InvalidValue("duplicate", field="name", value=name)
            route = Route(manager_id=manager_id) if route_id is None else s.get(Route, route_id)
            if route is None:
                raise NotFound("route", id=route_id)
            if route_id is None:
                s.add(route)
            route.name, route.weekday = name, weekday
            s.flush()
            rid = route.id
        return next(r for r in self.list() if r.id == rid)

    def set_order(self, route_id: str, customer_ids: builtins.list[str]) -> None:
        """Put the route's customers in this order (every customer of the route, once)."""
        with self.db.writing(TOPIC, "customers") as s:
            current = set(s.scalars(select(Customer.id).where(Customer.route_id == route_id)))
            if set(customer_ids) != current or len(customer_ids) != len(current):
                raise InvalidValue("route_order_mismatch", field="customers")
            for position, cid in enumerate(customer_ids, start=1):
                s.get_one(Customer, cid).route_position = position
