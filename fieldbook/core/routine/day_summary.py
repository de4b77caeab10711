"""The day's summary on the plan page: how many open feedback slips and follow-ups are due
today or overdue. Counted in SQL, so the start-up reads four numbers instead of every open
slip, and needs none of the slip service's code."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, case, exists, func, not_, or_, select

from fieldbook.core.store.models import Customer, FollowUp, Slip, SlipDelivery
from fieldbook.core.store.sessions import Sessions


@dataclass(frozen=True)
class DaySummary:
    slips_due: int  # open slips due today
    slips_overdue: int  # open slips past their due date
    followups_due: int  # open follow-ups due today or earlier
    followups_overdue: int  # of which past their due date


def slip_not_done() -> ColumnElement[bool]:
    """A slip is done when it has deliveries and every one is done (``slip_status``)."""
    delivered = exists().where(SlipDelivery.slip_id == Slip.id)
    unfinished = exists().where(SlipDelivery.slip_id == Slip.id, SlipDelivery.state != "done")
    return or_(not_(delivered), unfinished)


def _tally(*conditions: ColumnElement[bool]) -> list[ColumnElement[int]]:
    """One count per condition, in one row."""
    return [func.coalesce(func.sum(case((c, 1), else_=0)), 0) for c in conditions]


def day_summary(db: Sessions, today: date) -> DaySummary:
    """The current manager's open slips due today / overdue, and open follow-ups due by today
    (of which overdue): two queries of one row each."""
    with db.reading() as s:
        manager_id = db.current_manager_id(s)
        slips = s.execute(
            select(*_tally(Slip.due_date == today, Slip.due_date < today)).where(
                Slip.manager_id == manager_id, Slip.due_date <= today, slip_not_done()
            )
        ).one()
        followups = s.execute(
            select(*_tally(FollowUp.due_date <= today, FollowUp.due_date < today))
            .select_from(FollowUp)
            .join(Customer, Customer.id == FollowUp.customer_id)
            .where(
                FollowUp.manager_id == manager_id,
                FollowUp.status == "open",
                FollowUp.due_date <= today,
            )
        ).one()
        return DaySummary(int(slips[0]), int(slips[1]), int(followups[0]), int(followups[1]))
