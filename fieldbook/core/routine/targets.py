"""销量任务 and 时间进度: the one computation of how far a manager is with the month's targets
(decision 0019). The day log, its export and ``log show``, the week report, the month export
and the department views all ask :func:`month_progress` and word it with :func:`rate_text`
and :func:`gap_sentence`.

- 任务完成率 = month-to-date actual ÷ target, in cartons (条) and in amount (元), for the whole
  month and for every price class or SKU that has a target. The actual is the day log's own
  month-to-date figure (``indicators.month_days`` / ``order_totals``), never recomputed here.
- 时间进度 = working days elapsed ÷ working days in the month (China's calendar,
  ``core.workdays``: holidays off, make-up working days on). A working day counts as elapsed
  up to and including the date (``elapsed = "including"`` in ``schema/reference/targets.toml``)
  once the date's orders are imported (the log is written after the 15:00 import); before
  that — the morning, Thursday's 14:00 week report — up to the day before, as the actual is.
- The gap in plain words: 「落后时间进度 6.2 个百分点，日均需 412 条」 (日均需 = remaining
  cartons ÷ remaining working days, rounded up). No target → 「未设任务」, never 0 %.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldbook.core import workdays
from fieldbook.core.master.catalog import price_classes
from fieldbook.core.resources import load_reference
from fieldbook.core.routine.indicators import month_days, order_breakdown, order_totals
from fieldbook.core.store.models import OrderLine, Sku, Target

NO_TARGET = "未设任务"
#: 时间进度 of a year the holiday data does not cover: said wherever it is shown.
UNCOVERED = "节假日数据未覆盖 {year} 年，工作日按周一至周五计"
TOTAL, CLASS, SKU = "total", "class", "sku"


@dataclass(frozen=True)
class TargetRules:
    cartons_per_case: int
    including: bool  # the date itself counts as elapsed
    on_pace_points: float
    scopes: tuple[str, ...]
    max_cartons: int
    max_amount_fen: int
    max_per_carton_fen: int
    years: tuple[int, int] = (2000, 2099)  # a target's month is in one of these years


@cache
def target_rules() -> TargetRules:
    ref = load_reference("targets")
    return TargetRules(
        cartons_per_case=int(ref["cartons_per_case"]),
        including=str(ref["elapsed"]) == "including",
        on_pace_points=float(ref["on_pace_points"]),
        scopes=tuple(str(s) for s in ref["scopes"]),
        max_cartons=int(ref["max_cartons"]),
        max_amount_fen=int(ref["max_amount_yuan"]) * 100,
        max_per_carton_fen=int(ref["max_per_carton_yuan"]) * 100,
        years=(int(ref["first_year"]), int(ref["last_year"])),
    )


def cases(cartons: float) -> float:
    """条 → 箱 (1 箱 = ``cartons_per_case`` 条)."""
    return cartons / target_rules().cartons_per_case


def cartons_text(cartons: int) -> str:
    """``12,500 条（250.0 箱）``."""
    return f"{cartons:,} 条（{cases(cartons):,.1f} 箱）"


@dataclass(frozen=True)
class TimeProgress:
    """时间进度 of a date: working days elapsed of the month's working days."""

    month: str
    elapsed: int
    total: int
    covered: bool = True  # China's holidays known for the year (else Monday–Friday only)

    @property
    def rate(self) -> float:
        return self.elapsed / self.total if self.total else 0.0

    @property
    def remaining(self) -> int:
        return self.total - self.elapsed


def time_progress(day: date, including: bool | None = None) -> TimeProgress:
    """The working days of ``day``'s month elapsed on ``day`` (including it, when it is one
    and ``including`` — by default the rule of targets.toml)."""
    start, end = workdays.month_range(f"{day:%Y-%m}")
    days = workdays.working_days_between(start, end)
    including = target_rules().including if including is None else including
    elapsed = sum(1 for d in days if d < day or (including and d == day))
    return TimeProgress(f"{day:%Y-%m}", elapsed, len(days), workdays.calendar_covers(day))


