"""Imports are committed in batches with a savepoint per file: a kill mid-batch leaves whole
batches only, never part of a file, and importing the folder again brings in what it lost."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from helpers.county_files import county_files
from jianfu.services import county_import as importer
from jianfu.services.county_import import import_files
from jianfu.storage.county import Outcome
from jianfu.storage.database import open_database

IMPORTER = textwrap.dedent("""
    import sys
    import time
    from pathlib import Path
    from jianfu.core.library import ChecklistLibrary
    from jianfu.services import county_import as importer
    from jianfu.paths import resources_dir
    from jianfu.storage import county
    from jianfu.storage.database import open_database

    real_write_counts, calls = county.write_counts, []

    def write_counts_then_stall(conn, rows):  # the eleventh file: its rows half written, then killed
        real_write_counts(conn, rows)
        calls.append(1)
        if len(calls) == 11:
            print("in flight", flush=True)
            time.sleep(60)

    county.write_counts = write_counts_then_stall
    importer.BATCH_FILES, importer.BATCH_SECONDS = 4, 60.0
    library = ChecklistLibrary(resources_dir() / "checklists")
    files = sorted(Path(sys.argv[2]).glob("*.jianfu"))
    db = open_database(Path(sys.argv[1]))
    importer.import_files(db, library, files, lambda done, total: print(done, flush=True))
    print("finished", flush=True)
""")


@pytest.fixture(scope="module")
def township_files(tmp_path_factory, library) -> Path:
    folder = tmp_path_factory.mktemp("batch")
    county_files(folder, library, 24, periods=1)
    return folder


def stored(path: Path) -> tuple[int, int, int]:
    """(assessments, plan items, counted assessments) in the database at ``path``."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return (
            conn.execute("SELECT count(*) FROM assessments").fetchone()[0],
            conn.execute("SELECT count(*) FROM plan_items").fetchone()[0],
            conn.execute("SELECT count(DISTINCT assessment_id) FROM county_counts").fetchone()[0],
        )
    finally:
        conn.close()


def test_killed_during_a_file_keeps_whole_batches_and_a_second_import_completes(
    tmp_path: Path, library, township_files: Path
) -> None:
    database = tmp_path / "county.sqlite3"
    open_database(database).close()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    with subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(database), str(township_files)], stdout=subprocess.PIPE, text=True, env=env
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() == "in flight":  # two batches of four committed, the eleventh file half written
                break
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    assessments, plan_items, counted = stored(database)
    assert assessments == 8 and counted == 8  # the committed batches, nothing of the open one
    files = sorted(township_files.glob("*.jianfu"))
    assert plan_items == sum(len(json.loads(f.read_bytes())["plan"]) for f in files[:assessments])

    db = open_database(database)
    try:
        summary = import_files(db, library, files)
    finally:
        db.close()
    assert summary.count(Outcome.UNCHANGED) == assessments
    assert summary.count(Outcome.IMPORTED) == 24 - assessments
    assert stored(database)[0] == 24


def _failing_on_the_eighth(monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    monkeypatch.setattr(importer, "BATCH_FILES", 5)
    monkeypatch.setattr(importer, "BATCH_SECONDS", 600.0)  # a loaded machine must not close batches early
    real = importer.score_assessment
    calls = []

    def failing(checklist, answers):  # surfacing in the eighth file
        calls.append(1)
        if len(calls) == 8:
            raise error
        return real(checklist, answers)

    monkeypatch.setattr(importer, "score_assessment", failing)


def test_a_database_failing_in_a_batch_undoes_the_batch_in_flight_only(
    tmp_path: Path, library, township_files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _failing_on_the_eighth(monkeypatch, sqlite3.OperationalError("disk I/O error"))
    files = sorted(township_files.glob("*.jianfu"))
    db = open_database(tmp_path / "county.sqlite3")
    try:
        with pytest.raises(sqlite3.OperationalError):
            import_files(db, library, files)
        assert not db.conn.in_transaction
    finally:
        db.close()
    assert stored(tmp_path / "county.sqlite3")[0] == 5  # the first batch stands, the second is undone


def test_a_bug_on_one_file_in_a_batch_rejects_that_file_only(
    tmp_path: Path, library, township_files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _failing_on_the_eighth(monkeypatch, RuntimeError("bug"))
    files = sorted(township_files.glob("*.jianfu"))
    db = open_database(tmp_path / "county.sqlite3")
    try:
        summary = import_files(db, library, files)
        assert not db.conn.in_transaction
    finally:
        db.close()
    assert [p for p, _ in summary.rejected] == [files[7]] and "程序缺陷" in summary.rejected[0][1]
    assert stored(tmp_path / "county.sqlite3")[0] == len(files) - 1


def test_an_import_works_with_a_larger_page_cache_and_gives_the_usual_one_back(
    tmp_path: Path, library, township_files: Path
) -> None:
    db = open_database(tmp_path / "county.sqlite3")
    usual = db.conn.execute("PRAGMA cache_size").fetchone()[0]
    during: list[int] = []
    files = sorted(township_files.glob("*.jianfu"))
    summary = import_files(db, library, files, lambda done, total: during.append(cache_size(db.conn)))
    assert summary.count(Outcome.IMPORTED) == len(files)
    assert set(during[:-1]) == {-importer.IMPORT_CACHE_KIB}  # while each file is imported
    assert during[-1] == cache_size(db.conn) == usual  # the final report comes after the import
    db.close()


def cache_size(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA cache_size").fetchone()[0])
