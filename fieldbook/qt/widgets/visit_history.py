"""The shop's previous visits beside the form: date, times, shop status, findings, answers —
so what was seen last time is visible (and "同上次" can reuse it)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from fieldbook.core.routine.checklist import Item
from fieldbook.core.routine.checklist_names import ChecklistNames, checklist_names
from fieldbook.core.routine.visit_views import VisitView
from fieldbook.qt.formatting import day_label, hm, listing
from fieldbook.qt.i18n import ui_language
from fieldbook.qt.widgets.history_pane import HistoryPane

translate = QCoreApplication.translate


def _t(text: str) -> str:
    return translate("VisitHistory", text)


def answer_text(value: Any, item: Item | None = None, names: ChecklistNames | None = None) -> str:
    """An answer as read: 是/否, an option by its name in the interface language (given the
    item and the checklist's names), a list joined."""
    if value is True:
        return _t("是")
    if value is False:
        return _t("否")
    if isinstance(value, list):
        return listing(answer_text(v, item, names) for v in value)
    if item is not None and names is not None and isinstance(value, str):
        return names.option(item, value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def findings_text(visit: VisitView, names: ChecklistNames) -> str:
    parts = []
    for hit in visit.findings:
        if hit.finding == "shop_status":
            continue
        label = names.finding(hit.finding)
        if hit.item == "grid" and hit.detail:
            label = _t("{finding}（{detail}）").format(finding=label, detail=hit.detail)
        if label not in parts:
            parts.append(label)
    return listing(parts)


def visit_html(visit: VisitView) -> str:
    checklist = visit.checklist
    names = checklist_names(checklist, ui_language())
    status = names.status(visit.shop_status)
    head = f"<b>{html.escape(day_label(visit.visit_date))}</b>"
    if visit.arrived_at:
        head += f"　{hm(visit.arrived_at)}–{hm(visit.left_at)}"
        if visit.minutes is not None:
            head += _t("（{n} 分钟）").format(n=visit.minutes)
    lines = [head, html.escape(status)]
    found = findings_text(visit, names)
    if found:
        lines.append("<span style='color:#a4262c'>" + html.escape(_t("发现：") + found) + "</span>")
    short, said = [], []
    for item in checklist.items:
        if item.id not in visit.answers:
            continue
        raw = visit.answers[item.id]
        flagged = item.flag is not None and item.flag.condition.holds(raw)
        if item.type == "bool" and not flagged:
            continue  # the yes/no answers matter when they flagged something
        value = answer_text(raw, item, names)
        label = names.item(item)
        if item.type == "text":
            said.append(html.escape(_t("{label}：“{value}”").format(label=label, value=value)))
        else:
            short.append(f"{html.escape(label)} <b>{html.escape(value)}</b>")
    if short:
        lines.append(
            "<span style='color:#4a5260; font-size:small'>" + " · ".join(short) + "</span>"
        )
    lines.extend(said)
    on_shelf = [r.name for r in visit.grid if r.on_shelf]
    if on_shelf:
        lines.append(
            "<span style='color:#4a5260'>"
            + html.escape(_t("上柜 {n} 个规格").format(n=len(on_shelf)))
            + "</span>"
        )
    return "<br>".join(lines)


class VisitHistory(HistoryPane):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("visitHistory", parent)
        self.visits: list[VisitView] = []

    def set_visits(self, visits: Sequence[VisitView]) -> None:
        self.visits = list(visits)
        self.show_entries(
            (visit_html(v) for v in self.visits), _t("这家店还没有走访记录。"), "<hr>"
        )
