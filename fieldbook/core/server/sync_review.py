"""The down half of a week report's review rounds (decision 0029): every round of the
manager's reports comes down with its review, and a round the laptop has not seen (made on
a second laptop of the same manager) is added."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, select

from fieldbook.core.server.sync_units import DEPARTMENT_COLUMNS
from fieldbook.core.server.sync_writes import T, rows_of, upsert


def pull_rounds(server: Engine, local: Connection, manager: str) -> int:
    """Write the server's rounds of ``manager``'s week reports into the laptop's database
    (``local``) where they differ; how many rows changed."""
    rounds, weeks = T["week_report_rounds"], T["week_reports"]
    mine = select(weeks.c.id).where(weeks.c.manager_id == manager)
    with server.connect() as remote:
        got = rows_of(remote, select(rounds).where(rounds.c.week_report_id.in_(mine)))
    if not got:
        return 0
    here = set(
        local.execute(
            select(weeks.c.id).where(weeks.c.id.in_({r["week_report_id"] for r in got}))
        ).scalars()
    )
    known = [r for r in got if r["week_report_id"] in here]
    return upsert(local, rounds, known, update=DEPARTMENT_COLUMNS["week_report_rounds"])
