"""Tables: the explicit "none" answer, 不适用 withdrawn, old 不适用 kept and flagged, and the
consistency checks that stop "none" from hiding burdens other answers reveal."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from jianfu.core.answers import Answer, check_answer, completion, counts_as_answered
from jianfu.core.checklist import Checklist, FieldType, load_checklist
from jianfu.core.completeness import completeness, summary_text
from jianfu.core.errors import AnswerError, ChecklistError
from jianfu.core.library import ChecklistLibrary
from jianfu.core.scoring import score_assessment
from jianfu.exchange.demo import sample_assessments, sample_township_assessment
from jianfu.paths import resources_dir

PLAUSIBLE = "本镇所用平台均为县里统一部署，不另行列出"


def _heaviest(library: ChecklistLibrary) -> tuple[Checklist, dict[str, Answer]]:
    """高坪镇 2026-Q4, the demo county's heaviest township (the closing note's scenario), on v2."""
    assessment = next(
        a
        for a, _ in sample_assessments(library, version=2)
        if a.township.name == "高坪镇" and a.period.code == "2026-Q4"
    )
    return library.get(assessment.checklist_id, assessment.checklist_version), dict(assessment.answers)


def test_v2_tables_offer_none_with_wording_from_the_checklist(checklist: Checklist) -> None:
    tables = [item for item in checklist.items() if item.type is FieldType.TABLE]
    assert {t.id for t in tables} == {"apps.inventory", "filing.tasks"}
    for table in tables:
        assert table.allows_declared_none and table.none_label.startswith("没有")
        assert not table.allows_not_applicable
        assert not table.counts_stored_not_applicable  # an old 不适用 is withdrawn: flagged, not counted
        assert table.not_applicable_withdrawn
    assert not checklist.item("apps.zombie_count").allows_declared_none


def test_v1_tables_keep_not_applicable(library: ChecklistLibrary) -> None:
    v1 = library.get("township-selfcheck", 1)
    table = v1.item("apps.inventory")
    assert table.allows_not_applicable and not table.allows_declared_none


def test_an_empty_table_is_unanswered_and_none_answers_it(checklist: Checklist) -> None:
    item = checklist.item("filing.tasks")
    for blank in (None, Answer(), Answer([]), Answer([], note="县里说以后再报")):
        assert not counts_as_answered(item, blank)
        assert "filing.tasks" in completeness(checklist, {"filing.tasks": blank} if blank else {}).missing_items
    none = Answer([], declared_none=True)
    assert none.is_answered and counts_as_answered(item, none)
    assert none.effective() == []
    assert "filing.tasks" not in completeness(checklist, {"filing.tasks": none}).missing_items
    assert completion(checklist, {"filing.tasks": none}, "filing")[0] == 1


def test_none_is_refused_where_it_does_not_fit(checklist: Checklist) -> None:
    check_answer(checklist, "apps.inventory", Answer([], declared_none=True))
    row = {"row_id": "r1", "cells": {"name": "某APP"}}
    cases = [
        ("apps.inventory", Answer([row], declared_none=True), "先删除各行"),
        ("apps.inventory", Answer([], not_applicable=True, declared_none=True), "不能同时"),
        ("apps.zombie_count", Answer(None, declared_none=True), "没有“没有"),
        ("apps.inventory", Answer(None, declared_none=True), "应为空表"),
    ]
    for item_id, answer, words in cases:
        with pytest.raises(AnswerError, match=words):
            check_answer(checklist, item_id, answer)


def test_gaming_scenario_inventory_not_applicable_no_longer_pays(library: ChecklistLibrary) -> None:
    """The closing note's open gap: 不适用 with a plausible reason on the inventory took 高坪镇's
    platform score from 62.7 to 31.1 with a level. Not offered any more; an old or hand-made one
    still scores as answered but the other answers contradict it: no level, and it is said."""
    checklist, answers = _heaviest(library)
    honest = score_assessment(checklist, answers)
    assert honest.complete
    assert round(honest.manifestations["platform_formalism"].score, 1) == 62.7
    for gamed_answer in (
        Answer(answers["apps.inventory"].value, not_applicable=True, note=PLAUSIBLE),
        Answer([], declared_none=True),
    ):
        gamed = score_assessment(checklist, {**answers, "apps.inventory": gamed_answer})
        assert gamed.manifestations["platform_formalism"].score < 40  # what scoring reads is answered…
        assert not gamed.complete  # …but no level: the answers contradict each other
        assert gamed.overall_level == "incomplete"
        assert all(m.level == "incomplete" for m in gamed.manifestations.values())
        reasons = "".join(gamed.completeness.incomplete_reasons())
        assert "作答前后矛盾1处" in reasons and "政务应用、平台与工作群清单" in reasons


def test_each_contradicting_answer_alone_flags_none_on_the_inventory(library: ChecklistLibrary) -> None:
    checklist, answers = _heaviest(library)
    quiet = {
        **answers,
        "apps.inventory": Answer([], declared_none=True),
        "apps.official_accounts_followed": Answer(0),
        "apps.zombie_count": Answer(0),
        "apps.group_count_per_cadre": Answer(0),
        "filing.account_count": Answer(0),
        "apps.dispatch_used": Answer(False),
        "apps.situations": Answer(["none"]),
        "filing.tasks": Answer([], declared_none=True),
        "filing.report_items_per_year": Answer(0),
        "filing.practices": Answer(["none"]),
    }
    assert completeness(checklist, quiet).inconsistent == ()  # "none" everywhere, consistently
    for item_id, value in (
        ("apps.official_accounts_followed", 3),
        ("apps.zombie_count", 1),
        ("apps.group_count_per_cadre", 2.5),
        ("filing.account_count", 4),
        ("apps.dispatch_used", True),
        ("apps.situations", ["usage_rate_circulated"]),
    ):
        done = completeness(checklist, {**quiet, item_id: Answer(value)})
        assert len(done.inconsistent) == 1 and "政务应用" in done.inconsistent[0], item_id
        assert not done.complete
    for item_id, value in (("filing.report_items_per_year", 12), ("filing.practices", ["same_day"])):
        done = completeness(checklist, {**quiet, item_id: Answer(value)})
        assert len(done.inconsistent) == 1 and "主要报送任务清单" in done.inconsistent[0], item_id


def test_a_blank_table_is_missing_not_contradicted(library: ChecklistLibrary) -> None:
    checklist, answers = _heaviest(library)
    del answers["apps.inventory"]
    done = completeness(checklist, answers)
    assert "apps.inventory" in done.missing_items and done.inconsistent == ()


def test_old_not_applicable_on_a_table_is_flagged_and_gets_no_level(library: ChecklistLibrary) -> None:
    """Before "none" existed, 不适用 was the only way to say a table had nothing to list. v2 no
    longer offers 不适用 there: such an answer (an older database or file) is listed for the cadre
    and the county, and the assessment gets no level until the table is answered."""
    assessment, honest = sample_township_assessment(library)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    answers = {
        **assessment.answers,
        "filing.tasks": Answer(None, not_applicable=True, note="本镇报表全部通过一张表报送"),
        "filing.report_items_per_year": Answer(0),
        "filing.practices": Answer(["none"]),
    }
    result = score_assessment(checklist, answers)
    done = result.completeness
    assert done.table_not_applicable == ("filing.tasks",)
    assert "filing.tasks" not in done.missing_items and done.inconsistent == ()
    assert done.withdrawn_not_applicable == ("filing.tasks",)
    assert not result.complete and result.overall_level == "incomplete"  # not counted as "nothing to list"…
    assert "1张表格标为不适用" in done.summary()  # …and shown for checking
    assert any("须重新作答" in reason for reason in done.incomplete_reasons())
    answered = {**answers, "filing.tasks": Answer([], declared_none=True)}
    assert score_assessment(checklist, answered).complete
    assert honest.completeness.table_not_applicable == ()


def test_summary_names_flags_only_when_there_are_some() -> None:
    plain = summary_text(40, 2, 0, 0)
    assert "表格" not in plain and "矛盾" not in plain
    flagged = summary_text(40, 2, 0, 0, table_not_applicable=1, inconsistent=2)
    assert "1张表格标为不适用" in flagged and "作答前后矛盾2处" in flagged


def _variant(tmp_path: Path, change: object) -> Path:
    data = yaml.safe_load((resources_dir() / "checklists" / "township-selfcheck" / "v2.yaml").read_text("utf-8"))
    assert callable(change)
    change(data)
    path = tmp_path / "v2.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _item(data: dict[str, object], item_id: str) -> dict[str, object]:
    sections = data["sections"]
    assert isinstance(sections, list)
    return next(i for s in sections for i in s["items"] if i["id"] == item_id)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: _item(d, "apps.zombie_count").update(none_answer="没有"), "none_answer 只能用于表格题"),
        (lambda d: _item(d, "apps.inventory").update(none_answer=""), "none_answer 必须是非空文字"),
        (lambda d: d["consistency"][0].update(table="apps.zombie_count"), "table 必须是有 none_answer 的表格题"),
        (
            lambda d: d["consistency"][0]["contradicted_when"]["any"].append({"item": "apps.nothing", "gt": 0}),
            "引用的题目 apps.nothing 不存在",
        ),
        (lambda d: d["consistency"][1].update(id=d["consistency"][0]["id"]), "id 重复"),
        (lambda d: d["consistency"][0].pop("message"), "message 必须是非空文字"),
        (lambda d: d["consistency"][-1].update(item="meetings.nothing"), "需要 table（答“没有”的表格题）或 item"),
        (
            lambda d: d["consistency"][-1]["contradicted_when"].update(gt={"item": "meetings.nothing"}),
            "引用的题目 meetings.nothing 不存在",
        ),
    ],
)
def test_checklist_problems_are_named(tmp_path: Path, change: object, words: str) -> None:
    with pytest.raises(ChecklistError, match=words):
        load_checklist(_variant(tmp_path, change))


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"meetings.per_month": 4, "meetings.video_per_month": 9}, "视频会议是每月会议的一部分"),
        ({"profile.cadre_count": 30, "meetings.attendees": 45}, "多于本镇在岗干部人数"),
    ],
)
def test_answers_that_cannot_both_be_true_withhold_the_level(
    library: ChecklistLibrary, changes: dict[str, int], words: str
) -> None:
    """More video meetings than meetings, more cadres at a meeting than the township has: a slip
    that inflates the meeting hours. The cadre is told which answers disagree; no level until fixed."""
    checklist, answers = _heaviest(library)
    assert completeness(checklist, answers).complete
    for item_id, value in changes.items():
        answers[item_id] = Answer(value)
    done = completeness(checklist, answers)
    assert not done.complete and len(done.inconsistent) == 1 and words in done.inconsistent[0]
    result = score_assessment(checklist, answers)
    assert all(m.level == "incomplete" for m in result.manifestations.values())
    limit, value = list(changes)
    answers[value] = Answer(changes[limit])  # brought down to the limit: equal is consistent
    assert completeness(checklist, answers).complete
