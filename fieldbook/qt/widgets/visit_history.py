"""The shop's previous visits beside the form: date, times, shop status, findings, answers —
so what was seen last time is visible (and "同上次" can reuse it)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from fieldbook.core.routine.checklist import Checklist
from fieldbook.core.routine.visit_views import VisitView
from fieldbook.qt.formatting import day_label, hm, listing
from fieldbook.qt.widgets.history_pane import HistoryPane

translate = QCoreApplication.translate


def _t(text: str) -> str:
    return translate("VisitHistory", text)


def answer_text(value: Any) -> str:
    if value is True:
        return _t("是")
    if value is False:
        return _t("否")
    if isinstance(value, list):
        return listing(map(str, value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def findings_text(visit: VisitView, checklist: Checklist) -> str:
    parts = []
    for hit in visit.findings:
        if hit.finding == "shop_status":
            continue
        label = checklist.findings.get(hit.finding, hit.finding)
        if hit.item == "grid" and hit.detail:
            label = _t("{finding}（{detail}）").format(finding=label, detail=hit.detail)
        if label not in parts:
            parts.append(label)
    return listing(parts)


def visit_html(visit: VisitView) -> str:
    checklist = visit.checklist
    status = next(
        (s.label for s in checklist.shop_statuses if s.code == visit.shop_status),
        visit.shop_status,
    )
    head = f"<b>{html.escape(day_label(visit.visit_date))}</b>"
    if visit.arrived_at:
        head += f"　{hm(visit.arrived_at)}–{hm(visit.left_at)}"
        if visit.minutes is not None:
            head += _t("（{n} 分钟）").format(n=visit.minutes)
    lines = [head, html.escape(status)]
    found = findings_text(visit, checklist)
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
        value = answer_text(raw)
        if item.type == "text":
            said.append(html.escape(_t("{label}：“{value}”").format(label=item.label, value=value)))
        else:
            short.append(f"{html.escape(item.label)} <b>{html.escape(value)}</b>")
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
