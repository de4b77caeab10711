"""The CREATE statements SQLite stores, normalised for comparison (``schema_check``).

The SQL is normalised token by token the way SQLite's tokenizer reads it (white space, comments
and ASCII case do not count; string literals do; a quoted identifier counts as the bare word
only where the bare word reads the same — ``"NOT"``, ``"INTEGER NOT"``, ``"true"`` do not; a
no-break space is part of a word, as it is to SQLite; an identifier after ``DEFAULT`` is the
text it stores), and a table's constraints are put in a fixed order, so a database written by
an older SQLite or SQLAlchemy (or an Alembic batch rebuild in another run) still matches.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: SQLite's identifier characters: ASCII letters, digits, ``_``, ``$`` and every character beyond
#: ASCII — written as "not one of the other ASCII characters": a class with the range
#: U+0080–U+10FFFF costs ~14 ms to compile at start-up, this one a fraction of a millisecond.
WORD_CHAR = r"[^\x00-\x23\x25-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]"
#: ... and those that may start an identifier (no digit, no ``$``).
WORD_START = r"[^\x00-\x40\x5b-\x5e\x60\x7b-\x7f]"
#: One SQL token as SQLite's tokenizer reads it: a string literal, a quoted identifier, a
#: comment, a word (SQLite's identifier characters: ASCII letters, digits, ``_``, ``$`` and
#: every character beyond ASCII, so a no-break space is part of a word, not a space), any other
#: character. Only SQLite's own white space separates tokens.
_TOKEN = re.compile(
    r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\]"""
    r"""|--[^\n]*|/\*.*?(?:\*/|$)|""" + WORD_CHAR + r"""+|[^ \t\n\f\r]""",
    re.DOTALL,
)
#: A quoted identifier means the same as the bare word only when it reads as one identifier
#: token bare: not a keyword, not a number, no space or punctuation inside.
_BARE_IDENTIFIER = re.compile(WORD_START + WORD_CHAR + "*")
#: SQLite's keywords (https://sqlite.org/lang_keywords.html), and TRUE/FALSE, which bare are
#: values: quoted, each is an identifier (or a string), so ``"NOT"`` is not ``NOT``.
SQL_KEYWORDS = frozenset(
    [
        "abort",
        "action",
        "add",
        "after",
        "all",
        "alter",
        "always",
        "analyze",
        "and",
        "as",
        "asc",
        "attach",
        "autoincrement",
        "before",
        "begin",
        "between",
        "by",
        "cascade",
        "case",
        "cast",
        "check",
        "collate",
        "column",
        "commit",
        "conflict",
        "constraint",
        "create",
        "cross",
        "current",
        "current_date",
        "current_time",
        "current_timestamp",
        "database",
        "default",
        "deferrable",
        "deferred",
        "delete",
        "desc",
        "detach",
        "distinct",
        "do",
        "drop",
        "each",
        "else",
        "end",
        "escape",
        "except",
        "exclude",
        "exclusive",
        "exists",
        "explain",
        "fail",
        "filter",
        "first",
        "following",
        "for",
        "foreign",
        "from",
        "full",
        "generated",
        "glob",
        "group",
        "groups",
        "having",
        "if",
        "ignore",
        "immediate",
        "in",
        "index",
        "indexed",
        "initially",
        "inner",
        "insert",
        "instead",
        "intersect",
        "into",
        "is",
        "isnull",
        "join",
        "key",
        "last",
        "left",
        "like",
        "limit",
        "match",
        "materialized",
        "natural",
        "no",
        "not",
        "nothing",
        "notnull",
        "null",
        "nulls",
        "of",
        "offset",
        "on",
        "or",
        "order",
        "others",
        "outer",
        "over",
        "partition",
        "plan",
        "pragma",
        "preceding",
        "primary",
        "query",
        "raise",
        "range",
        "recursive",
        "references",
        "regexp",
        "reindex",
        "release",
        "rename",
        "replace",
        "restrict",
        "returning",
        "right",
        "rollback",
        "row",
        "rows",
        "savepoint",
        "select",
        "set",
        "table",
        "temp",
        "temporary",
        "then",
        "ties",
        "to",
        "transaction",
        "trigger",
        "unbounded",
        "union",
        "unique",
        "update",
        "using",
        "vacuum",
        "values",
        "view",
        "virtual",
        "when",
        "where",
        "window",
        "with",
        "without",
    ]
)
_VALUE_WORDS = frozenset({"true", "false"})
#: SQLite folds only ASCII letters in names ("Ä" and "ä" are two names).
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _identifier(text: str) -> str:
    """A quoted identifier (its text): the bare word when that reads the same, else one
    canonical double-quoted form (whichever quotes were used)."""
    folded = text.translate(_ASCII_LOWER)
    if (
        _BARE_IDENTIFIER.fullmatch(folded)
        and folded not in SQL_KEYWORDS
        and folded not in _VALUE_WORDS
    ):
        return folded
    return '"' + folded.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


