"""Every export the market department reads: route sheet (``plan_sheet``), slip form and
register (``slip_form``, ``slip_register``), day log (``day``, ``day_orders``), week and month
report (``week``, ``week_rows``, ``week_queries``), department workbook and spot-check record —
on one set of worksheet helpers (``form``), saved atomically and privately (``saving``)."""
