"""Drafting the rectification plan (整改方案) from the rules that fired, and keeping edits.

Each fired rule yields one item, naming the county departments (条线) behind it when the rule
reads a table that records them (the app inventory, the filing tasks) or the township named one
department in answer to its section's "which departments" question; several departments in that
answer are written as "one or more of" them (``core.attribution``), never as each imposing it.
The user edits or rejects items and adds their own; re-drafting after answers change keeps
every edited field, every rejection and every added item.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from jianfu.core.answers import new_row_id
from jianfu.core.attribution import (
    Attribution,
    answer_attribution,
    combined,
    owners_attribution,
    rows_attribution,
    unspecified,
)
from jianfu.core.checklist import Handling
from jianfu.core.limits import clean_plan_text
from jianfu.core.plan_text import departments, merged_problems
from jianfu.core.plan_text import problem_text as problem_text  # the one statement of a finding, re-exported
from jianfu.core.wording import official_spacing

if TYPE_CHECKING:  # scoring is not needed to read a stored plan (start-up path)
    from jianfu.core.scoring import RuleHit, ScoreResult

EDITABLE_FIELDS = (
    "problem",
    "measure",
    "handling",
    "responsible_unit",
    "responsible_person",
    "deadline",
    "department",
    "status",
)
MAX_MEASURES_MERGED = 2  # a merged item keeps its two heaviest measures' texts
MAX_PROBLEMS_MERGED = 3  # and names its three heaviest problems; the findings list them all
NO_DEPARTMENT = ""


@dataclass(frozen=True)
class RectificationItem:
    """One line of the plan: problem, measure, responsibility and deadline (整改事项)."""

    key: str  # the rule id, or "custom:…" for items the user added
    rule_id: str | None
    problem: str
    measure: str
    handling: Handling
    responsible_unit: str
    responsible_person: str = ""
    deadline: str = ""  # ISO date
    department: str = NO_DEPARTMENT  # county departments concerned (条线), 、-separated
    status: str = ""  # 完成情况
    rejected: bool = False
    triggered: bool = True  # False when the answers no longer fire its rule
    edited: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_custom(self) -> bool:
        return self.rule_id is None

    def edit(self, **changes: object) -> RectificationItem:
        """A copy with user edits applied and remembered, so re-drafting keeps them."""
        unknown = set(changes) - set(EDITABLE_FIELDS) - {"rejected"}
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        if "handling" in changes:
            changes["handling"] = Handling(changes["handling"])
        changes = {name: clean_plan_text(name, value) for name, value in changes.items()}
        edited = self.edited | (set(changes) - {"rejected"})
        return replace(self, **changes, edited=frozenset(edited))  # type: ignore[arg-type]


def unrouted(item: RectificationItem) -> tuple[str, ...]:
    """The departments an accepted request to the county lists as "one or more of" without saying
    which imposes it: the county cannot pass it on until the township picks (plan page)."""
    if item.rejected or item.handling is not Handling.ESCALATE:
        return ()
    return unspecified(item.department)


def new_custom_item(base_date: dt.date, deadline_days: int = 90) -> RectificationItem:
    return RectificationItem(
        key=f"custom:{new_row_id()[1:]}",
        rule_id=None,
        problem="",
        measure="",
        handling=Handling.OWN,
        responsible_unit="",
        deadline=(base_date + dt.timedelta(days=deadline_days)).isoformat(),
        edited=frozenset(EDITABLE_FIELDS),
    )


def draft_plan(
    result: ScoreResult,
    base_date: dt.date,
    min_intensity: float = 0.0,
    max_items: int = 0,
    township_name: str = "",
    bounds: Mapping[str, str] | None = None,
) -> list[RectificationItem]:
    """The focused plan: one item per fix (measures sharing a fix merged), heaviest burden first.

    Hits weaker than ``min_intensity`` (the checklist's ``plan.min_intensity``) still count in
    the scores but draft no item; with ``max_items`` set, only that many items are drafted and
    the rest go to the annex (``plan_annex``). Wording follows the township type (乡/镇/街道) and
    deadlines fall on month ends. ``bounds`` (``plan_text.upper_bounds`` of the checklist): which
    figures are parts of others, said so in a merged item ("…约24次，其中…视频会议约12次").
    """
    items = []
    for group in measure_groups(result, min_intensity)[: max_items or None]:
        lead = group[0]
        measure = lead.rule.measure
        texts = list(dict.fromkeys(h.rule.measure.text for h in group))
        items.append(
            RectificationItem(
                key=_item_key(group),
                rule_id=lead.rule.id,
                problem=str(
                    clean_plan_text(
                        "problem", _drafted(merged_problems(group, MAX_PROBLEMS_MERGED, bounds), township_name)
                    )
                ),
                measure=_drafted("".join(texts[:MAX_MEASURES_MERGED]), township_name),
                handling=measure.handling,
                responsible_unit=measure.responsible_unit,
                deadline=month_end(base_date + dt.timedelta(days=min(h.rule.measure.deadline_days for h in group))),
                department=str(clean_plan_text("department", group_attribution(group).text)),
            )
        )
    return items


@dataclass(frozen=True)
class AnnexEntry:
    """A problem found but not in the plan, and why (附表：未列入本期方案的问题)."""

    problem: str
    reason: str


def plan_annex(
    result: ScoreResult, min_intensity: float = 0.0, max_items: int = 0, township_name: str = ""
) -> list[AnnexEntry]:
    """Every problem found that has no plan item, listed once with the reason."""
    annex = []
    for group in measure_groups(result, min_intensity)[max_items:] if max_items else []:
        for hit in group:
            annex.append(
                AnnexEntry(
                    _drafted(problem_text(hit), township_name),
                    f"本期方案只列负担最重的{max_items}项，顺延到下期",
                )
            )
    for hit in sorted(result.hits, key=lambda h: -_weight(h)):
        if hit.intensity < min_intensity:
            annex.append(
                AnnexEntry(_drafted(problem_text(hit), township_name), "负担较轻，未达到整改起点，下期自查时复核")
            )
    return annex


def planned_rule_ids(result: ScoreResult, min_intensity: float = 0.0, max_items: int = 0) -> set[str]:
    """The rules whose hits ``draft_plan`` takes up; every other hit is in ``plan_annex``."""
    groups = measure_groups(result, min_intensity)[: max_items or None]
    return {hit.rule.id for group in groups for hit in group}


def measure_groups(result: ScoreResult, min_intensity: float = 0.0) -> list[list[RuleHit]]:
    """Hits strong enough for the plan, grouped by shared fix, ordered by the burden removed."""
    groups: dict[str, list[RuleHit]] = {}
    for hit in result.hits:
        if hit.intensity >= min_intensity:
            # what the township fixes itself and what it asks the county for stay separate items
            key = f"{hit.rule.measure.fix or hit.rule.id}:{hit.rule.measure.handling.value}"
            groups.setdefault(key, []).append(hit)
    ordered = [sorted(g, key=lambda h: -_weight(h)) for g in groups.values()]
    return sorted(ordered, key=lambda g: -sum(_weight(h) for h in g))


def township_kind(name: str) -> str:
    """乡, 镇 or 街道, from the township's name (镇 when the name does not say)."""
    name = name.strip()
    if name.endswith("街道") or name.endswith("街道办事处"):
        return "街道"
    if name.endswith("乡") or name.endswith("民族乡"):
        return "乡"
    return "镇"


def seal_name(name: str) -> str:
    """The issuing body on the seal line: 某某镇人民政府 or 某某街道办事处."""
    name = name.strip()
    if township_kind(name) == "街道":
        return name if name.endswith("办事处") else f"{name}办事处"
    return f"{name}人民政府"


def local_wording(text: str, township_name: str) -> str:
    """Checklist texts say 本镇; a 乡 or 街道 reads its own word."""
    kind = township_kind(township_name) if township_name else "镇"
    if kind == "镇":
        return text
    return text.replace("本镇", f"本{kind}").replace("镇站所", f"{kind}站所")


def _drafted(text: str, township_name: str) -> str:
    """A drafted text as the township reads it: its own word for itself, and numerals without
    spaces ("约占7.4小时", core/wording.py; the checklist's templates write "约占 $value 小时").
    Only drafts: what the township typed is never rewritten."""
    return official_spacing(local_wording(text, township_name))


def month_end(day: dt.date) -> str:
    """The last day of ``day``'s month, ISO formatted: deadlines fall on month ends."""
    following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).isoformat()


