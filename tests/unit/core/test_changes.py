from __future__ import annotations

from jianfu.core.answers import Answer
from jianfu.core.changes import score_changes
from jianfu.core.scoring import score_assessment
from reference_scenarios import SCENARIOS, scenario_answers


def _scenario(checklist, name):
    return score_assessment(checklist, scenario_answers(checklist, next(s for s in SCENARIOS if s.id == name)))


def test_score_changes_compare_each_manifestation_and_the_overall(checklist) -> None:
    before = _scenario(checklist, "app_overload")
    after = _scenario(checklist, "light_township")
    changes = score_changes(before, after)
    assert [c.name for c in changes] == [m.name for m in after.manifestations.values()] + ["综合"]
    platform = next(c for c in changes if c.name == before.manifestations["platform_formalism"].name)
    assert (platform.before, platform.after) == (
        before.manifestations["platform_formalism"].score,
        after.manifestations["platform_formalism"].score,
    )
    assert platform.before_level == "较重" and platform.after_level == "较轻"
    assert platform.delta < -40  # lighter
    overall = changes[-1]
    assert (overall.before, overall.after) == (before.overall, after.overall)
    assert overall.before_level == before.overall_level_label


def test_an_incomplete_period_reads_incomplete_not_a_level(checklist) -> None:
    complete = _scenario(checklist, "light_township")
    incomplete = score_assessment(checklist, {"apps.count": Answer(3)})
    changes = score_changes(incomplete, complete)
    assert all(c.before_level == "未完成" for c in changes)
    assert all(c.after_level != "未完成" for c in changes)


def test_each_score_says_which_pages_it_comes_from(checklist) -> None:
    from jianfu.core.explanation import explain

    scenario = next(s for s in SCENARIOS if s.id == "extreme_township")
    answers = scenario_answers(checklist, scenario)
    # its check-in apps used daily too, so that trace alienation passes the cap (v3 scores their time)
    rows = answers["apps.inventory"].value
    answers["apps.inventory"] = Answer([{**r, "cells": {**r["cells"], "usage": "daily"}} for r in rows])
    result = score_assessment(checklist, answers)
    trace = explain(checklist, result, answers).manifestation("trace_alienation")
    titles = [title for title, _ in trace.by_area]
    assert {checklist.section("traces").title, checklist.section("meetings").title} <= set(titles)
    assert trace.score == 100 and sum(points for _, points in trace.by_area) >= 100  # capped at 100
    assert [p for _, p in trace.by_area] == sorted((p for _, p in trace.by_area), reverse=True)
    assert trace.sources_text().startswith("来自：")


def test_the_parts_add_up_to_an_uncapped_score(library) -> None:
    from jianfu.core.explanation import explain
    from jianfu.exchange.demo import sample_township_assessment

    assessment, _ = sample_township_assessment(library)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    result = score_assessment(checklist, assessment.answers)
    for m in explain(checklist, result, assessment.answers).manifestations:
        assert m.score < 100
        assert abs(sum(points for _, points in m.by_area) - m.score) < 0.05
