"""Reference scenarios for calibrating the scoring method, each written from a seed passage.

A scenario is a complete assessment: the burden-free baseline below with the answers the
passage describes. ``expected`` is the least level the passage implies for each manifestation it
speaks of (the article's "typical burden" must land at 较重 whichever manifestation it is), and
``at_most`` the level a manifestation it does not touch must stay under. ``drafted``: rules whose
burden the passage shows to be real, so that the plan must draft their measure (not list them in
the annex as 负担较轻).

``SCENARIOS`` calibrated v2 and keep testing it; ``V3_SCENARIOS`` adds the cases QA found v2 to
call light (tracing 30 minutes a day, 9 logins, 60 documents a month), which v3 was calibrated on;
``V4_SCENARIOS`` adds those of v4's fixes (apps used by some cadres, long upper-level meetings,
tracing beside check-in apps).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from jianfu.core.answers import Answer
from jianfu.core.checklist import Checklist, FieldType, load_checklist
from jianfu.core.library import ChecklistLibrary
from jianfu.core.plan import measure_groups
from jianfu.core.scoring import ScoreResult, score_assessment


@dataclass(frozen=True)
class Scenario:
    id: str
    source: str  # the seed file and the passage the answers come from
    answers: dict[str, Any]
    expected: dict[str, str] = field(default_factory=dict)  # manifestation → least level
    at_most: dict[str, str] = field(default_factory=dict)  # manifestation → highest level
    drafted: tuple[str, ...] = ()  # rule ids whose measure the plan must draft
    overall: str = "low"  # the least overall level


def app(name: str, department: str, **cells: Any) -> dict[str, Any]:
    base = {"name": name, "kind": "app", "department": department, "usage": "weekly", "minutes_per_day": 5}
    return {"row_id": f"r{abs(hash(name)) % 10**10:010d}", "cells": {**base, **cells}}


def task(name: str, department: str, **cells: Any) -> dict[str, Any]:
    base = {"name": name, "department": department, "frequency": "monthly", "minutes_each": 30}
    return {"row_id": f"t{abs(hash(name)) % 10**10:010d}", "cells": {**base, **cells}}


BENIGN_APPS = [
    app("学习强国", "县委宣传部", usage="daily"),
    app("浙政钉", "县数据局", usage="daily", minutes_per_day=20),
]
BENIGN_TASKS = [task("农村低保月报", "县民政局")]

BASELINE: dict[str, Any] = {
    "profile.filled_by": "测试员",
    "profile.cadre_count": 40,
    "profile.village_count": 12,
    "profile.community_count": 1,
    "apps.inventory": BENIGN_APPS,
    "apps.official_accounts_followed": 2,
    "apps.zombie_count": 0,
    "apps.group_count_per_cadre": 4,
    "apps.dispatch_used": False,
    "apps.dispatch_per_month": 0,  # asked always from v3 (0: honestly none); v2 hides it after 否
    "filing.tasks": BENIGN_TASKS,
    "filing.report_items_per_year": 15,
    "filing.one_table_scheme": True,
    "filing.one_table_share": 80,
    "filing.account_count": 3,
    "traces.photo_checkin": False,
    "traces.minutes_per_day": 5,
    "traces.assessment_basis": "none",
    "traces.results_in_assessment": True,
    "traces.indicator_count": "under_50",
    "traces.duty_list": True,
    "traces.off_list_tasks": 0,
    "meetings.per_month": 6,
    "meetings.video_per_month": 2,
    "meetings.average_hours": 1,
    "meetings.attendees": 3,
    "meetings.inspections_per_year": 4,
    "meetings.inspection_prep_days": 1,
    "meetings.documents_per_month": 20,
    "meetings.unnumbered_notices_per_month": 1,
}

SCENARIOS = [
    Scenario(
        "light_township",
        "baseline: a township none of whose answers shows a burden",
        {},
        at_most={
            m: "low" for m in ("trace_alienation", "platform_formalism", "filing_redundancy", "algorithm_centrism")
        },
    ),
    Scenario(
        "app_overload",
        "002: 该市各部门单位运行各级信息平台近470个……微信及QQ工作群超1100个；一位基层干部手机里关注了……近20个微信公号，"
        "“领导要求了，每天挨个点一遍，后台数据才好看”",
        {
            "apps.inventory": BENIGN_APPS
            + [
                app(f"条线APP{i}", d, forced_download=True, checkin=i % 2 == 0, duplicate=i % 3 == 0)
                for i, d in enumerate(
                    [
                        "县应急管理局",
                        "县农业农村局",
                        "县委政法委",
                        "县市场监管局",
                        "县林业局",
                        "县卫生健康局",
                        "县民政局",
                        "县水利局",
                        "县文化广电旅游局",
                        "县委组织部",
                        "县城市管理局",
                        "县生态环境局",
                        "县住房城乡建设局",
                        "县人社局",
                    ]
                )
            ],
            "apps.official_accounts_followed": 20,
            "apps.group_count_per_cadre": 20,
            "apps.situations": ["daily_browse", "usage_rate_circulated", "new_platforms"],
        },
        expected={"platform_formalism": "high"},
        at_most={"algorithm_centrism": "low"},
    ),
    Scenario(
        "meetings_and_inspections",
        "003: 套会多……陪会频……重复开，有的地方同样内容的会议特别是视频会议较多；督查检查考核过多过繁，实效堪忧；"
        "形式主义问题依然顽固多发",
        {
            "meetings.per_month": 24,
            "meetings.video_per_month": 14,
            "meetings.average_hours": 3,
            "meetings.attendees": 8,
            "meetings.inspections_per_year": 26,
            "meetings.inspection_prep_days": 8,
            "meetings.documents_per_month": 120,
            "meetings.unnumbered_notices_per_month": 12,
            "meetings.practices": ["accompanying", "bundled", "repeated", "inspection_materials", "long_documents"],
            "traces.assessment_practices": ["pledges", "principals_meetings"],
        },
        expected={"trace_alienation": "high"},
        at_most={"algorithm_centrism": "low", "filing_redundancy": "moderate"},
    ),
    Scenario(
        "filing_many_platforms",
        "002: “经常四五个工作群同时派活儿，还都规定下午5点前交材料，你说头大不?”；"
        "001: 同一事项在多个平台重复录入（数据填报冗余化）",
        {
            "filing.tasks": BENIGN_TASKS
            + [
                task(f"报表{i}", d, data_elsewhere=True, frequency="weekly", minutes_each=60)
                for i, d in enumerate(["县统计局", "县农业农村局", "县卫生健康局", "县人社局", "县民政局"])
            ],
            "filing.report_items_per_year": 120,
            "filing.one_table_scheme": False,
            "filing.account_count": 12,
            "filing.practices": [
                "same_data_repeated",
                "formats_differ",
                "requested_again",
                "same_day",
                "forms_to_villages",
            ],
            "apps.group_practices": ["simultaneous_deadlines"],
        },
        expected={"filing_redundancy": "high"},
        at_most={"algorithm_centrism": "low"},
    ),
    Scenario(
        "dispatch_without_discretion",
        "001/004: 只按系统派单干活，识别规则没有容差、不能人工纠偏，基层失去裁量空间（算法逻辑中心化）",
        {
            "apps.dispatch_used": True,
            "apps.dispatch_per_month": 220,
            "apps.dispatch_trivial_share": 35,
            "apps.dispatch_practices": ["no_tolerance", "no_override", "rigid_deadline", "ranking"],
        },
        expected={"algorithm_centrism": "high"},
        at_most={"filing_redundancy": "low"},
    ),
    Scenario(
        "photo_checkin_traces",
        "000: “怎么会用打卡签到、群回复这种形式来监督我们”"
        "“(出去巡查)我做了就是做了，没做就是没做，为什么还要拍个照给你看”",
        {
            "traces.photo_checkin": True,
            "traces.photo_checkins_per_day": 4,
            "traces.minutes_per_day": 60,
            "traces.practices": ["location_tracking", "daily_log", "ranking", "likes_reposts"],
            "traces.assessment_basis": "mainly",
            "traces.results_in_assessment": False,
            "apps.group_practices": ["reply_demand", "checkin_chain"],
        },
        expected={"trace_alienation": "high"},
        at_most={"algorithm_centrism": "low"},
    ),
    Scenario(
        "faked_counts",
        "004: 以造假的方式炮制点击量、阅读量乃至场所码扫码量来应对考核",
        {"apps.situations": ["faked_counts"], "traces.practices": ["data_padding"]},
        expected={"trace_alienation": "low"},
    ),
]


def _combined(*ids: str) -> dict[str, Any]:
    """The answers of several scenarios together: tables concatenated, multi-selects united."""
    merged: dict[str, Any] = {}
    for scenario in SCENARIOS:
        if scenario.id not in ids:
            continue
        for key, value in scenario.answers.items():
            if isinstance(value, list) and isinstance(merged.get(key), list):
                known = merged[key]
                merged[key] = known + [v for v in value if v not in known]
            else:
                merged[key] = value
    return merged


EXTREME = _combined(
    "app_overload",
    "meetings_and_inspections",
    "filing_many_platforms",
    "dispatch_without_discretion",
    "photo_checkin_traces",
    "faked_counts",
)
SCENARIOS.append(
    Scenario(
        "extreme_township",
        "003: 形式主义问题依然顽固多发 — every heaviest passage above at once (apps, meetings and inspections, "
        "filing, dispatch, photo check-ins, faked counts) in one township",
        {
            **EXTREME,
            "apps.zombie_count": 6,
            "apps.situations": [*EXTREME["apps.situations"], "showcase", "hard_to_use"],
        },
        expected={m: "severe" for m in ("trace_alienation", "platform_formalism", "filing_redundancy")}
        | {"algorithm_centrism": "high"},
    )
)


# Found by QA to score as light under v2 although each costs cadres hours a month (v3 calibration).
V3_SCENARIOS = [
    *SCENARIOS,
    Scenario(
        "tracing_half_hour",
        "002: “注册、使用、打卡、拍照、留痕，一个都不能少”；000: “(出去巡查)我做了就是做了，没做就是没做，"
        "为什么还要拍个照给你看” — photo check-ins and a daily log take each cadre 30 minutes a day "
        "(10.9 hours a month, a third of a typical township's fingertip hours)",
        {
            "traces.photo_checkin": True,
            "traces.photo_checkins_per_day": 2,
            "traces.minutes_per_day": 30,
            "traces.practices": ["daily_log"],
        },
        expected={"trace_alienation": "moderate"},
        at_most={"algorithm_centrism": "low", "filing_redundancy": "low", "platform_formalism": "low"},
        drafted=("traces_time_spent", "traces_photo_checkin"),
    ),
    Scenario(
        "tracing_time_alone",
        "000/002 as above, answered only as time: 30 minutes a day of photographing, uploading and "
        "logging per cadre, 10.9 hours a month",
        {"traces.minutes_per_day": 30},
        expected={"trace_alienation": "moderate"},
        at_most={"algorithm_centrism": "low", "filing_redundancy": "low", "platform_formalism": "low"},
        drafted=("traces_time_spent",),
    ),
    Scenario(
        "nine_logins",
        "001: 按照“一个入口、一次登录”的理念，整合多头分散的平台系统 — cadres log in to 9 platforms separately",
        {"filing.account_count": 9},
        at_most={"algorithm_centrism": "low", "trace_alienation": "low"},
        drafted=("filing_many_accounts",),
    ),
    Scenario(
        "sixty_documents",
        "003: “文山”改头换面依然高耸……基层干部陷入应付各种会议、文件、表格的“怪圈” — 60 documents a month "
        "(about three every working day)",
        {"meetings.documents_per_month": 60},
        at_most={"algorithm_centrism": "low", "filing_redundancy": "low", "platform_formalism": "low"},
        drafted=("documents_many",),
    ),
]


def _daily_apps(count: int, minutes: int, **flags: bool) -> list[dict[str, Any]]:
    departments = [
        "县应急管理局",
        "县农业农村局",
        "县委政法委",
        "县市场监管局",
        "县林业局",
        "县卫生健康局",
        "县民政局",
        "县水利局",
    ]
    return BENIGN_APPS + [
        app(f"打卡APP{i}", departments[i], usage="daily", minutes_per_day=minutes, **flags) for i in range(count)
    ]


# Found by QA to be called light by v3 as first drafted: time in forced or check-in apps fed no rule,
# the check-in rule saturated at one app, and the overall (the mean of four) ignored the hours. v3
# gives that time its own rules and floors the overall on the fingertip hours (overall_floor: 一般
# from 17.4 hours a month per cadre, half a working day a week; 较重 from 34.8, a working day).
V3_SCENARIOS += [
    Scenario(
        "four_checkin_apps",
        "002: “注册、使用、打卡、拍照、留痕，一个都不能少”；《若干意见》：政务APP原则上不得设置打卡签到功能 — "
        "4 apps with check-in, used daily, 40 minutes each: 58.0 hours a month per cadre",
        {"apps.inventory": _daily_apps(4, 40, checkin=True)},
        expected={"platform_formalism": "moderate", "trace_alienation": "moderate"},
        at_most={"algorithm_centrism": "low", "filing_redundancy": "low"},
        drafted=("apps_time_spent", "apps_checkin_time", "apps_checkin"),
        overall="high",
    ),
    Scenario(
        "three_forced_checkin_apps",
        "002 as above; 《若干意见》禁止强制推广下载 — 3 apps forced to download, with check-in, daily, "
        "30 minutes each: 32.6 hours a month per cadre (a typical township's fingertip hours)",
        {"apps.inventory": _daily_apps(3, 30, checkin=True, forced_download=True)},
        expected={"platform_formalism": "moderate", "trace_alienation": "moderate"},
        at_most={"algorithm_centrism": "low", "filing_redundancy": "low"},
        drafted=("apps_time_spent", "apps_checkin_time", "apps_checkin", "apps_forced_download"),
        overall="moderate",
    ),
    Scenario(
        "eight_forced_checkin_apps",
        "002: 该市各部门单位运行各级信息平台近470个 — 8 such apps, 30 minutes each a day: 87.0 hours a "
        "month per cadre, half the working month (each manifestation's own time: manifestation_floor)",
        {"apps.inventory": _daily_apps(8, 30, checkin=True, forced_download=True)},
        expected={"platform_formalism": "high", "trace_alienation": "high"},
        at_most={"algorithm_centrism": "low", "filing_redundancy": "low"},
        drafted=("apps_time_spent", "apps_checkin_time", "apps_checkin", "apps_forced_download"),
        overall="high",
    ),
    Scenario(
        "tracing_two_hours",
        "000: “为什么还要拍个照给你看”；002: “一个都不能少” — 120 minutes a day of photographing, "
        "uploading and logging per cadre: 43.5 hours a month (its own time: manifestation_floor)",
        {"traces.minutes_per_day": 120},
        expected={"trace_alienation": "high"},
        at_most={"algorithm_centrism": "low", "filing_redundancy": "low", "platform_formalism": "low"},
        drafted=("traces_time_spent",),
        overall="high",
    ),
    Scenario(
        "meetings_numbers_only",
        "003: 文山会海……视频会议较多；督查检查考核过多过繁 — answered as numbers only (no practice ticked): "
        "video meetings and inspection preparation take 39 hours a month per cadre",
        {
            "meetings.per_month": 20,
            "meetings.video_per_month": 12,
            "meetings.average_hours": 3,
            "meetings.attendees": 37,
            "meetings.inspections_per_year": 24,
            "meetings.inspection_prep_days": 10,
            "meetings.documents_per_month": 75,
            "meetings.unnumbered_notices_per_month": 12,
        },
        expected={"trace_alienation": "moderate"},
        at_most={"algorithm_centrism": "low", "filing_redundancy": "moderate"},
        drafted=("meetings_many", "inspections_many"),
        overall="high",
    ),
]


# v4 asks each v3 question (every v3 scenario above is also a v4 scenario, scoring as on v3) and
# fixes what QA found v3 to overstate or misdirect: an app's minutes counted for every cadre though
# a few use it, tracing time that may repeat check-in apps' time, a township measure for long
# upper-level meetings.
V4_SCENARIOS = [
    *V3_SCENARIOS,
    Scenario(
        "grid_app_used_by_some",
        "002: 有的APP要求党员干部每天到“风险点位”拍照打卡 — a check-in grid app used daily by 10 of the "
        "40 cadres, 28 minutes each: 2.5 hours a month per cadre (v3 counted all 40: 10.2 hours)",
        {
            "apps.inventory": [
                *BENIGN_APPS,
                app(
                    "网格通",
                    "县委政法委",
                    usage="daily",
                    minutes_per_day=28,
                    checkin=True,
                    forced_download=True,
                    users=10,
                ),
            ]
        },
        at_most={"algorithm_centrism": "low", "filing_redundancy": "low", "trace_alienation": "moderate"},
        drafted=("apps_checkin", "apps_forced_download"),
    ),
    Scenario(
        "long_upper_meetings",
        "003: 把“开会”当作“重视”……不顾实际情况要求基层干部参会；"
        "《若干规定》：主要讲话不超过1小时，其他会议一般不超过半天 — "
        "upper-level meetings the township attends last 3 hours on average",
        {"meetings.average_hours": 3},
        at_most={"algorithm_centrism": "low", "filing_redundancy": "low", "platform_formalism": "low"},
        drafted=("meetings_long",),
    ),
    Scenario(
        "tracing_beside_checkin_apps",
        "002: “注册、使用、打卡、拍照、留痕，一个都不能少” — 3 check-in apps used daily (30 minutes each) and "
        "30 minutes a day of tracing outside them (logs, ledgers, screenshots), both entered once",
        {
            "apps.inventory": _daily_apps(3, 30, checkin=True),
            "traces.minutes_per_day": 30,
            "traces.practices": ["daily_log", "proxy_checkin"],
            "traces.photo_checkin": True,
            "traces.photo_checkins_per_day": 2,
        },
        expected={"trace_alienation": "high", "platform_formalism": "moderate"},
        at_most={"algorithm_centrism": "low", "filing_redundancy": "low"},
        drafted=("traces_time_spent", "apps_checkin_time", "traces_proxy_checkin"),
        overall="high",
    ),
]


def scenario_answers(checklist: Checklist, scenario: Scenario) -> dict[str, Answer]:
    values = {**BASELINE, **scenario.answers}
    for item in checklist.items():
        if item.type is FieldType.MULTI_CHOICE and item.id not in values:
            values[item.id] = ["none"]
        if item.id.endswith(".imposed_by") and item.id not in values:
            values[item.id] = "县委办公室"
    return {k: Answer(v) for k, v in values.items() if checklist.has_item(k)}


# The scenarios whose passage describes a manifestation's typical burden (to land at 较重 in it).
TYPICAL = {
    "trace_alienation": ["meetings_and_inspections", "photo_checkin_traces"],
    "platform_formalism": ["app_overload"],
    "filing_redundancy": ["filing_many_platforms"],
    "algorithm_centrism": ["dispatch_without_discretion"],
}


def add_burdens(checklist: Checklist, answers: dict[str, Answer], picks: list[int]) -> None:
    """Adds to ``answers`` the burden each picked rule reads (a condition's choice ticked, a number
    raised, the heaviest choice taken): what a property test of "adding a burden never lowers a
    score" adds."""
    for pick in picks:
        rule = checklist.rules[pick % len(checklist.rules)]
        signal = rule.signal
        if signal.kind == "when":
            assert signal.condition is not None
            leaves = [signal.condition] if signal.condition.ref else list(signal.condition.children)
            leaf = leaves[pick % len(leaves)]
            item = checklist.item(leaf.ref)
            current = answers.get(item.id)
            if item.type is FieldType.MULTI_CHOICE:
                ticked = [v for v in (current.value if current else None) or [] if v != "none"]
                answers[item.id] = Answer([*ticked, leaf.operand] if leaf.operand not in ticked else ticked)
            else:
                answers[item.id] = Answer(leaf.operand)
        elif signal.kind == "value":
            item = checklist.item(signal.ref)
            current = answers.get(item.id)
            value = (current.value if current else 0) or 0
            answers[item.id] = Answer(min(item.maximum or 1e9, value + 1 + pick % 50))
        elif signal.kind == "choice":
            item = checklist.item(signal.ref)
            answers[item.id] = Answer(max(item.choices, key=lambda c: c.numeric or 0).value)


