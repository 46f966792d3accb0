"""QA: 4 check-in apps used daily, 40 minutes each (58 hours a month per cadre) read "综合得分 1.9
（较轻）" beside those 58 hours. v3 floors the overall level on the fingertip hours, and the results
page says why the level is above what the mean of the four scores gives."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from jianfu.core.scoring import score_assessment
from jianfu.exchange.assessment_file import to_document, write_assessment_file
from jianfu.exchange.demo import sample_assessments
from reference_scenarios import V3_SCENARIOS, scenario_answers


def write_scenario_file(library, scenario_id: str, path: Path) -> Path:
    assessment, _ = next(
        (a, r) for a, r in sample_assessments(library) if a.township.name == "柳河镇" and a.period.code == "2026-Q4"
    )
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    scenario = next(s for s in V3_SCENARIOS if s.id == scenario_id)
    assessment = replace(assessment, answers=scenario_answers(checklist, scenario), plan=[])
    write_assessment_file(path, to_document(assessment, score_assessment(checklist, assessment.answers)))
    return path


def test_results_say_the_hours_raised_the_overall_level(qtbot, make_window, library, tmp_path: Path) -> None:
    window = make_window()
    window.open_file(write_scenario_file(library, "four_checkin_apps", tmp_path / "柳河镇.jianfu"))
    window.show_page("results")
    text = window.pages["results"].overall.text()
    assert "（较重）" in text and "约 60.0 小时" in text
    assert "综合等级按“指尖”工时提高" in text and "34.8 小时（约每周一个工作日）" in text


def test_results_say_nothing_of_hours_when_the_scores_give_the_level(
    qtbot, make_window, library, tmp_path: Path
) -> None:
    window = make_window()
    window.open_file(write_scenario_file(library, "light_township", tmp_path / "柳河镇.jianfu"))
    window.show_page("results")
    text = window.pages["results"].overall.text()
    assert "（较轻）" in text and "工时提高" not in text
