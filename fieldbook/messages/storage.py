"""The wording of the database and its safekeeping: saves that failed, damaged files, locks,
backups and restores, encryption, the schema, what --db may point at and where an output may
go."""

from __future__ import annotations

STORAGE_MESSAGES: dict[str, tuple[str, str]] = {
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
}
