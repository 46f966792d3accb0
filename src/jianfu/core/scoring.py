"""Scoring (评分): a pure function of a checklist version and the answers.

Every manifestation score is 100 × (points its rules gave) / (points they could give), so the
contributions listed for a score add up to it exactly. Higher means a heavier burden.

Levels are only given to a complete assessment (see ``core.completeness``): an incomplete one
keeps its scores but every level reads 未完成, so a blank or an unexplained 不适用 never buys a
lighter level. The overall level never hides a heavy manifestation: it is at most one level
below the worst manifestation (严重 ⇒ at least 较重, 较重 ⇒ at least 一般), since the mean of four
scores alone would let one heavy burden vanish behind three light ones; and where the checklist
sets ``overall_floor``, never below the level the fingertip hours reach (hours spent are not light).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from jianfu.core.answers import Answers, table_rows, visible_answers
from jianfu.core.assessed import answered_items, is_assessed
from jianfu.core.checklist import (
    Checklist,
    FieldType,
    FingertipTerm,
    HoursFloor,
    Item,
    Level,
    RowSource,
    ScoringRule,
    Signal,
)
from jianfu.core.completeness import INCOMPLETE_LABEL, INCOMPLETE_LEVEL, Completeness, completeness
from jianfu.core.conditions import Condition


@dataclass(frozen=True)
class MatchedRow:
    """A table row that made a rule fire, named for the reader."""

    row_id: str
    name: str
    department: str
    amount: float


@dataclass(frozen=True)
class RuleHit:
    """A rule that fired: the burden it read and the answers behind it."""

    rule: ScoringRule
    signal: float
    intensity: float
    item_ids: tuple[str, ...]
    rows: tuple[MatchedRow, ...] = ()
    answer: str = ""  # the chosen answer's label, for problem texts ($answer): never a made-up number
    department: str = ""  # who imposes it, from the rule's department item
    owners: tuple[str, ...] = ()  # the department cells of the rule's department_rows, one a row


@dataclass(frozen=True)
class Contribution:
    rule_id: str
    title: str
    points: float  # on the manifestation's 0–100 scale
    signal: float
    item_ids: tuple[str, ...]


@dataclass(frozen=True)
class ManifestationScore:
    id: str
    name: str
    score: float
    level: str
    level_label: str
    contributions: tuple[Contribution, ...]
    # False when every item its rules read is blank or 不适用: its 0 means "not asked", not "no
    # burden", and is shown as 尚无作答 (core.assessed)
    assessed: bool = True
    # the fingertip-hours floor that lifted the level above the score's (manifestation_floor), and
    # the hours per cadre a month of the manifestation's own time that reached it
    raised_by: HoursFloor | None = None
    own_hours: float = 0.0


@dataclass(frozen=True)
class ScoreResult:
    checklist_id: str
    checklist_version: int
    manifestations: dict[str, ManifestationScore]
    overall: float
    overall_level: str
    overall_level_label: str
    fingertip_hours_per_cadre_month: float
    fingertip_breakdown: dict[str, float]
    hits: tuple[RuleHit, ...]
    completeness: Completeness
    # the fingertip-hours floor that lifted the overall level above what the scores give, if any
    raised_by: HoursFloor | None = None
    # the manifestation whose level lifted the overall level above the mean's (one level below it)
    lifted_by: str | None = None
    # the fingertip hours exceed what the checklist calls possible (a contradiction to correct):
    # shown as a sum to check, never as a burden measured
    hours_implausible: bool = False

    @property
    def complete(self) -> bool:
        return self.completeness.complete

    @property
    def assessed(self) -> bool:
        """Whether anything scoring reads is answered: if not, no score (not even the overall's
        0.0) and no fingertip hours may be shown as if measured."""
        return any(m.assessed for m in self.manifestations.values())

    @property
    def not_assessed(self) -> list[str]:
        """The names of the manifestations with nothing they read answered."""
        return [m.name for m in self.manifestations.values() if not m.assessed]

    def to_json(self) -> dict[str, Any]:
        """The shape printed by ``jianfu score --json`` and stored in assessment files."""
        return {
            "manifestations": {
                m.id: {"score": m.score, "level": m.level, "level_label": m.level_label}
                for m in self.manifestations.values()
            },
            "overall": {
                "score": self.overall,
                "level": self.overall_level,
                "level_label": self.overall_level_label,
            },
            "fingertip_hours_per_cadre_month": self.fingertip_hours_per_cadre_month,
            "completeness": self.completeness.to_json(),
        }


def score_assessment(checklist: Checklist, answers: Answers) -> ScoreResult:
    counted = visible_answers(checklist, answers)
    values = {item_id: answer.effective() for item_id, answer in counted.items()}
    terms: TermCache = {}  # each fingertip term's products, for the hours and every rule reading it
    hits = []
    for rule in checklist.rules:
        hit = evaluate_rule(checklist, rule, values, terms)
        if hit is not None:
            hits.append(hit)

    done = completeness(checklist, answers)
    manifestations: dict[str, ManifestationScore] = {}
    for m in checklist.manifestations:
        possible = _possible(checklist, m.id)
        contributions = tuple(
            Contribution(
                hit.rule.id,
                hit.rule.title,
                100.0 * hit.rule.weights[m.id] * hit.intensity / possible,
                hit.signal,
                hit.item_ids,
            )
            for hit in hits
            if m.id in hit.rule.weights
        )
        score = _round(min(100.0, sum((c.points for c in contributions), 0.0)))
        own_hours, floor = _own_time_floor(checklist, m.id, values, terms)
        level = checklist.level_for(score)
        lifted = floor is not None and checklist.levels.index(checklist.level(floor.level)) > checklist.levels.index(
            level
        )
        if lifted and floor is not None:
            level = checklist.level(floor.level)
        level_id, level_label = _shown(level, done)
        manifestations[m.id] = ManifestationScore(
            m.id,
            m.name,
            score,
            level_id,
            level_label,
            tuple(sorted(contributions, key=lambda c: -c.points)),
            is_assessed(*answered_items(checklist, answers, m.id)),
            floor if lifted else None,
            own_hours,
        )
    overall = _round(sum(s.score for s in manifestations.values()) / len(manifestations))
    breakdown = fingertip_hours(checklist, values, terms)
    hours = _round(sum(breakdown.values()))
    by_scores = overall_level(checklist, overall, [s.score for s in manifestations.values()])
    floor = hours_floor(checklist, hours)
    levels = checklist.levels
    raised = floor is not None and levels.index(checklist.level(floor.level)) > levels.index(by_scores)
    shown_level = checklist.level(floor.level) if raised and floor is not None else by_scores
    overall_id, overall_label = _shown(shown_level, done)
    lifted_by = None
    if not raised and by_scores != checklist.level_for(overall):  # the worst manifestation's doing
        lifted_by = max(manifestations, key=lambda m: manifestations[m].score)
    return ScoreResult(
        checklist.id,
        checklist.version,
        manifestations,
        overall,
        overall_id,
        overall_label,
        hours,
        breakdown,
        tuple(hits),
        done,
        floor if raised else None,
        lifted_by,
        any(c.fingertip_hours_over is not None and hours > c.fingertip_hours_over for c in checklist.consistency),
    )


def _possible(checklist: Checklist, manifestation_id: str) -> float:
    """The points a manifestation's rules could give. v2 on: every manifestation's weights sum to
    the same total and reach 100 at the same points (score_full), so the four scores share one
    scale; v1: each its own total. Worked out once per checklist."""
    cache: dict[str, float] = checklist.__dict__.setdefault("_possible_by_manifestation", {})
    found = cache.get(manifestation_id)
    if found is None:
        found = cache[manifestation_id] = checklist.score_full or sum(
            rule.weights.get(manifestation_id, 0.0) for rule in checklist.rules
        )
    return found


def overall_level(checklist: Checklist, overall: float, scores: list[float]) -> Level:
    """The level of the mean, lifted to at most one level below the worst manifestation."""
    levels = checklist.levels
    found = levels.index(checklist.level_for(overall))
    worst = max((levels.index(checklist.level_for(s)) for s in scores), default=0)
    return levels[max(found, worst - 1)]


def hours_floor(checklist: Checklist, hours: float) -> HoursFloor | None:
    """The highest ``overall_floor`` the fingertip hours per cadre a month reach, if any."""
    return next((f for f in reversed(checklist.overall_floors) if hours >= f.hours), None)


def _own_time_floor(
    checklist: Checklist, manifestation_id: str, values: dict[str, Any], terms: TermCache
) -> tuple[float, HoursFloor | None]:
    """The hours per cadre a month of a manifestation's own time (``manifestation_floor``, read as
    the rules' fingertip signals read them) and the highest ``overall_floor`` they reach."""
    signals = checklist.manifestation_floors.get(manifestation_id, ())
    if not signals:
        return 0.0, None
    hours = _round(sum((_fingertip_signal(checklist, s, values, terms)[0] for s in signals), 0.0))
    return hours, hours_floor(checklist, hours)


