"""The down half of a sync: everything the company and the departments own for this manager,
compared in full and written on the laptop where it differs — master data (by code), the
departments' answers and moves of the manager's slips, the market department's reviews of the
manager's week reports, and the director's spot checks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, select

from fieldbook.core.routine.escalations import merge_answers
from fieldbook.core.server.sync_report import SyncReport
from fieldbook.core.server.sync_review import pull_rounds
from fieldbook.core.server.sync_units import DEPARTMENT_COLUMNS, MASTER
from fieldbook.core.server.sync_writes import (
    T,
    merge_by_code,
    rows_of,
    update_existing,
    upsert,
)
from fieldbook.core.store import db

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal


class Pull:
    """Pulls into the laptop database of ``journal`` from ``server``, counting in ``report``."""

    def __init__(self, journal: Journal, server: Engine, report: SyncReport) -> None:
        self.j, self.server, self.report = journal, server, report

    def run(self, manager: str) -> None:
        """Everything the company and the departments own for this manager, compared in full
        and written where it differs: a manager's master data, slips and reviews are small
        (hundreds of rows a year), and comparing them needs no clock shared with the server."""
        customers, skus, slips = T["customers"], T["skus"], T["slips"]
        deliveries, weeks = T["slip_deliveries"], T["week_reports"]
        mine = select(slips.c.id).where(slips.c.manager_id == manager)
        with self.server.connect() as remote:
            got = {
                "skus": rows_of(remote, select(skus)),
                "customers": rows_of(
                    remote, select(customers).where(customers.c.manager_id == manager)
                ),
                "slip_deliveries": rows_of(
                    remote, select(deliveries).where(deliveries.c.slip_id.in_(mine))
                ),
                "week_reports": rows_of(
                    remote,
                    select(weeks).where(
                        weeks.c.manager_id == manager, weeks.c.reviewed_at.is_not(None)
                    ),
                ),
            }
        with db.write_session(self.j.engine) as s:
            local = s.connection()
            for name in MASTER:
                self.report.add("down", name, merge_by_code(local, T[name], got[name]))
            self._answers(local, manager, got["slip_deliveries"])
            self._reviews(local, got["week_reports"])
            self.report.add("down", "week_report_rounds", pull_rounds(self.server, local, manager))
            self._escalation_answers(local, manager)
            self._spot_checks(local, manager)

    def _answers(self, local: Connection, manager: str, got: list[dict[str, Any]]) -> None:
        """The departments' answers to the manager's slips, and their moves (appended)."""
        deliveries, events, slips = T["slip_deliveries"], T["slip_events"], T["slips"]
        mine = select(slips.c.id).where(slips.c.manager_id == manager)
        known = set(
            local.execute(select(deliveries.c.id).where(deliveries.c.slip_id.in_(mine))).scalars()
        )
        answered = [r for r in got if r["id"] in known]
        n = upsert(local, deliveries, answered, update=DEPARTMENT_COLUMNS["slip_deliveries"])
        self.report.add("down", "slip_deliveries", n)
        have = (
            set(
                local.execute(
                    select(events.c.id).where(events.c.delivery_id.in_(list(known)))
                ).scalars()
            )
            if known
            else set()
        )
        with self.server.connect() as remote:
            missing = [
                r
                for r in rows_of(
                    remote,
                    select(events).where(
                        events.c.delivery_id.in_(
                            select(deliveries.c.id).where(deliveries.c.slip_id.in_(mine))
                        )
                    ),
                )
                if r["id"] not in have and r["delivery_id"] in known
            ]
        self.report.add("down", "slip_events", upsert(local, events, missing, insert_only=True))

    def _reviews(self, local: Connection, got: list[dict[str, Any]]) -> None:
        """The market department's reviews of the manager's week reports."""
        weeks = T["week_reports"]
        reviewed = [
            {k: r[k] for k in ("id", "status", *DEPARTMENT_COLUMNS["week_reports"])} for r in got
        ]
        local_ids = (
            set(
                local.execute(
                    select(weeks.c.id).where(weeks.c.id.in_([r["id"] for r in reviewed]))
                ).scalars()
            )
            if reviewed
            else set()
        )
        n = update_existing(local, weeks, [r for r in reviewed if r["id"] in local_ids])
        self.report.add("down", "week_reports", n)

    def _escalation_answers(self, local: Connection, manager: str) -> None:
        """The department head's answers to the problems this manager escalated, written into
        the escalation rows of the laptop's logs (the rest of each log stays as it is here)."""
        answers, logs = T["escalation_answers"], T["day_logs"]
        mine = select(logs.c.id).where(logs.c.manager_id == manager)
        with self.server.connect() as remote:
            got = rows_of(remote, select(answers).where(answers.c.day_log_id.in_(mine)))
        here = list({r["day_log_id"] for r in got})
        known = set(local.execute(mine.where(logs.c.id.in_(here))).scalars()) if here else set()
        answered = [r for r in got if r["day_log_id"] in known]
        self.report.add("down", "escalation_answers", upsert(local, answers, answered))
        if merge_answers(local, answered):
            self.j.notify(frozenset({"daylog"}))

    def _spot_checks(self, local: Connection, manager: str) -> None:
        """The director's spot checks of this manager, with their findings and corrections."""
        checks, items = T["spot_checks"], T["spot_check_items"]
        with self.server.connect() as remote:
            got_checks = rows_of(remote, select(checks).where(checks.c.manager_id == manager))
            ids = [r["id"] for r in got_checks]
            got_items = (
                rows_of(remote, select(items).where(items.c.check_id.in_(ids))) if ids else []
            )
        visits = (
            set(
                local.execute(
                    select(T["visits"].c.id).where(
                        T["visits"].c.id.in_([r["visit_id"] for r in got_items])
                    )
                ).scalars()
            )
            if got_items
            else set()
        )
        self.report.add("down", "spot_checks", upsert(local, checks, got_checks))
        known = [r for r in got_items if r["visit_id"] in visits]
        self.report.add("down", "spot_check_items", upsert(local, items, known))
        self.j.notify(frozenset({"customers", "catalog", "slips", "week"}))
