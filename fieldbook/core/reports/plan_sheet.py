"""The printable route sheet (拜访路线单) of a day's plan, as an Excel workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from fieldbook.core.reports.form import day_title
from fieldbook.core.reports.saving import save_workbook
from fieldbook.core.routine.plan import PlanView, plan_rules
from fieldbook.core.xlsx.writer import (
    CJK_FONT,
    a4_portrait,
    body_row,
    first_sheet,
    header_row,
    put,
)

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

STATE_LABELS = {"planned": "", "visited": "已访", "skipped": "未访", "removed": "已移除"}
COLUMNS: list[tuple[str, float]] = [
    ("序号", 6),
    ("客户编码", 15),
    ("客户名称", 22),
    ("负责人", 9),
    ("联系电话", 14),
    ("经营地址", 30),
    ("档位", 6),
    ("计划原因", 22),
    ("到店", 8),
    ("离店", 8),
    ("情况/备注", 24),
]


def reason_text(reasons: tuple[str, ...], note: str) -> str:
    labels = plan_rules().reasons
    text = "、".join(labels.get(r, r) for r in reasons)
    return f"{text}：{note}" if note else text


def export_plan(journal: Journal, day: date, path: Path) -> Path:
    """Write the route sheet of ``day`` (building the plan if there is none yet)."""
    plan = journal.plans.get(day) or journal.plans.build(day)
    profile = journal.profile.get()
    wb = Workbook()
    ws = first_sheet(wb, "路线单")
    write_route_sheet(
        ws, plan, profile.name if profile else "", profile.territory if profile else ""
    )
    return save_workbook(wb, path)


def write_route_sheet(ws: Worksheet, plan: PlanView, manager: str, territory: str) -> None:
    width = len(COLUMNS)
    put(ws, 1, 1, f"拜访路线单　{day_title(plan.day)}", bold=True).font = Font(
        name=CJK_FONT, bold=True, size=16
    )
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    stops = plan.active_stops
    info = f"客户经理：{manager}　片区：{territory}　"
    info += f"计划 {len(stops)} 户（目标 {plan.target_size} 户）"
    if plan.holiday:
        info += f"　注意：{plan.holiday}"
    put(ws, 2, 1, info)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    header_row(ws, 3, [c[0] for c in COLUMNS], [c[1] for c in COLUMNS])
    for n, stop in enumerate(stops, start=1):
        state = STATE_LABELS.get(stop.state, stop.state)
        remark = "：".join(x for x in (state, stop.state_reason) if x)
        if stop.followups_open:
            remark = "；".join(x for x in (remark, f"跟踪事项 {stop.followups_open} 项") if x)
        body_row(
            ws,
            n + 3,
            [
                n,
                stop.code,
                stop.shop_name,
                stop.owner_name,
                stop.phone,
                stop.address,
                stop.grade,
                reason_text(stop.reasons, stop.reason_note),
                stop.arrived_at.strftime("%H:%M") if stop.arrived_at else "",
                stop.left_at.strftime("%H:%M") if stop.left_at else "",
                remark,
            ],
        )
        ws.row_dimensions[n + 3].height = 24  # room to write arrival and departure by hand
    ws.freeze_panes = "A4"
    a4_portrait(ws, title_rows="3:3", landscape=True)
