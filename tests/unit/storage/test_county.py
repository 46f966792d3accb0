"""Importing the demo county, updates and history, rejections, and the county views."""

from __future__ import annotations

import io
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from jianfu.core.assessment import Period
from jianfu.core.attribution import department_burdens, department_key
from jianfu.exchange.assessment_file import checksum, seal, write_assessment_file
from jianfu.exchange.demo import demo_signing_key, sample_assessments, write_demo
from jianfu.exchange.signing import Signer
from jianfu.services.county_import import collect_files, import_files
from jianfu.storage.county import CountyStore, Outcome
from jianfu.storage.database import open_database


@pytest.fixture(scope="module")
def checklist(library):
    """Version 1: these tests are about v1 items, still scored for old assessments."""
    return library.get("township-selfcheck", 1)


Q4 = Period("2026-Q4")
FREQUENCY = {"daily": 21.75, "weekly": 4.33, "monthly": 1, "quarterly": 0.33, "yearly": 0.083, "adhoc": 1}


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory, library) -> Path:
    directory = tmp_path_factory.mktemp("county")
    write_demo(directory, library)
    return directory


@pytest.fixture
def county_db(tmp_path: Path):
    db = open_database(tmp_path / "county.sqlite3")
    yield db
    db.close()


def snapshot(db) -> dict[str, list]:
    """Everything stored, to compare before and after a failed import."""
    tables = [r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {t: sorted(map(repr, db.conn.execute(f"SELECT * FROM {t}"))) for t in tables}


def test_demo_county_imports_once(county_db, library, demo_dir: Path) -> None:
    files = collect_files([demo_dir])
    summary = import_files(county_db, library, files)
    assert summary.count(Outcome.IMPORTED) == len(files) == 18 and not summary.rejected
    county = CountyStore(county_db)
    assert county.periods() == [Q4, Period("2026-Q3")]
    assert len(county.overview(Q4)) == 13
    before = snapshot(county_db)
    again = import_files(county_db, library, files)
    assert again.count(Outcome.UNCHANGED) == 18
    assert snapshot(county_db) == before


def _edited_copy(source: Path, target: Path, change, sequence: int | None = None) -> Path:
    """A changed copy, re-signed by the township's own (sample) key with ``sequence``, or
    re-checksummed without a signature."""
    document = json.loads(source.read_text(encoding="utf-8"))
    change(document)
    if sequence is None:
        document.pop("signature", None)
        document["sha256"] = checksum(document)
    else:
        key = demo_signing_key(document["township"]["division_code"])
        seal(document, Signer(key, sequence))
    write_assessment_file(target, document)
    return target


def test_newer_file_replaces_older_which_stays_in_history(county_db, library, demo_dir: Path, tmp_path: Path) -> None:
    original = demo_dir / "柳河镇-2026-Q4.jianfu"
    import_files(county_db, library, [original])

    def newer(doc):
        doc["updated_at"] = "2026-12-01T10:00:00"  # clock text plays no part: the sequence does
        doc["answers"]["meetings.per_month"]["value"] = 2

    def older(doc):
        doc["updated_at"] = "2027-01-05T10:00:00"

    updated = _edited_copy(original, tmp_path / "newer.jianfu", newer, sequence=3)  # the sample file is 2
    stale = _edited_copy(original, tmp_path / "older.jianfu", older, sequence=1)
    summary = import_files(county_db, library, [updated, stale])
    assert summary.outcomes[Outcome.UPDATED] == [updated]
    assert summary.outcomes[Outcome.OLDER] == [stale]
    county = CountyStore(county_db)
    (row,) = [r for r in county.overview(Q4) if r.township == "柳河镇"]
    stored = county.assessments.load(row.assessment_id)
    assert stored.answers["meetings.per_month"].value == 2  # the newer one is current
    reasons = [reason for _, _, reason in county.history("519901101000", Q4)]
    assert sorted(reasons) == ["current", "older", "replaced"]
    stamp = json.loads(original.read_text(encoding="utf-8"))["updated_at"]  # the sample is dated by today
    first = county.history_document("519901101000", Q4, stamp)
    assert first == original.read_bytes()  # the older file is kept whole


BAD_FILES = {
    "empty.jianfu": b"",
    "not-json.jianfu": "这不是JSON".encode(),
    "deep.jianfu": b"[" * 50_000 + b"]" * 50_000,
    "future.jianfu": json.dumps({"format": "jianfu-assessment", "format_version": 7}).encode(),
}


def test_bad_files_are_rejected_in_chinese_and_change_nothing(county_db, library, demo_dir, tmp_path) -> None:
    import_files(county_db, library, [demo_dir / "柳河镇-2026-Q4.jianfu"])
    before = snapshot(county_db)
    good = (demo_dir / "石桥镇-2026-Q4.jianfu").read_bytes()
    files = []
    for name, content in BAD_FILES.items():
        (tmp_path / name).write_bytes(content)
        files.append(tmp_path / name)
    (tmp_path / "truncated.jianfu").write_bytes(good[: len(good) // 2])
    changed = bytearray(good)
    changed[good.index(b'"name": "') + 9] ^= 1
    (tmp_path / "byte-changed.jianfu").write_bytes(bytes(changed))
    with (tmp_path / "huge.jianfu").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    wrong_types = _edited_copy(
        demo_dir / "石桥镇-2026-Q4.jianfu",
        tmp_path / "types.jianfu",
        lambda d: d["answers"]["profile.cadre_count"].update(value="四十"),
    )
    files += [tmp_path / "truncated.jianfu", tmp_path / "byte-changed.jianfu", tmp_path / "huge.jianfu", wrong_types]
    summary = import_files(county_db, library, files)
    assert len(summary.rejected) == len(files)
    for path, reason in summary.rejected:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in reason), (path, reason)
    assert snapshot(county_db) == before


USAGE_DAYS = {"daily": 21.75, "weekly": 4.33, "monthly": 1, "rarely": 0.25, "never": 0}  # v2 usage choices


def test_department_attribution_matches_hand_count(county_db, library, demo_dir) -> None:
    import_files(county_db, library, collect_files([demo_dir]))
    expected: dict[str, dict[str, float]] = {}
    for assessment, _ in sample_assessments(library):
        if assessment.period != Q4:
            continue
        cadres = assessment.answers["profile.cadre_count"].value
        task_ids = {r["row_id"] for r in assessment.answers["apps.inventory"].value}
        for row in assessment.answers["apps.inventory"].value:
            cells = row["cells"]
            e = expected.setdefault(
                cells["department"], {"towns": set(), "apps": 0, "checkin": 0, "dup": 0, "hours": 0}
            )
            e["towns"].add(assessment.township.name)
            e["apps"] += 1
            e["checkin"] += cells["checkin"]
            e["hours"] += cells["minutes_per_day"] * cadres * USAGE_DAYS[cells["usage"]] / 60
        for row in assessment.answers["filing.tasks"].value:
            cells = row["cells"]
            e = expected.setdefault(
                cells["department"], {"towns": set(), "apps": 0, "checkin": 0, "dup": 0, "hours": 0}
            )
            e["towns"].add(assessment.township.name)
            refs = [r for r in cells["platforms"] if r in task_ids]
            e["dup"] += max(0, len(refs) + cells.get("other_platforms", 0) - 1)
            e["hours"] += FREQUENCY[cells["frequency"]] * cells["minutes_each"] / 60
    rows = {d.name: d for d in CountyStore(county_db).departments(Q4)}
    assert set(expected) <= set(rows)
    asked_only = [d for name, d in rows.items() if name not in expected]  # named in requests alone
    # no burden of theirs in any table, but the townships asking them to act are counted
    assert asked_only and all(d.figures()[1:] == (0,) * 7 and d.hours == 0 < d.requests for d in asked_only)
    assert all(0 < d.townships <= d.requests for d in asked_only)
    for name, e in expected.items():
        assert rows[name].townships == len(e["towns"]), name
        assert (rows[name].apps, rows[name].checkin, rows[name].duplicate_filings) == (
            e["apps"],
            e["checkin"],
            e["dup"],
        )


def test_department_names_are_normalised_and_aliases_apply(checklist, county_db, library, demo_dir) -> None:
    assert department_key("县 农业农村局") == department_key("县农业农村局（") == department_key("县农业农村局")
    import_files(county_db, library, collect_files([demo_dir]))
    county = CountyStore(county_db)
    before = {d.name: d for d in county.departments(Q4)}
    county.set_alias("县文化广电旅游局", "县委宣传部")
    after = {d.name: d for d in county.departments(Q4)}
    assert "县文化广电旅游局" not in after
    merged = after["县委宣传部"]
    assert merged.apps == before["县委宣传部"].apps + before["县文化广电旅游局"].apps
    assert "县文化广电旅游局" in merged.spellings


def test_missing_townships_and_change_since_last_period(county_db, library, demo_dir) -> None:
    import_files(county_db, library, collect_files([demo_dir]))
    county = CountyStore(county_db)
    county.set_expected_townships([("519901101000", "柳河镇"), ("519901999000", "新设镇")])
    assert county.missing_townships(Q4) == [("519901999000", "新设镇")]
    row = next(r for r in county.overview(Q4) if r.township == "柳河镇")
    assert row.previous_period == "2026-Q3"
    assert row.change("trace_alienation") < 0  # the sample improved after rectification


def test_change_is_since_the_latest_period_a_township_reported_even_if_it_skipped_one(
    county_db, library, demo_dir
) -> None:
    import_files(county_db, library, collect_files([demo_dir]))
    county = CountyStore(county_db)
    before = {r.township: r for r in county.overview(Q4)}
    reported_q3 = [t for t, r in before.items() if r.previous_period == "2026-Q3"]
    assert len(reported_q3) >= 2
    # One township's Q3 assessment taken as Q2: it skipped Q3; the others did not.
    county_db.conn.execute(
        "UPDATE assessments SET period = '2026-Q2' WHERE period = '2026-Q3'"
        " AND township_id = (SELECT id FROM townships WHERE name = ?)",
        (reported_q3[0],),
    )
    after = {r.township: r for r in county.overview(Q4)}
    assert after[reported_q3[0]].previous_period == "2026-Q2"
    assert after[reported_q3[0]].previous_scores == before[reported_q3[0]].previous_scores
    assert after[reported_q3[1]].previous_period == "2026-Q3"
    assert [t for t, r in after.items() if r.previous_period is None] == [
        t for t, r in before.items() if r.previous_period is None
    ]


def test_county_workbook_and_pdf(county_db, library, demo_dir) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from jianfu.reports.county import write_county_pdf, write_county_workbook
    from jianfu.services.county import CountyService

    import_files(county_db, library, collect_files([demo_dir]))
    summary = CountyService(county_db, library).summary()
    buffer = io.BytesIO()
    write_county_workbook(summary, buffer)
    book = load_workbook(io.BytesIO(buffer.getvalue()))
    assert book.sheetnames == ["总览", "条线部门", "提请协调事项", "全部整改事项"]
    overview = book["总览"]
    assert overview.max_row == 14 and overview["B1"].value == "乡镇（街道）"
    assert {overview.cell(r, 2).value for r in range(2, 15)} >= {"柳河镇", "桃源乡"}
    assert book["条线部门"].max_row == len(summary.departments) + 1
    assert book["全部整改事项"].max_row == len(summary.plan_items) + 1
    pdf = io.BytesIO()
    write_county_pdf(summary, pdf)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.getvalue())).pages).replace(" ", "")
    assert "云溪县2026年第四季度" in text and "条线部门归因" in text and "柳河镇" in text
    assert summary.departments[0].name in text


