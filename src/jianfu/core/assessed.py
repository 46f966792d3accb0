"""Whether a manifestation is assessed at all: a score of 0 must not stand for "nothing answered".

A manifestation whose scoring rules read only blank or 不适用 answers scores 0, the same number
as a township free of that burden. Everything that shows scores (results page and radar, the
printed plan, the Word plan, the county's views) says ``NOT_ASSESSED`` for it instead of 0.0.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jianfu.core.answers import Answers, is_visible
from jianfu.core.checklist import Checklist

if TYPE_CHECKING:
    from jianfu.core.scoring import ScoreResult

NOT_ASSESSED = "尚无作答，未评估"
NOT_ASSESSED_SHORT = "未评估"  # where the line is short (the radar's spoke labels)


def answered_items(checklist: Checklist, answers: Answers, manifestation_id: str) -> tuple[int, int]:
    """(answered, asked) over the items the manifestation's scoring rules read."""
    asked = [i for i in read_items(checklist, manifestation_id) if is_visible(checklist.item(i), answers)]
    answered = [i for i in asked if (a := answers.get(i)) is not None and not a.not_applicable and a.is_answered]
    return len(answered), len(asked)


def is_assessed(answered: int, asked: int) -> bool:
    """False when every item read is blank or 不适用; nothing read at all is no gap."""
    return answered > 0 or asked == 0


def read_items(checklist: Checklist, manifestation_id: str) -> tuple[str, ...]:
    cache: dict[str, tuple[str, ...]] = checklist.__dict__.setdefault("_read_by_manifestation", {})
    found = cache.get(manifestation_id)
    if found is None:
        read: set[str] = set()
        for rule in checklist.rules:
            if rule.weights.get(manifestation_id, 0) <= 0:
                continue
            signal = rule.signal
            if signal.kind == "when" and signal.condition is not None:
                read.update(signal.condition.refs())
            elif signal.ref:
                read.add(signal.ref)
        found = cache[manifestation_id] = tuple(sorted(i for i in read if checklist.has_item(i)))
    return found


def score_and_level(score: float, level_label: str, assessed: bool) -> str:
    """ "23.4（较轻）", or NOT_ASSESSED for a manifestation with nothing it reads answered."""
    return f"{score:.1f}（{level_label}）" if assessed else NOT_ASSESSED


def scores_json(result: ScoreResult) -> dict[str, Any]:
    """``result.to_json()`` for other programs (``jianfu score --json``): every manifestation and
    the overall say ``"assessed"``; where it is false, score and level are null and the label is
    NOT_ASSESSED, so no reader takes a 0 of nothing answered for "no burden" (nor the fingertip
    hours, null too). What is assessed keeps its shape, with one key more. The file's ``scores``
    keep the old shape: the file format says what it holds."""
    shown = result.to_json()
    for m in result.manifestations.values():
        shown["manifestations"][m.id] = _assessed_or_not(shown["manifestations"][m.id], m.assessed)
    shown["overall"] = _assessed_or_not(shown["overall"], result.assessed)
    if not result.assessed:
        shown["fingertip_hours_per_cadre_month"] = None
    return shown


def _assessed_or_not(entry: dict[str, Any], assessed: bool) -> dict[str, Any]:
    if assessed:
        return {**entry, "assessed": True}
    return {"score": None, "level": None, "level_label": NOT_ASSESSED, "assessed": False}
