from __future__ import annotations

import math
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.strategies import answers_for, row_for
from jianfu.core.answers import Answer
from jianfu.core.scoring import score_assessment


@pytest.fixture(scope="module")
def checklist(library):
    """Version 1: these tests are about v1 items, still scored for old assessments."""
    return library.get("township-selfcheck", 1)


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_no_answers_no_burden_and_no_level(checklist) -> None:
    result = score_assessment(checklist, {})
    assert result.overall == 0 and result.fingertip_hours_per_cadre_month == 0
    assert all(m.level == "incomplete" and not m.contributions for m in result.manifestations.values())
    assert (result.overall_level, result.overall_level_label) == ("incomplete", "未完成")


def test_contributions_explain_the_score(checklist) -> None:
    answers = {
        "traces.photo_checkin": Answer(True),
        "traces.photo_checkins_per_day": Answer(4),
        "apps.dispatch_used": Answer(True),
        "apps.dispatch_no_override": Answer(True),
    }
    result = score_assessment(checklist, answers)
    trace = result.manifestations["trace_alienation"]
    assert {c.rule_id for c in trace.contributions} == {"traces_photo_checkin", "traces_checkins_per_day"}
    assert math.isclose(sum(c.points for c in trace.contributions), trace.score, abs_tol=0.06)
    algorithm = result.manifestations["algorithm_centrism"]
    assert [c.item_ids for c in algorithm.contributions] == [("apps.dispatch_no_override",)]
    total_weight = sum(r.weights.get("algorithm_centrism", 0) for r in checklist.rules)
    assert math.isclose(algorithm.score, round(100 * 14 / total_weight, 1))


def test_hidden_and_not_applicable_answers_do_not_count(checklist) -> None:
    hidden = {"apps.dispatch_used": Answer(False), "apps.dispatch_no_override": Answer(True)}
    assert score_assessment(checklist, hidden).manifestations["algorithm_centrism"].score == 0
    not_applicable = {"traces.photo_checkin": Answer(True, not_applicable=True)}
    assert score_assessment(checklist, not_applicable).manifestations["trace_alienation"].score == 0


def test_fingertip_hours_by_hand(checklist) -> None:
    answers = {
        "profile.cadre_count": Answer(20),
        "apps.inventory": Answer(
            [
                {"row_id": "r1", "cells": {"name": "A", "minutes_per_day": 20}},
                {"row_id": "r2", "cells": {"name": "B", "minutes_per_day": 10}},
            ]
        ),
        "filing.tasks": Answer(
            [
                {"row_id": "t1", "cells": {"name": "月报", "frequency": "weekly", "minutes_each": 60}},
            ]
        ),
        "traces.minutes_per_day": Answer(15),
        "meetings.per_month": Answer(10),
        "meetings.average_hours": Answer(2),
        "meetings.attendees": Answer(5),
        "meetings.inspections_per_year": Answer(12),
        "meetings.inspection_prep_days": Answer(3),
    }
    result = score_assessment(checklist, answers)
    expected = {
        "apps": 30 * 21.75 / 60,
        "filing": 4.33 * 60 / 60 / 20,
        "traces": 15 * 21.75 / 60,
        "meetings": 10 * 2 * 5 / 20,
        "inspections": 12 * 3 * 8 / 12 / 20,
    }
    for term, hours in expected.items():
        assert math.isclose(result.fingertip_breakdown[term], round(hours, 1), abs_tol=0.051), term
    assert math.isclose(result.fingertip_hours_per_cadre_month, sum(expected.values()), abs_tol=0.3)


def test_stale_platform_references_do_not_count(checklist) -> None:
    inventory = [{"row_id": "r1", "cells": {"name": "A"}}]
    task = {"row_id": "t1", "cells": {"name": "T", "platforms": ["r1", "gone", "also-gone"]}}
    answers = {"apps.inventory": Answer(inventory), "filing.tasks": Answer([task])}
    hits = {h.rule.id for h in score_assessment(checklist, answers).hits}
    assert "filing_multi_platform_tasks" not in hits


@SETTINGS
@given(data=st.data())
def test_scores_are_bounded(checklist, data) -> None:
    result = score_assessment(checklist, data.draw(answers_for(checklist)))
    for m in result.manifestations.values():
        assert 0 <= m.score <= 100
        assert m.level in (checklist.level_for(m.score).id, "incomplete")
        assert (m.level == "incomplete") == (not result.complete)
        assert all(c.points > 0 for c in m.contributions)
    assert 0 <= result.overall <= 100
    assert result.fingertip_hours_per_cadre_month >= 0


def _burden_mutations(checklist, answers, rng: random.Random, data) -> dict[str, Answer]:
    """Answers with one more burden: a table row added, a number raised, a burdened yes/no."""
    mutated = dict(answers)
    rule = rng.choice(checklist.rules)
    signal = rule.signal
    if signal.kind in ("count_rows", "sum_rows"):
        item = checklist.item(signal.ref)
        rows = list((mutated.get(item.id) or Answer([])).effective() or [])
        new_row = data.draw(row_for(item))
        if new_row["row_id"] not in {r["row_id"] for r in rows}:
            mutated[item.id] = Answer([*rows, new_row])
    elif signal.kind == "value":
        item = checklist.item(signal.ref)
        current = (mutated.get(item.id) or Answer()).effective() or 0
        raised = min(item.maximum or 1e9, current + data.draw(st.integers(1, 50)))
        mutated[item.id] = Answer(raised)
    elif signal.kind == "choice":
        item = checklist.item(signal.ref)
        current = item.choice((mutated.get(item.id) or Answer()).effective())
        higher = [c for c in item.choices if c.numeric >= (current.numeric if current else 0)]
        mutated[item.id] = Answer(rng.choice(higher).value)
    else:
        condition = signal.condition
        leaves = [condition] if condition.op == "equals" else list(condition.children)
        leaf = rng.choice(leaves)
        mutated[leaf.ref] = Answer(leaf.operand)
    return mutated


@SETTINGS
@given(data=st.data(), seed=st.integers(0, 2**32))
def test_adding_a_burden_never_lowers_a_score(checklist, data, seed: int) -> None:
    answers = data.draw(answers_for(checklist))
    before = score_assessment(checklist, answers)
    after = score_assessment(checklist, _burden_mutations(checklist, answers, random.Random(seed), data))
    for manifestation, score in before.manifestations.items():
        assert after.manifestations[manifestation].score >= score.score, manifestation
    assert after.overall >= before.overall
