"""打印预览… and 导出 PDF… of the form a page exports (decision 0026).

The page says what its form is (:class:`Form`: a title, a file name and the function of the
journal that writes its workbook — the same writer as 导出 Excel). The workbook is written on the
DB worker into a private temporary folder; LibreOffice converts it on a thread of its own, so
neither the window nor the database waits the 3–10 seconds a conversion takes. 导出 PDF… saves
where the user chose; 打印预览… writes a private temporary PDF and opens it in the system's PDF
viewer, which prints it. The buttons are enabled only while the page has a form to print and
no conversion of it runs; they sit in the menu of one 打印 button beside 导出 Excel.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton, QWidget

from fieldbook.messages import describe_error
from fieldbook.qt.icons import page_icon

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal
    from fieldbook.qt.context import AppContext

#: Shortcuts of the two actions on every page that has them (Ctrl+E stays 导出 Excel).
PREVIEW_KEYS = "Ctrl+P"
PDF_KEYS = "Ctrl+Shift+E"


@dataclass(frozen=True)
class Form:
    """What a page prints: ``title`` (周报), the suggested file name without suffix, and the
    function of the journal that writes the form's workbook to a path and returns it."""

    title: str
    name: str
    write: Callable[[Journal, Path], Path]


def convert_with_libreoffice(workbook: Path, target: Path) -> Path:
    # The PDF runner loads openpyxl (reports.saving): only when printing, not on first paint.
    from fieldbook.core.reports.pdf import convert_to_pdf  # noqa: PLC0415

    return convert_to_pdf(workbook, target)


def open_in_viewer(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class FormPrinting(QObject):
    """The 打印 button of one page (a menu: 打印预览…, 导出 PDF…), its shortcuts, and the
    conversion they start."""

    #: From the conversion thread: (target, preview?, the error or None, the work folder).
    _converted = Signal(object)
    #: A conversion ended: the PDF written, or None when it failed (tests wait on it).
    finished = Signal(object)

    def __init__(
        self,
        page: QWidget,
        ctx: AppContext,
        form: Callable[[], Form | None],
        *,
        compact: bool = True,
    ) -> None:
        """``compact``: the button shows the printer icon only (the top bars are full at
        1366 px in English); otherwise the icon and 打印."""
        super().__init__(page)
        self.page, self.ctx, self.form = page, ctx, form
        self.busy = False
        #: Replaceable in tests: the converter (runs off the UI thread) and the PDF viewer.
        self.convert: Callable[[Path, Path], Path] = convert_with_libreoffice
        self.open_file: Callable[[Path], bool] = open_in_viewer
        self.threads: list[threading.Thread] = []
        self._previews = tempfile.TemporaryDirectory(prefix="fieldbook-preview-")
        self.preview_action = self._action(self.tr("打印预览…"), PREVIEW_KEYS, self.preview)
        self.pdf_action = self._action(self.tr("导出 PDF…"), PDF_KEYS, self.choose_pdf_file)
        menu = QMenu(page)
        menu.addActions([self.preview_action, self.pdf_action])
        self.button = QPushButton(self.tr("打印"))
        self.button.setToolTip(
            self.tr(
                "打印预览（Ctrl+P）：转成 PDF，在 PDF 阅读器中打开并从那里打印；"
                "导出 PDF（Ctrl+Shift+E）：按打印的样子保存为 PDF"
            )
        )
        self.button.setMenu(menu)
        self.button.setAccessibleName(self.button.text())
        self.button.setIcon(page_icon("print"))
        if compact:
            self.button.setText("")
            self.button.setFixedWidth(30)
            self.button.setStyleSheet("QPushButton::menu-indicator { image: none; width: 0; }")
        self._converted.connect(self._done)
        self.refresh()

    def _action(self, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        """An action of the page (its shortcut works anywhere on the page) and of the menu."""
        action = QAction(text, self.page)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.page.addAction(action)
        return action

    def refresh(self) -> None:
        """Enable the actions when the page has a form and none is being converted."""
        ready = not self.busy and self.form() is not None
        for widget in (self.preview_action, self.pdf_action, self.button):
            widget.setEnabled(ready)

    def choose_pdf_file(self) -> QFileDialog | None:
        form = self.form()
        if form is None or self.busy:
            return None
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        dialog = QFileDialog(self.page, self.tr("导出 PDF"), str(Path(folder) / f"{form.name}.pdf"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF 文件 (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(lambda path: self.save_pdf(Path(path)))
        dialog.open()
        return dialog

    def save_pdf(self, target: Path) -> None:
        self._start(target, preview=False)

    def preview(self) -> None:
        form = self.form()
        if form is not None:
            self._start(Path(self._previews.name) / f"{form.name}.pdf", preview=True)

    def _start(self, target: Path, *, preview: bool) -> None:
        form = self.form()
        if form is None or self.busy:
            return
        self.busy = True
        self.refresh()
        work = Path(tempfile.mkdtemp(prefix="fieldbook-form-"))
        workbook = work / f"{form.name}.xlsx"
        self.ctx.ops.message.emit(self.tr("正在生成 PDF：{title}…").format(title=form.title))

        def written(path: Any) -> None:
            thread = threading.Thread(
                target=self._convert, args=(Path(path), target, preview, work), daemon=True
            )
            self.threads.append(thread)
            thread.start()

        def failed(exc: BaseException) -> None:
            self._done((target, preview, exc, work))

        self.ctx.ops.query(
            lambda j: form.write(j, workbook), written, failed, what=self.tr("导出 PDF")
        )

    def _convert(self, workbook: Path, target: Path, preview: bool, work: Path) -> None:
        """On the conversion thread: never touches a widget, only emits."""
        try:
            self.convert(workbook, target)
            error: BaseException | None = None
        except Exception as exc:  # every failure must reach the user
            error = exc
        try:
            self._converted.emit((target, preview, error, work))
        except RuntimeError:  # the page was closed meanwhile: nobody to tell
            shutil.rmtree(work, ignore_errors=True)

    def _done(self, outcome: tuple[Path, bool, BaseException | None, Path]) -> None:
        target, preview, error, work = outcome
        shutil.rmtree(work, ignore_errors=True)
        self.busy = False
        self.refresh()
        if error is not None:
            self._failed(error)
            self.finished.emit(None)
            return
        if preview:
            self.ctx.ops.message.emit(self.tr("已在 PDF 阅读器中打开：{path}").format(path=target))
            self.open_file(target)
        else:
            self.ctx.ops.message.emit(self.tr("PDF 已导出：{path}").format(path=target))
        self.finished.emit(target)

    def _failed(self, error: BaseException) -> None:
        text = self.tr("没有生成 PDF：{reason}").format(reason=describe_error(error))
        self.ctx.ops.message.emit(text)
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("导出 PDF"), text, QMessageBox.StandardButton.Ok
        )
        box.setParent(self.page, box.windowFlags())
        box.open()
        self.last_box = box
