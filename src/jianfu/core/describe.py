"""Answers as a reader sees them, in Chinese: "是", "每周几次", "12个", "共3行：…"."""

from __future__ import annotations

from jianfu.core.answers import Answer, table_rows
from jianfu.core.checklist import Field, FieldType, Item

MAX_ROW_NAMES = 6


def answer_text(item: Item, answer: Answer | None) -> str:
    if answer is None or not answer.is_answered:
        return "未填"
    if answer.not_applicable:
        return "不适用"
    if answer.declared_none and not table_rows(answer.value):
        return item.none_label or "没有"
    return value_text(item, answer.value)


def value_text(field: Field, value: object) -> str:
    if value is None or value == "" or value == []:
        return "未填"
    kind = field.type
    if kind is FieldType.YES_NO:
        return "是" if value else "否"
    if kind is FieldType.NUMBER:
        assert isinstance(value, int | float)
        number = str(int(value)) if value == int(value) else f"{value:g}"
        return f"{number}{field.unit}"  # no space before a Chinese unit: 40人
    if kind is FieldType.SINGLE_CHOICE:
        choice = field.choice(value)
        return choice.label if choice else str(value)
    if kind is FieldType.MULTI_CHOICE:
        assert isinstance(value, list)
        return "、".join(c.label if (c := field.choice(v)) else str(v) for v in value)
    if kind is FieldType.TABLE and isinstance(field, Item):
        rows = table_rows(value)
        names = [str(row.get("cells", {}).get(field.name_column, "")).strip() for row in rows if field.name_column]
        names = [n for n in names if n]
        shown = "、".join(names[:MAX_ROW_NAMES]) + ("等" if len(names) > MAX_ROW_NAMES else "")
        return f"共{len(rows)}行" + (f"：{shown}" if shown else "")
    if kind is FieldType.ROW_REFS:
        assert isinstance(value, list)
        return f"{len(value)}个"
    return str(value)
