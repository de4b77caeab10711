"""The shop's previous visits beside the form: date, times, shop status, findings, answers and
their shelf photos as small thumbnails — so what was seen last time is visible (and "同上次"
can reuse it). The thumbnails are decoded on the DB worker (``operations.photos``) and shown
when they arrive; the text never waits for them."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from fieldbook.core.routine.checklist import Item
from fieldbook.core.routine.checklist_names import ChecklistNames, checklist_names
from fieldbook.core.routine.visit_photos import PhotoView
from fieldbook.core.routine.visit_views import VisitView
from fieldbook.qt.formatting import day_label, hm, listing
from fieldbook.qt.i18n import ui_language
from fieldbook.qt.operations.photos import history_thumbnails
from fieldbook.qt.operations.runner import Ops
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


def visit_html(visit: VisitView, photos: str = "") -> str:
    """One earlier visit; ``photos`` (HTML: its thumbnails) right under its date and status."""
    checklist = visit.checklist
    names = checklist_names(checklist, ui_language())
    status = names.status(visit.shop_status)
    head = f"<b>{html.escape(day_label(visit.visit_date))}</b>"
    if visit.arrived_at:
        head += f"　{hm(visit.arrived_at)}–{hm(visit.left_at)}"
        if visit.minutes is not None:
            head += _t("（{n} 分钟）").format(n=visit.minutes)
    lines = [head, html.escape(status), *([photos] if photos else [])]
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


#: The edge of a thumbnail in 以往走访 (pixels).
HISTORY_THUMB_EDGE = 48
PHOTO_SCHEME = "photo"


def photos_html(photos: Sequence[PhotoView]) -> str:
    """A visit's photos: their thumbnails (loaded by ``VisitHistory.loadResource``)."""
    if not photos:
        return ""
    images = "&nbsp;".join(
        f"<img src='{PHOTO_SCHEME}:{p.id}' title='{html.escape(p.original_name, quote=True)}'>"
        for p in photos
    )
    caption = html.escape(_t("照片 {n} 张").format(n=len(photos)))
    return f"<span style='color:#4a5260'>{caption}</span><br>{images}"


class VisitHistory(HistoryPane):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("visitHistory", parent)
        self.visits: list[VisitView] = []
        #: The DB worker that decodes the photos' thumbnails (None: shown without photos).
        self.ops: Ops | None = None
        self.photos: dict[str, list[PhotoView]] = {}
        self.images: dict[str, QImage] = {}

    def set_visits(self, visits: Sequence[VisitView]) -> None:
        self.visits = list(visits)
        self.photos, self.images = {}, {}
        self._render()
        ids = [v.id for v in self.visits]
        if self.ops is not None and ids:
            self.ops.query(
                lambda j: history_thumbnails(j, ids, HISTORY_THUMB_EDGE),
                self._show_photos,
                key="visit.history_photos",
                what=_t("读取以往走访的照片"),
            )

    def _show_photos(self, found: dict[str, list[tuple[PhotoView, QImage]]]) -> None:
        if list(found) != [v.id for v in self.visits]:
            return  # another shop is shown by now
        self.images = {
            p.id: img for pairs in found.values() for p, img in pairs if not img.isNull()
        }
        self.photos = {vid: [p for p, _img in pairs] for vid, pairs in found.items()}
        self._render()

    def _render(self) -> None:
        blocks = []
        for v in self.visits:
            blocks.append(visit_html(v, photos_html(self.photos.get(v.id, []))))
        self.show_entries(blocks, _t("这家店还没有走访记录。"), "<hr>")

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        url = name if isinstance(name, QUrl) else QUrl(name)
        if url.scheme() == PHOTO_SCHEME:
            return self.images.get(url.path(), QImage())
        return super().loadResource(kind, url)
