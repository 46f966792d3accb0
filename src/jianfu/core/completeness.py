"""Completeness (完成度): whether an assessment says enough to be given a level.

Gaming must not pay. An item that scoring reads is *required*: left blank, or marked 不适用
(not applicable) without a reason in the note, it leaves the assessment 未完成 (incomplete).
An incomplete assessment still gets its scores, so the cadre sees where it stands, but no level
anywhere: blank or unexplained 不适用 can therefore never buy a lighter level than an honest
answer. 不适用 with a reason counts as an answer and is counted separately, so that a reader
sees how much of the assessment rests on it.

Required items are derived from the checklist, not declared twice: the items marked
``required``, every item a scoring rule or a fingertip-hours term reads, and every item whose
answer decides whether another item is asked (skip logic). Hidden items are never required.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jianfu.core.answers import Answers, is_visible
from jianfu.core.checklist import INCOMPLETE_LABEL, INCOMPLETE_LEVEL, Checklist

PROFILE_SECTION = "profile"  # basic information: 不适用 is no answer there
__all__ = ["INCOMPLETE_LABEL", "INCOMPLETE_LEVEL", "Completeness", "completeness", "required_item_ids"]


@dataclass(frozen=True)
class Completeness:
    """Counts over the items asked (visible), as shown on the results page, PDF and county view."""

    answered: int  # items answered with a value (不适用 not included)
    required_missing: int  # required items left blank
    not_applicable: int  # items marked 不适用 (with or without reason)
    not_applicable_without_reason: int  # required items marked 不适用 with an empty note
    asked: int
    missing_items: tuple[str, ...] = ()
    unexplained_items: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return self.required_missing == 0 and self.not_applicable_without_reason == 0

    def to_json(self) -> dict[str, Any]:
        return {
            "complete": self.complete,
            "answered": self.answered,
            "required_missing": self.required_missing,
            "not_applicable": self.not_applicable,
            "not_applicable_without_reason": self.not_applicable_without_reason,
        }

    def summary(self) -> str:
        """One line in Chinese, e.g. "已答 40 题，不适用 3 题（其中 1 题未说明理由），必答未答 2 题"."""
        return summary_text(
            self.answered, self.not_applicable, self.not_applicable_without_reason, self.required_missing
        )


def summary_text(answered: int, not_applicable: int, without_reason: int, required_missing: int) -> str:
    """The completeness counts in one line of Chinese (results page, PDF, county)."""
    text = f"已答 {answered} 题，不适用 {not_applicable} 题"
    if without_reason:
        text += f"（其中 {without_reason} 题未说明理由）"
    return text + f"，必答未答 {required_missing} 题"


def required_item_ids(checklist: Checklist) -> frozenset[str]:
    """The items scoring needs (see the module docstring), worked out once per checklist."""
    cached = checklist.__dict__.get("_required_ids")
    if cached is None:
        cached = _required_item_ids(checklist)
        object.__setattr__(checklist, "_required_ids", cached)  # frozen dataclass: cache by hand
    return cached


def _required_item_ids(checklist: Checklist) -> frozenset[str]:
    needed: set[str] = {item.id for item in checklist.items() if item.required}
    for rule in checklist.rules:
        signal = rule.signal
        if signal.kind == "when" and signal.condition is not None:
            needed.update(signal.condition.refs())
        elif signal.ref:
            needed.add(signal.ref)
    if checklist.cadre_item:
        needed.add(checklist.cadre_item)
    for term in checklist.fingertip_terms:
        needed.update([term.table] if term.table else term.factors)
    for item in checklist.items():
        if item.show_if is not None:
            needed.update(item.show_if.refs())
    return frozenset(i for i in needed if checklist.has_item(i))


def needs_reason(checklist: Checklist, item_id: str) -> bool:
    """Whether 不适用 on this item must be explained in the note to count as an answer."""
    return item_id in required_item_ids(checklist)


def completeness(checklist: Checklist, answers: Answers) -> Completeness:
    required = required_item_ids(checklist)
    answered = not_applicable = asked = 0
    missing: list[str] = []
    unexplained: list[str] = []
    for item in checklist.items():
        if not is_visible(item, answers):
            continue
        asked += 1
        answer = answers.get(item.id)
        if answer is not None and answer.not_applicable:
            not_applicable += 1
            if item.id in required:
                if item.section_id == PROFILE_SECTION:
                    missing.append(item.id)  # the township's own facts cannot be "not applicable"
                elif not answer.note.strip():
                    unexplained.append(item.id)
        elif answer is not None and answer.is_answered:
            answered += 1
        elif item.id in required:
            missing.append(item.id)
    return Completeness(
        answered=answered,
        required_missing=len(missing),
        not_applicable=not_applicable,
        not_applicable_without_reason=len(unexplained),
        asked=asked,
        missing_items=tuple(missing),
        unexplained_items=tuple(unexplained),
    )
