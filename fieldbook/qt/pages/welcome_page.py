"""First run (empty database), in steps: the manager's profile → where the customers come from
(the company's customer list, or demo data) → 我的线路 when the list holds several managers'
districts or routes → what was imported, then the SKU list → the first working day's plan.
``finished(day)`` tells the main window to switch to its normal pages, on that day's plan.

Demo data is generated into an EMPTY database only (the core refuses otherwise), so the
profile typed here is checked at once but saved only when the user picks what comes next:
before the import, or over the demo's manager after the demo data is loaded.

Every step has one primary button: it has the focus when the step opens, and Enter anywhere in
the step presses it (a focused other button takes its own Enter).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
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
from fieldbook.core.master.form_unit import FormUnit
from fieldbook.core.master.profile import Profile, ProfileInput
from fieldbook.core.master.roster_areas import RosterRoute, several_areas
from fieldbook.core.routine.field_day import first_field_day
from fieldbook.core.xlsx.importing import ImportReport
from fieldbook.messages import describe_error
from fieldbook.qt.context import AppContext
from fieldbook.qt.dialogs.import_dialog import ImportDialog
from fieldbook.qt.dialogs.import_flow import TABLE_FILES
from fieldbook.qt.operations.demo import load_demo
from fieldbook.qt.operations.imports import Territory, list_routes
from fieldbook.qt.operations.runner import is_cancelled
from fieldbook.qt.operations.settings import save_profile_and_unit
from fieldbook.qt.pages.base import Page
from fieldbook.qt.pages.welcome_result import WelcomeResult
from fieldbook.qt.widgets.form_unit_form import FormUnitForm
from fieldbook.qt.widgets.message_label import MessageLabel
from fieldbook.qt.widgets.profile_form import ProfileForm
from fieldbook.qt.widgets.route_picker import RoutePicker

PROFILE, SOURCE, ROUTES, RESULT = range(4)
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class WelcomePage(Page):
    #: Set up: show the normal pages, on this first working day's plan (a date).
    finished = Signal(object)
    #: The profile was saved (the Profile).
    profile_saved = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.profile: ProfileInput | None = None
        self.unit = FormUnit()
        self.busy = False
        self.roster: Path | None = None
        self.file_dialog: QFileDialog | None = None
        self.import_dialog: ImportDialog | None = None

        card = QFrame(self)
        card.setObjectName("welcomeCard")
        card.setFixedWidth(680)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(36, 30, 36, 30)
        card_layout.setSpacing(14)
        title = QLabel(self.tr("欢迎使用客户经理外勤工作手册"))
        title.setObjectName("welcomeTitle")
        title.setWordWrap(True)
        card_layout.addWidget(title)
        self.steps = QStackedWidget()
        card_layout.addWidget(self.steps)
        self.result = WelcomeResult()
        for step in (self._profile_step(), self._source_step(), self._routes_step(), self.result):
            self.steps.addWidget(step)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self._connect()
        self.mark_ready()

    def _connect(self) -> None:
        self.next_button.clicked.connect(self.next_step)
        self.back_button.clicked.connect(lambda: self.go(PROFILE))
        self.import_button.clicked.connect(self.start_import)
        self.demo_button.clicked.connect(self.load_demo)
        self.routes_button.clicked.connect(self.routes_chosen)
        self.routes_back.clicked.connect(lambda: self.go(SOURCE))
        self.picker.changed.connect(self._routes_changed)
        self.result.primary.clicked.connect(self.result_next)
        self.result.later_button.clicked.connect(self.finish)

    def _profile_step(self) -> QWidget:
        """Step 1: the profile."""
        step = QWidget()
        layout = _step_layout(step)
        intro = QLabel(self.tr("第一步：填写您的资料。工作日志、周报和反馈单都会署上这些信息。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = ProfileForm()
        layout.addWidget(self.form)
        self.unit_form = FormUnitForm()
        layout.addWidget(self.unit_form)
        self.unit_form.align_with(self.form)
        row = QHBoxLayout()
        row.addStretch(1)
        self.next_button = _primary(self.tr("下一步"))
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
            self.tr("公司下发的客户名单（Excel 或 CSV）：选出您的线路，检查后导入，再导入卷烟规格"),
        )
        self.demo_button = _big_button(
            self.tr("载入演示数据"),
            self.tr("一个虚构的片区：150 户、五条线路和常见卷烟规格，先试用"),
        )
        layout.addWidget(self.import_button)
        layout.addWidget(self.demo_button)
        self.back_button = _flat(self.tr("上一步：修改资料"))
        back_row = QHBoxLayout()
        back_row.addWidget(self.back_button)
        back_row.addStretch(1)
        layout.addLayout(back_row)
        self.status = MessageLabel("errorLabel")
        layout.addWidget(self.status)
        layout.addStretch(1)
        return step

    def _routes_step(self) -> QWidget:
        """Step 2b: 我的线路 (only for a list of several districts or routes)."""
        step = QWidget()
        layout = _step_layout(step)
        self.routes_intro = QLabel()
        self.routes_intro.setWordWrap(True)
        layout.addWidget(self.routes_intro)
        self.picker = RoutePicker()
        self.picker.setMinimumHeight(220)
        layout.addWidget(self.picker, 1)
        self.routes_status = MessageLabel("hintLabel")
        layout.addWidget(self.routes_status)
        row = QHBoxLayout()
        self.routes_back = _flat(self.tr("上一步：换一个文件"))
        row.addWidget(self.routes_back)
        row.addStretch(1)
        self.routes_button = _primary(self.tr("检查并导入这些线路…"))
        row.addWidget(self.routes_button)
        layout.addLayout(row)
        return step

    # --- steps, focus and Enter -----------------------------------------------------------------
    def go(self, step: int) -> None:
        """Show ``step`` with its first field or primary button focused."""
        self.steps.setCurrentIndex(step)
        self.focus_step()

    def focus_step(self) -> None:
        step = self.steps.currentIndex()
        if step == PROFILE:
            self.form.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        elif step == ROUTES:
            self.picker.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.primary_button().setFocus(Qt.FocusReason.OtherFocusReason)

    def primary_button(self) -> QPushButton:
        """The current step's primary button (what Enter presses)."""
        buttons = (self.next_button, self.import_button, self.routes_button, self.result.primary)
        return buttons[self.steps.currentIndex()]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """An Enter no widget of the step took presses the step's primary button."""
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in ENTER_KEYS and plain == Qt.KeyboardModifier.NoModifier:
            button = self.primary_button()
            if button.isEnabled() and not self.busy:
                button.click()
            event.accept()
            return
        super().keyPressEvent(event)

    def activated(self) -> None:
        self.focus_step()

    def first_day(self) -> date:
        """The first working day still ahead (today until its field day ends)."""
        now = self.ctx.now()
        return first_field_day(datetime.combine(self.ctx.today(), now.time()))

    # --- step 1 ---------------------------------------------------------------------------------
    def next_step(self) -> None:
        try:
            self.profile = self.form.collect()
        except InvalidValue as exc:
            self.form.show_error(exc)
            return
        self.form.clear_error()
        try:
            self.unit = self.unit_form.collect()
        except InvalidValue as exc:
            self.unit_form.show_error(exc)
            return
        self.unit_form.clear_error()
        self.hello.setText(
            self.tr("{name}，您好！第二步：客户从哪里来？").format(name=self.profile.name)
        )
        self.go(SOURCE)

    # --- step 2 ---------------------------------------------------------------------------------
    def save_profile(self, then: Callable[[], object] | None = None) -> None:
        """Save the typed profile through an op; ``then()`` runs after COMMIT."""
        data = self.profile
        if data is None:
            return

        unit = self.unit

        def saved(both: tuple[Profile, FormUnit]) -> None:
            self.profile_saved.emit(both[0])
            if then is not None:
                then()

        self.ctx.ops.write(
            partial(save_profile_and_unit, profile=data, unit=unit),
            saved,
            self._failed,
            what=self.tr("保存资料"),
        )

    def start_import(self) -> None:
        if self.busy:
            return
        self.status.say("")
        self.save_profile(self.choose_roster)

    def choose_roster(self) -> QFileDialog:
        """Ask for the customer list (non-blocking)."""
        dialog = QFileDialog(self, self.tr("选择公司客户名单"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr(text) for text in TABLE_FILES])
        dialog.fileSelected.connect(lambda name: self.roster_chosen(Path(name)))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def roster_chosen(self, path: Path) -> None:
        """Read the list's districts and routes; several managers' → 我的线路, else import."""
        self.roster = path
        self.ctx.ops.query(
            partial(list_routes, path=path),
            self._routes_read,
            self._failed,
            what=self.tr("读取客户名单"),
        )

    def _routes_read(self, routes: list[RosterRoute]) -> None:
        if not several_areas(routes):
            self.open_customer_import(None)
            return
        districts = len({r.district for r in routes})
        self.routes_intro.setText(
            self.tr(
                "这份名单有 {d} 个区县、{r} 条线路、{n} 户，不只是一位客户经理的。"
                "请勾选您负责的线路：只导入这些线路的客户，其他的不导入。"
            ).format(d=districts, r=len(routes), n=sum(r.customers for r in routes))
        )
        profile = self.profile
        home = f"{profile.district_unit} {profile.territory}" if profile is not None else ""
        self.picker.show_routes(routes, home)
        self.go(ROUTES)

    def _routes_changed(self) -> None:
        territory = self.picker.territory()
        self.routes_button.setEnabled(bool(territory))
        self.routes_status.say(
            self.tr("已选 {r} 条线路，共 {n} 户。").format(
                r=len(territory), n=self.picker.customers()
            )
            if territory
            else self.tr("请至少勾选一条线路（空格键勾选）。")
        )

    def routes_chosen(self) -> None:
        territory = self.picker.territory()
        if territory:
            self.open_customer_import(territory)

    def open_customer_import(self, territory: Territory | None) -> ImportDialog | None:
        """The customer list's check and import, limited to ``territory`` when given."""
        if self.roster is None:
            return None
        dialog = ImportDialog(self.ctx, "customers", self, territory=territory)
        dialog.imported.connect(self._customers_imported)
        dialog.rejected.connect(self._import_cancelled)
        self.import_dialog = dialog
        dialog.open()
        dialog.set_file(self.roster)
        return dialog

    def _customers_imported(self, report: ImportReport) -> None:
        self.result.set_day(self.first_day())
        self.result.show_customers(report)
        self.go(RESULT)

    def _import_cancelled(self) -> None:
        if self.steps.currentIndex() == ROUTES:
            self.routes_status.say(self.tr("没有导入。可以改选线路后再检查。"))
        else:
            self.status.say(self.tr("没有导入。可以重新选择客户名单，或载入演示数据。"))
        self.focus_step()

    # --- step 3 ---------------------------------------------------------------------------------
    def result_next(self) -> None:
        if self.result.has_skus:
            self.finish()
        else:
            self.open_sku_import()

    def open_sku_import(self) -> ImportDialog:
        dialog = ImportDialog(self.ctx, "skus", self)
        dialog.imported.connect(self._skus_imported)
        self.import_dialog = dialog
        dialog.open()
        dialog.choose_file()
        return dialog

    def _skus_imported(self, report: ImportReport) -> None:
        self.result.show_skus(report)
        self.focus_step()

    def finish(self) -> None:
        self.finished.emit(self.result.day or self.first_day())

    # --- demo -----------------------------------------------------------------------------------
    def load_demo(self) -> None:
        if self.busy or self.profile is None:
            return
        self.busy = True
        self._set_enabled(False)
        day = self.first_day()

        def done(summary: DemoSummary) -> None:
            # The demo's manager is the current one: give it the profile typed here.
            self.busy = False
            self._set_enabled(True)
            self.result.set_day(day)
            self.result.show_demo(summary)
            self.save_profile(lambda: self.go(RESULT))

        def failed(exc: BaseException) -> None:
            self.busy = False
            self._set_enabled(True)
            if is_cancelled(exc) or getattr(exc, "code", "") == "cancelled":
                self.status.say(self.tr("已取消载入演示数据，没有做任何改动。"))
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
        if self.steps.currentIndex() == PROFILE:
            self.form.show_error(exc)
            return
        self.status.say(
            self.tr("没有完成：{reason}。没有做任何改动。").format(reason=describe_error(exc))
        )
        if getattr(exc, "data", {}).get("field"):
            self.steps.setCurrentIndex(PROFILE)
            self.form.show_error(exc)

    def _set_enabled(self, enabled: bool) -> None:
        for button in (self.import_button, self.demo_button, self.back_button):
            button.setEnabled(enabled)


def _primary(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setDefault(True)
    button.setAutoDefault(True)
    button.setMinimumSize(120, 38)
    return button


def _flat(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setFlat(True)
    button.setAutoDefault(True)  # a focused button takes its own Enter
    return button


def _big_button(title: str, detail: str) -> QPushButton:
    """A large button: a bold title over one line of explanation."""
    button = QPushButton()
    button.setObjectName("bigButton")
    button.setAccessibleName(title)
    button.setAccessibleDescription(detail)
    button.setMinimumHeight(84)
    button.setAutoDefault(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    layout = QVBoxLayout(button)
    layout.setContentsMargins(18, 10, 18, 10)
    layout.setSpacing(2)
    for text, name in ((title, "bigButtonTitle"), (detail, "bigButtonDetail")):
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout.addWidget(label)
    return button


def _step_layout(step: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(step)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(12)
    return layout
