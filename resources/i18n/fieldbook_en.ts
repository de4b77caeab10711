<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Fieldbook</name>
    <message>
        <source>有修改时每 30 分钟自动备份一次，退出时也备份</source>
        <translation>When there are changes, a backup is made automatically every 30 minutes, and also on exit</translation>
    </message>
    <message>
        <source>备份失败</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>
数据库里的数据没有受影响（每次修改都已保存），有修改时会再试。</source>
        <translation>
The data in the database is not affected (every change has been saved); it will try again when there are changes.</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>已备份 {time}</source>
        <translation>Backed up {time}</translation>
    </message>
    <message>
        <source>备份没有完成：{reason}</source>
        <translation>Backup did not finish: {reason}</translation>
    </message>
    <message>
        <source>退出前的备份没有完成：{reason}</source>
        <translation>The backup before quitting did not finish: {reason}</translation>
    </message>
    <message>
        <source>应订货户数（户）</source>
        <translation>Shops due to order</translation>
    </message>
    <message>
        <source>订货户数（户）</source>
        <translation>Shops ordered</translation>
    </message>
    <message>
        <source>订货率</source>
        <translation>Order rate</translation>
    </message>
    <message>
        <source>订货量（条）</source>
        <translation>Cartons ordered</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>单条值（元/条）</source>
        <translation>Per carton (yuan)</translation>
    </message>
    <message>
        <source>满足率</source>
        <translation>Fill rate</translation>
    </message>
    <message>
        <source>到店到离店的平均时间（关门未遇的不算）</source>
        <translation>Average time from arrival to departure (shops found closed are not counted)</translation>
    </message>
    <message>
        <source>首户到店到末户离店，扣除午餐时间</source>
        <translation>From the first arrival to the last departure, less lunch</translation>
    </message>
    <message>
        <source>在片区工作时间</source>
        <translation>Time in the area</translation>
    </message>
    <message>
        <source>未分类</source>
        <translation>Unclassified</translation>
    </message>
    <message>
        <source>比 {start} 早 {d}</source>
        <translation>{d} earlier than {start}</translation>
    </message>
    <message>
        <source>没有到店记录</source>
        <translation>No arrival recorded</translation>
    </message>
    <message>
        <source>比 {end} 早 {d}</source>
        <translation>{d} earlier than {end}</translation>
    </message>
    <message>
        <source>未记录（回到单位时点“回到单位”）</source>
        <translation>Not recorded (click "Back at office" on return)</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>本周没有走访记录</source>
        <translation>No visits recorded this week</translation>
    </message>
    <message>
        <source>持平</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>{name} {share}（较上周 {change}）</source>
        <translation>{name} {share} ({change} vs last week)</translation>
    </message>
    <message>
        <source>{name} {share}（较上周同日 {change}）</source>
        <translation>{name} {share} ({change} vs the same day last week)</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>未注明</source>
        <translation>No reason given</translation>
    </message>
    <message>
        <source>计划 {planned} 户 · 已访 {done} 户 · 未访 {skipped} 户</source>
        <translation>Planned {planned} shops · visited {done} · not visited {skipped}</translation>
    </message>
    <message>
        <source>走访</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>比 {start} 晚 {d}</source>
        <translation>{d} later than {start}</translation>
    </message>
    <message>
        <source>应在 {start} 前到达片区</source>
        <translation>Should arrive in the territory by {start}</translation>
    </message>
    <message>
        <source>到达片区</source>
        <translation>In the area</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>户均分钟</source>
        <translation>Minutes per shop</translation>
    </message>
    <message>
        <source>比 {end} 晚 {d}</source>
        <translation>{d} later than {end}</translation>
    </message>
    <message>
        <source>应在 {end} 前回到单位</source>
        <translation>Due back at the office by {end}</translation>
    </message>
    <message>
        <source>回到单位</source>
        <translation>Back at office</translation>
    </message>
    <message>
        <source>{time}（{start}–{end}，标准 {std}）</source>
        <translation>{time} ({start}–{end}, standard {std})</translation>
    </message>
    <message>
        <source> 户</source>
        <translation> shops</translation>
    </message>
    <message>
        <source>发现问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>新建反馈单</source>
        <translation>New feedback slip</translation>
    </message>
    <message>
        <source>关闭跟踪事项</source>
        <translation>Close follow-up</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>→ 持平</source>
        <translation>→ no change</translation>
    </message>
    <message>
        <source>{v} 个百分点</source>
        <translation>{v} pp</translation>
    </message>
    <message>
        <source>准时</source>
        <translation>on time</translation>
    </message>
    <message>
        <source>{time}（{note}）</source>
        <translation>{time} ({note})</translation>
    </message>
    <message>
        <source> · 未处理 {n} 户</source>
        <translation> · {n} not yet handled</translation>
    </message>
    <message>
        <source>（未访原因：{reasons}）</source>
        <translation>; reasons not visited: {reasons}</translation>
    </message>
    <message>
        <source>{avg:g} 分钟/户（标准 {std} 分钟）</source>
        <translation>{avg:g} min/shop (standard {std} min)</translation>
    </message>
    <message>
        <source>{n} 天：到达片区迟到 {late} 天</source>
        <translation>{n} days: late in the area on {late}</translation>
    </message>
    <message>
        <source>{v:.1f}个百分点</source>
        <translation>{v:.1f} pts</translation>
    </message>
    <message>
        <source>{n} 项</source>
        <translation>{n} items</translation>
    </message>
    <message>
        <source>{day} {time} 晚 {d}</source>
        <translation>{day} {time}, {d} late</translation>
    </message>
    <message>
        <source>回到单位按时 {ok} 天、晚 {late} 天、未记录 {none} 天</source>
        <translation>back at the office on time {ok}, late {late}, not recorded {none}</translation>
    </message>
    <message>
        <source>在片区工作平均 {time}，不足标准 {n} 天</source>
        <translation>time in the area {time} on average, below the standard on {n}</translation>
    </message>
    <message>
        <source>（{list}）</source>
        <translation> ({list})</translation>
    </message>
    <message>
        <source>答复：{a}</source>
        <translation>Answer: {a}</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>（服务器数据库由管理员备份）</source>
        <translation>(the server database is backed up by the administrator)</translation>
    </message>
    <message>
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>运行环境</source>
        <translation>Environment</translation>
    </message>
    <message>
        <source>关于 {app}</source>
        <translation>About {app}</translation>
    </message>
    <message>
        <source>客户经理外勤工作手册</source>
        <translation>Account manager's field work journal</translation>
    </message>
    <message>
        <source>添加客户到计划</source>
        <translation>Add customer to plan</translation>
    </message>
    <message>
        <source>搜索编码、名称、负责人、电话或拼音首字母</source>
        <translation>Search by code, name, owner, phone or pinyin initials</translation>
    </message>
    <message>
        <source>搜索客户</source>
        <translation>Search customers</translation>
    </message>
    <message>
        <source>找到的客户</source>
        <translation>Matching customers</translation>
    </message>
    <message>
        <source>为什么今天去（可不填），如 店主来电要求</source>
        <translation>Why visit today (optional), e.g. owner called and asked</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>该客户不是正常营业状态</source>
        <translation>This customer is not open for business as usual</translation>
    </message>
    <message>
        <source>找到 {n} 户</source>
        <translation>{n} customers found</translation>
    </message>
    <message>
        <source>只显示前 {n} 户，请输入更多字缩小范围</source>
        <translation>Showing only the first {n} customers; type more to narrow the search</translation>
    </message>
    <message>
        <source>{text}（已在计划中）</source>
        <translation>{text} (already in plan)</translation>
    </message>
    <message>
        <source>选择部门发回的登记表</source>
        <translation>Choose the register sent back by a department</translation>
    </message>
    <message>
        <source>检查部门答复</source>
        <translation>Check department answers</translation>
    </message>
    <message>
        <source>导入部门答复</source>
        <translation>Import department answers</translation>
    </message>
    <message>
        <source>选择部门填好发回的登记表（.xlsx）。先检查，列出将要办理的和有冲突的行，确认后再导入。</source>
        <translation>Choose the register (.xlsx) a department filled in and sent back. It is checked first: the rows to be processed and any conflicts are listed, and you confirm before importing.</translation>
    </message>
    <message>
        <source>将要办理</source>
        <translation>To be processed</translation>
    </message>
    <message>
        <source>问题和冲突（这些行不会导入）</source>
        <translation>Problems and conflicts (these rows will not be imported)</translation>
    </message>
    <message>
        <source>没有导入：数据库在检查之后有了变动，请核对后再导入。</source>
        <translation>Not imported: the database changed after the check. Please review and import again.</translation>
    </message>
    <message>
        <source> 缺少必需的列，不能导入。</source>
        <translation> Required columns are missing; cannot import.</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>反馈单号</source>
        <translation>Slip no.</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>变动</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>处理人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>处理时间</source>
        <translation>Handled at</translation>
    </message>
    <message>
        <source>答复</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>已导入部门答复：办理 {n} 行（状态变更 {m} 次），跳过 {bad} 行。</source>
        <translation>Department answers imported: {n} rows processed ({m} status changes), {bad} rows skipped.</translation>
    </message>
    <message>
        <source> 改好文件后重新选择，或跳过有问题的行只导入其余的行。</source>
        <translation> Fix the file and choose it again, or skip the problem rows and import the rest.</translation>
    </message>
    <message>
        <source>表头在第 {row} 行{sheet}。</source>
        <translation>Header found on row {row}{sheet}.</translation>
    </message>
    <message>
        <source>办理 {n} 行（状态变更 {m} 次）</source>
        <translation>Process {n} rows ({m} status changes)</translation>
    </message>
    <message>
        <source>未变 {n} 行</source>
        <translation>{n} rows unchanged</translation>
    </message>
    <message>
        <source>有问题 {n} 行（其中冲突 {c} 行）</source>
        <translation>{n} rows with problems ({c} of them conflicts)</translation>
    </message>
    <message>
        <source> 文件与数据库一致，没有需要导入的内容。</source>
        <translation> The file matches the database; there is nothing to import.</translation>
    </message>
    <message>
        <source>（原因：{r}）</source>
        <translation> (reason: {r})</translation>
    </message>
    <message>
        <source>跳过空行/合计行 {n} 行</source>
        <translation>{n} blank/total rows skipped</translation>
    </message>
    <message>
        <source> 没有发现问题，可以导入。</source>
        <translation> No problems found; ready to import.</translation>
    </message>
    <message>
        <source>保存客户</source>
        <translation>Save customer</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>修改记录…</source>
        <translation>Change history…</translation>
    </message>
    <message>
        <source>（未填写）</source>
        <translation>(not filled in)</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>选择或输入线路名称</source>
        <translation>Choose or type a route name</translation>
    </message>
    <message>
        <source>放弃修改？</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <source>这个客户的修改还没有保存。要放弃这些修改吗？</source>
        <translation>Changes to this customer have not been saved. Discard them?</translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>继续编辑</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <source>新增客户</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>读取反馈单</source>
        <translation>Loading feedback slips</translation>
    </message>
    <message>
        <source>读取线路</source>
        <translation>Loading routes</translation>
    </message>
    <message>
        <source>已保存客户 {name}</source>
        <translation>Customer {name} saved</translation>
    </message>
    <message>
        <source>编辑客户 · {name}</source>
        <translation>Edit customer · {name}</translation>
    </message>
    <message>
        <source>许可证号、经营状态、档位、线路和订货日的每次修改：何时、改前 → 改后、原因。</source>
        <translation>Every change of the licence number, status, grade, route and order day: when, before → after, and why.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>读取修改记录</source>
        <translation>Reading the change history</translation>
    </message>
    <message>
        <source>修改记录 · {name}</source>
        <translation>Change history · {name}</translation>
    </message>
    <message>
        <source>数据库文件已损坏</source>
        <translation>Database file is damaged</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>没有找到完好的备份。损坏的文件保留在上面的位置，可以交给技术支持尝试修复。</source>
        <translation>No good backup was found. The damaged file is kept at the location above; you can give it to technical support to try to repair it.</translation>
    </message>
    <message>
        <source>恢复此备份</source>
        <translation>Restore this backup</translation>
    </message>
    <message>
        <source>数据库文件已损坏，已移到 {moved}，原文件未被覆盖。</source>
        <translation>The database file is damaged and has been moved to {moved}; the original file was not overwritten.</translation>
    </message>
    <message>
        <source>数据库文件已损坏，但它正被另一个程序（进程 {pid}）使用，所以没有做任何改动。请先关闭那个程序，再打开 Fieldbook。</source>
        <translation>The database file is damaged, but it is in use by another program (process {pid}), so nothing was changed. Please close that program first, then open Fieldbook.</translation>
    </message>
    <message>
        <source>检查发现的问题：{items}</source>
        <translation>Problems found by the check: {items}</translation>
    </message>
    <message>
        <source>最新的完好备份：{time}（{kind}）
{counts}

恢复后，Fieldbook 在这个备份上打开；备份之后的修改不在其中。</source>
        <translation>Latest good backup: {time} ({kind})
{counts}

