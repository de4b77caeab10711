"""First run (empty database): ask for the manager's profile, then offer to import the
company's customer list or to load demo data. ``finished`` tells the main window to switch to
its normal pages.

Demo data is generated into an EMPTY database only (the core refuses otherwise), so the
profile typed here is checked at once but saved only when the user picks what comes next:
before the import, or over the demo's manager after the demo data is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.demo.generate import DemoSummary
from fieldbook.core.errors import InvalidValue
from fieldbook.core.master.profile import Profile, ProfileInput
from fieldbook.messages import describe_error
from fieldbook.qt.context import AppContext
from fieldbook.qt.dialogs.import_dialog import ImportDialog
from fieldbook.qt.operations.demo import load_demo
from fieldbook.qt.operations.runner import is_cancelled
from fieldbook.qt.pages.base import Page
from fieldbook.qt.widgets.message_label import MessageLabel
from fieldbook.qt.widgets.profile_form import ProfileForm


class WelcomePage(Page):
    #: The database now has data (or at least a profile): show the normal pages.
    finished = Signal()
    #: The profile was saved (the Profile).
    profile_saved = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.profile: ProfileInput | None = None
        self.busy = False

        card = QFrame(self)
        card.setObjectName("welcomeCard")
        card.setFixedWidth(640)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(36, 30, 36, 30)
        card_layout.setSpacing(14)
        title = QLabel(self.tr("欢迎使用客户经理外勤工作手册"))
        title.setObjectName("welcomeTitle")
        title.setWordWrap(True)
        card_layout.addWidget(title)
        self.steps = QStackedWidget()
        card_layout.addWidget(self.steps)
        self.steps.addWidget(self._profile_step())
        self.steps.addWidget(self._source_step())

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

        self.next_button.clicked.connect(self.next_step)
        self.form.phone_edit.returnPressed.connect(self.next_step)
        self.back_button.clicked.connect(lambda: self.steps.setCurrentIndex(0))
        self.import_button.clicked.connect(self.start_import)
        self.demo_button.clicked.connect(self.load_demo)
        self.mark_ready()

    def _profile_step(self) -> QWidget:
        """Step 1: the profile."""
        step = QWidget()
        layout = _step_layout(step)
        intro = QLabel(self.tr("第一步：填写您的资料。工作日志、周报和反馈单都会署上这些信息。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = ProfileForm()
        layout.addWidget(self.form)
        row = QHBoxLayout()
        row.addStretch(1)
        self.next_button = QPushButton(self.tr("下一步"))
        self.next_button.setDefault(True)
        self.next_button.setMinimumSize(120, 38)
        row.addWidget(self.next_button)
        layout.addLayout(row)
        layout.addStretch(1)
        return step

    def _source_step(self) -> QWidget:
        """Step 2: where the customers come from."""
        step = QWidget()
        layout = _step_layout(step)
        self.hello = QLabel()
        self.hello.setWordWrap(True)
        layout.addWidget(self.hello)
        self.import_button = _big_button(
            self.tr("导入公司客户名单…"),
            self.tr("公司下发的客户名单（Excel 或 CSV），先检查、再导入"),
        )
        self.demo_button = _big_button(
            self.tr("载入演示数据"),
            self.tr("一个虚构的片区：165 户、五条线路和常见卷烟规格，先试用"),
        )
        layout.addWidget(self.import_button)
        layout.addWidget(self.demo_button)
        self.back_button = QPushButton(self.tr("上一步：修改资料"))
        self.back_button.setFlat(True)
        back_row = QHBoxLayout()
        back_row.addWidget(self.back_button)
        back_row.addStretch(1)
        layout.addLayout(back_row)
        self.status = MessageLabel("errorLabel")
        layout.addWidget(self.status)
        layout.addStretch(1)
        return step

    def activated(self) -> None:
        self.form.name_edit.setFocus()

    # --- step 1 ---------------------------------------------------------------------------------
    def next_step(self) -> None:
        try:
            self.profile = self.form.collect()
        except InvalidValue as exc:
            self.form.show_error(exc)
            return
        self.form.clear_error()
        self.hello.setText(
            self.tr("{name}，您好！第二步：客户从哪里来？").format(name=self.profile.name)
        )
        self.steps.setCurrentIndex(1)
        self.import_button.setFocus()

    # --- step 2 ---------------------------------------------------------------------------------
    def save_profile(self, then: Callable[[], object] | None = None) -> None:
        """Save the typed profile through an op; ``then()`` runs after COMMIT."""
        data = self.profile
        if data is None:
            return

        def saved(profile: Profile) -> None:
            self.profile_saved.emit(profile)
            if then is not None:
                then()

        self.ctx.ops.write(
            lambda j: j.profile.save(data), saved, self._failed, what=self.tr("保存资料")
        )

    def start_import(self) -> None:
        if self.busy:
            return
        self.save_profile(self.open_import)

    def open_import(self) -> QWidget:
        dialog = ImportDialog(self.ctx, "customers", self)
        # The profile is saved now: whatever the import does, the next step is the main pages.
        dialog.finished.connect(lambda _result: self.finished.emit())
        dialog.open()
        dialog.choose_file()
        self.import_dialog = dialog
        return dialog

    def load_demo(self) -> None:
        if self.busy or self.profile is None:
            return
        self.busy = True
        self._set_enabled(False)
        day = self.ctx.today()

        def done(_summary: DemoSummary) -> None:
            # The demo's manager is the current one: give it the profile typed here.
            self.busy = False
            self._set_enabled(True)
            self.save_profile(self.finished.emit)

        def failed(exc: BaseException) -> None:
            self.busy = False
            self._set_enabled(True)
            if is_cancelled(exc) or getattr(exc, "code", "") == "cancelled":
                self._show_status(self.tr("已取消载入演示数据，没有做任何改动。"))
                return
            self._failed(exc)

        self.ctx.ops.long(
            partial(load_demo, today=day),
            done,
            failed,
            title=self.tr("载入演示数据"),
            label=self.tr("正在生成演示片区的客户、线路和卷烟规格…"),
        )

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self._set_enabled(True)
        if self.steps.currentIndex() == 0:
            self.form.show_error(exc)
            return
        self._show_status(
            self.tr("没有完成：{reason}。没有做任何改动。").format(reason=describe_error(exc))
        )
        if getattr(exc, "data", {}).get("field"):
            self.steps.setCurrentIndex(0)
            self.form.show_error(exc)

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    def _set_enabled(self, enabled: bool) -> None:
        for button in (self.import_button, self.demo_button, self.back_button):
            button.setEnabled(enabled)


def _big_button(title: str, detail: str) -> QPushButton:
    """A large button: a bold title over one line of explanation."""
    button = QPushButton()
    button.setObjectName("bigButton")
    button.setAccessibleName(title)
    button.setAccessibleDescription(detail)
    button.setMinimumHeight(84)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    layout = QVBoxLayout(button)
    layout.setContentsMargins(18, 10, 18, 10)
    layout.setSpacing(2)
    for text, name in ((title, "bigButtonTitle"), (detail, "bigButtonDetail")):
        label = QLabel(text)
        label.setObjectName(name)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout.addWidget(label)
    return button


def _step_layout(step: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(step)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(12)
    return layout
