"""Rows a sync holds back, and why (decision 0009, amended by issue 13).

A customer code is unique on the department server. When a laptop's customer has a code the
server already knows under another manager, two cases differ:

- *another record* (another id: the company's list imported on two laptops): the customer
  cannot go up, and neither can anything of this laptop that names it — a visit, its plan
  stop, a slip with its deliveries and moves, a follow-up, order lines. Everything else goes
  up as usual. A ``customer_elsewhere`` problem says so; the administrator resolves it
  (``fieldbook server reassign-customer``), and what waited goes up at the next sync;
- *the same record* (same id: the administrator moved the shop to another manager): this
  laptop's records of it are its manager's own and go up as usual (the server has the row
  they name); a ``customer_moved`` notice says the shop is now someone else's.

``HeldBack`` follows the foreign keys: a row is held when one of its references points at a
held row (of any table), and it then holds whatever points at it in turn. Each held row is
charged to the customer code it comes from, so a report says, per customer, how much waits.
Held rows are not lost: the sync keeps each push cursor at or before its earliest held row, so
they are looked at again on every sync and go up once the conflict is resolved.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from fieldbook.core.store.models import Base

T = Base.metadata.tables


@dataclass(frozen=True)
class SyncProblem:
    """Something a sync could not send, or should say. ``kind`` ``customer_elsewhere``: the
    server has the customer ``code`` as another manager's record; ``held`` rows of this laptop
    name it and wait. ``customer_moved``: the server has this very record under another
    manager now (a notice: nothing waits)."""

    kind: str
    code: str
    held: int = 0


@cache
def references(table: str) -> tuple[tuple[str, str], ...]:
    """(column, referenced table) of every foreign key of ``table``."""
    return tuple(
        (fk.parent.name, fk.column.table.name)
        for fk in T[table].foreign_keys
        if fk.column.table.name != table
    )


class HeldBack:
    """Which local rows cannot go up in this sync, each charged to a customer code."""

    def __init__(self) -> None:
        self._ids: dict[str, dict[str, str]] = {}  # table -> local id -> customer code
        self._counts: Counter[str] = Counter()
        self._codes: list[str] = []  # conflicting customers, in the order they were found
        self._moved: list[str] = []
        self._moved_ids: set[str] = set()

    def customer(self, local_id: str, code: str) -> None:
        """The server has ``code`` under another manager: this laptop's customer waits."""
        self._ids.setdefault("customers", {})[local_id] = code
        if code not in self._codes:
            self._codes.append(code)

    def moved(self, local_id: str, code: str) -> None:
        """The server has this laptop's customer record under another manager now."""
        self._moved_ids.add(local_id)
        if code not in self._moved:
            self._moved.append(code)

    @property
    def moved_ids(self) -> set[str]:
        return set(self._moved_ids)

    def __bool__(self) -> bool:
        return bool(self._codes)

    def ids(self, table: str) -> set[str]:
        return set(self._ids.get(table, {}))

    def _origin(self, table: str, row: dict[str, Any]) -> str | None:
        for column, target in references(table):
            value = row.get(column)
            held = self._ids.get(target)
            if value is not None and held and value in held:
                return held[value]
        return None

    def split(
        self, table: str, rows: list[dict[str, Any]]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """``rows`` of ``table`` → (the ones that may go up, the ones held back)."""
        if not self._ids:
            return rows, []
        keep, held = [], []
        for row in rows:
            origin = self._origin(table, row)
            if origin is None:
                keep.append(row)
                continue
            held.append(row)
            self._ids.setdefault(table, {})[row["id"]] = origin
            self._counts[origin] += 1
        return keep, held

    def hold_quietly(self, table: str, ids: Iterable[str], origin: str) -> None:
        """Children that stay behind with a held row (not counted on their own)."""
        self._ids.setdefault(table, {}).update(dict.fromkeys(ids, origin))

    def origin_of(self, table: str, row_id: str) -> str:
        return self._ids[table][row_id]

    def problems(self) -> list[SyncProblem]:
        return [SyncProblem("customer_elsewhere", code, self._counts[code]) for code in self._codes]

    def notices(self) -> list[SyncProblem]:
        return [SyncProblem("customer_moved", code) for code in self._moved]
