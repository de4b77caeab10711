"""The plan page's route sheet (路线单): 导出路线单… (Excel) and 打印 (打印预览…, 导出 PDF…) of the
same workbook, the print button placed under 导出路线单… in the page's column of buttons."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from fieldbook.qt.context import AppContext
from fieldbook.qt.operations.plan import export_route_sheet
from fieldbook.qt.printing.form_printing import Form, FormPrinting
from fieldbook.qt.widgets.save_dialog import ask_save_xlsx
from fieldbook.qt.widgets.stop_buttons import StopButtons


def _tr(text: str) -> str:
    return QCoreApplication.translate("RouteSheet", text)


class RouteSheet:
    """``day``: the day the page shows; ``has_plan``: whether it shows a plan of that day."""

    def __init__(
        self,
        page: QWidget,
        ctx: AppContext,
        buttons: StopButtons,
        day: Callable[[], date],
        has_plan: Callable[[], bool],
    ) -> None:
        self.page, self.ctx, self.day, self.has_plan = page, ctx, day, has_plan
        self.printing = FormPrinting(page, ctx, self._printable, compact=False)
        self.printing.button.setMinimumHeight(buttons.export.minimumHeight())
        column = buttons.layout()
        column.insertWidget(column.indexOf(buttons.export) + 1, self.printing.button)

    def _printable(self) -> Form | None:
        day = self.day()
        if not self.has_plan():
            return None
        name = _tr("路线单_{day}").format(day=day.isoformat())
        return Form(_tr("路线单"), name, lambda j, path: export_route_sheet(j, day, path))

    def choose_export_file(self) -> QFileDialog:
        name = _tr("路线单_{day}.xlsx").format(day=self.day().isoformat())
        return ask_save_xlsx(self.page, _tr("导出路线单"), name, self.export_to)

    def export_to(self, path: Path) -> None:
        day = self.day()

        def done(written: Path) -> None:
            self.ctx.ops.message.emit(_tr("路线单已导出：{path}").format(path=written))

        self.ctx.ops.write(lambda j: export_route_sheet(j, day, path), done, what=_tr("导出路线单"))
