"""The open assessment, shared by the pages: one place that talks to storage and the core."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from jianfu.core.answers import Answer
from jianfu.core.assessment import Assessment, Period, Township
from jianfu.core.checklist import Checklist
from jianfu.core.errors import JianfuError
from jianfu.core.library import ChecklistLibrary
from jianfu.core.plan import RectificationItem
from jianfu.storage.assessments import AssessmentStore
from jianfu.storage.failures import explain_database_failure

if TYPE_CHECKING:
    from jianfu.core.scoring import ScoreResult


class SaveError(JianfuError):
    """The database refused a write (disk full, file locked, removed USB disk)."""


@contextmanager
def _saving(database: Path) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as exc:
        raise SaveError(explain_database_failure(exc, database)) from exc


class Session(QObject):
    """Holds the open assessment and saves every edit at once through the store."""

    saved = Signal(str)  # time of the last save, for the "saved" indicator
    opened = Signal()  # another assessment was opened
    answers_changed = Signal(str)  # item id

    def __init__(self, store: AssessmentStore, library: ChecklistLibrary) -> None:
        super().__init__()
        self.store = store
        self.library = library
        self.assessment_id: int | None = None
        self.assessment: Assessment | None = None
        self.checklist: Checklist = library.latest()
        self.unconfirmed: set[str] = set()

    # -------------------------------------------------------------------------- opening

    def open(self, assessment_id: int) -> None:
        assessment = self.store.load(assessment_id)
        self.checklist = self.library.get(assessment.checklist_id, assessment.checklist_version)
        self.assessment_id, self.assessment = assessment_id, assessment
        self.unconfirmed = self.store.unconfirmed(assessment_id)
        self.opened.emit()

    def create(self, township: Township, period: Period) -> int:
        checklist = self.library.latest()
        assessment_id = self.store.create_assessment(township, period, checklist, period.end)
        self.open(assessment_id)
        return assessment_id

    def create_prefilled(self, previous_id: int, period: Period) -> int:
        assessment_id = self.store.create_prefilled(previous_id, period, self.library.latest())
        self.open(assessment_id)
        return assessment_id

    # -------------------------------------------------------------------------- editing

    @property
    def answers(self) -> dict[str, Answer]:
        return self.assessment.answers if self.assessment else {}

    def save_answer(self, item_id: str, answer: Answer) -> None:
        """Validated and committed before returning; raises AnswerError and stores nothing if invalid."""
        assert self.assessment_id is not None and self.assessment is not None
        with _saving(self.store.db.path):
            self.store.save_answer(self.assessment_id, self.checklist, item_id, answer)
        self.assessment.answers[item_id] = answer
        self._after_edit(item_id)

    def save_row(self, item_id: str, row_id: str, cells: dict[str, object], position: int) -> None:
        assert self.assessment_id is not None and self.assessment is not None
        with _saving(self.store.db.path):
            self.store.save_table_row(self.assessment_id, self.checklist, item_id, row_id, cells, position)
        rows = list(self.answers.get(item_id, Answer([])).value or [])
        row = {"row_id": row_id, "cells": cells}
        index = next((i for i, r in enumerate(rows) if r["row_id"] == row_id), None)
        if index is None:
            rows.insert(min(position, len(rows)), row)
        else:
            rows[index] = row
        self.assessment.answers[item_id] = Answer(rows, False, self.answers.get(item_id, Answer()).note)
        self._after_edit(item_id)

    def delete_row(self, item_id: str, row_id: str) -> None:
        assert self.assessment_id is not None and self.assessment is not None
        with _saving(self.store.db.path):
            self.store.delete_table_row(self.assessment_id, item_id, row_id)
        old = self.answers.get(item_id, Answer([]))
        rows = [r for r in (old.value or []) if r["row_id"] != row_id]
        self.assessment.answers[item_id] = Answer(rows, old.not_applicable, old.note)
        self._after_edit(item_id)

    def confirm(self, item_id: str) -> None:
        assert self.assessment_id is not None
        with _saving(self.store.db.path):
            self.store.confirm_answer(self.assessment_id, item_id)
        self._after_edit(item_id)

    def set_last_page(self, page_id: str) -> None:
        if self.assessment_id is not None:
            with _saving(self.store.db.path):
                self.store.set_last_section(self.assessment_id, page_id)

    def last_page(self) -> str:
        summary = next((s for s in self.store.summaries() if s.id == self.assessment_id), None)
        return summary.last_section if summary else ""

    # ---------------------------------------------------------------------- plan, scores

    def rescore(self) -> tuple[ScoreResult, list[RectificationItem]]:
        assert self.assessment_id is not None and self.assessment is not None
        with _saving(self.store.db.path):
            result, plan = self.store.rescore(self.assessment_id, self.checklist)
        self.assessment.plan = plan
        self._mark_saved()
        return result, plan

    def save_plan_item(self, item: RectificationItem) -> None:
        assert self.assessment_id is not None and self.assessment is not None
        with _saving(self.store.db.path):
            self.store.save_plan_item(self.assessment_id, item)
        plan = self.assessment.plan
        index = next((i for i, p in enumerate(plan) if p.key == item.key), None)
        if index is None:
            plan.append(item)
        else:
            plan[index] = item
        self._mark_saved()

    def delete_plan_item(self, key: str) -> None:
        assert self.assessment_id is not None and self.assessment is not None
        with _saving(self.store.db.path):
            self.store.delete_plan_item(self.assessment_id, key)
        self.assessment.plan = [p for p in self.assessment.plan if p.key != key]
        self._mark_saved()

    def _after_edit(self, item_id: str) -> None:
        self.unconfirmed.discard(item_id)
        self._mark_saved()
        self.answers_changed.emit(item_id)

    def _mark_saved(self) -> None:
        self.saved.emit(dt.datetime.now().strftime("%H:%M:%S"))
