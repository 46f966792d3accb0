"""The checklist (自查清单) as data: sections, items, scoring rules and measure templates.

A checklist is a versioned YAML file under ``resources/checklists/<id>/v<version>.yaml``. It is
validated when loaded; every problem is reported with the file and the place, in Chinese.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Any

from jianfu.core.conditions import Condition, parse_condition
from jianfu.core.errors import ChecklistError, read_reason

CHECKLIST_FORMAT = "jianfu-checklist"
MAX_CHECKLIST_BYTES = 2_000_000
MANIFESTATION_IDS = (
    "trace_alienation",
    "platform_formalism",
    "filing_redundancy",
    "algorithm_centrism",
)
AREA_IDS = ("profile", "apps", "filing", "traces", "meetings")
PROFILE_SECTION = "profile"  # basic information: the township's own facts, never 不适用 (as core.completeness)
OVERALL = "overall"  # the overall score, stored beside the four manifestations
INCOMPLETE_LEVEL = "incomplete"  # shown instead of a level while required answers are missing
INCOMPLETE_LABEL = "未完成"
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class FieldType(str, Enum):
    YES_NO = "yes_no"
    NUMBER = "number"
    SINGLE_CHOICE = "single_choice"
    MULTI_CHOICE = "multi_choice"
    TEXT = "text"
    DATE = "date"
    TABLE = "table"
    ROW_REFS = "row_refs"  # table columns only: rows picked from another table


class Handling(str, Enum):
    """Who acts on a rectification item: the township itself, or the county (提请县级协调)."""

    OWN = "own"
    ESCALATE = "escalate"


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    numeric: float | None = None  # e.g. times per month for a frequency
    exclusive: bool = False  # "以上都没有": ticked alone, never together with another choice
    earlier: str = ""  # a value new in this version: the value earlier versions list the same thing as


# Where a text item's offered choices come from (``choices_from``); see core.choices.
CHOICE_SOURCES = ("departments",)


@dataclass(frozen=True)
class Field:
    """What an item and a table column share: how one value is typed and checked."""

    id: str
    type: FieldType
    label: str
    help: str = ""
    source: str = ""
    required: bool = False
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    max_length: int = 2000
    choices: tuple[Choice, ...] = ()
    ref_table: str | None = None  # for ROW_REFS
    choices_from: str | None = None  # text picked from a list gathered at answer time ("departments")

    def choice(self, value: Any) -> Choice | None:
        if not isinstance(value, str):
            return None  # every choice's value is text (checked when the checklist is loaded)
        index = self.__dict__.get("_choices_by_value")
        if index is None:  # frozen dataclass: the lookup table is kept by hand, built once
            index = {c.value: c for c in self.choices}
            object.__setattr__(self, "_choices_by_value", index)
        return index.get(value)


@dataclass(frozen=True)
class Item(Field):
    """One question of the checklist (题目)."""

    section_id: str = ""
    group: str = ""
    show_if: Condition | None = None
    columns: tuple[Field, ...] = ()
    name_column: str | None = None  # the column naming a row (tables)
    department_column: str | None = None  # the column naming the imposing department
    none_label: str = ""  # tables: the wording of the explicit "nothing to list" answer (none_answer)
    na_offered: bool = True  # False where the checklist's not_applicable.offered_on leaves it out

    @property
    def _not_applicable_fits(self) -> bool:
        """Basic information always applies to a township; a multi-select with an exclusive "以上都
        没有" and a table with a "none" answer already have an honest answer for "none of this
        happens here", so 不适用 there could only hide a burden."""
        if self.section_id == PROFILE_SECTION or self.none_label:
            return False
        return not (self.type is FieldType.MULTI_CHOICE and any(c.exclusive for c in self.choices))

    @property
    def allows_not_applicable(self) -> bool:
        """Whether 不适用 may be chosen: where it fits, and (from v2) where the checklist offers it."""
        return self.na_offered and self._not_applicable_fits

    @property
    def allows_declared_none(self) -> bool:
        """Whether this table may be answered "none" (an answered table with no rows)."""
        return self.type is FieldType.TABLE and bool(self.none_label)

    @property
    def counts_stored_not_applicable(self) -> bool:
        """Whether a 不适用 already stored here still counts as one (subject to the reason and
        share rules). Tables offered 不适用 before they had a "none" answer, and it was then the
        only way to say "nothing to list": such an answer is kept and flagged, not voided (unless
        the checklist names where 不适用 is offered: then it is withdrawn, see below)."""
        return self.allows_not_applicable or (self.allows_declared_none and self.na_offered)

    @property
    def not_applicable_withdrawn(self) -> bool:
        """Whether a 不适用 stored here is stale: this version does not offer it here (any more:
        ``not_applicable.offered_on``, basic information, a "以上都没有" or "none" answer). Such a
        不适用 (an older answer, carried over or imported) does not count as "no burden"; it is
        flagged and must be answered again (``core.completeness``), one way wherever it stands."""
        return not self.counts_stored_not_applicable

    def column(self, column_id: str) -> Field | None:
        return self._column_index.get(column_id)

    @property
    def _column_index(self) -> dict[str, Field]:
        index = self.__dict__.get("_columns_by_id")
        if index is None:  # frozen dataclass: cache the lookup table once, by hand
            index = {c.id: c for c in self.columns}
            object.__setattr__(self, "_columns_by_id", index)
        return index


@dataclass(frozen=True)
class Section:
    """A checklist area (e.g. ``apps``), shown as one wizard page."""

    id: str
    title: str
    description: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Manifestation:
    """One of the four manifestations of digital formalism (数字形式主义的四种表现)."""

    id: str
    name: str
    description: str


@dataclass(frozen=True)
class Level:
    id: str
    label: str
    below: float  # a score strictly below this (and at or above the previous level's) has it


@dataclass(frozen=True)
class Signal:
    """How a scoring rule reads the answers into one number (the size of a burden)."""

    kind: str  # value | choice | when | count_rows | sum_rows | fingertip
    ref: str  # the item (or table) read; fingertip: the term's table, or ""
    column: str | None = None
    where: Condition | None = None
    each_above: float = 0.0
    condition: Condition | None = None
    term: str | None = None  # fingertip: the fingertip-hours term whose hours per cadre are read


@dataclass(frozen=True)
class MeasureTemplate:
    """The drafted rectification measure of a scoring rule (整改措施模板)."""

    text: str
    handling: Handling
    deadline_days: int
    responsible_unit: str
    fix: str = ""  # measures sharing a fix are merged into one plan item


