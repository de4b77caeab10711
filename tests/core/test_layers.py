"""The core is Qt-free (DESIGN.md §1): importing every core module loads no PySide6."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import fieldbook.core

CORE = Path(fieldbook.core.__file__).parent


def core_modules() -> list[str]:
    mods = []
    for path in sorted(CORE.rglob("*.py")):
        rel = path.relative_to(CORE.parent.parent).with_suffix("")
        mods.append(".".join(rel.parts).removesuffix(".__init__"))
    return mods


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
