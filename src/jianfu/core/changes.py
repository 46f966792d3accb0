"""What changed between two periods' answers (与上期相比), for the cadre's next-period review."""

from __future__ import annotations

from dataclasses import dataclass

from jianfu.core.answers import Answer, Answers
from jianfu.core.checklist import Checklist
from jianfu.core.describe import answer_text
from jianfu.core.scoring import ScoreResult


@dataclass(frozen=True)
class AnswerChange:
    """One item answered differently from last period."""

    section_id: str
    section_title: str
    item_id: str
    label: str
    before: str
    after: str


def changes_between(checklist: Checklist, before: Answers, after: Answers) -> list[AnswerChange]:
    """Items of ``checklist`` whose answer in ``after`` differs from ``before``, in checklist order.

    ``before`` may have been answered with an older checklist version: items it does not have
    count as unanswered there. The fill date changes every period and is not a change of substance.
    """
    changes = []
    for section in checklist.sections:
        for item in section.items:
            if item.id == "profile.fill_date":
                continue
            old, new = before.get(item.id, Answer()), after.get(item.id, Answer())
            if (old.effective(), old.not_applicable) == (new.effective(), new.not_applicable):
                continue
            old_text, new_text = answer_text(item, old), answer_text(item, new)
            if old_text == new_text:  # e.g. a table cell edited: the summary reads the same
                old_text, new_text = old_text, f"{new_text}（内容有改动）"
            changes.append(AnswerChange(section.id, section.title, item.id, item.label, old_text, new_text))
    return changes


@dataclass(frozen=True)
class ScoreChange:
    """One manifestation's (or the overall) score last period and now, as the cadre reads them."""

    name: str
    before: float
    before_level: str  # the level label, 未完成 when that period was incomplete
    after: float
    after_level: str

    @property
    def delta(self) -> float:
        return round(self.after, 1) - round(self.before, 1)


def score_changes(before: ScoreResult, after: ScoreResult) -> list[ScoreChange]:
    """Each manifestation of ``after`` (in its order) and the overall score, beside last period's.

    Each period is scored with the checklist version it was answered with, so a change may come
    from a new checklist version as well as from new answers; the caller says so when versions differ.
    """
    changes = []
    for key, now in after.manifestations.items():
        then = before.manifestations.get(key)
        if then is None:  # a manifestation the older version did not score
            continue
        changes.append(ScoreChange(now.name, then.score, then.level_label, now.score, now.level_label))
    changes.append(
        ScoreChange("综合", before.overall, before.overall_level_label, after.overall, after.overall_level_label)
    )
    return changes
