"""The frozen program's entry point: the command line, or the window when started without
arguments (double-clicked)."""

import sys

from fieldbook.cli.main import main

if __name__ == "__main__":
    args = sys.argv[1:] or ["gui"]
    raise SystemExit(main(args))
