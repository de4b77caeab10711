"""价格到位率 and 明码标价率 per manager in the department views: by hand on a small fixture,
and on a demo database every manager's week equals that manager's own week figures (the one
computation, ``routine.price_figures``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from demo_databases import Demo
from python_calamine import CalamineWorkbook
from sample_data import priced_visit

from fieldbook.core.journal import Journal
from fieldbook.core.reports.department import export_department
from fieldbook.core.routine.price_figures import PriceCounts, price_figures
from fieldbook.core.routine.week import report_period
from fieldbook.core.server import department as dept

MON = date(2026, 11, 30)
DEMO = Demo(seed=3, managers=3, weeks=3, customers_per_manager=40, today=MON)


def test_a_managers_week_by_hand(
    world: Journal, open_answers: dict[str, object], tmp_path: Path
) -> None:
    # 中华 45.00 → 50.00 (+11.1 %), 玉溪 at guide, 利群 16.00 → 16.40 (+2.5 %: at guide)
    seen = {"中华(硬)": 5000, "玉溪(硬)": 2300, "利群(硬新版)": 1640}
    priced_visit(world, "M001", seen, open_answers)
    # 玉溪 23.00 → 21.00 (-8.7 %), tags 无价签
    priced_visit(world, "M002", {"玉溪(硬)": 2100}, {**open_answers, "price_tags": "无价签"})
    priced_visit(world, "M003", {}, open_answers)  # no price seen, tags complete
    rows = [r for r in dept.weeks_table(world, MON, MON) if r.visited or r.prices.seen]
    assert len(rows) == 1
    assert rows[0].prices == PriceCounts(
        seen=4, at_guide=2, above=1, below=1, tag_visits=3, tags_complete=2
    )
    assert rows[0].prices.price_rate == pytest.approx(2 / 4)
    assert rows[0].prices.tag_rate == pytest.approx(2 / 3)
    path = export_department(world, MON, MON, tmp_path / "部门.xlsx", today=MON)
    book = CalamineWorkbook.from_path(str(path))
    summary = book.get_sheet_by_name("各经理汇总").to_python()
    assert summary[0][-3:] == ["价格到位率", "明码标价率", "价格偏离"]
    assert summary[1][-3:] == [0.5, pytest.approx(0.6667), 2]
    weeks = book.get_sheet_by_name("周明细").to_python()
    assert weeks[0][-3:] == ["价格到位率", "明码标价率", "价格偏离"]
    assert weeks[1][-3:] == [0.5, pytest.approx(0.6667), 2]


def test_every_managers_week_equals_their_own_figures(
    open_demo: Callable[[Demo], Journal],
) -> None:
    server = open_demo(DEMO)
    rows = dept.weeks_table(server, MON - timedelta(days=21), MON)
    assert sum(r.prices.seen for r in rows) > 0 and sum(r.prices.tag_visits for r in rows) > 0
    with server.reading() as s:
        for r in rows:
            a, b = report_period(r.label)
            assert r.prices == price_figures(s, r.manager_id, a, b).counts, r.label
