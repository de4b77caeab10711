"""店面照片 on the visit screen: the visit's photos as thumbnails, 添加照片… (files), the photos
the phone's synced folder holds from the visit's arrival to its departure (one key, Alt+P,
attaches them all) and files dropped anywhere on the visit screen.

Thumbnails are decoded on the DB worker (``operations.photos``), never on the GUI thread. On a
finished visit, adding or removing a photo is a correction: it asks for the reason
(``ask_reason``, which tests replace) and goes into 修改记录."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QDropEvent,
    QIcon,
    QKeySequence,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QInputDialog,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.routine.visit_photos import Added, PhotoView
from fieldbook.core.routine.visit_views import VisitView
from fieldbook.messages import describe_error
from fieldbook.qt.context import AppContext
from fieldbook.qt.formatting import hm
from fieldbook.qt.operations.photos import (
    THUMB_EDGE,
    PhotoStrip,
    add_photos,
    attach_from_folder,
    load_strip,
)
from fieldbook.qt.operations.photos import remove_photo as remove_op
from fieldbook.qt.widgets.message_label import MessageLabel


def open_with_system(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def local_files(urls: Sequence[QUrl]) -> list[Path]:
    return [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]


class VisitPhotos(QGroupBox):
    #: The visit's photos were shown (after the worker returned them).
    shown = Signal()
    #: A finished visit's photos were corrected (its id): 修改记录 has a new entry.
    corrected = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("店面照片"), parent)
        self.setObjectName("checklistSection")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.ctx = ctx
        self.visit: VisitView | None = None
        self.strip_data: PhotoStrip | None = None
        #: Asks why a finished visit's photos change (None: cancelled). Tests replace it.
        self.ask_reason: Callable[[str], str | None] = self._ask_reason
        #: How a photo is opened (tests replace it).
        self.open_file: Callable[[Path], bool] = open_with_system
        self._file_dialog: QFileDialog | None = None
        self._screen: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        self.strip = QListWidget()
        self.strip.setObjectName("photoStrip")
        self.strip.setAccessibleName(self.tr("店面照片"))
        self.strip.setViewMode(QListView.ViewMode.IconMode)
        self.strip.setIconSize(QSize(THUMB_EDGE, THUMB_EDGE))
        self.strip.setMovement(QListView.Movement.Static)
        self.strip.setResizeMode(QListView.ResizeMode.Adjust)
        self.strip.setWrapping(True)
        self.strip.setFixedHeight(THUMB_EDGE + 30)
        self.strip.setToolTip(self.tr("双击打开照片；Delete 移除选中的照片"))
        self.strip.itemActivated.connect(self._open_item)
        layout.addWidget(self.strip)
        self.add_button = QPushButton(self.tr("添加照片…"))
        self.add_button.setToolTip(self.tr("选择照片文件（JPEG、PNG）；也可以把照片拖到走访页面上"))
        self.add_button.clicked.connect(self.choose_files)
        self.phone_button = QPushButton()
        self.phone_button.setToolTip(
            self.tr("手机同步文件夹里，到店到离店之间拍的照片（设置页里指定文件夹）")
        )
        self.phone_button.clicked.connect(self.attach_offered)
        self.phone_button.hide()
        layout.addWidget(self.add_button)
        layout.addWidget(self.phone_button)  # its own row: the side column is narrow
        self.note = MessageLabel("hintLabel")
        layout.addWidget(self.note)
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.strip)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_selected)
        self.show_visit(None)

    # --- the screen it sits on ----------------------------------------------------------------
    def install_on(self, screen: QWidget) -> None:
        """Files dropped anywhere on ``screen`` are added; Alt+P there attaches the phone's."""
        self._screen = screen
        screen.setAcceptDrops(True)
        self._watch_drops()
        shortcut = QShortcut(QKeySequence("Alt+P"), screen)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.attach_offered)

    def _watch_drops(self) -> None:
        """The screen and every field on it that would take a dropped file as text (a note,
        a number): a dropped photo is attached, never typed into the field. Run again when a
        visit is shown (a form may have been rebuilt)."""
        screen = self._screen
        if screen is None:
            return
        screen.installEventFilter(self)  # installing again only moves it to the front
        for widget in screen.findChildren(QWidget):
            if widget.acceptDrops():
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        dragging = kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)
        if dragging and isinstance(event, QDropEvent) and self.visit is not None:
            paths = local_files(event.mimeData().urls())
            if paths:
                event.acceptProposedAction()
                if kind == QEvent.Type.Drop:
                    self.add_files(paths)
                return True
        return super().eventFilter(watched, event)

    # --- showing ------------------------------------------------------------------------------
    def show_visit(self, visit: VisitView | None) -> None:
        """The photos of ``visit`` (none before arrival), read on the DB worker."""
        self.visit = visit
        self.setEnabled(visit is not None)
        if visit is None:
            self.strip_data = None
            self.strip.clear()
            self.phone_button.hide()
            self.note.say(self.tr("到店后可以加照片。"))
            return
        self._watch_drops()
        if self.strip_data is not None and self.strip_data.visit_id != visit.id:
            self.strip_data = None
            self.strip.clear()
        self.note.say("")
        visit_id = visit.id
        self.ctx.ops.query(
            lambda j: load_strip(j, visit_id),
            self._show_strip,
            key="visit.photos",
            what=self.tr("读取店面照片"),
        )

    def reload(self) -> None:
        self.show_visit(self.visit)

    def _show_strip(self, data: PhotoStrip) -> None:
        if self.visit is None or data.visit_id != self.visit.id:
            return
        self.strip_data = data
        self.strip.clear()
        for photo in data.photos:
            image = data.images.get(photo.id)
            item = QListWidgetItem(photo.original_name[:14])
            if image is not None and not image.isNull():
                item.setIcon(QIcon(QPixmap.fromImage(image)))
            taken = hm(photo.taken_at) if photo.taken_at else ""
            item.setToolTip(f"{photo.original_name}  {taken}".strip())
            item.setData(Qt.ItemDataRole.UserRole, photo.id)
            self.strip.addItem(item)
        n = len(data.offered)
        self.phone_button.setText(self.tr("加入手机照片 {n} 张（Alt+P）").format(n=n))
        self.phone_button.setVisible(n > 0)
        self.note.say(self._note(data))
        self.shown.emit()

    def _note(self, data: PhotoStrip) -> str:
        if data.problem is not None:
            return describe_error(data.problem)
        if not data.photos and not data.offered:
            return self.tr("还没有照片。可以把照片拖到这个页面上。")
        return ""

    def _open_item(self, item: QListWidgetItem) -> None:
        photo = self._photo(item)
        if photo is not None and not self.open_file(photo.path):
            self.note.say(self.tr("无法打开照片：{path}").format(path=photo.path))

    def _photo(self, item: QListWidgetItem | None) -> PhotoView | None:
        if item is None or self.strip_data is None:
            return None
        photo_id = item.data(Qt.ItemDataRole.UserRole)
        return next((p for p in self.strip_data.photos if p.id == photo_id), None)

    # --- changing -------------------------------------------------------------------------------
    def choose_files(self) -> QFileDialog | None:
        if self.visit is None:
            return None
        dialog = QFileDialog(self, self.tr("添加照片"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters(
            [self.tr("照片 (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)"), self.tr("所有文件 (*)")]
        )
        dialog.filesSelected.connect(lambda names: self.add_files([Path(n) for n in names]))
        self._file_dialog = dialog
        dialog.open()
        return dialog

    def attach_offered(self) -> None:
        """Alt+P: attach every photo the phone's folder holds from this visit (looked for
        again now: a photo synced since the screen opened counts too)."""
        visit = self.visit
        if visit is None:
            return
        reason = self._reason()
        if reason is None:
            return
        self.ctx.ops.write(
            lambda j: attach_from_folder(j, visit.id, reason),
            self._added,
            self._failed,
            what=self.tr("加入手机里的照片"),
        )

    def _reason(self) -> str | None:
        """ "" for a draft; the reason of a finished visit's correction (None: cancelled)."""
        if self.visit is None or self.visit.status != "done":
            return ""
        reason = self.ask_reason(
            self.tr("这次走访已完成，改动照片是更正，会记入修改记录。请写明原因：")
        )
        return reason.strip() if reason and reason.strip() else None

    def add_files(self, paths: Sequence[Path]) -> None:
        visit = self.visit
        reason = self._reason()
        if visit is None or reason is None or not paths:
            return
        paths = list(paths)
        self.ctx.ops.write(
            lambda j: add_photos(j, visit.id, paths, reason),
            self._added,
            self._failed,
            what=self.tr("添加照片"),
        )

    def _changed(self) -> None:
        """After a change: show the photos again; a finished visit's 修改记录 grew."""
        if self.visit is not None and self.visit.status == "done":
            self.corrected.emit(self.visit.id)
        self.reload()

    def _added(self, added: Added) -> None:
        if not added.photos and not added.already:
            self.ctx.ops.message.emit(self.tr("手机文件夹里没有这次走访时间内拍的新照片"))
            self.reload()
            return
        parts = [self.tr("已加 {n} 张照片").format(n=len(added.photos))]
        if added.already:
            parts.append(self.tr("{n} 张已经在这次走访里").format(n=added.already))
        self.ctx.ops.message.emit("；".join(parts))
        self._changed()

    def _failed(self, exc: BaseException) -> None:
        self.note.say(self.tr("照片没有加上：{reason}").format(reason=describe_error(exc)))

    def remove_selected(self) -> None:
        item = self.strip.currentItem()
        if self._photo(item) is None or item is None:
            return
        photo_id = str(item.data(Qt.ItemDataRole.UserRole))
        reason = self._reason()
        if reason is None:
            return
        self.ctx.ops.write(
            lambda j: remove_op(j, photo_id, reason),
            lambda _none: self._changed(),
            self._failed,
            what=self.tr("移除照片"),
        )

    def _ask_reason(self, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("更正原因"), prompt)
        return text if ok else None
