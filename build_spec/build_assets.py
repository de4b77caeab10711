"""Generate the files compiled from sources:

- ui/*.ui -> fieldbook/qt/forms/ui_*.py (pyside6-uic);
- resources/i18n/fieldbook_en.ts -> fieldbook_en.qm (pyside6-lrelease; committed, so that a
  plain ``pip install`` and the frozen build ship it without needing Qt's tools to build —
  decision 0015; zh_CN is the source language and needs none); the .ts themselves are
  refreshed from the code by ``--update-ts`` (build_spec/i18n_extract.py, keeping every
  translation already made);
- resources/icons/fieldbook.svg -> fieldbook.png (256 px) and fieldbook.ico (the app icon the
  installer and the window use);
- schema/migrations/versions/*.py -> schema/migrations/head_schema.json (the head revision's
  schema objects, freshly migrated: the start-up schema check reads it instead of migrating
  an empty database every time, fieldbook.core.store.schema_reference).

``--check`` fails (CI runs it) if a committed generated form or compiled translation is stale
or missing, if the code has a string the .ts files do not know yet (or the .ts list strings
the code no longer has), or if an app icon file is missing — so forms, translations and icons
cannot drift from their sources. ``--qm`` rewrites only the compiled translations.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
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


I18N_DIR = ROOT / "resources" / "i18n"
ICON_DIR = ROOT / "resources" / "icons"
LANGUAGES = ("zh_CN", "en")
COMPILED = ("en",)  # the languages with a compiled .qm (zh_CN is the source text)


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (make venv)")
    return found


def ts_drift() -> list[str]:
    """The .ts files whose strings differ from what the code asks for (i18n_extract)."""
    sys.path.insert(0, str(ROOT / "build_spec"))
    import i18n_extract

    wanted = set(i18n_extract.all_strings())
    stale = []
    for language in LANGUAGES:
        ts = I18N_DIR / f"fieldbook_{language}.ts"
        if set(i18n_extract.read_ts(ts)) != wanted:
            stale.append(ts.relative_to(ROOT).as_posix())
    return stale


def compile_qm(ts: Path) -> bytes:
    """The compiled translation of ``ts`` (pyside6-lrelease), as bytes."""
    with tempfile.TemporaryDirectory(prefix="fieldbook-qm-") as tmp:
        qm = Path(tmp) / ts.with_suffix(".qm").name
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
            check=True,
            capture_output=True,
        )
        return qm.read_bytes()


def translation_targets() -> dict[Path, bytes]:
    made = {}
    for language in COMPILED:
        ts = I18N_DIR / f"fieldbook_{language}.ts"
        made[ts.with_suffix(".qm")] = compile_qm(ts)
    return made


def release() -> None:
    """Write the compiled translations (``--qm``)."""
    for path, data in translation_targets().items():
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)}")


def render_icons() -> None:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ICON_DIR / "fieldbook.svg"))
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    image.save(str(ICON_DIR / "fieldbook.png"))
    image.scaled(
        64, 64, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    ).save(str(ICON_DIR / "fieldbook.ico"))


def targets() -> dict[Path, str | bytes]:
    from fieldbook.core.store import schema_reference

    made: dict[Path, str | bytes] = {
        FORMS_DIR / f"ui_{src.stem}.py": compile_ui(src) for src in sorted(UI_DIR.glob("*.ui"))
    }
    snapshot = ROOT / "schema" / "migrations" / schema_reference.SNAPSHOT_NAME
    made[snapshot] = schema_reference.snapshot_text()
    made.update(translation_targets())
    return made


def current(path: Path, like: str | bytes) -> str | bytes | None:
    if not path.exists():
        return None
    return path.read_bytes() if isinstance(like, bytes) else path.read_text(encoding="utf-8")


def write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if generated files are stale")
    parser.add_argument(
        "--update-ts", action="store_true", help="refresh the .ts files from the code"
    )
    parser.add_argument("--qm", action="store_true", help="only compile the translations")
    parser.add_argument("--icons", action="store_true", help="re-render the app icon files")
    args = parser.parse_args()
    if args.qm:
        release()
        return 0
    if args.update_ts:
        sys.path.insert(0, str(ROOT / "build_spec"))
        import i18n_extract

        for language in LANGUAGES:
            ts = I18N_DIR / f"fieldbook_{language}.ts"
            count, unfinished = i18n_extract.update(ts, language)
            print(f"{ts.name}: {count} strings, {unfinished} to translate")
    stale = []
    for path, content in targets().items():
        if current(path, content) == content:
            continue
        if args.check:
            stale.append(path.relative_to(ROOT).as_posix())
        else:
            write(path, content)
            print(f"wrote {path.relative_to(ROOT)}")
    if args.check:
        stale += ts_drift()
        stale += [
            f"resources/icons/{name}"
            for name in ("fieldbook.png", "fieldbook.ico")
            if not (ICON_DIR / name).exists()
        ]
    elif args.icons or not all((ICON_DIR / n).exists() for n in ("fieldbook.png", "fieldbook.ico")):
        render_icons()
    if stale:
        print(
            "stale generated files (run `make assets`; for .ts `build_assets.py --update-ts`"
            " and translate what is new): " + ", ".join(stale),
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
