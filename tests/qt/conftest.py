"""pytest-qt fixtures for tests/qt. They live in qt_support.py (a uniquely named module the
tests import helpers from: every test folder has a conftest.py, so ``from conftest import``
would pick whichever was imported first)."""

from qt_support import *  # noqa: F403  (re-exports the fixtures so pytest registers them)
