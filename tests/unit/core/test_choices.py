"""Exclusive multi-select choices and the department choices of "提出部门" items."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from jianfu.core.answers import Answer, check_answer
from jianfu.core.checklist import Checklist, FieldType, load_checklist
from jianfu.core.choices import DEPARTMENTS, add_department, department_choices, split_departments, toggle_choice
from jianfu.core.errors import AnswerError, ChecklistError
from jianfu.core.library import ChecklistLibrary
from jianfu.exchange.assessment_file import (
    AssessmentFileError,
    read_assessment_file,
    to_document,
    write_assessment_file,
)
from jianfu.exchange.demo import sample_assessments


@pytest.fixture(scope="module")
def v2(library: ChecklistLibrary) -> Checklist:
    return library.get("township-selfcheck", 2)


def test_every_none_of_these_is_exclusive(v2: Checklist) -> None:
    stems = [i for i in v2.items() if i.type is FieldType.MULTI_CHOICE]
    assert stems
    for item in stems:
        none = item.choice("none")
        assert none is not None and none.exclusive and none.label == "以上都没有", item.id
        assert [c.value for c in item.choices if c.exclusive] == ["none"]


def test_ticking_none_clears_the_others_and_vice_versa(v2: Checklist) -> None:
    item = v2.item("apps.situations")
    assert toggle_choice(item, ["daily_browse", "showcase"], "none", True) == ["none"]
    assert toggle_choice(item, ["none"], "showcase", True) == ["showcase"]
    assert toggle_choice(item, ["showcase"], "daily_browse", True) == ["daily_browse", "showcase"]
    assert toggle_choice(item, ["daily_browse", "showcase"], "showcase", False) == ["daily_browse"]
    assert toggle_choice(item, ["none"], "none", False) == []


def test_a_stored_answer_combining_none_with_another_is_refused(v2: Checklist) -> None:
    check_answer(v2, "apps.situations", Answer(["none"]))
    check_answer(v2, "apps.situations", Answer(["showcase", "faked_counts"]))
    with pytest.raises(AnswerError, match="“以上都没有”不能与其他选项同时勾选"):
        check_answer(v2, "apps.situations", Answer(["showcase", "none"]))


def test_an_assessment_file_combining_them_is_rejected(library: ChecklistLibrary, tmp_path: Path) -> None:
    assessment, result = sample_assessments(library)[0]
    answers = dict(assessment.answers)
    answers["apps.situations"] = Answer(["none", "showcase"])
    path = tmp_path / "combined.jianfu"
    write_assessment_file(path, to_document(replace(assessment, answers=answers), result))
    with pytest.raises(AssessmentFileError, match="不能与其他选项同时勾选"):
        read_assessment_file(path, library)


def test_department_items_are_declared_as_choices_from_departments(v2: Checklist) -> None:
    picked = [i.id for i in v2.items() if i.choices_from == DEPARTMENTS]
    assert sorted(picked) == ["apps.imposed_by", "filing.imposed_by", "meetings.imposed_by", "traces.imposed_by"]
    department_items = {r.department_item for r in v2.rules if r.department_item}
    assert department_items <= set(picked)


def test_department_choices_gather_every_department_entered(v2: Checklist) -> None:
    answers = {
        "apps.inventory": Answer(
            [
                {"row_id": "r1", "cells": {"name": "网格通", "department": "县委政法委"}},
                {"row_id": "r2", "cells": {"name": "巡河通", "department": "县水利局"}},
                {"row_id": "r3", "cells": {"name": "无部门"}},
            ]
        ),
        "filing.tasks": Answer([{"row_id": "t1", "cells": {"name": "月报", "department": "县民政局"}}]),
        "meetings.imposed_by": Answer("县委办公室、县委政法委"),
    }
    found = department_choices(v2, answers, ["县统计局", "县水利局"])
    assert found == ["县委政法委", "县水利局", "县民政局", "县委办公室", "县统计局"]
    assert department_choices(v2, {}) == []


def test_adding_and_splitting_departments() -> None:
    assert split_departments("县民政局、县农业农村局，市公安局") == ["县民政局", "县农业农村局", "市公安局"]
    assert split_departments(None) == []
    assert add_department("县民政局", "县水利局") == "县民政局、县水利局"
    assert add_department("县民政局、县水利局", "县民政局") == "县民政局、县水利局"
    assert add_department("", "县水利局") == "县水利局"


CHECKLIST_HEAD = """
format: jianfu-checklist
id: t
version: 1
title: 测试
sources: {tool: 本工具}
manifestations: [{id: trace_alienation, name: 痕迹, description: 说明}]
levels: [{id: low, label: 较轻, below: 101}]
sections:
- id: s
  title: 节
  items:
"""


def _load(tmp_path: Path, body: str) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(CHECKLIST_HEAD + body + "rules: []\n", encoding="utf-8")
    load_checklist(path)


def test_choices_from_only_on_text_items_with_a_known_source(tmp_path: Path) -> None:
    bad_source = "  - {id: s.who, type: text, label: 谁, help: 帮助, source: 本工具, choices_from: planets}\n"
    bad_type = "  - {id: s.n, type: number, label: 数, help: 帮助, source: 本工具, choices_from: departments}\n"
    for body in (bad_source, bad_type):
        with pytest.raises(ChecklistError, match="choices_from"):
            _load(tmp_path, body)


def test_exclusive_must_be_true_or_false(tmp_path: Path) -> None:
    body = (
        "  - {id: s.m, type: multi_choice, label: 多选, help: 帮助, source: 本工具,"
        " choices: [{value: a, label: 甲}, {value: none, label: 以上都没有, exclusive: maybe}]}\n"
    )
    with pytest.raises(ChecklistError, match="exclusive"):
        _load(tmp_path, body)
