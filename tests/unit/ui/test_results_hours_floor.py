"""QA: 4 check-in apps used daily, 40 minutes each (58 hours a month per cadre) read "综合得分 1.9
（较轻）" beside those 58 hours. v3 floors the overall level on the fingertip hours, and the results
page says why the level is above what the mean of the four scores gives."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader

from jianfu.cli.main import main
from jianfu.core.scoring import score_assessment
from jianfu.exchange.assessment_file import read_assessment_file, to_document, write_assessment_file
from jianfu.exchange.demo import sample_assessments
from jianfu.reports.rectification import build_rectification_pdf
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
    assert "（较重）" in text and "约60.0小时" in text
    assert "综合等级按“指尖”工时提高" in text and "34.8小时（约每周一个工作日）" in text
    # each manifestation its own time lifted says so once, without repeating the overall's reason
    assert "“平台建设形式化”等级按其本身的“指尖”工时提高：每名干部每月58.0小时，达到34.8小时" in text
    assert "“痕迹管理异化”等级按其本身的“指尖”工时提高" in text and text.count("综合等级按") == 1
    cards = window.pages["results"].cards
    assert "较重" in cards["platform_formalism"].text() and "较重" in cards["trace_alienation"].text()


def test_results_say_nothing_of_hours_when_the_scores_give_the_level(
    qtbot, make_window, library, tmp_path: Path
) -> None:
    window = make_window()
    window.open_file(write_scenario_file(library, "light_township", tmp_path / "柳河镇.jianfu"))
    window.show_page("results")
    text = window.pages["results"].overall.text()
    assert "（较轻）" in text and "工时提高" not in text


def test_score_command_and_plan_pdf_say_it_too(library, tmp_path: Path, capsys) -> None:
    path = write_scenario_file(library, "tracing_two_hours", tmp_path / "柳河镇.jianfu")
    assert main(["score", str(path)]) == 0
    printed = capsys.readouterr().out
    assert "综合：  6.0 分  较重" in printed and "综合等级按“指尖”工时提高" in printed
    assert "痕迹管理异化： 22.8 分  较重" in printed and "“痕迹管理异化”等级按其本身的“指尖”工时提高" in printed
    content = read_assessment_file(path, library)
    checklist = library.get(content.assessment.checklist_id, content.assessment.checklist_version)
    buffer = io.BytesIO()
    build_rectification_pdf(
        content.assessment, checklist, score_assessment(checklist, content.assessment.answers), buffer
    )
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(buffer.getvalue())).pages))
    assert (
        "等级为“较重”。综合等级按“指尖”工时提高：每名干部每月用于“指尖”事务43.7小时，达到34.8小时（约每周一个工作日）"
        in text
    )
    assert "“痕迹管理异化”等级按其本身的“指尖”工时提高：每名干部每月43.5小时，达到34.8小时" in text


def test_results_score_command_and_plan_say_when_the_worst_manifestation_lifted_the_level(
    qtbot, make_window, library, tmp_path: Path, capsys
) -> None:
    """A township whose mean is in 一般 but one manifestation is 严重 is 较重 overall (at most one
    level below the worst): said beside the score, which otherwise contradicts the legend."""
    for assessment, _ in sample_assessments(library):
        checklist = library.get(assessment.checklist_id, assessment.checklist_version)
        result = score_assessment(checklist, assessment.answers)
        if result.complete and result.lifted_by is not None:
            break
    worst = result.manifestations[result.lifted_by]
    said = f"综合等级按最重的一项提高：“{worst.name}”为“{worst.level_label}”，综合等级最多比它低一档"
    path = tmp_path / "lifted.jianfu"
    write_assessment_file(path, to_document(assessment, result))
    window = make_window()
    window.open_file(path)
    window.show_page("results")
    text = window.pages["results"].overall.text()
    assert f"（{result.overall_level_label}）" in text and said in text
    assert main(["score", str(path)]) == 0
    assert said in capsys.readouterr().out
    buffer = io.BytesIO()
    build_rectification_pdf(assessment, checklist, result, buffer)
    pdf_text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(buffer.getvalue())).pages))
    assert said in pdf_text


def with_a_slip(library):
    """柳河镇 with one more check-in app every cadre uses daily, 600 minutes typed for 60."""
    assessment = next(
        a for a, _ in sample_assessments(library) if a.township.name == "柳河镇" and a.period.code == "2026-Q4"
    )
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    rows = assessment.answers["apps.inventory"].value
    slip = {"row_id": "slip", "cells": {**rows[0]["cells"], "name": "网格通", "usage": "daily", "minutes_per_day": 600,
                                        "checkin": True, "users": None}}  # fmt: skip
    answers = {
        **assessment.answers,
        "apps.inventory": replace(assessment.answers["apps.inventory"], value=[*rows, slip]),
    }
    return assessment, checklist, answers


def test_impossible_hours_are_a_sum_to_check_not_a_burden_stated(
    qtbot, make_window, library, tmp_path: Path, capsys
) -> None:
    """600 minutes typed for 60: the v4 contradiction fires, and the results and ``jianfu score``
    call the sum impossible instead of stating 200-odd hours of fingertip work as measured."""
    assessment, checklist, answers = with_a_slip(library)
    assessment = replace(assessment, answers=answers, plan=[])
    result = score_assessment(checklist, answers)
    assert result.hours_implausible and result.fingertip_hours_per_cadre_month > 174
    path = tmp_path / "柳河镇.jianfu"
    write_assessment_file(path, to_document(assessment, result))
    window = make_window()
    window.open_file(path)
    window.show_page("results")
    text = window.pages["results"].overall.text()
    assert "超过全部工作时间，不可能都属实" in text and "核对前不评定等级" in text
    assert "每名干部每月用于" not in text and "约" + f"{result.fingertip_hours_per_cadre_month:.1f}小时" not in text
    assert main(["score", str(path)]) == 0
    printed = capsys.readouterr().out
    assert "超过全部工作时间，不可能都属实，待核对" in printed and "（未完成，不评定等级）" in printed


def test_the_plan_says_impossible_hours_once_as_a_sum_to_check(library) -> None:
    """The printed plan of answers adding up to more than a working month neither states the hours
    as a burden nor counts the contradiction twice ("作答前后矛盾1处。作答前后矛盾1处：…")."""
    assessment, checklist, answers = with_a_slip(library)
    result = score_assessment(checklist, answers)
    buffer = io.BytesIO()
    build_rectification_pdf(replace(assessment, answers=answers), checklist, result, buffer)
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(buffer.getvalue())).pages))
    assert text.count("作答前后矛盾1处") == 1 and "作答前后矛盾1处：" in text
    assert "超过全部工作时间，不可能都属实，须核对所填用时后再据此认定负担" in text
    assert "每名干部每月用于“指尖”事务约" not in text
