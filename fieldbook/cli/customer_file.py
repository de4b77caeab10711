"""``export customer CODE -o FILE.xlsx|FILE.pdf``: one customer's file (一户一档), all history or
``--from``/``--to``."""

from __future__ import annotations

import argparse

from fieldbook.cli.common import EXIT_INPUT, err
from fieldbook.cli.form_output import export_form
from fieldbook.core.reports.customer_file import export_customer_file


def cmd_export_customer(args: argparse.Namespace) -> int:
    if args.start is not None and args.end is not None and args.start > args.end:
        err("开始日期晚于结束日期")
        return EXIT_INPUT
    return export_form(
        args,
        lambda journal, path: export_customer_file(
            journal, args.code, path, start=args.start, end=args.end
        ),
    )