def raised_note(r: ScoreResult) -> str:
    """Why the overall level, and each manifestation's, is above what the scores give: the
    fingertip hours, or the worst manifestation (the overall is at most one level below it)."""
    if not r.complete:
        return ""
    floor = r.raised_by
    note = (
        f"综合等级按“指尖”工时提高：每名干部每月用于“指尖”事务{r.fingertip_hours_per_cadre_month:.1f}小时，"
        f"达到{floor.hours:g}小时（{floor.note}）的，综合等级至少为“{r.overall_level_label}”，不论四项得分的平均数多低。"
        if floor is not None
        else ""
    )
    if r.lifted_by is not None:
        worst = r.manifestations[r.lifted_by]
        note += (
            f"综合等级按最重的一项提高：“{worst.name}”为“{worst.level_label}”，综合等级最多比它低一档，"
            f"因此为“{r.overall_level_label}”，不论四项得分的平均数（{r.overall:.1f}分）多低。"
        )
    for m in r.manifestations.values():
        if m.raised_by is not None:
            note += manifestation_raised_note(m)
    return note


def manifestation_raised_note(m: ManifestationScore) -> str:
    """One sentence: why this manifestation's level is above its score's."""
    floor = m.raised_by
    assert floor is not None
    return (
        f"“{m.name}”等级按其本身的“指尖”工时提高：每名干部每月{m.own_hours:.1f}小时，"
        f"达到{floor.hours:g}小时（{floor.note}）的，该项等级至少为“{m.level_label}”，不论得分多低。"
    )


