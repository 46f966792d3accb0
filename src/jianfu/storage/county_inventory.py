"""The inventory rows of the county's imported assessments, which the platform catalogue is built from."""

from __future__ import annotations

import json
from typing import Any

from jianfu.storage.database import Database, stored_json


def imported_inventory_rows(db: Database) -> list[tuple[int, dict[str, Any]]]:
    """(township id, cells) for every row of every imported assessment's app inventory."""
    rows = db.conn.execute(
        "SELECT a.township_id, r.cells FROM table_rows r JOIN assessments a ON a.id = r.assessment_id"
        " WHERE r.item_id = 'apps.inventory' AND a.content_sha256 IS NOT NULL"
    )
    return [(township_id, stored_json(cells, db.path)) for township_id, cells in rows]


def period_table_rows(
    db: Database, period_code: str, item_ids: tuple[str, ...]
) -> list[tuple[str, str, dict[str, Any]]]:
    """(township name, item id, cells) of the given tables in a period's current assessments."""
    marks = ", ".join("?" for _ in item_ids)
    rows = db.conn.execute(
        "SELECT t.name, r.item_id, r.cells FROM table_rows r"
        " JOIN assessments a ON a.id = r.assessment_id JOIN townships t ON t.id = a.township_id"
        f" WHERE a.period = ? AND a.content_sha256 IS NOT NULL AND r.item_id IN ({marks})",
        (period_code, *item_ids),
    )
    result = []
    for township, item_id, cells in rows:
        try:
            parsed = json.loads(cells)
        except ValueError:
            continue
        if isinstance(parsed, dict):
            result.append((township, item_id, parsed))
    return result


def department_aliases(db: Database) -> dict[str, tuple[str, str]]:
    """alias key → (canonical key, canonical name), as the inspector merged departments."""
    return {
        alias: (key, name)
        for alias, key, name in db.conn.execute(
            "SELECT alias_key, canonical_key, canonical_name FROM department_aliases"
        )
    }
