"""How the day in the field is worded on screen: why a stop is in the plan, its state, the
day's progress (the core's verdict: over capacity, the pace, a day gone's result), suggested
slip categories."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from fieldbook.core.display_names import display_name
from fieldbook.core.routine.day_progress import Pace
from fieldbook.core.routine.plan import plan_rules
from fieldbook.qt.formatting import day_label, duration, hm, listing, short_date
from fieldbook.qt.i18n import ui_language

__all__ = [
    "day_notice",
    "pace_line",
    "pace_rule",
    "progress_line",
    "reason_text",
    "slip_name",
    "slip_names",
    "state_text",
]

if TYPE_CHECKING:
    from fieldbook.core.routine.day_progress import DayProgress
    from fieldbook.core.routine.plan import PlanView, StopView

translate = QCoreApplication.translate


def _t(text: str) -> str:
    return translate("PlanFormat", text)


def reason_text(stop: StopView) -> str:
    """``线路``, ``顺延：11月27日未走访（关门未遇）``, ``线路、跟踪到期：复查陈列整改``."""
    labels, lang = plan_rules().reasons, ui_language()
    text = listing(
        display_name("plan.reasons", code, lang, labels.get(code, code)) for code in stop.reasons
    )
    if not stop.reason_note:
        return text
    return _t("{reasons}：{note}").format(reasons=text, note=stop.reason_note)


def state_text(stop: StopView) -> str:
    """待访 / 走访中 07:41 到店 / 已访 07:41–07:52（11 分钟） / 未访：原因 / 已移除：原因."""
    if stop.state == "visited":
        if stop.arrived_at and stop.left_at:
            minutes = round((stop.left_at - stop.arrived_at).total_seconds() / 60)
            return _t("已访 {start}–{end}（{n} 分钟）").format(
                start=hm(stop.arrived_at), end=hm(stop.left_at), n=minutes
            )
        return _t("已访")
    if stop.state == "skipped":
        reason = display_name("plan.skip_reasons", stop.state_reason, ui_language())
        return _t("未访：{reason}").format(reason=reason)
    if stop.state == "removed":
        reason = display_name("plan.remove_reasons", stop.state_reason, ui_language())
        return _t("已移除：{reason}").format(reason=reason)
    if stop.visit_status == "draft":
        if stop.arrived_at:
            return _t("走访中 {time} 到店").format(time=hm(stop.arrived_at))
        return _t("走访中")
    return _t("待访")


def progress_line(progress: DayProgress) -> str:
    """The day's progress as the core judged it (``day_progress``), e.g.
    ``已访 12 / 计划 36（目标 30）· 计划超出容量 36/30 · 已用 3小时10分 · 还需 5小时15分，距
    15:00 回到单位还有 4小时 · 进度落后`` (what the 5小时15分 is made of: ``pace_line``); a day
    to come shows only its plan, a day before the first arrival no clock and no verdict (what
    the day needs, ``剩余 36 户 6小时 + 午餐 30分 + 返程 45分 = 7小时15分``), a day gone its
    result."""
    if progress.pace is Pace.FUTURE:
        parts = [
            _t("计划 {planned} 户（目标 {target}）").format(
                planned=progress.planned, target=progress.target
            )
        ]
    else:
        parts = [
            _t("已访 {done} / 计划 {planned}（目标 {target}）").format(
                done=progress.done, planned=progress.planned, target=progress.target
            )
        ]
    if progress.over_capacity:
        parts.append(
            _t("计划超出容量 {planned}/{target}").format(
                planned=progress.planned, target=progress.target
            )
        )
    if progress.pace is Pace.PAST:
        parts.extend(_result(progress))
    elif progress.pace is not Pace.FUTURE:
        parts.extend(_pace(progress))
    return " · ".join(parts)


def _pace(progress: DayProgress) -> list[str]:
    """The day itself: the clock from the first arrival, what remains, the verdict."""
    if progress.pace is Pace.NOT_STARTED:
        parts = [_t("尚未到店，首家到店后开始计时")]
    else:
        parts = [_t("已用 {used}").format(used=duration(progress.minutes_elapsed or 0))]
    if not progress.remaining:
        return [*parts, _t("计划已全部走完")]
    if progress.minutes_left is None:
        return [*parts, _ahead(progress)]
    left = _t("还需 {need}，距 {end} 回到单位还有 {time}").format(
        need=duration(progress.minutes_needed),
        end=hm(progress.back_by),
        time=duration(progress.minutes_left),
    )
    verdict = _t("进度落后") if progress.behind else _t("进度正常")
    return [*parts, left, verdict]  # what the time needed is made of: pace_line


def _ahead(progress: DayProgress) -> str:
    """What is still ahead: ``剩余 12 户 2小时 + 午餐 30分 + 返程 45分 = 3小时15分``."""
    terms = [
        _t("剩余 {n} 户 {time}").format(n=progress.remaining, time=duration(progress.shops_minutes))
    ]
    if progress.lunch_minutes:
        terms.append(_t("午餐 {time}").format(time=duration(progress.lunch_minutes)))
    terms.append(_t("返程 {time}").format(time=duration(progress.trip_back_minutes)))
    return _t("{terms} = {time}").format(
        terms=" + ".join(terms), time=duration(progress.minutes_needed)
    )


def _result(progress: DayProgress) -> list[str]:
    """A day gone: what was not visited and the time in the field."""
    parts = []
    missed = progress.skipped + progress.remaining
    if missed:
        parts.append(_t("未访 {n} 户").format(n=missed))
    if progress.minutes_elapsed is not None and progress.first_arrival and progress.last_departure:
        parts.append(
            _t("在外 {time}（{start}–{end}）").format(
                time=duration(progress.minutes_elapsed),
                start=hm(progress.first_arrival),
                end=hm(progress.last_departure),
            )
        )
    else:
        parts.append(_t("没有到店记录"))
    return parts


def pace_rule(progress: DayProgress) -> str:
    """What 「进度正常」 means on the day (the progress line's tooltip)."""
    rules = plan_rules()
    return _t(
        "进度正常：剩余的户数每户 {shop} 分钟，加上还没吃的午餐 {lunch} 分钟和返程 {back} 分钟，"
        "能在 {end} 前回到单位"
    ).format(
        shop=rules.minutes_per_shop,
        lunch=rules.lunch_minutes,
        back=rules.trip_back_minutes,
        end=hm(progress.back_by),
    )


def pace_line(progress: DayProgress) -> str:
    """到达片区 07:41（应 07:30）· 平均每户 11.2 分钟（标准 10 分钟）· 剩余 12 户 2小时 + 午餐
    30分 + 返程 45分 = 3小时15分 · 未访 2 户 ("" for a day to come)."""
    if progress.pace is Pace.FUTURE:
        return ""
    rules = plan_rules()
    start = hm(rules.arrive_in_area)
    if progress.first_arrival is not None:
        parts = [
            _t("到达片区 {time}（应 {start}）").format(time=hm(progress.first_arrival), start=start)
        ]
    else:
        parts = [_t("还没有到店记录（应 {start} 到达片区）").format(start=start)]
    if progress.average_minutes is not None:
        parts.append(
            _t("平均每户 {n:g} 分钟（标准 {std} 分钟）").format(
                n=progress.average_minutes, std=rules.minutes_per_shop
            )
        )
    if progress.remaining and progress.minutes_left is not None:  # the verdict's sum
        parts.append(_ahead(progress))
    if progress.skipped and progress.pace is not Pace.PAST:  # a day gone: in its result
        parts.append(_t("未访 {n} 户").format(n=progress.skipped))
    return " · ".join(parts)


def day_notice(view: PlanView | None, day: date, working_day: bool, holiday: str | None) -> str:
    """A warning when the date is not a working day, or the holiday calendar does not cover
    its year ("" otherwise)."""
    notes = []
    if holiday:
        notes.append(
            _t("{day}是{holiday}假期，不是工作日。").format(day=short_date(day), holiday=holiday)
        )
    elif not working_day:
        notes.append(_t("{day}不是工作日。").format(day=day_label(day)))
    covered = view.calendar_covered if view is not None else True
    if not covered:
        notes.append(
            _t("节假日数据未覆盖 {year} 年：工作日只按周一至周五判断。").format(year=day.year)
        )
    return "".join(notes)


def slip_names() -> dict[str, str]:
    """Feedback-slip categories as the user knows them."""
    return {
        "new": _t("新增"),
        "closed": _t("关业"),
        "suspended": _t("暂停"),
        "violation": _t("违纪"),
        "no_order": _t("不订货"),
        "brand": _t("品牌上柜"),
        "info_change": _t("信息变更"),
    }


def slip_name(code: str) -> str:
    return slip_names().get(code, code)