def test_first_schema_county_database_migrates(tmp_path: Path) -> None:
    from jianfu.storage.database import migrate

    path = tmp_path / "old.sqlite3"
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        migrate(conn, target=1)
    db = open_database(path)
    assert "department_burdens" in db.utils().table_names()
    db.close()


def test_burdens_of_an_assessment(checklist) -> None:
    from jianfu.core.answers import Answer

    answers = {
        "profile.cadre_count": Answer(10),
        "apps.inventory": Answer(
            [{"row_id": "r1", "cells": {"name": "A", "department": "县民政局", "checkin": True, "minutes_per_day": 6}}]
        ),
        "filing.tasks": Answer(
            [
                {
                    "row_id": "t1",
                    "cells": {
                        "department": "县 民政局",
                        "platforms": ["r1", "gone"],
                        "other_platforms": 2,
                        "frequency": "monthly",
                        "minutes_each": 30,
                    },
                }
            ]
        ),
    }
    (burden,) = department_burdens(checklist, answers)
    assert (burden.apps, burden.checkin, burden.filing_tasks, burden.duplicate_filings) == (1, 1, 1, 2)
    assert burden.hours == round(6 * 10 * 21.75 / 60 + 30 / 60, 2)


def test_counts_of_a_county_imported_before_they_were_stored_are_made_on_opening(county_db, library, demo_dir) -> None:
    import_files(county_db, library, collect_files([demo_dir]))
    county = CountyStore(county_db)
    before = (county.common_problems(Q4), county.request_groups(Q4))
    assert before[0] and before[1]
    # As migration county_counts leaves a database imported by an earlier version: no counts, pending.
    county_db.conn.execute("DELETE FROM county_counts")
    county_db.conn.execute("DELETE FROM county_requests")
    county_db.conn.execute("INSERT INTO counts_pending VALUES ('2026-01-01')")
    assert CountyStore(county_db).common_problems(Q4) == before[0]
    again = CountyStore(county_db)
    assert again.request_groups(Q4) == before[1]
    assert again.requests_for(Q4, before[1][0]) == county.requests_for(Q4, before[1][0])
    assert county_db.conn.execute("SELECT count(*) FROM counts_pending").fetchone()[0] == 0


