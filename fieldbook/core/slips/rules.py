"""The slip configuration (``schema/reference/slips.toml``): categories with their
departments, due days and required fields; the departments, in order; the delivery states'
names. ``department_code`` reads a department from its code or its name."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from fieldbook.core.errors import InvalidValue
from fieldbook.core.resources import load_reference
from fieldbook.core.text import clean_prose


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
    source: str = ""  # the regulation's line the default departments follow


@dataclass(frozen=True)
class SlipRules:
    departments: dict[str, str]  # code -> name, in order
    categories: dict[str, Category]
    states: dict[str, str]  # code -> name
    default_due_days: int
    #: categories whose suggestions are dismissed only with one of ``fixed_reasons``
    fixed_reason_categories: tuple[str, ...] = ()
    fixed_reasons: tuple[str, ...] = ()

    def dismiss_reasons(self, category: str) -> tuple[str, ...]:
        """The reasons a suggestion of ``category`` may be dismissed with; () means any."""
        return self.fixed_reasons if category in self.fixed_reason_categories else ()


@cache
def slip_rules() -> SlipRules:
    ref = load_reference("slips")
    suggestions = ref.get("suggestions", {})
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
                source=str(c.get("source", "")),
            )
            for c in ref["categories"]
        },
        states={s["code"]: s["name"] for s in ref["states"]},
        default_due_days=int(ref["default_due_days"]),
        fixed_reason_categories=tuple(suggestions.get("fixed_reason_categories", ())),
        fixed_reasons=tuple(suggestions.get("fixed_reasons", ())),
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


def slip_departments(
    category: Category, chosen: tuple[str, ...] | None, reasons: dict[str, str]
) -> tuple[tuple[str, ...], dict[str, str]]:
    """The departments a slip of ``category`` goes to (``chosen``; None: the defaults) and the
    default departments left off with their reasons. Leaving one off needs a reason of 2–200
    characters (``reasons``: department code → reason); InvalidValue names the department."""
    departments = tuple(dict.fromkeys(category.departments if chosen is None else chosen))
    if not departments:  # an empty choice is no department, not the defaults
        raise InvalidValue("required", field="departments")
    known = slip_rules().departments
    unknown = [d for d in departments if d not in known]
    if unknown:
        raise InvalidValue("unknown_department", field="departments", value=",".join(unknown))
    removed: dict[str, str] = {}
    for code in category.departments:
        if code in departments:
            continue
        reason = " ".join(clean_prose(reasons.get(code) or "").split())  # no control characters
        if not 2 <= len(reason) <= 200:
            raise InvalidValue(
                "department_removal_reason", field="departments", department=known[code]
            )
        removed[code] = reason
    return departments, removed
