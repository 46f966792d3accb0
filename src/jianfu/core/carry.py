"""Carrying answers forward to a newer checklist version (v1 → v2 → v3), as the newer version declares.

The newer checklist's ``carry_forward`` says, as data, how each earlier answer maps: the same id
(meaning unchanged), a renamed id, a mapped value, or one ticked choice of a multi-select (an
earlier yes/no or frequency answer that the newer version asks in a shared "可多选" stem), or an
answer the earlier answers imply where the earlier version did not ask (``set_when``). Table
columns may be merged (any yes → yes) or dropped. Notes, 不适用 and "carried over, unconfirmed"
travel with the answer.

It is used for the next period after an upgrade (prefilled from the earlier answers) and for
every earlier-version file the program reads (import, ``score``, ``report``, the county), so
that a county always compares townships scored with the same checklist and method.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from jianfu.core.answers import Answer, Answers, check_value, is_visible, table_rows
from jianfu.core.assessment import Assessment
from jianfu.core.checklist import Checklist, FieldType
from jianfu.core.completeness import required_item_ids
from jianfu.core.library import ChecklistLibrary

NOT_ASKED_BEFORE = "第{version}版清单未问此题，由旧版结转"
NONE_OF_THESE = "none"  # the "以上都没有" choice of a multi-select stem


def carry_answers(old: Checklist, new: Checklist, answers: Answers) -> dict[str, Answer]:
    """``answers`` to ``old`` as answers to ``new``; answers ``new`` cannot hold are left out."""
    spec = new.carry_forward
    if spec is None or spec.from_version != old.version or old.id != new.id:
        raise ValueError(f"{new.id} v{new.version} declares no carry-forward from v{old.version}")
    result: dict[str, Answer] = {}
    for item_id in spec.same_id:
        if item_id in answers:
            result[item_id] = answers[item_id]
    for old_id, new_id in spec.renamed.items():
        if old_id in answers:
            result[new_id] = answers[old_id]
    for item_id, mapping in spec.values.items():
        answer = result.get(item_id)
        if answer is not None and answer.value is not None:
            key = _key(answer.value)
            if key in {_key(k) for k in mapping}:
                mapped = next(v for k, v in mapping.items() if _key(k) == key)
                result[item_id] = replace(answer, value=mapped)
    _carry_choices(new, spec.into_choices, answers, result)
    implied: set[str] = set()  # set from what the earlier answers imply
    for rule in spec.set_when:
        if rule.test.evaluate(lambda ref: _value(answers, ref)):
            implied.add(rule.target)
            sources = [answers[r] for r in rule.test.distinct_refs() if r in answers]
            result[rule.target] = Answer(
                rule.value,
                note=rule.note,
                carried_unconfirmed=any(a.carried_unconfirmed for a in sources),
            )
    for table_id in set(spec.merged_columns) | set(spec.dropped_columns):
        answer = result.get(table_id)
        if answer is not None and answer.value is not None:
            result[table_id] = replace(answer, value=_carry_rows(new, table_id, answer.value, spec))
    carried = {k: a for k, a in result.items() if new.has_item(k) and check_value(new.item(k), a.value) is None}
    _drop_hidden_made_visible(old, new, answers, carried, spec, implied)
    # Items the earlier version never asked: 不适用 with the reason, so that a carried file is not
    # 未完成 for a question nobody put to it (an earlier blank stays blank and incomplete).
    known = set(spec.same_id) | set(spec.renamed.values()) | {c.target for c in spec.into_choices}
    known |= {rule.target for rule in spec.set_when}
    for item_id in sorted(required_item_ids(new) - known):
        carried.setdefault(
            item_id, Answer(None, not_applicable=True, note=NOT_ASKED_BEFORE.format(version=old.version))
        )
    return carried


def _drop_hidden_made_visible(
    old: Checklist, new: Checklist, answers: Answers, carried: dict[str, Answer], spec: Any, implied: set[str]
) -> None:
    """An answer the earlier version's skip logic hid (a count left from an earlier "是" after the
    answer became "不适用" or blank) was never given for the township as it was: where the newer
    version asks the item, it is asked afresh, not counted (nothing may claim more than the answers)."""
    origin = {item_id: item_id for item_id in spec.same_id} | {
        new_id: old_id for old_id, new_id in spec.renamed.items()
    }
    hidden = {
        new_id
        for new_id, old_id in origin.items()
        if new_id in carried
        and new_id not in implied
        and old.has_item(old_id)
        and not is_visible(old.item(old_id), answers)
    }
    while True:  # dropping one answer may show or hide another
        shown = [k for k in hidden if k in carried and is_visible(new.item(k), carried)]
        if not shown:
            return
        for item_id in shown:
            del carried[item_id]


def _carry_choices(new: Checklist, carries: Any, answers: Answers, result: dict[str, Answer]) -> None:
    """Earlier answers into ticked choices; a stem whose earlier answers were all given gets a value."""
    by_target: dict[str, list[Any]] = {}
    for carry in carries:
        by_target.setdefault(carry.target, []).append(carry)
    for target, group in by_target.items():
        given = [c for c in group if c.source in answers and answers[c.source].is_answered]
        if not given:
            continue
        ticked = [c.value for c in given if c.test.evaluate(lambda ref: _value(answers, ref))]
        notes = [answers[c.source].note.strip() for c in given if answers[c.source].note.strip()]
        every_na = all(answers[c.source].not_applicable for c in given)
        if not ticked and new.item(target).choice(NONE_OF_THESE) is not None:
            ticked = [NONE_OF_THESE]  # every earlier answer was an honest "no"
        result[target] = Answer(
            None if every_na else list(dict.fromkeys(ticked)),
            not_applicable=every_na,
            note="；".join(dict.fromkeys(notes)),
            # last period's, unconfirmed, if any answer it is made of was: nobody confirmed it whole
            carried_unconfirmed=any(answers[c.source].carried_unconfirmed for c in given),
        )


def _carry_rows(new: Checklist, table_id: str, rows: Any, spec: Any) -> list[dict[str, Any]]:
    table = new.item(table_id)
    merged = spec.merged_columns.get(table_id, {})
    carried = []
    for row in table_rows(rows):
        cells = dict(row.get("cells", {}))
        for column, sources in merged.items():
            flags = [cells.get(s) for s in sources if s in cells]
            if flags:
                cells[column] = any(f is True for f in flags)
        cells = {k: v for k, v in cells.items() if table.column(k) is not None}
        column_types = {c.id: c.type for c in table.columns}
        for key, value in list(cells.items()):
            if column_types[key] is FieldType.ROW_REFS and not isinstance(value, list):
                del cells[key]
        carried.append({"row_id": row.get("row_id"), "cells": cells})
    return carried


def carry_assessment(library: ChecklistLibrary, assessment: Assessment, version: int | None = None) -> Assessment:
    """The assessment on the newest (or the given) checklist version, its answers carried step by step."""
    target = version if version is not None else library.latest(assessment.checklist_id).version
    current = library.get(assessment.checklist_id, assessment.checklist_version)
    answers: dict[str, Answer] = dict(assessment.answers)
    while current.version < target:
        following = library.get(current.id, current.version + 1)
        answers = carry_answers(current, following, answers)
        current = following
    if current.version == assessment.checklist_version:
        return assessment
    return replace(assessment, checklist_version=current.version, answers=answers)


def _value(answers: Answers, item_id: str) -> Any:
    answer = answers.get(item_id)
    return answer.effective() if answer else None


def _key(value: Any) -> str:
    return repr(value)
