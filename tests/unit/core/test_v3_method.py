"""Checklist v3 and scoring method v3: the recalibration against time (QA found 30 minutes a day
of tracing, 9 logins and 60 documents a month scored as light under v2) and the dispatch group
that one "否" could hide. v2 keeps its own tests (test_v2_method.py): old assessments are scored
with the version they were answered with."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jianfu.core.answers import Answer
from jianfu.core.assessment import Assessment, Period, Township
from jianfu.core.carry import carry_assessment
from jianfu.core.checklist import Checklist
from jianfu.core.errors import ChecklistError
from jianfu.core.library import ChecklistLibrary
from jianfu.core.plan import measure_groups, month_end, plan_annex, problem_text
from jianfu.core.scoring import score_assessment
from jianfu.exchange.demo import sample_assessments
from jianfu.reports.rectification import summary_text
from reference_scenarios import (
    BENIGN_APPS,
    ORDER,
    TYPICAL,
    V3_SCENARIOS,
    Scenario,
    add_burdens,
    app,
    assert_lands,
    load_raw,
    raw_checklist,
    scenario_answers,
    scored,
)

BY_ID = {s.id: s for s in V3_SCENARIOS}
LIGHT = "负担较轻"
HOUR_A_WEEK = 21.75 / 5 * 1  # hours a month: one hour in each of the month's 4.35 weeks


@pytest.fixture(scope="module")
def v3(library: ChecklistLibrary) -> Checklist:
    return library.get("township-selfcheck", 3)


@pytest.mark.parametrize("scenario", V3_SCENARIOS, ids=[s.id for s in V3_SCENARIOS])
def test_scenario_lands_where_its_passage_says(v3: Checklist, scenario: Scenario) -> None:
    assert_lands(v3, scenario)


def test_half_an_hour_of_tracing_is_not_light(v3: Checklist) -> None:
    """QA: 30 min a day of photo/log tracing is 10.9 h per cadre a month, yet v2 scored it ~1 point
    and its plan's annex called it 负担较轻. In v3 it is drafted and the manifestation is 一般."""
    result = scored(v3, BY_ID["tracing_time_alone"])
    assert result.fingertip_breakdown["traces"] == pytest.approx(30 * 21.75 / 60, abs=0.1)
    assert result.manifestations["trace_alienation"].level == "moderate"
    hit = next(h for h in result.hits if h.rule.id == "traces_time_spent")
    assert hit.intensity == 1.0  # a third of a typical township's fingertip hours is the rule's full
    annex = plan_annex(result, v3.plan_min_intensity, v3.plan_max_items, "柳河镇")
    assert not any("留痕" in e.problem and e.reason.startswith(LIGHT) for e in annex)


def test_time_rules_reach_the_plan_at_an_hour_a_week(v3: Checklist) -> None:
    """Rules reading a time answer agree with the fingertip-hours term reading the same answer: the
    burden at which they draft a plan item costs a cadre at most an hour a week."""
    checked = 0
    for term in v3.fingertip_terms:
        if term.table is not None or len(term.factors) != 1 or not term.per_cadre:
            continue
        for rule in v3.rules:
            if rule.signal.kind == "value" and rule.signal.ref == term.factors[0]:
                at_plan = rule.start + v3.plan_min_intensity * (rule.full - rule.start)
                assert at_plan * term.multiplier <= HOUR_A_WEEK, (rule.id, at_plan * term.multiplier)
                checked += 1
    assert checked >= 1


def test_typical_burdens_of_the_four_manifestations_land_at_the_same_level(v3: Checklist) -> None:
    for manifestation, ids in TYPICAL.items():
        for scenario_id in ids:
            m = scored(v3, BY_ID[scenario_id]).manifestations[manifestation]
            assert m.level == "high", (scenario_id, m.score, m.level)
            assert 45 <= m.score <= 55, (scenario_id, m.score)


