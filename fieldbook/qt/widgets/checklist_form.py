"""The visit checklist as a form GENERATED from its template (schema/checklists/*.toml):
sections become group boxes; bool → a yes/no picker, choice → radio buttons (≤ 4 options) or
a combo, multi → check boxes, number → a number field with its range, text → a note field.

Only the items visible for the current answers are shown (re-evaluated on every change);
required items carry a *. Every change is reported through ``answer_changed`` — typed text
after a short pause (or at once when the field is left) — and the page saves it at once.
An error is shown beside its item; the widget keeps what the user typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fieldbook.core.routine.checklist import OPEN, Checklist, Item
from fieldbook.core.routine.checklist_names import ChecklistNames, checklist_names
from fieldbook.qt.formatting import listing
from fieldbook.qt.i18n import ui_language
from fieldbook.qt.theme import repolish
from fieldbook.qt.widgets.form_fields import (
    ChoiceCombo,
    EnterMovesOn,
    NoteEdit,
    NumberEdit,
    OptionPicker,
    is_plain_enter,
    move_on,
)
from fieldbook.qt.widgets.message_label import MessageLabel

RADIO_LIMIT = 4  # a choice with more options than this is a combo
TYPING_PAUSE_MS = 400
LABEL_WIDTH = 170
NOTE_HEIGHT, NOTE_HEIGHT_COMPACT = 58, 40  # a note's height: three lines, or two
SECTION_KEYS = 9  # Alt+1 … Alt+9


@dataclass
class ItemField:
    """One item's row: its label, the editor(s) and the error line."""

    item: Item
    label: QLabel
    body: QWidget
    editor: QWidget  # the widget that takes the focus
    error: QLabel
    form: QFormLayout
    checks: list[QCheckBox] = field(default_factory=list)  # multi only
    #: Last time's value while it waits for 已核对 (greyed, under the editor).
    previous: QLabel | None = None
    #: Where a derived answer comes from (执行指导价: the grid's prices), under the editor.
    derived: QLabel | None = None

    def value(self) -> Any:
        editor = self.editor
        if self.item.type == "multi":
            return [
                o for o, box in zip(self.item.options, self.checks, strict=True) if box.isChecked()
            ]
        if isinstance(editor, OptionPicker | ChoiceCombo | NumberEdit):
            return editor.value()
        if isinstance(editor, NoteEdit):
            return editor.toPlainText()
        return None

    def set_value(self, value: Any) -> None:
        editor = self.editor
        if self.item.type == "multi":
            chosen = set(value or [])
            for option, box in zip(self.item.options, self.checks, strict=True):
                box.blockSignals(True)
                box.setChecked(option in chosen)
                box.blockSignals(False)
        elif isinstance(editor, OptionPicker | ChoiceCombo | NumberEdit):
            editor.set_value(value)
        elif isinstance(editor, NoteEdit):
            editor.blockSignals(True)
            editor.setPlainText("" if value is None else str(value))
            editor.blockSignals(False)


