"""Shared fixtures: a migrated template database copied per test (fast), and a journal with a
manager profile on it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldbook.core.journal import Journal
from fieldbook.core.profile import ProfileInput


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    Journal.open(f"sqlite:///{path}").close()
    return path


@pytest.fixture
def db_path(tmp_path: Path, template_db: Path) -> Path:
    path = tmp_path / "data" / "fieldbook.sqlite3"
    path.parent.mkdir(mode=0o700)
    shutil.copyfile(template_db, path)
    path.chmod(0o600)
    return path


@pytest.fixture
def db_url(db_path: Path) -> str:
    return f"sqlite:///{db_path}"


@pytest.fixture
def journal(db_url: str) -> Iterator[Journal]:
    j = Journal.open(db_url)
    j.profile.save(
        ProfileInput(code="QTH001", name="王建国", district_unit="新兴区", territory="新兴一片区")
    )
    yield j
    j.close()
