from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.strategies import answers_for
from jianfu.core.assessment import Assessment, Period, Township
from jianfu.core.library import ChecklistLibrary
from jianfu.core.plan import draft_plan
from jianfu.core.scoring import score_assessment
from jianfu.exchange.assessment_file import (
    FORMAT_VERSION,
    MAX_FILE_BYTES,
    AssessmentFileError,
    checksum,
    parse_assessment_bytes,
    read_assessment_file,
    to_document,
    write_assessment_file,
)
from jianfu.exchange.demo import sample_assessments, write_demo


def _assessment(checklist, answers) -> tuple[Assessment, object]:
    result = score_assessment(checklist, answers)
    base = dt.date(2026, 12, 31)
    plan = draft_plan(result, base)
    assessment = Assessment(
        Township("柳河镇", "519901101000", "云溪县"),
        Period("2026-Q4"),
        checklist.id,
        checklist.version,
        base,
        answers,
        plan,
        "2026-12-31T17:00:00",
    )
    return assessment, result


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_export_then_read_is_identical(checklist, library: ChecklistLibrary, data) -> None:
    answers = data.draw(answers_for(checklist))
    assessment, result = _assessment(checklist, answers)
    document = to_document(assessment, result, exported_at="2027-01-01T09:00:00")
    raw = json.dumps(document, ensure_ascii=False).encode("utf-8")
    read = parse_assessment_bytes(raw, "x.jianfu", library)
    assert read.assessment == assessment
    assert read.scores == result.to_json()
    assert to_document(read.assessment, result, exported_at="2027-01-01T09:00:00") == document


@pytest.fixture(scope="module")
def good_file(tmp_path_factory, library) -> Path:
    directory = tmp_path_factory.mktemp("demo")
    return write_demo(directory, library)[0]


def _rejects(path: Path, library, *fragments: str) -> str:
    with pytest.raises(AssessmentFileError) as info:
        read_assessment_file(path, library)
    message = str(info.value)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message
    return message


def test_demo_file_reads(good_file: Path, library) -> None:
    content = read_assessment_file(good_file, library)
    assert content.assessment.township.county == "云溪县"


def test_one_changed_byte_is_rejected(good_file: Path, library, tmp_path: Path) -> None:
    raw = bytearray(good_file.read_bytes())
    position = raw.index(b'"minutes_per_day": ') + len(b'"minutes_per_day": ')
    raw[position] = ord("9") if raw[position] != ord("9") else ord("8")
    tampered = tmp_path / "tampered.jianfu"
    tampered.write_bytes(bytes(raw))
    _rejects(tampered, library, "校验码")


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "空"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (b"not json at all", "不是减负助手的自查文件（内容不是 JSON 格式）"),
        (b"root:x:0:0:root:/root:/bin/bash\n", "不是减负助手的自查文件（内容不是 JSON 格式）"),
        (b'\xef\xbb\xbf{"format": ', "不是完整的 JSON（第1行第12列：此处缺少内容"),  # a BOM is read; the rest is cut
        (b"[" * 100_000 + b"]" * 100_000, "嵌套"),
        (b'{"format": "something-else"}', "不是减负助手"),
        (b'{"format": "jianfu-assessment", "format_version": 99}', "更新版本"),
        (b'{"format": "jianfu-assessment", "format_version": 1, "answers": "lots"}', "不符合文件格式"),
        (b'{"a": NaN}', "NaN"),
    ],
)
def test_bad_files_are_rejected_in_chinese(tmp_path: Path, library, content: bytes, fragment: str) -> None:
    path = tmp_path / "bad.jianfu"
    path.write_bytes(content)
    _rejects(path, library, fragment)


def test_truncated_file_is_rejected(good_file: Path, library, tmp_path: Path) -> None:
    path = tmp_path / "truncated.jianfu"
    path.write_bytes(good_file.read_bytes()[:-200])
    _rejects(path, library, "JSON")


def test_oversized_file_is_rejected_before_reading(tmp_path: Path, library) -> None:
    path = tmp_path / "huge.jianfu"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    _rejects(path, library, "过大")


def _resigned(good_file: Path, tmp_path: Path, change) -> Path:
    """A file changed and re-checksummed: only the later checks can catch it."""
    document = json.loads(good_file.read_text(encoding="utf-8"))
    change(document)
    document.pop("signature")  # unsigned: the signature would catch the change first
    document["sha256"] = checksum(document)
    path = tmp_path / "resigned.jianfu"
    write_assessment_file(path, document)
    return path


def test_wrong_types_are_rejected_even_with_a_valid_checksum(good_file, library, tmp_path) -> None:
    def change(doc):
        doc["answers"]["profile.cadre_count"]["value"] = "forty"

    _rejects(_resigned(good_file, tmp_path, change), library, "profile.cadre_count")


def test_unknown_checklist_version_is_rejected(good_file, library, tmp_path) -> None:
    def change(doc):
        doc["checklist"]["version"] = 42

    _rejects(_resigned(good_file, tmp_path, change), library, "升级")


def test_schema_problems_name_the_place(good_file, library, tmp_path) -> None:
    def change(doc):
        doc["township"]["division_code"] = "12345"

    _rejects(_resigned(good_file, tmp_path, change), library, "township → division_code")


def test_demo_is_deterministic_and_varied(library, tmp_path: Path) -> None:
    first = write_demo(tmp_path / "a", library)
    second = write_demo(tmp_path / "b", library)
    assert [p.name for p in first] == [p.name for p in second]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first, second, strict=True))
    pairs = sample_assessments(library)
    townships = {a.township.division_code for a, _ in pairs}
    assert len(townships) >= 12
    assert len({a.township.county for a, _ in pairs}) == 1
    assert len(pairs) > len(townships)  # some townships have two periods
    overall = sorted(r.overall for _, r in pairs)
    assert overall[0] < 20 and overall[-1] > 60  # light and heavy burdens both present
    levels = {m.level for _, r in pairs for m in r.manifestations.values()}
    assert levels == {"low", "moderate", "high", "severe"}


def test_schema_is_a_valid_draft_07_schema() -> None:
    import jsonschema

    from jianfu.paths import resources_dir

    schema = json.loads((resources_dir() / "schema" / "assessment-file-v1.schema.json").read_text())
    jsonschema.Draft7Validator.check_schema(schema)


def test_format_version_constant_matches_schema() -> None:
    from jianfu.paths import resources_dir

    schema = json.loads((resources_dir() / "schema" / f"assessment-file-v{FORMAT_VERSION}.schema.json").read_text())
    assert schema["properties"]["format_version"]["const"] == FORMAT_VERSION


def test_sample_township_is_the_latest_of_the_sample_county(library) -> None:
    from jianfu.exchange.demo import load_sample_county, sample_township_assessment

    code = load_sample_county().sample_township
    assessment, _result = sample_township_assessment(library)
    latest = max(
        (a for a, _ in sample_assessments(library) if a.township.division_code == code), key=lambda a: a.period
    )
    assert assessment == latest and assessment.township.division_code == code
