"""打印 on the week page (decision 0026): 打印预览… and 导出 PDF… beside 导出周报…, with their own
shortcuts, enabled only when the week is loaded and no conversion runs; the conversion runs off
the UI thread; a real LibreOffice conversion from the page gives the week report's pages; a
failure (no LibreOffice, the database as target) is shown and changes nothing."""

from __future__ import annotations

import shutil
import subprocess
import threading
from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from python_calamine import CalamineWorkbook
from qt_support import MONDAY, make_ctx, open_page

from fieldbook.core.journal import Journal
from fieldbook.core.reports import pdf
from fieldbook.core.reports.week import export_week
from fieldbook.core.slips.service import SlipInput
from fieldbook.qt.pages.customers_page import CustomersPage
from fieldbook.qt.pages.daylog_page import DayLogPage
from fieldbook.qt.pages.plan_page import PlanPage
from fieldbook.qt.pages.slips_page import SlipsPage
from fieldbook.qt.pages.week_page import WeekPage
from fieldbook.qt.printing.form_printing import PDF_KEYS, PREVIEW_KEYS

MINIMAL_PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def page(qtbot, filled: Journal):
    yield from open_page(qtbot, WeekPage, filled, (1400, 900), wait="ready")


def test_the_actions_sit_beside_the_export_with_their_own_keys(page) -> None:
    printing = page.printing
    top = next(
        page.layout().itemAt(i).layout()
        for i in range(page.layout().count())
        if page.layout().itemAt(i).layout() is not None
        and page.layout().itemAt(i).layout().indexOf(page.export_button) >= 0
    )
    assert top.indexOf(printing.button) == top.indexOf(page.export_button) + 1
    assert [a.text() for a in printing.button.menu().actions()] == ["打印预览…", "导出 PDF…"]
    assert printing.preview_action.shortcut() == QKeySequence(PREVIEW_KEYS)
    assert printing.pdf_action.shortcut() == QKeySequence(PDF_KEYS)
    keys = [a.shortcut().toString() for a in page.findChildren(type(printing.pdf_action))]
    keys = [k for k in keys if k]
    assert len(keys) == len(set(keys)), keys  # no clash on the page
    assert printing.button.isEnabled() and printing.preview_action.isEnabled()


def test_disabled_when_there_is_nothing_to_print(page) -> None:
    page.view = None  # the week is not loaded (yet)
    page.printing.refresh()
    assert not page.printing.button.isEnabled()
    assert not page.printing.preview_action.isEnabled()
    assert not page.printing.pdf_action.isEnabled()
    assert page.printing.choose_pdf_file() is None


def test_preview_converts_off_the_ui_thread_and_opens_the_pdf(qtbot, page) -> None:
    seen: dict[str, object] = {}
    release = threading.Event()

    def convert(workbook: Path, target: Path) -> Path:
        seen["thread"] = threading.current_thread()
        seen["workbook"] = workbook
        seen["sheets"] = CalamineWorkbook.from_path(str(workbook)).sheet_names
        release.wait(10)
        target.write_bytes(MINIMAL_PDF)
        return target

    opened: list[Path] = []
    page.printing.convert = convert
    page.printing.open_file = lambda path: opened.append(path) or True
    page.printing.preview_action.trigger()
    qtbot.waitUntil(lambda: "thread" in seen)
    # the UI thread is free meanwhile, and the actions wait for this conversion
    assert seen["thread"] is not threading.main_thread()
    assert not page.printing.button.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: bool(opened))
    assert opened[0].read_bytes() == MINIMAL_PDF and opened[0].name.startswith("周报_")
    assert "周报" in seen["sheets"]  # the workbook 导出周报 writes
    assert not Path(seen["workbook"]).exists()  # the temporary workbook is gone
    assert page.printing.button.isEnabled()


def test_no_libreoffice_is_shown_and_nothing_is_written(qtbot, page, tmp_path, monkeypatch):
    monkeypatch.setenv(pdf.SOFFICE_ENV, str(tmp_path / "nowhere"))
    messages: list[str] = []
    page.ctx.ops.message.connect(messages.append)
    target = tmp_path / "周报.pdf"
    with qtbot.waitSignal(page.printing.finished, timeout=20_000) as finished:
        page.printing.save_pdf(target)
    assert finished.args == [None]
    assert "没有找到 LibreOffice" in page.printing.last_box.text()
    assert any("没有找到 LibreOffice" in m for m in messages)
    assert not target.exists()
    assert page.printing.button.isEnabled()


