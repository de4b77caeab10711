"""The user guide's pictures: every page of the app at 1366×768, in 简体中文 and in English,
taken by ``fieldbook gui --screenshot --page P --size 1366x768`` on a demo database (so they
show what the current code draws). ``make guide`` runs this; it writes
docs/guide/images/<language>/<page>.png, and week-print.png: page 1 of last week's report as
LibreOffice prints it (decision 0026; skipped without LibreOffice or poppler's pdftoppm).
``guide_screenshots.py week daylog`` takes only those pages (and week-print with week)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("zh_CN", "en")
SIZE = "1366x768"
#: The app's clock for the pictures: a Monday morning in the field (the same pictures every
#: time, whatever day they are made on).
CLOCK = "2026-12-07T08:40:00"


def demo(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from fieldbook.core import clock
    from fieldbook.core.demo.generate import generate_demo
    from fieldbook.core.journal import Journal
    from fieldbook.core.routine.week import label_for

    clock.pin(datetime.fromisoformat(CLOCK), running=False)
    path = folder / "guide.sqlite3"
    j = Journal.open(f"sqlite:///{path}")
    try:
        generate_demo(j, seed=1, managers=3, weeks=4, customers_per_manager=150)
        j.weeks.save(label_for(clock.today()), narrative={"work_done": "按计划走访周一至周四线路"})
    finally:
        j.close()
    return path


def printed_week(db: Path, folder: Path, out: Path) -> None:
    """Page 1 of last week's report as printed (the PDF of the exported workbook), 72 dpi."""
    from fieldbook.core import clock
    from fieldbook.core.journal import Journal
    from fieldbook.core.reports.pdf import export_pdf, find_soffice
    from fieldbook.core.reports.week import export_week
    from fieldbook.core.routine.week import label_for

    if find_soffice() is None or shutil.which("pdftoppm") is None:
        print("week-print: LibreOffice or pdftoppm missing, not made", file=sys.stderr)
        return
    label = label_for(clock.today() - timedelta(days=7))
    j = Journal.open(f"sqlite:///{db}")
    try:
        pdf = export_pdf(lambda path: export_week(j, label, path), folder / "week.pdf")
    finally:
        j.close()
    stem = folder / "week-print"
    subprocess.run(
        ["pdftoppm", "-r", "72", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
        check=True,
    )
    for language in LANGUAGES:  # the form is in Chinese whatever the app's language
        shutil.copyfile(stem.with_suffix(".png"), out / language / "week-print.png")
        print(f"wrote {(out / language / 'week-print.png').relative_to(ROOT)}")


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from fieldbook.cli.arguments.gui import GUI_PAGES

    out = ROOT / "docs" / "guide" / "images"
    pages = [p for p in GUI_PAGES if p in sys.argv[1:]] or list(GUI_PAGES)
    with tempfile.TemporaryDirectory(prefix="fieldbook-guide-") as tmp:
        db = demo(Path(tmp))
        if "week" in pages:
            printed_week(db, Path(tmp), out)
        for language in LANGUAGES:
            env = {
                **os.environ,
                "QT_QPA_PLATFORM": "offscreen",
                "FIELDBOOK_LANG": language,
                "FIELDBOOK_CLOCK": CLOCK,
                "FIELDBOOK_DATA_DIR": str(Path(tmp) / "data"),
            }
            env.pop("FIELDBOOK_DB", None)
            for page in pages:
                png = out / language / f"{page}.png"
                png.parent.mkdir(parents=True, exist_ok=True)
                command = [
                    sys.executable, "-m", "fieldbook", "--db", str(db), "gui",
                    "--screenshot", str(png), "--page", page, "--size", SIZE,
                ]  # fmt: skip
                proc = subprocess.run(
                    command, cwd=ROOT, env=env, capture_output=True, text=True, check=False
                )
                if proc.returncode != 0:
                    print(f"{language}/{page}: {proc.stderr.strip()}", file=sys.stderr)
                    return 1
                print(f"wrote {png.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
