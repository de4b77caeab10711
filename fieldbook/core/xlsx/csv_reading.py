"""Reading a CSV (or tab-separated text) file's rows: one encoding (UTF-8, GB18030 or UTF-16)
or refused with the first line that differs, never read half as mojibake; the delimiter from
Excel's "sep=" line or sniffed from the header line."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from fieldbook.core.errors import FileRejected
from fieldbook.core.xlsx.safety import Limits, check_file_size
from fieldbook.core.xlsx.table import RowCollector, Table

_SNIFF_BYTES = 8192
_DELIMITERS = ",;\t"
_SEP_LINE_RE = re.compile(r"sep=(.)\r?\n?")
# A character of the CJK blocks (and full-width forms) written in UTF-8: what a Chinese list
# in UTF-8 is made of, and what GB18030 bytes almost never happen to form.
_UTF8_CJK_RE = re.compile(rb"[\xe2-\xe9\xef][\x80-\xbf]{2}")


def _line_encodings(data: bytes) -> tuple[list[int], list[int]]:
    """1-based numbers of the lines that are UTF-8 with CJK text, and of those that are not
    UTF-8 at all (ASCII lines fit every encoding and are in neither list)."""
    utf8: list[int] = []
    other: list[int] = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            other.append(number)
            continue
        if _UTF8_CJK_RE.search(line):
            utf8.append(number)
    return utf8, other


def _decode(data: bytes, path: Path) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" is UTF-16
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise FileRejected("not_text", str(exc), file=str(path)) from exc
    else:
        if b"\x00" in data:
            raise FileRejected("not_text", "NUL byte in a text file", file=str(path))
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Not UTF-8 as a whole. A GB18030 (GBK) file, unless some lines are UTF-8 Chinese:
            # then it is two files pasted together, and either reading garbles one part.
            utf8, other = _line_encodings(data.removeprefix(b"\xef\xbb\xbf"))
            if utf8:
                minority = other if len(other) <= len(utf8) else utf8
                raise FileRejected(
                    "mixed_encoding",
                    f"lines {utf8[:3]} are UTF-8, lines {other[:3]} are not",
                    file=str(path),
                    line=minority[0],
                    encoding="UTF-8" if minority is utf8 else "GBK/GB18030",
                ) from None
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError:
                raise FileRejected("not_text", "unknown text encoding", file=str(path)) from None
    if "\x00" in text:
        raise FileRejected("not_text", "NUL character in a text file", file=str(path))
    return text


def _sniff_delimiter(sample: str) -> str:
    first_line = next((line for line in sample.splitlines() if line.strip()), "")
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        delimiter = ""
    if delimiter and delimiter in first_line:
        return delimiter
    # Sniffer failed or picked a character absent from the header line: count instead.
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_records(text: str, delimiter: str, first_line: int) -> Iterator[tuple[int, list[str]]]:
    """Records with the 1-based line on which each starts."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    previous = 0
    for record in reader:
        yield first_line + previous, record
        previous = reader.line_num


def read_csv(path: Path, limits: Limits, cancelled: Callable[[], bool] | None) -> Table:
    check_file_size(path, limits)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileRejected("unreadable", str(exc), file=str(path)) from exc
    text = _decode(data, path)
    first_line = 1
    sep = _SEP_LINE_RE.match(text)  # Excel's "sep=;" hint line
    if sep and sep.group(1) in _DELIMITERS:
        delimiter = sep.group(1)
        text = text[sep.end() :]
        first_line = 2
    else:
        delimiter = _sniff_delimiter(text[:_SNIFF_BYTES])
    collector = RowCollector(path, "", limits, cancelled)
    try:
        for number, record in _csv_records(text, delimiter, first_line):
            collector.add(number, record)
    except csv.Error as exc:
        raise FileRejected("unreadable", str(exc), file=str(path)) from exc
    return Table(str(path), "", collector.rows, is_csv=True)
