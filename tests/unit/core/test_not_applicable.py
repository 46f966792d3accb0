"""不适用 in v2: offered only where it means something, a real reason where it counts, old ones
flagged, and never a lighter level than an honest answer."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.checklist_variants import offering_not_applicable_everywhere, v2_variant
from jianfu.core.answers import Answer, is_visible
from jianfu.core.checklist import Checklist, load_checklist
from jianfu.core.completeness import completeness, required_item_ids
from jianfu.core.errors import ChecklistError
from jianfu.core.library import ChecklistLibrary
from jianfu.core.not_applicable import (
    COUNTED,
    NO_REASON,
    NOT_REQUIRED,
    WITHDRAWN,
    is_real_reason,
    not_applicable_entries,
)
from jianfu.core.scoring import score_assessment
from jianfu.exchange.demo import sample_assessments, sample_township_assessment

GOOD_REASONS = (
    "县里未部署此类平台",
    "本镇未接入网格化平台，县里也未要求",
    "上级未对本镇提出此类要求",
    "辖区均为农村，无城市社区",
    "本年度县里未召开视频会议",
    "上述负担本期均未发生",
    "乡镇撤并后由县直部门承担",
    "未使用该APP，由县局统一报送",  # latin beside Chinese does no harm
)
BAD_REASONS = (
    "",
    "无",
    "不适用",
    "没有",
    "暂无。。。",
    "12",
    "1234567",
    ".",
    "无无无无",
    "啊啊啊啊",
    "哦哦哦哦哦",
    "嗯嗯，呃呃",
    "xxxx",
    "asdfghjkl",
    "N/A N/A",
    "not applicable here",
    "本镇情况特殊啊",
    "特殊情况",
    "其他原因",
    "对对对对",
    "是是是否",
    "好好好好好好",
    "本镇不涉及",
    "同上同上",
    "哈哈哈哈哈哈",
    "不清楚，待定",
)


@pytest.fixture(scope="module")
def open_checklist(tmp_path_factory: pytest.TempPathFactory) -> Checklist:
    return offering_not_applicable_everywhere(Path(tmp_path_factory.mktemp("open")))


# ------------------------------------------------------------------------ where it is offered


def test_v2_offers_not_applicable_only_on_the_department_items(checklist: Checklist) -> None:
    offered = {item.id for item in checklist.items() if item.allows_not_applicable}
    assert offered == {"apps.imposed_by", "filing.imposed_by", "traces.imposed_by", "meetings.imposed_by"}
    assert checklist.not_applicable.offered_on == frozenset(offered)
    assert not offered & required_item_ids(checklist)  # none of them is scored


def test_every_item_scoring_reads_has_an_honest_nothing_answer(checklist: Checklist) -> None:
    """Why 不适用 is not needed on v2's scored items: each has a value that says "this does not
    happen here" (0, 否, a lowest choice, 以上都没有, a table's "none"), or is asked only when it
    applies (skip logic)."""
    for item_id in sorted(required_item_ids(checklist)):
        item = checklist.item(item_id)
        if item.section_id == "profile" or item.show_if is not None:
            continue
        kind = item.type.value
        honest = (
            (kind == "number" and (item.minimum or 0) <= 0)
            or kind == "yes_no"
            or (kind == "single_choice" and bool(item.choices))
            or (kind == "multi_choice" and any(c.exclusive for c in item.choices))
            or (kind == "table" and item.allows_declared_none)
        )
        assert honest, item_id


def test_v1_keeps_not_applicable_where_it_fits(library: ChecklistLibrary) -> None:
    v1 = library.get("township-selfcheck", 1)
    assert v1.not_applicable.offered_on is None
    assert v1.item("meetings.per_month").allows_not_applicable
    # offered wherever it fits (basic information and "以上都没有" never took it, in any version)
    assert not any(item.not_applicable_withdrawn for item in v1.items() if item.allows_not_applicable)
    assert [i.id for i in v1.items() if i.not_applicable_withdrawn] == [
        i.id for i in v1.items() if not i.allows_not_applicable and not i.allows_declared_none
    ]
    assert v1.not_applicable.count_latin and v1.not_applicable.min_distinct_chars == 0  # v1's own rule


@pytest.mark.parametrize(
    ("offered", "words"),
    [
        (["apps.imposed_by", "apps.no_such_item"], "题目 apps.no_such_item 不存在"),
        (["profile.cadre_count"], "题目 profile.cadre_count 不能选“不适用”"),
        (["apps.inventory"], "题目 apps.inventory 不能选“不适用”"),
        (["traces.practices"], "题目 traces.practices 不能选“不适用”"),
        ("apps.imposed_by", "必须是题目 id 的列表"),
    ],
)
def test_offered_on_is_validated(tmp_path: Path, offered: Any, words: str) -> None:
    def change(data: dict[str, Any]) -> None:
        data["not_applicable"]["offered_on"] = offered

    path = v2_variant(tmp_path, change)
    with pytest.raises(ChecklistError) as raised:
        load_checklist(path)
    message = str(raised.value)
    assert str(path) in message and "not_applicable.offered_on" in message and words in message


def test_reason_policy_keys_are_validated(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["not_applicable"].update(min_distinct_chars=9, count_latin="no")

    with pytest.raises(ChecklistError) as raised:
        load_checklist(v2_variant(tmp_path, change))
    assert "not_applicable.min_distinct_chars" in str(raised.value)
    assert "not_applicable.count_latin：必须是 true 或 false" in str(raised.value)


# ------------------------------------------------------------------------------- real reasons


@pytest.mark.parametrize("note", GOOD_REASONS)
def test_real_reasons_pass(checklist: Checklist, note: str) -> None:
    assert is_real_reason(note, checklist.not_applicable)


@pytest.mark.parametrize("note", BAD_REASONS)
def test_token_reasons_fail(checklist: Checklist, note: str) -> None:
    assert not is_real_reason(note, checklist.not_applicable)


def test_v1_rule_is_unchanged(library: ChecklistLibrary) -> None:
    policy = library.get("township-selfcheck", 1).not_applicable
    assert is_real_reason("xxxx", policy)  # v1 counted letters: its old assessments keep that rule
    assert not is_real_reason("无无无无", policy)


FILLERS = st.sampled_from(
    [
        "啊",
        "哦",
        "呃",
        "嗯",
        "哈",
        "无",
        "没有",
        "不适用",
        "本镇",
        "情况特殊",
        "其他",
        "同上",
        "。",
        "，",
        "…",
        " ",
        "!",
    ]
)
JUNK = st.text(alphabet="abcdefghijklmnopqrstuvwxyzXN/0123456789 .-_", max_size=12)


@settings(max_examples=300, deadline=None)
@given(
    repeated=st.lists(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=2),
    pieces=st.lists(st.one_of(FILLERS, JUNK, st.just("")), max_size=12),
    counts=st.lists(st.integers(0, 8), min_size=12, max_size=12),
)
def test_no_reason_made_of_repeats_and_fillers_passes(
    checklist: Checklist, repeated: list[str], pieces: list[str], counts: list[int]
) -> None:
    """Any mix of at most two distinct Chinese characters (repeated at will), filler words,
    interjections, punctuation and latin junk is no reason."""
    text = "".join(piece + repeated[n % len(repeated)] * counts[n] for n, piece in enumerate(pieces))
    assert not is_real_reason(text, checklist.not_applicable)


@settings(max_examples=100, deadline=None)
@given(extra=st.lists(FILLERS, max_size=6), reason=st.sampled_from(GOOD_REASONS))
def test_fillers_around_a_real_reason_do_not_spoil_it(checklist: Checklist, extra: list[str], reason: str) -> None:
    assert is_real_reason("".join(extra) + reason + "".join(extra), checklist.not_applicable)


# ------------------------------------------------------------------- old 不适用, and never lighter


def test_an_old_not_applicable_with_a_good_reason_is_flagged_not_counted(library: ChecklistLibrary) -> None:
    assessment, _ = sample_township_assessment(library)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    answers = {
        **assessment.answers,
        "meetings.per_month": Answer(None, not_applicable=True, note="本年度县里未召开视频会议"),
        "apps.imposed_by": Answer(None, not_applicable=True, note="上述负担本期均未发生"),
    }
    result = score_assessment(checklist, answers)
    done = result.completeness
    assert done.withdrawn_not_applicable == ("meetings.per_month",)  # the department item is offered
    assert not result.complete and result.overall_level == "incomplete"
    assert done.not_applicable_without_reason == 1  # the county's stored count says "not accepted"
    assert "1题标为不适用，但本版清单在这些题上已不提供不适用" in "".join(done.incomplete_reasons())
    entries = {e.item_id: e for e in not_applicable_entries(checklist, answers)}
    assert entries["meetings.per_month"].status == WITHDRAWN
    assert entries["meetings.per_month"].reason == "本年度县里未召开视频会议"
    assert entries["apps.imposed_by"].status == NOT_REQUIRED and entries["apps.imposed_by"].counts
    # answered again: the level is back
    again = {**answers, "meetings.per_month": assessment.answers["meetings.per_month"]}
    assert score_assessment(checklist, again).complete


def test_stale_not_applicable_is_counted_one_way_wherever_it_stands(library: ChecklistLibrary) -> None:
    """Two stale 不适用 (v2 offers it on neither item): one on a number, one on a multi-select
    whose honest "none" is 以上都没有. Both were once split, one "still to answer" (counted as a
    required item unanswered), the other "not accepted": now both are listed, counted and named
    the same way, and answering them again gives the level back."""
    assessment, honest = sample_township_assessment(library)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    stale = {
        "meetings.per_month": Answer(None, not_applicable=True, note="本年度县里未召开视频会议"),
        "filing.practices": Answer(None, not_applicable=True, note="本镇报表已经整合，未发生此类做法"),
    }
    answers = {**assessment.answers, **stale}
    done = completeness(checklist, answers)
    assert set(done.withdrawn_not_applicable) == set(stale)
    assert not set(stale) & set(done.missing_items)
    assert done.required_missing == honest.completeness.required_missing == 0
    assert done.not_applicable == 2 and done.not_applicable_without_reason == 2
    assert "2题标为不适用，但本版清单在这些题上已不提供不适用" in "".join(done.incomplete_reasons())
    assert "必答题未答" not in "".join(done.incomplete_reasons())
    statuses = {e.item_id: e.status for e in not_applicable_entries(checklist, answers)}
    assert statuses == dict.fromkeys(stale, WITHDRAWN)
    # profile facts marked 不适用 (never offered there) stand the same way
    profile = completeness(checklist, {**answers, "profile.cadre_count": Answer(None, not_applicable=True)})
    assert "profile.cadre_count" in profile.withdrawn_not_applicable
    assert "profile.cadre_count" not in profile.missing_items
    assert score_assessment(checklist, assessment.answers).complete


def test_entries_say_how_each_not_applicable_stands(library: ChecklistLibrary, open_checklist: Checklist) -> None:
    assessment, _ = sample_township_assessment(library)
    answers = {
        **assessment.answers,
        "meetings.per_month": Answer(None, not_applicable=True, note="本年度县里未召开会议"),
        "meetings.documents_per_month": Answer(None, not_applicable=True, note="啊啊啊啊"),
    }
    entries = {e.item_id: e for e in not_applicable_entries(open_checklist, answers)}
    assert entries["meetings.per_month"].status == COUNTED
    assert entries["meetings.documents_per_month"].status == NO_REASON
    assert entries["meetings.per_month"].section == open_checklist.section("meetings").title
    assert not_applicable_entries(open_checklist, assessment.answers) == []


def _order(checklist: Checklist) -> list[str]:
    return [level.id for level in checklist.levels]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_not_applicable_never_gives_a_lighter_level_on_v2(library: ChecklistLibrary, data: st.DataObject) -> None:
    """Over the demo county's v2 assessments: ticking 不适用 on any items, with any of these notes
    (good reasons included), never yields a level lighter than the honest answers'."""
    samples = [(a, r) for a, r in sample_assessments(library, version=2) if r.complete]
    assessment, honest = data.draw(st.sampled_from(samples))
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    visible = sorted(i.id for i in checklist.items() if is_visible(i, assessment.answers))
    chosen = data.draw(st.lists(st.sampled_from(visible), min_size=1, max_size=12, unique=True))
    note = data.draw(st.sampled_from([*GOOD_REASONS, *BAD_REASONS[:6]]))
    answers = dict(assessment.answers)
    for item_id in chosen:
        answers[item_id] = replace(answers.get(item_id, Answer()), not_applicable=True, note=note)
    after = score_assessment(checklist, answers)
    order = _order(checklist)
    if after.overall_level != "incomplete":
        assert order.index(after.overall_level) >= order.index(honest.overall_level)
        for m, score in honest.manifestations.items():
            assert after.manifestations[m].level == "incomplete" or order.index(
                after.manifestations[m].level
            ) >= order.index(score.level)
    scored = [i for i in chosen if i in required_item_ids(checklist) and is_visible(checklist.item(i), answers)]
    if scored:  # 不适用 on anything scoring reads: no level at all
        assert after.overall_level == "incomplete"


def test_completeness_lists_old_not_applicable_only_where_asked(checklist: Checklist) -> None:
    # a hidden item's old 不适用 is not asked, so not flagged (skip logic decides what is asked)
    answers = {
        "apps.dispatch_used": Answer(False),
        "apps.dispatch_trivial_share": Answer(None, not_applicable=True, note="未接入"),
    }
    assert completeness(checklist, answers).withdrawn_not_applicable == ()
