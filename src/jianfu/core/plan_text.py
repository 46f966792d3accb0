"""Problem texts of the plan: one rule's statement filled in, and a merged item's statement.

A plan item merges the problems of every rule sharing a fix. Said one after the other they read
like a machine when one problem is a part of another ("强制使用的应用每人每月约占12小时。打卡排名类
应用每人每月约占12小时。") or names the same rows again. The merge reads what the answers show:
a problem whose rows all belong to another's rows (or whose figure the checklist says may not
exceed the other's: video meetings of all meetings), where that other states a total ending in
its unit, is said as a part of it ("…共12个，其中3个…"); said with the same figure and unit it adds
only a narrower subject and is dropped; a list of names already given reads "同上"; sentences
opening with the same words (no figure among them) say them once ("上级要求干部…，…").
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from string import Template
from typing import TYPE_CHECKING

from jianfu.core.conditions import OtherAnswer
from jianfu.core.wording import official_spacing

if TYPE_CHECKING:  # scoring is not needed to read a stored plan (start-up path)
    from jianfu.core.checklist import Checklist
    from jianfu.core.scoring import MatchedRow, RuleHit

MAX_NAMES_IN_PROBLEM = 6
SAME_NAMES = "同上"
# a total: the figure, a unit of at most four characters, and the end of the sentence ("共 $value 个。")
_WORD = re.compile(r"[\u4e00-\u9fff“]")  # a remainder goes on with a word, not a figure or a mark
_TOTAL = re.compile(r"\$value\s*[^\s，。：；、（）“”$]{1,4}。$")


def problem_text(hit: RuleHit, names: str | None = None) -> str:
    """The rule's problem statement filled in from the answers behind the hit (``names``: what to
    say in place of the rows' names)."""
    template, signal, rows = hit.rule.problem, hit.signal, hit.rows
    text = Template(template).safe_substitute(
        value=fmt_number(signal),
        names=names if names is not None else (shown_names(rows) or "未列名称"),
        departments=departments(rows) or "未注明部门",
        answer=hit.answer or "（未填）",
    )
    return text.replace("（未列名称）", "").replace("：未列名称。", "。")


def shown_names(rows: Sequence[MatchedRow]) -> str:
    names = [r.name for r in rows if r.name]
    shown = "、".join(names[:MAX_NAMES_IN_PROBLEM])
    if len(names) > MAX_NAMES_IN_PROBLEM:
        shown += f"等{len(names)}项"
    return shown


def departments(rows: Sequence[MatchedRow]) -> str:
    return "、".join(dict.fromkeys(r.department for r in rows if r.department))


def upper_bounds(checklist: Checklist) -> dict[str, str]:
    """Item → the item its number may not exceed, as the checklist's consistency checks say
    (``{item: A, gt: {item: B}}`` contradicts): A counts a part of what B counts."""
    bounds = {}
    for check in checklist.consistency:
        condition = check.contradicted_when
        if check.item and condition.ref and condition.op == "gt" and isinstance(condition.operand, OtherAnswer):
            bounds[condition.ref] = condition.operand.ref
    return bounds


def fmt_number(number: float) -> str:
    return str(int(number)) if number == int(number) else f"{number:.1f}"


@dataclass
class _Clause:
    """One sentence of a merged statement: a problem and the problems said as parts of it."""

    hit: RuleHit
    parts: list[RuleHit] = field(default_factory=list)
    dropped: list[RuleHit] = field(default_factory=list)  # same figure and unit: said by ``hit``


def merged_problems(group: Sequence[RuleHit], max_shown: int, bounds: Mapping[str, str] | None = None) -> str:
    """The statement of a plan item merging ``group`` (heaviest first): at most ``max_shown``
    sentences, and how many more problems the findings list. ``bounds``: ``upper_bounds``."""
    bounds = bounds or {}
    clauses: list[_Clause] = []
    for hit in _distinct(group):
        container = next((c for c in clauses if _within(hit, c.hit, bounds)), None)
        if container is None:
            # a heavier problem may itself be a part of this one ("duplicates" before "too many")
            inner = [c for c in clauses if not c.parts and not c.dropped and _within(c.hit, hit, bounds)]
            clause = _Clause(hit)
            for c in inner:
                _fold(clause, c.hit)
            at = clauses.index(inner[0]) if inner else len(clauses)
            clauses = [c for c in clauses if c not in inner]
            clauses.insert(min(at, len(clauses)), clause)
        else:
            _fold(container, hit)
    named: set[str] = set()
    sentences = _shared_openings([(_say(c, named), 1 + len(c.parts) + len(c.dropped)) for c in clauses])
    shown = "".join(text for text, _ in sentences[:max_shown])
    rest = sum(count for _, count in sentences[max_shown:])
    return shown + (f"{OTHERS_OPENING}{rest}{OTHERS_CLOSING}" if rest > 0 else "")