@dataclass(frozen=True)
class ScoringRule:
    """Maps a burden read from the answers to points on one or more manifestations.

    intensity = clamp((signal - start) / (full - start), 0, 1); each manifestation gets
    weight × intensity. ``full`` is the cap: burdens past it add nothing more.
    """

    id: str
    title: str
    signal: Signal
    start: float
    full: float
    weights: Mapping[str, float]
    problem: str
    measure: MeasureTemplate
    source: str = ""
    department_item: str | None = None  # the item naming who imposes this burden (条线)
    # the table rows that own what the rule reads (the 派单平台 rows of the inventory for dispatch):
    # their department, when they name one unambiguously, rather than the section's answer
    department_rows: RowSource | None = None


@dataclass(frozen=True)
class RowSource:
    """Some rows of a table: those ``where`` holds for (all when None)."""

    table: str
    where: Condition | None = None


@dataclass(frozen=True)
class FingertipTerm:
    """One part of the monthly fingertip hours (指尖工时): a product of answers × multiplier."""

    id: str
    label: str
    factors: tuple[str, ...]
    multiplier: float
    per_cadre: bool  # True: the factors already describe one cadre
    table: str | None = None
    where: Condition | None = None  # table terms: only the rows this holds for (e.g. forced use)
    # table terms: the number column saying how many of the cadres a row's product is theirs (an
    # app 10 of 38 cadres use counts 10/38 of its minutes per cadre); blank: all of them, and never
    # more than all, so leaving it blank or overstating it never lowers the hours
    users: str | None = None


@dataclass(frozen=True)
class HoursFloor:
    """The overall level is at least ``level`` from ``hours`` fingertip hours per cadre a month:
    hours spent are a burden whatever the mean of the four scores says."""

    hours: float
    level: str
    note: str  # what the hours amount to, for the reader (e.g. 约每周一个工作日)


@dataclass(frozen=True)
class ChoiceCarry:
    """A v1 answer that becomes one ticked choice of a v2 multi-select when its test holds."""

    source: str
    target: str
    value: str
    test: Condition


@dataclass(frozen=True)
class ValueCarry:
    """An answer this version asks where the earlier one did not, implied by earlier answers: e.g.
    v2 hid the monthly dispatch count after "不接收平台派单"; v3 asks it always, and that "否" is a 0."""

    target: str
    value: Any
    test: Condition  # over the earlier version's answers
    note: str = ""


@dataclass(frozen=True)
class CarryForward:
    """How the answers of an earlier version map onto this one (declared in the checklist)."""

    from_version: int
    same_id: tuple[str, ...]
    renamed: Mapping[str, str]
    into_choices: tuple[ChoiceCarry, ...]
    merged_columns: Mapping[str, Mapping[str, tuple[str, ...]]]  # table → new column → old columns (any true)
    dropped_columns: Mapping[str, tuple[str, ...]]
    values: Mapping[str, Mapping[str, Any]]  # item → old value → new value (renamed choices, flipped polarity)
    set_when: tuple[ValueCarry, ...] = ()  # answers implied by earlier ones (they win over a stale hidden one)


@dataclass(frozen=True)
class ConsistencyCheck:
    """Answers that cannot all be true: flagged to the cadre and the county, and no level is given
    until they agree (see ``core.consistency``). With ``table``: that table answered as listing
    nothing ("none", or an old 不适用) while other answers show there is something to list. With
    ``item``: the condition alone contradicts, e.g. more video meetings than meetings."""

    id: str
    table: str | None
    contradicted_when: Condition
    message: str
    item: str | None = None  # the answer the message is about (checks without a table)
    # instead of a condition: the fingertip hours per cadre a month above which the answers cannot
    # all be true (more than a whole working month): a typo (600 minutes for 60) is not a burden
    fingertip_hours_over: float | None = None

    @property
    def about(self) -> str:
        return self.table or self.item or ""


@dataclass(frozen=True)
class VerifyNote:
    """An answer the county should check against what it knows (``verify:`` in the checklist),
    e.g. "no platform dispatch here" where 12345 and grid orders reach nearly every township. It
    is consistent and scored as given; the county's view of the township names it."""

    id: str
    when: Condition
    message: str


@dataclass(frozen=True)
class NotApplicablePolicy:
    """When 不适用 counts as an answer (see ``core.completeness``). The defaults are the rule for
    checklists that do not state one (v1); newer checklists state it under ``not_applicable``."""

    min_reason_chars: int = 4  # meaningful characters (letters, Chinese) left after filler words
    max_share: float = 0.2  # of the required answers scoring reads; above it no level is given
    min_distinct_chars: int = 0  # distinct meaningful characters ("对对对对" is no reason); 0: not checked
    count_latin: bool = True  # False: only Chinese characters count ("xxxx", "asdf" are no reason)
    offered_on: frozenset[str] | None = None  # the items offering 不适用; None: wherever it fits (v1)
    filler_words: tuple[str, ...] = (
        "不适用",
        "不涉及",
        "无此情况",
        "无此项",
        "没有",
        "暂无",
        "无",
        "同上",
        "见上",
        "本镇",
        "本街道",
    )


@dataclass(frozen=True)
class Checklist:
    id: str
    version: int
    title: str
    path: str
    manifestations: tuple[Manifestation, ...]
    levels: tuple[Level, ...]
    sections: tuple[Section, ...]
    rules: tuple[ScoringRule, ...]
    fingertip_terms: tuple[FingertipTerm, ...]
    cadre_item: str
    plan_min_intensity: float = 0.0  # weaker hits count in scores but draft no plan item
    plan_max_items: int = 0  # 0: no cap; otherwise the lightest measures go to the plan's annex
    weight_total: float | None = None  # when set, each manifestation's weights sum to it
    score_full: float | None = None  # points (of weight_total) at which a score reaches 100
    carry_forward: CarryForward | None = None
    sources: Mapping[str, str] = field(default_factory=dict)
    not_applicable: NotApplicablePolicy = field(default_factory=lambda: NotApplicablePolicy())
    consistency: tuple[ConsistencyCheck, ...] = ()
    verify: tuple[VerifyNote, ...] = ()
    overall_floors: tuple[HoursFloor, ...] = ()  # ascending hours
    # manifestation → the fingertip-hours signals that are its own time, floored on overall_floors
    manifestation_floors: Mapping[str, tuple[Signal, ...]] = field(default_factory=dict)
    _items: dict[str, Item] = field(default_factory=dict, repr=False, compare=False)

    def item(self, item_id: str) -> Item:
        return self._items[item_id]

    def has_item(self, item_id: str) -> bool:
        return item_id in self._items

    def items(self) -> list[Item]:
        return list(self._items.values())

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def manifestation(self, manifestation_id: str) -> Manifestation:
        return next(m for m in self.manifestations if m.id == manifestation_id)

    def level_labels(self) -> dict[str, str]:
        """Level id → label, including 未完成 for incomplete assessments."""
        return {**{level.id: level.label for level in self.levels}, INCOMPLETE_LEVEL: INCOMPLETE_LABEL}

    def level(self, level_id: str) -> Level:
        return next(level for level in self.levels if level.id == level_id)

    def level_for(self, score: float) -> Level:
        for level in self.levels:
            if score < level.below:
                return level
        return self.levels[-1]


