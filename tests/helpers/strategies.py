"""Hypothesis strategies that produce valid answers for any checklist."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from jianfu.core.answers import Answer
from jianfu.core.checklist import Checklist, Field, FieldType

# What can be stored: no control characters (core/limits.py) except tab and line breaks.
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\t\n"), max_size=30)


def value_for(field: Field, row_ids: list[str] | None = None) -> st.SearchStrategy[Any]:
    kind = field.type
    if kind is FieldType.YES_NO:
        return st.booleans()
    if kind is FieldType.NUMBER:
        low = field.minimum if field.minimum is not None else 0
        high = field.maximum if field.maximum is not None else 10_000
        if field.integer:
            return st.integers(int(low), int(high))
        return st.floats(low, high, allow_nan=False, allow_infinity=False)
    if kind is FieldType.SINGLE_CHOICE:
        return st.sampled_from([c.value for c in field.choices])
    if kind is FieldType.MULTI_CHOICE:
        exclusive = [c.value for c in field.choices if c.exclusive]
        others = st.lists(st.sampled_from([c.value for c in field.choices if not c.exclusive]), unique=True)
        # an exclusive choice ("以上都没有") is only ever ticked alone
        return st.one_of(others, st.sampled_from(exclusive).map(lambda v: [v])) if exclusive else others
    if kind is FieldType.TEXT:
        return TEXT.map(lambda s: s[: field.max_length])
    if kind is FieldType.DATE:
        return st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)).map(dt.date.isoformat)
    if kind is FieldType.ROW_REFS:
        return st.lists(st.sampled_from(row_ids), unique=True, max_size=4) if row_ids else st.just([])
    raise AssertionError(kind)


def row_for(item: Field, row_ids: list[str] | None = None) -> st.SearchStrategy[dict[str, Any]]:
    cells = st.fixed_dictionaries(
        {},
        optional={c.id: value_for(c, row_ids) for c in item.columns},  # type: ignore[attr-defined]
    )
    return st.builds(
        lambda rid, c: {"row_id": rid, "cells": c},
        st.text("abcdef0123456789", min_size=8, max_size=8).map(lambda s: "r" + s),
        cells,
    )


@st.composite
def answers_for(draw: st.DrawFn, checklist: Checklist, max_rows: int = 4) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    for item in checklist.items():
        if not draw(st.booleans()):
            continue
        if draw(st.integers(0, 9)) == 0:
            answers[item.id] = Answer(None, not_applicable=True, note=draw(TEXT))
            continue
        if item.type is FieldType.TABLE:
            ref_ids = _ref_ids(checklist, item, answers)
            rows = draw(st.lists(row_for(item, ref_ids), max_size=max_rows, unique_by=lambda r: r["row_id"]))
            none = item.allows_declared_none and not rows and draw(st.booleans())  # type: ignore[attr-defined]
            answers[item.id] = Answer(rows, declared_none=none)
        else:
            answers[item.id] = Answer(draw(value_for(item)))
    return answers


def _ref_ids(checklist: Checklist, item: Field, answers: dict[str, Answer]) -> list[str]:
    for column in item.columns:  # type: ignore[attr-defined]
        if column.type is FieldType.ROW_REFS and column.ref_table in answers:
            value = answers[column.ref_table].value or []
            return [r["row_id"] for r in value]
    return []
