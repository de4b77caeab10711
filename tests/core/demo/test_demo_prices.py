"""The demo's prices (decision 0020, demo.toml [visits.prices]): ~93 % of the prices seen at
the guide price, 明码标价 complete at ~92 % of open visits, a 价格偏离 at ~9 % of them, and
执行指导价 always the answer the visit's grid implies (as the visit screen derives it)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from demo_databases import Demo, module_demo
from sqlalchemy import select

from fieldbook.core.journal import Journal
from fieldbook.core.routine.checklist import OPEN
from fieldbook.core.routine.price_figures import price_figures
from fieldbook.core.routine.visit_grid import grid_compliance
from fieldbook.core.store.models import Visit

pytestmark = pytest.mark.slow
TODAY = date(2026, 10, 19)

# the same demo as test_demo_visits (one template per run)
field = module_demo("field", Demo(seed=11, weeks=20, today=TODAY))


def test_rates_are_realistic(field: Journal) -> None:
    with field.reading() as s:
        m = field.current_manager_id(s)
        counts = price_figures(s, m, date(2026, 1, 1), TODAY).counts
        findings = [
            {h["finding"] for h in json.loads(f)}
            for f in s.scalars(
                select(Visit.findings).where(Visit.status == "done", Visit.shop_status == OPEN)
            )
        ]
    assert counts.seen > 10_000
    assert counts.price_rate is not None and 0.90 <= counts.price_rate <= 0.95
    assert counts.tag_rate == pytest.approx(0.92, abs=0.02)
    visits_off = sum("price_deviation" in f for f in findings) / len(findings)
    assert visits_off == pytest.approx(0.09, abs=0.025)
    assert counts.above > counts.below  # shops mark up more often than they cut


def test_the_answer_is_what_the_grid_implies(field: Journal) -> None:
    with field.reading() as s:
        visits = s.execute(
            select(Visit.id, Visit.answers).where(Visit.status == "done", Visit.shop_status == OPEN)
        ).all()
        derived = 0
        for vid, answers in visits[::5]:
            answer = grid_compliance(s, vid)
            if answer is not None:
                derived += 1
                assert json.loads(answers)["price_compliance"] == answer, vid
    assert derived > 0.9 * len(visits[::5])
