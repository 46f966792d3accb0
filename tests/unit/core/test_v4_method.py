"""Checklist v4 and scoring method v4: v3 with what QA found it to overstate or misdirect (the walk of
2026-12-05): an app's minutes counted for every cadre though a few use it (also in the county's
department hours), the same minutes entered as check-in app time and as tracing time, a township
measure for long upper-level meetings, in-app check-in left out of "photo check-in". The weights,
starts and caps are v3's. v3 keeps its own tests (test_v3_method.py): old assessments are scored
with the version they were answered with."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jianfu.core.answers import Answer
from jianfu.core.assessment import Assessment, Period, Township
from jianfu.core.attribution import department_burdens
from jianfu.core.carry import carry_assessment
from jianfu.core.checklist import Checklist, Handling
from jianfu.core.consistency import to_verify
from jianfu.core.errors import ChecklistError
from jianfu.core.library import ChecklistLibrary
from jianfu.core.method import method_text
from jianfu.core.plan import draft_plan, measure_groups, month_end, plan_annex
from jianfu.core.scoring import score_assessment
from jianfu.core.table_rows import required_columns
from jianfu.core.wizard import contradictions_by_page
from jianfu.exchange.demo import sample_assessments
from reference_scenarios import (
    BENIGN_APPS,
    TYPICAL,
    V3_SCENARIOS,
    V4_SCENARIOS,
    Scenario,
    add_burdens,
    app,
    assert_lands,
    load_raw,
    raw_checklist,
    scenario_answers,
    scored,
)

BY_ID = {s.id: s for s in V4_SCENARIOS}
TODAY = dt.date(2026, 12, 5)


@pytest.fixture(scope="module")
def v4(library: ChecklistLibrary) -> Checklist:
    return library.get("township-selfcheck", 4)


@pytest.fixture(scope="module")
def v3(library: ChecklistLibrary) -> Checklist:
    return library.get("township-selfcheck", 3)


def test_new_assessments_use_v4(library: ChecklistLibrary) -> None:
    assert library.latest().version == 4


@pytest.mark.parametrize("scenario", V4_SCENARIOS, ids=[s.id for s in V4_SCENARIOS])
def test_scenario_lands_where_its_passage_says(v4: Checklist, scenario: Scenario) -> None:
    assert_lands(v4, scenario)


@pytest.mark.parametrize("scenario", V3_SCENARIOS, ids=[s.id for s in V3_SCENARIOS])
def test_every_v3_scenario_scores_on_v4_as_on_v3(v3: Checklist, v4: Checklist, scenario: Scenario) -> None:
    """The v3 scenarios leave the new column blank (all cadres) and tick no proxy check-in beside a
    "no": v4 changes none of their figures, scores or levels."""
    assert scored(v4, scenario).to_json() == scored(v3, scenario).to_json()


def test_typical_burdens_stay_where_v3_put_them(v3: Checklist, v4: Checklist) -> None:
    for manifestation, ids in TYPICAL.items():
        for scenario_id in ids:
            m = scored(v4, BY_ID[scenario_id]).manifestations[manifestation]
            assert m.level == "high", (scenario_id, m.score, m.level)
            assert 45 <= m.score <= 55, (scenario_id, m.score)
            assert m.score == scored(v3, BY_ID[scenario_id]).manifestations[manifestation].score


def test_the_extreme_township_is_severe_and_the_light_one_light(v4: Checklist) -> None:
    result = scored(v4, BY_ID["extreme_township"])
    assert result.overall_level == "severe"
    assert sum(m.level == "severe" for m in result.manifestations.values()) >= 3
    light = scored(v4, BY_ID["light_township"])
    assert all(m.level == "low" for m in light.manifestations.values())


def test_v4_keeps_v3_weights_starts_and_caps(v3: Checklist, v4: Checklist) -> None:
    assert v4.weight_total == 100 and v4.score_full == v3.score_full
    assert [(r.id, dict(r.weights), r.start, r.full) for r in v4.rules] == [
        (r.id, dict(r.weights), r.start, r.full) for r in v3.rules
    ]
    assert v4.overall_floors == v3.overall_floors


def test_v4_asks_what_v3_asked(v3: Checklist, v4: Checklist) -> None:
    assert [i.id for i in v4.items()] == [i.id for i in v3.items()]
    assert v4.carry_forward is not None and v4.carry_forward.from_version == 3
    assert set(v4.carry_forward.same_id) == {i.id for i in v3.items()}
    inventory = v4.item("apps.inventory")
    assert [c.id for c in inventory.columns] == [
        *(c.id for c in v3.item("apps.inventory").columns if c.id != "minutes_per_day"),
        "users",
        "minutes_per_day",
    ]


# -- 2: an app's minutes are its users' (QA: 10 of 38 cadres counted as 38; department hours ~4×)


def _grid_answers(v4: Checklist, users: object, cadres: int = 38) -> dict[str, Answer]:
    answers = scenario_answers(v4, BY_ID["light_township"])
    cells: dict[str, object] = {"usage": "daily", "minutes_per_day": 28, "checkin": True}
    if users is not None:
        cells["users"] = users
    answers["apps.inventory"] = Answer([*BENIGN_APPS, app("网格通", "县委政法委", **cells)])
    answers["profile.cadre_count"] = Answer(cadres)
    return answers


def test_an_app_used_by_some_cadres_counts_for_them_only(v4: Checklist) -> None:
    some = score_assessment(v4, _grid_answers(v4, 10))
    assert some.complete
    assert some.fingertip_breakdown["apps"] == pytest.approx(28 * 21.75 / 60 * 10 / 38, abs=0.05)
    hit = next(h for h in some.hits if h.rule.id == "apps_checkin_time")
    assert [(r.name, round(r.amount, 2)) for r in hit.rows] == [("网格通", round(28 * 21.75 / 60 * 10 / 38, 2))]
    assert "profile.cadre_count" in hit.item_ids  # the answers behind it include the cadres it is divided by
    every = score_assessment(v4, _grid_answers(v4, None))
    assert every.fingertip_breakdown["apps"] == pytest.approx(28 * 21.75 / 60, abs=0.05)
    assert every.manifestations["trace_alienation"].score > some.manifestations["trace_alienation"].score


@pytest.mark.parametrize("users", [None, 38, 50, 3000])
def test_leaving_users_blank_or_overstating_them_never_lowers_the_hours(v4: Checklist, users: object) -> None:
    """Blank is all cadres (v3's reading), and more users than cadres count as all of them."""
    result = score_assessment(v4, _grid_answers(v4, users))
    assert result.fingertip_breakdown["apps"] == pytest.approx(28 * 21.75 / 60, abs=0.05)


def test_the_users_column_may_stay_blank(v4: Checklist) -> None:
    inventory = v4.item("apps.inventory")
    assert "users" not in {c.id for c in required_columns(v4, inventory)}
    assert "minutes_per_day" in {c.id for c in required_columns(v4, inventory)}
    assert score_assessment(v4, _grid_answers(v4, None)).complete


def test_department_hours_count_an_apps_users_like_the_fingertip_hours(v4: Checklist, v3: Checklist) -> None:
    """The county's 条线部门 hours: 网格通 used daily by 10 of 38 cadres at 28 minutes is 101.5 hours a
    month for the township (v3 counted 38 cadres: 385.7)."""
    grid = next(b for b in department_burdens(v4, _grid_answers(v4, 10)) if b.department == "县委政法委")
    assert grid.hours == pytest.approx(28 * 10 * 21.75 / 60, abs=0.01)
    blank = next(b for b in department_burdens(v4, _grid_answers(v4, None)) if b.department == "县委政法委")
    assert blank.hours == pytest.approx(28 * 38 * 21.75 / 60, abs=0.01)
    on_v3 = {k: a for k, a in _grid_answers(v4, None).items() if v3.has_item(k)}
    assert next(b for b in department_burdens(v3, on_v3) if b.department == "县委政法委").hours == blank.hours


def test_a_term_counts_users_only_from_a_number_column_of_its_table(library: ChecklistLibrary, tmp_path: Path) -> None:
    raw = raw_checklist(library, 4)
    term = next(t for t in raw["fingertip_hours"]["terms"] if t["id"] == "apps")
    term["users"] = "usres"
    with pytest.raises(ChecklistError, match="usres"):
        load_raw(tmp_path, raw)
    term["users"] = "name"
    with pytest.raises(ChecklistError, match="数字列"):
        load_raw(tmp_path, raw)
    raw = raw_checklist(library, 4)
    next(t for t in raw["fingertip_hours"]["terms"] if t["id"] == "traces")["users"] = "users"
    with pytest.raises(ChecklistError, match="users"):
        load_raw(tmp_path, raw)


def test_the_inventory_says_whose_minutes_and_where_check_in_time_goes(v4: Checklist) -> None:
    inventory = v4.item("apps.inventory")
    assert inventory.column("minutes_per_day").label == "使用者当天人均用时"
    assert "不填按全体干部" in inventory.column("users").label
    assert "不填按全体在岗干部计" in inventory.help and "网格通" in inventory.help
    assert "留痕时间不再重复填写" in inventory.help


# -- 1: check-in app time and tracing time are entered once


def test_the_tracing_time_leaves_out_the_apps_time(v4: Checklist) -> None:
    item = v4.item("traces.minutes_per_day")
    assert "不含应用清单中已填的用时" in item.label
    assert "不再重复填写" in item.help


def test_tracing_beside_a_daily_check_in_app_is_a_note_for_the_county_not_a_contradiction(v4: Checklist) -> None:
    answers = scenario_answers(v4, BY_ID["tracing_beside_checkin_apps"])
    result = score_assessment(v4, answers)
    assert result.complete and result.overall_level == "high"
    notes = to_verify(v4, answers)
    assert any("重复填报" in note for note in notes)
    # a little tracing, or check-in apps used weekly or briefly, say nothing
    answers["traces.minutes_per_day"] = Answer(20)
    assert not any("重复填报" in note for note in to_verify(v4, answers))
    answers["traces.minutes_per_day"] = Answer(45)
    answers["apps.inventory"] = Answer([*BENIGN_APPS, app("巡查APP", "县应急管理局", checkin=True, usage="weekly")])
    assert not any("重复填报" in note for note in to_verify(v4, answers))


# -- 3: long upper-level meetings are the county's to fix


def test_long_upper_level_meetings_are_escalated_with_the_rules_limits(v4: Checklist) -> None:
    rule = next(r for r in v4.rules if r.id == "meetings_long")
    assert rule.measure.handling is Handling.ESCALATE
    assert "主要讲话不超过1小时" in rule.measure.text and "半天" in rule.measure.text
    assert "本镇会议" not in rule.measure.text
    assert "上级会议" in rule.problem and "上级会议" in v4.item("meetings.average_hours").label
    result = scored(v4, BY_ID["long_upper_meetings"])
    plan = draft_plan(result, dt.date(2026, 12, 31), v4.plan_min_intensity, v4.plan_max_items, "柳河镇")
    item = next(i for i in plan if i.rule_id == "meetings_long")
    assert item.handling is Handling.ESCALATE and "县委办公室" in item.department
    assert "主要讲话不超过1小时" in item.measure  # its own item: a merged one keeps only two measures' texts
    assert rule.measure.fix not in {r.measure.fix for r in v4.rules if r.id != "meetings_long"}


# -- 4: in-app check-in is check-in; "no check-in" beside proxy check-in is a contradiction


def test_photo_check_in_includes_check_in_in_apps(v4: Checklist) -> None:
    item = v4.item("traces.photo_checkin")
    assert "应用" in item.label and "应用" in item.help
    assert v4.item("traces.practices").choice("proxy_checkin") is not None


def test_no_check_in_beside_proxy_check_in_gets_no_level(v4: Checklist) -> None:
    answers = scenario_answers(v4, BY_ID["light_township"])
    answers["traces.practices"] = Answer(["proxy_checkin"])
    result = score_assessment(v4, answers)
    assert not result.complete and result.overall_level == "incomplete"
    assert "traces.photo_checkin" in result.completeness.inconsistent_items
    assert any("代打卡" in text for text in result.completeness.inconsistent)
    answers["traces.photo_checkin"] = Answer(True)
    answers["traces.photo_checkins_per_day"] = Answer(1)
    assert score_assessment(v4, answers).complete


def test_soft_mismatches_about_check_in_are_not_contradictions(v4: Checklist) -> None:
    """A check-in column ticked in the inventory (it also means ranking or online time), location
    tracks or a check-in chain in a group do not contradict "no photo or location check-in"."""
    answers = scenario_answers(v4, BY_ID["light_township"])
    answers["apps.inventory"] = Answer([*BENIGN_APPS, app("党建云", "县委组织部", checkin=True)])
    answers["traces.practices"] = Answer(["location_tracking"])
    answers["apps.group_practices"] = Answer(["checkin_chain"])
    assert score_assessment(v4, answers).complete


def _v3_assessment(library: ChecklistLibrary, answers: dict[str, Answer]) -> Assessment:
    return Assessment(
        Township("柳河镇", "519901101000", "云溪县"),
        Period("2026-Q4"),
        "township-selfcheck",
        3,
        dt.date(2026, 12, 31),
        answers,
    )


def test_a_v3_no_beside_proxy_check_in_carries_as_yes(library: ChecklistLibrary, v3: Checklist, v4: Checklist) -> None:
    """v3 asked only about photo check-in with location and watermark: its "否" beside proxy check-in
    was consistent there. Carried to v4 it is "是" (count 0, noted), never a contradiction."""
    answers = scenario_answers(v3, BY_ID["light_township"])
    answers["traces.practices"] = Answer(["proxy_checkin"])
    answers["traces.photo_checkins_per_day"] = Answer(5)  # hidden in v3 behind 否: stale
    assert score_assessment(v3, answers).complete
    carried = carry_assessment(library, _v3_assessment(library, answers))
    assert carried.checklist_version == 4
    assert carried.answers["traces.photo_checkin"].value is True
    assert "第3版" in carried.answers["traces.photo_checkin"].note
    assert carried.answers["traces.photo_checkins_per_day"].value == 0
    result = score_assessment(v4, carried.answers)
    assert result.complete, result.completeness
    # without proxy check-in a v3 "否" stays "否"
    answers["traces.practices"] = Answer(["none"])
    plain = carry_assessment(library, _v3_assessment(library, answers))
    assert plain.answers["traces.photo_checkin"].value is False


def test_v3_demo_files_carry_to_v4_complete_with_their_hours(library: ChecklistLibrary, v4: Checklist) -> None:
    """The county reads every v3 file on v4: inventory rows without users count all cadres, as v3
    did, so a carried file's hours (and county department hours) are v3's."""
    for assessment, result in sample_assessments(library, TODAY, version=3):
        carried = carry_assessment(library, assessment)
        on_v4 = score_assessment(v4, carried.answers)
        assert on_v4.complete, (assessment.township.name, on_v4.completeness)
        assert on_v4.fingertip_breakdown == result.fingertip_breakdown
        assert abs(on_v4.overall - result.overall) < 1
        v3 = library.get("township-selfcheck", 3)
        assert [(b.department, b.hours) for b in department_burdens(v4, carried.answers)] == [
            (b.department, b.hours) for b in department_burdens(v3, assessment.answers)
        ]


# -- the demo county and its plans (the latest version)


def test_the_demo_county_is_answered_on_v4_and_shows_a_spread_of_levels(library: ChecklistLibrary) -> None:
    latest = [(a, r) for a, r in sample_assessments(library, TODAY) if a.period.code == "2026-Q4"]
    assert {a.checklist_version for a, _ in latest} == {4}
    assert all(r.complete for _, r in latest), [r.completeness for _, r in latest if not r.complete]
    overall = [r.overall_level for _, r in latest]
    assert {"low", "moderate", "high"} <= set(overall), overall
    assert overall.count("severe") <= len(overall) // 4, overall
    every = [m.level for _, r in latest for m in r.manifestations.values()]
    assert {"low", "moderate", "high", "severe"} <= set(every)
    # some apps are used by a share of the cadres, others (blank) by all
    rows = [row["cells"] for a, _ in latest for row in a.answers["apps.inventory"].value]
    assert any("users" in cells for cells in rows) and any("users" not in cells for cells in rows)
    cadres = {a.township.name: a.answers["profile.cadre_count"].value for a, _ in latest}
    for a, _ in latest:
        for row in a.answers["apps.inventory"].value:
            assert 1 <= row["cells"].get("users", 1) <= cadres[a.township.name]


def test_heaviest_demo_township_plan_is_focused(library: ChecklistLibrary) -> None:
    latest = [(a, r) for a, r in sample_assessments(library, TODAY) if a.period.code == "2026-Q4"]
    assessment, result = max(latest, key=lambda pair: pair[1].overall)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    assert checklist.version == 4
    plan = assessment.plan
    assert 0 < len(plan) <= checklist.plan_max_items
    for item in plan:
        assert dt.date.fromisoformat(item.deadline).isoformat() == month_end(dt.date.fromisoformat(item.deadline))
    groups = measure_groups(result, checklist.plan_min_intensity)
    in_plan = {h.rule.id for g in groups[: checklist.plan_max_items] for h in g}
    annex = plan_annex(result, checklist.plan_min_intensity, checklist.plan_max_items, assessment.township.name)
    assert len(in_plan) + len(annex) == len(result.hits)
    assert {i.rule_id for i in plan} <= in_plan


@pytest.mark.parametrize("scenario", V4_SCENARIOS, ids=[s.id for s in V4_SCENARIOS])
def test_ticking_no_dispatch_never_lowers_a_level_given(v4: Checklist, scenario: Scenario) -> None:
    answers = scenario_answers(v4, scenario)
    before = score_assessment(v4, answers)
    answers["apps.dispatch_used"] = Answer(False)
    after = score_assessment(v4, answers)
    if after.complete:
        for m in before.manifestations:
            assert after.manifestations[m].score >= before.manifestations[m].score, (scenario.id, m)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(scenario=st.sampled_from(V4_SCENARIOS), picks=st.lists(st.integers(0, 10_000), min_size=1, max_size=5))
def test_v4_adding_a_burden_never_lowers_ascored(v4: Checklist, scenario: Scenario, picks: list[int]) -> None:
    answers = scenario_answers(v4, scenario)
    before = score_assessment(v4, answers)
    add_burdens(v4, answers, picks)
    after = score_assessment(v4, answers)
    for m in before.manifestations:
        assert after.manifestations[m].score >= before.manifestations[m].score, m


# -- 5: the method page a cadre reads


def test_the_method_page_shows_no_source_code_and_says_what_changed(v4: Checklist) -> None:
    text = method_text(v4)
    assert text.startswith("# 评分方法说明（第4版清单）")
    for code in ("tests/", ".py", "yaml", "`"):  # no file paths or identifiers shown to cadres
        assert code not in text, code
    assert "一并发布，县减负办可索取核对" in text
    for change in ("使用人数", "不含应用清单中已填的用时", "上级会议", "代打卡"):
        assert change in text, change


# -- helpers


def test_the_scenarios_use_every_v4_change(v4: Checklist) -> None:
    """Guards the scenario list: each v4 scenario is new (not a v3 one renamed)."""
    new = [s for s in V4_SCENARIOS if s not in V3_SCENARIOS]
    assert {s.id for s in new} == {"grid_app_used_by_some", "long_upper_meetings", "tracing_beside_checkin_apps"}


def test_the_hours_floors_read_an_apps_users_too(v4: Checklist) -> None:
    """The manifestation floors read the same term: eight forced check-in apps used by 4 of the 40
    cadres are 8.7 hours a month per cadre, below the floors, where all 40 reach 较重 (87 hours)."""
    every = scored(v4, BY_ID["eight_forced_checkin_apps"])
    assert every.manifestations["platform_formalism"].raised_by is not None
    rows = scenario_answers(v4, BY_ID["eight_forced_checkin_apps"])["apps.inventory"].value
    few = [{**r, "cells": {**r["cells"], "users": 4}} if r not in BENIGN_APPS else r for r in rows]
    answers = scenario_answers(v4, BY_ID["eight_forced_checkin_apps"])
    answers["apps.inventory"] = Answer(few)
    result = score_assessment(v4, answers)
    assert result.complete
    platform = result.manifestations["platform_formalism"]
    assert platform.own_hours == pytest.approx(87.0 * 4 / 40, abs=0.1) and platform.raised_by is None
    assert platform.score < every.manifestations["platform_formalism"].score


def test_answers_adding_up_to_more_than_a_working_month_are_a_contradiction_not_a_burden(v4: Checklist) -> None:
    """600 minutes typed for 60 in one app every cadre uses daily: 217 hours a cadre a month, more
    than the whole working month (174). Scored, it would lift every time rule and the hours floor
    to 较重; it is a slip to correct, shown on the inventory, and no level is given until then."""
    extreme = next(s for s in V4_SCENARIOS if s.id == "extreme_township")
    heaviest = score_assessment(v4, scenario_answers(v4, extreme))
    assert heaviest.complete and heaviest.fingertip_hours_per_cadre_month < 174  # the seeds' worst is possible
    answers = scenario_answers(v4, extreme)
    rows = answers["apps.inventory"].value
    slip = app("网格通", "县委政法委", usage="daily", minutes_per_day=600, checkin=True)
    answers["apps.inventory"] = Answer([*rows, slip])
    result = score_assessment(v4, answers)
    assert result.fingertip_hours_per_cadre_month > 174 and result.hours_implausible and not heaviest.hours_implausible
    assert result.overall_level == "incomplete" and not result.complete
    assert any("超过了全部工作时间（约174小时）" in text for text in result.completeness.inconsistent)
    assert result.completeness.inconsistent_items == ("apps.inventory",)
    assert contradictions_by_page(v4, answers) == {v4.item("apps.inventory").section_id: 1}
    answers["apps.inventory"] = Answer([*rows, slip | {"cells": slip["cells"] | {"minutes_per_day": 60}}])
    assert score_assessment(v4, answers).complete  # corrected: scored again


def test_a_plausibility_bound_is_checked_when_the_checklist_loads(library: ChecklistLibrary, tmp_path: Path) -> None:
    raw = raw_checklist(library, 4)
    check = next(c for c in raw["consistency"] if "fingertip_hours_over" in c)
    check["contradicted_when"] = {"item": "profile.cadre_count", "gt": 0}
    check["fingertip_hours_over"] = -1
    with pytest.raises(ChecklistError) as raised:
        load_raw(tmp_path, raw)
    assert "fingertip_hours_over 必须大于0" in str(raised.value)
    assert "fingertip_hours_over 与 contradicted_when、table 不能同时使用" in str(raised.value)
