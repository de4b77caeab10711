"""Find the header row of a :class:`Table` and map its columns to field names.

Real rosters put title rows ("七台河市烟草公司 客户名单 2026年11月"), blank rows and notes
above the header, write headers in many ways ("许可证号", "专卖许可证编号*",
"许可证号（12位）") and in any order. :func:`find_header` picks the row that matches the
most fields; :func:`apply_mapping` lets the user correct the result in the import dialog.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace

from fieldbook.core.errors import FileRejected
from fieldbook.core.text import clean_text
from fieldbook.core.xlsx.table import Table

__all__ = ["HeaderMatch", "apply_mapping", "find_header", "normalize_header"]

_BRACKETS = str.maketrans({"（": "(", "）": ")", "[": "(", "]": ")", "【": "(", "】": ")"})
_BRACKETS.update(str.maketrans({"〔": "(", "〕": ")", "｛": "(", "｝": ")", "{": "(", "}": ")"}))
_EMPTY_BRACKETS_RE = re.compile(r"\(\)")


@dataclass(frozen=True)
class HeaderMatch:
    row_index: int  # index into Table.rows
    row_number: int  # sheet row number of the header
    columns: dict[str, int]  # field name -> column index
    labels: dict[str, str]  # field name -> header text as written in the file
    unknown: list[str]  # header texts that matched no field
    missing_required: list[str]  # required field names not found
    # Not in the original sketch, needed by apply_mapping: every header text by column index,
    # and the required fields the match was made for.
    headers: tuple[str, ...] = ()
    required: tuple[str, ...] = field(default=())
    # A field whose header is written twice (two 客户编码 columns): every column with that
    # header, the matched one first. Reported, never resolved by picking one.
    duplicates: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # A field with other columns that are also exactly one of its names (客户名称 and 店名):
    # those other columns; the matched one is used and the others are named in a warning.
    alternatives: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # Fields whose column the user chose (apply_mapping): a doubled header of one of those is
    # settled by that choice, and only mentioned.
    chosen: frozenset[str] = frozenset()


def normalize_header(text: object) -> str:
    """Canonical form of a header text for matching.

    clean_text, lower case, no spaces, brackets unified to ASCII "()" (content kept), "*"
    required-markers and a trailing ":"/"：" dropped.
    """
    result = clean_text(text).lower().translate(_BRACKETS)
    result = result.replace(" ", "").replace("*", "")
    result = _EMPTY_BRACKETS_RE.sub("", result)  # "许可证号(*)" -> "许可证号"
    return result.rstrip(":")


@dataclass(frozen=True)
class _RowMatch:
    columns: dict[str, int]
    unknown: list[str]
    duplicates: dict[str, tuple[int, ...]] = field(default_factory=dict)
    alternatives: dict[str, tuple[int, ...]] = field(default_factory=dict)


def _alias_owners(aliases: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Normalised alias → field name (an alias given for two fields belongs to the first)."""
    owners: dict[str, str] = {}
    for name, texts in aliases.items():
        for alias in texts:
            key = normalize_header(alias)
            if key:
                owners.setdefault(key, name)
    return owners


def _match_row(headers: Sequence[str], alias_owner: Mapping[str, str]) -> _RowMatch:
    """Assign columns to fields: exact matches first, then "header contains alias"."""
    normalized = [normalize_header(text) for text in headers]
    rank = {name: i for i, name in enumerate(dict.fromkeys(alias_owner.values()))}
    columns: dict[str, int] = {}
    taken: set[int] = set()
    repeated: set[int] = set()  # a column for a field that already has one
    for index, key in enumerate(normalized):
        owner = alias_owner.get(key)
        if owner is None:
            continue
        if owner in columns:
            repeated.add(index)  # the field already has an (earlier) column
        else:
            columns[owner] = index
            taken.add(index)

    # Containment: longest alias first, then leftmost column, then field order; each column
    # and each field used at most once.
    candidates: list[tuple[int, int, int, str]] = []
    for index, key in enumerate(normalized):
        if not key or index in taken or index in repeated:
            continue
        for alias, owner in alias_owner.items():
            if alias in key:
                candidates.append((-len(alias), index, rank[owner], owner))
    for _length, index, _rank, owner in sorted(candidates):
        if owner in columns:
            if index not in taken:
                repeated.add(index)
            continue
        if index in taken:
            continue
        columns[owner] = index
        taken.add(index)
        repeated.discard(index)

    unknown = [
        headers[index] for index in range(len(headers)) if normalized[index] and index not in taken
    ]
    duplicates: dict[str, tuple[int, ...]] = {}
    alternatives: dict[str, tuple[int, ...]] = {}
    for owner, index in columns.items():
        key = normalized[index]
        same = [i for i, k in enumerate(normalized) if i != index and k == key]
        if same:
            duplicates[owner] = (index, *same)
        other = [
            i
            for i, k in enumerate(normalized)
            if i != index and k != key and alias_owner.get(k) == owner
        ]
        if other:
            alternatives[owner] = tuple(other)
    return _RowMatch(columns, unknown, duplicates, alternatives)


