"""How the day's progress is worded: the plan over capacity apart from the pace, no clock
before the first arrival, no pace on a day to come, a day gone's result (the verdicts are the
core's, ``routine.day_progress``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from fieldbook.core.routine.day_progress import DayProgress, day_progress
from fieldbook.core.routine.plan import plan_rules
from fieldbook.qt.plan_format import pace_line, progress_line

DAY = date(2026, 11, 30)


@dataclass(frozen=True)
class Stop:
    state: str = "planned"
    arrived_at: datetime | None = None
    left_at: datetime | None = None


def at(hm: str, day: date = DAY) -> datetime:
    return datetime.fromisoformat(f"{day} {hm}")


def visited(n: int) -> list[Stop]:
    first = at("07:40")
    return [
        Stop("visited", first + timedelta(minutes=13 * i), first + timedelta(minutes=13 * i + 10))
        for i in range(n)
    ]


def progress(stops: list[Stop], now: datetime) -> DayProgress:
    return day_progress(DAY, stops, 30, now, plan_rules())


def test_before_the_first_arrival_over_capacity_is_not_behind() -> None:
    text = progress_line(progress([Stop()] * 36, at("07:35")))
    assert text == (
        "已访 0 / 计划 36（目标 30） · 计划超出容量 36/30 · 尚未到店，首家到店后开始计时"
        " · 剩余 36 户约需 7小时48分"
    )
    assert "落后" not in text and "已用" not in text


def test_on_the_day_the_clock_runs_from_the_first_arrival() -> None:
    on = progress_line(progress([*visited(24), *[Stop()] * 12], at("12:00")))
    assert on == (
        "已访 24 / 计划 36（目标 30） · 计划超出容量 36/30 · 已用 4小时20分"
        " · 剩余 12 户约需 2小时36分，距 15:00 还有 3小时 · 进度正常"
    )
    behind = progress_line(progress([*visited(10), *[Stop()] * 10], at("14:00")))
    assert behind.endswith("剩余 10 户约需 2小时10分，距 15:00 还有 1小时 · 进度落后")
    assert "超出容量" not in behind
    done = progress_line(progress(visited(3), at("08:30")))
    assert done.endswith("已用 50分 · 计划已全部走完")


def test_a_day_to_come_shows_its_plan_only() -> None:
    p = progress([Stop()] * 36, at("16:00", DAY - timedelta(days=1)))
    assert progress_line(p) == "计划 36 户（目标 30） · 计划超出容量 36/30"
    assert pace_line(p) == ""


def test_a_day_gone_shows_its_result() -> None:
    p = progress([*visited(28), Stop("skipped"), Stop()], at("09:00", DAY + timedelta(days=1)))
    assert (
        progress_line(p)
        == "已访 28 / 计划 30（目标 30） · 未访 2 户 · 在外 6小时1分（07:40–13:41）"
    )
    assert pace_line(p).startswith("首家到店 07:40（应 07:30）")
    assert "未访" not in pace_line(p)
    empty = progress([Stop()] * 3, at("09:00", DAY + timedelta(days=1)))
    assert progress_line(empty) == "已访 0 / 计划 3（目标 30） · 未访 3 户 · 没有到店记录"
