"""The demo's dismissed suggestions: a suggestion no slip was made from is dismissed with a
reason (a 违纪 one with one of slips.toml's fixed reasons, weighted by demo.toml
[slips.dismissals]), by the manager, at the office on one of the next working days, and the
audit trail records it as ``SlipService.dismiss_suggestion`` does."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from random import Random
from typing import Any

from fieldbook.core import workdays
from fieldbook.core.slips.rules import slip_rules
from fieldbook.core.store.audit import Chain


class SuggestionDismissals:
    def __init__(
        self,
        rng: Random,
        ref: dict[str, Any],
        chain: Chain,
        new_id: Callable[[], str],
        office: tuple[int, int],
    ) -> None:
        self.rng, self.reasons, self.chain = rng, ref["dismissals"], chain
        self.new_id, self.office = new_id, office
        fixed = slip_rules().fixed_reasons
        unknown = set(self.reasons.get("violation", {})) - set(fixed)
        if unknown:
            raise ValueError(f"demo.toml [slips.dismissals]: not in slips.toml: {unknown}")

    def reason(self, category: str) -> str:
        if category in slip_rules().fixed_reason_categories:
            table = self.reasons["violation"]
            keys = list(table)
            return str(self.rng.choices(keys, [float(table[k]) for k in keys])[0])
        return str(self.rng.choice(self.reasons.get(category) or self.reasons["other"]))

    def dismiss(
        self, sug: dict[str, Any], manager: tuple[str, str], limit: datetime
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """(the suggestion's new columns, its audit entries); ``manager``: (id, name). A
        dismissal due after ``limit`` (today) stays open: the row says only "suggested"."""
        day: date = workdays.add_working_days(sug["day"], self.rng.randint(0, 2))
        at = datetime.combine(day, time()) + timedelta(
            minutes=self.rng.randint(self.office[0], self.office[1])
        )
        if at < sug["created_at"]:  # the visit was entered that evening: dismissed next day
            at += timedelta(days=(workdays.add_working_days(day, 1) - day).days)
        reason = self.reason(sug["category"])
        if at >= limit:
            return {"id": sug["id"], "status": "suggested"}, []
        row = {
            "id": sug["id"],
            "status": "dismissed",
            "dismissed_at": at,
            "dismissed_by": manager[1][:64],
            "dismiss_reason": reason,
        }
        audit = self.chain.extend(
            {"status": ("suggested", "dismissed"), "dismiss_reason": ("", reason)},
            new_id=self.new_id,
            at=at,
            manager_id=manager[0],
            record_type="slip_suggestion",
            record_id=sug["id"],
            reason=reason,
        )
        return row, audit
