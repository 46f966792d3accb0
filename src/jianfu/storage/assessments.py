"""Reading and writing assessments: a plain repository, every public write one transaction.

Rules (what carries over to a new period, how a plan is drafted) live in the core and in
``jianfu.services``; this module only stores and reads what it is given.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jianfu.core.answers import Answer, check_answer, completion, table_rows
from jianfu.core.assessment import Assessment, Period, Township
from jianfu.core.checklist import OVERALL, Checklist, FieldType, Handling
from jianfu.core.errors import AnswerError, JianfuError
from jianfu.core.plan import RectificationItem
from jianfu.storage.database import Database, DatabaseError, now, transaction

if TYPE_CHECKING:
    from jianfu.core.scoring import ScoreResult


class NotFoundError(JianfuError):
    """No assessment with that id."""


@dataclass(frozen=True)
class AssessmentSummary:
    """One line of the start page: which assessment, how far, when last edited."""

    id: int
    township: Township
    period: Period
    checklist_id: str
    checklist_version: int
    updated_at: str
    last_section: str
    sample: bool = False  # the fictional sample township, kept apart from the township's own
    deleted_at: str = ""  # set while the assessment is in the recycle list


class AssessmentStore:
    """Assessments in one database. The checklist needed to check answers is passed in."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.conn = db.conn

    # ----------------------------------------------------------------- townships, assessments

    def create_assessment(
        self,
        township: Township,
        period: Period,
        checklist: Checklist,
        base_date: dt.date | None = None,
    ) -> int:
        """A new, empty assessment; fails if the township already has one for the period."""
        stamp = now()
        with transaction(self.conn):
            township_id = self._upsert_township(township, stamp)
            exists = self.conn.execute(
                "SELECT id FROM assessments WHERE township_id = ? AND period = ?",
                (township_id, period.code),
            ).fetchone()
            if exists:
                raise JianfuError(f"{township.name}已有{period.label}的自查，请继续填写该次自查。")
            cursor = self.conn.execute(
                "INSERT INTO assessments (township_id, period, checklist_id, checklist_version,"
                " base_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    township_id,
                    period.code,
                    checklist.id,
                    checklist.version,
                    (base_date or dt.date.today()).isoformat(),
                    stamp,
                    stamp,
                ),
            )
            return int(cursor.lastrowid or 0)

    def find(self, division_code: str, period: Period) -> int | None:
        row = self.conn.execute(
            "SELECT a.id FROM assessments a JOIN townships t ON t.id = a.township_id"
            " WHERE t.division_code = ? AND a.period = ?",
            (division_code, period.code),
        ).fetchone()
        return int(row[0]) if row else None

    def summaries(self, deleted: bool = False) -> list[AssessmentSummary]:
        """Assessments not in the recycle list (or, with ``deleted``, only those in it), newest edit first."""
        rows = self.conn.execute(
            "SELECT a.id, t.name, t.division_code, t.county, a.period, a.checklist_id,"
            " a.checklist_version, a.updated_at, a.last_section, a.sample, coalesce(a.deleted_at, '')"
            " FROM assessments a JOIN townships t ON t.id = a.township_id"
            f" WHERE a.deleted_at IS {'NOT ' if deleted else ''}NULL"
            " ORDER BY a.updated_at DESC, a.id DESC"
        ).fetchall()
        return [
            AssessmentSummary(r[0], Township(r[1], r[2], r[3]), Period(r[4]), r[5], r[6], r[7], r[8], bool(r[9]), r[10])
            for r in rows
        ]

    def summary(self, assessment_id: int) -> AssessmentSummary:
        found = [s for s in self.summaries() + self.summaries(deleted=True) if s.id == assessment_id]
        if not found:
            raise NotFoundError(f"找不到编号为 {assessment_id} 的自查")
        return found[0]

    def township(self, division_code: str) -> Township | None:
        row = self.conn.execute(
            "SELECT name, division_code, county FROM townships WHERE division_code = ?", (division_code,)
        ).fetchone()
        return Township(row[0], row[1], row[2]) if row else None

    def assessment_count(self, division_code: str) -> int:
        row = self.conn.execute(
            "SELECT count(*) FROM assessments a JOIN townships t ON t.id = a.township_id WHERE t.division_code = ?",
            (division_code,),
        ).fetchone()
        return int(row[0])

    def correct_township(self, division_code: str, township: Township) -> None:
        """Change a township's name, county or division code, for all of its assessments."""
        with transaction(self.conn):
            cursor = self.conn.execute(
                "UPDATE townships SET name = ?, county = ?, division_code = ? WHERE division_code = ?",
                (township.name, township.county, township.division_code, division_code),
            )
            if cursor.rowcount == 0:
                raise NotFoundError(f"找不到区划代码为 {division_code} 的乡镇")

    def mark_sample(self, assessment_id: int) -> None:
        with transaction(self.conn):
            self.conn.execute("UPDATE assessments SET sample = 1 WHERE id = ?", (assessment_id,))

    def move_to_recycle_list(self, assessment_id: int) -> None:
        with transaction(self.conn):
            self.conn.execute("UPDATE assessments SET deleted_at = ? WHERE id = ?", (now(), assessment_id))

    def restore(self, assessment_id: int) -> None:
        with transaction(self.conn):
            self.conn.execute("UPDATE assessments SET deleted_at = NULL WHERE id = ?", (assessment_id,))

    def load(self, assessment_id: int) -> Assessment:
        row = self.conn.execute(
            "SELECT t.name, t.division_code, t.county, a.period, a.checklist_id,"
            " a.checklist_version, a.base_date, a.updated_at"
            " FROM assessments a JOIN townships t ON t.id = a.township_id WHERE a.id = ?",
            (assessment_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(f"找不到编号为 {assessment_id} 的自查")
        with self._readable(assessment_id):
            return Assessment(
                township=Township(row[0], row[1], row[2]),
                period=Period(row[3]),
                checklist_id=row[4],
                checklist_version=row[5],
                base_date=dt.date.fromisoformat(row[6]),
                answers=self._answers(assessment_id),
                plan=self._plan(assessment_id),
                updated_at=row[7],
            )

    @contextmanager
    def _readable(self, assessment_id: int) -> Iterator[None]:
        """A stored value that no longer parses (a bit flipped on the disk passes SQLite's own
        checks): named as damage, with what to do, not a crash."""
        try:
            yield
        except (ValueError, TypeError, KeyError) as exc:
            from jianfu.storage.failures import damaged_message

            raise DatabaseError(
                f"编号为{assessment_id}的自查保存的数据已损坏，无法读出。{damaged_message(self.db.path)}"
            ) from exc

    def set_last_section(self, assessment_id: int, section_id: str) -> None:
        # Called on every page switch: committed without waiting for the disk (a page to reopen is
        # worth no fsync on the UI thread; WAL keeps it through a crash of the program, and the
        # next edit's fsync makes it durable).
        with self._without_waiting_for_the_disk():
            self.conn.execute("UPDATE assessments SET last_section = ? WHERE id = ?", (section_id, assessment_id))

    @contextmanager
    def _without_waiting_for_the_disk(self) -> Iterator[None]:
        """A transaction committed without fsync: for what can be made again (the page to reopen,
        scores and drafted plan items recomputed from the answers, which are each fsynced)."""
        self.conn.execute("PRAGMA synchronous=NORMAL")
        try:
            with transaction(self.conn):
                yield
        finally:
            self.conn.execute("PRAGMA synchronous=FULL")

    # ------------------------------------------------------------------------------- answers

    def save_answer(self, assessment_id: int, checklist: Checklist, item_id: str, answer: Answer) -> None:
        """Validate and store one answer (a whole table for table items) in one transaction."""
        check_answer(checklist, item_id, answer)
        stamp = now()
        is_table = checklist.item(item_id).type is FieldType.TABLE
        with transaction(self.conn):
            self._touch(assessment_id, stamp)
            if answer.declared_none and self._row_count(assessment_id, item_id):
                raise AnswerError(item_id, "表格已有行时不能选“没有”：确实没有的话，请先删除各行")
            self.conn.execute(
                "INSERT INTO answers (assessment_id, item_id, value, not_applicable, note, updated_at, declared_none)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (assessment_id, item_id) DO UPDATE SET"
                " value = excluded.value, not_applicable = excluded.not_applicable,"
                " note = excluded.note, updated_at = excluded.updated_at, confirmed = 1,"
                " declared_none = excluded.declared_none",
                _answer_row(assessment_id, item_id, answer, is_table, stamp),
            )
            if is_table and answer.value is not None:  # None: rows untouched (e.g. "not applicable")
                self._replace_rows(assessment_id, item_id, table_rows(answer.value), stamp)

    def save_table_row(
        self,
        assessment_id: int,
        checklist: Checklist,
        item_id: str,
        row_id: str,
        cells: dict[str, Any],
        position: int,
    ) -> None:
        """Store one row of a table item (add or edit), leaving the other rows alone. A row
        takes back a "none" answer: the table lists something after all."""
        row = {"row_id": row_id, "cells": cells}
        check_answer(checklist, item_id, Answer([row]))
        stamp = now()
        with transaction(self.conn):
            self._touch(assessment_id, stamp)
            self._ensure_answer_row(assessment_id, item_id, stamp)
            self._confirm(assessment_id, item_id)
            self.conn.execute(
                "UPDATE answers SET declared_none = 0 WHERE assessment_id = ? AND item_id = ? AND declared_none",
                (assessment_id, item_id),
            )
            self.conn.execute(
                "INSERT INTO table_rows (assessment_id, item_id, row_id, position, cells, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (assessment_id, item_id, row_id) DO UPDATE"
                " SET position = excluded.position, cells = excluded.cells,"
                " updated_at = excluded.updated_at",
                (assessment_id, item_id, row_id, position, _dump(cells), stamp),
            )

    def delete_table_row(self, assessment_id: int, item_id: str, row_id: str) -> None:
        with transaction(self.conn):
            self._touch(assessment_id, now())
            self._confirm(assessment_id, item_id)
            self.conn.execute(
                "DELETE FROM table_rows WHERE assessment_id = ? AND item_id = ? AND row_id = ?",
                (assessment_id, item_id, row_id),
            )

    def confirm_answer(self, assessment_id: int, item_id: str) -> None:
        """The user looked at an answer carried over from the last period and it still holds."""
        self.confirm_answers(assessment_id, [item_id])

    def confirm_answers(self, assessment_id: int, item_ids: Sequence[str]) -> None:
        """Several carried-over answers still hold (a whole page), in one transaction."""
        with transaction(self.conn):
            self._touch(assessment_id, now())
            for item_id in item_ids:
                self._confirm(assessment_id, item_id)

    def unconfirmed(self, assessment_id: int) -> set[str]:
        """Items whose answer was carried over from the previous period and not yet looked at."""
        rows = self.conn.execute(
            "SELECT item_id FROM answers WHERE assessment_id = ? AND confirmed = 0", (assessment_id,)
        )
        return {r[0] for r in rows}

    # --------------------------------------------------------------------- plan and scores

    def save_result(self, assessment_id: int, result: ScoreResult, plan: Sequence[RectificationItem]) -> None:
        """Store freshly computed scores and the redrafted plan together. Shown on the results,
        plan and export pages: no fsync on the UI thread (they are recomputed from the answers;
        a plan item the user edits is saved, and fsynced, by ``save_plan_item``)."""
        stamp = now()
        with self._without_waiting_for_the_disk():
            self._write_scores(assessment_id, result, stamp)
            self._write_plan(assessment_id, plan, stamp)

    def save_plan_item(self, assessment_id: int, item: RectificationItem, position: int | None = None) -> None:
        stamp = now()
        with transaction(self.conn):
            self._touch(assessment_id, stamp)
            if position is None:
                found = self.conn.execute(
                    "SELECT position FROM plan_items WHERE assessment_id = ? AND key = ?",
                    (assessment_id, item.key),
                ).fetchone()
                position = found[0] if found else self._next_plan_position(assessment_id)
            self._insert_plan_item(assessment_id, item, position, stamp)

    def delete_plan_item(self, assessment_id: int, key: str) -> None:
        """Remove an item the user added; drafted items are rejected, not deleted."""
        with transaction(self.conn):
            self._touch(assessment_id, now())
            self.conn.execute(
                "DELETE FROM plan_items WHERE assessment_id = ? AND key = ? AND rule_id IS NULL",
                (assessment_id, key),
            )

    def stored_scores(self, assessment_id: int) -> dict[str, tuple[float, str]]:
        rows = self.conn.execute(
            "SELECT manifestation, score, level FROM scores WHERE assessment_id = ?", (assessment_id,)
        ).fetchall()
        return {r[0]: (r[1], r[2]) for r in rows}

    def completion(self, assessment_id: int, checklist: Checklist, section_id: str | None = None) -> tuple[int, int]:
        with self._readable(assessment_id):
            return completion(checklist, self._answers(assessment_id), section_id)

    def answers(self, assessment_id: int) -> dict[str, Answer]:
        with self._readable(assessment_id):
            return self._answers(assessment_id)

    # ------------------------------------------------------------------- whole assessments

    def save_assessment(
        self,
        assessment: Assessment,
        checklist: Checklist,
        result: ScoreResult | None = None,
        *,
        sample: bool = False,
    ) -> int:
        """Store a whole assessment (demo data, a prefilled copy) in one transaction; answers
        carried over and unconfirmed (``Answer.carried_unconfirmed``) stay to be confirmed."""
        for item_id, answer in assessment.answers.items():
            check_answer(checklist, item_id, answer)
        with transaction(self.conn):
            new_id = self.insert_assessment(assessment, checklist, result, now())
            if sample:
                self.conn.execute("UPDATE assessments SET sample = 1 WHERE id = ?", (new_id,))
            return new_id

    def insert_assessment(
        self,
        assessment: Assessment,
        checklist: Checklist,
        result: ScoreResult | None,
        stamp: str,
        columns: dict[str, Any] | None = None,
    ) -> int:
        """Insert a whole, already validated assessment inside the caller's transaction, with the
        given extra ``columns`` of its row (set with the scores: a county import's figures)."""
        township_id = self._upsert_township(assessment.township, stamp)
        cursor = self.conn.execute(
            "INSERT INTO assessments (township_id, period, checklist_id, checklist_version,"
            " base_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                township_id,
                assessment.period.code,
                assessment.checklist_id,
                assessment.checklist_version,
                assessment.base_date.isoformat(),
                stamp,
                assessment.updated_at or stamp,
            ),
        )
        assessment_id = int(cursor.lastrowid or 0)
        answer_rows, table_row_rows = [], []
        for item_id, answer in assessment.answers.items():
            is_table = checklist.item(item_id).type is FieldType.TABLE
            answer_rows.append((*_answer_row(assessment_id, item_id, answer, is_table, stamp), confirmed(answer)))
            if is_table:
                table_row_rows += [
                    (assessment_id, item_id, row["row_id"], n, _dump(row.get("cells", {})), stamp)
                    for n, row in enumerate(table_rows(answer.value))
                ]
        self.conn.executemany(
            "INSERT INTO answers (assessment_id, item_id, value, not_applicable, note, updated_at, declared_none,"
            " confirmed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            answer_rows,
        )
        self.conn.executemany(
            "INSERT INTO table_rows (assessment_id, item_id, row_id, position, cells, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            table_row_rows,
        )
        self._write_plan(assessment_id, assessment.plan, stamp, fresh=True)
        if result is not None:
            self._write_scores(assessment_id, result, stamp, fresh=True, columns=columns)
        elif columns:
            self._set_columns(assessment_id, columns)
        return assessment_id

    # ------------------------------------------------------------------------------ private

    def _upsert_township(self, township: Township, stamp: str) -> int:
        self.conn.execute(
            "INSERT INTO townships (division_code, name, county, created_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (division_code) DO UPDATE SET name = excluded.name, county = excluded.county",
            (township.division_code, township.name, township.county, stamp),
        )
        row = self.conn.execute(
            "SELECT id FROM townships WHERE division_code = ?", (township.division_code,)
        ).fetchone()
        return int(row[0])

    def _touch(self, assessment_id: int, stamp: str) -> None:
        cursor = self.conn.execute("UPDATE assessments SET updated_at = ? WHERE id = ?", (stamp, assessment_id))
        if cursor.rowcount == 0:
            raise NotFoundError(f"找不到编号为 {assessment_id} 的自查")

    def _confirm(self, assessment_id: int, item_id: str) -> None:
        self.conn.execute(
            "UPDATE answers SET confirmed = 1 WHERE assessment_id = ? AND item_id = ?",
            (assessment_id, item_id),
        )

    def _ensure_answer_row(self, assessment_id: int, item_id: str, stamp: str) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO answers (assessment_id, item_id, value, updated_at) VALUES (?, ?, NULL, ?)",
            (assessment_id, item_id, stamp),
        )

    def _row_count(self, assessment_id: int, item_id: str) -> int:
        row = self.conn.execute(
            "SELECT count(*) FROM table_rows WHERE assessment_id = ? AND item_id = ?", (assessment_id, item_id)
        ).fetchone()
        return int(row[0])

    def _replace_rows(self, assessment_id: int, item_id: str, rows: Sequence[Any], stamp: str) -> None:
        self.conn.execute("DELETE FROM table_rows WHERE assessment_id = ? AND item_id = ?", (assessment_id, item_id))
        self.conn.executemany(
            "INSERT INTO table_rows (assessment_id, item_id, row_id, position, cells, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (assessment_id, item_id, row["row_id"], n, _dump(row.get("cells", {})), stamp)
                for n, row in enumerate(rows)
            ],
        )

    def _answers(self, assessment_id: int) -> dict[str, Answer]:
        rows: dict[str, list[dict[str, Any]]] = {}
        for item_id, row_id, cells in self.conn.execute(
            "SELECT item_id, row_id, cells FROM table_rows WHERE assessment_id = ? ORDER BY item_id, position, row_id",
            (assessment_id,),
        ):
            rows.setdefault(item_id, []).append({"row_id": row_id, "cells": json.loads(cells)})
        answers = {}
        for item_id, value, not_applicable, note, declared_none, is_confirmed in self.conn.execute(
            "SELECT item_id, value, not_applicable, note, declared_none, confirmed FROM answers"
            " WHERE assessment_id = ?",
            (assessment_id,),
        ):
            if item_id in rows:  # a table: its rows, whatever the value column says
                parsed: Any = rows.pop(item_id)
            else:
                parsed = json.loads(value) if value is not None else None
            answers[item_id] = Answer(parsed, bool(not_applicable), note, bool(declared_none), not is_confirmed)
        for item_id, orphan_rows in rows.items():  # rows saved before any answer row existed
            answers[item_id] = Answer(orphan_rows)
        return answers

    def _plan(self, assessment_id: int) -> list[RectificationItem]:
        return [
            RectificationItem(
                key=r[0],
                rule_id=r[1],
                problem=r[2],
                measure=r[3],
                handling=Handling(r[4]),
                responsible_unit=r[5],
                responsible_person=r[6],
                deadline=r[7],
                department=r[8],
                status=r[9],
                rejected=bool(r[10]),
                triggered=bool(r[11]),
                edited=frozenset(json.loads(r[12])),
            )
            for r in self.conn.execute(
                "SELECT key, rule_id, problem, measure, handling, responsible_unit,"
                " responsible_person, deadline, department, status, rejected, triggered, edited"
                " FROM plan_items WHERE assessment_id = ? ORDER BY position",
                (assessment_id,),
            )
        ]

    def _write_plan(
        self, assessment_id: int, plan: Sequence[RectificationItem], stamp: str, fresh: bool = False
    ) -> None:
        """The plan, replacing any stored one (``fresh``: a new assessment, with none to replace)."""
        if not fresh:
            self.conn.execute("DELETE FROM plan_items WHERE assessment_id = ?", (assessment_id,))
        self.conn.executemany(
            "INSERT INTO plan_items (assessment_id, key, rule_id, position, problem, measure, handling,"
            " responsible_unit, responsible_person, deadline, department, status, rejected, triggered,"
            " edited, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_plan_row(assessment_id, item, position, stamp) for position, item in enumerate(plan)],
        )

    def _insert_plan_item(self, assessment_id: int, item: RectificationItem, position: int, stamp: str) -> None:
        self.conn.execute(
            "INSERT INTO plan_items (assessment_id, key, rule_id, position, problem, measure,"
            " handling, responsible_unit, responsible_person, deadline, department, status,"
            " rejected, triggered, edited, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (assessment_id, key) DO UPDATE SET position = excluded.position,"
            " problem = excluded.problem, measure = excluded.measure, handling = excluded.handling,"
            " responsible_unit = excluded.responsible_unit,"
            " responsible_person = excluded.responsible_person, deadline = excluded.deadline,"
            " department = excluded.department, status = excluded.status,"
            " rejected = excluded.rejected, triggered = excluded.triggered,"
            " edited = excluded.edited, updated_at = excluded.updated_at",
            _plan_row(assessment_id, item, position, stamp),
        )

    def _next_plan_position(self, assessment_id: int) -> int:
        row = self.conn.execute(
            "SELECT coalesce(max(position), -1) + 1 FROM plan_items WHERE assessment_id = ?",
            (assessment_id,),
        ).fetchone()
        return int(row[0])

    def _write_scores(
        self,
        assessment_id: int,
        result: ScoreResult,
        stamp: str,
        fresh: bool = False,
        columns: dict[str, Any] | None = None,
    ) -> None:
        """The scores, replacing any stored (``fresh``: a new assessment, with none), and in the
        assessment's row with any other ``columns`` given."""
        rows = [(assessment_id, m.id, m.score, m.level, stamp) for m in result.manifestations.values()]
        rows.append((assessment_id, OVERALL, result.overall, result.overall_level, stamp))
        if not fresh:
            self.conn.execute("DELETE FROM scores WHERE assessment_id = ?", (assessment_id,))
        self.conn.executemany(
            "INSERT INTO scores (assessment_id, manifestation, score, level, computed_at) VALUES (?, ?, ?, ?, ?)",
            rows,
        )
        values: dict[str, Any] = {f"score_{m.id}": m.score for m in result.manifestations.values()}
        values |= {f"level_{m.id}": m.level for m in result.manifestations.values()}
        values |= {
            f"score_{OVERALL}": result.overall,
            f"level_{OVERALL}": result.overall_level,
            "fingertip_hours": result.fingertip_hours_per_cadre_month,
        }
        self._set_columns(assessment_id, values | (columns or {}))  # one row per assessment: no pivot

    def _set_columns(self, assessment_id: int, columns: dict[str, Any]) -> None:
        assignments = ", ".join(f"{name} = ?" for name in columns)  # names are ours, not user input
        self.conn.execute(f"UPDATE assessments SET {assignments} WHERE id = ?", (*columns.values(), assessment_id))


