"""A sync's progress words (fieldbook.qt.sync_progress): said on the DB worker's thread,
shown on the GUI thread, never after the sync has finished."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from fieldbook.qt.sync_progress import SyncProgress, sync_step_words


def test_the_words_of_each_step() -> None:
    assert sync_step_words("sync_busy_retrying") == "服务器繁忙，正在重试…"
    assert sync_step_words("up: visits") == "正在上传：走访…"
    assert sync_step_words("up: customers, skus") == "正在上传：客户、卷烟规格…"
    assert sync_step_words("up: attachment files") == "正在上传：附件文件…"
    assert sync_step_words("down: master data, answers, reviews").startswith("正在下载")


def test_words_said_on_another_thread_reach_the_label_until_the_sync_finishes(qtbot) -> None:
    label = QLabel("正在同步…")
    qtbot.addWidget(label)
    progress = SyncProgress(label.setText)
    progress.start()
    worker = threading.Thread(target=progress, args=("sync_busy_retrying",))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: label.text() == "服务器繁忙，正在重试…")
    progress.finish()
    label.setText("同步完成")
    late = threading.Thread(target=progress, args=("up: visits",))  # arrives after the end
    late.start()
    late.join()
    QCoreApplication.processEvents()  # (posted by the thread: delivered now)
    assert label.text() == "同步完成"
