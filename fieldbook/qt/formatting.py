"""How values are shown in the desktop app (weekdays, dates, times, durations, prices, sizes),
in one place: every screen formats a date, a time or an amount of money with these."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def weekday_names() -> tuple[str, ...]:
    """Index 1..7 = Monday..Sunday (ISO); index 0 is empty."""
    return (
        "",
        translate("Formatting", "周一"),
        translate("Formatting", "周二"),
        translate("Formatting", "周三"),
        translate("Formatting", "周四"),
        translate("Formatting", "周五"),
        translate("Formatting", "周六"),
        translate("Formatting", "周日"),
    )


def weekday_long_names() -> tuple[str, ...]:
    return (
        "",
        translate("Formatting", "星期一"),
        translate("Formatting", "星期二"),
        translate("Formatting", "星期三"),
        translate("Formatting", "星期四"),
        translate("Formatting", "星期五"),
        translate("Formatting", "星期六"),
        translate("Formatting", "星期日"),
    )


def weekday_name(day: int | None) -> str:
    names = weekday_names()
    return names[day] if day is not None and 1 <= day <= 7 else ""


def short_date(day: date) -> str:
    """``11月30日``"""
    return translate("Formatting", "{m}月{d}日").format(m=day.month, d=day.day)


def day_label(day: date) -> str:
    """``11月30日 周一``"""
    return f"{short_date(day)} {weekday_name(day.isoweekday())}"


def iso_day_label(day: date) -> str:
    """``2026-11-30 周一``"""
    return f"{day.isoformat()} {weekday_name(day.isoweekday())}"


def long_date(day: date) -> str:
    """``2026年11月30日 星期一``"""
    text = translate("Formatting", "{y}年{m}月{d}日").format(y=day.year, m=day.month, d=day.day)
    return f"{text} {weekday_long_names()[day.isoweekday()]}"


def hm(moment: datetime | time | None) -> str:
    """``09:30``; empty when unknown."""
    return moment.strftime("%H:%M") if moment is not None else ""


def moment(value: datetime | None) -> str:
    """``11-30 09:30``; empty when unknown."""
    return value.strftime("%m-%d %H:%M") if value is not None else ""


def date_time(value: datetime | None) -> str:
    """``2026-11-30 09:30``; empty when unknown."""
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else ""


def iso_date(day: date | None) -> str:
    """``2026-11-30``; empty when unknown."""
    return day.isoformat() if day is not None else ""


def duration(minutes: int) -> str:
    """``3小时10分``, ``45分``."""
    minutes = max(0, int(minutes))
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return translate("Formatting", "{h}小时{m}分").format(h=hours, m=rest)
    if hours:
        return translate("Formatting", "{h}小时").format(h=hours)
    return translate("Formatting", "{m}分").format(m=rest)


def money(fen: float) -> str:
    """Fen as yuan with thousands separators: ``102,912.42``."""
    return f"{round(fen) / 100:,.2f}"


def yuan(fen: int | None) -> str:
    """Integer fen → ``"123.45"``; empty when unknown."""
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole}.{cents:02d}"


def yes(flag: bool) -> str:
    return translate("Formatting", "是") if flag else ""


def backup_kind(label: str) -> str:
    """A backup's label (from its file name) in words."""
    names = {
        "auto": translate("Formatting", "自动"),
        "exit": translate("Formatting", "退出时"),
        "manual": translate("Formatting", "手动"),
        "pre-restore": translate("Formatting", "恢复前"),
        "pre-migration": translate("Formatting", "升级前"),
    }
    return names.get(label, label)


def file_size(size: int) -> str:
    """``812 KB``, ``3.4 MB``."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def backup_counts(info: object) -> str:
    """``客户 165 户 · 走访 312 次 · 计划 20 个`` of a BackupInfo."""
    parts = []
    for attr, text in (
        ("customers", translate("Formatting", "客户 {n} 户")),
        ("visits", translate("Formatting", "走访 {n} 次")),
        ("plans", translate("Formatting", "计划 {n} 个")),
    ):
        value = getattr(info, attr, None)
        if value is not None:
            parts.append(text.format(n=value))
    return " · ".join(parts)


def listing(items: Iterable[str]) -> str:
    """Items joined the way the interface language lists them (、 in Chinese, ", " in English)."""
    return translate("Formatting", "、").join(items)
