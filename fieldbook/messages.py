"""User-facing wording of the core's typed errors and problem codes (Qt-free; used by the CLI
and the desktop app). Chinese is the users' language and the default; English is kept complete.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from fieldbook.core.errors import FieldbookError, Problem

if TYPE_CHECKING:
    from fieldbook.core.server.sync_held import SyncProblem

FIELD_NAMES: dict[str, tuple[str, str]] = {
    "code": ("编码", "code"),
    "licence_no": ("许可证号", "licence number"),
    "shop_name": ("客户名称", "shop name"),
    "owner_name": ("负责人", "owner"),
    "phone": ("联系电话", "phone"),
    "address": ("经营地址", "address"),
    "district": ("区县", "district"),
    "format": ("经营业态", "format"),
    "market_type": ("市场类型", "market type"),
    "grade": ("档位", "grade"),
    "route": ("线路", "route"),
    "route_position": ("线路顺序", "route position"),
    "order_weekday": ("订货日", "order weekday"),
    "status": ("经营状态", "status"),
    "name": ("名称", "name"),
    "wholesale_fen": ("批发价", "wholesale price"),
    "retail_fen": ("零售价", "retail price"),
    "weekday": ("星期", "weekday"),
    "brand": ("品牌", "brand"),
    "price_class": ("价类", "price class"),
    "wholesale": ("批发价", "wholesale price"),
    "retail": ("零售价", "retail price"),
    "is_key_brand": ("重点品牌", "key brand"),
    "is_new": ("新品", "new product"),
    "on_market": ("在销", "on the market"),
    "is_key_customer": ("重点客户", "key customer"),
    "licence_expiry": ("许可证有效期", "licence expiry"),
    "gps_lat": ("纬度", "latitude"),
    "gps_lon": ("经度", "longitude"),
    "notes": ("备注", "notes"),
    "shop_status": ("店铺状态", "shop status"),
    "daylog": ("工作日志", "work log"),
    "weeks": ("周数", "weeks"),
    "managers": ("客户经理人数", "managers"),
    "arrived_at": ("到店时间", "arrival time"),
    "left_at": ("离店时间", "departure time"),
    "reason": ("原因", "reason"),
    "target_size": ("目标户数", "target size"),
    "stops": ("计划站点", "plan stops"),
    "customer": ("客户", "customer"),
    "visit": ("走访", "visit"),
    "followups": ("跟踪事项", "follow-ups"),
    "on_shelf": ("上柜", "on shelf"),
    "facings": ("排面", "facings"),
    "stock_cartons": ("库存(条)", "stock (cartons)"),
    "stock_packs": ("库存(包)", "stock (packs)"),
    "price_fen": ("实际售价", "price seen"),
    "customers": ("客户", "customers"),
    # feedback slips and follow-ups
    "category": ("类别", "category"),
    "sub_reason": ("细分原因", "sub-reason"),
    "description": ("情况说明", "description"),
    "effective_date": ("生效日期", "effective date"),
    "return_date": ("恢复日期", "return date"),
    "sku_ids": ("卷烟规格", "cigarette SKUs"),
    "departments": ("发送部门", "departments"),
    "attachment": ("附件", "attachment"),
    "state": ("状态", "state"),
    "text": ("内容", "text"),
    "source": ("来源", "source"),
    # the work log's sections (daylog.TEXT_SECTIONS, LIST_SECTIONS)
    "phone_staff": ("与电访员沟通", "talk with the phone-order staff"),
    "indicator_analysis": ("经济指标分析", "indicator analysis"),
    "problems": ("发现的问题", "problems found"),
    "customer_maintenance": ("客户维护", "customer maintenance"),
    "meeting_notes": ("例会记录", "meeting notes"),
    "escalations": ("上报部门负责人的问题", "problems escalated"),
    "mutual_control": ("互控信息", "mutual-control information"),
    "supply_info": ("货源信息", "supply information"),
    "day": ("日期", "date"),
    "answer": ("答复", "answer"),
}

MESSAGES: dict[str, tuple[str, str]] = {
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
    # database
    "database_too_new": (
        "该数据库由更新版本的 Fieldbook 创建，本版本无法打开（数据库未被改动）",
        "this database was written by a newer Fieldbook; it was left untouched",
    ),
    "migration_failed": (
        "数据库升级失败，数据库保持原样",
        "upgrading the database failed; it was left as it was",
    ),
    "no_profile": (
        "尚未设置客户经理资料（fieldbook profile set ...）",
        "no manager profile yet (fieldbook profile set ...)",
    ),
    "not_found_record": ("记录不存在", "record not found"),
    # data safety: failed saves, damaged files, locks, backups, encryption
    "disk_full": (
        "磁盘已满：这次修改没有保存，之前保存的内容都在。腾出空间后再试一次。",
        "The disk is full: this change was not saved; everything saved before is kept. "
        "Free some space and try again.",
    ),
    "read_only": (
        "数据库文件是只读的：这次修改没有保存，之前保存的内容都在。请检查文件权限或磁盘是否只读。",
        "The database file is read-only: this change was not saved; everything saved before "
        "is kept. Check the file's permissions or whether the disk is read-only.",
    ),
    "locked": (
        "数据库正被另一个程序占用：这次修改没有保存，之前保存的内容都在。稍后再试一次。",
        "The database is busy in another program: this change was not saved; everything "
        "saved before is kept. Try again in a moment.",
    ),
    "io": (
        "读写磁盘出错：这次修改没有保存，之前保存的内容都在。"
        "请检查磁盘（fieldbook check）后再试一次。",
        "A disk error stopped the save: this change was not saved; everything saved before "
        "is kept. Check the disk (fieldbook check) and try again.",
    ),
    "database_in_use": (
        "数据库正被另一个程序使用（进程 {pid}），请先关闭它",
        "the database is in use by another program (process {pid}); close it first",
    ),
    "database_damaged": (
        "数据库文件已损坏，已原样移到 {moved_to}。最新的完好备份：{backup}"
        "（可用 fieldbook backup restore 该文件 恢复）",
        "the database file is damaged; it was moved, unchanged, to {moved_to}. Newest good "
        "backup: {backup} (restore it with fieldbook backup restore FILE)",
    ),
    "database_damaged_no_backup": (
        "数据库文件已损坏，已原样移到 {moved_to}。没有找到完好的备份。",
        "the database file is damaged; it was moved, unchanged, to {moved_to}. "
        "No good backup was found.",
    ),
    "database_damaged_in_use": (
        "数据库文件已损坏，但正被另一个程序（进程 {pid}）使用，未做任何改动。请先关闭它。",
        "the database file is damaged but in use by another program (process {pid}); "
        "nothing was changed. Close it first.",
    ),
    "database_unreadable": (
        "无法读取数据库文件（{error}）：文件未做任何改动。请检查磁盘后再试。",
        "the database file could not be read ({error}); it was not changed. Check the disk.",
    ),
    "backup_disk_full": (
        "磁盘已满：备份没有写出（数据库本身没有受影响）。腾出空间后再备份。",
        "The disk is full: the backup was not written (the database itself is not affected). "
        "Free some space and back up again.",
    ),
    "backup_io": (
        "写备份文件时出错：{error}（数据库本身没有受影响）",
        "writing the backup failed: {error} (the database itself is not affected)",
    ),
    "database_unreadable_not_damage": (
        "无法读取数据库文件（{error}）。这不是文件损坏：文件没有被移动或改动。"
        "请检查磁盘（是否已满、是否可读）后再打开。",
        "the database file could not be read ({error}). This is not damage: the file was "
        "neither moved nor changed. Check the disk (full? readable?) and open it again.",
    ),
    "passphrase_incorrect": ("口令不正确", "Incorrect passphrase"),
    # what a restore accepts, and the schema a database must have (schema_check)
    "restore_same_file": (
        "这就是当前数据库本身，不能用它恢复自己（未做任何改动）",
        "this is the database itself: it cannot be restored onto itself (nothing was changed)",
    ),
    "restore_not_a_file": (
        "不是普通文件（文件夹或设备），没有恢复（当前数据库未改动）",
        "not a regular file (a folder or a device); nothing was restored "
        "(the database is unchanged)",
    ),
    "restore_not_sqlite": (
        "不是 SQLite 数据库文件，没有恢复（当前数据库未改动）",
        "not a SQLite database file; nothing was restored (the database is unchanged)",
    ),
    "restore_not_fieldbook": (
        "不是 Fieldbook 的数据库，没有恢复（当前数据库未改动）",
        "not a Fieldbook database; nothing was restored (the database is unchanged)",
    ),
    "restore_too_new": (
        "该文件由更新版本的 Fieldbook 创建（结构版本 {revision}），本版本不能恢复它"
        "（当前数据库未改动）",
        "this file was made by a newer Fieldbook (schema {revision}); this version cannot "
        "restore it (the database is unchanged)",
    ),
    "restore_schema_differs": (
        "该文件的数据库结构与 Fieldbook 创建的不一致：{what}。没有恢复（当前数据库未改动）",
        "this file's schema is not what Fieldbook creates: {what}; nothing was restored "
        "(the database is unchanged)",
    ),
    "audit_head_format": (
        "链头应写成 条数:哈希（哈希至少 8 位，如 134:3f5a09c2），或给出导出的报表文件",
        "a head is N:HASH (at least 8 hex digits, e.g. 134:3f5a09c2) or an exported report",
    ),
    "no_audit_head_in_file": (
        "这个文件里没有审计链记录（报表页脚的“审计链（导出时）：…”）",
        "this file records no audit chain head (the report footer's 审计链 line)",
    ),
    "not_fieldbook_database": (
        "不是 Fieldbook 的数据库：没有打开，也没有改动",
        "not a Fieldbook database: it was neither opened nor changed",
    ),
    "schema_mismatch": (
        "数据库结构在 Fieldbook 之外被改动过：{what}。数据库没有打开，也没有改动；"
        "fieldbook check 列出全部差异，fieldbook backup restore 可恢复备份",
        "the database's schema was changed outside Fieldbook: {what}. It was neither opened "
        "nor changed; fieldbook check lists every difference, fieldbook backup restore "
        "restores a backup",
    ),
    "backup_damaged": (
        "这个备份文件已损坏，没有恢复（当前数据库未改动）",
        "this backup file is damaged; nothing was restored (the database is unchanged)",
    ),
    "wrong_passphrase": (
        "口令不对：无法打开这个加密的数据库（数据库未被改动）",
        "wrong passphrase: this encrypted database cannot be opened (it was not changed)",
    ),
    "passphrase_required": (
        "这个数据库已加密：请用 --passphrase-env 或 FIELDBOOK_PASSPHRASE 提供口令"
        "（数据库未被改动）",
        "this database is encrypted: give the passphrase with --passphrase-env or "
        "FIELDBOOK_PASSPHRASE (it was not changed)",
    ),
    "passphrase_env_unset": (
        "环境变量 {name} 没有设置口令",
        "the environment variable {name} holds no passphrase",
    ),
    "not_encrypted": (
        "这个数据库没有加密：打开它时不要提供口令",
        "this database is not encrypted: open it without a passphrase",
    ),
    "encryption_unavailable": (
        "本机的 Fieldbook 没有加密支持（缺少 sqlcipher3）",
        "this Fieldbook has no encryption support (sqlcipher3 is missing)",
    ),
    "encryption_needs_file": (
        "只有 SQLite 数据库文件可以加密",
        "only SQLite files can be encrypted",
    ),
    "already_encrypted": ("这个数据库已经加密", "this database is already encrypted"),
    "target_exists": ("目标文件已存在，未覆盖", "the target file exists; it was not overwritten"),
    # what --db may point at (fieldbook.core.store.dbfile)
    "db_bad_url": ("不是有效的数据库地址", "is not a valid database address"),
    "db_unknown_scheme": (
        "不支持的数据库类型（只支持 SQLite 文件和 postgresql+psycopg://）",
        "unsupported database (only SQLite files and postgresql+psycopg://)",
    ),
    "db_missing": ("没有这个数据库文件", "no such database file"),
    "db_unreachable": ("无法访问这个路径", "this path cannot be reached"),
    "db_unreadable": ("无法读取这个文件", "this file cannot be read"),
    "db_is_directory": ("这是一个文件夹，不是数据库文件", "is a folder, not a database file"),
    "db_not_regular": (
        "不是普通文件（设备、管道等），不能作为数据库",
        "is not a regular file (a device, a pipe …); it cannot be a database",
    ),
    "db_side_file": (
        "这是数据库的附属文件（-wal、-shm、.lock 等），不是数据库本身",
        "is a side file of a database (-wal, -shm, .lock …), not the database itself",
    ),
    "db_hard_linked": (
        "这个文件还有别的名字（硬链接），可能是备份：请复制一份再打开",
        "this file has other names (hard links) and may be a backup: open a copy instead",
    ),
    "db_is_backup": (
        "这是一个备份：请用 fieldbook backup restore 恢复它，不要直接打开",
        "is a backup: restore it with fieldbook backup restore instead of opening it",
    ),
    "db_empty": ("是空文件，不是 Fieldbook 数据库", "is empty, not a Fieldbook database"),
    "db_not_sqlite": (
        "不是 Fieldbook 数据库（不是 SQLite 文件），未做任何改动",
        "is not a Fieldbook database (not an SQLite file); nothing was changed",
    ),
    # where an output may go (fieldbook.core.outputs)
    "password_control_chars": (
        "不能含控制字符（制表、换行等）",
        "must not contain control characters (tab, newline …)",
    ),
    # a backup a restore would refuse (fieldbook.core.store.backup.backup_info)
    "schema_differs": (
        "结构与迁移建立的不同",
        "its schema differs from what the migrations create",
    ),
    "schema_not_fieldbook": ("不是 Fieldbook 的数据库", "not a Fieldbook database"),
    "schema_too_new": ("由更新版本的 Fieldbook 建立", "made by a newer Fieldbook"),
    "schema_empty": ("是空数据库", "an empty database"),
    "output_empty": ("没有给出输出文件名", "no output file name was given"),
    "output_is_directory": (
        "这是一个文件夹，请给出文件名",
        "is a folder; give a file name",
    ),
    "output_folder_missing": (
        "所在的文件夹不存在",
        "its folder does not exist",
    ),
    "output_is_database": (
        "这是数据库、数据库的附属文件或备份，不能用导出覆盖",
        "is a database, one of its side files or a backup; an export never overwrites it",
    ),
    "output_not_regular": (
        "不是普通文件（设备、管道或链接目标不明），不能写入",
        "is not a regular file (a device, a pipe …); nothing is written there",
    ),
    "output_name_too_long": ("文件名太长", "the file name is too long"),
    "date_out_of_range": ("日期超出范围", "the date is out of range"),
    "output_unreadable": ("无法访问这个位置", "this place cannot be accessed"),
    "export_disk_full": (
        "磁盘已满：文件没有写出，原有的同名文件未改动",
        "the disk is full: the file was not written; an existing file was left as it was",
    ),
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
    # the director's spot check and the month
    "month": ("月份格式不对（如 2026-11）", "month not recognised (e.g. 2026-11)"),
    "sample_size": ("抽样数应在 1–{max} 之间", "the sample must be 1–{max} visits"),
    "unknown_manager": ("没有这个客户经理", "no such account manager"),
    "no_visits_in_month": ("这个月没有已完成的走访可抽查", "no finished visits that month"),
    "unknown_quality": (
        "服务质量应为：好、较好、一般、差",
        "service quality: 好, 较好, 一般 or 差",
    ),
    "correction_done": (
        "这项整改已完成，不能再改整改要求",
        "this correction is done; its requirement can no longer change",
    ),
    "no_open_correction": ("这项没有待完成的整改", "there is no open correction here"),
    "no_spot_check": ("这个月还没有抽查", "no spot check for that month yet"),
    # the visit day
    "target_out_of_range": ("目标户数应在 1–200 之间", "the target must be 1–200 stops"),
    "plan_order_mismatch": ("计划中的客户不一致，请刷新", "the plan's stops do not match"),
    "already_in_plan": ("该客户已在今天的计划中", "this customer is already in the plan"),
    "reason_required": ("请选择或填写原因", "a reason is required"),
    "stop_state": ("该站点当前状态不允许此操作", "not possible in the stop's state"),
    "unknown_shop_status": ("未知的店铺状态", "unknown shop status"),
    "visit_finished": ("该走访已完成，不能再修改草稿", "this visit is already finished"),
    "visit_incomplete": ("还有必填项没有填写", "required items are still empty"),
    "no_arrival_time": ("还没有记录到店时间", "no arrival time yet"),
    "left_before_arrival": ("离店时间早于到店时间", "departure is before arrival"),
    "unknown_time_field": ("未知的时间字段", "unknown time field"),
    "visit_not_finished": ("这次走访还没有完成，直接修改即可", "the visit is not finished yet"),
    "no_previous_visit": ("这家店没有以前的走访记录", "this shop has no earlier visit"),
    "followup_not_open": ("该跟踪事项已关闭或不属于这家店", "that follow-up is not open here"),
    "answer_not_bool": ("请选择是或否", "choose yes or no"),
    "answer_not_an_option": ("不是可选项", "not one of the options"),
    "answer_not_a_number": ("请填写数字", "enter a number"),
    "answer_not_whole": ("请填写整数", "enter a whole number"),
    "answer_out_of_range": ("数值应在 {min}–{max} 之间", "must be between {min} and {max}"),
    "unknown_grid_field": ("未知的规格栏目", "unknown grid column"),
    "week_label": ("周次格式应为 2026-W48", "a week is written like 2026-W48"),
    "no_week_report": ("这一周还没有周报", "no weekly report for this week yet"),
    "week_submitted": ("周报已提交，只能更正（需写明原因）", "submitted: corrections only"),
    "week_not_submitted": ("周报还没有提交", "the weekly report is not submitted yet"),
    "unknown_review": ("审阅结果应为通过或退回", "a review is approved or returned"),
    "out_of_range": ("应在 {min}–{max} 之间", "must be between {min} and {max}"),
    "too_many": ("数量过多（上限 {max}）", "too many (at most {max})"),
    "demo_refused": (
        "数据库里已有数据，演示数据只能载入空数据库（请用 --db 指定一个新文件）",
        "the database already holds data; demo data goes into an empty database only",
    ),
    # feedback slips: the register and the departments' answers (slip_export, slip_answers)
    "no_slips": ("没有可导出的反馈单", "no feedback slips to export"),
    "start_after_end": ("开始日期晚于结束日期", "the start date is after the end date"),
    "unknown_department": ("未知的部门", "unknown department"),
    "unknown_slip_department": (
        "未知的部门（可选：{allowed}）",
        "unknown department (one of: {allowed})",
    ),
    "unknown_slip": ("没有这个反馈单号", "no feedback slip with this number"),
    "slip_not_sent_to": ("这张反馈单没有发给该部门", "this slip was not sent to that department"),
    "unknown_slip_state": ("未知的状态（可选：{allowed}）", "unknown state (one of: {allowed})"),
    "state_not_allowed": ("部门不能把状态改为待发送", "a department cannot set a slip to unsent"),
    "skip_needs_reason": (
        "跳过了“{skipped}”这一步：请在原因栏说明原因",
        "this skips “{skipped}”: give the reason in the reason column",
    ),
    "back_needs_reason": (
        "状态从{from}改回{to}：请在原因栏说明原因",
        "moving back from {from} to {to} needs a reason in the reason column",
    ),
    "resend_needs_reason": (
        "已退回的反馈单重新办理（改为{to}）：请在原因栏说明原因",
        "taking up a returned slip again ({to}) needs a reason in the reason column",
    ),
    "return_needs_reason": ("退回须在原因栏写明原因", "a return needs a reason"),
    "return_not_sent": ("这张反馈单还没有发送，不能退回", "the slip was not sent yet: no return"),
    "conflict_state": (
        "冲突：数据库中已是{state}（导出后已有变动），未覆盖",
        "conflict: the database already says {state} (changed since the export); not overwritten",
    ),
    "conflict_answer": (
        "冲突：与数据库中已有的答复（“{stored}”）不同，未覆盖",
        "conflict: differs from the answer already stored (“{stored}”); not overwritten",
    ),
    "answer_without_move": (
        "填写了答复但状态没有变化：请同时填写新的状态",
        "an answer without a change of state: give the new state too",
    ),
    "time_before_last_move": (
        "处理时间早于上一次办理（{last}）",
        "the time is before the last step ({last})",
    ),
    "time_in_future": ("处理时间晚于现在", "the time is in the future"),
    "datetime_format": (
        "时间格式不对（如 2026-12-01 09:30）",
        "time not recognised (e.g. 2026-12-01 09:30)",
    ),
    "same_state": ("状态没有变化", "the state is unchanged"),
    "not_sent_yet": ("这张反馈单还没有发送", "the slip was not sent yet"),
    "description_length": (
        "应为 {min}–{max} 个字",
        "must be {min}–{max} characters",
    ),
    "unknown_category": ("未知的反馈单类别", "unknown slip category"),
    "unknown_sub_reason": ("不是这个类别的细分原因", "not a sub-reason of this category"),
    "unknown_state": ("未知的状态", "unknown state"),
    "unknown_source": ("未知的来源", "unknown source"),
    "attachment_too_large": (
        "附件太大（最大 20 MB）",
        "the attachment is too large (at most 20 MB)",
    ),
    # orders import and the work log (orders, daylog)
    "cartons_out_of_range": ("订购量应在 0–{max} 条之间", "cartons must be 0–{max}"),
    "unknown_customer": ("没有这个客户编码（不是您的客户）", "no such customer code (not yours)"),
    "unknown_sku": ("没有这个卷烟代码或名称", "no cigarette with this code or name"),
    "log_submitted": (
        "工作日志已提交，只能更正（需写明原因）",
        "the work log is submitted: only a correction (with a reason) can change it",
    ),
    "log_not_submitted": (
        "工作日志还没有提交，直接修改即可",
        "the work log is not submitted yet: edit it directly",
    ),
    "unknown_section": ("工作日志没有这一栏", "the work log has no such section"),
    "unknown_escalation": ("没有这条上报的问题", "no such escalated problem"),
    "unknown_mutual_control_type": (
        "未知的互控信息类型（可选：异常订购、疑似违规、信息变更、其他）",
        "unknown mutual-control type (one of: 异常订购, 疑似违规, 信息变更, 其他)",
    ),
    "no_log": ("这一天还没有工作日志", "there is no work log for this day"),
}


def language() -> str:
    lang = os.environ.get("FIELDBOOK_LANG", "zh_CN")
    return "en" if lang.lower().startswith("en") else "zh_CN"


def _pick(pair: tuple[str, str], lang: str | None) -> str:
    return pair[1] if (lang or language()) == "en" else pair[0]


def field_name(name: str, lang: str | None = None) -> str:
    pair = FIELD_NAMES.get(name)
    return _pick(pair, lang) if pair else name


def message(code: str, params: dict[str, object] | None = None, lang: str | None = None) -> str:
    pair = MESSAGES.get(code)
    if pair is None:
        return code
    values = {
        k: ("、".join(map(str, v)) if isinstance(v, list | tuple) else v)
        for k, v in (params or {}).items()
    }
    try:
        return _pick(pair, lang).format(**values)
    except (KeyError, IndexError, ValueError):
        return _pick(pair, lang)


def describe_problem(p: Problem, lang: str | None = None) -> str:
    """``第 5 行，许可证号：许可证号应为 12 位数字（“1234”）``"""
    text = message(p.code, p.params, lang)
    value = f"（“{p.value}”）" if p.value else ""
    if (lang or language()) == "en":
        value = f" ({p.value!r})" if p.value else ""
        return f"row {p.row}, column {p.column}: {text}{value}"
    return f"第 {p.row} 行，{p.column}：{text}{value}"


SCHEMA_TYPES = {
    "table": ("表", "table"),
    "index": ("索引", "index"),
    "trigger": ("触发器", "trigger"),
    "view": ("视图", "view"),
}
#: How many schema differences one line names (``fieldbook check`` lists them all).
DIFFERENCES_SHOWN = 3


def _printable(text: str, limit: int = 60) -> str:
    """A name from a file we did not write, safe on one terminal line."""
    shown = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text[:limit])
    return shown + ("…" if len(text) > limit else "")


def schema_difference(d: object, lang: str | None = None) -> str:
    """``多出触发器 trg_x（表 customers）`` / ``extra trigger trg_x on customers``."""
    change, kind = str(getattr(d, "change", "")), str(getattr(d, "type", ""))
    name, table = _printable(str(getattr(d, "name", ""))), str(getattr(d, "table", ""))
    what = _pick(SCHEMA_TYPES.get(kind, (kind, kind)), lang)
    if (lang or language()) == "en":
        on = f" on {_printable(table)}" if table and table != getattr(d, "name", "") else ""
        verb = {"extra": "extra", "missing": "missing"}.get(change)
        return f"{verb} {what} {name}{on}" if verb else f"{what} {name} differs"
    on = f"（表 {_printable(table)}）" if table and table != getattr(d, "name", "") else ""
    if change == "changed":
        return f"{what} {name} 的定义不同"
    return f"{'多出' if change == 'extra' else '缺少'}{what} {name}{on}"


def schema_differences(diffs: object, lang: str | None = None) -> str:
    """The first few differences on one line, and how many there are in all."""
    items = list(diffs) if isinstance(diffs, list | tuple) else []
    shown = [schema_difference(d, lang) for d in items[:DIFFERENCES_SHOWN]]
    more = len(items) - len(shown)
    if (lang or language()) == "en":
        return "; ".join(shown) + (f" (and {more} more)" if more > 0 else "")
    return "；".join(shown) + (f"（等共 {len(items)} 处）" if more > 0 else "")


def describe_sync_problem(p: SyncProblem, lang: str | None = None) -> str:
    """One line for something a sync could not send (``fieldbook.core.server.sync_held``)."""
    held = message("sync_held_rows", {"n": p.held}, lang) if p.held else ""
    return message(f"sync_{p.kind}", {"code": p.code, "held": held}, lang)


def describe_error(exc: BaseException, lang: str | None = None) -> str:
    """One readable line for any error the core raises on purpose."""
    if isinstance(exc, FieldbookError):
        data = dict(exc.data)
        if "differences" in data:
            data["what"] = schema_differences(data.pop("differences"), lang)
        code = str(data.pop("reason", "")) or exc.detail or exc.code
        if code not in MESSAGES:
            code = exc.code if exc.code in MESSAGES else code
        text = message(code, data, lang)
        field = data.get("field")
        if isinstance(field, str):
            text = (
                f"{field_name(field, lang)}：{text}"
                if (lang or language()) != "en"
                else (f"{field_name(field, lang)}: {text}")
            )
        value = data.get("value")
        if value:
            text += f"（“{value}”）" if (lang or language()) != "en" else f" ({value!r})"
        file = data.get("file")
        if file:
            text = f"{file}：{text}" if (lang or language()) != "en" else f"{file}: {text}"
        return text
    return str(exc) or type(exc).__name__
