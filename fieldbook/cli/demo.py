"""``fieldbook demo``: realistic demo data in an empty database."""

from __future__ import annotations

import argparse

from fieldbook.cli.common import EXIT_OK
from fieldbook.cli.database import journal_for, writer_lock
from fieldbook.cli.progress import progress_bar
from fieldbook.core.demo.generate import generate_demo


def cmd_demo(args: argparse.Namespace) -> int:
    with writer_lock(args), journal_for(args) as journal, progress_bar("生成演示数据") as progress:
        summary = generate_demo(
            journal,
            seed=args.seed,
            managers=args.managers,
            weeks=args.weeks,
            customers_per_manager=args.customers_per_manager,
            progress=progress,
        )
    counts = summary.counts()
    print(
        f"演示数据已生成（种子 {summary.seed}，{summary.weeks} 周）："
        f"客户经理 {counts['managers']} 名，线路 {counts['routes']} 条，"
        f"客户 {counts['customers']} 户，卷烟规格 {counts['skus']} 个"
    )
    return EXIT_OK
