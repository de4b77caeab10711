"""Installing a language: our compiled translation (committed, checked against its .ts), Qt's
own wording in the standard buttons of message boxes and button boxes, and a missing
translation said out loud instead of a silent Chinese interface."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from fieldbook.qt import i18n

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_spec"))
import build_assets  # noqa: E402

Button = QMessageBox.StandardButton


@pytest.fixture
def language(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[QApplication]:
    monkeypatch.setenv("FIELDBOOK_LANG", "zh_CN")  # install() sets it; restored afterwards
    yield qapp
    i18n.install(qapp, "zh_CN")


def standard_texts() -> tuple[list[str], list[str]]:
    box = QMessageBox()
    box.setStandardButtons(Button.Ok | Button.Cancel | Button.Save | Button.Discard)
    shown = [box.button(b).text() for b in (Button.Ok, Button.Cancel, Button.Save, Button.Discard)]
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Yes
        | QDialogButtonBox.StandardButton.No
        | QDialogButtonBox.StandardButton.Cancel
    )
    return shown, [b.text().replace("&", "") for b in buttons.buttons()]


def test_standard_buttons_read_chinese_in_chinese_and_english_in_english(language) -> None:
    assert i18n.install(language, "zh_CN") == "zh_CN"
    box, button_box = standard_texts()
    assert box == ["确定", "取消", "保存", "丢弃"]
    assert "取消" in button_box and any(t.startswith("是") for t in button_box)
    assert i18n.install(language, "en") == "en"
    box, button_box = standard_texts()
    assert box == ["OK", "Cancel", "Save", "Discard"]
    assert sorted(button_box) == ["Cancel", "No", "Yes"]


def test_qts_translations_are_found_in_pyside6s_own_folder() -> None:
    found = [Path(d) for d in i18n.qt_translation_dirs()]
    assert any((d / "qtbase_zh_CN.qm").exists() for d in found)


def test_english_comes_from_the_committed_compiled_translation(language) -> None:
    assert i18n.translation_file("en") == ROOT / "resources" / "i18n" / "fieldbook_en.qm"
    assert i18n.install(language, "en") == "en"
    assert QCoreApplication.translate("AnyContext", "保存") == "Save"


def test_the_committed_translation_is_what_its_ts_compiles_to() -> None:
    # build_assets.py --check (make test, CI) fails on the same comparison
    for path, data in build_assets.translation_targets().items():
        assert path.read_bytes() == data, f"{path.name} is stale: build_assets.py --qm"


def test_a_missing_translation_is_reported_not_silently_chinese(
    language, monkeypatch, caplog, tmp_path
) -> None:
    missing = tmp_path / "fieldbook_en.qm"
    monkeypatch.setattr(i18n, "translation_file", lambda lang: missing)
    with caplog.at_level(logging.WARNING, logger=i18n.__name__):
        assert i18n.install(language, "en") == "zh_CN"
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert "English" in caplog.text and str(missing) in caplog.text
    # what the interface then is: Chinese throughout, Qt's buttons and the core's messages too
    assert QCoreApplication.translate("AnyContext", "保存") == "保存"
    assert standard_texts()[0][1] == "取消"
    assert os.environ["FIELDBOOK_LANG"] == "zh_CN"
