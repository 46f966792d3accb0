"""The inventory rows of the county's imported assessments, which the platform catalogue is built from."""

from __future__ import annotations

import json
from typing import Any

from jianfu.storage.database import Database


def imported_inventory_rows(db: Database) -> list[tuple[int, dict[str, Any]]]:
    """(township id, cells) for every row of every imported assessment's app inventory."""
    rows = db.conn.execute(
        "SELECT a.township_id, r.cells FROM table_rows r JOIN assessments a ON a.id = r.assessment_id"
        " WHERE r.item_id = 'apps.inventory' AND a.content_sha256 IS NOT NULL"
    )
    return [(township_id, json.loads(cells)) for township_id, cells in rows]
