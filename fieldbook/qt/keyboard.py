"""Keyboard rules of the whole app: Enter on a focused button presses it — on pages as in
dialogs (Qt by itself presses a page's button only with Space). A button only the mouse or its
own shortcut may press (完成 on the visit screen) says so with the ``ENTER_NEVER_PRESSES``
property. ``make_application`` installs the rules once."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton

from fieldbook.qt.widgets.form_fields import is_plain_enter

#: A QPushButton property: True → Enter does not press it (nor does this filter).
ENTER_NEVER_PRESSES = "enterNeverPresses"


class EnterPressesButtons(QObject):
    """Application event filter: plain Enter on a focused, enabled push button clicks it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QPushButton)
            and is_plain_enter(event)
            and watched.hasFocus()
            and watched.isEnabled()
            and not watched.property(ENTER_NEVER_PRESSES)
        ):
            watched.click()
            return True
        return super().eventFilter(watched, event)


def install_keyboard_rules(app: QApplication) -> None:
    """Install the rules on ``app`` (once)."""
    if app.property("fieldbookKeyboardRules"):
        return
    rules = EnterPressesButtons(app)
    app.installEventFilter(rules)
    app.setProperty("fieldbookKeyboardRules", True)
