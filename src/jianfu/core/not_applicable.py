"""不适用 (not applicable): whether a note states a real reason, and the list a reader checks.

The rule is data (``Checklist.not_applicable``): the checklist's filler words and interjections
("无", "不适用", "本镇", "情况特殊", "啊", "哦"…) are taken out of the note, and what is left must
keep ``min_reason_chars`` meaningful characters, of which ``min_distinct_chars`` different ones
("对对对对" says nothing). From v2 only Chinese characters count (``count_latin: false``): "xxxx",
"asdf" or "N/A" are no reason. The list (``not_applicable_entries``) shows every 不适用 with its
note and whether it counts, as the plan PDF, the county drill-down and the results page print it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jianfu.core.answers import Answers, is_visible
from jianfu.core.checklist import Checklist, NotApplicablePolicy

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f"
_MEANINGFUL = re.compile(f"[A-Za-z{_HAN}]")
_CHINESE = re.compile(f"[{_HAN}]")

# How each 不适用 stands (the second column of the list)
COUNTED = "计为不适用"
NO_REASON = "未写明实际理由，不计"
OVER_SHARE = "不适用超出上限，须县级核实"
WITHDRAWN = "此题不提供“不适用”，须重新作答"
NOT_REQUIRED = "计为不适用，此题不计分"


def is_real_reason(note: str, policy: NotApplicablePolicy) -> bool:
    """Whether a 不适用 note states a reason (see the module docstring)."""
    text = note
    for word in sorted(policy.filler_words, key=len, reverse=True):
        text = text.replace(word, "")
    counted = (_MEANINGFUL if policy.count_latin else _CHINESE).findall(text)
    if policy.count_latin:
        counted = [c.lower() for c in counted]  # "AAAA" is as empty as "aaaa"
    return len(counted) >= policy.min_reason_chars and len(set(counted)) >= policy.min_distinct_chars


@dataclass(frozen=True)
class NotApplicableEntry:
    item_id: str
    section: str  # the section's title
    label: str  # the question
    reason: str  # the note as written ("" when none)
    status: str  # COUNTED, NO_REASON, OVER_SHARE, WITHDRAWN or NOT_REQUIRED

    @property
    def counts(self) -> bool:
        return self.status in (COUNTED, NOT_REQUIRED)


def not_applicable_entries(checklist: Checklist, answers: Answers) -> list[NotApplicableEntry]:
    """Every item asked and marked 不适用, in checklist order, with its note and how it stands."""
    from jianfu.core.completeness import completeness, required_item_ids  # completeness imports this module

    done = completeness(checklist, answers)
    required = required_item_ids(checklist)
    withdrawn = set(done.withdrawn_not_applicable)
    unexplained = set(done.unexplained_items)
    entries = []
    for section in checklist.sections:
        for item in section.items:
            answer = answers.get(item.id)
            if answer is None or not answer.not_applicable or not is_visible(item, answers):
                continue
            if item.id in withdrawn:
                status = WITHDRAWN
            elif item.id in unexplained:
                status = OVER_SHARE if done.too_much_not_applicable else NO_REASON
            elif item.id in required:
                status = COUNTED
            else:
                status = NOT_REQUIRED
            entries.append(NotApplicableEntry(item.id, section.title, item.label, answer.note.strip(), status))
    return entries
