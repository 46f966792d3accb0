"""The township cadre's operations on the assessments of this computer (no Qt).

The wizard calls these; every write is committed before returning and a refused write raises a
:class:`JianfuError` with a Chinese message that says what to do.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jianfu.core.answers import Answer, check_answer, completion, unconfirmed
from jianfu.core.assessment import Assessment, Period, Township
from jianfu.core.changes import AnswerChange, ScoreChange, changes_between, score_changes
from jianfu.core.checklist import Checklist
from jianfu.core.errors import JianfuError
from jianfu.core.follow_up import FollowUp, carry_plan, follow_up_day, last_period_follow_up
from jianfu.core.library import ChecklistLibrary
from jianfu.core.plan import RectificationItem
from jianfu.storage.assessments import AssessmentStore
from jianfu.storage.assessments import AssessmentSummary as AssessmentSummary  # re-exported for the UI
from jianfu.storage.database import TOWNSHIP, open_database
from jianfu.storage.failures import explain_database_failure

if TYPE_CHECKING:
    from jianfu.core.scoring import ScoreResult


class SaveError(JianfuError):
    """The database refused a write (disk full, file locked, removed USB disk)."""


class PeriodExistsError(JianfuError):
    """The township already has an assessment for that period."""


class TownshipConflictError(JianfuError):
    """A division code already belongs to a township of another name: renaming must be explicit."""


@contextmanager
def saving(database: Path | None = None) -> Iterator[None]:
    """Turns a database failure into a message the cadre can act on (locked, full, read-only, damaged)."""
    try:
        yield
    except sqlite3.Error as exc:
        raise SaveError(explain_database_failure(exc, database or Path("jianfu.sqlite3"))) from exc


@dataclass(frozen=True)
class AssessmentListing:
    """One line of the start page's list: the assessment and how far it is."""

    summary: AssessmentSummary
    answered: int
    asked: int
    to_confirm: int = 0  # asked items still holding last period's answer, unconfirmed

    @property
    def id(self) -> int:
        return self.summary.id


@dataclass
class OpenedAssessment:
    """An assessment loaded for editing, with the checklist version it is answered with."""

    id: int
    assessment: Assessment
    checklist: Checklist
    sample: bool = False  # the fictional sample township

    @property
    def unconfirmed(self) -> set[str]:
        """Items whose answer is carried over from last period, not yet confirmed or changed."""
        return {item_id for item_id, a in self.assessment.answers.items() if a.carried_unconfirmed}


