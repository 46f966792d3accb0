"""Choices gathered or constrained at answer time.

Exclusive choices: a multi-select's "以上都没有" (declared ``exclusive: true`` in the checklist)
is never ticked together with another choice. Ticking it clears the others and ticking another
clears it; a stored answer combining them is refused (``core.answers.check_value``).

Department choices: an item declared ``choices_from: departments`` offers the departments already
entered anywhere in the assessment (table department columns, other department items) plus the
county catalogue's, so that the same department is spelled the same way and every escalated plan
item can be routed. A new name can still be typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from jianfu.core.answers import Answer, table_rows
from jianfu.core.checklist import Checklist, Field, FieldType

DEPARTMENTS = "departments"
SEPARATOR = "、"
_SPLIT = re.compile(r"[、，,；;/\s]+")


def exclusive_values(field: Field) -> set[str]:
    return {c.value for c in field.choices if c.exclusive}


def toggle_choice(field: Field, ticked: Sequence[str], value: str, checked: bool) -> list[str]:
    """The ticked choices after ``value`` is ticked or unticked, in the checklist's order."""
    chosen = set(ticked)
    if not checked:
        chosen.discard(value)
    elif value in exclusive_values(field):
        chosen = {value}
    else:
        chosen = (chosen - exclusive_values(field)) | {value}
    return [c.value for c in field.choices if c.value in chosen]


def split_departments(text: Any) -> list[str]:
    """The department names of a department answer ("县民政局、县农业农村局")."""
    return [part for part in _SPLIT.split(text) if part] if isinstance(text, str) else []


def department_choices(checklist: Checklist, answers: Mapping[str, Answer], catalogue: Iterable[str] = ()) -> list[str]:
    """Every department entered in this assessment, then the catalogue's, each once, in order met."""
    found: dict[str, None] = {}
    for item in checklist.items():
        answer = answers.get(item.id)
        if answer is None:
            continue
        if item.type is FieldType.TABLE and item.department_column:
            for row in table_rows(answer.value):
                cells = row.get("cells", {}) if isinstance(row, Mapping) else {}
                for name in split_departments(cells.get(item.department_column)):
                    found.setdefault(name, None)
        elif item.choices_from == DEPARTMENTS:
            for name in split_departments(answer.value):
                found.setdefault(name, None)
    for name in catalogue:
        for part in split_departments(name):
            found.setdefault(part, None)
    return list(found)


def add_department(text: Any, name: str) -> str:
    """A department answer with ``name`` added (once) to those already written."""
    names = split_departments(text)
    if name not in names:
        names.append(name)
    return SEPARATOR.join(names)