@dataclass(frozen=True)
class Progress:
    """One target (the month, a class or a SKU) against its month-to-date actual."""

    scope: str
    key: str
    label: str
    target_cartons: int | None
    target_amount_fen: int | None
    target_per_carton_fen: int | None
    actual_cartons: int
    actual_amount_fen: int

    @property
    def cartons_rate(self) -> float | None:
        return _rate(self.actual_cartons, self.target_cartons)

    @property
    def amount_rate(self) -> float | None:
        return _rate(self.actual_amount_fen, self.target_amount_fen)

    @property
    def actual_per_carton_fen(self) -> float | None:
        return self.actual_amount_fen / self.actual_cartons if self.actual_cartons else None

    @property
    def rate(self) -> float | None:
        """The rate the gap is measured by: cartons when set, else amount."""
        return self.cartons_rate if self.cartons_rate is not None else self.amount_rate


def _rate(actual: int, target: int | None) -> float | None:
    return actual / target if target else None


@dataclass(frozen=True)
class MonthProgress:
    """A manager's month on a date: time progress, the month's target (None: 未设任务) and
    the class and SKU targets, each against its actual."""

    day: date
    time: TimeProgress
    total: Progress  # its targets are None when no month target is set
    parts: tuple[Progress, ...]

    @property
    def has_target(self) -> bool:
        return self.total.rate is not None


@dataclass(frozen=True)
class TargetRow:
    """A stored target as the services hand it out."""

    month: str
    scope: str
    key: str
    cartons: int | None
    amount_fen: int | None
    per_carton_fen: int | None


def month_targets(s: Session, manager_id: str, month: str) -> list[TargetRow]:
    rows = s.scalars(
        select(Target)
        .where(Target.manager_id == manager_id, Target.month == month)
        .order_by(Target.scope, Target.scope_key)
    )
    return [
        TargetRow(t.month, t.scope, t.scope_key, t.cartons, t.amount_fen, t.per_carton_fen)
        for t in rows
        if (t.cartons, t.amount_fen, t.per_carton_fen) != (None, None, None)
    ]


def scope_label(s: Session, scope: str, key: str) -> str:
    """全月 / 一类 / the SKU's name."""
    if scope == CLASS:
        names = {str(pc.code): pc.name for pc in price_classes()}
        return names.get(key, key)
    if scope == SKU:
        name = s.scalar(select(Sku.name).where(Sku.code == key))
        return name or key
    return "全月"


def month_progress(s: Session, manager_id: str, day: date) -> MonthProgress:
    """The manager's 任务完成率 and 时间进度 on ``day`` (read in ``s``)."""
    targets = month_targets(s, manager_id, f"{day:%Y-%m}")
    days = month_days(day)
    cartons, amount = order_totals(s, manager_id, days)
    total_row = next((t for t in targets if t.scope == TOTAL), None)
    total = _progress(s, TOTAL, "", total_row, cartons, amount)
    parts: list[Progress] = []
    others = [t for t in targets if t.scope != TOTAL]
    if others:
        breakdown = order_breakdown(s, manager_id, days)
        for t in sorted(others, key=lambda t: (t.scope != CLASS, t.key)):
            mine = [
                (c, a)
                for pc, code, c, a in breakdown
                if (t.scope == CLASS and str(pc) == t.key) or (t.scope == SKU and code == t.key)
            ]
            got_c, got_a = sum(c for c, _ in mine), sum(a for _, a in mine)
            parts.append(_progress(s, t.scope, t.key, t, got_c, got_a))
    time = time_progress(day, _day_counts(s, manager_id, day))
    return MonthProgress(day, time, total, tuple(parts))


def _day_counts(s: Session, manager_id: str, day: date) -> bool:
    """Whether ``day`` itself counts as elapsed: by the rule, once its orders are in — the
    morning's log and Thursday's 14:00 week report, before the 15:00 import, compare the
    actual up to yesterday with the time up to yesterday (not a day more)."""
    if not target_rules().including:
        return False
    found = s.scalar(
        select(OrderLine.id)
        .where(OrderLine.manager_id == manager_id, OrderLine.order_date == day)
        .limit(1)
    )
    return found is not None


def _progress(
    s: Session, scope: str, key: str, row: TargetRow | None, cartons: int, amount: int
) -> Progress:
    return Progress(
        scope,
        key,
        scope_label(s, scope, key),
        row.cartons if row else None,
        row.amount_fen if row else None,
        row.per_carton_fen if row else None,
        cartons,
        amount,
    )


