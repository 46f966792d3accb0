"""A table answered "none" in the assessment file: written only when set, read strictly, and
seen by the county; old files (without it, or with 不适用 on a table) still import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jianfu.core.answers import Answer
from jianfu.core.assessment import Assessment
from jianfu.core.library import ChecklistLibrary
from jianfu.core.scoring import score_assessment
from jianfu.exchange.assessment_file import (
    AssessmentFileError,
    checksum,
    parse_assessment_bytes,
    read_assessment_file,
    to_document,
    write_assessment_file,
)
from jianfu.exchange.demo import sample_assessments
from jianfu.services.county_import import collect_files, import_files
from jianfu.storage.county import CountyStore
from jianfu.storage.database import open_database

EXPORTED = "2027-01-01T09:00:00"


def _light(library: ChecklistLibrary) -> Assessment:
    """A demo township whose filing table is answered "none" and the rest agrees with it."""
    assessment = next(a for a, _ in sample_assessments(library) if a.period.code == "2026-Q4")
    answers = {
        **assessment.answers,
        "filing.tasks": Answer([], declared_none=True),
        "filing.report_items_per_year": Answer(0),
        "filing.practices": Answer(["none"]),
    }
    return Assessment(
        assessment.township,
        assessment.period,
        assessment.checklist_id,
        assessment.checklist_version,
        assessment.base_date,
        answers,
        assessment.plan,
        assessment.updated_at,
    )


def _write(library: ChecklistLibrary, assessment: Assessment, path: Path) -> Path:
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    write_assessment_file(path, to_document(assessment, score_assessment(checklist, assessment.answers), EXPORTED))
    return path


def test_none_is_written_only_when_set_and_read_back(library: ChecklistLibrary, tmp_path: Path) -> None:
    assessment = _light(library)
    path = _write(library, assessment, tmp_path / "a.jianfu")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["answers"]["filing.tasks"] == {
        "value": [],
        "not_applicable": False,
        "note": "",
        "declared_none": True,
    }
    assert "declared_none" not in document["answers"]["apps.inventory"]  # absent, not false
    read = read_assessment_file(path, library).assessment
    assert read.answers["filing.tasks"] == Answer([], declared_none=True)
    assert read == assessment


def _edited(library: ChecklistLibrary, tmp_path: Path, change: object) -> Path:
    path = _write(library, _light(library), tmp_path / "a.jianfu")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert callable(change)
    change(document["answers"])
    document["sha256"] = checksum(document)  # unsigned and re-checksummed: only the reader's rules catch it
    write_assessment_file(path, document)
    return path


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda a: a["filing.tasks"].update(declared_none=False), "含有格式中没有的字段|取值不对"),
        (lambda a: a["filing.tasks"].update(declared_none="yes"), "取值不对|数据类型不对"),
        (lambda a: a["filing.report_items_per_year"].update(declared_none=True), "没有“没有（本表无内容）”"),
        (lambda a: a["apps.inventory"].update(declared_none=True), "先删除各行"),
        (lambda a: a["filing.tasks"].update(not_applicable=True, note="县里统一报送"), "不能同时"),
    ],
)
def test_the_reader_refuses_none_where_it_cannot_be(
    library: ChecklistLibrary, tmp_path: Path, change: object, words: str
) -> None:
    path = _edited(library, tmp_path, change)
    with pytest.raises(AssessmentFileError, match=words):
        read_assessment_file(path, library)


def test_an_old_file_with_not_applicable_on_a_table_still_imports_flagged(
    library: ChecklistLibrary, tmp_path: Path
) -> None:
    """Written before "none" existed: 不适用 with a reason on the inventory of 高坪镇. It reads,
    scores as answered, and the county sees the flag and the contradiction (no level)."""
    gaming = next(
        a for a, _ in sample_assessments(library) if a.township.name == "高坪镇" and a.period.code == "2026-Q4"
    )
    rows = gaming.answers["apps.inventory"].value
    answers = {**gaming.answers, "apps.inventory": Answer(rows, True, "本镇所用平台均为县里统一部署，不另行列出")}
    old = Assessment(
        gaming.township,
        gaming.period,
        gaming.checklist_id,
        gaming.checklist_version,
        gaming.base_date,
        answers,
        gaming.plan,
        gaming.updated_at,
    )
    path = _write(library, old, tmp_path / "高坪镇.jianfu")
    assert b"declared_none" not in path.read_bytes()  # exactly what the earlier version wrote
    assert read_assessment_file(path, library).assessment.answers["apps.inventory"].not_applicable
    _write(library, _light(library), tmp_path / "light.jianfu")
    db = open_database(tmp_path / "county.sqlite3")
    report = import_files(db, library, collect_files([tmp_path]))
    assert not report.rejected, report.rejected
    county = CountyStore(db)
    rows = {r.township: r for r in county.overview(gaming.period)}
    flagged = rows["高坪镇"]
    assert flagged.overall_level == "incomplete"
    assert flagged.completeness is not None and not flagged.completeness.complete
    assert (flagged.completeness.table_not_applicable, flagged.completeness.inconsistent) == (1, 1)
    summary = flagged.completeness.summary()
    assert "1张表格标为不适用" in summary and "作答前后矛盾1处" in summary
    light = rows[_light(library).township.name]
    assert light.completeness is not None
    assert (light.completeness.table_not_applicable, light.completeness.inconsistent) == (0, 0)
    stored = county.assessments.load(light.assessment_id)  # the drill-down reads this
    assert stored.answers["filing.tasks"] == Answer([], declared_none=True)
    assert county.assessments.load(flagged.assessment_id).answers["apps.inventory"].not_applicable


def test_a_file_without_none_reads_byte_identically(library: ChecklistLibrary, tmp_path: Path) -> None:
    assessment = next(a for a, _ in sample_assessments(library) if a.period.code == "2026-Q4")
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    document = to_document(assessment, score_assessment(checklist, assessment.answers), EXPORTED)
    raw = json.dumps(document, ensure_ascii=False).encode("utf-8")
    assert b"declared_none" not in raw
    assert parse_assessment_bytes(raw, "x.jianfu", library).assessment == assessment
