"""The shape of a demo day against plan.toml's time model (decision 0018): when lunch starts
and how long it is, and when the last shop is left (``fieldbook.core.demo.visits`` draws the
visits inside it)."""

from __future__ import annotations

from datetime import date
from random import Random
from typing import Any

from fieldbook.core.demo.context import seconds_of
from fieldbook.core.routine.plan import PlanRules


class DayShape:
    """The day's shape as ``[visits]`` of demo.toml draws it against plan.toml's time model:
    when lunch starts and how long it is, and when the last shop is left (back at the office
    by the day's time, less the trip back, less a margin; on a few days the margin is
    negative: back late). Its own random stream, so the visits drawn after do not move."""

    def __init__(self, ref: dict[str, Any], rules: PlanRules, seed: str) -> None:
        self.rules = rules
        self.rng = Random(f"fieldbook-demo-day-shape:{seed}")
        self.lunch_at = (seconds_of(ref["lunch_at"][0]), seconds_of(ref["lunch_at"][1]))
        self.lunch = (ref["lunch_minutes"][0] * 60, ref["lunch_minutes"][1] * 60)
        self.margin = (ref["return_margin_minutes"][0] * 60, ref["return_margin_minutes"][1] * 60)
        self.late = float(ref["late_return"])
        self.late_by = (ref["late_return_minutes"][0] * 60, ref["late_return_minutes"][1] * 60)

    def draw(self, day: date) -> tuple[int, int, int]:
        """(lunch from, lunch seconds, last departure by) in seconds after midnight."""
        back = self.rules.back_by(day)
        back_s = back.hour * 3600 + back.minute * 60 - self.rules.trip_back_minutes * 60
        rng = self.rng
        if rng.random() < self.late:
            end_by = back_s + rng.randint(*self.late_by)
        else:
            end_by = back_s - rng.randint(*self.margin)
        return rng.randint(*self.lunch_at), rng.randint(*self.lunch), end_by
