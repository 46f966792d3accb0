"""Completeness and anti-gaming: blank or unexplained 不适用 never buys a lighter level."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.checklist_variants import offering_not_applicable_everywhere
from jianfu.core.answers import Answer, is_visible
from jianfu.core.checklist import Checklist
from jianfu.core.completeness import completeness, required_item_ids
from jianfu.core.library import ChecklistLibrary
from jianfu.core.scoring import score_assessment
from jianfu.exchange.demo import sample_township_assessment

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def open_checklist(tmp_path_factory: pytest.TempPathFactory) -> Checklist:
    """v2 offering 不适用 wherever it fits: the reason and share rules at work on scored items."""
    return offering_not_applicable_everywhere(Path(tmp_path_factory.mktemp("open")))


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


def test_not_applicable_with_reasons_still_needs_the_profile(checklist: Checklist, open_checklist: Checklist) -> None:
    # Even with a reason on every item, the township's own facts (cadres) cannot be 不适用.
    result = score_assessment(open_checklist, _all_not_applicable(open_checklist, note="县里未部署此类平台和要求"))
    assert result.completeness.too_much_not_applicable  # and 不适用 everywhere is over the share
    assert "profile.cadre_count" in result.completeness.withdrawn_not_applicable  # never offered there
    assert not result.complete
    # v2 offers 不适用 on no scored item: every such 不适用 is flagged, none counts
    done = score_assessment(checklist, _all_not_applicable(checklist, note="县里未部署此类平台和要求")).completeness
    assert not done.complete and done.required_not_applicable == 0
    assert set(done.withdrawn_not_applicable) == {
        i.id for i in checklist.items() if i.not_applicable_withdrawn and is_visible(i, _all_not_applicable(checklist))
    }


def test_sample_township_is_complete_with_a_level(library: ChecklistLibrary) -> None:
    _, result = sample_township_assessment(library)
    assert result.complete, result.completeness
    assert result.overall_level != "incomplete"


def test_a_reason_makes_not_applicable_count_as_an_answer(library: ChecklistLibrary, open_checklist: Checklist) -> None:
    assessment, _ = sample_township_assessment(library)
    checklist = open_checklist
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
    # basic information never takes 不适用: not accepted, like any 不适用 where it is not offered,
    # though scoring does not read the position (tests/unit/core/test_not_applicable.py)
    assert done.not_applicable_without_reason == 1
    assert done.withdrawn_not_applicable == ("profile.filler_position",)
    assert "profile.cadre_count" not in done.missing_items


# -- QA gaming scenario (issue 9 follow-up): 不适用 with a token note must never lower the level


def _mark_not_applicable(
    checklist: Checklist, answers: dict[str, Answer], ids: list[str], note: str
) -> dict[str, Answer]:
    gamed = dict(answers)
    for item_id in ids:
        gamed[item_id] = Answer(None, not_applicable=True, note=note)
    return gamed


def _non_profile_items(checklist: Checklist) -> list[str]:
    return [item.id for item in checklist.items() if item.section_id != "profile"]


def test_qa_game_all_not_applicable_with_token_note_gets_no_level(
    library: ChecklistLibrary, open_checklist: Checklist
) -> None:
    # The QA walk: every non-profile item of the sample set to 不适用 with the note "无" took
    # 高坪镇 from 52.0 较重 to 0.0 较轻 and counted as complete.
    assessment, honest = sample_township_assessment(library)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    assert honest.complete and honest.overall_level in ("moderate", "high", "severe")
    gamed = score_assessment(
        checklist, _mark_not_applicable(checklist, dict(assessment.answers), _non_profile_items(checklist), "无")
    )
    assert not gamed.complete
    assert gamed.overall_level == "incomplete"
    assert any("已不提供不适用" in reason for reason in gamed.completeness.incomplete_reasons())
    # with 不适用 offered on scored items, the share rule stops it
    gamed = score_assessment(
        open_checklist,
        _mark_not_applicable(open_checklist, dict(assessment.answers), _non_profile_items(open_checklist), "无"),
    )
    assert gamed.overall_level == "incomplete" and gamed.completeness.too_much_not_applicable
    assert any("不适用过多" in reason for reason in gamed.completeness.incomplete_reasons())


def test_token_notes_are_not_reasons(library: ChecklistLibrary, open_checklist: Checklist) -> None:
    assessment, _ = sample_township_assessment(library)
    checklist = open_checklist
    item_id = sorted(
        i for i in required_item_ids(checklist) if i in assessment.answers and not i.startswith("profile")
    )[0]
    for note in (
        "无",
        "12",
        ".",
        "不适用",
        "没有",
        "无无无无",
        "暂无。。。",
        "1234567",
        "啊啊啊啊",
        "xxxx",
        "本镇情况特殊啊",
    ):
        answers = _mark_not_applicable(checklist, dict(assessment.answers), [item_id], note)
        result = score_assessment(checklist, answers)
        assert not result.complete, note
        assert result.completeness.unexplained_items == (item_id,)
    answers = _mark_not_applicable(checklist, dict(assessment.answers), [item_id], "县里未部署此平台")
    assert score_assessment(checklist, answers).complete


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_ticking_not_applicable_beyond_the_share_never_gives_a_level(
    library: ChecklistLibrary, data: st.DataObject
) -> None:
    assessment, _ = sample_township_assessment(library)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    # only questions the cadre sees: a hidden one's 不适用 is not an answer and rightly ignored
    candidates = sorted(
        i
        for i in required_item_ids(checklist)
        if not i.startswith("profile") and is_visible(checklist.item(i), assessment.answers)
    )
    ids = data.draw(st.lists(st.sampled_from(candidates), unique=True, min_size=1))
    note = data.draw(st.sampled_from(["无", "不适用", "本镇不涉及该项工作，县里未作要求"]))
    result = score_assessment(checklist, _mark_not_applicable(checklist, dict(assessment.answers), ids, note))
    done = result.completeness
    if done.too_much_not_applicable:
        assert result.overall_level == "incomplete"
    if note != "本镇不涉及该项工作，县里未作要求":
        assert result.overall_level == "incomplete"  # token notes are never accepted
    if result.complete:
        assert done.not_applicable_share <= checklist.not_applicable.max_share
    assert result.complete == (
        done.required_missing == 0
        and done.not_applicable_without_reason == 0
        and not done.too_much_not_applicable
        and not done.inconsistent
    )


def test_an_unanswered_area_is_not_reported_as_free_of_problems(library: ChecklistLibrary) -> None:
    # QA: a manifestation whose items were all blank or 不适用 said "未发现明显问题".
    from jianfu.core.explanation import explain

    assessment, _ = sample_township_assessment(library)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    answers = _mark_not_applicable(
        checklist, dict(assessment.answers), _non_profile_items(checklist), "县里未部署此类要求"
    )
    explanation = explain(checklist, score_assessment(checklist, answers), answers)
    for m in explanation.manifestations:
        assert not m.findings and not m.assessable
        assert "作答不足" in m.empty_text() and "未发现" not in m.empty_text()
    honest = explain(checklist, score_assessment(checklist, assessment.answers), assessment.answers)
    assert all(m.assessable for m in honest.manifestations)


def test_not_applicable_is_not_offered_where_none_of_this_is_an_honest_answer(checklist: Checklist) -> None:
    """A multi-select with "以上都没有" needs no 不适用: ticking it with a plausible reason would
    only hide the burden (it took a heavy township's filing score from 63 to 14)."""
    practices = checklist.item("traces.practices")
    assert any(c.exclusive for c in practices.choices) and not practices.allows_not_applicable
    answers = {"traces.practices": Answer(None, not_applicable=True, note="县里未部署此类要求")}
    done = completeness(checklist, answers)
    assert done.withdrawn_not_applicable == ("traces.practices",) and not done.complete
    assert "traces.practices" not in done.missing_items  # one heading, as every stale 不适用
    inventory = checklist.item("apps.inventory")  # a table has its "none" answer instead
    assert inventory.allows_declared_none and not inventory.allows_not_applicable
