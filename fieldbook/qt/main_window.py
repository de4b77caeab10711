"""The main window: left navigation, the pages (built the first time they are opened), and a
status bar with the manager's name, the last backup and the database location. On an empty
database the welcome page is shown instead until it reports ``finished`` (on which day).

Closing makes the exit backup first (when something changed since the last one) and warns
when a page still holds changes the database refused (a full disk)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from fieldbook import APP_NAME
from fieldbook.core import workdays
from fieldbook.qt.backup_status import BackupStatus
from fieldbook.qt.context import AppContext
from fieldbook.qt.icons import app_icon, page_icon
from fieldbook.qt.reminders import Reminders

if TYPE_CHECKING:
    from fieldbook.core.master.profile import Profile
    from fieldbook.qt.pages.base import Page

translate = QCoreApplication.translate


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    module: str
    cls: str
    args: tuple[Any, ...] = ()


def page_specs() -> list[PageSpec]:
    pages = "fieldbook.qt.pages."
    return [
        PageSpec("plan", translate("MainWindow", "今日计划"), pages + "plan_page", "PlanPage"),
        PageSpec(
            "customers", translate("MainWindow", "客户"), pages + "customers_page", "CustomersPage"
        ),
        PageSpec("skus", translate("MainWindow", "卷烟规格"), pages + "skus_page", "SkusPage"),
        PageSpec("slips", translate("MainWindow", "反馈单"), pages + "slips_page", "SlipsPage"),
        PageSpec(
            "daylog", translate("MainWindow", "工作日志"), pages + "daylog_page", "DayLogPage"
        ),
        PageSpec("week", translate("MainWindow", "周报"), pages + "week_page", "WeekPage"),
        PageSpec(
            "department",
            translate("MainWindow", "部门"),
            pages + "department_page",
            "DepartmentPage",
        ),
        PageSpec(
            "settings", translate("MainWindow", "设置"), pages + "settings_page", "SettingsPage"
        ),
        PageSpec(
            "backups", translate("MainWindow", "备份与恢复"), pages + "backup_page", "BackupPage"
        ),
    ]


PAGE_KEYS = tuple(spec.key for spec in page_specs())
#: Pages reached from another page rather than from the navigation (shown under 今日计划).
VISIT_SPEC = PageSpec("visit", "", "fieldbook.qt.pages.visit_page", "VisitPage")
ALL_KEYS = (*PAGE_KEYS, VISIT_SPEC.key)
#: Shown instead of the pages on an empty database, until it reports ``finished``.
WELCOME_SPEC = PageSpec("welcome", "", "fieldbook.qt.pages.welcome_page", "WelcomePage")


def page_class(spec: PageSpec) -> type[Page]:
    """``spec``'s page class, its module imported the first time (start-up pays for one)."""
    return getattr(importlib.import_module(spec.module), spec.cls)  # type: ignore[no-any-return]


def build_page(spec: PageSpec, ctx: AppContext) -> Page:
    return page_class(spec)(ctx, *spec.args)


def load_first_page(key: str | None) -> None:
    """Import the module of the page shown first (``key``, else 今日计划) while the worker
    opens the database (``fieldbook.qt.session``): the two overlap."""
    spec = {s.key: s for s in (*page_specs(), VISIT_SPEC)}.get(key or "plan")
    if spec is not None:
        page_class(spec)


