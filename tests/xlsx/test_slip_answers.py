"""A department's answers come back: export the register, fill it in with openpyxl as a person
would, import it. States move in order with who and when; nothing is overwritten silently
(conflicts are reported and nothing is applied); dry runs change nothing; problems are reported
by row and column; hostile files are refused."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from fieldbook.core.errors import FileRejected
from fieldbook.core.journal import Journal
from fieldbook.core.reports.slip_register import export_register
from fieldbook.core.slips.answer_cells import parse_when
from fieldbook.core.slips.answers import AnswersReport, import_slip_answers
from fieldbook.core.slips.service import SlipInput, SlipView
from fieldbook.core.store import audit
from fieldbook.messages import describe_problem

NOW = datetime(2026, 12, 10, 12, 0)
REASON = "原因（退回/跳步/倒退）"


def t(text: str) -> datetime:
    return datetime.fromisoformat(text)


def cid(world: Journal, code: str) -> str:
    return world.customers.by_code(code).id


@pytest.fixture
def sent(world: Journal) -> dict[str, SlipView]:
    """A 不订货 slip (电访部, 市场部) and a 关业 slip (配送中心, 电访部, 市场部), both sent on
    11-30; a 违纪 slip not sent yet."""
    no_order = world.slips.create(
        SlipInput("no_order", "连续三周未订货，资金紧张", cid(world, "M001"), sub_reason="资金"),
        at=t("2026-11-30 15:10"),
    )
    closed = world.slips.create(
        SlipInput(
            "closed",
            "店铺已转让，12月1日起关业",
            cid(world, "M002"),
            sub_reason="转让",
            effective_date=date(2026, 12, 1),
            departments=("distribution", "phone", "market"),
            removed_reasons={"monopoly": "店主已自行到专卖办注销许可证"},
        ),
        at=t("2026-11-30 15:20"),
    )
    draft = world.slips.create(
        SlipInput(
            "violation",
            "未悬挂许可证",
            cid(world, "M003"),
            sub_reason="未悬证",
            departments=("monopoly", "market"),
            removed_reasons={"distribution": "只涉及悬证", "phone": "只涉及悬证"},
        ),
        at=t("2026-11-30 15:30"),
    )
    for slip in (no_order, closed):
        world.slips.send(slip.id, actor="王建国", at=t("2026-11-30 15:40"))
    return {
        "no_order": world.slips.get(no_order.id),
        "closed": world.slips.get(closed.id),
        "draft": world.slips.get(draft.id),
    }


def export(world: Journal, path: Path) -> Path:
    return export_register(world, path, start=date(2026, 11, 1), end=date(2026, 12, 31))


def fill(path: Path, edits: dict[tuple[str, str], dict[str, Any]]) -> dict[tuple[str, str], int]:
    """Edit the register like a person: find the row by 反馈单号 and 部门, type into cells by
    header. Returns the sheet row of each (number, department)."""
    wb = openpyxl.load_workbook(path)
    ws = wb["登记表"]
    columns = {cell.value: cell.column for cell in ws[2]}
    rows = {
        (ws.cell(r, columns["反馈单号"]).value, ws.cell(r, columns["部门"]).value): r
        for r in range(3, ws.max_row + 1)
    }
    for key, values in edits.items():
        for label, value in values.items():
            ws.cell(rows[key], columns[label]).value = value
    wb.save(path)
    return rows


def delivery(world: Journal, number: str, department: str):  # type: ignore[no-untyped-def]
    return next(d for d in world.slips.by_number(number).deliveries if d.department == department)


def lines(report: AnswersReport) -> list[str]:
    return [describe_problem(p, "zh_CN") for p in report.problems]


def test_round_trip_applies_the_moves_in_order(
    world: Journal, sent: dict[str, SlipView], tmp_path: Path
) -> None:
    path = export(world, tmp_path / "登记表.xlsx")
    no_order, closed = sent["no_order"].number, sent["closed"].number
    rows = fill(
        path,
        {
            (no_order, "电访部"): {
                "状态": "已落实",
                "处理人": "电访员 孙丽",
                "处理时间": datetime(2026, 12, 1, 9, 30),
                "答复": "已电话回访，客户表示下周恢复订货",
            },
            (no_order, "市场部"): {
                "状态": "已接收",
                "处理人": "市场部 李明",
                "处理时间": "2026/12/1 8:05",
            },
            (closed, "配送中心"): {
                "状态": "已落实",
                "处理人": "配送中心 刘强",
                "处理时间": "2026-12-02 10:00",
                "答复": "已停止配送",
            },
            (closed, "电访部"): {
                "状态": "已落实",
                "处理人": "电访员 孙丽",
                "处理时间": "2026年12月2日 11:00",
                "答复": "已停止电访",
            },
            (closed, "市场部"): {
                "状态": "已落实",
                "处理人": "市场部 李明",
                "处理时间": datetime(2026, 12, 3, 9, 0),
                "答复": "已登记关业",
            },
        },
    )
    report = import_slip_answers(world, path, now=NOW)
    assert report.problems == [] and report.applied
    assert report.header_row == 2 and report.sheet == "登记表"
    assert len(report.plans) == 5 and report.moves == 3 + 1 + 3 * 3
    assert sorted(report.unchanged) == [
        f"{sent['draft'].number} 专卖办",
        f"{sent['draft'].number} 市场部",
    ]

    phone = delivery(world, no_order, "phone")
    assert phone.state == "done" and phone.answer == "已电话回访，客户表示下周恢复订货"
    assert phone.handled_by == "电访员 孙丽"
    moves = [(e.from_state, e.to_state, e.actor, e.at, e.reason) for e in phone.events]
    assert moves == [
        ("pending", "sent", "王建国", t("2026-11-30 15:40"), ""),
        ("sent", "received", "电访员 孙丽", t("2026-12-01 09:30"), ""),
        ("received", "handled", "电访员 孙丽", t("2026-12-01 09:30"), ""),
        ("handled", "done", "电访员 孙丽", t("2026-12-01 09:30"), ""),
    ]
    row = rows[(no_order, "电访部")]
    assert phone.events[-1].note == f"由登记表导入（登记表.xlsx 第 {row} 行）"
    market = delivery(world, no_order, "market")
    assert (market.state, market.updated_at, market.answer) == (
        "received",
        t("2026-12-01 08:05"),
        "",
    )
    assert world.slips.by_number(no_order).status == "in_progress"

    # every department 落实 the 关业 slip: the customer is closed, with the audit entry
    done = world.slips.by_number(closed)
    assert done.status == "done" and done.completed_at == t("2026-12-03 09:00")
    assert world.customers.by_code("M002").status == "closed"
    (entry,) = [
        e for e in audit.history(world, "customer", cid(world, "M002")) if e.field == "status"
    ]
    assert entry.reason == f"反馈单 {closed} 已办结"

    # importing the same file again changes nothing: every row is where the database is
    again = import_slip_answers(world, path, now=NOW)
    assert again.problems == [] and not again.applied and again.plans == []
    assert len(delivery(world, no_order, "phone").events) == 4


def test_the_database_moved_since_the_export_is_a_conflict(
    world: Journal, sent: dict[str, SlipView], tmp_path: Path
) -> None:
    path = export(world, tmp_path / "r.xlsx")
    number = sent["no_order"].number
    phone = delivery(world, number, "phone")
    for state in ("received", "handled", "done"):  # 电访部 answered by phone meanwhile
        world.slips.advance(phone.id, state, actor="电访员 周敏", at=t("2026-12-01 10:00"))
    rows = fill(
        path,
        {
            (number, "电访部"): {
                "状态": "已接收",
                "处理人": "电访员 孙丽",
                "处理时间": "2026-12-01 09:00",
            },
            (number, "市场部"): {
                "状态": "已落实",
                "处理人": "市场部 李明",
                "答复": "已纳入重点跟踪",
            },
        },
    )
    report = import_slip_answers(world, path, now=NOW)
    assert not report.applied
    row = rows[(number, "电访部")]
    assert lines(report) == [
        f"第 {row} 行，状态：冲突：数据库中已是已落实（导出后已有变动），未覆盖（“已接收”）"
    ]
    assert [p.row for p in report.conflicts] == [row]
    assert delivery(world, number, "market").state == "sent"  # the clean row waited too
    assert len(delivery(world, number, "phone").events) == 4

    # --skip-invalid: the clean row goes in, the conflicting one is left as the database has it
    report = import_slip_answers(world, path, now=NOW, skip_invalid=True)
    assert report.applied and report.rejected_rows == [row]
    assert delivery(world, number, "market").state == "done"
    assert delivery(world, number, "phone").state == "done"

    # a row the department did not touch follows the database without a word
    path = export(world, tmp_path / "r2.xlsx")
    fill(path, {})
    market = delivery(world, number, "market")
    world.slips.advance(
        market.id, "handled", actor="市场部", reason="复核", at=t("2026-12-05 09:00")
    )
    assert import_slip_answers(world, path, now=NOW).problems == []


def test_a_different_answer_is_never_overwritten(
    world: Journal, sent: dict[str, SlipView], tmp_path: Path
) -> None:
    number = sent["no_order"].number
    phone = delivery(world, number, "phone")
    world.slips.advance(phone.id, "received", actor="电访员 孙丽", at=t("2026-12-01 09:00"))
    world.slips.advance(
        phone.id, "handled", actor="电访员 孙丽", at=t("2026-12-01 09:10"), answer="客户资金紧张"
    )
    path = export(world, tmp_path / "r.xlsx")
    rows = fill(
        path,
        {
            (number, "电访部"): {
                "状态": "已落实",
                "处理人": "电访员 孙丽",
                "答复": "客户下周恢复订货",
            },
            (number, "市场部"): {"状态": "已接收", "处理人": "市场部 李明"},
        },
    )
    report = import_slip_answers(world, path, now=NOW)
    row = rows[(number, "电访部")]
    assert lines(report) == [
        f"第 {row} 行，答复：冲突：与数据库中已有的答复（“客户资金紧张”）不同，未覆盖"
        "（“客户下周恢复订货”）"
    ]
    assert not report.applied and delivery(world, number, "phone").answer == "客户资金紧张"
    assert delivery(world, number, "market").state == "sent"

    # the same answer written differently (full-width comma, spaces) is not a conflict
    fill(path, {(number, "电访部"): {"答复": " 客户资金紧张 "}})
    report = import_slip_answers(world, path, now=NOW)
    assert report.problems == [] and report.applied
    assert delivery(world, number, "phone").state == "done"


def test_dry_run_applies_nothing(world: Journal, sent: dict[str, SlipView], tmp_path: Path) -> None:
    path = export(world, tmp_path / "r.xlsx")
    number = sent["no_order"].number
    fill(path, {(number, "电访部"): {"状态": "已处理", "处理人": "电访员 孙丽"}})
    report = import_slip_answers(world, path, dry_run=True, now=NOW)
    assert report.dry_run and not report.applied and report.problems == []
    assert report.moves == 2 and report.updated == [f"{number} 电访部"]
    assert delivery(world, number, "phone").state == "sent"


def test_skips_returns_and_steps_back_need_a_reason(
    world: Journal, sent: dict[str, SlipView], tmp_path: Path
) -> None:
    no_order, closed, draft = (sent[k].number for k in ("no_order", "closed", "draft"))
    phone = delivery(world, no_order, "phone")
    world.slips.advance(phone.id, "received", actor="电访员 孙丽", at=t("2026-12-01 09:00"))
    world.slips.advance(phone.id, "handled", actor="电访员 孙丽", at=t("2026-12-01 09:10"))
    path = export(world, tmp_path / "r.xlsx")
    rows = fill(
        path,
        {
            (draft, "专卖办"): {"状态": "已接收", "处理人": "专卖办 赵刚"},  # never sent: a skip
            (closed, "配送中心"): {"状态": "退回", "处理人": "配送中心 刘强"},
            (no_order, "电访部"): {"状态": "已接收", "处理人": "电访员 孙丽"},  # back
            (closed, "电访部"): {"状态": "已完成", "处理人": "电访员 孙丽"},
        },
    )
    report = import_slip_answers(world, path, now=NOW)
    assert not report.applied
    got = {(p.row, p.column, p.code) for p in report.problems}
    assert got == {
        (rows[(draft, "专卖办")], REASON, "skip_needs_reason"),
        (rows[(closed, "配送中心")], REASON, "return_needs_reason"),
        (rows[(no_order, "电访部")], REASON, "back_needs_reason"),
        (rows[(closed, "电访部")], "状态", "unknown_slip_state"),
    }
    text = "\n".join(lines(report))
    assert f"第 {rows[(draft, '专卖办')]} 行，{REASON}：跳过了“已发送”这一步" in text
    assert "状态从已处理改回已接收" in text and "未知的状态（可选：已发送、已接收" in text

    fill(
        path,
        {
            (draft, "专卖办"): {REASON: "客户经理电话通知，已现场核查"},
            (closed, "配送中心"): {REASON: "缺少转让协议"},
            (no_order, "电访部"): {REASON: "客户未接电话，重新联系"},
            (closed, "电访部"): {"状态": "已落实", REASON: "当天电话落实"},
        },
    )
    report = import_slip_answers(world, path, now=NOW)
    assert report.problems == [] and report.applied
    # each of these is ONE move that keeps its reason
    for number, dept, move in (
        (draft, "monopoly", ("pending", "received", "客户经理电话通知，已现场核查")),
        (closed, "distribution", ("sent", "returned", "缺少转让协议")),
        (no_order, "phone", ("handled", "received", "客户未接电话，重新联系")),
        (closed, "phone", ("sent", "done", "当天电话落实")),
    ):
        last = delivery(world, number, dept).events[-1]
        assert (last.from_state, last.to_state, last.reason) == move
        assert last.at == NOW  # no 处理时间: the time of the import


def test_rows_that_match_nothing_and_bad_cells(
    world: Journal, sent: dict[str, SlipView], tmp_path: Path
) -> None:
    path = export(world, tmp_path / "r.xlsx")
    number = sent["no_order"].number
    rows = fill(
        path,
        {
            (number, "电访部"): {"状态": "已接收", "处理时间": "明天上午"},  # no 处理人 either
            (number, "市场部"): {
                "状态": "已接收",
                "处理人": "李明",
                "处理时间": "2026-11-29 10:00",
            },
        },
    )
    wb = openpyxl.load_workbook(path)
    ws = wb["登记表"]
    last = ws.max_row
    ws.append(["FK-20990101-QTH001-001", None, None, None, None, None, None, "市场部", "已接收"])
    ws.append([number, None, None, None, None, None, None, "人事部", "已接收"])
    ws.append([number, None, None, None, None, None, None, "专卖办", "已接收"])
    ws.append([number, None, None, None, None, None, None, "电访部", "已发送"])
    ws.append(
        [number, None, None, None, None, None, None, "电访部", "已处理", "x", datetime(2099, 1, 1)]
    )
    wb.save(path)
    report = import_slip_answers(world, path, now=NOW)
    phone, market = rows[(number, "电访部")], rows[(number, "市场部")]
    assert {(p.row, p.column, p.code) for p in report.problems} == {
        (phone, "处理时间", "datetime_format"),
        (market, "处理时间", "time_before_last_move"),
        (last + 1, "反馈单号", "unknown_slip"),
        (last + 2, "部门", "unknown_slip_department"),
        (last + 3, "部门", "slip_not_sent_to"),
        (last + 4, "部门", "duplicate_in_file"),
        (last + 5, "部门", "duplicate_in_file"),
    }
    assert not report.applied
    assert f"第 {last + 1} 行，反馈单号：没有这个反馈单号（“FK-20990101-QTH001-001”）" in lines(
        report
    )

    wb = openpyxl.load_workbook(path)
    wb["登记表"].delete_rows(last + 1, 5)
    wb.save(path)
    fill(path, {(number, "电访部"): {"处理时间": None}})
    report = import_slip_answers(world, path, now=NOW)
    assert {(p.row, p.column, p.code) for p in report.problems} == {
        (phone, "处理人", "required"),
        (market, "处理时间", "time_before_last_move"),
    }


def test_a_missing_column_is_fatal(
    world: Journal, sent: dict[str, SlipView], tmp_path: Path
) -> None:
    path = export(world, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["登记表"].delete_cols(9)  # 状态
    wb.save(path)
    report = import_slip_answers(world, path, now=NOW, skip_invalid=True)
    assert report.fatal and not report.applied
    assert lines(report) == ["第 2 行，状态：缺少必需的列"]


def test_hostile_files_are_refused(
    world: Journal, sent: dict[str, SlipView], tmp_path: Path, kit: Any
) -> None:
    path = export(world, tmp_path / "r.xlsx")
    laughs = kit.rewrite_zip(
        path, tmp_path / "laughs.xlsx", {"xl/sharedStrings.xml": kit.BILLION_LAUGHS.encode()}
    )
    with pytest.raises(FileRejected) as info:
        import_slip_answers(world, laughs, now=NOW)
    assert info.value.reason == "dtd"
    garbage = tmp_path / "garbage.xlsx"
    garbage.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(FileRejected):
        import_slip_answers(world, garbage, now=NOW)
    assert all(d.state == "sent" for d in world.slips.get(sent["no_order"].id).deliveries)


def test_csv_answers_are_read_too(
    world: Journal, sent: dict[str, SlipView], tmp_path: Path
) -> None:
    number = sent["no_order"].number
    path = tmp_path / "answers.csv"
    path.write_text(
        "反馈单号,部门,状态,处理人,处理时间,答复\n"
        f"{number},电访部,已处理,电访员 孙丽,2026-12-01 09:00,客户下周订货\n",
        encoding="utf-8",
    )
    report = import_slip_answers(world, path, now=NOW)
    assert report.problems == [] and report.applied
    phone = delivery(world, number, "phone")
    assert (phone.state, phone.answer, phone.updated_at) == (
        "handled",
        "客户下周订货",
        t("2026-12-01 09:00"),
    )


@pytest.mark.parametrize(
    ("value", "expected", "has_time"),
    [
        (datetime(2026, 12, 1, 9, 30), datetime(2026, 12, 1, 9, 30), True),
        (date(2026, 12, 1), datetime(2026, 12, 1), False),
        ("2026-12-01 09:30", datetime(2026, 12, 1, 9, 30), True),
        ("2026/12/1 9:30:15", datetime(2026, 12, 1, 9, 30, 15), True),
        ("2026年12月1日 9时30分", datetime(2026, 12, 1, 9, 30), True),
        ("2026.12.1", datetime(2026, 12, 1), False),
        (46357.5, datetime(2026, 12, 1, 12, 0), True),
    ],
)
def test_parse_when(value: object, expected: datetime, has_time: bool) -> None:
    when = parse_when(value)
    assert when is not None and (when.at, when.has_time) == (expected, has_time)
    assert parse_when(None) is None and parse_when("") is None


def test_without_the_exported_state_a_step_back_is_a_conflict(
    world: Journal, sent: dict[str, SlipView], tmp_path: Path
) -> None:
    """A register whose 导出时状态 column was deleted: a row behind the database is read as
    a stale copy (conflict), not as a wish to go back."""
    number = sent["no_order"].number
    phone = delivery(world, number, "phone")
    path = export(world, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["登记表"].delete_cols(16)  # 导出时状态
    wb.save(path)
    world.slips.advance(phone.id, "received", actor="电访员 孙丽", at=t("2026-12-01 09:00"))
    report = import_slip_answers(world, path, now=NOW)
    assert [(p.column, p.code, p.params) for p in report.problems] == [
        ("状态", "conflict_state", {"state": "已接收"})
    ]
    assert delivery(world, number, "phone").state == "received"
