"""The few answers the county's "请县级核实" notes read, for every township of a period at once.

A refresh of the county window at 10,000 townships reads them, so they come back raw: by
assessment, its answers' stored fields as one hashable tuple, which ``answers_from_rows`` turns
into answers. Townships answering alike (most of them) share one tuple, and the caller works
each distinct one out once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from jianfu.core.answers import Answer, Answers
from jianfu.storage.database import Database, stored_json

RawAnswers = tuple[tuple[Any, ...], ...]  # (item id, value JSON, 不适用, note, declared none, confirmed) …


def period_answer_rows(db: Database, period_code: str, item_ids: Sequence[str]) -> dict[int, tuple[int, RawAnswers]]:
    """By assessment id, every current assessment of the period: (checklist version, its stored
    answers to ``item_ids``). One pass over the period in the overview index, one primary-key
    look-up into the answers per township and item. A table's answer here says only whether it
    was answered (and "none" or 不适用); its rows come from ``table_answer_rows`` when asked for."""
    found: dict[int, tuple[int, list[tuple[Any, ...]]]] = {}
    marks = ", ".join("?" for _ in item_ids)
    for assessment_id, version, *answer in db.conn.execute(
        "SELECT a.id, a.checklist_version, n.item_id, n.value, n.not_applicable, n.note, n.declared_none, n.confirmed"
        f" FROM assessments a LEFT JOIN answers n ON n.assessment_id = a.id AND n.item_id IN ({marks or 'NULL'})"
        " WHERE a.period = ? AND a.content_sha256 IS NOT NULL",
        (*item_ids, period_code),
    ):
        rows = found.setdefault(assessment_id, (version, []))[1]
        if answer[0] is not None:
            rows.append(tuple(answer))
    return {aid: (version, tuple(rows)) for aid, (version, rows) in found.items()}


def table_answer_rows(db: Database, assessment_id: int, tables: Sequence[str]) -> RawAnswers:
    """The rows of one assessment's ``tables``, as (item id, row id, cells JSON), in table order:
    read only for a township whose other answers make its rows matter (they differ from every
    other township's, so reading them for all would work out every township on its own)."""
    marks = ", ".join("?" for _ in tables)
    return tuple(
        db.conn.execute(
            "SELECT item_id, row_id, cells FROM table_rows"
            f" WHERE assessment_id = ? AND item_id IN ({marks}) ORDER BY item_id, position",
            (assessment_id, *tables),
        ).fetchall()
    )


def answers_from_rows(raw: RawAnswers, database: Path) -> dict[str, Answer]:
    """The answers of ``period_answer_rows``' tuple; a table's answer is its rows, whatever the
    value column says (as ``storage.assessments`` loads them)."""
    answers: dict[str, Answer] = {}
    tables: dict[str, list[dict[str, Any]]] = {}
    for row in raw:
        if len(row) == 3:
            item_id, row_id, cells = row
            tables.setdefault(item_id, []).append({"row_id": row_id, "cells": stored_json(cells, database)})
        else:
            item_id, value, not_applicable, note, declared_none, confirmed = row
            parsed = stored_json(value, database)
            answers[item_id] = Answer(parsed, bool(not_applicable), note, bool(declared_none), not confirmed)
    for item_id, rows in tables.items():
        answers[item_id] = replace(answers.get(item_id, Answer()), value=rows)
    return answers


def townships_of(db: Database, assessment_ids: Iterable[int]) -> list[tuple[int, str, str]]:
    """(assessment id, division code, township) of the given assessments, in division-code order."""
    return db.conn.execute(
        "SELECT a.id, t.division_code, t.name FROM assessments a JOIN townships t ON t.id = a.township_id"
        " WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY t.division_code",
        (json.dumps(list(assessment_ids)),),
    ).fetchall()


class TablesOnDemand(Mapping[str, Answer]):
    """A township's answers whose ``tables`` are read only when a condition asks for one of them
    (``loaded`` then says so): conditions short-circuit, so a note whose other answers do not hold
    never reads the rows."""

    def __init__(self, answers: Answers, tables: Iterable[str], with_tables: Callable[[], Answers]) -> None:
        self._answers = answers
        self._tables = frozenset(tables)
        self._with_tables = with_tables
        self.loaded = False

    def __getitem__(self, item_id: str) -> Answer:
        if item_id in self._tables and not self.loaded:
            self._answers, self.loaded = self._with_tables(), True
        return self._answers[item_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._answers)

    def __len__(self) -> int:
        return len(self._answers)
