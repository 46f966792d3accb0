"""What a county import stores does not depend on how its files are batched: a folder holding new
files, newer files replacing them in the same batch, files held for another key or for being
unsigned, an older file and a tampered one leaves every table with the same rows whether the
files are committed one a transaction or all in one batch with a savepoint each."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from helpers.county_files import county_files
from jianfu.core.assessment import Period, Township
from jianfu.exchange.assessment_file import to_document, write_assessment_file
from jianfu.exchange.demo import sample_assessments
from jianfu.exchange.signing import Signer
from jianfu.services import county_import
from jianfu.services.county_import import collect_files, import_files
from jianfu.storage.county import Outcome
from jianfu.storage.database import open_database

STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}")  # now(): when a row was stored, not what


@pytest.fixture(scope="module")
def folders(tmp_path_factory, library) -> list[Path]:
    base = tmp_path_factory.mktemp("contents")
    first, second = base / "first", base / "second"
    county_files(first, library, 8, periods=2, signed=True)
    second.mkdir()
    pairs = sample_assessments(library)

    def write(n: int, pair: int, key: str | None, sequence: int, name: str) -> None:
        assessment, result = pairs[pair % len(pairs)]
        township = Township(f"测试镇{n}", f"5199{n // 1000:02d}{n % 1000:03d}000", "测试县")
        copy = replace(assessment, township=township, period=Period("2026-Q4"))
        signer = None if key is None else Signer(hashlib.sha256(key.encode()).digest(), sequence)
        write_assessment_file(second / name, to_document(copy, result, "2026-12-31T10:00:00", signer=signer))

    for n in range(3):
        write(n, n + 3, f"key {n}", 5, f"newer{n}.jianfu")  # replaces a file of the first folder
    write(3, 1, "another key", 5, "held.jianfu")
    write(4, 2, f"key {4}", 1, "older.jianfu")  # the first folder's Q4 file is sequence 2
    write(5, 2, None, 0, "unsigned.jianfu")  # unsigned once the township has a key: held
    write(20, 2, None, 0, "new-unsigned.jianfu")
    tampered = (first / "t6-2026-Q4.jianfu").read_text(encoding="utf-8").replace("测试镇6", "测试镇X", 1)
    (second / "tampered.jianfu").write_text(tampered, encoding="utf-8")
    return [first, second]


def stored_rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {table: sorted(map(_masked, conn.execute(f"SELECT * FROM {table}")), key=repr) for table in tables}
    finally:
        conn.close()


def _masked(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(STAMP.sub("<now>", v) if isinstance(v, str) else v for v in row)


def test_one_batch_stores_what_one_transaction_a_file_stores(
    tmp_path: Path, library, folders: list[Path], monkeypatch
) -> None:
    files = collect_files(folders[:1]) + collect_files(folders[1:])
    summaries, contents = [], []
    for batch in (1, 1000):
        monkeypatch.setattr(county_import, "BATCH_FILES", batch)
        monkeypatch.setattr(county_import, "BATCH_SECONDS", 600.0)
        path = tmp_path / f"batch{batch}.sqlite3"
        db = open_database(path)
        summary = import_files(db, library, files)
        again = import_files(db, library, collect_files(folders[1:]))  # nothing new: unchanged or held
        db.close()
        summaries.append(
            (
                {o: [p.name for p in ps] for o, ps in summary.outcomes.items()},
                [(p.name, r) for p, r in summary.rejected],
                {o: [p.name for p in ps] for o, ps in again.outcomes.items()},
            )
        )
        contents.append(stored_rows(path))
    assert summaries[0] == summaries[1]
    outcomes, rejected, again_outcomes = summaries[0]
    assert not again_outcomes[Outcome.IMPORTED] and not again_outcomes[Outcome.UPDATED]
    assert {o.name: len(ps) for o, ps in outcomes.items()} == {
        "IMPORTED": 17, "UPDATED": 3, "UNCHANGED": 0, "OLDER": 1, "HELD": 2,
    }  # fmt: skip
    assert [name for name, _ in rejected] == ["tampered.jianfu"]
    assert contents[0].keys() == contents[1].keys()
    for table in contents[0]:
        assert contents[0][table] == contents[1][table], table
    # the replaced assessments' rows went, their history stays; the totals are their rows' sums
    assert len(contents[0]["assessments"]) == 17
    assert len(contents[0]["assessment_history"]) == 21
    conn = sqlite3.connect(tmp_path / "batch1000.sqlite3")
    grouped = conn.execute(
        "SELECT period, kind, key, name, count(*), sum(n) FROM county_counts GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"
    ).fetchall()
    assert grouped == conn.execute("SELECT * FROM count_totals ORDER BY 1, 2, 3, 4").fetchall()
    conn.close()
