"""The PySide6 desktop app. Everything that imports PySide6 lives under this package."""
