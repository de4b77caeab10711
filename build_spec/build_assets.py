"""Generate the files compiled from sources: ui/*.ui -> fieldbook/qt/forms/ui_*.py.

``--check`` regenerates into memory and fails if a committed generated file is stale or
missing (CI runs it), so the forms can never drift from their Designer sources.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "fieldbook" / "qt" / "forms"
HEADER = "# Generated from {src} by build_spec/build_assets.py — do not edit.\n"


def uic_executable() -> str:
    found = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-uic"
    )
    if not found:
        raise SystemExit("pyside6-uic not found: install PySide6 (make venv)")
    return found


def compile_ui(source: Path) -> str:
    out = subprocess.run(
        [uic_executable(), "--from-imports", str(source)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    # uic stamps its own version line; keep the output stable across PySide6 patch releases.
    body = "\n".join(
        line for line in out.splitlines() if not line.startswith("## Created by: Qt User Interface")
    )
    return HEADER.format(src=source.relative_to(ROOT).as_posix()) + body.rstrip() + "\n"


def targets() -> dict[Path, str]:
    return {FORMS_DIR / f"ui_{src.stem}.py": compile_ui(src) for src in sorted(UI_DIR.glob("*.ui"))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if generated files are stale")
    args = parser.parse_args()
    stale = []
    for path, text in targets().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(path.relative_to(ROOT).as_posix())
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print("stale generated files (run `make assets`): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
