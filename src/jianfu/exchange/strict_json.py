"""Strict JSON for exchanged files: what a lenient parser would let through is refused here,
once, before any reader (GUI, validate, score, report, import) sees the content.

Refused: duplicate keys (a lenient parser keeps the last, so two readers could see two
different files), numbers that are not finite or beyond the documented range (``1e999``),
control characters (tab and line breaks are allowed in long text only), lone surrogates, and
dates outside 2000–2100.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from typing import Any

from jianfu.core.limits import (
    LONG_TEXT_REFUSED,
    MAX_ABS_NUMBER,
    MAX_CONTAINERS,
    MAX_PLAN_ITEMS,
    MAX_TABLE_ROWS,
    SHORT_TEXT_REFUSED,
    date_problem,
    number_problem,
    text_problem,
)

LONG_TEXT_FIELDS = frozenset({"value", "note", "problem", "measure", "status"})  # may hold line breaks


class StrictJsonError(ValueError):
    """Why the text is refused, in Chinese."""


# A text editor (Windows Notepad before 2019) may save UTF-8 with a byte order mark; the content,
# and so its checksum and signature, are unchanged, so it is read as if the mark were not there.
UTF8_BOM = "\ufeff"


# A JSON string, or an unterminated one to the end of the text: one match from every quote, never a
# search again from inside it (linear however the quotes and backslashes are laid out).
_STRING = re.compile(r'"(?:[^"\\]|\\.?)*+(?:"|\Z)', re.DOTALL)


def loads(text: str) -> Any:
    text = text.removeprefix(UTF8_BOM)
    _check_containers(text)
    return json.loads(
        text,
        object_pairs_hook=_no_duplicates,
        parse_float=_number,
        parse_int=_integer,
        parse_constant=_constant,
    )


_DECODE_REASONS = {  # json's own messages (CPython 3.10–3.13), in Chinese
    "Expecting value": "此处缺少内容",
    "Unterminated string starting at": "字符串没有结束",
    "Expecting ',' delimiter": "缺少逗号",
    "Expecting ':' delimiter": "缺少冒号",
    "Expecting property name enclosed in double quotes": "缺少字段名（或多了逗号）",
    "Extra data": "结尾有多余内容",
    "Invalid control character at": "字符串中有控制字符",
    "Invalid \\escape": "字符串中有无效的转义（反斜杠）",
    "Invalid \\uXXXX escape": "字符串中有无效的 \\u 转义",
    "Illegal trailing comma before end of object": "对象末尾多了逗号",
    "Illegal trailing comma before end of array": "数组末尾多了逗号",
}


def decode_reason(error: json.JSONDecodeError) -> str:
    """Why the text is not JSON, in Chinese, with the line and column: never json's English."""
    message = next((v for k, v in _DECODE_REASONS.items() if error.msg.startswith(k)), "不符合 JSON 语法")
    return f"第{error.lineno}行第{error.colno}列：{message}"


def _check_containers(text: str) -> None:
    """Refuse before parsing a text of more objects and arrays than any real file holds: each
    costs ~60–230 bytes parsed, and a file of nothing but them would take hundreds of MB."""
    if text.count("{") + text.count("[") <= MAX_CONTAINERS:  # the usual case: brackets in text count too
        return
    bare = _STRING.sub("", text)  # strings aside, what is left is structure
    count = bare.count("{") + bare.count("[")
    if count > MAX_CONTAINERS:
        raise StrictJsonError(
            f"结构过于复杂：对象和数组过多或嵌套过深（{count}个，上限{MAX_CONTAINERS}），不是减负助手导出的文件"
        )


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)  # in C; fewer keys than pairs means a key came twice
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise StrictJsonError(f"字段“{printable(key)}”在同一处出现了两次，无法确定以哪个为准")
            seen.add(key)
    return result


