"""The sample county (示例县): realistic, varied, deterministic assessments.

Burdens per township come from ``resources/sample/county.yaml``; they are turned into answers to
the items the checklist's rules read, so the sample answers whatever the checklist version asks.
The numbers lie on the sample's own realistic ranges (``answer_scale``), never on a rule's
scoring scale: recalibrating a checklist changes the scores of the same answers, not the answers.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import random
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from jianfu.core.answers import Answer, visible_answers
from jianfu.core.assessment import Assessment, Period, Township
from jianfu.core.carry import NONE_OF_THESE
from jianfu.core.checklist import Checklist, FieldType, Handling, ScoringRule
from jianfu.core.conditions import Condition
from jianfu.core.errors import JianfuError, os_error_reason
from jianfu.core.library import ChecklistLibrary
from jianfu.core.plan import draft_plan
from jianfu.core.plan_text import upper_bounds
from jianfu.core.scoring import ScoreResult, score_assessment
from jianfu.exchange.assessment_file import FILE_SUFFIX, to_document, write_assessment_file
from jianfu.exchange.signing import Signer
from jianfu.paths import resources_dir

FEATURE_MANIFESTATION = {
    "checkin": "trace_alienation",
    "ranking": "trace_alienation",
    "online_time": "trace_alienation",
    "forced_download": "platform_formalism",
    "duplicate": "platform_formalism",
    "dispatches_tasks": "algorithm_centrism",
}
EARLIER_PERIOD_EXTRA_BURDEN = 0.12  # the earlier period is before rectification
# The sample's apps record check-in, ranking and online-time rules apart (as v1 asked them); from
# v2 the inventory asks them in one column.
SAMPLE_MERGED_COLUMNS = {"apps.inventory": {"checkin": ("checkin", "ranking", "online_time")}}
DISPATCH_PLATFORM = "dispatch_platform"  # an inventory kind (v3): a township without dispatch has none


@dataclass(frozen=True)
class SampleCounty:
    name: str
    code: str
    checklist_id: str
    checklist_version: int
    sample_township: str
    defaults: Mapping[str, Any]
    townships: list[dict[str, Any]]
    apps: list[dict[str, Any]]
    filing_tasks: list[dict[str, Any]]
    imposers: Mapping[str, list[str]]
    # per item: what a township answers at burden 0 and at 1 (for a choice: the heaviest's value)
    answer_scale: Mapping[str, tuple[float, float]]
    # from a checklist version on: the ranges of items whose question changed (v4's tracing time)
    answer_scale_from_version: Mapping[int, Mapping[str, tuple[float, float]]] = field(default_factory=dict)

    def scale(self, version: int) -> dict[str, tuple[float, float]]:
        """The answer ranges for a checklist version: ``answer_scale`` with every later range up to it."""
        ranges = dict(self.answer_scale)
        for since in sorted(v for v in self.answer_scale_from_version if v <= version):
            ranges.update(self.answer_scale_from_version[since])
        return ranges


def load_sample_county(path: Path | None = None) -> SampleCounty:
    path = path or resources_dir() / "sample" / "county.yaml"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        return SampleCounty(
            name=data["county"]["name"],
            code=data["county"]["code"],
            checklist_id=data["checklist"]["id"],
            checklist_version=data["checklist"]["version"],
            sample_township=data["sample_township"],
            defaults=data.get("defaults", {}),
            townships=data["townships"],
            apps=data["apps"],
            filing_tasks=data["filing_tasks"],
            imposers=data.get("imposers", {}),
            answer_scale=_ranges(data["answer_scale"]),
            answer_scale_from_version={
                int(version): _ranges(ranges)
                for version, ranges in (data.get("answer_scale_from_version") or {}).items()
            },
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise JianfuError(f"示例数据文件 {path} 有误（{exc}），请重新安装减负助手。") from exc


def _ranges(raw: Mapping[str, Any]) -> dict[str, tuple[float, float]]:
    return {item: (float(low), float(high)) for item, (low, high) in raw.items()}


def sample_assessments(
    library: ChecklistLibrary, today: dt.date | None = None, version: int | None = None
) -> list[tuple[Assessment, ScoreResult]]:
    """Every township and period of the sample county, scored and with a drafted plan; answered on
    the sample's checklist version, or on ``version`` (tests of an earlier version's behaviour)."""
    today = today or dt.date.today()
    county = load_sample_county()
    checklist = library.get(county.checklist_id, version or county.checklist_version)
    result = []
    for spec in county.townships:
        periods = sorted(Period(p) for p in spec["periods"])
        for period in periods:
            extra = EARLIER_PERIOD_EXTRA_BURDEN if period != periods[-1] else 0.0
            result.append(generate(county, spec, period, checklist, extra, today))
    return result


def sample_township_assessment(
    library: ChecklistLibrary, today: dt.date | None = None
) -> tuple[Assessment, ScoreResult]:
    """The latest assessment of the sample township, which the GUI offers on first start."""
    county = load_sample_county()
    checklist = library.get(county.checklist_id, county.checklist_version)
    spec = next(t for t in county.townships if t["code"] == county.sample_township)
    latest = max(Period(p) for p in spec["periods"])
    return generate(county, spec, latest, checklist, today=today)


def write_demo(directory: Path, library: ChecklistLibrary, today: dt.date | None = None) -> list[Path]:
    if directory.exists() and not directory.is_dir():
        raise JianfuError(f"{directory} 已存在且不是文件夹，请换一个文件夹名。")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason, advice = os_error_reason(exc)
        raise JianfuError(f"无法创建文件夹 {directory}：{reason}。{advice}。") from exc
    written = []
    sequences: dict[str, int] = {}
    today = today or dt.date.today()
    for assessment, result in sample_assessments(library, today):  # each township's periods in order
        code = assessment.township.division_code
        sequences[code] = sequences.get(code, 0) + 1
        signer = Signer(demo_signing_key(code), sequences[code])
        exported = export_time(assessment.period, today)
        path = directory / f"{assessment.township.name}-{assessment.period.code}{FILE_SUFFIX}"
        write_assessment_file(path, to_document(assessment, result, exported_at=exported, signer=signer))
        written.append(path)
    return written


def filled_on(period: Period, today: dt.date) -> dt.date:
    """The day a sample township filled in: the period's last day, or today while the period runs
    (sample data dated after today would be flagged as 日期在未来 on import)."""
    return min(period.end, today)


def export_time(period: Period, today: dt.date) -> str:
    """The next morning after filling in, or this morning if that is today: never a later day."""
    day = filled_on(period, today)
    return f"{min(day + dt.timedelta(days=1), today).isoformat()}T{'09:00:00' if day < today else '08:30:00'}"


def demo_signing_key(division_code: str) -> bytes:
    """Each sample township's key, derived from its code so that the sample is reproducible.
    These keys are public knowledge: they show how signing works and prove nothing."""
    return hashlib.sha256(f"jianfu sample county key (not secret) {division_code}".encode()).digest()


def generate(
    county: SampleCounty,
    spec: Mapping[str, Any],
    period: Period,
    checklist: Checklist,
    extra_burden: float = 0.0,
    today: dt.date | None = None,
) -> tuple[Assessment, ScoreResult]:
    today = today or dt.date.today()
    filled = filled_on(period, today)
    rng = random.Random(f"{spec['code']}:{period.code}")
    burden = {m: min(1.0, b + extra_burden) for m, b in spec["burden"].items()}
    values: dict[str, Any] = {
        "profile.filled_by": spec["filled_by"],
        "profile.cadre_count": spec["cadres"],
        "profile.village_count": spec["villages"],
        "profile.community_count": spec["communities"],
        "profile.village_cadre_count": spec["villages"] * 5 + spec["communities"] * 7,
        "profile.fill_date": filled.isoformat(),
    }
    values.update(county.defaults)
    values.update(spec.get("answers", {}))
    inventory = _inventory(county, burden, rng, spec["cadres"])
    if values.get("apps.dispatch_used") is False:  # it answers consistently: no dispatch platform listed
        inventory = [row for row in inventory if row["cells"]["kind"] != DISPATCH_PLATFORM]
    values["filing.tasks"] = _only_columns(checklist, "filing.tasks", _filing_tasks(county, burden, rng, inventory))
    values["apps.inventory"] = _only_columns(checklist, "apps.inventory", inventory)
    scale = county.scale(checklist.version)
    for rule in checklist.rules:
        main = max(rule.weights, key=lambda m: rule.weights[m])
        target = min(1.0, max(0.0, burden[main] + rng.gauss(0.0, 0.15)))
        _answer_rule(checklist, rule, target, values, rng, scale)
    for question in checklist.items():
        if question.type is FieldType.MULTI_CHOICE and not values.get(question.id) and question.choice(NONE_OF_THESE):
            values[question.id] = [NONE_OF_THESE]  # an honest "none of these", not a blank
        if question.id.endswith(".imposed_by") and question.section_id in county.imposers:
            names = county.imposers[question.section_id]
            values[question.id] = "、".join(rng.sample(names, rng.randint(1, min(3, len(names)))))
    _agree(checklist, values)

    answers = {item_id: Answer(value) for item_id, value in values.items() if checklist.has_item(item_id)}
    answers["apps.group_count_per_cadre"] = replace(
        answers["apps.group_count_per_cadre"], note="抽查5名干部手机后取的平均数"
    )
    answers = visible_answers(checklist, answers)
    result = score_assessment(checklist, answers)
    plan = []
    bounds = upper_bounds(checklist)
    drafted = draft_plan(
        result, period.end, checklist.plan_min_intensity, checklist.plan_max_items, spec["name"], bounds
    )
    for item in drafted:
        person = spec["responsible"] if item.handling is Handling.OWN else spec["filled_by"]
        edited = item.edit(responsible_person=person)
        if extra_burden and item.handling is Handling.OWN and rng.random() < 0.6:
            edited = edited.edit(status="已完成")
        plan.append(edited)
    township = Township(spec["name"], spec["code"], county.name)
    assessment = Assessment(
        township,
        period,
        checklist.id,
        checklist.version,
        period.end,
        answers,
        plan,
        f"{filled.isoformat()}T{'17:30:00' if filled < today else '08:00:00'}",
    )
    return assessment, result


def _agree(checklist: Checklist, values: dict[str, Any]) -> None:
    """A sample township answers consistently: a number that the checklist says may not exceed
    another answer (``{item: A, gt: {item: B}}``) is brought down to it; a yes/no the other answers
    contradict (``all: [{item: A, equals: false}, …]``, e.g. "no check-in" beside proxy check-in)
    is answered the way they imply."""
    for ref, bound in upper_bounds(checklist).items():
        value, limit = values.get(ref), values.get(bound)
        if isinstance(value, int | float) and isinstance(limit, int | float) and value > limit:
            values[ref] = limit
    for check in checklist.consistency:
        condition = check.contradicted_when
        if check.item and condition.op == "all" and condition.evaluate(values.get):
            for leaf in condition.children:
                if leaf.op == "equals" and leaf.ref == check.item and isinstance(leaf.operand, bool):
                    values[check.item] = not leaf.operand


def _only_columns(checklist: Checklist, table_id: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with only the columns this checklist version asks (the sample data covers them all)."""
    table = checklist.item(table_id)
    merged = {
        column: sources
        for column, sources in SAMPLE_MERGED_COLUMNS.get(table_id, {}).items()
        if any(table.column(s) is None for s in sources)  # only where this version asks them in one
    }
    kept = []
    for row in rows:
        cells = dict(row["cells"])
        for column, sources in merged.items():
            cells[column] = any(cells.get(s) is True for s in sources)
        kind = table.column("kind")
        if kind is not None and kind.choice(cells.get("kind")) is None:
            cells["kind"] = _earlier_kinds().get(str(cells.get("kind")), cells.get("kind"))
        kept.append({**row, "cells": {k: v for k, v in cells.items() if table.column(k) is not None}})
    return kept


