"""Canonical JSON bytes (RFC 8785, the JSON Canonicalization Scheme) for checksums and signatures.

Any system can recompute them: keys sorted by their UTF-16 code units, no whitespace, strings
with only the escapes JSON requires, and numbers written the way ECMAScript's
``Number.prototype.toString`` writes them (``250`` not ``250.0``, ``1e+21``, ``1.5e-7``), which
is what ``JSON.stringify`` and ``jq -S -c`` produce for the numbers a Jianfu file can hold.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


class CanonicalError(ValueError):
    """A value that has no canonical JSON form (infinity, NaN, an unknown type)."""


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_AS_IS = frozenset({str, bool, type(None)})  # written by the C encoder exactly as RFC 8785 does
_EXACT_INTEGER = 2**53  # every whole float up to here is written by ECMAScript as its exact integer


class _NeedsReference(Exception):
    """The value holds something the C encoder would write differently; use the reference."""


def canonical_bytes(value: Any) -> bytes:
    """The RFC 8785 serialisation of ``value`` as UTF-8 bytes (a lone surrogate raises)."""
    try:
        return canonical_text(value).encode("utf-8")
    except UnicodeEncodeError:
        return canonical_bytes_reference(value)  # raises CanonicalError, naming the problem


def canonical_text(value: Any) -> str:
    """The RFC 8785 serialisation of ``value`` as text, whose UTF-8 is ``canonical_bytes``; it
    may hold a lone surrogate (which has no UTF-8), where ``canonical_bytes`` raises.

    Fast path: Python's C encoder writes strings exactly as RFC 8785 asks when ``ensure_ascii``
    is off (only ``"``, ``\\`` and characters below U+0020 escaped, as \\b \\t \\n \\f \\r or
    lowercase \\u00xx), and integers as their digits. What it would write differently is turned
    into an equivalent value first (whole floats become integers, keys are put in UTF-16 order)
    or, for the rare rest (a float written with an exponent, anything invalid), the whole value
    goes to the reference writer, which also raises the errors. A test compares both on
    generated JSON.
    """
    try:
        prepared = _prepare(value)
        return json.dumps(prepared, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (_NeedsReference, TypeError, ValueError):
        return canonical_bytes_reference(value).decode("utf-8")


# The C encoder with keys sorted: what strict_text_of_parsed starts from.
_SORTED = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False).encode
_WHOLE_FLOAT = re.compile(r"\.0(?=[,\]}])")  # "250.0" as a value (or inside a string)
_EXPONENT = re.compile(r"e[-+]\d")  # "1e-07", "1.5e+16" (or inside a string)


def canonical_text_of_parsed(value: Any) -> str:
    """``canonical_text`` for a document as ``strict_json.loads`` returns it (text keys, only
    JSON types, no integer beyond 12 digits: its hook refuses them), without a walk in Python.

    The C encoder, keys sorted, writes such a document as RFC 8785 does except for keys with
    astral characters (ordered by code point, not UTF-16) and floats written with an exponent
    (``1e-07``) or as a whole (``250.0``): whole floats are rewritten in the text (``250``), where
    they stand outside strings; anything else goes to ``canonical_text``. A test compares both.
    """
    if type(value) is not dict:
        return canonical_text(value)
    try:
        text = _SORTED(value)
    except (TypeError, ValueError):
        return canonical_text(value)  # not JSON at all: canonical_text names it
    if _EXPONENT.search(text) is not None or _ASTRAL.search(text) is not None:
        return canonical_text(value)
    wholes = [m.start() for m in _WHOLE_FLOAT.finditer(text)]
    if not wholes:
        return text
    if '\\"' in text:  # an escaped quote: telling strings apart needs a real scan
        return canonical_text(value)
    # No escaped quote: every quote opens or closes a string, so an even count before a match
    # puts it outside strings, on a number (in ``{"a":250.0}`` the float, in ``{"a":"x:250.0,"}`` text).
    parts: list[str] = []
    done = counted = quotes = 0
    for at in wholes:
        quotes += text.count('"', counted, at)
        counted = at
        if quotes % 2:
            continue
        if text[at - 2 : at] == "-0" and text[at - 3] in ":,[":
            parts.append(text[done : at - 2] + "0")  # -0.0 is written 0
        else:
            parts.append(text[done:at])
        done = at + 2
    parts.append(text[done:])
    return "".join(parts)


def canonical_bytes_reference(value: Any) -> bytes:
    """The RFC 8785 serialisation written character by character: slow, but plain to check."""
    parts: list[str] = []
    _write(value, parts)
    return "".join(parts).encode("utf-8")


def _prepare(value: Any) -> Any:
    """``value`` with every part the C encoder writes exactly as RFC 8785 does."""
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return value
    if kind is int:
        if -_EXACT_INTEGER <= value <= _EXACT_INTEGER:
            return value
        raise _NeedsReference
    if kind is float:
        if value.is_integer() and -_EXACT_INTEGER <= value <= _EXACT_INTEGER:
            return int(value)  # 250.0 is written 250, -0.0 is written 0
        if math.isfinite(value) and repr(value) == format_number(value):
            return value  # 0.25, 123.5: repr and ECMAScript agree
        raise _NeedsReference  # 1e-07 against 1e-7, or not a number at all
    if kind is dict:
        keys = sorted(value)  # a key that is not text raises TypeError (or is caught below)
        for key in keys:
            if type(key) is not str:
                raise _NeedsReference
        if _ASTRAL.search("".join(keys)):  # code point order differs from UTF-16 order
            keys.sort(key=_utf16_key)
        # Text, flags and nulls, most of a file, are taken as they are without a call.
        return {key: item if type(item) in _AS_IS else _prepare(item) for key in keys for item in (value[key],)}
    if kind is list or kind is tuple:
        return [item if type(item) in _AS_IS else _prepare(item) for item in value]
    raise _NeedsReference  # subclasses and unknown types: the reference decides


def format_number(number: float | int) -> str:
    """ECMAScript's shortest round-trip form of a number (RFC 8785 section 3.2.2.3)."""
    if isinstance(number, bool) or not isinstance(number, (int, float)):
        raise CanonicalError(f"不是数值：{number!r}")
    value = float(number)
    if not math.isfinite(value):
        raise CanonicalError("数值不是有限数")
    if isinstance(number, int) and abs(number) > 2**53:
        raise CanonicalError("整数超出可精确表示的范围")
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    digits, exponent = _shortest_digits(abs(value))
    # ``digits`` × 10^(exponent - len(digits)): ECMAScript's k digits with n = exponent.
    k, n = len(digits), exponent
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * (-n) + digits
    e = n - 1
    mantissa = digits if k == 1 else digits[0] + "." + digits[1:]
    return f"{sign}{mantissa}e{'+' if e >= 0 else '-'}{abs(e)}"


