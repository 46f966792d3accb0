"""Peak memory (RSS) of typical sessions, against a bare PySide6 window in the same run.

1. The wizard: start, open the sample township, visit every page, print the plan PDF.
2. The county: import 1,000 township files and show the overview and summary.
Each runs in a fresh process; peak RSS is read from getrusage. Target: under 300 MB.

    python tests/benchmarks/memory.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

BARE = """
import resource, sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QTableWidget(5, 4)); w.show(); app.processEvents()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""

WIZARD = """
import resource, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
QCoreApplication.setOrganizationName("JianfuBenchmark")
app = QApplication(sys.argv[:1])
from jianfu.ui.app import create_window
from jianfu.ui.pages.export_page import build_plan_pdf
from jianfu.ui.tasks import Task
window = create_window(Path(sys.argv[1]) / "township.sqlite3"); window.resize(1366, 768); window.show()
window.open_sample()
while window.session.assessment is None:  # prepared off the UI thread
    app.processEvents()
for page in [p.id for p in window._wizard_pages()]:
    window.show_page(page); app.processEvents()
task = Task()
build_plan_pdf(window.session, Path(sys.argv[1]) / "plan.pdf", task.progress)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""

COUNTY = """
import resource, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from helpers.county_files import county_files
from jianfu.core.library import ChecklistLibrary
from jianfu.services.county_import import import_files
from jianfu.paths import resources_dir
from jianfu.services.county import CountyService
from jianfu.storage.database import open_database
library = ChecklistLibrary(resources_dir() / "checklists")
folder = Path(sys.argv[1])
paths = county_files(folder / "files", library, 1000, periods=1)
db = open_database(folder / "county.sqlite3")
import_files(db, library, paths)
CountyService(db, library).summary()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def peak(code: str, *args: str) -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
    return int(out.stdout.strip().splitlines()[-1])


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as folder:
        os.environ["JIANFU_HOME"] = folder
        bare = peak(BARE)
        wizard = peak(WIZARD, folder)
        county = peak(COUNTY, folder, os.path.join(here, os.pardir))
    print(f"bare PySide6 window: {bare} MB")
    print(f"wizard, every page + plan PDF: {wizard} MB ({wizard / bare:.1f}x)  (target < 300 MB)")
    print(f"county import of 1,000 files + summary: {county} MB  (target < 300 MB)")
    print("(the county window at 10,000 townships × 4 periods: tests/benchmarks/county.py 10000)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
