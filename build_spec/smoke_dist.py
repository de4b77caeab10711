"""Smoke test of the frozen build (``make dist-check``): run dist/fieldbook/fieldbook headless
in a scratch folder — --version, create a database, import a roster, build a week of demo
work, export a week, ``gui --screenshot`` (in English too) — and check each result. Exit 0
when all pass."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROGRAM = ROOT / "dist" / "fieldbook" / ("fieldbook-cli.exe" if os.name == "nt" else "fieldbook")


def run(*args: str, env: dict[str, str], expect: int = 0, forbid: str = "") -> str:
    """Run the program; ``forbid``: text its standard error must not contain."""
    proc = subprocess.run(
        [str(PROGRAM), *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    shown = " ".join(args)
    if proc.returncode != expect or (forbid and forbid in proc.stderr):
        print(f"FAIL {shown}: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
        raise SystemExit(1)
    print(f"ok   {shown}")
    return proc.stdout


def main() -> int:
    if not PROGRAM.exists():
        print(f"no frozen program at {PROGRAM} (make dist)")
        return 1
    sys.path.insert(0, str(ROOT))
    from fieldbook import __version__
    from fieldbook.core.demo.generate import write_customer_workbook

    with tempfile.TemporaryDirectory(prefix="fieldbook-dist-") as tmp:
        folder = Path(tmp)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "FIELDBOOK_DATA_DIR": str(folder / "data"),
        }
        env.pop("FIELDBOOK_DB", None)
        version = run("--version", env=env)
        assert __version__ in version, version
        db = folder / "data" / "fieldbook.sqlite3"
        roster = folder / "客户名册.xlsx"
        write_customer_workbook(roster, seed=3, count=60)
        run("--db", str(db), "profile", "set", "--code", "QTH001", "--name", "王建国", env=env)
        run("--db", str(db), "import", "customers", str(roster), env=env)
        listed = run("--db", str(db), "customers", "list", env=env)
        assert len(listed.strip().splitlines()) >= 60, listed[:300]
        demo = folder / "demo.sqlite3"  # migrations and generators from the bundle
        run("--db", str(demo), "demo", "--weeks", "2", "--managers", "1", env=env)
        week = folder / "周报.xlsx"
        run("--db", str(demo), "export", "week", "-o", str(week), env=env)
        assert week.stat().st_size > 5000
        png = folder / "plan.png"
        run("--db", str(demo), "gui", "--screenshot", str(png), env=env)
        assert png.stat().st_size > 10_000
        # English loads from the bundle (fieldbook.qt.i18n reports a translation it cannot load)
        english = {**env, "FIELDBOOK_LANG": "en"}
        run("--db", str(demo), "gui", "--screenshot", str(png), env=english, forbid="translation")
        # an old database is upgraded by the frozen program's bundled migration scripts: the
        # development tree builds a real revision-0007 database (not a head database with
        # tables dropped, which goes stale with every new migration), the frozen program opens it
        old = folder / "old.sqlite3"
        from sqlalchemy import create_engine

        from fieldbook.core.store.migrate import SCHEMA_HEAD, current_revision, upgrade

        engine = create_engine(f"sqlite:///{old}")
        upgrade(engine, target="0007_server_users")
        assert current_revision(engine) == "0007_server_users"
        engine.dispose()
        run("--db", str(old), "profile", "set", "--code", "QTH002", "--name", "李梅", env=env)
        run("--db", str(old), "import", "customers", str(roster), env=env)
        listed = run("--db", str(old), "customers", "list", env=env)
        assert len(listed.strip().splitlines()) >= 60, listed[:300]
        engine = create_engine(f"sqlite:///{old}")
        head = current_revision(engine)
        engine.dispose()
        assert head == SCHEMA_HEAD, head
        print("frozen build: all checks passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