class MainWindow(QMainWindow):
    #: The first page shown has its data (screenshot mode waits for this).
    ready = Signal()
    #: A second launch on the same database brought this window forward.
    brought_forward = Signal()

    def __init__(
        self,
        ctx: AppContext,
        *,
        first_run: bool = False,
        initial_page: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if initial_page is not None and initial_page not in ALL_KEYS:
            raise ValueError(f"unknown page {initial_page!r} (one of {', '.join(ALL_KEYS)})")
        self.ctx = ctx
        self.specs = {spec.key: spec for spec in page_specs()}
        self.specs[VISIT_SPEC.key] = VISIT_SPEC
        self.pages: dict[str, Page] = {}
        self.is_ready = False
        self._waiting = {"page", "manager"}
        self.current_key: str | None = None
        self.welcome: Page | None = None
        self.setWindowTitle(self.tr("{app} · 客户经理外勤工作手册").format(app=APP_NAME))
        self.setMinimumSize(QSize(960, 600))
        self.setWindowIcon(app_icon())
        ctx.ops.window = self

        self.root = QStackedWidget()
        self.setCentralWidget(self.root)
        self.shell: QWidget | None = None

        self.manager_label = QLabel()
        self.manager_label.setObjectName("managerLabel")
        self.db_label = QLabel(str(ctx.db_path) if ctx.db_path else ctx.db_label)
        self.db_label.setObjectName("dbLabel")
        self.db_label.setToolTip(self.tr("数据库位置"))
        status = self.statusBar()
        self._closing = False
        self.backup_status = BackupStatus(self, status, lambda: self._closing)
        self.backup_label = self.backup_status.label
        status.addPermanentWidget(self.manager_label)
        status.addPermanentWidget(self.backup_label)
        status.addPermanentWidget(self.db_label)
        ctx.ops.message.connect(lambda text: status.showMessage(text, 10_000))
        ctx.hub.changed.connect(self._changed)
        self.close_question: QMessageBox | None = None
        if ctx.backups is not None:
            self.backup_status.follow(ctx.backups)
        self._make_actions()
        self._make_reminders()

        # The manager's one-row read goes to the worker first: queued behind the first page's
        # reads it would hold up ``ready`` (and the first paint of the status bar).
        self.load_manager()
        if first_run:
            self._show_welcome()
        else:
            self._show_shell(initial_page or "plan")

    # --- actions ----------------------------------------------------------------------------------
    def _make_actions(self) -> None:
        for n, key in enumerate(PAGE_KEYS, start=1):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{n}"))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, k=key: self._shortcut_page(k))
            self.addAction(action)
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        self.addAction(find)
        quit_action = QAction(self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)

    def _shortcut_page(self, key: str) -> None:
        if self.shell is not None and self.root.currentWidget() is self.shell:
            self.show_page(key)

    def focus_search(self) -> None:
        page = self.current_page()
        if page is not None:
            page.focus_search()

    # --- welcome ---------------------------------------------------------------------------------
    def _show_welcome(self) -> None:
        welcome = build_page(WELCOME_SPEC, self.ctx)
        welcome.finished.connect(self._welcome_finished)  # type: ignore[attr-defined]
        welcome.profile_saved.connect(self._show_manager)  # type: ignore[attr-defined]
        self.welcome = welcome
        self.root.addWidget(welcome)
        self.root.setCurrentWidget(welcome)
        welcome.activated()
        self._watch_ready(welcome)

    def _welcome_finished(self, day: object = None) -> None:
        if self.welcome is None:
            return
        welcome, self.welcome = self.welcome, None
        with self.ctx.today_is(day):  # not today's plan too: its stops would be 顺延 on day
            self._show_shell("plan")
        self.root.removeWidget(welcome)
        welcome.deleteLater()
        self.load_manager()

    # --- the normal pages ------------------------------------------------------------------------
    def _build_shell(self) -> QWidget:
        shell = QWidget()
        layout = QHBoxLayout(shell)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        nav = QListWidget()
        nav.setObjectName("navList")
        widest = max(nav.fontMetrics().horizontalAdvance(spec.title) for spec in page_specs())
        nav.setFixedWidth(max(172, widest + 90))  # icon, padding, bold; English is longer
        nav.setIconSize(QSize(20, 20))
        nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        nav.setAccessibleName(self.tr("页面"))
        for n, spec in enumerate(page_specs(), start=1):
            item = QListWidgetItem(page_icon(spec.key), spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(self.tr("{title}（Ctrl+{n}）").format(title=spec.title, n=n))
            item.setSizeHint(QSize(160, 46))
            nav.addItem(item)
        nav.currentRowChanged.connect(self._nav_changed)
        self.nav = nav
        self.stack = QStackedWidget()
        layout.addWidget(nav)
        layout.addWidget(self.reminders.wrap(self.stack), 1)
        return shell

    def _show_shell(self, key: str) -> None:
        if self.shell is None:
            self.shell = self._build_shell()
            self.root.addWidget(self.shell)
        self.root.setCurrentWidget(self.shell)
        page = self.show_page(key)
        if key == VISIT_SPEC.key:
            # The first shop still to visit today, read-only until arrival (screenshot mode).
            page.open_first_stop(self.ctx.today())  # type: ignore[attr-defined]
        if not self.is_ready:
            self._watch_ready(self.pages[key])

    def _nav_changed(self, row: int) -> None:
        item = self.nav.item(row)
        if item is not None:
            self.show_page(item.data(Qt.ItemDataRole.UserRole))

    def page(self, key: str) -> Page:
        """The page for ``key``, built the first time it is asked for."""
        page = self.pages.get(key)
        if page is None:
            page = build_page(self.specs[key], self.ctx)
            self.pages[key] = page
            self.stack.addWidget(page)
            self._wire(key, page)
        return page

    def _wire(self, key: str, page: Page) -> None:
        """The day in the field: plan → visit screen (Enter) → back (Esc)."""
        if key == "plan":
            page.visit_requested.connect(self.open_stop)  # type: ignore[attr-defined]
            page.draft_requested.connect(self.open_draft)  # type: ignore[attr-defined]
            page.slips_requested.connect(self.open_slips)  # type: ignore[attr-defined]
        elif key == VISIT_SPEC.key:
            page.back_requested.connect(lambda: self.show_page("plan"))  # type: ignore[attr-defined]
        elif key == "daylog":
            page.plan_requested.connect(self.open_plan)  # type: ignore[attr-defined]

    def open_slips(self, tab: str = "slips") -> Page:
        """The 反馈单 page on one of its tabs ("slips", "suggestions", "followups")."""
        page = self.show_page("slips")
        page.show_tab(tab)  # type: ignore[attr-defined]
        return page

    def open_stop(self, day: object, stop: Any) -> Page:
        page = self.show_page(VISIT_SPEC.key)
        page.open_stop(day, stop.id)  # type: ignore[attr-defined]
        return page

    def open_draft(self, visit_id: str) -> Page:
        page = self.show_page(VISIT_SPEC.key)
        page.open_visit(visit_id)  # type: ignore[attr-defined]
        return page

    def open_plan(self, day: object) -> Page:
        """The plan page on ``day`` (the work log's tomorrow link, the 15:40 reminder)."""
        page = self.show_page("plan")
        page.load(day)  # type: ignore[attr-defined]
        return page

    # --- reminders of the day's schedule (quiet: a banner and the status bar) --------------------
    def _make_reminders(self) -> None:
        self.reminders = Reminders(
            lambda: self.ctx.now(),
            lambda text: self.statusBar().showMessage(text, 120_000),
            self.open_reminder_target,
            parent=self,
        )
        self.reminders.clock.paused = lambda: self.shell is None or self.welcome is not None
        self.reminders.start()

    def open_reminder_target(self, target: str) -> None:
        if self.shell is None or self.welcome is not None:
            return
        today = self.ctx.today()
        if target == "plan_next":
            self.open_plan(workdays.next_working_day(today))
        elif target == "plan":
            self.open_plan(today)
        elif target == "daylog":
            self.show_page("daylog").load(today)  # type: ignore[attr-defined]
        elif target in self.specs:
            self.show_page(target)

    def show_page(self, key: str) -> Page:
        page = self.page(key)
        self.current_key = key
        self.stack.setCurrentWidget(page)
        row = PAGE_KEYS.index(key) if key in PAGE_KEYS else PAGE_KEYS.index("plan")
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        page.activated()
        return page

    def current_page(self) -> Page | None:
        if self.welcome is not None:
            return self.welcome
        return self.pages.get(self.current_key) if self.current_key else None

    # --- readiness and the status bar ------------------------------------------------------------
    def _watch_ready(self, page: Page) -> None:
        if page.is_ready:
            self._set_ready("page")
        else:
            page.ready.connect(lambda: self._set_ready("page"))

    def _set_ready(self, part: str) -> None:
        """Ready once the first page AND the status bar have their data."""
        self._waiting.discard(part)
        if not self._waiting and not self.is_ready:
            self.is_ready = True
            self.ready.emit()
            self._check_drafts()

    def _check_drafts(self) -> None:
        """Unfinished visits are offered on the plan page's banner; from another first page,
        the status bar says where."""
        if self.current_key == "plan" or self.welcome is not None:
            return

        def found(drafts: list[Any]) -> None:
            if drafts and self.current_key != "plan":
                self.statusBar().showMessage(
                    self.tr("有 {n} 个未完成的走访，可在“今日计划”页继续。").format(n=len(drafts)),
                    15_000,
                )

        self.ctx.ops.query(
            lambda j: j.visits.drafts(), found, lambda _e: None, what=self.tr("读取未完成的走访")
        )

    def load_manager(self) -> None:
        what = self.tr("读取客户经理资料")

        def failed(exc: BaseException) -> None:
            self._set_ready("manager")
            self.ctx.ops.report(exc, what=what, write=False)

        self.ctx.ops.query(
            lambda j: j.profile.get(), self._show_manager, failed, key="window.manager", what=what
        )

    def _show_manager(self, profile: Profile | None) -> None:
        if profile is None:
            self.manager_label.setText(self.tr("尚未填写客户经理资料"))
        else:
            text = self.tr("客户经理：{name}").format(name=profile.name)
            if profile.territory:
                text += f" · {profile.territory}"
            self.manager_label.setText(text)
        self._set_ready("manager")

    def _changed(self, topics: frozenset[str]) -> None:
        if "profile" in topics:
            self.load_manager()

    # --- backups ----------------------------------------------------------------------------
    @property
    def backup_warning(self) -> QMessageBox | None:
        """The warning of a failed backup while it is open."""
        return self.backup_status.warning

    def show_restore_outcome(self, outcome: Any) -> None:
        """After a restore (a RestoreResult) or a refused one (the exception)."""
        page = self.page("backups") if self.shell is not None else None
        if page is not None:
            page.show_restore_outcome(outcome)  # type: ignore[attr-defined]
        text = getattr(page, "outcome_text", "")
        if text:
            self.statusBar().showMessage(text.replace("\n", " "), 30_000)

    # --- a second launch ---------------------------------------------------------------------
    def bring_forward(self) -> None:
        """Show this window on top (a second launch on the same database asked for it)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        self.brought_forward.emit()

    # --- closing ------------------------------------------------------------------------------
    def unsaved_changes(self) -> list[str]:
        """What pages still hold that the database has not taken (a refused save)."""
        found = []
        for page in self.pages.values():
            text = page.unsaved_changes()
            if text:
                found.append(text)
        return found

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing:
            unsaved = self.unsaved_changes()
            if unsaved:
                event.ignore()
                self._ask_close_unsaved(unsaved)
                return
            backups = self.ctx.backups
            if backups is not None and backups.changed_since_backup:
                event.ignore()
                self._closing = True
                self.setEnabled(False)
                self.statusBar().showMessage(self.tr("正在备份，备份完成后退出…"))
                backups.backup(
                    "exit",
                    on_done=lambda _made: QTimer.singleShot(0, self.close),
                    on_error=self._exit_backup_failed,
                )
                return
        self._closing = True
        self.ctx.ops.cancel_all()
        super().closeEvent(event)

    def _ask_close_unsaved(self, unsaved: list[str]) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("还有没保存的修改"),
            self.tr("{what}\n\n现在退出，这些修改会丢失。").format(what="\n".join(unsaved)),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        stay = box.addButton(self.tr("返回"), QMessageBox.ButtonRole.RejectRole)
        leave = box.addButton(self.tr("仍然退出"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(stay)

        def answered() -> None:
            self.close_question = None
            if box.clickedButton() is leave:
                for page in self.pages.values():
                    page.drop_unsaved()
                QTimer.singleShot(0, self.close)

        box.finished.connect(lambda _r: answered())
        self.close_question = box
        box.open()
        return box

    def _exit_backup_failed(self, text: str) -> None:
        self.setEnabled(True)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("退出前的备份没有完成"),
            text + self.tr("\n\n数据库里的数据都在（每次修改都已保存），只是少了这次备份。"),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        stay = box.addButton(self.tr("不退出"), QMessageBox.ButtonRole.RejectRole)
        box.addButton(self.tr("仍然退出"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(stay)

        def answered() -> None:
            self.close_question = None
            if box.clickedButton() is stay:
                self._closing = False
                return
            QTimer.singleShot(0, self.close)

        box.finished.connect(lambda _r: answered())
        self.close_question = box
        box.open()
