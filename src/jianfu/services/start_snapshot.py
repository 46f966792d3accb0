"""What the start page showed when the program last saw this database, to show it again at once.

The start page's list needs every assessment's completion, and completion needs the checklist
model (skip logic): loading it costs more than the whole window. So the window keeps, in the cache
folder, the list and the sidebar exactly as it last computed them, with a key made of everything
they are computed from: every assessment's row (an edit touches ``updated_at``), the schema
version, the program version and the checklist files. When the key still matches, the first page
is painted from the snapshot and the checklist is loaded after the paint; the window computes the
list again then and replaces what it showed if anything differs, so a wrong snapshot can delay
the truth by a moment, never hide it. Standard library and sqlite3 only (no core modules).
"""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from pathlib import Path
from typing import Any, NamedTuple

FORMAT = 2  # 2: listings say how many carried-over answers are still to confirm

# One line of the start page's list: id, township (county + name), period label, answered, asked,
# last edit as shown, answers carried over from last period still to confirm.
Listing = tuple[int, str, str, int, int, str, int]
# One page of the wizard: id, title, section id (None for the pages that ask nothing).
Page = tuple[str, str, str | None]


class StartSnapshot(NamedTuple):  # not a dataclass: making one costs ~1 ms before the first paint
    listings: list[Listing]
    recycled: bool  # the recycle list holds something
    pages: list[Page]  # of the latest checklist, in wizard order


def snapshot_key(conn: sqlite3.Connection, database: Path, checklists: Path, version: str) -> list[Any]:
    """Everything the start page is computed from; also the start page's first read of the database."""
    rows = conn.execute(
        "SELECT a.id, a.updated_at, a.deleted_at, a.sample, a.period, a.checklist_id, a.checklist_version,"
        " t.name, t.division_code, t.county FROM assessments a JOIN townships t ON t.id = a.township_id"
        " ORDER BY a.id"
    ).fetchall()
    files = []
    for folder in sorted(os.scandir(checklists), key=lambda e: e.name) if checklists.is_dir() else []:
        if folder.is_dir():
            for entry in sorted(os.scandir(folder.path), key=lambda e: e.name):
                stat = entry.stat()
                files.append([folder.name, entry.name, stat.st_size, stat.st_mtime_ns])
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    return [FORMAT, version, str(database.resolve()), user_version, files, [list(r) for r in rows]]


def snapshot_path(cache: Path, database: Path) -> Path:
    name = f"{zlib.crc32(str(database.resolve()).encode('utf-8')):08x}"
    return cache / "start-page" / f"{name}.json"


def read_snapshot(path: Path, key: list[Any]) -> StartSnapshot | None:
    """The snapshot stored under ``key``; None when there is none or it was made from other data."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        return StartSnapshot(
            [(int(i), str(t), str(p), int(a), int(q), str(u), int(c)) for i, t, p, a, q, u, c in data["listings"]],
            bool(data["recycled"]),
            [(str(i), str(t), None if s is None else str(s)) for i, t, s in data["pages"]],
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # no snapshot, or one this program cannot read: compute the page instead


def write_snapshot(path: Path, key: list[Any], snapshot: StartSnapshot) -> None:
    """Best effort: the snapshot only saves time, so a disk that refuses it changes nothing."""
    data = {
        "key": key,
        "listings": [list(row) for row in snapshot.listings],
        "recycled": snapshot.recycled,
        "pages": [list(page) for page in snapshot.pages],
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        partial.replace(path)
    except OSError:
        pass


def remembered_page(
    conn: sqlite3.Connection, database: Path, checklists: Path, cache: Path, version: str
) -> StartSnapshot | None:
    """The snapshot to paint the start page from, if the data are as when it was made. Raises
    StartError, with advice, when the database cannot be read (the start page's first read)."""
    from jianfu.services.failures import StartError
    from jianfu.storage.failures import explain_database_failure

    try:
        key = snapshot_key(conn, database, checklists, version)
    except sqlite3.Error as exc:
        raise StartError(explain_database_failure(exc, database)) from exc
    return read_snapshot(snapshot_path(cache, database), key)


def remember_page(
    conn: sqlite3.Connection, database: Path, checklists: Path, cache: Path, version: str, snapshot: StartSnapshot
) -> bool:
    """Keep ``snapshot`` for the next start; False when it could not be (the next start is slower)."""
    try:
        write_snapshot(snapshot_path(cache, database), snapshot_key(conn, database, checklists, version), snapshot)
    except (sqlite3.Error, OSError):
        return False
    return True
