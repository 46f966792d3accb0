"""The start-up work done after the first paint: one step per idle turn of the event loop.

The start page is painted with as little imported and built as possible (ui/app.py); the
services, the checklist, the rotating log, the single-instance socket and the modules of the
wizard pages follow here, one step per turn so that the window answers between them. Anything
that needs them earlier (a click on the start page in its first moment) calls :meth:`finish`,
which does the remaining steps at once: a click never does nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from jianfu.core.errors import JianfuError

Step = Callable[[], None]


FALLBACK_MS = 1000  # a window never painted (started minimised) still finishes its start


class FirstPaint(QObject):
    """Calls ``painted`` in the event-loop turn after ``window``'s first paint has finished."""

    def __init__(self, window: QWidget, painted: Callable[[], None]) -> None:
        super().__init__(window)
        self.painted = painted
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.painted)
        return False


class StartAbandoned(JianfuError):
    """A deferred step failed and the window was closed after saying why (nothing to report)."""


class DeferredStart(QObject):
    def __init__(self, steps: list[Step], failed: Callable[[BaseException], None]) -> None:
        super().__init__()
        self._steps = list(steps)
        self._failed = failed
        self._settled: list[Callable[[], None]] = []
        self._running = False
        self._begun = False
        self.abandoned = False

    @property
    def done(self) -> bool:
        return not self._steps

    def begin_after_paint(self, window: QWidget) -> None:
        """Step through the work once ``window`` has been painted (call before showing it); the
        work ends with the window."""
        self.setParent(window)
        FirstPaint(window, self._begin)
        QTimer.singleShot(FALLBACK_MS, self, self._begin)

    def _begin(self) -> None:
        if not self._begun:
            self._begun = True
            self._next()

    def run_next(self) -> None:
        """One step now (the first stage needs the services when there is no snapshot)."""
        self._run_one()

    def when_settled(self, callback: Callable[[], None]) -> None:
        """``callback`` once every step has run (now, if they have)."""
        if self.done and not self._running:
            callback()
        else:
            self._settled.append(callback)

    def finish(self) -> None:
        """Every remaining step, now. Raises StartAbandoned if one failed (the user was told)."""
        while self._steps:
            self._run_one()
        if self.abandoned:
            raise StartAbandoned("减负助手没有启动完成。")

    def _next(self) -> None:
        if self._steps and not self.abandoned:
            try:
                self._run_one()
            except StartAbandoned:
                return
            QTimer.singleShot(0, self, self._next)

    def _run_one(self) -> None:
        if self.abandoned:
            raise StartAbandoned("减负助手没有启动完成。")
        step = self._steps.pop(0)
        self._running = True
        try:
            step()
        except (JianfuError, OSError) as exc:
            self._steps.clear()
            self.abandoned = True
            self._failed(exc)
            raise StartAbandoned(str(exc)) from exc
        finally:
            self._running = False
        if not self._steps:
            callbacks, self._settled = self._settled, []
            for callback in callbacks:
                callback()
