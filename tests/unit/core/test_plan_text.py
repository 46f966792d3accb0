"""Merged plan items read as an office writes them, on drafted text (core.plan_text)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest

from jianfu.core.answers import Answer
from jianfu.core.checklist import Checklist
from jianfu.core.library import ChecklistLibrary
from jianfu.core.plan import RectificationItem, draft_plan, local_wording, measure_groups, problem_text
from jianfu.core.plan_text import as_read_anywhere, upper_bounds
from jianfu.core.scoring import score_assessment
from jianfu.core.wording import official_spacing
from jianfu.exchange.demo import sample_assessments
from reference_scenarios import BENIGN_APPS, V3_SCENARIOS, app, scenario_answers

BY_ID = {s.id: s for s in V3_SCENARIOS}
BASE = dt.date(2026, 12, 31)


@pytest.fixture(scope="module")
def v3(library: ChecklistLibrary) -> Checklist:
    return library.get("township-selfcheck", 3)


def _plan(checklist: Checklist, answers: dict[str, Answer]) -> dict[str, RectificationItem]:
    result = score_assessment(checklist, answers)
    bounds = upper_bounds(checklist)
    items = draft_plan(result, BASE, checklist.plan_min_intensity, checklist.plan_max_items, "柳河镇", bounds)
    return {item.key: item for item in items}


def _with_apps(checklist: Checklist, *apps: dict) -> dict[str, Answer]:
    answers = scenario_answers(checklist, BY_ID["four_checkin_apps"])
    answers["apps.inventory"] = Answer([*BENIGN_APPS, *apps])
    return answers


def _daily(name: str, minutes: int, **flags: bool) -> dict:
    return app(name, "县应急管理局", usage="daily", minutes_per_day=minutes, **flags)


FORCED = "fix:stop_forced_features:escalate"


def test_the_same_hours_of_the_same_apps_are_said_once(v3: Checklist) -> None:
    """QA: every forced app being a check-in app, the item said "强制使用的应用每人每月约占58小时。
    打卡排名类应用每人每月约占58小时。" — one figure twice."""
    problem = _plan(v3, scenario_answers(v3, BY_ID["four_checkin_apps"]))[FORCED].problem
    assert problem.count("58小时") == 1, problem
    assert problem.startswith("强制使用的应用每人每月约占58小时，其中4个应用或工作群有打卡、排名或在线时长要求（")
    assert all(f"打卡APP{i}" in problem for i in range(4))
    assert "另有" not in problem  # the dropped sentence no longer pushes a problem out


def test_part_of_the_hours_is_said_as_part_of_them(v3: Checklist) -> None:
    answers = _with_apps(
        v3,
        _daily("巡查通", 40, checkin=True),
        _daily("报表通", 40, forced_download=True),
        _daily("学习通", 20, checkin=True),
    )
    problem = _plan(v3, answers)[FORCED].problem
    # 100 and 60 minutes a working day: all three apps, the two with check-in
    assert problem.startswith(
        "强制使用的应用每人每月约占36.3小时，其中打卡排名类应用每人每月约占21.8小时；"
        "2个应用或工作群有打卡、排名或在线时长要求（巡查通、学习通）；1个政务应用要求强制下载注册：报表通。"
    ), problem


def test_duplicates_are_said_among_all_the_apps(v3: Checklist) -> None:
    answers = _with_apps(v3, *(_daily(f"条线APP{i}", 5, duplicate=i < 2) for i in range(14)))
    problem = _plan(v3, answers)["fix:consolidate_platforms:escalate"].problem
    assert problem.startswith(
        "本镇干部须使用的政务应用、平台和工作群共16个，其中2个政务应用或工作群与其他平台功能重复：条线APP0、条线APP1。"
    ), problem


