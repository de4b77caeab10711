"""The names of a feedback slip's vocabulary — categories, departments, delivery states — from
the configuration (``schema/reference/slips.toml``), in one place for every screen and export.

A code the configuration does not know is shown as itself (an old database may hold one)."""

from __future__ import annotations

from fieldbook.core.errors import InvalidValue
from fieldbook.core.slips.service import slip_rules


def category_name(code: str) -> str:
    """``closed`` → ``关业``."""
    category = slip_rules().categories.get(code)
    return category.name if category is not None else code


def department_name(code: str) -> str:
    """``market`` → ``市场部``."""
    return slip_rules().departments.get(code, code)


def state_name(code: str) -> str:
    """A delivery's state: ``handled`` → ``已处理``."""
    return slip_rules().states.get(code, code)


def department_order(code: str) -> int:
    """A department's place in the configuration's order (unknown codes last)."""
    order = list(slip_rules().departments)
    return order.index(code) if code in order else len(order)


def department_code(text: str) -> str:
    """A department's code from its code or its name (市场部 or market); InvalidValue else."""
    wanted = str(text or "").strip()
    for code, name in slip_rules().departments.items():
        if wanted.lower() == code or wanted == name:
            return code
    raise InvalidValue(
        "unknown_slip_department",
        value=wanted,
        allowed=list(slip_rules().departments.values()),
    )
