"""The director's monthly spot check: the sample, the findings, corrections followed until done,
and the month's report re-opened with calamine (SQLite and PostgreSQL alike)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from demo_databases import Demo
from python_calamine import CalamineWorkbook
from sample_data import LEFT_LATE, NOT_CONFIRMED
from sqlalchemy import select

from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.reports.official import signature_text
from fieldbook.core.reports.spotcheck import ITEMS_SHEET, export_spot_check
from fieldbook.core.server import spotcheck
from fieldbook.core.store.models import Manager, SlipSuggestion, SpotCheck, Visit

TODAY = date(2026, 11, 30)
HOSTILE = '=HYPERLINK("http://x","y")'


DEMO = Demo(seed=5, managers=2, weeks=4, customers_per_manager=40, today=TODAY)


@pytest.fixture
def server(open_demo: Callable[[Demo], Journal]) -> Journal:
    return open_demo(DEMO)


def code_of(j: Journal) -> str:
    with j.reading() as s:
        return s.scalars(select(Manager.code).order_by(Manager.code)).first()


def test_the_sample_is_spread_over_the_month_and_drawn_once(server: Journal) -> None:
    code = code_of(server)
    check = spotcheck.draw(server, code, "2026-11", checker="市场部 李主任", size=10, seed=42)
    assert len(check.items) == 10 and check.seed == 42
    days = [i.visit_date for i in check.items]
    assert days == sorted(days) and len(set(days)) >= 5  # spread, not one busy day
    assert all(d.month == 11 for d in days)
    again = spotcheck.draw(server, code, "2026-11", checker="别人", size=3)
    assert again.id == check.id and len(again.items) == 10  # one check per manager and month
    with server.reading() as s:
        assert len(s.scalars(select(SpotCheck.id)).all()) == 1
    ids = [f"v{n}" for n in range(100)]
    assert spotcheck.sample_spread(ids, 10, 7) == spotcheck.sample_spread(ids, 10, 7)
    picked = spotcheck.sample_spread(ids, 10, 7)
    assert [int(p[1:]) // 10 for p in picked] == list(range(10))  # one from each tenth
    assert spotcheck.sample_spread(ids[:4], 10, 7) == ids[:4]

    with pytest.raises(InvalidValue):
        spotcheck.draw(server, code, "2026-05", checker="李主任")  # no visits that month
    with pytest.raises(InvalidValue):
        spotcheck.draw(server, "NOBODY", "2026-11", checker="李主任")
    with pytest.raises(InvalidValue):
        spotcheck.draw(server, code, "2026-13", checker="李主任")
    with pytest.raises(InvalidValue):
        spotcheck.draw(server, code, "2026-10", checker="  ")


def test_findings_and_a_correction_followed_until_done(server: Journal, tmp_path: Path) -> None:
    code = code_of(server)
    check = spotcheck.draw(server, code, "2026-11", checker="李主任", size=6, seed=1)
    first, second, third = check.items[:3]
    with pytest.raises(InvalidValue):  # not confirmed: say what is wrong
        spotcheck.record(server, first.id, **NOT_CONFIRMED)
    with pytest.raises(InvalidValue):
        spotcheck.record(
            server, first.id, confirmed=True, time_ok=True, content_ok=True, service_quality="棒"
        )
    spotcheck.record(
        server,
        first.id,
        **NOT_CONFIRMED,
        problems="店主称当天未见客户经理 " + HOSTILE,
        correction="补走访并向店主说明",
    )
    spotcheck.record(
        server, second.id, confirmed=True, time_ok=True, content_ok=True, service_quality="好"
    )
    view = spotcheck.record(server, third.id, **LEFT_LATE, problems="离店时间晚记 20 分钟")
    assert (view.checked, view.not_confirmed, view.corrections_open) == (3, 1, 2)
    with pytest.raises(InvalidValue):
        spotcheck.correct(server, second.id, "无")  # nothing to correct
    with pytest.raises(InvalidValue):
        spotcheck.correct(server, first.id, "  ")
    view = spotcheck.correct(server, first.id, "12 月 2 日已补走访，店主确认")
    assert (view.corrections_open, view.corrections_done) == (1, 1)
    with pytest.raises(InvalidValue):  # a done correction is kept as it was
        spotcheck.record(server, first.id, **NOT_CONFIRMED, problems="改口", correction="")
    with pytest.raises(InvalidValue):
        spotcheck.correct(server, first.id, "再次改正")
    spotcheck.set_summary(server, check.id, "抽查 6 户，1 户走访不属实，已整改。")

    path = export_spot_check(server, code, "2026-11", tmp_path / "抽查.xlsx")
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == ["抽查记录", ITEMS_SHEET]
    form = book.get_sheet_by_name("抽查记录").to_python()
    flat = [c for r in form for c in r]
    assert "市场部主任抽查记录" in flat and "抽查 6 户，1 户走访不属实，已整改。" in flat
    assert "2026年11月" in flat  # the month in Chinese date notation (decision 0023)
    signed = [c for c in flat if isinstance(c, str) and "（签字）" in c]
    assert signed == [signature_text("市场部主任"), signature_text("客户经理")]
    assert flat[flat.index("已核查") + 1] == 3
    assert flat[flat.index("走访不属实") + 1] == 1
    assert flat[flat.index("整改中") + 1] == 1 and flat[flat.index("已改正") + 1] == 1
    items = book.get_sheet_by_name(ITEMS_SHEET).to_python()
    assert items[0][0] == "序号" and len(items) == 1 + 6
    # 走访编号: the visit's month-day and stop that day, never its id (decision 0024)
    assert all(re.fullmatch(r"\d\d-\d\d-\d\d", r[1]) for r in items[1:])
    assert all(r[1].startswith(f"{r[2]:%m-%d}-") for r in items[1:])
    assert items[1][6] == "否" and items[1][12] == "已改正"
    assert items[1][10] == "店主称当天未见客户经理 " + HOSTILE  # text, never a formula
    assert items[3][12] == "整改中" and items[2][12] == "无需整改"
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    with pytest.raises(InvalidValue):
        export_spot_check(server, code, "2026-10", tmp_path / "none.xlsx")


def test_the_check_lists_the_months_dismissed_suggestions_with_their_reasons(
    server: Journal, tmp_path: Path
) -> None:
    """Issue 16: nothing hidden — the director sees every suggestion the manager dismissed in
    the month, with its reason, on the check and in its report."""
    code = code_of(server)
    check = spotcheck.draw(server, code, "2026-11", checker="市场部 李主任", size=5, seed=1)
    with server.reading() as s:
        expected = s.scalars(
            select(SlipSuggestion.id)
            .join(Visit, Visit.id == SlipSuggestion.visit_id)
            .where(
                Visit.manager_id == check.manager_id,
                SlipSuggestion.status == "dismissed",
                SlipSuggestion.dismissed_at >= datetime(2026, 11, 1),
                SlipSuggestion.dismissed_at < datetime(2026, 12, 1),
            )
        ).all()
    assert expected and sorted(d.suggestion_id for d in check.dismissed) == sorted(expected)
    assert all(d.reason and d.by for d in check.dismissed)
    path = export_spot_check(server, code, "2026-11", tmp_path / "抽查.xlsx")
    values = [
        v
        for row in CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
        for v in row
    ]
    at = values.index("忽略的建议反馈单")
    assert values[at + 1] == len(expected)
    assert any(isinstance(v, str) and check.dismissed[0].reason in v for v in values)