# --------------------------------------------------------------------------------- loading


def _leaves(condition: Condition) -> list[Condition]:
    """The comparisons of ``condition`` (not looking into row quantifiers)."""
    if condition.ref is not None:
        return [condition]
    return [leaf for child in condition.children for leaf in _leaves(child)]


def load_checklist(path: Path) -> Checklist:
    """Read and validate one checklist file; raise ChecklistError listing every problem."""
    shown = str(path)
    try:
        raw_bytes = path.read_bytes()
    except OSError as exc:
        raise ChecklistError(shown, [f"无法读取文件（{read_reason(exc)}）"]) from exc
    if len(raw_bytes) > MAX_CHECKLIST_BYTES:
        raise ChecklistError(shown, [f"文件过大（{len(raw_bytes)} 字节，上限 {MAX_CHECKLIST_BYTES}）"])
    try:
        data = _read_yaml(raw_bytes)
    except UnicodeDecodeError as exc:
        raise ChecklistError(shown, [f"不是 UTF-8 编码的文本（第 {exc.start} 字节）"]) from exc
    except _yaml_error() as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark else "某处"
        raise ChecklistError(shown, [f"YAML 格式错误，{where}：{getattr(exc, 'problem', exc)}"]) from exc
    return _Parser(shown).checklist(data)


def _yaml_error() -> type[Exception]:
    import yaml

    return yaml.YAMLError


