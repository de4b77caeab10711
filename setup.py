"""The one build step pyproject.toml cannot declare: ship schema/ and resources/ in the wheel.

They sit beside the package in the source tree (migrations, vocabularies, checklists; icons
and the compiled translation), which an editable install and the frozen build (PyInstaller,
build_spec/fieldbook.spec) read in place. A wheel carries only the package, so ``build_py``
copies both folders to ``fieldbook/_data/`` (fieldbook.core.resources.bundled_dir looks
there). The compiled translation is committed and checked by ``build_assets.py --check``
(decision 0015): the build needs no Qt tool, and it fails rather than ship a wheel whose
language switch would do nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA = ("schema", "resources")
BUNDLED = Path("fieldbook") / "_data"
REQUIRED = (Path("resources") / "i18n" / "fieldbook_en.qm", Path("schema") / "migrations")


def bundle_data(build_lib: Path, source: Path = ROOT) -> list[Path]:
    """Copy the data folders under ``build_lib/fieldbook/_data``; returns the folders made."""
    missing = [str(p) for p in REQUIRED if not (source / p).exists()]
    if missing:
        raise SystemExit(
            f"cannot build Fieldbook: {', '.join(missing)} missing in {source}"
            " (build_spec/build_assets.py --qm compiles the translation)"
        )
    made = []
    for name in DATA:
        target = build_lib / BUNDLED / name
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(
            source / name, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.ts")
        )
        made.append(target)
    return made


class BuildPyWithData(build_py):
    """``build_py``, plus the data folders (not in editable mode: those read the tree)."""

    def run(self) -> None:
        super().run()
        if not getattr(self, "editable_mode", False):
            bundle_data(Path(self.build_lib))


if __name__ == "__main__":
    setup(cmdclass={"build_py": BuildPyWithData})
