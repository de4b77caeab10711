"""Translations: the .ts files know every string the code translates (and nothing else), the
English one translates all of them keeping every placeholder, and the English interface shows
no Chinese on any page — except the company's own vocabularies that have no English names
(schema/*.en.toml, decision 0016), the native names of the languages, and the data itself
(here English test data)."""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableView,
    QTabWidget,
    QWidget,
)
from qt_support import make_ctx

from fieldbook.cli.arguments.gui import GUI_PAGES
from fieldbook.core.journal import Journal
from fieldbook.core.master.catalog import SkuInput, price_classes
from fieldbook.core.master.customer_vocabulary import vocabulary as customer_vocabulary
from fieldbook.core.master.customers import CustomerInput
from fieldbook.core.master.profile import ProfileInput
from fieldbook.core.routine.checklist import load_checklist
from fieldbook.core.slips.deliveries import STATUS_NAMES
from fieldbook.core.slips.rules import slip_rules
from fieldbook.qt import i18n

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_spec"))
import i18n_extract  # noqa: E402

CJK = re.compile(r"[\u3001-\u303f\u3400-\u9fff\uff00-\uffef]")  # U+3000 is a space
FIELD = re.compile(r"\{[^{}]*\}|%\d")
TAG = re.compile(r"<[^>]+>")


def vocabulary() -> set[str]:
    """Every string of the company's configuration (schema/reference, checklists)."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for path in [
        *(ROOT / "schema" / "reference").glob("*.toml"),
        *(ROOT / "schema" / "checklists").glob("*.toml"),
    ]:
        with open(path, "rb") as fh:
            walk(tomllib.load(fh))
    return found


def named_in_english() -> set[str]:
    """The configuration's names that have English ones (decision 0016): an English interface
    shows those, never the Chinese (plan.toml's reasons wait for plan_format to use them)."""
    voc = customer_vocabulary()
    found = {t.name for terms in (voc.formats, voc.market_types, voc.statuses) for t in terms}
    rules = slip_rules()
    found |= {c.name for c in rules.categories.values()} | set(STATUS_NAMES.values())
    found |= set(rules.departments.values()) | set(rules.states.values())
    found |= {pc.name for pc in price_classes()}
    checklist = load_checklist("visit")
    found |= {checklist.title, *(s.title for s in checklist.sections)}
    found |= {i.label for i in checklist.items} | {o for i in checklist.items for o in i.options}
    found |= {s.label for s in checklist.shop_statuses} | set(checklist.findings.values())
    return found


def test_the_ts_files_match_the_code_and_english_is_complete() -> None:
    wanted = i18n_extract.all_strings()
    assert len(wanted) > 900
    zh = i18n_extract.read_ts(ROOT / "resources" / "i18n" / "fieldbook_zh_CN.ts")
    en = i18n_extract.read_ts(ROOT / "resources" / "i18n" / "fieldbook_en.ts")
    assert set(zh) == set(wanted) == set(en)  # `build_assets.py --update-ts` when this fails
    assert all(zh[s] == s for s in wanted)
    untranslated = [s for s in wanted if not en[s].strip()]
    assert untranslated == []
    chinese_left = [(s, en[s]) for s in wanted if CJK.search(en[s])]
    assert chinese_left == []
    placeholders = [
        (s, en[s]) for s in wanted if sorted(FIELD.findall(s)) != sorted(FIELD.findall(en[s]))
    ]
    assert placeholders == []


def visible_texts(root: QWidget) -> Iterator[str]:
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        if isinstance(w, QLabel):
            yield TAG.sub("", w.text())
        elif isinstance(w, QAbstractButton):
            yield w.text()
        elif isinstance(w, QGroupBox):
            yield w.title()
        elif isinstance(w, QLineEdit):
            yield w.placeholderText()
        elif isinstance(w, QComboBox):
            yield from (w.itemText(n) for n in range(w.count()))
        elif isinstance(w, QTabWidget):
            yield from (w.tabText(n) for n in range(w.count()))
        elif isinstance(w, QListWidget):
            yield from (w.item(n).text() for n in range(w.count()))
        if isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            for c in range(model.columnCount(QModelIndex())):
                yield str(model.headerData(c, Qt.Orientation.Horizontal) or "")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    assert i18n.install(qapp, "en") == "en"  # the .qm is committed (decision 0015)
    yield
    i18n.install(qapp, "zh_CN")


@pytest.fixture
def english_data(db_url: str) -> Iterator[Journal]:
    j = Journal.open(db_url)
    j.profile.save(ProfileInput(code="QTH001", name="Wang Jianguo", territory="North"))
    j.catalog.save(None, SkuInput("13100101", "Brand A", wholesale_fen=38160, retail_fen=45000))
    for n in range(1, 4):
        j.customers.create(
            CustomerInput(code=f"M00{n}", shop_name=f"Shop {n}", route="Monday", order_weekday=1)
        )
    yield j
    j.close()


PAGES = tuple(page for page in GUI_PAGES if page != "visit")


def test_the_english_interface_shows_no_chinese(qtbot, english, english_data) -> None:
    from fieldbook.core.routine.daylog import MUTUAL_CONTROL_TYPES  # a vocabulary kept in the code
    from fieldbook.qt.main_window import MainWindow

    allowed = (vocabulary() - named_in_english()) | set(i18n.LANGUAGES.values())
    allowed |= set(MUTUAL_CONTROL_TYPES)
    window = MainWindow(make_ctx(english_data))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.is_ready)
    left: dict[str, set[str]] = {}
    for key in PAGES:
        page = window.show_page(key)
        if hasattr(page, "is_ready"):
            qtbot.waitUntil(lambda p=page: p.is_ready, timeout=5000)
        texts = set(visible_texts(window))
        for tabs in page.findChildren(QTabWidget):  # every tab, not only the first
            for n in range(tabs.count()):
                tabs.setCurrentIndex(n)
                qtbot.waitUntil(lambda t=tabs: t.currentWidget().isVisible())
                texts |= set(visible_texts(window))
        bad = {
            t
            for t in texts
            if CJK.search(t)
            and t not in allowed
            and not any(
                part in allowed for part in re.split(r"[：:（）()·，,\s]+", t) if CJK.search(part)
            )
        }
        if bad:
            left[key] = bad
    assert left == {}, "\n".join(f"{k}: {sorted(v)}" for k, v in left.items())


def test_qts_own_dialogs_speak_the_chosen_language(qapp: QApplication) -> None:
    from PySide6.QtCore import QCoreApplication

    try:
        i18n.install(qapp, "zh_CN")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        i18n.install(qapp, "en")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    finally:
        i18n.install(qapp, "zh_CN")
