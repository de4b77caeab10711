"""The work log's 未订货客户 made actionable: a row's 明日跟进 opens the follow-up dialog for
that customer (due the next working day: asked at tomorrow's visit), its 不订货反馈单 the slip
dialog prefilled (category 不订货, the day and the reason the visits gave)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from fieldbook.core.slips.service import SlipInput
from fieldbook.core.slips.suggestions import no_order_description
from fieldbook.qt.context import AppContext
from fieldbook.qt.dialogs.followup_dialog import FollowUpDialog
from fieldbook.qt.dialogs.slip_dialog import SlipDialog
from fieldbook.qt.widgets.non_orderers import NonOrderersBox


class NonOrdererActions(QObject):
    def __init__(self, ctx: AppContext, box: NonOrderersBox, page: QWidget) -> None:
        super().__init__(page)
        self.ctx, self.page = ctx, page
        self.dialog: QWidget | None = None
        box.followup_requested.connect(self.follow_up)
        box.slip_requested.connect(self.slip)

    def follow_up(self, row: Mapping[str, Any]) -> FollowUpDialog:
        reason = str(row.get("reason") or "")
        text = self.tr("今天应订货未订货，走访时问清原因")
        if reason:
            text += self.tr("（走访记录：{reason}）").format(reason=reason)
        dialog = FollowUpDialog(
            self.ctx,
            self.page,
            customer_id=str(row["customer_id"]),
            source="manual",
            text=text,
            days=1,
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    def slip(self, row: Mapping[str, Any]) -> SlipDialog:
        day = self.ctx.today()
        reason = str(row.get("reason") or "")
        description = no_order_description(day, reason)
        data = SlipInput(
            category="no_order", description=description, customer_id=str(row["customer_id"])
        )
        slip_dialog = SlipDialog(self.ctx, data, self.page)
        self.dialog = slip_dialog
        slip_dialog.open()
        return slip_dialog
