"""The core is Qt-free (DESIGN.md §1): importing every core module loads no PySide6."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import fieldbook.core

CORE = Path(fieldbook.core.__file__).parent


def core_modules() -> list[str]:
    mods = []
    for path in sorted(CORE.rglob("*.py")):
        rel = path.relative_to(CORE.parent.parent).with_suffix("")
        mods.append(".".join(rel.parts).removesuffix(".__init__"))
    return mods


@pytest.mark.slow  # a child Python process
def test_core_imports_no_qt() -> None:
    mods = core_modules()
    assert "fieldbook.core.journal" in mods and len(mods) > 10
    code = (
        "import sys, importlib\n"
        f"for m in {mods!r}: importlib.import_module(m)\n"
        "import fieldbook.cli.main, fieldbook.messages\n"
        "qt = ('PySide6', 'shiboken6', 'fieldbook.qt')\n"
        "bad = sorted(m for m in sys.modules if m.startswith(qt))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_core_source_does_not_mention_qt_imports() -> None:
    offenders = [
        str(p)
        for p in CORE.rglob("*.py")
        if any(
            line.lstrip().startswith(("import PySide6", "from PySide6", "from fieldbook.qt"))
            for line in p.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert offenders == []


#: The size limits of issue 14: a module is at most this many lines, a function at most that many.
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80
PACKAGE = CORE.parent


def measured_modules() -> list[Path]:
    """Every hand-written module of the package (the generated Qt forms and resources aside)."""
    generated = PACKAGE / "qt" / "forms"
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if generated not in path.parents and path.name != "resources_rc.py"
    ]


def size_offenders(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    where = path.relative_to(PACKAGE.parent)
    found = []
    lines = len(source.splitlines())
    if lines > MAX_MODULE_LINES:
        found.append(f"{where}: {lines} lines")
    for node in ast.walk(ast.parse(source, filename=str(path))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                found.append(f"{where}:{node.lineno} {node.name}() {length} lines")
    return found


def test_no_module_or_function_is_too_long() -> None:
    modules = measured_modules()
    assert any(p.name == "journal.py" for p in modules)
    offenders = [found for path in modules for found in size_offenders(path)]
    assert offenders == [], (
        f"over {MAX_MODULE_LINES} lines a module or {MAX_FUNCTION_LINES} a function:\n"
        + "\n".join(offenders)
    )
