"""The county window over N townships × 4 periods, its database made by really importing files.

The files (answers, plan items, requests to county departments: everything a township exports)
are generated once and imported through the real import; both are cached under
``$JIANFU_BENCH_CACHE`` (default /work/scratch/i12/bench), keyed by size and schema version, so
only the first run at a size pays for it. A cached database imported before the attribution rule
is brought up to it once in the cache, as the window does once in a worker when it first opens
such a database (1–2 min at 10,000 townships; its refreshes ~3x slower meanwhile): the figures are
those of the window every later day. Then, in a fresh process so its memory is its own, the
window opens (first refresh reported separately: cold caches, as an inspector's first look) and
refreshes every tab repeatedly (median), then opens the biggest department's requests.
Targets: refresh < 200 ms, peak memory < 300 MB at 10,000 townships.

    python tests/benchmarks/county.py [townships]      # 100 for a quick run; 1000; 10000
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from helpers.county_files import county_files  # noqa: E402
from jianfu.core.library import ChecklistLibrary  # noqa: E402
from jianfu.paths import resources_dir  # noqa: E402
from jianfu.services.county_import import import_files  # noqa: E402
from jianfu.storage.county import CountyStore  # noqa: E402
from jianfu.storage.database import open_database  # noqa: E402
from jianfu.storage.migrations import LATEST_VERSION  # noqa: E402

CACHE = Path(os.environ.get("JIANFU_BENCH_CACHE", "/work/scratch/i12/bench"))
REFRESHES = 7

WINDOW = """
import json, resource, statistics, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from jianfu.paths import resources_dir
from jianfu.ui.appearance import install_fonts, install_translation
install_translation(app)
install_fonts(app)  # as the application sets itself up before the county window opens
app.setStyleSheet((resources_dir() / "ui" / "jianfu.qss").read_text(encoding="utf-8"))
from jianfu.core.library import ChecklistLibrary
from jianfu.ui.county.county_window import CountyWindow
library = ChecklistLibrary(resources_dir() / "checklists")
start = time.perf_counter()
window = CountyWindow(library, Path(sys.argv[1]))
window.resize(1300, 720); window.show(); app.processEvents()
first = time.perf_counter() - start
refreshes, paints = [], []
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    window.refresh()  # every tab's data: townships, departments, problems and requests, headline
    app.processEvents()
    refreshes.append(time.perf_counter() - start)
    start = time.perf_counter()
    for tab in range(window.tabs.count()):  # then every tab shown and painted, as clicked through
        window.tabs.setCurrentIndex(tab); window.tabs.currentWidget().repaint(); app.processEvents()
    paints.append((time.perf_counter() - start) / window.tabs.count())
start = time.perf_counter()
shown = window.expand_requests(0)
expand = time.perf_counter() - start
print(json.dumps({"first": first, "refreshes": refreshes, "paints": paints, "expand": expand,
    "expanded_rows": shown, "rows": window.overview.model().rowCount(),
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
window.close()
"""


def county_database(townships: int) -> tuple[Path, str]:
    """The cached database for ``townships`` × 4 periods, built by importing generated files."""
    CACHE.mkdir(parents=True, exist_ok=True)
    database = CACHE / f"county-{townships}-schema{LATEST_VERSION}.sqlite3"
    if database.exists():
        return database, "cached"
    older = sorted(CACHE.glob(f"county-{townships}-schema*.sqlite3"))
    if older:  # made by an earlier schema: migrate it as a user's database would be, once
        partial = database.with_name(database.name + ".part")
        shutil.copyfile(older[-1], partial)
        start = time.perf_counter()
        db = open_database(partial)
        CountyStore(db)  # counts what the new schema stores at import
        db.close()
        elapsed = time.perf_counter() - start
        partial.replace(database)
        for backup in CACHE.glob(f"{partial.name}.v*.bak"):
            backup.unlink()
        return database, f"migrated from {older[-1].name} in {elapsed:.0f} s"
    library = ChecklistLibrary(resources_dir() / "checklists")
    files = CACHE / f"files-{townships}"
    if not (files / "complete").exists():
        shutil.rmtree(files, ignore_errors=True)
        county_files(files, library, townships)
        (files / "complete").touch()
    paths = sorted(files.glob("*.jianfu"))
    partial = database.with_name(database.name + ".part")
    partial.unlink(missing_ok=True)
    db = open_database(partial)
    start = time.perf_counter()
    summary = import_files(db, library, paths)
    elapsed = time.perf_counter() - start
    db.conn.execute("ANALYZE")
    db.close()
    if summary.rejected:  # the file format changed since the files were made: make them again
        shutil.rmtree(files)
        partial.unlink()
        raise SystemExit(f"{len(summary.rejected)} files rejected ({summary.rejected[0][1]}); run again")
    partial.replace(database)
    return (
        database,
        f"built by importing {len(paths)} files in {elapsed:.0f} s ({1000 * elapsed / len(paths):.1f} ms a file)",
    )


def settled(database: Path) -> str:
    """Bring a cached database up to the attribution rule (once), as the window's worker would."""
    from jianfu.services.county_attribution import attribution_pending, rederive_pending

    db = open_database(database)
    try:
        if not attribution_pending(db):
            return ""
        start = time.perf_counter()
        rederive_pending(db, ChecklistLibrary(resources_dir() / "checklists"))
        return f"; brought up to the attribution rule in {time.perf_counter() - start:.0f} s"
    finally:
        db.close()


def main() -> int:
    townships = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    database, how = county_database(townships)
    how += settled(database)
    print(f"database of {townships} townships × 4 periods: {how}")
    # The window works on a copy: opening it must not change the cached database.
    work = database.with_name("window-" + database.name)
    shutil.copyfile(database, work)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(
        [sys.executable, "-c", WINDOW, str(work), str(REFRESHES)], capture_output=True, text=True, env=env, check=False
    )
    work.unlink(missing_ok=True)
    if result.returncode != 0:
        print(result.stderr)
        return 1
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    refreshes = sorted(figures["refreshes"])
    median = refreshes[len(refreshes) // 2]
    paints = sorted(figures["paints"])
    print(f"window opened with {figures['rows']} townships shown: first refresh {1000 * figures['first']:.0f} ms")
    print(
        f"refresh of every tab's data: median {1000 * median:.0f} ms (min {1000 * refreshes[0]:.0f}, "
        f"max {1000 * refreshes[-1]:.0f}); ratio to the 200 ms target {median / 0.2:.2f}x"
    )
    print(
        f"showing and painting one tab (Qt drawing the visible rows): median {1000 * paints[len(paints) // 2]:.0f} ms"
    )
    expand, items = 1000 * figures["expand"], figures["expanded_rows"]
    print(f"opening the biggest department's requests: {expand:.0f} ms ({items} items)")
    print(f"peak memory {figures['peak_mb']:.0f} MB; ratio to the 300 MB target {figures['peak_mb'] / 300:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
