"""The fast text check over a whole document (one regex a string, no path kept) refuses exactly
what the naming walk refuses, so the naming walk only runs to say where."""

from __future__ import annotations

import sys
import unicodedata
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from jianfu.exchange import strict_json
from jianfu.exchange.canonical import CanonicalError, canonical_text

_keys = st.sampled_from(["value", "note", "cells", "name", "problem", "1", "status", "x"]) | st.text(max_size=3)
_characters = ["a", "镇", "\t", "\n", "\r", "\x07", "\x0b", "\x85", "\x7f", "\ud800"]
_text = st.text(alphabet=st.sampled_from(_characters), max_size=4)
_documents = st.recursive(
    _text | st.integers() | st.none(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_keys, inner, max_size=4),
    max_leaves=12,
)


def _walk_verdict(document: Any) -> bool:
    return strict_json._walk(document, []) is None


@settings(max_examples=500, deadline=None)
@given(_documents)
def test_the_fast_text_check_agrees_with_the_naming_walk(document: Any) -> None:
    assert strict_json._all_text_fine(document, None, None) == _walk_verdict(document)


def test_line_breaks_are_allowed_only_in_long_text_and_table_cells() -> None:
    fine = {"answers": {"a": {"value": "一\n二", "note": "甲\t乙", "cells": {"人数": "行\r\n"}}}}
    assert strict_json.check_text_and_dates(fine) is None
    problem = strict_json.check_text_and_dates({"answers": {"a": {"unit": "一\n二"}}})
    assert problem is not None and problem.startswith("answers → a → unit：第2个字符是控制字符（U+000A）")
    problem = strict_json.check_text_and_dates({"plan": [{"measure": "好\x07"}]})
    assert problem is not None and problem.startswith("plan → 1 → measure：第2个字符是控制字符（U+0007）")


@settings(max_examples=500, deadline=None)
@given(_documents)
def test_the_whole_check_refuses_exactly_what_the_naming_walk_refuses(document: Any) -> None:
    assert (strict_json.check_text_and_dates(document) is None) == _walk_verdict(document)


def test_the_one_pass_prefilter_sees_every_control_character_and_surrogate_in_values_and_keys() -> None:
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if unicodedata.category(char) in ("Cc", "Cs"):
            assert not strict_json._no_control_character_anywhere({"k": [f"镇{char}"]}), hex(code)
            assert not strict_json._no_control_character_anywhere({f"镇{char}": 1}), hex(code)
    assert strict_json._no_control_character_anywhere({"柳河镇": ["第一行", 1.5, None, {"\u2028": "\U0001f600"}]})


@settings(max_examples=500, deadline=None)
@given(_documents)
def test_the_canonical_text_handed_in_by_the_reader_gives_the_same_verdict(document: Any) -> None:
    """The reader passes the canonical text it computes anyway instead of a second json.dumps."""
    try:
        text = canonical_text(document)
    except CanonicalError:
        return  # no canonical form: the reader checks the document itself
    assert (strict_json.check_text_and_dates(document, text) is None) == _walk_verdict(document)
