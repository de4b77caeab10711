"""The draft's edits on the visit screen: shop status, checklist answers, the SKU grid, and
同上次 (fill the form from the last visit).

Composed into ``VisitPage``; every change goes through the page's ``Autosave`` so a refused
save is kept and sent again. An answer edited on a FINISHED visit goes to ``correct_answer``
(a correction, ``visit_corrections``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from fieldbook.core.errors import InvalidValue
from fieldbook.core.routine.checklist import OPEN, Checklist, check_answer
from fieldbook.core.routine.checklist_names import checklist_names
from fieldbook.core.routine.price_checks import compliance_item, derived_compliance
from fieldbook.core.routine.visit_carry import Pending
from fieldbook.core.routine.visit_views import VisitView
from fieldbook.messages import describe_error, message
from fieldbook.qt.i18n import ui_language
from fieldbook.qt.operations import visits as operations
from fieldbook.qt.pages.autosave import Change
from fieldbook.qt.pages.visit_host import VisitHost
from fieldbook.qt.plan_format import slip_name

translate = QCoreApplication.translate


def rejection_text(exc: InvalidValue) -> str:
    """What the core said about a checklist answer, for the line under the item."""
    code = exc.detail or exc.code
    data = {k: v for k, v in exc.data.items() if k not in ("field", "value")}
    return message(code, data)


def status_hint(checklist: Checklist, code: str) -> str:
    """What a shop status other than 正常营业 means for the visit (empty for an unknown one)."""
    try:
        status = checklist.status(code)
    except InvalidValue:
        return ""
    parts = [
        translate("VisitPage", "店铺{label}：不用填写检查表，可以直接完成（Ctrl+Enter）。").format(
            label=checklist_names(checklist, ui_language()).status(code)
        )
    ]
    if status.slip:
        parts.append(
            translate("VisitPage", "完成后将建议填写反馈单：{name}。").format(
                name=slip_name(status.slip)
            )
        )
    if status.follow_up:
        parts.append(
            translate("VisitPage", "完成后将记下跟踪事项：{text}。").format(text=status.follow_up)
        )
    return "".join(parts)


class VisitEdits(QObject):
    """Editing a draft visit."""

    def __init__(
        self,
        page: VisitHost,
        correct_answer: Callable[[str, Any], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.page = page
        self._correct_answer = correct_answer
        page.grid.model.modelReset.connect(self.sync_compliance)
        page.grid.model.dataChanged.connect(lambda *_: self.sync_compliance())

    def sync_compliance(self) -> None:
        """执行指导价 follows the grid (decision 0020): while a price seen can be compared with
        its guide price the answer is the one the prices imply — shown, not editable, saying
        so — as the core derives and stores it; with no price seen the manager answers."""
        page = self.page
        item_id = compliance_item(page.checklist)
        if item_id is None:
            return
        checks = [r.price_check() for r in page.grid.model.rows()]
        answer = derived_compliance(checks)
        seen = sum(1 for c in checks if c is not None)
        off = sum(1 for c in checks if c is not None and c.deviates)
        note = (
            self.tr("由规格表的售价判定：{seen} 个售价，{off} 个偏离指导价").format(
                seen=seen, off=off
            )
            if answer is not None
            else ""
        )
        page.form.set_derived(item_id, note)
        draft = page.visit is not None and page.visit.status == "draft"
        if answer is not None and draft and page.answers.get(item_id) != answer:
            page.answers[item_id] = answer
            page.form.fields[item_id].set_value(answer)
            page.form.clear_error(item_id)

    def set_status(self, code: str | None) -> None:
        page = self.page
        vid = page.draft_id()
        if vid is None or code is None:  # a status cannot be cleared, only changed
            page.status_picker.set_value(page.shop_status or None)
            return
        previous = page.shop_status
        page.shop_status = code
        page.apply_status()

        def rejected(exc: BaseException) -> None:
            page.shop_status = previous
            page.status_picker.set_value(previous or None)
            page.apply_status()
            page.failed(exc, self.tr("店铺状态"))

        page.autosave.change(
            ("status",),
            Change(
                lambda j: j.visits.set_shop_status(vid, code),
                self.tr("店铺状态"),
                rejected=rejected,
            ),
        )

    def save_answer(self, item_id: str, value: Any) -> None:
        page = self.page
        if page.visit is not None and page.visit.status == "done":
            self._correct_answer(item_id, value)
            return
        vid = page.draft_id()
        if vid is None:
            return
        if not page.shop_status:
            # Answering the checklist says the shop is open.
            page.status_picker.set_value(OPEN)
            self.set_status(OPEN)
        item = page.checklist.item(item_id)
        try:
            cleaned = check_answer(item, value)
        except InvalidValue:
            pass  # the core will say why; nothing is saved
        else:
            if cleaned is None:
                page.answers.pop(item_id, None)
            else:
                page.answers[item_id] = cleaned
            page.form.update_visibility(page.shop_status, page.answers)

        def done(_result: object) -> None:
            page.form.clear_error(item_id)
            quiet = not page.autosave.unsaved and not page.form.errors()
            if quiet and page.error_label.isVisible():
                page.show_message("")

        def rejected(exc: BaseException) -> None:
            if isinstance(exc, InvalidValue):
                page.form.show_error(item_id, rejection_text(exc))
                page.header.show_unsaved()
            else:
                page.form.show_error(item_id, describe_error(exc))
                page.failed(exc, item.label)

        page.autosave.change(
            ("answer", item_id),
            Change(
                lambda j: j.visits.save_answer(vid, item_id, value),
                item.label,
                done=done,
                rejected=rejected,
            ),
        )

    def save_grid(self, sku_id: str, field: str, value: Any) -> None:
        page = self.page
        vid = page.draft_id()
        if vid is None:
            return
        grid = page.grid
        model = grid.model

        def done(_result: object) -> None:
            model.accepted(sku_id, field, value)
            if not model.errors():
                grid.show_error("")

        def rejected(exc: BaseException) -> None:
            text = describe_error(exc)
            model.mark_error(sku_id, field, text)
            grid.show_error(text)
            page.header.show_unsaved()

        row = model.row_of(sku_id)
        name = model.rows()[row].name if row >= 0 else sku_id
        kwargs = {field: value}
        page.autosave.change(
            ("grid", sku_id, field),
            Change(
                lambda j: j.visits.save_grid(vid, sku_id, **kwargs),
                self.tr("{sku}的数据").format(sku=name),
                done=done,
                rejected=rejected,
            ),
        )

    def add_sku(self, sku_id: str) -> None:
        page = self.page
        vid = page.draft_id()
        if vid is None:
            return

        def done(visit: VisitView) -> None:
            page.saved()
            page.grid.model.set_rows(visit.grid)
            page.grid.focus_sku(sku_id)

        page.ctx.ops.write(
            lambda j: operations.add_sku(j, vid, sku_id),
            done,
            lambda e: page.failed(e, self.tr("添加规格")),
        )

    def same_as_last_time(self) -> None:
        page = self.page
        screen = page.screen
        if screen is None or not screen.previous:
            return
        visit = page.visit
        if visit is not None and visit.status != "draft":
            return
        page.flush()
        if page.autosave.unsaved:
            page.say_held()
            return
        customer_id, day = screen.customer.id, screen.day
        stop_id = screen.stop.id if screen.stop is not None else None
        vid = visit.id if visit is not None else None

        def done(out: tuple[VisitView, Pending]) -> None:
            filled, waiting = out
            page.saved()
            page.grid.model.set_rows(filled.grid)
            page.show_visit(filled)
            self.show_pending(waiting)
            copied = len(filled.carried.copied)
            page.show_message(self._pending_text(copied, waiting))
            self.focus_first_empty()

        page.ctx.ops.write(
            lambda j: operations.same_as_last_time(j, vid, customer_id, day, stop_id),
            done,
            lambda e: page.failed(e, self.tr("同上次")),
        )

    def confirm_unchanged(self) -> None:
        """已核对，与上次相同 (Ctrl+Shift+D): take every value that waits, as confirmed."""
        page = self.page
        visit = page.visit
        if visit is None or visit.status != "draft" or page.screen is None:
            return
        if not page.screen.previous:
            return
        page.flush()
        if page.autosave.unsaved:
            page.say_held()
            return
        vid = visit.id

        def done(out: tuple[VisitView, Pending]) -> None:
            confirmed, waiting = out
            page.saved()
            page.grid.model.set_rows(confirmed.grid)
            page.show_visit(confirmed)
            self.show_pending(waiting)
            page.show_message(
                self.tr("已核对，与上次相同：{items} 项、{skus} 个规格").format(
                    items=len(confirmed.carried.confirmed),
                    skus=len(confirmed.carried.confirmed_skus),
                )
            )
            self.focus_first_empty()

        page.ctx.ops.write(
            lambda j: operations.confirm_unchanged(j, vid),
            done,
            lambda e: page.failed(e, self.tr("核对")),
        )

    def show_pending(self, waiting: Pending | None) -> None:
        """Last time's values beside the items that wait; the 已核对 button while any do."""
        page = self.page
        page.form.show_previous(waiting.answers if waiting is not None else {})
        page.grid.model.set_previous(waiting.grid if waiting is not None else {})
        left = waiting is not None and bool(waiting.answers or waiting.grid)
        page.side.confirm_button.setVisible(left)
        page.side.confirm_button.setEnabled(left)
        skus = len(waiting.grid) if waiting is not None else 0
        title = self.tr("各规格库存与排面（Alt+G）")
        if skus:
            title += self.tr(" · 上次 {n} 个规格待核对（Ctrl+Shift+D）").format(n=skus)
        page.grid_box.setTitle(title)

    def _pending_text(self, copied: int, waiting: Pending) -> str:
        text = self.tr("已按上次填写 {n} 项（只填空着的）").format(n=copied)
        if waiting.answers or waiting.grid:
            text += self.tr(
                "；{items} 项和 {skus} 个规格要现场核对：与上次相同按 Ctrl+Shift+D，不同就直接改"
            ).format(items=len(waiting.answers), skus=len(waiting.grid))
        return text

    def focus_first_empty(self) -> None:
        """The cursor goes to the first required item still empty — never to 完成."""
        page = self.page
        missing = page.checklist.missing(page.shop_status or OPEN, page.answers)
        if missing and page.form.focus_item(missing[0]):
            return
        first = page.form.first_editor()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
