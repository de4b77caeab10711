"""撤销完成: a finished visit back to a draft, with everything finishing did undone and the
reopening in the audit trail (with its reason), so a slip of the finger costs nothing and
leaves a true record.

Finishing (``VisitService.finish``) sets the departure time when none was set, records the
findings, suggests slips, opens follow-ups, closes the follow-ups the manager checked and ticks
the plan's stop (a finding the shop already had a follow-up for is counted on it as found
again). Reopening reverses each of those; it refuses (nothing changed) when something
was built on them since: a follow-up the visit opened is closed already, or a suggested slip
was made into a slip. A suggested 违纪 slip stays (open) through a reopening: it is
dismissed only with a fixed reason (slips.toml), never made to vanish by reopening.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldbook.core.errors import InvalidValue
from fieldbook.core.slips.rules import slip_rules
from fieldbook.core.store import audit
from fieldbook.core.store.models import FollowUp, PlanStop, SlipSuggestion, Visit


def reopen(s: Session, v: Visit, reason: str, now: datetime) -> None:
    """Make the finished visit ``v`` a draft again (see the module docstring). Raises
    InvalidValue: visit_not_finished, reopen_followup_used, reopen_slip_made,
    reason_required."""
    if v.status != "done":
        raise InvalidValue("visit_not_finished", field="visit")
    opened = list(s.scalars(select(FollowUp).where(FollowUp.source_visit_id == v.id)))
    if any(fu.status != "open" for fu in opened):
        raise InvalidValue("reopen_followup_used", field="followups")
    suggested = list(s.scalars(select(SlipSuggestion).where(SlipSuggestion.visit_id == v.id)))
    if any(sug.status != "suggested" for sug in suggested):
        raise InvalidValue("reopen_slip_made", field="slips")
    # 违纪 is dismissed only with a fixed reason: reopening keeps its suggestion open (finishing
    # again updates it, never a second one); a mis-tick is dismissed as 误报, counted
    fixed = slip_rules().fixed_reason_categories
    suggested = [sug for sug in suggested if sug.category not in fixed]
    # the departure finishing wrote (none was set before): the manager may still be there
    set_by_finish = v.left_at is not None and v.left_at == v.finished_at
    changes: dict[str, tuple[object, object]] = {
        "status": (v.status, "draft"),
        "finished_at": (v.finished_at, None),
    }
    if set_by_finish:
        changes["left_at"] = (v.left_at, None)
    audit.record_change(s, v, "visit", changes, reason)
    for fu in opened:
        s.delete(fu)
    for sug in suggested:
        s.delete(sug)
    for fu in s.scalars(select(FollowUp).where(FollowUp.last_seen_visit_id == v.id)):
        # found again at this visit: no longer (the visit before is not known: no date shown)
        fu.seen_again = max(fu.seen_again - 1, 0)
        fu.last_seen_visit_id, fu.last_seen_at = None, None
    for fu in s.scalars(select(FollowUp).where(FollowUp.closed_visit_id == v.id)):
        fu.status, fu.closed_at, fu.closed_visit_id, fu.close_note = "open", None, None, ""
    stop = s.get(PlanStop, v.plan_stop_id) if v.plan_stop_id else None
    if stop is not None and stop.state in ("visited", "skipped"):
        stop.state, stop.state_reason = "planned", ""
    if set_by_finish:
        v.left_at = None
        if v.left_first == v.finished_at:
            v.left_first = None
    v.status, v.finished_at, v.findings, v.updated_at = "draft", None, "[]", now
    s.flush()