def test_requests_read_per_department_match_those_read_from_every_plan_item(county_db, library, demo_dir) -> None:
    import_files(county_db, library, collect_files([demo_dir]))
    county = CountyStore(county_db)
    for alias in (None, ("县文化广电旅游局", "县委宣传部")):
        if alias:
            county.set_alias(*alias)
        slow = county.escalated_items(Q4)
        groups = county.request_groups(Q4)
        expected = {name: len({i.township for i in v}) for name, v in slow.items()}
        assert {g.name: g.townships for g in groups} == expected
        for group in groups:
            shown = [(i.township, i.problem) for i in county.requests_for(Q4, group)]
            assert len(shown) == len(set(shown))  # an item naming two merged spellings shows once
            assert set(shown) == {(i.township, i.problem) for i in slow[group.name]}


def test_stored_totals_follow_replacements(county_db, library, demo_dir: Path, tmp_path: Path) -> None:
    import_files(county_db, library, collect_files([demo_dir]))
    original = demo_dir / "柳河镇-2026-Q4.jianfu"

    def newer(doc):  # the township rejects its whole plan and drops its apps
        doc["updated_at"] = "2027-01-05T10:00:00"
        for item in doc["plan"]:
            item["rejected"] = True
        doc["answers"]["apps.inventory"]["value"] = []

    edited = _edited_copy(original, tmp_path / "n.jianfu", newer, sequence=3)  # the sample file is 2
    assert import_files(county_db, library, [edited]).count(Outcome.UPDATED)
    conn = county_db.conn
    grouped = sorted(
        conn.execute(
            "SELECT period, department_key, department, count(*), sum(apps), sum(checkin), sum(filing_tasks)"
            " FROM department_burdens GROUP BY 1, 2, 3"
        )
    )
    totals = sorted(
        conn.execute(
            "SELECT period, department_key, department, townships, apps, checkin, filing_tasks FROM department_totals"
        )
    )
    assert grouped == totals
    counted = sorted(
        conn.execute("SELECT period, kind, key, name, count(*), sum(n) FROM county_counts GROUP BY 1, 2, 3, 4")
    )
    assert counted == sorted(conn.execute("SELECT * FROM count_totals"))


