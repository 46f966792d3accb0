"""Answers (作答) to checklist items, and the checks a value must pass to be stored."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from jianfu.core.checklist import Checklist, Field, FieldType, Item
from jianfu.core.errors import AnswerError
from jianfu.core.limits import MAX_NOTE_LENGTH, MAX_TABLE_ROWS, date_problem, text_problem


@dataclass(frozen=True)
class Answer:
    """One item's answer: a value, or "not applicable" (不适用), with an optional note.

    A table answered "none" (``declared_none``: the checklist's ``none_answer``, e.g. "本乡镇没有
    此类应用") has no rows and counts as answered; an empty table without it does not, because
    rows deleted one by one, or never typed, say nothing.

    ``carried_unconfirmed``: last period's answer, prefilled by "开始下一期" and neither confirmed
    ("仍然如此") nor changed since. It is shown and scored, but it says nothing about this period
    yet: it does not count as answered, and the assessment gets no level while one is asked."""

    value: Any = None
    not_applicable: bool = False
    note: str = ""
    declared_none: bool = False
    carried_unconfirmed: bool = False

    @property
    def is_answered(self) -> bool:
        return self.not_applicable or self.declared_none or self.value not in (None, "", [])

    def effective(self) -> Any:
        """The value scoring reads: nothing when not applicable."""
        return None if self.not_applicable else self.value


Answers = Mapping[str, Answer]


def new_row_id() -> str:
    import uuid  # not at import time: this module is on the start-up path

    return "r" + uuid.uuid4().hex[:12]


def table_rows(value: Any) -> list[dict[str, Any]]:
    """The rows of a table answer: ``[{"row_id": str, "cells": {column: value}}]``."""
    return list(value) if isinstance(value, list) else []


def check_value(field: Field, value: Any) -> str | None:
    """Why ``value`` does not fit ``field`` (in Chinese), or None when it fits."""
    if value is None:
        return None
    return _validator(field)(value)


Validator = Callable[[Any], "str | None"]


def _validator(field: Field) -> Validator:
    """The field's check, built once per checklist field: an import checks some 170 values a
    file against the same few hundred fields."""
    check = field.__dict__.get("_validator")
    if check is None:  # frozen dataclass: kept beside the fields by hand, as Item's column index
        check = _build_validator(field)
        object.__setattr__(field, "_validator", check)
    return check


def _build_validator(field: Field) -> Validator:
    kind = field.type
    if kind is FieldType.YES_NO:
        return lambda value: None if isinstance(value, bool) else "应为“是”或“否”"
    if kind is FieldType.NUMBER:
        return _number_validator(field)
    if kind is FieldType.SINGLE_CHOICE:
        return lambda value: None if field.choice(value) else "不是可选的选项"
    if kind is FieldType.MULTI_CHOICE:
        exclusive = [c for c in field.choices if c.exclusive]

        def multi(value: Any) -> str | None:
            if not isinstance(value, list) or not all(field.choice(v) for v in value):
                return "含有不可选的选项"
            if len(set(value)) != len(value):
                return "选项重复"
            alone = next((c for c in exclusive if c.value in value), None)
            return f"“{alone.label}”不能与其他选项同时勾选" if alone and len(value) > 1 else None

        return multi
    if kind is FieldType.TEXT:
        longest = field.max_length

        def text(value: Any) -> str | None:
            if not isinstance(value, str):
                return "应为文字"
            if len(value) > longest:
                return f"不能超过{longest}字"
            return text_problem(value, multiline=True)

        return text
    if kind is FieldType.DATE:
        return _check_date
    if kind is FieldType.ROW_REFS:
        return lambda value: (
            None if isinstance(value, list) and all(isinstance(v, str) for v in value) else "应为所选行的列表"
        )
    assert isinstance(field, Item)  # FieldType.TABLE
    columns = {c.id: (c, _validator(c)) for c in field.columns}
    return lambda value: _check_table(columns, value)


def _number_validator(field: Field) -> Validator:
    low, high = field.minimum, field.maximum
    too_low = f"不能小于{_fmt(low)}{field.unit}" if low is not None else ""
    too_high = f"不能大于{_fmt(high)}{field.unit}" if high is not None else ""
    integer = field.integer

    def number(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            return "应为数字"
        if integer and value != int(value):
            return "应为整数"
        if low is not None and value < low:
            return too_low
        if high is not None and value > high:
            return too_high
        return None

    return number


def _check_date(value: Any) -> str | None:
    if not isinstance(value, str):
        return "应为日期（如2026-11-21）"
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return "应为日期（如2026-11-21）"
    return date_problem(day)


def _check_table(columns: dict[str, tuple[Field, Validator]], value: Any) -> str | None:
    if not isinstance(value, list):
        return "应为表格行的列表"
    if len(value) > MAX_TABLE_ROWS:
        return f"表格行数不能超过{MAX_TABLE_ROWS}"
    seen: set[str] = set()
    for n, row in enumerate(value, start=1):
        if not _is_mapping(row) or not isinstance(row.get("row_id"), str):
            return f"第{n}行格式不对"
        if row["row_id"] in seen:
            return f"第{n}行的编号重复"
        seen.add(row["row_id"])
        cells = row.get("cells")
        if not _is_mapping(cells):
            return f"第{n}行格式不对"
        for column_id, cell in cells.items():
            found = columns.get(column_id)
            if found is None:
                return f"第{n}行有未知的列 {column_id}"
            problem = None if cell is None else found[1](cell)
            if problem:
                return f"第{n}行“{found[0].label}”{problem}"
    return None


def _is_mapping(value: Any) -> bool:
    return type(value) is dict or isinstance(value, Mapping)  # the ABC check only for the rare rest


def check_answer(checklist: Checklist, item_id: str, answer: Answer) -> None:
    """Raise AnswerError when ``answer`` cannot be stored for ``item_id``."""
    if not checklist.has_item(item_id):
        raise AnswerError(item_id, f"清单 {checklist.id} 第{checklist.version}版中没有这道题")
    if not isinstance(answer.note, str) or len(answer.note) > MAX_NOTE_LENGTH:
        raise AnswerError(item_id, f"备注不能超过{MAX_NOTE_LENGTH}字")
    note_problem = text_problem(answer.note, multiline=True)
    if note_problem:
        raise AnswerError(item_id, f"备注{note_problem}")
    item = checklist.item(item_id)
    if answer.declared_none:
        problem = _declared_none_problem(item, answer)
        if problem:
            raise AnswerError(item_id, problem)
    problem = check_value(item, answer.value)
    if problem:
        raise AnswerError(item_id, problem)


def _declared_none_problem(item: Item, answer: Answer) -> str | None:
    if not item.allows_declared_none:
        return "本题没有“没有（本表无内容）”这一回答"
    if answer.not_applicable:
        return "不能同时选“没有”和“不适用”"
    if table_rows(answer.value):
        return "表格已有行时不能选“没有”：确实没有的话，请先删除各行"
    if answer.value != []:
        return "选“没有”的表格应为空表（[]）"  # one spelling, so that stored and read back agree
    return None


def is_visible(item: Item, answers: Answers) -> bool:
    """Skip logic: whether ``item`` is asked, given the answers so far."""
    if item.show_if is None:
        return True
    return item.show_if.evaluate(lambda ref: _effective(answers, ref))


def _effective(answers: Answers, item_id: str) -> Any:
    answer = answers.get(item_id)
    return answer.effective() if answer else None


def visible_answers(checklist: Checklist, answers: Answers) -> dict[str, Answer]:
    """The answers that count: those of items that skip logic shows."""
    return {item.id: answers[item.id] for item in checklist.items() if item.id in answers and is_visible(item, answers)}


def completion(checklist: Checklist, answers: Answers, section_id: str | None = None) -> tuple[int, int]:
    """(answered, asked) over visible items, optionally of one section."""
    asked = answered = 0
    for item in checklist.items():
        if section_id is not None and item.section_id != section_id:
            continue
        if not is_visible(item, answers):
            continue
        asked += 1
        if counts_as_answered(item, answers.get(item.id), checklist):
            answered += 1
    return answered, asked


def unconfirmed(checklist: Checklist, answers: Answers, section_id: str | None = None) -> list[str]:
    """Asked items (optionally of one section) still holding last period's answer, unconfirmed,
    in checklist order. Hidden ones are left out, and so are left to confirm: shown later
    (another answer changed), they must not pass as looked at."""
    return [
        item.id
        for item in checklist.items()
        if (section_id is None or item.section_id == section_id)
        and (answer := answers.get(item.id)) is not None
        and answer.carried_unconfirmed
        and is_visible(item, answers)
    ]


def missing_required(checklist: Checklist, answers: Answers) -> list[Item]:
    return [
        item
        for item in checklist.items()
        if item.required and is_visible(item, answers) and not counts_as_answered(item, answers.get(item.id), checklist)
    ]


def counts_as_answered(item: Item, answer: Answer | None, checklist: Checklist | None = None) -> bool:
    """Answered for progress counts: 不适用 only where it counts (as in completeness), not last
    period's answer while it is unconfirmed, and (given the checklist) not a table with a row
    whose required cells are blank (``core.table_rows``)."""
    if answer is None or not answer.is_answered or answer.carried_unconfirmed:
        return False
    if answer.not_applicable:
        return item.counts_stored_not_applicable
    if checklist is not None and item.type is FieldType.TABLE:
        from jianfu.core.table_rows import unfinished_rows

        return not unfinished_rows(checklist, item, answer.value)
    return True


def with_value(answer: Answer | None, value: Any) -> Answer:
    return replace(answer or Answer(), value=value, not_applicable=False, declared_none=False)


def _fmt(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number)
