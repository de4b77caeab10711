"""How values are shown in the desktop app (weekdays, prices, dates), in one place."""

from __future__ import annotations

from datetime import date

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


def long_date(day: date) -> str:
    """``2026年11月30日 星期一``"""
    text = translate("Formatting", "{y}年{m}月{d}日").format(y=day.year, m=day.month, d=day.day)
    return f"{text} {weekday_long_names()[day.isoweekday()]}"


def yuan(fen: int | None) -> str:
    """Integer fen → ``"123.45"``; empty when unknown."""
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole}.{cents:02d}"


def yes(flag: bool) -> str:
    return translate("Formatting", "是") if flag else ""
