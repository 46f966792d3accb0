"""Who imposes the burden (条线归因): each county department's share of a township's burden.

Read from the app inventory (apps, groups and platforms with their owning department and their
forced features) and the filing tasks (the requesting department, filings to more than one
platform, time). Department names are normalised so that the same department typed two ways
counts once; the inspector can map remaining variants onto one name.

A finding is attributed to a department only where the township said that department imposes
it: a table row naming its department, or a section's "which departments" question answered with
ONE department. Answered with several, the township did not say which of them imposes it, so the
finding is "one or more of A、B" (``Attribution.any_of``): shown so, counted under no department.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from jianfu.core.answers import Answers, table_rows
from jianfu.core.checklist import Checklist
from jianfu.core.choices import split_departments
from jianfu.core.limits import MAX_SHORT_TEXT
from jianfu.core.scoring import users_share

WORKDAYS_PER_MONTH = 21.75
UNKNOWN_DEPARTMENT = "（未注明部门）"
FEATURES = ("checkin", "ranking", "online_time", "forced_download")
# Invisible format characters (zero-width spaces, joiners, bidi marks, soft hyphens, the BOM) come
# along with text copied from web pages and chats: "县应急\u200b管理局" is the same department.
_NOISE = re.compile(
    r"[\s\u3000·・.,，、。;；:：()（）\[\]【】<>《》\"'“”‘’"
    "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff-]+"
)


# How a plan item's department field says "one or more of these, the township did not say which":
# "县委宣传部、县数据局之一或多个（未指明）", after "；另" when some are named.
ANY_OF = "之一或多个"
NOT_SAID = "（未指明）"  # which of them: short, the plan's department column is narrow
ALSO = "；另"
_LIST = re.compile(r"[、，,；;]+")  # a row's department may contain spaces: never split on them


@dataclass(frozen=True)
class Attribution:
    """Who imposes a finding: each of ``named``; and one or more of ``any_of``, not said which."""

    named: tuple[str, ...] = ()
    any_of: tuple[str, ...] = ()

    @classmethod
    def of(cls, named: Iterable[str] = (), any_of: Iterable[str] = ()) -> Attribution:
        """Names once each, in order; "one or more of" a single name, or of names all named
        anyway, says no more than ``named``."""
        named = tuple(dict.fromkeys(n.strip() for n in named if n.strip()))
        any_of = tuple(dict.fromkeys(n.strip() for n in any_of if n.strip()))
        if len(any_of) == 1 or set(any_of) <= set(named):
            named, any_of = tuple(dict.fromkeys((*named, *any_of))), ()
        return cls(named, any_of)

    @property
    def possible(self) -> tuple[str, ...]:
        """Departments possibly concerned but not named: never to be told they impose it."""
        return tuple(n for n in self.any_of if n not in self.named)

    @property
    def text(self) -> str:
        """The plan item's department field: "A、B", or "C、D之一或多个（未指明）", or both
        joined by "；另", within the field's length (the last of C、D… give way to "等");
        read back by ``parse_attribution``."""
        named = "、".join(self.named)
        lead = named + ALSO if named else ""
        names, more = list(self.any_of), ""
        while len(names) > 1 and len(lead + "、".join(names) + more + ANY_OF + NOT_SAID) > MAX_SHORT_TEXT:
            names, more = names[:-1], "等"
        if len(names) < 2:  # no room to say who else: say no more than the named
            return named
        return lead + "、".join(names) + more + ANY_OF + NOT_SAID


def answer_attribution(answer: Any) -> Attribution:
    """A section's "which departments impose these" answer: only a single department is named."""
    names = split_departments(answer)
    return Attribution.of(named=names) if len(names) == 1 else Attribution.of(any_of=names)


def rows_attribution(departments: Iterable[str]) -> Attribution:
    """Table rows' own department cells: each row's department imposes that row's burden."""
    return Attribution.of(named=(n for d in departments for n in _LIST.split(d)))


def owners_attribution(departments: Sequence[str]) -> Attribution | None:
    """The owners of what a rule reads (each 派单平台 row's department cell): their department when
    every row names the same one department; None otherwise (a row without one, or several
    departments: the township did not say which imposes it), and the section's answer says."""
    names = [[n.strip() for n in _LIST.split(d) if n.strip()] for d in departments]
    if not names or any(len(found) != 1 for found in names):
        return None
    if len({department_key(found[0]) for found in names}) != 1:
        return None
    return Attribution.of(named=[names[0][0]])


def combined(parts: Iterable[Attribution]) -> Attribution:
    """The attribution of findings merged into one item."""
    parts = list(parts)
    return Attribution.of((n for p in parts for n in p.named), (n for p in parts for n in p.any_of))


def parse_attribution(text: str) -> Attribution:
    """A department field read back: as ``Attribution.text`` wrote it, or as the township typed it
    (every name it wrote for this item is named, unless it wrote "之一或多个" after them)."""
    text = text or ""
    if ANY_OF not in text:
        return Attribution.of(named=_LIST.split(text))
    named, _, any_of = text.split(ANY_OF, 1)[0].rpartition(ALSO)
    return Attribution.of(_LIST.split(named), _LIST.split(any_of))


def unspecified(text: str) -> tuple[str, ...]:
    """The departments a department field lists as "one or more of" without saying which: the
    township is to pick (on the plan page); empty when it names every department it lists."""
    return parse_attribution(text).possible


def picked(text: str, name: str) -> str:
    """The department field once the township says ``name`` imposes it: the departments the field
    named already, and ``name``; the "one or more of" list is answered, so it goes."""
    return Attribution.of(named=(*parse_attribution(text).named, name)).text


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
        # how many cadres use each app, where the checklist asks it (v4): as the fingertip hours count it
        users = next((t.users for t in checklist.fingertip_terms if t.table == "apps.inventory" and t.users), None)
        for row in table_rows(values.get("apps.inventory")):
            inventory_ids.add(row.get("row_id"))
            cells = row.get("cells", {})
            b = burden(cells.get("department"))
            b.apps += 1
            for feature in FEATURES:
                if cells.get(feature) is True:
                    setattr(b, feature, getattr(b, feature) + 1)
            # minutes per user on a day of use, for every user (every cadre before v4 asked how
            # many use it, or where that is left blank), over the days of use a month (v2 usage
            # choices carry days per month; v1 counted every working day)
            used = usage.choice(cells.get("usage")) if usage else None
            days = used.numeric if used is not None and used.numeric is not None else WORKDAYS_PER_MONTH
            share = users_share(cells.get(users), cadres) if users else 1.0
            b.hours += _number(cells.get("minutes_per_day")) * cadres * share * days / 60
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
