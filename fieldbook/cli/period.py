"""The dates a command is given at run time: an option value read as a date, and the period of
--from and --to (``export period``, ``export department``)."""

from __future__ import annotations

import argparse
from datetime import date

from fieldbook.cli.common import UsageError
from fieldbook.core.errors import InvalidValue


def date_option(text: str, name: str) -> date:
    """A YYYY-MM-DD option value; ``InvalidValue`` (exit 2) naming the option."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidValue("date_format", field=name, value=text) from None


def given_period(args: argparse.Namespace) -> tuple[date, date]:
    """--from and --to (YYYY-MM-DD, both required): ``InvalidValue`` on a bad date, a
    ``UsageError`` when --to comes before --from (exit 2 either way)."""
    start, end = date_option(args.start, "from"), date_option(args.end, "to")
    if end < start:
        raise UsageError(f"--to {end.isoformat()} 早于 --from {start.isoformat()}")
    return start, end
