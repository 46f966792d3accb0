"""Opening the sample township without freezing the window.

Generating and scoring the sample (its generator, YAML and the scoring modules imported on first
use) took 80–200 ms on the UI thread. It runs in a worker through ``ui/tasks.py``; only storing it
(a few milliseconds of SQLite on the window's own connection) and showing its first page happen on
the UI thread. The worker also imports the page modules the wizard is about to need.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from jianfu.core.errors import JianfuError
from jianfu.services.township import AssessmentService
from jianfu.ui.tasks import Progress, Task, run_in_background

PAGE_MODULES = (
    "jianfu.ui.pages.section_page",
    "jianfu.ui.pages.results_page",
    "jianfu.ui.pages.plan_page",
    "jianfu.ui.pages.export_page",
)

_running: dict[int, Task] = {}  # the opening under way per window: a second click waits for it


def open_sample_in_background(window: QWidget, service: AssessmentService, opened: Callable[[int], None]) -> Task:
    """Prepare the sample in a worker, then store it and call ``opened(its id)`` on the UI thread."""
    key = id(window)
    if key in _running:
        return _running[key]
    title = QCoreApplication.translate("SampleOpening", "Open the sample township")

    def work(progress: Progress) -> Any:
        progress(0.05)
        sample = service.prepare_sample()
        progress(0.8)
        for module in PAGE_MODULES:  # warm: the first page is built right after
            importlib.import_module(module)
        return sample

    def succeeded(sample: Any) -> None:
        _running.pop(key, None)
        try:
            sample_id = service.store_sample(sample)
        except JianfuError as exc:
            QMessageBox.warning(window, title, str(exc))
            return
        opened(sample_id)

    def failed(message: str) -> None:
        _running.pop(key, None)
        QMessageBox.warning(window, title, message)

    label = QCoreApplication.translate("SampleOpening", "Preparing the sample township…")
    task = run_in_background(window, label, work, succeeded, failed)
    task.cancelled.connect(lambda: _running.pop(key, None))
    _running[key] = task
    return task