def test_the_extreme_township_is_severe_and_the_light_one_light(v3: Checklist) -> None:
    result = scored(v3, BY_ID["extreme_township"])
    assert result.overall_level == "severe"
    assert sum(m.level == "severe" for m in result.manifestations.values()) >= 3
    light = scored(v3, BY_ID["light_township"])
    assert all(m.level == "low" for m in light.manifestations.values())


def test_v3_weights_share_one_total(v3: Checklist) -> None:
    assert v3.weight_total == 100
    for m in v3.manifestations:
        assert sum(r.weights.get(m.id, 0) for r in v3.rules) == pytest.approx(100, abs=0.05)


def test_v3_asks_what_v2_asked(library: ChecklistLibrary, v3: Checklist) -> None:
    v2 = library.get("township-selfcheck", 2)
    assert [i.id for i in v3.items()] == [i.id for i in v2.items()]
    assert v3.carry_forward is not None and v3.carry_forward.from_version == 2
    assert set(v3.carry_forward.same_id) == {i.id for i in v2.items()}


# -- the dispatch group: one "否" must not remove a manifestation unchecked


def _dispatch_answers(v3: Checklist, **changes: object) -> dict[str, Answer]:
    answers = scenario_answers(v3, BY_ID["dispatch_without_discretion"])
    for item_id, value in changes.items():
        answers[item_id.replace("__", ".")] = Answer(value)
    return answers


def test_the_monthly_dispatch_count_is_asked_always(v3: Checklist) -> None:
    item = v3.item("apps.dispatch_per_month")
    assert item.show_if is None
    answers = _dispatch_answers(v3, apps__dispatch_used=False)
    del answers["apps.dispatch_per_month"]
    done = score_assessment(v3, answers).completeness
    assert not done.complete and "apps.dispatch_per_month" in done.missing_items


def test_denying_dispatch_while_counting_orders_gets_no_level(v3: Checklist) -> None:
    honest = score_assessment(v3, _dispatch_answers(v3))
    assert honest.complete and honest.manifestations["algorithm_centrism"].level == "high"
    denied = score_assessment(v3, _dispatch_answers(v3, apps__dispatch_used=False))
    assert not denied.complete and denied.overall_level == "incomplete"
    assert any("派单" in text for text in denied.completeness.inconsistent)
    assert "apps.dispatch_used" in denied.completeness.inconsistent_items


def test_denying_dispatch_while_listing_a_dispatch_platform_gets_no_level(v3: Checklist) -> None:
    inventory = [
        *scenario_answers(v3, BY_ID["light_township"])["apps.inventory"].value,
        app("网格化服务管理平台", "县委政法委", kind="dispatch_platform", usage="daily"),
    ]
    answers = _dispatch_answers(v3, apps__dispatch_used=False, apps__dispatch_per_month=0, apps__inventory=inventory)
    result = score_assessment(v3, answers)
    assert not result.complete
    assert any("派单平台" in text for text in result.completeness.inconsistent)
    # without the platform row the same answers are a consistent (and checkable) "none"
    answers["apps.inventory"] = Answer(inventory[:-1])
    assert score_assessment(v3, answers).complete


@pytest.mark.parametrize("scenario", V3_SCENARIOS, ids=[s.id for s in V3_SCENARIOS])
def test_ticking_no_dispatch_never_lowers_a_level_given(v3: Checklist, scenario: Scenario) -> None:
    """ "否" alone hides the dispatch group; it either changes nothing or leaves no level."""
    answers = scenario_answers(v3, scenario)
    before = score_assessment(v3, answers)
    answers["apps.dispatch_used"] = Answer(False)
    after = score_assessment(v3, answers)
    if after.complete:
        for m in before.manifestations:
            assert after.manifestations[m].score >= before.manifestations[m].score, (scenario.id, m)


