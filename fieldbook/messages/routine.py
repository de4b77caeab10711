"""The wording of the routine: the director's spot check and the month, the visit day, feedback
slips, the orders import and the work log."""

from __future__ import annotations

ROUTINE_MESSAGES: dict[str, tuple[str, str]] = {
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
