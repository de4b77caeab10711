"""The day's routine: plan, visits and their checklist, follow-ups, the 15:00 order review and
its indicators, the work log (工作日志) and Thursday's week report (周总结 / 周计划)."""
