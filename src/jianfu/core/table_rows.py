"""Which cells a table row must have for the table to count as answered.

A row saved with its name or the cells that scoring reads left blank would otherwise answer the
table and score as no burden: one empty row made the app inventory "answered" and took the
fingertip hours from 34 to 14 (QA, session 4). So, as with items (``core.completeness``), the
required columns are derived from the checklist, not declared twice: the columns marked
``required`` and every column a scoring rule or a fingertip-hours term reads, its row filter
included. Yes/no columns are a check box (never blank) and a row's platforms (``row_refs``) may
truly be none (filed on paper), so neither is required.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jianfu.core.checklist import FieldType

if TYPE_CHECKING:
    from jianfu.core.checklist import Checklist, Field, Item

NEVER_BLANK = (FieldType.YES_NO, FieldType.ROW_REFS)


def required_columns(checklist: Checklist, table: Item) -> tuple[Field, ...]:
    """The columns every row of ``table`` must fill, worked out once per checklist."""
    cache: dict[str, tuple[Field, ...]] = checklist.__dict__.setdefault("_required_columns", {})
    if table.id not in cache:
        cache[table.id] = _required_columns(checklist, table)
    return cache[table.id]


def _required_columns(checklist: Checklist, table: Item) -> tuple[Field, ...]:
    read: set[str] = set()
    for rule in checklist.rules:
        signal = rule.signal
        if signal.kind in ("count_rows", "sum_rows") and signal.ref == table.id:
            read.update([signal.column] if signal.column else [])
            read.update(signal.where.refs() if signal.where else [])
        elif signal.kind == "fingertip" and signal.ref == table.id:
            read.update(signal.where.refs() if signal.where else [])
    for term in checklist.fingertip_terms:
        if term.table == table.id:
            read.update(term.factors)
            read.update(term.where.refs() if term.where else [])
    return tuple(
        column for column in table.columns if (column.required or column.id in read) and column.type not in NEVER_BLANK
    )


def unfinished_rows(checklist: Checklist, table: Item, value: Any) -> list[tuple[int, str, list[str]]]:
    """Rows lacking a required cell: (row number from 1, the row's name or "", the missing
    columns' labels)."""
    columns = required_columns(checklist, table)
    if not columns or not isinstance(value, list):
        return []
    unfinished = []
    for number, row in enumerate(value, start=1):
        cells = row.get("cells", {}) if isinstance(row, dict) else {}
        missing = [c.label for c in columns if cells.get(c.id) in (None, "", [])]
        if missing:
            name = cells.get(table.name_column, "") if table.name_column else ""
            unfinished.append((number, str(name or ""), missing))
    return unfinished


def unfinished_rows_text(checklist: Checklist, table: Item, value: Any) -> str:
    """E.g. "政务应用、平台与工作群清单第2行（钉钉）缺少：实际使用频率、使用当天人均用时"; "" when none."""
    parts = []
    for number, name, missing in unfinished_rows(checklist, table, value):
        named = f"（{name}）" if name else ""
        parts.append(f"第{number}行{named}缺少：{'、'.join(missing)}")
    return f"{table.label}" + "；".join(parts) if parts else ""
