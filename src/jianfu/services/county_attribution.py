"""Bringing a county database imported by an earlier version to the current attribution rule.

Earlier versions took a "which departments impose these" answer naming several departments as
each of them imposing the burden, and the county counted the plan item under every one of them.
Migration 16 marks such a database; on its first open the plan items whose department field the
township never edited are redrafted from the stored answers (as an import does now) and the
county counts of the assessments that changed are made again. The files themselves stay in the
history as received.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from jianfu.core.attribution import ANY_OF, parse_attribution
from jianfu.core.library import ChecklistLibrary
from jianfu.core.plan import rederive_departments
from jianfu.core.scoring import score_assessment
from jianfu.storage.assessments import AssessmentStore
from jianfu.storage.county_counts import count_rows, write_counts
from jianfu.storage.database import Database, transaction


def attribution_pending(db: Database) -> bool:
    """Whether migration 16 left the stale department fields to redraft."""
    return db.conn.execute("SELECT 1 FROM attribution_pending").fetchone() is not None


def rederive_pending(db: Database, library: ChecklistLibrary, progress: Callable[[float], None] | None = None) -> int:
    """Redraft the stale department fields if migration 16 asked for it; the assessments changed.

    One transaction: ``progress`` (a fraction done) may raise to cancel, and nothing is changed
    then; the next open starts again. A county of a few hundred assessments takes well under a
    second; a prefecture's 40,000 a few minutes, which is why the window runs it in a worker."""
    conn = db.conn
    if not attribution_pending(db):
        return 0
    store = AssessmentStore(db)
    changed = 0
    with transaction(conn):
        candidates = _candidates(db)
        for done, (assessment_id, period, code) in enumerate(candidates):
            if progress is not None and done % 50 == 0:
                progress(done / len(candidates))
            a = store.load(assessment_id)
            checklist = library.get(a.checklist_id, a.checklist_version)
            result = score_assessment(checklist, a.answers)
            plan = rederive_departments(a.plan, result, checklist.plan_min_intensity)
            updates = [(n.department, assessment_id, n.key) for o, n in zip(a.plan, plan, strict=True) if o != n]
            if not updates:
                continue
            changed += 1
            conn.executemany("UPDATE plan_items SET department = ? WHERE assessment_id = ? AND key = ?", updates)
            # the totals follow by the removing triggers and by write_counts
            conn.execute("DELETE FROM county_counts WHERE assessment_id = ?", (assessment_id,))
            conn.execute("DELETE FROM county_requests WHERE assessment_id = ?", (assessment_id,))
            facts = [(i.key, i.rule_id, i.handling.value, i.department, i.rejected, n) for n, i in enumerate(plan)]
            write_counts(conn, count_rows(assessment_id, period, code, facts))
        conn.execute("DELETE FROM attribution_pending")
    return changed


def _candidates(db: Database) -> list[tuple[int, str, str]]:
    """Imported assessments with a drafted (unedited) department field naming several departments:
    only those can have been attributed to each of a several-department answer."""
    found: dict[int, tuple[int, str, str]] = {}
    for assessment_id, period, code, department, edited in db.conn.execute(
        "SELECT a.id, a.period, t.division_code, p.department, p.edited FROM plan_items p"
        " JOIN assessments a ON a.id = p.assessment_id JOIN townships t ON t.id = a.township_id"
        " WHERE a.content_sha256 IS NOT NULL AND p.rule_id IS NOT NULL AND p.department != ''"
    ):
        if assessment_id in found or ANY_OF in department or "department" in json.loads(edited):
            continue
        if len(parse_attribution(department).named) > 1:
            found[assessment_id] = (assessment_id, period, code)
    return list(found.values())
