"""The wording of the department server and of sync."""

from __future__ import annotations

#: The tables a sync moves, as its report names them (``上传：客户 3，走访 12``).
SYNC_TABLE_NAMES: dict[str, str] = {
    "managers": "客户经理",
    "routes": "线路",
    "customers": "客户",
    "skus": "卷烟规格",
    "plans": "计划",
    "plan_stops": "计划站点",
    "visits": "走访",
    "visit_skus": "规格观察",
    "visit_time_edits": "时间修改",
    "slip_suggestions": "建议反馈单",
    "followups": "跟踪事项",
    "slips": "反馈单",
    "slip_attachments": "附件",
    "slip_deliveries": "反馈单投递",
    "slip_events": "反馈单流转",
    "order_lines": "订单行",
    "day_logs": "工作日志",
    "week_reports": "周报",
    "spot_checks": "抽查",
    "spot_check_items": "抽查明细",
}

SERVER_MESSAGES: dict[str, tuple[str, str]] = {
    # the department server and sync
    "sync_unreachable": (
        "连不上部门服务器（{why}）：本机数据没有改动，联网后再同步。",
        "the department server cannot be reached ({why}); nothing here changed. "
        "Sync again when online.",
    ),
    "sync_connection": (
        "同步中断（{why}）：已同步的部分保留，再同步一次会从中断处继续。",
        "the sync was cut off ({why}); what was synced is kept, and syncing again "
        "continues from there.",
    ),
    "sync_interrupted": (
        "同步中断（{why}）：已同步的部分保留，再同步一次会从中断处继续。",
        "the sync was interrupted ({why}); syncing again continues from there.",
    ),
    "sync_schema": (
        "部门服务器的数据库版本与本机不同（{why}）：请管理员先升级服务器。",
        "the department server's schema differs ({why}): the administrator must upgrade it.",
    ),
    "sync_conflict": (
        "服务器上已有相同编号的另一条记录（{why}）：这一批没有上传，本机数据没有改动。"
        "请管理员核对客户经理或客户编号。",
        "the server already has another record with the same code ({why}); this batch was not "
        "sent and nothing here changed. Ask the administrator to check the codes.",
    ),
    "sync_refused": (
        "服务器拒绝了这次写入（{why}）：请确认用的是您本人的登录名。本机数据没有改动。",
        "the server refused the write ({why}): check that you sync with your own login. "
        "Nothing here changed.",
    ),
    "sync_bad_address": (
        "部门服务器地址应为 postgresql+psycopg://登录名@服务器/数据库（{why}）",
        "the department server's address must be "
        "postgresql+psycopg://login@server/database ({why})",
    ),
    "sync_no_server": (
        "还没有设置部门服务器：fieldbook sync --server postgresql+psycopg://…",
        "no department server set: fieldbook sync --server postgresql+psycopg://…",
    ),
    "server_needs_postgresql": (
        "部门服务器须是 PostgreSQL 数据库",
        "the server must be PostgreSQL",
    ),
    "role_name": (
        "登录名须为 3–41 个小写字母、数字或下划线，以字母开头",
        "a login name is 3–41 lower-case letters, digits or _, starting with a letter",
    ),
    "unknown_kind": ("未知的用户类型", "unknown kind of user"),
    "server_unknown_customer": (
        "部门服务器上没有这个客户编码",
        "the department server has no customer with this code",
    ),
    "server_unknown_manager": (
        "部门服务器上没有这个客户经理（他同步过一次之后才有）",
        "the department server has no such account manager (one appears after their first sync)",
    ),
    "sync_customer_elsewhere": (
        "客户 {code} 在部门服务器上属于另一位客户经理：这个客户没有上传{held}。"
        "请管理员核对，需要时用 fieldbook server reassign-customer {code} --to 客户经理编号"
        " 改变归属",
        "customer {code} belongs to another account manager on the department server: it was "
        "not sent{held}. Ask the administrator to check; "
        "fieldbook server reassign-customer {code} --to MANAGER moves it",
    ),
    "sync_customer_moved": (
        "客户 {code} 在部门服务器上已改由另一位客户经理负责；您关于这个客户的记录照常上传",
        "customer {code} is now another account manager's on the department server; "
        "your records of it still go up",
    ),
    "sync_held_rows": (
        "，与它相关的 {n} 条记录暂缓上传（问题解决后下次同步自动补传）",
        ", and {n} records naming it wait (they go up at the first sync once it is resolved)",
    ),
    "password_too_short": ("口令至少 8 个字符", "the password needs at least 8 characters"),
}