def test_a_v2_no_dispatch_answer_carries_as_none(library: ChecklistLibrary, v3: Checklist) -> None:
    """v2 did not ask the count after 否; carried to v3 that 否 is a 0 (even over a stale hidden
    count from an earlier 是), so a v2 file stays complete and consistent on v3."""
    v2 = library.get("township-selfcheck", 2)
    answers = scenario_answers(v2, BY_ID["light_township"])
    answers["apps.dispatch_per_month"] = Answer(180)  # hidden in v2 behind 否
    answers["apps.dispatch_used"] = Answer(False, carried_unconfirmed=False)
    old = Assessment(
        Township("柳河镇", "519901101000", "云溪县"),
        Period("2026-Q3"),
        v2.id,
        2,
        dt.date(2026, 9, 30),
        answers,
    )
    carried = carry_assessment(library, old, 3)
    assert carried.checklist_version == 3
    assert carried.answers["apps.dispatch_per_month"].value == 0
    assert "第2版" in carried.answers["apps.dispatch_per_month"].note
    result = score_assessment(v3, carried.answers)
    assert result.complete, result.completeness
    v2_result = score_assessment(v2, old.answers)
    assert v2_result.complete
    # a 是 with its count carries the count
    answers["apps.dispatch_used"] = Answer(True)
    again = carry_assessment(library, replace(old, answers=answers), 3)
    assert again.answers["apps.dispatch_per_month"].value == 180


@pytest.mark.parametrize(
    "dispatch_used", [Answer(None, not_applicable=True, note="本镇无派单平台"), Answer(None)], ids=["na", "blank"]
)
def test_a_count_v2_hid_is_asked_afresh_on_v3_not_counted(
    library: ChecklistLibrary, v3: Checklist, dispatch_used: Answer
) -> None:
    """A v2 count left hidden behind a 不适用 or blank dispatch answer (from an earlier 是) was
    never given: v3 asks the count always, and must not score 180 dispatches nobody reported."""
    v2 = library.get("township-selfcheck", 2)
    answers = scenario_answers(v2, BY_ID["light_township"])
    answers["apps.dispatch_used"] = dispatch_used
    answers["apps.dispatch_per_month"] = Answer(180)  # hidden in v2: dispatch_used is not 是
    old = Assessment(
        Township("柳河镇", "519901101000", "云溪县"), Period("2026-Q3"), v2.id, 2, dt.date(2026, 9, 30), answers
    )
    carried = carry_assessment(library, old, 3)
    assert "apps.dispatch_per_month" not in carried.answers
    assert carried.answers["apps.dispatch_used"] == dispatch_used  # the answer given travels as it was
    result = score_assessment(v3, carried.answers)
    assert not result.complete and "apps.dispatch_per_month" in result.completeness.missing_items
    with_count = dict(carried.answers, **{"apps.dispatch_per_month": Answer(180)})
    assert score_assessment(v3, with_count).manifestations["algorithm_centrism"].score > (
        result.manifestations["algorithm_centrism"].score
    )


# -- the demo county and its plans, answered on v3


def test_the_demo_county_is_answered_on_v3_and_shows_a_spread_of_levels(library: ChecklistLibrary) -> None:
    latest = [(a, r) for a, r in sample_assessments(library, version=3) if a.period.code == "2026-Q4"]
    assert {a.checklist_version for a, _ in latest} == {3}
    assert all(r.complete for _, r in latest), [r.completeness for _, r in latest if not r.complete]
    overall = [r.overall_level for _, r in latest]
    assert {"low", "moderate", "high"} <= set(overall), overall
    assert overall.count("severe") <= len(overall) // 4, overall
    every = [m.level for _, r in latest for m in r.manifestations.values()]
    assert {"low", "moderate", "high", "severe"} <= set(every)
    assert all(sum(m.level == "severe" for m in r.manifestations.values()) < 4 for _, r in latest)


