"""The county inspector's operations: import, views, the summary and the platform catalogue.

A thin facade over the county database (``storage.county``) that the county window and the
command line share.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import TracebackType

from jianfu.core.answers import Answers
from jianfu.core.assessment import Assessment, Period
from jianfu.core.checklist import Checklist, FieldType
from jianfu.core.consistency import TownshipToVerify, to_verify, verify_refs
from jianfu.core.county import (
    FIGURES,
    DepartmentRow,
    EscalatedItem,
    Outcome,
    OverviewRow,
    RequestGroup,
    figures_asked,
    round_figures,
)
from jianfu.core.errors import JianfuError, os_error_reason
from jianfu.core.library import DEFAULT_CHECKLIST_ID, ChecklistLibrary
from jianfu.exchange.catalogue import Catalogue, build_catalogue
from jianfu.reports.county import CountySummary
from jianfu.reports.notices import NOTICE_TABLES, DepartmentNotice, department_notices
from jianfu.services.county_attribution import attribution_pending, rederive_pending
from jianfu.services.county_import import ImportSummary, confirm_held, discard_held, import_files
from jianfu.storage import county_signers
from jianfu.storage.county import CountyStore, OverviewTable
from jianfu.storage.county_inventory import department_aliases, imported_inventory_rows, period_table_rows
from jianfu.storage.county_signers import HeldFile, SignerRow
from jianfu.storage.county_verify import (
    RawAnswers,
    TablesOnDemand,
    answers_from_rows,
    period_answer_rows,
    table_answer_rows,
    townships_of,
)
from jianfu.storage.database import COUNTY, TOWNSHIP, Database, check_before_opening, database_kind, open_database


class CountyService:
    """One county database, opened by :meth:`open`; close it (or use ``with``) when done."""

    def __init__(self, db: Database, library: ChecklistLibrary, rederive: bool = True) -> None:
        self.db = db
        self.library = library
        self.store = CountyStore(db)
        self._round_cache: tuple[tuple[tuple[int, int], str], dict[tuple[str, int], Checklist]] | None = None
        if rederive:  # a database imported before the attribution rule (migration 16); the window
            rederive_pending(db, library)  # does it in a worker instead (``rederive_attribution``)

    @property
    def attribution_pending(self) -> bool:
        return attribution_pending(self.db)

    def rederive_attribution(self, progress: Callable[[float], None] | None = None) -> int:
        return rederive_pending(self.db, self.library, progress)

    @classmethod
    def open(
        cls, path: Path, library: ChecklistLibrary, must_exist: bool = False, rederive: bool = True
    ) -> CountyService:
        if must_exist and not path.exists():
            raise JianfuError(f"县级数据库 {path} 不存在，请先用 jianfu import 导入乡镇文件。")
        try:
            return cls(open_database(path, COUNTY), library, rederive)
        except sqlite3.Error as exc:
            raise JianfuError(_cannot_open(path, exc)) from exc
        except OSError as exc:
            reason, advice = os_error_reason(exc)
            raise JianfuError(f"无法打开县级数据库 {path}：{reason}。{advice}。") from exc

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> CountyService:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
        if isinstance(error, sqlite3.Error):  # failed mid-way (locked, full, damaged): say what to do
            from jianfu.storage.failures import explain_database_failure

            raise JianfuError(explain_database_failure(error, self.db.path)) from error

    # ------------------------------------------------------------------------------ import

    def import_files(
        self,
        files: list[Path],
        progress: Callable[[int, int], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> ImportSummary:
        return import_files(self.db, self.library, files, progress, should_stop)

    # ------------------------------------------------------------------------------- views

    def periods(self) -> list[Period]:
        return self.store.periods()

    def overview(self, period: Period) -> list[OverviewRow]:
        return self.store.overview(period)

    def departments(self, period: Period) -> list[DepartmentRow]:
        """The departments, each marked with the figures none of its townships was asked (a
        checklist version without that question): a 0 there would claim "none"."""
        rows = self.store.departments(period)
        asked = {v: set(figures_asked(c)) for v, c in self._round_checklists(period).items()}
        kinds = {frozenset(a) for a in asked.values()}
        if not kinds or kinds == {frozenset(FIGURES)}:
            return rows  # every township was asked everything
        if len(kinds) == 1:
            unasked = frozenset(FIGURES) - next(iter(kinds))
            return [replace(d, unasked=unasked) for d in rows]
        by_department = self.store.department_checklists(period)  # a round of mixed versions
        marked = []
        for d in rows:
            seen = set().union(*(asked[v] for v in by_department.get(d.key, ()) if v in asked))
            marked.append(replace(d, unasked=frozenset(FIGURES) - seen) if seen else d)
        return marked

    def department_figures(self, period: Period) -> dict[str, str]:
        """The figures asked of at least one township in ``period``, with their headers."""
        return round_figures(self._round_checklists(period).values())

    def _round_checklists(self, period: Period) -> dict[tuple[str, int], Checklist]:
        """The checklists the period's townships answered; read again only when the database
        changed (~20 ms at 10,000 townships, and a window refresh asks twice)."""
        stamp = (self.data_generation(), period.code)
        if self._round_cache is not None and self._round_cache[0] == stamp:
            return self._round_cache[1]
        found = {}
        for checklist_id, version in self.store.checklist_versions(period):
            with contextlib.suppress(JianfuError):  # not this program's: its files were not imported
                found[(checklist_id, version)] = self.library.get(checklist_id, version)
        self._round_cache = (stamp, found)
        return found

    def overview_table(self, period: Period) -> OverviewTable:
        """The overview as plain rows, for views that format only the cells they show."""
        return self.store.overview_table(period)

    def averages(self, period: Period) -> tuple[int, int, dict[str, float]]:
        return self.store.averages(period)

    def common_problems(self, period: Period) -> list[tuple[str, int]]:
        return self.store.common_problems(period)

    def request_groups(self, period: Period) -> list[RequestGroup]:
        return self.store.request_groups(period)

    def request_problems(self, period: Period, group: RequestGroup) -> list[tuple[str | None, int]]:
        return self.store.request_problems(period, group)

    def requests_for(
        self, period: Period, group: RequestGroup, rule_id: str | None = "", limit: int = -1
    ) -> list[EscalatedItem]:
        return self.store.requests_for(period, group, rule_id, limit)

    def missing_townships(self, period: Period) -> list[tuple[str, str]]:
        return self.store.missing_townships(period)

    def unconfirmed_townships(self, period: Period) -> list[tuple[str, int]]:
        """(township, answers) whose file still holds last period's answers, unconfirmed."""
        return self.store.unconfirmed_townships(period)

    def to_verify(self, period: Period) -> list[TownshipToVerify]:
        """The townships whose answers the county should check against what it knows ("请县级核实",
        the checklist's ``verify`` notes, as the drill-down shows them), in division-code order.
        Worked out from the stored answers the notes read, so it needs no column of its own and
        holds for whatever the checklist says, including files imported before a note existed.
        Each distinct set of those answers is worked out once: at 10,000 townships a few are."""
        versions = [self.library.get(DEFAULT_CHECKLIST_ID, v) for v in self.library.versions(DEFAULT_CHECKLIST_ID)]
        refs = tuple(dict.fromkeys(ref for checklist in versions for ref in verify_refs(checklist)))
        if not refs:
            return []
        tables = [r for r in refs if any(c.has_item(r) and c.item(r).type is FieldType.TABLE for c in versions)]
        by_version = {c.version: c for c in versions}
        worked_out: dict[tuple[int, RawAnswers], tuple[str, ...]] = {}
        flagged: dict[int, tuple[str, ...]] = {}
        for assessment_id, key in period_answer_rows(self.db, period.code, refs).items():
            notes = worked_out.get(key)
            if notes is None:
                checklist = by_version.get(key[0])
                answers = TablesOnDemand(
                    answers_from_rows(key[1], self.db.path), tables, self._with_tables(assessment_id, key[1], tables)
                )
                notes = tuple(to_verify(checklist, answers)) if checklist else ()
                if not answers.loaded:  # the other answers decided: the same for every township answering so
                    worked_out[key] = notes
            if notes:
                flagged[assessment_id] = notes
        return [TownshipToVerify(code, name, flagged[i]) for i, code, name in townships_of(self.db, flagged)]

    def _with_tables(self, assessment_id: int, raw: RawAnswers, tables: list[str]) -> Callable[[], Answers]:
        """Reads one township's answers again with its tables' rows, when a verify note needs them."""
        return lambda: answers_from_rows(raw + table_answer_rows(self.db, assessment_id, tables), self.db.path)

    def has_expected_townships(self) -> bool:
        return self.store.has_expected_townships()

    def county_name(self) -> str:
        return self.store.county_name()

    def assessment(self, assessment_id: int) -> Assessment:
        return self.store.assessments.load(assessment_id)

    def set_alias(self, variant: str, canonical: str) -> None:
        self.store.set_alias(variant, canonical)

    def set_expected_townships(self, townships: list[tuple[str, str]]) -> None:
        self.store.set_expected_townships(townships)

    # ---------------------------------------------------------------- signers (签名与待确认)

    def signers(self) -> list[SignerRow]:
        """Each township's bound signing key, by division code."""
        return county_signers.signers(self.db.conn)

    def unsigned_townships(self) -> list[tuple[str, str]]:
        return county_signers.unsigned_townships(self.db.conn)

    def data_generation(self) -> tuple[int, int]:
        """Changes whenever the database does (a commit here or on another connection, such as an
        import in a worker): views of data that no period selects are read again only then."""
        (version,) = self.db.conn.execute("PRAGMA data_version").fetchone()
        return int(version), self.db.conn.total_changes

    def held_files(self) -> list[HeldFile]:
        return county_signers.held_files(self.db.conn)

    def confirm_held(self, held_id: int) -> list[Outcome]:
        """Apply a held file after the inspector has checked its key by phone; its key becomes the
        township's, and other files held for the same key follow."""
        return confirm_held(self.db, self.library, held_id)

    def discard_held(self, held_id: int) -> None:
        discard_held(self.db, held_id)

    # ----------------------------------------------------------------------------- outputs

    def catalogue(self) -> Catalogue:
        """The platform catalogue built from every imported inventory."""
        return build_catalogue(imported_inventory_rows(self.db), self.county_name())

    def department_notices(self, summary: CountySummary) -> list[DepartmentNotice]:
        """One notice (督办函) per county department for the summary's period."""
        rows = period_table_rows(self.db, summary.period.code, NOTICE_TABLES)
        checklist = self.library.latest(DEFAULT_CHECKLIST_ID)
        return department_notices(summary, checklist, rows, department_aliases(self.db))

    def summary(self, period: Period | None = None) -> CountySummary:
        """What the county summary PDF and workbook show for ``period`` (the latest by default)."""
        library, county = self.library, self.store
        periods = county.periods()
        if not periods:
            raise JianfuError("县级数据库中还没有导入任何乡镇自查文件，请先导入。")
        period = period or periods[0]
        if period not in periods:
            raise JianfuError(
                f"县级数据库中没有{period.label}的自查文件；已有：{'、'.join(p.label for p in periods)}。"
            )
        checklist = library.latest(DEFAULT_CHECKLIST_ID)
        titles = {
            rule.id: rule.title
            for version in library.versions(DEFAULT_CHECKLIST_ID)
            for rule in library.get(DEFAULT_CHECKLIST_ID, version).rules
        }
        return CountySummary(
            county=county.county_name(),
            period=period,
            manifestation_names={m.id: m.name for m in checklist.manifestations},
            level_labels=checklist.level_labels(),
            rows=county.overview(period),
            missing=county.missing_townships(period),
            expected_loaded=county.has_expected_townships(),
            departments=self.departments(period),
            figure_headers=self.department_figures(period),
            common_problems=[(titles.get(rule, rule), n) for rule, n in county.common_problems(period)],
            escalated={
                dept: [replace(i, rule_title=titles.get(i.rule_id or "", "")) for i in items]
                for dept, items in county.escalated_items(period).items()
            },
            plan_items=county.plan_items(period),
            unconfirmed=county.unconfirmed_townships(period),
            to_verify=self.to_verify(period),
        )


