"""Locate the data files that ship beside the package (``schema/``)."""

from __future__ import annotations

import os
import sys
import tomllib
from functools import cache
from pathlib import Path
from typing import Any


def schema_dir() -> Path:
    override = os.environ.get("FIELDBOOK_SCHEMA_DIR")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "schema"
    return Path(__file__).resolve().parents[2] / "schema"


def migrations_dir() -> Path:
    return schema_dir() / "migrations"


@cache
def load_reference(name: str) -> dict[str, Any]:
    """Load ``schema/reference/<name>.toml`` (configuration, not code)."""
    with open(schema_dir() / "reference" / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)
