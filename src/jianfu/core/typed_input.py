"""Reading what a cadre types into number fields: full-width digits, units, and which row is wrong.

"1.5小时" in an hours field, full-width "１．５" and "1,200" are numbers; "90分钟" in an hours field
is converted (time units only); any other unit is refused with the unit the field expects.
Dates (a plan item's deadline) are read as offices write them: 2027-03-31, 2027/3/31, 2027.3.31,
2027年3月31日.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from jianfu.core.checklist import Item
from jianfu.core.errors import JianfuError

# Time units a field may expect, in minutes; a value typed in another of them is converted.
_MINUTES = {"分钟": 1, "分": 1, "小时": 60, "个小时": 60, "钟头": 60, "h": 60, "min": 1}
_NUMBER = re.compile(r"^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(.*)$")
_PERCENT = {"%", "％", "百分之"}
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
DATE_EXAMPLE = "2027-03-31或2027年3月31日"


class NumberInputError(JianfuError):
    """What was typed is not a number in the field's unit; the message says what is expected."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def _base_unit(unit: str) -> str:
    """The unit a value is typed in: "小时/年" is typed in 小时, "人·天" as it is."""
    return unit.split("/")[0].strip()


def _expected(unit: str) -> str:
    return f"（单位：{unit}）" if unit else ""


def parse_number(text: str, unit: str = "") -> int | float | None:
    """The number in ``text`` for a field measured in ``unit``; None when empty."""
    plain = unicodedata.normalize("NFKC", text).strip()
    plain = plain.replace("，", ",").replace("。", ".").replace(" ", "")
    plain = re.sub(r"(?<=\d),(?=\d{3}\b)", "", plain)  # 1,200
    if not plain:
        return None
    match = _NUMBER.match(plain)
    if match is None:
        raise NumberInputError(f"应为数字，例如12或1.5{_expected(unit)}")
    number = float(match.group(1))
    typed = match.group(2).strip()
    base = _base_unit(unit)
    if typed and typed != base and typed != unit:
        if base == "%" and typed in _PERCENT:
            pass
        elif typed in _MINUTES and base in _MINUTES:
            number = number * _MINUTES[typed] / _MINUTES[base]
        elif typed in _MINUTES and base not in _MINUTES:
            raise NumberInputError(f"这里要填的不是时长，请只填数字{_expected(unit)}")
        else:
            raise NumberInputError(f"单位应为“{base or unit}”，请只填数字{_expected(unit)}")
    number = round(number, 6)
    return int(number) if number.is_integer() else number


def row_problem(item: Item, cells: dict[str, Any], row_number: int) -> str | None:
    """Why one row of table ``item`` cannot be stored, naming the row as the user sees it (1-based)."""
    from jianfu.core.answers import check_value

    for column_id, cell in cells.items():
        column = item.column(column_id)
        if column is None:
            return f"第{row_number}行有未知的列 {column_id}"
        problem = check_value(column, cell)
        if problem:
            return f"第{row_number}行“{column.label}”{problem}"
    return None


def parse_deadline(text: str) -> dt.date | None:
    """The day in ``text`` (None when empty), within the years a file may carry (core.limits):
    a typo such as 2207 is refused here, not by the county's import of the exported file."""
    from jianfu.core.limits import date_problem

    plain = unicodedata.normalize("NFKC", text).strip()
    if not plain:
        return None
    match = _DATE.match(plain)
    try:
        if match is None:
            raise ValueError(plain)
        day = dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        raise NumberInputError(f"请写成日期，例如{DATE_EXAMPLE}") from None
    problem = date_problem(day)
    if problem:
        raise NumberInputError(f"{problem}，请检查年份")
    return day
