"""The names of a feedback slip's vocabulary — categories, departments, delivery states — from
the configuration (``schema/reference/slips.toml``), in one place for every screen and export
(a department from its name: ``slips.rules.department_code``).

A code the configuration does not know is shown as itself (an old database may hold one)."""

from __future__ import annotations

from fieldbook.core.display_names import display_name
from fieldbook.core.slips.deliveries import STATUS_NAMES
from fieldbook.core.slips.rules import slip_rules


def category_name(code: str, lang: str = "zh_CN") -> str:
    """``closed`` → ``关业`` (``Closed down`` in English)."""
    category = slip_rules().categories.get(code)
    return display_name("slips.categories", code, lang, category.name if category else code)


def department_name(code: str, lang: str = "zh_CN") -> str:
    """``market`` → ``市场部``."""
    return display_name("slips.departments", code, lang, slip_rules().departments.get(code, code))


def state_name(code: str, lang: str = "zh_CN") -> str:
    """A delivery's state: ``handled`` → ``已处理``."""
    return display_name("slips.states", code, lang, slip_rules().states.get(code, code))


def status_name(code: str, lang: str = "zh_CN") -> str:
    """A slip's status as a whole: ``in_progress`` → ``处理中``."""
    return display_name("slips.statuses", code, lang, STATUS_NAMES.get(code, code))


def sub_reason_name(text: str, lang: str = "zh_CN") -> str:
    """A sub-reason as shown (the stored value is the configuration's Chinese text)."""
    return display_name("slips.sub_reasons", text, lang)


def department_order(code: str) -> int:
    """A department's place in the configuration's order (unknown codes last)."""
    order = list(slip_rules().departments)
    return order.index(code) if code in order else len(order)


def dismiss_reason_name(text: str, lang: str = "zh_CN") -> str:
    """A fixed dismissal reason as shown (stored as the configuration's Chinese text)."""
    return display_name("slips.dismiss_reasons", text, lang)
