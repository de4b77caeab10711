"""The interface language: 简体中文 (default; the source strings) or English.

Strings are translated by their source text alone (:class:`SourceTranslator`): the .ts files
in resources/i18n have one context, and whichever class or helper asks for "保存" gets the
same "Save". The compiled ``fieldbook_en.qm`` is committed beside its .ts and checked by
``build_assets.py --check`` (decision 0015), so every install has it; if it cannot be loaded
when English is chosen, :func:`install` logs a warning and returns ``"zh_CN"`` instead of
pretending. Qt's own dialogs (file dialogs, message-box and button-box standard buttons, the
context menus of text fields) load Qt's translations (``qtbase_<lang>.qm``) shipped with
PySide6. The choice is kept in QSettings; ``FIELDBOOK_LANG`` overrides it (tests,
screenshots). It applies from the next start: the windows are not rebuilt while open.
"""

from __future__ import annotations

import logging
import os
from functools import cache
from pathlib import Path

import PySide6
from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from fieldbook.core.resources import bundled_dir

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
SETTING = "ui/language"
CONTEXT = "Fieldbook"
log = logging.getLogger(__name__)


@cache
def resource_dir() -> Path:
    """The folder of icons and translations (checkout, installed wheel or frozen build)."""
    return bundled_dir("resources")


def translation_file(language: str) -> Path:
    """Our compiled translation for ``language`` (there is none for the source, zh_CN)."""
    return resource_dir() / "i18n" / f"fieldbook_{language}.qm"


def qt_translation_dirs() -> list[str]:
    """Where Qt's own ``qtbase_<lang>.qm`` may be: Qt's configured folder, then PySide6's own
    (``Qt/translations`` in Linux and macOS wheels, ``translations`` in Windows wheels and
    frozen builds)."""
    package = Path(PySide6.__file__).resolve().parent
    found = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    found += [str(package / "Qt" / "translations"), str(package / "translations")]
    return list(dict.fromkeys(d for d in found if d))


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
_language: list[str] = []  # what install() put in place


def ui_language() -> str:
    """The interface language in use: what :func:`install` installed (before that, the chosen
    one). The core's display names (decision 0016) are asked for in it."""
    return _language[-1] if _language else chosen_language()


def install(app: QApplication, language: str | None = None) -> str:
    """Install the translators for ``language`` (default: :func:`chosen_language`) and return
    the language installed: ``"zh_CN"``, with a warning logged, when the chosen one's compiled
    translation cannot be loaded."""
    language = normalise(language or chosen_language())
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language != "zh_CN":
        ours = SourceTranslator(app)
        path = translation_file(language)
        if ours.load_file(path):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning(
                "the %s translation cannot be loaded (%s): the interface stays in Chinese",
                LANGUAGES[language],
                path,
            )
            language = "zh_CN"
    os.environ["FIELDBOOK_LANG"] = language  # the core's messages (fieldbook.messages) follow
    _language[:] = [language]
    if language == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    _install_qt_translation(app, language)
    return language


def _install_qt_translation(app: QApplication, language: str) -> None:
    """Qt's own wording (standard buttons, file dialogs) in ``language``."""
    qt = QTranslator(app)
    for folder in qt_translation_dirs():
        if qt.load(f"qtbase_{language}", folder) or qt.load(f"qt_{language}", folder):
            app.installTranslator(qt)
            _installed.append(qt)
            return
    if language != "en":  # Qt's source wording is English
        log.warning("Qt's own %s translation (qtbase_%s.qm) was not found", language, language)
