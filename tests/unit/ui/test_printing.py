"""Printing and preview run in a worker, page by page."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from helpers.sample import open_sample


def plan_pdf(qtbot, window, tmp_path):
    open_sample(qtbot, window)
    window.show_page("export")
    pdf = tmp_path / "plan.pdf"
    window.pages["export"].write_pdf(pdf)
    qtbot.waitUntil(pdf.exists, timeout=20_000)
    return pdf


def test_printing_sends_every_page_from_a_worker(qtbot, make_window, tmp_path) -> None:
    window = make_window()
    pdf = plan_pdf(qtbot, window, tmp_path)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    page = window.pages["export"]
    task = page.print_to(printer, pdf)
    with qtbot.waitSignal(task.succeeded, timeout=60_000) as blocker:
        pass
    pages = len(PdfReader(pdf).pages)
    assert blocker.args == [pages] and len(PdfReader(printed).pages) == pages
    assert str(pages) in page.status.text()


def test_cancelled_printing_stops_between_pages(qtbot, make_window, tmp_path) -> None:
    window = make_window()
    pdf = plan_pdf(qtbot, window, tmp_path)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    task = window.pages["export"].print_to(printer, pdf)
    task.progress.cancelled = True  # what the progress dialog's Cancel does
    with qtbot.waitSignal(task.cancelled, timeout=60_000):
        pass


def test_preview_is_rendered_off_the_ui_thread(qtbot, make_window, tmp_path) -> None:
    window = make_window()
    pdf = plan_pdf(qtbot, window, tmp_path)
    page = window.pages["export"]
    page._render_preview(pdf)
    with qtbot.waitSignal(page.preview_task.succeeded, timeout=60_000):
        pass
    assert page.preview_dialog.page_count == len(PdfReader(pdf).pages)
    page.preview_dialog.close()
