"""The longest freeze of the UI thread while a script drives the wizard: opens the sample, shows
every page, saves, prints (to a PDF printer at printer resolution) and previews the plan; then
opens the heaviest sample plan as a township's own, enters 完成情况, starts the next period and
shows its every page (the plan page notes last period's progress) and saves its PDF. A 10 ms
timer on the UI thread records the gaps between its ticks. Target: no gap over 100 ms; peak
memory under 300 MB. Runs in a fresh process, as a user's session starts.

    python tests/benchmarks/heartbeat.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import resource, sys, tempfile
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
QCoreApplication.setOrganizationName("JianfuBenchmark")
app = QApplication(sys.argv[:1])
from jianfu.ui.appearance import install_translation
install_translation(app)
from jianfu.ui.app import create_window
from helpers.heartbeat import Heartbeat, drive_next_period, drive_wizard
with tempfile.TemporaryDirectory() as folder:
    window = create_window(Path(folder) / "heartbeat.sqlite3")
    window.resize(1366, 768); window.show()
    heartbeat = Heartbeat()
    drive_wizard(window, heartbeat, Path(folder))
    drive_next_period(window, heartbeat, Path(folder))
    for gap, step in heartbeat.longest(6):
        print(f"GAP {gap:.0f} {step}")
    print(f"TICKS {len(heartbeat.gaps)}")
    print(f"PEAK {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
    window.session.service.store.db.conn.close()
"""


def main() -> int:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT / "tests")]),
        "JIANFU_HOME": os.environ.get("JIANFU_HOME", "/tmp/jianfu-heartbeat-home"),
    }
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        print(result.stdout, result.stderr)
        return 1
    lines = result.stdout.splitlines()
    gaps = [line.split(" ", 2)[1:] for line in lines if line.startswith("GAP ")]
    ticks = next(line.split()[1] for line in lines if line.startswith("TICKS "))
    peak = float(next(line.split()[1] for line in lines if line.startswith("PEAK ")))
    print(f"{ticks} heartbeats of {10} ms; the longest gaps:")
    for gap, step in gaps:
        print(f"  {gap:>5} ms  during {step}")
    longest = float(gaps[0][0])
    print(f"longest freeze {longest:.0f} ms; ratio to the 100 ms target {longest / 100:.2f}x")
    print(f"peak memory {peak:.0f} MB; ratio to the 300 MB target {peak / 300:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
