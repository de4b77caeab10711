"""User-facing wording of the core's typed errors and problem codes (Qt-free; used by the
command line and the desktop app). Chinese is the users' language and the default; English is
kept complete.

- :mod:`.describe` turns an error, a problem or a code into one line;
- the wording is data, by topic, in ``schema/reference/messages/``: ``fields`` (field names),
  ``values`` (row problems and invalid values), ``files`` (files a reader refuses), ``storage``
  (the database and its safekeeping), ``server`` (the department server and sync), ``routine``
  (visits, slips, orders, the work log, spot checks).
"""

from fieldbook.messages.conflicts import describe_conflict
from fieldbook.messages.describe import (
    FIELD_NAMES,
    MESSAGES,
    SYNC_TABLE_NAMES,
    describe_error,
    describe_problem,
    describe_sync_problem,
    field_name,
    language,
    message,
    schema_difference,
    schema_differences,
)

__all__ = [
    "FIELD_NAMES",
    "MESSAGES",
    "SYNC_TABLE_NAMES",
    "describe_conflict",
    "describe_error",
    "describe_problem",
    "describe_sync_problem",
    "field_name",
    "language",
    "message",
    "schema_difference",
    "schema_differences",
]