def _cannot_open(path: Path, exc: sqlite3.Error) -> str:
    """Why the county database at ``path`` could not be opened or created, and what to do."""
    if path.is_dir():
        example = path / "县级汇总.sqlite3"
        return f"无法打开县级数据库 {path}：这是一个文件夹，不是数据库文件。请在后面写上文件名，例如 {example}。"
    if not path.exists():
        return (
            f"无法在 {path.parent} 建立县级数据库 {path.name}：没有写入权限，或所在的磁盘是只读的。"
            "请换一个有写入权限的位置，或请管理员开放权限。"
        )
    from jianfu.storage.failures import explain_database_failure

    return f"无法打开县级数据库 {path}。{explain_database_failure(exc, path)}"


def known_signing_keys(database: Path) -> dict[str, str]:
    """The county database's bound keys (division code → Base64 public key), read without writing
    anything, not even the switch to WAL; empty when there is no database yet. A file that is not a
    readable county database is an error, never "no key known yet": that would read as a first
    file, trusted on first use."""
    if not database.exists():
        return {}  # no county database yet: the first import creates it and binds the key
    if not database.is_file():
        raise JianfuError(f"无法核对已登记的密钥：{database} 是一个文件夹，不是县级数据库。请给 --db 指定数据库文件。")
    check_before_opening(database)  # not SQLite, another program's, or a newer Jianfu's
    try:
        conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
        try:
            kind = database_kind(conn)
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if kind == TOWNSHIP or "townships" not in tables:
                raise JianfuError(
                    f"数据库 {database} 不是县级汇总数据库，无法核对已登记的密钥。请给 --db 指定县级汇总数据库。"
                )
            if "county_signers" not in tables:  # a county database from before signatures: none bound
                return {}
            return {str(k): str(v) for k, v in conn.execute("SELECT division_code, public_key FROM county_signers")}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        from jianfu.storage.failures import explain_database_failure

        raise JianfuError(f"无法读取县级数据库 {database}。{explain_database_failure(exc, database)}") from exc


__all__ = ["CountyService", "HeldFile", "SignerRow", "known_signing_keys"]