def test_heaviest_demo_township_plan_is_focused(library: ChecklistLibrary) -> None:
    latest = [(a, r) for a, r in sample_assessments(library, version=3) if a.period.code == "2026-Q4"]
    assessment, result = max(latest, key=lambda pair: pair[1].overall)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    plan = assessment.plan
    assert 0 < len(plan) <= 20
    for item in plan:
        assert dt.date.fromisoformat(item.deadline).isoformat() == month_end(dt.date.fromisoformat(item.deadline))
    groups = measure_groups(result, checklist.plan_min_intensity)
    in_plan = {h.rule.id for g in groups[: checklist.plan_max_items] for h in g}
    annex = plan_annex(result, checklist.plan_min_intensity, checklist.plan_max_items, assessment.township.name)
    assert len(in_plan) + len(annex) == len(result.hits)
    assert all(entry.reason for entry in annex)
    assert {i.rule_id for i in plan} <= in_plan


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(scenario=st.sampled_from(V3_SCENARIOS), picks=st.lists(st.integers(0, 10_000), min_size=1, max_size=5))
def test_v3_adding_a_burden_never_lowers_ascored(v3: Checklist, scenario: Scenario, picks: list[int]) -> None:
    answers = scenario_answers(v3, scenario)
    before = score_assessment(v3, answers)
    add_burdens(v3, answers, picks)
    after = score_assessment(v3, answers)
    for m in before.manifestations:
        assert after.manifestations[m].score >= before.manifestations[m].score, m


def test_v2_files_import_on_the_latest_ruler(library: ChecklistLibrary, tmp_path) -> None:
    """A county receiving v2 files (some townships with no dispatch) stores them carried through v3
    to the latest version, scored on it and still complete: the county compares like with like."""
    from jianfu.exchange.assessment_file import to_document, write_assessment_file
    from jianfu.services.county_import import collect_files, import_files
    from jianfu.storage.county import CountyStore
    from jianfu.storage.database import open_database

    latest = library.latest()
    expected, without_dispatch = {}, 0
    for assessment, result in sample_assessments(library, version=2):
        if assessment.period.code != "2026-Q4":
            continue
        path = tmp_path / "files" / f"{assessment.township.division_code}.jianfu"
        path.parent.mkdir(exist_ok=True)
        write_assessment_file(path, to_document(assessment, result, exported_at="2026-12-05T09:00:00"))
        expected[assessment.township.division_code] = score_assessment(
            latest, carry_assessment(library, assessment).answers
        )
        without_dispatch += assessment.answers["apps.dispatch_used"].value is False
    assert without_dispatch >= 2  # v2 never asked them the monthly count
    db = open_database(tmp_path / "county.sqlite3")
    try:
        import_files(db, library, collect_files([tmp_path / "files"]))
        county = CountyStore(db)
        assert county.checklist_versions(Period("2026-Q4")) == [("township-selfcheck", latest.version)]
        rows = county.overview(Period("2026-Q4"))
        assert len(rows) == len(expected)
        for row in rows:
            assert row.overall == expected[row.division_code].overall
            assert row.overall_level == expected[row.division_code].overall_level != "incomplete"
    finally:
        db.close()


# -- time in forced apps and the fingertip-hours floor of the overall (QA: 58 hours a month was 较轻)

WORKING_DAY_A_WEEK = 8 * 21.75 / 5  # hours a month


def test_hours_in_check_in_apps_are_not_light(v3: Checklist) -> None:
    """QA: 4 check-in apps used daily, 40 minutes each, is 58 hours a month per cadre, yet scored
    较轻 everywhere: that time fed no rule and the check-in rule saturated at one app."""
    result = scored(v3, BY_ID["four_checkin_apps"])
    assert result.fingertip_breakdown["apps"] == pytest.approx(4 * 40 * 21.75 / 60, abs=0.1)
    hits = {h.rule.id: h for h in result.hits}
    assert hits["apps_time_spent"].signal == result.fingertip_breakdown["apps"]
    assert hits["apps_time_spent"].intensity == 1.0
    assert hits["apps_checkin_time"].signal == result.fingertip_breakdown["apps"]  # every one has check-in
    assert {r.name for r in hits["apps_checkin_time"].rows} == {f"打卡APP{i}" for i in range(4)}
    assert "每人每月约占 58 小时" in problem_text(hits["apps_checkin_time"])
    # 58 hours of their own time (a working day a week and more) lift both from the scores' 一般
    assert result.manifestations["platform_formalism"].level == "high"
    assert result.manifestations["trace_alienation"].level == "high"
    assert result.overall_level == "high"
    annex = plan_annex(result, v3.plan_min_intensity, v3.plan_max_items, "柳河镇")
    assert not any(e.reason.startswith(LIGHT) for e in annex if "打卡" in e.problem or "小时" in e.problem), annex


