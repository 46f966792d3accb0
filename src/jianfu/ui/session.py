"""The open assessment, shared by the pages: holds it in memory and saves through the service."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # imported once the start page is painted (ui/startup.py), or when first needed
    from jianfu.core.answers import Answer
    from jianfu.core.assessment import Assessment, Period, Township
    from jianfu.core.checklist import Checklist
    from jianfu.core.follow_up import FollowUp
    from jianfu.core.library import ChecklistLibrary
    from jianfu.core.plan import RectificationItem
    from jianfu.core.scoring import ScoreResult
    from jianfu.services.township import AssessmentService, OpenedAssessment

__all__ = ["Session"]


class Session(QObject):
    """Holds the open assessment and saves every edit at once through the service.

    At start-up the service may not exist yet (the window is painted first): ``finish`` then
    makes it, and using the service before it is there finishes the start at once."""

    saved = Signal(str)  # time of the last save, for the "saved" indicator
    opened = Signal()  # another assessment was opened
    answers_changed = Signal(str)  # item id
    confirmations_changed = Signal()  # carried-over answers were confirmed or changed

    def __init__(self, service: AssessmentService | None = None, finish: Callable[[], None] | None = None) -> None:
        super().__init__()
        self._service = service
        self._finish = finish
        self._checklist: Checklist | None = None
        self.current: OpenedAssessment | None = None
        # The last score, until anything changes: results, plan and export pages each ask for it
        # when shown, and scoring + storing took 10–30 ms a time on the UI thread.
        self._score: ScoreResult | None = None

    @property
    def ready(self) -> bool:
        """The service is there (always, unless the start-up is still deferred)."""
        return self._service is not None

    def attach(self, service: AssessmentService) -> None:
        """The service made by the deferred start-up."""
        self._service = service

    @property
    def service(self) -> AssessmentService:
        if self._service is None:
            assert self._finish is not None, "a session needs a service or a way to finish the start"
            self._finish()  # something needs it before the idle turns made it: make it now
            assert self._service is not None
        return self._service

    @property
    def library(self) -> ChecklistLibrary:
        return self.service.library

    @property
    def checklist(self) -> Checklist:
        """The open assessment's checklist version, else the latest."""
        if self._checklist is None:
            self._checklist = self.library.latest()
        return self._checklist

    @property
    def assessment_id(self) -> int | None:
        return self.current.id if self.current else None

    @property
    def assessment(self) -> Assessment | None:
        return self.current.assessment if self.current else None

    @property
    def unconfirmed(self) -> set[str]:
        return self.current.unconfirmed if self.current else set()

    # -------------------------------------------------------------------------- opening

    def open(self, assessment_id: int) -> None:
        self._score = None
        self.current = self.service.load(assessment_id)
        self._checklist = self.current.checklist
        self.opened.emit()

    def close(self) -> None:
        """No assessment open (the open one went to the recycle list)."""
        self._score = None
        self.current = None
        self.opened.emit()

    def create(self, township: Township, period: Period) -> int:
        assessment_id = self.service.create(township, period)
        self.open(assessment_id)
        return assessment_id

    def next_period(self, previous_id: int) -> int:
        assessment_id = self.service.next_period(previous_id)
        self.open(assessment_id)
        return assessment_id

    # -------------------------------------------------------------------------- editing

    def _opened(self) -> OpenedAssessment:
        assert self.current is not None
        return self.current

    @property
    def answers(self) -> dict[str, Answer]:
        return self.current.assessment.answers if self.current else {}

    def save_answer(self, item_id: str, answer: Answer) -> None:
        """Validated and committed before returning; raises AnswerError and stores nothing if invalid.
        An edit confirms a carried-over answer: what is saved is this period's."""
        from dataclasses import replace

        self._score = None
        opened = self._opened()
        was_carried = self._carried(item_id)
        answer = replace(answer, carried_unconfirmed=False)
        self.service.save_answer(opened, item_id, answer)
        opened.assessment.answers[item_id] = answer
        self._after_edit(item_id, was_carried)

    def save_row(self, item_id: str, row_id: str, cells: dict[str, object], position: int) -> None:
        from jianfu.core.answers import Answer

        self._score = None
        opened = self._opened()
        was_carried = self._carried(item_id)
        self.service.save_row(opened, item_id, row_id, cells, position)
        rows = list(self.answers.get(item_id, Answer([])).value or [])
        row = {"row_id": row_id, "cells": cells}
        index = next((i for i, r in enumerate(rows) if r["row_id"] == row_id), None)
        if index is None:
            rows.insert(min(position, len(rows)), row)
        else:
            rows[index] = row
        opened.assessment.answers[item_id] = Answer(rows, False, self.answers.get(item_id, Answer()).note)
        self._after_edit(item_id, was_carried)

    def declare_none(self, item_id: str, declared: bool) -> None:
        """Answer a table "none" (no rows), or take that back; raises and stores nothing if refused
        (the table has rows: they are never deleted for it)."""
        from jianfu.core.answers import Answer

        old = self.answers.get(item_id, Answer())
        rows = list(old.value or [])
        if declared and rows:
            from jianfu.core.errors import AnswerError

            raise AnswerError(item_id, f"本表已有{len(rows)}行，不能选“没有”：确实没有的话，请先逐行删除")
        self.save_answer(item_id, Answer(rows if rows or not declared else [], False, old.note, declared))

    def delete_row(self, item_id: str, row_id: str) -> None:
        from jianfu.core.answers import Answer

        self._score = None
        opened = self._opened()
        was_carried = self._carried(item_id)
        self.service.delete_row(opened, item_id, row_id)
        old = self.answers.get(item_id, Answer([]))
        rows = [r for r in (old.value or []) if r["row_id"] != row_id]
        opened.assessment.answers[item_id] = Answer(rows, old.not_applicable, old.note)
        self._after_edit(item_id, was_carried)

    def confirm(self, item_id: str) -> None:
        """The carried-over answer still holds; raises SaveError if it could not be recorded."""
        self.confirm_all([item_id])

    def confirm_all(self, item_ids: Sequence[str]) -> None:
        self._score = None
        self.service.confirm(self._opened(), item_ids)
        self._mark_saved()
        self.confirmations_changed.emit()

    def set_last_page(self, page_id: str) -> None:
        if self.current is not None:
            self.service.set_last_page(self.current.id, page_id)

    def last_page(self) -> str:
        return self.service.last_page(self.current.id) if self.current else ""

    # ---------------------------------------------------------------------- plan, scores

    def rescore(self) -> tuple[ScoreResult, list[RectificationItem]]:
        """Scored and the plan redrafted and stored, unless nothing changed since the last time."""
        opened = self._opened()
        if self._score is not None:
            return self._score, opened.assessment.plan
        result, plan = self.service.rescore(opened)
        opened.assessment.plan = plan
        self._score = result
        self._mark_saved()
        return result, plan

    def follow_up(self) -> FollowUp | None:
        """Last period's plan with its 完成情况, read now (core.follow_up); None without one here."""
        from jianfu.ui.pages.township_dialogs import today  # the day the window lives on

        return self.service.follow_up(self._opened(), today()) if self.current else None

    def save_plan_item(self, item: RectificationItem) -> None:
        self._score = None
        opened = self._opened()
        self.service.save_plan_item(opened, item)
        plan = opened.assessment.plan
        index = next((i for i, p in enumerate(plan) if p.key == item.key), None)
        if index is None:
            plan.append(item)
        else:
            plan[index] = item
        self._mark_saved()

    def delete_plan_item(self, key: str) -> None:
        self._score = None
        opened = self._opened()
        self.service.delete_plan_item(opened, key)
        opened.assessment.plan = [p for p in opened.assessment.plan if p.key != key]
        self._mark_saved()

    def _carried(self, item_id: str) -> bool:
        answer = self.answers.get(item_id)
        return answer is not None and answer.carried_unconfirmed

    def _after_edit(self, item_id: str, was_carried: bool) -> None:
        self._mark_saved()
        self.answers_changed.emit(item_id)
        if was_carried:
            self.confirmations_changed.emit()

    def _mark_saved(self) -> None:
        self.saved.emit(dt.datetime.now().strftime("%H:%M:%S"))
