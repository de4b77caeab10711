"""Keyboard-first editors for generated forms.

* :class:`OptionPicker` — a row of radio buttons that is ONE tab stop: digits 1–n pick an
  option, Left/Right move, Space steps on (so a yes/no pair toggles), Delete clears.
* :class:`ChoiceCombo` — a combo with an empty first entry; digits pick an option.
* :class:`NumberEdit` — a line edit for a number with Up/Down stepping; it keeps whatever was
  typed (the core checks the value and the form shows its error beside the field).
* :class:`NoteEdit` — a short plain-text edit where Enter moves on and Shift+Enter breaks the line.
* :func:`line_edit` — a one-line field with its length limit, example text and height.
* :func:`move_on` / :class:`EnterMovesOn` — Enter goes to the next field, like Tab.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_BLOCKING = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def move_on(widget: QWidget, back: bool = False) -> None:
    """Move the focus on from ``widget`` exactly as Tab (Shift+Tab) would."""
    key = Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab
    mods = Qt.KeyboardModifier.ShiftModifier if back else Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, key, mods))


def line_edit(
    max_length: int, placeholder: str = "", *, name: str = "", height: int = 0
) -> QLineEdit:
    """A one-line field taking at most ``max_length`` characters, with a grey example
    (``placeholder``), an accessible ``name`` and a minimum ``height`` where given."""
    edit = QLineEdit()
    edit.setMaxLength(max_length)
    if height:
        edit.setMinimumHeight(height)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    if name:
        edit.setAccessibleName(name)
    return edit


def is_enter_press(event: QEvent) -> bool:
    """A key press of Enter or Return (whatever the modifiers)."""
    return (
        event.type() == QEvent.Type.KeyPress
        and isinstance(event, QKeyEvent)
        and event.key() in _ENTER
    )


def is_plain_enter(event: QKeyEvent) -> bool:
    return event.key() in _ENTER and not event.modifiers() & (
        _BLOCKING | Qt.KeyboardModifier.ShiftModifier
    )


def digit_of(event: QKeyEvent) -> int | None:
    """1–9 for a plain digit key press, else None."""
    if event.modifiers() & _BLOCKING:
        return None
    text = event.text()
    if len(text) == 1 and "1" <= text <= "9":
        return int(text)
    return None


class EnterMovesOn(QObject):
    """Event filter: plain Enter on a field moves to the next one; on a button it clicks it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and is_plain_enter(event)
        ):
            if isinstance(watched, QComboBox) and watched.view().isVisible():
                return False
            if isinstance(watched, QAbstractButton) and not watched.isCheckable():
                watched.click()
                return True
            move_on(watched)
            return True
        return super().eventFilter(watched, event)


class KeysDoNothing(QObject):
    """Event filter: Enter, Return and Space do not press the button it watches (a button only
    the mouse or its own shortcut may press — 完成 on the visit screen)."""

    KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Select)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)
            and isinstance(event, QKeyEvent)
            and event.key() in self.KEYS
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            return True
        return super().eventFilter(watched, event)


