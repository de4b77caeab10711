"""How the day's progress is worded: the plan over capacity apart from the pace, no clock
before the first arrival, no pace on a day to come, a day gone's result (the verdicts are the
core's, ``routine.day_progress``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from fieldbook.core.routine.day_progress import DayProgress, day_progress
from fieldbook.core.routine.plan import plan_rules
from fieldbook.qt.plan_format import pace_line, pace_rule, progress_line

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
        " · 剩余 36 户 6小时 + 午餐 30分 + 返程 45分 = 7小时15分"
    )
    assert "落后" not in text and "已用" not in text


def test_on_the_day_the_clock_runs_from_the_first_arrival() -> None:
    # 09:00, 26 left: 260 + lunch 30 + back 45 = 335 ≤ 360 until 15:00 (decision 0018)
    on = progress_line(progress([*visited(6), *[Stop()] * 26], at("09:00")))
    assert on == (
        "已访 6 / 计划 32（目标 30） · 计划超出容量 32/30 · 已用 1小时20分"
        " · 还需 5小时35分，距 15:00 回到单位还有 6小时 · 进度正常"
    )
    assert pace_line(progress([*visited(6), *[Stop()] * 26], at("09:00"))).endswith(
        "剩余 26 户 4小时20分 + 午餐 30分 + 返程 45分 = 5小时35分"
    )
    # 14:00, lunch's window is over: 100 + 45 = 145 > 60
    behind = progress_line(progress([*visited(10), *[Stop()] * 10], at("14:00")))
    assert behind.endswith("还需 2小时25分，距 15:00 回到单位还有 1小时 · 进度落后")
    late = pace_line(progress([*visited(10), *[Stop()] * 10], at("14:00")))
    assert late.endswith("剩余 10 户 1小时40分 + 返程 45分 = 2小时25分")
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
    assert pace_line(p).startswith("到达片区 07:40（应 07:30）")
    assert "未访" not in pace_line(p)
    empty = progress([Stop()] * 3, at("09:00", DAY + timedelta(days=1)))
    assert progress_line(empty) == "已访 0 / 计划 3（目标 30） · 未访 3 户 · 没有到店记录"


def test_on_thursday_the_pace_counts_to_two() -> None:
    # Thursday, 13:00, 2 stops left: 20 + 45 back = 65 > 60 until 14:00 (decision 0018)
    thursday = date(2026, 12, 3)
    first = datetime.fromisoformat(f"{thursday} 07:40")
    stops = [
        *[
            Stop(
                "visited",
                first + timedelta(minutes=13 * i),
                first + timedelta(minutes=13 * i + 10),
            )
            for i in range(20)
        ],
        Stop(),
        Stop(),
    ]
    p = day_progress(thursday, stops, 24, at("13:00", thursday), plan_rules())
    assert progress_line(p).endswith("还需 1小时5分，距 14:00 回到单位还有 1小时 · 进度落后")
    assert pace_line(p).endswith("剩余 2 户 20分 + 返程 45分 = 1小时5分")
    assert pace_rule(p).endswith("能在 14:00 前回到单位")
