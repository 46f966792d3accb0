"""The township service: creating, next period, the sample apart, recycle list, renaming, rescoring."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace

import pytest

from jianfu.core.answers import Answer
from jianfu.core.assessment import Period, Township
from jianfu.core.plan import new_custom_item
from jianfu.services.township import (
    AssessmentService,
    PeriodExistsError,
    SaveError,
    TownshipConflictError,
)

TOWNSHIP = Township("柳河镇", "519901101000", "云溪县")
OTHER = Township("石桥镇", "519901102000", "云溪县")


@pytest.fixture
def service(store, library) -> AssessmentService:
    return AssessmentService(store, library)


@pytest.fixture
def assessment_id(service: AssessmentService) -> int:
    return service.create(TOWNSHIP, Period("2026-Q4"))


def test_rescore_stores_scores_and_keeps_plan_edits(service, store, assessment_id: int) -> None:
    opened = service.load(assessment_id)
    service.save_answer(opened, "traces.photo_checkin", Answer(True))
    service.save_answer(opened, "apps.group_practices", Answer(["checkin_chain"]))
    result, plan = service.rescore(opened)
    assert store.stored_scores(assessment_id)["trace_alienation"] == (
        result.manifestations["trace_alienation"].score,
        result.manifestations["trace_alienation"].level,
    )
    item = next(i for i in plan if i.key == "fix:stop_traces:escalate")
    service.save_plan_item(opened, item.edit(responsible_person="李明", deadline="2027-03-01"))
    service.save_answer(opened, "meetings.per_month", Answer(30))
    _, replanned = service.rescore(opened)
    kept = next(i for i in replanned if i.key == "fix:stop_traces:escalate")
    assert (kept.responsible_person, kept.deadline) == ("李明", "2027-03-01")
    assert any(i.key == "fix:meetings:escalate" for i in replanned)
    assert store.load(assessment_id).plan == replanned


def test_wrong_checklist_version_is_refused(service, assessment_id: int) -> None:
    opened = service.load(assessment_id)
    with pytest.raises(ValueError):
        service.rescore(replace(opened, checklist=replace(opened.checklist, version=99)))


def test_next_period_is_prefilled_and_asks_for_confirmation(service, store, assessment_id: int) -> None:
    opened = service.load(assessment_id)
    service.save_answer(opened, "profile.cadre_count", Answer(40))
    service.save_row(opened, "apps.inventory", "r1", {"name": "网格通"}, 0)
    service.save_answer(opened, "traces.photo_checkin", Answer(True))
    _, plan = service.rescore(opened)
    service.save_plan_item(opened, plan[0].edit(status="已完成", responsible_person="李明"))
    new_id = service.next_period(assessment_id)
    new = service.load(new_id)
    assert new.assessment.period == Period("2027-Q1")
    carried = next(i for i in new.assessment.plan if i.key == plan[0].key)
    assert (carried.responsible_person, carried.status) == ("李明", "")  # progress is per period
    answers = new.assessment.answers
    assert answers["profile.cadre_count"].value == 40
    assert answers["apps.inventory"].value == [{"row_id": "r1", "cells": {"name": "网格通"}}]
    assert "profile.fill_date" not in answers  # v2 asks no fill date: the period end is used
    assert new.unconfirmed == {"profile.cadre_count", "apps.inventory", "traces.photo_checkin"}
    service.save_answer(new, "profile.cadre_count", Answer(41))
    service.confirm(new, ["apps.inventory", "traces.photo_checkin"])
    assert store.unconfirmed(new_id) == set()
    assert store.load(assessment_id).answers["profile.cadre_count"].value == 40  # the old one is untouched
    changes = service.changes_since_previous(service.load(new_id))
    assert [(c.item_id, c.before, c.after) for c in changes or []] == [("profile.cadre_count", "40人", "41人")]


@pytest.mark.parametrize(
    ("period", "following"),
    [("2026-Q1", "2026-Q2"), ("2026-Q4", "2027-Q1"), ("2026-H1", "2026-H2"), ("2026-H2", "2027-H1"), ("2026", "2027")],
)
def test_next_period_keeps_the_period_length(service, period: str, following: str) -> None:
    first = service.create(TOWNSHIP, Period(period))
    assert service.load(service.next_period(first)).assessment.period == Period(following)


def test_next_period_that_exists_says_so_in_chinese(service, assessment_id: int) -> None:
    assert service.following_period(assessment_id) == Period("2027-Q1")  # asked before it is started
    service.next_period(assessment_id)
    with pytest.raises(PeriodExistsError, match="柳河镇已有2027年第一季度的自查"):
        service.next_period(assessment_id)
    with pytest.raises(PeriodExistsError, match="柳河镇已有2027年第一季度的自查"):
        service.following_period(assessment_id)  # the window says so before asking anything else


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        ("2027-Q1", dt.date(2027, 1, 1), dt.date(2027, 3, 31)),
        ("2026-Q4", dt.date(2026, 10, 1), dt.date(2026, 12, 31)),
        ("2028-Q1", dt.date(2028, 1, 1), dt.date(2028, 3, 31)),
        ("2026-H2", dt.date(2026, 7, 1), dt.date(2026, 12, 31)),
        ("2026", dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
    ],
)
def test_a_period_knows_its_first_and_last_day(period: str, start: dt.date, end: dt.date) -> None:
    assert (Period(period).start, Period(period).end) == (start, end)


def test_sample_lives_apart(service) -> None:
    own = service.create(OTHER, Period("2026-Q3"))
    sample = service.open_sample()
    assert service.open_sample() == sample  # opened again, not copied
    assert [listing.id for listing in service.my_assessments()] == [own]
    assert service.own_township() == OTHER  # a new assessment is never prefilled from the sample
    assert service.load(sample).sample
    assert service.summary(sample).updated_at[:10] <= dt.date.today().isoformat()  # no date to come


def test_only_the_sample_means_nothing_to_prefill(service) -> None:
    service.open_sample()
    assert service.my_assessments() == [] and service.own_township() is None


def test_deleted_assessments_go_to_the_recycle_list_and_come_back(service, assessment_id: int) -> None:
    service.delete(assessment_id)
    assert service.my_assessments() == []
    assert [s.id for s in service.recycle_list()] == [assessment_id]
    with pytest.raises(PeriodExistsError, match="回收站"):
        service.create(TOWNSHIP, Period("2026-Q4"))
    service.restore(assessment_id)
    assert [listing.id for listing in service.my_assessments()] == [assessment_id]
    assert service.recycle_list() == []


def test_another_name_for_a_known_code_never_renames_silently(service, store, assessment_id: int) -> None:
    with pytest.raises(TownshipConflictError, match="更正乡镇名称或代码"):
        service.create(Township("柳河乡", TOWNSHIP.division_code, "云溪县"), Period("2027-Q1"))
    assert store.load(assessment_id).township == TOWNSHIP


def test_correcting_a_township_applies_to_all_its_assessments(service, store, assessment_id: int) -> None:
    second = service.next_period(assessment_id)
    corrected = Township("柳河镇", "519901101001", "云溪县")
    assert service.correct_township(TOWNSHIP.division_code, corrected) == 2
    assert {store.load(i).township for i in (assessment_id, second)} == {corrected}
    service.create(OTHER, Period("2026-Q4"))
    with pytest.raises(TownshipConflictError, match="已属于"):
        service.correct_township(corrected.division_code, replace(corrected, division_code=OTHER.division_code))


def test_a_failed_confirmation_raises_a_chinese_message(service, store, assessment_id: int, monkeypatch) -> None:
    new = service.load(service.next_period(assessment_id))

    def full_disk(*_args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "confirm_answers", full_disk)
    with pytest.raises(SaveError, match="没有保存"):
        service.confirm(new, list(new.unconfirmed))


def test_next_period_after_the_upgrade_carries_v1_answers_to_the_latest(service, store, library) -> None:
    v1 = library.get("township-selfcheck", 1)
    old = store.create_assessment(TOWNSHIP, Period("2026-Q3"), v1, Period("2026-Q3").end)
    store.save_answer(old, v1, "profile.cadre_count", Answer(40))
    store.save_answer(old, v1, "meetings.per_month", Answer(20, note="含视频会"))
    store.save_answer(old, v1, "apps.group_checkin_chain", Answer("daily"))
    store.save_answer(old, v1, "apps.group_same_work", Answer(False))
    store.save_table_row(old, v1, "apps.inventory", "r1", {"name": "网格通", "ranking": True}, 0)
    stored = store.load(service.next_period(old))
    assert (stored.period, stored.checklist_version) == (Period("2026-Q4"), library.latest().version)
    answers = stored.answers
    assert answers["profile.cadre_count"].value == 40
    assert answers["meetings.per_month"] == Answer(20, note="含视频会", carried_unconfirmed=True)  # same id
    assert answers["apps.group_practices"].value == ["checkin_chain"]  # into a multi-select
    assert answers["apps.inventory"].value == [{"row_id": "r1", "cells": {"name": "网格通", "checkin": True}}]


def test_the_next_period_shows_what_became_of_last_periods_plan(service, assessment_id: int) -> None:
    """Each item's 完成情况 is read from last period's plan as it stands (still being filled in),
    and a deadline due by the new plan is set afresh: the old one stays last period's."""
    opened = service.load(assessment_id)
    service.save_answer(opened, "traces.photo_checkin", Answer(True))
    _, plan = service.rescore(opened)
    first = plan[0].edit(status="已完成", deadline="2027-01-15")
    second = new_custom_item(opened.assessment.base_date).edit(problem="自加：清理工作群")
    service.save_plan_item(opened, first)
    service.save_plan_item(opened, second)
    new = service.load(service.next_period(assessment_id))
    carried = next(i for i in new.assessment.plan if i.key == first.key)
    assert carried.deadline == "2027-04-30" and carried.status == ""  # 15 days after 2027-03-31, a month end
    follow_up = service.follow_up(new, dt.date(2027, 2, 1))
    assert follow_up is not None and follow_up.period_label == "2026年第四季度"
    last = follow_up.of(first.key)
    assert last is not None and (last.status, last.deadline) == ("已完成", "2027-01-15")
    assert follow_up.deadline_passed(last)
    service.save_plan_item(opened, second.edit(status="已报县委办"))  # filled in after the new period began
    again = service.follow_up(new, dt.date(2027, 2, 1))
    assert again is not None and again.of(second.key).status == "已报县委办"
    assert service.follow_up(opened) is None  # nothing before 2026-Q4 here