def test_app_time_rule_reads_only_the_rows_its_condition_keeps(v3: Checklist) -> None:
    """Time in forced apps without check-in is platform formalism, not trace alienation."""
    scenario = replace(BY_ID["three_forced_checkin_apps"], answers={"apps.inventory": _apps(3, 30, forced=True)})
    hits = {h.rule.id: h for h in scored(v3, scenario).hits}
    assert hits["apps_time_spent"].signal == pytest.approx(3 * 30 * 21.75 / 60, abs=0.1)
    assert "apps_checkin_time" not in hits
    assert {r.department for r in hits["apps_time_spent"].rows} == {"县应急管理局", "县农业农村局", "县委政法委"}


def _apps(count: int, minutes: int, forced: bool = False, checkin: bool = False) -> list:
    departments = ["县应急管理局", "县农业农村局", "县委政法委", "县市场监管局", "县林业局"]
    extra = [
        app(f"应用{i}", departments[i], usage="daily", minutes_per_day=minutes, forced_download=forced, checkin=checkin)
        for i in range(count)
    ]
    return BENIGN_APPS + extra


def test_counted_app_rules_grow_with_the_number_of_apps(v3: Checklist) -> None:
    """The check-in rule no longer saturates at one app: 1, 2, 3 apps score more and more."""
    intensities = []
    for count in (1, 2, 3):
        scenario = replace(BY_ID["light_township"], answers={"apps.inventory": _apps(count, 0, checkin=True)})
        hit = next(h for h in scored(v3, scenario).hits if h.rule.id == "apps_checkin")
        intensities.append(hit.intensity)
    assert intensities[0] < intensities[1] < intensities[2] == 1.0
    assert intensities[0] >= v3.plan_min_intensity  # one check-in app is still drafted (《意见》 forbids it)
    three = scored(v3, BY_ID["three_forced_checkin_apps"]).manifestations["platform_formalism"].score
    eight = scored(v3, BY_ID["eight_forced_checkin_apps"]).manifestations["platform_formalism"].score
    assert eight > three


def test_app_time_rules_are_set_like_the_tracing_time_rule(v3: Checklist) -> None:
    """Rules reading fingertip hours reach their full at the hours tracing's rule does (30 minutes a
    working day) and draft a plan item within an hour a week."""
    tracing = next(r for r in v3.rules if r.id == "traces_time_spent")
    traces_term = next(t for t in v3.fingertip_terms if t.id == "traces")
    timed = [r for r in v3.rules if r.signal.kind == "fingertip"]
    assert {r.id for r in timed} == {"apps_time_spent", "apps_checkin_time"}
    for rule in timed:
        assert rule.start == 0
        assert rule.full == pytest.approx(tracing.full * traces_term.multiplier, abs=0.05)
        assert v3.plan_min_intensity * rule.full <= HOUR_A_WEEK


def test_the_overall_level_is_floored_on_the_fingertip_hours(v3: Checklist) -> None:
    """一般 from half a working day a week, 较重 from a working day a week (the typical burden of the
    articles costs about 33 hours a month and is 较重); the reason is stated."""
    assert [(f.hours, f.level) for f in v3.overall_floors] == [
        (pytest.approx(WORKING_DAY_A_WEEK / 2, abs=0.05), "moderate"),
        (pytest.approx(WORKING_DAY_A_WEEK, abs=0.05), "high"),
    ]
    result = scored(v3, BY_ID["tracing_two_hours"])
    assert result.overall < 20 and result.overall_level == "high"
    assert result.raised_by is not None and result.raised_by.level == "high"
    text = summary_text(result, v3)
    assert "综合等级按“指尖”工时提高" in text and "43.7小时" in text and "34.8小时（约每周一个工作日）" in text
    light = scored(v3, BY_ID["light_township"])
    assert light.raised_by is None and "工时提高" not in summary_text(light, v3)
    # a floor the scores already reach raises nothing and says nothing
    assert scored(v3, BY_ID["extreme_township"]).raised_by is None


