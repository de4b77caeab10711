"""How feedback slips (客户信息反馈单) and follow-ups (跟踪事项) are worded on screen: names from
the configuration (``schema/reference/slips.toml``, in English from ``slips.en.toml`` when the
interface is English: decision 0016), the legal moves of a department's delivery and the
colours of the state chips."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication

from fieldbook.core import workdays
from fieldbook.core.routine.checklist_names import visit_names
from fieldbook.core.routine.followups import SOURCES
from fieldbook.core.slips import vocabulary
from fieldbook.core.slips.deliveries import FLOW, RETURNED, STATUS_NAMES
from fieldbook.qt.formatting import short_date
from fieldbook.qt.i18n import ui_language

__all__ = [
    "OVERDUE_BG",
    "OVERDUE_FG",
    "STATE_COLORS",
    "STATUS_COLORS",
    "Move",
    "can_return",
    "category_name",
    "department_name",
    "department_short",
    "dismiss_reason_name",
    "due_text",
    "follow_up_text",
    "followup_text",
    "move_label",
    "move_prompt",
    "next_move",
    "other_moves",
    "source_name",
    "source_names",
    "state_colors",
    "state_name",
    "status_colors",
    "status_name",
    "status_names",
    "step_label",
    "sub_reason_name",
]

translate = QCoreApplication.translate


def _t(text: str) -> str:
    return translate("SlipFormat", text)


def category_name(code: str) -> str:
    """A slip's category in the interface language (``关业``, ``Closed down``)."""
    return vocabulary.category_name(code, ui_language())


def department_name(code: str) -> str:
    return vocabulary.department_name(code, ui_language())


def state_name(code: str) -> str:
    """A delivery's state in the interface language."""
    return vocabulary.state_name(code, ui_language())


def dismiss_reason_name(text: str) -> str:
    """A fixed dismissal reason as shown (the suggestion stores the configuration's text)."""
    return vocabulary.dismiss_reason_name(text, ui_language())


def sub_reason_name(text: str) -> str:
    """A sub-reason as shown (the slip stores the configuration's Chinese text)."""
    return vocabulary.sub_reason_name(text, ui_language())


def follow_up_text(text: str) -> str:
    """A follow-up as shown: one the checklist's rules open in the interface language, one
    someone wrote as written (the stored text never changes)."""
    return visit_names(ui_language()).follow_up(text)