def test_open_measures_keep_their_deadlines_period_after_period(service, assessment_id: int) -> None:
    """A drafted deadline not yet due when the next period starts is still the township's
    commitment after the next plan is redrafted from its answers (it used to move a quarter on)."""
    opened = service.load(assessment_id)
    service.save_answer(opened, "traces.photo_checkin", Answer(True))
    service.save_answer(opened, "apps.official_accounts_followed", Answer(20))  # a 120-day measure
    _, plan = service.rescore(opened)
    new_base = dt.date(2027, 3, 31)
    open_items = {i.key: i.deadline for i in plan if dt.date.fromisoformat(i.deadline) > new_base}
    assert open_items
    new = service.load(service.next_period(assessment_id))
    _, replanned = service.rescore(new)
    kept = {i.key: i.deadline for i in replanned if i.key in open_items}
    assert kept == open_items
    assert {i.key: i.deadline for i in service.load(new.id).assessment.plan if i.key in open_items} == (open_items)


def test_next_period_carries_a_v2_no_dispatch_as_a_count_of_0_to_confirm(service, store, library) -> None:
    """v3 asks the monthly dispatch count always; last period's v2 "否" (count never asked) comes
    over as 0 with where it came from, to be confirmed like every carried answer; a stale count
    hidden behind that 否 does not."""
    v2 = library.get("township-selfcheck", 2)
    old = store.create_assessment(TOWNSHIP, Period("2026-Q3"), v2, Period("2026-Q3").end)
    store.save_answer(old, v2, "apps.dispatch_used", Answer(True))
    store.save_answer(old, v2, "apps.dispatch_per_month", Answer(150))
    store.save_answer(old, v2, "apps.dispatch_used", Answer(False))  # then no platform after all
    stored = store.load(service.next_period(old))
    assert stored.checklist_version == library.latest().version
    count = stored.answers["apps.dispatch_per_month"]
    assert (count.value, count.carried_unconfirmed) == (0, True) and "第2版" in count.note
    assert stored.answers["apps.dispatch_used"] == Answer(False, carried_unconfirmed=True)


