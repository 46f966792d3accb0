"""The county database: imported township assessments, their history, and county views.

County views read the scores and department burdens stored at import; they never recompute
from answers (40,000 assessments must refresh in under 200 ms).
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from typing import Any

from jianfu.core.answers import completion
from jianfu.core.assessment import Period
from jianfu.core.attribution import department_burdens, department_key
from jianfu.core.checklist import INCOMPLETE_LEVEL, Checklist
from jianfu.core.county import (  # the county's value types, re-exported for existing callers
    MANIFESTATIONS,
    CompletenessCounts,
    DepartmentRow,
    EscalatedItem,
    Outcome,
    OverviewRow,
    RequestGroup,
)
from jianfu.core.scoring import ScoreResult
from jianfu.exchange.assessment_file import AssessmentFile
from jianfu.exchange.file_flags import file_flags
from jianfu.storage import county_signers
from jianfu.storage.assessments import AssessmentStore
from jianfu.storage.county_counts import (
    NO_DEPARTMENT_NAMED,
    BurdenRow,
    backfill_counts,
    common_problem_counts,
    count_rows,
    department_names,
    request_groups,
    request_problems,
    requests_for,
    write_burdens,
    write_counts,
)
from jianfu.storage.database import Database, now, savepoint, transaction

# Overview rows and, by township id, (previous period, its scores): see CountyStore.overview_table.
OverviewTable = tuple[list[tuple[Any, ...]], dict[int, tuple[Any, ...]]]

_UNNAMED_KEY = department_key(NO_DEPARTMENT_NAMED)  # requests naming no department: no department's row

__all__ = ["MANIFESTATIONS", "CountyStore", "DepartmentRow", "EscalatedItem", "Outcome", "OverviewRow"]


class CountyStore:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.conn = db.conn
        self.assessments = AssessmentStore(db)
        backfill_counts(self.conn)

    # -------------------------------------------------------------------------- import

    def store_import(
        self,
        content: AssessmentFile,
        checklist: Checklist,
        result: ScoreResult,
        file_name: str = "",
        confirmed_held: int | None = None,
    ) -> Outcome:
        """Store one validated file in one transaction, or in a savepoint of the caller's (a batch
        of imports); say what happened to it.

        ``confirmed_held``: the held file the inspector confirmed (its key becomes the
        township's key, and it leaves the held list in the same transaction)."""
        a = content.assessment
        stamp = now()
        with savepoint(self.conn) if self.conn.in_transaction else transaction(self.conn):
            if confirmed_held is not None:
                county_signers.release(self.conn, confirmed_held)
            seen = self.conn.execute(
                "SELECT 1 FROM assessment_history WHERE content_sha256 = ?", (content.sha256,)
            ).fetchone()
            if seen:
                return Outcome.UNCHANGED
            if county_signers.is_held(self.conn, content.sha256):
                return Outcome.HELD
            reason = county_signers.hold_reason(self.conn, content, confirmed_held is not None, stamp)
            if reason:
                county_signers.hold(self.conn, content, file_name, reason, stamp)
                return Outcome.HELD
            current = self.conn.execute(
                "SELECT a.id FROM assessments a"
                " JOIN townships t ON t.id = a.township_id WHERE t.division_code = ? AND a.period = ?",
                (a.township.division_code, a.period.code),
            ).fetchone()
            newer = current is None or county_signers.is_newer(self.conn, content)
            signature = content.signature
            self.conn.execute(
                "INSERT INTO assessment_history (division_code, period, content_sha256, updated_at,"
                " exported_at, imported_at, reason, document, signer_fingerprint, sequence, flags)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    a.township.division_code,
                    a.period.code,
                    content.sha256,
                    a.updated_at,
                    content.exported_at,
                    stamp,
                    "current" if newer else "older",
                    zlib.compress(content.raw, 1),
                    signature.fingerprint if signature else None,
                    signature.sequence if signature else None,
                    ",".join(file_flags(content)),
                ),
            )
            if not newer:
                return Outcome.OLDER
            if current is not None:
                self.conn.execute(
                    "UPDATE assessment_history SET reason = 'replaced' WHERE division_code = ? AND period = ?"
                    " AND reason = 'current' AND content_sha256 != ?",
                    (a.township.division_code, a.period.code, content.sha256),
                )
                self.conn.execute("DELETE FROM assessments WHERE id = ?", (current[0],))
            answered, asked = completion(checklist, a.answers)
            done = result.completeness
            figures = {  # what the county views read, beside the scores
                "content_sha256": content.sha256,
                "exported_at": content.exported_at,
                "imported_at": stamp,
                "answered": answered,
                "asked": asked,
                "completeness_answered": done.answered,
                "required_missing": done.required_missing,
                "not_applicable": done.not_applicable,
                "not_applicable_without_reason": done.not_applicable_without_reason,
                "table_not_applicable": len(done.table_not_applicable),
                "inconsistent": len(done.inconsistent),
                "unconfirmed": done.unconfirmed,
            } | _no_score_unassessed(result)
            assessment_id = self.assessments.insert_assessment(a, checklist, result, stamp, figures)
            burdens: list[BurdenRow] = [
                (
                    assessment_id,
                    a.period.code,
                    b.key,
                    b.department,
                    b.apps,
                    b.checkin,
                    b.ranking,
                    b.online_time,
                    b.forced_download,
                    b.filing_tasks,
                    b.duplicate_filings,
                    b.hours,
                )
                for b in department_burdens(checklist, a.answers)
            ]
            write_burdens(self.conn, burdens)
            plan = [(i.key, i.rule_id, i.handling.value, i.department, i.rejected, n) for n, i in enumerate(a.plan)]
            write_counts(self.conn, count_rows(assessment_id, a.period.code, a.township.division_code, plan))
            return Outcome.IMPORTED if current is None else Outcome.UPDATED

    def county_codes(self) -> dict[str, str]:
        """The counties (first six digits of the division code) of the imported townships, each
        with a county name its townships gave."""
        rows = self.conn.execute("SELECT substr(division_code, 1, 6), max(county) FROM townships GROUP BY 1")
        return {str(code): str(name or "") for code, name in rows}

    def history(self, division_code: str, period: Period) -> list[tuple[str, str, str]]:
        """(updated_at, exported_at, reason) of every file received for a township and period."""
        rows = self.conn.execute(
            "SELECT updated_at, exported_at, reason FROM assessment_history WHERE division_code = ? AND period = ?"
            " ORDER BY updated_at, exported_at",
            (division_code, period.code),
        )
        return [tuple(r) for r in rows]

    def history_document(self, division_code: str, period: Period, updated_at: str) -> bytes:
        row = self.conn.execute(
            "SELECT document FROM assessment_history WHERE division_code = ? AND period = ? AND updated_at = ?",
            (division_code, period.code, updated_at),
        ).fetchone()
        return county_signers.unpack_stored_file(row[0], f"{division_code} {period.code}")

    # --------------------------------------------------------------------------- views

    def periods(self) -> list[Period]:
        # Each distinct period found by one seek in the overview's index (a skip-scan), not by
        # reading the 40,000 entries of 10,000 townships × 4 periods.
        rows = self.conn.execute(
            "WITH RECURSIVE p(code) AS (SELECT min(period) FROM assessments WHERE content_sha256 IS NOT NULL"
            " UNION ALL SELECT (SELECT min(period) FROM assessments WHERE content_sha256 IS NOT NULL AND period > code)"
            " FROM p WHERE code IS NOT NULL) SELECT code FROM p WHERE code IS NOT NULL"
        )
        return sorted((Period(r[0]) for r in rows), reverse=True)

    def overview_table(self, period: Period) -> OverviewTable:
        """The overview as plain rows, for views that format only what they show: (assessment id,
        division code, township, period, fingertip hours, answered, asked, township id, then score
        and level of each manifestation and of the overall, then the completeness counts: answered,
        required missing, 不适用, 不适用 without a reason, tables marked 不适用 the old way, answers
        contradicting a table's "none"), in division-code order; and by township
        id, (previous period, its scores) for the townships that reported before.

        The previous scores are read a period at a time, latest first, through the overview's
        covering index, until every township has its previous period (usually one read); they
        are kept apart, not joined into each row, so 10,000 rows cost no Python work here.
        """
        names = (*MANIFESTATIONS, "overall")
        current = ", ".join(f"a.score_{m}, a.level_{m}" for m in names)
        rows = self.conn.execute(
            "SELECT a.id, t.division_code, t.name, a.period, coalesce(a.fingertip_hours, 0),"
            f" coalesce(a.answered, 0), coalesce(a.asked, 0), a.township_id, {current},"
            " a.completeness_answered, a.required_missing, a.not_applicable, a.not_applicable_without_reason,"
            " a.table_not_applicable, a.inconsistent"
            " FROM assessments a JOIN townships t ON t.id = a.township_id"
            " WHERE a.period = ? AND a.content_sha256 IS NOT NULL ORDER BY t.division_code",
            (period.code,),
        ).fetchall()
        scores = ", ".join(f"score_{m}" for m in names)
        previous: dict[int, tuple[Any, ...]] = {}
        wanted = len(rows)
        for earlier in (p for p in self.periods() if p < period):
            before = self.conn.execute(
                f"SELECT township_id, period, {scores} FROM assessments"
                " WHERE period = ? AND content_sha256 IS NOT NULL",
                (earlier.code,),
            ).fetchall()
            if not previous:  # the usual case: one earlier period, taken whole
                previous = {r[0]: r[1:] for r in before}
            else:
                for r in before:
                    previous.setdefault(r[0], r[1:])
            if len(previous) >= wanted and all(r[7] in previous for r in rows):
                break
        return rows, previous

    def overview(self, period: Period) -> list[OverviewRow]:
        """Every imported township for ``period`` with its scores and its change since the last period."""
        names = (*MANIFESTATIONS, "overall")
        rows, previous = self.overview_table(period)
        result = []
        for r in rows:
            scores = dict(zip(MANIFESTATIONS, r[8:16:2], strict=True))
            levels = dict(zip(MANIFESTATIONS, r[9:17:2], strict=True))
            before = previous.get(r[7])
            counts = None if r[18] is None else CompletenessCounts(r[18], r[19], r[20], r[21], r[22] or 0, r[23] or 0)
            result.append(
                OverviewRow(
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    scores,
                    levels,
                    r[16] or 0.0,
                    r[17] or "",
                    r[4],
                    r[5],
                    r[6],
                    before[0] if before else None,
                    dict(zip(names, before[1:], strict=True)) if before else {},
                    counts,
                )
            )
        return result

    def averages(self, period: Period) -> tuple[int, int, dict[str, float]]:
        """How many townships reported for ``period``, how many of them were given a level, and
        those rated townships' average score in each manifestation: an assessment left 未完成 is
        kept out of the averages (read from the overview's covering index)."""
        rated = f"level_overall IS NOT '{INCOMPLETE_LEVEL}'"
        columns = ", ".join(f"avg(CASE WHEN {rated} THEN coalesce(score_{m}, 0) END)" for m in MANIFESTATIONS)
        count, rated_count, *means = self.conn.execute(
            f"SELECT count(*), count(CASE WHEN {rated} THEN 1 END), {columns} FROM assessments"
            " WHERE period = ? AND content_sha256 IS NOT NULL",
            (period.code,),
        ).fetchone()
        return count, rated_count, dict(zip(MANIFESTATIONS, means, strict=True)) if rated_count else {}

    def departments(self, period: Period) -> list[DepartmentRow]:
        """Which county departments burden how many townships, and how (条线归因)."""
        aliases = {
            k: (ck, n)
            for k, ck, n in self.conn.execute("SELECT alias_key, canonical_key, canonical_name FROM department_aliases")
        }
        # Totals added as burdens are stored, removed by a trigger; aliases are merged here.
        rows = self.conn.execute(
            "SELECT department_key, department, townships, apps, checkin, ranking, online_time,"
            " forced_download, filing_tasks, duplicate_filings, hours FROM department_totals WHERE period = ?",
            (period.code,),
        )
        merged: dict[str, list[Any]] = {}
        for key, spelling, *numbers in rows:
            canonical_key, canonical_name = aliases.get(key, (key, ""))
            entry = merged.setdefault(canonical_key, [canonical_name, {}, [0] * 9])
            entry[1][spelling] = entry[1].get(spelling, 0) + numbers[0]
            entry[2] = [a + b for a, b in zip(entry[2], numbers, strict=True)]
        # Requests naming a department (one total row per spelling, as stored at import): a
        # department asked to act but burdening through no table row is listed with zeros.
        requests: dict[str, int] = {}
        asking: dict[str, int] = {}  # townships whose requests name it
        burdening = set(merged)
        for key, spelling, townships, count in self.conn.execute(
            "SELECT key, name, townships, n FROM count_totals WHERE period = ? AND kind = 'request' AND key != ?",
            (period.code, _UNNAMED_KEY),
        ):
            canonical_key, canonical_name = aliases.get(key, (key, ""))
            requests[canonical_key] = requests.get(canonical_key, 0) + count
            asking[canonical_key] = asking.get(canonical_key, 0) + townships
            spellings = merged.setdefault(canonical_key, [canonical_name, {}, [0] * 9])[1]
            # named as the requests spell it; a burdening department keeps its tables' commonest spelling
            spellings[spelling] = spellings.get(spelling, 0) + (0 if canonical_key in burdening else count)
        result = []
        for key, (name, spellings, n) in merged.items():
            shown = name or max(spellings, key=lambda s: spellings[s])  # the commonest spelling
            result.append(
                DepartmentRow(
                    key,
                    shown,
                    sorted(spellings),
                    # the townships it burdens or that ask it to act: a department only asked was "0 乡镇"
                    max(n[0], asking.get(key, 0)),
                    n[1],
                    n[2],
                    n[3],
                    n[4],
                    n[5],
                    n[6],
                    n[7],
                    round(n[8], 1),
                    requests=requests.get(key, 0),
                )
            )
        return sorted(result, key=lambda d: (-d.hours, -d.townships, -d.requests))

    def checklist_versions(self, period: Period) -> list[tuple[str, int]]:
        """The checklist (id, version) pairs the townships of ``period`` answered."""
        rows = self.conn.execute(
            "SELECT DISTINCT checklist_id, checklist_version FROM assessments"
            " WHERE period = ? AND content_sha256 IS NOT NULL",
            (period.code,),
        )
        return [(str(i), int(v)) for i, v in rows]

    def department_checklists(self, period: Period) -> dict[str, set[tuple[str, int]]]:
        """By department key (aliases merged, as ``departments`` merges them): the checklist
        versions its townships answered. Read only for a round that mixes versions."""
        aliases = dict(self.conn.execute("SELECT alias_key, canonical_key FROM department_aliases").fetchall())
        rows = self.conn.execute(
            "SELECT DISTINCT b.department_key, a.checklist_id, a.checklist_version FROM department_burdens b"
            " JOIN assessments a ON a.id = b.assessment_id WHERE b.period = ? AND a.content_sha256 IS NOT NULL",
            (period.code,),
        )
        result: dict[str, set[tuple[str, int]]] = {}
        for key, checklist_id, version in rows:
            result.setdefault(aliases.get(key, key), set()).add((str(checklist_id), int(version)))
        return result

    def set_alias(self, variant: str, canonical: str) -> None:
        """Count ``variant`` as ``canonical`` (the same department typed another way)."""
        with transaction(self.conn):
            self.conn.execute(
                "INSERT INTO department_aliases (alias_key, canonical_key, canonical_name) VALUES (?, ?, ?)"
                " ON CONFLICT (alias_key) DO UPDATE SET canonical_key = excluded.canonical_key,"
                " canonical_name = excluded.canonical_name",
                (department_key(variant), department_key(canonical), canonical.strip()),
            )
            self.conn.execute(  # the canonical name maps onto itself, so both spellings show as it
                "INSERT OR IGNORE INTO department_aliases (alias_key, canonical_key, canonical_name) VALUES (?, ?, ?)",
                (department_key(canonical), department_key(canonical), canonical.strip()),
            )

    def aliases(self) -> list[tuple[str, str]]:
        return [
            tuple(r)
            for r in self.conn.execute(
                "SELECT alias_key, canonical_name FROM department_aliases WHERE alias_key != canonical_key"
            )
        ]

    def remove_alias(self, alias_key: str) -> None:
        with transaction(self.conn):
            self.conn.execute("DELETE FROM department_aliases WHERE alias_key = ?", (alias_key,))

    def set_expected_townships(self, townships: list[tuple[str, str]]) -> None:
        with transaction(self.conn):
            self.conn.execute("DELETE FROM expected_townships")
            self.conn.executemany("INSERT OR REPLACE INTO expected_townships VALUES (?, ?)", townships)

    def has_expected_townships(self) -> bool:
        """Whether the 应报乡镇名单 (list of townships expected to report) was loaded."""
        return self.conn.execute("SELECT 1 FROM expected_townships LIMIT 1").fetchone() is not None

    def missing_townships(self, period: Period) -> list[tuple[str, str]]:
        return [
            tuple(r)
            for r in self.conn.execute(
                "SELECT e.division_code, e.name FROM expected_townships e WHERE NOT EXISTS ("
                " SELECT 1 FROM assessments a JOIN townships t ON t.id = a.township_id"
                " WHERE t.division_code = e.division_code AND a.period = ? AND a.content_sha256 IS NOT NULL)"
                " ORDER BY e.division_code",
                (period.code,),
            )
        ]

    def unconfirmed_townships(self, period: Period) -> list[tuple[str, int]]:
        """(township, how many answers) of the townships whose file for ``period`` still holds
        answers carried over from last period that nobody confirmed ("沿用上期未确认")."""
        return [
            (r[0], r[1])
            for r in self.conn.execute(
                "SELECT t.name, a.unconfirmed FROM assessments a JOIN townships t ON t.id = a.township_id"
                " WHERE a.period = ? AND a.unconfirmed > 0 AND a.content_sha256 IS NOT NULL ORDER BY t.division_code",
                (period.code,),
            )
        ]

    def common_problems(self, period: Period) -> list[tuple[str, int]]:
        """(rule id, number of townships) of the problems in the townships' plans, commonest first."""
        return common_problem_counts(self.conn, period.code)

    def request_groups(self, period: Period) -> list[RequestGroup]:
        """County departments the townships ask to act, aliases applied, from the stored counts."""
        return request_groups(self.conn, period.code)

    def requests_for(
        self, period: Period, group: RequestGroup, rule_id: str | None = "", limit: int = -1
    ) -> list[EscalatedItem]:
        """The items behind one department's requests (of one problem unless ``rule_id`` is ""),
        read when the inspector opens it."""
        return [EscalatedItem(*row) for row in requests_for(self.conn, period.code, group.keys, rule_id, limit)]

    def request_problems(self, period: Period, group: RequestGroup) -> list[tuple[str | None, int]]:
        """(rule id or None, townships) of the problems one department is asked to act on."""
        return request_problems(self.conn, period.code, group.keys)

    def plan_items(self, period: Period) -> list[tuple[str, str, str, str, str, str, str, str, str, bool]]:
        """Every plan item of every township: township, problem, measure, handling, unit, person,
        deadline, department, status, rejected."""
        return [
            (r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], bool(r[9]))
            for r in self.conn.execute(
                "SELECT t.name, p.problem, p.measure, p.handling, p.responsible_unit, p.responsible_person, p.deadline,"
                " p.department, p.status, p.rejected FROM plan_items p JOIN assessments a ON a.id = p.assessment_id"
                " JOIN townships t ON t.id = a.township_id WHERE a.period = ? AND a.content_sha256 IS NOT NULL"
                " ORDER BY t.division_code, p.position",
                (period.code,),
            )
        ]

    def county_name(self) -> str:
        row = self.conn.execute(
            "SELECT county, count(*) FROM townships GROUP BY county ORDER BY 2 DESC LIMIT 1"
        ).fetchone()
        return row[0] if row else ""

    def escalated_items(self, period: Period) -> dict[str, list[EscalatedItem]]:
        """Items the townships ask the county to act on, by department (aliases applied)."""
        aliases = {
            k: n
            for k, _, n in self.conn.execute("SELECT alias_key, canonical_key, canonical_name FROM department_aliases")
        }
        groups: dict[str, list[EscalatedItem]] = defaultdict(list)
        rows = self.conn.execute(
            "SELECT t.name, t.division_code, p.problem, p.measure, p.department, p.deadline, p.rule_id"
            " FROM plan_items p JOIN assessments a ON a.id = p.assessment_id JOIN townships t ON t.id = a.township_id"
            " WHERE a.period = ? AND a.content_sha256 IS NOT NULL AND p.handling = 'escalate' AND p.rejected = 0"
            " ORDER BY t.division_code, p.position",
            (period.code,),
        )
        for row in rows:
            item = EscalatedItem(*row)
            for name in department_names(item.department):
                groups[aliases.get(department_key(name), name)].append(item)
        return dict(sorted(groups.items(), key=lambda g: (-len(g[1]), g[0])))


def _no_score_unassessed(result: ScoreResult) -> dict[str, None]:
    """A manifestation with nothing it reads answered keeps no score (NULL, not 0, which would
    read as no burden): the county's views say 尚无作答 for it (``OverviewRow.assessed``)."""
    return {f"score_{m.id}": None for m in result.manifestations.values() if not m.assessed and m.id in MANIFESTATIONS}