def test_a_list_of_names_already_given_reads_same_as_above(v3: Checklist) -> None:
    answers = scenario_answers(v3, BY_ID["four_checkin_apps"])
    platforms = [a["row_id"] for a in BENIGN_APPS]  # each filed to two platforms of the inventory
    tasks = [
        {"row_id": f"t{i}", "cells": {"name": name, "department": "县民政局", "frequency": "monthly",
                                     "minutes_each": 60, "platforms": platforms, "data_elsewhere": True}}
        for i, name in enumerate(["低保对象动态核查", "就业情况统计"])
    ]  # fmt: skip
    answers["filing.tasks"] = Answer(tasks)
    problem = _plan(v3, answers)["fix:one_table:escalate"].problem
    assert problem.count("低保对象动态核查、就业情况统计") == 1, problem
    assert "仍要求本镇填报：同上。" in problem


def test_no_part_is_claimed_that_the_rows_do_not_show(v3: Checklist) -> None:
    """ "其中" only where every row of the part is a row of the whole: a forced app without check-in
    is not said to be among the check-in apps' hours."""
    answers = _with_apps(v3, _daily("巡查通", 40, checkin=True), _daily("报表通", 40, forced_download=True))
    result = score_assessment(v3, answers)
    group = next(
        g for g in measure_groups(result, v3.plan_min_intensity) if g[0].rule.measure.fix == "stop_forced_features"
    )
    problem = _plan(v3, answers)[FORCED].problem
    for clause in problem.split("。")[:-1]:
        whole, _, parts = clause.partition("，其中")
        whole_hit = next(h for h in group if official_spacing(problem_text(h)).removesuffix("。") == whole)
        rows = {r.row_id for r in whole_hit.rows}
        for part in filter(None, parts.split("；")):
            part_hit = next(h for h in group if official_spacing(problem_text(h)).removesuffix("。") == part.strip())
            assert {r.row_id for r in part_hit.rows} <= rows, (part, whole)


@pytest.mark.parametrize("version", [2, 3])
def test_no_merged_item_of_the_sample_county_says_a_figure_or_list_twice(library, version: int) -> None:
    for assessment, result in sample_assessments(library, dt.date(2027, 1, 15), version=version):
        checklist = library.get("township-selfcheck", version)
        bounds = upper_bounds(checklist)
        for item in draft_plan(result, BASE, checklist.plan_min_intensity, checklist.plan_max_items, "", bounds):
            sentences = [s for s in re.split(r"[。；]", item.problem) if s]
            assert len(sentences) == len(set(sentences)), item.problem
            lists = re.findall(r"[：（]([^：（）。]+、[^：（）。]+)[）。]", item.problem)
            assert len(lists) == len(set(lists)), (assessment.township.name, item.problem)
            hours = re.findall(r"约占([\d.]+)小时", item.problem)
            assert len(hours) == len(set(hours)), item.problem


def test_a_problem_alone_reads_as_the_rule_states_it(v3: Checklist) -> None:
    answers = _with_apps(v3, _daily("巡查通", 40, checkin=True))
    result = score_assessment(v3, answers)
    hit = next(h for h in result.hits if h.rule.id == "apps_checkin_time")
    assert problem_text(hit) == "打卡排名类应用每人每月约占 14.5 小时。"  # the rule as the checklist writes it
    assert problem_text(replace(hit, rows=())) == problem_text(hit)  # no $names in it


@pytest.mark.parametrize("version", [2, 3])
def test_video_meetings_are_said_among_the_meetings(library, version: int) -> None:
    """The checklist says video meetings may not outnumber meetings (a consistency check): the merged
    item says them as a part ("其中"), after the total, whichever weighs more."""
    checklist = library.get("township-selfcheck", version)
    answers = scenario_answers(checklist, BY_ID["meetings_and_inspections"])
    answers["meetings.per_month"], answers["meetings.video_per_month"] = Answer(24), Answer(20)
    result = score_assessment(checklist, answers)
    key = "fix:meetings:escalate"
    items = draft_plan(result, BASE, checklist.plan_min_intensity, 0, "柳河镇", upper_bounds(checklist))
    problem = next(i for i in items if i.key == key).problem
    assert "本镇干部每月需参加上级会议约24次，其中每月视频会议约20次。" in problem, problem
    # without the checklist's word for it, nothing is said to be a part of anything
    unbound = next(i for i in draft_plan(result, BASE, checklist.plan_min_intensity) if i.key == key)
    assert "其中" not in unbound.problem


