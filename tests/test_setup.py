"""The package build (setup.py's build_py) puts schema/ and resources/ — with the compiled
English translation — into the built package, where an installed wheel finds them."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from setuptools import Distribution, find_packages

ROOT = Path(__file__).resolve().parents[1]
QM = Path("resources") / "i18n" / "fieldbook_en.qm"


def load_setup() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fieldbook_setup", ROOT / "setup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # setup() runs only as __main__
    return module


def run_build_py(build_lib: Path, monkeypatch: pytest.MonkeyPatch, editable: bool = False) -> None:
    """The wheel's build step, as setuptools runs it, into ``build_lib``."""
    setup = load_setup()
    monkeypatch.chdir(ROOT)
    dist = Distribution(
        {
            "name": "fieldbook",
            "packages": find_packages(include=["fieldbook*"]),
            "cmdclass": {"build_py": setup.BuildPyWithData},
        }
    )
    dist.script_name = str(ROOT / "setup.py")
    command = dist.get_command_obj("build_py")
    command.build_lib = str(build_lib)
    command.editable_mode = editable
    command.ensure_finalized()
    command.run()


@pytest.mark.slow
def test_the_build_ships_the_compiled_translation_and_the_schema(tmp_path, monkeypatch):
    build_lib = tmp_path / "lib"
    run_build_py(build_lib, monkeypatch)
    data = build_lib / "fieldbook" / "_data"
    assert (data / QM).read_bytes() == (ROOT / QM).read_bytes()
    assert (data / "schema" / "migrations" / "env.py").exists()
    assert (data / "resources" / "icons" / "plan.svg").exists()
    assert not list(data.rglob("__pycache__")) and not list(data.rglob("*.ts"))
    # the built package, imported from outside the source tree, finds them and speaks English
    probe = (
        "from PySide6.QtCore import QCoreApplication\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from fieldbook.core.resources import schema_dir\n"
        "from fieldbook.qt import i18n\n"
        "app = QApplication([])\n"
        "print(schema_dir())\n"
        "print(i18n.install(app, 'en'))\n"
        "print(QCoreApplication.translate('Any', '保存'))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(build_lib), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("FIELDBOOK_SCHEMA_DIR", None)
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.splitlines()
    assert out == [str(data / "schema"), "en", "Save"]


def test_an_editable_build_copies_nothing(tmp_path, monkeypatch):
    build_lib = tmp_path / "lib"
    run_build_py(build_lib, monkeypatch, editable=True)
    assert not (build_lib / "fieldbook" / "_data").exists()


def test_the_build_refuses_a_tree_without_the_compiled_translation(tmp_path):
    setup = load_setup()
    source = tmp_path / "src"
    for name in ("schema", "resources"):
        shutil.copytree(ROOT / name, source / name)
    (source / QM).unlink()
    with pytest.raises(SystemExit, match=r"fieldbook_en\.qm"):
        setup.bundle_data(tmp_path / "lib", source)
    assert not (tmp_path / "lib").exists()
