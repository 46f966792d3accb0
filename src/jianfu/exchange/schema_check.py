"""A fast yes/no check of a document against the file format's JSON Schema, built from the same
schema file, with each ``anyOf`` chosen by the value's type instead of tried branch by branch.

It only says "certainly valid": whatever it refuses goes to fastjsonschema, which gives the
verdict and names the place. So it may be stricter than the schema (1.0 is not an integer here;
``$`` matches only at the very end), never more lenient: a property test holds it to that on
mutated files. A schema keyword it does not know makes ``compile_check`` refuse the schema, and
every file then goes to fastjsonschema alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

_IGNORED = frozenset({"$schema", "$id", "title", "description", "$defs", "definitions", "$comment"})
_TYPES: dict[str, tuple[type, ...]] = {
    "null": (type(None),),
    "boolean": (bool,),
    "integer": (int,),
    "number": (int, float),
    "string": (str,),
    "array": (list,),
    "object": (dict,),
}


class UnsupportedSchema(ValueError):
    """The schema uses something this checker does not implement."""


def compile_check(schema: dict[str, Any]) -> Check:
    """The yes/no check for ``schema``; raises UnsupportedSchema for what it cannot check."""
    definitions = schema.get("$defs", {})
    compiled: dict[str, Check] = {}

    def resolve(ref: str) -> Check:
        if not ref.startswith("#/$defs/") or ref[8:] not in definitions:
            raise UnsupportedSchema(ref)
        name = ref[8:]
        if name not in compiled:
            compiled[name] = _always  # a cycle would check against this placeholder: refuse it
            compiled[name] = build(definitions[name])
            if compiled[name] is _always:
                raise UnsupportedSchema(ref)
        return compiled[name]

    def build(node: Any) -> Check:
        if node is True or node == {}:
            return _always
        if not isinstance(node, dict):
            raise UnsupportedSchema(repr(node))
        unknown = set(node) - _IGNORED - _KNOWN
        if unknown:
            raise UnsupportedSchema(", ".join(sorted(unknown)))
        if "$ref" in node:
            if len(set(node) - _IGNORED) > 1:
                raise UnsupportedSchema("$ref beside other keywords")
            return resolve(node["$ref"])
        checks = [_typed(node, build)]
        if "anyOf" in node:
            checks.append(
                _any_of([build(s) for s in node["anyOf"]], [_accepted_types(s, definitions) for s in node["anyOf"]])
            )
        if "const" in node:
            checks.append(_equal_to([node["const"]]))
        if "enum" in node:
            checks.append(_equal_to(list(node["enum"])))
        checks = [c for c in checks if c is not _always]
        if not checks:
            return _always
        if len(checks) == 1:
            return checks[0]
        return lambda value: all(check(value) for check in checks)

    return build(schema)


_KNOWN = frozenset(
    {
        "$ref",
        "type",
        "anyOf",
        "const",
        "enum",
        "maxLength",
        "minLength",
        "pattern",
        "format",
        "minimum",
        "maximum",
        "maxItems",
        "items",
        "required",
        "properties",
        "additionalProperties",
        "maxProperties",
        "propertyNames",
    }
)


def _always(_value: Any) -> bool:
    return True


def _typed(node: dict[str, Any], build: Callable[[Any], Check]) -> Check:
    """The ``type`` keyword with the keywords that apply to each type, as one check."""
    names = node.get("type")
    if names is None:
        allowed: tuple[type, ...] | None = None
    else:
        names = [names] if isinstance(names, str) else list(names)
        if any(n not in _TYPES for n in names):
            raise UnsupportedSchema(str(names))
        allowed = tuple({t for n in names for t in _TYPES[n]})
    string = _string_check(node)
    number = _number_check(node)
    array = _array_check(node, build)
    obj = _object_check(node, build)
    if allowed is None and (string, number, array, obj) == (None, None, None, None):
        return _always
    single = _single_type(allowed, string, number, array, obj)
    if single is not None:
        return single

    def check(value: Any) -> bool:
        kind = type(value)
        if allowed is not None and kind not in allowed:
            return False
        if kind is str:
            return string is None or string(value)
        if kind is int or kind is float:
            return number is None or number(value)
        if kind is list:
            return array is None or array(value)
        if kind is dict:
            return obj is None or obj(value)
        return kind is bool or value is None  # anything else never comes out of JSON

    return check


def _single_type(
    allowed: tuple[type, ...] | None, string: Check | None, number: Check | None, array: Check | None, obj: Check | None
) -> Check | None:
    """The common nodes (one type, its own keywords) as one short function: most of a file's
    values are checked by these."""
    if allowed is None or len(allowed) != 1:
        return None
    kind = allowed[0]
    own = {str: string, list: array, dict: obj, int: number}.get(kind)
    if kind is int and number is not None:
        return lambda value: type(value) is int and number(value)
    if own is None:
        return lambda value: type(value) is kind
    return lambda value: type(value) is kind and own(value)


def _string_check(node: dict[str, Any]) -> Check | None:
    longest = node.get("maxLength")
    shortest = node.get("minLength", 0)
    pattern = _pattern(node.get("pattern"))
    form = node.get("format")
    if form not in (None, "date"):
        raise UnsupportedSchema(f"format {form}")
    if longest is None and not shortest and pattern is None and form is None:
        return None
    limit = longest if longest is not None else float("inf")
    date = _date_pattern() if form == "date" else None
    if pattern is None and date is None:
        if not shortest:
            return lambda text: len(text) <= limit
        return lambda text: shortest <= len(text) <= limit

    def check(text: str) -> bool:
        if not shortest <= len(text) <= limit:
            return False
        if pattern is not None and pattern(text) is None:
            return False
        return date is None or date(text) is not None

    return check


def _date_pattern() -> Callable[[str], Any]:
    """fastjsonschema's own test of the ``date`` format, so both agree on what a date is."""
    from fastjsonschema.draft07 import CodeGeneratorDraft07

    return re.compile(CodeGeneratorDraft07.FORMAT_REGEXS["date"]).search


