"""The names of a feedback slip's vocabulary — categories, departments, delivery states — from
the configuration (``schema/reference/slips.toml``), in one place for every screen and export
(a department from its name: ``slips.rules.department_code``).

A code the configuration does not know is shown as itself (an old database may hold one)."""

from __future__ import annotations

from fieldbook.core.slips.rules import slip_rules


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
