"""The county keeps each imported assessment's completeness counts (answered, 不适用, missing)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jianfu.core.assessment import Period
from jianfu.core.scoring import score_assessment
from jianfu.exchange.assessment_file import checksum, read_assessment_file, write_assessment_file
from jianfu.exchange.demo import write_demo
from jianfu.services.county_import import collect_files, import_files
from jianfu.storage.county import CountyStore
from jianfu.storage.database import open_database

Q4 = Period("2026-Q4")


@pytest.fixture
def county_db(tmp_path: Path):
    db = open_database(tmp_path / "county.sqlite3")
    yield db
    db.close()


def test_overview_rows_carry_the_completeness_counts(county_db, library, tmp_path: Path) -> None:
    directory = tmp_path / "demo"
    write_demo(directory, library)
    first = sorted(directory.iterdir())[0]
    # one township leaves a required item blank and marks another 不适用 without a reason
    document = json.loads(first.read_text(encoding="utf-8"))
    document["answers"].pop("meetings.per_month")
    document["answers"]["meetings.documents_per_month"] = {"value": None, "not_applicable": True, "note": ""}
    document.pop("signature")  # changed here: left unsigned (a first file, so it is imported, marked 未签名)
    document["sha256"] = checksum(document)
    write_assessment_file(first, document)

    summary = import_files(county_db, library, collect_files([directory]))
    assert not summary.rejected
    rows = {r.township: r for r in CountyStore(county_db).overview(Period(document["period"]))}
    for path in directory.iterdir():
        content = read_assessment_file(path, library)
        a = content.assessment
        if a.period.code != document["period"]:
            continue
        expected = score_assessment(library.get(a.checklist_id, a.checklist_version), a.answers).completeness
        counts = rows[a.township.name].completeness
        assert counts is not None
        assert (counts.answered, counts.required_missing, counts.not_applicable) == (
            expected.answered,
            expected.required_missing,
            expected.not_applicable,
        )
        assert counts.not_applicable_without_reason == expected.not_applicable_without_reason
        assert counts.summary() == expected.summary()
    edited = rows[document["township"]["name"]].completeness
    assert edited is not None and not edited.complete
    assert edited.required_missing >= 1 and edited.not_applicable_without_reason == 1
    assert "其中1题未说明实际理由" in edited.summary()
    assert all(
        r.completeness and r.completeness.complete for r in rows.values() if r is not rows[document["township"]["name"]]
    )
