"""The county counts a request under a department only where the township named that department,
in files drafted by earlier versions too, and in databases imported before the rule (its migration)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import zlib
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest

from jianfu.core.answers import Answer
from jianfu.core.assessment import Assessment, Period, Township
from jianfu.core.attribution import department_key, parse_attribution
from jianfu.core.plan import draft_plan
from jianfu.core.scoring import score_assessment
from jianfu.exchange.assessment_file import to_document, write_assessment_file
from jianfu.exchange.demo import write_demo
from jianfu.reports.county import UNATTRIBUTED
from jianfu.services import county_import
from jianfu.services.county import CountyService
from jianfu.services.county_import import collect_files, import_files
from jianfu.storage.database import open_database
from jianfu.storage.migrations import MIGRATIONS

Q4 = Period("2026-Q4")
SEVERAL = "县委组织部、县应急管理局"
TRACES = "fix:stop_traces:escalate"  # photo check-in: asked of whoever traces.imposed_by names
MEETINGS = "fix:meetings:escalate"  # meetings: meetings.imposed_by names one department


def earlier_draft(plan):
    """A plan as versions before the rule drafted it: every department of an answer named."""
    return [
        replace(i, department="、".join((*p.named, *p.any_of))) for i in plan if (p := parse_attribution(i.department))
    ]


def township_file(folder: Path, checklist) -> Path:
    answers = {
        "traces.photo_checkin": Answer(True),
        "traces.imposed_by": Answer(SEVERAL),
        "meetings.per_month": Answer(30),
        "meetings.imposed_by": Answer("县委办公室"),
    }
    result = score_assessment(checklist, answers)
    plan = earlier_draft(draft_plan(result, dt.date(2026, 12, 31), checklist.plan_min_intensity))
    assert {i.key: i.department for i in plan}[TRACES] == SEVERAL  # each named, as before
    assessment = Assessment(
        Township("东风镇", "519901001000", "云溪县"),
        Q4,
        checklist.id,
        checklist.version,
        dt.date(2026, 12, 31),
        answers,
        plan,
    )
    path = folder / "东风镇-2026-Q4.jianfu"
    write_assessment_file(path, to_document(assessment, result, exported_at="2026-12-31T09:00:00"))
    return path


def test_a_request_from_a_several_department_answer_is_counted_under_no_department(
    tmp_path: Path, library, checklist
) -> None:
    db = open_database(tmp_path / "county.sqlite3")
    import_files(db, library, [township_file(tmp_path, checklist)])
    conn = db.conn
    stored = dict(conn.execute("SELECT key, department FROM plan_items"))
    assert stored[TRACES] == f"{SEVERAL}之一或多个（未指明）" and stored[MEETINGS] == "县委办公室"
    counted = dict(conn.execute("SELECT key, n FROM county_counts WHERE kind = 'request'"))
    assert counted == {department_key(UNATTRIBUTED): 1, department_key("县委办公室"): 1}
    assert dict(conn.execute("SELECT key, n FROM count_totals WHERE kind = 'request'")) == counted
    requests = set(conn.execute("SELECT key, item_key FROM county_requests"))
    assert requests == {(department_key(UNATTRIBUTED), TRACES), (department_key("县委办公室"), MEETINGS)}
    for name in SEVERAL.split("、"):
        assert department_key(name) not in counted
    # the file itself is kept as received
    (document,) = conn.execute("SELECT document FROM assessment_history").fetchone()
    plan = json.loads(zlib.decompress(document))["plan"]
    assert {p["key"]: p["department"] for p in plan}[TRACES] == SEVERAL
    db.close()


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory, library) -> Path:
    directory = tmp_path_factory.mktemp("county")
    write_demo(directory, library)
    return directory


def county_state(path: Path, library) -> dict[str, object]:
    """What the county shows of its departments, and the stored rows behind it."""
    with CountyService.open(path, library) as county:
        conn = county.db.conn
        state: dict[str, object] = {
            table: sorted(conn.execute(f"SELECT * FROM {table}"))
            for table in ("county_counts", "count_totals", "county_requests")
        }
        state["departments"] = sorted(conn.execute("SELECT assessment_id, key, department FROM plan_items"))
        for period in county.periods():
            state[f"groups {period.code}"] = county.request_groups(period)
            state[f"escalated {period.code}"] = county.store.escalated_items(period)
    return state


def _earlier_database(tmp_path: Path, library, demo_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo county as an earlier version imported it (each department of an answer counted),
    its schema back to before the rule's migration."""
    earlier = tmp_path / "earlier.sqlite3"
    with monkeypatch.context() as patch:
        patch.setattr(county_import, "rederive_departments", lambda plan, result, minimum: earlier_draft(plan))
        with CountyService.open(earlier, library) as county:
            county.import_files(collect_files([demo_dir]))
    before = next(m.version for m in MIGRATIONS if m.name == "county_attribution_pending") - 1
    with closing(sqlite3.connect(earlier)) as conn:
        assert UNATTRIBUTED not in county_state_names(conn)
        conn.executescript(
            f"DROP TABLE attribution_pending; DELETE FROM schema_migrations WHERE version > {before};"
            f" PRAGMA user_version = {before};"
        )
    return earlier


def test_a_county_imported_before_the_rule_is_brought_to_it_on_opening(
    tmp_path: Path, library, demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = tmp_path / "now.sqlite3"
    with CountyService.open(expected, library) as county:
        county.import_files(collect_files([demo_dir]))
    now = county_state(expected, library)
    assert now["escalated 2026-Q4"][UNATTRIBUTED]  # the demo has several-department answers

    earlier = _earlier_database(tmp_path, library, demo_dir, monkeypatch)
    assert county_state(earlier, library) == now
    with closing(sqlite3.connect(earlier)) as conn:
        assert conn.execute("SELECT count(*) FROM attribution_pending").fetchone() == (0,)


def test_the_county_window_brings_an_old_database_to_the_rule_in_a_worker(
    qtbot, tmp_path: Path, library, demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Redrafting 40,000 assessments takes minutes: the window opens at once and does it off the
    UI thread with a progress bar, then shows the redrafted counts."""
    from jianfu.ui.county.county_window import CountyWindow

    earlier = _earlier_database(tmp_path, library, demo_dir, monkeypatch)
    window = CountyWindow(library, earlier)
    qtbot.addWidget(window)
    try:
        assert window.county.attribution_pending  # not done while the window was built
        qtbot.waitUntil(lambda: window.rederive_done, timeout=60_000)  # and the window reloaded
        assert not window.county.attribution_pending  # committed by the worker's own connection
        period = window.county.periods()[0]
        assert window.county.store.escalated_items(period)[UNATTRIBUTED]
    finally:
        window.county.close()


def county_state_names(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM count_totals WHERE kind = 'request'")}
