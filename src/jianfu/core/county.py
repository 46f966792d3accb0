"""The county's view of its townships as plain values: the rows the county window, the county
reports and the county database share (no storage, no Qt)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from jianfu.core.completeness import summary_text

if TYPE_CHECKING:
    from jianfu.core.checklist import Checklist

MANIFESTATIONS = ("trace_alienation", "platform_formalism", "filing_redundancy", "algorithm_centrism")


class Outcome(str, Enum):
    IMPORTED = "imported"  # first file for this township and period
    UPDATED = "updated"  # newer than the stored one, which went to the history
    UNCHANGED = "unchanged"  # this very file was imported before
    OLDER = "older"  # older than the stored one: kept in the history, not applied
    HELD = "held"  # another key, or unsigned once a key is known: 待确认, not applied


@dataclass(frozen=True)
class CompletenessCounts:
    """An imported assessment's completeness, as the county stored it at import."""

    answered: int
    required_missing: int
    not_applicable: int
    not_applicable_without_reason: int
    table_not_applicable: int = 0  # tables marked 不适用 the old way (before "none"): to check
    inconsistent: int = 0  # tables answered "none" while other answers show something to list

    @property
    def complete(self) -> bool:
        return self.required_missing == 0 and self.not_applicable_without_reason == 0 and self.inconsistent == 0

    def summary(self) -> str:
        return summary_text(
            self.answered,
            self.not_applicable,
            self.not_applicable_without_reason,
            self.required_missing,
            self.table_not_applicable,
            self.inconsistent,
        )


@dataclass(frozen=True)
class OverviewRow:
    assessment_id: int
    division_code: str
    township: str
    period: str
    scores: dict[str, float | None]  # None: not assessed (nothing it reads answered)
    levels: dict[str, str]
    overall: float
    overall_level: str
    fingertip_hours: float
    answered: int
    asked: int
    previous_period: str | None = None
    previous_scores: dict[str, float] = field(default_factory=dict)
    completeness: CompletenessCounts | None = None  # None: imported before the county kept them

    def assessed(self, manifestation: str) -> bool:
        """False for a manifestation with nothing it reads answered (stored without a score), and
        for the overall when that holds for all four: shown as 尚无作答, never as 0."""
        if manifestation == "overall":
            return any(score is not None for score in self.scores.values())
        return self.scores.get(manifestation, 0.0) is not None

    def change(self, manifestation: str) -> float | None:
        before = self.previous_scores.get(manifestation)
        if before is None or not self.assessed(manifestation):
            return None
        current = self.overall if manifestation == "overall" else self.scores.get(manifestation) or 0.0
        return round(current - before, 1)


# The figures every department table shows, in this order (``DepartmentRow.figures``), and their
# headers when every version of the checklist asks them the same way.
FIGURES = (
    "townships",
    "apps",
    "checkin",
    "ranking",
    "online_time",
    "forced_download",
    "filing_tasks",
    "duplicate_filings",
)
FIGURE_HEADERS = {
    "townships": "涉及乡镇",
    "apps": "应用/群",
    "checkin": "打卡",
    "ranking": "排名",
    "online_time": "在线时长",
    "forced_download": "强制下载",
    "filing_tasks": "报表任务",
    "duplicate_filings": "重复报送",
}
APP_FEATURES = ("checkin", "ranking", "online_time", "forced_download")  # yes/no columns of the inventory


def figures_asked(checklist: Checklist) -> dict[str, str]:
    """The figures a checklist's answers can give (a township answering another version was not
    asked the rest: its 0 there means "not asked", not "none"), each with the label it was
    asked by: the inventory column's own label for an app feature (v2 asks 打卡、排名或在线时长
    in one question)."""
    asked = {"townships": FIGURE_HEADERS["townships"]}
    if checklist.has_item("apps.inventory"):
        inventory = checklist.item("apps.inventory")
        asked["apps"] = FIGURE_HEADERS["apps"]
        for feature in APP_FEATURES:
            column = inventory.column(feature)
            if column is not None:
                asked[feature] = column.label
    if checklist.has_item("filing.tasks"):
        tasks = checklist.item("filing.tasks")
        asked["filing_tasks"] = FIGURE_HEADERS["filing_tasks"]
        if tasks.column("platforms") is not None or tasks.column("other_platforms") is not None:
            asked["duplicate_filings"] = FIGURE_HEADERS["duplicate_filings"]
    return {f: asked[f] for f in FIGURES if f in asked}


def round_figures(checklists: Iterable[Checklist]) -> dict[str, str]:
    """The figures asked of at least one township in a round, in table order, each headed by the
    label of the newest checklist that asks it. No checklists: every figure, default headers."""
    ordered = sorted(checklists, key=lambda c: c.version)
    if not ordered:
        return dict(FIGURE_HEADERS)
    labels: dict[str, str] = {}
    for checklist in ordered:
        labels.update(figures_asked(checklist))
    return {f: labels[f] for f in FIGURES if f in labels}


@dataclass(frozen=True)
class DepartmentRow:
    key: str
    name: str
    spellings: list[str]
    townships: int
    apps: int
    checkin: int
    ranking: int
    online_time: int
    forced_download: int
    filing_tasks: int
    duplicate_filings: int
    hours: float
    # figures none of this department's townships was asked (their checklist version has no such
    # question): shown as not surveyed, never as 0
    unasked: frozenset[str] = frozenset()
    # plan items naming this department as the one to act (提请协调事项): a department the
    # townships ask to act is listed even where no table row of theirs names it
    requests: int = 0

    def figures(self) -> tuple[int, ...]:
        """Townships, apps and groups, check-in, ranking, online time, forced download, reporting
        tasks, duplicate filings: the columns every department table shows, in that order."""
        return (
            self.townships,
            self.apps,
            self.checkin,
            self.ranking,
            self.online_time,
            self.forced_download,
            self.filing_tasks,
            self.duplicate_filings,
        )

    def figure(self, name: str) -> int | None:
        """One figure (a name in ``FIGURES``); None when none of the townships was asked it."""
        return None if name in self.unasked else int(getattr(self, name))


@dataclass(frozen=True)
class EscalatedItem:
    township: str
    division_code: str
    problem: str
    measure: str
    department: str
    deadline: str
    rule_id: str | None
    rule_title: str = ""


@dataclass(frozen=True)
class RequestGroup:
    """A county department the townships ask to act, with the department keys merged into it."""

    name: str
    keys: tuple[str, ...]
    townships: int
    items: int
