"""The screenshot path, as the build and the docs use it: a real process, the real worker."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from fieldbook.core import clock

SCRIPT = """
import sys
from pathlib import Path
from fieldbook.core import clock
from fieldbook.qt.app import run_gui
code = run_gui(sys.argv[1], screenshot=Path(sys.argv[2]), page=sys.argv[3] or None)
heavy = sorted(m for m in ("pypinyin", "openpyxl", "alembic") if m in sys.modules)
print("HEAVY=" + ",".join(heavy))
raise SystemExit(code)
"""


def _run(db_url: str, png, page: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, db_url, str(png), page],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_screenshot_mode_writes_a_png_and_exits_0(filled, db_url, tmp_path):
    filled.close()
    png = tmp_path / "s.png"
    result = _run(db_url, png)
    assert result.returncode == 0, result.stderr
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 10_000
    assert "HEAVY=\n" in result.stdout  # no pypinyin, openpyxl or alembic on this path


def test_screenshot_of_another_page(filled, db_url, tmp_path):
    filled.close()
    png = tmp_path / "c.png"
    result = _run(db_url, png, "customers")
    assert result.returncode == 0, result.stderr
    assert png.stat().st_size > 10_000


def test_a_database_from_a_newer_version_fails_with_exit_1(db_path, db_url, tmp_path):
    import sqlite3

    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    result = _run(db_url, tmp_path / "x.png")
    assert result.returncode == 1
    assert "更新版本" in result.stderr
    assert not (tmp_path / "x.png").exists()


@pytest.mark.sqlite
def test_screenshot_of_the_visit_page_writes_nothing(filled, db_url, tmp_path):
    import sqlite3

    filled.plans.build(clock.today())
    filled.close()

    def counts() -> tuple[int, ...]:
        con = sqlite3.connect(db_url.removeprefix("sqlite:///"))
        try:
            return tuple(
                con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("visits", "visit_skus", "plans", "plan_stops")
            )
        finally:
            con.close()

    before = counts()
    png = tmp_path / "v.png"
    result = _run(db_url, png, "visit")
    assert result.returncode == 0, result.stderr
    assert png.stat().st_size > 10_000
    assert counts() == before
    assert "HEAVY=\n" in result.stdout