def group_attribution(group: Sequence[RuleHit]) -> Attribution:
    """The departments a plan item is addressed to: only those whose rows triggered it.

    A hit on table rows picked by a condition (apps with 打卡, tasks filed twice) names the
    departments of those rows. A plain count of every row ("too many apps") blames no single
    department, and the section's "主要来自哪些部门" answer is used only when no row names one:
    otherwise merging "too many apps" into "duplicate apps" would name every department in the
    inventory, including those none of whose apps is a duplicate. That answer names a department
    only when it gives one; several are "one or more of" them. A rule with ``department_rows``
    (dispatch: the 派单平台 rows) takes the one department those rows all name over that answer.
    """
    from_rows = [departments(h.rows) for h in group if h.rows and _selects_rows(h)]
    if any(from_rows):
        return rows_attribution(from_rows)
    parts = [a for h in group if (a := _said(h)) is not None]  # most hits have no such answer
    return combined(parts) if parts else Attribution()


def _said(hit: RuleHit) -> Attribution | None:
    """Who imposes one hit by what the township said: the one department owning the rows the
    rule reads (the 派单平台 rows for dispatch), else the section's "which departments" answer."""
    owner = owners_attribution(hit.owners) if hit.owners else None
    if owner is not None:
        return owner
    return answer_attribution(hit.department) if hit.department else None


