"""The course of a demo slip's delivery to one department: its moves from 待发送 as
``SlipService`` records them (received, handled, done; sometimes returned and sent again, or
skipped with a reason), at office-hour moments on working days, and the answer it got. Every
move passes ``check_move``; rates in ``schema/reference/demo.toml`` [slips]."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from random import Random
from typing import Any

from fieldbook.core import workdays
from fieldbook.core.slips.deliveries import RETURNED, check_move

Event = tuple[str, str, datetime, str, str, str]  # from, to, at, actor, note, reason


class DeliveryTimeline:
    """Draws deliveries' courses from the slip history's random stream."""

    def __init__(self, rng: Random, ref: dict[str, Any]) -> None:
        self.rng, self.ref = rng, ref
        self.closure = [float(x) for x in ref["closure"]]

    def after(self, prev: datetime, day: date) -> datetime:
        """A moment on ``day`` in office hours, after ``prev``."""
        if day <= prev.date():
            return prev + timedelta(minutes=self.rng.randint(5, 60))
        return datetime.combine(day, time(8, 30)) + timedelta(minutes=self.rng.randint(0, 450))

    def course(
        self, manager: str, cat: str, dept: str, day: date, sent_at: datetime
    ) -> tuple[list[Event], datetime | None, str]:
        """One delivery's moves from 待发送, as SlipService records them, the moment its answer
        was stored and the answer. Every move passes ``check_move``."""
        rng, ref = self.rng, self.ref
        staff = rng.choice(ref["staff"][dept])
        answers = ref["answers"][dept]
        answer = rng.choice(answers.get(cat) or answers["default"])
        events: list[Event] = [("pending", "sent", sent_at, manager, "", "")]
        quick, slow = self.closure[0], self.closure[1]
        u = rng.random()
        if u < quick:
            k, final = rng.choices(range(4), [float(w) for w in ref["within_three"]])[0], "done"
        elif u < quick + slow:
            k, final = rng.randint(4, 10), "done"
        else:
            k = rng.randint(1, 10)
            final = rng.choices(["sent", "received", "handled"], ref["open_reached"])[0]
        days = workdays.working_days_between(day, workdays.add_working_days(day, k))
        answer_at: datetime | None = None
        if final == "done" and rng.random() < float(ref["skip_with_reason"]):
            at = self.after(sent_at, days[-1])
            reason = rng.choice(ref["reasons"]["skip"])
            events.append(("sent", "done", at, staff, "", reason))
            answer_at = at
        else:
            at = sent_at
            first = rng.randint(0, min(1, len(days) - 1))
            if final != "sent":
                at = self.after(at, days[first])
                events.append(("sent", "received", at, staff, "", ""))
                if rng.random() < float(ref["returned"]):
                    at = self.after(at, at.date())
                    events.append(
                        (
                            "received",
                            RETURNED,
                            at,
                            staff,
                            "",
                            rng.choice(ref["reasons"]["returned"]),
                        )
                    )
                    resend = workdays.next_working_day(at.date())
                    at = self.after(at, resend)
                    events.append(
                        (RETURNED, "sent", at, manager, "", rng.choice(ref["reasons"]["resend"]))
                    )
                    days = [d for d in days if d > resend] or [resend]
                    at = self.after(at, days[0])
                    events.append(("sent", "received", at, staff, "", ""))
            if final in ("handled", "done"):
                middle = days[rng.randint(min(first, len(days) - 1), len(days) - 1)]
                at = self.after(at, middle)
                events.append(("received", "handled", at, staff, "", ""))
                if final == "handled" and rng.random() < 0.5:
                    answer_at = at
            if final == "done":
                at = self.after(at, days[-1])
                events.append(("handled", "done", at, staff, "", ""))
                answer_at = at
        for before, after, _at, _who, _note, reason in events:
            check_move(before, after, reason)
        return events, answer_at, answer if answer_at is not None else ""
