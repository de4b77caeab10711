"""Demo databases for the tests: each distinct demo (by its ``generate_demo`` arguments) is
generated once per run and copied per use (the ``demo_templates`` and ``make_demo`` fixtures in
tests/conftest.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import closing
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from fieldbook.core.demo.generate import generate_demo
from fieldbook.core.journal import Journal


def open_fresh(path: Path) -> Journal:
    """A journal on the SQLite file at ``path`` (no backup before a migration)."""
    return Journal.open(f"sqlite:///{path}", backup_before_migration=False)


@dataclass(frozen=True)
class Demo:
    """The arguments of one ``generate_demo`` call (its defaults are the generator's)."""

    seed: int = 1
    managers: int = 1
    weeks: int = 4
    customers_per_manager: int = 150
    today: date | None = None

    def generate(self, url: str) -> None:
        journal = Journal.open(url)
        try:
            generate_demo(journal, **asdict(self))
        finally:
            journal.close()


class DemoTemplates:
    """Each distinct demo generated once per run into a session folder; tests get copies of
    the file, never the template itself."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.made: dict[Demo, Path] = {}

    def template(self, demo: Demo) -> Path:
        if demo not in self.made:
            path = self.folder / f"demo{len(self.made) + 1}.sqlite3"
            demo.generate(f"sqlite:///{path}")
            self.made[demo] = path
        return self.made[demo]

    def copy(self, path: Path, demo: Demo) -> Path:
        """A private copy of the demo at ``path`` (a new folder is made 0700, the file 0600)."""
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        shutil.copyfile(self.template(demo), path)
        path.chmod(0o600)
        return path

    def open_copy(self, folder: Path, demo: Demo) -> Journal:
        """A journal on a private copy of the demo in ``folder`` (the caller closes it)."""
        return open_fresh(self.copy(folder / "demo.sqlite3", demo))


def module_demo(name: str, demo: Demo) -> Any:
    """A module-scoped fixture ``name``: a journal on one private copy of ``demo``, shared by
    the tests of a module that only read it (assign it to a module attribute ``name``)."""

    @pytest.fixture(scope="module", name=name)
    def journal(
        tmp_path_factory: pytest.TempPathFactory, demo_templates: DemoTemplates
    ) -> Iterator[Journal]:
        with closing(demo_templates.open_copy(tmp_path_factory.mktemp(name), demo)) as j:
            yield j

    return journal
