"""The look: Fusion with a clean light palette, a CJK-capable font, a little style sheet."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

#: Tried in order; the first installed one that covers Chinese wins (Windows, macOS, Linux).
CJK_FAMILIES = [
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Noto Sans SC",
]
ACCENT = "#1f6fd1"

STYLE_SHEET = f"""
#navList {{
    background: #eef1f5;
    border: none;
    border-right: 1px solid #d9dee6;
    padding-top: 10px;
    font-size: 15px;
    outline: none;
}}
#navList::item {{
    padding-left: 22px;
    border-left: 4px solid transparent;
    color: #2b3340;
}}
#navList::item:hover {{ background: #e3e8ef; }}
#navList::item:selected {{
    background: #ffffff;
    color: {ACCENT};
    border-left: 4px solid {ACCENT};
    font-weight: bold;
}}
#pageHeading {{ font-size: 22px; font-weight: bold; color: #1d2430; }}
#summaryLine {{ font-size: 15px; color: #2b3340; }}
#countLabel {{ color: #5b6472; }}
#noteBox {{
    background: #eef5ff;
    border: 1px solid #cfe0fa;
    border-radius: 6px;
    padding: 10px 12px;
    color: #23446e;
}}
#statusLine {{
    background: #eef5ff;
    border: 1px solid #cfe0fa;
    border-radius: 5px;
}}
#statusLineText {{ color: #23446e; }}
#placeholderBody, #hintLabel {{ color: #5b6472; }}
#emptyState {{ color: #5b6472; font-size: 15px; padding: 24px; }}
#errorLabel {{
    color: #a4262c;
    background: #fdecec;
    border: 1px solid #f3c6c8;
    border-radius: 4px;
    padding: 6px 8px;
}}
#savedLabel {{ color: #1e7b34; }}
#supplyNotice {{
    color: #6b3d00;
    background: #fff6e5;
    border: 1px solid #f0d9a8;
    border-radius: 4px;
    padding: 2px 8px;
}}
*[invalid="true"] {{ border: 1px solid #d13438; border-radius: 3px; }}
#welcomeCard {{
    background: #ffffff;
    border: 1px solid #d9dee6;
    border-radius: 10px;
}}
#welcomeTitle {{ font-size: 22px; font-weight: bold; color: #1d2430; }}
#bigButton {{ text-align: left; }}
#bigButtonTitle {{ font-size: 17px; font-weight: bold; color: {ACCENT}; }}
#bigButtonDetail {{ color: #5b6472; }}
#countTile {{
    background: #f5f7fa;
    border: 1px solid #dfe3ea;
    border-radius: 6px;
}}
#countTile[alert="true"] {{ background: #fdecec; border-color: #f3c6c8; }}
#countNumber {{ font-size: 20px; font-weight: bold; }}
#warningBox, #statusHint {{
    background: #fff5e0;
    border: 1px solid #f1d49b;
    border-radius: 6px;
    padding: 8px 12px;
    color: #6b4a00;
}}
#draftBanner, #reasonBar {{
    background: #e8f1fd;
    border: 1px solid #b9d2f5;
    border-radius: 6px;
}}
#draftText {{ font-weight: bold; color: #23446e; }}
#progressLine {{ font-size: 15px; color: #1d2430; }}
#progressLine[behind="true"] {{ color: #a4262c; }}
#sectionLabel {{ font-weight: bold; color: #2b3340; }}
#shopName {{ font-size: 21px; font-weight: bold; color: #1d2430; }}
#shopDetails {{ color: #4a5260; }}
#durationLabel {{ color: #2b3340; font-weight: bold; padding-left: 8px; }}
#savedLabel[failed="true"] {{ color: #a4262c; font-weight: bold; }}
#backupLabel {{ color: #4a5260; }}
#backupLabel[failed="true"] {{ color: #a4262c; font-weight: bold; }}
#itemError {{ color: #a4262c; }}
#attendanceMarked {{ color: #6b4a00; font-weight: bold; }}
#previousValue {{ color: #8a8886; font-style: italic; }}
#derivedValue {{ color: #4a5260; }}
#gapsLabel {{ color: #1e7b34; }}
#gapsLabel[alert="true"] {{ color: #a4262c; font-weight: bold; }}
#pricesLabel {{ color: #8a4b00; font-weight: bold; }}
#statusTitle {{ font-weight: bold; }}
#arriveButton, #finishButton {{
    background: {ACCENT};
    color: #ffffff;
    border: 1px solid #195cb0;
    border-radius: 5px;
    padding: 4px 18px;
    font-size: 15px;
    font-weight: bold;
}}
#arriveButton:focus, #finishButton:focus {{ border: 2px solid #0d3a73; }}
#arriveButton:disabled, #finishButton:disabled {{
    background: #c9d3e0;
    border-color: #c9d3e0;
}}
#optionPicker {{ border: 1px solid transparent; border-radius: 4px; }}
#optionPicker:focus {{ border: 1px solid {ACCENT}; background: #eef5ff; }}
#optionPicker[invalid="true"] {{ border: 1px solid #d13438; }}
QGroupBox#checklistSection {{ font-weight: bold; }}
QLineEdit {{ padding: 1px 4px; }}
QStatusBar QLabel {{ color: #4a5260; padding: 0 8px; }}
QTableView {{ gridline-color: #e5e8ed; selection-background-color: {ACCENT}; }}
QTableView::item {{ padding-left: 5px; padding-right: 5px; }}
QHeaderView::section {{
    background: #f3f5f8;
    border: none;
    border-bottom: 1px solid #d9dee6;
    border-right: 1px solid #e5e8ed;
    padding: 4px 6px;
    font-weight: bold;
    color: #2b3340;
}}
"""


def light_palette() -> QPalette:
    p = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#f7f8fa",
        QPalette.ColorRole.WindowText: "#1d2430",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f6f8fb",
        QPalette.ColorRole.ToolTipBase: "#ffffe8",
        QPalette.ColorRole.ToolTipText: "#1d2430",
        QPalette.ColorRole.PlaceholderText: "#8a919c",
        QPalette.ColorRole.Text: "#1d2430",
        QPalette.ColorRole.Button: "#f1f3f6",
        QPalette.ColorRole.ButtonText: "#1d2430",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: ACCENT,
        QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#e9ecf1",
        QPalette.ColorRole.Mid: "#c5cbd4",
        QPalette.ColorRole.Dark: "#9aa3af",
        QPalette.ColorRole.Shadow: "#6b7380",
    }
    for role, color in colors.items():
        p.setColor(role, QColor(color))
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(disabled, role, QColor("#a0a7b2"))
    p.setColor(disabled, QPalette.ColorRole.Highlight, QColor("#c9d3e0"))
    return p


def app_font(point_size: float = 10.5) -> QFont:
    font = QFont()
    font.setFamilies(CJK_FAMILIES)
    font.setPointSizeF(point_size)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setPalette(light_palette())
    app.setFont(app_font())
    app.setStyleSheet(STYLE_SHEET)


def repolish(widget: QWidget) -> None:
    """Apply the style sheet to ``widget`` again after a dynamic property or its object name
    changed (Qt does not do it by itself)."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
