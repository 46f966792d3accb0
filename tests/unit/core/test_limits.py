"""The limits shared by the file reader and the wizard's entry fields."""

from __future__ import annotations

import datetime as dt
import sys
import unicodedata

import pytest

from jianfu.core.answers import Answer, check_answer
from jianfu.core.assessment import IdentityError, Period, Township
from jianfu.core.errors import AnswerError
from jianfu.core.limits import MAX_NAME_LENGTH, clean_typed_text, date_problem, number_problem, text_problem
from jianfu.core.plan import new_custom_item


def test_control_characters_are_refused_except_line_breaks_in_long_text() -> None:
    assert text_problem("柳河镇") is None and text_problem("第一行\n第二行\t完", multiline=True) is None
    for bad in ("\x0b", "\x07", "\x0c", "\x00", "\x7f", "\x85", "\ud800"):
        assert text_problem(f"柳河{bad}镇", multiline=True)
    assert "控制字符" in (text_problem("a\nb") or "")  # a name is one line
    assert "过长" in (text_problem("镇" * 51, maximum=MAX_NAME_LENGTH) or "")


def test_the_refused_characters_are_exactly_unicodes_control_characters_and_surrogates() -> None:
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        category = unicodedata.category(char)
        refused_in_short = category in ("Cc", "Cs")
        refused_in_long = refused_in_short and char not in "\t\n\r"
        short, long = text_problem(f"柳河{char}镇"), text_problem(f"柳河{char}镇", multiline=True)
        assert (short is not None, long is not None) == (refused_in_short, refused_in_long), hex(code)
        if short:
            assert short.startswith("第3个字符是") and ("代理字符" in short) == (category == "Cs")


def test_typed_text_is_cleaned_not_refused() -> None:
    assert clean_typed_text("柳河\x0b镇\x07") == "柳河镇"
    assert clean_typed_text("一\n二\x0c", multiline=True) == "一\n二"
    assert clean_typed_text("镇" * 60, maximum=MAX_NAME_LENGTH) == "镇" * MAX_NAME_LENGTH


def test_numbers_and_dates_have_documented_ranges() -> None:
    assert number_problem(1e9) is None and number_problem(1e10) and number_problem(float("inf"))
    assert date_problem(dt.date(2000, 1, 1)) is None and date_problem(dt.date(2100, 12, 31)) is None
    assert date_problem(dt.date(9999, 12, 31)) and date_problem(dt.date(1999, 12, 31))


def test_the_wizard_cannot_store_what_the_county_would_refuse(checklist) -> None:
    text_item = next(i.id for i in checklist.items() if i.type.value == "text")
    with pytest.raises(AnswerError, match="控制字符"):
        check_answer(checklist, text_item, Answer("整改\x07"))
    with pytest.raises(AnswerError, match="控制字符"):
        check_answer(checklist, text_item, Answer("", note="\x0c"))
    date_items = [i.id for i in checklist.items() if i.type.value == "date"]
    for date_item in date_items:
        with pytest.raises(AnswerError, match="2000"):
            check_answer(checklist, date_item, Answer("9999-12-31"))
    with pytest.raises(IdentityError):
        Township("柳河\x0b镇", "519901101000")
    with pytest.raises(IdentityError):
        Township("柳河镇", "５１９９０１１０１０００")  # full-width digits are not a division code
    with pytest.raises(IdentityError):
        Period("9999-Q4")
    item = new_custom_item(dt.date(2026, 12, 31)).edit(measure="措施\x07\n第二行", responsible_person="李\n明")
    assert (item.measure, item.responsible_person) == ("措施\n第二行", "李明")


def test_a_plan_drafted_from_any_typed_table_text_can_be_exported(library) -> None:
    """A tab or a very long department typed in the inventory is allowed there, and must not make
    the drafted plan (whose department field is one short line) unreadable at the county."""
    import json
    from dataclasses import replace

    from jianfu.core.scoring import score_assessment
    from jianfu.exchange.assessment_file import parse_assessment_bytes, to_document
    from jianfu.exchange.demo import sample_township_assessment

    assessment, _ = sample_township_assessment(library)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    rows = [
        {"row_id": r["row_id"], "cells": {**r["cells"], "department": f"县\t农业农村局{n}" + "局" * 80}}
        for n, r in enumerate(assessment.answers["apps.inventory"].value)
    ]
    answers = {**assessment.answers, "apps.inventory": Answer(rows)}
    result = score_assessment(checklist, answers)
    from jianfu.core.plan import draft_plan

    changed = replace(assessment, answers=answers, plan=draft_plan(result, assessment.base_date))
    assert all(len(i.department) <= 200 and "\t" not in i.department for i in changed.plan)
    assert any(len(i.department) == 200 for i in changed.plan)  # several long names, cut at the limit
    raw = json.dumps(to_document(changed, result), ensure_ascii=False).encode()
    assert parse_assessment_bytes(raw, "x.jianfu", library).assessment == changed
