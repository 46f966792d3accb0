"""Opening the SQLite database: checks, pragmas, migrations and transactions."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jianfu.core.errors import JianfuError
from jianfu.storage.migrations import LATEST_VERSION, MIGRATIONS

APPLICATION_ID = 0x4A494146  # "JIAF": marks a file as a Jianfu database
_SQLITE_HEADER = b"SQLite format 3\x00"
# The two kinds of Jianfu database share one schema: a township's own assessments, or the files a
# county received. Opening one as the other would mix them (another township's files in the
# wizard's list, or the wizard editing what the county received), so each entry point says which.
TOWNSHIP, COUNTY = "township", "county"


class DatabaseError(JianfuError):
    """The database file cannot be used as it is."""


class Database:
    """An open, migrated database: the connection, and sqlite-utils over it when wanted.

    sqlite-utils is imported on first use, not at start-up: importing it (with its plugin
    scan) costs ~150 ms, more than the window itself. (A plain class, not a dataclass: making
    one costs ~1 ms before the window's first paint.)
    """

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn

    def utils(self) -> Any:
        """A ``sqlite_utils.Database`` on the same connection (bulk work, introspection)."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    def close(self) -> None:
        self.conn.close()


def open_database(path: Path, kind: str | None = None) -> Database:
    """Open (creating if needed) and migrate the database at ``path``; ``kind`` (TOWNSHIP or
    COUNTY): refuse, unchanged, a database holding only the other kind's data.

    The connection is in autocommit mode; writes go through ``transaction()``, because a
    sqlite-utils call inside our own transaction would commit it half-way.
    """
    check_before_opening(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=10)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        # FULL: a power cut after COMMIT returns cannot lose that edit (~0.6 ms more a save).
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        _check_identity(conn, path)
        if kind is not None:
            _check_kind(conn, path, kind)
        migrate(conn, path)
    except DatabaseError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        from jianfu.storage.failures import explain_database_failure

        # Read-only, locked and damaged need different advice; never "move it away" for a good file.
        raise DatabaseError(f"数据库文件 {path} 无法打开。{explain_database_failure(exc, path)}") from exc
    return Database(path, conn)


def check_before_opening(path: Path) -> None:
    """Refuse a file that is not SQLite, or a foreign or newer database, from its header alone,
    before anything (even a read-only connection) touches it."""
    _check_file(path)
    _check_header(path)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One atomic unit of work: committed on success, rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextmanager
def savepoint(conn: sqlite3.Connection, name: str = "unit") -> Iterator[sqlite3.Connection]:
    """A unit of work inside the caller's transaction: an error undoes it alone (a bad file in
    a batch of imports), the rest of the transaction stands."""
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield conn
    except BaseException:
        conn.execute(f"ROLLBACK TO {name}")
        conn.execute(f"RELEASE {name}")
        raise
    conn.execute(f"RELEASE {name}")


def stored_json(text: str | None, path: Path) -> Any:
    """A JSON value as stored; one that no longer parses (damage SQLite's own checks do not see)
    is named as damage of the database at ``path``, with what to do."""
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError as exc:
        from jianfu.storage.failures import damaged_message

        raise DatabaseError(damaged_message(path)) from exc


def now() -> str:
    return dt.datetime.now().isoformat(timespec="milliseconds")


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, path: Path | None = None, target: int = LATEST_VERSION) -> None:
    """Bring the schema up to ``target``, one recorded transaction per migration."""
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise _newer(path, current)
    pending = [m for m in MIGRATIONS if current < m.version <= target]
    if not pending:
        return
    if current > 0 and path is not None:
        _backup(conn, path.with_name(f"{path.name}.v{current}.bak"))
    for migration in pending:
        with transaction(conn):
            if schema_version(conn) >= migration.version:
                continue  # another process opening the same database migrated it while this one waited
            if migration.version == 1:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(
                    "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                    "name TEXT NOT NULL, applied_at TEXT NOT NULL)"
                )
            for statement in _statements(migration.sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, now()),
            )
            conn.execute(f"PRAGMA user_version = {migration.version}")


def _statements(sql: str) -> list[str]:
    # executescript() would COMMIT first and break atomicity; our SQL has no ';' in strings.
    # A trigger's body holds ';' too: pieces are joined until SQLite sees a complete statement.
    statements, pending = [], ""
    for piece in sql.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip().removesuffix(";"))
            pending = ""
    if pending.strip(" \n;"):
        statements.append(pending.strip().removesuffix(";"))
    return statements