class ChecklistForm(QWidget):
    #: (item id, value) — the user changed an answer (None clears it).
    answer_changed = Signal(str, object)

    def __init__(self, checklist: Checklist, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklist = checklist
        #: What the items, options and sections are called in the interface language (the
        #: answers keep the template's stored values).
        self.names: ChecklistNames = checklist_names(checklist, ui_language())
        self.fields: dict[str, ItemField] = {}
        self.groups: dict[str, QGroupBox] = {}
        #: The sections shown, in order: Alt+1 … Alt+9 jump to them (``section_editor``).
        self.section_order: list[str] = []
        self._timers: dict[str, QTimer] = {}
        self._enter = EnterMovesOn(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        for section in checklist.sections:
            items = [i for i in checklist.items if i.section == section.id]
            if not items:
                continue
            self.section_order.append(section.id)
            group = QGroupBox(
                self._section_title(self.names.section(section.id), len(self.section_order))
            )
            group.setObjectName("checklistSection")
            form = QFormLayout(group)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            form.setHorizontalSpacing(14)
            form.setVerticalSpacing(6)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            for item in items:
                self.fields[item.id] = self._make_field(item, form)
            self.groups[section.id] = group
            layout.addWidget(group)
        #: Each check box of a multi-select → its last box (Enter goes on from there).
        self._multi_last: dict[QObject, QWidget] = {}
        for fld in self.fields.values():
            for box in fld.checks:
                self._multi_last[box] = fld.checks[-1]
                box.installEventFilter(self)  # after EnterMovesOn: asked first

    # --- building ---------------------------------------------------------------------------
    def _section_title(self, title: str, number: int) -> str:
        """A section's title with its hotkey (Alt+1 … Alt+9), so that the key can be found."""
        if number > SECTION_KEYS:
            return title
        return self.tr("{title}（Alt+{n}）").format(title=title, n=number)

    def _make_field(self, item: Item, form: QFormLayout) -> ItemField:
        name = self.names.item(item)
        label = QLabel(name + (" *" if item.required else ""))
        label.setWordWrap(True)
        label.setFixedWidth(LABEL_WIDTH)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        error = MessageLabel("itemError")
        checks: list[QCheckBox] = []
        editor: QWidget
        if item.type == "bool":
            picker = OptionPicker([(True, self.tr("是")), (False, self.tr("否"))])
            picker.changed.connect(lambda v, i=item.id: self.answer_changed.emit(i, v))
            editor = picker
            column.addWidget(picker)
        elif item.type == "choice" and len(item.options) <= RADIO_LIMIT:
            picker = OptionPicker(self.names.options(item))
            picker.changed.connect(lambda v, i=item.id: self.answer_changed.emit(i, v))
            editor = picker
            column.addWidget(picker)
        elif item.type == "choice":
            combo = ChoiceCombo(item.options, names=[n for _o, n in self.names.options(item)])
            combo.currentIndexChanged.connect(
                lambda _n, i=item.id, c=combo: self.answer_changed.emit(i, c.value())
            )
            row = QHBoxLayout()
            row.addWidget(combo)
            row.addStretch(1)
            column.addLayout(row)
            editor = combo
        elif item.type == "multi":
            row = QHBoxLayout()
            row.setSpacing(14)
            for _option, option_name in self.names.options(item):
                box = QCheckBox(option_name)
                box.toggled.connect(lambda _on, i=item.id: self._multi_changed(i))
                box.installEventFilter(self._enter)
                row.addWidget(box)
                checks.append(box)
            row.addStretch(1)
            column.addLayout(row)
            editor = checks[0]
        elif item.type == "number":
            number = NumberEdit(item.min, item.max, integer=item.integer)
            number.textEdited.connect(lambda _t, i=item.id: self._typed(i))
            number.stepped.connect(lambda i=item.id: self._typed(i))
            number.editingFinished.connect(lambda i=item.id: self.flush(i))
            row = QHBoxLayout()
            row.addWidget(number)
            row.addStretch(1)
            column.addLayout(row)
            editor = number
        else:
            note = NoteEdit()
            note.setPlaceholderText(self.tr("最多 {n} 字").format(n=item.max_length))
            note.textChanged.connect(lambda i=item.id: self._typed(i))
            note.installEventFilter(self)
            column.addWidget(note)
            editor = note
        if not isinstance(editor, NoteEdit):
            editor.installEventFilter(self._enter)
        if isinstance(editor, NumberEdit):
            editor.installEventFilter(self)
        editor.setAccessibleName(name)
        previous = QLabel()
        previous.setObjectName("previousValue")
        previous.hide()
        column.addWidget(previous)
        column.addWidget(error)
        form.addRow(label, body)
        label.setBuddy(editor)
        return ItemField(item, label, body, editor, error, form, checks, previous)

    def _multi_changed(self, item_id: str) -> None:
        self.answer_changed.emit(item_id, self.fields[item_id].value())

    # --- typed text: a short pause, or leaving the field, sends it ----------------------------
    def _typed(self, item_id: str) -> None:
        timer = self._timers.get(item_id)
        if timer is None:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(TYPING_PAUSE_MS)
            timer.timeout.connect(lambda i=item_id: self.flush(i))
            self._timers[item_id] = timer
        timer.start()

    def flush(self, item_id: str | None = None) -> None:
        """Send typed text now (one item, or every item with a pending change)."""
        ids = [item_id] if item_id is not None else list(self._timers)
        for iid in ids:
            timer = self._timers.get(iid)
            if timer is not None and timer.isActive():
                timer.stop()
                self.answer_changed.emit(iid, self.fields[iid].value())

    def has_pending(self) -> bool:
        return any(t.isActive() for t in self._timers.values())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and is_plain_enter(event)
            and watched in self._multi_last
        ):
            # Enter in a multi-select goes on to the next item, not to its next check box
            last = self._multi_last[watched]
            last.setFocus(Qt.FocusReason.TabFocusReason)  # Tab moves on from the focus widget
            move_on(last)
            return True
        if event.type() == QEvent.Type.FocusOut:
            for iid, fld in self.fields.items():
                if fld.editor is watched:
                    self.flush(iid)
                    break
        return super().eventFilter(watched, event)

    # --- showing answers ----------------------------------------------------------------------
    def set_answers(self, answers: Mapping[str, Any]) -> None:
        """Show ``answers`` in the editors (no signals; pending typing is dropped)."""
        for timer in self._timers.values():
            timer.stop()
        for item_id, fld in self.fields.items():
            fld.set_value(answers.get(item_id))
            self.clear_error(item_id)

    def update_visibility(self, shop_status: str, answers: Mapping[str, Any]) -> None:
        """Show the items the template makes visible for these answers (an unset shop status
        is shown as open: the checklist is what the manager usually fills in)."""
        status = shop_status or OPEN
        shown_groups: set[str] = set()
        for fld in self.fields.values():
            visible = self.checklist.is_visible(fld.item, status, answers)
            fld.form.setRowVisible(fld.body, visible)
            if visible:
                shown_groups.add(fld.item.section)
        for section_id, group in self.groups.items():
            group.setVisible(section_id in shown_groups)

    def is_shown(self, item_id: str) -> bool:
        fld = self.fields.get(item_id)
        return fld is not None and fld.body.isVisibleTo(self)

    def set_editable(self, editable: bool) -> None:
        for fld in self.fields.values():
            fld.body.setEnabled(editable)

    def show_previous(self, values: Mapping[str, Any]) -> None:
        """Last time's values of the items that wait for 已核对 (others: nothing shown)."""
        for item_id, fld in self.fields.items():
            if fld.previous is None:
                continue
            value = values.get(item_id)
            if value is None:
                fld.previous.hide()
                continue
            fld.previous.setText(
                self.tr("上次：{value}（待核对）").format(value=self._shown(fld.item, value))
            )
            fld.previous.show()

    def set_derived(self, item_id: str, note: str) -> None:
        """An answer the visit derives (执行指导价 from the grid's prices): its editor is shown
        but not editable, with ``note`` saying where the answer comes from under it; an empty
        ``note`` hands the item back to the manager."""
        fld = self.fields.get(item_id)
        if fld is None:
            return
        fld.editor.setEnabled(not note)
        if fld.derived is None:
            if not note:
                return
            fld.derived = QLabel()
            fld.derived.setObjectName("derivedValue")
            fld.derived.setWordWrap(True)
            column = fld.body.layout()
            if isinstance(column, QVBoxLayout):
                column.insertWidget(column.indexOf(fld.error), fld.derived)
        fld.derived.setText(note)
        fld.derived.setVisible(bool(note))

    def set_compact(self, compact: bool) -> None:
        """Compact density (small screens): tighter rows, two-line notes."""
        outer = self.layout()
        if outer is not None:
            outer.setSpacing(0 if compact else 10)
        for group in self.groups.values():
            form = group.layout()
            if isinstance(form, QFormLayout):
                form.setVerticalSpacing(0 if compact else 6)
                form.setContentsMargins(*((9, 1, 9, 1) if compact else (9, 9, 9, 9)))
        for fld in self.fields.values():
            if isinstance(fld.editor, OptionPicker):
                fld.editor.set_compact(compact)
            elif isinstance(fld.editor, NoteEdit):
                fld.editor.setFixedHeight(NOTE_HEIGHT_COMPACT if compact else NOTE_HEIGHT)

    def _shown(self, item: Item, value: Any) -> str:
        """An answer as the form words it (是/否, a list joined)."""
        if isinstance(value, bool):
            return self.tr("是") if value else self.tr("否")
        if isinstance(value, list):
            return listing(self.names.option(item, str(v)) for v in value)
        return self.names.option(item, str(value))

    # --- errors and focus -----------------------------------------------------------------------
    def show_error(self, item_id: str, text: str) -> None:
        fld = self.fields.get(item_id)
        if fld is None:
            return
        fld.error.setText(text)
        fld.error.show()
        fld.editor.setProperty("invalid", True)
        repolish(fld.editor)

    def clear_error(self, item_id: str) -> None:
        fld = self.fields.get(item_id)
        if fld is None or (not fld.error.isVisibleTo(self) and not fld.editor.property("invalid")):
            return
        fld.error.clear()
        fld.error.hide()
        fld.editor.setProperty("invalid", False)
        repolish(fld.editor)

    def errors(self) -> dict[str, str]:
        return {
            iid: fld.error.text()
            for iid, fld in self.fields.items()
            if fld.error.text() and self.is_shown(iid)
        }

    def focus_item(self, item_id: str) -> bool:
        fld = self.fields.get(item_id)
        if fld is None:
            return False
        fld.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def first_editor(self) -> QWidget | None:
        for fld in self.fields.values():
            if self.is_shown(fld.item.id):
                return fld.editor
        return None

    def section_editor(self, number: int) -> tuple[QGroupBox, QWidget] | None:
        """Section ``number`` (1 = the first) and its first shown editor; None when that
        section does not exist or shows no item (the shop is not open, or its items hidden)."""
        if not 1 <= number <= min(len(self.section_order), SECTION_KEYS):
            return None
        section_id = self.section_order[number - 1]
        for fld in self.fields.values():
            if fld.item.section == section_id and self.is_shown(fld.item.id):
                return self.groups[section_id], fld.editor
        return None

    def label_of(self, item_id: str) -> str:
        fld = self.fields.get(item_id)
        return self.names.item(fld.item) if fld is not None else item_id