def rate_text(rate: float | None) -> str:
    """``87.3%``, or 未设任务 — never 0 % for a missing target."""
    return NO_TARGET if rate is None else f"{rate * 100:.1f}%"


def gap_points(progress: Progress, time: TimeProgress) -> float | None:
    """任务完成率 − 时间进度, in percentage points (None: no target)."""
    rate = progress.rate
    return None if rate is None else (rate - time.rate) * 100


@dataclass(frozen=True)
class Gap:
    """How a target stands against time progress, for a front end to word:
    ``kind`` — "none" (未设任务), "done", "on_pace", "behind" or "ahead"; ``points`` the
    distance in percentage points; ``left`` what is still missing (cartons, or 元 for an
    amount-only target: ``unit``), ``daily`` the 日均需 over the remaining working days (None
    when no working day is left)."""

    kind: str
    points: float = 0.0
    left: int = 0
    daily: int | None = None
    unit: str = "条"


def gap(progress: Progress, time: TimeProgress) -> Gap:
    """The one computation of the gap (日均需 = what is left ÷ remaining working days, up)."""
    points = gap_points(progress, time)
    if points is None:
        return Gap("none")
    if progress.target_cartons is not None:
        left, unit = progress.target_cartons - progress.actual_cartons, "条"
    else:
        target = progress.target_amount_fen or 0
        left, unit = math.ceil((target - progress.actual_amount_fen) / 100), "元"
    if left <= 0:
        return Gap("done", points)
    if abs(points) < target_rules().on_pace_points:
        kind = "on_pace"
    else:
        kind = "behind" if points < 0 else "ahead"
    daily = math.ceil(left / time.remaining) if time.remaining > 0 else None
    return Gap(kind, abs(points), left, daily, unit)


def gap_sentence(progress: Progress, time: TimeProgress) -> str:
    """「落后时间进度 6.2 个百分点，日均需 412 条」 / 「超前时间进度 3.0 个百分点，…」 /
    「与时间进度持平，…」 / 「已完成任务」 / 未设任务."""
    g = gap(progress, time)
    if g.kind == "none":
        return NO_TARGET
    if g.kind == "done":
        return "已完成任务"
    head = {
        "on_pace": "与时间进度持平",
        "behind": f"落后时间进度 {g.points:.1f} 个百分点",
        "ahead": f"超前时间进度 {g.points:.1f} 个百分点",
    }[g.kind]
    if g.daily is None:
        return f"{head}，尚差 {g.left:,} {g.unit}，本月已无剩余工作日"
    return f"{head}，日均需 {g.daily:,} {g.unit}"


def progress_lines(month: MonthProgress) -> list[str]:
    """The month's progress as lines of text (the day log's export, ``log show``, the
    month export): the month first, then each class and SKU target."""
    time = month.time
    head = f"时间进度 {time.rate * 100:.1f}%（{time.elapsed}/{time.total} 个工作日）"
    if not time.covered:
        head += f"，{UNCOVERED.format(year=time.month[:4])}"
    lines = [head]
    for p in (month.total, *month.parts):
        lines.append(progress_line(p, time))
    return lines


def progress_line(p: Progress, time: TimeProgress) -> str:
    """``全月 任务完成率 45.0%（销量 5,625/12,500 条，金额 …）：落后时间进度 …``."""
    if p.rate is None:
        return f"{p.label} 任务完成率 {NO_TARGET}"
    bits = []
    if p.target_cartons is not None:
        bits.append(
            f"销量 {rate_text(p.cartons_rate)}（{p.actual_cartons:,}/"
            f"{cartons_text(p.target_cartons)}）"
        )
    if p.target_amount_fen is not None:
        bits.append(
            f"金额 {rate_text(p.amount_rate)}（{p.actual_amount_fen / 1_000_000:,.2f}/"
            f"{p.target_amount_fen / 1_000_000:,.2f} 万元）"
        )
    if p.target_per_carton_fen is not None:
        actual = p.actual_per_carton_fen
        shown = "—" if actual is None else f"{actual / 100:,.2f}"
        bits.append(f"单条值 {shown}/{p.target_per_carton_fen / 100:,.2f} 元")
    return f"{p.label} 任务完成率 {'，'.join(bits)}：{gap_sentence(p, time)}"