class OptionPicker(QFrame):
    """One of a few options as radio buttons; ``value()`` is the chosen value or None."""

    #: The new value (None when cleared), only on a user action.
    changed = Signal(object)

    def __init__(
        self,
        options: Sequence[tuple[Any, str]],
        *,
        numbered: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("optionPicker")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.options = list(options)
        self._index = -1
        layout = QHBoxLayout(self)
        self._layout = layout
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setSpacing(14)
        self.buttons: list[QRadioButton] = []
        for n, (_value, label) in enumerate(self.options):
            button = QRadioButton(f"{n + 1} {label}" if numbered else label)
            button.setAutoExclusive(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda checked, i=n: self._clicked(i, checked))
            layout.addWidget(button)
            self.buttons.append(button)
        layout.addStretch(1)
        if len(self.options) <= 9:
            self.setToolTip(
                self.tr("数字键 1–{n} 选择，空格切换，Delete 清除").format(n=len(options))
            )

    def set_compact(self, compact: bool) -> None:
        """Compact density: no padding above and below the options."""
        self._layout.setContentsMargins(6, 0 if compact else 3, 6, 0 if compact else 3)

    def value(self) -> Any:
        return self.options[self._index][0] if self._index >= 0 else None

    def set_value(self, value: Any) -> None:
        """Show ``value`` (no ``changed`` signal); an unknown value shows nothing chosen."""
        index = next((n for n, (v, _l) in enumerate(self.options) if v == value), -1)
        if value is None:
            index = -1
        self._show(index)

    def pick(self, index: int) -> None:
        """Choose option ``index`` (-1 clears) as the user would."""
        if index == self._index:
            self._show(index)
            return
        self._show(index)
        self.changed.emit(self.value())

    def _show(self, index: int) -> None:
        self._index = index
        for n, button in enumerate(self.buttons):
            button.setChecked(n == index)

    def _clicked(self, index: int, checked: bool) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.pick(index if checked else -1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        digit = digit_of(event)
        count = len(self.options)
        if digit is not None and digit <= count:
            self.pick(digit - 1)
        elif key == Qt.Key.Key_Space and count:
            self.pick((self._index + 1) % count)
        elif key == Qt.Key.Key_Right and count:
            self.pick(min(self._index + 1, count - 1))
        elif key == Qt.Key.Key_Left and count:
            self.pick(max(self._index - 1, 0))
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.pick(-1)
        elif key in (Qt.Key.Key_Y, Qt.Key.Key_N) and {v for v, _l in self.options} == {
            True,
            False,
        }:
            wanted = key == Qt.Key.Key_Y
            self.pick(next(n for n, (v, _l) in enumerate(self.options) if v is wanted))
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class ChoiceCombo(QComboBox):
    """Options in a combo; the first entry is "not answered". Digits pick option n."""

    def __init__(
        self,
        options: Sequence[str],
        parent: QWidget | None = None,
        *,
        names: Sequence[str] | None = None,
    ) -> None:
        """``options`` are the values; ``names`` what they are shown as (the values when
        omitted: a checklist in English keeps its Chinese stored options)."""
        super().__init__(parent)
        self.options = list(options)
        shown = list(names) if names is not None else self.options
        self.addItem(self.tr("（未选）"), None)
        for n, (option, name) in enumerate(zip(self.options, shown, strict=True), start=1):
            self.addItem(f"{n} {name}" if n <= 9 else name, option)
        self.setMinimumHeight(30)
        self.setMinimumWidth(200)
        self.setToolTip(self.tr("数字键选择，上下键切换"))

    def value(self) -> str | None:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        index = self.findData(value) if value is not None else 0
        self.blockSignals(True)
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        digit = digit_of(event)
        if digit is not None and digit < self.count():
            self.setCurrentIndex(digit)
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.setCurrentIndex(0)
            event.accept()
            return
        super().keyPressEvent(event)


class NumberEdit(QLineEdit):
    """A number typed as text: Up/Down step it within the range; bad text is kept as typed."""

    #: Up/Down changed the value (typing reports through ``textEdited``).
    stepped = Signal()

    def __init__(
        self,
        minimum: float | None = None,
        maximum: float | None = None,
        *,
        integer: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.minimum, self.maximum, self.integer = minimum, maximum, integer
        if minimum is not None and maximum is not None:
            low = int(minimum) if integer else minimum
            high = int(maximum) if integer else maximum
            self.setPlaceholderText(f"{low}–{high}")
        self.setFixedWidth(120)
        self.setMinimumHeight(30)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def value(self) -> Any:
        """None when empty, the number when it parses, else the text (the core rejects it)."""
        text = self.text().strip()
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            return text
        if self.integer and number.is_integer():
            return int(number)
        return number

    def set_value(self, value: Any) -> None:
        if value is None:
            self.setText("")
        elif isinstance(value, float) and value.is_integer():
            self.setText(str(int(value)))
        else:
            self.setText(str(value))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not event.modifiers():
            value = self.value()
            base = value if isinstance(value, int | float) else None
            step = 1 if event.key() == Qt.Key.Key_Up else -1
            start = self.minimum if self.minimum is not None else 0
            new = start if base is None else base + step
            if self.minimum is not None:
                new = max(new, self.minimum)
            if self.maximum is not None:
                new = min(new, self.maximum)
            self.set_value(int(new) if self.integer else new)
            self.stepped.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class NoteEdit(QPlainTextEdit):
    """Short free text: Enter and Tab move on, Shift+Enter starts a new line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(58)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if is_plain_enter(event):
            move_on(self)
            event.accept()
            return
        if event.key() in _ENTER and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.insertPlainText("\n")
            event.accept()
            return
        super().keyPressEvent(event)
