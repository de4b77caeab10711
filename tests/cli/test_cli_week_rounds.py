"""``week resubmit`` and the review rounds in ``week show`` (decision 0029)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import run
from sync_support import MON, laptop

from fieldbook.core.routine.week import label_for

LABEL = label_for(MON)


def test_a_returned_report_is_resubmitted_and_its_rounds_shown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, template_db: Path
) -> None:
    j = laptop(tmp_path, template_db, 1)  # the week submitted
    db = j.url.removeprefix("sqlite:///")
    code, _, err = run(capsys, "--db", db, "week", "resubmit", "--week", LABEL)
    assert code == 2 and "没有被退回" in err  # submitted, not returned: refused
    j.weeks.review(LABEL, "returned", "补充重点客户", reviewer="市场部李主任")
    j.close()
    code, out, _ = run(capsys, "--db", db, "week", "resubmit", "--week", LABEL)
    assert (code, out.strip()) == (0, f"周报 {LABEL} 已重新提交（第 2 轮审阅）")
    code, out, _ = run(capsys, "--db", db, "week", "show", "--week", LABEL)
    rounds = [line for line in out.splitlines() if line.startswith("审阅记录：")]
    assert code == 0 and len(rounds) == 2
    assert rounds[0].startswith("审阅记录：第 1 轮 ")
    assert rounds[0].endswith("市场部李主任 退回：补充重点客户")
    assert rounds[1].startswith("审阅记录：第 2 轮 ") and rounds[1].endswith("→ 等待审阅")
