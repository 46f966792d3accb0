"""Who imposes the burden (条线归因): each county department's share of a township's burden.

Read from the app inventory (apps, groups and platforms with their owning department and their
forced features) and the filing tasks (the requesting department, filings to more than one
platform, time). Department names are normalised so that the same department typed two ways
counts once; the inspector can map remaining variants onto one name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from jianfu.core.answers import Answers, table_rows
from jianfu.core.checklist import Checklist

WORKDAYS_PER_MONTH = 21.75
UNKNOWN_DEPARTMENT = "（未注明部门）"
FEATURES = ("checkin", "ranking", "online_time", "forced_download")
_NOISE = re.compile(r"[\s\u3000·・.,，、。;；:：()（）\[\]【】<>《》\"'“”‘’-]+")


def department_key(name: str) -> str:
    """A comparison key: full/half width folded, spaces and punctuation removed.

    "县 农业农村局", "县农业农村局（" and "县农业农村局" share a key; genuinely different
    spellings ("农业农村局") are left to the inspector's alias list.
    """
    folded = unicodedata.normalize("NFKC", name or "").lower()
    key = _NOISE.sub("", folded)
    return key or UNKNOWN_DEPARTMENT


@dataclass
class DepartmentBurden:
    """One department's burden on one township, per month."""

    department: str
    apps: int = 0
    checkin: int = 0
    ranking: int = 0
    online_time: int = 0
    forced_download: int = 0
    filing_tasks: int = 0
    duplicate_filings: int = 0
    hours: float = 0.0  # township total hours per month

    @property
    def key(self) -> str:
        return department_key(self.department)


def department_burdens(checklist: Checklist, answers: Answers) -> list[DepartmentBurden]:
    values = {k: a.effective() for k, a in answers.items()}
    cadres = _number(values.get(checklist.cadre_item))
    burdens: dict[str, DepartmentBurden] = {}

    def burden(name: Any) -> DepartmentBurden:
        label = name.strip() if isinstance(name, str) and name.strip() else UNKNOWN_DEPARTMENT
        key = department_key(label)
        if key not in burdens:
            burdens[key] = DepartmentBurden(label)
        return burdens[key]

    inventory_ids = set()
    if checklist.has_item("apps.inventory"):
        usage = checklist.item("apps.inventory").column("usage")
        for row in table_rows(values.get("apps.inventory")):
            inventory_ids.add(row.get("row_id"))
            cells = row.get("cells", {})
            b = burden(cells.get("department"))
            b.apps += 1
            for feature in FEATURES:
                if cells.get(feature) is True:
                    setattr(b, feature, getattr(b, feature) + 1)
            # minutes per cadre on a day of use, for every cadre, over the days of use a month
            # (v2 usage choices carry days per month; v1 counted every working day)
            used = usage.choice(cells.get("usage")) if usage else None
            days = used.numeric if used is not None and used.numeric is not None else WORKDAYS_PER_MONTH
            b.hours += _number(cells.get("minutes_per_day")) * cadres * days / 60
    if checklist.has_item("filing.tasks"):
        frequency = checklist.item("filing.tasks").column("frequency")
        for row in table_rows(values.get("filing.tasks")):
            cells = row.get("cells", {})
            b = burden(cells.get("department"))
            b.filing_tasks += 1
            refs = [r for r in cells.get("platforms") or [] if r in inventory_ids]
            platforms = len(set(refs)) + int(_number(cells.get("other_platforms")))
            b.duplicate_filings += max(0, platforms - 1)
            choice = frequency.choice(cells.get("frequency")) if frequency else None
            times = choice.numeric if choice and choice.numeric else 0.0
            b.hours += times * _number(cells.get("minutes_each")) / 60
    for b in burdens.values():
        b.hours = round(b.hours, 2)
    return sorted(burdens.values(), key=lambda b: -b.hours)


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0.0
    return max(0.0, float(value))
