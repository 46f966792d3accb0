from __future__ import annotations

import pytest

from jianfu.core.conditions import parse_condition


def evaluate(raw: dict, values: dict) -> bool:
    condition, problems = parse_condition(raw, "test")
    assert not problems and condition is not None
    return condition.evaluate(values.get)


@pytest.mark.parametrize(
    ("raw", "values", "expected"),
    [
        ({"item": "a", "equals": True}, {"a": True}, True),
        ({"item": "a", "equals": True}, {"a": False}, False),
        ({"item": "a", "equals": True}, {}, False),
        ({"item": "a", "not_equals": "x"}, {}, False),  # unanswered compares false
        ({"item": "a", "gt": 3}, {"a": 4}, True),
        ({"item": "a", "gt": 3}, {"a": "4"}, False),
        ({"item": "a", "lte": 3}, {"a": 3}, True),
        ({"item": "a", "in": ["x", "y"]}, {"a": "y"}, True),
        ({"item": "a", "includes": "x"}, {"a": ["x", "z"]}, True),
        ({"item": "a", "answered": False}, {}, True),
        ({"all": [{"item": "a", "equals": 1}, {"item": "b", "equals": 2}]}, {"a": 1, "b": 2}, True),
        ({"any": [{"item": "a", "equals": 1}, {"item": "b", "equals": 2}]}, {"b": 2}, True),
        ({"not": {"item": "a", "equals": 1}}, {"a": 2}, True),
        ({"item": "a", "gt": {"item": "b"}}, {"a": 5, "b": 4}, True),  # compared with another answer
        ({"item": "a", "gt": {"item": "b"}}, {"a": 4, "b": 4}, False),
        ({"item": "a", "lte": {"item": "b"}}, {"a": 4, "b": 4}, True),
        ({"item": "a", "gt": {"item": "b"}}, {"a": 5}, False),  # the other unanswered: no claim
        ({"item": "a", "gt": {"item": "b"}}, {"a": 5, "b": True}, False),
    ],
)
def test_evaluation(raw: dict, values: dict, expected: bool) -> None:
    assert evaluate(raw, values) is expected


@pytest.mark.parametrize(
    "raw",
    [
        "a == 1",
        {"item": "a"},
        {"item": "a", "gt": "3"},
        {"item": "a", "gt": {"item": "b", "equals": 1}},
        {"item": "a", "gt": {"column": "b"}},
        {"item": "a", "matches": ".*"},
        {"all": []},
        {"all": [{"item": "a", "equals": 1}], "item": "b"},
        {"item": "__import__('os').system('x')", "eval": 1},
    ],
)
def test_malformed_conditions_are_reported(raw: object) -> None:
    condition, problems = parse_condition(raw, "题目 x.show_if")
    assert condition is None
    assert problems and all(p.startswith("题目 x.show_if") for p in problems)


def test_a_comparison_with_another_answer_refers_to_both() -> None:
    condition, _ = parse_condition({"item": "a", "lt": {"item": "b"}}, "test")
    assert condition is not None and condition.refs() == ["a", "b"]


ROWS = [{"row_id": "r1", "cells": {"kind": "app"}}, {"row_id": "r2", "cells": {"kind": "dispatch_platform"}}]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"t": ROWS}, True),
        ({"t": ROWS[:1]}, False),
        ({"t": []}, False),  # a table answered "none"
        ({}, False),  # unanswered
        ({"t": [{"row_id": "r3"}, "odd"]}, False),  # rows without cells say nothing
    ],
)
def test_a_row_quantifier_asks_whether_some_row_holds(values: dict, expected: bool) -> None:
    raw = {"table": "t", "any_row": {"column": "kind", "equals": "dispatch_platform"}}
    assert evaluate(raw, values) is expected
    condition, _ = parse_condition({"all": [raw, {"item": "a", "equals": False}]}, "test")
    assert condition is not None and condition.refs() == ["t", "a"]  # the table, not its columns
    assert [q.ref for q in condition.row_quantifiers()] == ["t"]


def test_a_row_quantifier_needs_its_table_and_a_column_condition() -> None:
    for raw in (
        {"any_row": {"column": "kind", "equals": "x"}},
        {"table": "t", "any_row": {"item": "kind", "equals": "x"}},
        {"table": "t", "any_row": {"column": "kind", "equals": "x"}, "item": "a"},
    ):
        condition, problems = parse_condition(raw, "test")
        assert condition is None and problems, raw