def test_a_manifestation_is_floored_on_its_own_fingertip_hours(v3: Checklist) -> None:
    """One rule gives a manifestation at most ~22 points: 2 hours a day of tracing alone (43.5 hours
    a month) scored 22.8 一般. Its own time floors its level (not its score) on the overall's
    thresholds, and the reason is said once per raised manifestation."""
    assert {m: [s.term for s in signals] for m, signals in v3.manifestation_floors.items()} == {
        "trace_alienation": ["traces", "apps"],
        "platform_formalism": ["apps"],
    }
    tracing = scored(v3, BY_ID["tracing_two_hours"])
    trace = tracing.manifestations["trace_alienation"]
    assert trace.score == pytest.approx(22.8) and trace.level == "high" and trace.own_hours == pytest.approx(43.5)
    assert trace.raised_by is not None and trace.raised_by.hours == pytest.approx(WORKING_DAY_A_WEEK, abs=0.05)
    assert [m.id for m in tracing.manifestations.values() if m.raised_by] == ["trace_alienation"]
    text = summary_text(tracing, v3)
    assert text.count("综合等级按“指尖”工时提高") == 1
    assert "“痕迹管理异化”等级按其本身的“指尖”工时提高：每名干部每月43.5小时，达到34.8小时" in text
    apps = scored(v3, BY_ID["eight_forced_checkin_apps"])
    platform = apps.manifestations["platform_formalism"]
    assert platform.score == pytest.approx(37.2) and platform.level == "high" and platform.own_hours == 87.0
    # only the check-in apps' time is trace alienation's own: forced apps without check-in are not
    forced_apps = [
        app(f"强制APP{i}", "县农业农村局", usage="daily", minutes_per_day=30, forced_download=True) for i in range(8)
    ]
    forced = scored(v3, Scenario("forced_only", "", {"apps.inventory": BENIGN_APPS + forced_apps}))
    assert forced.manifestations["platform_formalism"].raised_by is not None
    assert forced.manifestations["trace_alienation"].raised_by is None
    assert forced.manifestations["trace_alienation"].level == "low"
    # a level the score already gives is not raised, and the 10.9 hours of half an hour a day raise nothing
    half_hour = scored(v3, BY_ID["tracing_time_alone"])
    assert all(m.raised_by is None for m in half_hour.manifestations.values())
    assert "本身的“指尖”工时" not in summary_text(half_hour, v3)


def test_manifestation_floor_names_existing_terms(library: ChecklistLibrary, tmp_path: Path) -> None:
    raw = raw_checklist(library, 3)
    raw["manifestation_floor"]["platform_formalism"] = [{"fingertip": "phone_calls"}]
    with pytest.raises(ChecklistError, match="phone_calls"):
        load_raw(tmp_path, raw)
    raw = raw_checklist(library, 3)
    raw["manifestation_floor"]["leisure"] = [{"fingertip": "apps"}]
    with pytest.raises(ChecklistError, match="leisure"):
        load_raw(tmp_path, raw)
    # a misspelt column in a term's where would quietly count no hours: refused at load
    raw = raw_checklist(library, 3)
    raw["manifestation_floor"]["trace_alienation"] = [
        {"fingertip": "apps", "where": {"column": "chekin", "equals": True}}
    ]
    with pytest.raises(ChecklistError, match="没有列 chekin"):
        load_raw(tmp_path, raw)
    raw = raw_checklist(library, 3)
    raw["manifestation_floor"]["trace_alienation"] = [{"fingertip": "traces", "where": {"column": "x", "equals": 1}}]
    with pytest.raises(ChecklistError, match="where 只能用于按表格计算的一项"):
        load_raw(tmp_path, raw)


def test_an_incomplete_assessment_gets_no_level_from_the_hours_either(v3: Checklist) -> None:
    answers = scenario_answers(v3, BY_ID["tracing_two_hours"])
    del answers["profile.filled_by"]
    result = score_assessment(v3, answers)
    assert not result.complete and result.overall_level_label == "未完成"
    assert result.manifestations["trace_alienation"].level_label == "未完成"
    assert "工时提高" not in summary_text(result, v3)