def _number(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or abs(value) > MAX_ABS_NUMBER:
        raise StrictJsonError(f"数值 {text[:40]} 超出允许范围（绝对值不超过 {MAX_ABS_NUMBER:.0e}）")
    return value


def _integer(text: str) -> int:
    if len(text) > 12:
        raise StrictJsonError(f"数值 {text[:40]}… 超出允许范围（绝对值不超过 {MAX_ABS_NUMBER:.0e}）")
    value = int(text)
    problem = number_problem(value)
    if problem:
        raise StrictJsonError(problem)
    return value


def _constant(name: str) -> Any:
    raise StrictJsonError(f"含有 JSON 不允许的数值 {name}")


def check_sizes(document: Any) -> str | None:
    """Row counts beyond the documented maxima, named plainly (the schema would only say that the
    value has the wrong type, because an answer may be of several types)."""
    if not isinstance(document, dict):
        return None
    answers = document.get("answers")
    for item_id, entry in answers.items() if isinstance(answers, dict) else []:
        value = entry.get("value") if isinstance(entry, dict) else None
        if isinstance(value, list) and len(value) > MAX_TABLE_ROWS:
            return f"{_where(['answers', item_id])}：表格行数 {len(value)} 超过上限 {MAX_TABLE_ROWS}"
    plan = document.get("plan")
    if isinstance(plan, list) and len(plan) > MAX_PLAN_ITEMS:
        return f"整改事项 {len(plan)} 项，超过上限 {MAX_PLAN_ITEMS} 项"
    return None


def check_text_and_dates(document: Any, serialised: str | None = None) -> str | None:
    """The first string that may not be stored, with where it is; None when all are fine.

    ``serialised``: every string and key of ``document`` as JSON text written by the C encoder
    with ``ensure_ascii=False`` (the reader has the canonical form at hand), to spare a pass."""
    fine = _no_control_character_anywhere(document, serialised) or _all_text_fine(document, None, None)
    problem = None if fine else _walk(document, [])
    if problem:
        return problem
    if isinstance(document, dict):
        return _dates(document)
    return None


# In json.dumps(ensure_ascii=False) output a control character is an escape (\b \t \n \f \r \u00xx)
# or, from U+007F, itself; a surrogate is itself. No match: no string or key holds either.
_CONTROL_ESCAPE = re.compile("\\\\[btnfru]")  # a literal start: searched at memchr speed
_CONTROL_CHARACTER = re.compile("[\x7f-\x9f\ud800-\udfff]")


def _no_control_character_anywhere(document: Any, serialised: str | None = None) -> bool:
    """One pass in C over the whole document; a match (even a harmless one) means: walk.

    ``str.isprintable`` is false for every control character (Cc) and surrogate (Cs), and three
    times faster than the character class; it is also false for some harmless characters (a
    full-width space), and then the class decides."""
    text = serialised
    if text is None:
        try:
            text = json.dumps(document, ensure_ascii=False)
        except (TypeError, ValueError):
            return False
    if _CONTROL_ESCAPE.search(text) is not None:
        return False
    return text.isprintable() or _CONTROL_CHARACTER.search(text) is None


def _all_text_fine(value: Any, key: str | None, parent_key: str | None) -> bool:
    """Whether every string and key passes ``text_problem``: the same rule as ``_walk`` (long
    text is a value under a LONG_TEXT_FIELDS key or inside ``cells``), one regex search a string
    and no path kept; ``_walk`` then names the first problem."""
    if isinstance(value, str):
        multiline = key in LONG_TEXT_FIELDS or parent_key == "cells"
        return (LONG_TEXT_REFUSED if multiline else SHORT_TEXT_REFUSED).search(value) is None
    if isinstance(value, dict):
        for item_key, item in value.items():
            if SHORT_TEXT_REFUSED.search(item_key) or not _all_text_fine(item, item_key, key):
                return False
    elif isinstance(value, list):
        for item in value:
            if not _all_text_fine(item, "", key):  # an index is never a long-text field name
                return False
    return True


def _walk(value: Any, path: list[str]) -> str | None:
    if isinstance(value, str):
        multiline = bool(path) and (path[-1] in LONG_TEXT_FIELDS or (len(path) > 1 and path[-2] == "cells"))
        problem = text_problem(value, multiline=multiline)
        return f"{_where(path)}：{problem}" if problem else None
    if isinstance(value, dict):
        for key, item in value.items():
            problem = text_problem(key)
            if problem:
                return f"{_where(path)} 的字段名：{problem}"
            found = _walk(item, [*path, key])
            if found:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = _walk(item, [*path, str(index + 1)])
            if found:
                return found
    return None


def _dates(document: dict[str, Any]) -> str | None:
    for field in ("base_date",):
        problem = _date_text(document.get(field), with_time=False)
        if problem:
            return f"{field}：{problem}"
    for field in ("exported_at", "updated_at"):
        value = document.get(field)
        if value:  # an assessment never saved has no updated_at
            problem = _date_text(value, with_time=True)
            if problem:
                return f"{field}：{problem}"
    plan = document.get("plan")
    for index, item in enumerate(plan if isinstance(plan, list) else [], start=1):
        deadline = item.get("deadline") if isinstance(item, dict) else None
        if deadline:
            problem = _date_text(deadline, with_time=False)
            if problem:
                return f"整改事项第 {index} 项的完成时限：{problem}"
    return None


def _date_text(value: Any, with_time: bool) -> str | None:
    if not isinstance(value, str):
        return None  # the schema reports the type
    try:
        day = dt.datetime.fromisoformat(value).date() if with_time else dt.date.fromisoformat(value)
    except ValueError:
        return f"“{value[:40]}”不是有效的日期"
    return date_problem(day)


def _where(path: list[str]) -> str:
    return " → ".join(printable(p) for p in path) or "顶层"


def printable(text: str) -> str:
    """``text`` for an error message: control characters shown as \\xNN, at most 40 characters."""
    return "".join(c if c >= " " and c != "\x7f" else f"\\x{ord(c):02x}" for c in text[:40])