class AssessmentService:
    """The assessments in one township database."""

    def __init__(self, store: AssessmentStore, library: ChecklistLibrary) -> None:
        self.store = store
        self.library = library

    @classmethod
    def open(cls, path: Path, library: ChecklistLibrary) -> AssessmentService:
        return cls(AssessmentStore(open_database(path, TOWNSHIP)), library)

    @property
    def database_path(self) -> Path:
        return self.store.db.path

    # ------------------------------------------------------------------------------ lists

    def my_assessments(self) -> list[AssessmentListing]:
        """The township's own assessments (not the sample, not in the recycle list), latest period
        first (the one a next period follows), then the latest edit."""
        own = [s for s in self.store.summaries() if not s.sample]
        own.sort(key=lambda s: (s.period.end, s.updated_at), reverse=True)
        return [self._listing(s) for s in own]

    def recycle_list(self) -> list[AssessmentSummary]:
        return self.store.summaries(deleted=True)

    def own_township(self) -> Township | None:
        """The township of the latest own assessment, to prefill a new one; never the sample's."""
        own = self.my_assessments()
        return own[0].summary.township if own else None

    def summary(self, assessment_id: int) -> AssessmentSummary:
        return self.store.summary(assessment_id)

    def _listing(self, summary: AssessmentSummary) -> AssessmentListing:
        checklist = self.library.get(summary.checklist_id, summary.checklist_version)
        answers = self.store.answers(summary.id)
        answered, asked = completion(checklist, answers)
        return AssessmentListing(summary, answered, asked, len(unconfirmed(checklist, answers)))

    # ------------------------------------------------------------------- open and create

    def load(self, assessment_id: int) -> OpenedAssessment:
        assessment = self.store.load(assessment_id)
        checklist = self.library.get(assessment.checklist_id, assessment.checklist_version)
        return OpenedAssessment(assessment_id, assessment, checklist, self.store.summary(assessment_id).sample)

    def create(self, township: Township, period: Period) -> int:
        """A new, empty assessment answered with the newest checklist."""
        self._check_identity(township)
        self._check_period_free(township, period)
        with saving(self.store.db.path):
            return self.store.create_assessment(township, period, self.library.latest(), period.end)

    def next_period(self, previous_id: int) -> int:
        """The period after ``previous_id``'s (same length: quarter, half year or year), answered
        as that one was, every answer to be confirmed or changed: until then it is last period's
        answer (``Answer.carried_unconfirmed``), and the assessment is 未完成."""
        period = self.following_period(previous_id)
        previous = self.store.load(previous_id)
        checklist = self.library.latest()
        if previous.checklist_id == checklist.id and previous.checklist_version < checklist.version:
            from jianfu.core.carry import carry_assessment

            # the next period after an upgrade: the earlier answers as the new version declares
            previous = carry_assessment(self.library, previous, checklist.version)
        answers = {}
        for item_id, answer in previous.answers.items():
            if item_id == "profile.fill_date":
                continue
            try:
                check_answer(checklist, item_id, answer)
            except JianfuError:  # the newer checklist no longer has or accepts it: ask afresh
                continue
            answers[item_id] = replace(answer, carried_unconfirmed=True)
        # The plan carries over (responsible persons, own wording); progress is per period, and a
        # deadline due by the new plan's base date is set afresh (core.follow_up).
        plan = carry_plan(previous.plan, previous.base_date, period.end)
        assessment = Assessment(previous.township, period, checklist.id, checklist.version, period.end, answers, plan)
        sample = self.store.summary(previous_id).sample
        try:
            with saving(self.store.db.path):
                return self.store.save_assessment(assessment, checklist, sample=sample)
        except SaveError as exc:
            if isinstance(exc.__cause__, sqlite3.IntegrityError):  # created meanwhile (another window)
                raise self._period_exists(previous.township, period) from exc
            raise

    def following_period(self, previous_id: int) -> Period:
        """The period ``next_period`` would start; PeriodExistsError (saying where it is) when the
        township has it already."""
        summary = self.store.summary(previous_id)
        period = summary.period.following()
        self._check_period_free(summary.township, period)
        return period

    def open_sample(self) -> int:
        """The sample township (fictional), kept apart from the township's own assessments."""
        return self.store_sample(self.prepare_sample())

    def prepare_sample(self) -> tuple[Assessment, ScoreResult]:
        """The sample township's assessment, generated and scored; touches no database, so the
        window runs it off the UI thread (the generator and its YAML take ~80 ms)."""
        from jianfu.exchange.demo import sample_township_assessment

        return sample_township_assessment(self.library)

    def store_sample(self, sample: tuple[Assessment, ScoreResult]) -> int:
        """Keep the prepared sample (or find it kept already); returns its id."""
        assessment, result = sample
        existing = self.store.find(assessment.township.division_code, assessment.period)
        if existing is not None:
            self.store.mark_sample(existing)
            self.store.restore(existing)
            return existing
        checklist = self.library.get(assessment.checklist_id, assessment.checklist_version)
        assessment = replace(assessment, updated_at="")  # last edited now, not on a date to come
        with saving(self.store.db.path):
            return self.store.save_assessment(assessment, checklist, result, sample=True)

    def add_from_file(self, assessment: Assessment) -> tuple[int, bool]:
        """Store an assessment read from a file unless the township already has that period here.

        Returns its id and whether it was added (False: the one already here, unchanged)."""
        existing = self.store.find(assessment.township.division_code, assessment.period)
        if existing is not None:
            return existing, False
        self._check_identity(assessment.township)
        from jianfu.core.scoring import score_assessment

        checklist = self.library.get(assessment.checklist_id, assessment.checklist_version)
        with saving(self.store.db.path):
            new_id = self.store.save_assessment(assessment, checklist, score_assessment(checklist, assessment.answers))
        return new_id, True

    def _check_identity(self, township: Township) -> None:
        known = self.store.township(township.division_code)
        if known is not None and known.name != township.name:
            raise TownshipConflictError(
                f"区划代码{township.division_code}在本机登记的是“{known.name}”，不是“{township.name}”。"
                "如果代码输错了，请改正代码；如果乡镇确实改了名，请在开始页选中该乡镇的自查，"
                "点“更正乡镇名称或代码…”明确改名。"
            )

    def _check_period_free(self, township: Township, period: Period) -> None:
        if self.store.find(township.division_code, period) is not None:
            raise self._period_exists(township, period)

    def _period_exists(self, township: Township, period: Period) -> PeriodExistsError:
        found = self.store.find(township.division_code, period)
        deleted = found is not None and bool(self.store.summary(found).deleted_at)
        where = "在回收站里，请先从“回收站…”恢复它" if deleted else "请在开始页选中它，点“继续填写”"
        return PeriodExistsError(f"{township.name}已有{period.label}的自查，{where}。")

    # ------------------------------------------------------------ recycle list, correcting

    def delete(self, assessment_id: int) -> None:
        """Move to the recycle list (restorable); nothing is erased."""
        with saving(self.store.db.path):
            self.store.move_to_recycle_list(assessment_id)

    def restore(self, assessment_id: int) -> None:
        with saving(self.store.db.path):
            self.store.restore(assessment_id)

    def correct_township(self, division_code: str, corrected: Township) -> int:
        """Correct the name, county or division code of a township, for all its assessments.

        Returns how many assessments now carry the corrected identity."""
        if corrected.division_code != division_code and self.store.township(corrected.division_code) is not None:
            taken = self.store.township(corrected.division_code)
            assert taken is not None
            raise TownshipConflictError(
                f"区划代码{corrected.division_code}已属于本机的“{taken.name}”，不能再给另一个乡镇使用。"
                "请核对代码后再改。"
            )
        with saving(self.store.db.path):
            self.store.correct_township(division_code, corrected)
        return self.store.assessment_count(corrected.division_code)

    def assessment_count(self, division_code: str) -> int:
        return self.store.assessment_count(division_code)

    # --------------------------------------------------------------------------- editing

    def save_answer(self, opened: OpenedAssessment, item_id: str, answer: Answer) -> None:
        with saving(self.store.db.path):
            self.store.save_answer(opened.id, opened.checklist, item_id, answer)

    def save_row(
        self, opened: OpenedAssessment, item_id: str, row_id: str, cells: dict[str, Any], position: int
    ) -> None:
        with saving(self.store.db.path):
            self.store.save_table_row(opened.id, opened.checklist, item_id, row_id, cells, position)

    def delete_row(self, opened: OpenedAssessment, item_id: str, row_id: str) -> None:
        with saving(self.store.db.path):
            self.store.delete_table_row(opened.id, item_id, row_id)

    def confirm(self, opened: OpenedAssessment, item_ids: Sequence[str]) -> None:
        """Carried-over answers still hold ("仍然如此"), one or a whole page at once: from now on
        they are this period's answers (in ``opened`` too, once stored)."""
        with saving(self.store.db.path):
            self.store.confirm_answers(opened.id, item_ids)
        answers = opened.assessment.answers
        for item_id in item_ids:
            if item_id in answers:
                answers[item_id] = replace(answers[item_id], carried_unconfirmed=False)

    def set_last_page(self, assessment_id: int, page_id: str) -> None:
        with saving(self.store.db.path):
            self.store.set_last_section(assessment_id, page_id)

    def last_page(self, assessment_id: int) -> str:
        return self.store.summary(assessment_id).last_section

    # --------------------------------------------------------------- scores, plan, export

    def rescore(self, opened: OpenedAssessment) -> tuple[ScoreResult, list[RectificationItem]]:
        """Score with the assessment's own checklist, redraft the plan keeping edits, store both."""
        from jianfu.core.plan import draft_plan, merge_plan
        from jianfu.core.plan_text import upper_bounds
        from jianfu.core.scoring import score_assessment

        assessment = self.store.load(opened.id)
        checklist = opened.checklist
        if (assessment.checklist_id, assessment.checklist_version) != (checklist.id, checklist.version):
            raise ValueError("an assessment must be scored with the checklist it was answered with")
        result = score_assessment(checklist, assessment.answers)
        drafted = draft_plan(
            result,
            assessment.base_date,
            checklist.plan_min_intensity,
            checklist.plan_max_items,
            assessment.township.name,
            upper_bounds(checklist),
        )
        plan = merge_plan(assessment.plan, drafted)
        with saving(self.store.db.path):
            self.store.save_result(opened.id, result, plan)
        return result, plan

    def save_plan_item(self, opened: OpenedAssessment, item: RectificationItem) -> None:
        with saving(self.store.db.path):
            self.store.save_plan_item(opened.id, item)

    def delete_plan_item(self, opened: OpenedAssessment, key: str) -> None:
        with saving(self.store.db.path):
            self.store.delete_plan_item(opened.id, key)

    def export(self, opened: OpenedAssessment, path: Path) -> None:
        """Write the ``.jianfu`` file of the assessment as it stands, scored now and signed with
        this installation's key. It reads only ``opened`` and the loaded checklists (no database),
        so it may run off the UI thread. Raises ``ExportRefusedError`` (nothing written, no
        sequence number used) when the county's import would refuse the file."""
        from jianfu.core.scoring import score_assessment
        from jianfu.exchange.assessment_file import check_exportable, seal, to_document, write_assessment_file
        from jianfu.exchange.signing import next_signer
        from jianfu.paths import data_dir

        assessment = opened.assessment
        result = score_assessment(opened.checklist, assessment.answers)
        document = to_document(assessment, result)
        check_exportable(document, self.library)  # the import's own checks, before anything is signed
        signer = next_signer(data_dir())  # this installation's key and its next sequence (README: 签名密钥)
        write_assessment_file(path, seal(document, signer))

    # ------------------------------------------------------------------------ next period

    def previous_of(self, assessment_id: int) -> int | None:
        """The same township's assessment for the period before, if this computer has it."""
        summary = self.store.summary(assessment_id)
        return self.store.find(summary.township.division_code, summary.period.preceding())

    def follow_up(self, opened: OpenedAssessment, today: dt.date | None = None) -> FollowUp | None:
        """Last period's plan items with the 完成情况 entered there (read now: it may still be being
        filled in), as of this plan's 填报日期 or today; None when there is no last period here."""
        previous_id = self.previous_of(opened.id)
        if previous_id is None:
            return None
        day = follow_up_day(opened.assessment, today or dt.date.today())
        return last_period_follow_up(self.store.load(previous_id), day)

    def changes_since_previous(self, opened: OpenedAssessment) -> list[AnswerChange] | None:
        """What was answered differently from last period; None when there is no last period here."""
        previous_id = self.previous_of(opened.id)
        if previous_id is None:
            return None
        previous = self.store.load(previous_id)
        current = self.store.load(opened.id)
        return changes_between(opened.checklist, previous.answers, current.answers)

    def scores_since_previous(self, opened: OpenedAssessment) -> tuple[list[ScoreChange], bool] | None:
        """Each manifestation's score last period and now, and whether the two periods were
        answered with different checklist versions; None when there is no last period here."""
        from jianfu.core.scoring import score_assessment

        previous_id = self.previous_of(opened.id)
        if previous_id is None:
            return None
        previous = self.store.load(previous_id)
        before_checklist = self.library.get(previous.checklist_id, previous.checklist_version)
        before = score_assessment(before_checklist, previous.answers)  # scored as it was answered
        after = score_assessment(opened.checklist, self.store.load(opened.id).answers)
        versions_differ = (previous.checklist_id, previous.checklist_version) != (
            opened.checklist.id,
            opened.checklist.version,
        )
        return score_changes(before, after), versions_differ
