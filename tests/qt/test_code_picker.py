"""The work log's customer / SKU picker (widgets.code_picker): its suggestions open as wide as
their longest line, never cut off by a narrow table cell."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from fieldbook.qt.widgets.code_picker import CodeLookup, CodePicker


def test_the_suggestions_are_as_wide_as_their_text(qtbot, ctx) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    picker = CodePicker(CodeLookup(ctx.ops, "customer"), parent)
    picker.resize(90, 30)  # a narrow cell of the work log's table
    parent.show()
    picker.setFocus()
    qtbot.waitUntil(picker.hasFocus)
    long_name = "七台河市新兴区北兴街道胜利村九组和顺商行（连锁二店）"
    picker.show_suggestions([("230977628282", long_name)])
    completer = picker.completer()
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    text_width = popup.fontMetrics().horizontalAdvance(f"230977628282　{long_name}")
    assert popup.width() >= text_width > picker.width()
