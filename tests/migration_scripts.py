"""A copy of Fieldbook's migration scripts with one more revision after the head, for the
tests of what a future migration does (a failing one, one that adds a schema object)."""

from __future__ import annotations

import shutil
from pathlib import Path

from fieldbook.core.resources import migrations_dir
from fieldbook.core.store import migrate

NEXT_REVISION = "9000_next"


def scripts_with(tmp_path: Path, body: str) -> Path:
    """The scripts folder (in ``tmp_path``) whose revision ``NEXT_REVISION`` follows the head
    and upgrades with ``body`` (indented lines using ``op`` and ``sa``)."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / f"{NEXT_REVISION}.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n"
        f"revision = '{NEXT_REVISION}'\ndown_revision = '{migrate.SCHEMA_HEAD}'\n"
        "branch_labels = None\ndepends_on = None\n\n"
        f"def upgrade():\n{body}\n\ndef downgrade():\n    pass\n",
        encoding="utf-8",
    )
    return scripts
