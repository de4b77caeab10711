"""Commands of the end of the day (15:00–16:00): ``import orders`` (the ordering
system's export), ``export day`` (the work log workbook), ``log show`` and ``log submit``."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from typing import Any

from fieldbook.cli.common import EXIT_OK, given_day
from fieldbook.cli.database import journal_for, submit_once
from fieldbook.cli.form_output import export_form
from fieldbook.cli.imports import exit_code, outcome, print_problems, run_import
from fieldbook.core.reports.day import export_day
from fieldbook.core.reports.form import day_title
from fieldbook.core.routine.class_structure import headline_text, points_text, row_change_points
from fieldbook.core.routine.daylog import LIST_SECTIONS, TEXT_SECTIONS, DayLogView
from fieldbook.core.routine.daylog_text import (
    SECTION_ORDER,
    STATUS_NAMES,
    section_label,
    section_text,
    time_facts,
)
from fieldbook.core.routine.orders import OrdersReport, import_orders
from fieldbook.core.routine.targets import progress_lines
from fieldbook.messages import message

WEEKDAYS = "一二三四五六日"


def _title(day: date) -> str:
    return f"{day.isoformat()}（周{WEEKDAYS[day.weekday()]}）"


def print_orders_report(report: OrdersReport, before: dict[date, int]) -> None:
    print_problems(report)
    for day, (lines, cartons, fen) in report.days.items():
        old = before.get(day, 0)
        if not old:
            replaced = "新的一天"
        elif report.applied:
            replaced = f"替换了原有的 {old} 行"
        else:
            replaced = f"导入时将替换原有的 {old} 行"
        print(f"{_title(day)}：{lines} 行，{cartons} 条，金额 {fen / 100:.2f} 元 — {replaced}")
    state = outcome(report)
    total = sum(n for n, _c, _f in report.days.values())
    print(
        f"订单：{len(report.days)} 天，{total} 行；有问题 {len(report.rejected_rows)} 行，"
        f"跳过 {len(report.skipped_rows)} 行（空行/合计行） — {state}"
    )
    if report.no_order_suggested:
        print(f"连续未订货：{report.no_order_suggested} 户，已建议填写不订货反馈单")


def cmd_import_orders(args: argparse.Namespace) -> int:
    report = run_import(args, import_orders)
    print_orders_report(report, report.existing_lines)  # what the file's days held before
    return exit_code(report, args)


def cmd_export_day(args: argparse.Namespace) -> int:
    return export_form(args, lambda journal, path: export_day(journal, given_day(args), path))


def _status(view: DayLogView) -> str:
    text = STATUS_NAMES.get(view.status, view.status)
    if view.status == "submitted" and view.submitted_at:
        text += f"（{view.submitted_at:%Y-%m-%d %H:%M}）"
    return text


def _figures(f: dict[str, Any]) -> str:
    rate = f.get("order_rate")
    per = f.get("per_carton_fen")
    return (
        f"应订 {f.get('due', 0)} 户，已订 {f.get('ordered', 0)} 户，"
        f"订货率 {'—' if rate is None else f'{rate:.1%}'}，订货量 {f.get('cartons', 0)} 条，"
        f"金额 {(f.get('amount_fen') or 0) / 100:.2f} 元，"
        f"单条值 {'—' if per is None else f'{per / 100:.2f}'} 元/条"
    )


def log_lines(view: DayLogView, manager: str, targets: Sequence[str] = ()) -> list[str]:
    """The log as plain text lines (``fieldbook log show``); ``targets``: the month's
    progress lines (``routine.targets.progress_lines``)."""
    f = view.facts
    out = [f"工作日志 {day_title(view.day)} — {_status(view)}"]
    if manager:
        out.append(f"客户经理：{manager}")
    skipped = "、".join(f"{k} {v}" for k, v in (f.skipped_reasons or {}).items())
    out.append(
        f"走访：计划 {f.planned} 户，已访 {f.done} 户，未访 {f.skipped} 户"
        + (f"（{skipped}）" if skipped else "")
    )
    out.extend(f"{t.label}：{t.value}（标准 {t.standard}，{t.verdict}）" for t in time_facts(f))
    found = "、".join(f"{k} {v} 户" for k, v in (f.findings or {}).items()) or "无"
    out.append(f"发现的问题：{found}")
    out.append(f"新建反馈单：{'；'.join(f.slips_created) or '无'}")
    out.append(f"关闭跟踪事项：{f.followups_closed} 项")
    orders = f.orders or {}
    out.append(f"订货：{_figures(orders.get('figures') or {})}")
    rows = orders.get("structure") or []
    structure = "、".join(
        f"{s.get('name')} {s.get('cartons')} 条（{float(s.get('share') or 0):.1%}，"
        f"较上周同日 {points_text(row_change_points(s))}）"
        for s in rows
    )
    if structure:
        out.append(f"结构：{structure}")
        out.append(f"　　　{headline_text(rows, '上周同日')}")
    out.append(f"上周同日：{_figures(orders.get('last_week') or {})}")
    out.append(f"本月累计：{_figures(orders.get('month_to_date') or {})}")
    out.extend(f"月度任务：{line}" for line in targets)
    non = "、".join(
        f"{n.get('shop_name')}（{n.get('reason') or '未注明'}）"
        for n in orders.get("non_orderers") or []
    )
    out.append(f"未订货：{non or '无'}")
    out.append(f"次日计划：{f.tomorrow or '未制定'}")
    names = [n for n in SECTION_ORDER if n != "tomorrow"]
    names += [n for n in (*TEXT_SECTIONS, *LIST_SECTIONS) if n not in names]
    for name in names:
        value = view.sections.get(name)
        out.append(f"[{section_label(name)}]")
        out.append(section_text(name, value) if value else "（未填写）")
    if view.corrections:
        out.append("[更正记录]")
        for c in view.corrections:
            name = c.field.removeprefix("sections.")
            old = section_text(name, c.old_value).replace("\n", "；")
            new = section_text(name, c.new_value).replace("\n", "；")
            label = section_label(name)
            out.append(f"{c.at:%Y-%m-%d %H:%M} {label}：“{old}” → “{new}”（原因：{c.reason}）")
    return out


def cmd_log_show(args: argparse.Namespace) -> int:
    with journal_for(args) as journal:
        view = journal.daylogs.get(given_day(args))
        profile = journal.profile.get()
        month = journal.targets.progress(view.day)
    manager = f"{profile.name}（{profile.code}）" if profile else ""
    for line in log_lines(view, manager, progress_lines(month)):
        print(line)
    return EXIT_OK


def cmd_log_submit(args: argparse.Namespace) -> int:
    day = given_day(args)
    return submit_once(
        args,
        lambda journal: journal.daylogs.submit(day),
        already="log_submitted",
        # the core names the field "status", which the wording reads as 经营状态
        refusal=f"{day.isoformat()}：{message('log_submitted')}",
        done=lambda view: (
            f"工作日志 {view.day.isoformat()} {_status(view)}：之后的修改只能更正（需写明原因）"
        ),
    )
