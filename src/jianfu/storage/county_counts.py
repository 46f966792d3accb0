"""Counts behind the county window's problems tab, stored at import (totals per period kept in
``count_totals``: added here, removed by a trigger when an assessment's rows go).

One row per imported assessment and common problem (kind ``problem``, key = rule id) or county
department the township asks to act (kind ``request``, key = department key, n = items). The
tab groups these rows through a covering index; the items behind a department are read only
when the inspector opens it. 10,000 townships × 4 periods hold about a million plan items:
reading them all on every refresh took seconds and gigabytes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from functools import lru_cache

from jianfu.core.attribution import department_key, parse_attribution
from jianfu.core.county import RequestGroup
from jianfu.storage.database import transaction

NO_DEPARTMENT_NAMED = "（未注明部门）"


# The same few hundred department spellings come back in every file of an import.
_department_key = lru_cache(maxsize=4096)(department_key)


def department_names(text: str) -> list[str]:
    """The departments a plan item's department field names as imposing it; "one or more of"
    several is no department (``core.attribution``)."""
    return list(_named(text))


@lru_cache(maxsize=4096)  # as _department_key: the same fields come back in every file
def _named(text: str) -> tuple[str, ...]:
    return parse_attribution(text).named or (NO_DEPARTMENT_NAMED,)


# item key, rule id, handling, department, rejected, position
PlanFacts = tuple[str, str | None, str, str, bool, int]
CountRow = tuple[int, str, str, str, str, int]
# assessment, period, department key, item key, rule id, division code, position
RequestRow = tuple[int, str, str, str, str | None, str, int]
# assessment, period, department key, department, apps, checkin, ranking, online time, forced
# download, filing tasks, duplicate filings, hours
BurdenRow = tuple[int, str, str, str, int, int, int, int, int, int, int, float]


def count_rows(
    assessment_id: int, period: str, division_code: str, items: Iterable[PlanFacts]
) -> tuple[list[CountRow], list[RequestRow]]:
    """Rows for ``county_counts`` and ``county_requests`` from one assessment's plan items."""
    problems: set[str] = set()
    requests: dict[str, tuple[str, int]] = {}
    request_rows: set[RequestRow] = set()
    for item_key, rule_id, handling, department, rejected, position in items:
        if rejected:
            continue
        if rule_id is not None:
            problems.add(rule_id)
        if handling == "escalate":
            for name in department_names(department):
                key = _department_key(name)
                first, n = requests.get(key, (name, 0))
                requests[key] = (first, n + 1)
                request_rows.add((assessment_id, period, key, item_key, rule_id, division_code, position))
    counts = [(assessment_id, period, "problem", rule, "", 1) for rule in sorted(problems)] + [
        (assessment_id, period, "request", key, name, n) for key, (name, n) in requests.items()
    ]
    return counts, sorted(request_rows, key=lambda r: r[:4])


def write_counts(conn: sqlite3.Connection, rows: tuple[list[CountRow], list[RequestRow]]) -> None:
    """Store one assessment's counts and add them to the period's totals (the only writer of both)."""
    conn.executemany("INSERT INTO county_counts VALUES (?, ?, ?, ?, ?, ?)", rows[0])
    conn.executemany(
        "INSERT INTO count_totals (period, kind, key, name, townships, n) VALUES (?, ?, ?, ?, 1, ?)"
        " ON CONFLICT (period, kind, key, name) DO UPDATE SET townships = townships + 1, n = n + excluded.n",
        [row[1:] for row in rows[0]],
    )
    conn.executemany(
        "INSERT INTO county_requests (assessment_id, period, key, item_key, rule_id, division_code, position)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows[1],
    )


def write_burdens(conn: sqlite3.Connection, rows: list[BurdenRow]) -> None:
    """Store one assessment's department burdens and add them to the period's department totals
    (the only writer of both; a row's removal is subtracted by a trigger)."""
    conn.executemany(
        "INSERT INTO department_burdens (assessment_id, period, department_key, department, apps, checkin,"
        " ranking, online_time, forced_download, filing_tasks, duplicate_filings, hours)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.executemany(
        "INSERT INTO department_totals (period, department_key, department, townships, apps, checkin, ranking,"
        " online_time, forced_download, filing_tasks, duplicate_filings, hours)"
        " VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (period, department_key, department) DO UPDATE SET townships = townships + 1,"
        " apps = apps + excluded.apps, checkin = checkin + excluded.checkin, ranking = ranking + excluded.ranking,"
        " online_time = online_time + excluded.online_time,"
        " forced_download = forced_download + excluded.forced_download,"
        " filing_tasks = filing_tasks + excluded.filing_tasks,"
        " duplicate_filings = duplicate_filings + excluded.duplicate_filings, hours = hours + excluded.hours",
        [row[1:] for row in rows],
    )


