"""The interface language: 简体中文 (default; the source strings) or English.

Strings are translated by their source text alone (:class:`SourceTranslator`): the .ts files
in resources/i18n have one context, and whichever class or helper asks for "保存" gets the
same "Save". Qt's own dialogs (file dialogs, message-box buttons, the context menus of text
fields) load Qt's translations (``qtbase_<lang>.qm``) shipped with PySide6. The choice is kept
in QSettings; ``FIELDBOOK_LANG`` overrides it (tests, screenshots). It applies from the next
start: the windows are not rebuilt while open.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from fieldbook.core.resources import bundled_dir

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
SETTING = "ui/language"
CONTEXT = "Fieldbook"


@cache
def resource_dir() -> Path:
    """The folder of icons and translations (checkout, installed wheel or frozen build)."""
    return bundled_dir("resources")


def normalise(value: str | None) -> str:
    return "en" if str(value or "").lower().startswith("en") else "zh_CN"


def chosen_language() -> str:
    """FIELDBOOK_LANG when set, else the saved choice, else 简体中文."""
    env = os.environ.get("FIELDBOOK_LANG")
    if env:
        return normalise(env)
    return normalise(str(QSettings().value(SETTING, "zh_CN")))


def save_language(language: str) -> None:
    QSettings().setValue(SETTING, normalise(language))


class SourceTranslator(QTranslator):
    """Looks a string up by its source text, whatever context the caller gave."""

    def __init__(self, parent: QApplication | None = None) -> None:
        super().__init__(parent)
        self._loaded = QTranslator(self)

    def load_file(self, path: Path) -> bool:
        return self._loaded.load(str(path))

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        found = self._loaded.translate(CONTEXT, source, None, n)
        # None (a null QString) lets Qt ask the next translator and finally show the source;
        # an empty string would blank the text out
        return found or None

    def isEmpty(self) -> bool:
        return self._loaded.isEmpty()


_installed: list[QTranslator] = []


def install(app: QApplication, language: str | None = None) -> str:
    """Install the translators for ``language`` (default: :func:`chosen_language`)."""
    language = normalise(language or chosen_language())
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    os.environ["FIELDBOOK_LANG"] = language  # the core's messages (fieldbook.messages) follow
    if language == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_dir) or qt.load(f"qt_{language}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    if language != "zh_CN":
        ours = SourceTranslator(app)
        if ours.load_file(resource_dir() / "i18n" / f"fieldbook_{language}.qm"):
            app.installTranslator(ours)
            _installed.append(ours)
    return language
