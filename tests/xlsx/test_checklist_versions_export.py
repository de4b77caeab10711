"""Exports of visits on two checklist versions (decision 0022), re-opened with python-calamine:
a visit recorded on v1 keeps its v1 answers and labels (宣传品, 终端形象维护) beside the v2
visits' items, in the day's workbook and the week's."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from fieldbook.core.journal import Journal
from fieldbook.core.reports.day import SHEET_VISITS as DAY_VISITS
from fieldbook.core.reports.day import export_day
from fieldbook.core.reports.week import export_week
from fieldbook.core.reports.week_detail import SHEET_ANSWERS
from fieldbook.core.reports.week_rows import SHEET_FINDINGS
from fieldbook.core.routine.week import label_for
from fieldbook.core.store.models import Visit

MON = date(2026, 11, 30)
V1_ONLY = {"ad_material": "部分缺失", "pos_upkeep": "需维护"}


def t(hm: str) -> datetime:
    return datetime.fromisoformat(f"2026-11-30 {hm}")


def two_versions(world: Journal, open_answers: dict[str, object]) -> None:
    """M002 visited on v1 (宣传品 部分缺失, 终端形象 需维护), M003 on v2 (电子烟 on sale)."""
    v1 = world.visits.start(world.customers.by_code("M002").id, at=t("07:35"))
    with world.writing("visits") as s:
        row = s.get(Visit, v1.id)
        assert row is not None
        row.checklist_version = 1
    world.visits.set_shop_status(v1.id, "open")
    v1_answers = {
        k: x
        for k, x in open_answers.items()
        if k not in ("licence_match", "minors_sign", "ecig_on_sale")
    }
    world.visits.save_answers(v1.id, {**v1_answers, **V1_ONLY})
    world.visits.finish(v1.id, at=t("07:45"))
    v2 = world.visits.start(world.customers.by_code("M003").id, at=t("07:50"))
    world.visits.set_shop_status(v2.id, "open")
    world.visits.save_answers(
        v2.id, {**open_answers, "ecig_on_sale": True, "violation_note": "在售电子烟"}
    )
    world.visits.finish(v2.id, at=t("08:00"))


def rows_of(path: Path, sheet: str) -> list[list[Any]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()


def by_shop(rows: list[list[Any]], header_row: int, shop: str) -> dict[str, Any]:
    header = rows[header_row]
    row = next(r for r in rows if shop in r)
    return dict(zip(header, row, strict=False))


def test_the_day_workbook_keeps_v1_answers(
    world: Journal, open_answers: dict[str, object], tmp_path: Path
) -> None:
    two_versions(world, open_answers)
    rows = rows_of(export_day(world, MON, tmp_path / "day.xlsx"), DAY_VISITS)
    old, new = by_shop(rows, 0, "周一店2"), by_shop(rows, 0, "周一店3")
    assert old["宣传品"] == "部分缺失" and old["终端形象维护"] == "需维护"
    assert "终端维护" in old["发现的问题"]
    assert old["在售电子烟"] == ""  # not asked on v1
    assert new["在售电子烟"] == "是" and new["宣传品"] == ""
    assert "销售电子烟" in new["发现的问题"]


def test_the_week_workbook_keeps_v1_answers(
    world: Journal, open_answers: dict[str, object], tmp_path: Path
) -> None:
    two_versions(world, open_answers)
    path = export_week(world, label_for(MON), tmp_path / "week.xlsx")
    rows = rows_of(path, SHEET_ANSWERS)  # 检查项: the answers, grouped by section
    header = next(i for i, r in enumerate(rows) if "宣传品" in r)
    old, new = by_shop(rows, header, "周一店2"), by_shop(rows, header, "周一店3")
    assert old["宣传品"] == "部分缺失" and new["在售电子烟"] == "是"
    findings = {(r[3], r[4]) for r in rows_of(path, SHEET_FINDINGS)}
    assert {("周一店2", "终端维护"), ("周一店3", "销售电子烟")} <= findings