def _read_yaml(raw_bytes: bytes) -> Any:
    """The YAML tree, from a JSON copy cached by content hash when there is one.

    Parsing the item bank's YAML takes ~55 ms on the start-up path; the JSON copy ~3 ms. The
    copy is only a faster way to read the same bytes: validation runs on it all the same.
    """
    from jianfu.paths import cache_dir

    cached = cache_dir() / "checklists" / f"{hashlib.sha256(raw_bytes).hexdigest()}.json"
    try:
        return json.loads(cached.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    import yaml  # ~15 ms to import: only when the cache misses

    text = raw_bytes.decode("utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml when present
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".part")
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        partial.replace(cached)
    except (OSError, TypeError, ValueError):
        pass  # no cache (read-only disk, a value JSON cannot hold): parse the YAML each time
    return data


class _Parser:
    """Turns the YAML tree into frozen objects, collecting every problem before failing."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[str] = []

    def fail(self, where: str, message: str) -> None:
        self.problems.append(f"{where}：{message}")

    def checklist(self, data: Any) -> Checklist:
        if not isinstance(data, Mapping):
            raise ChecklistError(self.path, ["文件内容必须是键值表（YAML mapping）"])
        if data.get("format") != CHECKLIST_FORMAT:
            raise ChecklistError(self.path, [f"format 必须是 {CHECKLIST_FORMAT}"])
        checklist_id = self.text(data, "id", "清单")
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            self.fail("version", "必须是正整数")
            version = 0
        choice_sets = self.choice_sets(data.get("choice_sets", {}))
        manifestations = self.manifestations(data.get("manifestations"))
        levels = self.levels(data.get("levels"))
        items: dict[str, Item] = {}
        offered = self.offered_on(data.get("not_applicable"))
        sections = self.sections(data.get("sections"), choice_sets, items, offered)
        self.check_offered_on(offered, items)
        rules = self.rules(data.get("rules"), items, {m.id for m in manifestations})
        cadre_item, terms = self.fingertip(data.get("fingertip_hours"), items)
        rules = self.check_fingertip_signals(rules, terms, items)
        floors = self.overall_floors(data.get("overall_floor"), levels) if "overall_floor" in data else ()
        own_time = self.manifestation_floors(data.get("manifestation_floor"), terms, floors, manifestations, items)
        plan = data.get("plan", {})
        min_intensity = self.number(plan, "min_intensity", "plan") if isinstance(plan, Mapping) else None
        if min_intensity is not None and not 0 <= min_intensity < 1:
            self.fail("plan.min_intensity", "必须在 0 到 1 之间")
        weight_total = self.number(data, "weight_total", "清单")
        if weight_total is not None:
            for m in sorted({m.id for m in manifestations}):
                total = sum(rule.weights.get(m, 0.0) for rule in rules)
                if abs(total - weight_total) > 0.05:
                    self.fail(f"表现 {m}", f"各计分规则的分值之和为 {total:g}，应为 weight_total {weight_total:g}")
        score_full = self.number(data, "score_full", "清单")
        if score_full is not None and (weight_total is None or not 0 < score_full <= weight_total):
            self.fail("score_full", "必须与 weight_total 一起使用，且在 0 和 weight_total 之间")
        max_items = plan.get("max_items", 0) if isinstance(plan, Mapping) else 0
        if not isinstance(max_items, int) or isinstance(max_items, bool) or max_items < 0:
            self.fail("plan.max_items", "必须是非负整数")
            max_items = 0
        carry = self.carry_forward(data.get("carry_forward"), items) if "carry_forward" in data else None
        na_policy = self.not_applicable_policy(data.get("not_applicable"), offered)
        consistency = self.consistency(data.get("consistency"), items) if "consistency" in data else ()
        raw_sources = data.get("sources", {})
        sources = {str(k): str(v) for k, v in raw_sources.items()} if isinstance(raw_sources, Mapping) else {}
        fed = {m for rule in rules for m, w in rule.weights.items() if w > 0}
        for missing in sorted(set(MANIFESTATION_IDS) - fed):
            self.fail("rules", f"没有任何计分规则指向表现 {missing}")
        verify = self.verify(data.get("verify"), items) if "verify" in data else ()
        title = self.text(data, "title", "清单")
        if carry is not None and version and carry.from_version and carry.from_version != version - 1:
            # answers are carried one version at a time (core.carry): v3 reads v2's, v2 reads v1's
            self.fail("carry_forward", f"from_version 必须是上一版（{version - 1}），而不是{carry.from_version}")
        if self.problems:
            raise ChecklistError(self.path, self.problems)
        return Checklist(
            id=checklist_id,
            version=version,
            title=title,
            path=self.path,
            manifestations=manifestations,
            levels=levels,
            sections=sections,
            rules=rules,
            fingertip_terms=terms,
            cadre_item=cadre_item,
            plan_min_intensity=min_intensity or 0.0,
            plan_max_items=max_items,
            weight_total=weight_total,
            score_full=score_full,
            carry_forward=carry,
            sources=sources,
            not_applicable=na_policy,
            consistency=consistency,
            verify=verify,
            overall_floors=floors,
            manifestation_floors=own_time,
            _items=items,
        )

    def overall_floors(self, raw: Any, levels: tuple[Level, ...]) -> tuple[HoursFloor, ...]:
        where = "overall_floor"
        if not isinstance(raw, Mapping):
            self.fail(where, "必须是键值表（fingertip_hours）")
            return ()
        known = {level.id for level in levels}
        floors = []
        for i, entry in enumerate(self.listing(raw.get("fingertip_hours"), f"{where}.fingertip_hours")):
            at = f"{where}.fingertip_hours[{i}]"
            if not isinstance(entry, Mapping):
                self.fail(at, "必须是键值表（from、level、note）")
                continue
            hours = self.number(entry, "from", at)
            level = entry.get("level")
            if hours is None or hours <= 0:
                self.fail(at, "from（每名干部每月小时数）必须是正数")
                continue
            if level not in known:
                self.fail(at, f"level 必须是已定义的等级，{level!r} 不是")
                continue
            floors.append(HoursFloor(hours, str(level), self.text(entry, "note", at)))
        return tuple(sorted(floors, key=lambda f: f.hours))

    def manifestation_floors(
        self,
        raw: Any,
        terms: tuple[FingertipTerm, ...],
        floors: tuple[HoursFloor, ...],
        manifestations: tuple[Manifestation, ...],
        items: dict[str, Item],
    ) -> dict[str, tuple[Signal, ...]]:
        """``manifestation_floor``: per manifestation, the fingertip terms (``fingertip: TERM``,
        ``where`` as in a rule's signal) whose hours are its own time; they floor its level on the
        thresholds of ``overall_floor``."""
        where = "manifestation_floor"
        if raw is None:
            return {}
        if not isinstance(raw, Mapping) or not floors:
            self.fail(where, "必须是键值表（表现 → 指尖工时项列表），且需要 overall_floor 给出小时门槛")
            return {}
        known = {m.id for m in manifestations}
        by_id = {t.id: t for t in terms}
        found: dict[str, tuple[Signal, ...]] = {}
        for m, entries in raw.items():
            if m not in known:
                self.fail(where, f"表现 {m!r} 不存在")
                continue
            signals = []
            for i, entry in enumerate(self.listing(entries, f"{where}.{m}")):
                at = f"{where}.{m}[{i}]"
                if not isinstance(entry, Mapping) or "fingertip" not in entry:
                    self.fail(at, "必须是键值表（fingertip，可选 where）")
                    continue
                signal = self.fingertip_signal(entry, at, items)
                if signal is None:
                    continue
                term = by_id.get(signal.term or "")
                if term is None:
                    self.fail(at, f"“指尖工时”中没有 {signal.term!r} 一项")
                    continue
                self.check_term_where(signal, term, items, at)
                if signal in signals:
                    self.fail(at, f"指尖工时项 {signal.term} 重复列出，其工时会被计算两次")
                signals.append(signal)
            found[str(m)] = tuple(signals)
        return found

    def offered_on(self, raw: Any) -> frozenset[str] | None:
        """The raw ``not_applicable.offered_on`` list, read before the items (checked after them)."""
        if not isinstance(raw, Mapping) or "offered_on" not in raw:
            return None
        ids = raw["offered_on"]
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            self.fail("not_applicable.offered_on", "必须是题目 id 的列表（可以为空列表）")
            return frozenset()
        return frozenset(ids)

    def check_offered_on(self, offered: frozenset[str] | None, items: dict[str, Item]) -> None:
        for item_id in sorted(offered or ()):
            item = items.get(item_id)
            if item is None:
                self.fail("not_applicable.offered_on", f"题目 {item_id} 不存在")
            elif not item.allows_not_applicable:
                self.fail(
                    "not_applicable.offered_on",
                    f"题目 {item_id} 不能选“不适用”（基本情况、有“以上都没有”的多选题、有“没有”回答的表格）",
                )

    def not_applicable_policy(self, raw: Any, offered: frozenset[str] | None = None) -> NotApplicablePolicy:
        if raw is None:
            return NotApplicablePolicy()
        if not isinstance(raw, Mapping):
            self.fail("not_applicable", "必须是映射（min_reason_chars、max_share、filler_words、offered_on 等）")
            return NotApplicablePolicy()
        default = NotApplicablePolicy()
        chars = raw.get("min_reason_chars", default.min_reason_chars)
        if not isinstance(chars, int) or isinstance(chars, bool) or chars < 1:
            self.fail("not_applicable.min_reason_chars", "必须是正整数")
            chars = default.min_reason_chars
        share = self.number(raw, "max_share", "not_applicable")
        if share is None:
            share = default.max_share
        elif not 0 <= share < 1:
            self.fail("not_applicable.max_share", "必须在 0 到 1 之间")
            share = default.max_share
        words = raw.get("filler_words", list(default.filler_words))
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            self.fail("not_applicable.filler_words", "必须是非空文字的列表")
            words = list(default.filler_words)
        distinct = raw.get("min_distinct_chars", default.min_distinct_chars)
        if not isinstance(distinct, int) or isinstance(distinct, bool) or not 0 <= distinct <= chars:
            self.fail("not_applicable.min_distinct_chars", "必须是 0 到 min_reason_chars 之间的整数")
            distinct = default.min_distinct_chars
        latin = raw.get("count_latin", default.count_latin)
        if not isinstance(latin, bool):
            self.fail("not_applicable.count_latin", "必须是 true 或 false")
            latin = default.count_latin
        return NotApplicablePolicy(
            min_reason_chars=chars,
            max_share=share,
            filler_words=tuple(words),
            min_distinct_chars=distinct,
            count_latin=latin,
            offered_on=offered,
        )

    def consistency(self, raw: Any, items: dict[str, Item]) -> tuple[ConsistencyCheck, ...]:
        checks = []
        seen: set[str] = set()
        for i, entry in enumerate(self.listing(raw, "consistency")):
            at = f"consistency[{i}]"
            if not isinstance(entry, Mapping):
                self.fail(at, "必须是键值表（id、table 或 item、contradicted_when、message）")
                continue
            check_id = self.text(entry, "id", at)
            at = f"一致性检查 {check_id}"
            if check_id in seen:
                self.fail(at, "id 重复")
            seen.add(check_id)
            table = about = None
            if "table" in entry:
                about = table = items.get(str(entry.get("table")))
                if table is None or not table.allows_declared_none:
                    self.fail(at, f"table 必须是有 none_answer 的表格题，而不是 {entry.get('table')!r}")
            else:
                about = items.get(str(entry.get("item")))
                if about is None:
                    self.fail(at, f"需要 table（答“没有”的表格题）或 item（所说的题目），而不是 {entry.get('item')!r}")
            over = self.number(entry, "fingertip_hours_over", at)
            if "fingertip_hours_over" in entry:
                if over is not None and over <= 0:
                    self.fail(at, "fingertip_hours_over 必须大于0")
                if "contradicted_when" in entry or table is not None:
                    self.fail(at, "fingertip_hours_over 与 contradicted_when、table 不能同时使用")
                condition: Condition | None = Condition("all")  # the hours decide, not a condition
                problems: list[str] = []
            else:
                condition, problems = parse_condition(entry.get("contradicted_when"), f"{at}.contradicted_when")
            self.problems.extend(problems)
            for ref in condition.refs() if condition else []:
                if ref not in items:
                    self.fail(f"{at}.contradicted_when", f"引用的题目 {ref} 不存在")
            for quantifier in condition.row_quantifiers() if condition else []:
                rows_of = items.get(str(quantifier.ref))
                for column in quantifier.children[0].refs():
                    if rows_of is None or rows_of.type is not FieldType.TABLE or rows_of.column(column) is None:
                        self.fail(f"{at}.contradicted_when", f"{quantifier.ref} 不是表格题或没有列 {column}")
                for leaf in _leaves(quantifier.children[0]):  # a misspelt choice would never match
                    cell = rows_of.column(str(leaf.ref)) if rows_of is not None and leaf.ref else None
                    if cell is not None and cell.choices and leaf.op == "equals" and cell.choice(leaf.operand) is None:
                        self.fail(f"{at}.contradicted_when", f"{leaf.operand!r} 不是列 {leaf.ref} 的选项")
            message = self.text(entry, "message", at)
            if about is not None and condition is not None:
                item_id = None if table is not None else about.id
                checks.append(
                    ConsistencyCheck(check_id, table.id if table else None, condition, message, item_id, over)
                )
        return tuple(checks)

    def verify(self, raw: Any, items: dict[str, Item]) -> tuple[VerifyNote, ...]:
        notes: list[VerifyNote] = []
        for i, entry in enumerate(self.listing(raw, "verify")):
            at = f"verify[{i}]"
            if not isinstance(entry, Mapping):
                self.fail(at, "必须是键值表（id、when、message）")
                continue
            condition, problems = parse_condition(entry.get("when"), f"{at}.when")
            self.problems.extend(problems)
            for ref in condition.refs() if condition else []:
                if ref not in items:
                    self.fail(f"{at}.when", f"引用的题目 {ref} 不存在")
            message = self.text(entry, "message", at)
            note_id = self.text(entry, "id", at)
            if note_id in {n.id for n in notes}:
                self.fail(at, f"id {note_id} 重复")
            if condition is not None:
                notes.append(VerifyNote(note_id, condition, message))
        return tuple(notes)

    # -- small readers

    def text(self, node: Mapping[str, Any], key: str, where: str, required: bool = True) -> str:
        value = node.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            if required or not isinstance(value, str):
                self.fail(where, f"{key} 必须是非空文字")
            return ""
        return value.strip()

    def number(self, node: Mapping[str, Any], key: str, where: str) -> float | None:
        value = node.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            self.fail(where, f"{key} 必须是数字")
            return None
        return float(value)

    def listing(self, value: Any, where: str) -> list[Any]:
        if not isinstance(value, list) or not value:
            self.fail(where, "必须是非空列表")
            return []
        return value

    # -- parts

    def choice_sets(self, raw: Any) -> dict[str, tuple[Choice, ...]]:
        if not isinstance(raw, Mapping):
            self.fail("choice_sets", "必须是键值表")
            return {}
        return {name: self.choices(body, f"choice_sets.{name}") for name, body in raw.items()}

    def choices(self, raw: Any, where: str) -> tuple[Choice, ...]:
        result: list[Choice] = []
        for i, entry in enumerate(self.listing(raw, where)):
            at = f"{where}[{i}]"
            if not isinstance(entry, Mapping):
                self.fail(at, "选项必须是键值表（value、label）")
                continue
            value = entry.get("value")
            if not isinstance(value, str) or not value:
                self.fail(at, "value 必须是非空文字")
                continue
            exclusive = entry.get("exclusive", False)
            if not isinstance(exclusive, bool):
                self.fail(at, "exclusive 必须是 true 或 false")
            earlier = entry.get("earlier", "")
            if not isinstance(earlier, str):
                self.fail(at, "earlier 必须是文字")
                earlier = ""
            result.append(
                Choice(
                    value,
                    self.text(entry, "label", at),
                    self.number(entry, "numeric", at),
                    exclusive is True,
                    earlier,
                )
            )
        values = [c.value for c in result]
        if len(set(values)) != len(values):
            self.fail(where, "选项的 value 有重复")
        return tuple(result)

    def manifestations(self, raw: Any) -> tuple[Manifestation, ...]:
        result = []
        for i, entry in enumerate(self.listing(raw, "manifestations")):
            at = f"manifestations[{i}]"
            if not isinstance(entry, Mapping):
                self.fail(at, "必须是键值表")
                continue
            result.append(
                Manifestation(
                    self.text(entry, "id", at),
                    self.text(entry, "name", at),
                    self.text(entry, "description", at),
                )
            )
        if tuple(m.id for m in result) != MANIFESTATION_IDS:
            self.fail("manifestations", f"必须依次为 {', '.join(MANIFESTATION_IDS)}")
        return tuple(result)

    def levels(self, raw: Any) -> tuple[Level, ...]:
        result = []
        previous = 0.0
        for i, entry in enumerate(self.listing(raw, "levels")):
            at = f"levels[{i}]"
            if not isinstance(entry, Mapping):
                self.fail(at, "必须是键值表")
                continue
            below = self.number(entry, "below", at)
            if below is None or below <= previous:
                self.fail(at, "below 必须是递增的数字")
                below = previous + 1
            previous = below
            result.append(Level(self.text(entry, "id", at), self.text(entry, "label", at), below))
        if result and result[-1].below <= 100:
            self.fail("levels", "最后一个等级的 below 必须大于 100，使满分也有等级")
        return tuple(result)

    def sections(
        self,
        raw: Any,
        choice_sets: dict[str, tuple[Choice, ...]],
        items: dict[str, Item],
        offered: frozenset[str] | None = None,
    ) -> tuple[Section, ...]:
        result = []
        for i, entry in enumerate(self.listing(raw, "sections")):
            at = f"sections[{i}]"
            if not isinstance(entry, Mapping):
                self.fail(at, "必须是键值表")
                continue
            section_id = self.text(entry, "id", at)
            at = f"部分 {section_id}"
            if section_id not in AREA_IDS:
                self.fail(at, f"部分 id 必须是 {', '.join(AREA_IDS)} 之一")
            section_items = []
            for j, raw_item in enumerate(self.listing(entry.get("items"), f"{at}.items")):
                item = self.item(raw_item, f"{at}.items[{j}]", section_id, choice_sets, items)
                if item is not None and offered is not None and item.id not in offered:
                    item = replace(item, na_offered=False)
                if item is not None:
                    items[item.id] = item
                    section_items.append(item)
            result.append(
                Section(
                    section_id,
                    self.text(entry, "title", at),
                    self.text(entry, "description", at, required=False),
                    tuple(section_items),
                )
            )
        found = [s.id for s in result]
        if len(set(found)) != len(found):
            self.fail("sections", "部分 id 有重复")
        return tuple(result)

    def field(
        self, raw: Any, where: str, choice_sets: dict[str, tuple[Choice, ...]], *, in_table: bool
    ) -> dict[str, Any] | None:
        if not isinstance(raw, Mapping):
            self.fail(where, "必须是键值表")
            return None
        field_id = raw.get("id")
        if not isinstance(field_id, str) or not field_id:
            self.fail(where, "缺少 id")
            return None
        where = f"{where}（{field_id}）"
        try:
            field_type = FieldType(raw.get("type"))
        except ValueError:
            self.fail(where, f"未知的题型 {raw.get('type')!r}，可用 {', '.join(t.value for t in FieldType)}")
            return None
        if field_type is FieldType.TABLE and in_table:
            self.fail(where, "表格的列不能再是表格")
            return None
        if field_type is FieldType.ROW_REFS and not in_table:
            self.fail(where, "row_refs 只能用作表格的列")
            return None
        common: dict[str, Any] = {
            "id": field_id,
            "type": field_type,
            "label": self.text(raw, "label", where),
            "help": self.text(raw, "help", where, required=not in_table),
            "source": self.text(raw, "source", where, required=not in_table),
            "required": bool(raw.get("required", False)),
            "unit": str(raw.get("unit", "")),
            "minimum": self.number(raw, "min", where),
            "maximum": self.number(raw, "max", where),
            "integer": bool(raw.get("integer", False)),
        }
        if raw.get("max_length") is not None:
            common["max_length"] = int(raw["max_length"])
        if common["minimum"] is not None and common["maximum"] is not None and common["minimum"] > common["maximum"]:
            self.fail(where, "min 大于 max")
        if field_type in (FieldType.SINGLE_CHOICE, FieldType.MULTI_CHOICE):
            choices = raw.get("choices")
            if isinstance(choices, str):
                if choices not in choice_sets:
                    self.fail(where, f"引用了不存在的选项集 {choices}")
                common["choices"] = choice_sets.get(choices, ())
            else:
                common["choices"] = self.choices(choices, f"{where}.choices")
        if field_type is FieldType.ROW_REFS:
            common["ref_table"] = raw.get("table")
        if "choices_from" in raw:
            if field_type is not FieldType.TEXT or raw["choices_from"] not in CHOICE_SOURCES:
                self.fail(where, f"choices_from 只能用于文字题，可用 {', '.join(CHOICE_SOURCES)}")
            else:
                common["choices_from"] = raw["choices_from"]
        return common

    def item(
        self,
        raw: Any,
        where: str,
        section_id: str,
        choice_sets: dict[str, tuple[Choice, ...]],
        items: dict[str, Item],
    ) -> Item | None:
        common = self.field(raw, where, choice_sets, in_table=False)
        if common is None:
            return None
        item_id = common["id"]
        where = f"题目 {item_id}"
        if not item_id.startswith(section_id + ".") or not _ID.match(item_id.split(".", 1)[1]):
            self.fail(where, f"id 必须形如 {section_id}.小写英文名")
        if item_id in items:
            self.fail(where, "id 重复")
        show_if = None
        if "show_if" in raw:
            show_if, problems = parse_condition(raw["show_if"], f"{where}.show_if")
            self.problems.extend(problems)
            for ref in show_if.refs() if show_if else []:
                if ref not in items:
                    self.fail(f"{where}.show_if", f"引用的题目 {ref} 不存在或不在本题之前")
        columns: tuple[Field, ...] = ()
        name_column = department_column = None
        none_label = ""
        if "none_answer" in raw:
            if common["type"] is not FieldType.TABLE:
                self.fail(where, "none_answer 只能用于表格题")
            else:
                none_label = self.text(raw, "none_answer", where)
        if common["type"] is FieldType.TABLE:
            parsed = []
            for k, raw_col in enumerate(self.listing(raw.get("columns"), f"{where}.columns")):
                col = self.field(raw_col, f"{where}.columns[{k}]", choice_sets, in_table=True)
                if col is None:
                    continue
                if col["type"] is FieldType.ROW_REFS:
                    target = items.get(col["ref_table"] or "")
                    if target is None or target.type is not FieldType.TABLE:
                        self.fail(
                            f"{where}.{col['id']}",
                            f"table 必须引用本题之前的表格题，而不是 {col['ref_table']!r}",
                        )
                parsed.append(Field(**col))
            columns = tuple(parsed)
            ids = [c.id for c in columns]
            if len(set(ids)) != len(ids):
                self.fail(where, "列 id 有重复")
            name_column = raw.get("name_column")
            department_column = raw.get("department_column")
            for key, value in (("name_column", name_column), ("department_column", department_column)):
                if value is not None and value not in ids:
                    self.fail(where, f"{key} 引用的列 {value} 不存在")
        return Item(
            **common,
            section_id=section_id,
            group=str(raw.get("group", "")),
            show_if=show_if,
            columns=columns,
            name_column=name_column,
            department_column=department_column,
            none_label=none_label,
        )

    def signal(self, raw: Any, where: str, items: dict[str, Item]) -> Signal | None:
        if not isinstance(raw, Mapping):
            self.fail(where, "signal 必须是键值表")
            return None
        kinds = [k for k in ("value", "choice", "when", "count_rows", "sum_rows", "fingertip") if k in raw]
        if len(kinds) != 1:
            self.fail(where, "signal 需要且只能有 value、choice、when、count_rows、sum_rows、fingertip 之一")
            return None
        kind = kinds[0]
        if kind == "fingertip":
            return self.fingertip_signal(raw, where, items)
        if kind == "when":
            condition, problems = parse_condition(raw["when"], f"{where}.when")
            self.problems.extend(problems)
            for ref in condition.refs() if condition else []:
                if ref not in items:
                    self.fail(f"{where}.when", f"引用的题目 {ref} 不存在")
            return Signal("when", ref="", condition=condition) if condition else None
        ref = raw[kind]
        item = items.get(ref) if isinstance(ref, str) else None
        if item is None:
            self.fail(where, f"引用的题目 {ref!r} 不存在")
            return None
        if kind == "value" and item.type is not FieldType.NUMBER:
            self.fail(where, f"value 只能读取数字题，{ref} 不是")
        if kind == "choice" and any(c.numeric is None for c in item.choices):
            self.fail(where, f"choice 读取的题目 {ref} 的每个选项都要有 numeric")
        if kind in ("count_rows", "sum_rows"):
            if item.type is not FieldType.TABLE:
                self.fail(where, f"{kind} 只能读取表格题，{ref} 不是")
                return None
            where_cond = None
            if "where" in raw:
                where_cond, problems = parse_condition(raw["where"], f"{where}.where", ref_key="column")
                self.problems.extend(problems)
                for col in where_cond.refs() if where_cond else []:
                    if item.column(col) is None:
                        self.fail(f"{where}.where", f"表格 {ref} 没有列 {col}")
            column = raw.get("column")
            if kind == "sum_rows" and (not isinstance(column, str) or item.column(column) is None):
                self.fail(where, f"sum_rows 的 column 必须是表格 {ref} 的列")
            each_above = self.number(raw, "each_above", where) or 0.0
            return Signal(kind, ref=ref, column=column, where=where_cond, each_above=each_above)
        return Signal(kind, ref=ref)

    def fingertip_signal(self, raw: Mapping[str, Any], where: str, items: dict[str, Item]) -> Signal | None:
        """``fingertip: TERM``: the term's hours per cadre a month (read after the terms are parsed,
        see ``checklist``); ``where`` keeps only some of a table term's rows."""
        term = raw["fingertip"]
        if not isinstance(term, str) or not term:
            self.fail(where, "fingertip 必须是“指尖工时”中一项的 id")
            return None
        where_cond = None
        if "where" in raw:
            where_cond, problems = parse_condition(raw["where"], f"{where}.where", ref_key="column")
            self.problems.extend(problems)
        return Signal("fingertip", ref="", where=where_cond, term=term)

    def check_fingertip_signals(
        self, rules: tuple[ScoringRule, ...], terms: tuple[FingertipTerm, ...], items: dict[str, Item]
    ) -> tuple[ScoringRule, ...]:
        """Rules reading a fingertip term: the term must exist (its table becomes the signal's ref)."""
        by_id = {t.id: t for t in terms}
        checked = []
        for rule in rules:
            signal = rule.signal
            if signal.kind == "fingertip":
                term = by_id.get(signal.term or "")
                at = f"计分规则 {rule.id}.signal"
                if term is None:
                    self.fail(at, f"“指尖工时”中没有 {signal.term!r} 一项")
                    continue
                self.check_term_where(signal, term, items, at)
                rule = replace(rule, signal=replace(signal, ref=term.table or ""))
            checked.append(rule)
        return tuple(checked)

    def check_term_where(self, signal: Signal, term: FingertipTerm, items: dict[str, Item], at: str) -> None:
        """A ``where`` on a term's rows names columns of the term's table (a misspelt one would
        quietly count no hours)."""
        if signal.where is None:
            return
        if term.table is None:
            self.fail(f"{at}.where", f"where 只能用于按表格计算的一项，{term.id} 不是")
        elif term.table in items:
            for col in signal.where.refs():
                if items[term.table].column(col) is None:
                    self.fail(f"{at}.where", f"表格 {term.table} 没有列 {col}")

    def rules(self, raw: Any, items: dict[str, Item], manifestation_ids: set[str]) -> tuple[ScoringRule, ...]:
        result = []
        seen: set[str] = set()
        for i, entry in enumerate(self.listing(raw, "rules")):
            at = f"rules[{i}]"
            if not isinstance(entry, Mapping):
                self.fail(at, "必须是键值表")
                continue
            rule_id = self.text(entry, "id", at)
            at = f"计分规则 {rule_id}"
            if rule_id in seen:
                self.fail(at, "id 重复")
            seen.add(rule_id)
            signal = self.signal(entry.get("signal"), f"{at}.signal", items)
            start = self.number(entry, "start", at) or 0.0
            full = self.number(entry, "full", at)
            if full is None or full <= start:
                self.fail(at, "full（封顶值）必须是大于 start 的数字")
                full = start + 1
            weights_raw = entry.get("weights")
            weights: dict[str, float] = {}
            if not isinstance(weights_raw, Mapping) or not weights_raw:
                self.fail(at, "weights 必须是非空键值表（表现 id: 分值）")
            else:
                for m, w in weights_raw.items():
                    if m not in manifestation_ids:
                        self.fail(f"{at}.weights", f"未知的表现 {m}")
                    elif isinstance(w, bool) or not isinstance(w, int | float) or not 0 < w <= 100:
                        self.fail(f"{at}.weights.{m}", "分值必须是 0 到 100 之间的正数")
                    else:
                        weights[m] = float(w)
            measure = self.measure(entry.get("measure"), f"{at}.measure")
            department_item = entry.get("department_item")
            if department_item is not None and department_item not in items:
                self.fail(at, f"department_item 引用的题目 {department_item!r} 不存在")
            department_rows = self.row_source(entry.get("department_rows"), f"{at}.department_rows", items)
            if signal is None or measure is None:
                continue
            result.append(
                ScoringRule(
                    rule_id,
                    self.text(entry, "title", at),
                    signal,
                    start,
                    full,
                    weights,
                    self.text(entry, "problem", at),
                    measure,
                    self.text(entry, "source", at),
                    department_item if isinstance(department_item, str) else None,
                    department_rows,
                )
            )
        return tuple(result)

    def row_source(self, raw: Any, where: str, items: dict[str, Item]) -> RowSource | None:
        """``{table: …, where: {column: …, equals: …}}``: rows of a table with a department column."""
        if raw is None:
            return None
        table_id = raw.get("table") if isinstance(raw, Mapping) else None
        table = items.get(table_id) if isinstance(table_id, str) else None
        if table is None or table.type is not FieldType.TABLE or not table.department_column:
            self.fail(where, "table 必须是有部门列（department_column）的表格题")
            return None
        condition = None
        if "where" in raw:
            condition, problems = parse_condition(raw["where"], f"{where}.where", ref_key="column")
            self.problems.extend(problems)
            for col in condition.refs() if condition else []:
                if table.column(col) is None:
                    self.fail(f"{where}.where", f"表格 {table.id} 没有列 {col}")
        return RowSource(table.id, condition)

    def measure(self, raw: Any, where: str) -> MeasureTemplate | None:
        if not isinstance(raw, Mapping):
            self.fail(where, "必须是键值表（text、handling、deadline_days、responsible_unit）")
            return None
        try:
            handling = Handling(raw.get("handling"))
        except ValueError:
            self.fail(where, "handling 必须是 own（自行整改）或 escalate（提请县级协调）")
            return None
        days = raw.get("deadline_days")
        if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= 366:
            self.fail(where, "deadline_days 必须是 1 到 366 之间的整数（整改时限一般不超过一年）")
            days = 180
        fix = raw.get("fix", "")
        if not isinstance(fix, str):
            self.fail(where, "fix 必须是文字")
            fix = ""
        return MeasureTemplate(
            self.text(raw, "text", where), handling, days, self.text(raw, "responsible_unit", where), fix
        )

    def fingertip(self, raw: Any, items: dict[str, Item]) -> tuple[str, tuple[FingertipTerm, ...]]:
        where = "fingertip_hours"
        if not isinstance(raw, Mapping):
            self.fail(where, "必须是键值表（cadres、terms）")
            return "", ()
        cadre_item = raw.get("cadres")
        if cadre_item not in items or items[cadre_item].type is not FieldType.NUMBER:
            self.fail(where, "cadres 必须引用干部人数的数字题")
        terms = []
        for i, entry in enumerate(self.listing(raw.get("terms"), f"{where}.terms")):
            at = f"{where}.terms[{i}]"
            if not isinstance(entry, Mapping):
                self.fail(at, "必须是键值表")
                continue
            table = entry.get("table")
            factors = entry.get("factors")
            if not isinstance(factors, list) or not factors:
                self.fail(at, "factors 必须是非空列表")
                continue
            if table is not None:
                table_item = items.get(table)
                if table_item is None or table_item.type is not FieldType.TABLE:
                    self.fail(at, f"table {table!r} 不是表格题")
                    continue
                for f in factors:
                    col = table_item.column(f)
                    if col is None or col.type not in (FieldType.NUMBER, FieldType.SINGLE_CHOICE):
                        self.fail(at, f"{f} 不是表格 {table} 的数字或单选列")
            else:
                for f in factors:
                    if f not in items or items[f].type not in (FieldType.NUMBER, FieldType.SINGLE_CHOICE):
                        self.fail(at, f"{f} 不是数字题或单选题")
            multiplier = self.number(entry, "multiplier", at)
            users = entry.get("users")
            if users is not None:
                column = items[table].column(users) if table is not None and isinstance(users, str) else None
                if column is None or column.type is not FieldType.NUMBER:
                    self.fail(at, f"users {users!r} 必须是表格 {table} 的数字列（使用人数）")
                    users = None
            where_cond = None
            if "where" in entry:
                where_cond, problems = parse_condition(entry["where"], f"{at}.where", ref_key="column")
                self.problems.extend(problems)
                if table is None:
                    self.fail(at, "where 只能用于表格项")
            terms.append(
                FingertipTerm(
                    self.text(entry, "id", at),
                    self.text(entry, "label", at),
                    tuple(factors),
                    multiplier if multiplier is not None else 1.0,
                    bool(entry.get("per_cadre", False)),
                    table,
                    where_cond,
                    users,
                )
            )
        return str(cadre_item or ""), tuple(terms)

    def carry_forward(self, raw: Any, items: dict[str, Item]) -> CarryForward | None:
        where = "carry_forward"
        if not isinstance(raw, Mapping):
            self.fail(where, "必须是键值表")
            return None
        version = raw.get("from_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            self.fail(where, "from_version 必须是正整数")
            version = 0
        same = raw.get("same_id") or []
        for item_id in same:
            if item_id not in items:
                self.fail(f"{where}.same_id", f"题目 {item_id} 在本版中不存在")
        renamed = dict(raw.get("renamed") or {})
        for old, new in renamed.items():
            if new not in items:
                self.fail(f"{where}.renamed", f"{old} 改名后的题目 {new} 不存在")
        into = []
        for i, entry in enumerate(raw.get("into_choices") or []):
            at = f"{where}.into_choices[{i}]"
            if not isinstance(entry, Mapping):
                self.fail(at, "必须是键值表")
                continue
            target = items.get(str(entry.get("to")))
            if target is None or target.type is not FieldType.MULTI_CHOICE or target.choice(entry.get("value")) is None:
                self.fail(at, f"to/value 必须是本版多选题的选项，而不是 {entry.get('to')}/{entry.get('value')}")
                continue
            test_raw = {k: v for k, v in entry.items() if k not in ("from", "to", "value")}
            test, problems = parse_condition({"item": entry.get("from"), **test_raw}, at)
            self.problems.extend(problems)
            if test is not None:
                into.append(ChoiceCarry(str(entry.get("from")), target.id, str(entry["value"]), test))
        merged: dict[str, dict[str, tuple[str, ...]]] = {}
        dropped: dict[str, tuple[str, ...]] = {}
        for table_id, spec in (raw.get("columns") or {}).items():
            if table_id not in items or not isinstance(spec, Mapping):
                self.fail(f"{where}.columns", f"表格 {table_id} 不存在")
                continue
            merged[table_id] = {k: tuple(v) for k, v in (spec.get("merge_any") or {}).items()}
            dropped[table_id] = tuple(spec.get("dropped") or ())
        values = {k: dict(v) for k, v in (raw.get("values") or {}).items() if isinstance(v, Mapping)}
        implied = []
        for i, entry in enumerate(raw.get("set_when") or []):
            at = f"{where}.set_when[{i}]"
            if not isinstance(entry, Mapping) or str(entry.get("to")) not in items or "value" not in entry:
                self.fail(at, "必须是键值表：to（本版题目）、value、when（对旧版作答的条件）")
                continue
            test, problems = parse_condition(entry.get("when"), f"{at}.when")
            self.problems.extend(problems)
            from jianfu.core.answers import check_value  # (answers builds on this module)

            unfit = check_value(items[str(entry["to"])], entry["value"])
            if unfit or entry["value"] is None:
                self.fail(
                    at, f"value {entry['value']!r} 不是题目 {entry['to']} 可以保存的回答（{unfit or '不能为空'}）"
                )
            note = entry.get("note", "")
            if not isinstance(note, str):
                self.fail(at, "note 必须是文字")
            elif test is not None and not unfit:
                implied.append(ValueCarry(str(entry["to"]), entry["value"], test, note))
        return CarryForward(version, tuple(same), renamed, tuple(into), merged, dropped, values, tuple(implied))
