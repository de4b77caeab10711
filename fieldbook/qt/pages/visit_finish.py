"""Finishing a visit and going on to the next planned stop (Ctrl+Enter).

Composed into ``VisitPage``. Finishing waits until nothing is left unsaved; a required item
left empty is named and gets the cursor. What finishing created (follow-ups, suggested slips)
is said on the next shop's screen; the suggestions go to ``visit_slips``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from fieldbook.core.errors import FieldbookError, InvalidValue
from fieldbook.core.routine.checklist import OPEN
from fieldbook.core.routine.day_progress import minutes_in_shop
from fieldbook.core.routine.plan import StopView
from fieldbook.core.routine.visit_views import FinishResult, VisitView, min_visit_minutes
from fieldbook.messages import describe_error
from fieldbook.qt.formatting import listing
from fieldbook.qt.operations.visits import finish_and_next
from fieldbook.qt.pages.visit_corrections import missing_items
from fieldbook.qt.pages.visit_host import VisitHost
from fieldbook.qt.plan_format import slip_name

translate = QCoreApplication.translate

#: How long 撤销完成 (Ctrl+Z) is offered after a visit is finished (and until the next arrival).
UNDO_SECONDS = 30


def result_text(shop: str, result: FinishResult) -> str:
    """What finishing created: follow-ups and suggested feedback slips."""
    parts = [translate("VisitPage", "已完成：{shop}").format(shop=shop)]
    if result.followups_created:
        parts.append(
            translate("VisitPage", "新增跟踪事项 {n} 条").format(n=result.followups_created)
        )
    if result.followups_attached:
        parts.append(
            translate("VisitPage", "再次发现（记在已有跟踪事项上）{n} 条").format(
                n=result.followups_attached
            )
        )
    if result.followups_closed:
        parts.append(
            translate("VisitPage", "处理跟踪事项 {n} 条").format(n=result.followups_closed)
        )
    if result.slip_categories:
        names = listing(slip_name(c) for c in result.slip_categories)
        parts.append(translate("VisitPage", "建议填写反馈单：{names}").format(names=names))
    return " · ".join(parts)


class VisitFinishing(QObject):
    """完成 (Ctrl+Enter) and the next stop. ``finished`` gets what finishing created (after
    ``last_result`` says it); ``end_of_plan`` is called when no stop is left."""

    def __init__(
        self,
        page: VisitHost,
        finished: Callable[[FinishResult], None],
        end_of_plan: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.page = page
        self._finished_cb = finished
        self._end_of_plan = end_of_plan
        self.last_result = ""
        #: Visits already asked about being short (asked once each).
        self._asked: set[str] = set()
        #: The open "走访时间很短" question, if any.
        self.question: QMessageBox | None = None
        #: (visit id, shop) of the visit just finished while 撤销完成 is offered.
        self.undoable: tuple[str, str] | None = None
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_SECONDS * 1000)
        self._undo_timer.timeout.connect(self.forget_undo)

    def finish(self) -> None:
        page = self.page
        screen = page.screen
        if screen is None:
            return
        visit = page.visit
        if visit is None:
            page.show_message(self.tr("请先到店（Enter 或 Alt+A），再完成走访。"))
            page.header.arrive_button.setFocus()
            return
        if visit.status != "draft":
            return
        page.flush()
        if page.autosave.unsaved:
            self._say_unsaved()
            return
        if page.shop_status in ("", OPEN) and not self._form_ready():
            return
        if self._ask_if_short(visit):
            return
        close = page.followups.checked_ids()
        vid, day = visit.id, screen.day
        stop_id = screen.stop.id if screen.stop is not None else None
        shop = screen.customer.shop_name

        def after_saves(_none: object) -> None:
            # Every save queued before this point has answered: finish only if all went in.
            if page.autosave.unsaved:
                page.autosave.show_unsaved()
                return
            page.ctx.ops.write(
                lambda j: finish_and_next(j, vid, close, day, stop_id),
                lambda out: self._finished(shop, day, *out),
                self._failed,
                what=self.tr("完成走访"),
            )

        page.ctx.ops.query(lambda _j: None, after_saves, self._failed)

    def _ask_if_short(self, visit: VisitView) -> bool:
        """An open shop's visit shorter than the minimum in the shop asks once (Cancel is the
        default, so a reflex Enter does not finish it); True while the question is open. A shop
        found closed is a short visit by nature: never asked."""
        page = self.page
        if page.shop_status != OPEN or page.checklist.missing(OPEN, page.answers):
            return False  # (what is missing is said first)
        minutes = minutes_in_shop(visit.arrived_at, visit.left_at or self.page.ctx.now())
        limit = min_visit_minutes()
        if minutes is None or minutes >= limit or visit.id in self._asked:
            return False
        self._asked.add(visit.id)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("走访时间很短"),
            self.tr("在店只有 {n} 分钟（不到 {limit} 分钟）。确定完成这次走访吗？").format(
                n=int(minutes), limit=limit
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self.page.finish_button,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("完成"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("继续填写"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(button: int) -> None:
            self.question = None
            if button == QMessageBox.StandardButton.Yes:
                self.finish()

        box.finished.connect(answered)
        self.question = box
        box.open()
        return True

    def _say_unsaved(self) -> None:
        page = self.page
        page.autosave.show_unsaved()
        page.show_message(
            page.error_label.text() + self.tr("\n还有修改没有保存，保存成功之前不能完成走访。")
        )

    def _form_ready(self) -> bool:
        """No item or grid cell is marked wrong (else say so and go there)."""
        page = self.page
        bad = page.form.errors()
        if bad:
            first = next(iter(bad))
            names = listing(page.form.label_of(i) for i in bad)
            page.show_message(self.tr("请先改正：{names}").format(names=names))
            page.form.focus_item(first)
            return False
        if page.grid.model.errors():
            page.show_message(self.tr("请先改正规格表里标红的格子。"))
            page.grid.view.setFocus()
            return False
        return True

    def _failed(self, exc: BaseException) -> None:
        page = self.page
        missing = missing_items(exc)
        if missing is not None:
            self.show_missing(missing)
            return
        if isinstance(exc, InvalidValue) and exc.data.get("field") in ("arrived_at", "left_at"):
            page.show_message(describe_error(exc))
            return
        page.show_message(self.tr("走访没有完成：{reason}").format(reason=describe_error(exc)))
        if not isinstance(exc, FieldbookError):
            page.ctx.ops.report(exc, what=self.tr("完成走访"), write=True)

    def show_missing(self, missing: list[str]) -> None:
        """Say which required items are empty and put the cursor in the first one."""
        page = self.page
        if not missing:
            return
        if "shop_status" in missing:
            page.show_message(self.tr("请先选择店铺状态（数字键 1–5）。"))
            page.status_picker.setFocus()
            return
        required = translate("VisitPage", "必填")
        for item_id in missing:
            page.form.show_error(item_id, required)
        names = listing(page.form.label_of(i) for i in missing[:4])
        if len(missing) > 4:
            names += self.tr(" 等 {n} 项").format(n=len(missing))
        page.show_message(self.tr("还有必填项没有填写：{names}").format(names=names))
        page.form.focus_item(missing[0])

    # --- 撤销完成 -------------------------------------------------------------------------------
    def undo(self) -> None:
        """撤销完成 (Ctrl+Z): the visit just finished is a draft again (audited) and shown."""
        if self.undoable is None:
            return
        vid, shop = self.undoable
        page = self.page
        page.flush()
        if page.autosave.unsaved:
            page.say_held()
            return
        reason = self.tr("完成后随即撤销")

        def done(visit: VisitView) -> None:
            self.last_result = self.tr("已撤销完成：{shop}，可以接着填写").format(shop=shop)
            page.ctx.ops.message.emit(self.last_result)
            page.open_visit(visit.id)

        self.forget_undo()
        page.ctx.ops.write(
            lambda j: j.visits.reopen(vid, reason),
            done,
            lambda e: page.show_message(
                self.tr("没有撤销：{reason}").format(reason=describe_error(e))
            ),
            what=self.tr("撤销完成"),
        )

    def forget_undo(self) -> None:
        """撤销完成 is no longer offered (time is up, or the next shop was arrived at)."""
        self._undo_timer.stop()
        if self.undoable is not None:
            self.undoable = None
            self.page.undo_button.hide()

    def _finished(self, shop: str, day: date, result: FinishResult, nxt: StopView | None) -> None:
        page = self.page
        self.last_result = result_text(shop, result)
        self.undoable = (result.visit.id, shop)
        self._undo_timer.start()
        page.ctx.ops.message.emit(self.last_result)
        page.visit = result.visit
        self._finished_cb(result)
        if nxt is None:
            self.last_result += self.tr(" · 计划里的客户都走完了")
            page.ctx.ops.message.emit(self.last_result)
            self._end_of_plan()
            return
        page.open_stop(day, nxt.id)