def test_next_period_carries_v3_answers_to_v4_to_confirm(service, store, library) -> None:
    """From v3 the next period is on v4: inventory rows come over without users (all cadres, as v3
    counted them), and a v3 "no photo check-in" beside proxy check-in as v4's "yes", noted, all to
    be confirmed."""
    v3 = library.get("township-selfcheck", 3)
    old = store.create_assessment(TOWNSHIP, Period("2026-Q3"), v3, Period("2026-Q3").end)
    row = {"row_id": "r000000000001", "cells": {"name": "网格通", "usage": "daily", "minutes_per_day": 28}}
    store.save_answer(old, v3, "apps.inventory", Answer([row]))
    store.save_answer(old, v3, "traces.photo_checkin", Answer(False))
    store.save_answer(old, v3, "traces.practices", Answer(["proxy_checkin"]))
    stored = store.load(service.next_period(old))
    assert stored.checklist_version == 4
    inventory = stored.answers["apps.inventory"]
    assert inventory.value == [row] and inventory.carried_unconfirmed
    checkin = stored.answers["traces.photo_checkin"]
    assert (checkin.value, checkin.carried_unconfirmed) == (True, True) and "第3版" in checkin.note


def test_export_refuses_what_the_county_would_refuse(service, store, assessment_id: int, tmp_path) -> None:
    """A deadline stored by an older version or a bug (2207) is not written and signed: the export
    runs the import's own checks first and names the item; no file, no signing number used."""
    from jianfu.exchange.assessment_file import ExportRefusedError, read_assessment_file
    from jianfu.paths import data_dir

    opened = service.load(assessment_id)
    service.save_answer(opened, "traces.photo_checkin", Answer(True))
    service.rescore(opened)
    good = tmp_path / "good.jianfu"
    service.export(service.load(assessment_id), good)
    assert read_assessment_file(good, service.library).signature is not None
    sequence = (data_dir() / "signing-sequence.txt").read_text()
    store.db.conn.execute("UPDATE plan_items SET deadline = '2207-03-31' WHERE assessment_id = ?", (assessment_id,))
    store.db.conn.commit()
    target = tmp_path / "bad.jianfu"
    with pytest.raises(ExportRefusedError) as refused:
        service.export(service.load(assessment_id), target)
    message = str(refused.value)
    assert "整改事项第 1 项的完成时限" in message and "2207" in message
    assert "整改方案页改正" in message and "没有写出文件" in message
    assert not target.exists() and not list(tmp_path.glob("bad.jianfu*"))
    assert (data_dir() / "signing-sequence.txt").read_text() == sequence
