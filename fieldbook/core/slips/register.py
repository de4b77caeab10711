"""The slip register's layout (客户信息反馈单登记表): its sheet, title and columns — which ones a
department fills in. ``fieldbook.core.reports.slip_form`` writes the register with it;
``fieldbook.core.slips.answers`` reads a register sent back."""

from __future__ import annotations

from dataclasses import dataclass

REGISTER_TITLE = "客户信息反馈单登记表"
REGISTER_SHEET = "登记表"


@dataclass(frozen=True)
class RegisterColumn:
    key: str
    label: str
    width: float
    editable: bool = False  # filled in by the department
    note: str = ""


REGISTER_COLUMNS: tuple[RegisterColumn, ...] = (
    RegisterColumn("number", "反馈单号", 24, note="反馈单编号（客户经理填写，请勿修改）"),
    RegisterColumn("created", "填报日期", 12, note="客户经理填报的日期"),
    RegisterColumn("category", "类别", 9, note="新增、关业、暂停、违纪、不订货、品牌上柜等"),
    RegisterColumn("sub_reason", "细分原因", 10, note="类别下的具体原因"),
    RegisterColumn("customer_code", "客户编码", 14, note="零售户的客户编码"),
    RegisterColumn("shop_name", "客户名称", 18, note="零售户店名"),
    RegisterColumn("description", "情况说明", 32, note="客户经理写的情况说明"),
    RegisterColumn(
        "department", "部门", 9, note="接收这张反馈单的部门；一张单发给几个部门就有几行"
    ),
    RegisterColumn(
        "state",
        "状态",
        9,
        True,
        "部门办理到哪一步：已接收、已处理、已落实，或退回（可从下拉列表选择）",
    ),
    RegisterColumn("actor", "处理人", 13, True, "办理人的姓名（状态有变化时必填）"),
    RegisterColumn(
        "at",
        "处理时间",
        16,
        True,
        "办理的日期和时间，如 2026-12-01 09:30（不填则按导入时间）",
    ),
    RegisterColumn("answer", "答复", 28, True, "部门的答复或落实情况"),
    RegisterColumn(
        "reason",
        "原因（退回/跳步/倒退）",
        18,
        True,
        "退回、跳过中间步骤或把状态改回前一步时必填，写明原因",
    ),
    RegisterColumn("due", "办结期限", 12, note="应在此日期前落实（工作日计算）"),
    RegisterColumn("overdue", "是否超期", 8, note="“是”：过了办结期限仍未落实（导出时计算）"),
    RegisterColumn(
        "exported_state",
        "导出时状态",
        10,
        note="导出这份表时数据库中的状态，用于发现导出后的变动（请勿修改）",
    ),
    RegisterColumn(
        "removed",
        "未发部门（原因）",
        20,
        note="按规定应发、客户经理去掉的部门及其原因（客户经理填写）",
    ),
)