def _shortest_digits(value: float) -> tuple[str, int]:
    """Python's repr is the shortest round-trip form too; take its digits and decimal exponent."""
    text = repr(value)
    mantissa, _, exp_text = text.partition("e")
    exponent = int(exp_text) if exp_text else 0
    whole, _, fraction = mantissa.partition(".")
    digits = (whole + fraction).lstrip("0")
    exponent += len(whole) - (len(whole + fraction) - len((whole + fraction).lstrip("0")))
    digits = digits.rstrip("0") or "0"
    return digits, exponent


def _write(value: Any, parts: list[str]) -> None:
    if value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, (int, float)):
        parts.append(format_number(value))
    elif isinstance(value, str):
        parts.append(_string(value))
    elif isinstance(value, (list, tuple)):
        parts.append("[")
        for index, item in enumerate(value):
            if index:
                parts.append(",")
            _write(item, parts)
        parts.append("]")
    elif isinstance(value, dict):
        parts.append("{")
        for index, key in enumerate(sorted(value, key=_utf16_key)):
            if not isinstance(key, str):
                raise CanonicalError(f"对象的键不是文字：{key!r}")
            if index:
                parts.append(",")
            parts.append(_string(key))
            parts.append(":")
            _write(value[key], parts)
        parts.append("}")
    else:
        raise CanonicalError(f"无法写成 JSON 的值：{type(value).__name__}")


def _utf16_key(key: str) -> bytes:
    return key.encode("utf-16-be", "surrogatepass")


def _string(text: str) -> str:
    out = ['"']
    for char in text:
        if char in _SHORT_ESCAPES:
            out.append(_SHORT_ESCAPES[char])
        elif char < " ":
            out.append(f"\\u{ord(char):04x}")
        elif "\ud800" <= char <= "\udfff":
            raise CanonicalError("文字中含有不成对的代理字符")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)
