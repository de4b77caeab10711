<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
<context>
    <name>Fieldbook</name>
    <message>
        <source>有修改时每 30 分钟自动备份一次，退出时也备份</source>
        <translation>有修改时每 30 分钟自动备份一次，退出时也备份</translation>
    </message>
    <message>
        <source>备份失败</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>
数据库里的数据没有受影响（每次修改都已保存），有修改时会再试。</source>
        <translation>
数据库里的数据没有受影响（每次修改都已保存），有修改时会再试。</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>已备份 {time}</source>
        <translation>已备份 {time}</translation>
    </message>
    <message>
        <source>备份没有完成：{reason}</source>
        <translation>备份没有完成：{reason}</translation>
    </message>
    <message>
        <source>退出前的备份没有完成：{reason}</source>
        <translation>退出前的备份没有完成：{reason}</translation>
    </message>
    <message>
        <source>应订货户数（户）</source>
        <translation>应订货户数（户）</translation>
    </message>
    <message>
        <source>订货户数（户）</source>
        <translation>订货户数（户）</translation>
    </message>
    <message>
        <source>订货率</source>
        <translation>订货率</translation>
    </message>
    <message>
        <source>订货量（条）</source>
        <translation>订货量（条）</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>单条值（元/条）</source>
        <translation>单条值（元/条）</translation>
    </message>
    <message>
        <source>满足率</source>
        <translation>满足率</translation>
    </message>
    <message>
        <source>到店到离店的平均时间（关门未遇的不算）</source>
        <translation>到店到离店的平均时间（关门未遇的不算）</translation>
    </message>
    <message>
        <source>首户到店到末户离店，扣除午餐时间</source>
        <translation>首户到店到末户离店，扣除午餐时间</translation>
    </message>
    <message>
        <source>在片区工作时间</source>
        <translation>在片区工作时间</translation>
    </message>
    <message>
        <source>未分类</source>
        <translation>未分类</translation>
    </message>
    <message>
        <source>比 {start} 早 {d}</source>
        <translation>比 {start} 早 {d}</translation>
    </message>
    <message>
        <source>没有到店记录</source>
        <translation>没有到店记录</translation>
    </message>
    <message>
        <source>比 {end} 早 {d}</source>
        <translation>比 {end} 早 {d}</translation>
    </message>
    <message>
        <source>未记录（回到单位时点“回到单位”）</source>
        <translation>未记录（回到单位时点“回到单位”）</translation>
    </message>
    <message>
        <source>无</source>
        <translation>无</translation>
    </message>
    <message>
        <source>本周没有走访记录</source>
        <translation>本周没有走访记录</translation>
    </message>
    <message>
        <source>持平</source>
        <translation>持平</translation>
    </message>
    <message>
        <source>{name} {share}（较上周 {change}）</source>
        <translation>{name} {share}（较上周 {change}）</translation>
    </message>
    <message>
        <source>{name} {share}（较上周同日 {change}）</source>
        <translation>{name} {share}（较上周同日 {change}）</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>未注明</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>计划 {planned} 户 · 已访 {done} 户 · 未访 {skipped} 户</source>
        <translation>计划 {planned} 户 · 已访 {done} 户 · 未访 {skipped} 户</translation>
    </message>
    <message>
        <source>走访</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>比 {start} 晚 {d}</source>
        <translation>比 {start} 晚 {d}</translation>
    </message>
    <message>
        <source>应在 {start} 前到达片区</source>
        <translation>应在 {start} 前到达片区</translation>
    </message>
    <message>
        <source>到达片区</source>
        <translation>到达片区</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>户均分钟</source>
        <translation>户均分钟</translation>
    </message>
    <message>
        <source>比 {end} 晚 {d}</source>
        <translation>比 {end} 晚 {d}</translation>
    </message>
    <message>
        <source>应在 {end} 前回到单位</source>
        <translation>应在 {end} 前回到单位</translation>
    </message>
    <message>
        <source>回到单位</source>
        <translation>回到单位</translation>
    </message>
    <message>
        <source>{time}（{start}–{end}，标准 {std}）</source>
        <translation>{time}（{start}–{end}，标准 {std}）</translation>
    </message>
    <message>
        <source> 户</source>
        <translation> 户</translation>
    </message>
    <message>
        <source>发现问题</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <source>新建反馈单</source>
        <translation>新建反馈单</translation>
    </message>
    <message>
        <source>关闭跟踪事项</source>
        <translation>关闭跟踪事项</translation>
    </message>
    <message>
        <source>；</source>
        <translation>；</translation>
    </message>
    <message>
        <source>→ 持平</source>
        <translation>→ 持平</translation>
    </message>
    <message>
        <source>{v} 个百分点</source>
        <translation>{v} 个百分点</translation>
    </message>
    <message>
        <source>准时</source>
        <translation>准时</translation>
    </message>
    <message>
        <source>{time}（{note}）</source>
        <translation>{time}（{note}）</translation>
    </message>
    <message>
        <source> · 未处理 {n} 户</source>
        <translation> · 未处理 {n} 户</translation>
    </message>
    <message>
        <source>（未访原因：{reasons}）</source>
        <translation>（未访原因：{reasons}）</translation>
    </message>
    <message>
        <source>{avg:g} 分钟/户（标准 {std} 分钟）</source>
        <translation>{avg:g} 分钟/户（标准 {std} 分钟）</translation>
    </message>
    <message>
        <source>{n} 天：到达片区迟到 {late} 天</source>
        <translation>{n} 天：到达片区迟到 {late} 天</translation>
    </message>
    <message>
        <source>{v:.1f}个百分点</source>
        <translation>{v:.1f}个百分点</translation>
    </message>
    <message>
        <source>{n} 项</source>
        <translation>{n} 项</translation>
    </message>
    <message>
        <source>{day} {time} 晚 {d}</source>
        <translation>{day} {time} 晚 {d}</translation>
    </message>
    <message>
        <source>回到单位按时 {ok} 天、晚 {late} 天、未记录 {none} 天</source>
        <translation>回到单位按时 {ok} 天、晚 {late} 天、未记录 {none} 天</translation>
    </message>
    <message>
        <source>在片区工作平均 {time}，不足标准 {n} 天</source>
        <translation>在片区工作平均 {time}，不足标准 {n} 天</translation>
    </message>
    <message>
        <source>（{list}）</source>
        <translation>（{list}）</translation>
    </message>
    <message>
        <source>答复：{a}</source>
        <translation>答复：{a}</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>（服务器数据库由管理员备份）</source>
        <translation>（服务器数据库由管理员备份）</translation>
    </message>
    <message>
        <source>备份文件夹</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>运行环境</source>
        <translation>运行环境</translation>
    </message>
    <message>
        <source>关于 {app}</source>
        <translation>关于 {app}</translation>
    </message>
    <message>
        <source>客户经理外勤工作手册</source>
        <translation>客户经理外勤工作手册</translation>
    </message>
    <message>
        <source>添加客户到计划</source>
        <translation>添加客户到计划</translation>
    </message>
    <message>
        <source>搜索编码、名称、负责人、电话或拼音首字母</source>
        <translation>搜索编码、名称、负责人、电话或拼音首字母</translation>
    </message>
    <message>
        <source>搜索客户</source>
        <translation>搜索客户</translation>
    </message>
    <message>
        <source>找到的客户</source>
        <translation>找到的客户</translation>
    </message>
    <message>
        <source>为什么今天去（可不填），如 店主来电要求</source>
        <translation>为什么今天去（可不填），如 店主来电要求</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>该客户不是正常营业状态</source>
        <translation>该客户不是正常营业状态</translation>
    </message>
    <message>
        <source>找到 {n} 户</source>
        <translation>找到 {n} 户</translation>
    </message>
    <message>
        <source>只显示前 {n} 户，请输入更多字缩小范围</source>
        <translation>只显示前 {n} 户，请输入更多字缩小范围</translation>
    </message>
    <message>
        <source>{text}（已在计划中）</source>
        <translation>{text}（已在计划中）</translation>
    </message>
    <message>
        <source>选择部门发回的登记表</source>
        <translation>选择部门发回的登记表</translation>
    </message>
    <message>
        <source>检查部门答复</source>
        <translation>检查部门答复</translation>
    </message>
    <message>
        <source>导入部门答复</source>
        <translation>导入部门答复</translation>
    </message>
    <message>
        <source>选择部门填好发回的登记表（.xlsx）。先检查，列出将要办理的和有冲突的行，确认后再导入。</source>
        <translation>选择部门填好发回的登记表（.xlsx）。先检查，列出将要办理的和有冲突的行，确认后再导入。</translation>
    </message>
    <message>
        <source>将要办理</source>
        <translation>将要办理</translation>
    </message>
    <message>
        <source>问题和冲突（这些行不会导入）</source>
        <translation>问题和冲突（这些行不会导入）</translation>
    </message>
    <message>
        <source>没有导入：数据库在检查之后有了变动，请核对后再导入。</source>
        <translation>没有导入：数据库在检查之后有了变动，请核对后再导入。</translation>
    </message>
    <message>
        <source> 缺少必需的列，不能导入。</source>
        <translation> 缺少必需的列，不能导入。</translation>
    </message>
    <message>
        <source>行</source>
        <translation>行</translation>
    </message>
    <message>
        <source>反馈单号</source>
        <translation>反馈单号</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>变动</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>处理人</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>处理时间</source>
        <translation>处理时间</translation>
    </message>
    <message>
        <source>答复</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>已导入部门答复：办理 {n} 行（状态变更 {m} 次），跳过 {bad} 行。</source>
        <translation>已导入部门答复：办理 {n} 行（状态变更 {m} 次），跳过 {bad} 行。</translation>
    </message>
    <message>
        <source> 改好文件后重新选择，或跳过有问题的行只导入其余的行。</source>
        <translation> 改好文件后重新选择，或跳过有问题的行只导入其余的行。</translation>
    </message>
    <message>
        <source>表头在第 {row} 行{sheet}。</source>
        <translation>表头在第 {row} 行{sheet}。</translation>
    </message>
    <message>
        <source>办理 {n} 行（状态变更 {m} 次）</source>
        <translation>办理 {n} 行（状态变更 {m} 次）</translation>
    </message>
    <message>
        <source>未变 {n} 行</source>
        <translation>未变 {n} 行</translation>
    </message>
    <message>
        <source>有问题 {n} 行（其中冲突 {c} 行）</source>
        <translation>有问题 {n} 行（其中冲突 {c} 行）</translation>
    </message>
    <message>
        <source> 文件与数据库一致，没有需要导入的内容。</source>
        <translation> 文件与数据库一致，没有需要导入的内容。</translation>
    </message>
    <message>
        <source>（原因：{r}）</source>
        <translation>（原因：{r}）</translation>
    </message>
    <message>
        <source>跳过空行/合计行 {n} 行</source>
        <translation>跳过空行/合计行 {n} 行</translation>
    </message>
    <message>
        <source> 没有发现问题，可以导入。</source>
        <translation> 没有发现问题，可以导入。</translation>
    </message>
    <message>
        <source>保存客户</source>
        <translation>保存客户</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>修改记录…</source>
        <translation>修改记录…</translation>
    </message>
    <message>
        <source>（未填写）</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>选择或输入线路名称</source>
        <translation>选择或输入线路名称</translation>
    </message>
    <message>
        <source>放弃修改？</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <source>这个客户的修改还没有保存。要放弃这些修改吗？</source>
        <translation>这个客户的修改还没有保存。要放弃这些修改吗？</translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>继续编辑</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <source>新增客户</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <source>读取反馈单</source>
        <translation>读取反馈单</translation>
    </message>
    <message>
        <source>读取线路</source>
        <translation>读取线路</translation>
    </message>
    <message>
        <source>已保存客户 {name}</source>
        <translation>已保存客户 {name}</translation>
    </message>
    <message>
        <source>编辑客户 · {name}</source>
        <translation>编辑客户 · {name}</translation>
    </message>
    <message>
        <source>许可证号、经营状态、档位、线路和订货日的每次修改：何时、改前 → 改后、原因。</source>
        <translation>许可证号、经营状态、档位、线路和订货日的每次修改：何时、改前 → 改后、原因。</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>读取修改记录</source>
        <translation>读取修改记录</translation>
    </message>
    <message>
        <source>修改记录 · {name}</source>
        <translation>修改记录 · {name}</translation>
    </message>
    <message>
        <source>数据库文件已损坏</source>
        <translation>数据库文件已损坏</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>没有找到完好的备份。损坏的文件保留在上面的位置，可以交给技术支持尝试修复。</source>
        <translation>没有找到完好的备份。损坏的文件保留在上面的位置，可以交给技术支持尝试修复。</translation>
    </message>
    <message>
        <source>恢复此备份</source>
        <translation>恢复此备份</translation>
    </message>
    <message>
        <source>数据库文件已损坏，已移到 {moved}，原文件未被覆盖。</source>
        <translation>数据库文件已损坏，已移到 {moved}，原文件未被覆盖。</translation>
    </message>
    <message>
        <source>数据库文件已损坏，但它正被另一个程序（进程 {pid}）使用，所以没有做任何改动。请先关闭那个程序，再打开 Fieldbook。</source>
        <translation>数据库文件已损坏，但它正被另一个程序（进程 {pid}）使用，所以没有做任何改动。请先关闭那个程序，再打开 Fieldbook。</translation>
    </message>
    <message>
        <source>检查发现的问题：{items}</source>
        <translation>检查发现的问题：{items}</translation>
    </message>
    <message>
        <source>最新的完好备份：{time}（{kind}）
{counts}

恢复后，Fieldbook 在这个备份上打开；备份之后的修改不在其中。</source>
        <translation>最新的完好备份：{time}（{kind}）
{counts}

