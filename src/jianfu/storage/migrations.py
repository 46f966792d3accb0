"""Schema migrations. Append new ones; never edit or remove a released one.

Each migration runs in its own transaction and is recorded in ``schema_migrations`` and in
``PRAGMA user_version``, so a database made by any earlier version is brought forward.
"""

from __future__ import annotations

from typing import NamedTuple


class Migration(NamedTuple):  # not a dataclass: making one costs ~1 ms before the window's first paint
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
    # v6: counts for the county window's problems tab, stored at import: one row per imported
    # assessment and common problem (kind 'problem', key = rule id) or county department asked to
    # act (kind 'request', key = department key, n = items), so the tab reads a covering index
    # instead of every plan item. Databases imported before are counted once on first open
    # (``counts_pending``), because splitting department names needs Python.
    Migration(
        6,
        "county_counts",
        """
        CREATE TABLE county_counts (
            assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            period TEXT NOT NULL,
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            name TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (assessment_id, kind, key)
        );
        CREATE INDEX county_counts_by_period ON county_counts (period, kind, key, name, n);
        CREATE TABLE counts_pending (since TEXT NOT NULL);
        INSERT INTO counts_pending SELECT datetime('now') WHERE EXISTS (
            SELECT 1 FROM assessments WHERE content_sha256 IS NOT NULL)
    """,
    ),
    # v7: which plan items ask which county department to act, stored at import, so opening a
    # department in the county window reads its items through an index instead of every request
    # of every township. Counted again on first open, like v6.
    Migration(
        7,
        "county_requests",
        """
        CREATE TABLE county_requests (
            assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            period TEXT NOT NULL,
            key TEXT NOT NULL,
            item_key TEXT NOT NULL,
            PRIMARY KEY (assessment_id, key, item_key)
        );
        CREATE INDEX county_requests_by_key ON county_requests (period, key, assessment_id, item_key);
        INSERT INTO counts_pending SELECT datetime('now') WHERE EXISTS (
            SELECT 1 FROM assessments WHERE content_sha256 IS NOT NULL)
    """,
    ),
    # v8: county totals kept by triggers as rows are stored and removed (a newer file replaces an
    # assessment, whose rows go by cascade), so the county window reads a few dozen rows per
    # period instead of grouping 120,000 at 10,000 townships; and a partial covering index for
    # the overview of imported assessments.
    Migration(
        8,
        "county_totals",
        """
        CREATE TABLE department_totals (
            period TEXT NOT NULL,
            department_key TEXT NOT NULL,
            department TEXT NOT NULL,
            townships INTEGER NOT NULL DEFAULT 0,
            apps INTEGER NOT NULL DEFAULT 0,
            checkin INTEGER NOT NULL DEFAULT 0,
            ranking INTEGER NOT NULL DEFAULT 0,
            online_time INTEGER NOT NULL DEFAULT 0,
            forced_download INTEGER NOT NULL DEFAULT 0,
            filing_tasks INTEGER NOT NULL DEFAULT 0,
            duplicate_filings INTEGER NOT NULL DEFAULT 0,
            hours REAL NOT NULL DEFAULT 0,
            PRIMARY KEY (period, department_key, department)
        );
        INSERT INTO department_totals SELECT period, department_key, department, count(*), sum(apps),
            sum(checkin), sum(ranking), sum(online_time), sum(forced_download), sum(filing_tasks),
            sum(duplicate_filings), sum(hours)
            FROM department_burdens GROUP BY period, department_key, department;
        CREATE TRIGGER department_totals_add AFTER INSERT ON department_burdens BEGIN
            INSERT INTO department_totals (period, department_key, department, townships, apps, checkin, ranking,
                online_time, forced_download, filing_tasks, duplicate_filings, hours)
            VALUES (NEW.period, NEW.department_key, NEW.department, 1, NEW.apps, NEW.checkin, NEW.ranking,
                NEW.online_time, NEW.forced_download, NEW.filing_tasks, NEW.duplicate_filings, NEW.hours)
            ON CONFLICT (period, department_key, department) DO UPDATE SET townships = townships + 1, apps = apps
                + NEW.apps, checkin = checkin + NEW.checkin, ranking = ranking + NEW.ranking, online_time =
                online_time + NEW.online_time, forced_download = forced_download + NEW.forced_download, filing_tasks =
                filing_tasks + NEW.filing_tasks, duplicate_filings = duplicate_filings + NEW.duplicate_filings, hours
                = hours + NEW.hours;
        END;
        CREATE TRIGGER department_totals_remove AFTER DELETE ON department_burdens BEGIN
            UPDATE department_totals SET townships = townships - 1, apps = apps - OLD.apps, checkin = checkin -
                OLD.checkin, ranking = ranking - OLD.ranking, online_time = online_time - OLD.online_time,
                forced_download = forced_download - OLD.forced_download, filing_tasks = filing_tasks -
                OLD.filing_tasks, duplicate_filings = duplicate_filings - OLD.duplicate_filings, hours = hours -
                OLD.hours
            WHERE period = OLD.period AND department_key = OLD.department_key AND department = OLD.department;
            DELETE FROM department_totals WHERE period = OLD.period AND department_key = OLD.department_key
            AND department = OLD.department AND townships <= 0;
        END;
        CREATE TABLE count_totals (
            period TEXT NOT NULL,
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            name TEXT NOT NULL,
            townships INTEGER NOT NULL DEFAULT 0,
            n INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (period, kind, key, name)
        );
        INSERT INTO count_totals SELECT period, kind, key, name, count(*), sum(n) FROM county_counts
            GROUP BY period, kind, key, name;
        CREATE TRIGGER count_totals_add AFTER INSERT ON county_counts BEGIN
            INSERT INTO count_totals VALUES (NEW.period, NEW.kind, NEW.key, NEW.name, 1, NEW.n)
            ON CONFLICT (period, kind, key, name) DO UPDATE SET townships = townships + 1, n = n + NEW.n;
        END;
        CREATE TRIGGER count_totals_remove AFTER DELETE ON county_counts BEGIN
            UPDATE count_totals SET townships = townships - 1, n = n - OLD.n
            WHERE period = OLD.period AND kind = OLD.kind AND key = OLD.key AND name = OLD.name;
            DELETE FROM count_totals WHERE period = OLD.period AND kind = OLD.kind AND key = OLD.key
            AND name = OLD.name AND townships <= 0;
        END;
        CREATE INDEX assessments_overview ON assessments (period, township_id, fingertip_hours, answered, asked,
            score_trace_alienation, level_trace_alienation, score_platform_formalism, level_platform_formalism,
            score_filing_redundancy, level_filing_redundancy, score_algorithm_centrism, level_algorithm_centrism,
            score_overall, level_overall) WHERE content_sha256 IS NOT NULL
    """,
    ),
    # v9: the county keeps each imported assessment's completeness counts (issue 9): items
    # answered, required answers missing, 不适用 with and without a reason (NULL for files imported
    # before). The overview's covering index is rebuilt to include them.
    Migration(
        9,
        "county_completeness_counts",
        """
        ALTER TABLE assessments ADD COLUMN completeness_answered INTEGER;
        ALTER TABLE assessments ADD COLUMN required_missing INTEGER;
        ALTER TABLE assessments ADD COLUMN not_applicable INTEGER;
        ALTER TABLE assessments ADD COLUMN not_applicable_without_reason INTEGER;
        DROP INDEX assessments_overview;
        CREATE INDEX assessments_overview ON assessments (period, township_id, fingertip_hours, answered, asked,
            score_trace_alienation, level_trace_alienation, score_platform_formalism, level_platform_formalism,
            score_filing_redundancy, level_filing_redundancy, score_algorithm_centrism, level_algorithm_centrism,
            score_overall, level_overall, completeness_answered, required_missing, not_applicable,
            not_applicable_without_reason) WHERE content_sha256 IS NOT NULL;
    """,
    ),
    Migration(
        10,
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
    # v11: what opening a department in the county window sorts and groups by (the item's rule,
    # the township's division code, the item's position), stored beside each request, so the
    # first 200 requests of a department are read in index order and joined to their plan
    # items alone, instead of joining and sorting all of them (seconds at 10,000 townships).
    Migration(
        11,
        "county_request_order",
        """
        ALTER TABLE county_requests ADD COLUMN rule_id TEXT;
        ALTER TABLE county_requests ADD COLUMN division_code TEXT NOT NULL DEFAULT '';
        ALTER TABLE county_requests ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
        UPDATE county_requests SET (rule_id, position) = (SELECT p.rule_id, p.position FROM plan_items p
            WHERE p.assessment_id = county_requests.assessment_id AND p.key = county_requests.item_key),
            division_code = (SELECT t.division_code FROM assessments a JOIN townships t ON t.id = a.township_id
            WHERE a.id = county_requests.assessment_id);
        DROP INDEX county_requests_by_key;
        CREATE INDEX county_requests_in_order ON county_requests (period, key, rule_id, division_code, position,
            assessment_id, item_key)
    """,
    ),
    # v12: a table can be answered "none" (an answered table with no rows), apart from a table
    # left blank or whose rows were all deleted. The county also keeps, per imported assessment,
    # the tables marked 不适用 the old way and the answers that contradict a "none"; the
    # overview's covering index is rebuilt to include them.
    Migration(
        12,
        "table_declared_none",
        """
        ALTER TABLE answers ADD COLUMN declared_none INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE assessments ADD COLUMN table_not_applicable INTEGER;
        ALTER TABLE assessments ADD COLUMN inconsistent INTEGER;
        DROP INDEX assessments_overview;
        CREATE INDEX assessments_overview ON assessments (period, township_id, fingertip_hours, answered, asked,
            score_trace_alienation, level_trace_alienation, score_platform_formalism, level_platform_formalism,
            score_filing_redundancy, level_filing_redundancy, score_algorithm_centrism, level_algorithm_centrism,
            score_overall, level_overall, completeness_answered, required_missing, not_applicable,
            not_applicable_without_reason, table_not_applicable, inconsistent) WHERE content_sha256 IS NOT NULL;
        """,
    ),
    # v13: the county totals are added from Python, one statement per table and file, instead of
    # by a trigger per stored row (the removing triggers stay: a replaced assessment's rows go by
    # cascade); and the burdens' covering index goes, which nothing reads since the totals exist.
    # Together ~1 ms of every imported file's ~5.
    Migration(
        13,
        "county_totals_added_at_import",
        """
        DROP TRIGGER IF EXISTS department_totals_add;
        DROP TRIGGER IF EXISTS count_totals_add;
        DROP INDEX IF EXISTS burdens_by_period
        """,
    ),
    # v14: the townships whose current file is unsigned (the signers tab), found without reading
    # every history row: the scan took 115 ms of each county refresh at 10,000 townships.
    Migration(
        14,
        "county_unsigned_current",
        """
        CREATE INDEX IF NOT EXISTS history_unsigned_current ON assessment_history (division_code)
            WHERE reason = 'current' AND signer_fingerprint IS NULL
    """,
    ),
    # v15: the county keeps, per imported assessment, how many asked items still hold last
    # period's answer, never confirmed for this period ("沿用上期未确认"; NULL for files imported
    # before), and finds the townships that sent such a file through a small partial index.
    Migration(
        15,
        "county_unconfirmed_carried_answers",
        """
        ALTER TABLE assessments ADD COLUMN unconfirmed INTEGER;
        CREATE INDEX assessments_unconfirmed ON assessments (period, unconfirmed) WHERE unconfirmed > 0
    """,
    ),
    # v16: plan items drafted before a "which departments" answer naming several departments was
    # read as "one or more of them" (not each imposing the burden) are redrafted from the stored
    # answers on first open, and their county counts made again (``services.county_attribution``:
    # scoring needs Python and the checklists).
    Migration(
        16,
        "county_attribution_pending",
        """
        CREATE TABLE IF NOT EXISTS attribution_pending (since TEXT NOT NULL);
        INSERT INTO attribution_pending SELECT datetime('now') WHERE EXISTS (
            SELECT 1 FROM assessments WHERE content_sha256 IS NOT NULL)
    """,
    ),
    # v17: two indexes nothing reads any more go. The county counts' by period: since v8 the
    # window reads the totals, and the townships asking merged departments are counted in the
    # requests' index. The scores' by manifestation: the county views read the scores kept in
    # the assessment's row (v2), the rest reads an assessment's scores by its key. Keeping them
    # cost every imported file ~28 inserts at random places of large indexes (~3% of an import).
    Migration(
        17,
        "unread_indexes_dropped",
        """
        DROP INDEX IF EXISTS county_counts_by_period;
        DROP INDEX IF EXISTS scores_by_manifestation
    """,
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version
