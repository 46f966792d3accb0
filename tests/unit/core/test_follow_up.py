"""Last period's plan in the next: deadlines due by the new plan are set afresh, and the follow-up
says each item's 完成情况 as entered and whether its deadline passed."""

from __future__ import annotations

import datetime as dt

from jianfu.core.answers import Answer
from jianfu.core.assessment import Assessment, Period, Township
from jianfu.core.checklist import Handling
from jianfu.core.follow_up import (
    NO_STATUS,
    carry_plan,
    follow_up_day,
    last_period_follow_up,
    not_previous_reason,
    status_text,
)
from jianfu.core.plan import RectificationItem, merge_plan, new_custom_item

OLD_BASE, NEW_BASE = dt.date(2026, 12, 31), dt.date(2027, 3, 31)


def item(key: str, drafted_deadline: str, **edits: object) -> RectificationItem:
    """A drafted item, with the township's ``edits`` (a deadline among them) if any."""
    drafted = RectificationItem(
        key, key, f"问题{key}", f"措施{key}", Handling.OWN, "党政综合办公室", deadline=drafted_deadline
    )
    return drafted.edit(**edits) if edits else drafted


def test_a_deadline_due_by_the_new_base_date_is_set_afresh_as_far_after_it() -> None:
    plan = [
        item("a", "2027-01-31", deadline="2027-02-15", status="已完成"),  # the township's own date, due
        item("b", "2027-06-30", deadline="2027-06-30"),  # its own date, still ahead: kept
        item("c", "2027-03-31"),  # drafted, due on the new base date itself
    ]
    custom = new_custom_item(OLD_BASE).edit(problem="自加事项", deadline="2027-01-10")
    carried = {i.key: i for i in carry_plan([*plan, custom], OLD_BASE, NEW_BASE)}
    # 46 days after the old base date → 46 days after the new one, on its month end
    assert carried["a"].deadline == "2027-05-31" and "deadline" not in carried["a"].edited
    assert carried["a"].status == "" and "status" not in carried["a"].edited  # progress is per period
    assert carried["b"].deadline == "2027-06-30" and "deadline" in carried["b"].edited
    assert carried["c"].deadline == "2027-06-30"  # 90 days on from 2027-03-31
    assert carried[custom.key].deadline == "2027-04-30" and "deadline" in carried[custom.key].edited
    assert carried[custom.key].problem == "自加事项"


def test_a_renewed_drafted_deadline_takes_its_rule_again_when_redrafted() -> None:
    carried = carry_plan([item("a", "2027-01-31", deadline="2027-02-15")], OLD_BASE, NEW_BASE)
    redrafted = merge_plan(carried, [item("a", "2027-06-30")])
    assert redrafted[0].deadline == "2027-06-30"  # the rule's deadline from the new base date


def test_a_drafted_deadline_not_yet_due_stays_when_the_next_plan_is_redrafted() -> None:
    """Last period's open measure keeps its date: redrafting from the new period's end would move it
    a quarter on every period, so that it never came due."""
    carried = carry_plan([item("a", "2027-06-30")], OLD_BASE, NEW_BASE)
    assert "deadline" in carried[0].edited
    redrafted = merge_plan(carried, [item("a", "2027-09-30")])  # the rule's days from 2027-03-31
    assert redrafted[0].deadline == "2027-06-30"


def test_a_deadline_before_the_old_base_date_gets_ninety_days() -> None:
    carried = carry_plan([item("a", "2026-12-01", deadline="2026-12-01")], OLD_BASE, NEW_BASE)
    assert carried[0].deadline == "2027-06-30"


def last_period(plan: list[RectificationItem]) -> Assessment:
    township = Township("柳河镇", "519901101000", "云溪县")
    return Assessment(township, Period("2026-Q4"), "township-selfcheck", 2, OLD_BASE, {}, plan)


def test_follow_up_lists_last_periods_accepted_items_with_their_status_as_entered() -> None:
    plan = [
        item("a", "2027-01-31", status="已完成，注销2个APP"),
        item("b", "2027-01-31"),
        item("c", "2027-06-30"),
        item("d", "2027-01-31", rejected=True),  # never part of last period's plan
        new_custom_item(OLD_BASE),  # an empty added row
    ]
    follow_up = last_period_follow_up(last_period(plan), dt.date(2027, 2, 1))
    assert follow_up.period_label == "2026年第四季度"
    assert [i.key for i in follow_up.items] == ["a", "b", "c"]
    assert [status_text(i) for i in follow_up.items] == ["已完成，注销2个APP", NO_STATUS, NO_STATUS]
    assert [follow_up.deadline_passed(i) for i in follow_up.items] == [True, True, False]
    assert follow_up.counts() == (1, 2, 1)  # entered; not entered; not entered and past the deadline
    this_plan = [item("a", "2027-06-30"), item("c", "2027-06-30", rejected=True), item("e", "2027-06-30")]
    assert [i.key for i in follow_up.not_listed(this_plan)] == ["b", "c"]
    assert follow_up.of("a") is not None and follow_up.of("e") is None
    # the deadline's own day is still in time
    assert not last_period_follow_up(last_period(plan), dt.date(2027, 1, 31)).deadline_passed(follow_up.items[0])


def test_the_follow_up_day_is_the_plans_fill_date_when_given() -> None:
    assessment = last_period([])
    assert follow_up_day(assessment, dt.date(2027, 4, 2)) == dt.date(2027, 4, 2)
    assessment.answers["profile.fill_date"] = Answer("2027-03-28")
    assert follow_up_day(assessment, dt.date(2027, 4, 2)) == dt.date(2027, 3, 28)


def test_only_the_same_townships_period_just_before_is_last_period() -> None:
    def of(name: str, code: str, period: str) -> Assessment:
        return Assessment(Township(name, code), Period(period), "township-selfcheck", 3, OLD_BASE)

    current = of("柳河镇", "519901101000", "2026-Q4")
    assert not_previous_reason(current, of("柳河镇（更名前）", "519901101000", "2026-Q3")) is None  # by code
    assert not_previous_reason(of("柳河镇", "519901101000", "2027-H1"), of("柳河镇", "519901101000", "2026-H2")) is None
    assert "不是柳河镇（区划代码519901101000）的" in str(
        not_previous_reason(current, of("城关街道", "519901001000", "2026-Q3"))
    )
    assert "同一评估期" in str(not_previous_reason(current, current))
    assert "晚于本期" in str(not_previous_reason(current, of("柳河镇", "519901101000", "2027-Q1")))
    two_back = not_previous_reason(current, of("柳河镇", "519901101000", "2026-Q2"))
    assert two_back == "它的评估期是2026年第二季度，不是本期（2026年第四季度）的上一期2026年第三季度"
