"""User text is clean at the door (issue 13, item 6): a control character pasted into a slip
description, a week narrative or a log section is dropped where text enters the database, so
every Excel export of the period works; ``week show`` / ``log show`` never print a terminal
escape sequence, also for text stored before the door existed; a correction's reason with a
control character no longer breaks the audit chain."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from cli_support import run

from fieldbook.core.journal import Journal
from fieldbook.core.master.profile import ProfileInput
from fieldbook.core.reports.slip_register import export_register
from fieldbook.core.reports.week import export_week
from fieldbook.core.slips.service import SlipInput
from fieldbook.core.store import audit

W48 = "2026-W48"  # Friday 2026-11-20 .. Thursday 2026-11-26
DIRTY = "门头\x01更换\x1b[31m红字\x1b[0m\x07\x00\x7f\x9b2J\u202e反向\ud800\r\n第二行\x0c完"
CLEAN = "门头更换[31m红字[0m2J反向\n第二行\n完"
# anything a cell, a terminal or the database must not get (tab and line feed are fine)
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")


def workbook_texts(path: Path) -> list[str]:
    wb = openpyxl.load_workbook(path)
    return [
        c.value
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str)
    ]


def unsafe_texts(db_path: Path) -> list[tuple[str, str, str]]:
    """(table, column, value) of every stored text, JSON strings included, that is unsafe."""
    found = []
    con = sqlite3.connect(db_path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            columns = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
            for row in con.execute(f'SELECT * FROM "{table}"'):
                for column, value in zip(columns, row, strict=True):
                    if not isinstance(value, str):
                        continue
                    texts = [value]
                    if value[:1] in "{[":
                        try:
                            texts.append(json.dumps(json.loads(value), ensure_ascii=False))
                            texts.extend(_strings(json.loads(value)))
                        except ValueError:
                            pass
                    found += [(table, column, t) for t in texts if UNSAFE.search(t)]
    finally:
        con.close()
    return found


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_a_control_character_in_a_slip_description_no_longer_fails_the_export(
    world: Journal, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cid = world.customers.by_code("M001").id
    slip = world.slips.create(SlipInput("other", DIRTY, cid), at=datetime(2026, 11, 24, 10, 0))
    assert world.slips.get(slip.id).description == CLEAN
    path = export_register(
        world, tmp_path / "登记表.xlsx", start=date(2026, 11, 1), end=date(2026, 11, 30)
    )
    assert CLEAN in workbook_texts(path)
    code, _, err = run(
        capsys, "--db", str(db_path), "export", "slips", "--from", "2026-11-01",
        "--to", "2026-11-30", "-o", str(tmp_path / "cli.xlsx"),
    )  # fmt: skip
    assert (code, err) == (0, "") and CLEAN in workbook_texts(tmp_path / "cli.xlsx")


def test_week_narrative_and_log_sections_are_clean_in_exports_and_on_the_terminal(
    world: Journal, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world.weeks.save(W48, narrative={"work_done": DIRTY, "problems": "\x1b]0;title\x07问题"})
    world.weeks.save(W48, next_plan={"other": DIRTY})
    world.daylogs.save_section(date(2026, 11, 24), "meeting_notes", DIRTY)
    world.daylogs.save_section(
        date(2026, 11, 24),
        "mutual_control",
        [{"customer_code": "M001", "type": "其他", "text": DIRTY}],
    )
    view = world.weeks.get(W48)
    assert view.narrative["work_done"] == CLEAN and view.narrative["problems"] == "]0;title问题"
    assert world.daylogs.get(date(2026, 11, 24)).sections["meeting_notes"] == CLEAN
    path = export_week(world, W48, tmp_path / "周报.xlsx")
    assert any(CLEAN in text for text in workbook_texts(path))

    code, out, _ = run(capsys, "--db", str(db_path), "week", "show", "--week", W48)
    assert code == 0 and CLEAN.split("\n")[0] in out and not UNSAFE.search(out)
    code, out, _ = run(capsys, "--db", str(db_path), "log", "show", "--date", "2026-11-24")
    assert code == 0 and "门头更换" in out and not UNSAFE.search(out)
    code, _, err = run(
        capsys, "--db", str(db_path), "export", "day", "--date", "2026-11-24",
        "-o", str(tmp_path / "日志.xlsx"),
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert unsafe_texts(db_path) == []


def test_text_stored_before_the_door_is_cleaned_on_the_way_out(
    world: Journal, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cid = world.customers.by_code("M001").id
    slip = world.slips.create(SlipInput("other", "门头更换", cid), at=datetime(2026, 11, 24, 10))
    world.weeks.save(W48, narrative={"work_done": "本周"})
    world.close()
    # written past the door, as an older Fieldbook (or another program) may have
    con = sqlite3.connect(db_path)
    with con:
        legacy = DIRTY.replace("\ud800", "")  # SQLite's UTF-8 cannot hold a lone surrogate
        con.execute("UPDATE slips SET description = ? WHERE id = ?", (legacy, slip.id))
        narrative = json.dumps({"work_done": legacy}, ensure_ascii=False)
        con.execute("UPDATE week_reports SET narrative = ?", (narrative,))
        con.execute("UPDATE customers SET shop_name = ? WHERE code = 'M002'", ("店\x1b[2J\x9b",))
    con.close()

    code, out, err = run(capsys, "--db", str(db_path), "week", "show", "--week", W48)
    assert code == 0 and "门头更换" in out and not UNSAFE.search(out + err)
    code, out, _ = run(capsys, "--db", str(db_path), "customers", "list")
    assert code == 0 and "店[2J" in out and not UNSAFE.search(out)
    code, out, _ = run(capsys, "--db", str(db_path), "slips", "list")
    assert code == 0 and not UNSAFE.search(out)
    for what, extra in (
        ("slips", ["--from", "2026-11-01", "--to", "2026-11-30"]),
        ("week", ["--week", W48]),
    ):
        target = tmp_path / f"{what}.xlsx"
        code, _, err = run(capsys, "--db", str(db_path), "export", what, *extra, "-o", str(target))
        assert (code, err) == (0, "")
        assert not any(UNSAFE.search(text) for text in workbook_texts(target))


def test_a_correction_reason_with_a_control_character_keeps_the_audit_chain_whole(
    world: Journal,
) -> None:
    world.daylogs.save_section(date(2026, 11, 24), "meeting_notes", "例会")
    world.daylogs.submit(date(2026, 11, 24))
    world.daylogs.correct(date(2026, 11, 24), "meeting_notes", "例会\x7f补充\x1b", "漏记\x00了")
    report = audit.verify(world)
    assert report.ok and report.count == 1  # before: hash_mismatch (hashed with the NUL)
    (entry,) = world.daylogs.get(date(2026, 11, 24)).corrections
    assert entry.reason == "漏记了" and entry.new_value == "例会补充"


def test_every_door_stores_clean_text(world: Journal, db_path: Path) -> None:
    """Follow-ups, plan notes, profile, customers, visits, spot checks: whatever the path, the
    database holds no unsafe character afterwards."""
    world.profile.save(ProfileInput("QTH001", "王建国\x1b", "新兴\x00区", "一片\x07区", ""))
    cid = world.customers.by_code("M001").id
    follow = world.followups.create(cid, "复查\x1b[5m价签", requested_by="电访\x07员")
    world.followups.close(follow.id, "已\x00改", by="王\x1b")
    plan = world.plans.build(date(2026, 11, 30))
    world.plans.add_stop(plan.id, world.customers.by_code("X001").id, "临时\x1b加")
    visit = world.visits.start(cid, at=datetime(2026, 11, 30, 8, 0))
    world.visits.save_answer(visit.id, "requests", "要\x1b货\r\n两条")
    world.close()
    assert unsafe_texts(db_path) == []


def test_text_reads_back_clean_on_every_backend(world: Journal) -> None:
    """The same door on SQLite and on the department server (PostgreSQL): before, only NUL
    was dropped (PostgreSQL refuses it), ESC and the rest were stored."""
    cid = world.customers.by_code("M001").id
    slip = world.slips.create(SlipInput("other", DIRTY, cid), at=datetime(2026, 11, 24, 10, 0))
    world.weeks.save(W48, narrative={"work_done": DIRTY})
    follow = world.followups.create(cid, DIRTY)
    assert world.slips.get(slip.id).description == CLEAN
    assert world.weeks.get(W48).narrative["work_done"] == CLEAN
    assert world.followups.get(follow.id).text == CLEAN