def department_short(code: str) -> str:
    """``市场``, ``专卖``, ``配送``, ``电访``: for the chips in the list (English names are
    short already)."""
    name = department_name(code)
    if ui_language() != "zh_CN":
        return name
    for suffix in ("中心", "部", "办", "室"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def status_names() -> dict[str, str]:
    """A slip's status in words, in the interface language."""
    return {code: vocabulary.status_name(code, ui_language()) for code in STATUS_NAMES}


def status_name(code: str) -> str:
    return status_names().get(code, code)


def source_names() -> dict[str, str]:
    """Where a follow-up came from, in words (the core's names, translated)."""
    return {code: _t(name) for code, name in SOURCES.items()}


def source_name(code: str) -> str:
    return source_names().get(code, code)


#: Chip colours (background, text) of a delivery's state and of a slip's status.
STATE_COLORS: dict[str, tuple[str, str]] = {
    "pending": ("#eceff3", "#4a5260"),
    "sent": ("#e3eefc", "#1f5fae"),
    "received": ("#e2f3f4", "#17666b"),
    "handled": ("#fff1d6", "#7a5200"),
    "done": ("#e3f4e6", "#1e6b30"),
    "returned": ("#fde3e3", "#a4262c"),
}
STATUS_COLORS: dict[str, tuple[str, str]] = {
    "draft": STATE_COLORS["pending"],
    "sent": STATE_COLORS["sent"],
    "in_progress": STATE_COLORS["handled"],
    "done": STATE_COLORS["done"],
    "returned": STATE_COLORS["returned"],
}


def state_colors(state: str) -> tuple[str, str]:
    """A delivery state's chip colours (待发送's for an unknown state)."""
    return STATE_COLORS.get(state, STATE_COLORS["pending"])


def status_colors(status: str) -> tuple[str, str]:
    """A slip status's chip colours (草稿's for an unknown status)."""
    return STATUS_COLORS.get(status, STATUS_COLORS["draft"])


OVERDUE_BG = "#fdecec"
OVERDUE_FG = "#a4262c"


# --- moves of one department's delivery ---------------------------------------------------------
@dataclass(frozen=True)
class Move:
    """A move the detail offers for a delivery in ``current`` state."""

    target: str
    kind: str  # "next", "skip", "back", "return", "resend", "reopen"

    @property
    def needs_reason(self) -> bool:
        return self.kind != "next"


def next_move(current: str) -> Move | None:
    """The one legal step forward that needs nothing (None after 已落实 or 退回)."""
    if current in FLOW and current != FLOW[-1]:
        return Move(FLOW[FLOW.index(current) + 1], "next")
    return None


def other_moves(current: str) -> list[Move]:
    """Every other move ``check_move`` allows — each needs a reason: skipping steps, going
    back, 退回, taking a returned slip up again, reopening a 落实 one. Never back to 待发送."""
    moves: list[Move] = []
    nxt = next_move(current)
    for target in FLOW[1:]:
        if target == current or (nxt is not None and target == nxt.target):
            continue
        if current == "done":
            kind = "reopen"
        elif current == RETURNED:
            kind = "resend"
        elif FLOW.index(target) > FLOW.index(current):
            kind = "skip"
        else:
            kind = "back"
        moves.append(Move(target, kind))
    return moves


def can_return(current: str) -> bool:
    return current not in ("pending", RETURNED)


def step_label(target: str) -> str:
    """The button of the one step forward."""
    labels = {
        "sent": _t("发送"),
        "received": _t("标记已接收"),
        "handled": _t("标记已处理"),
        "done": _t("标记已落实"),
    }
    return labels.get(target, state_name(target))


def move_label(move: Move) -> str:
    """A menu entry for a move that needs a reason."""
    name = state_name(move.target)
    texts = {
        "skip": _t("跳到“{state}”…"),
        "back": _t("改回“{state}”…"),
        "resend": _t("重新办理：改为“{state}”…"),
        "reopen": _t("重新打开：改为“{state}”…"),
        "return": _t("退回…"),
        "next": _t("改为“{state}”"),
    }
    return texts[move.kind].format(state=name)


def move_prompt(department: str, current: str, move: Move) -> str:
    """What the inline bar says: ``市场部：已发送 → 已落实（跳过中间步骤，须写明原因）``."""
    head = f"{department_name(department)}：{state_name(current)} → {state_name(move.target)}"
    notes = {
        "skip": _t("跳过中间步骤，须写明原因"),
        "back": _t("改回前面的状态，须写明原因"),
        "return": _t("退回，须写明原因"),
        "resend": _t("已退回的重新办理，须写明原因"),
        "reopen": _t("重新打开已落实的，须写明原因"),
    }
    note = notes.get(move.kind)
    return f"{head}（{note}）" if note else head


# --- dates ----------------------------------------------------------------------------------------
def due_text(due: date | None, today: date, *, open_: bool = True) -> str:
    """``12月2日``, ``12月2日（今天到期）``, ``11月27日（超期 1 个工作日）``."""
    if due is None:
        return _t("下次走访")
    text = short_date(due)
    if not open_:
        return text
    if due == today:
        return _t("{day}（今天到期）").format(day=text)
    if due < today:
        late = len(workdays.working_days_between(due + timedelta(days=1), today))
        if late > 0:
            return _t("{day}（超期 {n} 个工作日）").format(day=text, n=late)
        return _t("{day}（超期）").format(day=text)
    return text


def followup_text(text: str, seen_again: int, last_seen_at: datetime | None) -> str:
    """A follow-up as its list shows it (:func:`follow_up_text`: in the interface language):
    ``复查陈列整改``, or when later visits found the same again (they attach to it),
    ``复查陈列整改（再次发现 2 次，最近 12月3日）``."""
    text = follow_up_text(text)
    if seen_again <= 0:
        return text
    if last_seen_at is None:
        return _t("{text}（再次发现 {n} 次）").format(text=text, n=seen_again)
    return _t("{text}（再次发现 {n} 次，最近 {day}）").format(
        text=text, n=seen_again, day=short_date(last_seen_at.date())
    )
