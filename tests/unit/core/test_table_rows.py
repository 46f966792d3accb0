"""A table counts as answered only when each row has its name and the cells scoring reads:
an empty row, or rows with their hours left blank, must not buy a lighter level (QA, session 4:
one empty row took a finished township's fingertip hours from 34 to 14, level kept)."""

from __future__ import annotations

from dataclasses import replace

from jianfu.core.answers import Answer, completion
from jianfu.core.completeness import completeness
from jianfu.core.library import ChecklistLibrary
from jianfu.core.scoring import score_assessment
from jianfu.core.table_rows import required_columns
from jianfu.exchange.demo import sample_assessments


def _heaviest(library: ChecklistLibrary):
    assessment = next(
        a for a, _ in sample_assessments(library) if a.township.name == "高坪镇" and a.period.code == "2026-Q4"
    )
    return library.get(assessment.checklist_id, assessment.checklist_version), dict(assessment.answers)


def test_required_columns_are_the_name_and_what_scoring_reads(library: ChecklistLibrary) -> None:
    checklist = library.latest()
    inventory = [c.id for c in required_columns(checklist, checklist.item("apps.inventory"))]
    tasks = [c.id for c in required_columns(checklist, checklist.item("filing.tasks"))]
    assert inventory == ["name", "usage", "minutes_per_day"]  # yes/no columns are check boxes
    assert tasks == ["name", "frequency", "minutes_each"]  # platforms may truly be none


def test_one_empty_row_answers_nothing(library: ChecklistLibrary) -> None:
    checklist, answers = _heaviest(library)
    honest = score_assessment(checklist, answers)
    assert honest.completeness.complete
    empty = Answer([{"row_id": "r000000000001", "cells": {}}])
    gamed = dict(answers, **{"apps.inventory": empty, "filing.tasks": empty})
    done = completeness(checklist, gamed)
    assert not done.complete
    assert {"apps.inventory", "filing.tasks"} <= set(done.missing_items)
    reasons = "；".join(done.incomplete_reasons())
    assert "政务应用、平台与工作群清单第1行缺少：名称、实际使用频率、使用者当天人均用时" in reasons
    result = score_assessment(checklist, gamed)
    assert all(m.level == "incomplete" for m in result.manifestations.values())
    # and the page's progress does not count the table either
    answered, _ = completion(checklist, gamed, checklist.item("apps.inventory").section_id)
    honest_answered, _ = completion(checklist, answers, checklist.item("apps.inventory").section_id)
    assert answered == honest_answered - 1


def test_hours_left_blank_withhold_the_level_until_filled(library: ChecklistLibrary) -> None:
    checklist, answers = _heaviest(library)
    rows = answers["apps.inventory"].value
    first = rows[0]
    blanked = [{**first, "cells": {k: v for k, v in first["cells"].items() if k != "minutes_per_day"}}, *rows[1:]]
    done = completeness(
        checklist, dict(answers, **{"apps.inventory": replace(answers["apps.inventory"], value=blanked)})
    )
    assert not done.complete
    assert done.unfinished_rows == (
        f"政务应用、平台与工作群清单第1行（{first['cells']['name']}）缺少：使用者当天人均用时",
    )
    refilled = [{**first, "cells": {**first["cells"], "minutes_per_day": 0}}, *rows[1:]]  # 0 is an answer
    fixed = dict(answers, **{"apps.inventory": replace(answers["apps.inventory"], value=refilled)})
    assert completeness(checklist, fixed).complete
