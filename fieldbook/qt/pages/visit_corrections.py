"""修改记录 and corrections of a finished visit.

Mixed into ``VisitPage``. Editing a finished visit's times or answers is a correction: the edits
stay on screen, a reason field and 保存更正 appear, and the core records each change with the
reason in the audit trail.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from fieldbook.core.errors import FieldbookError, InvalidValue
from fieldbook.core.routine.checklist import check_answer
from fieldbook.qt.formatting import listing
from fieldbook.qt.pages.visit_data import save_correction
from fieldbook.qt.pages.visit_times import time_name
from fieldbook.qt.plan_format import hm

if TYPE_CHECKING:
    from fieldbook.core.routine.visits import VisitView
    from fieldbook.core.store.audit import AuditRecord

translate = QCoreApplication.translate


class VisitCorrections:
    """Corrections (with a reason) of a finished visit, and its 修改记录."""

    # --- 修改记录 and corrections of a finished visit ----------------------------------------
    def _show_history(self, entries: tuple[AuditRecord, ...]) -> None:
        self.history_entries = tuple(entries)
        visit = self.visit
        checklist = visit.checklist if visit is not None else self.checklist
        self.record_history.set_entries(self.history_entries, checklist)

    def _correct_answer(self, item_id: str, value: Any) -> None:
        visit = self.visit
        assert visit is not None
        item = self.checklist.item(item_id)
        try:
            cleaned = check_answer(item, value)
        except InvalidValue as exc:
            from fieldbook.messages import message

            code = exc.detail or exc.code
            data = {k: v for k, v in exc.data.items() if k not in ("field", "value")}
            self.form.show_error(item_id, message(code, data))
            cleaned = value
        else:
            self.form.clear_error(item_id)
        if cleaned == visit.answers.get(item_id) or (
            cleaned in (None, "", []) and item_id not in visit.answers
        ):
            self.corrections.pop(item_id, None)
        else:
            self.corrections[item_id] = value
        if cleaned is None:
            self.answers.pop(item_id, None)
        else:
            self.answers[item_id] = cleaned
        self.form.update_visibility(self.shop_status, self.answers)
        self._show_corrections()

    def _correct_time(self, field: str, moment: datetime) -> None:
        visit = self.visit
        assert visit is not None
        current = getattr(visit, field)
        if current is not None and hm(current) == hm(moment):
            self.time_corrections.pop(field, None)
        else:
            self.time_corrections[field] = moment
        self._show_times()
        self._show_corrections()

    def _show_corrections(self) -> None:
        labels = [time_name(f) for f in ("arrived_at", "left_at") if f in self.time_corrections]
        labels += [self.form.label_of(i) for i in self.corrections]
        if not labels:
            self.correction_bar.reset()
            return
        self.correction_bar.show_changes(labels)

    def save_correction(self, reason: str) -> None:
        visit = self.visit
        if visit is None or visit.status != "done":
            return
        self.flush()
        if not self.corrections and not self.time_corrections:
            self.correction_bar.reset()
            return
        if self.form.errors():
            names = listing(self.form.label_of(i) for i in self.form.errors())
            self.correction_bar.show_error(self.tr("请先改正：{names}").format(names=names))
            return
        vid = visit.id
        answers = dict(self.corrections)
        times = dict(self.time_corrections)
        self.correction_bar.save_button.setEnabled(False)

        def done(out: tuple[VisitView, tuple[AuditRecord, ...]]) -> None:
            view, entries = out
            self.correction_bar.save_button.setEnabled(True)
            self._show_visit(view)
            self._show_history(entries)
            self.header.show_saved(self.ctx.now())
            self.ctx.ops.message.emit(self.tr("已保存更正，已记入修改记录"))

        def failed(exc: BaseException) -> None:
            from fieldbook.messages import describe_error

            self.correction_bar.save_button.setEnabled(True)
            self.header.show_unsaved()
            if isinstance(exc, InvalidValue) and (exc.detail or exc.code) == "visit_incomplete":
                missing = [str(m) for m in exc.data.get("missing", [])]  # type: ignore[union-attr]
                names = listing(self.form.label_of(i) for i in missing[:4])
                text = self.tr("更正没有保存：必填项不能清空（{names}）").format(names=names)
                for item_id in missing:
                    self.form.show_error(item_id, translate("VisitPage", "必填"))
            else:
                text = self.tr(
                    "更正没有保存：{reason}\n修改仍在屏幕上，可以再点“保存更正”。"
                ).format(reason=describe_error(exc))
            self.correction_bar.show_error(text)
            if not isinstance(exc, FieldbookError):
                self.ctx.ops.report(exc, what=self.tr("保存更正"), write=True)

        self.ctx.ops.write(
            lambda j: save_correction(j, vid, answers, times, reason),
            done,
            failed,
            what=self.tr("保存更正"),
        )

    def undo_corrections(self) -> None:
        """撤销修改: show the finished visit as it is saved."""
        visit = self.visit
        if visit is None:
            return
        self._show_visit(visit)
        for item_id in list(self.form.errors()):
            self.form.clear_error(item_id)
