"""One line per sync conflict in both languages (``fieldbook.messages.conflicts``, decision
0029): what happened, which record, what was kept, what the other copy said."""

from __future__ import annotations

from fieldbook.core.server.sync_report import SyncConflict
from fieldbook.messages import describe_conflict

NEWER = SyncConflict(
    "newer_on_server", "week_reports", "w1", "2026-W49", "server", "12-07 14:02 > 12-07 11:40"
)


def test_a_conflict_in_chinese_and_english() -> None:
    assert describe_conflict(NEWER, "zh_CN") == (
        "另一台电脑改过的更新：周报 2026-W49，保留服务器上的版本（12-07 14:02 > 12-07 11:40）"
    )
    assert describe_conflict(NEWER, "en") == (
        "changed later on another computer: weekly report 2026-W49; kept the server's copy"
        " (12-07 14:02 > 12-07 11:40)"
    )


def test_a_kind_of_another_part_of_the_sync_is_still_one_clear_line() -> None:
    other = SyncConflict("attachment_changed", "slip_attachments", "a1", "FK-1 照片", "both")
    assert describe_conflict(other, "zh_CN") == (
        "同步冲突（attachment_changed）：附件 FK-1 照片，保留两边的记录"
    )
    assert describe_conflict(other, "en") == (
        "sync conflict (attachment_changed): slip_attachments FK-1 照片; kept both records"
    )
