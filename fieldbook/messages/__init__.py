"""User-facing wording of the core's typed errors and problem codes (Qt-free; used by the
command line and the desktop app). Chinese is the users' language and the default; English is
kept complete.

- :mod:`.describe` turns an error, a problem or a code into one line (and holds ``MESSAGES``);
- the wording by topic: :mod:`.fields` (field names), :mod:`.values` (row problems and invalid
  values), :mod:`.files` (files a reader refuses), :mod:`.storage` (the database and its
  safekeeping), :mod:`.server` (the department server and sync), :mod:`.routine` (visits,
  slips, orders, the work log, spot checks).
"""

from fieldbook.messages.describe import (
    MESSAGES,
    describe_error,
    describe_problem,
    describe_sync_problem,
    field_name,
    language,
    message,
    schema_difference,
    schema_differences,
)
from fieldbook.messages.fields import FIELD_NAMES
from fieldbook.messages.server import SYNC_TABLE_NAMES

__all__ = [
    "FIELD_NAMES",
    "MESSAGES",
    "SYNC_TABLE_NAMES",
    "describe_error",
    "describe_problem",
    "describe_sync_problem",
    "field_name",
    "language",
    "message",
    "schema_difference",
    "schema_differences",
]