def test_requests_stored_before_their_order_was_stored_are_ordered_by_the_migration(
    tmp_path: Path, library, demo_dir
) -> None:
    """A county imported before migration county_request_order (requests without rule, division
    code and position) reads the same departments' requests after it as when imported after it."""
    from jianfu.storage.migrations import MIGRATIONS

    path = tmp_path / "county.sqlite3"
    db = open_database(path)
    import_files(db, library, collect_files([demo_dir]))
    county = CountyStore(db)
    county.set_alias("县文化广电旅游局", "县委宣传部")  # merged keys too
    groups = county.request_groups(Q4)
    expected = [
        (county.request_problems(Q4, g), county.requests_for(Q4, g), county.requests_for(Q4, g, None, 2))
        for g in groups
    ]
    assert any(len(g.keys) > 1 for g in groups) and all(e[1] for e in expected)
    # Back to the table as the earlier schema left it.
    before = next(m.version for m in MIGRATIONS if m.name == "county_request_order") - 1
    for statement in (
        "CREATE TABLE old_requests (assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,"
        " period TEXT NOT NULL, key TEXT NOT NULL, item_key TEXT NOT NULL, PRIMARY KEY (assessment_id, key, item_key))",
        "INSERT INTO old_requests SELECT assessment_id, period, key, item_key FROM county_requests",
        "DROP TABLE county_requests",
        "ALTER TABLE old_requests RENAME TO county_requests",
        "CREATE INDEX county_requests_by_key ON county_requests (period, key, assessment_id, item_key)",
        *_undo_table_declared_none(),
        *_undo_county_unconfirmed(),
        f"DELETE FROM schema_migrations WHERE version > {before}",
        f"PRAGMA user_version = {before}",
    ):
        db.conn.execute(statement)
    db.close()
    db = open_database(path)
    county = CountyStore(db)
    assert [
        (county.request_problems(Q4, g), county.requests_for(Q4, g), county.requests_for(Q4, g, None, 2))
        for g in groups
    ] == expected
    db.close()


