"""Who imposes a burden: one named department, or "one or more of" several, never each of them."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from jianfu.core.answers import Answer
from jianfu.core.attribution import (
    Attribution,
    answer_attribution,
    combined,
    parse_attribution,
    picked,
    rows_attribution,
    unspecified,
)
from jianfu.core.limits import MAX_SHORT_TEXT
from jianfu.core.plan import draft_plan, rederive_departments
from jianfu.core.scoring import score_assessment

BASE = dt.date(2026, 12, 31)
TRACES = "fix:stop_traces:escalate"  # the photo check-in item, asked of the county


def test_a_single_department_answer_names_it() -> None:
    single = answer_attribution("县委组织部")
    assert single.named == ("县委组织部",) and single.any_of == () and single.text == "县委组织部"


def test_several_departments_in_one_answer_name_none_of_them() -> None:
    several = answer_attribution("县委组织部、县应急管理局")
    assert several.named == ()
    assert several.any_of == ("县委组织部", "县应急管理局") == several.possible
    assert several.text == "县委组织部、县应急管理局之一或多个（未指明）"
    assert answer_attribution("县委组织部，县应急管理局 县民政局").named == ()  # however separated


def test_no_department_answer_names_none() -> None:
    for blank in ("", "  ", None, 3):
        assert answer_attribution(blank) == Attribution() and answer_attribution(blank).text == ""


def test_each_row_names_its_own_department() -> None:
    rows = rows_attribution(["县委政法委", "县应急管理局", "县委政法委", ""])
    assert rows.named == ("县委政法委", "县应急管理局") and rows.any_of == ()
    assert rows.text == "县委政法委、县应急管理局"
    assert rows_attribution(["县 农业农村局"]).named == ("县 农业农村局",)  # a space is no separator in a cell


def test_merged_findings_keep_named_and_possible_apart() -> None:
    merged = combined([answer_attribution("县民政局"), answer_attribution("县民政局、县统计局")])
    assert merged.named == ("县民政局",) and merged.possible == ("县统计局",)
    assert merged.text == "县民政局；另县民政局、县统计局之一或多个（未指明）"
    # "one or more of" names all named anyway says nothing more
    assert combined([rows_attribution(["甲局", "乙局"]), answer_attribution("甲局、乙局")]).text == "甲局、乙局"


def test_department_fields_read_back() -> None:
    for attribution in (
        answer_attribution("县委组织部、县应急管理局"),
        answer_attribution("县委组织部"),
        combined([answer_attribution("县民政局"), answer_attribution("县卫生健康局、县统计局")]),
        Attribution(),
    ):
        assert parse_attribution(attribution.text) == attribution
    # typed by the township for one item: every name it wrote is named, unless it says "之一或多个"
    assert parse_attribution("县民政局、县统计局").named == ("县民政局", "县统计局")
    assert parse_attribution("县民政局、县统计局之一或多个").named == ()
    assert parse_attribution("县民政局之一或多个（未指明）").named == ("县民政局",)  # one of one


def test_a_long_list_stays_within_the_field_and_never_becomes_named() -> None:
    names = [f"县第{n}个很长名称的工作领导小组办公室" for n in range(12)]
    text = Attribution.of(any_of=names).text
    assert len(text) <= MAX_SHORT_TEXT and text.endswith("等之一或多个（未指明）")
    assert parse_attribution(text).named == ()
    crowded = Attribution.of(named=[n + "甲" for n in names[:9]], any_of=names).text
    assert len(crowded) <= MAX_SHORT_TEXT and parse_attribution(crowded).named == tuple(n + "甲" for n in names[:9])


@pytest.mark.parametrize(
    ("answer", "department", "named"),
    [
        ("县委组织部、县应急管理局", "县委组织部、县应急管理局之一或多个（未指明）", ()),
        ("县委组织部", "县委组织部", ("县委组织部",)),
        ("", "", ()),
    ],
)
def test_the_plan_item_says_what_the_answer_says(checklist, answer, department, named) -> None:
    answers = {"traces.photo_checkin": Answer(True), "traces.imposed_by": Answer(answer)}
    plan = draft_plan(score_assessment(checklist, answers), BASE, checklist.plan_min_intensity)
    item = next(i for i in plan if i.key == TRACES)
    assert item.department == department and parse_attribution(item.department).named == named


def test_rows_name_their_departments_whatever_the_section_answer(checklist) -> None:
    answers = {
        "apps.inventory": Answer(
            [
                {"row_id": "r1", "cells": {"name": "网格通", "department": "县委政法委", "checkin": True}},
                {"row_id": "r2", "cells": {"name": "巡查APP", "department": "县应急管理局", "checkin": True}},
            ]
        ),
        "apps.imposed_by": Answer("县委宣传部、县数据局"),
    }
    plan = draft_plan(score_assessment(checklist, answers), BASE, checklist.plan_min_intensity)
    item = next(i for i in plan if i.rule_id == "apps_checkin")
    assert item.department == "县委政法委、县应急管理局"


def test_a_plan_drafted_before_is_redrafted_unless_the_township_edited_the_field(checklist) -> None:
    answers = {"traces.photo_checkin": Answer(True), "traces.imposed_by": Answer("县委组织部、县应急管理局")}
    result = score_assessment(checklist, answers)
    (drafted,) = [i for i in draft_plan(result, BASE, checklist.plan_min_intensity) if i.key == TRACES]
    old = drafted.edit(responsible_person="李明")
    old = replace(old, department="县委组织部、县应急管理局")  # as an earlier version drafted it
    typed = drafted.edit(department="县委组织部")  # the township said which one
    (again,) = rederive_departments([old], result, checklist.plan_min_intensity)
    assert again.department == drafted.department and again.responsible_person == "李明"
    assert rederive_departments([typed], result, checklist.plan_min_intensity) == [typed]


def _dispatch_plan(checklist, platforms: list[tuple[str, str]], answer: str = "县委政法委、县应急管理局"):
    rows = [
        {"row_id": f"d{n}", "cells": {"name": name, "kind": "dispatch_platform", "department": department}}
        for n, (name, department) in enumerate(platforms)
    ]
    other = {"row_id": "a1", "cells": {"name": "学习强国", "kind": "app", "department": "县委宣传部"}}
    answers = {
        "apps.dispatch_used": Answer(True),
        "apps.dispatch_per_month": Answer(150),
        "apps.dispatch_practices": Answer(["no_override", "ranking"]),
        "apps.inventory": Answer([*rows, other]),
        "apps.imposed_by": Answer(answer),
    }
    plan = draft_plan(score_assessment(checklist, answers), BASE, checklist.plan_min_intensity)
    return [i for i in plan if i.rule_id and i.rule_id.startswith("dispatch_")]


def test_dispatch_is_attributed_to_the_one_department_owning_the_dispatch_platforms(checklist) -> None:
    """The 派单平台 row's own department says who runs the dispatch, over the section's answer
    naming several (which the other apps of the section share)."""
    (item,) = _dispatch_plan(checklist, [("基层治理四平台", "县社会治理中心")])
    assert item.department == "县社会治理中心" and parse_attribution(item.department).named == ("县社会治理中心",)
    (both,) = _dispatch_plan(checklist, [("基层治理四平台", "县社会治理中心"), ("12345热线", "县 社会治理中心")])
    assert both.department == "县社会治理中心"  # the same department typed two ways


@pytest.mark.parametrize(
    "platforms",
    [
        [("基层治理四平台", "县社会治理中心"), ("数字城管", "县城市管理局")],  # two departments: which?
        [("基层治理四平台", "县社会治理中心"), ("12345热线", "")],  # one platform's owner not given
        [("基层治理四平台", "县社会治理中心、县数据局")],  # one row naming two
        [],  # no 派单平台 row
    ],
)
def test_dispatch_falls_back_to_the_section_answer_unless_one_department_is_named(checklist, platforms) -> None:
    (item,) = _dispatch_plan(checklist, platforms)
    assert item.department == "县委政法委、县应急管理局之一或多个（未指明）"
    assert parse_attribution(item.department).named == ()


def test_dispatch_rules_read_the_dispatch_platform_rows(checklist) -> None:
    dispatch = [r for r in checklist.rules if r.id.startswith("dispatch_")]
    assert dispatch and all(r.department_rows is not None for r in dispatch)
    assert all(r.department_rows.table == "apps.inventory" for r in dispatch)


def test_invisible_characters_copied_with_a_name_do_not_split_a_department() -> None:
    """Text copied from web pages and chats carries zero-width spaces, joiners and bidi marks:
    the department they hide in is the same department (one row and one count in the county)."""
    from jianfu.core.attribution import department_key

    plain = department_key("县应急管理局")
    for hidden in ("\u200b", "\u200c", "\u200d", "\u200e", "\u202e", "\u2060", "\u2066", "\u00ad", "\ufeff"):
        assert department_key(f"县应急{hidden}管理局") == plain, repr(hidden)
    assert department_key("县农业农村局") != plain


def test_the_township_picks_which_of_the_listed_departments_it_is() -> None:
    """The plan page offers the listed departments of a "one or more of" field; the pick names it,
    keeps what was named already, and the county counts the item under it alone."""
    listed = "县政府办公室、县委办公室、县委组织部之一或多个（未指明）"
    assert unspecified(listed) == ("县政府办公室", "县委办公室", "县委组织部")
    assert picked(listed, "县委办公室") == "县委办公室"
    assert parse_attribution(picked(listed, "县委办公室")).named == ("县委办公室",)
    both = Attribution.of(named=["县城市管理局"], any_of=["县生态环境局", "县委宣传部"]).text
    assert unspecified(both) == ("县生态环境局", "县委宣传部")
    assert picked(both, "县委宣传部") == "县城市管理局、县委宣传部"
    assert unspecified(picked(both, "县委宣传部")) == ()
    for specific in ("县城市管理局", "县民政局、县市场监管局", ""):
        assert unspecified(specific) == ()
