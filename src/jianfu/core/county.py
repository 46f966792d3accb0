"""The county's view of its townships as plain values: the rows the county window, the county
reports and the county database share (no storage, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from jianfu.core.completeness import summary_text

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
    scores: dict[str, float]
    levels: dict[str, str]
    overall: float
    overall_level: str
    fingertip_hours: float
    answered: int
    asked: int
    previous_period: str | None = None
    previous_scores: dict[str, float] = field(default_factory=dict)
    completeness: CompletenessCounts | None = None  # None: imported before the county kept them

    def change(self, manifestation: str) -> float | None:
        if manifestation not in self.previous_scores:
            return None
        current = self.overall if manifestation == "overall" else self.scores.get(manifestation, 0.0)
        return round(current - self.previous_scores[manifestation], 1)


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
