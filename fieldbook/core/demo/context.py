"""The demo's shared ground: what a week generator is handed (``DemoContext``: the open write
session, its random stream, the managers and SKUs drawn so far), the reference data the demo
draws from (``schema/reference/demo.toml``), and the small helpers every generator uses.

``generate`` builds the context and runs the week generators (``visits``, ``slips``,
``orders``); they import this module, never ``generate``, so the demo has no import circle.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time
from functools import cache
from typing import Any, Protocol, TypeVar

from sqlalchemy import insert
from sqlalchemy.orm import Session

from fieldbook.core.resources import load_reference


@cache
def demo_reference() -> dict[str, Any]:
    return load_reference("demo")


def seconds_of(text: str) -> int:
    """Seconds after midnight of "HH:MM"."""
    t = time.fromisoformat(text)
    return t.hour * 3600 + t.minute * 60


@dataclass
class DemoManager:
    id: str
    code: str
    district: str
    route_ids: dict[int, str]  # weekday → route id
    customer_ids: list[str] = field(default_factory=list)


class WeekHistory(Protocol):
    """A generator's state across the weeks of one run."""

    def close(self) -> None: ...


History = TypeVar("History", bound=WeekHistory)


@dataclass
class DemoContext:
    """What a week generator can use: the open write session, its own random stream, ids."""

    session: Session
    rng: random.Random
    today: date
    new_id: Callable[[], str]
    managers: list[DemoManager]
    skus: list[dict[str, Any]]
    counts: Counter[str]
    state: dict[str, Any] = field(default_factory=dict)  # a generator's own, across weeks
    finalizers: list[Callable[[], None]] = field(default_factory=list)  # after the last week

    def history(self, key: str, make: Callable[[DemoContext], History]) -> History:
        """A generator's history across the weeks, kept in :attr:`state` under ``key``: made on
        the first week, closed after the last."""
        history: History | None = self.state.get(key)
        if history is None:
            history = self.state[key] = make(self)
            self.finalizers.append(history.close)
        return history

    def insert(self, model: type[Any], rows: list[dict[str, Any]]) -> None:
        """Bulk insert of plain dicts (all with the same keys) through Core: no ORM objects."""
        if rows:
            self.session.execute(insert(model.__table__), rows)
            self.counts[model.__tablename__] += len(rows)


#: A generator of one week of history, called oldest week first with the Monday of that week
#: (days from ``ctx.today`` on are not history).
WeekGenerator = Callable[[DemoContext, date], None]


def poisson(rng: random.Random, lam: float) -> int:
    """A Poisson draw with mean ``lam`` (Knuth's method: ``lam`` is small here)."""
    if lam <= 0:
        return 0
    limit, k, p = math.exp(-lam), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k