def _answer_row(assessment_id: int, item_id: str, answer: Answer, is_table: bool, stamp: str) -> tuple[Any, ...]:
    """The answers columns. A table's rows live in table_rows; its value column says only "[]"
    (saved whole, possibly with no rows) or NULL; ``declared_none`` says it was answered "none"."""
    value = None if answer.value is None else "[]" if is_table else _dump(answer.value)
    if answer.declared_none:
        value = "[]"  # answered, with no rows
    return (assessment_id, item_id, value, int(answer.not_applicable), answer.note, stamp, int(answer.declared_none))


def confirmed(answer: Answer) -> int:
    """The answers table's ``confirmed`` column: 0 for last period's answer not yet confirmed."""
    return 0 if answer.carried_unconfirmed else 1


def _plan_row(assessment_id: int, item: RectificationItem, position: int, stamp: str) -> tuple[Any, ...]:
    """The plan_items columns in table order."""
    return (
        assessment_id,
        item.key,
        item.rule_id,
        position,
        item.problem,
        item.measure,
        item.handling.value,
        item.responsible_unit,
        item.responsible_person,
        item.deadline,
        item.department,
        item.status,
        int(item.rejected),
        int(item.triggered),
        _dump_names(item.edited),
        stamp,
    )


# One encoder for every value stored: json.dumps with options builds a new encoder per call,
# which an import of 1,000 files pays some 70,000 times.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
# Its C part made once, too: JSONEncoder.encode makes one per value (a third of the cost of a
# small value). No circular check: a stored value comes from JSON or from a form.
_C_MAKE_ENCODER = getattr(json.encoder, "c_make_encoder", None)
_C_ENCODE = (
    None
    if _C_MAKE_ENCODER is None
    else _C_MAKE_ENCODER(None, _ENCODER.default, json.encoder.encode_basestring, None, ":", ",", False, False, True)
)


def _dump_names(names: Iterable[str]) -> str:
    """Field names sorted, as json.dumps has always written them here (``["a", "b"]``)."""
    return "[" + ", ".join(map(json.encoder.encode_basestring_ascii, sorted(names))) + "]"


def _dump(value: Any) -> str:
    if _C_ENCODE is None:  # a Python built without the _json accelerator
        return _ENCODER.encode(value)
    return "".join(_C_ENCODE(value, 0))
