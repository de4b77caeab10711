"""Running the command line in-process, as the CLI tests do."""

from __future__ import annotations

import pytest

from fieldbook.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """main()'s exit code, stdout and stderr."""
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err