def _shown(level: Level, done: Completeness) -> tuple[str, str]:
    """(level id, label) as shown: none but 未完成 for an incomplete assessment."""
    return (level.id, level.label) if done.complete else (INCOMPLETE_LEVEL, INCOMPLETE_LABEL)


def evaluate_rule(
    checklist: Checklist, rule: ScoringRule, values: dict[str, Any], terms: TermCache | None = None
) -> RuleHit | None:
    """The rule's hit when its burden is above ``start``, else None."""
    signal, rows, item_ids = read_signal(checklist, rule.signal, values, {} if terms is None else terms)
    intensity = (signal - rule.start) / (rule.full - rule.start)
    if intensity <= 0:
        return None
    answer = ""
    if rule.signal.kind == "choice":
        choice = checklist.item(rule.signal.ref).choice(values.get(rule.signal.ref))
        answer = choice.label if choice else ""
    department = _text(values.get(rule.department_item)) if rule.department_item else ""
    owners = _owners(checklist, rule.department_rows, values) if rule.department_rows else ()
    return RuleHit(rule, signal, min(1.0, intensity), item_ids, rows, answer, department, owners)


def _owners(checklist: Checklist, source: RowSource, values: dict[str, Any]) -> tuple[str, ...]:
    column = checklist.item(source.table).department_column
    owners = []
    for row in table_rows(values.get(source.table)):
        cells = row.get("cells", {})
        if source.where is None or source.where.evaluate(cells.get):
            owners.append(_text(cells.get(column)))
    return tuple(owners)


def read_signal(
    checklist: Checklist, signal: Signal, values: dict[str, Any], terms: TermCache
) -> tuple[float, tuple[MatchedRow, ...], tuple[str, ...]]:
    """(size of the burden, rows concerned, items read)."""
    if signal.kind == "when":
        assert signal.condition is not None
        refs = signal.condition.distinct_refs()
        return (1.0 if signal.condition.evaluate(values.get) else 0.0), (), refs
    if signal.kind == "fingertip":
        return _fingertip_signal(checklist, signal, values, terms)
    item = checklist.item(signal.ref)
    value = values.get(signal.ref)
    if signal.kind == "value":
        return _number(value), (), (item.id,)
    if signal.kind == "choice":
        choice = item.choice(value)
        return (choice.numeric or 0.0) if choice else 0.0, (), (item.id,)
    rows = _matching_rows(checklist, item, signal, values)
    return sum(r.amount for r in rows), tuple(rows), (item.id,)


def _matching_rows(checklist: Checklist, table: Item, signal: Signal, values: dict[str, Any]) -> list[MatchedRow]:
    matched = []
    column = table.column(signal.column) if signal.column else None
    existing: set[Any] | None = None  # the referenced table's row ids, gathered once
    for row in table_rows(values.get(table.id)):
        cells = row.get("cells", {})
        if signal.where is not None and not signal.where.evaluate(cells.get):
            continue
        if column is None:
            amount = 1.0
        elif column.type is FieldType.ROW_REFS:
            if existing is None:
                existing = _row_ids(column.ref_table, values)
            amount = float(len(_live_refs(existing, column.ref_table, cells.get(column.id))))
        else:
            amount = _number(cells.get(column.id))
        amount = max(0.0, amount - signal.each_above) if column is not None else amount
        if amount > 0:
            matched.append(
                MatchedRow(
                    str(row.get("row_id", "")),
                    _text(cells.get(table.name_column)) if table.name_column else "",
                    _text(cells.get(table.department_column)) if table.department_column else "",
                    amount,
                )
            )
    return matched


