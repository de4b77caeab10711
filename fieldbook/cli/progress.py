"""The progress bar of a long command (imports, demo data), on stderr."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from tqdm import tqdm

from fieldbook.cli.output import raw_stream


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    """A bar labelled ``label``; the block gets ``update(done, total)``."""
    # the bar's own CR goes to the terminal itself, not through clean_output
    bar = tqdm(
        desc=label, total=0, unit="行", file=raw_stream(sys.stderr), leave=False, disable=None
    )

    def update(done: int, total: int) -> None:
        if bar.total != total:
            bar.total = total
        bar.n = done
        bar.refresh()

    try:
        yield update
    finally:
        bar.close()