def plan_attributions(result: ScoreResult, min_intensity: float = 0.0) -> dict[str, Attribution]:
    """By plan item key, the attribution ``draft_plan`` gives the item drafted from these answers."""
    attributions = {}
    for group in measure_groups(result, min_intensity):
        attributions[_item_key(group)] = group_attribution(group)
    return attributions


def _item_key(group: Sequence[RuleHit]) -> str:
    measure = group[0].rule.measure
    return f"fix:{measure.fix}:{measure.handling.value}" if measure.fix else group[0].rule.id


def rederive_departments(
    plan: Sequence[RectificationItem], result: ScoreResult, min_intensity: float = 0.0
) -> list[RectificationItem]:
    """The plan with each drafted department field as the current rule writes it from the answers.

    A file drafted by an earlier version named every department of a several-department answer as
    if each imposed the burden; the township never edited that field, so it is redrafted. A field
    the township edited is its own statement and stays.
    """
    attributions = plan_attributions(result, min_intensity)
    redrafted = []
    for item in plan:
        attribution = attributions.get(item.key)
        if attribution is not None and "department" not in item.edited:
            department = str(clean_plan_text("department", attribution.text))
            if department != item.department:  # most files already say it so: no copy (county imports)
                item = replace(item, department=department)
        redrafted.append(item)
    return redrafted


def _selects_rows(hit: RuleHit) -> bool:
    signal = hit.rule.signal
    # a fingertip term over a table counts only the rows of forced use, so they name who imposes it
    return signal.where is not None or signal.column is not None or (signal.kind == "fingertip" and bool(signal.ref))


def merge_plan(existing: Sequence[RectificationItem], drafted: Iterable[RectificationItem]) -> list[RectificationItem]:
    """The new draft with the user's work carried over.

    Edited fields and rejections survive; an edited or rejected item whose rule no longer
    fires is kept and marked not triggered (the user decides); untouched ones are dropped.
    """
    by_key = {item.key: item for item in existing}
    merged = []
    seen = set()
    for draft in drafted:
        seen.add(draft.key)
        old = by_key.get(draft.key)
        if old is None:
            merged.append(draft)
            continue
        kept = {name: getattr(old, name) for name in old.edited}
        merged.append(replace(draft, **kept, rejected=old.rejected, edited=old.edited))
    for old in existing:
        if old.key in seen:
            continue
        if old.is_custom:
            merged.append(old)
        elif old.edited or old.rejected:
            merged.append(replace(old, triggered=False))
    return merged


def _weight(hit: RuleHit) -> float:
    return sum(hit.rule.weights.values()) * hit.intensity
