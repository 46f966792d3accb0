"""Failures of the data folder and database, for the window: start-up checks and advice (no Qt)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from jianfu.core.errors import JianfuError
from jianfu.storage.failures import (
    GUI_BUSY_TIMEOUT_MS,
    DataFolderError,
    check_data_folder,
    damaged_message,
    explain_database_failure,
)

if TYPE_CHECKING:
    from jianfu.core.library import ChecklistLibrary
    from jianfu.services.township import AssessmentService
    from jianfu.storage.database import Database

__all__ = [
    "DataFolderError",
    "StartError",
    "check_data_folder",
    "describe_failure",
    "open_database_for_window",
    "open_for_window",
    "service_for_window",
]


class StartError(JianfuError):
    """The program cannot start on this data; the message says why and what to do."""


def open_for_window(database: Path, library: ChecklistLibrary) -> AssessmentService:
    """The service for the window: a short busy timeout, the file checked for damaged pages first,
    every SQLite failure turned into advice."""
    return service_for_window(open_database_for_window(database), library)


def open_database_for_window(database: Path) -> Database:
    """The database opened, migrated and checked for damaged pages, before any window is shown;
    needs neither the checklists nor the services (the window's first stage, see ui/startup.py)."""
    from jianfu.storage.database import TOWNSHIP, open_database

    try:
        db = open_database(database, TOWNSHIP)
    except sqlite3.Error as exc:
        raise StartError(explain_database_failure(exc, database)) from exc
    try:
        # Another program writing (the CLI importing) makes a save wait this long, then say so.
        db.conn.execute(f"PRAGMA busy_timeout = {GUI_BUSY_TIMEOUT_MS}")
        if db.conn.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
            raise StartError(damaged_message(database))
    except sqlite3.Error as exc:
        db.close()
        raise StartError(explain_database_failure(exc, database)) from exc
    except BaseException:
        db.close()
        raise
    return db


def service_for_window(db: Database, library: ChecklistLibrary) -> AssessmentService:
    """The township service on a database from :func:`open_database_for_window` (closed on failure)."""
    from jianfu.services.township import AssessmentService
    from jianfu.storage.assessments import AssessmentStore

    try:
        service = AssessmentService(AssessmentStore(db), library)
        service.my_assessments()  # the start page's first read, here where it can be explained
    except sqlite3.Error as exc:
        db.close()
        raise StartError(explain_database_failure(exc, db.path)) from exc
    except BaseException:
        db.close()
        raise
    return service


def describe_failure(exc: BaseException, database: Path | None) -> str | None:
    """Advice for a database failure that escaped to the excepthook; None for anything else."""
    if isinstance(exc, sqlite3.Error) and database is not None:
        return explain_database_failure(exc, database)
    return None