# The count of problems a merged item leaves out points at the printed plan's section: the item is
# read in the county window and workbook too, where "见“主要问题”部分" would point at nothing.
OTHERS_OPENING = "另有"
OTHERS_CLOSING = "个相关问题（见本镇整改方案“主要问题”）。"
_OLD_OTHERS = re.compile(r"另有(\d+)个相关问题，见“主要问题”部分。")


def as_read_anywhere(text: str, township_name: str = "") -> str:
    """A plan text as the county shows it: numerals spaced as in print (``official_spacing``),
    and the cross-reference older versions drafted ("见“主要问题”部分") naming the township's plan."""
    from jianfu.core.plan import local_wording  # plan imports this module

    def say(match: re.Match[str]) -> str:
        return local_wording(f"{OTHERS_OPENING}{match.group(1)}{OTHERS_CLOSING}", township_name)

    return official_spacing(_OLD_OTHERS.sub(say, text))


def _shared_openings(sentences: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Sentences opening alike said as one: "上级要求干部开启定位、上传巡查轨迹。上级要求干部拍照打卡。"
    reads "上级要求干部开启定位、上传巡查轨迹，拍照打卡。" (with how many problems each says)."""
    groups: list[list[tuple[str, int]]] = []
    for text, count in sentences:
        group = next((g for g in groups if _opening([t for t, _ in g] + [text])), None)
        if group is None or "其中" in text:
            groups.append([(text, count)])
        else:
            group.append((text, count))
    joined = []
    for group in groups:
        texts = [t for t, _ in group]
        opening = _opening(texts) if len(texts) > 1 else ""
        text = opening + "，".join(t[len(opening) :].removesuffix("。") for t in texts) + "。"
        joined.append((text, sum(c for _, c in group)))
    return joined


MIN_OPENING = 4  # characters: "上级考核", "每名干部"; two ("本镇", "上级") open too many different things


def _opening(texts: list[str]) -> str:
    """The opening all ``texts`` share, if it is long enough to say once and each goes on with words."""
    if any("其中" in t for t in texts):
        return ""
    opening = os.path.commonprefix(texts)  # noqa: RUF071 (sentences, not paths)
    rests = [t[len(opening) :] for t in texts]
    if len(opening) < MIN_OPENING or any(not r or not _WORD.match(r) for r in rests):
        return ""
    if any(c.isdigit() for c in opening):  # "1 个政务应用…" and "1 个政务应用…": not the same one
        return ""
    if opening.count("“") != opening.count("”") or opening.count("（") != opening.count("）"):
        return ""
    return opening


def _distinct(group: Sequence[RuleHit]) -> list[RuleHit]:
    seen: set[str] = set()
    kept = []
    for hit in group:
        text = problem_text(hit)
        if text not in seen:
            seen.add(text)
            kept.append(hit)
    return kept


def _within(part: RuleHit, whole: RuleHit, bounds: Mapping[str, str]) -> bool:
    """Whether ``part`` can be said as a part of ``whole``'s total: ``whole`` states a figure
    ending in its unit, and all ``part``'s rows are among ``whole``'s, or ``part`` reads a number
    the checklist bounds by the number ``whole`` reads."""
    if "$value" not in part.rule.problem or not _TOTAL.search(whole.rule.problem):
        return False
    if part.rows and whole.rows:
        return {r.row_id for r in part.rows} <= {r.row_id for r in whole.rows}
    read = part.rule.signal, whole.rule.signal
    return read[0].kind == read[1].kind == "value" and bounds.get(read[0].ref) == read[1].ref


def _fold(clause: _Clause, part: RuleHit) -> None:
    same_unit = _after_figure(part) == _after_figure(clause.hit)
    if same_unit and fmt_number(part.signal) == fmt_number(clause.hit.signal):
        clause.dropped.append(part)  # "the apps take 12 hours" and "the check-in apps take 12 hours"
    else:
        clause.parts.append(part)


def _after_figure(hit: RuleHit) -> str:
    return hit.rule.problem.split("$value", 1)[1]


def _say(clause: _Clause, named: set[str]) -> str:
    text = _said(clause.hit, named)
    if not clause.parts:
        return text
    parts = "；".join(_said(p, named).removesuffix("。") for p in clause.parts)
    space = " " if parts[:1].isdigit() else ""  # figures stand apart, as in the rules' texts
    return f"{text.removesuffix('。')}，其中{space}{parts}。"


def _said(hit: RuleHit, named: set[str]) -> str:
    names = shown_names(hit.rows)
    if "$names" in hit.rule.problem and names:
        if "、" in names and names in named:  # one name is shorter said again than "同上"
            return problem_text(hit, SAME_NAMES)
        named.add(names)
    return problem_text(hit)
