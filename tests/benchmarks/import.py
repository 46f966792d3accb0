"""Import of N township files (1,000 by default) against a bare json.load + SQLite insert.

The bare baseline reads each file with json.load and inserts its answers, plan items and scores
in one transaction a file, with the same journal and synchronous settings as ours (WAL, FULL),
but checks nothing. Rounds are interleaved (bare, ours, bare, ours…), each into a fresh database,
and medians are compared on wall time. Target: ≤ 2×. The county window over a really imported
database is timed by county.py.

    python tests/benchmarks/import.py [N] [rounds]
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from helpers.county_files import county_files  # noqa: E402
from jianfu.core.library import ChecklistLibrary  # noqa: E402
from jianfu.paths import resources_dir  # noqa: E402
from jianfu.services.county_import import import_files  # noqa: E402
from jianfu.storage.database import open_database  # noqa: E402

CACHE = Path(os.environ.get("JIANFU_BENCH_CACHE", "/work/scratch/i12/bench"))


def files(count: int, library: ChecklistLibrary) -> list[Path]:
    folder = CACHE / f"import-files-{count}"
    if not (folder / "complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        county_files(folder, library, count, periods=1)
        (folder / "complete").touch()
    return sorted(folder.glob("*.jianfu"))


def bare_import(paths: list[Path], database: Path) -> float:
    conn = sqlite3.connect(str(database), isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE answers (file INTEGER, item TEXT, value TEXT)")
    conn.execute("CREATE TABLE plan (file INTEGER, key TEXT, problem TEXT, measure TEXT)")
    conn.execute("CREATE TABLE scores (file INTEGER, manifestation TEXT, score REAL)")
    start = time.perf_counter()
    for n, path in enumerate(paths):
        with path.open("rb") as handle:
            document = json.load(handle)
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO answers VALUES (?, ?, ?)",
            [(n, k, json.dumps(v["value"])) for k, v in document["answers"].items()],
        )
        conn.executemany(
            "INSERT INTO plan VALUES (?, ?, ?, ?)",
            [(n, p["key"], p["problem"], p["measure"]) for p in document["plan"]],
        )
        conn.executemany(
            "INSERT INTO scores VALUES (?, ?, ?)",
            [(n, m, s["score"]) for m, s in document["scores"]["manifestations"].items()],
        )
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def our_import(paths: list[Path], database: Path, library: ChecklistLibrary) -> float:
    db = open_database(database)
    start = time.perf_counter()
    summary = import_files(db, library, paths)
    elapsed = time.perf_counter() - start
    db.close()
    assert not summary.rejected, summary.rejected[:3]
    return elapsed


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    library = ChecklistLibrary(resources_dir() / "checklists")
    paths = files(count, library)
    our_import(paths[:20], Path(tempfile.mkdtemp()) / "warm.sqlite3", library)  # schema compiled once a session
    bare, ours = [], []
    with tempfile.TemporaryDirectory(dir=CACHE) as folder:
        for n in range(rounds):
            bare.append(bare_import(paths, Path(folder) / f"bare{n}.sqlite3"))
            ours.append(our_import(paths, Path(folder) / f"ours{n}.sqlite3", library))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare json.load + insert of {count} files: median {b:.2f} s ({', '.join(f'{x:.2f}' for x in bare)})")
    print(f"jianfu import: median {o:.2f} s ({1000 * o / count:.1f} ms a file; {', '.join(f'{x:.2f}' for x in ours)})")
    print(f"ratio {o / b:.2f}x (target ≤ 2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