def test_never_onto_the_database(qtbot, page, filled: Journal) -> None:
    db = filled.db_path
    if db is None:
        pytest.skip("not a database file (PostgreSQL)")
    before = db.read_bytes()
    with qtbot.waitSignal(page.printing.finished, timeout=20_000):
        page.printing.save_pdf(db)
    assert "不能用导出覆盖" in page.printing.last_box.text()
    assert db.read_bytes() == before


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice or poppler missing",
)
@pytest.mark.slow  # a LibreOffice child process
def test_the_week_report_pdf_from_the_page(qtbot, page, filled, tmp_path, monkeypatch) -> None:
    monkeypatch.delenv(pdf.SOFFICE_ENV, raising=False)
    book = export_week(filled, page.label, tmp_path / "week.xlsx")
    workbook = CalamineWorkbook.from_path(str(book))
    title = str(workbook.get_sheet_by_index(0).to_python()[0][0]).replace(" ", "")
    target = tmp_path / "周报.pdf"
    with qtbot.waitSignal(page.printing.finished, timeout=120_000) as finished:
        page.printing.save_pdf(target)
    assert finished.args == [target]
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.count("\f")
    assert pages >= len(workbook.sheet_names)  # each sheet of the workbook starts a page
    first = text.split("\f")[0].replace(" ", "")
    assert title.split("\u3000")[0] in first  # the workbook's own title, on page 1
    assert filled.profile.get().name in first


def _recording(printing) -> dict[str, object]:
    """Replace the converter: note the workbook's sheets, write a stand-in PDF."""
    seen: dict[str, object] = {}

    def convert(workbook: Path, target: Path) -> Path:
        seen["sheets"] = CalamineWorkbook.from_path(str(workbook)).sheet_names
        target.write_bytes(MINIMAL_PDF)
        return target

    printing.convert = convert
    return seen


def test_the_route_sheet_prints_only_a_day_with_a_plan(qtbot, filled: Journal, tmp_path) -> None:
    sunday = date(2026, 12, 6)  # not planned by itself
    page = PlanPage(make_ctx(filled, today=sunday))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.is_ready)
    printing = page.route_sheet.printing
    assert not printing.button.isEnabled() and not printing.pdf_action.isEnabled()
    page.load(MONDAY, build=True)
    qtbot.waitUntil(lambda: page.is_ready and page.data is not None and page.data.day == MONDAY)
    qtbot.waitUntil(printing.button.isEnabled)
    seen = _recording(printing)
    with qtbot.waitSignal(printing.finished, timeout=20_000) as finished:
        printing.save_pdf(tmp_path / "路线单.pdf")
    assert finished.args[0].read_bytes() == MINIMAL_PDF
    assert seen["sheets"]  # the route sheet's workbook


def test_the_slip_form_prints_the_selected_slip(qtbot, filled: Journal, tmp_path) -> None:
    page = SlipsPage(make_ctx(filled))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.is_ready)
    printing = page.slips_tab.printing
    assert not printing.button.isEnabled()  # no slip selected
    customer = filled.customers.list()[0]
    slip = filled.slips.create(
        SlipInput(category="no_order", description="连续两周未订货", customer_id=customer.id),
        at=datetime.combine(MONDAY, time(9)),
    )
    page.reload_slips()
    page.select_slip(slip.id)
    qtbot.waitUntil(lambda: page.slip is not None and page.slip.id == slip.id)
    assert printing.button.isEnabled()
    seen = _recording(printing)
    with qtbot.waitSignal(printing.finished, timeout=20_000):
        printing.save_pdf(tmp_path / "反馈单.pdf")
    assert (tmp_path / "反馈单.pdf").read_bytes() == MINIMAL_PDF and seen["sheets"]


def test_the_work_log_prints_the_day_shown(qtbot, filled: Journal) -> None:
    for page in open_page(qtbot, DayLogPage, filled, (1400, 900), wait="ready"):
        assert page.printing.button.isEnabled()
        assert page.printing.form().name == f"工作日志_{page.day.isoformat()}"
        page.view = None
        page.printing.refresh()
        assert not page.printing.pdf_action.isEnabled()


def test_the_customer_file_prints_the_selected_customer(qtbot, filled: Journal, tmp_path) -> None:
    page = CustomersPage(make_ctx(filled))
    qtbot.addWidget(page)
    printing = page.printing
    page.search.setText("没有这个店")
    qtbot.waitUntil(lambda: page.table.current_row() < 0 and page.is_ready)
    page._update_buttons()
    assert not printing.button.isEnabled()  # no customer selected
    customer = filled.customers.list()[0]
    page.search.setText(customer.code)
    qtbot.waitUntil(lambda: page.table.current_row() >= 0)
    qtbot.waitUntil(printing.button.isEnabled)
    assert printing.form().name == f"一户一档_{customer.code}_{customer.shop_name}"
    seen = _recording(printing)
    with qtbot.waitSignal(printing.finished, timeout=20_000):
        printing.save_pdf(tmp_path / "档案.pdf")
    assert (tmp_path / "档案.pdf").read_bytes() == MINIMAL_PDF
    assert seen["sheets"][0] == "档案"  # the customer file's workbook