def _row_ids(table_id: str | None, values: dict[str, Any]) -> set[Any]:
    return {row.get("row_id") for row in table_rows(values.get(table_id))} if table_id is not None else set()


def _live_refs(existing: set[Any], table_id: str | None, refs: Any) -> list[str]:
    """References to rows that still exist (a deleted inventory row no longer counts)."""
    if not isinstance(refs, list) or table_id is None:
        return []
    return [r for r in dict.fromkeys(refs) if r in existing]


def fingertip_hours(checklist: Checklist, values: dict[str, Any], terms: TermCache | None = None) -> dict[str, float]:
    """Monthly hours per cadre spent on fingertip work, by term."""
    result: dict[str, float] = {}
    for term in checklist.fingertip_terms:
        total = sum((amount for _, amount in term_amounts(checklist, term, values, terms)), 0.0)
        result[term.id] = _round(_hours(checklist, term, total, values))
    return result


TermAmounts = list[tuple[dict[str, Any] | None, float]]
TermCache = dict[str, TermAmounts]  # one score's term products by term id


def term_amounts(
    checklist: Checklist,
    term: FingertipTerm,
    values: dict[str, Any],
    terms: TermCache | None = None,
    where: Condition | None = None,
) -> TermAmounts:
    """The product of a term's factors: one (row, product) for each table row it counts (``where``
    keeps fewer of them), or a single (None, product). ``terms`` keeps the products of one score's
    answers, so that the hours and each rule reading the term work them out once."""
    found = terms.get(term.id) if terms is not None else None
    if found is None:
        found = _term_amounts(checklist, term, values)
        if terms is not None:
            terms[term.id] = found
    if where is None or term.table is None:
        return found
    return [(row, amount) for row, amount in found if row is not None and where.evaluate(row.get("cells", {}).get)]


def _term_amounts(checklist: Checklist, term: FingertipTerm, values: dict[str, Any]) -> TermAmounts:
    if term.table is None:
        return [(None, math.prod(_factor(checklist.item(f), values.get(f)) for f in term.factors))]
    table = checklist.item(term.table)
    cadres = values.get(checklist.cadre_item)
    return [
        (
            row,
            math.prod(_factor(table.column(f), row.get("cells", {}).get(f)) for f in term.factors)
            * (users_share(row.get("cells", {}).get(term.users), cadres) if term.users else 1.0),
        )
        for row in table_rows(values.get(term.table))
        if term.where is None or term.where.evaluate(row.get("cells", {}).get)
    ]


def users_share(users: Any, cadres: Any) -> float:
    """The share of the township's cadres a row's time is theirs: its users ÷ the cadres, all of
    them when the users are blank (or the cadres unknown), never more than all."""
    everyone = _number(cadres)
    if isinstance(users, bool) or not isinstance(users, int | float) or not math.isfinite(users) or everyone < 1:
        return 1.0
    return min(_number(users), everyone) / everyone


def _hours(checklist: Checklist, term: FingertipTerm, total: float, values: dict[str, Any]) -> float:
    """A term's products in hours per cadre a month."""
    hours = total * term.multiplier
    if not term.per_cadre:
        cadres = _number(values.get(checklist.cadre_item))
        hours = hours / cadres if cadres >= 1 else 0.0
    return hours


def _fingertip_signal(
    checklist: Checklist, signal: Signal, values: dict[str, Any], terms: TermCache
) -> tuple[float, tuple[MatchedRow, ...], tuple[str, ...]]:
    """Hours per cadre a month of a fingertip term (the rows behind them, for a table term), as
    ``fingertip_hours`` counts them."""
    term = next(t for t in checklist.fingertip_terms if t.id == signal.term)
    parts = term_amounts(checklist, term, values, terms, signal.where)
    hours = _round(_hours(checklist, term, sum((amount for _, amount in parts), 0.0), values))
    if term.table is None:
        return hours, (), (*term.factors, checklist.cadre_item)
    table = checklist.item(term.table)
    rows = tuple(
        MatchedRow(
            str(row.get("row_id", "")),
            _text(row.get("cells", {}).get(table.name_column)) if table.name_column else "",
            _text(row.get("cells", {}).get(table.department_column)) if table.department_column else "",
            _hours(checklist, term, amount, values),
        )
        for row, amount in parts
        if row is not None and amount > 0
    )
    return hours, rows, (table.id,) if term.per_cadre and not term.users else (table.id, checklist.cadre_item)


def _factor(field: Any, value: Any) -> float:
    if field is not None and field.type is FieldType.SINGLE_CHOICE:
        choice = field.choice(value)
        return (choice.numeric or 0.0) if choice else 0.0
    return _number(value)


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return 0.0
    return max(0.0, float(value))


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _round(value: float) -> float:
    return round(value, 1)
