"""销量任务 and 时间进度 (routine.targets): hand-computed over 2025-10, a month with the
National Day holiday (1–8 October off) and a make-up working day (Saturday 11 October).

2025-10's working days (chinese-calendar): 9, 10, 11 (Sat, 调休上班), 13–17, 20–24, 27–31 = 18.
Orders: 9th 中华 100 条 ¥38,160.00; 11th 白沙 200 条 ¥17,600.00; 15th 红塔山 50 条 ¥4,850.00;
5th (a holiday, not a month-to-date day of the log) 中华 7 条; 16th 白沙 9 条 (after the date).
On the 15th: 6 working days elapsed of 18 (33.33 %); cartons 350 of 1,800 (19.44 %), gap
−13.9 points, remaining 1,450 条 over 12 working days → 121 条 a day; amount ¥60,610 of
¥400,000 (15.15 %).
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.routine.target_entry import TargetInput
from fieldbook.core.routine.targets import (
    NO_TARGET,
    MonthProgress,
    Progress,
    cartons_text,
    cases,
    gap_sentence,
    progress_lines,
    rate_text,
    target_rules,
    time_progress,
)
from fieldbook.core.store import audit
from fieldbook.core.store.models import Customer, OrderLine, Sku, Target
from fieldbook.core.workdays import LAST_COVERED_YEAR

MONTH = "2025-10"


def _orders(journal: Journal) -> None:
    lines = [
        (date(2025, 10, 9), "13100101", 100, 3_816_000),
        (date(2025, 10, 11), "13600112", 200, 1_760_000),
        (date(2025, 10, 15), "13600111", 50, 485_000),
        (date(2025, 10, 5), "13100101", 7, 267_120),
        (date(2025, 10, 16), "13600112", 9, 79_200),
    ]
    with journal.writing("orders") as s:
        m = journal.current_manager_id(s)
        shop = s.scalars(select(Customer.id).where(Customer.code == "M001")).one()
        skus = {code: sku_id for code, sku_id in s.execute(select(Sku.code, Sku.id))}
        for day, code, cartons, fen in lines:
            s.add(
                OrderLine(
                    manager_id=m,
                    order_date=day,
                    customer_id=shop,
                    sku_id=skus[code],
                    cartons=cartons,
                    amount_fen=fen,
                )
            )


@pytest.fixture
def october(world: Journal) -> Journal:
    _orders(world)
    world.targets.set(TargetInput(MONTH, cartons=1800, amount_fen=40_000_000))
    world.targets.set(TargetInput(MONTH, "class", "1", cartons=200))
    world.targets.set(TargetInput(MONTH, "class", "3", cartons=500))
    world.targets.set(TargetInput(MONTH, "sku", "13600112", cartons=300))
    return world


@pytest.mark.parametrize(
    ("day", "elapsed"),
    [
        (date(2025, 10, 1), 0),  # National Day
        (date(2025, 10, 8), 0),  # the last holiday
        (date(2025, 10, 9), 1),
        (date(2025, 10, 11), 3),  # the make-up Saturday counts
        (date(2025, 10, 12), 3),  # an ordinary Sunday does not
        (date(2025, 10, 15), 6),
        (date(2025, 10, 31), 18),
    ],
)
def test_time_progress_follows_chinas_calendar(day: date, elapsed: int) -> None:
    time = time_progress(day)
    assert (time.elapsed, time.total) == (elapsed, 18)
    assert time.rate == pytest.approx(elapsed / 18)


def test_completion_rate_and_gap_on_the_15th(october: Journal) -> None:
    month = october.targets.progress(date(2025, 10, 15))
    total = month.total
    assert (total.actual_cartons, total.actual_amount_fen) == (350, 6_061_000)
    assert rate_text(total.cartons_rate) == "19.4%"
    assert rate_text(total.amount_rate) == "15.2%"
    assert rate_text(month.time.rate) == "33.3%"
    assert gap_sentence(total, month.time) == "落后时间进度 13.9 个百分点，日均需 121 条"
    parts = {(p.scope, p.key): p for p in month.parts}
    assert [(p.scope, p.key) for p in month.parts] == [
        ("class", "1"),
        ("class", "3"),
        ("sku", "13600112"),
    ]
    assert parts["class", "1"].label == "一类"
    assert rate_text(parts["class", "1"].cartons_rate) == "50.0%"  # 100 of 200
    assert rate_text(parts["class", "3"].cartons_rate) == "50.0%"  # 200 + 50 of 500
    assert rate_text(parts["sku", "13600112"].cartons_rate) == "66.7%"  # 200 of 300
    assert gap_sentence(parts["class", "1"], month.time) == (
        "超前时间进度 16.7 个百分点，日均需 9 条"  # 100 left over 12 days
    )


def test_the_make_up_saturday_counts_its_orders(october: Journal) -> None:
    month = october.targets.progress(date(2025, 10, 11))
    assert month.time.elapsed == 3
    assert month.total.actual_cartons == 300  # 9th and 11th; the holiday's 7 are not counted
    # 300/1800 = 16.67 %, time 3/18 = 16.67 %: on pace; 1500 left over 15 days
    assert gap_sentence(month.total, month.time) == "与时间进度持平，日均需 100 条"


def test_a_month_without_a_target_says_so(october: Journal) -> None:
    month = october.targets.progress(date(2025, 11, 14))
    assert not month.has_target
    assert rate_text(month.total.cartons_rate) == NO_TARGET
    assert gap_sentence(month.total, month.time) == NO_TARGET
    assert month.parts == ()
    assert progress_lines(month)[1] == f"全月 任务完成率 {NO_TARGET}"
    assert "0.0%" not in "".join(progress_lines(month)[1:])


def test_cases_and_cartons() -> None:
    assert cases(12_500) == 250
    assert cases(25) == 0.5
    assert cartons_text(12_500) == "12,500 条（250.0 箱）"


def test_a_met_target_and_no_days_left(october: Journal) -> None:
    october.targets.set(TargetInput(MONTH, cartons=300))
    month = october.targets.progress(date(2025, 10, 15))
    assert gap_sentence(month.total, month.time) == "已完成任务"
    october.targets.set(TargetInput(MONTH, cartons=1800))
    last = october.targets.progress(date(2025, 10, 31))
    # the 31st's orders are not in yet: the 31st is still ahead (17/18), not elapsed
    assert gap_sentence(last.total, last.time) == "落后时间进度 74.5 个百分点，日均需 1,441 条"


def test_changing_a_target_is_audited(october: Journal) -> None:
    october.targets.set(TargetInput(MONTH, cartons=2000, amount_fen=40_000_000))
    with october.reading() as s:
        target_id = s.scalars(select(Target.id).where(Target.scope == "total")).first()
    assert target_id is not None
    history = audit.history(october, "target", target_id)
    cartons = [(h.old_value, h.new_value) for h in history if h.field == "cartons"]
    assert cartons == [(None, 1800), (1800, 2000)]
    assert "2025-10 全月" in history[-1].reason


@pytest.mark.parametrize(
    ("target", "field", "code"),
    [
        (TargetInput(MONTH, cartons=0), "cartons", "target_positive"),
        (TargetInput(MONTH, amount_fen=-100), "amount", "target_positive"),
        (TargetInput(MONTH, cartons=10**9), "cartons", "target_too_large"),
        (TargetInput(MONTH), "cartons", "target_empty"),
        (TargetInput("2025-13", cartons=5), "month", "month"),
        (TargetInput(MONTH, "class", "9", cartons=5), "price_class_key", "target_class"),
        (TargetInput(MONTH, "sku", "99999999", cartons=5), "sku", "target_sku"),
        (TargetInput(MONTH, "brand", "x", cartons=5), "scope", "target_scope"),
    ],
)
def test_a_bad_target_is_refused_and_nothing_saved(
    world: Journal, target: TargetInput, field: str, code: str
) -> None:
    with pytest.raises(InvalidValue) as caught:
        world.targets.set(target)
    assert caught.value.data.get("field") == field
    assert caught.value.detail == code
    assert world.targets.list(MONTH) == []


def test_a_year_without_holiday_data_says_so() -> None:
    """The holiday data ends with a year: after it 时间进度 counts Monday–Friday, and every
    line that shows it says so (2027's Spring Festival week would count as working days)."""
    covered = time_progress(date(2025, 10, 15))
    assert covered.covered
    assert "节假日" not in progress_lines(_empty(date(2025, 10, 15)))[0]
    year = LAST_COVERED_YEAR + 1
    later = time_progress(date(year, 3, 15))
    assert not later.covered
    head = progress_lines(_empty(date(year, 3, 15)))[0]
    assert head.endswith(f"，节假日数据未覆盖 {year} 年，工作日按周一至周五计")


def _empty(day: date) -> MonthProgress:
    nothing = Progress("total", "", "全月", None, None, None, 0, 0)
    return MonthProgress(day, time_progress(day), nothing, ())


def test_the_day_counts_once_its_orders_are_in(october: Journal) -> None:
    """时间进度 includes the date only once its orders are imported: the 14th (no orders)
    stops at the 13th — 4 of 18, as the actual does — the 15th (orders in) counts itself."""
    october.targets.set(TargetInput(MONTH, cartons=1800))
    morning = october.targets.progress(date(2025, 10, 14))
    assert (morning.time.elapsed, morning.time.total) == (4, 18)
    assert morning.total.actual_cartons == 300  # the 9th and the 11th
    assert october.targets.progress(date(2025, 10, 15)).time.elapsed == 6


def test_a_target_set_by_mistake_can_be_cleared(october: Journal) -> None:
    """Every figure left empty on a target that is set clears it (audited); on one that is not
    set it is still refused."""
    before = october.targets.list(MONTH)
    parts = october.targets.progress(date(2025, 10, 15)).parts
    october.targets.set(TargetInput(MONTH, "sku", "15300202", cartons=40))  # the wrong SKU
    assert len(october.targets.list(MONTH)) == len(before) + 1
    october.targets.set(TargetInput(MONTH, "sku", "15300202"))
    assert october.targets.list(MONTH) == before
    assert october.targets.progress(date(2025, 10, 15)).parts == parts
    with october.reading() as s:
        row_id = s.scalar(select(Target.id).where(Target.scope_key == "15300202"))
        assert row_id is not None
    reasons = [h.reason for h in audit.history(october, "target", row_id)]
    assert any(r.startswith("清除月度任务") for r in reasons)
    with pytest.raises(InvalidValue) as err:
        october.targets.set(TargetInput(MONTH, "class", "2"))
    assert err.value.detail == "target_empty"


def test_the_largest_amount_allowed_fits_the_servers_column(world: Journal) -> None:
    """targets.amount_fen is a 32-bit INTEGER on PostgreSQL: the largest amount the typo guard
    lets through must fit (1 亿元 = 10¹⁰ fen did not: the save failed on the server)."""
    most = target_rules().max_amount_fen
    assert most < 2**31
    world.targets.set(TargetInput(MONTH, amount_fen=most))
    assert world.targets.list(MONTH)[0].amount_fen == most
    with pytest.raises(InvalidValue) as caught:
        world.targets.set(TargetInput(MONTH, amount_fen=most + 100))
    assert caught.value.detail == "target_too_large"
