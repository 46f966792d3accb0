"""An assessment (自查评估): one township's answers and plan for one period."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from jianfu.core.answers import Answer
from jianfu.core.errors import JianfuError
from jianfu.core.limits import MAX_NAME_LENGTH, text_problem

if TYPE_CHECKING:
    from jianfu.core.plan import RectificationItem

_PERIOD = re.compile(r"^([0-9]{4})(?:-(Q[1-4]|H[12]))?$")
_QUARTERS = {
    "Q1": "第一季度",
    "Q2": "第二季度",
    "Q3": "第三季度",
    "Q4": "第四季度",
    "H1": "上半年",
    "H2": "下半年",
}
_DIVISION_CODE = re.compile(r"^[0-9]{12}$")  # ASCII digits only, as the file schema says


class IdentityError(JianfuError):
    """A township identity or period that cannot be right."""


@dataclass(frozen=True)
class Township:
    """A township or sub-district (乡镇/街道), identified by its 12-digit division code."""

    name: str
    division_code: str  # 统计用区划代码: 6 digits county + 3 township + 000
    county: str = ""

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise IdentityError("乡镇（街道）名称不能为空")
        if len(self.name) > MAX_NAME_LENGTH or len(self.county) > MAX_NAME_LENGTH:
            raise IdentityError(f"乡镇（街道）和县（市、区）名称不能超过{MAX_NAME_LENGTH}字")
        problem = text_problem(self.name) or text_problem(self.county)
        if problem:
            raise IdentityError(f"名称有误：{problem}")
        if not _DIVISION_CODE.match(self.division_code):
            raise IdentityError(f"区划代码应为12位数字，而不是“{self.division_code}”")

    @property
    def county_code(self) -> str:
        return self.division_code[:6]


@dataclass(frozen=True, order=True)
class Period:
    """An assessment period: a year, a half year (2026-H2) or a quarter (2026-Q4)."""

    code: str

    def __post_init__(self) -> None:
        match = _PERIOD.match(self.code)
        if not match or not 2000 <= int(match.group(1)) <= 2100:
            raise IdentityError(f"评估期应写作2026-Q4、2026-H2或2026，而不是“{self.code}”")

    @property
    def label(self) -> str:
        match = _PERIOD.match(self.code)
        assert match
        year, part = match.groups()
        return f"{year}年{_QUARTERS[part]}" if part else f"{year}年度"

    @property
    def start(self) -> dt.date:
        """The first day of the period."""
        return self.preceding().end + dt.timedelta(days=1)

    @property
    def end(self) -> dt.date:
        """The last day of the period."""
        match = _PERIOD.match(self.code)
        assert match
        year, part = int(match.group(1)), match.group(2)
        last_month = {"Q1": 3, "Q2": 6, "Q3": 9, "H1": 6}.get(part or "", 12)
        next_month = dt.date(year + last_month // 12, last_month % 12 + 1, 1)
        return next_month - dt.timedelta(days=1)

    @classmethod
    def containing(cls, day: dt.date) -> Period:
        return cls(f"{day.year}-Q{(day.month - 1) // 3 + 1}")

    @property
    def year(self) -> int:
        return int(self.code[:4])

    def following(self) -> Period:
        """The next period of the same length: 2026-Q4 → 2027-Q1, 2026-H1 → 2026-H2, 2026 → 2027."""
        part = self.code[5:]
        if not part:
            return Period(str(self.year + 1))
        kind, number = part[0], int(part[1])
        count = 4 if kind == "Q" else 2
        if number == count:
            return Period(f"{self.year + 1}-{kind}1")
        return Period(f"{self.year}-{kind}{number + 1}")

    def preceding(self) -> Period:
        """The period of the same length before this one."""
        part = self.code[5:]
        if not part:
            return Period(str(self.year - 1))
        kind, number = part[0], int(part[1])
        if number == 1:
            return Period(f"{self.year - 1}-{kind}{4 if kind == 'Q' else 2}")
        return Period(f"{self.year}-{kind}{number - 1}")


@dataclass
class Assessment:
    township: Township
    period: Period
    checklist_id: str
    checklist_version: int
    base_date: dt.date  # plan deadlines count from this day
    answers: dict[str, Answer] = field(default_factory=dict)
    plan: list[RectificationItem] = field(default_factory=list)
    updated_at: str = ""
