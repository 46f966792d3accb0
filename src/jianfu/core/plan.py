"""Drafting the rectification plan (整改方案) from the rules that fired, and keeping edits.

Each fired rule yields one item, naming the county departments (条线) behind it when the rule
reads a table that records them (the app inventory, the filing tasks).
The user edits or rejects items and adds their own; re-drafting after answers change keeps
every edited field, every rejection and every added item.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from string import Template
from typing import TYPE_CHECKING

from jianfu.core.answers import new_row_id
from jianfu.core.checklist import Handling
from jianfu.core.limits import clean_plan_text

if TYPE_CHECKING:  # scoring is not needed to read a stored plan (start-up path)
    from jianfu.core.scoring import MatchedRow, RuleHit, ScoreResult

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
MAX_NAMES_IN_PROBLEM = 6
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


def draft_plan(result: ScoreResult, base_date: dt.date, min_intensity: float = 0.0) -> list[RectificationItem]:
    """One item per fired rule (per department for escalated table rules), heaviest first.

    Hits weaker than ``min_intensity`` (the checklist's ``plan.min_intensity``) still count in
    the scores but draft no item, so that the plan stays about the real burdens.
    """
    items = []
    strong = [h for h in result.hits if h.intensity >= min_intensity]
    for hit in sorted(strong, key=lambda h: -_weight(h)):
        measure = hit.rule.measure
        items.append(
            RectificationItem(
                key=hit.rule.id,
                rule_id=hit.rule.id,
                # drafted from typed answers: kept within what the exchange file allows
                problem=str(clean_plan_text("problem", problem_text(hit))),
                measure=measure.text,
                handling=measure.handling,
                responsible_unit=measure.responsible_unit,
                deadline=(base_date + dt.timedelta(days=measure.deadline_days)).isoformat(),
                department=str(clean_plan_text("department", _departments(hit.rows))),
            )
        )
    return items


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


def problem_text(hit: RuleHit) -> str:
    """The rule's problem statement filled in from the answers behind the hit."""
    template, signal, rows = hit.rule.problem, hit.signal, hit.rows
    names = [r.name for r in rows if r.name]
    shown = "、".join(names[:MAX_NAMES_IN_PROBLEM])
    if len(names) > MAX_NAMES_IN_PROBLEM:
        shown += f"等{len(names)}项"
    text = Template(template).safe_substitute(
        value=_fmt(signal), names=shown or "未列名称", departments=_departments(rows) or "未注明部门"
    )
    return text.replace("（未列名称）", "").replace("：未列名称。", "。")


def _departments(rows: Sequence[MatchedRow]) -> str:
    return "、".join(dict.fromkeys(r.department for r in rows if r.department))


def _fmt(number: float) -> str:
    return str(int(number)) if number == int(number) else f"{number:.1f}"
