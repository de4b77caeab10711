"""Commands of the day in the field: ``plan``, ``export plan``, ``visits list``."""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta

from fieldbook.cli.common import EXIT_INPUT, EXIT_OK, given_day
from fieldbook.cli.database import journal_for
from fieldbook.cli.form_output import export_form
from fieldbook.cli.output import write_table
from fieldbook.core import clock
from fieldbook.core.reports.form import day_title
from fieldbook.core.reports.plan_sheet import STATE_LABELS, export_plan, reason_text
from fieldbook.core.routine.checklist import finding_labels, load_checklist
from fieldbook.core.routine.visit_checklist import export_items


def cmd_plan(args: argparse.Namespace) -> int:
    with journal_for(args) as journal:
        day = given_day(args)
        plan = journal.plans.build(day)
    progress = plan.progress(clock.now())
    print(
        f"# 拜访计划 {day_title(day)}：{progress.planned} 户（目标 {plan.target_size} 户），"
        f"已访 {progress.done}，未访 {progress.skipped}，待访 {progress.remaining}",
        file=sys.stderr,
    )
    if not plan.working_day:
        print(f"# 注意：{plan.holiday or '这一天不是工作日'}", file=sys.stderr)
    rows = [["序号", "客户编码", "客户名称", "负责人", "联系电话", "经营地址", "计划原因", "状态"]]
    for n, st in enumerate(plan.stops, start=1):
        state = "：".join(x for x in (STATE_LABELS.get(st.state) or "待访", st.state_reason) if x)
        rows.append(
            [
                str(n),
                st.code,
                st.shop_name,
                st.owner_name,
                st.phone,
                st.address,
                reason_text(st.reasons, st.reason_note),
                state,
            ]
        )
    write_table(rows, as_csv=args.csv, raw=args.raw)
    return EXIT_OK


def cmd_export_plan(args: argparse.Namespace) -> int:
    return export_form(args, lambda journal, path: export_plan(journal, given_day(args), path))


def cmd_visits_list(args: argparse.Namespace) -> int:
    end = args.end or clock.today()
    start = args.start or end - timedelta(days=6)
    if start > end:
        print("开始日期晚于结束日期", file=sys.stderr)
        return EXIT_INPUT
    with journal_for(args) as journal:
        visits = journal.visits.list_between(start, end)
    checklist = load_checklist("visit")
    statuses = {st.code: st.label for st in checklist.shop_statuses}
    header = [
        "日期",
        "客户编码",
        "客户名称",
        "到店",
        "离店",
        "分钟",
        "店铺状态",
        "记录状态",
        "补录",
    ]
    items = export_items(v.checklist_version for v in visits)  # a v1 visit: v1's items too
    labels = finding_labels("visit")
    header += [item.label for item in items] + ["发现的问题"]
    rows = [header]
    for v in visits:
        answers = v.answers
        cells = [
            v.visit_date.isoformat(),
            v.customer_code,
            v.shop_name,
            v.arrived_at.strftime("%H:%M") if v.arrived_at else "",
            v.left_at.strftime("%H:%M") if v.left_at else "",
            "" if v.minutes is None else str(v.minutes),
            statuses.get(v.shop_status, v.shop_status),
            "已完成" if v.status == "done" else "草稿",
            "是" if v.late_entry else "",
        ]
        for item in items:
            value = answers.get(item.id)
            if isinstance(value, bool):
                cells.append("是" if value else "否")
            elif isinstance(value, list):
                cells.append("、".join(value))
            else:
                cells.append("" if value is None else str(value))
        cells.append(
            "；".join(
                labels.get(h.finding, h.finding) + (f"（{h.detail}）" if h.detail else "")
                for h in v.findings
            )
        )
        rows.append(cells)
    write_table(rows, as_csv=args.csv, raw=args.raw)
    return EXIT_OK