def test_fingertip_signal_names_an_existing_term_and_columns(library: ChecklistLibrary, tmp_path: Path) -> None:
    raw = raw_checklist(library, 3)
    rule = next(r for r in raw["rules"] if r["id"] == "apps_checkin_time")
    rule["signal"] = {"fingertip": "phone_calls"}
    with pytest.raises(ChecklistError, match="phone_calls"):
        load_raw(tmp_path, raw)
    rule["signal"] = {"fingertip": "apps", "where": {"column": "colour", "equals": True}}
    with pytest.raises(ChecklistError, match="colour"):
        load_raw(tmp_path, raw)
    rule["signal"] = {"fingertip": "traces", "where": {"column": "checkin", "equals": True}}
    with pytest.raises(ChecklistError, match="where"):
        load_raw(tmp_path, raw)


def test_overall_floor_levels_must_exist(library: ChecklistLibrary, tmp_path: Path) -> None:
    raw = raw_checklist(library, 3)
    raw["overall_floor"]["fingertip_hours"][0]["level"] = "dire"
    with pytest.raises(ChecklistError, match="dire"):
        load_raw(tmp_path, raw)


def test_no_help_text_claims_dispatch_reaches_every_township(v3: Checklist) -> None:
    """No seed says 12345 or grid orders reach (almost) every township: the help asks for an honest
    0 without claiming it."""
    item = v3.item("apps.dispatch_used")
    assert "几乎" not in item.help and "填0" in item.help
    assert all("几乎" not in note.message for note in v3.verify)


QA_CASES = {  # as QA answered them: every other answer none, 0 or no
    "four_checkin_apps": (58.0, {"platform_formalism": "moderate", "trace_alienation": "moderate"}, "high"),
    "three_forced_checkin_apps": (32.6, {"platform_formalism": "moderate", "trace_alienation": "moderate"}, "moderate"),
    "eight_forced_checkin_apps": (87.0, {"platform_formalism": "moderate", "trace_alienation": "moderate"}, "high"),
    "tracing_two_hours": (43.5, {"trace_alienation": "moderate"}, "high"),
}
NOTHING_ELSE = [
    "traces.minutes_per_day",
    "meetings.per_month",
    "meetings.video_per_month",
    "meetings.average_hours",
    "meetings.attendees",
    "meetings.inspections_per_year",
    "meetings.inspection_prep_days",
    "meetings.documents_per_month",
    "meetings.unnumbered_notices_per_month",
    "apps.official_accounts_followed",
    "apps.group_count_per_cadre",
    "filing.report_items_per_year",
    "filing.account_count",
]


@pytest.mark.parametrize("scenario_id", sorted(QA_CASES))
def test_qa_cases_with_nothing_else_are_not_light(v3: Checklist, scenario_id: str) -> None:
    hours, least, overall = QA_CASES[scenario_id]
    scenario = BY_ID[scenario_id]
    answers = scenario_answers(v3, replace(scenario, answers={}))
    answers.update({item_id: Answer(0) for item_id in NOTHING_ELSE})
    inventory = scenario.answers.get("apps.inventory", BENIGN_APPS)
    answers["apps.inventory"] = Answer([r for r in inventory if r not in BENIGN_APPS])
    answers.update({k: Answer(v) for k, v in scenario.answers.items() if k != "apps.inventory"})
    if not answers["apps.inventory"].value:
        answers["apps.inventory"] = Answer(BENIGN_APPS)  # used, not forced: no fingertip hours
        answers["apps.group_count_per_cadre"] = Answer(2)
    result = score_assessment(v3, answers)
    assert result.complete, result.completeness
    assert result.fingertip_hours_per_cadre_month == pytest.approx(hours, abs=0.05)
    for manifestation, level in least.items():
        got = result.manifestations[manifestation]
        assert ORDER.index(got.level) >= ORDER.index(level), (manifestation, got.score)
    assert result.overall_level == overall
