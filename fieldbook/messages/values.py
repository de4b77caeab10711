"""The wording of row problems and invalid values (imports, forms, the command line)."""

from __future__ import annotations

VALUE_MESSAGES: dict[str, tuple[str, str]] = {
    # row problems and invalid values
    "required": ("必填项为空", "is required"),
    "missing_column": ("缺少必需的列", "required column is missing"),
    "too_long": ("内容过长（最多 {max} 个字）", "is too long (at most {max} characters)"),
    "invalid": ("无法识别的值", "value not understood"),
    "duplicate": ("与已有记录重复", "duplicates an existing record"),
    "duplicate_in_file": ("与第 {first_row} 行重复", "repeats row {first_row}"),
    "licence_taken": ("许可证号已属于客户 {by}", "licence already belongs to customer {by}"),
    "licence_format": ("许可证号应为 {digits} 位数字", "licence number must be {digits} digits"),
    "licence_holder_type": (
        "许可证号第 7 位应为 1（个体）或 2（企业）",
        "the 7th digit of a licence number must be 1 or 2",
    ),
    "licence_outside_area": ("许可证号不在本地区号段内", "licence is outside the area's prefixes"),
    "phone_format": ("电话号码格式不对", "phone number not recognised"),
    "grade_not_a_number": ("档位应为数字", "grade must be a number"),
    "grade_out_of_range": ("档位应在 {min}–{max} 之间", "grade must be {min}–{max}"),
    "unknown_format": ("未知的经营业态（可选：{allowed}）", "unknown format (one of: {allowed})"),
    "unknown_market_type": ("未知的市场类型（可选：{allowed}）", "unknown market type ({allowed})"),
    "unknown_status": ("未知的经营状态（可选：{allowed}）", "unknown status ({allowed})"),
    "unknown_weekday": ("无法识别的星期（如：周一）", "weekday not recognised (e.g. 周一)"),
    "unknown_price_class": ("未知的价类", "unknown price class"),
    "date_format": ("日期格式不对（如 2026-11-30）", "date not recognised (e.g. 2026-11-30)"),
    "latitude_range": ("纬度应在 -90–90 之间", "latitude must be -90..90"),
    "longitude_range": ("经度应在 -180–180 之间", "longitude must be -180..180"),
    "price_out_of_range": ("价格应在 0–1000 元/条之间", "price must be 0–1000 yuan a carton"),
    "retail_below_wholesale": ("零售价低于批发价", "retail price is below wholesale"),
    "route_order_mismatch": ("线路客户不一致", "the route's customers do not match"),
    "boolean_cell": (
        "是 TRUE/FALSE 逻辑值，不能作为编码或名称（请把单元格改为文本）",
        "is a TRUE/FALSE cell, not a code or a name (make the cell text)",
    ),
    "duplicate_column": (
        "表头重复（第 {columns} 列都是这一列），请删除或改名后再导入",
        "the header is written twice (columns {columns}); remove or rename one",
    ),
    "duplicate_column_chosen": (
        "表头重复（第 {columns} 列），已按您的选择使用第 {used} 列",
        "the header is written twice (columns {columns}); column {used} is used as you chose",
    ),
    "alternative_column": (
        "另有同义的列未使用（已用第 {used} 列）",
        "another column means the same and was not used (used column {used})",
    ),
    "merged_with_header": (
        "单元格与表头合并在一起，读不出这一行的值（请取消合并）",
        "the cell is merged with the header: no value for this row (unmerge it)",
    ),
    "merged_across_columns": (
        "单元格被横向合并，这一列没有自己的值（请取消合并并填写）",
        "the cell is merged across columns: this column has no value here (unmerge it)",
    ),
    "formula_without_value": (
        "是没有计算结果的公式，读不出值"
        "（请在 Excel/WPS 中打开并保存，或复制后“粘贴为数值”，再导入）",
        "is a formula without a computed value (open and save the file in Excel/WPS, or paste "
        "the cells as values, then import again)",
    ),
    "error_cell": (
        "是错误值，没有可导入的内容（请更正后再导入）",
        "holds an error value, nothing to import (correct it, then import again)",
    ),
    "extra_cells": (
        "这一行的单元格比表头多（多出的内容会丢失；可能是未加引号的逗号），请更正后再导入",
        "the row has more cells than the header (they would be lost; perhaps an unquoted "
        "comma); correct it, then import again",
    ),
    "unlabelled_column": (
        "第 {letter} 列有数据但没有表头，未导入（如需导入请补上表头）",
        "column {letter} holds data but has no header and was not imported (add a header)",
    ),
    "code_precision_lost": (
        "编码超过 15 位，Excel 把它存成了数字，末尾几位已经丢失；"
        "请把这一列设为“文本”格式并重新填写编码后再导入",
        "the code has more than 15 digits and Excel stored it as a number, so its last "
        "digits are lost; format the column as text, enter the codes again and re-import",
    ),
}
