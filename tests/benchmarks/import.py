"""Import of N township files (1,000 by default) against a bare json.load + SQLite insert.

The files are signed, each township with its own key, as the wizard exports them. The bare
baseline reads each file with json.load and inserts the same data (the file's header, every
answer with its 不适用 flag and note, every plan item field, every score) into tables with the
same kind of keys (a primary key per row, the checksum unique), and commits exactly as ours
does: WAL, synchronous=FULL, the same page cache, one transaction per ``BATCH_FILES`` files or
``BATCH_SECONDS``.
It checks nothing, scores nothing, keeps no copy of the file and no county totals: that is
what the ratio measures. Rounds are interleaved (bare, ours, bare, ours…), each into a fresh
database, and medians are compared on wall time (the target: ≤ 2×) and, because the machine
may be shared, on this process's CPU time too (the disk's waits are in wall time only). The
county window over a really imported database is timed by county.py.

Then each phase of a file's import is timed on its own, the steps of ``parse_assessment_bytes``
and ``store_import`` called one by one in their order (same files, one transaction a batch as
the import commits), and the bare baseline split into json.load and the inserts: per-phase
medians of ``PHASE_ROUNDS`` passes, in ms a file, to show where the ratio comes from.

    python tests/benchmarks/import.py [N] [rounds]

The generated files are kept in ``$JIANFU_BENCH_CACHE`` (default: the temporary folder).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from helpers.county_files import county_files  # noqa: E402
from jianfu.core.carry import carry_assessment  # noqa: E402
from jianfu.core.library import ChecklistLibrary  # noqa: E402
from jianfu.core.plan import rederive_departments  # noqa: E402
from jianfu.core.scoring import score_assessment  # noqa: E402
from jianfu.exchange import assessment_file as af  # noqa: E402
from jianfu.exchange import strict_json  # noqa: E402
from jianfu.exchange.canonical import canonical_text_of_parsed  # noqa: E402
from jianfu.paths import resources_dir  # noqa: E402
from jianfu.services.county_import import BATCH_FILES, BATCH_SECONDS, IMPORT_CACHE_KIB, import_files  # noqa: E402
from jianfu.storage.county import CountyStore  # noqa: E402
from jianfu.storage.database import open_database  # noqa: E402

CACHE = Path(os.environ.get("JIANFU_BENCH_CACHE") or Path(tempfile.gettempdir()) / "jianfu-bench")
PHASE_ROUNDS = 3


def files(count: int, library: ChecklistLibrary) -> list[Path]:
    folder = CACHE / f"import-signed-files-{count}"
    if not (folder / "complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        county_files(folder, library, count, periods=1, signed=True)
        (folder / "complete").touch()
    return sorted(folder.glob("*.jianfu"))


BARE_SCHEMA = (
    "CREATE TABLE files (id INTEGER PRIMARY KEY, division_code TEXT, period TEXT, township TEXT, county TEXT,"
    " checklist_id TEXT, checklist_version INTEGER, base_date TEXT, updated_at TEXT, exported_at TEXT,"
    " sha256 TEXT UNIQUE)",
    "CREATE TABLE answers (file INTEGER, item TEXT, value TEXT, not_applicable INTEGER, note TEXT,"
    " PRIMARY KEY (file, item))",
    "CREATE TABLE plan (file INTEGER, key TEXT, rule_id TEXT, position INTEGER, problem TEXT, measure TEXT,"
    " handling TEXT, responsible_unit TEXT, responsible_person TEXT, deadline TEXT, department TEXT,"
    " status TEXT, rejected INTEGER, triggered INTEGER, edited TEXT, PRIMARY KEY (file, key))",
    "CREATE TABLE scores (file INTEGER, manifestation TEXT, score REAL, level TEXT, PRIMARY KEY (file, manifestation))",
)


def bare_import(paths: list[Path], database: Path, phases: dict[str, float] | None = None) -> tuple[float, float]:
    conn = sqlite3.connect(str(database), isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")  # the page cache ours imports with
    for statement in BARE_SCHEMA:
        conn.execute(statement)
    start, cpu = time.perf_counter(), time.process_time()
    batch_started, in_batch = start, 0
    for n, path in enumerate(paths):
        loading = time.perf_counter()
        with path.open("rb") as handle:
            d = json.load(handle)
        inserting = time.perf_counter()
        if not conn.in_transaction:
            conn.execute("BEGIN IMMEDIATE")
            batch_started, in_batch = time.perf_counter(), 0
        t = d["township"]
        conn.execute(
            "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (n, t["division_code"], d["period"], t["name"], t["county"], d["checklist"]["id"],
             d["checklist"]["version"], d["base_date"], d["updated_at"], d["exported_at"], d["sha256"]),
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO answers VALUES (?, ?, ?, ?, ?)",
            [(n, k, json.dumps(v["value"]), v["not_applicable"], v["note"]) for k, v in d["answers"].items()],
        )
        conn.executemany(
            "INSERT INTO plan VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (n, p["key"], p["rule_id"], i, p["problem"], p["measure"], p["handling"], p["responsible_unit"],
                 p["responsible_person"], p["deadline"], p["department"], p["status"], p["rejected"],
                 p["triggered"], json.dumps(p["edited"]))
                for i, p in enumerate(d["plan"])
            ],
        )  # fmt: skip
        scores = d["scores"]
        conn.executemany(
            "INSERT INTO scores VALUES (?, ?, ?, ?)",
            [(n, m, s["score"], s["level"]) for m, s in scores["manifestations"].items()]
            + [(n, "overall", scores["overall"]["score"], scores["overall"]["level"])],
        )
        in_batch += 1
        if in_batch >= BATCH_FILES or time.perf_counter() - batch_started >= BATCH_SECONDS:
            conn.execute("COMMIT")
        if phases is not None:
            phases["json.load"] += inserting - loading
            phases["inserts"] += time.perf_counter() - inserting
    if conn.in_transaction:
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - start, time.process_time() - cpu
    conn.close()
    return elapsed


def our_import(paths: list[Path], database: Path, library: ChecklistLibrary) -> tuple[float, float]:
    db = open_database(database)
    start, cpu = time.perf_counter(), time.process_time()
    summary = import_files(db, library, paths)
    elapsed = time.perf_counter() - start, time.process_time() - cpu
    db.close()
    assert not summary.rejected, summary.rejected[:3]
    return elapsed


def our_phases(paths: list[Path], database: Path, library: ChecklistLibrary) -> dict[str, float]:
    """Seconds spent in each phase of importing ``paths``: the reader's and the store's steps one
    by one, in ``parse_assessment_bytes``' and ``county_import._store``'s order (the file read
    must equal what it returns)."""
    spent: dict[str, float] = {}

    def timed(phase: str, step: Callable[..., Any], *args: Any) -> Any:
        started = time.perf_counter()
        result = step(*args)
        spent[phase] = spent.get(phase, 0.0) + time.perf_counter() - started
        return result

    def schema(document: Any, path: Path) -> None:
        af._check_envelope(document, path)
        assert strict_json.check_sizes(document) is None
        af._check_schema(document, path)

    db = open_database(database)
    db.conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")  # as import_files does
    county = CountyStore(db)
    store = "store (SQL, history copy, totals)"
    for n, path in enumerate(paths):
        raw = timed("read (open, read)", path.read_bytes)
        document = timed("strict JSON (decode, parse)", lambda data: strict_json.loads(data.decode("utf-8")), raw)
        timed("envelope, sizes, schema", schema, document, path)
        canonical = timed("canonical text", lambda d: canonical_text_of_parsed(af._signed_content(d)), document)
        serialised = canonical + af._unsigned_text(document)
        assert timed("text and dates", strict_json.check_text_and_dates, document, serialised) is None
        content = canonical.encode("utf-8")
        assert timed("SHA-256", lambda data: hashlib.sha256(data).hexdigest(), content) == document["sha256"]
        signature = timed("Ed25519 signature", af._check_signature, document, content, path)
        read = timed("answers checked, objects", af._to_assessment_file, document, raw, path, library, signature)
        if n < 3:
            assert read == af.parse_assessment_bytes(raw, path, library)
        assessment = timed("carry to latest version", carry_assessment, library, read.assessment)
        checklist = library.get(assessment.checklist_id, assessment.checklist_version)
        result = timed("score", score_assessment, checklist, assessment.answers)
        plan = timed(
            "departments redrafted", rederive_departments, assessment.plan, result, checklist.plan_min_intensity
        )
        assessment = replace(assessment, plan=plan)
        if n % BATCH_FILES == 0:
            db.conn.execute("BEGIN IMMEDIATE")
        timed(store, county.store_import, replace(read, assessment=assessment), checklist, result, path.name)
        if n % BATCH_FILES == BATCH_FILES - 1 or n == len(paths) - 1:
            timed(store, db.conn.execute, "COMMIT")
    db.close()
    return spent


def print_phases(count: int, bare: list[dict[str, float]], ours: list[dict[str, float]]) -> None:
    for label, rounds in (("bare", bare), ("jianfu", ours)):
        total = 0.0
        for phase in rounds[0]:
            ms = 1000 * statistics.median(r[phase] for r in rounds) / count
            total += ms
            print(f"phase: {label:6s} {phase:36s} {ms:6.3f} ms a file")
        print(f"phase: {label:6s} {'sum of the phases':36s} {total:6.3f} ms a file")


def _each(results: list[tuple[float, float]], n: int) -> str:
    return ", ".join(f"{r[n]:.2f}" for r in results)


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
        bare_phases: list[dict[str, float]] = []
        our_phase_rounds: list[dict[str, float]] = []
        for n in range(PHASE_ROUNDS):
            bare_phases.append({"json.load": 0.0, "inserts": 0.0})
            bare_import(paths, Path(folder) / f"bare-phases{n}.sqlite3", bare_phases[-1])
            our_phase_rounds.append(our_phases(paths, Path(folder) / f"ours-phases{n}.sqlite3", library))
    print_phases(count, bare_phases, our_phase_rounds)
    for label, n in (("wall", 0), ("CPU", 1)):
        b, o = statistics.median(r[n] for r in bare), statistics.median(r[n] for r in ours)
        print(f"{label}: bare json.load + insert of {count} files: median {b:.2f} s ({_each(bare, n)})")
        print(f"{label}: jianfu import: median {o:.2f} s ({1000 * o / count:.1f} ms a file; {_each(ours, n)})")
        print(f"{label}: ratio {o / b:.2f}x")
    print(f"target: wall ≤ 2x; load average {os.getloadavg()[0]:.2f} at the end, {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
