"""Completeness (完成度): whether an assessment says enough to be given a level.

Gaming must not pay. An item that scoring reads is *required*: left blank, or marked 不适用
(not applicable) without a reason in the note, it leaves the assessment 未完成 (incomplete).
An incomplete assessment still gets its scores, so the cadre sees where it stands, but no level
anywhere: blank or unexplained 不适用 can therefore never buy a lighter level than an honest
answer. 不适用 counts as an answer only with a real reason: after the checklist's filler words
("无", "不适用", "没有"…) are taken out, the note must keep a few meaningful characters
(``Checklist.not_applicable``). And because a township could otherwise lower its level by ticking
不适用 on everything it would rather not answer, an assessment in which 不适用 covers more than the
checklist's ``max_share`` of the required answers (basic information excluded) gets no level
either: such an assessment must be explained item by item and checked by the county. Items that
truly may not apply to a township (no dispatch platform, no 一表通 scheme) are hidden by skip
logic and so are never asked, never required and never counted in that share.

Tables have an explicit "none" answer (``none_answer`` in the checklist) instead of 不适用: a
table neither with rows nor answered "none" is unanswered. A 不适用 stored on such a table
before (an older database or file, when 不适用 was the only way to say "nothing to list") still
counts as 不适用, under the same reason and share rules, and is listed (``table_not_applicable``)
so that the cadre is asked to answer again and the county sees it. A table answered as listing
nothing while other answers show there is something to list (``core.consistency``) also leaves
the assessment without a level.

Next period ("开始下一期") prefills last period's answers. Until the cadre confirms or changes
one (``Answer.carried_unconfirmed``), it is last period's answer, not this period's: every asked
item still so leaves the assessment 未完成, whether scoring reads it or not (the sidebar and the
page's "本页全部仍然如此" count the same answers), and it is counted apart, not as answered,
blank or 不适用, so the reason names only what the cadre has to do: confirm them page by page.

From v2 the checklist names the few items where 不适用 is offered at all (``not_applicable.
offered_on``: only "which department imposes this"); everywhere else "this does not happen here"
has an honest answer (0, 否, 以上都没有, "none"). A 不适用 stored on an item where this version does
not offer it (an older answer, carried over or imported; ``Item.not_applicable_withdrawn``) is not
counted as "no burden": it is listed (``withdrawn_not_applicable``), the cadre is asked to answer
again, the county sees it, and the assessment gets no level until it is answered. Every such
不适用 is counted and listed the same way, whatever the reason it is not offered (basic
information, a "以上都没有", offered_on) and whether scoring reads the item or not: two of them
never stand under two headings (one "still to answer", the other "not accepted").

Required items are derived from the checklist, not declared twice: the items marked
``required``, every item a scoring rule or a fingertip-hours term reads, and every item whose
answer decides whether another item is asked (skip logic). Hidden items are never required.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jianfu.core.answers import Answers, is_visible
from jianfu.core.checklist import INCOMPLETE_LABEL, INCOMPLETE_LEVEL, Checklist, FieldType
from jianfu.core.consistency import inconsistencies
from jianfu.core.not_applicable import is_real_reason
from jianfu.core.table_rows import unfinished_rows_text
from jianfu.core.wording import join_clauses

PROFILE_SECTION = "profile"  # basic information: 不适用 is no answer there
__all__ = [
    "INCOMPLETE_LABEL",
    "INCOMPLETE_LEVEL",
    "Completeness",
    "completeness",
    "is_real_reason",
    "required_item_ids",
]


@dataclass(frozen=True)
class Completeness:
    """Counts over the items asked (visible), as shown on the results page, PDF and county view."""

    answered: int  # items answered with a value (不适用 not included)
    required_missing: int  # required items left blank
    not_applicable: int  # items marked 不适用 (with or without reason)
    # items whose 不适用 is not accepted: required ones without a real reason, every required one
    # when 不适用 is over the checklist's share, and every one the checklist no longer offers; so
    # the county's stored counts say "incomplete" too
    not_applicable_without_reason: int
    asked: int
    missing_items: tuple[str, ...] = ()
    unexplained_items: tuple[str, ...] = ()
    required_not_applicable: int = 0  # required (non-profile) items marked 不适用
    required_asked: int = 0  # required (non-profile) items asked: the share's denominator
    max_not_applicable_share: float = 1.0
    table_not_applicable: tuple[str, ...] = ()  # tables with a 不适用 from before "none" existed
    inconsistent: tuple[str, ...] = ()  # what contradicts a table answered "none", in Chinese
    inconsistent_items: tuple[str, ...] = ()  # the items those contradictions are about (to go to them)
    withdrawn_not_applicable: tuple[str, ...] = ()  # 不适用 stored where this version no longer offers it
    unconfirmed_items: tuple[str, ...] = ()  # asked items still holding last period's answer, unconfirmed
    unconfirmed_pages: tuple[tuple[str, int], ...] = ()  # (page title, how many there), in page order
    unfinished_rows: tuple[str, ...] = ()  # tables with rows lacking required cells, in Chinese (table_rows)

    @property
    def unconfirmed(self) -> int:
        return len(self.unconfirmed_items)

    @property
    def not_applicable_share(self) -> float:
        """Share of the required answers (basic information excluded) that are 不适用."""
        return self.required_not_applicable / self.required_asked if self.required_asked else 0.0

    @property
    def too_much_not_applicable(self) -> bool:
        return self.not_applicable_share > self.max_not_applicable_share + 1e-9

    @property
    def complete(self) -> bool:
        return (
            self.required_missing == 0
            and self.not_applicable_without_reason == 0
            and not self.too_much_not_applicable
            and not self.inconsistent
            and not self.unconfirmed_items
            and not self.withdrawn_not_applicable
        )

    def incomplete_reasons(self) -> tuple[str, ...]:
        """Why no level is given, in Chinese (empty when complete)."""
        reasons: list[str] = []
        if self.unconfirmed_items:
            reasons.append(unconfirmed_text(self.unconfirmed, self.unconfirmed_pages))
        if self.required_missing:
            reasons.append(f"必答题未答{self.required_missing}题")
        if self.unfinished_rows:
            reasons.append("表格有未填完的行（名称或计分所需的格子空着）：" + "；".join(self.unfinished_rows))
        if self.too_much_not_applicable:
            reasons.append(
                f"不适用过多（占必答题{self.not_applicable_share:.0%}，上限{self.max_not_applicable_share:.0%}），"
                "须逐项说明并由县级核实"
            )
        elif len(self.unexplained_items):
            reasons.append(f"{len(self.unexplained_items)}题标为不适用但未写明实际理由")
        if self.withdrawn_not_applicable:
            reasons.append(
                f"{len(self.withdrawn_not_applicable)}题标为不适用，但本版清单在这些题上已不提供不适用"
                "（旧作答、结转或导入的答案），须重新作答"
            )
        if self.inconsistent:
            reasons.append(f"作答前后矛盾{len(self.inconsistent)}处：" + join_clauses(self.inconsistent))
        return tuple(reasons)

    def to_json(self) -> dict[str, Any]:
        counts = {
            "complete": self.complete,
            "answered": self.answered,
            "required_missing": self.required_missing,
            "not_applicable": self.not_applicable,
            "not_applicable_without_reason": self.not_applicable_without_reason,
        }
        if self.unconfirmed_items:  # only when there are: other files stay as before
            counts["unconfirmed"] = self.unconfirmed
        return counts

    def summary(self) -> str:
        """One line in Chinese, e.g. "已答40题，不适用3题（其中1题未说明理由），必答未答2题"."""
        return summary_text(
            self.answered,
            self.not_applicable,
            self.not_applicable_without_reason,
            self.required_missing,
            len(self.table_not_applicable),
            len(self.inconsistent),
            self.unconfirmed,
        )


def unconfirmed_text(count: int, pages: tuple[tuple[str, int], ...] = ()) -> str:
    """Why an assessment carried over from last period has no level yet, in Chinese."""
    where = "、".join(f"“{title}”{n}项" for title, n in pages)
    return f"还有{count}项沿用上期的回答未确认" + (f"（{where}）" if where else "") + "，须逐项确认或改正"


def summary_text(
    answered: int,
    not_applicable: int,
    without_reason: int,
    required_missing: int,
    table_not_applicable: int = 0,
    inconsistent: int = 0,
    unconfirmed: int = 0,
) -> str:
    """The completeness counts in one line of Chinese (results page, PDF, county)."""
    text = f"已答{answered}题，不适用{not_applicable}题"
    if without_reason:
        text += f"（其中{without_reason}题未说明实际理由、超出不适用上限或本版已不提供不适用）"
    text += f"，必答未答{required_missing}题"
    if table_not_applicable:
        text += f"；{table_not_applicable}张表格标为不适用（旧版作答方式，应改答“没有”或填写，须核实）"
    if inconsistent:
        text += f"；作答前后矛盾{inconsistent}处"
    if unconfirmed:
        text += f"；沿用上期未确认{unconfirmed}项"
    return text


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
    policy = checklist.not_applicable
    answered = not_applicable = asked = required_asked = 0
    missing: list[str] = []
    unexplained: list[str] = []
    required_na: list[str] = []
    table_na: list[str] = []
    unconfirmed: list[str] = []
    withdrawn: list[str] = []
    unfinished: list[str] = []
    for item in checklist.items():
        if not is_visible(item, answers):
            continue
        asked += 1
        if item.id in required and item.section_id != PROFILE_SECTION:
            required_asked += 1
        answer = answers.get(item.id)
        if answer is not None and answer.carried_unconfirmed:
            unconfirmed.append(item.id)  # last period's: neither an answer, nor blank, nor 不适用
            continue
        if answer is not None and answer.not_applicable:
            not_applicable += 1
            if item.type is FieldType.TABLE and not item.allows_not_applicable:
                table_na.append(item.id)  # answered before "none" existed: kept, and flagged
            if item.not_applicable_withdrawn:
                # not offered here: flagged and counted as no answer, one way for every such item
                # (basic facts, a "以上都没有" or "none" answer, offered_on), required or not
                withdrawn.append(item.id)
            elif item.id in required:
                required_na.append(item.id)
                if not is_real_reason(answer.note, policy):
                    unexplained.append(item.id)
        elif answer is not None and answer.is_answered:
            rows_text = unfinished_rows_text(checklist, item, answer.value) if item.type is FieldType.TABLE else ""
            if not rows_text:
                answered += 1
            else:  # a row without its name or the cells scoring reads answers nothing yet
                unfinished.append(rows_text)
                if item.id in required:
                    missing.append(item.id)
        elif item.id in required:
            missing.append(item.id)
    found_inconsistent = inconsistencies(checklist, answers)
    if required_asked and len(required_na) / required_asked > policy.max_share + 1e-9:
        unexplained = required_na  # over the share no 不适用 is accepted until the county has checked it
    return Completeness(
        answered=answered,
        required_missing=len(missing),
        not_applicable=not_applicable,
        not_applicable_without_reason=len(set(unexplained) | set(withdrawn)),
        asked=asked,
        missing_items=tuple(missing),
        unexplained_items=tuple(unexplained),
        required_not_applicable=len(required_na),
        required_asked=required_asked,
        max_not_applicable_share=policy.max_share,
        table_not_applicable=tuple(table_na),
        inconsistent=tuple(found.text for found in found_inconsistent),
        inconsistent_items=tuple(dict.fromkeys(found.check.about for found in found_inconsistent)),
        unconfirmed_items=tuple(unconfirmed),
        unfinished_rows=tuple(unfinished),
        unconfirmed_pages=_by_page(checklist, unconfirmed),
        withdrawn_not_applicable=tuple(withdrawn),
    )


def _by_page(checklist: Checklist, item_ids: list[str]) -> tuple[tuple[str, int], ...]:
    """(page title, count) of ``item_ids``, in page order."""
    counts: dict[str, int] = {}
    for item_id in item_ids:
        section = checklist.item(item_id).section_id
        counts[section] = counts.get(section, 0) + 1
    return tuple((s.title, counts[s.id]) for s in checklist.sections if s.id in counts)
