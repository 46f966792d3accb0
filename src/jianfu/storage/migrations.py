"""Schema migrations. Append new ones; never edit or remove a released one.

Each migration runs in its own transaction and is recorded in ``schema_migrations`` and in
``PRAGMA user_version``, so a database made by any earlier version is brought forward.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "initial",
        """
        CREATE TABLE townships (
            id INTEGER PRIMARY KEY,
            division_code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            county TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE TABLE assessments (
            id INTEGER PRIMARY KEY,
            township_id INTEGER NOT NULL REFERENCES townships(id),
            period TEXT NOT NULL,
            checklist_id TEXT NOT NULL,
            checklist_version INTEGER NOT NULL,
            base_date TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (township_id, period)
        );
        CREATE TABLE answers (
            assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            item_id TEXT NOT NULL,
            value TEXT,
            not_applicable INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (assessment_id, item_id)
        );
        CREATE TABLE table_rows (
            assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            item_id TEXT NOT NULL,
            row_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            cells TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (assessment_id, item_id, row_id)
        );
        CREATE TABLE plan_items (
            assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            rule_id TEXT,
            position INTEGER NOT NULL,
            problem TEXT NOT NULL,
            measure TEXT NOT NULL,
            handling TEXT NOT NULL,
            responsible_unit TEXT NOT NULL DEFAULT '',
            responsible_person TEXT NOT NULL DEFAULT '',
            deadline TEXT NOT NULL DEFAULT '',
            department TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT '',
            rejected INTEGER NOT NULL DEFAULT 0,
            triggered INTEGER NOT NULL DEFAULT 1,
            edited TEXT NOT NULL DEFAULT '[]',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (assessment_id, key)
        );
        CREATE TABLE scores (
            assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            manifestation TEXT NOT NULL,
            score REAL NOT NULL,
            level TEXT NOT NULL,
            computed_at TEXT NOT NULL,
            PRIMARY KEY (assessment_id, manifestation)
        );
    """,
    ),
    # v2: keep the fingertip hours with the scores (county views read stored figures, never
    # recompute), remember the wizard page to reopen, and index scores for county views.
    Migration(
        2,
        "fingertip_hours_and_last_section",
        """
        ALTER TABLE assessments ADD COLUMN fingertip_hours REAL;
        ALTER TABLE assessments ADD COLUMN last_section TEXT NOT NULL DEFAULT '';
        CREATE INDEX scores_by_manifestation ON scores (manifestation, score);
    """,
    ),
    # v3: answers carried over from the previous period stay "to be confirmed" until the user
    # looks at them, so that the second assessment asks only for what changed.
    Migration(
        3,
        "answers_confirmed",
        """
        ALTER TABLE answers ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 1;
    """,
    ),
    # v4: county inspector mode. Imported files keep their checksum and dates; a replaced or
    # older file is kept whole in the history; the burden each county department (条线) puts on
    # each township is stored at import so county views never recompute from answers. The scores
    # are also kept as columns of the assessment, so the overview reads one row per township.
    Migration(
        4,
        "county_import",
        """
        ALTER TABLE assessments ADD COLUMN content_sha256 TEXT;
        ALTER TABLE assessments ADD COLUMN exported_at TEXT;
        ALTER TABLE assessments ADD COLUMN imported_at TEXT;
        ALTER TABLE assessments ADD COLUMN answered INTEGER;
        ALTER TABLE assessments ADD COLUMN asked INTEGER;
        ALTER TABLE assessments ADD COLUMN score_trace_alienation REAL;
        ALTER TABLE assessments ADD COLUMN level_trace_alienation TEXT;
        ALTER TABLE assessments ADD COLUMN score_platform_formalism REAL;
        ALTER TABLE assessments ADD COLUMN level_platform_formalism TEXT;
        ALTER TABLE assessments ADD COLUMN score_filing_redundancy REAL;
        ALTER TABLE assessments ADD COLUMN level_filing_redundancy TEXT;
        ALTER TABLE assessments ADD COLUMN score_algorithm_centrism REAL;
        ALTER TABLE assessments ADD COLUMN level_algorithm_centrism TEXT;
        ALTER TABLE assessments ADD COLUMN score_overall REAL;
        ALTER TABLE assessments ADD COLUMN level_overall TEXT;
        CREATE INDEX assessments_by_period ON assessments (period, township_id);
        CREATE INDEX assessments_by_content ON assessments (content_sha256);
        CREATE TABLE assessment_history (
            id INTEGER PRIMARY KEY,
            division_code TEXT NOT NULL,
            period TEXT NOT NULL,
            content_sha256 TEXT NOT NULL UNIQUE,
            updated_at TEXT NOT NULL,
            exported_at TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            reason TEXT NOT NULL,
            document BLOB NOT NULL
        );
        CREATE INDEX history_by_township ON assessment_history (division_code, period);
        CREATE TABLE department_burdens (
            assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            period TEXT NOT NULL,
            department_key TEXT NOT NULL,
            department TEXT NOT NULL,
            apps INTEGER NOT NULL DEFAULT 0,
            checkin INTEGER NOT NULL DEFAULT 0,
            ranking INTEGER NOT NULL DEFAULT 0,
            online_time INTEGER NOT NULL DEFAULT 0,
            forced_download INTEGER NOT NULL DEFAULT 0,
            filing_tasks INTEGER NOT NULL DEFAULT 0,
            duplicate_filings INTEGER NOT NULL DEFAULT 0,
            hours REAL NOT NULL DEFAULT 0,
            PRIMARY KEY (assessment_id, department_key)
        );
        CREATE INDEX burdens_by_period ON department_burdens (period, department_key, department, apps, checkin,
            ranking, online_time, forced_download, filing_tasks, duplicate_filings, hours);
        CREATE TABLE department_aliases (
            alias_key TEXT PRIMARY KEY,
            canonical_key TEXT NOT NULL,
            canonical_name TEXT NOT NULL
        );
        CREATE TABLE expected_townships (
            division_code TEXT PRIMARY KEY,
            name TEXT NOT NULL
        )
    """,
    ),
    # v5: the sample township lives apart from the township's own assessments (never listed,
    # never prefilled from); a deleted assessment goes to a recycle list and can be restored.
    # The sample's fictional division code (resources/sample/county.yaml) marks samples opened
    # before this version.
    Migration(
        5,
        "sample_and_recycle_list",
        """
        ALTER TABLE assessments ADD COLUMN sample INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE assessments ADD COLUMN deleted_at TEXT;
        UPDATE assessments SET sample = 1 WHERE content_sha256 IS NULL AND township_id IN
            (SELECT id FROM townships WHERE division_code = '519901101000');
    """,
    ),
    Migration(
        6,
        "county signers and held files",
        """
        ALTER TABLE assessment_history ADD COLUMN signer_fingerprint TEXT;
        ALTER TABLE assessment_history ADD COLUMN sequence INTEGER;
        ALTER TABLE assessment_history ADD COLUMN flags TEXT NOT NULL DEFAULT '';
        CREATE TABLE county_signers (
            division_code TEXT PRIMARY KEY,
            public_key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            township TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            confirmed_at TEXT
        );
        CREATE TABLE held_files (
            id INTEGER PRIMARY KEY,
            division_code TEXT NOT NULL,
            period TEXT NOT NULL,
            township TEXT NOT NULL,
            public_key TEXT,
            fingerprint TEXT,
            sequence INTEGER,
            content_sha256 TEXT NOT NULL UNIQUE,
            file_name TEXT NOT NULL,
            received_at TEXT NOT NULL,
            reason TEXT NOT NULL,
            document BLOB NOT NULL
        )
    """,
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version
