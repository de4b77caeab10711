"""The month's spot-check report (市场部主任抽查记录): a printable form with the counts and the
director's summary, and a table of every sampled visit with what was checked and each
correction's state. Text stays text; the file is atomic and 0600."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldbook.core.errors import InvalidValue
from fieldbook.core.reports.form import figure_rows
from fieldbook.core.reports.official import (
    form_head,
    month_title,
    signature_block,
    standardise,
    write_head,
)
from fieldbook.core.reports.saving import save_book
from fieldbook.core.routine.visit_numbers import numbers_of
from fieldbook.core.server.spotcheck import SpotCheckView, find
from fieldbook.core.slips.rules import slip_rules
from fieldbook.core.xlsx.stream import TableBook, scaled_table
from fieldbook.core.xlsx.writer import (
    SUB_FILL,
    a4_portrait,
    first_sheet,
    label_value_row,
    paragraph_row,
    section_row,
    set_widths,
)

if TYPE_CHECKING:
    from fieldbook.core.journal import Journal

FORM = [12.0, 14.0, 12.0, 14.0, 12.0, 14.0]
ITEMS_SHEET = "抽查明细"
ITEM_HEAD = [
    ("序号", 6.0),
    ("走访编号", 10.0),
    ("走访日期", 11.0),
    ("客户", 22.0),
    ("到店", 7.0),
    ("离店", 7.0),
    ("走访属实", 9.0),
    ("时间核实", 9.0),
    ("内容核实", 9.0),
    ("服务质量", 9.0),
    ("存在问题", 24.0),
    ("整改要求", 24.0),
    ("整改状态", 9.0),
    ("整改情况", 24.0),
    ("整改完成时间", 16.0),
]
CORRECTION = {"none": "无需整改", "open": "整改中", "done": "已改正"}


def _yes(value: bool | None) -> str:
    return "" if value is None else ("是" if value else "否")


def item_rows(check: SpotCheckView, numbers: Mapping[str, str]) -> list[list[Any]]:
    """The 抽查明细 rows (``numbers``: visit id -> 走访编号, ``routine.visit_numbers``)."""
    return [
        [
            i.position,
            numbers.get(i.visit_id, ""),
            i.visit_date,
            i.customer,
            i.arrived_at.time() if i.arrived_at else None,
            i.left_at.time() if i.left_at else None,
            _yes(i.confirmed),
            _yes(i.time_ok),
            _yes(i.content_ok),
            i.service_quality,
            i.problems,
            i.correction,
            CORRECTION.get(i.correction_status, i.correction_status),
            i.correction_note,
            i.corrected_at,
        ]
        for i in check.items
    ]


#: Who signs the spot check (decision 0023).
SIGNERS = ("市场部主任", "客户经理")


def export_spot_check(journal: Journal, manager_code: str, month: str, path: Path) -> Path:
    check = find(journal, manager_code, month)
    if check is None:
        raise InvalidValue("no_spot_check", field="month", value=f"{manager_code} {month}")
    book = TableBook()
    ws = first_sheet(book.wb, "抽查记录")
    set_widths(ws, FORM)
    last = len(FORM)
    head = form_head(journal, "市场部主任抽查记录", month_title(check.month), manager=False)
    top = write_head(ws, 1, head, last)
    label_value_row(
        ws,
        top,
        [
            (1, 1, "客户经理", "label"),
            (2, 3, check.manager, None),
            (4, 4, "抽查月份", "label"),
            (5, 6, check.month, None),
        ],
        FORM,
    )
    label_value_row(
        ws,
        top + 1,
        [
            (1, 1, "抽查人", "label"),
            (2, 3, check.checker, None),
            (4, 4, "抽样", "label"),
            (5, 6, f"{len(check.items)} 次走访（随机种子 {check.seed}）", None),
        ],
        FORM,
    )
    figures: list[tuple[str, Any, str | None]] = [
        ("已核查", check.checked, "0"),
        ("走访不属实", check.not_confirmed, "0"),
        ("整改中", check.corrections_open, "0"),
        ("已改正", check.corrections_done, "0"),
        ("服务质量差", sum(1 for i in check.items if i.service_quality == "差"), "0"),
        ("时间不符", sum(1 for i in check.items if i.time_ok is False), "0"),
        ("忽略的建议反馈单", len(check.dismissed), "0"),
        ("其中违纪", sum(1 for d in check.dismissed if d.category == "violation"), "0"),
    ]
    row = figure_rows(ws, top + 2, figures, per_row=3, widths=FORM)
    row = section_row(ws, row, "抽查小结", last, fill=SUB_FILL, height=22)
    row = paragraph_row(ws, row, check.summary or "（未填写）", FORM)
    row = section_row(ws, row + 1, "需整改事项（直到改正为止）", last, fill=SUB_FILL, height=22)
    open_items = [i for i in check.items if i.correction_status != "none"]
    for i in open_items:
        state = CORRECTION[i.correction_status]
        text = f"{i.position}. {i.visit_date:%m-%d} {i.customer}：{i.correction}（{state}"
        text += f"：{i.correction_note}）" if i.correction_note else "）"
        row = paragraph_row(ws, row, text, FORM)
    if not open_items:
        row = paragraph_row(ws, row, "无", FORM)
    row = section_row(ws, row + 1, "本月忽略的建议反馈单（原因）", last, fill=SUB_FILL, height=22)
    categories = slip_rules().categories
    for d in check.dismissed:
        name = categories[d.category].name if d.category in categories else d.category
        text = f"{d.dismissed_at:%m-%d} {d.customer}［{name}］{d.note}：{d.reason}（{d.by}）"
        text += f"，附件 {d.file_name}" if d.file_name else ""
        row = paragraph_row(ws, row, text, FORM)
    if not check.dismissed:
        row = paragraph_row(ws, row, "无", FORM)
    signature_block(ws, row + 1, SIGNERS, last)
    a4_portrait(ws)
    with journal.reading() as s:
        numbers = numbers_of(s, (i.visit_id for i in check.items))
    scaled_table(
        book,
        book.wb.create_sheet(ITEMS_SHEET),
        ITEM_HEAD,
        item_rows(check, numbers),
        f"抽查明细　{check.manager}　{check.month}",
        {},
        freeze="C2",
    )
    standardise(book.wb, head.unit)
    return save_book(book, path)