def _pattern(pattern: str | None) -> Callable[[str], Any] | None:
    if pattern is None:
        return None
    # Only an anchored end is known: "$" (which also matches before a final line break) is made
    # "\Z", so this check is never more lenient than the schema's.
    body = pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern
    if "$" in body.replace("\\$", ""):
        raise UnsupportedSchema(f"pattern {pattern}")
    return re.compile(body).search


def _number_check(node: dict[str, Any]) -> Check | None:
    low, high = node.get("minimum"), node.get("maximum")
    if low is None and high is None:
        return None
    low = float("-inf") if low is None else low
    high = float("inf") if high is None else high
    return lambda number: low <= number <= high


def _array_check(node: dict[str, Any], build: Callable[[Any], Check]) -> Check | None:
    most = node.get("maxItems")
    items = node.get("items")
    if isinstance(items, list):
        raise UnsupportedSchema("items as a list")
    if most is None and items is None:
        return None
    limit = most if most is not None else float("inf")
    item = build(items) if items is not None else _always
    if item is _always:
        return lambda values: len(values) <= limit
    return lambda values: len(values) <= limit and all(map(item, values))


def _object_check(node: dict[str, Any], build: Callable[[Any], Check]) -> Check | None:
    keywords = ("required", "properties", "additionalProperties", "maxProperties", "propertyNames")
    if not any(k in node for k in keywords):
        return None
    required = frozenset(node.get("required", ()))
    properties = {name: build(sub) for name, sub in node.get("properties", {}).items()}
    extra = node.get("additionalProperties", True)
    extra_check = None if extra is False else build(extra)
    most = node.get("maxProperties", float("inf"))
    names = build(node["propertyNames"]) if "propertyNames" in node else None
    known = frozenset(properties)
    # Plain text and flags (most fields of a plan item or an answer) are checked in the loop,
    # without a call each.
    plain = {name: spec for name, sub in node.get("properties", {}).items() if (spec := _plain(sub)) is not None}

    def check(mapping: dict[str, Any]) -> bool:
        if len(mapping) > most or not required <= mapping.keys():
            return False
        if extra_check is None and not mapping.keys() <= known:
            return False
        value: Any
        for key, value in mapping.items():
            spec = plain.get(key)
            if spec is not None:
                kind, shortest, longest = spec
                if kind is str and type(value) is str:
                    if not shortest <= len(value) <= longest:
                        return False
                elif type(value) is not kind:
                    return False
            else:
                sub = properties.get(key, extra_check)
                if sub is None or not sub(value):
                    return False
            if names is not None and not names(key):
                return False
        return True

    return check


def _plain(node: Any) -> tuple[type, int, float] | None:
    """(type, shortest, longest) of a node that is only a string's length bounds or a boolean."""
    if not isinstance(node, dict) or not set(node) - _IGNORED <= {"type", "minLength", "maxLength"}:
        return None
    if node.get("type") == "string":
        return str, int(node.get("minLength", 0)), float(node.get("maxLength", float("inf")))
    if node.get("type") == "boolean" and set(node) - _IGNORED == {"type"}:
        return bool, 0, 0.0
    return None


def _accepted_types(node: Any, definitions: dict[str, Any]) -> frozenset[type] | None:
    """The Python types a branch of ``anyOf`` can accept at all (None: any)."""
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 20:
        node = definitions.get(str(node["$ref"]).removeprefix("#/$defs/"), {})
        seen += 1
    if not isinstance(node, dict) or "type" not in node:
        return None
    names = [node["type"]] if isinstance(node["type"], str) else node["type"]
    return frozenset(t for n in names for t in _TYPES.get(n, ()))


def _any_of(branches: list[Check], accepted: list[frozenset[type] | None]) -> Check:
    """``anyOf``, trying only the branches that accept the value's type."""
    by_type: dict[type, list[Check]] = {}
    for kind in {t for types in _TYPES.values() for t in types}:
        by_type[kind] = [b for b, types in zip(branches, accepted, strict=True) if types is None or kind in types]

    only = {kind: found[0] for kind, found in by_type.items() if len(found) == 1}

    def check(value: Any) -> bool:
        kind = type(value)
        branch = only.get(kind)
        if branch is not None:
            return branch(value)
        return any(branch(value) for branch in by_type.get(kind, branches))

    return check


def _equal_to(options: list[Any]) -> Check:
    """``const``/``enum``: equal and of the same type (so True is not 1, nor 2.0 the 2)."""
    return lambda value: any(type(value) is type(o) and value == o for o in options)
