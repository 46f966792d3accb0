from __future__ import annotations

import datetime as dt

import pytest

from jianfu.core.answers import Answer
from jianfu.core.checklist import Handling
from jianfu.core.plan import draft_plan, merge_plan, new_custom_item
from jianfu.core.scoring import score_assessment


@pytest.fixture(scope="module")
def checklist(library):
    """Version 1: these tests are about v1 items, still scored for old assessments."""
    return library.get("township-selfcheck", 1)


BASE = dt.date(2026, 12, 31)


@pytest.fixture
def answers() -> dict[str, Answer]:
    return {
        "apps.inventory": Answer(
            [
                {"row_id": "r1", "cells": {"name": "网格通", "department": "县委政法委", "checkin": True}},
                {"row_id": "r2", "cells": {"name": "巡查APP", "department": "县应急管理局", "checkin": True}},
            ]
        ),
        "traces.photo_checkin": Answer(True),
        "apps.group_checkin_chain": Answer("daily"),
    }


def test_draft_states_the_problem_from_the_answers(checklist, answers) -> None:
    plan = draft_plan(score_assessment(checklist, answers), BASE, checklist.plan_min_intensity)
    by_key = {item.key: item for item in plan}
    checkin = by_key["apps_checkin"]
    assert "2个政务应用" in checkin.problem and "网格通、巡查APP" in checkin.problem
    assert checkin.department == "县委政法委、县应急管理局"
    assert checkin.handling is Handling.ESCALATE
    assert checkin.deadline == (BASE + dt.timedelta(days=90)).isoformat()
    assert by_key["groups_checkin_chain"].handling is Handling.OWN
    assert "意见" in checkin.measure


def test_weak_hits_score_but_draft_nothing(checklist) -> None:
    answers = {"meetings.per_month": Answer(9)}  # just above the rule's start of 8
    result = score_assessment(checklist, answers)
    assert result.manifestations["trace_alienation"].score > 0
    assert draft_plan(result, BASE, checklist.plan_min_intensity) == []


def test_edits_rejections_and_custom_items_survive_redrafting(checklist, answers) -> None:
    first = draft_plan(score_assessment(checklist, answers), BASE)
    edited = [
        item.edit(measure="本镇自行关闭打卡功能", responsible_person="李明")
        if item.key == "apps_checkin"
        else item.edit(rejected=True)
        if item.key == "traces_photo_checkin"
        else item
        for item in first
    ]
    custom = new_custom_item(BASE).edit(problem="自定问题", measure="自定措施")
    edited.append(custom)

    answers["apps.inventory"] = Answer(answers["apps.inventory"].value[:1])  # one app fewer
    redrafted = merge_plan(edited, draft_plan(score_assessment(checklist, answers), BASE))
    by_key = {item.key: item for item in redrafted}
    checkin = by_key["apps_checkin"]
    assert checkin.measure == "本镇自行关闭打卡功能" and checkin.responsible_person == "李明"
    assert "1个政务应用" in checkin.problem  # not edited, so redrafted from the new answers
    assert by_key["traces_photo_checkin"].rejected
    assert by_key[custom.key].problem == "自定问题"


def test_items_whose_rule_stops_firing(checklist, answers) -> None:
    first = draft_plan(score_assessment(checklist, answers), BASE)
    edited = [i.edit(status="已完成") if i.key == "groups_checkin_chain" else i for i in first]
    answers["apps.group_checkin_chain"] = Answer("never")
    answers.pop("traces.photo_checkin")
    redrafted = {i.key: i for i in merge_plan(edited, draft_plan(score_assessment(checklist, answers), BASE))}
    assert redrafted["groups_checkin_chain"].triggered is False  # edited: kept for the user
    assert "traces_photo_checkin" not in redrafted  # untouched: dropped


def test_only_plan_fields_are_editable(checklist, answers) -> None:
    item = draft_plan(score_assessment(checklist, answers), BASE)[0]
    with pytest.raises(ValueError):
        item.edit(rule_id="other")


def test_merged_item_names_only_the_departments_whose_rows_triggered_it() -> None:
    # QA: the merged "duplicate apps" + "too many apps" item named every department of the inventory
    # (县人力资源社会保障局 too, none of whose apps is a duplicate), and the county notice followed it.
    from jianfu.core.library import ChecklistLibrary
    from jianfu.exchange.demo import sample_township_assessment
    from jianfu.paths import resources_dir

    library = ChecklistLibrary(resources_dir() / "checklists")
    assessment, result = sample_township_assessment(library)
    rows = assessment.answers["apps.inventory"].value
    duplicate = {r["cells"]["department"] for r in rows if r["cells"].get("duplicate") is True}
    innocent = {r["cells"]["department"] for r in rows} - duplicate
    assert duplicate and innocent
    items = draft_plan(result, dt.date(2026, 12, 1))
    merged = next(i for i in items if i.key.startswith("fix:consolidate_platforms"))
    named = set(merged.department.split("、"))
    assert named == duplicate
    assert not named & innocent
