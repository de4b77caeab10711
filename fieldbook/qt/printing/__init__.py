"""Print and PDF of a page's form (decision 0026): 打印预览… and 导出 PDF… beside 导出 Excel."""
