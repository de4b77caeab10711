"""Read a department's answers back from the slip register (客户信息反馈单登记表, written by
``fieldbook.core.reports.slip_form``): each row is matched by (反馈单号, 部门); a changed 状态
becomes
the delivery's state moves, in order, with 处理人, 处理时间 and 答复.

Nothing is overwritten silently: a row that contradicts what the database already holds (the
delivery moved on since the export, a different answer is already stored) is a *conflict*,
reported by row and column like any other problem. With any problem the import applies nothing,
unless ``skip_invalid`` applies the clean rows. The apply is one transaction.

Rules for a changed 状态 (the state machine is ``slips.check_move``):

- forward by one step: one move; forward by several: one move per step (已发送 → 已落实 is
  已接收, 已处理, 已落实, all with the row's 处理人 and 处理时间), unless a 原因 is given, which
  makes it ONE move that skips the steps, with the reason kept;
- out of 待发送 (the manager has not sent it yet), 退回, out of 退回, or backwards: ONE move,
  and a 原因 is required;
- when the database moved since the export (导出时状态 differs) the row may only go further
  forward; anything else is a conflict "数据库中已是…".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldbook.core import clock
from fieldbook.core.errors import InvalidValue, Problem
from fieldbook.core.slips.answer_cells import (
    When,
    parse_department,
    parse_state,
    parse_state_lenient,
    parse_when,
    same_text,
)
from fieldbook.core.slips.deliveries import FLOW, RETURNED, advance_in, check_move, settle_in
from fieldbook.core.slips.register import REGISTER_SHEET
from fieldbook.core.slips.rules import slip_rules
from fieldbook.core.slips.service import TOPIC
from fieldbook.core.store.models import Slip, SlipDelivery
from fieldbook.core.store.sessions import Sessions
from fieldbook.core.text import clean_prose, clean_text
from fieldbook.core.xlsx.headers import HeaderMatch
from fieldbook.core.xlsx.importing import (
    Cancelled,
    FieldSpec,
    ImportReport,
    ParsedRow,
    Progress,
    header_aliases,
    parse_rows,
    read_and_match,
    should_apply,
)
from fieldbook.core.xlsx.table import Table
from fieldbook.core.xlsx.tabular import list_sheets

KIND = "slip_answers"
REQUIRED = ("number", "department", "state")
CONFLICTS = frozenset({"conflict_state", "conflict_answer"})
FUTURE_TOLERANCE = timedelta(minutes=10)


@dataclass(frozen=True)
class Move:
    to_state: str
    reason: str = ""


@dataclass(frozen=True)
class RowPlan:
    """What one clean row will do to one delivery."""

    row: int
    delivery_id: str
    slip_id: str
    number: str
    department: str
    from_state: str  # the database's state when planned
    stored_answer: str
    moves: tuple[Move, ...]
    actor: str
    at: datetime
    answer: str | None  # stored with the last move; None: leave the answer as it is


@dataclass
class AnswersReport(ImportReport):
    """What the import found. ``updated``: "反馈单号 部门" of the deliveries that move;
    ``unchanged``: rows that ask for nothing new. Conflicts are problems too (so nothing is
    applied without ``skip_invalid``); ``conflicts`` lists them."""

    plans: list[RowPlan] = field(default_factory=list)

    @property
    def conflicts(self) -> list[Problem]:
        return [p for p in self.problems if p.code in CONFLICTS]

    @property
    def moves(self) -> int:
        return sum(len(p.moves) for p in self.plans)


def _specs() -> dict[str, FieldSpec]:
    specs = [
        FieldSpec("number", clean_text, True, 48),
        FieldSpec("department", parse_department, True),
        FieldSpec("state", parse_state),
        FieldSpec("actor", clean_text, False, 50),
        FieldSpec("at", parse_when),
        FieldSpec("answer", clean_prose, False, 1000),
        FieldSpec("reason", clean_prose, False, 500),
        FieldSpec("exported_state", parse_state_lenient),
    ]
    return {s.name: s for s in specs}


# --- planning -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Delivery:
    id: str
    slip_id: str
    state: str
    answer: str
    updated_at: datetime


def _state_name(code: str) -> str:
    return slip_rules().states.get(code, code)


def _forward(current: str, target: str) -> bool:
    if current == RETURNED or target == RETURNED:
        return False
    return FLOW.index(target) > FLOW.index(current)


class _Planner:
    def __init__(self, report: AnswersReport, now: datetime, source: str) -> None:
        self.report = report
        self.now = now
        self.source = source
        self.cols = report.columns

    def label(self, name: str) -> str:
        return self.cols.get(name) or header_aliases(KIND).get(name, [name])[0]

    def problem(self, row: int, name: str, code: str, value: str = "", **params: Any) -> None:
        self.report.problems.append(Problem(row, self.label(name), code, value, params))

    def _moves(
        self, n: int, current: str, target: str, exported: str | None, reason: str
    ) -> list[Move]:
        """The moves a row asks for (problems reported, [] then)."""
        reason_column = "reason" if "reason" in self.cols else "state"
        backwards = current != RETURNED and target != RETURNED and not _forward(current, target)
        moved_since = exported is not None and exported != current
        if (moved_since and not _forward(current, target)) or (
            exported is None and backwards and not reason
        ):
            # The department did not see the database's newer state: never overwrite it.
            self.problem(
                n, "state", "conflict_state", _state_name(target), state=_state_name(current)
            )
            return []
        if target == "pending":
            self.problem(n, "state", "state_not_allowed", _state_name(target))
            return []
        moves: list[Move]
        if target == RETURNED:
            if current == "pending":
                self.problem(n, "state", "return_not_sent", _state_name(target))
                return []
            moves = [Move(RETURNED, reason)]
            if not reason:
                self.problem(n, reason_column, "return_needs_reason")
                return []
        elif current == RETURNED or backwards:
            moves = [Move(target, reason)]
            if not reason:
                code = "resend_needs_reason" if current == RETURNED else "back_needs_reason"
                names = {"from": _state_name(current), "to": _state_name(target)}
                self.problem(n, reason_column, code, _state_name(target), **names)
                return []
        else:
            steps = FLOW[FLOW.index(current) + 1 : FLOW.index(target) + 1]
            if current == "pending" and not reason:
                # Not sent by the manager yet: a department cannot receive it without saying why.
                self.problem(
                    n,
                    reason_column,
                    "skip_needs_reason",
                    _state_name(target),
                    skipped=_state_name("sent"),
                )
                return []
            if reason and len(steps) > 1:
                moves = [Move(target, reason)]  # ONE move that skips, the reason kept
            else:
                moves = [Move(step) for step in steps]
        state = current
        for move in moves:  # the core's own rule, as the core will apply it
            try:
                check_move(state, move.to_state, move.reason)
            except InvalidValue as exc:
                self.problem(n, "state", exc.detail, _state_name(move.to_state))
                return []
            state = move.to_state
        return moves

    def plan(self, row: ParsedRow, number: str, dept: str, d: _Delivery) -> RowPlan | None:
        v = row.values
        n = row.number
        target: str | None = v.get("state")
        exported: str | None = v.get("exported_state")
        reason: str = v.get("reason", "") or ""
        actor: str = v.get("actor", "") or ""
        answer: str = v.get("answer", "") or ""
        current = d.state
        errors = len(self.report.problems)

        moves: list[Move] = []
        asked = (
            target is not None
            and target != current
            and not (exported is not None and target == exported)
        )
        if target is not None and asked:
            moves = self._moves(n, current, target, exported, reason)
        new_answer: str | None = None
        if answer and not same_text(answer, d.answer):
            if d.answer:
                self.problem(n, "answer", "conflict_answer", answer[:30], stored=d.answer[:40])
            elif not moves and not asked:
                self.problem(n, "answer", "answer_without_move", answer[:30])
            else:
                new_answer = answer

        at = self.now
        when: When | None = v.get("at")
        if moves:
            if not actor:
                self.problem(n, "actor", "required")
            if when is not None and when.at != d.updated_at:  # the exported value: untouched
                at = when.at
                if not when.has_time and at.date() == d.updated_at.date():
                    at = max(at, d.updated_at)
                if at < d.updated_at:
                    self.problem(
                        n,
                        "at",
                        "time_before_last_move",
                        f"{at:%Y-%m-%d %H:%M}",
                        last=f"{d.updated_at:%Y-%m-%d %H:%M}",
                    )
                elif at > self.now + FUTURE_TOLERANCE:
                    self.problem(n, "at", "time_in_future", f"{at:%Y-%m-%d %H:%M}")
        if len(self.report.problems) > errors:
            return None
        if not moves:
            self.report.unchanged.append(f"{number} {slip_rules().departments.get(dept, dept)}")
            return None
        self.report.updated.append(f"{number} {slip_rules().departments.get(dept, dept)}")
        return RowPlan(
            row=n,
            delivery_id=d.id,
            slip_id=d.slip_id,
            number=number,
            department=dept,
            from_state=current,
            stored_answer=d.answer,
            moves=tuple(moves),
            actor=actor,
            at=at,
            answer=new_answer,
        )


def _first_rows(table: Table, match: HeaderMatch) -> dict[tuple[str, str], int]:
    """(反馈单号, 部门) → the first sheet row that names it, bad rows included."""
    number_col, dept_col = match.columns.get("number"), match.columns.get("department")
    first: dict[tuple[str, str], int] = {}
    if number_col is None or dept_col is None:
        return first
    for raw in table.rows[match.row_index + 1 :]:
        cells = raw.cells
        number = clean_text(cells[number_col]) if number_col < len(cells) else ""
        dept = clean_text(cells[dept_col]) if dept_col < len(cells) else ""
        try:
            dept = parse_department(dept)
        except InvalidValue:
            pass
        if number and dept:
            first.setdefault((number, dept), raw.number)
    return first


def _plan_all(
    s: Session,
    rows: list[ParsedRow],
    report: AnswersReport,
    now: datetime,
    first_rows: dict[tuple[str, str], int],
) -> None:
    numbers = sorted({r.values["number"] for r in rows})
    deliveries: dict[tuple[str, str], _Delivery] = {}
    known: set[str] = set()
    for chunk in (numbers[i : i + 500] for i in range(0, len(numbers), 500)):
        for number, stored in s.execute(
            select(Slip.number, SlipDelivery)
            .join(SlipDelivery, SlipDelivery.slip_id == Slip.id)
            .where(Slip.number.in_(chunk))
        ):
            known.add(number)
            deliveries[(number, stored.department)] = _Delivery(
                stored.id, stored.slip_id, stored.state, stored.answer or "", stored.updated_at
            )
    planner = _Planner(report, now, report.source)
    report.plans = []
    for row in rows:
        number, dept = row.values["number"], row.values["department"]
        if number not in known:
            planner.problem(row.number, "number", "unknown_slip", number)
            continue
        d = deliveries.get((number, dept))
        if d is None:
            planner.problem(
                row.number,
                "department",
                "slip_not_sent_to",
                slip_rules().departments.get(dept, dept),
            )
            continue
        first = first_rows.get((number, dept), row.number)
        if first != row.number:
            planner.problem(
                row.number,
                "department",
                "duplicate_in_file",
                f"{number} {slip_rules().departments.get(dept, dept)}",
                first_row=first,
            )
            continue
        plan = planner.plan(row, number, dept, d)
        if plan is not None:
            report.plans.append(plan)
    # A row with a problem applies nothing; a clean row of a conflicting pair stays clean.
    bad = {p.row for p in report.problems}
    report.plans = [p for p in report.plans if p.row not in bad]
    report.problems.sort(key=lambda p: (p.row, p.column))


# --- applying -----------------------------------------------------------------------------------
class _NothingToApply(Exception):
    """Leave the write transaction without writing (and without telling listeners)."""


def _apply(s: Session, plans: list[RowPlan], source: str) -> None:
    """Apply every planned move in ``s`` (the caller's one transaction), in time order."""
    for plan in sorted(plans, key=lambda p: (p.at, p.row)):
        d = s.get(SlipDelivery, plan.delivery_id)
        if d is None or d.state != plan.from_state or (d.answer or "") != plan.stored_answer:
            raise RuntimeError(f"delivery {plan.delivery_id} changed while importing")
        note = f"由登记表导入（{source} 第 {plan.row} 行）"
        last = len(plan.moves) - 1
        for i, move in enumerate(plan.moves):
            advance_in(
                s,
                d,
                move.to_state,
                actor=plan.actor,
                note=note,
                reason=move.reason,
                answer=plan.answer if i == last else None,
                at=plan.at,
                finish=False,
            )
        settle_in(s, d.slip_id, plan.at)
        s.flush()


def import_slip_answers(
    db: Sessions,
    path: Path,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    sheet: str | None = None,
    mapping: Mapping[str, int | None] | None = None,
    now: datetime | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> AnswersReport:
    """Check (and unless ``dry_run`` or invalid, apply) a register a department sent back.
    ``sheet`` defaults to 登记表 when the workbook has one. One transaction; raises
    ``FileRejected`` for a file that cannot be read safely."""
    path = Path(path)
    xlsx = path.suffix.lower() in (".xlsx", ".xlsm")
    if sheet is None and xlsx and REGISTER_SHEET in list_sheets(path):
        sheet = REGISTER_SHEET
    report = AnswersReport(kind=KIND, source=str(path))
    table, match = read_and_match(
        path, KIND, REQUIRED, sheet=sheet, mapping=mapping, cancelled=cancelled
    )
    rows = parse_rows(table, match, _specs(), "", report, progress=progress, cancelled=cancelled)
    first_rows = _first_rows(table, match)
    now = now or clock.now()
    if report.fatal:
        should_apply(report, dry_run=dry_run, skip_invalid=skip_invalid)
        return report
    if dry_run:
        with db.reading() as s:
            _plan_all(s, rows, report, now, first_rows)
        should_apply(report, dry_run=True, skip_invalid=skip_invalid)
        return report
    try:
        # Plan inside the write transaction: nothing can move in between.
        with db.writing(TOPIC, "customers") as s:
            _plan_all(s, rows, report, now, first_rows)
            if not should_apply(report, dry_run=False, skip_invalid=skip_invalid):
                raise _NothingToApply
            if not report.plans:
                raise _NothingToApply
            _apply(s, report.plans, path.name)
        report.applied = True
    except _NothingToApply:
        pass
    return report
