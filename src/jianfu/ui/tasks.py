"""Long work off the UI thread, with a progress dialog and Cancel: one helper used everywhere."""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from jianfu.core.errors import JianfuError, write_error


class Cancelled(Exception):
    """Raised inside a task when the user pressed Cancel."""


class Progress:
    """Passed to the work function: report a fraction done; raises Cancelled once cancelled."""

    def __init__(self, signal: Any) -> None:
        self._signal = signal
        self.cancelled = False

    def __call__(self, fraction: float) -> None:
        if self.cancelled:
            raise Cancelled
        self.report(fraction)

    def report(self, fraction: float) -> None:
        """Report without stopping: for work that checks ``cancelled`` itself and returns early."""
        self._signal.emit(int(100 * max(0.0, min(1.0, fraction))))


class Task(QObject):
    progressed = Signal(int)
    succeeded = Signal(object)
    failed = Signal(str)  # a message for the user, in Chinese
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.progress = Progress(self.progressed)


class _Runner(QRunnable):
    def __init__(self, task: Task, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.task = task
        self.work = work

    def run(self) -> None:
        try:
            result = self.work(self.task.progress)
        except Cancelled:
            self.task.cancelled.emit()
        except JianfuError as exc:  # the user's environment: say what to do
            self.task.failed.emit(str(exc))
        except OSError as exc:
            # a rename onto the user's file names it second; a partial file is named as its target
            name = re.sub(r"(\.\d+)?\.part$", "", str(exc.filename2 or exc.filename or "文件"))
            self.task.failed.emit(str(write_error(name, exc)))
        except Exception:  # a bug: report it as one
            self.task.failed.emit("程序出错，请把以下信息发给技术支持：\n" + traceback.format_exc(limit=5))
        else:
            self.task.succeeded.emit(result)  # work that checks ``cancelled`` returns what it did


_running: set[Task] = set()  # keeps tasks alive until they report


def run_in_background(
    parent: QWidget,
    label: str,
    work: Callable[[Progress], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[str], None],
) -> Task:
    task = Task()
    dialog = QProgressDialog(label, QCoreApplication.translate("Tasks", "Cancel"), 0, 100, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(True)
    dialog.setValue(0)

    def cancel() -> None:
        task.progress.cancelled = True

    def finish() -> None:
        dialog.reset()
        _running.discard(task)

    dialog.canceled.connect(cancel)
    task.progressed.connect(dialog.setValue)

    def succeeded(result: Any) -> None:
        finish()
        on_success(result)

    def failed(message: str) -> None:
        finish()
        on_failure(message)

    task.succeeded.connect(succeeded)
    task.failed.connect(failed)
    task.cancelled.connect(finish)
    _running.add(task)
    QThreadPool.globalInstance().start(_Runner(task, work))
    return task


def run_quietly(work: Callable[[], Any], on_success: Callable[[Any], None], on_failure: Callable[[str], None]) -> Task:
    """Short work off the UI thread that needs no progress dialog (a view's extra line, filled in
    when ready), on its own connection as ``run_in_background``'s."""
    task = Task()

    def succeeded(result: Any) -> None:
        _running.discard(task)
        on_success(result)

    def failed(message: str) -> None:
        _running.discard(task)
        on_failure(message)

    task.succeeded.connect(succeeded)
    task.failed.connect(failed)
    _running.add(task)
    QThreadPool.globalInstance().start(_Runner(task, lambda _progress: work()))
    return task