_CONSTRAINT_WORDS = frozenset({"constraint", "primary", "foreign", "unique", "check"})


def _tokens(sql: str) -> list[str]:
    """The meaning-bearing tokens of ``sql``: comments and white space dropped, ASCII case
    folded outside string literals, a quoted identifier unquoted only where the bare word reads
    the same, and an identifier after ``DEFAULT`` (which SQLite stores as that text, case
    and all) written as the string literal it is."""
    tokens: list[str] = []
    for tok in _TOKEN.findall(sql):
        first = tok[0]
        if tok.startswith(("--", "/*")):
            continue
        if first == "'":
            tokens.append(tok)  # a string literal: exactly as written
            continue
        if first in '"`[':
            text = tok[1:-1] if first == "[" else tok[1:-1].replace(first * 2, first)
            if tokens and tokens[-1] == "default":
                tokens.append(_literal(text))  # DEFAULT "x" is the string 'x'
            else:
                tokens.append(_identifier(text))
            continue
        folded = tok.translate(_ASCII_LOWER)
        if (
            tokens
            and tokens[-1] == "default"
            and _BARE_IDENTIFIER.fullmatch(tok)
            and folded not in SQL_KEYWORDS
            and folded not in _VALUE_WORDS
        ):
            tokens.append(_literal(tok))  # DEFAULT x is the string 'x', case kept
        else:
            tokens.append(folded)
    return tokens


def _table_constraints_sorted(tokens: list[str]) -> list[str]:
    """``CREATE TABLE t (columns..., constraints...)`` with the table constraints in a fixed
    order: Alembic's batch mode writes them in an order that varies from run to run (it
    collects them in a set), which says nothing about the table."""
    if tokens[:2] != ["create", "table"] or "(" not in tokens or tokens[-1] != ")":
        return tokens
    start = tokens.index("(")
    items: list[list[str]] = [[]]
    depth = 0
    for tok in tokens[start + 1 : -1]:
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth -= 1
        if tok == "," and depth == 0:
            items.append([])
        else:
            items[-1].append(tok)
    if depth != 0:
        return tokens
    columns = [i for i in items if not i or i[0] not in _CONSTRAINT_WORDS]
    constraints = sorted((i for i in items if i and i[0] in _CONSTRAINT_WORDS), key=" ".join)
    body: list[str] = []
    for item in columns + constraints:
        if body:
            body.append(",")
        body.extend(item)
    return [*tokens[: start + 1], *body, ")"]


@lru_cache(maxsize=1024)
def normalise_sql(sql: str | None) -> str:
    """``sql`` as a canonical token string: keywords and identifiers lower-case and unquoted,
    whitespace and comments dropped, string literals kept exactly, a table's constraints in
    a fixed order."""
    if not sql:
        return ""
    return " ".join(_table_constraints_sorted(_tokens(sql)))
