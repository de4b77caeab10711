"""The app's keyboard rules (fieldbook.qt.keyboard): Enter presses the focused button on a page
as in a dialog, except a button that says Enter never presses it (完成 on the visit screen:
tests/qt/test_visit_page.py runs with these rules, as every Qt test does)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from fieldbook.qt.keyboard import ENTER_NEVER_PRESSES


def test_enter_presses_the_focused_button_on_a_page(qtbot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    pressed: list[str] = []
    for name in ("first", "second", "never"):
        button = QPushButton(name)
        button.clicked.connect(lambda _c=False, n=name: pressed.append(n))
        layout.addWidget(button)
    never = page.findChildren(QPushButton)[2]
    never.setProperty(ENTER_NEVER_PRESSES, True)
    page.show()
    qtbot.waitUntil(page.isVisible)
    second = page.findChildren(QPushButton)[1]
    second.setFocus()
    qtbot.waitUntil(second.hasFocus)
    qtbot.keyClick(second, Qt.Key.Key_Return)
    qtbot.keyClick(second, Qt.Key.Key_Enter)  # the keypad's
    never.setFocus()
    qtbot.keyClick(never, Qt.Key.Key_Return)
    assert pressed == ["second", "second"]
