"""Locate the data files that ship with the package (``schema/``, ``resources/``).

They live beside the package in a source checkout (and an editable install), under
``fieldbook/_data/`` in an installed wheel (setup.py copies them there), and under the
bundle's folder in the frozen program.
"""

from __future__ import annotations

import os
import sys
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

BUNDLED = "_data"  # the folder inside the installed package (setup.py's build_py)


@cache
def bundled_dir(name: str) -> Path:
    """The shipped data folder ``name`` (``schema`` or ``resources``), wherever this runs from."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / name
    package = Path(__file__).resolve().parents[1]
    installed = package / BUNDLED / name
    if installed.is_dir():
        return installed
    return package.parent / name


def schema_dir() -> Path:
    override = os.environ.get("FIELDBOOK_SCHEMA_DIR")
    if override:
        return Path(override)
    return bundled_dir("schema")


def migrations_dir() -> Path:
    return schema_dir() / "migrations"


@cache
def load_reference(name: str) -> dict[str, Any]:
    """Load ``schema/reference/<name>.toml`` (configuration, not code)."""
    with open(schema_dir() / "reference" / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)
