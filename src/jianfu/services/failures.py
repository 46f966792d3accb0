"""Failures of the data folder and database, for the window: start-up checks and advice (no Qt)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from jianfu.core.errors import JianfuError
from jianfu.core.library import ChecklistLibrary
from jianfu.storage.failures import (
    GUI_BUSY_TIMEOUT_MS,
    DataFolderError,
    check_data_folder,
    damaged_message,
    explain_database_failure,
)

if TYPE_CHECKING:
    from jianfu.services.township import AssessmentService

__all__ = ["DataFolderError", "StartError", "check_data_folder", "describe_failure", "open_for_window"]


class StartError(JianfuError):
    """The program cannot start on this data; the message says why and what to do."""


def open_for_window(database: Path, library: ChecklistLibrary) -> AssessmentService:
    """The service for the window: a short busy timeout, the file checked for damaged pages first,
    every SQLite failure turned into advice."""
    from jianfu.services.township import AssessmentService

    try:
        service = AssessmentService.open(database, library)
    except sqlite3.Error as exc:
        raise StartError(explain_database_failure(exc, database)) from exc
    conn = service.store.db.conn
    try:
        # Another program writing (the CLI importing) makes a save wait this long, then say so.
        conn.execute(f"PRAGMA busy_timeout = {GUI_BUSY_TIMEOUT_MS}")
        if conn.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
            raise StartError(damaged_message(database))
        service.my_assessments()  # the start page's first read, here where it can be explained
    except sqlite3.Error as exc:
        service.store.db.close()
        raise StartError(explain_database_failure(exc, database)) from exc
    except BaseException:
        service.store.db.close()
        raise
    return service


def describe_failure(exc: BaseException, database: Path | None) -> str | None:
    """Advice for a database failure that escaped to the excepthook; None for anything else."""
    if isinstance(exc, sqlite3.Error) and database is not None:
        return explain_database_failure(exc, database)
    return None