def backfill_counts(conn: sqlite3.Connection) -> None:
    """Count the assessments imported before the counts were stored (once, on first open)."""
    if conn.execute("SELECT 1 FROM counts_pending").fetchone() is None:
        return
    with transaction(conn):
        conn.execute("DELETE FROM county_counts")
        conn.execute("DELETE FROM county_requests")
        items: dict[tuple[int, str, str], list[PlanFacts]] = {}
        for assessment_id, period, code, key, rule_id, handling, department, rejected, position in conn.execute(
            "SELECT a.id, a.period, t.division_code, p.key, p.rule_id, p.handling, p.department, p.rejected,"
            " p.position FROM assessments a JOIN townships t ON t.id = a.township_id"
            " JOIN plan_items p ON p.assessment_id = a.id WHERE a.content_sha256 IS NOT NULL"
        ):
            facts = (key, rule_id, handling, department, bool(rejected), position)
            items.setdefault((assessment_id, period, code), []).append(facts)
        for (assessment_id, period, code), plan in items.items():
            write_counts(conn, count_rows(assessment_id, period, code, plan))
        conn.execute("DELETE FROM counts_pending")


def common_problem_counts(conn: sqlite3.Connection, period: str) -> list[tuple[str, int]]:
    """(rule id, townships) of the problems in the townships' plans, commonest first."""
    return [
        (r[0], r[1])
        for r in conn.execute(
            "SELECT key, townships FROM count_totals WHERE period = ? AND kind = 'problem' ORDER BY 2 DESC, 1",
            (period,),
        )
    ]


def request_groups(conn: sqlite3.Connection, period: str) -> list[RequestGroup]:
    """County departments asked to act, with aliases applied, most townships first."""
    aliases = {
        k: (ck, n)
        for k, ck, n in conn.execute("SELECT alias_key, canonical_key, canonical_name FROM department_aliases")
    }
    merged: dict[str, tuple[str, dict[str, int], list[str], list[int]]] = {}
    for key, name, townships, items in conn.execute(
        "SELECT key, name, townships, n FROM count_totals WHERE period = ? AND kind = 'request'",
        (period,),
    ):
        canonical_key, canonical_name = aliases.get(key, (key, ""))
        label, spellings, keys, totals = merged.setdefault(canonical_key, (canonical_name, {}, [], [0, 0]))
        spellings[name] = spellings.get(name, 0) + townships
        if key not in keys:
            keys.append(key)
        totals[0] += townships
        totals[1] += items
    groups = []
    for label, spellings, keys, (townships, items) in merged.values():
        if len(keys) > 1 or len(spellings) > 1:  # a township may name two merged spellings
            marks = ", ".join("?" * len(keys))
            townships = conn.execute(  # an assessment has a request row for each key it counts under
                f"SELECT count(DISTINCT assessment_id) FROM county_requests WHERE period = ? AND key IN ({marks})",
                (period, *keys),
            ).fetchone()[0]
        name = label or max(spellings, key=lambda s: spellings[s])
        groups.append(RequestGroup(name, tuple(sorted(keys)), townships, items))
    return sorted(groups, key=lambda g: (-g.townships, g.name))


def requests_for(
    conn: sqlite3.Connection, period: str, keys: tuple[str, ...], rule_id: str | None = "", limit: int = -1
) -> list[tuple[str, str, str, str, str, str, str | None]]:
    """The items asking one department (its merged keys) to act: (township, division code,
    problem, measure, department, deadline, rule id), in division-code order; only those of
    ``rule_id`` unless it is "" (None: the townships' own items); at most ``limit``.

    The requests are chosen and ordered in ``county_requests``' index alone; only the chosen
    ones are joined to their plan items."""
    marks = ", ".join("?" * len(keys))
    rule = "" if rule_id == "" else " AND rule_id IS ?"
    # One key cannot list an item twice; merged keys can (an item naming both spellings).
    distinct = "DISTINCT " if len(keys) > 1 else ""
    return [
        tuple(r)
        for r in conn.execute(
            f"WITH chosen AS (SELECT {distinct}assessment_id, item_key, division_code, position, rule_id"
            f" FROM county_requests WHERE period = ? AND key IN ({marks}){rule}"
            " ORDER BY division_code, position LIMIT ?)"
            " SELECT t.name, c.division_code, p.problem, p.measure, p.department, p.deadline, c.rule_id"
            " FROM chosen c JOIN plan_items p ON p.assessment_id = c.assessment_id AND p.key = c.item_key"
            " JOIN assessments a ON a.id = c.assessment_id JOIN townships t ON t.id = a.township_id"
            " ORDER BY c.division_code, c.position",
            (period, *keys, *([] if rule_id == "" else [rule_id]), limit),
        )
    ]


def request_problems(conn: sqlite3.Connection, period: str, keys: tuple[str, ...]) -> list[tuple[str | None, int]]:
    """(rule id, or None for the townships' own items; townships) behind one department's requests,
    counted in ``county_requests``' index (one assessment a township and period)."""
    marks = ", ".join("?" * len(keys))
    return [
        (r[0], r[1])
        for r in conn.execute(
            "SELECT rule_id, count(DISTINCT assessment_id) FROM county_requests"
            f" WHERE period = ? AND key IN ({marks}) GROUP BY rule_id ORDER BY 2 DESC, 1",
            (period, *keys),
        )
    ]
