"""v1 answers carried to v2 as v2 declares: one test per mapping kind, and the v1 file paths."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from jianfu.core.answers import Answer
from jianfu.core.carry import NOT_ASKED_BEFORE, carry_answers, carry_assessment
from jianfu.core.library import ChecklistLibrary
from jianfu.core.scoring import score_assessment
from jianfu.exchange.assessment_file import to_document, write_assessment_file
from jianfu.exchange.demo import generate, load_sample_county
from jianfu.paths import resources_dir

ID = "township-selfcheck"


def _v1_sample(library: ChecklistLibrary):
    county = load_sample_county()
    spec = next(t for t in county.townships if t["name"] == "高坪镇")
    from jianfu.core.assessment import Period

    return generate(county, spec, Period("2026-Q4"), library.get(ID, 1))


def test_same_id_keeps_answer_and_note(library: ChecklistLibrary) -> None:
    v1, v2 = library.get(ID, 1), library.get(ID, 2)
    answers = {
        "meetings.per_month": Answer(24, note="含视频会"),
        "traces.photo_checkin": Answer(True),
        "apps.dispatch_used": Answer(None, not_applicable=True, note="本镇无派单平台"),
    }
    carried = carry_answers(v1, v2, answers)
    for item_id, answer in answers.items():
        assert carried[item_id] == answer


def test_yes_no_and_frequency_answers_become_ticked_choices(library: ChecklistLibrary) -> None:
    v1, v2 = library.get(ID, 1), library.get(ID, 2)
    answers = {
        "apps.group_same_work": Answer(True),
        "apps.group_temporary_kept": Answer(False),
        "apps.group_reply_demand": Answer("daily"),
        "apps.group_after_hours": Answer("rarely"),  # 偶尔 is not 经常: not ticked
        "apps.hard_to_use_count": Answer(2),
        "apps.showcase_platform": Answer(False),
    }
    carried = carry_answers(v1, v2, answers)
    assert carried["apps.group_practices"].value == ["same_work", "reply_demand"]
    assert carried["apps.situations"].value == ["hard_to_use"]
    honest_no = carry_answers(v1, v2, {"meetings.bundled": Answer("never"), "meetings.repeated": Answer("rarely")})
    assert honest_no["meetings.practices"].value == ["none"]


def test_merged_and_dropped_columns(library: ChecklistLibrary) -> None:
    v1, v2 = library.get(ID, 1), library.get(ID, 2)
    rows = [
        {"row_id": "r1", "cells": {"name": "A", "ranking": True, "checkin": False, "level": "county"}},
        {"row_id": "r2", "cells": {"name": "B", "online_time": False, "dispatches_tasks": True}},
    ]
    carried = carry_answers(v1, v2, {"apps.inventory": Answer(rows)})["apps.inventory"].value
    assert carried[0]["cells"] == {"name": "A", "checkin": True}
    assert carried[1]["cells"] == {"name": "B", "checkin": False}
    assert [r["row_id"] for r in carried] == ["r1", "r2"]


def test_renamed_id_and_mapped_value(library: ChecklistLibrary, tmp_path: Path) -> None:
    """The two kinds v2 itself does not need, on a v2 variant that renames and remaps."""
    folder = tmp_path / ID
    folder.mkdir()
    shutil.copy(resources_dir() / "checklists" / ID / "v1.yaml", folder / "v1.yaml")
    data = yaml.safe_load((resources_dir() / "checklists" / ID / "v2.yaml").read_text(encoding="utf-8"))
    for section in data["sections"]:
        for item in section["items"]:
            if item["id"] == "apps.zombie_count":
                item["id"] = "apps.zombie_accounts"
    for rule in data["rules"]:
        if rule["signal"].get("value") == "apps.zombie_count":
            rule["signal"]["value"] = "apps.zombie_accounts"
    for check in data["consistency"]:
        for condition in check["contradicted_when"].get("any", []):
            if condition.get("item") == "apps.zombie_count":
                condition["item"] = "apps.zombie_accounts"
    carry = data["carry_forward"]
    carry["same_id"].remove("apps.zombie_count")
    carry["renamed"] = {"apps.zombie_count": "apps.zombie_accounts"}
    carry["values"] = {"traces.assessment_basis": {"partly": "mainly"}}
    (folder / "v2.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    variant = ChecklistLibrary(tmp_path)
    carried = carry_answers(
        variant.get(ID, 1),
        variant.get(ID, 2),
        {"apps.zombie_count": Answer(3, note="两个公众号"), "traces.assessment_basis": Answer("partly")},
    )
    assert carried["apps.zombie_accounts"] == Answer(3, note="两个公众号")
    assert "apps.zombie_count" not in carried
    assert carried["traces.assessment_basis"].value == "mainly"


def test_a_v1_assessment_carries_every_mappable_answer(library: ChecklistLibrary) -> None:
    assessment, _ = _v1_sample(library)
    carried = carry_assessment(library, assessment, 2)
    v2 = library.get(ID, 2)
    assert carried.checklist_version == 2
    spec = v2.carry_forward
    assert spec is not None
    for item_id in spec.same_id:
        if item_id in assessment.answers and item_id not in ("apps.inventory", "filing.tasks"):
            assert carried.answers[item_id] == assessment.answers[item_id], item_id
    sources = {c.source for c in spec.into_choices}
    for target in {c.target for c in spec.into_choices}:
        if any(c.source in assessment.answers for c in spec.into_choices if c.target == target):
            assert carried.answers[target].is_answered, target
    assert sources  # every carried stem answered
    result = score_assessment(v2, carried.answers)
    # items v1 never asked are 不适用 with the reason; v2 does not offer 不适用 there, so they are
    # flagged to be answered and the carried file gets no level until then (nothing else is missing)
    assert carried.answers["traces.indicator_count"].note == NOT_ASKED_BEFORE.format(version=1)
    done = result.completeness
    assert done.withdrawn_not_applicable == ("traces.indicator_count",)
    assert (done.required_missing, done.inconsistent, done.unexplained_items) == (0, (), ())
    assert not result.complete and result.overall_level == "incomplete"
    answered = {**carried.answers, "traces.indicator_count": Answer("50_100")}
    assert score_assessment(v2, answered).complete


def test_a_v1_file_is_scored_on_the_latest_version(library: ChecklistLibrary, tmp_path: Path) -> None:
    assessment, result = _v1_sample(library)
    path = tmp_path / "v1.jianfu"
    write_assessment_file(path, to_document(assessment, result, exported_at="2027-01-01T09:00:00"))
    shown = subprocess.run(
        [sys.executable, "-m", "jianfu", "score", "--json", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    scores = json.loads(shown.stdout)
    expected = score_assessment(library.latest(), carry_assessment(library, assessment).answers)
    assert scores["overall"]["score"] == expected.overall
    assert scores["completeness"] == expected.completeness.to_json()


def test_scoring_an_older_file_says_on_which_version(library: ChecklistLibrary, tmp_path: Path) -> None:
    """The township saw its v1 file scored on v1; the command line scores it on the latest, as the
    county does, and says so: otherwise the two numbers differ without a word."""
    assessment, result = _v1_sample(library)
    path = tmp_path / "v1.jianfu"
    write_assessment_file(path, to_document(assessment, result, exported_at="2027-01-01T09:00:00"))
    shown = subprocess.run(
        [sys.executable, "-m", "jianfu", "score", str(path)], capture_output=True, text=True, check=True
    ).stdout
    latest = library.latest().version
    assert f"计分版本：按第{latest}版清单计分（本文件作答于第1版），与县级汇总一致" in shown
    current = tmp_path / "latest.jianfu"
    carried = carry_assessment(library, assessment)
    write_assessment_file(current, to_document(carried, score_assessment(library.latest(), carried.answers)))
    shown = subprocess.run(
        [sys.executable, "-m", "jianfu", "score", str(current)], capture_output=True, text=True, check=True
    ).stdout
    assert "计分版本" not in shown  # answered on the latest: nothing to say
