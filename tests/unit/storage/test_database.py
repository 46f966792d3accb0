from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from jianfu.core.assessment import Period, Township
from jianfu.storage.assessments import AssessmentStore
from jianfu.storage.database import DatabaseError, migrate, open_database, schema_version
from jianfu.storage.migrations import LATEST_VERSION


@pytest.fixture(scope="module")
def checklist(library):
    """Version 1: these tests are about v1 items, still scored for old assessments."""
    return library.get("township-selfcheck", 1)


def make_first_version_database(path: Path) -> None:
    """A database exactly as the first schema version left it, with one answer in it."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    migrate(conn, target=1)
    conn.execute("INSERT INTO townships VALUES (1, '519901101000', '柳河镇', '云溪县', '2026-01-01')")
    conn.execute(
        "INSERT INTO assessments VALUES (1, 1, '2026-Q1', 'township-selfcheck', 1, '2026-03-31',"
        " '2026-03-01', '2026-03-02')"
    )
    conn.execute("INSERT INTO answers VALUES (1, 'profile.cadre_count', '40', 0, '备注', '2026-03-02')")
    conn.execute("INSERT INTO table_rows VALUES (1, 'apps.inventory', 'r1', 0, '{\"name\": \"网格通\"}', '2026-03-02')")
    conn.close()


def test_new_database_is_at_the_latest_version(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.sqlite3")
    assert schema_version(db.conn) == LATEST_VERSION
    applied = [r[0] for r in db.conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert applied == list(range(1, LATEST_VERSION + 1))
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.conn.close()


def test_first_version_database_is_migrated_not_recreated(tmp_path: Path, checklist) -> None:
    path = tmp_path / "old.sqlite3"
    make_first_version_database(path)
    db = open_database(path)
    assert schema_version(db.conn) == LATEST_VERSION
    assert "fingertip_hours" in db.utils()["assessments"].columns_dict
    store = AssessmentStore(db)
    assessment = store.load(1)
    assert assessment.township == Township("柳河镇", "519901101000", "云溪县")
    assert assessment.period == Period("2026-Q1")
    assert assessment.answers["profile.cadre_count"].value == 40
    assert assessment.answers["profile.cadre_count"].note == "备注"
    assert assessment.answers["apps.inventory"].value == [{"row_id": "r1", "cells": {"name": "网格通"}}]
    from jianfu.core.scoring import score_assessment

    store.save_result(1, score_assessment(checklist, assessment.answers), [])  # the new column is usable
    backup = tmp_path / "old.sqlite3.v1.bak"
    assert backup.exists()
    with closing(sqlite3.connect(backup)) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    db.conn.close()


def test_database_from_a_newer_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    open_database(path).conn.close()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    with pytest.raises(DatabaseError, match="升级"):
        open_database(path)


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes("这不是数据库".encode())
    with pytest.raises(DatabaseError, match="不是 SQLite"):
        open_database(path)
    assert path.read_bytes() == "这不是数据库".encode()


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(DatabaseError, match="不是减负助手的数据库"):
        open_database(path)


def _files(path: Path) -> dict[str, bytes]:
    """The database and every side file (-wal, -shm), byte for byte."""
    return {p.name: p.read_bytes() for p in sorted(path.parent.glob(path.name + "*"))}


def test_a_refused_newer_database_is_left_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    open_database(path).conn.close()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")  # as another machine might leave it
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    before = _files(path)
    with pytest.raises(DatabaseError, match="未作任何改动"):
        open_database(path)
    assert _files(path) == before


def test_an_empty_database_of_another_program_is_not_called_a_newer_jianfu(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA user_version = 7")
    before = _files(path)
    with pytest.raises(DatabaseError, match="不是减负助手的数据库") as info:
        open_database(path)
    assert "更新版本" not in str(info.value)
    assert _files(path) == before


@pytest.mark.parametrize("previous", [b"", b"SQLite format 3\x00" + bytes(84), "半个备份".encode()])
def test_a_broken_migration_backup_is_made_again(tmp_path: Path, previous: bytes) -> None:
    path = tmp_path / "old.sqlite3"
    make_first_version_database(path)
    backup = tmp_path / "old.sqlite3.v1.bak"
    backup.write_bytes(previous)  # left by a kill or a full disk during an earlier attempt
    open_database(path).close()
    with closing(sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1
        assert old.execute("SELECT name FROM townships").fetchall() == [("柳河镇",)]
    assert not (tmp_path / "old.sqlite3.v1.bak.part").exists()


def test_a_backup_that_cannot_be_written_stops_the_migration(tmp_path: Path, monkeypatch) -> None:
    import jianfu.storage.database as database

    path = tmp_path / "old.sqlite3"
    make_first_version_database(path)
    before = _files(path)

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(database.os, "fsync", full_disk)
    with pytest.raises(DatabaseError, match="备份"):
        open_database(path)
    monkeypatch.undo()
    assert not list(tmp_path.glob("*.bak*"))
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1  # not migrated without a backup
    assert before  # the original is still there


def test_two_programs_creating_the_same_database_at_once(tmp_path: Path) -> None:
    """Two `jianfu import` started together on a new county database: the one that waited for the
    write lock found the schema made and failed with "UNIQUE constraint failed"."""
    path = tmp_path / "county.sqlite3"
    raced = []

    class Racing(sqlite3.Connection):
        def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
            if sql == "BEGIN IMMEDIATE" and not raced:
                raced.append(True)
                open_database(path).close()  # the other program migrates first
            return super().execute(sql, *args)

    conn = sqlite3.connect(str(path), isolation_level=None, factory=Racing)
    try:
        migrate(conn, path)
        assert raced and schema_version(conn) == LATEST_VERSION
        versions = [v for (v,) in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
        assert versions == list(range(1, LATEST_VERSION + 1))
    finally:
        conn.close()
