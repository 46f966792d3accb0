"""Next period: last period's answers, prefilled and never confirmed, are not this period's.

An assessment started with "开始下一期" and left as it is must not be scored, levelled, printed
or exported as if the township had answered it: it is 未完成 until every carried-over answer on
an asked item is confirmed (page by page or one by one) or changed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from jianfu.core.answers import Answer, completion, unconfirmed
from jianfu.core.checklist import INCOMPLETE_LABEL
from jianfu.core.completeness import completeness
from jianfu.core.scoring import score_assessment
from jianfu.core.wizard import first_page_to_confirm
from jianfu.exchange.demo import sample_township_assessment
from jianfu.services.township import AssessmentService


@pytest.fixture
def service(store, library) -> AssessmentService:
    return AssessmentService(store, library)


@pytest.fixture
def previous(service: AssessmentService) -> tuple[int, str]:
    """The sample township's complete last period, as the township's own; and its level."""
    assessment, result = service.prepare_sample()
    assert result.complete
    previous_id, added = service.add_from_file(assessment)
    assert added
    return previous_id, result.overall_level_label


def test_an_untouched_next_period_is_incomplete_and_says_what_to_confirm(service, previous) -> None:
    previous_id, _ = previous
    new = service.load(service.next_period(previous_id))
    checklist, answers = new.checklist, new.assessment.answers
    asked = unconfirmed(checklist, answers)
    assert asked and all(answers[i].carried_unconfirmed for i in asked)
    result = score_assessment(checklist, answers)
    before = score_assessment(checklist, service.load(previous_id).assessment.answers)
    assert not result.complete
    assert result.overall_level_label == INCOMPLETE_LABEL
    assert {m.level_label for m in result.manifestations.values()} == {INCOMPLETE_LABEL}
    assert result.overall == before.overall  # the scores are still shown, so the cadre sees where it stands
    done = result.completeness
    assert (done.unconfirmed, done.answered, done.required_missing) == (len(asked), 0, 0)
    reason = done.incomplete_reasons()[0]
    assert reason.startswith(f"还有{len(asked)}项沿用上期的回答未确认（")
    first = checklist.sections[0]
    on_first = len(unconfirmed(checklist, answers, first.id))
    assert f"“{first.title}”{on_first}项" in reason  # names the pages and how many on each
    assert f"沿用上期未确认{len(asked)}项" in done.summary()
    assert done.to_json()["unconfirmed"] == len(asked)
    assert completion(checklist, answers) == (0, len(asked))  # not counted as answered anywhere
    assert first_page_to_confirm(checklist, answers) == first.id
    assert [listing.to_confirm for listing in service.my_assessments()] == [len(asked), 0]


def test_confirming_every_page_gives_the_level_back(service, store, previous) -> None:
    previous_id, level = previous
    new_id = service.next_period(previous_id)
    opened = service.load(new_id)
    for section in opened.checklist.sections:
        service.confirm(opened, unconfirmed(opened.checklist, opened.assessment.answers, section.id))
        if section is not opened.checklist.sections[-1]:
            assert not score_assessment(opened.checklist, opened.assessment.answers).complete
    assert store.unconfirmed(new_id) == set()  # stored, not just in memory
    reloaded = service.load(new_id)
    result = score_assessment(reloaded.checklist, reloaded.assessment.answers)
    assert result.complete and result.overall_level_label == level
    assert "unconfirmed" not in result.completeness.to_json()
    service.rescore(reloaded)
    assert store.stored_scores(new_id)["overall"][1] != "incomplete"


def test_editing_an_answer_confirms_it(service, store, previous) -> None:
    previous_id, _ = previous
    new_id = service.next_period(previous_id)
    opened = service.load(new_id)
    service.save_answer(opened, "profile.cadre_count", Answer(50))
    rows = opened.assessment.answers["apps.inventory"].value
    service.save_row(opened, "apps.inventory", rows[0]["row_id"], rows[0]["cells"], 0)  # a row edited
    left = store.unconfirmed(new_id)
    assert "profile.cadre_count" not in left and "apps.inventory" not in left
    answers = service.load(new_id).assessment.answers
    assert not answers["profile.cadre_count"].carried_unconfirmed and answers["profile.cadre_count"].value == 50
    assert not answers["apps.inventory"].carried_unconfirmed
    assert answers["traces.photo_checkin"].carried_unconfirmed  # the others still to confirm
    assert completeness(opened.checklist, answers).unconfirmed == len(unconfirmed(opened.checklist, answers))


def test_a_hidden_carried_answer_neither_blocks_nor_passes_as_confirmed(library) -> None:
    """Skip logic hides an item: its carried answer does not count, and confirming the page
    leaves it alone; asked again (another answer changed), it is to confirm."""
    checklist = library.latest()
    assessment, _ = sample_township_assessment(library)
    answers = {
        k: replace(a, carried_unconfirmed=k == "apps.dispatch_trivial_share") for k, a in assessment.answers.items()
    }
    answers["apps.dispatch_used"] = Answer(False)  # no dispatch platform this period: not asked
    answers["apps.dispatch_per_month"] = Answer(0)  # (and, consistently, no orders and no platform listed)
    rows = answers["apps.inventory"].value
    answers["apps.inventory"] = Answer([r for r in rows if r["cells"].get("kind") != "dispatch_platform"])
    assert unconfirmed(checklist, answers) == []
    assert completeness(checklist, answers).complete
    answers["apps.dispatch_used"] = Answer(True)  # asked again: last period's share is not this period's
    assert unconfirmed(checklist, answers, "apps") == ["apps.dispatch_trivial_share"]
    done = completeness(checklist, answers)
    assert not done.complete and done.unconfirmed_items == ("apps.dispatch_trivial_share",)


def test_carrying_into_a_shared_stem_keeps_it_unconfirmed(library) -> None:
    from jianfu.core.carry import carry_answers

    v1, v2 = library.get("township-selfcheck", 1), library.get("township-selfcheck", 2)
    old = {
        "apps.group_checkin_chain": Answer("daily", carried_unconfirmed=True),
        "apps.group_same_work": Answer(False),
    }
    carried = carry_answers(v1, v2, old)
    assert carried["apps.group_practices"].carried_unconfirmed  # made of an unconfirmed answer
    confirmed = carry_answers(v1, v2, {k: replace(a, carried_unconfirmed=False) for k, a in old.items()})
    assert not confirmed["apps.group_practices"].carried_unconfirmed
