"""The app's icons: SVG line icons (one stroke style, drawn for 24 px, crisp at any scale
factor because they are vectors) in resources/icons, and the app icon."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from fieldbook.qt.i18n import resource_dir


@cache
def page_icon(key: str) -> QIcon:
    """The navigation icon of a page (an empty icon when there is none)."""
    path = resource_dir() / "icons" / f"{key}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


@cache
def app_icon() -> QIcon:
    icon = QIcon()
    folder = resource_dir() / "icons"
    for name in ("fieldbook.svg", "fieldbook.png"):
        if (folder / name).exists():
            icon.addFile(str(folder / name))
    return icon
