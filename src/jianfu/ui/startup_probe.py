"""``JIANFU_STARTUP_PROBE``: report when the window first painted and when the start-up work
deferred past that paint is done, then close the window as a user would (its size and place are
kept for the next start, as a user's are) and quit.

Used by ``tests/benchmarks/startup.py`` and the start-up tests, which start the program as a user
does and read these lines: ``PAINTED <cpu seconds>`` after the first paint, ``SETTLED <cpu
seconds>`` when everything is built. With ``JIANFU_STARTUP_PROBE=modules`` the modules imported
at the first paint follow ``PAINTED`` as one line ``MODULES name name …``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from jianfu.ui.startup import FirstPaint


def probe(window: QWidget, when_settled: Callable[[Callable[[], None]], None], modules: bool) -> None:
    def painted() -> None:
        print(f"PAINTED {time.process_time():.4f}", flush=True)
        if modules:
            print("MODULES " + " ".join(sorted(sys.modules)), flush=True)
        when_settled(settled)

    def settled() -> None:
        print(f"SETTLED {time.process_time():.4f}", flush=True)
        window.close()
        QCoreApplication.quit()

    FirstPaint(window, painted)
