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
    assert (platform.before, platform.after) == (before.manifestations["platform_formalism"].score, 0.0)
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
