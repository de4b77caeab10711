"""How the work log's facts and indicators are worded on screen (Qt-free values in, text out).

The facts come as ``DayFacts``; the indicators as its ``orders`` (the core's plain-data copy of
``DayIndicators``: ``figures``, ``structure``, ``non_orderers``, ``last_week``,
``month_to_date``), the same for a draft (live) and a submitted log (the snapshot)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from fieldbook.core.display_names import display_name
from fieldbook.core.master.catalog import class_name
from fieldbook.core.routine.checklist_names import visit_names
from fieldbook.core.routine.class_structure import headlines_of
from fieldbook.core.routine.plan import plan_rules
from fieldbook.qt.formatting import duration, hm, listing, money
from fieldbook.qt.i18n import ui_language

__all__ = [
    "BAD",
    "OK",
    "TILES",
    "WARN",
    "FactLine",
    "change_text",
    "class_share_name",
    "fact_lines",
    "figures",
    "findings_named",
    "section_value_text",
    "share_text",
    "tile_text",
    "tile_value",
    "week_times_text",
]

if TYPE_CHECKING:
    from fieldbook.core.routine.day_times import WeekTimes
    from fieldbook.core.routine.daylog import DayFacts

translate = QCoreApplication.translate

#: Levels a fact line can have (a dynamic property the page's style sheet colours).
OK, WARN, BAD = "ok", "warn", "bad"


def _t(text: str) -> str:
    return translate("DayLogFormat", text)


@dataclass(frozen=True)
class FactLine:
    key: str
    title: str
    text: str
    level: str = OK
    tip: str = ""


def _counts(counts: Mapping[str, int], unit: str = "") -> str:
    return listing(f"{name} {n}{unit}" for name, n in counts.items())


def findings_named(counts: Mapping[str, int]) -> dict[str, int]:
    """Visits by finding (counted under the checklist's Chinese labels), by the findings' names
    in the interface language."""
    names = visit_names(ui_language())
    return {names.finding_named(label): n for label, n in counts.items()}


def skip_reasons_named(counts: Mapping[str, int]) -> dict[str, int]:
    """Stops not visited by reason (stored as written), the configured ones by their name."""
    lang = ui_language()
    return {
        _t("未注明") if reason == "未注明" else display_name("plan.skip_reasons", reason, lang): n
        for reason, n in counts.items()
    }


def class_share_name(row: Mapping[str, Any]) -> str:
    """A price class of the order structure (the core's ``ClassShare``) by its name."""
    code = row.get("code")
    if isinstance(code, int):
        return class_name(code, ui_language()) or str(row.get("name", ""))
    name = str(row.get("name", ""))
    return _t("未分类") if name == "未分类" else name


def _clock_text(
    time: str | None,
    off_minutes: int | None,
    off_side: tuple[str, str],
    good_side: str,
    missing: str,
    **rule: str,
) -> tuple[str, str]:
    """A time of the day against the rule, and its level: ``07:41（比 07:30 晚 11分）``.
    ``off_minutes`` > 0 is the wrong side (``off_side``: text and level), < 0 the good one;
    the texts take ``{d}`` and the rule's time (``{start}`` or ``{end}``)."""
    if not time:
        return missing, OK
    if off_minutes is not None and off_minutes > 0:
        note, level = off_side[0].format(d=duration(off_minutes), **rule), off_side[1]
    elif off_minutes is not None and off_minutes < 0:
        note, level = good_side.format(d=duration(-off_minutes), **rule), OK
    else:
        note, level = _t("准时"), OK
    return _t("{time}（{note}）").format(time=time, note=note), level


def fact_lines(facts: DayFacts) -> list[FactLine]:
    """The day's facts, one line each (the tomorrow link is the page's own)."""
    visits = _t("计划 {planned} 户 · 已访 {done} 户 · 未访 {skipped} 户").format(
        planned=facts.planned, done=facts.done, skipped=facts.skipped
    )
    rest = facts.planned - facts.done - facts.skipped
    if rest > 0:
        visits += _t(" · 未处理 {n} 户").format(n=rest)
    if facts.skipped_reasons:
        reasons = _counts(skip_reasons_named(facts.skipped_reasons))
        visits += _t("（未访原因：{reasons}）").format(reasons=reasons)
    level = OK if facts.planned == 0 or facts.done >= facts.planned else WARN
    return [FactLine("visits", _t("走访"), visits, level), *time_lines(facts), *_rest(facts)]


def time_lines(facts: DayFacts) -> list[FactLine]:
    """到达片区, 在片区工作时间, 户均分钟, 回到单位 — each against its own standard (decision
    0018). A log submitted before the standards were kept is judged by today's rules."""
    rules = plan_rules()
    start = facts.arrive_by or hm(rules.arrive_in_area)
    back = facts.back_by or hm(rules.back_by(facts.day))
    first = _clock_text(
        facts.first_arrival,
        facts.start_late_minutes,
        (_t("比 {start} 晚 {d}"), BAD),
        _t("比 {start} 早 {d}"),
        _t("没有到店记录"),
        start=start,
    )
    tip = _t("应在 {start} 前到达片区").format(start=start)
    lines = [FactLine("first_arrival", _t("到达片区"), *first, tip)]
    lines.append(_field_line(facts))
    standard = rules.minutes_per_shop
    if facts.average_minutes is not None:
        text = _t("{avg:g} 分钟/户（标准 {std} 分钟）").format(
            avg=facts.average_minutes, std=standard
        )
        level = WARN if facts.average_minutes < standard else OK
    else:
        text, level = _t("—"), OK
    tip = _t("到店到离店的平均时间（关门未遇的不算）")
    lines.append(FactLine("average", _t("户均分钟"), text, level, tip))
    returned = _clock_text(
        facts.returned_at,
        facts.return_late_minutes,
        (_t("比 {end} 晚 {d}"), BAD),
        _t("比 {end} 早 {d}"),
        _t("未记录（回到单位时点“回到单位”）"),
        end=back,
    )
    level = returned[1] if facts.returned_at else WARN
    tip = _t("应在 {end} 前回到单位").format(end=back)
    lines.append(FactLine("returned", _t("回到单位"), returned[0], level, tip))
    return lines


def _field_line(facts: DayFacts) -> FactLine:
    """在片区工作时间 (first arrival to last departure, less lunch) against its standard."""
    standard = facts.field_standard or plan_rules().field_minutes_on(facts.day)
    tip = _t("首户到店到末户离店，扣除午餐时间")
    title = _t("在片区工作时间")
    if facts.field_minutes is None:
        return FactLine("field_time", title, _t("—"), OK, tip)
    text = _t("{time}（{start}–{end}，标准 {std}）").format(
        time=duration(facts.field_minutes),
        start=facts.first_arrival,
        end=facts.last_departure,
        std=duration(standard),
    )
    level = WARN if facts.field_minutes < standard else OK
    return FactLine("field_time", title, text, level, tip)


def _rest(facts: DayFacts) -> list[FactLine]:
    """Findings, slips made, follow-ups closed."""
    lines: list[FactLine] = []
    findings = _counts(findings_named(facts.findings), _t(" 户")) if facts.findings else _t("无")
    lines.append(FactLine("findings", _t("发现问题"), findings))
    slips = "\n".join(facts.slips_created) if facts.slips_created else _t("无")
    lines.append(FactLine("slips", _t("新建反馈单"), slips))
    lines.append(
        FactLine("followups", _t("关闭跟踪事项"), _t("{n} 项").format(n=facts.followups_closed))
    )
    return lines


def week_times_text(w: WeekTimes) -> str:
    """A week's times in one line (the week page; the export words the same ``WeekTimes``)."""
    if not w.days:
        return _t("本周没有走访记录")
    late = listing(
        _t("{day} {time} 晚 {d}").format(day=f"{d:%m-%d}", time=at, d=duration(n))
        for d, at, n in w.returned_late
    )
    parts = [
        _t("{n} 天：到达片区迟到 {late} 天").format(n=w.days, late=w.arrived_late),
        _t("回到单位按时 {ok} 天、晚 {late} 天、未记录 {none} 天").format(
            ok=w.returned_on_time, late=len(w.returned_late), none=w.return_not_recorded
        )
        + (_t("（{list}）").format(list=late) if late else ""),
    ]
    if w.field_average is not None:
        parts.append(
            _t("在片区工作平均 {time}，不足标准 {n} 天").format(
                time=duration(w.field_average), n=w.field_below
            )
        )
    return _t("；").join(parts)


# ------------------------------------------------------------------------------ indicators


def figures(orders: Mapping[str, Any], period: str = "figures") -> dict[str, Any]:
    """One period's figures (``figures``, ``last_week``, ``month_to_date``), with zeros when
    the log has none."""
    found = orders.get(period) if orders else None
    base: dict[str, Any] = {
        "due": 0,
        "ordered": 0,
        "cartons": 0,
        "amount_fen": 0,
        "order_rate": None,
        "per_carton_fen": None,
        "fill_rate": None,
    }
    base.update(found or {})
    if base["order_rate"] is None and base["due"]:
        base["order_rate"] = base["ordered"] / base["due"]
    if base["per_carton_fen"] is None and base["cartons"]:
        base["per_carton_fen"] = base["amount_fen"] / base["cartons"]
    return base


#: The indicator rows: key in DEFINITIONS, caption (满足率: "—" without 需求量 data).
TILES = (
    ("due", "应订货户数（户）"),
    ("ordered", "订货户数（户）"),
    ("order_rate", "订货率"),
    ("cartons", "订货量（条）"),
    ("amount", "金额（元）"),
    ("per_carton", "单条值（元/条）"),
    ("fill_rate", "满足率"),
)


def tile_value(key: str, f: Mapping[str, Any]) -> float | None:
    return {
        "due": f["due"],
        "ordered": f["ordered"],
        "order_rate": f["order_rate"],
        "cartons": f["cartons"],
        "amount": f["amount_fen"],
        "per_carton": f["per_carton_fen"],
        "fill_rate": f.get("fill_rate"),
    }[key]


def tile_text(key: str, value: float | None) -> str:
    """The figure without its unit (the caption has it): ``5``, ``40.0%``, ``2,579.76``;
    ``—`` when unknown (no due customers, no cartons)."""
    if value is None:
        return "—"
    if key in ("due", "ordered", "cartons"):
        return f"{int(value):,}"
    if key in ("order_rate", "fill_rate"):
        return f"{value * 100:.1f}%"
    return money(value)


def change_text(key: str, now: float | None, before: float | None) -> tuple[str, int]:
    """The change from ``before`` to ``now`` with an arrow, and its sign (1, 0, -1)."""
    if now is None or before is None:
        return "", 0
    diff = now - before
    sign = (diff > 1e-9) - (diff < -1e-9)
    if sign == 0:
        return _t("→ 持平"), 0
    arrow = "↑" if sign > 0 else "↓"
    size = abs(diff)
    if key in ("order_rate", "fill_rate"):
        amount = _t("{v:.1f}个百分点").format(v=size * 100)
    elif key in ("due", "ordered", "cartons"):
        amount = f"{int(size):,}"
    else:
        amount = money(size)
    return f"{arrow} {amount}", sign


def share_text(share: float) -> str:
    return f"{share * 100:.1f}%"


def points_text(points: float | None) -> str:
    """A change of share in percentage points: ``+2.1 个百分点``, 持平, or "—" (none known)."""
    if points is None:
        return "—"
    if abs(points) < 0.05:
        return _t("持平")
    return _t("{v} 个百分点").format(v=f"{points:+.1f}")


def headlines_text(rows: Sequence[Mapping[str, Any]], *, week: bool = False) -> str:
    """The headline shares of structure rows (the core's ``headlines_of``), each with its
    change against the same weekday last week (or, ``week``, the week before):
    ``一二类占比 37.5%（较上周同日 +2.1 个百分点）``; "" when nothing was ordered."""
    lang = ui_language()
    pattern = (
        _t("{name} {share}（较上周 {change}）")
        if week
        else _t("{name} {share}（较上周同日 {change}）")
    )
    return "　".join(
        pattern.format(
            name=display_name("price_classes.headlines", h.name, lang, h.name),
            share=share_text(h.share),
            change=points_text(h.change_points),
        )
        for h in headlines_of(rows)
        if h.share is not None
    )


def section_value_text(value: Any) -> str:
    """A section's value in one line (the 更正记录's old → new)."""
    if value is None or value == "" or value == []:
        return _t("（空）")
    if isinstance(value, list):
        parts = []
        for row in value:
            if not isinstance(row, dict):
                parts.append(str(row))
                continue
            bits = [
                str(row.get(k, ""))
                for k in ("customer_code", "type", "sku", "text", "note")
                if row.get(k)
            ]
            if row.get("answer"):
                bits.append(_t("答复：{a}").format(a=row["answer"]))
            parts.append(" ".join(bits))
        return "；".join(parts)
    return str(value)
