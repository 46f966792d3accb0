"""The overall level is at most one level below the worst manifestation's: when that lifts it
above the mean's level (39.7 shown as 较重 beside the legend 一般 20—40), the results, the plan and
``jianfu score`` say why, as they do for the hours floor."""

from __future__ import annotations

from jianfu.core.library import ChecklistLibrary
from jianfu.core.scoring import raised_note, score_assessment
from jianfu.exchange.demo import sample_assessments


def test_a_level_lifted_by_the_worst_manifestation_is_said(library: ChecklistLibrary) -> None:
    said = []
    for assessment, _ in sample_assessments(library):
        checklist = library.get(assessment.checklist_id, assessment.checklist_version)
        result = score_assessment(checklist, assessment.answers)
        mean_level = checklist.level_for(result.overall)
        if not result.complete:
            continue
        if result.lifted_by is None:
            # not lifted by a manifestation: the mean's level, or the hours floor (said on its own)
            assert result.overall_level == mean_level.id or result.raised_by is not None
            assert "按最重的一项提高" not in raised_note(result)
            continue
        worst = result.manifestations[result.lifted_by]
        assert worst.score == max(m.score for m in result.manifestations.values())
        assert result.overall_level != mean_level.id and result.raised_by is None
        assert (
            f"综合等级按最重的一项提高：“{worst.name}”为“{worst.level_label}”，综合等级最多比它低一档，"
            f"因此为“{result.overall_level_label}”，不论四项得分的平均数（{result.overall:.1f}分）多低。"
        ) in raised_note(result)
        said.append(assessment.township.name)
    assert said  # the demo county has such townships (石桥镇's mean 39.7 is 较重)
