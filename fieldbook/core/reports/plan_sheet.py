"""The printable route sheet (拜访路线单) of a day's plan, as an Excel workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from fieldbook.core.reports.form import day_title
from fieldbook.core.reports.official import (
    FormHead,
    form_head,
    signature_block,
    standardise,
    write_head,
)
from fieldbook.core.reports.saving import save_workbook
from fieldbook.core.routine.plan import PlanView, plan_rules
from fieldbook.core.xlsx.writer import (
    a4_portrait,
    body_row,
    first_sheet,
    header_row,
    put,
    row_height,
)

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

STATE_LABELS = {"planned": "", "visited": "已访", "skipped": "未访", "removed": "已移除"}
COLUMNS: list[tuple[str, float]] = [
    ("序号", 6),
    ("客户编码", 17),  # 12 digits on one line on paper
    ("客户名称", 22),
    ("负责人", 9),
    ("联系电话", 16),  # 11 digits on one line
    ("经营地址", 30),
    ("档位", 6),
    ("计划原因", 20),
    ("到店", 8),
    ("离店", 8),
    ("情况/备注", 24),
]


#: The route sheet's 备注 names each open follow-up, shortened, up to this many.
FOLLOWUP_CHARS = 16
MAX_FOLLOWUPS = 3
CIRCLED = "①②③④⑤⑥⑦⑧⑨"


def reason_text(reasons: tuple[str, ...], note: str) -> str:
    labels = plan_rules().reasons
    text = "、".join(labels.get(r, r) for r in reasons)
    return f"{text}：{note}" if note else text


def export_plan(journal: Journal, day: date, path: Path) -> Path:
    """Write the route sheet of ``day`` (building the plan if there is none yet)."""
    plan = journal.plans.get(day) or journal.plans.build(day)
    profile = journal.profile.get()
    head = form_head(journal, "拜访路线单", day_title(day))
    wb = Workbook()
    ws = first_sheet(wb, "路线单")
    write_route_sheet(ws, plan, head, profile.territory if profile else "", open_followups(journal))
    standardise(wb, head.unit)
    return save_workbook(wb, path)


def open_followups(journal: Journal) -> dict[str, list[str]]:
    """The open follow-ups' texts by customer (one query), for the sheet's 备注."""
    out: dict[str, list[str]] = {}
    for f in journal.followups.list():
        out.setdefault(f.customer_id, []).append(f.text)
    return out


def followup_note(texts: list[str]) -> str:
    """「跟踪：① 价签缺失…；② …」: each follow-up shortened to ``FOLLOWUP_CHARS`` characters."""
    items = []
    for n, text in enumerate(texts[:MAX_FOLLOWUPS]):
        one = " ".join(text.split())
        short = one if len(one) <= FOLLOWUP_CHARS else one[: FOLLOWUP_CHARS - 1] + "…"
        items.append(f"{CIRCLED[n]}{short}")
    if len(texts) > MAX_FOLLOWUPS:
        items.append(f"另 {len(texts) - MAX_FOLLOWUPS} 项")
    return "跟踪：" + "；".join(items)


def write_route_sheet(
    ws: Worksheet,
    plan: PlanView,
    head: FormHead,
    territory: str,
    followups: dict[str, list[str]],
) -> None:
    width = len(COLUMNS)
    top = write_head(ws, 1, head, width)
    stops = plan.active_stops
    info = f"片区：{territory}　"
    info += f"计划 {len(stops)} 户（目标 {plan.target_size} 户）"
    if plan.holiday:
        info += f"　注意：{plan.holiday}"
    put(ws, top, 1, info)
    ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=width)
    first = top + 2  # the table's first body row
    header_row(ws, first - 1, [c[0] for c in COLUMNS], [c[1] for c in COLUMNS])
    for n, stop in enumerate(stops, start=1):
        state = STATE_LABELS.get(stop.state, stop.state)
        remark = "：".join(x for x in (state, stop.state_reason) if x)
        texts = followups.get(stop.customer_id, [])
        if texts:
            remark = "；".join(x for x in (remark, followup_note(texts)) if x)
        elif stop.followups_open:
            remark = "；".join(x for x in (remark, f"跟踪事项 {stop.followups_open} 项") if x)
        values: list[object] = [
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
        ]
        body_row(ws, first + n - 1, values)
        # room to write arrival and departure by hand, and every wrapped line of a cell shown
        wrapped = [(v, w) for v, (_, w) in zip(values, COLUMNS, strict=True) if isinstance(v, str)]
        ws.row_dimensions[first + n - 1].height = row_height(wrapped, minimum=24)
    ws.freeze_panes = f"A{first}"
    a4_portrait(ws, title_rows=f"{first - 1}:{first - 1}", landscape=True)
    signature_block(ws, first + len(stops) + 1, ("客户经理",), width)
