"""Finishing a visit and going on to the next planned stop, then 生成反馈单 for what it found.

Mixed into ``VisitPage``. Ctrl+Enter finishes and opens the NEXT planned stop; finishing waits
until nothing is left unsaved. The finished visit's suggested slips can be opened prefilled.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from fieldbook.core.errors import FieldbookError, InvalidValue
from fieldbook.core.routine.checklist import OPEN
from fieldbook.qt.formatting import listing
from fieldbook.qt.pages.visit_data import finish_and_next, result_text
from fieldbook.qt.plan_format import slip_name

if TYPE_CHECKING:
    from fieldbook.core.routine.plan import StopView
    from fieldbook.core.routine.visits import FinishResult

translate = QCoreApplication.translate


class VisitFinishing:
    """完成 (Ctrl+Enter), the next stop, and the suggested slips of the finished visit."""

    # --- finishing --------------------------------------------------------------------------
    def flush(self) -> None:
        """Send every pending edit now (typed text waiting for a pause, an open grid cell)."""
        self.grid.view.commit_open_editor()
        self.form.flush()

    def finish(self) -> None:
        screen = self.screen
        if screen is None:
            return
        visit = self.visit
        if visit is None:
            self.show_message(self.tr("请先到店（Enter 或 Alt+A），再完成走访。"))
            self.header.arrive_button.setFocus()
            return
        if visit.status != "draft":
            return
        self.flush()
        if self.unsaved:
            self._show_unsaved()
            self.show_message(
                self.error_label.text() + self.tr("\n还有修改没有保存，保存成功之前不能完成走访。")
            )
            return
        if self.shop_status in ("", OPEN):
            bad = self.form.errors()
            if bad:
                first = next(iter(bad))
                names = listing(self.form.label_of(i) for i in bad)
                self.show_message(self.tr("请先改正：{names}").format(names=names))
                self.form.focus_item(first)
                return
            if self.grid.model.errors():
                self.show_message(self.tr("请先改正规格表里标红的格子。"))
                self.grid.view.setFocus()
                return
        close = self.followups.checked_ids()
        vid, day = visit.id, screen.day
        stop_id = screen.stop.id if screen.stop is not None else None
        shop = screen.customer.shop_name

        def after_saves(_none: object) -> None:
            # Every save queued before this point has answered: finish only if all went in.
            if self.unsaved:
                self._show_unsaved()
                return
            self.ctx.ops.write(
                lambda j: finish_and_next(j, vid, close, day, stop_id),
                lambda out: self._finished(shop, day, *out),
                self._finish_failed,
                what=self.tr("完成走访"),
            )

        self.ctx.ops.query(lambda _j: None, after_saves, self._finish_failed)

    def _finish_failed(self, exc: BaseException) -> None:
        from fieldbook.messages import describe_error

        if isinstance(exc, InvalidValue) and (exc.detail or exc.code) == "visit_incomplete":
            missing = [str(m) for m in exc.data.get("missing", [])]  # type: ignore[union-attr]
            self.show_missing(missing)
            return
        if isinstance(exc, InvalidValue) and exc.data.get("field") in ("arrived_at", "left_at"):
            self.show_message(describe_error(exc))
            return
        self.show_message(self.tr("走访没有完成：{reason}").format(reason=describe_error(exc)))
        if not isinstance(exc, FieldbookError):
            self.ctx.ops.report(exc, what=self.tr("完成走访"), write=True)

    def show_missing(self, missing: list[str]) -> None:
        """Say which required items are empty and put the cursor in the first one."""
        if not missing:
            return
        if "shop_status" in missing:
            self.show_message(self.tr("请先选择店铺状态（数字键 1–5）。"))
            self.status_picker.setFocus()
            return
        required = translate("VisitPage", "必填")
        for item_id in missing:
            self.form.show_error(item_id, required)
        names = listing(self.form.label_of(i) for i in missing[:4])
        if len(missing) > 4:
            names += self.tr(" 等 {n} 项").format(n=len(missing))
        self.show_message(self.tr("还有必填项没有填写：{names}").format(names=names))
        self.form.focus_item(missing[0])

    def _finished(self, shop: str, day: date, result: FinishResult, nxt: StopView | None) -> None:
        self.last_result = result_text(shop, result)
        self.suggested = (
            (result.visit.id, result.visit.visit_date) if result.slip_categories else None
        )
        self.ctx.ops.message.emit(self.last_result)
        self.visit = result.visit
        self.finished.emit(result)
        if nxt is None:
            self.last_result += self.tr(" · 计划里的客户都走完了")
            self.ctx.ops.message.emit(self.last_result)
            self.back_requested.emit()
            return
        self.open_stop(day, nxt.id)

    def go_back(self) -> None:
        self.flush()
        self.back_requested.emit()

    # --- 生成反馈单: the finished visit's suggested slip, prefilled ----------------------------
    def make_slip(self) -> None:
        """Open the slip dialog prefilled from the last finished visit's suggestion (a menu
        first when the visit suggested several categories)."""
        from fieldbook.qt.operations.slips import visit_suggestions

        if self.suggested is None:
            return
        visit_id, day = self.suggested
        self.ctx.ops.query(
            lambda j: visit_suggestions(j, visit_id, day),
            self._suggestions_found,
            what=self.tr("读取建议的反馈单"),
        )

    def _suggestions_found(self, found: list[Any]) -> None:
        if not found:
            self.suggested = None
            self.slip_button.hide()
            self.show_message(self.tr("这次走访建议的反馈单都已处理。"))
            return
        if len(found) == 1:
            self.open_suggested_slip(found[0].id)
            return
        menu = QMenu(self)
        for suggestion in found:
            action = menu.addAction(slip_name(suggestion.category))
            action.triggered.connect(
                lambda _c=False, sid=suggestion.id: self.open_suggested_slip(sid)
            )
        self.slip_menu = menu
        menu.popup(self.slip_button.mapToGlobal(self.slip_button.rect().bottomLeft()))

    def open_suggested_slip(self, suggestion_id: str) -> None:
        from fieldbook.qt.operations.slips import prefill_from_suggestion

        self.ctx.ops.query(
            lambda j: prefill_from_suggestion(j, suggestion_id),
            self._open_slip_dialog,
            what=self.tr("读取建议的反馈单"),
        )

    def _open_slip_dialog(self, data: Any) -> None:
        from fieldbook.qt.dialogs.slip_dialog import SlipDialog

        dialog = SlipDialog(self.ctx, data, self)
        dialog.saved.connect(lambda _view: self._slip_saved())
        self.slip_dialog = dialog
        dialog.open()

    def _slip_saved(self) -> None:
        from fieldbook.qt.operations.slips import visit_suggestions

        if self.suggested is None:
            return
        visit_id, day = self.suggested

        def left(found: list[Any]) -> None:
            if not found:
                self.suggested = None
                self.slip_button.hide()

        self.ctx.ops.query(lambda j: visit_suggestions(j, visit_id, day), left)
