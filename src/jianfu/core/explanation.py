"""Why a score is what it is (评分依据): one explanation object for every place that shows it.

The results page, the county drill-down and the printed plan all render ``explain(...)``, so
they can no longer disagree (they used to, for findings read from a table). For each
manifestation: each finding with its problem text, the answers behind it (the rows concerned
for table findings), the points it gave there, and the other manifestations the same answers
also count in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from jianfu.core.answers import Answers
from jianfu.core.assessed import answered_items, is_assessed
from jianfu.core.checklist import Checklist, FieldType
from jianfu.core.completeness import Completeness
from jianfu.core.describe import answer_text
from jianfu.core.plan import problem_text
from jianfu.core.scoring import Contribution, RuleHit, ScoreResult

MAX_ROW_NAMES = 8


@dataclass(frozen=True)
class Finding:
    rule_id: str
    title: str
    problem: str
    evidence: tuple[str, ...]  # one line per answer read: "题目：作答"
    points: float  # on this manifestation's 0–100 scale
    also_in: tuple[str, ...]  # names of the other manifestations the same answers count in


@dataclass(frozen=True)
class ManifestationExplanation:
    id: str
    name: str
    score: float
    level: str
    level_label: str
    findings: tuple[Finding, ...]
    answered_items: int = 0  # items this manifestation's rules read that have a real answer
    read_items: int = 0  # items its rules read that were asked
    # its points by checklist area (page title, points), largest first: a manifestation is fed by
    # several areas (meetings and inspections count as traces), and the cadre should see which
    by_area: tuple[tuple[str, float], ...] = ()

    def sources_text(self) -> str:
        """ "来自：留痕要求46.9分、会议、发文与督查检查28.0分", or "" when nothing scored."""
        if not self.by_area:
            return ""
        return "来自：" + "；".join(f"{title}{points:.1f}分" for title, points in self.by_area)

    @property
    def assessable(self) -> bool:
        """False when every item it reads is blank or 不适用: a score of 0 then means "not asked"."""
        return is_assessed(self.answered_items, self.read_items)

    def empty_text(self) -> str:
        """What to show when there are no findings: an unanswered area is not a clean one."""
        if self.assessable:
            return "未发现明显问题"
        return "作答不足：相关题目均空白或标为不适用，无法评估"


@dataclass(frozen=True)
class Explanation:
    manifestations: tuple[ManifestationExplanation, ...]
    overall: float
    overall_level: str
    overall_level_label: str
    completeness: Completeness
    level_bands: tuple[tuple[str, str, float, float], ...]  # (id, label, from, below)

    def manifestation(self, manifestation_id: str) -> ManifestationExplanation:
        return next(m for m in self.manifestations if m.id == manifestation_id)


def evidence_lines(checklist: Checklist, hit: RuleHit, answers: Answers) -> tuple[str, ...]:
    """The answers behind a finding: the rows concerned for tables, else item and answer."""
    lines = []
    for item_id in hit.item_ids:
        item = checklist.item(item_id)
        read = _choices_read(hit, item_id)
        answer = answers.get(item_id)
        if item.type is FieldType.MULTI_CHOICE and read and answer is not None and isinstance(answer.value, list):
            labels = [c.label for c in item.choices if c.value in read and c.value in answer.value]
            stem = item.label.replace("（可多选）", "")
            lines.append(f"{stem}：{'、'.join(labels)}")
        elif item.columns:
            names = [r.name for r in hit.rows if r.name]
            shown = "、".join(names[:MAX_ROW_NAMES]) + ("等" if len(names) > MAX_ROW_NAMES else "")
            lines.append(f"{item.label}中的{len(hit.rows)}项" + (f"：{shown}" if shown else ""))
        else:
            lines.append(f"{item.label}：{answer_text(item, answers.get(item_id))}")
    return tuple(lines)


def _choices_read(hit: RuleHit, item_id: str) -> set[str]:
    """The choices of a multi-select that the rule's condition looks for."""
    found: set[str] = set()
    stack = [hit.rule.signal.condition] if hit.rule.signal.condition is not None else []
    while stack:
        node = stack.pop()
        if node.op == "includes" and node.ref == item_id:
            found.add(str(node.operand))
        stack.extend(node.children)
    return found


def area_titles(checklist: Checklist) -> dict[str, str]:
    """Each item's page (checklist area) title, by item id."""
    return {item.id: section.title for section in checklist.sections for item in section.items}


def area_of(titles: dict[str, str], item_ids: Iterable[str]) -> str:
    """The area a finding comes from: the page of the first item its rule reads (``area_titles``)."""
    return next((titles[i] for i in item_ids if i in titles), "")


def _points_by_area(checklist: Checklist, contributions: Iterable[Contribution]) -> tuple[tuple[str, float], ...]:
    """Each contribution's points under the page of the first item its rule reads."""
    section_of = area_titles(checklist)
    totals: dict[str, float] = {}
    for contribution in contributions:
        title = area_of(section_of, contribution.item_ids)
        if title and contribution.points > 0:
            totals[title] = totals.get(title, 0.0) + contribution.points
    return tuple(sorted(totals.items(), key=lambda pair: -pair[1]))


def explain(checklist: Checklist, result: ScoreResult, answers: Answers) -> Explanation:
    hits = {hit.rule.id: hit for hit in result.hits}
    names = {m.id: m.name for m in checklist.manifestations}
    parts = []
    for m in result.manifestations.values():
        findings = []
        for contribution in m.contributions:
            hit = hits[contribution.rule_id]
            findings.append(
                Finding(
                    rule_id=hit.rule.id,
                    title=hit.rule.title,
                    problem=problem_text(hit),
                    evidence=evidence_lines(checklist, hit, answers),
                    points=contribution.points,
                    also_in=tuple(names[other] for other in hit.rule.weights if other != m.id),
                )
            )
        answered, read = answered_items(checklist, answers, m.id)
        parts.append(
            ManifestationExplanation(
                m.id,
                m.name,
                m.score,
                m.level,
                m.level_label,
                tuple(findings),
                answered,
                read,
                _points_by_area(checklist, m.contributions),
            )
        )
    bands = []
    start = 0.0
    for level in checklist.levels:
        bands.append((level.id, level.label, start, min(level.below, 100.0)))
        start = level.below
    return Explanation(
        tuple(parts),
        result.overall,
        result.overall_level,
        result.overall_level_label,
        result.completeness,
        tuple(bands),
    )
