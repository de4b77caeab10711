"""货源信息 drafted into the day log for the next working day's shops: the limits for the
档位 on tomorrow's route, by hand; never over what the manager wrote; kept at submit."""

from __future__ import annotations

from datetime import date

from fieldbook.core.journal import Journal
from fieldbook.core.master.customers import CustomerInput
from fieldbook.core.master.supply import Band, SupplyInput, SupplyRow
from fieldbook.core.routine.supply_draft import limits_note

MON = date(2026, 11, 30)
LIMITED = "限量：8–12 档限 2 条（1 户），13–30 档限 5 条（1 户）；档位未填 3 户"


def tuesday_supply(j: Journal) -> None:
    """周二线路: 周二店1-3 (no grade) and two graded shops; 中华 limited, 玉溪 tight."""
    for code, grade in (("T010", 10), ("T020", 20)):
        j.customers.create(
            CustomerInput(
                code=code,
                shop_name=f"周二{grade}档店",
                route="周二线路",
                order_weekday=2,
                grade=grade,
            )
        )
    skus = {r.code: r.id for r in j.catalog.list()}
    j.supply.set(skus["13100101"], SupplyInput("limited", "1-7:1;8-12:2;13-30:5", MON))
    j.supply.set(skus["15300202"], SupplyInput("tight", "", MON))


def test_the_draft_names_the_limits_of_tomorrows_grades(world: Journal) -> None:
    tuesday_supply(world)
    view = world.daylogs.get(MON)  # Monday: tomorrow is 周二线路, no plan yet
    assert view.sections["supply_info"] == [
        {"sku": "玉溪(硬)", "note": "紧俏"},
        {"sku": "中华(硬)", "note": LIMITED},
    ]


def test_the_draft_follows_tomorrows_plan_when_there_is_one(world: Journal) -> None:
    tuesday_supply(world)
    world.plans.build(date(2026, 12, 1))
    plan = world.plans.get(date(2026, 12, 1))
    assert plan is not None
    for stop in plan.active_stops:
        if stop.code != "T020":
            world.plans.remove_stop(stop.id, "其他")
    view = world.daylogs.get(MON)
    assert view.sections["supply_info"][1]["note"] == "限量：13–30 档限 5 条（1 户）"


def test_what_the_manager_wrote_is_never_overwritten(world: Journal) -> None:
    tuesday_supply(world)
    mine = [{"sku": "中华(硬)", "note": "明天只告诉重点户"}]
    world.daylogs.save_section(MON, "supply_info", mine)
    assert world.daylogs.get(MON).sections["supply_info"] == mine
    world.daylogs.save_section(MON, "supply_info", [])  # cleared on purpose: stays cleared
    assert world.daylogs.get(MON).sections["supply_info"] == []


def test_submitting_keeps_the_draft_the_manager_saw(world: Journal) -> None:
    tuesday_supply(world)
    world.daylogs.save_section(MON, "problems", "无")
    submitted = world.daylogs.submit(MON)
    assert submitted.sections["supply_info"][1] == {"sku": "中华(硬)", "note": LIMITED}
    skus = {r.code: r.id for r in world.catalog.list()}
    world.supply.set(skus["13100101"], SupplyInput("normal", "", MON))
    assert world.daylogs.get(MON).sections["supply_info"][1]["note"] == LIMITED


def test_a_limit_no_shop_of_tomorrow_falls_in_still_names_its_bands() -> None:
    """Tomorrow's shops have no 档位 (or are outside every band): the note still says what the
    limits are — it read 「限量：；档位未填 2 户」, nothing to tell a shop."""
    row = SupplyRow("s", "13100101", "中华(硬)", "limited", (Band(8, 12, 2),), date(2026, 11, 30))
    assert limits_note(row, [None, None]) == "限量：8–12 档限 2 条；档位未填 2 户"
    assert limits_note(row, [3]) == "限量：8–12 档限 2 条；1 户不在投放档位内"
    assert limits_note(row, [9, 3]) == "限量：8–12 档限 2 条（1 户）；1 户不在投放档位内"