def test_problems_opening_alike_are_said_as_one_sentence(v3: Checklist) -> None:
    answers = scenario_answers(v3, BY_ID["photo_checkin_traces"])
    plan = _plan(v3, answers)
    traces = plan["fix:stop_traces:escalate"].problem
    assert (
        traces == "上级要求干部开启定位、上传巡查轨迹，每天在平台填写工作日志或上传工作照片，拍照打卡（带定位、水印）。"
    )
    assert plan["fix:stop_traces:own"].problem == "每名干部每天约花60分钟拍照、上传、写日志留痕，平均拍照打卡4次。"


def test_an_opening_with_a_figure_is_not_shared(library) -> None:
    """v2: "1个政务应用或工作群设置了打卡…（甲）" and "1个政务应用要求强制下载注册：乙" are two apps:
    joined after their shared "1个政务应用" they would read as one."""
    v2 = library.get("township-selfcheck", 2)
    answers = _with_apps(v2, _daily("甲", 5, checkin=True), _daily("乙", 5, forced_download=True))
    problem = _plan(v2, answers)[FORCED].problem
    assert problem.startswith(
        "1个政务应用或工作群设置了打卡签到、积分排名或在线时长要求（甲）。1个政务应用要求强制下载注册：乙。"
    )


@pytest.mark.parametrize("version", [3, 4])
def test_drafted_texts_write_numerals_as_documents_do(library, version: int) -> None:
    """QA walk4 #4: the templates say "约占 $value 小时"; the plan page, the drill-down and the
    workbook showed the draft so. Drafts are stored in the documents' numerals ("约占7.4小时")."""
    checklist = library.get("township-selfcheck", version)
    bounds = upper_bounds(checklist)
    drafted = 0
    for assessment, result in sample_assessments(library, dt.date(2027, 1, 15), version=version):
        name = assessment.township.name
        for item in draft_plan(result, BASE, checklist.plan_min_intensity, checklist.plan_max_items, name, bounds):
            for text in (item.problem, item.measure):
                assert text == official_spacing(text), text
                assert not re.search(r"[\u4e00-\u9fff] +\d|\d +[\u4e00-\u9fff]", text), text
            drafted += 1
    assert drafted > 50


def test_spacing_keeps_latin_text_apart_and_never_rewrites_an_edit(v3: Checklist) -> None:
    forced = _plan(v3, _with_apps(v3, _daily("巡查 APP", 40, checkin=True)))[FORCED]
    assert "约占" in forced.problem and "（巡查 APP" in forced.problem  # Latin keeps its spaces
    edited = forced.edit(problem="每名干部每天约花 60 分钟（本镇填写）")
    assert edited.problem == "每名干部每天约花 60 分钟（本镇填写）"  # the township's words stay its own


def test_problems_left_out_point_at_the_townships_plan(library) -> None:
    """QA walk4 #10: "见“主要问题”部分" pointed at nothing in the county window and workbook."""
    checklist = library.get("township-selfcheck", 4)
    bounds = upper_bounds(checklist)
    said = []
    for assessment, result in sample_assessments(library, dt.date(2027, 1, 15), version=4):
        name = assessment.township.name
        for item in draft_plan(result, BASE, checklist.plan_min_intensity, checklist.plan_max_items, name, bounds):
            if "另有" in item.problem:
                said.append((name, item.problem))
    assert said
    for name, problem in said:
        assert "“主要问题”部分" not in problem
        own = local_wording("本镇整改方案", name)
        assert re.search(rf"另有\d+个相关问题（见{own}“主要问题”）。$", problem), problem


def test_the_county_reads_older_drafts_as_documents_print_them() -> None:
    old = "本街道干部每月需参加上级会议约 24 次，其中 3 个视频会议。另有2个相关问题，见“主要问题”部分。"
    assert as_read_anywhere(old, "城关街道") == (
        "本街道干部每月需参加上级会议约24次，其中3个视频会议。另有2个相关问题（见本街道整改方案“主要问题”）。"
    )
    assert as_read_anywhere("网格通 APP 每天打卡 2 次") == "网格通 APP 每天打卡2次"  # Latin stays apart
