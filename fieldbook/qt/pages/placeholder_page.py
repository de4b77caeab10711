"""A tidy page for a part of the routine that arrives in a later version."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from fieldbook.qt.context import AppContext
from fieldbook.qt.pages.base import Page, note, page_layout

translate = QCoreApplication.translate


def placeholder_texts() -> dict[str, tuple[str, str, str]]:
    """key -> (title, what the page will hold, where it fits in the day)."""
    return {
        "slips": (
            translate("PlaceholderPage", "反馈单"),
            translate(
                "PlaceholderPage",
                "客户信息反馈单：创建、发送到四个部门并跟踪办结——将在后续版本提供。",
            ),
            translate(
                "PlaceholderPage",
                "新增、关业、暂停、违纪、不订货的客户，以及品牌上柜情况，都要填写客户信息反馈单，"
                "发送给市场部、专卖办、配送中心和电访部；每个部门各自办理，直到全部办结。",
            ),
        ),
        "daylog": (
            translate("PlaceholderPage", "工作日志"),
            translate(
                "PlaceholderPage",
                "工作日志：当天的走访、订货和问题自动汇总，只需补写文字——将在后续版本提供。",
            ),
            translate(
                "PlaceholderPage",
                "每天 15:00 回到单位后，查看客户订货情况、与电访员沟通、分析当天的经济指标，"
                "并写好工作日志；16:00 例会的内容也记在这里。",
            ),
        ),
        "week": (
            translate("PlaceholderPage", "周报"),
            translate(
                "PlaceholderPage",
                "周总结与周计划：按市场部要求的格式一键生成 Excel 工作簿——将在后续版本提供。",
            ),
            translate(
                "PlaceholderPage",
                "每周四 14:00–15:00 写周总结、周计划和当天的日志；"
                "提交后的周报不会被悄悄改动，更正会留下记录。",
            ),
        ),
    }


class PlaceholderPage(Page):
    def __init__(self, ctx: AppContext, key: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        title, coming, context = placeholder_texts()[key]
        layout = page_layout(self, title)
        layout.addWidget(note(coming))
        body = QLabel(context)
        body.setWordWrap(True)
        body.setObjectName("placeholderBody")
        body.setMaximumWidth(820)
        body.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(body)
        layout.addStretch(1)
        self.mark_ready()