After restoring, Fieldbook opens on this backup; changes made after the backup are not included.</translation>
    </message>
    <message>
        <source>忽略建议</source>
        <translation>Ignore suggestion</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>建议</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>发现</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>忽略原因</source>
        <translation>Reason for dismissing</translation>
    </message>
    <message>
        <source>原因 *</source>
        <translation>Reason *</translation>
    </message>
    <message>
        <source>忽略</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <source>不忽略这条建议？</source>
        <translation>Keep this suggestion?</translation>
    </message>
    <message>
        <source>已选的原因还没有保存。要放弃吗？</source>
        <translation>The chosen reason is not saved yet. Discard it?</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>(choose one)</translation>
    </message>
    <message>
        <source>为什么不需要填反馈单</source>
        <translation>Why no slip is needed</translation>
    </message>
    <message>
        <source>附件（可选）</source>
        <translation>Attachment (optional)</translation>
    </message>
    <message>
        <source>违纪建议只能以规定的原因忽略。</source>
        <translation>A violation suggestion can only be dismissed with one of the set reasons.</translation>
    </message>
    <message>
        <source>原因会随建议保存，并计入周报、部门视图和抽查。</source>
        <translation>The reason is kept with the suggestion and counted in the week report, the department view and the spot check.</translation>
    </message>
    <message>
        <source>已忽略：{shop} 的{category}建议（{reason}）</source>
        <translation>Dismissed: the {category} suggestion for {shop} ({reason})</translation>
    </message>
    <message>
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>继续填写</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <source>保存跟踪事项</source>
        <translation>Save follow-up</translation>
    </message>
    <message>
        <source>新建跟踪事项</source>
        <translation>New follow-up</translation>
    </message>
    <message>
        <source>客户 *</source>
        <translation>Customer *</translation>
    </message>
    <message>
        <source>如 电访员 刘丽</source>
        <translation>e.g. phone sales rep Liu Li</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>要做什么，如：店主反映断货黄鹤楼(软蓝)，请协调补货</source>
        <translation>What needs doing, e.g. owner reports Huanghelou (soft blue) out of stock; please arrange restocking</translation>
    </message>
    <message>
        <source>事项内容</source>
        <translation>Follow-up details</translation>
    </message>
    <message>
        <source>事项 *</source>
        <translation>Item *</translation>
    </message>
    <message>
        <source> 个工作日内</source>
        <translation> working days</translation>
    </message>
    <message>
        <source>下次走访时</source>
        <translation>At next visit</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>放弃这条跟踪事项？</source>
        <translation>Discard this follow-up?</translation>
    </message>
    <message>
        <source>这条跟踪事项还没有保存。要放弃已填写的内容吗？</source>
        <translation>This follow-up has not been saved. Discard what you have entered?</translation>
    </message>
    <message>
        <source>提出人</source>
        <translation>Raised by</translation>
    </message>
    <message>
        <source>到那家店走访时提醒</source>
        <translation>Remind me when visiting that shop</translation>
    </message>
    <message>
        <source>已记下跟踪事项：{shop}</source>
        <translation>Follow-up recorded: {shop}</translation>
    </message>
    <message>
        <source>到期：{day}</source>
        <translation>Due: {day}</translation>
    </message>
    <message>
        <source>列的对应关系（可修改）</source>
        <translation>Column mapping (editable)</translation>
    </message>
    <message>
        <source>导入客户名单</source>
        <translation>Import customer list</translation>
    </message>
    <message>
        <source>导入卷烟规格</source>
        <translation>Import cigarette SKUs</translation>
    </message>
    <message>
        <source>导入月度任务</source>
        <translation>Import monthly targets</translation>
    </message>
    <message>
        <source>支持 Excel 工作簿（.xlsx）和 CSV 文件。先检查，确认无误后再导入。</source>
        <translation>Excel workbooks (.xlsx) and CSV files are supported. The file is checked first; import once everything looks right.</translation>
    </message>
    <message>
        <source>检查结果</source>
        <translation>Check results</translation>
    </message>
    <message>
        <source>个规格</source>
        <translation>SKUs</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>文件中的列</source>
        <translation>Column in file</translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation>(do not import)</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>未变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>有问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>其他片区（不导入）</source>
        <translation>Other areas (not imported)</translation>
    </message>
    <message>
        <source>导入完成：新增 {new} {noun}，更新 {upd} {noun}，跳过 {bad} 行。</source>
        <translation>Import finished: {new} {noun} added, {upd} {noun} updated, {bad} rows skipped.</translation>
    </message>
    <message>
        <source>（空白表头）</source>
        <translation>(blank header)</translation>
    </message>
    <message>
        <source>名单中缺少的客户</source>
        <translation>Customers missing from the list</translation>
    </message>
    <message>
        <source>户</source>
        <translation>customers</translation>
    </message>
    <message>
        <source>项任务</source>
        <translation>targets</translation>
    </message>
    <message>
        <source>表头在第 {row} 行{sheet}。请核对列的对应关系和检查结果。</source>
        <translation>Header found on row {row}{sheet}. Please review the column mapping and the check results.</translation>
    </message>
    <message>
        <source>其他客户经理（不导入）</source>
        <translation>Other managers (not imported)</translation>
    </message>
    <message>
        <source>缺少必需的列：{cols}。请在左边为它选择文件中的列。</source>
        <translation>Required columns missing: {cols}. Choose a column from the file for each on the left.</translation>
    </message>
    <message>
        <source>文件与现有数据一致，没有需要导入的内容。</source>
        <translation>The file matches the existing data; there is nothing to import.</translation>
    </message>
    <message>
        <source>没有发现问题，可以导入。</source>
        <translation>No problems found; ready to import.</translation>
    </message>
    <message>
        <source>其他客户经理（{names}）的任务不导入。</source>
        <translation>Targets of other account managers ({names}) are not imported.</translation>
    </message>
    <message>
        <source>数据库里有 {n} 户不在这份名单中（导入不会删除它们）。</source>
        <translation>{n} customers in the database are not in this list (importing will not delete them).</translation>
    </message>
    <message>
        <source>未使用的列：{cols}。</source>
        <translation>Unused columns: {cols}.</translation>
    </message>
    <message>
        <source>{col} 列：{text}</source>
        <translation>Column {col}: {text}</translation>
    </message>
    <message>
        <source>其他片区和线路的 {n} 户不导入。</source>
        <translation>{n} customers of other districts and routes are not imported.</translation>
    </message>
    <message>
        <source>表格文件 (*.xlsx *.xlsm *.csv *.txt)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.csv *.txt)</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx *.xlsm)</source>
        <translation>Excel workbook (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>选择要导入的文件</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <source>检查文件</source>
        <translation>Check file</translation>
    </message>
    <message>
        <source>还没有选择文件</source>
        <translation>No file selected yet</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>跳过有问题的行并导入</source>
        <translation>Skip problem rows and import</translation>
    </message>
    <message>
        <source>正在检查文件…</source>
        <translation>Checking file…</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>文件：</source>
        <translation>File: </translation>
    </message>
    <message>
        <source>检查已取消。</source>
        <translation>Check cancelled.</translation>
    </message>
    <message>
        <source>无法导入这个文件。请检查文件，或选择另一个文件。</source>
        <translation>This file cannot be imported. Please check the file, or choose another one.</translation>
    </message>
    <message>
        <source>{n} 行有问题：改好文件后重新选择，或跳过这些行只导入其余的行。</source>
        <translation>{n} rows have problems: fix the file and choose it again, or skip these rows and import the rest.</translation>
    </message>
    <message>
        <source>已跳过 {n} 个空行或合计行。</source>
        <translation>{n} blank or total rows skipped.</translation>
    </message>
    <message>
        <source>正在读取并检查 {name}…</source>
        <translation>Reading and checking {name}…</translation>
    </message>
    <message>
        <source>，工作表“{sheet}”</source>
        <translation>, sheet "{sheet}"</translation>
    </message>
    <message>
        <source>正在导入 {name}…</source>
        <translation>Importing {name}…</translation>
    </message>
    <message>
        <source>提醒：{text}</source>
        <translation>Note: {text}</translation>
    </message>
    <message>
        <source>当天还没有订单</source>
        <translation>No orders for this day yet</translation>
    </message>
    <message>
        <source>选择订单文件</source>
        <translation>Choose order file</translation>
    </message>
    <message>
        <source>检查订单文件</source>
        <translation>Check order file</translation>
    </message>
    <message>
        <source>将替换当天已有订单（{c} 条，{a} 元）</source>
        <translation>Will replace this day's orders ({c} cartons, {a} yuan)</translation>
    </message>
    <message>
        <source>导入订单</source>
        <translation>Import orders</translation>
    </message>
    <message>
        <source>订货系统导出的订单明细（.xlsx 或 .csv）。文件里的每一天都会整天替换已导入的订单（不会重复累加）。先检查，确认无误后再导入。</source>
        <translation>Order details exported from the ordering system (.xlsx or .csv). Each day in the file replaces that whole day's imported orders (nothing is added twice). The file is checked first; import once everything looks right.</translation>
    </message>
    <message>
        <source>文件中的订单（按天）</source>
        <translation>Orders in the file (by day)</translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <source>将替换当天已有 {n} 行（{c} 条，{a} 元）</source>
        <translation>Will replace this day's {n} rows ({c} cartons, {a} yuan)</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>行数</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>当天已有的订单</source>
        <translation>Existing orders for the day</translation>
    </message>
    <message>
        <source>订单已导入：{days} 天，{lines} 行</source>
        <translation>Orders imported: {days} days, {lines} rows</translation>
    </message>
    <message>
        <source>，替换了原有的 {n} 行</source>
        <translation>, replacing {n} existing rows</translation>
    </message>
    <message>
        <source>，跳过有问题的 {n} 行</source>
        <translation>, skipping {n} rows with problems</translation>
    </message>
    <message>
        <source>；{n} 户连续未订货，已建议填写不订货反馈单</source>
        <translation>; {n} customers have not ordered for weeks: a not-ordering slip is suggested</translation>
    </message>
    <message>
        <source>表头在第 {row} 行{sheet}。请核对每天的行数、条数和金额。</source>
        <translation>Header found on row {row}{sheet}. Please check the rows, cartons and amount for each day.</translation>
    </message>
    <message>
        <source>可导入 {lines} 行，共 {days} 天。</source>
        <translation>{lines} rows over {days} days can be imported.</translation>
    </message>
    <message>
        <source>导入后，这一天原有的订单会被文件中的订单整天替换</source>
        <translation>After importing, this day's existing orders are replaced entirely by the orders in the file</translation>
    </message>
    <message>
        <source>缺少必需的列：{cols}。</source>
        <translation>Required columns missing: {cols}.</translation>
    </message>
    <message>
        <source>文件里没有订单。</source>
        <translation>There are no orders in the file.</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>这个数据库已加密，请输入口令：
{path}</source>
        <translation>This database is encrypted. Please enter the passphrase:
{path}</translation>
    </message>
    <message>
        <source>第 {n} 次，共可试 {total} 次。口令不会被保存；忘记口令将无法打开这个数据库和它的备份。</source>
        <translation>Attempt {n} of {total}. The passphrase is not saved; if you forget it, this database and its backups cannot be opened.</translation>
    </message>
    <message>
        <source>导出反馈单登记表</source>
        <translation>Export feedback slip register</translation>
    </message>
    <message>
        <source>全部部门</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>填报日期</source>
        <translation>Date filed</translation>
    </message>
    <message>
        <source>每张反馈单发给几个部门就有几行。部门在黄色的列里填写状态、处理人、处理时间和答复，发回后用“导入部门答复…”读入。</source>
        <translation>Each feedback slip has one row per department it was sent to. Departments fill in status, handler, handled time and answer in the yellow columns; when it comes back, load it with "Import department answers…".</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>反馈单登记表_{start}_{end}.xlsx</source>
        <translation>SlipRegister_{start}_{end}.xlsx</translation>
    </message>
    <message>
        <source>导出登记表</source>
        <translation>Export register</translation>
    </message>
    <message>
        <source>登记表已导出：{path}</source>
        <translation>Register exported: {path}</translation>
    </message>
    <message>
        <source>登记表没有导出：{reason}</source>
        <translation>Register not exported: {reason}</translation>
    </message>
    <message>
        <source> 元/条</source>
        <translation> yuan/carton</translation>
    </message>
    <message>
        <source>保存卷烟规格</source>
        <translation>Save cigarette SKU</translation>
    </message>
    <message>
        <source>如 中华(硬)</source>
        <translation>e.g. Zhonghua (hard)</translation>
    </message>
    <message>
        <source>留空则取名称括号前的部分</source>
        <translation>Blank: the name before the brackets</translation>
    </message>
    <message>
        <source>按批发价自动确定</source>
        <translation>Set automatically from the wholesale price</translation>
    </message>
    <message>
        <source>未填写</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <source>重点品牌</source>
        <translation>Key brand</translation>
    </message>
    <message>
        <source>新品</source>
        <translation>New product</translation>
    </message>
    <message>
        <source>在销</source>
        <translation>On sale</translation>
    </message>
    <message>
        <source>卷烟代码 *</source>
        <translation>SKU code *</translation>
    </message>
    <message>
        <source>卷烟名称 *</source>
        <translation>SKU name *</translation>
    </message>
    <message>
        <source>品牌</source>
        <translation>Brand</translation>
    </message>
    <message>
        <source>价类</source>
        <translation>Price class</translation>
    </message>
    <message>
        <source>批发价</source>
        <translation>Wholesale price</translation>
    </message>
    <message>
        <source>零售价</source>
        <translation>Retail price</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>货源信息</source>
        <translation>Supply information</translation>
    </message>
    <message>
        <source>新增卷烟规格</source>
        <translation>New cigarette SKU</translation>
    </message>
    <message>
        <source>读取货源信息</source>
        <translation>Reading the supply information</translation>
    </message>
    <message>
        <source>已保存卷烟规格 {name}</source>
        <translation>Cigarette SKU {name} saved</translation>
    </message>
    <message>
        <source>编辑卷烟规格 · {name}</source>
        <translation>Edit cigarette SKU · {name}</translation>
    </message>
    <message>
        <source>客户名称 *</source>
        <translation>Customer name *</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>经营地址</source>
        <translation>Business address</translation>
    </message>
    <message>
        <source>许可证号</source>
        <translation>Licence no.</translation>
    </message>
    <message>
        <source>保存反馈单</source>
        <translation>Save feedback slip</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>细分原因</source>
        <translation>Detailed reason</translation>
    </message>
    <message>
        <source>类别 *</source>
        <translation>Category *</translation>
    </message>
    <message>
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <source>恢复日期</source>
        <translation>Reopening date</translation>
    </message>
    <message>
        <source>生效日期 *</source>
        <translation>Effective date *</translation>
    </message>
    <message>
        <source>恢复日期 *</source>
        <translation>Reopening date *</translation>
    </message>
    <message>
        <source>新客户，还没有客户档案（办结后自动建档）</source>
        <translation>New customer with no customer record yet (one is created automatically when done)</translation>
    </message>
    <message>
        <source>写清楚发现了什么、在哪里、涉及哪些规格，需要各部门做什么</source>
        <translation>Describe clearly what you found, where, which SKUs are involved, and what each department needs to do</translation>
    </message>
    <message>
        <source>情况说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>情况说明 *</source>
        <translation>Description *</translation>
    </message>
    <message>
        <source>卷烟规格 *</source>
        <translation>Cigarette SKUs *</translation>
    </message>
    <message>
        <source>发送给 *</source>
        <translation>Send to *</translation>
    </message>
    <message>
        <source>去掉部门的原因</source>
        <translation>Reason for leaving departments off</translation>
    </message>
    <message>
        <source>未发原因 *</source>
        <translation>Why left off *</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>保存为草稿（Ctrl+Enter），稍后再发送</source>
        <translation>Save as draft (Ctrl+Enter) and send later</translation>
    </message>
    <message>
        <source>保存并发送</source>
        <translation>Save and send</translation>
    </message>
    <message>
        <source>保存，并发送给选中的部门</source>
        <translation>Save and send to the selected departments</translation>
    </message>
    <message>
        <source>（不填）</source>
        <translation>(leave blank)</translation>
    </message>
    <message>
        <source>放弃这张反馈单？</source>
        <translation>Discard this feedback slip?</translation>
    </message>
    <message>
        <source>这张反馈单还没有保存。要放弃已填写的内容吗？</source>
        <translation>This feedback slip has not been saved. Discard what you have entered?</translation>
    </message>
    <message>
        <source>生成反馈单（来自走访建议）</source>
        <translation>Create feedback slip (from visit suggestion)</translation>
    </message>
    <message>
        <source>{name}需附现场照片等证据：可在这里添加，也可保存后在详情中添加。</source>
        <translation>{name} requires evidence such as on-site photos: add it here, or add it in the details after saving.</translation>
    </message>
    <message>
        <source>生效日期是{name}开始的日期，恢复日期是预计恢复营业的日期。</source>
        <translation>The effective date is when the {name} begins; the reopening date is when the shop is expected to reopen.</translation>
    </message>
    <message>
        <source>为什么不发给{names}（如：专卖办已在现场处理）</source>
        <translation>Why not send it to {names} (e.g. handled on site by the monopoly office)</translation>
    </message>
    <message>
        <source>已保存反馈单 {number}</source>
        <translation>Feedback slip {number} saved</translation>
    </message>
    <message>
        <source>发送反馈单</source>
        <translation>Send feedback slip</translation>
    </message>
    <message>
        <source>添加附件 {name}</source>
        <translation>Add attachment {name}</translation>
    </message>
    <message>
        <source>保存月度任务</source>
        <translation>Save the monthly target</translation>
    </message>
    <message>
        <source>月度任务</source>
        <translation>Monthly target</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>月份 *</source>
        <translation>Month *</translation>
    </message>
    <message>
        <source>全月</source>
        <translation>Whole month</translation>
    </message>
    <message>
        <source>卷烟（重点品牌/新品）</source>
        <translation>SKU (key brand / new product)</translation>
    </message>
    <message>
        <source>指标范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>卷烟代码，如 13100101</source>
        <translation>SKU code, e.g. 13100101</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>条</source>
        <translation>cartons</translation>
    </message>
    <message>
        <source>销量任务（条）</source>
        <translation>Carton target</translation>
    </message>
    <message>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <source>金额任务（元）</source>
        <translation>Amount target (yuan)</translation>
    </message>
    <message>
        <source>元/条</source>
        <translation>yuan per carton</translation>
    </message>
    <message>
        <source>单条值（元）</source>
        <translation>Per carton (yuan)</translation>
    </message>
    <message>
        <source>三项至少填一项；改动会记入修改记录。</source>
        <translation>Fill in at least one of the three; every change is kept in the change history.</translation>
    </message>
    <message>
        <source>放弃这项任务？</source>
        <translation>Discard this target?</translation>
    </message>
    <message>
        <source>这项月度任务还没有保存。要放弃已填写的内容吗？</source>
        <translation>This monthly target is not saved yet. Discard what you typed?</translation>
    </message>
    <message>
        <source>卷烟代码</source>
        <translation>SKU code</translation>
    </message>
    <message>
        <source>读取月度任务</source>
        <translation>Loading the monthly targets</translation>
    </message>
    <message>
        <source>已保存 {month} 的月度任务</source>
        <translation>Monthly target of {month} saved</translation>
    </message>
    <message>
        <source>= {n} 箱</source>
        <translation>= {n} cases</translation>
    </message>
    <message>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>自动</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>退出时</source>
        <translation>On exit</translation>
    </message>
    <message>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>恢复前</source>
        <translation>Pre-restore</translation>
    </message>
    <message>
        <source>升级前</source>
        <translation>Pre-upgrade</translation>
    </message>
    <message>
        <source>{m}月{d}日</source>
        <translation>{m}/{d}</translation>
    </message>
    <message>
        <source>{y}年{m}月{d}日</source>
        <translation>{m}/{d}/{y}</translation>
    </message>
    <message>
        <source>{m}分</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <source>客户 {n} 户</source>
        <translation>{n} customers</translation>
    </message>
    <message>
        <source>走访 {n} 次</source>
        <translation>{n} visits</translation>
    </message>
    <message>
        <source>计划 {n} 个</source>
        <translation>{n} plans</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{h}小时{m}分</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <source>{h}小时</source>
        <translation>{h} h</translation>
    </message>
    <message>
        <source>客户资料</source>
        <translation>Customer details</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basic info</translation>
    </message>
    <message>
        <source>客户编码 *</source>
        <translation>Customer code *</translation>
    </message>
    <message>
        <source>如 230902100123</source>
        <translation>e.g. 230902100123</translation>
    </message>
    <message>
        <source>手机或座机</source>
        <translation>Mobile or landline</translation>
    </message>
    <message>
        <source>12 位数字</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <source>许可证有效期</source>
        <translation>Licence expiry</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <source>线路与订货</source>
        <translation>Route and orders</translation>
    </message>
    <message>
        <source>线路</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>线路顺序</source>
        <translation>Route order</translation>
    </message>
    <message>
        <source>自动（排在最后）</source>
        <translation>Automatic (last)</translation>
    </message>
    <message>
        <source>订货日</source>
        <translation>Order day</translation>
    </message>
    <message>
        <source>经营信息</source>
        <translation>Business info</translation>
    </message>
    <message>
        <source>经营业态</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>市场类型</source>
        <translation>Market type</translation>
    </message>
    <message>
        <source>档位</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>经营状态</source>
        <translation>Business status</translation>
    </message>
    <message>
        <source>重点客户</source>
        <translation>Key customer</translation>
    </message>
    <message>
        <source>是重点客户</source>
        <translation>Is a key customer</translation>
    </message>
    <message>
        <source>纬度</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>可不填，如 45.7712</source>
        <translation>Optional, e.g. 45.7712</translation>
    </message>
    <message>
        <source>经度</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>可不填，如 131.0033</source>
        <translation>Optional, e.g. 131.0033</translation>
    </message>
    <message>
        <source>打开加密的数据库</source>
        <translation>Open encrypted database</translation>
    </message>
    <message>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>口令不正确</source>
        <translation>Incorrect passphrase</translation>
    </message>
    <message>
        <source>读取客户经理资料</source>
        <translation>Loading account manager profile</translation>
    </message>
    <message>
        <source>今日计划</source>
        <translation>Today's plan</translation>
    </message>
    <message>
        <source>卷烟规格</source>
        <translation>Cigarette SKUs</translation>
    </message>
    <message>
        <source>反馈单</source>
        <translation>Feedback slips</translation>
    </message>
    <message>
        <source>工作日志</source>
        <translation>Work log</translation>
    </message>
    <message>
        <source>周报</source>
        <translation>Weekly report</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <source>数据库位置</source>
        <translation>Database location</translation>
    </message>
    <message>
        <source>页面</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>还有没保存的修改</source>
        <translation>There are unsaved changes</translation>
    </message>
    <message>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>仍然退出</source>
        <translation>Quit anyway</translation>
    </message>
    <message>
        <source>退出前的备份没有完成</source>
        <translation>The backup before quitting did not finish</translation>
    </message>
    <message>
        <source>不退出</source>
        <translation>Don't quit</translation>
    </message>
    <message>
        <source>读取未完成的走访</source>
        <translation>Loading unfinished visits</translation>
    </message>
    <message>
        <source>尚未填写客户经理资料</source>
        <translation>Account manager profile not filled in yet</translation>
    </message>
    <message>
        <source>

数据库里的数据都在（每次修改都已保存），只是少了这次备份。</source>
        <translation>

All data in the database is intact (every change has been saved); only this backup is missing.</translation>
    </message>
    <message>
        <source>{app} · 客户经理外勤工作手册</source>
        <translation>{app} · Account manager's field work journal</translation>
    </message>
    <message>
        <source>客户经理：{name}</source>
        <translation>Account manager: {name}</translation>
    </message>
    <message>
        <source>正在备份，备份完成后退出…</source>
        <translation>Backing up; will quit when the backup is done…</translation>
    </message>
    <message>
        <source>{what}

现在退出，这些修改会丢失。</source>
        <translation>{what}

If you quit now, these changes will be lost.</translation>
    </message>
    <message>
        <source>{title}（Ctrl+{n}）</source>
        <translation>{title} (Ctrl+{n})</translation>
    </message>
    <message>
        <source>有 {n} 个未完成的走访，可在“今日计划”页继续。</source>
        <translation>{n} unfinished visits; you can continue them on the "Today's plan" page.</translation>
    </message>
    <message>
        <source>已损坏</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>可以恢复</source>
        <translation>Restorable</translation>
    </message>
    <message>
        <source>口令不同，无法读取</source>
        <translation>Different passphrase, cannot read</translation>
    </message>
    <message>
        <source>结构不符，不能恢复</source>
        <translation>Schema differs</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>计划</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>客户编码</source>
        <translation>Customer code</translation>
    </message>
    <message>
        <source>客户名称</source>
        <translation>Customer name</translation>
    </message>
    <message>
        <source>业态</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>负责人/电话</source>
        <translation>Owner/phone</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>跟踪</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>规格</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>上柜</source>
        <translation>Listed</translation>
    </message>
    <message>
        <source>排面</source>
        <translation>Facings</translation>
    </message>
    <message>
        <source>库存(条)</source>
        <translation>Stock (cartons)</translation>
    </message>
    <message>
        <source>库存(包)</source>
        <translation>Stock (packs)</translation>
    </message>
    <message>
        <source>售价(元/包)</source>
        <translation>Price (yuan/pack)</translation>
    </message>
    <message>
        <source>高于指导价 {amount} 元（{percent}）</source>
        <translation>{amount} yuan above the guide price ({percent})</translation>
    </message>
    <message>
        <source>低于指导价 {amount} 元（{percent}）</source>
        <translation>{amount} yuan below the guide price ({percent})</translation>
    </message>
    <message>
        <source>指导价 {price} 元/包</source>
        <translation>guide price {price} yuan a pack</translation>
    </message>
    <message>
        <source>价格未到位：{words}，{guide}</source>
        <translation>Not at the guide price: {words}, {guide}</translation>
    </message>
    <message>
        <source>价格偏离：{list}</source>
        <translation>Price deviations: {list}</translation>
    </message>
    <message>
        <source>售价：最多两位小数</source>
        <translation>Price: at most two decimal places</translation>
    </message>
    <message>
        <source>价格到位（{guide}）</source>
        <translation>At the guide price ({guide})</translation>
    </message>
    <message>
        <source>价格偏离：{words}，{guide}</source>
        <translation>Price deviation: {words}, {guide}</translation>
    </message>
    <message>
        <source>售价：请填写金额（元/包），如 23.50</source>
        <translation>Price: enter an amount (yuan/pack), e.g. 23.50</translation>
    </message>
    <message>
        <source>（新品）</source>
        <translation> (new)</translation>
    </message>
    <message>
        <source>上次：{value}（待核对：Ctrl+Shift+D 或直接填写）</source>
        <translation>Last time: {value} (to confirm: Ctrl+Shift+D, or type the new value)</translation>
    </message>
    <message>
        <source> · 重点品牌</source>
        <translation> · key brand</translation>
    </message>
    <message>
        <source>卷烟名称</source>
        <translation>SKU name</translation>
    </message>
    <message>
        <source>批发价(元/条)</source>
        <translation>Wholesale (yuan/carton)</translation>
    </message>
    <message>
        <source>零售价(元/条)</source>
        <translation>Retail (yuan/carton)</translation>
    </message>
    <message>
        <source>重点</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>货源</source>
        <translation>Supply</translation>
    </message>
    <message>
        <source>单号</source>
        <translation>Slip no.</translation>
    </message>
    <message>
        <source>各部门</source>
        <translation>Departments</translation>
    </message>
    <message>
        <source>办结期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>走访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>建议的反馈单</source>
        <translation>Suggested slip</translation>
    </message>
    <message>
        <source>走访发现</source>
        <translation>Visit findings</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>到期</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Logged</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>无法打开数据库：{reason}</source>
        <translation>Cannot open the database: {reason}</translation>
    </message>
    <message>
        <source>恢复没有完成：{reason}</source>
        <translation>Restore did not finish: {reason}</translation>
    </message>
    <message>
        <source>口令不正确：已试 {n} 次。数据库没有被改动。</source>
        <translation>Incorrect passphrase: {n} attempts made. The database was not changed.</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>读取数据</source>
        <translation>Loading data</translation>
    </message>
    <message>
        <source>{what}已取消，没有做任何改动。</source>
        <translation>{what} cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>{what}没有完成：{reason}。
没有做任何改动，数据库保持原样。</source>
        <translation>{what} did not finish: {reason}.
Nothing was changed; the database is as it was.</translation>
    </message>
    <message>
        <source>{what}失败：{reason}</source>
        <translation>{what} failed: {reason}</translation>
    </message>
    <message>
        <source>这个数据库不是本机文件，不能在这里备份或恢复。</source>
        <translation>This database is not a local file, so it cannot be backed up or restored here.</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>现在做一个备份（Ctrl+B）</source>
        <translation>Make a backup now (Ctrl+B)</translation>
    </message>
    <message>
        <source>恢复所选备份…</source>
        <translation>Restore selected backup…</translation>
    </message>
    <message>
        <source>用所选的备份替换当前数据（会先确认）</source>
        <translation>Replace the current data with the selected backup (asks first)</translation>
    </message>
    <message>
        <source>检查数据库</source>
        <translation>Check database</translation>
    </message>
    <message>
        <source>完整性检查和外键检查，找出文件里的任何问题</source>
        <translation>Integrity and foreign-key checks to find any problems in the file</translation>
    </message>
    <message>
        <source>打开备份文件夹</source>
        <translation>Open backup folder</translation>
    </message>
    <message>
        <source>备份列表</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>还没有备份。点“立即备份”做第一个。</source>
        <translation>No backups yet. Click "Back up now" to make the first one.</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>恢复备份</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>正在检查数据库…</source>
        <translation>Checking database…</translation>
    </message>
    <message>
        <source>有修改时每 30 分钟自动备份一次，退出时也备份；旧备份会自动精简（保留最近每天、每周、每月各一份）。备份和数据库一样，只有您的系统账户可以读取。
备份文件夹：{folder}</source>
        <translation>When there are changes, a backup is made automatically every 30 minutes, and also on exit; old backups are thinned out automatically (keeping the most recent one per day, per week and per month). Like the database, backups can only be read by your system account.
Backup folder: {folder}</translation>
    </message>
    <message>
        <source>读取备份列表</source>
        <translation>Loading backup list</translation>
    </message>
    <message>
        <source>用 {time} 的备份（{kind}）替换当前数据？
{counts}

将会这样做：
1. 先把当前数据另做一个“恢复前”备份；
2. 当前数据库文件移到一旁（{name}.replaced-…，不删除）；
3. 用所选备份替换，然后 Fieldbook 在恢复后的数据上重新打开。

这个备份之后的修改不在恢复后的数据里（它们在“恢复前”备份中）。</source>
        <translation>Replace the current data with the backup from {time} ({kind})?
{counts}

This will:
1. First make a separate "pre-restore" backup of the current data;
2. Move the current database file aside ({name}.replaced-…, not deleted);
3. Replace it with the selected backup; Fieldbook then reopens on the restored data.

Changes made after this backup will not be in the restored data (they are in the "pre-restore" backup).</translation>
    </message>
    <message>
        <source>已备份 {time}（{kind}）</source>
        <translation>Backed up {time} ({kind})</translation>
    </message>
    <message>
        <source>没有恢复：{reason}
当前数据库没有改动。</source>
        <translation>Not restored: {reason}
The current database was not changed.</translation>
    </message>
    <message>
        <source>已从备份恢复：{file}</source>
        <translation>Restored from backup: {file}</translation>
    </message>
    <message>
        <source>
…… 共 {n} 个问题</source>
        <translation>
… {n} problems in total</translation>
    </message>
    <message>
        <source>数据库有问题（{time} 检查）：完整性 {i} 个，结构 {s} 个，外键 {f} 个。
{lines}{more}
建议：先“立即备份”留住现状，再从最新的完好备份恢复。</source>
        <translation>Database has problems (checked {time}): {i} integrity, {s} schema, {f} foreign-key.
{lines}{more}
Suggestion: first "Back up now" to keep the current state, then restore from the latest good backup.</translation>
    </message>
    <message>
        <source>恢复前的数据另做了备份：{file}</source>
        <translation>The data before the restore was backed up separately: {file}</translation>
    </message>
    <message>
        <source>原数据库文件已移到：{path}（没有删除）</source>
        <translation>The original database file was moved to: {path} (not deleted)</translation>
    </message>
    <message>
        <source>照片和附件：从备份里找回 {n} 个</source>
        <translation>Photos and attachments: {n} brought back from the backup</translation>
    </message>
    <message>
        <source>有 {n} 个照片或附件在备份里也找不到</source>
        <translation>{n} photos or attachments could not be found in the backup either</translation>
    </message>
    <message>
        <source>检查没有完成：{reason}</source>
        <translation>Check did not finish: {reason}</translation>
    </message>
    <message>
        <source>数据库完好（{time} 检查）：完整性检查、外键检查都通过。</source>
        <translation>Database is fine (checked {time}): integrity and foreign-key checks both passed.</translation>
    </message>
    <message>
        <source>一户一档…</source>
        <translation>Customer file…</translation>
    </message>
    <message>
        <source>导出选中客户的档案：客户资料与修改记录、走访、按月订货、反馈单、抽查</source>
        <translation>Export the selected customer's file: register data and its changes, visits, orders by month, slips, spot checks</translation>
    </message>
    <message>
        <source>一户一档</source>
        <translation>Customer file</translation>
    </message>
    <message>
        <source>导出一户一档</source>
        <translation>Export customer file</translation>
    </message>
    <message>
        <source>搜索编码、名称、负责人、电话、许可证号或拼音首字母（如 zxbl）  Ctrl+F</source>
        <translation>Search by code, name, owner, phone, licence no. or pinyin initials (e.g. zxbl)  Ctrl+F</translation>
    </message>
    <message>
        <source>新增一个客户（Ctrl+N）</source>
        <translation>Add a new customer (Ctrl+N)</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>编辑选中的客户（Enter）</source>
        <translation>Edit the selected customer (Enter)</translation>
    </message>
    <message>
        <source>导入客户名单…</source>
        <translation>Import customer list…</translation>
    </message>
    <message>
        <source>客户列表</source>
        <translation>Customer list</translation>
    </message>
    <message>
        <source>读取客户</source>
        <translation>Loading customers</translation>
    </message>
    <message>
        <source>共 {n} 户</source>
        <translation>{n} customers in total</translation>
    </message>
    <message>
        <source>一户一档_{code}_{name}</source>
        <translation>customer-file_{code}_{name}</translation>
    </message>
    <message>
        <source>一户一档_{code}_{name}.xlsx</source>
        <translation>customer-file_{code}_{name}.xlsx</translation>
    </message>
    <message>
        <source>一户一档已导出：{path}</source>
        <translation>Customer file exported: {path}</translation>
    </message>
    <message>
        <source>已记录答复</source>
        <translation>Answer recorded</translation>
    </message>
    <message>
        <source>请先选中要记录答复的问题</source>
        <translation>Please select the problem to record an answer for first</translation>
    </message>
    <message>
        <source>这个问题还没有保存，保存后才能记录答复</source>
        <translation>This problem has not been saved yet; save it before recording an answer</translation>
    </message>
    <message>
        <source>请先选中要记录答复的问题：</source>
        <translation>Please select the problem to record an answer for first:</translation>
    </message>
    <message>
        <source>记录答复</source>
        <translation>Record answer</translation>
    </message>
    <message>
        <source>答复没有保存：{reason}</source>
        <translation>Answer not saved: {reason}</translation>
    </message>
    <message>
        <source>这个问题已经答复：{answer}</source>
        <translation>This problem has already been answered: {answer}</translation>
    </message>
    <message>
        <source>今天应订货未订货，走访时问清原因</source>
        <translation>Due to order today but did not: ask why at the visit</translation>
    </message>
    <message>
        <source>（走访记录：{reason}）</source>
        <translation> (visit record: {reason})</translation>
    </message>
    <message>
        <source>读取工作日志失败：{reason}</source>
        <translation>Failed to read work log: {reason}</translation>
    </message>
    <message>
        <source>{what}。保存成功（点“重试”或“保存更正”）或撤销之前，不能换到别的日期。</source>
        <translation>{what}. You cannot switch to another date until it is saved (click "Retry" or "Save correction") or undone.</translation>
    </message>
    <message>
        <source>日志日期</source>
        <translation>Log date</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>回到今天（Alt+Home）</source>
        <translation>Back to today (Alt+Home)</translation>
    </message>
    <message>
        <source>导入订单…</source>
        <translation>Import orders…</translation>
    </message>
    <message>
        <source>导入订货系统导出的订单明细（Ctrl+I）</source>
        <translation>Import order details exported from the ordering system (Ctrl+I)</translation>
    </message>
    <message>
        <source>把这天的工作日志导出为 Excel（Ctrl+E）</source>
        <translation>Export this day's work log to Excel (Ctrl+E)</translation>
    </message>
    <message>
        <source>提醒…</source>
        <translation>Reminders…</translation>
    </message>
    <message>
        <source>提醒设置：07:30、15:00、15:40、16:00 和周四 14:00</source>
        <translation>Reminder settings: 07:30, 15:00, 15:40, 16:00 and Thursday 14:00</translation>
    </message>
    <message>
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>提交这天的日志：当天情况和指标按现在的数据保存，之后的修改要填写原因</source>
        <translation>Submit this day's log: the day's situation and indicators are kept as they are now; later changes need a reason</translation>
    </message>
    <message>
        <source>还没有更正。提交后再修改的内容，会连同时间和原因记在这里。</source>
        <translation>No corrections yet. Changes made after submitting are listed here with their time and reason.</translation>
    </message>
    <message>
        <source>（休息日）</source>
        <translation>(day off)</translation>
    </message>
    <message>
        <source>提交工作日志</source>
        <translation>Submit work log</translation>
    </message>
    <message>
        <source>导出工作日志</source>
        <translation>Export work log</translation>
    </message>
    <message>
        <source>上一个工作日（Alt+←）</source>
        <translation>Previous working day (Alt+←)</translation>
    </message>
    <message>
        <source>下一个工作日（Alt+→）</source>
        <translation>Next working day (Alt+→)</translation>
    </message>
    <message>
        <source>读取工作日志</source>
        <translation>Loading work log</translation>
    </message>
    <message>
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>回到办公室后：先导入当天的订单，看一下左边的当天情况和经济指标，再写右边各部分——每次修改都自动保存。写完、开完 16:00 例会后点“提交”。</source>
        <translation>Back at the office: first import the day's orders, review the day's situation and business indicators on the left, then write the sections on the right — every change is saved automatically. When finished and after the 16:00 meeting, click "Submit".</translation>
    </message>
    <message>
        <source>工作日志的更正还没有保存（需要填写原因）</source>
        <translation>The work log correction is not saved yet (a reason is required)</translation>
    </message>
    <message>
        <source>提交 {day} 的工作日志？

提交后，当天情况和经济指标按现在的数据保存；以后再修改任何部分都要填写原因，并记入更正记录。</source>
        <translation>Submit the work log for {day}?

Once submitted, the day's situation and business indicators are kept as they are now; any later change to any section will need a reason and will be added to the correction log.</translation>
    </message>
    <message>
        <source>工作日志_{day}.xlsx</source>
        <translation>WorkLog_{day}.xlsx</translation>
    </message>
    <message>
        <source>工作日志_{day}</source>
        <translation>WorkLog_{day}</translation>
    </message>
    <message>
        <source>工作日志已导出：{path}</source>
        <translation>Work log exported: {path}</translation>
    </message>
    <message>
        <source>工作日志没有导出：{reason}</source>
        <translation>Work log not exported: {reason}</translation>
    </message>
    <message>
        <source>这个版本还没有工作日志导出功能</source>
        <translation>This version cannot export work logs yet</translation>
    </message>
    <message>
        <source>打开{day}的计划 →</source>
        <translation>Open the plan for {day} →</translation>
    </message>
    <message>
        <source>已提交 {time}</source>
        <translation>Submitted {time}</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>没有保存：{reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <source>
保存成功之前不能提交。</source>
        <translation>
Cannot submit until everything is saved.</translation>
    </message>
    <message>
        <source>

还没有填写：{names}。</source>
        <translation>

Not filled in yet: {names}.</translation>
    </message>
    <message>
        <source>日志已于 {time} 提交，是正式记录。要修改某一部分，直接改，再填写原因并点“保存更正”；每次更正都记在“更正记录”里，导出时也会带上。</source>
        <translation>The log was submitted at {time} and is an official record. To change a section, edit it directly, then enter a reason and click "Save correction"; every correction is kept in "Corrections" and included in exports.</translation>
    </message>
    <message>
        <source>工作日志还有部分没有保存：{what}</source>
        <translation>Parts of the work log are not saved yet: {what}</translation>
    </message>
    <message>
        <source>工作日志有部分没有保存（内容有误）：{what}</source>
        <translation>Parts of the work log are not saved (invalid content): {what}</translation>
    </message>
    <message>
        <source>{day} 的工作日志已提交</source>
        <translation>Work log for {day} submitted</translation>
    </message>
    <message>
        <source>没有提交：{reason}</source>
        <translation>Not submitted: {reason}</translation>
    </message>
    <message>
        <source>客户经理</source>
        <translation>Account manager</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>含已落实</source>
        <translation>Include done</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>答复并落实…</source>
        <translation>Answer and mark done…</translation>
    </message>
    <message>
        <source>退回…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>退回原因：</source>
        <translation>Reason for returning:</translation>
    </message>
    <message>
        <source>读取收件箱</source>
        <translation>Loading inbox</translation>
    </message>
    <message>
        <source>请先选中一张反馈单</source>
        <translation>Please select a feedback slip first</translation>
    </message>
    <message>
        <source>处理反馈单</source>
        <translation>Handle feedback slip</translation>
    </message>
    <message>
        <source>一次处理完毕</source>
        <translation>Complete in one go</translation>
    </message>
    <message>
        <source>{n} 件，逾期 {o} 件</source>
        <translation>{n} items, {o} overdue</translation>
    </message>
    <message>
        <source>{n} 的答复：</source>
        <translation>Answer for {n}:</translation>
    </message>
    <message>
        <source>{day} 逾期</source>
        <translation>{day} overdue</translation>
    </message>
    <message>
        <source>部门负责人</source>
        <translation>Department head</translation>
    </message>
    <message>
        <source>手工修改</source>
        <translation>Edited</translation>
    </message>
    <message>
        <source>导入名单</source>
        <translation>Roster import</translation>
    </message>
    <message>
        <source>含已答复</source>
        <translation>Include answered</translation>
    </message>
    <message>
        <source>答复…</source>
        <translation>Answer…</translation>
    </message>
    <message>
        <source>客户经理上报部门负责人的问题。答复后，客户经理同步时收到。</source>
        <translation>Problems the account managers escalated to the department head. An answer reaches the manager at their next sync.</translation>
    </message>
    <message>
        <source>答复上报的问题</source>
        <translation>Answer an escalated problem</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>改前 → 改后</source>
        <translation>Before → after</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>How</translation>
    </message>
    <message>
        <source>许可证号、经营状态未经已办结的反馈单修改的记录（「禁止擅自变更客户信息」）。</source>
        <translation>Licence number and status changes made without a completed feedback slip ("customer information must not be changed without authority").</translation>
    </message>
    <message>
        <source>{name}（{code}）</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>未答复</source>
        <translation>Not answered</translation>
    </message>
    <message>
        <source>读取上报的问题</source>
        <translation>Reading escalated problems</translation>
    </message>
    <message>
        <source>请先选中一个问题</source>
        <translation>Please select a problem first</translation>
    </message>
    <message>
        <source>近 4 周</source>
        <translation>Last 4 weeks</translation>
    </message>
    <message>
        <source>近 13 周</source>
        <translation>Last 13 weeks</translation>
    </message>
    <message>
        <source>近一年</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>读取客户信息变更</source>
        <translation>Reading customer changes</translation>
    </message>
    <message>
        <source>{by} {at}：{answer}</source>
        <translation>{by} {at}: {answer}</translation>
    </message>
    <message>
        <source>{n} 个问题，{w} 个待答复</source>
        <translation>{n} problems, {w} awaiting an answer</translation>
    </message>
    <message>
        <source>{manager} {day} 上报：{text}
答复：</source>
        <translation>{manager} escalated on {day}: {text}
Answer:</translation>
    </message>
    <message>
        <source>{n} 条变更，涉及 {m} 位客户经理</source>
        <translation>{n} changes by {m} account managers</translation>
    </message>
    <message>
        <source>已审阅</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>周</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>完成率</source>
        <translation>Completion</translation>
    </message>
    <message>
        <source>有问题走访</source>
        <translation>Visits with issues</translation>
    </message>
    <message>
        <source>订货（条）</source>
        <translation>Orders (cartons)</translation>
    </message>
    <message>
        <source>单条值</source>
        <translation>Value per carton</translation>
    </message>
    <message>
        <source>一二类占比</source>
        <translation>Class 1-2 share</translation>
    </message>
    <message>
        <source>出勤</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>审阅</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>审阅通过</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>导出所选周报…</source>
        <translation>Export selected week…</translation>
    </message>
    <message>
        <source>导出汇总…</source>
        <translation>Export summary…</translation>
    </message>
    <message>
        <source>各客户经理订货量（条）</source>
        <translation>Cartons ordered by account manager</translation>
    </message>
    <message>
        <source>各客户经理走访：计划与完成</source>
        <translation>Visits by account manager: planned vs. done</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>导出周报</source>
        <translation>Export weekly report</translation>
    </message>
    <message>
        <source>市场部</source>
        <translation>Market Dept.</translation>
    </message>
    <message>
        <source>第 {n} 次提交，待审</source>
        <translation>submission {n}, waiting for review</translation>
    </message>
    <message>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>读取各客户经理的周报</source>
        <translation>Loading account managers' weekly reports</translation>
    </message>
    <message>
        <source>市场部汇总_{start}_{end}.xlsx</source>
        <translation>MarketDeptSummary_{start}_{end}.xlsx</translation>
    </message>
    <message>
        <source>请先选中一位客户经理的一周</source>
        <translation>Select a manager's week first</translation>
    </message>
    <message>
        <source>周报_{code}_{label}.xlsx</source>
        <translation>weekly-report_{code}_{label}.xlsx</translation>
    </message>
    <message>
        <source>请先选中一份已提交的周报</source>
        <translation>Please select a submitted weekly report first</translation>
    </message>
    <message>
        <source>退回周报</source>
        <translation>Return weekly report</translation>
    </message>
    <message>
        <source>退回原因（客户经理会看到）：</source>
        <translation>Reason for returning (visible to the account manager):</translation>
    </message>
    <message>
        <source>审阅周报</source>
        <translation>Review weekly report</translation>
    </message>
    <message>
        <source>读取跟踪事项</source>
        <translation>Loading follow-ups</translation>
    </message>
    <message>
        <source>读取角色</source>
        <translation>Loading role</translation>
    </message>
    <message>
        <source>市场部主任</source>
        <translation>Market director</translation>
    </message>
    <message>
        <source>这是本机数据库。在部门服务器上（fieldbook --db postgresql+psycopg://…）这里显示全部客户经理的周报、反馈单与抽查，并按登录角色开放。</source>
        <translation>This is a local database. On the department server (fieldbook --db postgresql+psycopg://…) this page shows every account manager's weekly reports, feedback slips and spot checks, available according to your login role.</translation>
    </message>
    <message>
        <source>周报与指标</source>
        <translation>Weekly reports and indicators</translation>
    </message>
    <message>
        <source>任务进度</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>反馈单收件箱</source>
        <translation>Feedback slip inbox</translation>
    </message>
    <message>
        <source>抽查</source>
        <translation>Spot check</translation>
    </message>
    <message>
        <source>跟踪事项</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>上报问题</source>
        <translation>Escalations</translation>
    </message>
    <message>
        <source>客户信息变更</source>
        <translation>Customer changes</translation>
    </message>
    <message>
        <source>第 {n} 轮 {verdict}</source>
        <translation>round {n} {verdict}</translation>
    </message>
    <message>
        <source>{m} 位客户经理，{w} 份周报待审阅</source>
        <translation>{m} account managers, {w} weekly reports awaiting review</translation>
    </message>
    <message>
        <source>订货</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>已连接部门服务器（{role}）。</source>
        <translation>Connected to the department server ({role}).</translation>
    </message>
    <message>
        <source>已导出：{p}</source>
        <translation>Exported: {p}</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>（违纪 {n}）</source>
        <translation> ({n} violation)</translation>
    </message>
    <message>
        <source>整改中</source>
        <translation>Being corrected</translation>
    </message>
    <message>
        <source>已改正</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <source>到店–离店</source>
        <translation>Arrival–departure</translation>
    </message>
    <message>
        <source>属实</source>
        <translation>Genuine</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>服务</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>整改</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>走访属实</source>
        <translation>Visit genuine</translation>
    </message>
    <message>
        <source>时间核实无误</source>
        <translation>Time verified</translation>
    </message>
    <message>
        <source>内容核实无误</source>
        <translation>Content verified</translation>
    </message>
    <message>
        <source>服务质量</source>
        <translation>Service quality</translation>
    </message>
    <message>
        <source>存在问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>整改要求</source>
        <translation>Correction required</translation>
    </message>
    <message>
        <source>抽样 / 打开</source>
        <translation>Sample / open</translation>
    </message>
    <message>
        <source>记录…</source>
        <translation>Record…</translation>
    </message>
    <message>
        <source>已改正…</source>
        <translation>Corrected…</translation>
    </message>
    <message>
        <source>选择客户经理和月份，抽取该月的走访进行核查。</source>
        <translation>Choose an account manager and a month, then draw a sample of that month's visits to check.</translation>
    </message>
    <message>
        <source>导出抽查记录</source>
        <translation>Export spot check records</translation>
    </message>
    <message>
        <source>抽查记录</source>
        <translation>Spot check</translation>
    </message>
    <message>
        <source>改正情况：</source>
        <translation>How it was corrected:</translation>
    </message>
    <message>
        <source>抽样</source>
        <translation>Sample</translation>
    </message>
    <message>
        <source>记录抽查</source>
        <translation>Record spot check</translation>
    </message>
    <message>
        <source>请先抽样或打开一个月的抽查</source>
        <translation>Please draw a sample or open a month's spot check first</translation>
    </message>
    <message>
        <source>抽查_{m}_{month}.xlsx</source>
        <translation>SpotCheck_{m}_{month}.xlsx</translation>
    </message>
    <message>
        <source>抽查_{m}_{month}</source>
        <translation>SpotCheck_{m}_{month}</translation>
    </message>
    <message>
        <source>请选中一项整改中的走访</source>
        <translation>Please select a visit that is under correction</translation>
    </message>
    <message>
        <source>抽查记录：{c}</source>
        <translation>Spot check record: {c}</translation>
    </message>
    <message>
        <source>记录整改</source>
        <translation>Record correction</translation>
    </message>
    <message>
        <source>{m} {month}：抽查 {n} 次走访（随机种子 {seed}），已核查 {c}，不属实 {x}，整改中 {o}，已改正 {d}</source>
        <translation>{m} {month}: {n} visits spot-checked (random seed {seed}), {c} checked, {x} not genuine, {o} under correction, {d} corrected</translation>
    </message>
    <message>
        <source>；本月忽略建议 {n} 条（违纪 {v}）</source>
        <translation>; suggestions dismissed this month: {n} ({v} violation)</translation>
    </message>
    <message>
        <source>{day} {customer} {category}：{reason}</source>
        <translation>{day} {customer} {category}: {reason}</translation>
    </message>
    <message>
        <source>未设任务</source>
        <translation>No target set</translation>
    </message>
    <message>
        <source>时间进度</source>
        <translation>Time progress</translation>
    </message>
    <message>
        <source>任务完成率（销量）</source>
        <translation>Completion (cartons)</translation>
    </message>
    <message>
        <source>任务完成率（金额）</source>
        <translation>Completion (amount)</translation>
    </message>
    <message>
        <source>对比时间进度</source>
        <translation>Against time progress</translation>
    </message>
    <message>
        <source>读取任务进度</source>
        <translation>Loading target progress</translation>
    </message>
    <message>
        <source>截至 {day}：任务完成率 = 本月累计 ÷ 月度任务；时间进度 = 已过工作日 ÷ 本月工作日。</source>
        <translation>As of {day}: completion = month to date ÷ monthly target; time progress = working days elapsed ÷ working days of the month.</translation>
    </message>
    <message>
        <source>客户信息反馈单：创建、发送到四个部门并跟踪办结——将在后续版本提供。</source>
        <translation>Feedback slips: create, send to the four departments and track until done — coming in a later version.</translation>
    </message>
    <message>
        <source>新增、关业、暂停、违纪、不订货的客户，以及品牌上柜情况，都要填写客户信息反馈单，发送给市场部、专卖办、配送中心和电访部；每个部门各自办理，直到全部办结。</source>
        <translation>New, closed, suspended, violating and non-ordering customers, as well as brand listings, all need a feedback slip sent to the Market Dept., Monopoly Office, Distribution Center and Phone Sales Dept.; each department handles it until all are done.</translation>
    </message>
    <message>
        <source>工作日志：当天的走访、订货和问题自动汇总，只需补写文字——将在后续版本提供。</source>
        <translation>Work log: the day's visits, orders and problems are summarized automatically; you only add the text — coming in a later version.</translation>
    </message>
    <message>
        <source>每天 15:00 回到单位后，查看客户订货情况、与电访员沟通、分析当天的经济指标，并写好工作日志；16:00 例会的内容也记在这里。</source>
        <translation>After returning to the office at 15:00 each day, check customers' orders, talk with the phone sales reps, analyze the day's business indicators and write the work log; notes from the 16:00 meeting go here too.</translation>
    </message>
    <message>
        <source>周总结与周计划：按市场部要求的格式一键生成 Excel 工作簿——将在后续版本提供。</source>
        <translation>Weekly summary and weekly plan: generate an Excel workbook in the format the Market Dept. requires with one click — coming in a later version.</translation>
    </message>
    <message>
        <source>每周四 14:00–15:00 写周总结、周计划和当天的日志；提交后的周报不会被悄悄改动，更正会留下记录。</source>
        <translation>Every Thursday 14:00–15:00, write the weekly summary, weekly plan and the day's log; submitted weekly reports cannot be silently changed, and corrections leave a record.</translation>
    </message>
    <message>
        <source>计划日期</source>
        <translation>Plan date</translation>
    </message>
    <message>
        <source>计划中的客户</source>
        <translation>Customers in plan</translation>
    </message>
    <message>
        <source>生成这天的计划</source>
        <translation>Generate the plan for this day</translation>
    </message>
    <message>
        <source>Enter 开始走访 · Ctrl+↑/↓ 或拖动行调整顺序 · Alt+←/→ 换日期</source>
        <translation>Enter to start visit · Ctrl+↑/↓ or drag rows to reorder · Alt+←/→ to change date</translation>
    </message>
    <message>
        <source>生成计划</source>
        <translation>Generate plan</translation>
    </message>
    <message>
        <source>调整顺序</source>
        <translation>Reorder</translation>
    </message>
    <message>
        <source>添加客户</source>
        <translation>Add customer</translation>
    </message>
    <message>
        <source>按距离排序</source>
        <translation>Sort by distance</translation>
    </message>
    <message>
        <source>排明天的计划</source>
        <translation>Plan tomorrow</translation>
    </message>
    <message>
        <source>读取计划</source>
        <translation>Loading plan</translation>
    </message>
    <message>
        <source>拜访计划</source>
        <translation>Visit plan</translation>
    </message>
    <message>
        <source>这一天还没有计划。</source>
        <translation>There is no plan for this day yet.</translation>
    </message>
    <message>
        <source>标记未访</source>
        <translation>Mark not visited</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>放弃走访</source>
        <translation>Discard visit</translation>
    </message>
    <message>
        <source>读取计划失败：{reason}</source>
        <translation>Failed to read plan: {reason}</translation>
    </message>
    <message>
        <source>节假日数据未覆盖 {year} 年：工作日只按周一至周五判断。</source>
        <translation>Holiday data does not cover {year}: working days are taken as Monday to Friday only.</translation>
    </message>
    <message>
        <source>计划里没有客户。线路和走访日来自客户名单：在“客户”页导入公司的客户名单，或为客户设置线路；也可以用“添加客户…”临时加入。</source>
        <translation>There are no customers in the plan. Routes and visit days come from the customer list: import the company's customer list on the "Customers" page, or set routes for customers; you can also add customers ad hoc with "Add customer…".</translation>
    </message>
    <message>
        <source>{shop} 未访的原因：</source>
        <translation>Reason {shop} was not visited:</translation>
    </message>
    <message>
        <source>从计划中移除 {shop} 的原因：</source>
        <translation>Reason for removing {shop} from the plan:</translation>
    </message>
    <message>
        <source>{reason}
没保存的部分（仍在屏幕上）：{what}。点“重试”再保存。</source>
        <translation>{reason}
Not saved yet (still on screen): {what}. Click "Retry" to save again.</translation>
    </message>
    <message>
        <source>已保存更正，已记入更正记录</source>
        <translation>Correction saved and added to the correction log</translation>
    </message>
    <message>
        <source>已保存更正 {time}</source>
        <translation>Correction saved {time}</translation>
    </message>
    <message>
        <source>保存更正</source>
        <translation>Save correction</translation>
    </message>
    <message>
        <source>更正没有保存：{reason}
修改仍在屏幕上，可以再点“保存更正”。</source>
        <translation>Correction not saved: {reason}
Your changes are still on screen; you can click "Save correction" again.</translation>
    </message>
    <message>
        <source>路线单</source>
        <translation>Route sheet</translation>
    </message>
    <message>
        <source>导出路线单</source>
        <translation>Export route sheet</translation>
    </message>
    <message>
        <source>路线单_{day}</source>
        <translation>RouteSheet_{day}</translation>
    </message>
    <message>
        <source>路线单_{day}.xlsx</source>
        <translation>RouteSheet_{day}.xlsx</translation>
    </message>
    <message>
        <source>路线单已导出：{path}</source>
        <translation>Route sheet exported: {path}</translation>
    </message>
    <message>
        <source>客户经理资料</source>
        <translation>Account manager profile</translation>
    </message>
    <message>
        <source>表格抬头（印在日志、周报、反馈单等每一份表格上）</source>
        <translation>Form heading (printed on every log, week report, slip and other form)</translation>
    </message>
    <message>
        <source>保存资料</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <source>数据</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>打开数据文件夹</source>
        <translation>Open data folder</translation>
    </message>
    <message>
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>手机照片文件夹</source>
        <translation>Phone photo folder</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>显示密度</source>
        <translation>Density</translation>
    </message>
    <message>
        <source>关于 Fieldbook…</source>
        <translation>About Fieldbook…</translation>
    </message>
    <message>
        <source>客户资料属于公司，请妥善保管：数据文件夹只有您的系统账户可以访问。</source>
        <translation>Customer records belong to the company; keep them safe: only your system account can open the data folder.</translation>
    </message>
    <message>
        <source>部门服务器（同步）</source>
        <translation>Department server (sync)</translation>
    </message>
    <message>
        <source>postgresql+psycopg://登录名@服务器/数据库?sslmode=require</source>
        <translation>postgresql+psycopg://login@server/database?sslmode=require</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>口令只用于这次连接，不会保存</source>
        <translation>The password is used only for this connection and is not saved</translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>上传您的走访、日志和周报，下载各部门的答复和审阅结果。</source>
        <translation>Uploads your visits, logs and weekly reports, and downloads departments' answers and review results.</translation>
    </message>
    <message>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>同步完成</source>
        <translation>Sync complete</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>已保存客户经理资料</source>
        <translation>Account manager profile saved</translation>
    </message>
    <message>
        <source>自动（小屏幕紧凑）</source>
        <translation>Automatic (compact on small screens)</translation>
    </message>
    <message>
        <source>紧凑</source>
        <translation>Compact</translation>
    </message>
    <message>
        <source>宽松</source>
        <translation>Comfortable</translation>
    </message>
    <message>
        <source>重新启动 Fieldbook 后生效</source>
        <translation>Takes effect when Fieldbook is restarted</translation>
    </message>
    <message>
        <source>（不是本机文件）</source>
        <translation>(not a local file)</translation>
    </message>
    <message>
        <source>读取资料</source>
        <translation>Loading profile</translation>
    </message>
    <message>
        <source>请填写部门服务器地址（postgresql+psycopg://…）</source>
        <translation>Please enter the department server address (postgresql+psycopg://…)</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>同步完成。上传：{up}；下载：{down}</source>
        <translation>Sync complete. Uploaded: {up}; downloaded: {down}</translation>
    </message>
    <message>
        <source>找到 {n} 个</source>
        <translation>{n} found</translation>
    </message>
    <message>
        <source>共 {n} 个规格</source>
        <translation>{n} SKUs in total</translation>
    </message>
    <message>
        <source>搜索卷烟代码、名称或拼音首字母  Ctrl+F</source>
        <translation>Search by SKU code, name or pinyin initials  Ctrl+F</translation>
    </message>
    <message>
        <source>搜索卷烟规格</source>
        <translation>Search cigarette SKUs</translation>
    </message>
    <message>
        <source>新增规格</source>
        <translation>New SKU</translation>
    </message>
    <message>
        <source>新增一个卷烟规格（Ctrl+N）</source>
        <translation>Add a new cigarette SKU (Ctrl+N)</translation>
    </message>
    <message>
        <source>编辑选中的规格（Enter）</source>
        <translation>Edit the selected SKU (Enter)</translation>
    </message>
    <message>
        <source>导入卷烟规格…</source>
        <translation>Import cigarette SKUs…</translation>
    </message>
    <message>
        <source>卷烟规格列表</source>
        <translation>Cigarette SKU list</translation>
    </message>
    <message>
        <source>读取卷烟规格</source>
        <translation>Loading cigarette SKUs</translation>
    </message>
    <message>
        <source>新建…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>记下电访员反馈或其他要跟进的事（Ctrl+Shift+N）</source>
        <translation>Record feedback from phone sales or anything else to follow up (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>关闭…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <source>写明处理结果，关闭选中的跟踪事项</source>
        <translation>Enter the outcome and close the selected follow-up</translation>
    </message>
    <message>
        <source>显示已关闭的</source>
        <translation>Show closed</translation>
    </message>
    <message>
        <source>处理结果，如：已协调配送中心补货</source>
        <translation>Outcome, e.g. Distribution Center arranged restocking</translation>
    </message>
    <message>
        <source>关闭事项</source>
        <translation>Close item</translation>
    </message>
    <message>
        <source>未关闭 {n} 项</source>
        <translation>{n} open</translation>
    </message>
    <message>
        <source>，超期 {n} 项</source>
        <translation>, {n} overdue</translation>
    </message>
    <message>
        <source>跟踪事项（{n}）</source>
        <translation>Follow-ups ({n})</translation>
    </message>
    <message>
        <source>关闭 {shop}：{text}</source>
        <translation>Close {shop}: {text}</translation>
    </message>
    <message>
        <source>已关闭跟踪事项：{shop}</source>
        <translation>Follow-up closed: {shop}</translation>
    </message>
    <message>
        <source>待处理的建议</source>
        <translation>Pending suggestions</translation>
    </message>
    <message>
        <source>完成走访时，检查发现的问题（如关业、暂停、违纪、不订货）会在这里建议填写反馈单。“生成反馈单”按走访内容预先填好，核对后保存；不需要的点“忽略…”并写明原因（违纪只能选规定的原因），原因计入周报和抽查。</source>
        <translation>When a visit is finished, problems it found (closed, suspended, violation, not ordering) suggest a feedback slip here. “Make slip” prefills one from the visit: check it and save. If none is needed, use “Dismiss…” and give the reason (a violation: one of the set reasons); reasons count in the week report and the spot check.</translation>
    </message>
    <message>
        <source>走访建议的反馈单</source>
        <translation>Feedback slips suggested by visits</translation>
    </message>
    <message>
        <source>生成反馈单…</source>
        <translation>Create feedback slip…</translation>
    </message>
    <message>
        <source>按这条建议预先填好一张反馈单（Enter）</source>
        <translation>Pre-fill a feedback slip from this suggestion (Enter)</translation>
    </message>
    <message>
        <source>忽略…</source>
        <translation>Dismiss…</translation>
    </message>
    <message>
        <source>不需要填写反馈单：写明原因（会保存并计入周报）</source>
        <translation>No slip needed: give the reason (kept and counted in the week report)</translation>
    </message>
    <message>
        <source>读取走访建议</source>
        <translation>Loading visit suggestions</translation>
    </message>
    <message>
        <source>待处理的建议（{n}）</source>
        <translation>Pending suggestions ({n})</translation>
    </message>
    <message>
        <source>反馈单列表</source>
        <translation>Feedback slip list</translation>
    </message>
    <message>
        <source>新建反馈单…</source>
        <translation>New feedback slip…</translation>
    </message>
    <message>
        <source>写一张新的反馈单（Ctrl+N）</source>
        <translation>Write a new feedback slip (Ctrl+N)</translation>
    </message>
    <message>
        <source>发送</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>把选中的反馈单发送给所有尚未发送的部门</source>
        <translation>Send the selected feedback slip to all departments it has not been sent to yet</translation>
    </message>
    <message>
        <source>导出此单…</source>
        <translation>Export this slip…</translation>
    </message>
    <message>
        <source>把选中的反馈单导出为可打印的 Excel 表（一页）</source>
        <translation>Export the selected feedback slip as a printable Excel sheet (one page)</translation>
    </message>
    <message>
        <source>导出登记表…</source>
        <translation>Export register…</translation>
    </message>
    <message>
        <source>导出一段时间的反馈单登记表，发给各部门填写办理情况</source>
        <translation>Export the feedback slip register for a period, for departments to fill in their progress</translation>
    </message>
    <message>
        <source>导入部门答复…</source>
        <translation>Import department answers…</translation>
    </message>
    <message>
        <source>读入部门填好发回的登记表（先预览，再导入）</source>
        <translation>Load the registers departments filled in and sent back (preview first, then import)</translation>
    </message>
    <message>
        <source>搜索单号、客户编码或名称  Ctrl+F</source>
        <translation>Search by slip no., customer code or name  Ctrl+F</translation>
    </message>
    <message>
        <source>搜索反馈单</source>
        <translation>Search feedback slips</translation>
    </message>
    <message>
        <source>只看未办结</source>
        <translation>Not done only</translation>
    </message>
    <message>
        <source>添加附件</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <source>导出反馈单</source>
        <translation>Export feedback slip</translation>
    </message>
    <message>
        <source>共 {n} 张</source>
        <translation>{n} slips in total</translation>
    </message>
    <message>
        <source>办理反馈单</source>
        <translation>Handle feedback slip</translation>
    </message>
    <message>
        <source>图片和文档 (*.jpg *.jpeg *.png *.pdf *.docx *.xlsx)</source>
        <translation>Images and documents (*.jpg *.jpeg *.png *.pdf *.docx *.xlsx)</translation>
    </message>
    <message>
        <source>反馈单_{number}.xlsx</source>
        <translation>FeedbackSlip_{number}.xlsx</translation>
    </message>
    <message>
        <source>，超期 {n} 张</source>
        <translation>, {n} overdue</translation>
    </message>
    <message>
        <source>反馈单_{number}</source>
        <translation>FeedbackSlip_{number}</translation>
    </message>
    <message>
        <source>已发送反馈单 {number}</source>
        <translation>Feedback slip {number} sent</translation>
    </message>
    <message>
        <source>没有改动：{reason}</source>
        <translation>Nothing changed: {reason}</translation>
    </message>
    <message>
        <source>找不到附件文件：{path}</source>
        <translation>Attachment file not found: {path}</translation>
    </message>
    <message>
        <source>无法打开附件：{path}</source>
        <translation>Cannot open attachment: {path}</translation>
    </message>
    <message>
        <source>反馈单已导出：{path}</source>
        <translation>Feedback slip exported: {path}</translation>
    </message>
    <message>
        <source>反馈单 {number} 已办结</source>
        <translation>Feedback slip {number} is done</translation>
    </message>
    <message>
        <source>已添加附件 {name}</source>
        <translation>Attachment {name} added</translation>
    </message>
    <message>
        <source>已保存更正，已记入修改记录</source>
        <translation>Correction saved and added to the change history</translation>
    </message>
    <message>
        <source>更正没有保存：必填项不能清空（{names}）</source>
        <translation>Correction not saved: required fields cannot be cleared ({names})</translation>
    </message>
    <message>
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>请先改正：{names}</source>
        <translation>Please correct first: {names}</translation>
    </message>
    <message>
        <source>各规格库存与排面（Alt+G）</source>
        <translation>Stock and facings by SKU (Alt+G)</translation>
    </message>
    <message>
        <source>店铺{label}：不用填写检查表，可以直接完成（Ctrl+Enter）。</source>
        <translation>Shop {label}: no checklist needed; you can finish right away (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>店铺状态</source>
        <translation>Shop status</translation>
    </message>
    <message>
        <source>已按上次填写 {n} 项（只填空着的）</source>
        <translation>Filled {n} empty items as last time</translation>
    </message>
    <message>
        <source>完成后将建议填写反馈单：{name}。</source>
        <translation>A feedback slip will be suggested when finished: {name}.</translation>
    </message>
    <message>
        <source>完成后将记下跟踪事项：{text}。</source>
        <translation>A follow-up will be recorded when finished: {text}.</translation>
    </message>
    <message>
        <source>由规格表的售价判定：{seen} 个售价，{off} 个偏离指导价</source>
        <translation>Set by the prices in the SKU grid: {seen} prices, {off} off the guide price</translation>
    </message>
    <message>
        <source>添加规格</source>
        <translation>Add SKU</translation>
    </message>
    <message>
        <source>同上次</source>
        <translation>Same as last time</translation>
    </message>
    <message>
        <source>核对</source>
        <translation>Confirming</translation>
    </message>
    <message>
        <source> · 上次 {n} 个规格待核对（Ctrl+Shift+D）</source>
        <translation> · {n} SKUs from last time to confirm (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>；{items} 项和 {skus} 个规格要现场核对：与上次相同按 Ctrl+Shift+D，不同就直接改</source>
        <translation>; check {items} items and {skus} SKUs in the shop: Ctrl+Shift+D if unchanged, or type the new value</translation>
    </message>
    <message>
        <source>{sku}的数据</source>
        <translation>Data for {sku}</translation>
    </message>
    <message>
        <source>已核对，与上次相同：{items} 项、{skus} 个规格</source>
        <translation>Checked, same as last time: {items} items, {skus} SKUs</translation>
    </message>
    <message>
        <source>完成后随即撤销</source>
        <translation>Undone right after finishing</translation>
    </message>
    <message>
        <source>走访时间很短</source>
        <translation>A very short visit</translation>
    </message>
    <message>
        <source> · 计划里的客户都走完了</source>
        <translation> · All customers in the plan have been visited</translation>
    </message>
    <message>
        <source>已完成：{shop}</source>
        <translation>Done: {shop}</translation>
    </message>
    <message>
        <source>请先到店（Enter 或 Alt+A），再完成走访。</source>
        <translation>Please record your arrival first (Enter or Alt+A), then finish the visit.</translation>
    </message>
    <message>
        <source>
还有修改没有保存，保存成功之前不能完成走访。</source>
        <translation>
Some changes are not saved yet; the visit cannot be finished until they are saved.</translation>
    </message>
    <message>
        <source>请先改正规格表里标红的格子。</source>
        <translation>Please first correct the cells marked in red in the SKU table.</translation>
    </message>
    <message>
        <source>请先选择店铺状态（数字键 1–5）。</source>
        <translation>Please choose the shop status first (number keys 1–5).</translation>
    </message>
    <message>
        <source>撤销完成</source>
        <translation>Undo finish</translation>
    </message>
    <message>
        <source>新增跟踪事项 {n} 条</source>
        <translation>{n} new follow-ups</translation>
    </message>
    <message>
        <source>再次发现（记在已有跟踪事项上）{n} 条</source>
        <translation>Found again (counted on open follow-ups): {n}</translation>
    </message>
    <message>
        <source>处理跟踪事项 {n} 条</source>
        <translation>{n} follow-ups handled</translation>
    </message>
    <message>
        <source>建议填写反馈单：{names}</source>
        <translation>Feedback slips suggested: {names}</translation>
    </message>
    <message>
        <source>完成走访</source>
        <translation>Finish visit</translation>
    </message>
    <message>
        <source>在店只有 {n} 分钟（不到 {limit} 分钟）。确定完成这次走访吗？</source>
        <translation>Only {n} minutes in the shop (less than {limit}). Finish this visit?</translation>
    </message>
    <message>
        <source>走访没有完成：{reason}</source>
        <translation>Visit not finished: {reason}</translation>
    </message>
    <message>
        <source> 等 {n} 项</source>
        <translation> ({n} in total)</translation>
    </message>
    <message>
        <source>还有必填项没有填写：{names}</source>
        <translation>Required fields not filled in: {names}</translation>
    </message>
    <message>
        <source>已撤销完成：{shop}，可以接着填写</source>
        <translation>Finish undone: {shop}; go on filling in</translation>
    </message>
    <message>
        <source>没有撤销：{reason}</source>
        <translation>Not undone: {reason}</translation>
    </message>
    <message>
        <source>{reason}
没保存的修改（仍在屏幕上）：{what}。点“重试”再保存。</source>
        <translation>{reason}
Unsaved changes (still on screen): {what}. Click "Retry" to save again.</translation>
    </message>
    <message>
        <source>店铺状态 *</source>
        <translation>Shop status *</translation>
    </message>
    <message>
        <source>完成，去下一家（Ctrl+Enter）</source>
        <translation>Finish, next shop (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>走访的更正还没有保存（需要填写原因）</source>
        <translation>The visit correction is not saved yet (a reason is required)</translation>
    </message>
    <message>
        <source>{what}。保存成功（点“重试”或“保存更正”）或撤销之前，不能打开别的店。</source>
        <translation>{what}. You cannot open another shop until it is saved (click "Retry" or "Save correction") or undone.</translation>
    </message>
    <message>
        <source>打开走访</source>
        <translation>Opening visit</translation>
    </message>
    <message>
        <source>{what}没有保存：{reason}</source>
        <translation>{what} not saved: {reason}</translation>
    </message>
    <message>
        <source>第 {n} 站 / 共 {total} 站 · {why}</source>
        <translation>Stop {n} of {total} · {why}</translation>
    </message>
    <message>
        <source>{day} · 不在计划中</source>
        <translation>{day} · Not in plan</translation>
    </message>
    <message>
        <source>走访还有修改没有保存：{what}</source>
        <translation>The visit has unsaved changes: {what}</translation>
    </message>
    <message>
        <source>读取建议的反馈单</source>
        <translation>Loading suggested feedback slips</translation>
    </message>
    <message>
        <source>这次走访建议的反馈单都已处理。</source>
        <translation>All feedback slips suggested by this visit have been handled.</translation>
    </message>
    <message>
        <source>按刚完成的走访发现，预先填好建议的反馈单，核对后保存（Alt+F）</source>
        <translation>Pre-fill the suggested feedback slips from what the visit just found; review and save (Alt+F)</translation>
    </message>
    <message>
        <source>撤销完成（Ctrl+Z）</source>
        <translation>Undo finish (Ctrl+Z)</translation>
    </message>
    <message>
        <source>刚完成的走访改回未完成，接着填写；会记入修改记录</source>
        <translation>Make the visit just finished a draft again and go on filling in; recorded in the change history</translation>
    </message>
    <message>
        <source>到店后按 Enter（或 Alt+A）记下到店时间，再开始填写。路上的时间不算走访时间。</source>
        <translation>When you arrive, press Enter (or Alt+A) to record the arrival time, then start filling in. Travel time does not count as visit time.</translation>
    </message>
    <message>
        <source>这次走访已完成（{time} 完成）。要更正到店、离店时间或检查项，直接修改，再填写原因并点“保存更正”；更正会记入修改记录。</source>
        <translation>This visit is done (finished {time}). To correct arrival/departure times or checklist items, edit them directly, then enter a reason and click "Save correction"; corrections are added to the change history.</translation>
    </message>
    <message>
        <source>离店时间</source>
        <translation>Departure time</translation>
    </message>
    <message>
        <source>到店时间</source>
        <translation>Arrival time</translation>
    </message>
    <message>
        <source>到店</source>
        <translation>Arrival</translation>
    </message>
    <message>
        <source>离店</source>
        <translation>Departure</translation>
    </message>
    <message>
        <source>读取周报失败：{reason}</source>
        <translation>Failed to read weekly report: {reason}</translation>
    </message>
    <message>
        <source>{what}。保存成功或撤销之前，不能换到别的周。</source>
        <translation>{what}. You cannot switch to another week until it is saved or undone.</translation>
    </message>
    <message>
        <source>读取上周计划</source>
        <translation>Loading last week's plan</translation>
    </message>
    <message>
        <source>提交周报</source>
        <translation>Submit weekly report</translation>
    </message>
    <message>
        <source>更新周报数字</source>
        <translation>Refresh the report's figures</translation>
    </message>
    <message>
        <source>回到本周（Alt+Home）</source>
        <translation>Back to this week (Alt+Home)</translation>
    </message>
    <message>
        <source>从上周计划开始</source>
        <translation>Copy last week's plan</translation>
    </message>
    <message>
        <source>把上周周报里写的下周计划填到这里，再接着改</source>
        <translation>Copy the next-week plan from last week's report here, then edit it</translation>
    </message>
    <message>
        <source>导出周报…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>把这周的周报导出为 Excel（Ctrl+E）</source>
        <translation>Export this week's report to Excel (Ctrl+E)</translation>
    </message>
    <message>
        <source>记录审阅…</source>
        <translation>Review…</translation>
    </message>
    <message>
        <source>记录部门的审阅：通过，或退回并附意见</source>
        <translation>Record the department's review: approved, or returned with comments</translation>
    </message>
    <message>
        <source>更正…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <source>修改已提交的周报（需要填写原因）</source>
        <translation>Change the submitted weekly report (a reason is required)</translation>
    </message>
    <message>
        <source>更新数字</source>
        <translation>Refresh figures</translation>
    </message>
    <message>
        <source>周四的订单导入后，按现在的数据重新计算已提交周报的数字（审阅前可用，记入更正记录）</source>
        <translation>After Thursday's orders are imported, recompute the submitted report's figures from the current data (until it is reviewed; kept in the corrections)</translation>
    </message>
    <message>
        <source>提交周报：本周数据按现在的数据保存</source>
        <translation>Submit weekly report: this week's figures are kept as they are now</translation>
    </message>
    <message>
        <source>还没有更正。提交后的修改会连同原因记在这里。</source>
        <translation>No corrections yet. Changes made after submitting are listed here with their reasons.</translation>
    </message>
    <message>
        <source>历史周报</source>
        <translation>Past weekly reports</translation>
    </message>
    <message>
        <source>本周总结</source>
        <translation>This week's summary</translation>
    </message>
    <message>
        <source>下周计划</source>
        <translation>Next week's plan</translation>
    </message>
    <message>
        <source>正在更正已提交的周报：改好后在下面填写原因，点“保存更正”；或“撤销修改”。</source>
        <translation>Correcting a submitted weekly report: when done, enter a reason below and click "Save correction", or "Undo changes".</translation>
    </message>
    <message>
        <source>上一周（Alt+←）</source>
        <translation>◀ Week (Alt+←)</translation>
    </message>
    <message>
        <source>下一周（Alt+→）</source>
        <translation>Week ▶ (Alt+→)</translation>
    </message>
    <message>
        <source>读取周报</source>
        <translation>Loading weekly report</translation>
    </message>
    <message>
        <source>已审阅：通过</source>
        <translation>Reviewed: approved</translation>
    </message>
    <message>
        <source>已审阅：退回</source>
        <translation>Reviewed: returned</translation>
    </message>
    <message>
        <source>周报已提交，是正式记录，不能直接修改。要修改，点“更正…”，改好后填写原因；每次更正都记在“更正记录”里。</source>
        <translation>The weekly report has been submitted and is an official record; it cannot be edited directly. To change it, click "Correct…", make the changes and enter a reason; every correction is kept in "Corrections".</translation>
    </message>
    <message>
        <source>周四 14:00 写周报：左边是本周数据，右边写本周总结和下周计划——每次修改都自动保存。下周计划可以“从上周计划开始”。写完点“提交”。</source>
        <translation>Thursday 14:00, weekly report: this week's figures are on the left; write this week's summary and next week's plan on the right — every change is saved automatically. Next week's plan can start with "Copy last week's plan". When finished, click "Submit".</translation>
    </message>
    <message>
        <source>周报的更正还没有保存（需要填写原因）</source>
        <translation>The weekly report correction is not saved yet (a reason is required)</translation>
    </message>
    <message>
        <source>已沿用上周的计划，可以接着修改</source>
        <translation>Last week's plan carried over; you can edit it now</translation>
    </message>
    <message>
        <source>提交 {label} 的周报？

提交后，本周数据按现在的数据保存，周报不能再直接修改；以后的修改要填写原因，并记入更正记录。</source>
        <translation>Submit the weekly report for {label}?

Once submitted, this week's figures are kept as they are now and the report can no longer be edited directly; later changes need a reason and will be added to the correction log.</translation>
    </message>
    <message>
        <source>{label} 的周报数字已更新，变化记入更正记录</source>
        <translation>The figures of the {label} report were refreshed; the changes are in the corrections</translation>
    </message>
    <message>
        <source>{label} 的周报数字没有变化</source>
        <translation>The figures of the {label} report have not changed</translation>
    </message>
    <message>
        <source>周报_{label}.xlsx</source>
        <translation>WeeklyReport_{label}.xlsx</translation>
    </message>
    <message>
        <source>周报_{label}</source>
        <translation>WeeklyReport_{label}</translation>
    </message>
    <message>
        <source>周报已导出：{path}</source>
        <translation>Weekly report exported: {path}</translation>
    </message>
    <message>
        <source>周报没有导出：{reason}</source>
        <translation>Weekly report not exported: {reason}</translation>
    </message>
    <message>
        <source>这个版本还没有周报导出功能</source>
        <translation>This version cannot export weekly reports yet</translation>
    </message>
    <message>
        <source>{label}（{start}–{end}）</source>
        <translation>{label} ({start}–{end})</translation>
    </message>
    <message>
        <source>第 {n} 次提交</source>
        <translation>Submission {n}</translation>
    </message>
    <message>
        <source>{what}没有完成：{reason}</source>
        <translation>{what} not completed: {reason}</translation>
    </message>
    <message>
        <source>上周的周报没有写下周计划，没有可以沿用的内容。</source>
        <translation>Last week's report has no plan for next week, so there is nothing to carry over.</translation>
    </message>
    <message>
        <source>周报还有部分没有保存：{what}</source>
        <translation>Parts of the weekly report are not saved yet: {what}</translation>
    </message>
    <message>
        <source>{label} 的周报已提交</source>
        <translation>Weekly report for {label} submitted</translation>
    </message>
    <message>
        <source>记录审阅</source>
        <translation>Record review</translation>
    </message>
    <message>
        <source>重新提交</source>
        <translation>Submit again</translation>
    </message>
    <message>
        <source>退回时必须填写意见</source>
        <translation>Comments are required when returning</translation>
    </message>
    <message>
        <source>如：营销部 刘主任</source>
        <translation>e.g. Director Liu, Marketing Dept.</translation>
    </message>
    <message>
        <source>结论</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>审阅人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>保存审阅</source>
        <translation>Save review</translation>
    </message>
    <message>
        <source>退回时请填写意见</source>
        <translation>Please enter comments when returning</translation>
    </message>
    <message>
        <source>已记录审阅</source>
        <translation>Review recorded</translation>
    </message>
    <message>
        <source>记录审阅 {label}</source>
        <translation>Record review {label}</translation>
    </message>
    <message>
        <source>周报 {label} 已重新提交</source>
        <translation>Weekly report {label} submitted again</translation>
    </message>
    <message>
        <source>欢迎使用客户经理外勤工作手册</source>
        <translation>Welcome to the Account Manager's Field Work Journal</translation>
    </message>
    <message>
        <source>第一步：填写您的资料。工作日志、周报和反馈单都会署上这些信息。</source>
        <translation>Step 1: fill in your details. Work logs, weekly reports and feedback slips will all be signed with this information.</translation>
    </message>
    <message>
        <source>导入公司客户名单…</source>
        <translation>Import company customer list…</translation>
    </message>
    <message>
        <source>公司下发的客户名单（Excel 或 CSV）：选出您的线路，检查后导入，再导入卷烟规格</source>
        <translation>The company's customer list (Excel or CSV): pick your routes, check and import, then the SKU list</translation>
    </message>
    <message>
        <source>载入演示数据</source>
        <translation>Load demo data</translation>
    </message>
    <message>
        <source>一个虚构的片区：150 户、五条线路和常见卷烟规格，先试用</source>
        <translation>A fictional territory with 150 customers, five routes and common cigarette SKUs to try things out</translation>
    </message>
    <message>
        <source>上一步：修改资料</source>
        <translation>Back: edit details</translation>
    </message>
    <message>
        <source>上一步：换一个文件</source>
        <translation>Back: choose another file</translation>
    </message>
    <message>
        <source>检查并导入这些线路…</source>
        <translation>Check and import these routes…</translation>
    </message>
    <message>
        <source>选择公司客户名单</source>
        <translation>Choose the company's customer list</translation>
    </message>
    <message>
        <source>读取客户名单</source>
        <translation>Read the customer list</translation>
    </message>
    <message>
        <source>请至少勾选一条线路（空格键勾选）。</source>
        <translation>Tick at least one route (Space ticks).</translation>
    </message>
    <message>
        <source>没有导入。可以改选线路后再检查。</source>
        <translation>Nothing imported. Change the routes and check again.</translation>
    </message>
    <message>
        <source>没有导入。可以重新选择客户名单，或载入演示数据。</source>
        <translation>Nothing imported. Choose the customer list again, or load demo data.</translation>
    </message>
    <message>
        <source>正在生成演示片区的客户、线路和卷烟规格…</source>
        <translation>Generating customers, routes and cigarette SKUs for the demo territory…</translation>
    </message>
    <message>
        <source>{name}，您好！第二步：客户从哪里来？</source>
        <translation>Hello, {name}! Step 2: where do your customers come from?</translation>
    </message>
    <message>
        <source>这份名单有 {d} 个区县、{r} 条线路、{n} 户，不只是一位客户经理的。请勾选您负责的线路：只导入这些线路的客户，其他的不导入。</source>
        <translation>This list holds {d} districts, {r} routes and {n} customers: more than one manager's. Tick the routes you serve: only their customers are imported, the others are not.</translation>
    </message>
    <message>
        <source>已取消载入演示数据，没有做任何改动。</source>
        <translation>Demo data loading cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>没有完成：{reason}。没有做任何改动。</source>
        <translation>Not completed: {reason}. Nothing was changed.</translation>
    </message>
    <message>
        <source>已选 {r} 条线路，共 {n} 户。</source>
        <translation>{r} routes ticked, {n} customers.</translation>
    </message>
    <message>
        <source>第三步：核对导入结果</source>
        <translation>Step 3: check what was imported</translation>
    </message>
    <message>
        <source>暂不导入卷烟规格，先开始</source>
        <translation>Start without the SKU list for now</translation>
    </message>
    <message>
        <source>演示数据已载入</source>
        <translation>Demo data loaded</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>客户名单：新增 {new} 户，更新 {upd} 户，未变 {same} 户。</source>
        <translation>Customer list: {new} new, {upd} updated, {same} unchanged.</translation>
    </message>
    <message>
        <source>卷烟规格：还没有导入。没有它，走访时的卷烟表格是空的。</source>
        <translation>SKU list: not imported yet. Without it the visit screen's SKU grid is empty.</translation>
    </message>
    <message>
        <source>卷烟规格：新增 {new} 个，更新 {upd} 个，未变 {same} 个。</source>
        <translation>SKU list: {new} new, {upd} updated, {same} unchanged.</translation>
    </message>
    <message>
        <source>演示片区：{customers} 户、{routes} 条线路、{skus} 个卷烟规格，以及此前 {weeks} 周的走访、订单和工作日志。</source>
        <translation>Demo territory: {customers} customers, {routes} routes, {skus} SKUs, and the visits, orders and work logs of the {weeks} weeks before.</translation>
    </message>
    <message>
        <source>其他片区和线路的 {n} 户没有导入。</source>
        <translation> {n} customers of other districts and routes were not imported.</translation>
    </message>
    <message>
        <source>{n} 行有问题，没有导入。</source>
        <translation> {n} rows with problems were not imported.</translation>
    </message>
    <message>
        <source>跳过 {n} 个空行或合计行。</source>
        <translation> {n} blank or totals rows skipped.</translation>
    </message>
    <message>
        <source>开始：{day}的拜访计划</source>
        <translation>Start: the plan of {day}</translation>
    </message>
    <message>
        <source>第一个工作日是 {day}：打开它的拜访计划，就可以开始走访。</source>
        <translation>The first working day is {day}: open its visit plan and start visiting.</translation>
    </message>
    <message>
        <source>待访</source>
        <translation>To visit</translation>
    </message>
    <message>
        <source>已访</source>
        <translation>Visited</translation>
    </message>
    <message>
        <source>走访中</source>
        <translation>Visiting</translation>
    </message>
    <message>
        <source>进度落后</source>
        <translation>Behind pace</translation>
    </message>
    <message>
        <source>进度正常</source>
        <translation>On pace</translation>
    </message>
    <message>
        <source>关业</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>暂停</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>违纪</source>
        <translation>Violation</translation>
    </message>
    <message>
        <source>不订货</source>
        <translation>Not ordering</translation>
    </message>
    <message>
        <source>品牌上柜</source>
        <translation>Brand listing</translation>
    </message>
    <message>
        <source>信息变更</source>
        <translation>Info change</translation>
    </message>
    <message>
        <source>{reasons}：{note}</source>
        <translation>{reasons}: {note}</translation>
    </message>
    <message>
        <source>尚未到店，首家到店后开始计时</source>
        <translation>No arrival yet; the clock starts at the first shop</translation>
    </message>
    <message>
        <source>计划已全部走完</source>
        <translation>All planned shops covered</translation>
    </message>
    <message>
        <source>还需 {need}，距 {end} 回到单位还有 {time}</source>
        <translation>{need} needed, {time} until back at the office at {end}</translation>
    </message>
    <message>
        <source>{terms} = {time}</source>
        <translation>{terms} = {time}</translation>
    </message>
    <message>
        <source>进度正常：剩余的户数每户 {shop} 分钟，加上还没吃的午餐 {lunch} 分钟和返程 {back} 分钟，能在 {end} 前回到单位</source>
        <translation>On pace: the shops left at {shop} minutes each, plus lunch ({lunch} minutes) if not yet taken and the trip back ({back} minutes), fit before being back at the office at {end}</translation>
    </message>
    <message>
        <source>未访：{reason}</source>
        <translation>Not visited: {reason}</translation>
    </message>
    <message>
        <source>已移除：{reason}</source>
        <translation>Removed: {reason}</translation>
    </message>
    <message>
        <source>剩余 {n} 户 {time}</source>
        <translation>{n} shops left {time}</translation>
    </message>
    <message>
        <source>返程 {time}</source>
        <translation>trip back {time}</translation>
    </message>
    <message>
        <source>已访 {start}–{end}（{n} 分钟）</source>
        <translation>Visited {start}–{end} ({n} min)</translation>
    </message>
    <message>
        <source>走访中 {time} 到店</source>
        <translation>Visiting, arrived {time}</translation>
    </message>
    <message>
        <source>计划 {planned} 户（目标 {target}）</source>
        <translation>Planned {planned} (target {target})</translation>
    </message>
    <message>
        <source>已访 {done} / 计划 {planned}（目标 {target}）</source>
        <translation>Visited {done} / planned {planned} (target {target})</translation>
    </message>
    <message>
        <source>计划超出容量 {planned}/{target}</source>
        <translation>Plan over capacity {planned}/{target}</translation>
    </message>
    <message>
        <source>已用 {used}</source>
        <translation>Used {used}</translation>
    </message>
    <message>
        <source>午餐 {time}</source>
        <translation>lunch {time}</translation>
    </message>
    <message>
        <source>未访 {n} 户</source>
        <translation>{n} shops not visited</translation>
    </message>
    <message>
        <source>在外 {time}（{start}–{end}）</source>
        <translation>In the field {time} ({start}–{end})</translation>
    </message>
    <message>
        <source>到达片区 {time}（应 {start}）</source>
        <translation>In the area {time} (due {start})</translation>
    </message>
    <message>
        <source>还没有到店记录（应 {start} 到达片区）</source>
        <translation>No arrival yet (due in the territory by {start})</translation>
    </message>
    <message>
        <source>平均每户 {n:g} 分钟（标准 {std} 分钟）</source>
        <translation>Average {n:g} min/shop (standard {std} min)</translation>
    </message>
    <message>
        <source>{day}是{holiday}假期，不是工作日。</source>
        <translation>{day} is in the {holiday} holiday, not a working day.</translation>
    </message>
    <message>
        <source>{day}不是工作日。</source>
        <translation>{day} is not a working day.</translation>
    </message>
    <message>
        <source>—（没有可比的售价）</source>
        <translation>— (no price to compare)</translation>
    </message>
    <message>
        <source>—（没有走访填写明码标价）</source>
        <translation>— (no visit answered price tags)</translation>
    </message>
    <message>
        <source>{rate}（到位 {at} / {seen} 个售价）</source>
        <translation>{rate} ({at} of {seen} prices at guide)</translation>
    </message>
    <message>
        <source>{rate}（齐全规范 {complete} / {visits} 次走访）</source>
        <translation>{rate} (complete at {complete} of {visits} visits)</translation>
    </message>
    <message>
        <source>{n} 个（高于 {above}，低于 {below}）：</source>
        <translation>{n} ({above} above, {below} below): </translation>
    </message>
    <message>
        <source>价格到位率</source>
        <translation>Prices at guide</translation>
    </message>
    <message>
        <source>明码标价率</source>
        <translation>Price tags complete</translation>
    </message>
    <message>
        <source>价格偏离</source>
        <translation>Price deviations</translation>
    </message>
    <message>
        <source>等 {n} 个</source>
        <translation> and others, {n} in all</translation>
    </message>
    <message>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>打印预览（Ctrl+P）：转成 PDF，在 PDF 阅读器中打开并从那里打印；导出 PDF（Ctrl+Shift+E）：按打印的样子保存为 PDF</source>
        <translation>Print preview (Ctrl+P): make a PDF, open it in the PDF viewer and print from there; Export PDF (Ctrl+Shift+E): save it as a PDF, as it prints</translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>没有生成 PDF：{reason}</source>
        <translation>No PDF was made: {reason}</translation>
    </message>
    <message>
        <source>正在生成 PDF：{title}…</source>
        <translation>Making the PDF: {title}…</translation>
    </message>
    <message>
        <source>已在 PDF 阅读器中打开：{path}</source>
        <translation>Opened in the PDF viewer: {path}</translation>
    </message>
    <message>
        <source>PDF 已导出：{path}</source>
        <translation>PDF exported: {path}</translation>
    </message>
    <message>
        <source>出发</source>
        <translation>Head out</translation>
    </message>
    <message>
        <source>出发：到片区开始走访，今天的计划已经排好</source>
        <translation>Head out: go to your territory and start visiting; today's plan is ready</translation>
    </message>
    <message>
        <source>回到办公室</source>
        <translation>Back at the office</translation>
    </message>
    <message>
        <source>回到办公室：点“回到单位”记下时间，查看订单、写工作日志</source>
        <translation>Back at the office: click "Back at office" to record the time, check the orders, write the work log</translation>
    </message>
    <message>
        <source>客户维护与明日计划</source>
        <translation>Customer upkeep and tomorrow's plan</translation>
    </message>
    <message>
        <source>客户维护、互控信息，排明天的拜访计划</source>
        <translation>Customer upkeep, cross-check info, and tomorrow's visit plan</translation>
    </message>
    <message>
        <source>部门例会</source>
        <translation>Department meeting</translation>
    </message>
    <message>
        <source>部门例会：记得在工作日志里记下例会内容</source>
        <translation>Department meeting: remember to note the meeting in the work log</translation>
    </message>
    <message>
        <source>周总结与周计划（每周四）</source>
        <translation>Weekly summary and plan (Thursdays)</translation>
    </message>
    <message>
        <source>周总结与周计划：写本周总结和下周计划</source>
        <translation>Weekly summary and plan: write this week's summary and next week's plan</translation>
    </message>
    <message>
        <source>提醒设置：开关各项提醒、修改时间</source>
        <translation>Reminder settings: turn reminders on or off, change times</translation>
    </message>
    <message>
        <source>关闭这条提醒（今天不再提醒）</source>
        <translation>Dismiss this reminder (no more today)</translation>
    </message>
    <message>
        <source>提醒设置</source>
        <translation>Reminder settings</translation>
    </message>
    <message>
        <source>工作日按下面的时间在窗口上方和状态栏轻声提醒一次（不弹窗，不打断输入）。修改立即生效。</source>
        <translation>On working days, a quiet reminder appears once at the times below, at the top of the window and in the status bar (no pop-ups, no interrupting your typing). Changes take effect immediately.</translation>
    </message>
    <message>
        <source>打开今日计划</source>
        <translation>Open today's plan</translation>
    </message>
    <message>
        <source>打开工作日志</source>
        <translation>Open work log</translation>
    </message>
    <message>
        <source>打开明天的计划</source>
        <translation>Open tomorrow's plan</translation>
    </message>
    <message>
        <source>打开周报</source>
        <translation>Open weekly report</translation>
    </message>
    <message>
        <source>提醒 {time}　{text}</source>
        <translation>Reminder {time}  {text}</translation>
    </message>
    <message>
        <source>{name}的时间</source>
        <translation>Time for {name}</translation>
    </message>
    <message>
        <source>正在后台检查数据库…</source>
        <translation>Checking the database in the background…</translation>
    </message>
    <message>
        <source>正在恢复备份…</source>
        <translation>Restoring backup…</translation>
    </message>
    <message>
        <source>数据库检查完毕：完好</source>
        <translation>Database check complete: no problems found</translation>
    </message>
    <message>
        <source>数据库正被另一个程序（进程 {pid}）使用。请先关闭它，再打开 Fieldbook。</source>
        <translation>The database is in use by another program (process {pid}). Please close that program first, then open Fieldbook.</translation>
    </message>
    <message>
        <source>后台检查数据库没有完成：{reason}</source>
        <translation>Background database check did not finish: {reason}</translation>
    </message>
    <message>
        <source>恢复没有完成：{reason}。
原来的数据库文件已移到同一文件夹下的 {name}.replaced-… 文件（没有删除）。请先解决问题（如腾出磁盘空间），再把它改回 {name}，或重新恢复备份。</source>
        <translation>Restore did not finish: {reason}.
The original database file was moved to {name}.replaced-… in the same folder (not deleted). Please fix the problem first (e.g. free up disk space), then rename it back to {name}, or restore the backup again.</translation>
    </message>
    <message>
        <source>标记已接收</source>
        <translation>Mark received</translation>
    </message>
    <message>
        <source>标记已处理</source>
        <translation>Mark handled</translation>
    </message>
    <message>
        <source>标记已落实</source>
        <translation>Mark done</translation>
    </message>
    <message>
        <source>跳到“{state}”…</source>
        <translation>Skip to "{state}"…</translation>
    </message>
    <message>
        <source>改回“{state}”…</source>
        <translation>Change back to "{state}"…</translation>
    </message>
    <message>
        <source>重新办理：改为“{state}”…</source>
        <translation>Reprocess: change to "{state}"…</translation>
    </message>
    <message>
        <source>重新打开：改为“{state}”…</source>
        <translation>Reopen: change to "{state}"…</translation>
    </message>
    <message>
        <source>改为“{state}”</source>
        <translation>Change to "{state}"</translation>
    </message>
    <message>
        <source>跳过中间步骤，须写明原因</source>
        <translation>skipping intermediate steps; a reason is required</translation>
    </message>
    <message>
        <source>改回前面的状态，须写明原因</source>
        <translation>going back to an earlier status; a reason is required</translation>
    </message>
    <message>
        <source>退回，须写明原因</source>
        <translation>returning; a reason is required</translation>
    </message>
    <message>
        <source>已退回的重新办理，须写明原因</source>
        <translation>reprocessing a returned slip; a reason is required</translation>
    </message>
    <message>
        <source>重新打开已落实的，须写明原因</source>
        <translation>reopening a done slip; a reason is required</translation>
    </message>
    <message>
        <source>下次走访</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <source>{text}（再次发现 {n} 次，最近 {day}）</source>
        <translation>{text} (found again {n}×, last {day})</translation>
    </message>
    <message>
        <source>{day}（今天到期）</source>
        <translation>{day} (due today)</translation>
    </message>
    <message>
        <source>{day}（超期）</source>
        <translation>{day} (overdue)</translation>
    </message>
    <message>
        <source>{text}（再次发现 {n} 次）</source>
        <translation>{text} (found again {n}×)</translation>
    </message>
    <message>
        <source>{day}（超期 {n} 个工作日）</source>
        <translation>{day} ({n} workdays overdue)</translation>
    </message>
    <message>
        <source>正在下载各部门的答复、审阅结果和主数据…</source>
        <translation>Downloading the departments' answers, reviews and master data…</translation>
    </message>
    <message>
        <source>正在上传：{what}…</source>
        <translation>Uploading: {what}…</translation>
    </message>
    <message>
        <source>添加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>选择附件</source>
        <translation>Choose attachment</translation>
    </message>
    <message>
        <source>出勤类别</source>
        <translation>Attendance kind</translation>
    </message>
    <message>
        <source>请假类别</source>
        <translation>Leave type</translation>
    </message>
    <message>
        <source>说明（可不填），如：区局例会</source>
        <translation>Note (optional), e.g. district meeting</translation>
    </message>
    <message>
        <source>请假/公务…</source>
        <translation>Leave / duty…</translation>
    </message>
    <message>
        <source>这天请假、开会、培训或有其他公务：不计入完成率和出勤天数，计划中未走访的客户顺延</source>
        <translation>On leave, at a meeting, in training or on other official duty this day: not counted in the completion rate or the days in the field; the plan's unvisited shops are carried over</translation>
    </message>
    <message>
        <source>取消标记</source>
        <translation>Clear mark</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>读取出勤</source>
        <translation>Reading attendance</translation>
    </message>
    <message>
        <source>修改标记…</source>
        <translation>Change mark…</translation>
    </message>
    <message>
        <source>保存出勤</source>
        <translation>Saving attendance</translation>
    </message>
    <message>
        <source>取消出勤标记</source>
        <translation>Clearing the attendance mark</translation>
    </message>
    <message>
        <source>出勤：在岗</source>
        <translation>Attendance: in the field</translation>
    </message>
    <message>
        <source>出勤：{mark}（不计入完成率，未走访的客户顺延）</source>
        <translation>Attendance: {mark} (not counted in the rate; unvisited shops carried over)</translation>
    </message>
    <message>
        <source>修改依据</source>
        <translation>Basis of the change</translation>
    </message>
    <message>
        <source>（不依据反馈单）</source>
        <translation>(no feedback slip)</translation>
    </message>
    <message>
        <source>已办结的反馈单</source>
        <translation>Completed feedback slip</translation>
    </message>
    <message>
        <source>如：店主出示新许可证；专卖办通知暂停营业</source>
        <translation>e.g. the owner showed a new licence; the monopoly office reported a suspension</translation>
    </message>
    <message>
        <source>修改原因</source>
        <translation>Reason for the change</translation>
    </message>
    <message>
        <source>修改了{fields}：许可证号、经营状态须依据已办结的反馈单，或写明原因（会报部门）。</source>
        <translation>Changed {fields}: the licence number and the status need a completed feedback slip or a reason (the department is told).</translation>
    </message>
    <message>
        <source>修改了{fields}：会记入修改记录，可写明原因。</source>
        <translation>Changed {fields}: recorded in the change history; you may give a reason.</translation>
    </message>
    <message>
        <source>{number} {category}（{day} 办结）</source>
        <translation>{number} {category} (completed {day})</translation>
    </message>
    <message>
        <source>{title}（Alt+{n}）</source>
        <translation>{title} (Alt+{n})</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>上次：{value}（待核对）</source>
        <translation>Last time: {value} (to confirm)</translation>
    </message>
    <message>
        <source>最多 {n} 字</source>
        <translation>Up to {n} characters</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>客户编码或店名、拼音首字母</source>
        <translation>Customer code, shop name or pinyin initials</translation>
    </message>
    <message>
        <source>规格代码或名称</source>
        <translation>SKU code or name</translation>
    </message>
    <message>
        <source>已修改：{fields}。这次走访已完成，更正需要填写原因，会记入修改记录。</source>
        <translation>Changed: {fields}. This visit is already done, so a correction needs a reason; it will be added to the change history.</translation>
    </message>
    <message>
        <source>如：到店时间记错了</source>
        <translation>e.g. arrival time was recorded wrongly</translation>
    </message>
    <message>
        <source>已修改：{fields}。日志已提交，更正需要填写原因，会记入更正记录。</source>
        <translation>Changed: {fields}. The log has been submitted, so a correction needs a reason; it will be added to the correction log.</translation>
    </message>
    <message>
        <source>如：例会记录漏记一项</source>
        <translation>e.g. one item from the meeting notes was missed</translation>
    </message>
    <message>
        <source>已修改：{fields}。周报已提交，更正需要填写原因，会记入更正记录。</source>
        <translation>Changed: {fields}. The weekly report has been submitted, so a correction needs a reason; it will be added to the correction log.</translation>
    </message>
    <message>
        <source>如：目标写错了</source>
        <translation>e.g. the target was wrong</translation>
    </message>
    <message>
        <source>更正原因</source>
        <translation>Correction reason</translation>
    </message>
    <message>
        <source>撤销修改</source>
        <translation>Undo changes</translation>
    </message>
    <message>
        <source>请填写更正原因</source>
        <translation>Please enter a reason for the correction</translation>
    </message>
    <message>
        <source>恢复营业日期</source>
        <translation>Reopening date</translation>
    </message>
    <message>
        <source>原因：</source>
        <translation>Reason: </translation>
    </message>
    <message>
        <source>{old} → {new}</source>
        <translation>{old} → {new}</translation>
    </message>
    <message>
        <source>还没有修改记录。许可证号、经营状态、档位、线路和订货日的修改会连同原因记在这里。</source>
        <translation>No changes recorded yet. Changes of the licence number, status, grade, route and order day are recorded here with their reasons.</translation>
    </message>
    <message>
        <source>还没有选择客户</source>
        <translation>No customer selected yet</translation>
    </message>
    <message>
        <source>更换…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <source>重新搜索，选择另一个客户</source>
        <translation>Search again and choose another customer</translation>
    </message>
    <message>
        <source>已选择：{shop}</source>
        <translation>Selected: {shop}</translation>
    </message>
    <message>
        <source>如 2026-12-01</source>
        <translation>e.g. 2026-12-01</translation>
    </message>
    <message>
        <source>填入今天的日期</source>
        <translation>Fill in today's date</translation>
    </message>
    <message>
        <source>更正记录</source>
        <translation>Corrections</translation>
    </message>
    <message>
        <source>部分</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>原内容 → 新内容</source>
        <translation>Old → new</translation>
    </message>
    <message>
        <source>当天情况</source>
        <translation>Today's situation</translation>
    </message>
    <message>
        <source>打开下一个工作日的拜访计划</source>
        <translation>Open the visit plan for the next working day</translation>
    </message>
    <message>
        <source>还没有排</source>
        <translation>Not planned yet</translation>
    </message>
    <message>
        <source>经济指标</source>
        <translation>Business indicators</translation>
    </message>
    <message>
        <source>结构（按价类）</source>
        <translation>Mix (by price class)</translation>
    </message>
    <message>
        <source>明日计划</source>
        <translation>Tomorrow's plan</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>当天</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>上周同日</source>
        <translation>Last week</translation>
    </message>
    <message>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>本月累计</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>日志已提交：这里是提交时的数据。</source>
        <translation>Log submitted: these are the figures as of submission.</translation>
    </message>
    <message>
        <source>这天还没有订单数据：用“导入订单…”导入订货系统导出的表。</source>
        <translation>No order data for this day yet: use "Import orders…" to import the sheet exported from the ordering system.</translation>
    </message>
    <message>
        <source>占比较上周同日的变化</source>
        <translation>Change of the share against the same weekday last week</translation>
    </message>
    <message>
        <source>{n} 条</source>
        <translation>{n} cartons</translation>
    </message>
    <message>
        <source>{mark}：这天不计进度，未走访的客户顺延 · 已访 {done} / 计划 {n}</source>
        <translation>{mark}: no pace on this day; shops not visited are carried over · visited {done} / planned {n}</translation>
    </message>
    <message>
        <source>和电访员沟通了什么：客户的要求、订单异常、需要回访的户…</source>
        <translation>What you discussed with the phone staff: customers' requests, order anomalies, shops to call back…</translation>
    </message>
    <message>
        <source>订货率、订货量、结构和单条值的变化，原因和下一步…</source>
        <translation>Changes in order rate, cartons, mix and value per carton; the reasons and next steps…</translation>
    </message>
    <message>
        <source>走访和订单中发现的问题，已经怎么处理…</source>
        <translation>Problems found in visits and orders, and what you did about them…</translation>
    </message>
    <message>
        <source>客户资料变更、新开/停业/恢复、档位和线路调整…</source>
        <translation>Customer record changes, openings/suspensions/reopenings, grade and route changes…</translation>
    </message>
    <message>
        <source>16:00 例会：通报的情况、布置的工作、要跟进的事…</source>
        <translation>16:00 meeting: what was reported, work assigned, things to follow up…</translation>
    </message>
    <message>
        <source>部门负责人的答复</source>
        <translation>Department head's answer</translation>
    </message>
    <message>
        <source>保存答复</source>
        <translation>Save answer</translation>
    </message>
    <message>
        <source>以前上报、还没有答复的问题</source>
        <translation>Earlier problems still awaiting an answer</translation>
    </message>
    <message>
        <source>记下部门负责人对选中问题的答复</source>
        <translation>Record the department head's answer to the selected problem</translation>
    </message>
    <message>
        <source>上报日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>{day}上报的“{text}”的答复：</source>
        <translation>Answer to "{text}" reported on {day}:</translation>
    </message>
    <message>
        <source>以前上报、还没有答复的问题（{n}）：</source>
        <translation>Earlier problems still awaiting an answer ({n}):</translation>
    </message>
    <message>
        <source>说明 / 限量</source>
        <translation>Notes / limit</translation>
    </message>
    <message>
        <source>如：本周限量 2 条/户</source>
        <translation>e.g. limit 2 cartons per customer this week</translation>
    </message>
    <message>
        <source>自己解决不了、要部门负责人处理的问题</source>
        <translation>Problems you can't solve yourself and need the department head to handle</translation>
    </message>
    <message>
        <source>互控内容</source>
        <translation>Cross-check notes</translation>
    </message>
    <message>
        <source>其他…</source>
        <translation>Other…</translation>
    </message>
    <message>
        <source>跳过步骤、改回前一步、重新办理（须写明原因）</source>
        <translation>Skip a step, go back a step, or reopen (a reason is required)</translation>
    </message>
    <message>
        <source>部门经办人</source>
        <translation>Department handler</translation>
    </message>
    <message>
        <source>部门的答复或落实情况</source>
        <translation>Department's answer or what was done</translation>
    </message>
    <message>
        <source>必须写明原因</source>
        <translation>A reason is required</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>答复：{text}</source>
        <translation>Answer: {text}</translation>
    </message>
    <message>
        <source>放弃未完成的走访</source>
        <translation>Discard unfinished visit</translation>
    </message>
    <message>
        <source>放弃 {what} 的走访记录？已填写的内容会被删除，不能恢复。</source>
        <translation>Discard the visit record for {what}? What you have entered will be deleted and cannot be recovered.</translation>
    </message>
    <message>
        <source>{shop}（{when}）</source>
        <translation>{shop} ({when})</translation>
    </message>
    <message>
        <source>继续</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>打开这次走访，接着填写（已填的内容都在）</source>
        <translation>Open this visit and carry on (everything entered so far is kept)</translation>
    </message>
    <message>
        <source>放弃…</source>
        <translation>Discard…</translation>
    </message>
    <message>
        <source>删除这次未完成的走访（会先确认）</source>
        <translation>Delete this unfinished visit (asks first)</translation>
    </message>
    <message>
        <source>{time} 到店</source>
        <translation>Arrived {time}</translation>
    </message>
    <message>
        <source>有未完成的走访：{what}</source>
        <translation>Unfinished visit: {what}</translation>
    </message>
    <message>
        <source>待跟踪事项</source>
        <translation>Pending follow-ups</translation>
    </message>
    <message>
        <source>已处理</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>勾选后，完成走访时关闭这条跟踪事项</source>
        <translation>If checked, this follow-up is closed when the visit is finished</translation>
    </message>
    <message>
        <source>没有待跟踪的事项。</source>
        <translation>No pending follow-ups.</translation>
    </message>
    <message>
        <source>（{day}到期）</source>
        <translation> (due {day})</translation>
    </message>
    <message>
        <source>已处理：{text}</source>
        <translation>Handled: {text}</translation>
    </message>
    <message>
        <source>（未选）</source>
        <translation>(not selected)</translation>
    </message>
    <message>
        <source>数字键选择，上下键切换</source>
        <translation>Number keys to choose, Up/Down to switch</translation>
    </message>
    <message>
        <source>数字键 1–{n} 选择，空格切换，Delete 清除</source>
        <translation>Number keys 1–{n} to choose, Space to toggle, Delete to clear</translation>
    </message>
    <message>
        <source>如 七台河市烟草公司</source>
        <translation>e.g. Qitaihe Tobacco Company</translation>
    </message>
    <message>
        <source>如 营销中心（市场部）</source>
        <translation>e.g. Marketing Centre (Market Department)</translation>
    </message>
    <message>
        <source>表格页眉印“内部资料 · 注意保密”</source>
        <translation>Print "Internal · Confidential" in the page header of the forms</translation>
    </message>
    <message>
        <source>公司</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>营销中心</source>
        <translation>Marketing centre</translation>
    </message>
    <message>
        <source>应订货客户中当天没有订单的户；原因来自近 7 天的走访记录</source>
        <translation>Customers due to order who placed no order today; reasons come from visit records of the last 7 days</translation>
    </message>
    <message>
        <source>未订货客户</source>
        <translation>Customers without orders</translation>
    </message>
    <message>
        <source>明日跟进…</source>
        <translation>Follow up tomorrow…</translation>
    </message>
    <message>
        <source>为选中的客户记一条跟踪事项：下次走访时问清不订货的原因</source>
        <translation>Note a follow-up for the selected customer: ask at the next visit why they did not order</translation>
    </message>
    <message>
        <source>不订货反馈单…</source>
        <translation>Not-ordering slip…</translation>
    </message>
    <message>
        <source>为选中的客户填写不订货反馈单（预先填好）</source>
        <translation>Fill in a not-ordering slip for the selected customer (prefilled)</translation>
    </message>
    <message>
        <source>未订货客户（{n} 户）</source>
        <translation>Customers without orders ({n})</translation>
    </message>
    <message>
        <source>记录回到单位</source>
        <translation>Record the return to the office</translation>
    </message>
    <message>
        <source>回到单位的时间</source>
        <translation>Time back at the office</translation>
    </message>
    <message>
        <source>回到单位时点一下，记下回到单位的时间（Ctrl+Shift+B）；已记下的可以修改</source>
        <translation>Click on return to record the time back at the office (Ctrl+Shift+B); a recorded time can be changed</translation>
    </message>
    <message>
        <source>必填：为什么改（记入更正记录）</source>
        <translation>Required: why it is changed (kept in the corrections)</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>请写明修改原因</source>
        <translation>Please give the reason for the change</translation>
    </message>
    <message>
        <source>回到单位没有记下：{reason}</source>
        <translation>The return to the office was not recorded: {reason}</translation>
    </message>
    <message>
        <source>已记下回到单位 {time}</source>
        <translation>Back at the office recorded: {time}</translation>
    </message>
    <message>
        <source>例如 D:\手机相册同步（留空：不用）</source>
        <translation>e.g. D:\PhoneSync (leave empty: not used)</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>手机照片同步到的文件夹。走访页面会列出这里到店至离店之间拍的照片，按 Alt+P 全部加到这次走访。</source>
        <translation>The folder your phone's photos sync to. The visit screen lists the photos in it taken between arrival and departure; Alt+P adds them all to the visit.</translation>
    </message>
    <message>
        <source>读取手机照片文件夹</source>
        <translation>Reading the phone photo folder</translation>
    </message>
    <message>
        <source>保存手机照片文件夹</source>
        <translation>Saving the phone photo folder</translation>
    </message>
    <message>
        <source>已保存：走访页面会列出这个文件夹里到店至离店之间拍的照片（Alt+P 全部加上）。</source>
        <translation>Saved: the visit screen lists the photos in this folder taken between arrival and departure (Alt+P adds them all).</translation>
    </message>
    <message>
        <source>已清除：不从手机文件夹找照片。</source>
        <translation>Cleared: photos are not looked for in a phone folder.</translation>
    </message>
    <message>
        <source>如 王建国</source>
        <translation>e.g. Wang Jianguo</translation>
    </message>
    <message>
        <source>公司给您的工号</source>
        <translation>The staff number the company gave you</translation>
    </message>
    <message>
        <source>如 桃山区营销部</source>
        <translation>e.g. Taoshan District Marketing Dept.</translation>
    </message>
    <message>
        <source>如 桃山一片区</source>
        <translation>e.g. Taoshan Territory 1</translation>
    </message>
    <message>
        <source>姓名 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>员工编号 *</source>
        <translation>Staff number *</translation>
    </message>
    <message>
        <source>区县单位</source>
        <translation>District unit</translation>
    </message>
    <message>
        <source>片区</source>
        <translation>Territory</translation>
    </message>
    <message>
        <source>选择或输入原因，Enter 确定，Esc 取消</source>
        <translation>Choose or type a reason; Enter to confirm, Esc to cancel</translation>
    </message>
    <message>
        <source>店面照片</source>
        <translation>Shelf photos</translation>
    </message>
    <message>
        <source>还没有修改记录。完成后的更正会连同原因记在这里。</source>
        <translation>No changes recorded yet. Corrections made after completion are recorded here with their reasons.</translation>
    </message>
    <message>
        <source>按审阅意见更正后，再次提交给部门审阅（本周数据按现在的数据重新保存）</source>
        <translation>After correcting it as the review asked, submit it to the department again (the week's figures are saved as they are now)</translation>
    </message>
    <message>
        <source>审阅记录：</source>
        <translation>Review history:</translation>
    </message>
    <message>
        <source>已重新提交，等待审阅</source>
        <translation>Submitted again, waiting for review</translation>
    </message>
    <message>
        <source>意见：{text}</source>
        <translation>Comments: {text}</translation>
    </message>
    <message>
        <source>{at} {who} 通过</source>
        <translation>{at} {who} approved</translation>
    </message>
    <message>
        <source>等待审阅</source>
        <translation>waiting for review</translation>
    </message>
    <message>
        <source>审阅人：{who}</source>
        <translation>Reviewer: {who}</translation>
    </message>
    <message>
        <source>{at} {who} 退回：{comment}</source>
        <translation>{at} {who} returned it: {comment}</translation>
    </message>
    <message>
        <source>{at} {who} 退回</source>
        <translation>{at} {who} returned it</translation>
    </message>
    <message>
        <source>第 {n} 次提交 {at}</source>
        <translation>submission {n} {at}</translation>
    </message>
    <message>
        <source>提交 {at}</source>
        <translation>submitted {at}</translation>
    </message>
    <message>
        <source>区县 / 线路</source>
        <translation>District / route</translation>
    </message>
    <message>
        <source>（未填线路）</source>
        <translation>(no route)</translation>
    </message>
    <message>
        <source>{n} 户</source>
        <translation>{n}</translation>
    </message>
    <message>
        <source>（未填区县）</source>
        <translation>(no district)</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>已保存 {time}</source>
        <translation>Saved {time}</translation>
    </message>
    <message>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>重试（Ctrl+R）</source>
        <translation>Retry (Ctrl+R)</translation>
    </message>
    <message>
        <source>把没保存的修改再保存一次</source>
        <translation>Save the unsaved changes again</translation>
    </message>
    <message>
        <source>添加这一行（Enter）</source>
        <translation>Add this row (Enter)</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除选中的行</source>
        <translation>Delete the selected rows</translation>
    </message>
    <message>
        <source>已答复</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>请先选中要删除的行</source>
        <translation>Please select the rows to delete first</translation>
    </message>
    <message>
        <source>{answer}（{by} {when}）</source>
        <translation>{answer} ({by} {when})</translation>
    </message>
    <message>
        <source>请填写“{name}”</source>
        <translation>Please fill in "{name}"</translation>
    </message>
    <message>
        <source>筛选规格名称或编码</source>
        <translation>Filter by SKU name or code</translation>
    </message>
    <message>
        <source>已选 {n} 个规格</source>
        <translation>{n} SKUs selected</translation>
    </message>
    <message>
        <source>价格段齐全，没有断档</source>
        <translation>All price bands covered, no price-line gaps</translation>
    </message>
    <message>
        <source>各规格库存与排面</source>
        <translation>Stock and facings by SKU</translation>
    </message>
    <message>
        <source>添加规格…</source>
        <translation>Add SKU…</translation>
    </message>
    <message>
        <source>把这家店在卖、表里没有的规格加进来</source>
        <translation>Add SKUs this shop sells that are not in the table</translation>
    </message>
    <message>
        <source>选择要添加的规格</source>
        <translation>Choose SKUs to add</translation>
    </message>
    <message>
        <source>直接输入数字即可填写：Tab 到下一格，一行填完按 Enter 到下一个规格；空格勾选上柜；输入拼音首字母或编码跳到规格；Esc 离开表格；售价按元/包填写</source>
        <translation>Just type numbers to fill in: Tab moves to the next cell, Enter after a row goes on to the next SKU; Space ticks Listed; type pinyin initials or a code to jump to a SKU; Esc leaves the grid; prices in yuan/pack</translation>
    </message>
    <message>
        <source>价格段断档：{names}</source>
        <translation>Price-line gaps: {names}</translation>
    </message>
    <message>
        <source>在上面的列表中选择一张反馈单，这里显示它的详情和各部门的办理情况。</source>
        <translation>Select a feedback slip in the list above to see its details and each department's progress here.</translation>
    </message>
    <message>
        <source>客户与情况</source>
        <translation>Customer and situation</translation>
    </message>
    <message>
        <source>双击或按 Enter 打开附件</source>
        <translation>Double-click or press Enter to open an attachment</translation>
    </message>
    <message>
        <source>添加附件…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <source>各部门办理</source>
        <translation>Department handling</translation>
    </message>
    <message>
        <source>办理记录</source>
        <translation>Handling history</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>填报</source>
        <translation>Filed</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>未发部门</source>
        <translation>Left off</translation>
    </message>
    <message>
        <source>办结期限 {due}</source>
        <translation>Due by {due}</translation>
    </message>
    <message>
        <source>来自 {day} 的走访</source>
        <translation>From the visit on {day}</translation>
    </message>
    <message>
        <source>{size} KB · 双击打开</source>
        <translation>{size} KB · double-click to open</translation>
    </message>
    <message>
        <source>{name}需附现场照片等证据</source>
        <translation>{name} requires evidence such as on-site photos</translation>
    </message>
    <message>
        <source>{department}：{reason}</source>
        <translation>{department}: {reason}</translation>
    </message>
    <message>
        <source>今天的反馈单和跟踪事项：到期＝今天到期，超期＝过了办结期限还没办结。点击打开反馈单页。</source>
        <translation>Today's feedback slips and follow-ups: due = due today, overdue = past the deadline and not yet done. Click to open the feedback slips page.</translation>
    </message>
    <message>
        <source>反馈单：到期 {due} 张，超期 {over} 张</source>
        <translation>Feedback slips: {due} due, {over} overdue</translation>
    </message>
    <message>
        <source>跟踪事项：到期 {due} 项</source>
        <translation>Follow-ups: {due} due</translation>
    </message>
    <message>
        <source>（超期 &lt;span style='{style}'&gt;{n}&lt;/span&gt; 项）</source>
        <translation> (&lt;span style='{style}'&gt;{n}&lt;/span&gt; overdue)</translation>
    </message>
    <message>
        <source>不再显示这条提示</source>
        <translation>Dismiss this message</translation>
    </message>
    <message>
        <source>开始走访</source>
        <translation>Start visit</translation>
    </message>
    <message>
        <source>打开选中客户的走访（Enter）</source>
        <translation>Open the visit for the selected customer (Enter)</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>上移一位（Ctrl+↑）</source>
        <translation>Move up one place (Ctrl+↑)</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>下移一位（Ctrl+↓）</source>
        <translation>Move down one place (Ctrl+↓)</translation>
    </message>
    <message>
        <source>添加客户…</source>
        <translation>Add customer…</translation>
    </message>
    <message>
        <source>把一个客户加进计划（Ctrl+N）</source>
        <translation>Add a customer to the plan (Ctrl+N)</translation>
    </message>
    <message>
        <source>未访…</source>
        <translation>Not visited…</translation>
    </message>
    <message>
        <source>今天没走访，选一个原因；以后会顺延回来（Alt+S）</source>
        <translation>Not visited today: choose a reason; it will be carried over later (Alt+S)</translation>
    </message>
    <message>
        <source>移除…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <source>从计划中移除，选一个原因；不会顺延（Delete）</source>
        <translation>Remove from the plan: choose a reason; it will not be carried over (Delete)</translation>
    </message>
    <message>
        <source>恢复为待访（Alt+R）</source>
        <translation>Restore to pending (Alt+R)</translation>
    </message>
    <message>
        <source>按店铺的 GPS 位置重排待访的客户，走最短的路（Alt+O）。
没有 GPS 位置的店保持原来的位置；已访、未访的不动。</source>
        <translation>Reorder pending customers by the shops' GPS locations for the shortest route (Alt+O).
Shops without a GPS location keep their place; visited and not-visited ones do not move.</translation>
    </message>
    <message>
        <source>按今天的情况排下一个工作日的计划（未访的顺延过去），并切换过去（Alt+T）</source>
        <translation>Plan the next working day based on today (not-visited customers carry over) and switch to it (Alt+T)</translation>
    </message>
    <message>
        <source>导出路线单…</source>
        <translation>Export route sheet…</translation>
    </message>
    <message>
        <source>把这天的计划导出为可打印的 Excel 路线单（Ctrl+E）</source>
        <translation>Export this day's plan as a printable Excel route sheet (Ctrl+E)</translation>
    </message>
    <message>
        <source>货源状态</source>
        <translation>Supply state</translation>
    </message>
    <message>
        <source>档位限量</source>
        <translation>Limits per grade</translation>
    </message>
    <message>
        <source>限量时填写，如 1-7:1；8-12:2；13-30:5</source>
        <translation>For limited supply, e.g. 1-7:1; 8-12:2; 13-30:5</translation>
    </message>
    <message>
        <source>每段“档位区间:每户限量条数”，分号或逗号隔开；档位 1–{max}</source>
        <translation>Each band “grades:cartons per shop”, separated by semicolons or commas; grades 1–{max}</translation>
    </message>
    <message>
        <source>{since} 起</source>
        <translation>from {since}</translation>
    </message>
    <message>
        <source>货源信息：向本店说明的紧俏、限量（按本店档位）和停供卷烟</source>
        <translation>Supply information: the tight, limited (for this shop's grade) and stopped cigarettes to tell the shop</translation>
    </message>
    <message>
        <source>{grades} 档限 {n} 条</source>
        <translation>grades {grades}: at most {n} cartons</translation>
    </message>
    <message>
        <source>本周紧俏：{names}</source>
        <translation>Tight this week: {names}</translation>
    </message>
    <message>
        <source>限量：{name}，{band}</source>
        <translation>Limited: {name}, {band}</translation>
    </message>
    <message>
        <source>停供：{names}</source>
        <translation>Stopped: {names}</translation>
    </message>
    <message>
        <source>限量：{name}（档位未填：{bands}）</source>
        <translation>Limited: {name} (grade not set: {bands})</translation>
    </message>
    <message>
        <source>限量：{name}，{grade} 档不在投放档位内</source>
        <translation>Limited: {name}, grade {grade} is not in any band</translation>
    </message>
    <message>
        <source>同步冲突</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <source>标为已查看</source>
        <translation>Mark as seen</translation>
    </message>
    <message>
        <source>发现时间</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>保留</source>
        <translation>Kept</translation>
    </message>
    <message>
        <source>读取同步冲突</source>
        <translation>Reading sync conflicts</translation>
    </message>
    <message>
        <source>没有未查看的同步冲突。</source>
        <translation>No unseen sync conflicts.</translation>
    </message>
    <message>
        <source>有 {n} 条同步冲突未查看：同一条记录在两处被改过，同步保留了其中一份。</source>
        <translation>{n} unseen sync conflicts: a record was changed in two places and the sync kept one copy.</translation>
    </message>
    <message>
        <source>时间进度 = 本月已过工作日 ÷ 本月工作日（当天订单导入后含当天；节假日不计，调休上班日计入）</source>
        <translation>Time progress = working days elapsed this month ÷ working days in the month (today counts once its orders are imported; holidays excluded, make-up working days included)</translation>
    </message>
    <message>
        <source>月度任务…</source>
        <translation>Monthly target…</translation>
    </message>
    <message>
        <source>设定或修改本月的销量任务</source>
        <translation>Set or change this month's sales target</translation>
    </message>
    <message>
        <source>导入任务…</source>
        <translation>Import targets…</translation>
    </message>
    <message>
        <source>导入公司下发的月度任务表（Excel/CSV）</source>
        <translation>Import the company's monthly target sheet (Excel/CSV)</translation>
    </message>
    <message>
        <source>已完成任务</source>
        <translation>Target reached</translation>
    </message>
    <message>
        <source>任务</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>任务完成率</source>
        <translation>Completion</translation>
    </message>
    <message>
        <source>时间进度 {rate}（{n}/{total} 个工作日）</source>
        <translation>Time progress {rate} ({n}/{total} working days)</translation>
    </message>
    <message>
        <source>任务完成率 = 本月累计 ÷ 任务：{done:,} / {target:,} 条</source>
        <translation>Completion = month to date ÷ target: {done:,} / {target:,} cartons</translation>
    </message>
    <message>
        <source>{head}，日均需 {n} {unit}</source>
        <translation>{head}; {n} {unit} needed per day</translation>
    </message>
    <message>
        <source>，节假日数据未覆盖 {year} 年，工作日按周一至周五计</source>
        <translation>; holiday data does not cover {year}: working days are taken as Monday to Friday</translation>
    </message>
    <message>
        <source>与时间进度持平</source>
        <translation>On pace with time progress</translation>
    </message>
    <message>
        <source>{head}，尚差 {n} {unit}，本月已无剩余工作日</source>
        <translation>{head}; {n} {unit} short, no working day left this month</translation>
    </message>
    <message>
        <source>落后时间进度 {p} 个百分点</source>
        <translation>{p} points behind time progress</translation>
    </message>
    <message>
        <source>超前时间进度 {p} 个百分点</source>
        <translation>{p} points ahead of time progress</translation>
    </message>
    <message>
        <source>← 计划</source>
        <translation>← Plan</translation>
    </message>
    <message>
        <source>回到计划（Esc）。已填写的内容都已保存。</source>
        <translation>Back to the plan (Esc). Everything entered has been saved.</translation>
    </message>
    <message>
        <source>到店（Alt+A）</source>
        <translation>Arrive (Alt+A)</translation>
    </message>
    <message>
        <source>记下到店时间，开始这家店的走访（Alt+A）</source>
        <translation>Record the arrival time and start visiting this shop (Alt+A)</translation>
    </message>
    <message>
        <source>离店（Alt+L）</source>
        <translation>Depart (Alt+L)</translation>
    </message>
    <message>
        <source>记下离店时间（Alt+L）。不点也可以：完成走访时按当时时间记离店。</source>
        <translation>Record the departure time (Alt+L). Optional: if not clicked, departure is recorded when the visit is finished.</translation>
    </message>
    <message>
        <source>没有要走访的客户</source>
        <translation>No customers to visit</translation>
    </message>
    <message>
        <source>今天的计划里没有待访的客户。</source>
        <translation>There are no pending customers in today's plan.</translation>
    </message>
    <message>
        <source>档位 {n}</source>
        <translation>Grade {n}</translation>
    </message>
    <message>
        <source>原 {time}</source>
        <translation>Was {time}</translation>
    </message>
    <message>
        <source>用时 {n} 分钟</source>
        <translation>{n} min spent</translation>
    </message>
    <message>
        <source>已在店 {n} 分钟</source>
        <translation>In shop for {n} min</translation>
    </message>
    <message>
        <source>{old} → {new}（{at} 修改）</source>
        <translation>{old} → {new} (changed {at})</translation>
    </message>
    <message>
        <source>这家店还没有走访记录。</source>
        <translation>No visits recorded for this shop yet.</translation>
    </message>
    <message>
        <source>照片 {n} 张</source>
        <translation>{n} photo(s)</translation>
    </message>
    <message>
        <source>{finding}（{detail}）</source>
        <translation>{finding} ({detail})</translation>
    </message>
    <message>
        <source>（{n} 分钟）</source>
        <translation>, {n} min</translation>
    </message>
    <message>
        <source>读取以往走访的照片</source>
        <translation>Reading the photos of earlier visits</translation>
    </message>
    <message>
        <source>发现：</source>
        <translation>Found: </translation>
    </message>
    <message>
        <source>{label}：“{value}”</source>
        <translation>{label}: "{value}"</translation>
    </message>
    <message>
        <source>上柜 {n} 个规格</source>
        <translation>{n} SKUs listed</translation>
    </message>
    <message>
        <source>双击打开照片；Delete 移除选中的照片</source>
        <translation>Double-click opens a photo; Delete removes the selected one</translation>
    </message>
    <message>
        <source>添加照片…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <source>选择照片文件（JPEG、PNG）；也可以把照片拖到走访页面上</source>
        <translation>Choose photo files (JPEG, PNG); you can also drop photos onto the visit screen</translation>
    </message>
    <message>
        <source>手机同步文件夹里，到店到离店之间拍的照片（设置页里指定文件夹）</source>
        <translation>Photos in the phone's synced folder taken between arrival and departure (the folder is set in Settings)</translation>
    </message>
    <message>
        <source>还没有照片。可以把照片拖到这个页面上。</source>
        <translation>No photos yet. You can drop photos onto this screen.</translation>
    </message>
    <message>
        <source>添加照片</source>
        <translation>Add photos</translation>
    </message>
    <message>
        <source>这次走访已完成，改动照片是更正，会记入修改记录。请写明原因：</source>
        <translation>This visit is finished: changing its photos is a correction and goes into the change history. Please give the reason:</translation>
    </message>
    <message>
        <source>到店后可以加照片。</source>
        <translation>Photos can be added after arrival.</translation>
    </message>
    <message>
        <source>读取店面照片</source>
        <translation>Reading the shelf photos</translation>
    </message>
    <message>
        <source>照片 (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
        <translation>Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</translation>
    </message>
    <message>
        <source>加入手机里的照片</source>
        <translation>Adding the phone's photos</translation>
    </message>
    <message>
        <source>手机文件夹里没有这次走访时间内拍的新照片</source>
        <translation>The phone folder has no new photos taken during this visit</translation>
    </message>
    <message>
        <source>移除照片</source>
        <translation>Removing a photo</translation>
    </message>
    <message>
        <source>加入手机照片 {n} 张（Alt+P）</source>
        <translation>Add {n} phone photos (Alt+P)</translation>
    </message>
    <message>
        <source>已加 {n} 张照片</source>
        <translation>{n} photo(s) added</translation>
    </message>
    <message>
        <source>照片没有加上：{reason}</source>
        <translation>The photos were not added: {reason}</translation>
    </message>
    <message>
        <source>无法打开照片：{path}</source>
        <translation>Cannot open the photo: {path}</translation>
    </message>
    <message>
        <source>{n} 张已经在这次走访里</source>
        <translation>{n} already in this visit</translation>
    </message>
    <message>
        <source>修改记录</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>以往走访</source>
        <translation>Past visits</translation>
    </message>
    <message>
        <source>同上次（Ctrl+D）</source>
        <translation>Same as last time (Ctrl+D)</translation>
    </message>
    <message>
        <source>空着的检查项按上次填写（不变的情况，如展位）。库存、排面、本周订货等要现场核对的，只显示上次的值，核对后再采用；上次发现的问题和文字项不带过来。</source>
        <translation>Fills empty items with last time's stable facts (such as the counter). Stock, facings, this week's order and other things checked in the shop only show last time's value until you confirm them; last time's problems and text are not carried.</translation>
    </message>
    <message>
        <source>已核对，与上次相同（Ctrl+Shift+D）</source>
        <translation>Checked, same as last time (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>现场核对过：库存、排面、本周订货等与上次相同。记为“核对相同”，不记为新的清点。</source>
        <translation>Checked in the shop: stock, facings, this week's order etc. are as last time. Recorded as a confirmation, not as a new count.</translation>
    </message>
    <message>
        <source>未排入的顺延客户</source>
        <translation>Carried-over customers not yet scheduled</translation>
    </message>
    <message>
        <source>把选中的顺延客户加入计划（或在列表中按 Enter）</source>
        <translation>Add the selected carried-over customers to the plan (or press Enter in the list)</translation>
    </message>
    <message>
        <source>未排入的顺延客户（{n}）</source>
        <translation>Carried-over customers not yet scheduled ({n})</translation>
    </message>
    <message>
        <source>上柜规格数</source>
        <translation>SKUs on shelf</translation>
    </message>
    <message>
        <source>如：走访 38 户次，推广新品中华(金中支)，处理反馈单 3 件</source>
        <translation>e.g. 38 visits, promoted the new Zhonghua (Jinzhongzhi), handled 3 feedback slips</translation>
    </message>
    <message>
        <source>如：桃山区两户连续三周未订货；部分客户价签不规范</source>
        <translation>e.g. two shops in Taoshan have not ordered for three weeks; some price tags are wrong</translation>
    </message>
    <message>
        <source>如：下周逐户走访未订货客户，了解原因；价签统一更换</source>
        <translation>e.g. next week visit every shop that did not order and find out why; replace the price tags</translation>
    </message>
    <message>
        <source>如：配合专卖开展市场检查；周四参加片区例会</source>
        <translation>e.g. join the Monopoly Office's market inspection; territory meeting on Thursday</translation>
    </message>
    <message>
        <source>客户编码，用逗号或空格分开</source>
        <translation>Customer codes, separated by commas or spaces</translation>
    </message>
    <message>
        <source>规格名称，用顿号或逗号分开</source>
        <translation>SKU names, separated by commas</translation>
    </message>
    <message>
        <source>线路名称</source>
        <translation>Route name</translation>
    </message>
    <message>
        <source>{rate}（订货 {ordered} ÷ 应订货 {due} 户次）</source>
        <translation>{rate} ({ordered} ordered ÷ {due} due)</translation>
    </message>
    <message>
        <source>拜访</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>覆盖客户</source>
        <translation>Customers covered</translation>
    </message>
    <message>
        <source>平均在店</source>
        <translation>Avg. time in shop</translation>
    </message>
    <message>
        <source>在岗天数</source>
        <translation>Days in the field</translation>
    </message>
    <message>
        <source>请假/公务、未说明</source>
        <translation>Leave/duty, unexplained</translation>
    </message>
    <message>
        <source>较上周</source>
        <translation>vs last week</translation>
    </message>
    <message>
        <source>结构</source>
        <translation>Product mix</translation>
    </message>
    <message>
        <source>新上柜</source>
        <translation>Newly listed</translation>
    </message>
    <message>
        <source>本周未拜访</source>
        <translation>Not visited this week</translation>
    </message>
    <message>
        <source>忽略的建议</source>
        <translation>Dismissed suggestions</translation>
    </message>
    <message>
        <source>跟进事项</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>本周数据</source>
        <translation>This week's figures</translation>
    </message>
    <message>
        <source>每天订货（条）</source>
        <translation>Daily orders (cartons)</translation>
    </message>
    <message>
        <source>每天拜访（户次）</source>
        <translation>Daily visits</translation>
    </message>
    <message>
        <source>　已提交：这里是提交时的数据。</source>
        <translation> Submitted: these are the figures as of submission.</translation>
    </message>
    <message>
        <source>工作时间</source>
        <translation>Working hours</translation>
    </message>
    <message>
        <source>等 {n} {unit}</source>
        <translation>, etc. ({n} {unit})</translation>
    </message>
    <message>
        <source>{n} 条：</source>
        <translation>{n}: </translation>
    </message>
    <message>
        <source>；{n} 天未导入订单：{days}</source>
        <translation>; orders not imported on {n} day(s): {days}</translation>
    </message>
    <message>
        <source>{m:g} 分钟</source>
        <translation>{m:g} min</translation>
    </message>
    <message>
        <source>无订单</source>
        <translation>No orders</translation>
    </message>
    <message>
        <source>无需求量数据</source>
        <translation>no demand data</translation>
    </message>
    <message>
        <source>种</source>
        <translation>SKUs</translation>
    </message>
    <message>
        <source>本周没有</source>
        <translation>None this week</translation>
    </message>
    <message>
        <source>{start} 至 {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>{name} {cartons}条（{share}，{change}）</source>
        <translation>{name} {cartons} cartons ({share}, {change})</translation>
    </message>
    <message>
        <source>{dept}：新开 {opened}，办结 {done}，超期 {overdue}</source>
        <translation>{dept}: {opened} opened, {done} done, {overdue} overdue</translation>
    </message>
    <message>
        <source>计划 {planned} 户次，完成 {visited}，完成率 {rate}</source>
        <translation>{planned} shop visits planned, {visited} done, completion rate {rate}</translation>
    </message>
    <message>
        <source>{covered} / {active} 户</source>
        <translation>{covered} / {active} shops</translation>
    </message>
    <message>
        <source>{n} 天</source>
        <translation>{n} day(s)</translation>
    </message>
    <message>
        <source>{n} 张</source>
        <translation>{n}</translation>
    </message>
    <message>
        <source>{cartons} 条，{amount} 元，单条值 {per}</source>
        <translation>{cartons} cartons, {amount} yuan, {per} per carton</translation>
    </message>
    <message>
        <source>条数 {c}（上周 {pc}）；金额 {a}（上周 {pa}）</source>
        <translation>Cartons {c} (last week {pc}); amount {a} (last week {pa})</translation>
    </message>
    <message>
        <source>连续 {n} 周未订货</source>
        <translation>No orders for {n} weeks running</translation>
    </message>
    <message>
        <source>新增 {opened}，关闭 {closed}</source>
        <translation>{opened} new, {closed} closed</translation>
    </message>
    <message>
        <source>本周 {week}；本月 {month}</source>
        <translation>This week {week}; this month {month}</translation>
    </message>
    <message>
        <source>到达片区应 {start}；回到单位应 {end} 前（周四 {thursday} 前）</source>
        <translation>In the area by {start}; back at the office by {end} (Thursday {thursday})</translation>
    </message>
    <message>
        <source>{rate}（订货量 {s:,} ÷ 需求量 {d:,} 条）</source>
        <translation>{rate} (supplied {s:,} ÷ demand {d:,} cartons)</translation>
    </message>
    <message>
        <source> 元</source>
        <translation> yuan</translation>
    </message>
    <message>
        <source>{n} 户：</source>
        <translation>{n} shops: </translation>
    </message>
    <message>
        <source>与电访员沟通</source>
        <translation>Talk with the phone staff</translation>
    </message>
    <message>
        <source>经济指标分析</source>
        <translation>Indicator analysis</translation>
    </message>
    <message>
        <source>发现的问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>客户维护</source>
        <translation>Customer maintenance</translation>
    </message>
    <message>
        <source>16:00 例会记录</source>
        <translation>16:00 meeting notes</translation>
    </message>
    <message>
        <source>上报部门负责人的问题</source>
        <translation>Problems escalated to the department head</translation>
    </message>
    <message>
        <source>互控信息</source>
        <translation>Mutual-control information</translation>
    </message>
    <message>
        <source>本周主要工作</source>
        <translation>Work done this week</translation>
    </message>
    <message>
        <source>改进措施</source>
        <translation>Countermeasures</translation>
    </message>
    <message>
        <source>下周线路安排</source>
        <translation>Next week's routes</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>重点推广品牌</source>
        <translation>Brands to push</translation>
    </message>
    <message>
        <source>其他工作</source>
        <translation>Other tasks</translation>
    </message>
    <message>
        <source>电访员反馈</source>
        <translation>Phone staff feedback</translation>
    </message>
    <message>
        <source>自行记录</source>
        <translation>Self-recorded</translation>
    </message>
    <message>
        <source>主任抽查</source>
        <translation>Director's spot check</translation>
    </message>
    <message>
        <source>已发送</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>处理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Done</translation>
    </message>
</context>
</TS>
