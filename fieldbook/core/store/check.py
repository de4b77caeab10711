"""Is the database sound: the checks that read a database file and report, never change it.

- :func:`quick_check` — ``PRAGMA quick_check`` (the structure of every page), optionally within
  a time budget: the start-up check ``Journal.open`` runs (``recovery.check_on_open``).
- :func:`full_check` — the schema objects against the migrations' (``schema_check``),
  ``integrity_check`` and ``foreign_key_check``, every problem reported (``fieldbook check``,
  the backups page, every backup and restore).
- :func:`is_damage` — whether an SQLite error says the file itself is damaged.

What happens to a damaged file is ``recovery``; who may write a database is ``lock``.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldbook.core.errors import DatabaseError
from fieldbook.core.store import crypto, schema_check
from fieldbook.core.store.migrate import SCHEMA_HEAD
from fieldbook.core.store.schema_check import SchemaDifference

#: Time the start-up check may take on a database at the current schema. ``PRAGMA
#: quick_check`` reads every page (~1 ms per MB here, warm cache): files up to ~25 MB are checked
#: in full at start-up; bigger ones table by table until the budget is spent (overrunning it by
#: at most one table's check), reported ``complete=False``, and the GUI runs the whole
#: :func:`quick_check` again in the background (the CLI relies on ``fieldbook check``). A
#: database that is about to be migrated is always checked to the end first.
STARTUP_BUDGET_MS = 25.0
#: Roughly what ``quick_check`` reads per millisecond (warm cache, a 2-core laptop).
BYTES_PER_MS = 1_000_000
#: Roughly how many rows (with their indexes) the per-table check gets through per
#: millisecond; conservative, since wide rows (a day's log) are slower than narrow ones.
ROWS_PER_MS = 250


def database_errors(*, encrypted: bool = True) -> tuple[type[BaseException], ...]:
    """The DB-API errors a connection may raise: sqlite3's, and SQLCipher's when installed
    (``encrypted=False``: the connection is plain SQLite, and SQLCipher is not even imported)."""
    errors: list[type[BaseException]] = [sqlite3.DatabaseError]
    if encrypted and crypto.available():
        errors.append(crypto.driver().DatabaseError)
    return tuple(errors)


#: SQLITE_CORRUPT and SQLITE_NOTADB: the file itself is damaged. Any other error while
#: checking (I/O, a full disk, a lock) says nothing about the file and never moves it.
DAMAGE_CODES = frozenset({11, 26})


def is_damage(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in DAMAGE_CODES
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


class DatabaseUnreadable(DatabaseError):
    """The database could not be read to check it (an I/O error, not damage found in the
    file); nothing was changed."""

    code = "database_unreadable"

    def __init__(self, error: BaseException) -> None:
        super().__init__("database_unreadable", error=str(error))


@dataclass(frozen=True)
class QuickCheck:
    ok: bool  # no problem found
    complete: bool  # the whole file was checked (False: the time budget ran out first)
    problems: tuple[str, ...]
    elapsed_ms: float


@dataclass(frozen=True)
class ForeignKeyProblem:
    table: str
    rowid: int | None
    parent: str
    constraint: int

    def __str__(self) -> str:
        return f"{self.table} rowid {self.rowid}: no matching row in {self.parent}"


@dataclass(frozen=True)
class CheckReport:
    path: Path
    integrity: tuple[str, ...]
    foreign_keys: tuple[ForeignKeyProblem, ...]
    #: schema objects that are not what the migrations create (schema_check)
    schema: tuple[SchemaDifference, ...] = ()
    #: ``not_fieldbook`` or ``too_new`` (schema_check.SchemaReport.problem), else None
    schema_problem: str | None = None
    revision: str | None = None

    @property
    def ok(self) -> bool:
        return not (self.integrity or self.foreign_keys or self.schema or self.schema_problem)

    def lines(self) -> list[str]:
        problem = [f"schema: {self.schema_problem}"] if self.schema_problem else []
        return [
            *self.integrity,
            *problem,
            *(f"schema: {d}" for d in self.schema),
            *(str(p) for p in self.foreign_keys),
        ]


def _at_head(con: Any, errors: tuple[type[BaseException], ...]) -> bool:
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except errors:
        return False
    return row is not None and row[0] == SCHEMA_HEAD


def quick_check(
    path: Path,
    *,
    passphrase: str | None = None,
    budget_ms: float | None = None,
    then: Callable[[Any], object] | None = None,
) -> QuickCheck:
    """``PRAGMA quick_check`` on ``path``, opened read-only. "file is not a database" and
    "database disk image is malformed" are problems, not exceptions; any other error (I/O,
    full disk) raises ``DatabaseUnreadable``: it is no sign of damage. With ``budget_ms`` the
    check of a database at the current schema stops after that long (``complete=False``).
    Raises ``WrongPassphrase`` for an encrypted file the passphrase does not open. ``then``
    runs on the same connection when no damage was found (the start-up schema check: one
    open, one key derivation for an encrypted file)."""
    start = time.perf_counter()

    def result(problems: tuple[str, ...], complete: bool = True) -> QuickCheck:
        return QuickCheck(not problems, complete, problems, (time.perf_counter() - start) * 1000)

    errors = database_errors(encrypted=passphrase is not None)
    try:
        con = crypto.connect(Path(path), passphrase, mode="ro")
    except errors as exc:
        if not is_damage(exc):
            raise DatabaseUnreadable(exc) from exc
        return result((str(exc),))
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if budget_ms is not None and _at_head(con, errors):
            small = Path(path).stat().st_size <= budget_ms * BYTES_PER_MS
            found = _budgeted(con, budget_ms, result, errors, whole=small)
        else:
            pragma = con.execute("PRAGMA quick_check")
            found = result(tuple(str(r[0]) for r in pragma if r[0] != "ok"))
        if found.ok and then is not None:
            con.set_progress_handler(None, 0)
            then(con)
        return found
    except errors as exc:
        if not is_damage(exc):
            raise DatabaseUnreadable(exc) from exc
        return result((str(exc),))
    finally:
        con.close()


#: Builds the result of one check (problems, complete) with the time spent so far.
Outcome = Callable[..., QuickCheck]


def _budgeted(
    con: Any,
    budget_ms: float,
    result: Outcome,
    errors: tuple[type[BaseException], ...],
    *,
    whole: bool,
) -> QuickCheck:
    """The start-up check within ``budget_ms``. A file small enough to be read in the budget
    gets the whole-file ``PRAGMA quick_check`` (with a progress handler as a safety net). A
    bigger one is checked table by table (``PRAGMA quick_check(<table>)``, each with its
    indexes) until the budget is spent, and is never reported complete: the per-table form
    skips the free-list and page-usage checks, so the app runs the whole check again in the
    background. SQLite walks a table's b-tree inside one VM instruction, so a progress handler
    alone cannot stop a whole-file check in time (it ran ~170 ms over a 25 ms budget on a
    340 MB file), nor the check of one big table (``plan_stops`` of a five-year history took
    ~50 ms): a table is checked only when its estimated time (:func:`estimated_ms`) fits in
    what is left of the budget; the others are left to the whole check."""
    deadline = time.perf_counter() + budget_ms / 1000  # after the key derivation

    def over() -> int:
        return int(time.perf_counter() > deadline)

    tables = [
        str(r[0])
        for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rootpage"
        )
    ]
    con.set_progress_handler(over, 10)
    if whole:
        tables = [""]  # PRAGMA quick_check of the whole file
    problems: list[str] = []
    for table in tables:
        if over():
            return result(tuple(problems), complete=False)
        quoted = table.replace('"', '""')
        pragma = f'PRAGMA quick_check("{quoted}")' if table else "PRAGMA quick_check"
        try:
            left_ms = (deadline - time.perf_counter()) * 1000
            if table and estimated_ms(con, quoted) > left_ms:
                continue  # too big for what is left: the whole check (background) covers it
            rows = con.execute(pragma).fetchall()
        except errors as exc:
            if "interrupt" in str(exc).lower():
                return result(tuple(problems), complete=False)
            raise
        problems.extend(str(r[0]) for r in rows if r[0] != "ok")
        if problems:
            return result(tuple(problems))  # damaged: no need to look further
    return result((), complete=whole)


def estimated_ms(con: Any, quoted: str) -> float:
    """How long ``PRAGMA quick_check`` of one table may take, from its row count, estimated in
    O(log n) by its largest rowid (a WITHOUT ROWID table counts as small)."""
    try:
        rows = con.execute(f'SELECT max(rowid) FROM "{quoted}"').fetchone()[0]
    except Exception as exc:  # sqlite3's or SQLCipher's OperationalError
        if "no such column" not in str(exc).lower():
            raise
        return 0.0
    return float(rows or 0) / ROWS_PER_MS


def full_check(path: Path, *, passphrase: str | None = None) -> CheckReport:
    """The schema objects against what the migrations create (first: nothing of a schema
    that is not ours is evaluated before it is known), ``integrity_check`` (every problem,
    not the first 100) and ``foreign_key_check``."""
    path = Path(path)
    errors = database_errors(encrypted=passphrase is not None)
    integrity: list[str] = []
    fks: list[ForeignKeyProblem] = []
    schema = schema_check.SchemaReport(None)
    try:
        con = crypto.connect(path, passphrase, mode="ro")
    except errors as exc:
        return CheckReport(path, (str(exc),), ())
    try:
        try:
            schema_check.guard(con)
            schema = schema_check.inspect_connection(con)
        except errors as exc:
            integrity = [str(exc)]
        try:
            rows = con.execute("PRAGMA integrity_check(1000000)").fetchall()
            integrity += [str(r[0]) for r in rows if r[0] != "ok"]
        except errors as exc:
            integrity = integrity or [str(exc)]
        try:
            for table, rowid, parent, fkid in con.execute("PRAGMA foreign_key_check"):
                fks.append(ForeignKeyProblem(table, rowid, parent, fkid))
        except errors as exc:
            if not integrity:
                integrity = [str(exc)]
    finally:
        con.close()
    problem = schema.problem if schema.problem in ("not_fieldbook", "too_new") else None
    return CheckReport(
        path, tuple(integrity), tuple(fks), schema.differences, problem, schema.revision
    )
