"""The parser: every command names a function that exists, and parsing stays light — ``fieldbook
--help`` and ``fieldbook COMMAND --help`` import no database, spreadsheet or sync module."""

from __future__ import annotations

import argparse
import subprocess
import sys

from fieldbook.cli.common import load
from fieldbook.cli.main import build_parser

HEAVY = ("sqlalchemy", "alembic", "openpyxl", "tqdm", "PySide6", "psycopg")
#: The only core modules parsing may import: light base modules.
LIGHT_CORE = {"fieldbook.core", "fieldbook.core.clock"}
LIGHT_CORE |= {"fieldbook.core.text", "fieldbook.core.workdays", "fieldbook.core.errors"}


def leaves(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> dict[tuple[str, ...], argparse.ArgumentParser]:
    """Every command's parser, by its words (``("backup", "restore")``)."""
    found: dict[tuple[str, ...], argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found |= leaves(sub, (*path, name))
    return found or {path: parser}


def test_every_command_names_a_function_that_exists() -> None:
    commands = leaves(build_parser())
    assert len(commands) >= 40
    for path, parser in commands.items():
        assert callable(load(parser.get_default("run"))), path


def test_commands_that_may_create_the_database() -> None:
    creating = {
        path
        for path, parser in leaves(build_parser()).items()
        if parser.get_default("creates_database")
    }
    assert creating == {
        ("gui",),
        ("import", "customers"),
        ("import", "skus"),
        ("profile", "set"),
        ("demo",),
        ("backup", "restore"),
    }


def loaded_by(*argv: str) -> list[str]:
    code = (
        "import sys\n"
        "from fieldbook.cli.main import main\n"
        "try:\n"
        f"    main({list(argv)!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.split()


def test_help_imports_nothing_heavy() -> None:
    for argv in (["--help"], ["customers", "list", "--help"], ["sync", "--help"]):
        modules = loaded_by(*argv)
        assert "fieldbook.cli.main" in modules
        assert [m for m in modules if m.split(".")[0] in HEAVY] == [], argv
        core = {m for m in modules if m.startswith("fieldbook.core")}
        assert core <= LIGHT_CORE, (argv, core - LIGHT_CORE)
        assert not [m for m in modules if m.startswith("fieldbook.cli.database")], argv
