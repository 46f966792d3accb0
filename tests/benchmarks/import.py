"""County import and overview speed.

1. Import N generated township files (N = 1,000 by default) against a bare baseline measured in
   the same run: json.load of each file plus one SQLite insert of its answers, scores and plan
   rows (no checks). Target ≤ 2×.
2. Refresh the county overview (and the department view) over 40,000 stored assessments.
   Target < 200 ms.

    python tests/benchmarks/import.py [N]
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from jianfu.core.assessment import Period, Township
from jianfu.core.library import ChecklistLibrary
from jianfu.exchange.assessment_file import to_document, write_assessment_file
from jianfu.exchange.demo import load_sample_county, sample_assessments
from jianfu.paths import resources_dir
from jianfu.services.county_import import import_files
from jianfu.storage.county import CountyStore
from jianfu.storage.database import open_database, transaction


def generate(folder: Path, library: ChecklistLibrary, count: int) -> list[Path]:
    """``count`` distinct township files made from the sample assessments."""
    pairs = sample_assessments(library)
    paths = []
    for n in range(count):
        assessment, result = pairs[n % len(pairs)]
        township = Township(f"测试镇{n}", f"5199{n // 1000:02d}{n % 1000:03d}000", "测试县")
        copy = replace(assessment, township=township)
        path = folder / f"t{n}.jianfu"
        write_assessment_file(path, to_document(copy, result, exported_at="2027-01-01T09:00:00"))
        paths.append(path)
    return paths


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


def fill_40k(database: Path, library: ChecklistLibrary) -> CountyStore:
    """40,000 assessments: 10,000 townships × 4 periods, scores and burdens as import stores them."""
    db = open_database(database)
    rng = random.Random(1)
    periods = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    with transaction(db.conn):
        db.conn.executemany(
            "INSERT INTO townships (id, division_code, name, county, created_at) VALUES (?, ?, ?, ?, ?)",
            [(t, f"{510000000000 + t * 1000}", f"镇{t}", "测试县", "2026") for t in range(10_000)],
        )
        assessment_rows, score_rows, burden_rows = [], [], []
        aid = 0
        for t in range(10_000):
            for period in periods:
                aid += 1
                summary = {}
                for m in (
                    "trace_alienation",
                    "platform_formalism",
                    "filing_redundancy",
                    "algorithm_centrism",
                    "overall",
                ):
                    score = rng.uniform(0, 100)
                    summary[m] = [score, "moderate"]
                    score_rows.append((aid, m, score, "moderate", "x"))
                assessment_rows.append(
                    (
                        aid,
                        t,
                        period,
                        "township-selfcheck",
                        1,
                        "2026-12-31",
                        "x",
                        "x",
                        rng.uniform(10, 120),
                        f"sha{aid}",
                        80,
                        85,
                        *(v for pair in summary.values() for v in pair),
                    )
                )
                for d in rng.sample(range(40), 12):
                    burden_rows.append(
                        (aid, period, f"dept{d}", f"县部门{d}", 2, 1, 0, 1, 0, 3, 2, rng.uniform(0, 500))
                    )
        db.conn.executemany(
            "INSERT INTO assessments (id, township_id, period, checklist_id, checklist_version, base_date, created_at,"
            " updated_at, fingertip_hours, content_sha256, answered, asked, score_trace_alienation,"
            " level_trace_alienation, score_platform_formalism, level_platform_formalism, score_filing_redundancy,"
            " level_filing_redundancy, score_algorithm_centrism, level_algorithm_centrism, score_overall,"
            " level_overall) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            assessment_rows,
        )
        db.conn.executemany("INSERT INTO scores VALUES (?, ?, ?, ?, ?)", score_rows)
        db.conn.executemany("INSERT INTO department_burdens VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", burden_rows)
    db.conn.execute("ANALYZE")
    return CountyStore(db)


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    library = ChecklistLibrary(resources_dir() / "checklists")
    load_sample_county()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        paths = generate(folder / "files" if (folder / "files").mkdir() is None else folder, library, count)
        bare = bare_import(paths, folder / "bare.sqlite3")
        db = open_database(folder / "county.sqlite3")
        start = time.perf_counter()
        summary = import_files(db, library, paths)
        ours = time.perf_counter() - start
        db.close()
        assert len(summary.rejected) == 0, summary.rejected[:3]
        print(
            f"import {count} files: jianfu {ours:.2f} s ({1000 * ours / count:.1f} ms a file); "
            f"bare json.load + insert {bare:.2f} s; ratio {ours / bare:.2f}x (target ≤ 2x)"
        )

        county = fill_40k(folder / "big.sqlite3", library)
        timings = []
        for _ in range(5):
            start = time.perf_counter()
            rows = county.overview(Period("2026-Q4"))
            timings.append(time.perf_counter() - start)
        dept = []
        for _ in range(5):
            start = time.perf_counter()
            departments = county.departments(Period("2026-Q4"))
            dept.append(time.perf_counter() - start)
        print(
            f"overview of 2026-Q4 over 40,000 assessments ({len(rows)} rows, with change since Q3): "
            f"{1000 * min(timings):.0f} ms best, {1000 * sorted(timings)[2]:.0f} ms median (target < 200 ms)"
        )
        print(
            f"department attribution over the same ({len(departments)} departments): "
            f"{1000 * sorted(dept)[2]:.0f} ms median"
        )
        county.db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
