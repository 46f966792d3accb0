"""How long a first assessment takes: a scripted walk over the median sample township.

Not a stopwatch: every input the cadre meets on screen is counted and given a declared reading-
and-answering time (below), the same for v1 and v2. The estimate is a budget check: v2 must fit
in 30 minutes where v1 did not.
"""

from __future__ import annotations

from jianfu.core.answers import is_visible, table_rows
from jianfu.core.checklist import Checklist, FieldType
from jianfu.core.library import ChecklistLibrary
from jianfu.exchange.demo import sample_assessments

SECONDS = {
    FieldType.YES_NO: 12,
    FieldType.NUMBER: 25,  # often looked up or estimated
    FieldType.SINGLE_CHOICE: 15,
    FieldType.TEXT: 20,
    FieldType.DATE: 10,
}
SECONDS_PER_CHOICE_READ = 4  # a multi-select: read every choice, tick some
SECONDS_PER_CELL = 6  # a table cell (typed, ticked or picked; catalogue rows are ticked, not typed)


def walk_seconds(checklist: Checklist, answers: dict) -> tuple[int, float]:
    """(inputs on screen besides table rows, estimated seconds) for one first assessment."""
    inputs, seconds = 0, 0.0
    for item in checklist.items():
        if not is_visible(item, answers):
            continue
        inputs += 1
        if item.type is FieldType.TABLE:
            rows = table_rows(answers[item.id].value) if item.id in answers else []
            seconds += len(rows) * len(item.columns) * SECONDS_PER_CELL
        elif item.type is FieldType.MULTI_CHOICE:
            seconds += 10 + len(item.choices) * SECONDS_PER_CHOICE_READ
        else:
            seconds += SECONDS[item.type]
    return inputs, seconds


def test_a_first_v2_assessment_fits_in_30_minutes(library: ChecklistLibrary) -> None:
    latest = sorted(
        ((a, r) for a, r in sample_assessments(library) if a.period.code == "2026-Q4"), key=lambda p: p[1].overall
    )
    median, _ = latest[len(latest) // 2]
    v2 = library.get("township-selfcheck", 2)
    inputs, seconds = walk_seconds(v2, median.answers)
    assert inputs <= 45
    assert seconds / 60 <= 30, seconds / 60
