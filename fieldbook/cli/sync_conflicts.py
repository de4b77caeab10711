"""``fieldbook sync conflicts [--ack] [--all]``: the records the syncs found changed in two
places, one line each (what, which record, what was kept), kept on the laptop until marked
seen (decision 0029)."""

from __future__ import annotations

import argparse

from fieldbook.cli.common import EXIT_OK
from fieldbook.cli.database import journal_for
from fieldbook.core.server.sync_conflicts import acknowledge_conflicts, stored_conflicts
from fieldbook.messages import describe_conflict, message


def cmd_sync_conflicts(args: argparse.Namespace) -> int:
    with journal_for(args) as journal:
        listed = stored_conflicts(journal, include_seen=args.all)
        for c in listed:
            seen = f"（{c.acknowledged_at:%m-%d %H:%M} 已查看）" if c.acknowledged_at else ""
            print(f"{c.found_at:%Y-%m-%d %H:%M}  {describe_conflict(c)}{seen}")
        if not listed:
            print(message("conflicts_none"))
        if args.ack:
            print(message("conflicts_acknowledged", {"n": acknowledge_conflicts(journal)}))
    return EXIT_OK
