"""Consistency checks (作答前后矛盾): a table answered as listing nothing while other answers
show there is something to list, and answers that cannot both be true (more video meetings than
meetings, more cadres at each meeting than the township has).

A table's "none" answer (and a 不适用 stored on a table before "none" existed) scores as no rows,
so a township could lower a score by answering "none" to the app inventory while elsewhere it
says its cadres follow 20 official accounts and log in to 8 platforms. The checks are data
(``consistency:`` in the checklist): each names the table and the condition, over the other
answers, that contradicts "nothing to list". A check fires only when the table is answered
(a blank table is already 未完成); when one fires the assessment gets no level until the
answers agree, and the cadre and the county are told why. A check about one answer (``item``)
fires whenever its condition holds over the answers asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jianfu.core.answers import Answers, is_visible, table_rows, visible_answers
from jianfu.core.checklist import Checklist, ConsistencyCheck


@dataclass(frozen=True)
class Inconsistency:
    check: ConsistencyCheck
    table_label: str

    @property
    def text(self) -> str:
        """In Chinese, naming the table, e.g. "政务应用、平台与工作群清单：…"."""
        return f"{self.table_label}：{self.check.message}"


def lists_nothing(checklist: Checklist, answers: Answers, table_id: str) -> bool:
    """Whether the table is answered as listing nothing: "none", or 不适用 (an old answer)."""
    answer = answers.get(table_id)
    if answer is None or not is_visible(checklist.item(table_id), answers):
        return False
    if answer.not_applicable:
        return True
    return answer.declared_none and not table_rows(answer.value)


def inconsistencies(checklist: Checklist, answers: Answers) -> list[Inconsistency]:
    found = []
    for check in checklist.consistency:
        if check.table is not None and not lists_nothing(checklist, answers, check.table):
            continue
        if check.fingertip_hours_over is not None:
            if fingertip_total(checklist, answers) > check.fingertip_hours_over:
                found.append(Inconsistency(check, checklist.item(check.about).label))
            continue
        if check.contradicted_when.evaluate(lambda ref: _visible_value(checklist, answers, ref)):
            found.append(Inconsistency(check, checklist.item(check.about).label))
    return found


def fingertip_total(checklist: Checklist, answers: Answers) -> float:
    """The fingertip hours per cadre a month the answers asked add up to (as scoring counts them)."""
    from jianfu.core.scoring import fingertip_hours  # scoring reads completeness, which reads this

    values = {item_id: answer.effective() for item_id, answer in visible_answers(checklist, answers).items()}
    return sum(fingertip_hours(checklist, values).values())


def to_verify(checklist: Checklist, answers: Answers) -> list[str]:
    """What the county should check against what it knows (the checklist's ``verify`` notes whose
    condition holds over the answers asked), in Chinese."""
    lookup = lambda ref: _visible_value(checklist, answers, ref)  # noqa: E731
    return [note.message for note in checklist.verify if note.when.evaluate(lookup)]


def verify_refs(checklist: Checklist) -> tuple[str, ...]:
    """The items ``to_verify`` reads: those its notes name, and those that decide whether they are asked."""
    refs = dict.fromkeys(ref for note in checklist.verify for ref in note.when.distinct_refs())
    for ref in list(refs):
        shown_if = checklist.item(ref).show_if if checklist.has_item(ref) else None
        if shown_if is not None:
            refs.update(dict.fromkeys(shown_if.distinct_refs()))
    return tuple(refs)


@dataclass(frozen=True)
class TownshipToVerify:
    """A township of the county's overview with answers the county should check (``to_verify``)."""

    division_code: str
    township: str
    notes: tuple[str, ...]  # the checklist's messages, as written (本镇): one wording to group by


def by_note(townships: list[TownshipToVerify]) -> list[tuple[str, list[str]]]:
    """(note, the townships it is about) in the townships' order: the county lists each note once."""
    grouped: dict[str, list[str]] = {}
    for town in townships:
        for note in town.notes:
            grouped.setdefault(note, []).append(town.township)
    return list(grouped.items())


def _visible_value(checklist: Checklist, answers: Answers, item_id: str) -> Any:
    answer = answers.get(item_id)
    if answer is None or not is_visible(checklist.item(item_id), answers):
        return None  # a question not asked says nothing either way
    return answer.effective()
