"""Every export the market department reads: route sheet, slip form, day log, week report,
department workbook and spot-check record, on one set of worksheet helpers (``form``)."""
