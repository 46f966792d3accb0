"""A heartbeat on the UI thread: a 10 ms timer whose late ticks are freezes the user would feel.

``drive_wizard`` does what a cadre does (opens the sample, goes through every page, prints,
previews) while the heartbeat runs; ``drive_next_period`` goes on to the next period of the
heaviest sample plan, whose plan page and PDF report last period's 完成情况. The longest gap between
ticks, and the step during which it happened, is the longest freeze.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

TICK_MS = 10


class Heartbeat:
    def __init__(self) -> None:
        self.step = "start"
        self.gaps: list[tuple[float, str]] = []  # (gap in ms, step), one per tick
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((1000 * (now - self.last), self.step))
        self.last = now

    def longest(self, count: int = 1) -> list[tuple[float, str]]:
        return sorted(self.gaps, reverse=True)[:count]


def wait_until(condition: Callable[[], Any], timeout: float = 60.0) -> None:
    """Let the event loop run (so the heartbeat ticks) until ``condition()`` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the step did not finish in time")
        QTest.qWait(20)


def drive_wizard(window: Any, heartbeat: Heartbeat, scratch: Path) -> None:
    """Open the sample, show every page, save, print and preview the plan, with the heartbeat on."""

    def step(name: str, action: Callable[[], Any]) -> Any:
        heartbeat.step = name
        result = action()
        QTest.qWait(60)  # the event loop runs between the user's clicks
        return result

    heartbeat.start()
    step("open the sample", window.open_sample)  # prepared off the UI thread: wait for its page
    wait_until(lambda: window.session.current is not None and window.session.current.sample)
    for page in window._wizard_pages():
        step(f"show page {page.id}", lambda page_id=page.id: window.show_page(page_id))
    export = window.pages["export"]
    pdf = scratch / "plan.pdf"
    step("save the plan as PDF", lambda: export.write_pdf(pdf))
    wait_until(pdf.exists)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(scratch / "printed.pdf"))
    done: list[Any] = []
    task = step("print", lambda: export.print_to(printer, pdf))
    task.succeeded.connect(done.append)
    wait_until(lambda: done)
    heartbeat.step = "preview"
    export.preview()
    wait_until(lambda: getattr(export, "preview_dialog", None) is not None)
    dialog: QWidget = export.preview_dialog
    step("close the preview", dialog.close)
    step("back to the start page", lambda: window.show_page(window._wizard_pages()[0].id))
    heartbeat.stop()
    QApplication.processEvents()


HEAVIEST = "高坪镇-2026-Q3"  # the sample county's plan with the most findings, 2026-Q4 still to come
STATUS_TEXT = "已完成整改，取消重复填报，按月复查"


def drive_next_period(window: Any, heartbeat: Heartbeat, scratch: Path) -> None:
    """Open the heaviest sample plan as a township's own file, enter 完成情况 for every other item,
    start the next period (begun by 2026-10-01: nothing to confirm), show every page, its plan page
    with last period's notes under each item, and save its PDF, with the heartbeat on."""
    from jianfu.exchange.demo import write_demo
    from jianfu.ui.pages.plan_page import COLUMNS

    files = write_demo(scratch / "demo", window.session.library)
    heaviest = next(f for f in files if f.stem == HEAVIEST)

    def step(name: str, action: Callable[[], Any]) -> Any:
        heartbeat.step = name
        result = action()
        QTest.qWait(60)
        return result

    heartbeat.start()
    step("open last period's file", lambda: window.open_file(heaviest))
    step("show last period's plan", lambda: window.show_page("plan"))
    table = window.pages["plan"].table
    status = COLUMNS.index("status")
    for row in range(0, table.rowCount(), 2):  # typed in one by one, each saved as it is left
        step("enter 完成情况", lambda row=row: table.item(row, status).setText(STATUS_TEXT))
    step("back to the start page", lambda: window.show_page(window._wizard_pages()[0].id))
    step("start the next period", window.start_page.next_button.click)
    for page in window._wizard_pages():
        step(f"next period: show page {page.id}", lambda page_id=page.id: window.show_page(page_id))
    pdf = scratch / "next-plan.pdf"
    step("next period: save the plan as PDF", lambda: window.pages["export"].write_pdf(pdf))
    wait_until(pdf.exists)
    step("next period: back to its plan page", lambda: window.show_page("plan"))
    heartbeat.stop()
    QApplication.processEvents()
