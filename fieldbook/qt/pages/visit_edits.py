"""The draft's edits on the visit screen: shop status, checklist answers, the SKU grid, and
同上次 (fill the form from the last visit).

Mixed into ``VisitPage``; every change goes through ``VisitSaving._change`` so a refused save
is kept and sent again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from fieldbook.core.errors import InvalidValue
from fieldbook.core.routine.checklist import OPEN, check_answer

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.core.routine.visits import VisitView


class VisitEdits:
    """Editing a draft visit."""

    def set_status(self, code: str | None) -> None:
        vid = self._draft_id()
        if vid is None:
            self.status_picker.set_value(self.shop_status or None)
            return
        if code is None:  # a status cannot be cleared, only changed
            self.status_picker.set_value(self.shop_status or None)
            return
        previous = self.shop_status
        self.shop_status = code
        self._apply_status()

        def rejected(exc: BaseException) -> None:
            self.shop_status = previous
            self.status_picker.set_value(previous or None)
            self._apply_status()
            self._failed(exc, self.tr("店铺状态"))

        self._change(
            ("status",),
            lambda j: j.visits.set_shop_status(vid, code),
            lambda _v: None,
            rejected,
            self.tr("店铺状态"),
        )

    def save_answer(self, item_id: str, value: Any) -> None:
        if self.visit is not None and self.visit.status == "done":
            self._correct_answer(item_id, value)
            return
        vid = self._draft_id()
        if vid is None:
            return
        if not self.shop_status:
            # Answering the checklist says the shop is open.
            self.status_picker.set_value(OPEN)
            self.set_status(OPEN)
        item = self.checklist.item(item_id)
        try:
            cleaned = check_answer(item, value)
        except InvalidValue:
            cleaned = self.answers.get(item_id)  # the core will say why; nothing is saved
        else:
            if cleaned is None:
                self.answers.pop(item_id, None)
            else:
                self.answers[item_id] = cleaned
            self.form.update_visibility(self.shop_status, self.answers)

        def done(_result: object) -> None:
            self.form.clear_error(item_id)
            if not self.unsaved and not self.form.errors() and self.error_label.isVisible():
                self.show_message("")

        def rejected(exc: BaseException) -> None:
            from fieldbook.messages import describe_error, message

            if isinstance(exc, InvalidValue):
                code = exc.detail or exc.code
                data = {k: v for k, v in exc.data.items() if k not in ("field", "value")}
                self.form.show_error(item_id, message(code, data))
                self.header.show_unsaved()
            else:
                self.form.show_error(item_id, describe_error(exc))
                self._failed(exc, item.label)

        self._change(
            ("answer", item_id),
            lambda j: j.visits.save_answer(vid, item_id, value),
            done,
            rejected,
            item.label,
        )

    def save_grid(self, sku_id: str, field: str, value: Any) -> None:
        vid = self._draft_id()
        if vid is None:
            return
        model = self.grid.model

        def done(_result: object) -> None:
            model.accepted(sku_id, field, value)
            if not model.errors():
                self.grid.show_error("")

        def rejected(exc: BaseException) -> None:
            from fieldbook.messages import describe_error

            text = describe_error(exc)
            model.mark_error(sku_id, field, text)
            self.grid.show_error(text)
            self.header.show_unsaved()

        row = model.row_of(sku_id)
        name = model.rows()[row].name if row >= 0 else sku_id
        kwargs = {field: value}
        self._change(
            ("grid", sku_id, field),
            lambda j: j.visits.save_grid(vid, sku_id, **kwargs),
            done,
            rejected,
            self.tr("{sku}的数据").format(sku=name),
        )

    def add_sku(self, sku_id: str) -> None:
        vid = self._draft_id()
        if vid is None:
            return

        def work(j: Journal) -> VisitView:
            j.visits.save_grid(vid, sku_id)
            return j.visits.get(vid)

        def done(visit: VisitView) -> None:
            self._saved()
            self.grid.model.set_rows(visit.grid)
            self.grid.focus_sku(sku_id)

        self.ctx.ops.write(work, done, lambda e: self._failed(e, self.tr("添加规格")))

    def same_as_last_time(self) -> None:
        screen = self.screen
        if screen is None or not screen.previous:
            return
        visit = self.visit
        if visit is not None and visit.status != "draft":
            return
        self.flush()
        if self.unsaved:
            self._say_held()
            return
        customer_id, day = screen.customer.id, screen.day
        stop_id = screen.stop.id if screen.stop is not None else None
        vid = visit.id if visit is not None else None

        def work(j: Journal) -> VisitView:
            draft_id = vid or j.visits.start(customer_id, day=day, plan_stop_id=stop_id).id
            return j.visits.same_as_last_time(draft_id)

        def done(filled: VisitView) -> None:
            self._saved()
            self.grid.model.set_rows(filled.grid)
            self._show_visit(filled)
            self.show_message("")
            self.finish_button.setFocus(Qt.FocusReason.OtherFocusReason)

        self.ctx.ops.write(work, done, lambda e: self._failed(e, self.tr("同上次")))
