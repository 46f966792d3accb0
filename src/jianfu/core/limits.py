"""The documented limits of what Jianfu stores and exchanges, shared by the file reader and by
the wizard's entry fields, so that anything typed in can also be exported and read back.

README and the file schema state the same numbers.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

MAX_NAME_LENGTH = 50  # township and county names
MAX_SHORT_TEXT = 200  # responsible unit, person, department, plan item key
MAX_LONG_TEXT = 10_000  # text answers, table cells, plan problem, measure
MAX_NOTE_LENGTH = 2_000  # an answer's note, a plan item's status
MAX_TABLE_ROWS = 500
MAX_PLAN_ITEMS = 1_000
# JSON objects and arrays in one exchanged file: the largest real file (two full tables of 500 rows,
# each row two objects and a list, and 1,000 plan items) holds about 5,000; 5 MB of "[[]]" would
# hold two million and cost 200 MB to parse.
MAX_CONTAINERS = 20_000
MAX_ABS_NUMBER = 1e9  # no count, minute or hour in a township comes near this
FIRST_YEAR, LAST_YEAR = 2000, 2100  # dates outside are typing errors or forgeries
LINE_BREAKS = "\t\n\r"  # allowed in long text only

# Unicode's control characters (category Cc) and surrogates (Cs), as one character class each
# way: a test checks them against unicodedata over every code point.
LONG_TEXT_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
SHORT_TEXT_REFUSED = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")

# What XML writers (openpyxl, lxml, python-docx, ReportLab's metadata) refuse or cannot encode:
# the refused long-text characters (C1 controls are allowed by XML, but are invisible garbage)
# and the noncharacters U+FFFE and U+FFFF.
XML_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` as any XML writer accepts it: what XML refuses dropped, tab and line breaks kept."""
    return XML_REFUSED.sub("", text)


def text_problem(text: str, multiline: bool = False, maximum: int | None = None) -> str | None:
    """Why ``text`` may not be stored (in Chinese), or None.

    Control characters (and lone surrogates) are refused everywhere: they break spreadsheets,
    PDFs and other systems' parsers. Tab and line breaks are allowed in long text only.
    """
    if maximum is not None and len(text) > maximum:
        return f"文字过长（{len(text)}字，上限{maximum}字）"
    found = (LONG_TEXT_REFUSED if multiline else SHORT_TEXT_REFUSED).search(text)
    if found is None:
        return None
    position, char = found.start() + 1, found.group()
    if unicodedata.category(char) == "Cs":
        return f"第{position}个字符是不成对的代理字符，不是有效的文字"
    return f"第{position}个字符是控制字符（U+{ord(char):04X}），不能出现在文字中"


def clean_typed_text(text: str, multiline: bool = False, maximum: int | None = None) -> str:
    """What the wizard keeps of typed or pasted text: control characters dropped, cut at ``maximum``."""
    kept = (LONG_TEXT_REFUSED if multiline else SHORT_TEXT_REFUSED).sub("", text)  # Cc and Cs, as tested
    return kept[:maximum] if maximum is not None else kept


def number_problem(value: float | int) -> str | None:
    if value != value or abs(value) > MAX_ABS_NUMBER:  # NaN, infinity, 1e999 or just absurd
        return f"数值 {value!r} 超出允许范围（绝对值不超过 {MAX_ABS_NUMBER:.0e}）"
    return None


def date_problem(day: dt.date) -> str | None:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        return f"日期{day.isoformat()}不在{FIRST_YEAR}–{LAST_YEAR}年之间"
    return None


PLAN_TEXT_LIMITS = {  # field: (maximum, multiline), as in the file schema
    "problem": (MAX_LONG_TEXT, True),
    "measure": (MAX_LONG_TEXT, True),
    "status": (MAX_NOTE_LENGTH, True),
    "responsible_unit": (MAX_SHORT_TEXT, False),
    "responsible_person": (MAX_SHORT_TEXT, False),
    "department": (MAX_SHORT_TEXT, False),
}


def clean_plan_text(field: str, value: object) -> object:
    """A plan field as typed, kept within what the exchange file allows."""
    if not isinstance(value, str) or field not in PLAN_TEXT_LIMITS:
        return value
    maximum, multiline = PLAN_TEXT_LIMITS[field]
    return clean_typed_text(value, multiline, maximum)
