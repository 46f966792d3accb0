from __future__ import annotations

import datetime as dt
import itertools
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jianfu.core.answers import Answer
from jianfu.core.assessment import Period, Township
from jianfu.core.errors import AnswerError, JianfuError
from jianfu.storage.assessments import AssessmentStore


@pytest.fixture(scope="module")
def checklist(library):
    """Version 1: these tests are about v1 items, still scored for old assessments."""
    return library.get("township-selfcheck", 1)


TOWNSHIP = Township("柳河镇", "519901101000", "云溪县")


@pytest.fixture
def assessment_id(store: AssessmentStore, checklist) -> int:
    return store.create_assessment(TOWNSHIP, Period("2026-Q4"), checklist, dt.date(2026, 12, 31))


def test_answers_round_trip(store, checklist, assessment_id: int) -> None:
    store.save_answer(assessment_id, checklist, "profile.cadre_count", Answer(40))
    store.save_answer(assessment_id, checklist, "traces.likes_reposts", Answer("weekly", note="多为县级公众号"))
    store.save_answer(assessment_id, checklist, "meetings.per_month", Answer(None, not_applicable=True))
    store.save_table_row(assessment_id, checklist, "apps.inventory", "r1", {"name": "网格通", "checkin": True}, 0)
    store.save_table_row(assessment_id, checklist, "apps.inventory", "r2", {"name": "巡查APP"}, 1)
    store.save_table_row(assessment_id, checklist, "apps.inventory", "r1", {"name": "网格通（新版）"}, 0)
    store.delete_table_row(assessment_id, "apps.inventory", "r2")
    answers = store.load(assessment_id).answers
    assert answers["profile.cadre_count"] == Answer(40)
    assert answers["traces.likes_reposts"] == Answer("weekly", note="多为县级公众号")
    assert answers["meetings.per_month"] == Answer(None, not_applicable=True)
    assert answers["apps.inventory"].value == [{"row_id": "r1", "cells": {"name": "网格通（新版）"}}]


def test_a_table_answer_without_rows_never_deletes_the_stored_rows(store, checklist, assessment_id: int) -> None:
    store.save_table_row(assessment_id, checklist, "apps.inventory", "r1", {"name": "网格通"}, 0)
    store.save_answer(assessment_id, checklist, "apps.inventory", Answer(None, not_applicable=True))
    answer = store.load(assessment_id).answers["apps.inventory"]
    assert answer.not_applicable and answer.value == [{"row_id": "r1", "cells": {"name": "网格通"}}]
    store.save_answer(assessment_id, checklist, "apps.inventory", Answer([]))  # explicitly emptied
    assert store.load(assessment_id).answers["apps.inventory"].value == []


def test_an_invalid_answer_changes_nothing(store, checklist, assessment_id: int) -> None:
    store.save_answer(assessment_id, checklist, "profile.cadre_count", Answer(40))
    before = store.load(assessment_id)
    with pytest.raises(AnswerError):
        store.save_answer(assessment_id, checklist, "profile.cadre_count", Answer(-3))
    with pytest.raises(AnswerError):
        store.save_table_row(assessment_id, checklist, "apps.inventory", "r1", {"checkin": "maybe"}, 0)
    after = store.load(assessment_id)
    assert after.answers == before.answers and after.updated_at == before.updated_at


def test_one_assessment_per_township_and_period(store, checklist, assessment_id: int) -> None:
    with pytest.raises(JianfuError, match="已有"):
        store.create_assessment(TOWNSHIP, Period("2026-Q4"), checklist)
    other = store.create_assessment(TOWNSHIP, Period("2027-Q1"), checklist)
    assert other != assessment_id
    assert [s.period.code for s in store.summaries()] == ["2027-Q1", "2026-Q4"]


SAVER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from jianfu.core.assessment import Period, Township
    from jianfu.core.library import ChecklistLibrary
    from jianfu.paths import resources_dir
    from jianfu.storage.assessments import AssessmentStore
    from jianfu.storage.database import open_database

    checklist = ChecklistLibrary(resources_dir() / "checklists").latest()
    store = AssessmentStore(open_database(Path(sys.argv[1])))
    aid = store.create_assessment(Township("柳河镇", "519901101000"), Period("2026-Q4"), checklist)
    n = 0
    while True:
        store.save_table_row(aid, checklist, "apps.inventory", f"r{n}", {"name": f"应用{n}"}, n)
        print(n, flush=True)
        n += 1
""")


def test_killed_while_saving_loses_at_most_the_edit_in_flight(tmp_path: Path) -> None:
    path = tmp_path / "killed.sqlite3"
    with subprocess.Popen([sys.executable, "-c", SAVER, str(path)], stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        last = -1
        for line in process.stdout:
            last = int(line)
            if last >= 150:
                break
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        # the saver may have confirmed more while this process was descheduled: read them all,
        # so the bound below is exact however loaded the machine is
        for line in process.stdout:
            if line.strip():
                last = int(line)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {r[0] for r in conn.execute("SELECT row_id FROM table_rows")}
    finally:
        conn.close()
    assert {f"r{n}" for n in range(last + 1)} <= stored
    assert len(stored) <= last + 2  # what was confirmed, plus the one edit in flight when killed


_CODES = itertools.count()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_whatever_is_stored_reads_back_identical(store, checklist, data) -> None:
    """Answers of every type, and a drafted plan with edits, survive storage unchanged."""
    from helpers.strategies import answers_for
    from jianfu.core.assessment import Assessment
    from jianfu.core.plan import draft_plan, new_custom_item
    from jianfu.core.scoring import score_assessment

    answers = data.draw(answers_for(checklist))
    base = dt.date(2026, 12, 31)
    plan = draft_plan(score_assessment(checklist, answers), base)
    person = data.draw(st.text(max_size=20))
    plan = [item.edit(responsible_person=person) for item in plan]
    plan.append(new_custom_item(base).edit(problem=data.draw(st.text(max_size=50)), measure="<b>&"))
    code = f"5199{next(_CODES):08d}"  # one store serves every example: a new township each time
    assessment = Assessment(
        Township("镇", code),
        Period("2026-Q4"),
        checklist.id,
        checklist.version,
        base,
        answers,
        plan,
        "2026-12-31T10:00:00",
    )
    new_id = store.save_assessment(assessment, checklist)
    stored = store.load(new_id)
    assert stored.answers == {k: v for k, v in answers.items()}
    assert stored.plan == plan
    assert (stored.township, stored.period, stored.base_date) == (assessment.township, assessment.period, base)


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE answers SET value = '{not json' WHERE item_id = 'meetings.per_month'",
        "UPDATE table_rows SET cells = 'x' WHERE item_id = 'apps.inventory'",
        "UPDATE assessments SET base_date = '2026-13-45'",
    ],
)
def test_a_stored_value_damaged_on_disk_is_named_not_a_crash(store, checklist, assessment_id: int, damage) -> None:
    """A flipped bit inside a value passes SQLite's own checks (quick_check at start): reading it
    names the damage and what to do, instead of a Python error."""
    store.save_answer(assessment_id, checklist, "meetings.per_month", Answer(12))
    store.save_table_row(assessment_id, checklist, "apps.inventory", "r1", {"name": "网格通"}, 0)
    store.conn.execute(damage)
    for read in (store.load, store.answers) if "answers" in damage or "rows" in damage else (store.load,):
        with pytest.raises(JianfuError) as raised:
            read(assessment_id)
        message = str(raised.value)
        assert "已损坏" in message and "备份" in message and str(store.db.path) in message
