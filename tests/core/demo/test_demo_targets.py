"""Demo 销量任务: every manager has a month, 一类, 二类 and one key-brand target for every month
of the history, at 1.00–1.08 × the month's expected volume, in whole 箱; a full past month ends
near its target (the demo's rates: decision 0019)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest
from demo_databases import Demo, module_demo
from sqlalchemy import select

from fieldbook.core.journal import Journal
from fieldbook.core.routine.targets import month_progress
from fieldbook.core.store.models import Manager, Sku, Target

pytestmark = pytest.mark.slow
TODAY = date(2026, 12, 7)

demo = module_demo("demo", Demo(seed=3, managers=2, weeks=9, today=TODAY))


def test_every_manager_and_month_has_its_targets(demo: Journal) -> None:
    with demo.reading() as s:
        managers = set(s.scalars(select(Manager.id)))
        rows = s.execute(
            select(Target.manager_id, Target.month, Target.scope, Target.scope_key, Target.cartons)
        ).all()
        keys = set(s.scalars(select(Sku.code).where(Sku.is_key_brand)))
    scopes: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for m, month, scope, key, cartons in rows:
        scopes[m, month].add((scope, "" if scope != "sku" else "key"))
        assert cartons % 50 == 0 and cartons > 0  # whole 箱
        if scope == "sku":
            assert key in keys
    assert {m for m, _ in scopes} == managers
    assert {month for _, month in scopes} == {"2026-10", "2026-11", "2026-12"}
    for found in scopes.values():
        assert found == {("total", ""), ("class", ""), ("sku", "key")}
    assert sum(1 for r in rows if r[2] == "class") == 2 * len(scopes)


def test_a_full_month_ends_a_little_short_of_its_target(demo: Journal) -> None:
    with demo.reading() as s:
        for m in s.scalars(select(Manager.id)):
            month = month_progress(s, m, date(2026, 11, 30))
            assert month.time.rate == 1.0
            rate = month.total.cartons_rate
            assert rate is not None and 0.85 <= rate <= 1.05, rate
