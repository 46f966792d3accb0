"""What became of last period's plan (上期整改事项完成情况, the 对账销号 of a plan).

The next period's plan carries last period's items over (``carry_plan``); this says, for each of
last period's accepted items, the 完成情况 the township entered there and whether its deadline has
passed, so that a re-listed item reports its follow-up instead of silently appearing again. Items
are matched by their plan key; last period's plan is read where it is kept (the township may still
be filling in its 完成情况), never copied into this period's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from jianfu.core.assessment import Assessment
from jianfu.core.plan import RectificationItem, month_end

NO_STATUS = "未填写完成情况"
RENEWED_DEADLINE_DAYS = 90  # a renewed deadline whose old one did not lie after its base date


@dataclass(frozen=True)
class FollowUp:
    """Last period's accepted plan items, as of one day (the plan's 填报日期, else today)."""

    period_label: str
    items: tuple[RectificationItem, ...]
    as_of: dt.date

    def of(self, key: str) -> RectificationItem | None:
        return next((item for item in self.items if item.key == key), None)

    def deadline_passed(self, item: RectificationItem) -> bool:
        """The deadline's day is still in time; a deadline that is no date never "passed"."""
        try:
            return dt.date.fromisoformat(item.deadline) < self.as_of
        except ValueError:
            return False

    def not_listed(self, plan: Sequence[RectificationItem]) -> list[RectificationItem]:
        """Last period's items this plan does not list (its answers no longer raise them, or the
        township unticked them): their follow-up is reported on its own, since no row carries it."""
        listed = {item.key for item in plan if not item.rejected}
        return [item for item in self.items if item.key not in listed]

    def counts(self) -> tuple[int, int, int]:
        """(with a 完成情况 entered, without, without and past the deadline)."""
        blank = [item for item in self.items if not item.status.strip()]
        passed = [item for item in blank if self.deadline_passed(item)]
        return len(self.items) - len(blank), len(blank), len(passed)


def not_previous_reason(current: Assessment, previous: Assessment) -> str | None:
    """Why ``previous`` cannot be ``current``'s last period (said in Chinese), or None when it is:
    the same township (by division code) and the period of the same length just before."""
    here, there = current.township, previous.township
    if there.division_code != here.division_code:
        return (
            f"它是{there.name}（区划代码{there.division_code}）的自查，"
            f"不是{here.name}（区划代码{here.division_code}）的"
        )
    wanted = current.period.preceding()
    if previous.period == wanted:
        return None
    if previous.period == current.period:
        return f"它与本期是同一评估期（{current.period.label}），应为上一期{wanted.label}"
    if previous.period.end >= current.period.start:
        return f"它的评估期（{previous.period.label}）晚于本期（{current.period.label}），应为上一期{wanted.label}"
    return f"它的评估期是{previous.period.label}，不是本期（{current.period.label}）的上一期{wanted.label}"


def status_text(item: RectificationItem) -> str:
    """The 完成情况 as the township entered it, or that it entered none."""
    return item.status.strip() or NO_STATUS


def last_period_follow_up(previous: Assessment, as_of: dt.date) -> FollowUp:
    """Last period's plan as it stands (rejected items were never part of it; an item with
    neither a problem nor a measure written is an empty added row)."""
    items = tuple(
        item for item in previous.plan if not item.rejected and (item.problem.strip() or item.measure.strip())
    )
    return FollowUp(previous.period.label, items, as_of)


def follow_up_day(assessment: Assessment, today: dt.date) -> dt.date:
    """The day the plan speaks for: its 填报日期 when filled in, else today."""
    answer = assessment.answers.get("profile.fill_date")
    if answer is not None and isinstance(answer.value, str):
        try:
            return dt.date.fromisoformat(answer.value)
        except ValueError:
            pass
    return today


def carry_plan(plan: Sequence[RectificationItem], old_base: dt.date, new_base: dt.date) -> list[RectificationItem]:
    """Last period's plan as the start of the next one's: wording and responsible persons stay,
    progress is per period (the 完成情况 stays with last period's plan), and a deadline that has
    come by the new plan's base date is set afresh, as far after the new base date as it lay
    after the old one (a month end): a new plan never opens with a deadline already due. A renewed
    drafted item then takes its rule's deadline again when the plan is redrafted; the old deadline
    stays readable in last period's plan (上期时限). A deadline not yet due is last period's
    commitment and stays, drafted or not: redrafting from the new period's end would move every
    open measure a quarter on each period, so that none ever came due."""
    carried = []
    for item in plan:
        item = replace(item, status="", edited=item.edited - {"status"})
        renewed = renewed_deadline(item.deadline, old_base, new_base)
        if renewed is not None:
            edited = item.edited if item.is_custom else item.edited - {"deadline"}
            item = replace(item, deadline=renewed, edited=edited)
        elif _is_date(item.deadline):
            item = replace(item, edited=item.edited | {"deadline"})  # kept when the plan is redrafted
        carried.append(item)
    return carried


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def renewed_deadline(deadline: str, old_base: dt.date, new_base: dt.date) -> str | None:
    """The new deadline for a carried ``deadline`` that is due by ``new_base``; None if it is not."""
    try:
        day = dt.date.fromisoformat(deadline)
    except ValueError:
        return None
    if day > new_base:
        return None
    offset = (day - old_base).days
    return month_end(new_base + dt.timedelta(days=offset if offset > 0 else RENEWED_DEADLINE_DAYS))