def _backup(conn: sqlite3.Connection, target: Path) -> None:
    """Copy the database before migrating it: to a temporary name, synced, then renamed, so that
    a kill or a full disk never leaves a broken backup in place; one that is broken is redone."""
    if _is_usable_backup(target):
        return
    partial = target.with_name(target.name + ".part")
    try:
        partial.unlink(missing_ok=True)
        copy = sqlite3.connect(str(partial))
        try:
            conn.backup(copy)
        finally:
            copy.close()
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
        _sync_folder(target.parent)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise DatabaseError(
            f"升级数据库前无法写入备份 {target}（{exc}），数据库未作任何改动。请检查磁盘空间和写权限后重新打开。"
        ) from exc


def _is_usable_backup(path: Path) -> bool:
    try:
        if path.stat().st_size < 100:
            return False
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError:
        return False
    if header[:16] != _SQLITE_HEADER or int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        return False
    try:
        check = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return bool(check.execute("PRAGMA quick_check").fetchone()[0] == "ok")
        finally:
            check.close()
    except sqlite3.Error:
        return False


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync; NTFS journals the rename itself
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _check_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(len(_SQLITE_HEADER))
    if header != _SQLITE_HEADER:
        raise DatabaseError(
            f"文件 {path} 不是 SQLite 数据库，减负助手不能使用它。请检查 --db 或 JIANFU_HOME 指向的位置。"
        )


def _check_header(path: Path) -> None:
    """Read the SQLite header (user_version at byte 60, application_id at 68) without opening
    the database, so that a refused file stays byte for byte as it was."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError:
        return  # missing: created below; unreadable: sqlite3 reports it
    if len(header) < 100:
        return
    user_version = int.from_bytes(header[60:64], "big")
    app_id = int.from_bytes(header[68:72], "big")
    page_count = int.from_bytes(header[28:32], "big")
    if app_id != APPLICATION_ID and (user_version != 0 or page_count > 1):
        raise _foreign(path)
    if app_id == APPLICATION_ID and user_version > LATEST_VERSION:
        raise _newer(path, user_version)


def _foreign(path: Path) -> DatabaseError:
    return DatabaseError(
        f"数据库 {path} 不是减负助手的数据库（可能是其他软件的文件），为免损坏未作任何改动。"
        "请指定减负助手自己的数据库文件。"
    )


def _newer(path: Path | None, version: int) -> DatabaseError:
    return DatabaseError(
        f"数据库 {path} 由更新版本的减负助手创建（结构版本 {version}），本程序只支持到 "
        f"{LATEST_VERSION}，未作任何改动。请升级减负助手后再打开。"
    )


def _check_identity(conn: sqlite3.Connection, path: Path) -> None:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if app_id != APPLICATION_ID and (has_tables or schema_version(conn) != 0):
        raise _foreign(path)


def _holds(conn: sqlite3.Connection, table: str, where: str = "") -> bool:
    return conn.execute(f"SELECT 1 FROM {table} {where} LIMIT 1").fetchone() is not None


def database_kind(conn: sqlite3.Connection) -> str | None:
    """TOWNSHIP or COUNTY from what the database holds (read only, at any schema version); None
    when it is empty, or holds both (written so by an earlier version: left usable either way).

    County: files received (their history, held files, bound keys, assessments stored with the
    file's checksum). Township: assessments made here (the sample township included)."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    county = any(_holds(conn, t) for t in ("assessment_history", "held_files", "county_signers") if t in tables)
    township = False
    if "assessments" in tables:
        columns = {r[1] for r in conn.execute("PRAGMA table_info(assessments)")}
        if "content_sha256" in columns:
            county = county or _holds(conn, "assessments", "WHERE content_sha256 IS NOT NULL")
            township = _holds(conn, "assessments", "WHERE content_sha256 IS NULL")
        else:  # before county imports existed
            township = _holds(conn, "assessments")
    if county == township:
        return None
    return COUNTY if county else TOWNSHIP


def _check_kind(conn: sqlite3.Connection, path: Path, kind: str) -> None:
    found = database_kind(conn)
    if found is None or found == kind:
        return
    if found == TOWNSHIP:
        raise DatabaseError(
            f"数据库 {path} 是乡镇自查的数据库（保存本乡镇自己的自查），不是县级汇总数据库；"
            "为免把各乡镇报来的文件混进本镇的自查，未作任何改动。"
            "请指定县级汇总数据库（如 county.sqlite3，或一个新的文件名）。"
        )
    raise DatabaseError(
        f"数据库 {path} 是县级汇总数据库（保存各乡镇报来的自查文件），不是乡镇自查的数据库；"
        "为免改动县里收到的文件，未作任何改动。县级汇总请在开始页点“县级汇总（督查用）…”打开；"
        "本镇自查请使用本镇自己的数据库（默认的 jianfu.sqlite3）。"
    )
