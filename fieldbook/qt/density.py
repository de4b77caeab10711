"""显示密度: comfortable spacing, or compact for small screens (the 1366×768 laptops account
managers carry). The choice is kept in QSettings (设置 page); ``auto``, the default, is compact
when the screen's usable height is at most ``AUTO_COMPACT_HEIGHT``. ``FIELDBOOK_DENSITY``
overrides it (screenshots, tests). Pages read it when they are built."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication

SETTING = "ui/density"
CHOICES = ("auto", "compact", "comfortable")
#: Usable screen height (px) up to which ``auto`` is compact (768 less task bar and title).
AUTO_COMPACT_HEIGHT = 800


def chosen_density() -> str:
    """auto, compact or comfortable: FIELDBOOK_DENSITY, else the saved choice."""
    value = os.environ.get("FIELDBOOK_DENSITY") or str(QSettings().value(SETTING, "auto"))
    return value if value in CHOICES else "auto"


def save_density(value: str) -> None:
    QSettings().setValue(SETTING, value if value in CHOICES else "auto")


def is_compact() -> bool:
    """Whether the screens are laid out compact now."""
    choice = chosen_density()
    if choice != "auto":
        return choice == "compact"
    screen = QGuiApplication.primaryScreen()
    return screen is not None and screen.availableGeometry().height() <= AUTO_COMPACT_HEIGHT