@functools.cache
def _earlier_kinds() -> dict[str, str]:
    """How versions before the sample's list its inventory kinds they lack (``Choice.earlier``)."""
    county = load_sample_county()
    library = ChecklistLibrary(resources_dir() / "checklists")
    kind = library.get(county.checklist_id, county.checklist_version).item("apps.inventory").column("kind")
    return {c.value: c.earlier for c in (kind.choices if kind else ()) if c.earlier}


def _inventory(
    county: SampleCounty, burden: Mapping[str, float], rng: random.Random, cadres: int
) -> list[dict[str, Any]]:
    count = round(6 + burden["platform_formalism"] * 14 + rng.uniform(-2, 2))
    chosen = sorted(rng.sample(range(len(county.apps)), max(4, min(len(county.apps), count))))
    rows = []
    for index in chosen:
        app = county.apps[index]
        cells: dict[str, Any] = {
            "name": app["name"],
            "kind": app["kind"],
            "department": app["department"],
            "level": app["level"],
            "usage": app["usage"],
            "minutes_per_day": round(app["minutes"] * (0.5 + burden["trace_alienation"])),
        }
        if "users" in app:  # some of the cadres (asked from v4; dropped for earlier versions)
            cells["users"] = max(1, round(app["users"] * cadres))
        for feature, manifestation in FEATURE_MANIFESTATION.items():
            cells[feature] = feature in app["features"] and rng.random() < 0.3 + 0.7 * burden[manifestation]
        rows.append({"row_id": f"r{rng.getrandbits(48):012x}", "cells": cells})
    return rows


