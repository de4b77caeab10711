"""Orders import and the day's indicators, checked against hand-computed values."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sample_data import WORLD_MONDAY_ORDERS as DAY
from sample_data import orders_workbook

from fieldbook.core.errors import FileRejected
from fieldbook.core.journal import Journal
from fieldbook.core.routine.indicators import day_indicators
from fieldbook.core.routine.orders import import_orders

MON = date(2026, 11, 30)


def test_indicators_match_hand_computed_values(world: Journal, tmp_path: Path) -> None:
    report = import_orders(world, orders_workbook(tmp_path / "o.xlsx", DAY))
    assert report.applied and report.problems == []
    ind = day_indicators(world, MON)
    f = ind.figures
    assert (f.due, f.ordered) == (5, 2)  # 周一店1-5 due, 1 and 2 ordered
    assert f.order_rate == pytest.approx(0.4)
    assert f.cartons == 20 and f.amount_fen == 257976
    assert f.per_carton_fen == pytest.approx(257976 / 20)
    shares = {c.name: (c.cartons, round(c.share, 4)) for c in ind.structure}
    assert shares["一类"] == (2, 0.1) and shares["二类"] == (3, 0.15)
    assert shares["三类"] == (15, 0.75) and shares["四类"] == (0, 0.0)
    assert [n.shop_name for n in ind.non_orderers] == ["周一店3", "周一店4", "周一店5"]
    assert ind.last_week.cartons == 0 and ind.month_to_date.cartons == 20


def test_non_orderers_show_the_reason_a_visit_recorded(
    world: Journal, tmp_path: Path, open_answers: dict[str, object]
) -> None:
    from datetime import datetime

    c = world.customers.by_code("M003").id
    v = world.visits.start(c, at=datetime(2026, 11, 30, 9, 0))
    world.visits.set_shop_status(v.id, "open")
    world.visits.save_answers(
        v.id, {**open_answers, "will_order": "不订", "no_order_reason": "库存充足"}
    )
    world.visits.finish(v.id, at=datetime(2026, 11, 30, 9, 10))
    import_orders(world, orders_workbook(tmp_path / "o.xlsx", DAY))
    reasons = {n.shop_name: n.reason for n in day_indicators(world, MON).non_orderers}
    assert reasons == {"周一店3": "库存充足", "周一店4": "", "周一店5": ""}


def test_comparisons_with_last_week_and_month_to_date(world: Journal, tmp_path: Path) -> None:
    last_week = [["2026-11-23", "M001", "", "13100101", "", 4, 1526.40]]
    import_orders(world, orders_workbook(tmp_path / "a.xlsx", last_week))
    import_orders(world, orders_workbook(tmp_path / "b.xlsx", DAY))
    ind = day_indicators(world, MON)
    assert ind.last_week.cartons == 4 and ind.last_week.ordered == 1 and ind.last_week.due == 5
    assert ind.month_to_date.cartons == 24 and ind.month_to_date.amount_fen == 257976 + 152640
    # November 2026 up to the 30th, the days with imported orders only (decision 0025): the
    # Mondays 23rd and 30th, 5 due each (counting every day, 5 Mondays × 5 + 4 Tuesdays × 3 = 37,
    # made the days never imported read as nobody ordering)
    assert ind.month_to_date.due == 10 and ind.month_to_date.ordered == 3


def test_importing_a_day_again_replaces_it(world: Journal, tmp_path: Path) -> None:
    import_orders(world, orders_workbook(tmp_path / "o.xlsx", DAY))
    preview = import_orders(world, orders_workbook(tmp_path / "o2.xlsx", DAY[:1]), dry_run=True)
    assert preview.existing_lines == {MON: 4} and not preview.applied
    again = import_orders(world, orders_workbook(tmp_path / "o2.xlsx", DAY[:1]))
    assert again.applied and again.replaced_lines == 4
    assert day_indicators(world, MON).figures.cartons == 2
    assert again.days == {MON: (1, 2, 76320)}


def test_unknown_customers_and_skus_reported_by_row(world: Journal, tmp_path: Path) -> None:
    rows = [
        *DAY,
        ["2026-11-30", "NOPE", "", "13100101", "", 1, 381.60],
        ["2026-11-30", "M003", "", "99999999", "不存在(硬)", 1, 10],
        ["2026-11-30", "M003", "", "13100101", "", -1, 10],
        ["昨天", "M003", "", "13100101", "", 1, 10],
    ]
    report = import_orders(world, orders_workbook(tmp_path / "bad.xlsx", rows))
    assert not report.applied
    assert {(p.row, p.column, p.code) for p in report.problems} == {
        (7, "客户编码", "unknown_customer"),
        (8, "卷烟代码", "unknown_sku"),
        (9, "订购量(条)", "cartons_out_of_range"),
        (10, "订单日期", "date_format"),
    }
    assert day_indicators(world, MON).figures.cartons == 0  # all or nothing


def test_sku_by_name_and_amount_from_the_price_when_missing(world: Journal, tmp_path: Path) -> None:
    rows = [["2026-11-30", "M001", "中华（硬）", 3]]
    path = orders_workbook(
        tmp_path / "n.xlsx", rows, header=["订单日期", "客户编码", "卷烟名称", "订购量"]
    )
    report = import_orders(world, path)
    assert report.applied
    assert day_indicators(world, MON).figures.amount_fen == 3 * 38160


def test_csv_export_and_a_bad_file(world: Journal, tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(
        "订单日期,客户编码,卷烟代码,订购量(条),金额\n2026/11/30,M002,13100101,1,381.6\n",
        encoding="utf-8-sig",
    )
    assert import_orders(world, path).applied
    bad = tmp_path / "orders.xlsx"
    bad.write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(FileRejected):
        import_orders(world, bad)
    assert day_indicators(world, MON).figures.cartons == 1
