"""The entry point of the desktop app: ``run_gui(db_url)``.

Creates the QApplication and hands over to the composition root, ``session.AppSession``
(the writer lock, the journal, the one database worker, backups, the main window), then runs
the event loop. With ``screenshot`` it waits for the first page's ``ready`` signal (never a sleep),
saves a PNG of the window and exits 0 — the import graph of this path is kept small (no
pypinyin, openpyxl or alembic) so it starts in well under two seconds.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from fieldbook import APP_ID, APP_NAME, __version__
from fieldbook.core.outputs import OutputRefused, check_output, private_temp_beside
from fieldbook.core.store.crypto import PASSPHRASE_ENV
from fieldbook.qt import i18n
from fieldbook.qt.keyboard import install_keyboard_rules
from fieldbook.qt.session import AppSession
from fieldbook.qt.theme import apply_theme

SCREENSHOT_TIMEOUT_MS = 60_000
translate = QCoreApplication.translate


def make_application() -> QApplication:
    """The QApplication (created once), named and themed."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setApplicationVersion(__version__)
        QCoreApplication.setOrganizationName(APP_NAME)
        QCoreApplication.setOrganizationDomain(APP_ID.rsplit(".", 1)[0])
        app = QApplication(sys.argv[:1])
        app.setDesktopFileName(APP_ID)
    apply_theme(app)
    install_translations(app)
    install_keyboard_rules(app)
    return app


def install_translations(app: QApplication) -> None:
    """The chosen interface language (fieldbook.qt.i18n), Qt's own dialogs included."""
    i18n.install(app)


def choose_platform(screenshot: bool) -> str | None:
    """Screenshot mode needs no screen: use the offscreen platform when there is no display.
    Without a display the interactive app cannot start: say so instead of letting Qt abort."""
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    if screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return None
    return "没有可用的显示器（DISPLAY 未设置）。请在桌面环境中运行，或使用 xvfb-run。"


def run_gui(
    db_url: str,
    screenshot: Path | None = None,
    page: str | None = None,
    passphrase: str | None = None,
    size: tuple[int, int] | None = None,
) -> int:
    """Open the desktop app on ``db_url``; returns the process exit code.

    ``passphrase`` opens an encrypted database (the CLI's ``--passphrase-env``); without one,
    ``$FIELDBOOK_PASSPHRASE`` is used when set, and the app asks when the database needs one.
    The app takes the database's writer lock (a second launch brings this one forward);
    screenshot mode is a read-only viewer and takes no lock, so it can run beside the app.
    """
    problem = choose_platform(screenshot is not None)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    app = make_application()
    if passphrase is None:
        passphrase = os.environ.get(PASSPHRASE_ENV) or None
    session = AppSession(
        db_url, passphrase=passphrase, page=page, screenshot=screenshot is not None
    )
    code = session.start()
    if code is not None:
        return code
    window = session.window
    assert window is not None
    if screenshot is not None:
        _arm_screenshot(app, window, Path(screenshot))
    session.show()
    if size is not None:
        window.resize(*size)
    try:
        code = app.exec()
    finally:
        session.shutdown()
    if screenshot is not None:
        # The journal is closed and the PNG written: the process exits next, and its last
        # garbage collection need not walk the whole heap again (~30 ms of a screenshot).
        gc.freeze()
    return session.exit_code or code


def _arm_screenshot(app: QApplication, window: QWidget, path: Path) -> None:
    done = False

    def shoot() -> None:
        nonlocal done
        if done:
            return
        done = True
        ok = save_screenshot(window, path)
        if not ok:
            print(f"could not write {path}", file=sys.stderr)
        app.exit(0 if ok else 1)

    def timeout() -> None:
        if not done:
            print("screenshot: the first page did not report ready in time", file=sys.stderr)
            app.exit(1)

    # A zero timer after ``ready`` lets the views lay out the rows they just received.
    ready = getattr(window, "ready", None)
    if getattr(window, "is_ready", False):
        QTimer.singleShot(0, shoot)
    elif ready is not None:
        ready.connect(lambda: QTimer.singleShot(0, shoot))
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, timeout)


def save_screenshot(widget: QWidget, path: Path) -> bool:
    """Save ``widget`` as a PNG at ``path`` (a regular file in an existing folder: never a
    database, a folder or a device — fieldbook.core.outputs), written beside and renamed."""

    try:
        path = check_output(path)
    except OutputRefused as exc:
        print(f"{path}: {exc.reason}", file=sys.stderr)
        return False
    tmp = private_temp_beside(path, ".png")
    # Layouts asked for since the last pass (the window was just resized to --size) are
    # done first: the picture shows the final layout, not the one of the default size.
    # A few passes: a layout with word-wrapped labels (height for width) settles only after
    # its width is known, and the first pass pressed the visit checklist's rows together.
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
        QApplication.processEvents()
    try:
        if not widget.grab().save(str(tmp), "PNG"):
            return False
        check_output(path)  # again, right before the rename
        os.replace(tmp, path)
        return True
    except OutputRefused:
        return False
    finally:
        tmp.unlink(missing_ok=True)
