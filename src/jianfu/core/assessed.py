"""Whether a manifestation is assessed at all: a score of 0 must not stand for "nothing answered".

A manifestation whose scoring rules read only blank or 不适用 answers scores 0, the same number
as a township free of that burden. Everything that shows scores (results page and radar, the
printed plan, the Word plan, the county's views) says ``NOT_ASSESSED`` for it instead of 0.0.
"""

from __future__ import annotations

from jianfu.core.answers import Answers, is_visible
from jianfu.core.checklist import Checklist

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
