"""Fieldbook — 客户经理外勤工作手册, a field-work journal for tobacco retail account managers."""

__version__ = "0.1.0"
APP_NAME = "Fieldbook"
APP_ID = "cn.fieldbook.Fieldbook"