恢复后，Fieldbook 在这个备份上打开；备份之后的修改不在其中。</translation>
    </message>
    <message>
        <source>忽略建议</source>
        <translation>忽略建议</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>建议</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>发现</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>忽略原因</source>
        <translation>忽略原因</translation>
    </message>
    <message>
        <source>原因 *</source>
        <translation>原因 *</translation>
    </message>
    <message>
        <source>忽略</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>不忽略这条建议？</source>
        <translation>不忽略这条建议？</translation>
    </message>
    <message>
        <source>已选的原因还没有保存。要放弃吗？</source>
        <translation>已选的原因还没有保存。要放弃吗？</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>为什么不需要填反馈单</source>
        <translation>为什么不需要填反馈单</translation>
    </message>
    <message>
        <source>附件（可选）</source>
        <translation>附件（可选）</translation>
    </message>
    <message>
        <source>违纪建议只能以规定的原因忽略。</source>
        <translation>违纪建议只能以规定的原因忽略。</translation>
    </message>
    <message>
        <source>原因会随建议保存，并计入周报、部门视图和抽查。</source>
        <translation>原因会随建议保存，并计入周报、部门视图和抽查。</translation>
    </message>
    <message>
        <source>已忽略：{shop} 的{category}建议（{reason}）</source>
        <translation>已忽略：{shop} 的{category}建议（{reason}）</translation>
    </message>
    <message>
        <source>放弃</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>继续填写</source>
        <translation>继续填写</translation>
    </message>
    <message>
        <source>保存跟踪事项</source>
        <translation>保存跟踪事项</translation>
    </message>
    <message>
        <source>新建跟踪事项</source>
        <translation>新建跟踪事项</translation>
    </message>
    <message>
        <source>客户 *</source>
        <translation>客户 *</translation>
    </message>
    <message>
        <source>如 电访员 刘丽</source>
        <translation>如 电访员 刘丽</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>要做什么，如：店主反映断货黄鹤楼(软蓝)，请协调补货</source>
        <translation>要做什么，如：店主反映断货黄鹤楼(软蓝)，请协调补货</translation>
    </message>
    <message>
        <source>事项内容</source>
        <translation>事项内容</translation>
    </message>
    <message>
        <source>事项 *</source>
        <translation>事项 *</translation>
    </message>
    <message>
        <source> 个工作日内</source>
        <translation> 个工作日内</translation>
    </message>
    <message>
        <source>下次走访时</source>
        <translation>下次走访时</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>放弃这条跟踪事项？</source>
        <translation>放弃这条跟踪事项？</translation>
    </message>
    <message>
        <source>这条跟踪事项还没有保存。要放弃已填写的内容吗？</source>
        <translation>这条跟踪事项还没有保存。要放弃已填写的内容吗？</translation>
    </message>
    <message>
        <source>提出人</source>
        <translation>提出人</translation>
    </message>
    <message>
        <source>到那家店走访时提醒</source>
        <translation>到那家店走访时提醒</translation>
    </message>
    <message>
        <source>已记下跟踪事项：{shop}</source>
        <translation>已记下跟踪事项：{shop}</translation>
    </message>
    <message>
        <source>到期：{day}</source>
        <translation>到期：{day}</translation>
    </message>
    <message>
        <source>列的对应关系（可修改）</source>
        <translation>列的对应关系（可修改）</translation>
    </message>
    <message>
        <source>导入客户名单</source>
        <translation>导入客户名单</translation>
    </message>
    <message>
        <source>导入卷烟规格</source>
        <translation>导入卷烟规格</translation>
    </message>
    <message>
        <source>导入月度任务</source>
        <translation>导入月度任务</translation>
    </message>
    <message>
        <source>支持 Excel 工作簿（.xlsx）和 CSV 文件。先检查，确认无误后再导入。</source>
        <translation>支持 Excel 工作簿（.xlsx）和 CSV 文件。先检查，确认无误后再导入。</translation>
    </message>
    <message>
        <source>检查结果</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>个规格</source>
        <translation>个规格</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>文件中的列</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>未变</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>有问题</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>其他片区（不导入）</source>
        <translation>其他片区（不导入）</translation>
    </message>
    <message>
        <source>导入完成：新增 {new} {noun}，更新 {upd} {noun}，跳过 {bad} 行。</source>
        <translation>导入完成：新增 {new} {noun}，更新 {upd} {noun}，跳过 {bad} 行。</translation>
    </message>
    <message>
        <source>（空白表头）</source>
        <translation>（空白表头）</translation>
    </message>
    <message>
        <source>名单中缺少的客户</source>
        <translation>名单中缺少的客户</translation>
    </message>
    <message>
        <source>户</source>
        <translation>户</translation>
    </message>
    <message>
        <source>项任务</source>
        <translation>项任务</translation>
    </message>
    <message>
        <source>表头在第 {row} 行{sheet}。请核对列的对应关系和检查结果。</source>
        <translation>表头在第 {row} 行{sheet}。请核对列的对应关系和检查结果。</translation>
    </message>
    <message>
        <source>其他客户经理（不导入）</source>
        <translation>其他客户经理（不导入）</translation>
    </message>
    <message>
        <source>缺少必需的列：{cols}。请在左边为它选择文件中的列。</source>
        <translation>缺少必需的列：{cols}。请在左边为它选择文件中的列。</translation>
    </message>
    <message>
        <source>文件与现有数据一致，没有需要导入的内容。</source>
        <translation>文件与现有数据一致，没有需要导入的内容。</translation>
    </message>
    <message>
        <source>没有发现问题，可以导入。</source>
        <translation>没有发现问题，可以导入。</translation>
    </message>
    <message>
        <source>其他客户经理（{names}）的任务不导入。</source>
        <translation>其他客户经理（{names}）的任务不导入。</translation>
    </message>
    <message>
        <source>数据库里有 {n} 户不在这份名单中（导入不会删除它们）。</source>
        <translation>数据库里有 {n} 户不在这份名单中（导入不会删除它们）。</translation>
    </message>
    <message>
        <source>未使用的列：{cols}。</source>
        <translation>未使用的列：{cols}。</translation>
    </message>
    <message>
        <source>{col} 列：{text}</source>
        <translation>{col} 列：{text}</translation>
    </message>
    <message>
        <source>其他片区和线路的 {n} 户不导入。</source>
        <translation>其他片区和线路的 {n} 户不导入。</translation>
    </message>
    <message>
        <source>表格文件 (*.xlsx *.xlsm *.csv *.txt)</source>
        <translation>表格文件 (*.xlsx *.xlsm *.csv *.txt)</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx *.xlsm)</source>
        <translation>Excel 工作簿 (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>选择要导入的文件</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>检查文件</source>
        <translation>检查文件</translation>
    </message>
    <message>
        <source>还没有选择文件</source>
        <translation>还没有选择文件</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>跳过有问题的行并导入</source>
        <translation>跳过有问题的行并导入</translation>
    </message>
    <message>
        <source>正在检查文件…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>列</source>
        <translation>列</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>文件：</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>检查已取消。</source>
        <translation>检查已取消。</translation>
    </message>
    <message>
        <source>无法导入这个文件。请检查文件，或选择另一个文件。</source>
        <translation>无法导入这个文件。请检查文件，或选择另一个文件。</translation>
    </message>
    <message>
        <source>{n} 行有问题：改好文件后重新选择，或跳过这些行只导入其余的行。</source>
        <translation>{n} 行有问题：改好文件后重新选择，或跳过这些行只导入其余的行。</translation>
    </message>
    <message>
        <source>已跳过 {n} 个空行或合计行。</source>
        <translation>已跳过 {n} 个空行或合计行。</translation>
    </message>
    <message>
        <source>正在读取并检查 {name}…</source>
        <translation>正在读取并检查 {name}…</translation>
    </message>
    <message>
        <source>，工作表“{sheet}”</source>
        <translation>，工作表“{sheet}”</translation>
    </message>
    <message>
        <source>正在导入 {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <source>提醒：{text}</source>
        <translation>提醒：{text}</translation>
    </message>
    <message>
        <source>当天还没有订单</source>
        <translation>当天还没有订单</translation>
    </message>
    <message>
        <source>选择订单文件</source>
        <translation>选择订单文件</translation>
    </message>
    <message>
        <source>检查订单文件</source>
        <translation>检查订单文件</translation>
    </message>
    <message>
        <source>将替换当天已有订单（{c} 条，{a} 元）</source>
        <translation>将替换当天已有订单（{c} 条，{a} 元）</translation>
    </message>
    <message>
        <source>导入订单</source>
        <translation>导入订单</translation>
    </message>
    <message>
        <source>订货系统导出的订单明细（.xlsx 或 .csv）。文件里的每一天都会整天替换已导入的订单（不会重复累加）。先检查，确认无误后再导入。</source>
        <translation>订货系统导出的订单明细（.xlsx 或 .csv）。文件里的每一天都会整天替换已导入的订单（不会重复累加）。先检查，确认无误后再导入。</translation>
    </message>
    <message>
        <source>文件中的订单（按天）</source>
        <translation>文件中的订单（按天）</translation>
    </message>
    <message>
        <source>。</source>
        <translation>。</translation>
    </message>
    <message>
        <source>将替换当天已有 {n} 行（{c} 条，{a} 元）</source>
        <translation>将替换当天已有 {n} 行（{c} 条，{a} 元）</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>行数</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>当天已有的订单</source>
        <translation>当天已有的订单</translation>
    </message>
    <message>
        <source>订单已导入：{days} 天，{lines} 行</source>
        <translation>订单已导入：{days} 天，{lines} 行</translation>
    </message>
    <message>
        <source>，替换了原有的 {n} 行</source>
        <translation>，替换了原有的 {n} 行</translation>
    </message>
    <message>
        <source>，跳过有问题的 {n} 行</source>
        <translation>，跳过有问题的 {n} 行</translation>
    </message>
    <message>
        <source>；{n} 户连续未订货，已建议填写不订货反馈单</source>
        <translation>；{n} 户连续未订货，已建议填写不订货反馈单</translation>
    </message>
    <message>
        <source>表头在第 {row} 行{sheet}。请核对每天的行数、条数和金额。</source>
        <translation>表头在第 {row} 行{sheet}。请核对每天的行数、条数和金额。</translation>
    </message>
    <message>
        <source>可导入 {lines} 行，共 {days} 天。</source>
        <translation>可导入 {lines} 行，共 {days} 天。</translation>
    </message>
    <message>
        <source>导入后，这一天原有的订单会被文件中的订单整天替换</source>
        <translation>导入后，这一天原有的订单会被文件中的订单整天替换</translation>
    </message>
    <message>
        <source>缺少必需的列：{cols}。</source>
        <translation>缺少必需的列：{cols}。</translation>
    </message>
    <message>
        <source>文件里没有订单。</source>
        <translation>文件里没有订单。</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>这个数据库已加密，请输入口令：
{path}</source>
        <translation>这个数据库已加密，请输入口令：
{path}</translation>
    </message>
    <message>
        <source>第 {n} 次，共可试 {total} 次。口令不会被保存；忘记口令将无法打开这个数据库和它的备份。</source>
        <translation>第 {n} 次，共可试 {total} 次。口令不会被保存；忘记口令将无法打开这个数据库和它的备份。</translation>
    </message>
    <message>
        <source>导出反馈单登记表</source>
        <translation>导出反馈单登记表</translation>
    </message>
    <message>
        <source>全部部门</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>填报日期</source>
        <translation>填报日期</translation>
    </message>
    <message>
        <source>每张反馈单发给几个部门就有几行。部门在黄色的列里填写状态、处理人、处理时间和答复，发回后用“导入部门答复…”读入。</source>
        <translation>每张反馈单发给几个部门就有几行。部门在黄色的列里填写状态、处理人、处理时间和答复，发回后用“导入部门答复…”读入。</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>至</source>
        <translation>至</translation>
    </message>
    <message>
        <source>反馈单登记表_{start}_{end}.xlsx</source>
        <translation>反馈单登记表_{start}_{end}.xlsx</translation>
    </message>
    <message>
        <source>导出登记表</source>
        <translation>导出登记表</translation>
    </message>
    <message>
        <source>登记表已导出：{path}</source>
        <translation>登记表已导出：{path}</translation>
    </message>
    <message>
        <source>登记表没有导出：{reason}</source>
        <translation>登记表没有导出：{reason}</translation>
    </message>
    <message>
        <source> 元/条</source>
        <translation> 元/条</translation>
    </message>
    <message>
        <source>保存卷烟规格</source>
        <translation>保存卷烟规格</translation>
    </message>
    <message>
        <source>如 中华(硬)</source>
        <translation>如 中华(硬)</translation>
    </message>
    <message>
        <source>留空则取名称括号前的部分</source>
        <translation>留空则取名称括号前的部分</translation>
    </message>
    <message>
        <source>按批发价自动确定</source>
        <translation>按批发价自动确定</translation>
    </message>
    <message>
        <source>未填写</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>重点品牌</source>
        <translation>重点品牌</translation>
    </message>
    <message>
        <source>新品</source>
        <translation>新品</translation>
    </message>
    <message>
        <source>在销</source>
        <translation>在销</translation>
    </message>
    <message>
        <source>卷烟代码 *</source>
        <translation>卷烟代码 *</translation>
    </message>
    <message>
        <source>卷烟名称 *</source>
        <translation>卷烟名称 *</translation>
    </message>
    <message>
        <source>品牌</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>价类</source>
        <translation>价类</translation>
    </message>
    <message>
        <source>批发价</source>
        <translation>批发价</translation>
    </message>
    <message>
        <source>零售价</source>
        <translation>零售价</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>货源信息</source>
        <translation>货源信息</translation>
    </message>
    <message>
        <source>新增卷烟规格</source>
        <translation>新增卷烟规格</translation>
    </message>
    <message>
        <source>读取货源信息</source>
        <translation>读取货源信息</translation>
    </message>
    <message>
        <source>已保存卷烟规格 {name}</source>
        <translation>已保存卷烟规格 {name}</translation>
    </message>
    <message>
        <source>编辑卷烟规格 · {name}</source>
        <translation>编辑卷烟规格 · {name}</translation>
    </message>
    <message>
        <source>客户名称 *</source>
        <translation>客户名称 *</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>经营地址</source>
        <translation>经营地址</translation>
    </message>
    <message>
        <source>许可证号</source>
        <translation>许可证号</translation>
    </message>
    <message>
        <source>保存反馈单</source>
        <translation>保存反馈单</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>细分原因</source>
        <translation>细分原因</translation>
    </message>
    <message>
        <source>类别 *</source>
        <translation>类别 *</translation>
    </message>
    <message>
        <source>生效日期</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>恢复日期</source>
        <translation>恢复日期</translation>
    </message>
    <message>
        <source>生效日期 *</source>
        <translation>生效日期 *</translation>
    </message>
    <message>
        <source>恢复日期 *</source>
        <translation>恢复日期 *</translation>
    </message>
    <message>
        <source>新客户，还没有客户档案（办结后自动建档）</source>
        <translation>新客户，还没有客户档案（办结后自动建档）</translation>
    </message>
    <message>
        <source>写清楚发现了什么、在哪里、涉及哪些规格，需要各部门做什么</source>
        <translation>写清楚发现了什么、在哪里、涉及哪些规格，需要各部门做什么</translation>
    </message>
    <message>
        <source>情况说明</source>
        <translation>情况说明</translation>
    </message>
    <message>
        <source>情况说明 *</source>
        <translation>情况说明 *</translation>
    </message>
    <message>
        <source>卷烟规格 *</source>
        <translation>卷烟规格 *</translation>
    </message>
    <message>
        <source>发送给 *</source>
        <translation>发送给 *</translation>
    </message>
    <message>
        <source>去掉部门的原因</source>
        <translation>去掉部门的原因</translation>
    </message>
    <message>
        <source>未发原因 *</source>
        <translation>未发原因 *</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>保存为草稿（Ctrl+Enter），稍后再发送</source>
        <translation>保存为草稿（Ctrl+Enter），稍后再发送</translation>
    </message>
    <message>
        <source>保存并发送</source>
        <translation>保存并发送</translation>
    </message>
    <message>
        <source>保存，并发送给选中的部门</source>
        <translation>保存，并发送给选中的部门</translation>
    </message>
    <message>
        <source>（不填）</source>
        <translation>（不填）</translation>
    </message>
    <message>
        <source>放弃这张反馈单？</source>
        <translation>放弃这张反馈单？</translation>
    </message>
    <message>
        <source>这张反馈单还没有保存。要放弃已填写的内容吗？</source>
        <translation>这张反馈单还没有保存。要放弃已填写的内容吗？</translation>
    </message>
    <message>
        <source>生成反馈单（来自走访建议）</source>
        <translation>生成反馈单（来自走访建议）</translation>
    </message>
    <message>
        <source>{name}需附现场照片等证据：可在这里添加，也可保存后在详情中添加。</source>
        <translation>{name}需附现场照片等证据：可在这里添加，也可保存后在详情中添加。</translation>
    </message>
    <message>
        <source>生效日期是{name}开始的日期，恢复日期是预计恢复营业的日期。</source>
        <translation>生效日期是{name}开始的日期，恢复日期是预计恢复营业的日期。</translation>
    </message>
    <message>
        <source>为什么不发给{names}（如：专卖办已在现场处理）</source>
        <translation>为什么不发给{names}（如：专卖办已在现场处理）</translation>
    </message>
    <message>
        <source>已保存反馈单 {number}</source>
        <translation>已保存反馈单 {number}</translation>
    </message>
    <message>
        <source>发送反馈单</source>
        <translation>发送反馈单</translation>
    </message>
    <message>
        <source>添加附件 {name}</source>
        <translation>添加附件 {name}</translation>
    </message>
    <message>
        <source>保存月度任务</source>
        <translation>保存月度任务</translation>
    </message>
    <message>
        <source>月度任务</source>
        <translation>月度任务</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>月份 *</source>
        <translation>月份 *</translation>
    </message>
    <message>
        <source>全月</source>
        <translation>全月</translation>
    </message>
    <message>
        <source>卷烟（重点品牌/新品）</source>
        <translation>卷烟（重点品牌/新品）</translation>
    </message>
    <message>
        <source>指标范围</source>
        <translation>指标范围</translation>
    </message>
    <message>
        <source>卷烟代码，如 13100101</source>
        <translation>卷烟代码，如 13100101</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>条</source>
        <translation>条</translation>
    </message>
    <message>
        <source>销量任务（条）</source>
        <translation>销量任务（条）</translation>
    </message>
    <message>
        <source>元</source>
        <translation>元</translation>
    </message>
    <message>
        <source>金额任务（元）</source>
        <translation>金额任务（元）</translation>
    </message>
    <message>
        <source>元/条</source>
        <translation>元/条</translation>
    </message>
    <message>
        <source>单条值（元）</source>
        <translation>单条值（元）</translation>
    </message>
    <message>
        <source>三项至少填一项；改动会记入修改记录。</source>
        <translation>三项至少填一项；改动会记入修改记录。</translation>
    </message>
    <message>
        <source>放弃这项任务？</source>
        <translation>放弃这项任务？</translation>
    </message>
    <message>
        <source>这项月度任务还没有保存。要放弃已填写的内容吗？</source>
        <translation>这项月度任务还没有保存。要放弃已填写的内容吗？</translation>
    </message>
    <message>
        <source>卷烟代码</source>
        <translation>卷烟代码</translation>
    </message>
    <message>
        <source>读取月度任务</source>
        <translation>读取月度任务</translation>
    </message>
    <message>
        <source>已保存 {month} 的月度任务</source>
        <translation>已保存 {month} 的月度任务</translation>
    </message>
    <message>
        <source>= {n} 箱</source>
        <translation>= {n} 箱</translation>
    </message>
    <message>
        <source>周一</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>周二</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>周三</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>周四</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>周五</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>周六</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>周日</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>星期一</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>星期二</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>星期三</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>星期四</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>星期五</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>星期六</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>星期日</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>是</source>
        <translation>是</translation>
    </message>
    <message>
        <source>自动</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>退出时</source>
        <translation>退出时</translation>
    </message>
    <message>
        <source>手动</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>恢复前</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>升级前</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>{m}月{d}日</source>
        <translation>{m}月{d}日</translation>
    </message>
    <message>
        <source>{y}年{m}月{d}日</source>
        <translation>{y}年{m}月{d}日</translation>
    </message>
    <message>
        <source>{m}分</source>
        <translation>{m}分</translation>
    </message>
    <message>
        <source>客户 {n} 户</source>
        <translation>客户 {n} 户</translation>
    </message>
    <message>
        <source>走访 {n} 次</source>
        <translation>走访 {n} 次</translation>
    </message>
    <message>
        <source>计划 {n} 个</source>
        <translation>计划 {n} 个</translation>
    </message>
    <message>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message>
        <source>{h}小时{m}分</source>
        <translation>{h}小时{m}分</translation>
    </message>
    <message>
        <source>{h}小时</source>
        <translation>{h}小时</translation>
    </message>
    <message>
        <source>客户资料</source>
        <translation>客户资料</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>客户编码 *</source>
        <translation>客户编码 *</translation>
    </message>
    <message>
        <source>如 230902100123</source>
        <translation>如 230902100123</translation>
    </message>
    <message>
        <source>手机或座机</source>
        <translation>手机或座机</translation>
    </message>
    <message>
        <source>12 位数字</source>
        <translation>12 位数字</translation>
    </message>
    <message>
        <source>许可证有效期</source>
        <translation>许可证有效期</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>区县</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>线路与订货</source>
        <translation>线路与订货</translation>
    </message>
    <message>
        <source>线路</source>
        <translation>线路</translation>
    </message>
    <message>
        <source>线路顺序</source>
        <translation>线路顺序</translation>
    </message>
    <message>
        <source>自动（排在最后）</source>
        <translation>自动（排在最后）</translation>
    </message>
    <message>
        <source>订货日</source>
        <translation>订货日</translation>
    </message>
    <message>
        <source>经营信息</source>
        <translation>经营信息</translation>
    </message>
    <message>
        <source>经营业态</source>
        <translation>经营业态</translation>
    </message>
    <message>
        <source>市场类型</source>
        <translation>市场类型</translation>
    </message>
    <message>
        <source>档位</source>
        <translation>档位</translation>
    </message>
    <message>
        <source>经营状态</source>
        <translation>经营状态</translation>
    </message>
    <message>
        <source>重点客户</source>
        <translation>重点客户</translation>
    </message>
    <message>
        <source>是重点客户</source>
        <translation>是重点客户</translation>
    </message>
    <message>
        <source>纬度</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>可不填，如 45.7712</source>
        <translation>可不填，如 45.7712</translation>
    </message>
    <message>
        <source>经度</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>可不填，如 131.0033</source>
        <translation>可不填，如 131.0033</translation>
    </message>
    <message>
        <source>打开加密的数据库</source>
        <translation>打开加密的数据库</translation>
    </message>
    <message>
        <source>口令</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>口令不正确</source>
        <translation>口令不正确</translation>
    </message>
    <message>
        <source>读取客户经理资料</source>
        <translation>读取客户经理资料</translation>
    </message>
    <message>
        <source>今日计划</source>
        <translation>今日计划</translation>
    </message>
    <message>
        <source>卷烟规格</source>
        <translation>卷烟规格</translation>
    </message>
    <message>
        <source>反馈单</source>
        <translation>反馈单</translation>
    </message>
    <message>
        <source>工作日志</source>
        <translation>工作日志</translation>
    </message>
    <message>
        <source>周报</source>
        <translation>周报</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>备份与恢复</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>数据库位置</source>
        <translation>数据库位置</translation>
    </message>
    <message>
        <source>页面</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>还有没保存的修改</source>
        <translation>还有没保存的修改</translation>
    </message>
    <message>
        <source>返回</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>仍然退出</source>
        <translation>仍然退出</translation>
    </message>
    <message>
        <source>退出前的备份没有完成</source>
        <translation>退出前的备份没有完成</translation>
    </message>
    <message>
        <source>不退出</source>
        <translation>不退出</translation>
    </message>
    <message>
        <source>读取未完成的走访</source>
        <translation>读取未完成的走访</translation>
    </message>
    <message>
        <source>尚未填写客户经理资料</source>
        <translation>尚未填写客户经理资料</translation>
    </message>
    <message>
        <source>

数据库里的数据都在（每次修改都已保存），只是少了这次备份。</source>
        <translation>

数据库里的数据都在（每次修改都已保存），只是少了这次备份。</translation>
    </message>
    <message>
        <source>{app} · 客户经理外勤工作手册</source>
        <translation>{app} · 客户经理外勤工作手册</translation>
    </message>
    <message>
        <source>客户经理：{name}</source>
        <translation>客户经理：{name}</translation>
    </message>
    <message>
        <source>正在备份，备份完成后退出…</source>
        <translation>正在备份，备份完成后退出…</translation>
    </message>
    <message>
        <source>{what}

现在退出，这些修改会丢失。</source>
        <translation>{what}

现在退出，这些修改会丢失。</translation>
    </message>
    <message>
        <source>{title}（Ctrl+{n}）</source>
        <translation>{title}（Ctrl+{n}）</translation>
    </message>
    <message>
        <source>有 {n} 个未完成的走访，可在“今日计划”页继续。</source>
        <translation>有 {n} 个未完成的走访，可在“今日计划”页继续。</translation>
    </message>
    <message>
        <source>已损坏</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>可以恢复</source>
        <translation>可以恢复</translation>
    </message>
    <message>
        <source>口令不同，无法读取</source>
        <translation>口令不同，无法读取</translation>
    </message>
    <message>
        <source>结构不符，不能恢复</source>
        <translation>结构不符，不能恢复</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>计划</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>客户编码</source>
        <translation>客户编码</translation>
    </message>
    <message>
        <source>客户名称</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>业态</source>
        <translation>业态</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>负责人/电话</source>
        <translation>负责人/电话</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>跟踪</source>
        <translation>跟踪</translation>
    </message>
    <message>
        <source>规格</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>上柜</source>
        <translation>上柜</translation>
    </message>
    <message>
        <source>排面</source>
        <translation>排面</translation>
    </message>
    <message>
        <source>库存(条)</source>
        <translation>库存(条)</translation>
    </message>
    <message>
        <source>库存(包)</source>
        <translation>库存(包)</translation>
    </message>
    <message>
        <source>售价(元/包)</source>
        <translation>售价(元/包)</translation>
    </message>
    <message>
        <source>高于指导价 {amount} 元（{percent}）</source>
        <translation>高于指导价 {amount} 元（{percent}）</translation>
    </message>
    <message>
        <source>低于指导价 {amount} 元（{percent}）</source>
        <translation>低于指导价 {amount} 元（{percent}）</translation>
    </message>
    <message>
        <source>指导价 {price} 元/包</source>
        <translation>指导价 {price} 元/包</translation>
    </message>
    <message>
        <source>价格未到位：{words}，{guide}</source>
        <translation>价格未到位：{words}，{guide}</translation>
    </message>
    <message>
        <source>价格偏离：{list}</source>
        <translation>价格偏离：{list}</translation>
    </message>
    <message>
        <source>售价：最多两位小数</source>
        <translation>售价：最多两位小数</translation>
    </message>
    <message>
        <source>价格到位（{guide}）</source>
        <translation>价格到位（{guide}）</translation>
    </message>
    <message>
        <source>价格偏离：{words}，{guide}</source>
        <translation>价格偏离：{words}，{guide}</translation>
    </message>
    <message>
        <source>售价：请填写金额（元/包），如 23.50</source>
        <translation>售价：请填写金额（元/包），如 23.50</translation>
    </message>
    <message>
        <source>（新品）</source>
        <translation>（新品）</translation>
    </message>
    <message>
        <source>上次：{value}（待核对：Ctrl+Shift+D 或直接填写）</source>
        <translation>上次：{value}（待核对：Ctrl+Shift+D 或直接填写）</translation>
    </message>
    <message>
        <source> · 重点品牌</source>
        <translation> · 重点品牌</translation>
    </message>
    <message>
        <source>卷烟名称</source>
        <translation>卷烟名称</translation>
    </message>
    <message>
        <source>批发价(元/条)</source>
        <translation>批发价(元/条)</translation>
    </message>
    <message>
        <source>零售价(元/条)</source>
        <translation>零售价(元/条)</translation>
    </message>
    <message>
        <source>重点</source>
        <translation>重点</translation>
    </message>
    <message>
        <source>货源</source>
        <translation>货源</translation>
    </message>
    <message>
        <source>单号</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>各部门</source>
        <translation>各部门</translation>
    </message>
    <message>
        <source>办结期限</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <source>走访日期</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <source>建议的反馈单</source>
        <translation>建议的反馈单</translation>
    </message>
    <message>
        <source>走访发现</source>
        <translation>走访发现</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>到期</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>无法打开数据库：{reason}</source>
        <translation>无法打开数据库：{reason}</translation>
    </message>
    <message>
        <source>恢复没有完成：{reason}</source>
        <translation>恢复没有完成：{reason}</translation>
    </message>
    <message>
        <source>口令不正确：已试 {n} 次。数据库没有被改动。</source>
        <translation>口令不正确：已试 {n} 次。数据库没有被改动。</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>读取数据</source>
        <translation>读取数据</translation>
    </message>
    <message>
        <source>{what}已取消，没有做任何改动。</source>
        <translation>{what}已取消，没有做任何改动。</translation>
    </message>
    <message>
        <source>{what}没有完成：{reason}。
没有做任何改动，数据库保持原样。</source>
        <translation>{what}没有完成：{reason}。
没有做任何改动，数据库保持原样。</translation>
    </message>
    <message>
        <source>{what}失败：{reason}</source>
        <translation>{what}失败：{reason}</translation>
    </message>
    <message>
        <source>这个数据库不是本机文件，不能在这里备份或恢复。</source>
        <translation>这个数据库不是本机文件，不能在这里备份或恢复。</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>现在做一个备份（Ctrl+B）</source>
        <translation>现在做一个备份（Ctrl+B）</translation>
    </message>
    <message>
        <source>恢复所选备份…</source>
        <translation>恢复所选备份…</translation>
    </message>
    <message>
        <source>用所选的备份替换当前数据（会先确认）</source>
        <translation>用所选的备份替换当前数据（会先确认）</translation>
    </message>
    <message>
        <source>检查数据库</source>
        <translation>检查数据库</translation>
    </message>
    <message>
        <source>完整性检查和外键检查，找出文件里的任何问题</source>
        <translation>完整性检查和外键检查，找出文件里的任何问题</translation>
    </message>
    <message>
        <source>打开备份文件夹</source>
        <translation>打开备份文件夹</translation>
    </message>
    <message>
        <source>备份列表</source>
        <translation>备份列表</translation>
    </message>
    <message>
        <source>还没有备份。点“立即备份”做第一个。</source>
        <translation>还没有备份。点“立即备份”做第一个。</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>恢复备份</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>正在检查数据库…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <source>有修改时每 30 分钟自动备份一次，退出时也备份；旧备份会自动精简（保留最近每天、每周、每月各一份）。备份和数据库一样，只有您的系统账户可以读取。
备份文件夹：{folder}</source>
        <translation>有修改时每 30 分钟自动备份一次，退出时也备份；旧备份会自动精简（保留最近每天、每周、每月各一份）。备份和数据库一样，只有您的系统账户可以读取。
备份文件夹：{folder}</translation>
    </message>
    <message>
        <source>读取备份列表</source>
        <translation>读取备份列表</translation>
    </message>
    <message>
        <source>用 {time} 的备份（{kind}）替换当前数据？
{counts}

将会这样做：
1. 先把当前数据另做一个“恢复前”备份；
2. 当前数据库文件移到一旁（{name}.replaced-…，不删除）；
3. 用所选备份替换，然后 Fieldbook 在恢复后的数据上重新打开。

这个备份之后的修改不在恢复后的数据里（它们在“恢复前”备份中）。</source>
        <translation>用 {time} 的备份（{kind}）替换当前数据？
{counts}

将会这样做：
1. 先把当前数据另做一个“恢复前”备份；
2. 当前数据库文件移到一旁（{name}.replaced-…，不删除）；
3. 用所选备份替换，然后 Fieldbook 在恢复后的数据上重新打开。

这个备份之后的修改不在恢复后的数据里（它们在“恢复前”备份中）。</translation>
    </message>
    <message>
        <source>已备份 {time}（{kind}）</source>
        <translation>已备份 {time}（{kind}）</translation>
    </message>
    <message>
        <source>没有恢复：{reason}
当前数据库没有改动。</source>
        <translation>没有恢复：{reason}
当前数据库没有改动。</translation>
    </message>
    <message>
        <source>已从备份恢复：{file}</source>
        <translation>已从备份恢复：{file}</translation>
    </message>
    <message>
        <source>
…… 共 {n} 个问题</source>
        <translation>
…… 共 {n} 个问题</translation>
    </message>
    <message>
        <source>数据库有问题（{time} 检查）：完整性 {i} 个，结构 {s} 个，外键 {f} 个。
{lines}{more}
建议：先“立即备份”留住现状，再从最新的完好备份恢复。</source>
        <translation>数据库有问题（{time} 检查）：完整性 {i} 个，结构 {s} 个，外键 {f} 个。
{lines}{more}
建议：先“立即备份”留住现状，再从最新的完好备份恢复。</translation>
    </message>
    <message>
        <source>恢复前的数据另做了备份：{file}</source>
        <translation>恢复前的数据另做了备份：{file}</translation>
    </message>
    <message>
        <source>原数据库文件已移到：{path}（没有删除）</source>
        <translation>原数据库文件已移到：{path}（没有删除）</translation>
    </message>
    <message>
        <source>照片和附件：从备份里找回 {n} 个</source>
        <translation>照片和附件：从备份里找回 {n} 个</translation>
    </message>
    <message>
        <source>有 {n} 个照片或附件在备份里也找不到</source>
        <translation>有 {n} 个照片或附件在备份里也找不到</translation>
    </message>
    <message>
        <source>检查没有完成：{reason}</source>
        <translation>检查没有完成：{reason}</translation>
    </message>
    <message>
        <source>数据库完好（{time} 检查）：完整性检查、外键检查都通过。</source>
        <translation>数据库完好（{time} 检查）：完整性检查、外键检查都通过。</translation>
    </message>
    <message>
        <source>一户一档…</source>
        <translation>一户一档…</translation>
    </message>
    <message>
        <source>导出选中客户的档案：客户资料与修改记录、走访、按月订货、反馈单、抽查</source>
        <translation>导出选中客户的档案：客户资料与修改记录、走访、按月订货、反馈单、抽查</translation>
    </message>
    <message>
        <source>一户一档</source>
        <translation>一户一档</translation>
    </message>
    <message>
        <source>导出一户一档</source>
        <translation>导出一户一档</translation>
    </message>
    <message>
        <source>搜索编码、名称、负责人、电话、许可证号或拼音首字母（如 zxbl）  Ctrl+F</source>
        <translation>搜索编码、名称、负责人、电话、许可证号或拼音首字母（如 zxbl）  Ctrl+F</translation>
    </message>
    <message>
        <source>新增一个客户（Ctrl+N）</source>
        <translation>新增一个客户（Ctrl+N）</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>编辑选中的客户（Enter）</source>
        <translation>编辑选中的客户（Enter）</translation>
    </message>
    <message>
        <source>导入客户名单…</source>
        <translation>导入客户名单…</translation>
    </message>
    <message>
        <source>客户列表</source>
        <translation>客户列表</translation>
    </message>
    <message>
        <source>读取客户</source>
        <translation>读取客户</translation>
    </message>
    <message>
        <source>共 {n} 户</source>
        <translation>共 {n} 户</translation>
    </message>
    <message>
        <source>一户一档_{code}_{name}</source>
        <translation>一户一档_{code}_{name}</translation>
    </message>
    <message>
        <source>一户一档_{code}_{name}.xlsx</source>
        <translation>一户一档_{code}_{name}.xlsx</translation>
    </message>
    <message>
        <source>一户一档已导出：{path}</source>
        <translation>一户一档已导出：{path}</translation>
    </message>
    <message>
        <source>已记录答复</source>
        <translation>已记录答复</translation>
    </message>
    <message>
        <source>请先选中要记录答复的问题</source>
        <translation>请先选中要记录答复的问题</translation>
    </message>
    <message>
        <source>这个问题还没有保存，保存后才能记录答复</source>
        <translation>这个问题还没有保存，保存后才能记录答复</translation>
    </message>
    <message>
        <source>请先选中要记录答复的问题：</source>
        <translation>请先选中要记录答复的问题：</translation>
    </message>
    <message>
        <source>记录答复</source>
        <translation>记录答复</translation>
    </message>
    <message>
        <source>答复没有保存：{reason}</source>
        <translation>答复没有保存：{reason}</translation>
    </message>
    <message>
        <source>这个问题已经答复：{answer}</source>
        <translation>这个问题已经答复：{answer}</translation>
    </message>
    <message>
        <source>今天应订货未订货，走访时问清原因</source>
        <translation>今天应订货未订货，走访时问清原因</translation>
    </message>
    <message>
        <source>（走访记录：{reason}）</source>
        <translation>（走访记录：{reason}）</translation>
    </message>
    <message>
        <source>读取工作日志失败：{reason}</source>
        <translation>读取工作日志失败：{reason}</translation>
    </message>
    <message>
        <source>{what}。保存成功（点“重试”或“保存更正”）或撤销之前，不能换到别的日期。</source>
        <translation>{what}。保存成功（点“重试”或“保存更正”）或撤销之前，不能换到别的日期。</translation>
    </message>
    <message>
        <source>日志日期</source>
        <translation>日志日期</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>回到今天（Alt+Home）</source>
        <translation>回到今天（Alt+Home）</translation>
    </message>
    <message>
        <source>导入订单…</source>
        <translation>导入订单…</translation>
    </message>
    <message>
        <source>导入订货系统导出的订单明细（Ctrl+I）</source>
        <translation>导入订货系统导出的订单明细（Ctrl+I）</translation>
    </message>
    <message>
        <source>把这天的工作日志导出为 Excel（Ctrl+E）</source>
        <translation>把这天的工作日志导出为 Excel（Ctrl+E）</translation>
    </message>
    <message>
        <source>提醒…</source>
        <translation>提醒…</translation>
    </message>
    <message>
        <source>提醒设置：07:30、15:00、15:40、16:00 和周四 14:00</source>
        <translation>提醒设置：07:30、15:00、15:40、16:00 和周四 14:00</translation>
    </message>
    <message>
        <source>提交</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>提交这天的日志：当天情况和指标按现在的数据保存，之后的修改要填写原因</source>
        <translation>提交这天的日志：当天情况和指标按现在的数据保存，之后的修改要填写原因</translation>
    </message>
    <message>
        <source>还没有更正。提交后再修改的内容，会连同时间和原因记在这里。</source>
        <translation>还没有更正。提交后再修改的内容，会连同时间和原因记在这里。</translation>
    </message>
    <message>
        <source>（休息日）</source>
        <translation>（休息日）</translation>
    </message>
    <message>
        <source>提交工作日志</source>
        <translation>提交工作日志</translation>
    </message>
    <message>
        <source>导出工作日志</source>
        <translation>导出工作日志</translation>
    </message>
    <message>
        <source>上一个工作日（Alt+←）</source>
        <translation>上一个工作日（Alt+←）</translation>
    </message>
    <message>
        <source>下一个工作日（Alt+→）</source>
        <translation>下一个工作日（Alt+→）</translation>
    </message>
    <message>
        <source>读取工作日志</source>
        <translation>读取工作日志</translation>
    </message>
    <message>
        <source>已提交</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>回到办公室后：先导入当天的订单，看一下左边的当天情况和经济指标，再写右边各部分——每次修改都自动保存。写完、开完 16:00 例会后点“提交”。</source>
        <translation>回到办公室后：先导入当天的订单，看一下左边的当天情况和经济指标，再写右边各部分——每次修改都自动保存。写完、开完 16:00 例会后点“提交”。</translation>
    </message>
    <message>
        <source>工作日志的更正还没有保存（需要填写原因）</source>
        <translation>工作日志的更正还没有保存（需要填写原因）</translation>
    </message>
    <message>
        <source>提交 {day} 的工作日志？

提交后，当天情况和经济指标按现在的数据保存；以后再修改任何部分都要填写原因，并记入更正记录。</source>
        <translation>提交 {day} 的工作日志？

提交后，当天情况和经济指标按现在的数据保存；以后再修改任何部分都要填写原因，并记入更正记录。</translation>
    </message>
    <message>
        <source>工作日志_{day}.xlsx</source>
        <translation>工作日志_{day}.xlsx</translation>
    </message>
    <message>
        <source>工作日志_{day}</source>
        <translation>工作日志_{day}</translation>
    </message>
    <message>
        <source>工作日志已导出：{path}</source>
        <translation>工作日志已导出：{path}</translation>
    </message>
    <message>
        <source>工作日志没有导出：{reason}</source>
        <translation>工作日志没有导出：{reason}</translation>
    </message>
    <message>
        <source>这个版本还没有工作日志导出功能</source>
        <translation>这个版本还没有工作日志导出功能</translation>
    </message>
    <message>
        <source>打开{day}的计划 →</source>
        <translation>打开{day}的计划 →</translation>
    </message>
    <message>
        <source>已提交 {time}</source>
        <translation>已提交 {time}</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>未开始</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>没有保存：{reason}</source>
        <translation>没有保存：{reason}</translation>
    </message>
    <message>
        <source>
保存成功之前不能提交。</source>
        <translation>
保存成功之前不能提交。</translation>
    </message>
    <message>
        <source>

还没有填写：{names}。</source>
        <translation>

还没有填写：{names}。</translation>
    </message>
    <message>
        <source>日志已于 {time} 提交，是正式记录。要修改某一部分，直接改，再填写原因并点“保存更正”；每次更正都记在“更正记录”里，导出时也会带上。</source>
        <translation>日志已于 {time} 提交，是正式记录。要修改某一部分，直接改，再填写原因并点“保存更正”；每次更正都记在“更正记录”里，导出时也会带上。</translation>
    </message>
    <message>
        <source>工作日志还有部分没有保存：{what}</source>
        <translation>工作日志还有部分没有保存：{what}</translation>
    </message>
    <message>
        <source>工作日志有部分没有保存（内容有误）：{what}</source>
        <translation>工作日志有部分没有保存（内容有误）：{what}</translation>
    </message>
    <message>
        <source>{day} 的工作日志已提交</source>
        <translation>{day} 的工作日志已提交</translation>
    </message>
    <message>
        <source>没有提交：{reason}</source>
        <translation>没有提交：{reason}</translation>
    </message>
    <message>
        <source>客户经理</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>含已落实</source>
        <translation>含已落实</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>答复并落实…</source>
        <translation>答复并落实…</translation>
    </message>
    <message>
        <source>退回…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>退回原因：</source>
        <translation>退回原因：</translation>
    </message>
    <message>
        <source>读取收件箱</source>
        <translation>读取收件箱</translation>
    </message>
    <message>
        <source>请先选中一张反馈单</source>
        <translation>请先选中一张反馈单</translation>
    </message>
    <message>
        <source>处理反馈单</source>
        <translation>处理反馈单</translation>
    </message>
    <message>
        <source>一次处理完毕</source>
        <translation>一次处理完毕</translation>
    </message>
    <message>
        <source>{n} 件，逾期 {o} 件</source>
        <translation>{n} 件，逾期 {o} 件</translation>
    </message>
    <message>
        <source>{n} 的答复：</source>
        <translation>{n} 的答复：</translation>
    </message>
    <message>
        <source>{day} 逾期</source>
        <translation>{day} 逾期</translation>
    </message>
    <message>
        <source>部门负责人</source>
        <translation>部门负责人</translation>
    </message>
    <message>
        <source>手工修改</source>
        <translation>手工修改</translation>
    </message>
    <message>
        <source>导入名单</source>
        <translation>导入名单</translation>
    </message>
    <message>
        <source>含已答复</source>
        <translation>含已答复</translation>
    </message>
    <message>
        <source>答复…</source>
        <translation>答复…</translation>
    </message>
    <message>
        <source>客户经理上报部门负责人的问题。答复后，客户经理同步时收到。</source>
        <translation>客户经理上报部门负责人的问题。答复后，客户经理同步时收到。</translation>
    </message>
    <message>
        <source>答复上报的问题</source>
        <translation>答复上报的问题</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>改前 → 改后</source>
        <translation>改前 → 改后</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>许可证号、经营状态未经已办结的反馈单修改的记录（「禁止擅自变更客户信息」）。</source>
        <translation>许可证号、经营状态未经已办结的反馈单修改的记录（「禁止擅自变更客户信息」）。</translation>
    </message>
    <message>
        <source>{name}（{code}）</source>
        <translation>{name}（{code}）</translation>
    </message>
    <message>
        <source>未答复</source>
        <translation>未答复</translation>
    </message>
    <message>
        <source>读取上报的问题</source>
        <translation>读取上报的问题</translation>
    </message>
    <message>
        <source>请先选中一个问题</source>
        <translation>请先选中一个问题</translation>
    </message>
    <message>
        <source>近 4 周</source>
        <translation>近 4 周</translation>
    </message>
    <message>
        <source>近 13 周</source>
        <translation>近 13 周</translation>
    </message>
    <message>
        <source>近一年</source>
        <translation>近一年</translation>
    </message>
    <message>
        <source>读取客户信息变更</source>
        <translation>读取客户信息变更</translation>
    </message>
    <message>
        <source>{by} {at}：{answer}</source>
        <translation>{by} {at}：{answer}</translation>
    </message>
    <message>
        <source>{n} 个问题，{w} 个待答复</source>
        <translation>{n} 个问题，{w} 个待答复</translation>
    </message>
    <message>
        <source>{manager} {day} 上报：{text}
答复：</source>
        <translation>{manager} {day} 上报：{text}
答复：</translation>
    </message>
    <message>
        <source>{n} 条变更，涉及 {m} 位客户经理</source>
        <translation>{n} 条变更，涉及 {m} 位客户经理</translation>
    </message>
    <message>
        <source>已审阅</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>周</source>
        <translation>周</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>完成率</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>有问题走访</source>
        <translation>有问题走访</translation>
    </message>
    <message>
        <source>订货（条）</source>
        <translation>订货（条）</translation>
    </message>
    <message>
        <source>单条值</source>
        <translation>单条值</translation>
    </message>
    <message>
        <source>一二类占比</source>
        <translation>一二类占比</translation>
    </message>
    <message>
        <source>出勤</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>审阅</source>
        <translation>审阅</translation>
    </message>
    <message>
        <source>审阅通过</source>
        <translation>审阅通过</translation>
    </message>
    <message>
        <source>导出所选周报…</source>
        <translation>导出所选周报…</translation>
    </message>
    <message>
        <source>导出汇总…</source>
        <translation>导出汇总…</translation>
    </message>
    <message>
        <source>各客户经理订货量（条）</source>
        <translation>各客户经理订货量（条）</translation>
    </message>
    <message>
        <source>各客户经理走访：计划与完成</source>
        <translation>各客户经理走访：计划与完成</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>导出周报</source>
        <translation>导出周报</translation>
    </message>
    <message>
        <source>市场部</source>
        <translation>市场部</translation>
    </message>
    <message>
        <source>第 {n} 次提交，待审</source>
        <translation>第 {n} 次提交，待审</translation>
    </message>
    <message>
        <source>本周</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>读取各客户经理的周报</source>
        <translation>读取各客户经理的周报</translation>
    </message>
    <message>
        <source>市场部汇总_{start}_{end}.xlsx</source>
        <translation>市场部汇总_{start}_{end}.xlsx</translation>
    </message>
    <message>
        <source>请先选中一位客户经理的一周</source>
        <translation>请先选中一位客户经理的一周</translation>
    </message>
    <message>
        <source>周报_{code}_{label}.xlsx</source>
        <translation>周报_{code}_{label}.xlsx</translation>
    </message>
    <message>
        <source>请先选中一份已提交的周报</source>
        <translation>请先选中一份已提交的周报</translation>
    </message>
    <message>
        <source>退回周报</source>
        <translation>退回周报</translation>
    </message>
    <message>
        <source>退回原因（客户经理会看到）：</source>
        <translation>退回原因（客户经理会看到）：</translation>
    </message>
    <message>
        <source>审阅周报</source>
        <translation>审阅周报</translation>
    </message>
    <message>
        <source>读取跟踪事项</source>
        <translation>读取跟踪事项</translation>
    </message>
    <message>
        <source>读取角色</source>
        <translation>读取角色</translation>
    </message>
    <message>
        <source>市场部主任</source>
        <translation>市场部主任</translation>
    </message>
    <message>
        <source>这是本机数据库。在部门服务器上（fieldbook --db postgresql+psycopg://…）这里显示全部客户经理的周报、反馈单与抽查，并按登录角色开放。</source>
        <translation>这是本机数据库。在部门服务器上（fieldbook --db postgresql+psycopg://…）这里显示全部客户经理的周报、反馈单与抽查，并按登录角色开放。</translation>
    </message>
    <message>
        <source>周报与指标</source>
        <translation>周报与指标</translation>
    </message>
    <message>
        <source>任务进度</source>
        <translation>任务进度</translation>
    </message>
    <message>
        <source>反馈单收件箱</source>
        <translation>反馈单收件箱</translation>
    </message>
    <message>
        <source>抽查</source>
        <translation>抽查</translation>
    </message>
    <message>
        <source>跟踪事项</source>
        <translation>跟踪事项</translation>
    </message>
    <message>
        <source>上报问题</source>
        <translation>上报问题</translation>
    </message>
    <message>
        <source>客户信息变更</source>
        <translation>客户信息变更</translation>
    </message>
    <message>
        <source>第 {n} 轮 {verdict}</source>
        <translation>第 {n} 轮 {verdict}</translation>
    </message>
    <message>
        <source>{m} 位客户经理，{w} 份周报待审阅</source>
        <translation>{m} 位客户经理，{w} 份周报待审阅</translation>
    </message>
    <message>
        <source>订货</source>
        <translation>订货</translation>
    </message>
    <message>
        <source>已连接部门服务器（{role}）。</source>
        <translation>已连接部门服务器（{role}）。</translation>
    </message>
    <message>
        <source>已导出：{p}</source>
        <translation>已导出：{p}</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>（违纪 {n}）</source>
        <translation>（违纪 {n}）</translation>
    </message>
    <message>
        <source>整改中</source>
        <translation>整改中</translation>
    </message>
    <message>
        <source>已改正</source>
        <translation>已改正</translation>
    </message>
    <message>
        <source>到店–离店</source>
        <translation>到店–离店</translation>
    </message>
    <message>
        <source>属实</source>
        <translation>属实</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>服务</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>整改</source>
        <translation>整改</translation>
    </message>
    <message>
        <source>走访属实</source>
        <translation>走访属实</translation>
    </message>
    <message>
        <source>时间核实无误</source>
        <translation>时间核实无误</translation>
    </message>
    <message>
        <source>内容核实无误</source>
        <translation>内容核实无误</translation>
    </message>
    <message>
        <source>服务质量</source>
        <translation>服务质量</translation>
    </message>
    <message>
        <source>存在问题</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <source>整改要求</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <source>抽样 / 打开</source>
        <translation>抽样 / 打开</translation>
    </message>
    <message>
        <source>记录…</source>
        <translation>记录…</translation>
    </message>
    <message>
        <source>已改正…</source>
        <translation>已改正…</translation>
    </message>
    <message>
        <source>选择客户经理和月份，抽取该月的走访进行核查。</source>
        <translation>选择客户经理和月份，抽取该月的走访进行核查。</translation>
    </message>
    <message>
        <source>导出抽查记录</source>
        <translation>导出抽查记录</translation>
    </message>
    <message>
        <source>抽查记录</source>
        <translation>抽查记录</translation>
    </message>
    <message>
        <source>改正情况：</source>
        <translation>改正情况：</translation>
    </message>
    <message>
        <source>抽样</source>
        <translation>抽样</translation>
    </message>
    <message>
        <source>记录抽查</source>
        <translation>记录抽查</translation>
    </message>
    <message>
        <source>请先抽样或打开一个月的抽查</source>
        <translation>请先抽样或打开一个月的抽查</translation>
    </message>
    <message>
        <source>抽查_{m}_{month}.xlsx</source>
        <translation>抽查_{m}_{month}.xlsx</translation>
    </message>
    <message>
        <source>抽查_{m}_{month}</source>
        <translation>抽查_{m}_{month}</translation>
    </message>
    <message>
        <source>请选中一项整改中的走访</source>
        <translation>请选中一项整改中的走访</translation>
    </message>
    <message>
        <source>抽查记录：{c}</source>
        <translation>抽查记录：{c}</translation>
    </message>
    <message>
        <source>记录整改</source>
        <translation>记录整改</translation>
    </message>
    <message>
        <source>{m} {month}：抽查 {n} 次走访（随机种子 {seed}），已核查 {c}，不属实 {x}，整改中 {o}，已改正 {d}</source>
        <translation>{m} {month}：抽查 {n} 次走访（随机种子 {seed}），已核查 {c}，不属实 {x}，整改中 {o}，已改正 {d}</translation>
    </message>
    <message>
        <source>；本月忽略建议 {n} 条（违纪 {v}）</source>
        <translation>；本月忽略建议 {n} 条（违纪 {v}）</translation>
    </message>
    <message>
        <source>{day} {customer} {category}：{reason}</source>
        <translation>{day} {customer} {category}：{reason}</translation>
    </message>
    <message>
        <source>未设任务</source>
        <translation>未设任务</translation>
    </message>
    <message>
        <source>时间进度</source>
        <translation>时间进度</translation>
    </message>
    <message>
        <source>任务完成率（销量）</source>
        <translation>任务完成率（销量）</translation>
    </message>
    <message>
        <source>任务完成率（金额）</source>
        <translation>任务完成率（金额）</translation>
    </message>
    <message>
        <source>对比时间进度</source>
        <translation>对比时间进度</translation>
    </message>
    <message>
        <source>读取任务进度</source>
        <translation>读取任务进度</translation>
    </message>
    <message>
        <source>截至 {day}：任务完成率 = 本月累计 ÷ 月度任务；时间进度 = 已过工作日 ÷ 本月工作日。</source>
        <translation>截至 {day}：任务完成率 = 本月累计 ÷ 月度任务；时间进度 = 已过工作日 ÷ 本月工作日。</translation>
    </message>
    <message>
        <source>客户信息反馈单：创建、发送到四个部门并跟踪办结——将在后续版本提供。</source>
        <translation>客户信息反馈单：创建、发送到四个部门并跟踪办结——将在后续版本提供。</translation>
    </message>
    <message>
        <source>新增、关业、暂停、违纪、不订货的客户，以及品牌上柜情况，都要填写客户信息反馈单，发送给市场部、专卖办、配送中心和电访部；每个部门各自办理，直到全部办结。</source>
        <translation>新增、关业、暂停、违纪、不订货的客户，以及品牌上柜情况，都要填写客户信息反馈单，发送给市场部、专卖办、配送中心和电访部；每个部门各自办理，直到全部办结。</translation>
    </message>
    <message>
        <source>工作日志：当天的走访、订货和问题自动汇总，只需补写文字——将在后续版本提供。</source>
        <translation>工作日志：当天的走访、订货和问题自动汇总，只需补写文字——将在后续版本提供。</translation>
    </message>
    <message>
        <source>每天 15:00 回到单位后，查看客户订货情况、与电访员沟通、分析当天的经济指标，并写好工作日志；16:00 例会的内容也记在这里。</source>
        <translation>每天 15:00 回到单位后，查看客户订货情况、与电访员沟通、分析当天的经济指标，并写好工作日志；16:00 例会的内容也记在这里。</translation>
    </message>
    <message>
        <source>周总结与周计划：按市场部要求的格式一键生成 Excel 工作簿——将在后续版本提供。</source>
        <translation>周总结与周计划：按市场部要求的格式一键生成 Excel 工作簿——将在后续版本提供。</translation>
    </message>
    <message>
        <source>每周四 14:00–15:00 写周总结、周计划和当天的日志；提交后的周报不会被悄悄改动，更正会留下记录。</source>
        <translation>每周四 14:00–15:00 写周总结、周计划和当天的日志；提交后的周报不会被悄悄改动，更正会留下记录。</translation>
    </message>
    <message>
        <source>计划日期</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>计划中的客户</source>
        <translation>计划中的客户</translation>
    </message>
    <message>
        <source>生成这天的计划</source>
        <translation>生成这天的计划</translation>
    </message>
    <message>
        <source>Enter 开始走访 · Ctrl+↑/↓ 或拖动行调整顺序 · Alt+←/→ 换日期</source>
        <translation>Enter 开始走访 · Ctrl+↑/↓ 或拖动行调整顺序 · Alt+←/→ 换日期</translation>
    </message>
    <message>
        <source>生成计划</source>
        <translation>生成计划</translation>
    </message>
    <message>
        <source>调整顺序</source>
        <translation>调整顺序</translation>
    </message>
    <message>
        <source>添加客户</source>
        <translation>添加客户</translation>
    </message>
    <message>
        <source>按距离排序</source>
        <translation>按距离排序</translation>
    </message>
    <message>
        <source>排明天的计划</source>
        <translation>排明天的计划</translation>
    </message>
    <message>
        <source>读取计划</source>
        <translation>读取计划</translation>
    </message>
    <message>
        <source>拜访计划</source>
        <translation>拜访计划</translation>
    </message>
    <message>
        <source>这一天还没有计划。</source>
        <translation>这一天还没有计划。</translation>
    </message>
    <message>
        <source>标记未访</source>
        <translation>标记未访</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>放弃走访</source>
        <translation>放弃走访</translation>
    </message>
    <message>
        <source>读取计划失败：{reason}</source>
        <translation>读取计划失败：{reason}</translation>
    </message>
    <message>
        <source>节假日数据未覆盖 {year} 年：工作日只按周一至周五判断。</source>
        <translation>节假日数据未覆盖 {year} 年：工作日只按周一至周五判断。</translation>
    </message>
    <message>
        <source>计划里没有客户。线路和走访日来自客户名单：在“客户”页导入公司的客户名单，或为客户设置线路；也可以用“添加客户…”临时加入。</source>
        <translation>计划里没有客户。线路和走访日来自客户名单：在“客户”页导入公司的客户名单，或为客户设置线路；也可以用“添加客户…”临时加入。</translation>
    </message>
    <message>
        <source>{shop} 未访的原因：</source>
        <translation>{shop} 未访的原因：</translation>
    </message>
    <message>
        <source>从计划中移除 {shop} 的原因：</source>
        <translation>从计划中移除 {shop} 的原因：</translation>
    </message>
    <message>
        <source>{reason}
没保存的部分（仍在屏幕上）：{what}。点“重试”再保存。</source>
        <translation>{reason}
没保存的部分（仍在屏幕上）：{what}。点“重试”再保存。</translation>
    </message>
    <message>
        <source>已保存更正，已记入更正记录</source>
        <translation>已保存更正，已记入更正记录</translation>
    </message>
    <message>
        <source>已保存更正 {time}</source>
        <translation>已保存更正 {time}</translation>
    </message>
    <message>
        <source>保存更正</source>
        <translation>保存更正</translation>
    </message>
    <message>
        <source>更正没有保存：{reason}
修改仍在屏幕上，可以再点“保存更正”。</source>
        <translation>更正没有保存：{reason}
修改仍在屏幕上，可以再点“保存更正”。</translation>
    </message>
    <message>
        <source>路线单</source>
        <translation>路线单</translation>
    </message>
    <message>
        <source>导出路线单</source>
        <translation>导出路线单</translation>
    </message>
    <message>
        <source>路线单_{day}</source>
        <translation>路线单_{day}</translation>
    </message>
    <message>
        <source>路线单_{day}.xlsx</source>
        <translation>路线单_{day}.xlsx</translation>
    </message>
    <message>
        <source>路线单已导出：{path}</source>
        <translation>路线单已导出：{path}</translation>
    </message>
    <message>
        <source>客户经理资料</source>
        <translation>客户经理资料</translation>
    </message>
    <message>
        <source>表格抬头（印在日志、周报、反馈单等每一份表格上）</source>
        <translation>表格抬头（印在日志、周报、反馈单等每一份表格上）</translation>
    </message>
    <message>
        <source>保存资料</source>
        <translation>保存资料</translation>
    </message>
    <message>
        <source>数据</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>打开数据文件夹</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <source>数据文件夹</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>手机照片文件夹</source>
        <translation>手机照片文件夹</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>显示密度</source>
        <translation>显示密度</translation>
    </message>
    <message>
        <source>关于 Fieldbook…</source>
        <translation>关于 Fieldbook…</translation>
    </message>
    <message>
        <source>客户资料属于公司，请妥善保管：数据文件夹只有您的系统账户可以访问。</source>
        <translation>客户资料属于公司，请妥善保管：数据文件夹只有您的系统账户可以访问。</translation>
    </message>
    <message>
        <source>部门服务器（同步）</source>
        <translation>部门服务器（同步）</translation>
    </message>
    <message>
        <source>postgresql+psycopg://登录名@服务器/数据库?sslmode=require</source>
        <translation>postgresql+psycopg://登录名@服务器/数据库?sslmode=require</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>口令只用于这次连接，不会保存</source>
        <translation>口令只用于这次连接，不会保存</translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>上传您的走访、日志和周报，下载各部门的答复和审阅结果。</source>
        <translation>上传您的走访、日志和周报，下载各部门的答复和审阅结果。</translation>
    </message>
    <message>
        <source>正在同步…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>同步完成</source>
        <translation>同步完成</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>已保存客户经理资料</source>
        <translation>已保存客户经理资料</translation>
    </message>
    <message>
        <source>自动（小屏幕紧凑）</source>
        <translation>自动（小屏幕紧凑）</translation>
    </message>
    <message>
        <source>紧凑</source>
        <translation>紧凑</translation>
    </message>
    <message>
        <source>宽松</source>
        <translation>宽松</translation>
    </message>
    <message>
        <source>重新启动 Fieldbook 后生效</source>
        <translation>重新启动 Fieldbook 后生效</translation>
    </message>
    <message>
        <source>（不是本机文件）</source>
        <translation>（不是本机文件）</translation>
    </message>
    <message>
        <source>读取资料</source>
        <translation>读取资料</translation>
    </message>
    <message>
        <source>请填写部门服务器地址（postgresql+psycopg://…）</source>
        <translation>请填写部门服务器地址（postgresql+psycopg://…）</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>同步完成。上传：{up}；下载：{down}</source>
        <translation>同步完成。上传：{up}；下载：{down}</translation>
    </message>
    <message>
        <source>找到 {n} 个</source>
        <translation>找到 {n} 个</translation>
    </message>
    <message>
        <source>共 {n} 个规格</source>
        <translation>共 {n} 个规格</translation>
    </message>
    <message>
        <source>搜索卷烟代码、名称或拼音首字母  Ctrl+F</source>
        <translation>搜索卷烟代码、名称或拼音首字母  Ctrl+F</translation>
    </message>
    <message>
        <source>搜索卷烟规格</source>
        <translation>搜索卷烟规格</translation>
    </message>
    <message>
        <source>新增规格</source>
        <translation>新增规格</translation>
    </message>
    <message>
        <source>新增一个卷烟规格（Ctrl+N）</source>
        <translation>新增一个卷烟规格（Ctrl+N）</translation>
    </message>
    <message>
        <source>编辑选中的规格（Enter）</source>
        <translation>编辑选中的规格（Enter）</translation>
    </message>
    <message>
        <source>导入卷烟规格…</source>
        <translation>导入卷烟规格…</translation>
    </message>
    <message>
        <source>卷烟规格列表</source>
        <translation>卷烟规格列表</translation>
    </message>
    <message>
        <source>读取卷烟规格</source>
        <translation>读取卷烟规格</translation>
    </message>
    <message>
        <source>新建…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>记下电访员反馈或其他要跟进的事（Ctrl+Shift+N）</source>
        <translation>记下电访员反馈或其他要跟进的事（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <source>关闭…</source>
        <translation>关闭…</translation>
    </message>
    <message>
        <source>写明处理结果，关闭选中的跟踪事项</source>
        <translation>写明处理结果，关闭选中的跟踪事项</translation>
    </message>
    <message>
        <source>显示已关闭的</source>
        <translation>显示已关闭的</translation>
    </message>
    <message>
        <source>处理结果，如：已协调配送中心补货</source>
        <translation>处理结果，如：已协调配送中心补货</translation>
    </message>
    <message>
        <source>关闭事项</source>
        <translation>关闭事项</translation>
    </message>
    <message>
        <source>未关闭 {n} 项</source>
        <translation>未关闭 {n} 项</translation>
    </message>
    <message>
        <source>，超期 {n} 项</source>
        <translation>，超期 {n} 项</translation>
    </message>
    <message>
        <source>跟踪事项（{n}）</source>
        <translation>跟踪事项（{n}）</translation>
    </message>
    <message>
        <source>关闭 {shop}：{text}</source>
        <translation>关闭 {shop}：{text}</translation>
    </message>
    <message>
        <source>已关闭跟踪事项：{shop}</source>
        <translation>已关闭跟踪事项：{shop}</translation>
    </message>
    <message>
        <source>待处理的建议</source>
        <translation>待处理的建议</translation>
    </message>
    <message>
        <source>完成走访时，检查发现的问题（如关业、暂停、违纪、不订货）会在这里建议填写反馈单。“生成反馈单”按走访内容预先填好，核对后保存；不需要的点“忽略…”并写明原因（违纪只能选规定的原因），原因计入周报和抽查。</source>
        <translation>完成走访时，检查发现的问题（如关业、暂停、违纪、不订货）会在这里建议填写反馈单。“生成反馈单”按走访内容预先填好，核对后保存；不需要的点“忽略…”并写明原因（违纪只能选规定的原因），原因计入周报和抽查。</translation>
    </message>
    <message>
        <source>走访建议的反馈单</source>
        <translation>走访建议的反馈单</translation>
    </message>
    <message>
        <source>生成反馈单…</source>
        <translation>生成反馈单…</translation>
    </message>
    <message>
        <source>按这条建议预先填好一张反馈单（Enter）</source>
        <translation>按这条建议预先填好一张反馈单（Enter）</translation>
    </message>
    <message>
        <source>忽略…</source>
        <translation>忽略…</translation>
    </message>
    <message>
        <source>不需要填写反馈单：写明原因（会保存并计入周报）</source>
        <translation>不需要填写反馈单：写明原因（会保存并计入周报）</translation>
    </message>
    <message>
        <source>读取走访建议</source>
        <translation>读取走访建议</translation>
    </message>
    <message>
        <source>待处理的建议（{n}）</source>
        <translation>待处理的建议（{n}）</translation>
    </message>
    <message>
        <source>反馈单列表</source>
        <translation>反馈单列表</translation>
    </message>
    <message>
        <source>新建反馈单…</source>
        <translation>新建反馈单…</translation>
    </message>
    <message>
        <source>写一张新的反馈单（Ctrl+N）</source>
        <translation>写一张新的反馈单（Ctrl+N）</translation>
    </message>
    <message>
        <source>发送</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>把选中的反馈单发送给所有尚未发送的部门</source>
        <translation>把选中的反馈单发送给所有尚未发送的部门</translation>
    </message>
    <message>
        <source>导出此单…</source>
        <translation>导出此单…</translation>
    </message>
    <message>
        <source>把选中的反馈单导出为可打印的 Excel 表（一页）</source>
        <translation>把选中的反馈单导出为可打印的 Excel 表（一页）</translation>
    </message>
    <message>
        <source>导出登记表…</source>
        <translation>导出登记表…</translation>
    </message>
    <message>
        <source>导出一段时间的反馈单登记表，发给各部门填写办理情况</source>
        <translation>导出一段时间的反馈单登记表，发给各部门填写办理情况</translation>
    </message>
    <message>
        <source>导入部门答复…</source>
        <translation>导入部门答复…</translation>
    </message>
    <message>
        <source>读入部门填好发回的登记表（先预览，再导入）</source>
        <translation>读入部门填好发回的登记表（先预览，再导入）</translation>
    </message>
    <message>
        <source>搜索单号、客户编码或名称  Ctrl+F</source>
        <translation>搜索单号、客户编码或名称  Ctrl+F</translation>
    </message>
    <message>
        <source>搜索反馈单</source>
        <translation>搜索反馈单</translation>
    </message>
    <message>
        <source>只看未办结</source>
        <translation>只看未办结</translation>
    </message>
    <message>
        <source>添加附件</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>导出反馈单</source>
        <translation>导出反馈单</translation>
    </message>
    <message>
        <source>共 {n} 张</source>
        <translation>共 {n} 张</translation>
    </message>
    <message>
        <source>办理反馈单</source>
        <translation>办理反馈单</translation>
    </message>
    <message>
        <source>图片和文档 (*.jpg *.jpeg *.png *.pdf *.docx *.xlsx)</source>
        <translation>图片和文档 (*.jpg *.jpeg *.png *.pdf *.docx *.xlsx)</translation>
    </message>
    <message>
        <source>反馈单_{number}.xlsx</source>
        <translation>反馈单_{number}.xlsx</translation>
    </message>
    <message>
        <source>，超期 {n} 张</source>
        <translation>，超期 {n} 张</translation>
    </message>
    <message>
        <source>反馈单_{number}</source>
        <translation>反馈单_{number}</translation>
    </message>
    <message>
        <source>已发送反馈单 {number}</source>
        <translation>已发送反馈单 {number}</translation>
    </message>
    <message>
        <source>没有改动：{reason}</source>
        <translation>没有改动：{reason}</translation>
    </message>
    <message>
        <source>找不到附件文件：{path}</source>
        <translation>找不到附件文件：{path}</translation>
    </message>
    <message>
        <source>无法打开附件：{path}</source>
        <translation>无法打开附件：{path}</translation>
    </message>
    <message>
        <source>反馈单已导出：{path}</source>
        <translation>反馈单已导出：{path}</translation>
    </message>
    <message>
        <source>反馈单 {number} 已办结</source>
        <translation>反馈单 {number} 已办结</translation>
    </message>
    <message>
        <source>已添加附件 {name}</source>
        <translation>已添加附件 {name}</translation>
    </message>
    <message>
        <source>已保存更正，已记入修改记录</source>
        <translation>已保存更正，已记入修改记录</translation>
    </message>
    <message>
        <source>更正没有保存：必填项不能清空（{names}）</source>
        <translation>更正没有保存：必填项不能清空（{names}）</translation>
    </message>
    <message>
        <source>必填</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>请先改正：{names}</source>
        <translation>请先改正：{names}</translation>
    </message>
    <message>
        <source>各规格库存与排面（Alt+G）</source>
        <translation>各规格库存与排面（Alt+G）</translation>
    </message>
    <message>
        <source>店铺{label}：不用填写检查表，可以直接完成（Ctrl+Enter）。</source>
        <translation>店铺{label}：不用填写检查表，可以直接完成（Ctrl+Enter）。</translation>
    </message>
    <message>
        <source>店铺状态</source>
        <translation>店铺状态</translation>
    </message>
    <message>
        <source>已按上次填写 {n} 项（只填空着的）</source>
        <translation>已按上次填写 {n} 项（只填空着的）</translation>
    </message>
    <message>
        <source>完成后将建议填写反馈单：{name}。</source>
        <translation>完成后将建议填写反馈单：{name}。</translation>
    </message>
    <message>
        <source>完成后将记下跟踪事项：{text}。</source>
        <translation>完成后将记下跟踪事项：{text}。</translation>
    </message>
    <message>
        <source>由规格表的售价判定：{seen} 个售价，{off} 个偏离指导价</source>
        <translation>由规格表的售价判定：{seen} 个售价，{off} 个偏离指导价</translation>
    </message>
    <message>
        <source>添加规格</source>
        <translation>添加规格</translation>
    </message>
    <message>
        <source>同上次</source>
        <translation>同上次</translation>
    </message>
    <message>
        <source>核对</source>
        <translation>核对</translation>
    </message>
    <message>
        <source> · 上次 {n} 个规格待核对（Ctrl+Shift+D）</source>
        <translation> · 上次 {n} 个规格待核对（Ctrl+Shift+D）</translation>
    </message>
    <message>
        <source>；{items} 项和 {skus} 个规格要现场核对：与上次相同按 Ctrl+Shift+D，不同就直接改</source>
        <translation>；{items} 项和 {skus} 个规格要现场核对：与上次相同按 Ctrl+Shift+D，不同就直接改</translation>
    </message>
    <message>
        <source>{sku}的数据</source>
        <translation>{sku}的数据</translation>
    </message>
    <message>
        <source>已核对，与上次相同：{items} 项、{skus} 个规格</source>
        <translation>已核对，与上次相同：{items} 项、{skus} 个规格</translation>
    </message>
    <message>
        <source>完成后随即撤销</source>
        <translation>完成后随即撤销</translation>
    </message>
    <message>
        <source>走访时间很短</source>
        <translation>走访时间很短</translation>
    </message>
    <message>
        <source> · 计划里的客户都走完了</source>
        <translation> · 计划里的客户都走完了</translation>
    </message>
    <message>
        <source>已完成：{shop}</source>
        <translation>已完成：{shop}</translation>
    </message>
    <message>
        <source>请先到店（Enter 或 Alt+A），再完成走访。</source>
        <translation>请先到店（Enter 或 Alt+A），再完成走访。</translation>
    </message>
    <message>
        <source>
还有修改没有保存，保存成功之前不能完成走访。</source>
        <translation>
还有修改没有保存，保存成功之前不能完成走访。</translation>
    </message>
    <message>
        <source>请先改正规格表里标红的格子。</source>
        <translation>请先改正规格表里标红的格子。</translation>
    </message>
    <message>
        <source>请先选择店铺状态（数字键 1–5）。</source>
        <translation>请先选择店铺状态（数字键 1–5）。</translation>
    </message>
    <message>
        <source>撤销完成</source>
        <translation>撤销完成</translation>
    </message>
    <message>
        <source>新增跟踪事项 {n} 条</source>
        <translation>新增跟踪事项 {n} 条</translation>
    </message>
    <message>
        <source>再次发现（记在已有跟踪事项上）{n} 条</source>
        <translation>再次发现（记在已有跟踪事项上）{n} 条</translation>
    </message>
    <message>
        <source>处理跟踪事项 {n} 条</source>
        <translation>处理跟踪事项 {n} 条</translation>
    </message>
    <message>
        <source>建议填写反馈单：{names}</source>
        <translation>建议填写反馈单：{names}</translation>
    </message>
    <message>
        <source>完成走访</source>
        <translation>完成走访</translation>
    </message>
    <message>
        <source>在店只有 {n} 分钟（不到 {limit} 分钟）。确定完成这次走访吗？</source>
        <translation>在店只有 {n} 分钟（不到 {limit} 分钟）。确定完成这次走访吗？</translation>
    </message>
    <message>
        <source>走访没有完成：{reason}</source>
        <translation>走访没有完成：{reason}</translation>
    </message>
    <message>
        <source> 等 {n} 项</source>
        <translation> 等 {n} 项</translation>
    </message>
    <message>
        <source>还有必填项没有填写：{names}</source>
        <translation>还有必填项没有填写：{names}</translation>
    </message>
    <message>
        <source>已撤销完成：{shop}，可以接着填写</source>
        <translation>已撤销完成：{shop}，可以接着填写</translation>
    </message>
    <message>
        <source>没有撤销：{reason}</source>
        <translation>没有撤销：{reason}</translation>
    </message>
    <message>
        <source>{reason}
没保存的修改（仍在屏幕上）：{what}。点“重试”再保存。</source>
        <translation>{reason}
没保存的修改（仍在屏幕上）：{what}。点“重试”再保存。</translation>
    </message>
    <message>
        <source>店铺状态 *</source>
        <translation>店铺状态 *</translation>
    </message>
    <message>
        <source>完成，去下一家（Ctrl+Enter）</source>
        <translation>完成，去下一家（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>走访的更正还没有保存（需要填写原因）</source>
        <translation>走访的更正还没有保存（需要填写原因）</translation>
    </message>
    <message>
        <source>{what}。保存成功（点“重试”或“保存更正”）或撤销之前，不能打开别的店。</source>
        <translation>{what}。保存成功（点“重试”或“保存更正”）或撤销之前，不能打开别的店。</translation>
    </message>
    <message>
        <source>打开走访</source>
        <translation>打开走访</translation>
    </message>
    <message>
        <source>{what}没有保存：{reason}</source>
        <translation>{what}没有保存：{reason}</translation>
    </message>
    <message>
        <source>第 {n} 站 / 共 {total} 站 · {why}</source>
        <translation>第 {n} 站 / 共 {total} 站 · {why}</translation>
    </message>
    <message>
        <source>{day} · 不在计划中</source>
        <translation>{day} · 不在计划中</translation>
    </message>
    <message>
        <source>走访还有修改没有保存：{what}</source>
        <translation>走访还有修改没有保存：{what}</translation>
    </message>
    <message>
        <source>读取建议的反馈单</source>
        <translation>读取建议的反馈单</translation>
    </message>
    <message>
        <source>这次走访建议的反馈单都已处理。</source>
        <translation>这次走访建议的反馈单都已处理。</translation>
    </message>
    <message>
        <source>按刚完成的走访发现，预先填好建议的反馈单，核对后保存（Alt+F）</source>
        <translation>按刚完成的走访发现，预先填好建议的反馈单，核对后保存（Alt+F）</translation>
    </message>
    <message>
        <source>撤销完成（Ctrl+Z）</source>
        <translation>撤销完成（Ctrl+Z）</translation>
    </message>
    <message>
        <source>刚完成的走访改回未完成，接着填写；会记入修改记录</source>
        <translation>刚完成的走访改回未完成，接着填写；会记入修改记录</translation>
    </message>
    <message>
        <source>到店后按 Enter（或 Alt+A）记下到店时间，再开始填写。路上的时间不算走访时间。</source>
        <translation>到店后按 Enter（或 Alt+A）记下到店时间，再开始填写。路上的时间不算走访时间。</translation>
    </message>
    <message>
        <source>这次走访已完成（{time} 完成）。要更正到店、离店时间或检查项，直接修改，再填写原因并点“保存更正”；更正会记入修改记录。</source>
        <translation>这次走访已完成（{time} 完成）。要更正到店、离店时间或检查项，直接修改，再填写原因并点“保存更正”；更正会记入修改记录。</translation>
    </message>
    <message>
        <source>离店时间</source>
        <translation>离店时间</translation>
    </message>
    <message>
        <source>到店时间</source>
        <translation>到店时间</translation>
    </message>
    <message>
        <source>到店</source>
        <translation>到店</translation>
    </message>
    <message>
        <source>离店</source>
        <translation>离店</translation>
    </message>
    <message>
        <source>读取周报失败：{reason}</source>
        <translation>读取周报失败：{reason}</translation>
    </message>
    <message>
        <source>{what}。保存成功或撤销之前，不能换到别的周。</source>
        <translation>{what}。保存成功或撤销之前，不能换到别的周。</translation>
    </message>
    <message>
        <source>读取上周计划</source>
        <translation>读取上周计划</translation>
    </message>
    <message>
        <source>提交周报</source>
        <translation>提交周报</translation>
    </message>
    <message>
        <source>更新周报数字</source>
        <translation>更新周报数字</translation>
    </message>
    <message>
        <source>回到本周（Alt+Home）</source>
        <translation>回到本周（Alt+Home）</translation>
    </message>
    <message>
        <source>从上周计划开始</source>
        <translation>从上周计划开始</translation>
    </message>
    <message>
        <source>把上周周报里写的下周计划填到这里，再接着改</source>
        <translation>把上周周报里写的下周计划填到这里，再接着改</translation>
    </message>
    <message>
        <source>导出周报…</source>
        <translation>导出周报…</translation>
    </message>
    <message>
        <source>把这周的周报导出为 Excel（Ctrl+E）</source>
        <translation>把这周的周报导出为 Excel（Ctrl+E）</translation>
    </message>
    <message>
        <source>记录审阅…</source>
        <translation>记录审阅…</translation>
    </message>
    <message>
        <source>记录部门的审阅：通过，或退回并附意见</source>
        <translation>记录部门的审阅：通过，或退回并附意见</translation>
    </message>
    <message>
        <source>更正…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>修改已提交的周报（需要填写原因）</source>
        <translation>修改已提交的周报（需要填写原因）</translation>
    </message>
    <message>
        <source>更新数字</source>
        <translation>更新数字</translation>
    </message>
    <message>
        <source>周四的订单导入后，按现在的数据重新计算已提交周报的数字（审阅前可用，记入更正记录）</source>
        <translation>周四的订单导入后，按现在的数据重新计算已提交周报的数字（审阅前可用，记入更正记录）</translation>
    </message>
    <message>
        <source>提交周报：本周数据按现在的数据保存</source>
        <translation>提交周报：本周数据按现在的数据保存</translation>
    </message>
    <message>
        <source>还没有更正。提交后的修改会连同原因记在这里。</source>
        <translation>还没有更正。提交后的修改会连同原因记在这里。</translation>
    </message>
    <message>
        <source>历史周报</source>
        <translation>历史周报</translation>
    </message>
    <message>
        <source>本周总结</source>
        <translation>本周总结</translation>
    </message>
    <message>
        <source>下周计划</source>
        <translation>下周计划</translation>
    </message>
    <message>
        <source>正在更正已提交的周报：改好后在下面填写原因，点“保存更正”；或“撤销修改”。</source>
        <translation>正在更正已提交的周报：改好后在下面填写原因，点“保存更正”；或“撤销修改”。</translation>
    </message>
    <message>
        <source>上一周（Alt+←）</source>
        <translation>上一周（Alt+←）</translation>
    </message>
    <message>
        <source>下一周（Alt+→）</source>
        <translation>下一周（Alt+→）</translation>
    </message>
    <message>
        <source>读取周报</source>
        <translation>读取周报</translation>
    </message>
    <message>
        <source>已审阅：通过</source>
        <translation>已审阅：通过</translation>
    </message>
    <message>
        <source>已审阅：退回</source>
        <translation>已审阅：退回</translation>
    </message>
    <message>
        <source>周报已提交，是正式记录，不能直接修改。要修改，点“更正…”，改好后填写原因；每次更正都记在“更正记录”里。</source>
        <translation>周报已提交，是正式记录，不能直接修改。要修改，点“更正…”，改好后填写原因；每次更正都记在“更正记录”里。</translation>
    </message>
    <message>
        <source>周四 14:00 写周报：左边是本周数据，右边写本周总结和下周计划——每次修改都自动保存。下周计划可以“从上周计划开始”。写完点“提交”。</source>
        <translation>周四 14:00 写周报：左边是本周数据，右边写本周总结和下周计划——每次修改都自动保存。下周计划可以“从上周计划开始”。写完点“提交”。</translation>
    </message>
    <message>
        <source>周报的更正还没有保存（需要填写原因）</source>
        <translation>周报的更正还没有保存（需要填写原因）</translation>
    </message>
    <message>
        <source>已沿用上周的计划，可以接着修改</source>
        <translation>已沿用上周的计划，可以接着修改</translation>
    </message>
    <message>
        <source>提交 {label} 的周报？

提交后，本周数据按现在的数据保存，周报不能再直接修改；以后的修改要填写原因，并记入更正记录。</source>
        <translation>提交 {label} 的周报？

提交后，本周数据按现在的数据保存，周报不能再直接修改；以后的修改要填写原因，并记入更正记录。</translation>
    </message>
    <message>
        <source>{label} 的周报数字已更新，变化记入更正记录</source>
        <translation>{label} 的周报数字已更新，变化记入更正记录</translation>
    </message>
    <message>
        <source>{label} 的周报数字没有变化</source>
        <translation>{label} 的周报数字没有变化</translation>
    </message>
    <message>
        <source>周报_{label}.xlsx</source>
        <translation>周报_{label}.xlsx</translation>
    </message>
    <message>
        <source>周报_{label}</source>
        <translation>周报_{label}</translation>
    </message>
    <message>
        <source>周报已导出：{path}</source>
        <translation>周报已导出：{path}</translation>
    </message>
    <message>
        <source>周报没有导出：{reason}</source>
        <translation>周报没有导出：{reason}</translation>
    </message>
    <message>
        <source>这个版本还没有周报导出功能</source>
        <translation>这个版本还没有周报导出功能</translation>
    </message>
    <message>
        <source>{label}（{start}–{end}）</source>
        <translation>{label}（{start}–{end}）</translation>
    </message>
    <message>
        <source>第 {n} 次提交</source>
        <translation>第 {n} 次提交</translation>
    </message>
    <message>
        <source>{what}没有完成：{reason}</source>
        <translation>{what}没有完成：{reason}</translation>
    </message>
    <message>
        <source>上周的周报没有写下周计划，没有可以沿用的内容。</source>
        <translation>上周的周报没有写下周计划，没有可以沿用的内容。</translation>
    </message>
    <message>
        <source>周报还有部分没有保存：{what}</source>
        <translation>周报还有部分没有保存：{what}</translation>
    </message>
    <message>
        <source>{label} 的周报已提交</source>
        <translation>{label} 的周报已提交</translation>
    </message>
    <message>
        <source>记录审阅</source>
        <translation>记录审阅</translation>
    </message>
    <message>
        <source>重新提交</source>
        <translation>重新提交</translation>
    </message>
    <message>
        <source>退回时必须填写意见</source>
        <translation>退回时必须填写意见</translation>
    </message>
    <message>
        <source>如：营销部 刘主任</source>
        <translation>如：营销部 刘主任</translation>
    </message>
    <message>
        <source>结论</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>审阅人</source>
        <translation>审阅人</translation>
    </message>
    <message>
        <source>保存审阅</source>
        <translation>保存审阅</translation>
    </message>
    <message>
        <source>退回时请填写意见</source>
        <translation>退回时请填写意见</translation>
    </message>
    <message>
        <source>已记录审阅</source>
        <translation>已记录审阅</translation>
    </message>
    <message>
        <source>记录审阅 {label}</source>
        <translation>记录审阅 {label}</translation>
    </message>
    <message>
        <source>周报 {label} 已重新提交</source>
        <translation>周报 {label} 已重新提交</translation>
    </message>
    <message>
        <source>欢迎使用客户经理外勤工作手册</source>
        <translation>欢迎使用客户经理外勤工作手册</translation>
    </message>
    <message>
        <source>第一步：填写您的资料。工作日志、周报和反馈单都会署上这些信息。</source>
        <translation>第一步：填写您的资料。工作日志、周报和反馈单都会署上这些信息。</translation>
    </message>
    <message>
        <source>导入公司客户名单…</source>
        <translation>导入公司客户名单…</translation>
    </message>
    <message>
        <source>公司下发的客户名单（Excel 或 CSV）：选出您的线路，检查后导入，再导入卷烟规格</source>
        <translation>公司下发的客户名单（Excel 或 CSV）：选出您的线路，检查后导入，再导入卷烟规格</translation>
    </message>
    <message>
        <source>载入演示数据</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <source>一个虚构的片区：150 户、五条线路和常见卷烟规格，先试用</source>
        <translation>一个虚构的片区：150 户、五条线路和常见卷烟规格，先试用</translation>
    </message>
    <message>
        <source>上一步：修改资料</source>
        <translation>上一步：修改资料</translation>
    </message>
    <message>
        <source>上一步：换一个文件</source>
        <translation>上一步：换一个文件</translation>
    </message>
    <message>
        <source>检查并导入这些线路…</source>
        <translation>检查并导入这些线路…</translation>
    </message>
    <message>
        <source>选择公司客户名单</source>
        <translation>选择公司客户名单</translation>
    </message>
    <message>
        <source>读取客户名单</source>
        <translation>读取客户名单</translation>
    </message>
    <message>
        <source>请至少勾选一条线路（空格键勾选）。</source>
        <translation>请至少勾选一条线路（空格键勾选）。</translation>
    </message>
    <message>
        <source>没有导入。可以改选线路后再检查。</source>
        <translation>没有导入。可以改选线路后再检查。</translation>
    </message>
    <message>
        <source>没有导入。可以重新选择客户名单，或载入演示数据。</source>
        <translation>没有导入。可以重新选择客户名单，或载入演示数据。</translation>
    </message>
    <message>
        <source>正在生成演示片区的客户、线路和卷烟规格…</source>
        <translation>正在生成演示片区的客户、线路和卷烟规格…</translation>
    </message>
    <message>
        <source>{name}，您好！第二步：客户从哪里来？</source>
        <translation>{name}，您好！第二步：客户从哪里来？</translation>
    </message>
    <message>
        <source>这份名单有 {d} 个区县、{r} 条线路、{n} 户，不只是一位客户经理的。请勾选您负责的线路：只导入这些线路的客户，其他的不导入。</source>
        <translation>这份名单有 {d} 个区县、{r} 条线路、{n} 户，不只是一位客户经理的。请勾选您负责的线路：只导入这些线路的客户，其他的不导入。</translation>
    </message>
    <message>
        <source>已取消载入演示数据，没有做任何改动。</source>
        <translation>已取消载入演示数据，没有做任何改动。</translation>
    </message>
    <message>
        <source>没有完成：{reason}。没有做任何改动。</source>
        <translation>没有完成：{reason}。没有做任何改动。</translation>
    </message>
    <message>
        <source>已选 {r} 条线路，共 {n} 户。</source>
        <translation>已选 {r} 条线路，共 {n} 户。</translation>
    </message>
    <message>
        <source>第三步：核对导入结果</source>
        <translation>第三步：核对导入结果</translation>
    </message>
    <message>
        <source>暂不导入卷烟规格，先开始</source>
        <translation>暂不导入卷烟规格，先开始</translation>
    </message>
    <message>
        <source>演示数据已载入</source>
        <translation>演示数据已载入</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>客户名单：新增 {new} 户，更新 {upd} 户，未变 {same} 户。</source>
        <translation>客户名单：新增 {new} 户，更新 {upd} 户，未变 {same} 户。</translation>
    </message>
    <message>
        <source>卷烟规格：还没有导入。没有它，走访时的卷烟表格是空的。</source>
        <translation>卷烟规格：还没有导入。没有它，走访时的卷烟表格是空的。</translation>
    </message>
    <message>
        <source>卷烟规格：新增 {new} 个，更新 {upd} 个，未变 {same} 个。</source>
        <translation>卷烟规格：新增 {new} 个，更新 {upd} 个，未变 {same} 个。</translation>
    </message>
    <message>
        <source>演示片区：{customers} 户、{routes} 条线路、{skus} 个卷烟规格，以及此前 {weeks} 周的走访、订单和工作日志。</source>
        <translation>演示片区：{customers} 户、{routes} 条线路、{skus} 个卷烟规格，以及此前 {weeks} 周的走访、订单和工作日志。</translation>
    </message>
    <message>
        <source>其他片区和线路的 {n} 户没有导入。</source>
        <translation>其他片区和线路的 {n} 户没有导入。</translation>
    </message>
    <message>
        <source>{n} 行有问题，没有导入。</source>
        <translation>{n} 行有问题，没有导入。</translation>
    </message>
    <message>
        <source>跳过 {n} 个空行或合计行。</source>
        <translation>跳过 {n} 个空行或合计行。</translation>
    </message>
    <message>
        <source>开始：{day}的拜访计划</source>
        <translation>开始：{day}的拜访计划</translation>
    </message>
    <message>
        <source>第一个工作日是 {day}：打开它的拜访计划，就可以开始走访。</source>
        <translation>第一个工作日是 {day}：打开它的拜访计划，就可以开始走访。</translation>
    </message>
    <message>
        <source>待访</source>
        <translation>待访</translation>
    </message>
    <message>
        <source>已访</source>
        <translation>已访</translation>
    </message>
    <message>
        <source>走访中</source>
        <translation>走访中</translation>
    </message>
    <message>
        <source>进度落后</source>
        <translation>进度落后</translation>
    </message>
    <message>
        <source>进度正常</source>
        <translation>进度正常</translation>
    </message>
    <message>
        <source>关业</source>
        <translation>关业</translation>
    </message>
    <message>
        <source>暂停</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>违纪</source>
        <translation>违纪</translation>
    </message>
    <message>
        <source>不订货</source>
        <translation>不订货</translation>
    </message>
    <message>
        <source>品牌上柜</source>
        <translation>品牌上柜</translation>
    </message>
    <message>
        <source>信息变更</source>
        <translation>信息变更</translation>
    </message>
    <message>
        <source>{reasons}：{note}</source>
        <translation>{reasons}：{note}</translation>
    </message>
    <message>
        <source>尚未到店，首家到店后开始计时</source>
        <translation>尚未到店，首家到店后开始计时</translation>
    </message>
    <message>
        <source>计划已全部走完</source>
        <translation>计划已全部走完</translation>
    </message>
    <message>
        <source>还需 {need}，距 {end} 回到单位还有 {time}</source>
        <translation>还需 {need}，距 {end} 回到单位还有 {time}</translation>
    </message>
    <message>
        <source>{terms} = {time}</source>
        <translation>{terms} = {time}</translation>
    </message>
    <message>
        <source>进度正常：剩余的户数每户 {shop} 分钟，加上还没吃的午餐 {lunch} 分钟和返程 {back} 分钟，能在 {end} 前回到单位</source>
        <translation>进度正常：剩余的户数每户 {shop} 分钟，加上还没吃的午餐 {lunch} 分钟和返程 {back} 分钟，能在 {end} 前回到单位</translation>
    </message>
    <message>
        <source>未访：{reason}</source>
        <translation>未访：{reason}</translation>
    </message>
    <message>
        <source>已移除：{reason}</source>
        <translation>已移除：{reason}</translation>
    </message>
    <message>
        <source>剩余 {n} 户 {time}</source>
        <translation>剩余 {n} 户 {time}</translation>
    </message>
    <message>
        <source>返程 {time}</source>
        <translation>返程 {time}</translation>
    </message>
    <message>
        <source>已访 {start}–{end}（{n} 分钟）</source>
        <translation>已访 {start}–{end}（{n} 分钟）</translation>
    </message>
    <message>
        <source>走访中 {time} 到店</source>
        <translation>走访中 {time} 到店</translation>
    </message>
    <message>
        <source>计划 {planned} 户（目标 {target}）</source>
        <translation>计划 {planned} 户（目标 {target}）</translation>
    </message>
    <message>
        <source>已访 {done} / 计划 {planned}（目标 {target}）</source>
        <translation>已访 {done} / 计划 {planned}（目标 {target}）</translation>
    </message>
    <message>
        <source>计划超出容量 {planned}/{target}</source>
        <translation>计划超出容量 {planned}/{target}</translation>
    </message>
    <message>
        <source>已用 {used}</source>
        <translation>已用 {used}</translation>
    </message>
    <message>
        <source>午餐 {time}</source>
        <translation>午餐 {time}</translation>
    </message>
    <message>
        <source>未访 {n} 户</source>
        <translation>未访 {n} 户</translation>
    </message>
    <message>
        <source>在外 {time}（{start}–{end}）</source>
        <translation>在外 {time}（{start}–{end}）</translation>
    </message>
    <message>
        <source>到达片区 {time}（应 {start}）</source>
        <translation>到达片区 {time}（应 {start}）</translation>
    </message>
    <message>
        <source>还没有到店记录（应 {start} 到达片区）</source>
        <translation>还没有到店记录（应 {start} 到达片区）</translation>
    </message>
    <message>
        <source>平均每户 {n:g} 分钟（标准 {std} 分钟）</source>
        <translation>平均每户 {n:g} 分钟（标准 {std} 分钟）</translation>
    </message>
    <message>
        <source>{day}是{holiday}假期，不是工作日。</source>
        <translation>{day}是{holiday}假期，不是工作日。</translation>
    </message>
    <message>
        <source>{day}不是工作日。</source>
        <translation>{day}不是工作日。</translation>
    </message>
    <message>
        <source>—（没有可比的售价）</source>
        <translation>—（没有可比的售价）</translation>
    </message>
    <message>
        <source>—（没有走访填写明码标价）</source>
        <translation>—（没有走访填写明码标价）</translation>
    </message>
    <message>
        <source>{rate}（到位 {at} / {seen} 个售价）</source>
        <translation>{rate}（到位 {at} / {seen} 个售价）</translation>
    </message>
    <message>
        <source>{rate}（齐全规范 {complete} / {visits} 次走访）</source>
        <translation>{rate}（齐全规范 {complete} / {visits} 次走访）</translation>
    </message>
    <message>
        <source>{n} 个（高于 {above}，低于 {below}）：</source>
        <translation>{n} 个（高于 {above}，低于 {below}）：</translation>
    </message>
    <message>
        <source>价格到位率</source>
        <translation>价格到位率</translation>
    </message>
    <message>
        <source>明码标价率</source>
        <translation>明码标价率</translation>
    </message>
    <message>
        <source>价格偏离</source>
        <translation>价格偏离</translation>
    </message>
    <message>
        <source>等 {n} 个</source>
        <translation>等 {n} 个</translation>
    </message>
    <message>
        <source>打印预览…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>导出 PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>打印预览（Ctrl+P）：转成 PDF，在 PDF 阅读器中打开并从那里打印；导出 PDF（Ctrl+Shift+E）：按打印的样子保存为 PDF</source>
        <translation>打印预览（Ctrl+P）：转成 PDF，在 PDF 阅读器中打开并从那里打印；导出 PDF（Ctrl+Shift+E）：按打印的样子保存为 PDF</translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>没有生成 PDF：{reason}</source>
        <translation>没有生成 PDF：{reason}</translation>
    </message>
    <message>
        <source>正在生成 PDF：{title}…</source>
        <translation>正在生成 PDF：{title}…</translation>
    </message>
    <message>
        <source>已在 PDF 阅读器中打开：{path}</source>
        <translation>已在 PDF 阅读器中打开：{path}</translation>
    </message>
    <message>
        <source>PDF 已导出：{path}</source>
        <translation>PDF 已导出：{path}</translation>
    </message>
    <message>
        <source>出发</source>
        <translation>出发</translation>
    </message>
    <message>
        <source>出发：到片区开始走访，今天的计划已经排好</source>
        <translation>出发：到片区开始走访，今天的计划已经排好</translation>
    </message>
    <message>
        <source>回到办公室</source>
        <translation>回到办公室</translation>
    </message>
    <message>
        <source>回到办公室：点“回到单位”记下时间，查看订单、写工作日志</source>
        <translation>回到办公室：点“回到单位”记下时间，查看订单、写工作日志</translation>
    </message>
    <message>
        <source>客户维护与明日计划</source>
        <translation>客户维护与明日计划</translation>
    </message>
    <message>
        <source>客户维护、互控信息，排明天的拜访计划</source>
        <translation>客户维护、互控信息，排明天的拜访计划</translation>
    </message>
    <message>
        <source>部门例会</source>
        <translation>部门例会</translation>
    </message>
    <message>
        <source>部门例会：记得在工作日志里记下例会内容</source>
        <translation>部门例会：记得在工作日志里记下例会内容</translation>
    </message>
    <message>
        <source>周总结与周计划（每周四）</source>
        <translation>周总结与周计划（每周四）</translation>
    </message>
    <message>
        <source>周总结与周计划：写本周总结和下周计划</source>
        <translation>周总结与周计划：写本周总结和下周计划</translation>
    </message>
    <message>
        <source>提醒设置：开关各项提醒、修改时间</source>
        <translation>提醒设置：开关各项提醒、修改时间</translation>
    </message>
    <message>
        <source>关闭这条提醒（今天不再提醒）</source>
        <translation>关闭这条提醒（今天不再提醒）</translation>
    </message>
    <message>
        <source>提醒设置</source>
        <translation>提醒设置</translation>
    </message>
    <message>
        <source>工作日按下面的时间在窗口上方和状态栏轻声提醒一次（不弹窗，不打断输入）。修改立即生效。</source>
        <translation>工作日按下面的时间在窗口上方和状态栏轻声提醒一次（不弹窗，不打断输入）。修改立即生效。</translation>
    </message>
    <message>
        <source>打开今日计划</source>
        <translation>打开今日计划</translation>
    </message>
    <message>
        <source>打开工作日志</source>
        <translation>打开工作日志</translation>
    </message>
    <message>
        <source>打开明天的计划</source>
        <translation>打开明天的计划</translation>
    </message>
    <message>
        <source>打开周报</source>
        <translation>打开周报</translation>
    </message>
    <message>
        <source>提醒 {time}　{text}</source>
        <translation>提醒 {time}　{text}</translation>
    </message>
    <message>
        <source>{name}的时间</source>
        <translation>{name}的时间</translation>
    </message>
    <message>
        <source>正在后台检查数据库…</source>
        <translation>正在后台检查数据库…</translation>
    </message>
    <message>
        <source>正在恢复备份…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <source>数据库检查完毕：完好</source>
        <translation>数据库检查完毕：完好</translation>
    </message>
    <message>
        <source>数据库正被另一个程序（进程 {pid}）使用。请先关闭它，再打开 Fieldbook。</source>
        <translation>数据库正被另一个程序（进程 {pid}）使用。请先关闭它，再打开 Fieldbook。</translation>
    </message>
    <message>
        <source>后台检查数据库没有完成：{reason}</source>
        <translation>后台检查数据库没有完成：{reason}</translation>
    </message>
    <message>
        <source>恢复没有完成：{reason}。
原来的数据库文件已移到同一文件夹下的 {name}.replaced-… 文件（没有删除）。请先解决问题（如腾出磁盘空间），再把它改回 {name}，或重新恢复备份。</source>
        <translation>恢复没有完成：{reason}。
原来的数据库文件已移到同一文件夹下的 {name}.replaced-… 文件（没有删除）。请先解决问题（如腾出磁盘空间），再把它改回 {name}，或重新恢复备份。</translation>
    </message>
    <message>
        <source>标记已接收</source>
        <translation>标记已接收</translation>
    </message>
    <message>
        <source>标记已处理</source>
        <translation>标记已处理</translation>
    </message>
    <message>
        <source>标记已落实</source>
        <translation>标记已落实</translation>
    </message>
    <message>
        <source>跳到“{state}”…</source>
        <translation>跳到“{state}”…</translation>
    </message>
    <message>
        <source>改回“{state}”…</source>
        <translation>改回“{state}”…</translation>
    </message>
    <message>
        <source>重新办理：改为“{state}”…</source>
        <translation>重新办理：改为“{state}”…</translation>
    </message>
    <message>
        <source>重新打开：改为“{state}”…</source>
        <translation>重新打开：改为“{state}”…</translation>
    </message>
    <message>
        <source>改为“{state}”</source>
        <translation>改为“{state}”</translation>
    </message>
    <message>
        <source>跳过中间步骤，须写明原因</source>
        <translation>跳过中间步骤，须写明原因</translation>
    </message>
    <message>
        <source>改回前面的状态，须写明原因</source>
        <translation>改回前面的状态，须写明原因</translation>
    </message>
    <message>
        <source>退回，须写明原因</source>
        <translation>退回，须写明原因</translation>
    </message>
    <message>
        <source>已退回的重新办理，须写明原因</source>
        <translation>已退回的重新办理，须写明原因</translation>
    </message>
    <message>
        <source>重新打开已落实的，须写明原因</source>
        <translation>重新打开已落实的，须写明原因</translation>
    </message>
    <message>
        <source>下次走访</source>
        <translation>下次走访</translation>
    </message>
    <message>
        <source>{text}（再次发现 {n} 次，最近 {day}）</source>
        <translation>{text}（再次发现 {n} 次，最近 {day}）</translation>
    </message>
    <message>
        <source>{day}（今天到期）</source>
        <translation>{day}（今天到期）</translation>
    </message>
    <message>
        <source>{day}（超期）</source>
        <translation>{day}（超期）</translation>
    </message>
    <message>
        <source>{text}（再次发现 {n} 次）</source>
        <translation>{text}（再次发现 {n} 次）</translation>
    </message>
    <message>
        <source>{day}（超期 {n} 个工作日）</source>
        <translation>{day}（超期 {n} 个工作日）</translation>
    </message>
    <message>
        <source>正在下载各部门的答复、审阅结果和主数据…</source>
        <translation>正在下载各部门的答复、审阅结果和主数据…</translation>
    </message>
    <message>
        <source>正在上传：{what}…</source>
        <translation>正在上传：{what}…</translation>
    </message>
    <message>
        <source>添加…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>选择附件</source>
        <translation>选择附件</translation>
    </message>
    <message>
        <source>出勤类别</source>
        <translation>出勤类别</translation>
    </message>
    <message>
        <source>请假类别</source>
        <translation>请假类别</translation>
    </message>
    <message>
        <source>说明（可不填），如：区局例会</source>
        <translation>说明（可不填），如：区局例会</translation>
    </message>
    <message>
        <source>请假/公务…</source>
        <translation>请假/公务…</translation>
    </message>
    <message>
        <source>这天请假、开会、培训或有其他公务：不计入完成率和出勤天数，计划中未走访的客户顺延</source>
        <translation>这天请假、开会、培训或有其他公务：不计入完成率和出勤天数，计划中未走访的客户顺延</translation>
    </message>
    <message>
        <source>取消标记</source>
        <translation>取消标记</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>读取出勤</source>
        <translation>读取出勤</translation>
    </message>
    <message>
        <source>修改标记…</source>
        <translation>修改标记…</translation>
    </message>
    <message>
        <source>保存出勤</source>
        <translation>保存出勤</translation>
    </message>
    <message>
        <source>取消出勤标记</source>
        <translation>取消出勤标记</translation>
    </message>
    <message>
        <source>出勤：在岗</source>
        <translation>出勤：在岗</translation>
    </message>
    <message>
        <source>出勤：{mark}（不计入完成率，未走访的客户顺延）</source>
        <translation>出勤：{mark}（不计入完成率，未走访的客户顺延）</translation>
    </message>
    <message>
        <source>修改依据</source>
        <translation>修改依据</translation>
    </message>
    <message>
        <source>（不依据反馈单）</source>
        <translation>（不依据反馈单）</translation>
    </message>
    <message>
        <source>已办结的反馈单</source>
        <translation>已办结的反馈单</translation>
    </message>
    <message>
        <source>如：店主出示新许可证；专卖办通知暂停营业</source>
        <translation>如：店主出示新许可证；专卖办通知暂停营业</translation>
    </message>
    <message>
        <source>修改原因</source>
        <translation>修改原因</translation>
    </message>
    <message>
        <source>修改了{fields}：许可证号、经营状态须依据已办结的反馈单，或写明原因（会报部门）。</source>
        <translation>修改了{fields}：许可证号、经营状态须依据已办结的反馈单，或写明原因（会报部门）。</translation>
    </message>
    <message>
        <source>修改了{fields}：会记入修改记录，可写明原因。</source>
        <translation>修改了{fields}：会记入修改记录，可写明原因。</translation>
    </message>
    <message>
        <source>{number} {category}（{day} 办结）</source>
        <translation>{number} {category}（{day} 办结）</translation>
    </message>
    <message>
        <source>{title}（Alt+{n}）</source>
        <translation>{title}（Alt+{n}）</translation>
    </message>
    <message>
        <source>否</source>
        <translation>否</translation>
    </message>
    <message>
        <source>上次：{value}（待核对）</source>
        <translation>上次：{value}（待核对）</translation>
    </message>
    <message>
        <source>最多 {n} 字</source>
        <translation>最多 {n} 字</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>客户编码或店名、拼音首字母</source>
        <translation>客户编码或店名、拼音首字母</translation>
    </message>
    <message>
        <source>规格代码或名称</source>
        <translation>规格代码或名称</translation>
    </message>
    <message>
        <source>已修改：{fields}。这次走访已完成，更正需要填写原因，会记入修改记录。</source>
        <translation>已修改：{fields}。这次走访已完成，更正需要填写原因，会记入修改记录。</translation>
    </message>
    <message>
        <source>如：到店时间记错了</source>
        <translation>如：到店时间记错了</translation>
    </message>
    <message>
        <source>已修改：{fields}。日志已提交，更正需要填写原因，会记入更正记录。</source>
        <translation>已修改：{fields}。日志已提交，更正需要填写原因，会记入更正记录。</translation>
    </message>
    <message>
        <source>如：例会记录漏记一项</source>
        <translation>如：例会记录漏记一项</translation>
    </message>
    <message>
        <source>已修改：{fields}。周报已提交，更正需要填写原因，会记入更正记录。</source>
        <translation>已修改：{fields}。周报已提交，更正需要填写原因，会记入更正记录。</translation>
    </message>
    <message>
        <source>如：目标写错了</source>
        <translation>如：目标写错了</translation>
    </message>
    <message>
        <source>更正原因</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <source>撤销修改</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <source>请填写更正原因</source>
        <translation>请填写更正原因</translation>
    </message>
    <message>
        <source>恢复营业日期</source>
        <translation>恢复营业日期</translation>
    </message>
    <message>
        <source>原因：</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>{old} → {new}</source>
        <translation>{old} → {new}</translation>
    </message>
    <message>
        <source>还没有修改记录。许可证号、经营状态、档位、线路和订货日的修改会连同原因记在这里。</source>
        <translation>还没有修改记录。许可证号、经营状态、档位、线路和订货日的修改会连同原因记在这里。</translation>
    </message>
    <message>
        <source>还没有选择客户</source>
        <translation>还没有选择客户</translation>
    </message>
    <message>
        <source>更换…</source>
        <translation>更换…</translation>
    </message>
    <message>
        <source>重新搜索，选择另一个客户</source>
        <translation>重新搜索，选择另一个客户</translation>
    </message>
    <message>
        <source>已选择：{shop}</source>
        <translation>已选择：{shop}</translation>
    </message>
    <message>
        <source>如 2026-12-01</source>
        <translation>如 2026-12-01</translation>
    </message>
    <message>
        <source>填入今天的日期</source>
        <translation>填入今天的日期</translation>
    </message>
    <message>
        <source>更正记录</source>
        <translation>更正记录</translation>
    </message>
    <message>
        <source>部分</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>原内容 → 新内容</source>
        <translation>原内容 → 新内容</translation>
    </message>
    <message>
        <source>当天情况</source>
        <translation>当天情况</translation>
    </message>
    <message>
        <source>打开下一个工作日的拜访计划</source>
        <translation>打开下一个工作日的拜访计划</translation>
    </message>
    <message>
        <source>还没有排</source>
        <translation>还没有排</translation>
    </message>
    <message>
        <source>经济指标</source>
        <translation>经济指标</translation>
    </message>
    <message>
        <source>结构（按价类）</source>
        <translation>结构（按价类）</translation>
    </message>
    <message>
        <source>明日计划</source>
        <translation>明日计划</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>当天</source>
        <translation>当天</translation>
    </message>
    <message>
        <source>上周同日</source>
        <translation>上周同日</translation>
    </message>
    <message>
        <source>变化</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>本月累计</source>
        <translation>本月累计</translation>
    </message>
    <message>
        <source>日志已提交：这里是提交时的数据。</source>
        <translation>日志已提交：这里是提交时的数据。</translation>
    </message>
    <message>
        <source>这天还没有订单数据：用“导入订单…”导入订货系统导出的表。</source>
        <translation>这天还没有订单数据：用“导入订单…”导入订货系统导出的表。</translation>
    </message>
    <message>
        <source>占比较上周同日的变化</source>
        <translation>占比较上周同日的变化</translation>
    </message>
    <message>
        <source>{n} 条</source>
        <translation>{n} 条</translation>
    </message>
    <message>
        <source>{mark}：这天不计进度，未走访的客户顺延 · 已访 {done} / 计划 {n}</source>
        <translation>{mark}：这天不计进度，未走访的客户顺延 · 已访 {done} / 计划 {n}</translation>
    </message>
    <message>
        <source>和电访员沟通了什么：客户的要求、订单异常、需要回访的户…</source>
        <translation>和电访员沟通了什么：客户的要求、订单异常、需要回访的户…</translation>
    </message>
    <message>
        <source>订货率、订货量、结构和单条值的变化，原因和下一步…</source>
        <translation>订货率、订货量、结构和单条值的变化，原因和下一步…</translation>
    </message>
    <message>
        <source>走访和订单中发现的问题，已经怎么处理…</source>
        <translation>走访和订单中发现的问题，已经怎么处理…</translation>
    </message>
    <message>
        <source>客户资料变更、新开/停业/恢复、档位和线路调整…</source>
        <translation>客户资料变更、新开/停业/恢复、档位和线路调整…</translation>
    </message>
    <message>
        <source>16:00 例会：通报的情况、布置的工作、要跟进的事…</source>
        <translation>16:00 例会：通报的情况、布置的工作、要跟进的事…</translation>
    </message>
    <message>
        <source>部门负责人的答复</source>
        <translation>部门负责人的答复</translation>
    </message>
    <message>
        <source>保存答复</source>
        <translation>保存答复</translation>
    </message>
    <message>
        <source>以前上报、还没有答复的问题</source>
        <translation>以前上报、还没有答复的问题</translation>
    </message>
    <message>
        <source>记下部门负责人对选中问题的答复</source>
        <translation>记下部门负责人对选中问题的答复</translation>
    </message>
    <message>
        <source>上报日期</source>
        <translation>上报日期</translation>
    </message>
    <message>
        <source>{day}上报的“{text}”的答复：</source>
        <translation>{day}上报的“{text}”的答复：</translation>
    </message>
    <message>
        <source>以前上报、还没有答复的问题（{n}）：</source>
        <translation>以前上报、还没有答复的问题（{n}）：</translation>
    </message>
    <message>
        <source>说明 / 限量</source>
        <translation>说明 / 限量</translation>
    </message>
    <message>
        <source>如：本周限量 2 条/户</source>
        <translation>如：本周限量 2 条/户</translation>
    </message>
    <message>
        <source>自己解决不了、要部门负责人处理的问题</source>
        <translation>自己解决不了、要部门负责人处理的问题</translation>
    </message>
    <message>
        <source>互控内容</source>
        <translation>互控内容</translation>
    </message>
    <message>
        <source>其他…</source>
        <translation>其他…</translation>
    </message>
    <message>
        <source>跳过步骤、改回前一步、重新办理（须写明原因）</source>
        <translation>跳过步骤、改回前一步、重新办理（须写明原因）</translation>
    </message>
    <message>
        <source>部门经办人</source>
        <translation>部门经办人</translation>
    </message>
    <message>
        <source>部门的答复或落实情况</source>
        <translation>部门的答复或落实情况</translation>
    </message>
    <message>
        <source>必须写明原因</source>
        <translation>必须写明原因</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>答复：{text}</source>
        <translation>答复：{text}</translation>
    </message>
    <message>
        <source>放弃未完成的走访</source>
        <translation>放弃未完成的走访</translation>
    </message>
    <message>
        <source>放弃 {what} 的走访记录？已填写的内容会被删除，不能恢复。</source>
        <translation>放弃 {what} 的走访记录？已填写的内容会被删除，不能恢复。</translation>
    </message>
    <message>
        <source>{shop}（{when}）</source>
        <translation>{shop}（{when}）</translation>
    </message>
    <message>
        <source>继续</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>打开这次走访，接着填写（已填的内容都在）</source>
        <translation>打开这次走访，接着填写（已填的内容都在）</translation>
    </message>
    <message>
        <source>放弃…</source>
        <translation>放弃…</translation>
    </message>
    <message>
        <source>删除这次未完成的走访（会先确认）</source>
        <translation>删除这次未完成的走访（会先确认）</translation>
    </message>
    <message>
        <source>{time} 到店</source>
        <translation>{time} 到店</translation>
    </message>
    <message>
        <source>有未完成的走访：{what}</source>
        <translation>有未完成的走访：{what}</translation>
    </message>
    <message>
        <source>待跟踪事项</source>
        <translation>待跟踪事项</translation>
    </message>
    <message>
        <source>已处理</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>勾选后，完成走访时关闭这条跟踪事项</source>
        <translation>勾选后，完成走访时关闭这条跟踪事项</translation>
    </message>
    <message>
        <source>没有待跟踪的事项。</source>
        <translation>没有待跟踪的事项。</translation>
    </message>
    <message>
        <source>（{day}到期）</source>
        <translation>（{day}到期）</translation>
    </message>
    <message>
        <source>已处理：{text}</source>
        <translation>已处理：{text}</translation>
    </message>
    <message>
        <source>（未选）</source>
        <translation>（未选）</translation>
    </message>
    <message>
        <source>数字键选择，上下键切换</source>
        <translation>数字键选择，上下键切换</translation>
    </message>
    <message>
        <source>数字键 1–{n} 选择，空格切换，Delete 清除</source>
        <translation>数字键 1–{n} 选择，空格切换，Delete 清除</translation>
    </message>
    <message>
        <source>如 七台河市烟草公司</source>
        <translation>如 七台河市烟草公司</translation>
    </message>
    <message>
        <source>如 营销中心（市场部）</source>
        <translation>如 营销中心（市场部）</translation>
    </message>
    <message>
        <source>表格页眉印“内部资料 · 注意保密”</source>
        <translation>表格页眉印“内部资料 · 注意保密”</translation>
    </message>
    <message>
        <source>公司</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>营销中心</source>
        <translation>营销中心</translation>
    </message>
    <message>
        <source>应订货客户中当天没有订单的户；原因来自近 7 天的走访记录</source>
        <translation>应订货客户中当天没有订单的户；原因来自近 7 天的走访记录</translation>
    </message>
    <message>
        <source>未订货客户</source>
        <translation>未订货客户</translation>
    </message>
    <message>
        <source>明日跟进…</source>
        <translation>明日跟进…</translation>
    </message>
    <message>
        <source>为选中的客户记一条跟踪事项：下次走访时问清不订货的原因</source>
        <translation>为选中的客户记一条跟踪事项：下次走访时问清不订货的原因</translation>
    </message>
    <message>
        <source>不订货反馈单…</source>
        <translation>不订货反馈单…</translation>
    </message>
    <message>
        <source>为选中的客户填写不订货反馈单（预先填好）</source>
        <translation>为选中的客户填写不订货反馈单（预先填好）</translation>
    </message>
    <message>
        <source>未订货客户（{n} 户）</source>
        <translation>未订货客户（{n} 户）</translation>
    </message>
    <message>
        <source>记录回到单位</source>
        <translation>记录回到单位</translation>
    </message>
    <message>
        <source>回到单位的时间</source>
        <translation>回到单位的时间</translation>
    </message>
    <message>
        <source>回到单位时点一下，记下回到单位的时间（Ctrl+Shift+B）；已记下的可以修改</source>
        <translation>回到单位时点一下，记下回到单位的时间（Ctrl+Shift+B）；已记下的可以修改</translation>
    </message>
    <message>
        <source>必填：为什么改（记入更正记录）</source>
        <translation>必填：为什么改（记入更正记录）</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>可不填</translation>
    </message>
    <message>
        <source>请写明修改原因</source>
        <translation>请写明修改原因</translation>
    </message>
    <message>
        <source>回到单位没有记下：{reason}</source>
        <translation>回到单位没有记下：{reason}</translation>
    </message>
    <message>
        <source>已记下回到单位 {time}</source>
        <translation>已记下回到单位 {time}</translation>
    </message>
    <message>
        <source>例如 D:\手机相册同步（留空：不用）</source>
        <translation>例如 D:\手机相册同步（留空：不用）</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>手机照片同步到的文件夹。走访页面会列出这里到店至离店之间拍的照片，按 Alt+P 全部加到这次走访。</source>
        <translation>手机照片同步到的文件夹。走访页面会列出这里到店至离店之间拍的照片，按 Alt+P 全部加到这次走访。</translation>
    </message>
    <message>
        <source>读取手机照片文件夹</source>
        <translation>读取手机照片文件夹</translation>
    </message>
    <message>
        <source>保存手机照片文件夹</source>
        <translation>保存手机照片文件夹</translation>
    </message>
    <message>
        <source>已保存：走访页面会列出这个文件夹里到店至离店之间拍的照片（Alt+P 全部加上）。</source>
        <translation>已保存：走访页面会列出这个文件夹里到店至离店之间拍的照片（Alt+P 全部加上）。</translation>
    </message>
    <message>
        <source>已清除：不从手机文件夹找照片。</source>
        <translation>已清除：不从手机文件夹找照片。</translation>
    </message>
    <message>
        <source>如 王建国</source>
        <translation>如 王建国</translation>
    </message>
    <message>
        <source>公司给您的工号</source>
        <translation>公司给您的工号</translation>
    </message>
    <message>
        <source>如 桃山区营销部</source>
        <translation>如 桃山区营销部</translation>
    </message>
    <message>
        <source>如 桃山一片区</source>
        <translation>如 桃山一片区</translation>
    </message>
    <message>
        <source>姓名 *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>员工编号 *</source>
        <translation>员工编号 *</translation>
    </message>
    <message>
        <source>区县单位</source>
        <translation>区县单位</translation>
    </message>
    <message>
        <source>片区</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>选择或输入原因，Enter 确定，Esc 取消</source>
        <translation>选择或输入原因，Enter 确定，Esc 取消</translation>
    </message>
    <message>
        <source>店面照片</source>
        <translation>店面照片</translation>
    </message>
    <message>
        <source>还没有修改记录。完成后的更正会连同原因记在这里。</source>
        <translation>还没有修改记录。完成后的更正会连同原因记在这里。</translation>
    </message>
    <message>
        <source>按审阅意见更正后，再次提交给部门审阅（本周数据按现在的数据重新保存）</source>
        <translation>按审阅意见更正后，再次提交给部门审阅（本周数据按现在的数据重新保存）</translation>
    </message>
    <message>
        <source>审阅记录：</source>
        <translation>审阅记录：</translation>
    </message>
    <message>
        <source>已重新提交，等待审阅</source>
        <translation>已重新提交，等待审阅</translation>
    </message>
    <message>
        <source>意见：{text}</source>
        <translation>意见：{text}</translation>
    </message>
    <message>
        <source>{at} {who} 通过</source>
        <translation>{at} {who} 通过</translation>
    </message>
    <message>
        <source>等待审阅</source>
        <translation>等待审阅</translation>
    </message>
    <message>
        <source>审阅人：{who}</source>
        <translation>审阅人：{who}</translation>
    </message>
    <message>
        <source>{at} {who} 退回：{comment}</source>
        <translation>{at} {who} 退回：{comment}</translation>
    </message>
    <message>
        <source>{at} {who} 退回</source>
        <translation>{at} {who} 退回</translation>
    </message>
    <message>
        <source>第 {n} 次提交 {at}</source>
        <translation>第 {n} 次提交 {at}</translation>
    </message>
    <message>
        <source>提交 {at}</source>
        <translation>提交 {at}</translation>
    </message>
    <message>
        <source>区县 / 线路</source>
        <translation>区县 / 线路</translation>
    </message>
    <message>
        <source>（未填线路）</source>
        <translation>（未填线路）</translation>
    </message>
    <message>
        <source>{n} 户</source>
        <translation>{n} 户</translation>
    </message>
    <message>
        <source>（未填区县）</source>
        <translation>（未填区县）</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>已保存 {time}</source>
        <translation>已保存 {time}</translation>
    </message>
    <message>
        <source>未保存</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>重试（Ctrl+R）</source>
        <translation>重试（Ctrl+R）</translation>
    </message>
    <message>
        <source>把没保存的修改再保存一次</source>
        <translation>把没保存的修改再保存一次</translation>
    </message>
    <message>
        <source>添加这一行（Enter）</source>
        <translation>添加这一行（Enter）</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>删除选中的行</source>
        <translation>删除选中的行</translation>
    </message>
    <message>
        <source>已答复</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>请先选中要删除的行</source>
        <translation>请先选中要删除的行</translation>
    </message>
    <message>
        <source>{answer}（{by} {when}）</source>
        <translation>{answer}（{by} {when}）</translation>
    </message>
    <message>
        <source>请填写“{name}”</source>
        <translation>请填写“{name}”</translation>
    </message>
    <message>
        <source>筛选规格名称或编码</source>
        <translation>筛选规格名称或编码</translation>
    </message>
    <message>
        <source>已选 {n} 个规格</source>
        <translation>已选 {n} 个规格</translation>
    </message>
    <message>
        <source>价格段齐全，没有断档</source>
        <translation>价格段齐全，没有断档</translation>
    </message>
    <message>
        <source>各规格库存与排面</source>
        <translation>各规格库存与排面</translation>
    </message>
    <message>
        <source>添加规格…</source>
        <translation>添加规格…</translation>
    </message>
    <message>
        <source>把这家店在卖、表里没有的规格加进来</source>
        <translation>把这家店在卖、表里没有的规格加进来</translation>
    </message>
    <message>
        <source>选择要添加的规格</source>
        <translation>选择要添加的规格</translation>
    </message>
    <message>
        <source>直接输入数字即可填写：Tab 到下一格，一行填完按 Enter 到下一个规格；空格勾选上柜；输入拼音首字母或编码跳到规格；Esc 离开表格；售价按元/包填写</source>
        <translation>直接输入数字即可填写：Tab 到下一格，一行填完按 Enter 到下一个规格；空格勾选上柜；输入拼音首字母或编码跳到规格；Esc 离开表格；售价按元/包填写</translation>
    </message>
    <message>
        <source>价格段断档：{names}</source>
        <translation>价格段断档：{names}</translation>
    </message>
    <message>
        <source>在上面的列表中选择一张反馈单，这里显示它的详情和各部门的办理情况。</source>
        <translation>在上面的列表中选择一张反馈单，这里显示它的详情和各部门的办理情况。</translation>
    </message>
    <message>
        <source>客户与情况</source>
        <translation>客户与情况</translation>
    </message>
    <message>
        <source>双击或按 Enter 打开附件</source>
        <translation>双击或按 Enter 打开附件</translation>
    </message>
    <message>
        <source>添加附件…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <source>各部门办理</source>
        <translation>各部门办理</translation>
    </message>
    <message>
        <source>办理记录</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>填报</source>
        <translation>填报</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>未发部门</source>
        <translation>未发部门</translation>
    </message>
    <message>
        <source>办结期限 {due}</source>
        <translation>办结期限 {due}</translation>
    </message>
    <message>
        <source>来自 {day} 的走访</source>
        <translation>来自 {day} 的走访</translation>
    </message>
    <message>
        <source>{size} KB · 双击打开</source>
        <translation>{size} KB · 双击打开</translation>
    </message>
    <message>
        <source>{name}需附现场照片等证据</source>
        <translation>{name}需附现场照片等证据</translation>
    </message>
    <message>
        <source>{department}：{reason}</source>
        <translation>{department}：{reason}</translation>
    </message>
    <message>
        <source>今天的反馈单和跟踪事项：到期＝今天到期，超期＝过了办结期限还没办结。点击打开反馈单页。</source>
        <translation>今天的反馈单和跟踪事项：到期＝今天到期，超期＝过了办结期限还没办结。点击打开反馈单页。</translation>
    </message>
    <message>
        <source>反馈单：到期 {due} 张，超期 {over} 张</source>
        <translation>反馈单：到期 {due} 张，超期 {over} 张</translation>
    </message>
    <message>
        <source>跟踪事项：到期 {due} 项</source>
        <translation>跟踪事项：到期 {due} 项</translation>
    </message>
    <message>
        <source>（超期 &lt;span style='{style}'&gt;{n}&lt;/span&gt; 项）</source>
        <translation>（超期 &lt;span style='{style}'&gt;{n}&lt;/span&gt; 项）</translation>
    </message>
    <message>
        <source>不再显示这条提示</source>
        <translation>不再显示这条提示</translation>
    </message>
    <message>
        <source>开始走访</source>
        <translation>开始走访</translation>
    </message>
    <message>
        <source>打开选中客户的走访（Enter）</source>
        <translation>打开选中客户的走访（Enter）</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>上移一位（Ctrl+↑）</source>
        <translation>上移一位（Ctrl+↑）</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>下移一位（Ctrl+↓）</source>
        <translation>下移一位（Ctrl+↓）</translation>
    </message>
    <message>
        <source>添加客户…</source>
        <translation>添加客户…</translation>
    </message>
    <message>
        <source>把一个客户加进计划（Ctrl+N）</source>
        <translation>把一个客户加进计划（Ctrl+N）</translation>
    </message>
    <message>
        <source>未访…</source>
        <translation>未访…</translation>
    </message>
    <message>
        <source>今天没走访，选一个原因；以后会顺延回来（Alt+S）</source>
        <translation>今天没走访，选一个原因；以后会顺延回来（Alt+S）</translation>
    </message>
    <message>
        <source>移除…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>从计划中移除，选一个原因；不会顺延（Delete）</source>
        <translation>从计划中移除，选一个原因；不会顺延（Delete）</translation>
    </message>
    <message>
        <source>恢复为待访（Alt+R）</source>
        <translation>恢复为待访（Alt+R）</translation>
    </message>
    <message>
        <source>按店铺的 GPS 位置重排待访的客户，走最短的路（Alt+O）。
没有 GPS 位置的店保持原来的位置；已访、未访的不动。</source>
        <translation>按店铺的 GPS 位置重排待访的客户，走最短的路（Alt+O）。
没有 GPS 位置的店保持原来的位置；已访、未访的不动。</translation>
    </message>
    <message>
        <source>按今天的情况排下一个工作日的计划（未访的顺延过去），并切换过去（Alt+T）</source>
        <translation>按今天的情况排下一个工作日的计划（未访的顺延过去），并切换过去（Alt+T）</translation>
    </message>
    <message>
        <source>导出路线单…</source>
        <translation>导出路线单…</translation>
    </message>
    <message>
        <source>把这天的计划导出为可打印的 Excel 路线单（Ctrl+E）</source>
        <translation>把这天的计划导出为可打印的 Excel 路线单（Ctrl+E）</translation>
    </message>
    <message>
        <source>货源状态</source>
        <translation>货源状态</translation>
    </message>
    <message>
        <source>档位限量</source>
        <translation>档位限量</translation>
    </message>
    <message>
        <source>限量时填写，如 1-7:1；8-12:2；13-30:5</source>
        <translation>限量时填写，如 1-7:1；8-12:2；13-30:5</translation>
    </message>
    <message>
        <source>每段“档位区间:每户限量条数”，分号或逗号隔开；档位 1–{max}</source>
        <translation>每段“档位区间:每户限量条数”，分号或逗号隔开；档位 1–{max}</translation>
    </message>
    <message>
        <source>{since} 起</source>
        <translation>{since} 起</translation>
    </message>
    <message>
        <source>货源信息：向本店说明的紧俏、限量（按本店档位）和停供卷烟</source>
        <translation>货源信息：向本店说明的紧俏、限量（按本店档位）和停供卷烟</translation>
    </message>
    <message>
        <source>{grades} 档限 {n} 条</source>
        <translation>{grades} 档限 {n} 条</translation>
    </message>
    <message>
        <source>本周紧俏：{names}</source>
        <translation>本周紧俏：{names}</translation>
    </message>
    <message>
        <source>限量：{name}，{band}</source>
        <translation>限量：{name}，{band}</translation>
    </message>
    <message>
        <source>停供：{names}</source>
        <translation>停供：{names}</translation>
    </message>
    <message>
        <source>限量：{name}（档位未填：{bands}）</source>
        <translation>限量：{name}（档位未填：{bands}）</translation>
    </message>
    <message>
        <source>限量：{name}，{grade} 档不在投放档位内</source>
        <translation>限量：{name}，{grade} 档不在投放档位内</translation>
    </message>
    <message>
        <source>同步冲突</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>标为已查看</source>
        <translation>标为已查看</translation>
    </message>
    <message>
        <source>发现时间</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>保留</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>读取同步冲突</source>
        <translation>读取同步冲突</translation>
    </message>
    <message>
        <source>没有未查看的同步冲突。</source>
        <translation>没有未查看的同步冲突。</translation>
    </message>
    <message>
        <source>有 {n} 条同步冲突未查看：同一条记录在两处被改过，同步保留了其中一份。</source>
        <translation>有 {n} 条同步冲突未查看：同一条记录在两处被改过，同步保留了其中一份。</translation>
    </message>
    <message>
        <source>时间进度 = 本月已过工作日 ÷ 本月工作日（当天订单导入后含当天；节假日不计，调休上班日计入）</source>
        <translation>时间进度 = 本月已过工作日 ÷ 本月工作日（当天订单导入后含当天；节假日不计，调休上班日计入）</translation>
    </message>
    <message>
        <source>月度任务…</source>
        <translation>月度任务…</translation>
    </message>
    <message>
        <source>设定或修改本月的销量任务</source>
        <translation>设定或修改本月的销量任务</translation>
    </message>
    <message>
        <source>导入任务…</source>
        <translation>导入任务…</translation>
    </message>
    <message>
        <source>导入公司下发的月度任务表（Excel/CSV）</source>
        <translation>导入公司下发的月度任务表（Excel/CSV）</translation>
    </message>
    <message>
        <source>已完成任务</source>
        <translation>已完成任务</translation>
    </message>
    <message>
        <source>任务</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>任务完成率</source>
        <translation>任务完成率</translation>
    </message>
    <message>
        <source>时间进度 {rate}（{n}/{total} 个工作日）</source>
        <translation>时间进度 {rate}（{n}/{total} 个工作日）</translation>
    </message>
    <message>
        <source>任务完成率 = 本月累计 ÷ 任务：{done:,} / {target:,} 条</source>
        <translation>任务完成率 = 本月累计 ÷ 任务：{done:,} / {target:,} 条</translation>
    </message>
    <message>
        <source>{head}，日均需 {n} {unit}</source>
        <translation>{head}，日均需 {n} {unit}</translation>
    </message>
    <message>
        <source>，节假日数据未覆盖 {year} 年，工作日按周一至周五计</source>
        <translation>，节假日数据未覆盖 {year} 年，工作日按周一至周五计</translation>
    </message>
    <message>
        <source>与时间进度持平</source>
        <translation>与时间进度持平</translation>
    </message>
    <message>
        <source>{head}，尚差 {n} {unit}，本月已无剩余工作日</source>
        <translation>{head}，尚差 {n} {unit}，本月已无剩余工作日</translation>
    </message>
    <message>
        <source>落后时间进度 {p} 个百分点</source>
        <translation>落后时间进度 {p} 个百分点</translation>
    </message>
    <message>
        <source>超前时间进度 {p} 个百分点</source>
        <translation>超前时间进度 {p} 个百分点</translation>
    </message>
    <message>
        <source>← 计划</source>
        <translation>← 计划</translation>
    </message>
    <message>
        <source>回到计划（Esc）。已填写的内容都已保存。</source>
        <translation>回到计划（Esc）。已填写的内容都已保存。</translation>
    </message>
    <message>
        <source>到店（Alt+A）</source>
        <translation>到店（Alt+A）</translation>
    </message>
    <message>
        <source>记下到店时间，开始这家店的走访（Alt+A）</source>
        <translation>记下到店时间，开始这家店的走访（Alt+A）</translation>
    </message>
    <message>
        <source>离店（Alt+L）</source>
        <translation>离店（Alt+L）</translation>
    </message>
    <message>
        <source>记下离店时间（Alt+L）。不点也可以：完成走访时按当时时间记离店。</source>
        <translation>记下离店时间（Alt+L）。不点也可以：完成走访时按当时时间记离店。</translation>
    </message>
    <message>
        <source>没有要走访的客户</source>
        <translation>没有要走访的客户</translation>
    </message>
    <message>
        <source>今天的计划里没有待访的客户。</source>
        <translation>今天的计划里没有待访的客户。</translation>
    </message>
    <message>
        <source>档位 {n}</source>
        <translation>档位 {n}</translation>
    </message>
    <message>
        <source>原 {time}</source>
        <translation>原 {time}</translation>
    </message>
    <message>
        <source>用时 {n} 分钟</source>
        <translation>用时 {n} 分钟</translation>
    </message>
    <message>
        <source>已在店 {n} 分钟</source>
        <translation>已在店 {n} 分钟</translation>
    </message>
    <message>
        <source>{old} → {new}（{at} 修改）</source>
        <translation>{old} → {new}（{at} 修改）</translation>
    </message>
    <message>
        <source>这家店还没有走访记录。</source>
        <translation>这家店还没有走访记录。</translation>
    </message>
    <message>
        <source>照片 {n} 张</source>
        <translation>照片 {n} 张</translation>
    </message>
    <message>
        <source>{finding}（{detail}）</source>
        <translation>{finding}（{detail}）</translation>
    </message>
    <message>
        <source>（{n} 分钟）</source>
        <translation>（{n} 分钟）</translation>
    </message>
    <message>
        <source>读取以往走访的照片</source>
        <translation>读取以往走访的照片</translation>
    </message>
    <message>
        <source>发现：</source>
        <translation>发现：</translation>
    </message>
    <message>
        <source>{label}：“{value}”</source>
        <translation>{label}：“{value}”</translation>
    </message>
    <message>
        <source>上柜 {n} 个规格</source>
        <translation>上柜 {n} 个规格</translation>
    </message>
    <message>
        <source>双击打开照片；Delete 移除选中的照片</source>
        <translation>双击打开照片；Delete 移除选中的照片</translation>
    </message>
    <message>
        <source>添加照片…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>选择照片文件（JPEG、PNG）；也可以把照片拖到走访页面上</source>
        <translation>选择照片文件（JPEG、PNG）；也可以把照片拖到走访页面上</translation>
    </message>
    <message>
        <source>手机同步文件夹里，到店到离店之间拍的照片（设置页里指定文件夹）</source>
        <translation>手机同步文件夹里，到店到离店之间拍的照片（设置页里指定文件夹）</translation>
    </message>
    <message>
        <source>还没有照片。可以把照片拖到这个页面上。</source>
        <translation>还没有照片。可以把照片拖到这个页面上。</translation>
    </message>
    <message>
        <source>添加照片</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>这次走访已完成，改动照片是更正，会记入修改记录。请写明原因：</source>
        <translation>这次走访已完成，改动照片是更正，会记入修改记录。请写明原因：</translation>
    </message>
    <message>
        <source>到店后可以加照片。</source>
        <translation>到店后可以加照片。</translation>
    </message>
    <message>
        <source>读取店面照片</source>
        <translation>读取店面照片</translation>
    </message>
    <message>
        <source>照片 (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</translation>
    </message>
    <message>
        <source>加入手机里的照片</source>
        <translation>加入手机里的照片</translation>
    </message>
    <message>
        <source>手机文件夹里没有这次走访时间内拍的新照片</source>
        <translation>手机文件夹里没有这次走访时间内拍的新照片</translation>
    </message>
    <message>
        <source>移除照片</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <source>加入手机照片 {n} 张（Alt+P）</source>
        <translation>加入手机照片 {n} 张（Alt+P）</translation>
    </message>
    <message>
        <source>已加 {n} 张照片</source>
        <translation>已加 {n} 张照片</translation>
    </message>
    <message>
        <source>照片没有加上：{reason}</source>
        <translation>照片没有加上：{reason}</translation>
    </message>
    <message>
        <source>无法打开照片：{path}</source>
        <translation>无法打开照片：{path}</translation>
    </message>
    <message>
        <source>{n} 张已经在这次走访里</source>
        <translation>{n} 张已经在这次走访里</translation>
    </message>
    <message>
        <source>修改记录</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>以往走访</source>
        <translation>以往走访</translation>
    </message>
    <message>
        <source>同上次（Ctrl+D）</source>
        <translation>同上次（Ctrl+D）</translation>
    </message>
    <message>
        <source>空着的检查项按上次填写（不变的情况，如展位）。库存、排面、本周订货等要现场核对的，只显示上次的值，核对后再采用；上次发现的问题和文字项不带过来。</source>
        <translation>空着的检查项按上次填写（不变的情况，如展位）。库存、排面、本周订货等要现场核对的，只显示上次的值，核对后再采用；上次发现的问题和文字项不带过来。</translation>
    </message>
    <message>
        <source>已核对，与上次相同（Ctrl+Shift+D）</source>
        <translation>已核对，与上次相同（Ctrl+Shift+D）</translation>
    </message>
    <message>
        <source>现场核对过：库存、排面、本周订货等与上次相同。记为“核对相同”，不记为新的清点。</source>
        <translation>现场核对过：库存、排面、本周订货等与上次相同。记为“核对相同”，不记为新的清点。</translation>
    </message>
    <message>
        <source>未排入的顺延客户</source>
        <translation>未排入的顺延客户</translation>
    </message>
    <message>
        <source>把选中的顺延客户加入计划（或在列表中按 Enter）</source>
        <translation>把选中的顺延客户加入计划（或在列表中按 Enter）</translation>
    </message>
    <message>
        <source>未排入的顺延客户（{n}）</source>
        <translation>未排入的顺延客户（{n}）</translation>
    </message>
    <message>
        <source>上柜规格数</source>
        <translation>上柜规格数</translation>
    </message>
    <message>
        <source>如：走访 38 户次，推广新品中华(金中支)，处理反馈单 3 件</source>
        <translation>如：走访 38 户次，推广新品中华(金中支)，处理反馈单 3 件</translation>
    </message>
    <message>
        <source>如：桃山区两户连续三周未订货；部分客户价签不规范</source>
        <translation>如：桃山区两户连续三周未订货；部分客户价签不规范</translation>
    </message>
    <message>
        <source>如：下周逐户走访未订货客户，了解原因；价签统一更换</source>
        <translation>如：下周逐户走访未订货客户，了解原因；价签统一更换</translation>
    </message>
    <message>
        <source>如：配合专卖开展市场检查；周四参加片区例会</source>
        <translation>如：配合专卖开展市场检查；周四参加片区例会</translation>
    </message>
    <message>
        <source>客户编码，用逗号或空格分开</source>
        <translation>客户编码，用逗号或空格分开</translation>
    </message>
    <message>
        <source>规格名称，用顿号或逗号分开</source>
        <translation>规格名称，用顿号或逗号分开</translation>
    </message>
    <message>
        <source>线路名称</source>
        <translation>线路名称</translation>
    </message>
    <message>
        <source>{rate}（订货 {ordered} ÷ 应订货 {due} 户次）</source>
        <translation>{rate}（订货 {ordered} ÷ 应订货 {due} 户次）</translation>
    </message>
    <message>
        <source>拜访</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>覆盖客户</source>
        <translation>覆盖客户</translation>
    </message>
    <message>
        <source>平均在店</source>
        <translation>平均在店</translation>
    </message>
    <message>
        <source>在岗天数</source>
        <translation>在岗天数</translation>
    </message>
    <message>
        <source>请假/公务、未说明</source>
        <translation>请假/公务、未说明</translation>
    </message>
    <message>
        <source>较上周</source>
        <translation>较上周</translation>
    </message>
    <message>
        <source>结构</source>
        <translation>结构</translation>
    </message>
    <message>
        <source>新上柜</source>
        <translation>新上柜</translation>
    </message>
    <message>
        <source>本周未拜访</source>
        <translation>本周未拜访</translation>
    </message>
    <message>
        <source>忽略的建议</source>
        <translation>忽略的建议</translation>
    </message>
    <message>
        <source>跟进事项</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>本周数据</source>
        <translation>本周数据</translation>
    </message>
    <message>
        <source>每天订货（条）</source>
        <translation>每天订货（条）</translation>
    </message>
    <message>
        <source>每天拜访（户次）</source>
        <translation>每天拜访（户次）</translation>
    </message>
    <message>
        <source>　已提交：这里是提交时的数据。</source>
        <translation>　已提交：这里是提交时的数据。</translation>
    </message>
    <message>
        <source>工作时间</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>等 {n} {unit}</source>
        <translation>等 {n} {unit}</translation>
    </message>
    <message>
        <source>{n} 条：</source>
        <translation>{n} 条：</translation>
    </message>
    <message>
        <source>；{n} 天未导入订单：{days}</source>
        <translation>；{n} 天未导入订单：{days}</translation>
    </message>
    <message>
        <source>{m:g} 分钟</source>
        <translation>{m:g} 分钟</translation>
    </message>
    <message>
        <source>无订单</source>
        <translation>无订单</translation>
    </message>
    <message>
        <source>无需求量数据</source>
        <translation>无需求量数据</translation>
    </message>
    <message>
        <source>种</source>
        <translation>种</translation>
    </message>
    <message>
        <source>本周没有</source>
        <translation>本周没有</translation>
    </message>
    <message>
        <source>{start} 至 {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <source>{name} {cartons}条（{share}，{change}）</source>
        <translation>{name} {cartons}条（{share}，{change}）</translation>
    </message>
    <message>
        <source>{dept}：新开 {opened}，办结 {done}，超期 {overdue}</source>
        <translation>{dept}：新开 {opened}，办结 {done}，超期 {overdue}</translation>
    </message>
    <message>
        <source>计划 {planned} 户次，完成 {visited}，完成率 {rate}</source>
        <translation>计划 {planned} 户次，完成 {visited}，完成率 {rate}</translation>
    </message>
    <message>
        <source>{covered} / {active} 户</source>
        <translation>{covered} / {active} 户</translation>
    </message>
    <message>
        <source>{n} 天</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>{n} 张</source>
        <translation>{n} 张</translation>
    </message>
    <message>
        <source>{cartons} 条，{amount} 元，单条值 {per}</source>
        <translation>{cartons} 条，{amount} 元，单条值 {per}</translation>
    </message>
    <message>
        <source>条数 {c}（上周 {pc}）；金额 {a}（上周 {pa}）</source>
        <translation>条数 {c}（上周 {pc}）；金额 {a}（上周 {pa}）</translation>
    </message>
    <message>
        <source>连续 {n} 周未订货</source>
        <translation>连续 {n} 周未订货</translation>
    </message>
    <message>
        <source>新增 {opened}，关闭 {closed}</source>
        <translation>新增 {opened}，关闭 {closed}</translation>
    </message>
    <message>
        <source>本周 {week}；本月 {month}</source>
        <translation>本周 {week}；本月 {month}</translation>
    </message>
    <message>
        <source>到达片区应 {start}；回到单位应 {end} 前（周四 {thursday} 前）</source>
        <translation>到达片区应 {start}；回到单位应 {end} 前（周四 {thursday} 前）</translation>
    </message>
    <message>
        <source>{rate}（订货量 {s:,} ÷ 需求量 {d:,} 条）</source>
        <translation>{rate}（订货量 {s:,} ÷ 需求量 {d:,} 条）</translation>
    </message>
    <message>
        <source> 元</source>
        <translation> 元</translation>
    </message>
    <message>
        <source>{n} 户：</source>
        <translation>{n} 户：</translation>
    </message>
    <message>
        <source>与电访员沟通</source>
        <translation>与电访员沟通</translation>
    </message>
    <message>
        <source>经济指标分析</source>
        <translation>经济指标分析</translation>
    </message>
    <message>
        <source>发现的问题</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>客户维护</source>
        <translation>客户维护</translation>
    </message>
    <message>
        <source>16:00 例会记录</source>
        <translation>16:00 例会记录</translation>
    </message>
    <message>
        <source>上报部门负责人的问题</source>
        <translation>上报部门负责人的问题</translation>
    </message>
    <message>
        <source>互控信息</source>
        <translation>互控信息</translation>
    </message>
    <message>
        <source>本周主要工作</source>
        <translation>本周主要工作</translation>
    </message>
    <message>
        <source>改进措施</source>
        <translation>改进措施</translation>
    </message>
    <message>
        <source>下周线路安排</source>
        <translation>下周线路安排</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>重点推广品牌</source>
        <translation>重点推广品牌</translation>
    </message>
    <message>
        <source>其他工作</source>
        <translation>其他工作</translation>
    </message>
    <message>
        <source>电访员反馈</source>
        <translation>电访员反馈</translation>
    </message>
    <message>
        <source>自行记录</source>
        <translation>自行记录</translation>
    </message>
    <message>
        <source>主任抽查</source>
        <translation>主任抽查</translation>
    </message>
    <message>
        <source>已发送</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>处理中</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>已办结</translation>
    </message>
</context>
</TS>
