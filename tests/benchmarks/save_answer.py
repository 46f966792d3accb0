"""Time to save one answer (p50/p99) and to score a full assessment.

Ratios are against baselines measured in the same run, because these machines are noisy:
saving is compared with a bare SQLite upsert under the same pragmas; scoring with reading
the same answers as plain JSON. Target: saving one answer p99 under 20 ms.

    python tests/benchmarks/save_answer.py
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from jianfu.core.answers import Answer
from jianfu.core.assessment import Period, Township
from jianfu.core.library import ChecklistLibrary
from jianfu.core.scoring import score_assessment
from jianfu.exchange.demo import sample_township_assessment
from jianfu.paths import resources_dir
from jianfu.storage.assessments import AssessmentStore
from jianfu.storage.database import open_database

ROUNDS = 500


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def bare_upserts(path: Path) -> list[float]:
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE answers (a INTEGER, item TEXT, value TEXT, PRIMARY KEY (a, item))")
    samples = []
    for n in range(ROUNDS):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO answers VALUES (1, ?, ?) ON CONFLICT (a, item) DO UPDATE SET value = excluded.value",
            (f"item{n % 60}", json.dumps(n)),
        )
        conn.execute("COMMIT")
        samples.append(time.perf_counter() - start)
    conn.close()
    return samples


def jianfu_saves(path: Path, library: ChecklistLibrary) -> list[float]:
    checklist = library.latest()
    store = AssessmentStore(open_database(path))
    aid = store.create_assessment(Township("柳河镇", "519901101000"), Period("2026-Q4"), checklist)
    numbers = [i for i in checklist.items() if i.type.value == "number" and i.maximum and i.maximum >= 60]
    samples = []
    for n in range(ROUNDS):
        item = numbers[n % len(numbers)]
        start = time.perf_counter()
        store.save_answer(aid, checklist, item.id, Answer(1 + n % 59))
        samples.append(time.perf_counter() - start)
    store.db.conn.close()
    return samples


def main() -> int:
    library = ChecklistLibrary(resources_dir() / "checklists")
    with tempfile.TemporaryDirectory() as folder:
        bare = bare_upserts(Path(folder) / "bare.sqlite3")
        ours = jianfu_saves(Path(folder) / "jianfu.sqlite3", library)
    for name, samples in (("bare SQLite upsert", bare), ("jianfu save_answer", ours)):
        print(
            f"{name:22s} p50 {1000 * statistics.median(samples):7.3f} ms   "
            f"p99 {1000 * percentile(samples, 0.99):7.3f} ms"
        )
    print(
        f"ratio p50 {statistics.median(ours) / statistics.median(bare):.2f}x   "
        f"p99 {percentile(ours, 0.99) / percentile(bare, 0.99):.2f}x   (target: p99 < 20 ms)"
    )

    assessment, _ = sample_township_assessment(library)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    raw = json.dumps({k: a.value for k, a in assessment.answers.items()}, ensure_ascii=False)
    runs = 200
    start = time.perf_counter()
    for _ in range(runs):
        json.loads(raw)
    baseline = (time.perf_counter() - start) / runs
    start = time.perf_counter()
    for _ in range(runs):
        score_assessment(checklist, assessment.answers)
    scoring = (time.perf_counter() - start) / runs
    print(
        f"score a full assessment ({len(assessment.answers)} answers, {len(checklist.rules)} rules): "
        f"{1000 * scoring:.3f} ms; json.loads of the same answers {1000 * baseline:.3f} ms; "
        f"ratio {scoring / baseline:.1f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
