"""Completeness and anti-gaming: blank or unexplained 不适用 never buys a lighter level."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jianfu.core.answers import Answer, is_visible
from jianfu.core.checklist import Checklist
from jianfu.core.completeness import completeness, required_item_ids
from jianfu.core.library import ChecklistLibrary
from jianfu.core.scoring import score_assessment
from jianfu.exchange.demo import sample_township_assessment

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _all_not_applicable(checklist: Checklist, note: str = "") -> dict[str, Answer]:
    return {item.id: Answer(None, not_applicable=True, note=note) for item in checklist.items()}


def test_empty_assessment_is_incomplete(checklist: Checklist) -> None:
    result = score_assessment(checklist, {})
    assert not result.complete
    assert result.to_json()["overall"]["level"] == "incomplete"
    assert result.to_json()["overall"]["level_label"] == "未完成"
    counts = result.to_json()["completeness"]
    assert counts["complete"] is False and counts["answered"] == 0
    assert counts["required_missing"] == len(
        [i for i in required_item_ids(checklist) if is_visible(checklist.item(i), {})]
    )


def test_all_not_applicable_is_incomplete_and_counted(checklist: Checklist) -> None:
    answers = _all_not_applicable(checklist)
    result = score_assessment(checklist, answers)
    done = result.completeness
    assert not done.complete
    assert all(m.level == "incomplete" for m in result.manifestations.values())
    assert done.answered == 0
    assert done.not_applicable == done.asked
    assert done.not_applicable_without_reason > 0


def test_not_applicable_with_reasons_still_needs_the_profile(checklist: Checklist) -> None:
    # Even with a reason on every item, the township's own facts (cadres) cannot be 不适用.
    result = score_assessment(checklist, _all_not_applicable(checklist, note="本镇没有此情况"))
    assert result.completeness.not_applicable_without_reason == 0
    assert "profile.cadre_count" in result.completeness.missing_items
    assert not result.complete


def test_sample_township_is_complete_with_a_level(library: ChecklistLibrary) -> None:
    _, result = sample_township_assessment(library)
    assert result.complete, result.completeness
    assert result.overall_level != "incomplete"


def test_a_reason_makes_not_applicable_count_as_an_answer(library: ChecklistLibrary) -> None:
    assessment, _ = sample_township_assessment(library)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    required = sorted(
        i for i in required_item_ids(checklist) if i in assessment.answers and not i.startswith("profile")
    )
    item_id = required[0]
    answers = dict(assessment.answers)
    answers[item_id] = Answer(None, not_applicable=True)
    assert not score_assessment(checklist, answers).complete
    answers[item_id] = Answer(None, not_applicable=True, note="本镇无此平台，县里未部署")
    result = score_assessment(checklist, answers)
    assert result.complete and result.completeness.not_applicable >= 1


@SETTINGS
@given(data=st.data())
def test_unexplained_not_applicable_never_lowers_a_level(library: ChecklistLibrary, data: st.DataObject) -> None:
    """Ticking 不适用 without a reason on any items never yields a lighter level than before."""
    assessment, before = sample_township_assessment(library)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    ids = sorted(assessment.answers)
    chosen = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=20, unique=True))
    answers = dict(assessment.answers)
    for item_id in chosen:
        answers[item_id] = replace(answers[item_id], not_applicable=True, note="")
    after = score_assessment(checklist, answers)
    order = [level.id for level in checklist.levels]
    for m in before.manifestations:
        level = after.manifestations[m].level
        assert level == "incomplete" or order.index(level) >= order.index(before.manifestations[m].level)
    assert after.overall_level == "incomplete" or order.index(after.overall_level) >= order.index(before.overall_level)


@SETTINGS
@given(data=st.data())
def test_blank_is_never_better_than_an_answer(library: ChecklistLibrary, data: st.DataObject) -> None:
    """Removing required answers never yields a lighter level: the assessment loses its level."""
    assessment, _ = sample_township_assessment(library)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    required = sorted(required_item_ids(checklist) & set(assessment.answers))
    chosen = data.draw(st.lists(st.sampled_from(required), min_size=1, max_size=10, unique=True))
    answers = {k: v for k, v in assessment.answers.items() if k not in chosen}
    after = score_assessment(checklist, answers)
    visible_removed = [i for i in chosen if is_visible(checklist.item(i), answers)]
    if visible_removed:
        assert not after.complete and after.overall_level == "incomplete"
    else:
        order = [level.id for level in checklist.levels]
        assert order.index(after.overall_level) >= 0  # hidden by skip logic: nothing was asked


def test_severe_manifestation_lifts_the_overall_level(checklist: Checklist) -> None:
    from jianfu.core.scoring import overall_level

    assert overall_level(checklist, 20.0, [70.0, 5.0, 3.0, 2.0]).id == "high"
    assert overall_level(checklist, 10.0, [35.0, 5.0, 0.0, 0.0]).id == "low"
    assert overall_level(checklist, 65.0, [70.0, 70.0, 60.0, 60.0]).id == "severe"
    # One heavy (较重) burden behind three light ones still shows: at least 一般.
    assert overall_level(checklist, 12.0, [48.0, 0.0, 0.0, 0.0]).id == "moderate"


def test_completeness_counts(checklist: Checklist) -> None:
    answers = {
        "profile.filled_by": Answer("张三"),
        "profile.cadre_count": Answer(30),
        "profile.filler_position": Answer(None, not_applicable=True),
    }
    done = completeness(checklist, answers)
    assert done.answered == 2 and done.not_applicable == 1
    assert done.not_applicable_without_reason == 0  # the position is not needed for scoring
    assert "profile.cadre_count" not in done.missing_items
