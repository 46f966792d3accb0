"""Time from process start to the first usable page, against a bare PySide6 window.

Both run as fresh processes (offscreen), show their window and report when the first paint
has happened; the bare window has comparable widgets (a sidebar list, a table, buttons, a menu)
but no application code. Runs are interleaved (bare, jianfu, bare, jianfu…) so load on the
machine hits both alike; medians are compared. Every jianfu run starts from a cold checklist
cache, as a user's start does; the first start (no database yet, which creates and migrates
it) is timed separately, against the median bare window. Target: ≤ 1.3×.

    python tests/benchmarks/startup.py [runs]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 7

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QListWidget, QMainWindow, QPushButton,
                               QStackedWidget, QTableWidget, QVBoxLayout, QWidget)
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.menuBar().addMenu("View")
central = QWidget(); row = QHBoxLayout(central)
sidebar = QListWidget(); sidebar.addItems([f"page {i}" for i in range(9)]); row.addWidget(sidebar)
stack = QStackedWidget(); page = QWidget(); column = QVBoxLayout(page)
column.addWidget(QLabel("title")); table = QTableWidget(5, 4); column.addWidget(table)
for text in ("a", "b", "c", "d"):
    column.addWidget(QPushButton(text))
stack.addWidget(page); row.addWidget(stack)
window.setCentralWidget(central); window.resize(1366, 768); window.show()
QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
app.exec()
"""

JIANFU = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication
QCoreApplication.setOrganizationName("JianfuBenchmark")
app = QApplication(sys.argv[:1])
from jianfu.ui.appearance import install_translation
install_translation(app)
from jianfu.ui.app import create_window
window = create_window(Path(sys.argv[1]))
window.resize(1366, 768); window.show()
QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
app.exec()
"""


def run(code: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
    elapsed = time.perf_counter() - start
    assert "READY" in result.stdout, result.stderr
    return elapsed


def main() -> int:
    # An installed program has its bytecode (pip and PyInstaller compile it); this machine sets
    # PYTHONDONTWRITEBYTECODE, so compile once here or every run would compile from source.
    import compileall

    import jianfu

    compileall.compile_dir(os.path.dirname(jianfu.__file__), quiet=1)
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    with tempfile.TemporaryDirectory() as folder:
        database = os.path.join(folder, "bench.sqlite3")
        run(BARE)  # the OS file cache holds PySide6 for both, as on a machine in use
        first = run(JIANFU, database)  # creates and migrates the database, as a first start does
        bare, ours = [], []
        for _ in range(runs):
            bare.append(run(BARE))
            ours.append(run(JIANFU, database))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare PySide6 window:      median {1000 * b:.0f} ms  (min {1000 * min(bare):.0f}, {runs} runs)")
    print(f"jianfu first usable page: median {1000 * o:.0f} ms  (min {1000 * min(ours):.0f}, {runs} runs)")
    print(f"jianfu first start (new database): {1000 * first:.0f} ms, {first / b:.2f}x the bare median")
    print(f"ratio {o / b:.2f}x (target ≤ 1.3x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
