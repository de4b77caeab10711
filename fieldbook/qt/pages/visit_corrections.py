"""修改记录 and corrections of a finished visit.

Composed into ``VisitPage``. Editing a finished visit's times or answers is a correction: the
edits stay on screen, a reason field and 保存更正 appear, and the core records each change with
the reason in the audit trail.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from fieldbook.core.errors import FieldbookError, InvalidValue
from fieldbook.core.routine.checklist import check_answer
from fieldbook.core.routine.visit_views import VisitView
from fieldbook.core.store.audit import AuditRecord
from fieldbook.messages import describe_error
from fieldbook.qt.formatting import hm, listing
from fieldbook.qt.operations.visits import save_correction
from fieldbook.qt.pages.visit_edits import rejection_text
from fieldbook.qt.pages.visit_host import VisitHost
from fieldbook.qt.pages.visit_times import time_name

translate = QCoreApplication.translate


def missing_items(exc: BaseException) -> list[str] | None:
    """The required items a finish or a correction left empty; None for any other failure."""
    if isinstance(exc, InvalidValue) and (exc.detail or exc.code) == "visit_incomplete":
        missing = exc.data.get("missing", [])
        return [str(m) for m in missing] if isinstance(missing, list | tuple) else []
    return None


class VisitCorrections(QObject):
    """Corrections (with a reason) of a finished visit, and its 修改记录."""

    def __init__(self, page: VisitHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.history_entries: tuple[AuditRecord, ...] = ()

    def show_history(self, entries: tuple[AuditRecord, ...]) -> None:
        page = self.page
        self.history_entries = tuple(entries)
        checklist = page.visit.checklist if page.visit is not None else page.checklist
        page.record_history.set_entries(self.history_entries, checklist)

    def correct_answer(self, item_id: str, value: Any) -> None:
        page = self.page
        visit = page.visit
        assert visit is not None
        item = page.checklist.item(item_id)
        try:
            cleaned = check_answer(item, value)
        except InvalidValue as exc:
            page.form.show_error(item_id, rejection_text(exc))
            cleaned = value
        else:
            page.form.clear_error(item_id)
        if cleaned == visit.answers.get(item_id) or (
            cleaned in (None, "", []) and item_id not in visit.answers
        ):
            page.corrections.pop(item_id, None)
        else:
            page.corrections[item_id] = value
        if cleaned is None:
            page.answers.pop(item_id, None)
        else:
            page.answers[item_id] = cleaned
        page.form.update_visibility(page.shop_status, page.answers)
        self.show_corrections()

    def correct_time(self, field: str, moment: datetime) -> None:
        page = self.page
        visit = page.visit
        assert visit is not None
        current = getattr(visit, field)
        if current is not None and hm(current) == hm(moment):
            page.time_corrections.pop(field, None)
        else:
            page.time_corrections[field] = moment
        page.show_times()
        self.show_corrections()

    def show_corrections(self) -> None:
        page = self.page
        labels = [time_name(f) for f in ("arrived_at", "left_at") if f in page.time_corrections]
        labels += [page.form.label_of(i) for i in page.corrections]
        if not labels:
            page.correction_bar.reset()
            return
        page.correction_bar.show_changes(labels)

    def save(self, reason: str) -> None:
        page = self.page
        visit = page.visit
        if visit is None or visit.status != "done":
            return
        page.flush()
        bar = page.correction_bar
        if not page.corrections and not page.time_corrections:
            bar.reset()
            return
        if page.form.errors():
            names = listing(page.form.label_of(i) for i in page.form.errors())
            bar.show_error(self.tr("请先改正：{names}").format(names=names))
            return
        vid = visit.id
        answers = dict(page.corrections)
        times = dict(page.time_corrections)
        bar.save_button.setEnabled(False)
        page.ctx.ops.write(
            lambda j: save_correction(j, vid, answers, times, reason),
            self._saved,
            self._failed,
            what=self.tr("保存更正"),
        )

    def _saved(self, out: tuple[VisitView, tuple[AuditRecord, ...]]) -> None:
        page = self.page
        view, entries = out
        page.correction_bar.save_button.setEnabled(True)
        page.show_visit(view)
        self.show_history(entries)
        page.header.show_saved(page.ctx.now())
        page.ctx.ops.message.emit(self.tr("已保存更正，已记入修改记录"))

    def _failed(self, exc: BaseException) -> None:
        page = self.page
        page.correction_bar.save_button.setEnabled(True)
        page.header.show_unsaved()
        missing = missing_items(exc)
        if missing is not None:
            names = listing(page.form.label_of(i) for i in missing[:4])
            text = self.tr("更正没有保存：必填项不能清空（{names}）").format(names=names)
            for item_id in missing:
                page.form.show_error(item_id, translate("VisitPage", "必填"))
        else:
            text = self.tr("更正没有保存：{reason}\n修改仍在屏幕上，可以再点“保存更正”。").format(
                reason=describe_error(exc)
            )
        page.correction_bar.show_error(text)
        if not isinstance(exc, FieldbookError):
            page.ctx.ops.report(exc, what=self.tr("保存更正"), write=True)

    def undo(self) -> None:
        """撤销修改: show the finished visit as it is saved."""
        page = self.page
        visit = page.visit
        if visit is None:
            return
        page.show_visit(visit)
        for item_id in list(page.form.errors()):
            page.form.clear_error(item_id)
