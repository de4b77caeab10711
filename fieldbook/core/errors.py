"""Typed errors raised by the core. They carry data; the UI and CLI word them."""

from __future__ import annotations

from dataclasses import dataclass, field


class FieldbookError(Exception):
    """Base class of every error the core raises on purpose."""

    code: str = "error"
    #: True when the user's input (a value, a file, a missing profile) caused it: exit code 2.
    is_input_error: bool = False

    def __init__(self, detail: str = "", **data: object) -> None:
        super().__init__(detail or self.code)
        self.detail = detail
        self.data = data


class DatabaseError(FieldbookError):
    code = "database"


class DatabaseTooNew(DatabaseError):
    """The database was written by a newer Fieldbook (unknown schema revision)."""

    code = "database_too_new"
    is_input_error = True


class MigrationFailed(DatabaseError):
    code = "migration_failed"


class NotFound(FieldbookError):
    code = "not_found_record"


class InvalidValue(FieldbookError):
    """A value the user typed or imported is not acceptable."""

    code = "invalid_value"
    is_input_error = True


class FileRejected(FieldbookError):
    """A file handed over by the user cannot be read safely (hostile, damaged, too large)."""

    code = "file_rejected"
    is_input_error = True

    def __init__(self, reason: str, detail: str = "", **data: object) -> None:
        super().__init__(detail or reason, reason=reason, **data)
        self.reason = reason


class PathRefused(FieldbookError):
    """A path the user gave is not one Fieldbook may use for what was asked (exit 2):
    ``reason`` says why, ``data["file"]`` which path."""

    code = "path_refused"
    is_input_error = True

    def __init__(self, reason: str, path: object) -> None:
        super().__init__(reason, reason=reason, file=str(path))
        self.reason = reason


@dataclass(frozen=True)
class Problem:
    """One problem found in one row of an imported file.

    ``row`` is the sheet row number (1-based, as Excel shows it), ``column`` the header text
    of the column (or the field name when the column is missing), ``code`` a stable
    machine-readable problem code and ``value`` the offending value as text.
    """

    row: int
    column: str
    code: str
    value: str = ""
    params: dict[str, object] = field(default_factory=dict)


class ImportRejected(FieldbookError):
    """An import found invalid rows and, by policy, imported nothing."""

    code = "import_rejected"
    is_input_error = True

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems
