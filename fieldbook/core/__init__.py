"""The Qt-free engine of Fieldbook. Nothing in this package may import PySide6 or fieldbook.qt."""
