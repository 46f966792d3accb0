"""The few answers the county's "请县级核实" notes read, for every township of a period at once."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from jianfu.core.answers import Answer
from jianfu.storage.database import Database


def period_answers(
    db: Database, period_code: str, item_ids: Sequence[str], tables: Sequence[str] = ()
) -> list[tuple[str, str, int, dict[str, Answer]]]:
    """(division code, township, checklist version, its answers to ``item_ids``) of every current
    assessment of the period, in division-code order. One query over the answers' primary key
    (a few rows per township), plus one for the rows of ``tables`` (those of ``item_ids`` that are tables)."""
    if not item_ids:
        return []
    marks = ", ".join("?" for _ in item_ids)
    rows = db.conn.execute(
        "SELECT a.id, t.division_code, t.name, a.checklist_version,"
        " n.item_id, n.value, n.not_applicable, n.note, n.declared_none, n.confirmed"
        " FROM assessments a JOIN townships t ON t.id = a.township_id"
        f" LEFT JOIN answers n ON n.assessment_id = a.id AND n.item_id IN ({marks})"
        " WHERE a.period = ? AND a.content_sha256 IS NOT NULL ORDER BY t.division_code",
        (*item_ids, period_code),
    )
    towns: dict[int, tuple[str, str, int, dict[str, Answer]]] = {}
    for assessment_id, code, name, version, item_id, value, not_applicable, note, declared_none, confirmed in rows:
        answers = towns.setdefault(assessment_id, (code, name, version, {}))[3]
        if item_id is not None:
            parsed: Any = json.loads(value) if value is not None else None
            answers[item_id] = Answer(parsed, bool(not_applicable), note, bool(declared_none), not confirmed)
    if tables:
        _add_rows(db, period_code, tables, towns)
    return list(towns.values())


def _add_rows(db: Database, period_code: str, tables: Sequence[str], towns: dict[int, Any]) -> None:
    """A table's answer is its rows, whatever the value column says (as ``storage.assessments``)."""
    marks = ", ".join("?" for _ in tables)
    found: dict[tuple[int, str], list[dict[str, Any]]] = {}
    for assessment_id, item_id, row_id, cells in db.conn.execute(
        "SELECT r.assessment_id, r.item_id, r.row_id, r.cells FROM table_rows r"
        " JOIN assessments a ON a.id = r.assessment_id"
        f" WHERE a.period = ? AND a.content_sha256 IS NOT NULL AND r.item_id IN ({marks})"
        " ORDER BY r.assessment_id, r.item_id, r.position",
        (period_code, *tables),
    ):
        found.setdefault((assessment_id, item_id), []).append({"row_id": row_id, "cells": json.loads(cells)})
    for (assessment_id, item_id), rows in found.items():
        answers = towns[assessment_id][3]
        answers[item_id] = replace(answers.get(item_id, Answer()), value=rows)