def _filing_tasks(
    county: SampleCounty,
    burden: Mapping[str, float],
    rng: random.Random,
    inventory: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    level = burden["filing_redundancy"]
    count = round(3 + level * 8 + rng.uniform(-1, 1))
    chosen = sorted(rng.sample(range(len(county.filing_tasks)), max(2, min(len(county.filing_tasks), count))))
    by_name = {row["cells"]["name"]: row["row_id"] for row in inventory}
    rows = []
    for index in chosen:
        task = county.filing_tasks[index]
        refs = [by_name[p] for p in task["platforms"] if p in by_name]
        cells = {
            "name": task["name"],
            "department": task["department"],
            "platforms": refs,
            "other_platforms": len(task["platforms"]) - len(refs) + (1 if rng.random() < level / 2 else 0),
            "frequency": task["frequency"],
            "minutes_each": round(task["minutes"] * (0.6 + level)),
            "data_elsewhere": bool(task["data_elsewhere"]) and rng.random() < 0.4 + 0.6 * level,
            "in_one_table": rng.random() > level,
            "paper_copy": rng.random() < level * 0.6,
        }
        rows.append({"row_id": f"t{rng.getrandbits(48):012x}", "cells": cells})
    return rows


def _answer_rule(
    checklist: Checklist,
    rule: ScoringRule,
    target: float,
    values: dict[str, Any],
    rng: random.Random,
    scale: Mapping[str, tuple[float, float]],
) -> None:
    """Set the answers a rule reads for a burden of about ``target`` (0–1): a number on the
    sample's realistic ``scale`` for the item, which the rule then scores on its own."""
    signal = rule.signal
    if signal.kind == "when":
        assert signal.condition is not None
        # Squared: a middling township has a few of the yes/no burdens, a heavy one most.
        _satisfy(signal.condition, rng.random() < target * target, values, rng)
        return
    if signal.kind not in ("value", "choice") or signal.ref in values:
        return  # tables are generated whole; the first rule reading an item decides it
    item = checklist.item(signal.ref)
    if signal.ref not in scale:
        raise JianfuError(f"示例数据文件缺少“{signal.ref}”的作答范围（answer_scale），请重新安装减负助手。")
    light, heavy = scale[signal.ref]
    if signal.kind == "choice":
        goal = target * target * heavy * rng.uniform(0.6, 1.2)
        best = min(item.choices, key=lambda c: abs((c.numeric or 0.0) - goal))
        values[item.id] = best.value
        return
    if target < 0.35:
        amount = light * rng.uniform(0.2, 0.9)
    else:
        amount = light + target * (heavy - light) * rng.uniform(0.8, 1.15)
    if item.maximum is not None:
        amount = min(amount, item.maximum)
    values[item.id] = round(amount) if item.integer else round(amount, 1)


def _satisfy(condition: Condition, burdened: bool, values: dict[str, Any], rng: random.Random) -> None:
    """Answer the items of a `when` condition so that it holds (burdened) or not."""
    if condition.op == "any":
        for child in condition.children:
            _satisfy(child, burdened and rng.random() < 0.7, values, rng)
        return
    if condition.op == "includes" and condition.ref is not None:
        ticked = values.setdefault(condition.ref, [])
        if burdened and condition.operand not in ticked:
            ticked.append(condition.operand)
        return
    if condition.op != "equals" or condition.ref is None or condition.ref in values:
        return
    burden_value = condition.operand
    if burdened:
        values[condition.ref] = burden_value
    elif isinstance(burden_value, bool):
        values[condition.ref] = not burden_value