def _undo_table_declared_none() -> list[str]:
    """The statements that take a database back to before migration table_declared_none (which
    runs again after a test rewinds the schema to an earlier version)."""
    from jianfu.storage.migrations import MIGRATIONS

    earlier = next(m for m in MIGRATIONS if m.name == "county_completeness_counts").sql
    overview_index = earlier[earlier.index("CREATE INDEX assessments_overview") :].strip().rstrip(";")
    return [
        "DROP INDEX assessments_overview",
        "ALTER TABLE answers DROP COLUMN declared_none",
        "ALTER TABLE assessments DROP COLUMN table_not_applicable",
        "ALTER TABLE assessments DROP COLUMN inconsistent",
        overview_index,
    ]


def _undo_county_unconfirmed() -> list[str]:
    """Back to before migration county_unconfirmed_carried_answers (which runs again)."""
    return ["DROP INDEX assessments_unconfirmed", "ALTER TABLE assessments DROP COLUMN unconfirmed"]


def test_a_county_migrated_to_totals_added_at_import_counts_each_later_file_once(
    tmp_path: Path, library, demo_dir: Path
) -> None:
    """Totals kept by triggers before migration county_totals_added_at_import stay, and files
    imported after it are added once (by the import, the triggers being gone)."""
    from jianfu.storage.database import _statements
    from jianfu.storage.migrations import MIGRATIONS

    path = tmp_path / "county.sqlite3"
    files = collect_files([demo_dir])
    db = open_database(path)
    import_files(db, library, files[:9])
    # Back to the schema before the migration: the add triggers and the burdens index again.
    before = next(m.version for m in MIGRATIONS if m.name == "county_totals_added_at_import") - 1
    totals = next(m for m in MIGRATIONS if m.name == "county_totals")
    old = [s for s in _statements(totals.sql) if "_add AFTER INSERT" in s]
    assert len(old) == 2
    for statement in (
        *old,
        "CREATE INDEX burdens_by_period ON department_burdens (period, department_key, department, apps, checkin,"
        " ranking, online_time, forced_download, filing_tasks, duplicate_filings, hours)",
        *_undo_county_unconfirmed(),
        f"DELETE FROM schema_migrations WHERE version > {before}",
        f"PRAGMA user_version = {before}",
    ):
        db.conn.execute(statement)
    db.close()
    db = open_database(path)
    try:
        assert not db.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_add'"
        ).fetchall()
        assert import_files(db, library, files).count(Outcome.IMPORTED) == len(files) - 9
        conn = db.conn
        grouped = sorted(
            conn.execute(
                "SELECT period, department_key, department, count(*), sum(apps), sum(checkin), sum(filing_tasks)"
                " FROM department_burdens GROUP BY 1, 2, 3"
            )
        )
        columns = "period, department_key, department, townships, apps, checkin, filing_tasks"
        assert grouped == sorted(conn.execute(f"SELECT {columns} FROM department_totals"))
        counted = sorted(
            conn.execute("SELECT period, kind, key, name, count(*), sum(n) FROM county_counts GROUP BY 1, 2, 3, 4")
        )
        assert counted == sorted(conn.execute("SELECT * FROM count_totals"))
    finally:
        db.close()
