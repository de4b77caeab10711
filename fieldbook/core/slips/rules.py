"""The slip configuration (``schema/reference/slips.toml``): categories with their
departments, due days and required fields; the departments, in order; the delivery states'
names. ``department_code`` reads a department from its code or its name."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from fieldbook.core.errors import InvalidValue
from fieldbook.core.resources import load_reference


@dataclass(frozen=True)
class Category:
    code: str
    name: str
    departments: tuple[str, ...]
    due_days: int
    sub_reasons: tuple[str, ...]
    needs_effective_date: bool = False
    needs_return_date: bool = False
    needs_attachment: bool = False
    needs_skus: bool = False


@dataclass(frozen=True)
class SlipRules:
    departments: dict[str, str]  # code -> name, in order
    categories: dict[str, Category]
    states: dict[str, str]  # code -> name
    default_due_days: int


@cache
def slip_rules() -> SlipRules:
    ref = load_reference("slips")
    return SlipRules(
        departments={d["code"]: d["name"] for d in ref["departments"]},
        categories={
            c["code"]: Category(
                code=c["code"],
                name=c["name"],
                departments=tuple(c["departments"]),
                due_days=int(c.get("due_days", ref["default_due_days"])),
                sub_reasons=tuple(c.get("sub_reasons", ())),
                needs_effective_date=bool(c.get("needs_effective_date", False)),
                needs_return_date=bool(c.get("needs_return_date", False)),
                needs_attachment=bool(c.get("needs_attachment", False)),
                needs_skus=bool(c.get("needs_skus", False)),
            )
            for c in ref["categories"]
        },
        states={s["code"]: s["name"] for s in ref["states"]},
        default_due_days=int(ref["default_due_days"]),
    )


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
