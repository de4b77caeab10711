"""Period figures (issue 18, item 4; decision 0025), hand-computed on the ``world`` fixture
(周一店1..5 order on Mondays, 周二店1..3 on Tuesdays): 订货率 counts only the days whose
orders were imported and says which are missing; 覆盖客户 and 在册客户 count only the
customers in the register for the period."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from python_calamine import CalamineWorkbook
from sample_data import orders_workbook
from sqlalchemy import update

from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.master.customer_changes import ChangeBasis
from fieldbook.core.master.customers import CustomerInput
from fieldbook.core.reports.week import export_month
from fieldbook.core.routine.orders import import_orders
from fieldbook.core.routine.period_figures import missing_days_text, register_ids, slip_counts
from fieldbook.core.routine.week import label_for
from fieldbook.core.slips.service import SlipInput
from fieldbook.core.store.models import Customer, Slip, SlipDelivery

SKU = ("13100101", "中华(硬)")
#: November 2026: Mondays 2, 9, 16, 23, 30 and Tuesdays 3, 10, 17, 24 (all working days).
#: Orders are imported from the 16th on; who orders on each imported order day:
ORDERS = {
    "2026-11-16": ["M001", "M002"],
    "2026-11-17": ["T001"],
    "2026-11-23": ["M001", "M002", "M003"],
    "2026-11-24": ["T001", "T002"],
    "2026-11-30": ["M001", "M002", "M003", "M004", "M005"],
}
MISSING = (date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 9), date(2026, 11, 10))


@pytest.fixture
def november(world: Journal, tmp_path: Path) -> Journal:
    rows: list[list[object]] = [
        [day, code, "", *SKU, 1, 100.0] for day, codes in ORDERS.items() for code in codes
    ]
    rows.append(["2026-11-18", "X001", "", *SKU, 2, 200.0])  # an off-day order: no one due
    assert import_orders(world, orders_workbook(tmp_path / "orders.xlsx", rows)).applied
    return world


def form(path: Path) -> list[list[Any]]:
    book = CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_name(book.sheet_names[0]).to_python(skip_empty_area=False)


def figure(rows: list[list[Any]], label: str) -> Any:
    for row in rows:
        for i, cell in enumerate(row[:-1]):
            if cell == label:
                return next(x for x in row[i + 1 :] if x != "")
    raise AssertionError(label)


def test_the_month_order_rate_counts_only_days_with_imported_orders(
    november: Journal, tmp_path: Path
) -> None:
    # due on imported days: 3 Mondays × 5 + 2 Tuesdays × 3 = 21; ordered 2+1+3+2+5 = 13.
    # Counting the four days before the first import as "nobody ordered" (37 due) gave 35.1 %.
    rows = form(export_month(november, "2026-11", tmp_path / "月报.xlsx"))
    assert figure(rows, "订货率") == pytest.approx(13 / 21)
    assert figure(rows, "未导入订单（天）") == 4
    text = "\n".join(str(c) for r in rows for c in r)
    assert "订货率只计已导入订单的日子（11月2日—3日、11月9日—10日未导入订单）。" in text
    days = CalamineWorkbook.from_path(str(tmp_path / "月报.xlsx")).get_sheet_by_name("按日")
    by_day = {r[0]: r for r in days.to_python()[1:]}
    assert by_day[date(2026, 11, 2)][7] == "未导入" and by_day[date(2026, 11, 16)][7] == 2 / 5


def test_the_week_page_says_which_days_are_missing(november: Journal) -> None:
    missing_week = november.weeks.figures(label_for(date(2026, 11, 9)))  # 11-06 .. 11-12
    assert missing_week.order_rate.missing == (date(2026, 11, 9), date(2026, 11, 10))
    assert missing_week.order_rate.rate is None
    imported = november.weeks.figures(label_for(date(2026, 11, 23)))  # 11-20 .. 11-26
    assert imported.order_rate.missing == ()
    assert imported.order_rate.rate == pytest.approx((3 + 2) / (5 + 3))


def test_missing_days_are_written_as_runs() -> None:
    assert missing_days_text(MISSING) == "11月2日—3日、11月9日—10日"
    assert missing_days_text([date(2026, 11, 30), date(2026, 12, 1)]) == "11月30日—12月1日"


def _created(journal: Journal, code: str, at: datetime) -> None:
    with journal.writing("customers") as s:
        s.execute(update(Customer).where(Customer.code == code).values(created_at=at))


def _visit(journal: Journal, code: str, at: datetime, answers: dict[str, object]) -> None:
    v = journal.visits.start(journal.customers.by_code(code).id, at=at)
    journal.visits.set_shop_status(v.id, "open")
    journal.visits.save_answers(v.id, answers)
    journal.visits.finish(v.id, at=at.replace(minute=at.minute + 9))


def _close(journal: Journal, code: str, at: datetime) -> None:
    c = journal.customers.by_code(code)
    with clock.pinned(at, running=False):
        journal.customers.update(
            c.id,
            CustomerInput(code=code, shop_name=c.shop_name, route="周一线路", status="closed"),
            ChangeBasis(reason="店主转让，已停业"),
        )


def test_coverage_counts_only_the_register_of_the_period(
    world: Journal, open_answers: dict[str, object], tmp_path: Path
) -> None:
    """November: M001 registered on the 20th (mid-month: in the register), M002 and X001 only
    in December (M002's November visit was entered later: not yet registered), M003 closed on
    October 15th (out before the month), M004 closed on November 10th (in, until then). Four
    shops visited on the 23rd: M001, M002, M003, M005. (Counting the customers active today,
    as before, gave 覆盖 3 of 7: M002 in, M004 out, X001 in.)"""
    _created(world, "M001", datetime(2026, 11, 20, 9, 0))
    _created(world, "M002", datetime(2026, 12, 2, 9, 0))
    _created(world, "X001", datetime(2026, 12, 5, 9, 0))
    _close(world, "M003", datetime(2026, 10, 15, 10, 0))
    _close(world, "M004", datetime(2026, 11, 10, 10, 0))
    for n, code in enumerate(("M001", "M002", "M003", "M005")):
        _visit(world, code, datetime(2026, 11, 23, 8, 10 * n), open_answers)
    with world.reading() as s:
        register = register_ids(
            s, world.current_manager_id(s), date(2026, 11, 1), date(2026, 11, 30)
        )
    codes = {world.customers.get(cid).code for cid in register}
    # the nine customers less M002 and X001 (registered after) and M003 (closed before)
    assert codes == {"M001", "M004", "M005", "T001", "T002", "T003"}
    rows = form(export_month(world, "2026-11", tmp_path / "月报.xlsx"))
    assert figure(rows, "在册客户（户）") == 6
    assert figure(rows, "覆盖客户（户）") == 2  # M001 and M005 of the four visited
    assert figure(rows, "走访次数") == 4
    # the week 11-20 .. 11-26 began after M004 closed: M001 and M005 of five
    week = world.weeks.figures(label_for(date(2026, 11, 23)))
    assert (week.customers_covered, week.customers_active) == (2, 5)


def slip_due(world: Journal, due: date, done_at: datetime | None) -> None:
    """A slip of 2026-11-02 to its default departments, due ``due``, every delivery 已落实 at
    ``done_at`` (or not)."""
    shop = world.customers.by_code("M001").id
    when = date(2026, 11, 2)
    data = SlipInput("suspended", "店主装修暂停营业", shop, sub_reason="装修", effective_date=when)
    data = replace(data, return_date=date(2026, 12, 30))
    slip = world.slips.create(data, at=datetime(2026, 11, 2, 15, 0))
    with world.writing("slips") as s:
        s.execute(update(Slip).where(Slip.id == slip.id).values(due_date=due))
        if done_at is not None:
            s.execute(
                update(SlipDelivery)
                .where(SlipDelivery.slip_id == slip.id)
                .values(state="done", updated_at=done_at)
            )


def test_overdue_is_as_at_the_end_of_the_period_and_never_ahead_of_today(
    world: Journal,
) -> None:
    """超期 of a week: deliveries past due and not done at its end. Done later it was still
    overdue then (a report printed again says the same); due after today it is not overdue yet
    (the current week's end lies ahead)."""
    slip_due(world, date(2026, 11, 4), datetime(2026, 11, 20, 10, 0))  # late, done the week after
    slip_due(world, date(2026, 11, 4), datetime(2026, 11, 5, 10, 0))  # late, done that week
    slip_due(world, date(2026, 12, 8), None)  # due tomorrow
    with clock.pinned(datetime(2026, 12, 7, 9, 0), running=False), world.reading() as s:
        m = world.current_manager_id(s)
        last = slip_counts(s, m, date(2026, 11, 2), date(2026, 11, 8))
        this = slip_counts(s, m, date(2026, 12, 4), date(2026, 12, 10))
    assert (last["market"]["overdue"], last["market"]["done"]) == (1, 1)
    assert this["market"]["overdue"] == 0
