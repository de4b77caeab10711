"""Commands of Thursday 14:00–15:00 (周总结 / 周计划): ``export week`` (the
workbook for the market department), ``export month`` (the same layout over a month),
``week show``, ``week submit`` and ``week resubmit`` (a returned report, decision 0029).

``--manager CODE`` exports that manager's week (on the department server, or any database
holding several managers: ``Journal.for_manager``); an unknown code is exit 2. Without it,
the database's own manager."""

from __future__ import annotations

import argparse

from fieldbook.cli.common import EXIT_INPUT, EXIT_OK, err
from fieldbook.cli.database import journal_for, submit_once
from fieldbook.cli.form_output import export_form
from fieldbook.cli.period import given_period
from fieldbook.core import clock
from fieldbook.core.journal import Journal
from fieldbook.core.reports.week import export_month, export_period, export_week, plan_text
from fieldbook.core.routine.attendance import mark_label
from fieldbook.core.routine.period_figures import missing_days_text
from fieldbook.core.routine.week import (
    NARRATIVE,
    PLAN_FIELDS,
    WeekView,
    label_for,
    report_period,
)
from fieldbook.core.routine.week_figures import WeekFigures
from fieldbook.core.routine.week_rounds import ReviewRound
from fieldbook.core.workdays import month_range

STATUS = {"none": "尚未填写", "draft": "草稿", "submitted": "已提交", "reviewed": "已审阅"}


def _label(args: argparse.Namespace) -> str:
    if not args.week:
        return label_for(clock.today())
    label: str = args.week.strip().upper()
    report_period(label)  # InvalidValue (exit 2) on a bad label
    return label


def _scoped(journal: Journal, code: str | None) -> Journal:
    """The journal seen as manager ``code`` (``InvalidValue``, exit 2, when unknown)."""
    return journal.for_manager(code) if code else journal


def cmd_export_week(args: argparse.Namespace) -> int:
    label = _label(args)
    return export_form(
        args, lambda journal, path: export_week(_scoped(journal, args.manager), label, path)
    )


def cmd_export_month(args: argparse.Namespace) -> int:
    month_range(args.month)  # InvalidValue (exit 2) on a bad month
    return export_form(
        args, lambda journal, path: export_month(_scoped(journal, args.manager), args.month, path)
    )


def cmd_export_period(args: argparse.Namespace) -> int:
    start, end = given_period(args)
    if (end - start).days > 366 * 5:
        err("一次最多导出五年")
        return EXIT_INPUT
    return export_form(
        args, lambda journal, path: export_period(_scoped(journal, args.manager), start, end, path)
    )


def week_lines(view: WeekView) -> list[str]:

    f = view.figures
    status = STATUS.get(view.status, view.status)
    if view.status == "reviewed":
        status += f"（{'通过' if view.review == 'approved' else '退回'}）"
        if view.review_comment:
            status += f" 意见：{view.review_comment}"
    rate = f"{f.completion_rate:.1%}" if f.completion_rate is not None else "—"
    out = [
        f"周报 {view.label}（{view.start.isoformat()} 至 {view.end.isoformat()}）：{status}",
        f"拜访 计划 {f.planned} 户，完成 {f.visited} 户，完成率 {rate}；"
        f"覆盖 {f.customers_covered}/{f.customers_active} 户；出勤 {f.days_in_field} 天",
        f"订货 {f.cartons} 条，金额 {f.amount_fen / 100:.2f} 元"
        f"（上周 {f.previous_cartons} 条，{f.previous_amount_fen / 100:.2f} 元）",
        _order_rate_line(f),
    ]
    marked = [
        f"{d.day:%m-%d} {mark_label(d.attendance, d.leave_type)}" for d in f.days if d.attendance
    ]
    if marked:  # 出勤 (routine.attendance): out of the rate and 出勤天数, or 未说明
        out.append("请假/公务、未说明：" + "，".join(marked))
    if f.findings:
        out.append("发现问题：" + "，".join(f"{k} {v}" for k, v in f.findings.items()))
    for key, label in NARRATIVE.items():
        out.append(f"{label}：{view.narrative.get(key) or '（空）'}")
    for key, label in PLAN_FIELDS.items():
        out.append(f"{label}：{plan_text(key, view.next_plan.get(key))}")
    if len(view.rounds) > 1 or (view.rounds and view.rounds[0].review):
        out += [f"审阅记录：{line}" for line in round_lines(view.rounds)]
    for c in view.corrections:
        key = c.field.split(".", 1)[-1]
        label = NARRATIVE.get(key) or PLAN_FIELDS.get(key) or key
        out.append(f"更正 {c.at:%Y-%m-%d %H:%M} {label}：{c.reason}")
    return out


def round_lines(rounds: tuple[ReviewRound, ...]) -> list[str]:
    """One line per round of the review (decision 0029)."""
    out = []
    for r in rounds:
        line = f"第 {r.round} 轮 {r.submitted_at:%Y-%m-%d %H:%M} 提交"
        if r.review:
            verdict = "通过" if r.review == "approved" else "退回"
            line += f" → {r.reviewed_at:%Y-%m-%d %H:%M} {r.reviewer} {verdict}"
            line += f"：{r.review_comment}" if r.review_comment else ""
        else:
            line += " → 等待审阅"
        out.append(line)
    return out


def _order_rate_line(f: WeekFigures) -> str:
    """订货率 over the days with imported orders, and the days missing (period_figures)."""
    rate = f.order_rate
    text = "订货率 " + (f"{rate.rate:.1%}" if rate.rate is not None else "—")
    text += f"（订货 {rate.ordered} ÷ 应订货 {rate.due} 户次）"
    if rate.missing:
        text += f"；{missing_days_text(rate.missing)}未导入订单"
    return text


def cmd_week_show(args: argparse.Namespace) -> int:
    label = _label(args)
    with journal_for(args) as journal:
        view = journal.weeks.get(label)
    print("\n".join(week_lines(view)))
    return EXIT_OK


def cmd_week_submit(args: argparse.Namespace) -> int:
    label = _label(args)
    return submit_once(
        args,
        lambda journal: journal.weeks.submit(label),
        already="week_submitted",
        refusal=f"周报 {label} 已提交：之后的修改只能更正（需写明原因）",
        done=lambda view: f"周报 {view.label} 已提交：之后的修改只能更正（需写明原因）",
    )


def cmd_week_resubmit(args: argparse.Namespace) -> int:
    label = _label(args)
    return submit_once(
        args,
        lambda journal: journal.weeks.resubmit(label),
        already="week_not_returned",
        refusal=f"周报 {label} 没有被退回：只有退回的周报才能重新提交",
        done=lambda view: f"周报 {view.label} 已重新提交（第 {len(view.rounds)} 轮审阅）",
    )
