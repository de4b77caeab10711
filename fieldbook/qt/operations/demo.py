"""What the welcome page hands to the DB worker: the demo district generated into the empty
database (one transaction, with progress and 取消)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from fieldbook.core.demo.generate import DemoSummary, generate_demo
from fieldbook.core.journal import Journal


def load_demo(
    j: Journal, progress: Callable[[int, int], None], cancelled: Callable[[], bool], *, today: date
) -> DemoSummary:
    return generate_demo(j, today=today, progress=progress, cancelled=cancelled)