# -- what the method tests of every version share

ORDER = ["low", "moderate", "high", "severe"]


def scored(checklist: Checklist, scenario: Scenario) -> ScoreResult:
    """The scenario's answers scored, complete (a scenario that is not is a broken scenario)."""
    result = score_assessment(checklist, scenario_answers(checklist, scenario))
    assert result.complete, (scenario.id, result.completeness)
    return result


def drafted_rules(checklist: Checklist, result: ScoreResult) -> set[str]:
    """The rules the plan takes up (not left to the annex as 负担较轻)."""
    groups = measure_groups(result, checklist.plan_min_intensity)[: checklist.plan_max_items]
    return {hit.rule.id for group in groups for hit in group}


def assert_lands(checklist: Checklist, scenario: Scenario) -> None:
    """The scenario lands where its passage says: levels at least / at most, rules in the plan, overall."""
    result = scored(checklist, scenario)
    for manifestation, least in scenario.expected.items():
        level = result.manifestations[manifestation].level
        assert ORDER.index(level) >= ORDER.index(least), (manifestation, result.manifestations[manifestation])
    for manifestation, most in scenario.at_most.items():
        level = result.manifestations[manifestation].level
        assert ORDER.index(level) <= ORDER.index(most), (manifestation, result.manifestations[manifestation])
    drafted = drafted_rules(checklist, result)
    for rule_id in scenario.drafted:
        assert rule_id in drafted, (scenario.id, rule_id)
    assert ORDER.index(result.overall_level) >= ORDER.index(scenario.overall), (result.overall, result.overall_level)


def raw_checklist(library: ChecklistLibrary, version: int) -> dict[str, Any]:
    """A released checklist's YAML tree, to change in a test and load with ``load_raw``."""
    path = next(p for p in library.all_files() if p.name == f"v{version}.yaml")
    loaded: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


def load_raw(tmp_path: Path, raw: dict[str, Any]) -> Checklist:
    path = tmp_path / f"v{raw['version']}.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return load_checklist(path)
