"""The wording of a file a reader refuses (spreadsheets, CSV): missing, too large, not a
workbook, hostile."""

from __future__ import annotations

FILE_MESSAGES: dict[str, tuple[str, str]] = {
    # files
    "not_found": ("找不到文件", "file not found"),
    "empty": ("文件是空的", "the file is empty"),
    "too_large": ("文件太大", "the file is too large"),
    "not_a_workbook": ("不是 Excel 工作簿（.xlsx）", "not an Excel workbook (.xlsx)"),
    "legacy_xls": (
        "这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx",
        "this is an old .xls file: save it as .xlsx in Excel",
    ),
    "encrypted": ("工作簿有密码保护，请先取消密码", "the workbook is password-protected"),
    "truncated": ("文件已损坏或不完整", "the file is damaged or incomplete"),
    "too_many_entries": ("工作簿结构异常（条目过多）", "the workbook has too many parts"),
    "bomb": ("工作簿解压后过大，已拒绝", "the workbook expands to an unsafe size"),
    "dtd": ("工作簿含有不安全的 XML 声明，已拒绝", "the workbook contains unsafe XML"),
    "too_many_rows": ("行数过多（上限 {limit} 行）", "too many rows (limit {limit})"),
    "too_many_columns": ("列数过多（上限 {limit} 列）", "too many columns (limit {limit})"),
    "unsupported_type": ("不支持的文件类型（请用 .xlsx 或 .csv）", "unsupported type (.xlsx/.csv)"),
    "no_such_sheet": ("没有名为“{sheet}”的工作表", "no sheet named {sheet!r}"),
    "not_text": ("不是文本文件", "not a text file"),
    "mixed_encoding": (
        "第 {line} 行的编码（{encoding}）与文件其余部分不同，读出来会是乱码；"
        "请用同一种编码（如 UTF-8）另存后再导入，未导入任何数据",
        "line {line} is in another encoding ({encoding}) than the rest of the file and would "
        "read as garbage; save the file in one encoding (e.g. UTF-8); nothing was imported",
    ),
    "unreadable": ("无法读取文件", "the file cannot be read"),
    "no_header": ("找不到表头行（需要：{expected}）", "no header row found (need: {expected})"),
    "no_rows": ("文件里没有数据", "the file holds no data"),
    "cancelled": ("已取消", "cancelled"),
}
