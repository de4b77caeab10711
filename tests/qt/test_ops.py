"""The operations runner: results and failures always reach the GUI thread and the user."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldbook.core.errors import FileRejected, InvalidValue
from fieldbook.qt.operations.runner import ChangeHub, Ops, SyncExecutor, ThreadExecutor


@pytest.fixture
def sync_ops(qapp, journal):
    return Ops(journal, SyncExecutor())


@pytest.fixture
def thread_ops(qapp, journal):
    ops = Ops(journal, ThreadExecutor())
    yield ops
    ops.shutdown()


def _message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]


def test_query_result_reaches_on_done(sync_ops):
    got = []
    sync_ops.query(lambda j: j.profile.get().name, got.append)
    assert got == ["王建国"]


def test_query_failure_goes_to_status_bar_not_a_dialog(qtbot, sync_ops):
    before = len(_message_boxes())
    with qtbot.waitSignal(sync_ops.message) as blocker:
        sync_ops.query(lambda j: j.customers.get("nope"), lambda _r: None, what="读取客户")
    assert blocker.args[0].startswith("读取客户失败：记录不存在")
    assert len(_message_boxes()) == before


def _refuse(_journal):
    raise InvalidValue("licence_format", field="licence_no", digits=12)


def test_write_failure_opens_a_message_box_saying_nothing_changed(qtbot, sync_ops):
    with qtbot.waitSignal(sync_ops.failed) as blocker:
        sync_ops.write(_refuse, what="保存客户")
    text = blocker.args[0]
    assert "保存客户没有完成" in text and "没有做任何改动" in text
    boxes = [b for b in _message_boxes() if "没有做任何改动" in b.text()]
    assert boxes and boxes[-1].isVisible()
    for box in boxes:
        box.done(0)


def test_caller_on_error_replaces_the_default(sync_ops):
    errors: list[BaseException] = []
    shown: list[str] = []
    sync_ops.failed.connect(shown.append)
    sync_ops.write(lambda j: 1 / 0, lambda _v: None, errors.append)
    assert isinstance(errors[0], ZeroDivisionError)
    assert shown == []


def test_a_bug_in_the_result_handler_is_reported(sync_ops):
    shown: list[str] = []
    sync_ops.failed.connect(shown.append)
    sync_ops.query(lambda j: 1, lambda _v: [][1], what="读取")
    assert shown and "读取失败" in shown[0]


def test_thread_executor_runs_jobs_on_one_worker_and_delivers_on_gui_thread(qtbot, thread_ops):
    gui = threading.get_ident()
    workers: list[int] = []
    delivered: list[tuple[int, int]] = []

    def job(n):
        def run(_j):
            workers.append(threading.get_ident())
            return n

        return run

    for n in range(5):
        thread_ops.query(job(n), lambda v: delivered.append((v, threading.get_ident())))
    qtbot.waitUntil(lambda: len(delivered) == 5)
    assert [v for v, _ in delivered] == [0, 1, 2, 3, 4]  # in order
    assert {t for _, t in delivered} == {gui}
    assert len(set(workers)) == 1 and workers[0] != gui


def test_latest_query_with_a_key_wins(qtbot, thread_ops):
    gate = threading.Event()
    results: list[str] = []
    thread_ops.query(lambda j: gate.wait(5), lambda _v: None)  # keeps the worker busy
    for text in ("z", "zx", "zxb", "zxbl"):
        thread_ops.query(lambda j, t=text: t, results.append, key="search")
    gate.set()
    qtbot.waitUntil(lambda: thread_ops.pending == 0)
    assert results == ["zxbl"]


def test_thread_failure_reaches_the_user(qtbot, thread_ops):
    with qtbot.waitSignal(thread_ops.failed, timeout=5000) as blocker:
        thread_ops.query(lambda j: j.customers.get("missing"), what="读取客户")
    assert "记录不存在" in blocker.args[0]


def test_change_hub_forwards_worker_notifications_to_gui_thread(qtbot, journal, thread_ops):
    from fieldbook.core.master.profile import ProfileInput

    hub = ChangeHub(journal)
    seen: list[tuple[frozenset[str], int]] = []
    hub.changed.connect(lambda topics: seen.append((topics, threading.get_ident())))
    thread_ops.write(lambda j: j.profile.save(ProfileInput(code="QTH001", name="王建军")))
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0] == (frozenset({"profile"}), threading.get_ident())
    hub.detach()


def test_long_job_reports_progress_and_can_be_cancelled(qtbot, thread_ops):
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    started = threading.Event()
    outcome: list[object] = []

    def job(_j, progress, cancelled):
        started.set()
        for n in range(1000):
            progress(n, 1000)
            if cancelled():
                raise FileRejected("cancelled")
            threading.Event().wait(0.005)
        return "finished"

    thread_ops.long(job, outcome.append, outcome.append, title="导入", label="正在导入…")
    started.wait(5)
    dialogs = thread_ops.progress_dialogs()
    assert len(dialogs) == 1 and isinstance(dialogs[0], QProgressDialog)
    assert dialogs[0].windowTitle() == "导入"
    cancel = dialogs[0].findChild(QPushButton)
    assert cancel.text() == "取消"
    cancel.click()
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert isinstance(outcome[0], FileRejected) and outcome[0].reason == "cancelled"


def test_shutdown_finishes_queued_writes(qapp, journal):
    from fieldbook.core.master.profile import ProfileInput

    ops = Ops(journal, ThreadExecutor())
    ops.write(lambda j: j.profile.save(ProfileInput(code="QTH001", name="已保存")))
    ops.shutdown()
    assert journal.profile.get().name == "已保存"
