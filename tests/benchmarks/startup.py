"""Time from process start to the first usable page, against a bare PySide6 window.

Jianfu is started the way a user starts it (``python -m jianfu``, the same ``cli.main`` the
installed ``jianfu`` command and the bundle run), on its own data folder (``JIANFU_HOME``) and
settings (``XDG_CONFIG_HOME``). With ``JIANFU_STARTUP_PROBE=1`` it prints ``PAINTED`` once its
window has been painted for the first time and ``SETTLED`` when the work deferred past the first
paint is done. The bare window has comparable widgets (a sidebar list, a table, buttons, a menu)
and no application code, and reports its first paint the same way. Times are taken from
spawning the process to the line arriving (the exit of the process is not timed: nobody waits
for it); the CPU time the process used until its first paint is reported too, since it is less
sensitive to other load on the machine.

Rounds are interleaved (bare, first start, empty, four assessments, then the next round in
the order turned by one: first start, empty, four assessments, bare, …) so load on the machine
hits every kind alike and none always follows the same one; medians are compared. After each
run, untimed, the disk is synced: what one run left to write (a first start's new database, a
window's settings and start-page snapshot written as it closes) does not slow the next. The app
is closed as a user closes it (its window size and place are kept for the next start). Kinds:

- *first start*: a new data folder every round: no database (created and migrated), no
  checklist cache, no settings — what a user meets once, after installing;
- *empty*: the database exists but holds no assessment yet;
- *4 assessments*: four periods of one township, partly answered — a user's usual start.

Target: the median of *4 assessments* and *empty* ≤ 1.3× the bare median.

    python tests/benchmarks/startup.py [rounds]
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROUNDS = 11

BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QListWidget, QMainWindow, QPushButton,
                               QStackedWidget, QTableWidget, QVBoxLayout, QWidget)

class FirstPaint(QObject):  # the same probe as jianfu.ui.startup_probe
    def __init__(self, window, painted):
        super().__init__(window)
        self.painted = painted
        window.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.painted)
        return False

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
window.setCentralWidget(central); window.resize(1366, 768)
probe = FirstPaint(window, lambda: (print(f"PAINTED {time.process_time():.4f}", flush=True), app.quit()))
window.show()
app.exec()
"""


def run(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(seconds to the first paint, CPU seconds used by then, seconds until settled: the bare
    window has nothing deferred, so it is settled when painted)."""
    with tempfile.TemporaryFile("w+") as errors:  # a file, not a pipe nobody reads while it runs
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True, env=env)
        assert process.stdout is not None
        painted = cpu = settled = None
        for line in process.stdout:
            if line.startswith("PAINTED"):
                painted, cpu = time.perf_counter() - start, float(line.split()[1])
            if line.startswith("SETTLED"):
                settled = time.perf_counter() - start
        process.wait(timeout=60)
        os.sync()  # untimed: the next run starts on a settled disk, whatever this one wrote
        if settled is None and command[1] == "-c":
            settled = painted
        if process.returncode != 0 or painted is None or cpu is None or settled is None:
            errors.seek(0)
            raise RuntimeError(f"start-up failed ({process.returncode}): {errors.read()}")
    return painted, cpu, settled


def environment(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "JIANFU_HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),  # the window's QSettings, away from the user's
        "JIANFU_STARTUP_PROBE": "1",
    }


def four_assessments(home: Path) -> None:
    """A township's database after a year of use: four periods, partly answered."""
    from jianfu.core.answers import Answer
    from jianfu.core.assessment import Period, Township
    from jianfu.core.library import ChecklistLibrary
    from jianfu.paths import DATABASE_FILENAME, resources_dir
    from jianfu.storage.assessments import AssessmentStore
    from jianfu.storage.database import open_database

    home.mkdir(parents=True)
    store = AssessmentStore(open_database(home / DATABASE_FILENAME))
    checklist = ChecklistLibrary(resources_dir() / "checklists").latest()
    township = Township("柳河镇", "519901101000", "云溪县")
    for n, period in enumerate(("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4")):
        aid = store.create_assessment(township, Period(period), checklist, dt.date(2026, 3 * n + 3, 28))
        for row in range(5 + n):
            store.save_table_row(aid, checklist, "apps.inventory", f"r{row}", {"name": f"应用{row}"}, row)
        store.save_answer(aid, checklist, "meetings.per_month", Answer(12 + n))
    store.db.close()


def median_ms(values: list[float]) -> str:
    return f"median {1000 * statistics.median(values):4.0f} ms (min {1000 * min(values):4.0f})"


def main() -> int:
    # An installed program has its bytecode (pip and PyInstaller compile it); this machine sets
    # PYTHONDONTWRITEBYTECODE, so compile once here or every run would compile from source.
    import compileall

    import jianfu

    compileall.compile_dir(os.path.dirname(jianfu.__file__), quiet=1)
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else ROUNDS
    jianfu_command = [sys.executable, "-m", "jianfu"]
    bare_command = [sys.executable, "-c", BARE]
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        empty, four = root / "empty", root / "four"
        four_assessments(four)
        for home in (empty, four):  # their first start: database migrated, caches written
            run(jianfu_command, environment(home))
        run(bare_command, environment(empty))  # the OS file cache holds PySide6 for all, as on a machine in use
        results: dict[str, list[tuple[float, float, float]]] = {k: [] for k in ("bare", "first", "empty", "four")}
        for n in range(rounds):
            first = root / f"first{n}"
            kinds = {
                "bare": (bare_command, empty),
                "first": (jianfu_command, first),
                "empty": (jianfu_command, empty),
                "four": (jianfu_command, four),
            }
            order = list(kinds)[n % 4 :] + list(kinds)[: n % 4]
            for kind in order:
                command, home = kinds[kind]
                results[kind].append(run(command, environment(home)))
            shutil.rmtree(first)
    load_after = os.getloadavg()

    def column(kind: str, index: int) -> list[float]:
        return [r[index] for r in results[kind]]

    bare_wall, bare_cpu = statistics.median(column("bare", 0)), statistics.median(column("bare", 1))
    names = {
        "bare": "bare PySide6 window",
        "first": "jianfu first start",
        "empty": "jianfu, empty database",
        "four": "jianfu, 4 assessments",
    }
    print(f"{rounds} interleaved rounds; load average {load_before[0]:.2f} before, {load_after[0]:.2f} after")
    for kind, name in names.items():
        wall, cpu = column(kind, 0), column(kind, 1)
        line = f"{name:24} first paint {median_ms(wall)}  {statistics.median(wall) / bare_wall:.2f}x"
        line += f" | CPU {median_ms(cpu)}  {statistics.median(cpu) / bare_cpu:.2f}x"
        if kind != "bare":
            line += f" | settled {median_ms(column(kind, 2))}"
        print(line)
    worst = max(statistics.median(column(k, 0)) for k in ("empty", "four")) / bare_wall
    print(f"ratio {worst:.2f}x (first paint, worse of empty and 4 assessments; target ≤ 1.3x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