def _header_texts(cells: Sequence[object]) -> tuple[str, ...]:
    """Header texts as written (line breaks and runs of spaces folded, nothing converted)."""
    return tuple(" ".join(c.split()) if isinstance(c, str) else clean_text(c) for c in cells)


def _ordered_required(
    aliases: Mapping[str, Sequence[str]], required: Collection[str]
) -> tuple[str, ...]:
    """Required fields in the order of ``aliases`` (then any unknown ones, sorted)."""
    wanted = set(required)
    known = [name for name in aliases if name in wanted]
    return (*known, *sorted(wanted - set(known)))


def find_header(
    table: Table,
    aliases: Mapping[str, Sequence[str]],
    required: Collection[str] = (),
    scan_rows: int = 30,
) -> HeaderMatch:
    """Find the header row among the first ``scan_rows`` rows of ``table``.

    The row matching the most fields wins (ties: the earliest); it must match at least two
    fields, or every required field. Raises ``FileRejected("no_header")`` otherwise.
    """
    required_fields = _ordered_required(aliases, required)
    owners = _alias_owners(aliases)
    best: tuple[int, _RowMatch, tuple[str, ...]] | None = None
    for index, row in enumerate(table.rows[:scan_rows]):
        headers = _header_texts(row.cells)
        match = _match_row(headers, owners)
        if best is None or len(match.columns) > len(best[1].columns):
            best = (index, match, headers)

    minimum = min(2, len(aliases))
    if best is not None:
        index, match, headers = best
        has_required = bool(required_fields) and all(f in match.columns for f in required_fields)
        if match.columns and (len(match.columns) >= minimum or has_required):
            return HeaderMatch(
                row_index=index,
                row_number=table.rows[index].number,
                columns=dict(match.columns),
                labels={name: headers[col] for name, col in match.columns.items()},
                unknown=match.unknown,
                missing_required=[f for f in required_fields if f not in match.columns],
                headers=headers,
                required=required_fields,
                duplicates=dict(match.duplicates),
                alternatives=dict(match.alternatives),
            )
    expected_fields = required_fields or tuple(aliases)
    raise FileRejected(
        "no_header",
        file=table.source,
        sheet=table.sheet,
        expected=[aliases[f][0] if aliases.get(f) else f for f in expected_fields],
    )


def apply_mapping(match: HeaderMatch, overrides: Mapping[str, int | None]) -> HeaderMatch:
    """Return ``match`` with the user's corrections: field → column index, None = unmapped.

    A column taken by an override is removed from any other field that had it.
    Raises ValueError for a negative index or two overrides naming the same column.
    """
    chosen = [col for col in overrides.values() if col is not None]
    if any(col < 0 for col in chosen):
        raise ValueError("column index must be >= 0")
    if len(chosen) != len(set(chosen)):
        raise ValueError("two fields mapped to the same column")

    columns = {
        name: col
        for name, col in match.columns.items()
        if name not in overrides and col not in chosen
    }
    columns.update({name: col for name, col in overrides.items() if col is not None})

    def label(col: int) -> str:
        return match.headers[col] if col < len(match.headers) else ""

    taken = set(columns.values())
    return replace(
        match,
        columns=columns,
        labels={name: label(col) for name, col in columns.items()},
        unknown=[text for col, text in enumerate(match.headers) if text and col not in taken],
        missing_required=[f for f in match.required if f not in columns],
        duplicates={k: v for k, v in match.duplicates.items() if k in columns},
        alternatives={
            k: v for k, v in match.alternatives.items() if k in columns and k not in overrides
        },
        chosen=frozenset(name for name, col in overrides.items() if col is not None),
    )
